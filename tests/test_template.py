"""optimizers/template: an out-of-tree optimizer project that pip installs.

From a clean copy of the template, `pip install` (meson-python, build
isolation) into a venv of the patched interpreter, then load it with
`-X optimizer=hello_optimizer`; the same install with the baseline (stock
3.11.2) interpreter must stop with the template's own error message.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from helpers import output, run, run_python

MODULE = "hello_optimizer"
# What meson.build says when Python.h lacks the optimizer API.
STOCK_ERROR = f"{MODULE} needs the plugopt interpreter"

PIP_TIMEOUT = 600.0  # downloads meson-python, meson and ninja into an isolated env

# A hot loop; prints whether MODULE was loaded before the program ran, the
# loop's result, then what the optimizer saw.
PROGRAM = f"""
import sys
print("loaded before main:", {MODULE!r} in sys.modules)
import _optimizer
import {MODULE}

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

before = {MODULE}.loop_entries()   # startup may have run hot loops too
print("result:", work(1000))
entries = {MODULE}.loop_entries() - before
print("registered:", {MODULE}.optimizer in _optimizer.get_optimizers())
print("executors:", sorted(type(e).__name__ for e in
                           _optimizer.get_executors(work.__code__).values()))
print("loop entries:", entries)
"""


def clean_copy(repo_root: Path, dest: Path) -> Path:
    """optimizers/template copied to dest, without anything a build left there."""
    shutil.copytree(repo_root / "optimizers" / "template", dest,
                    ignore=shutil.ignore_patterns("build", "build-*", ".mesonpy-*",
                                                  "__pycache__", "*.so", "*.o", "*.egg-info"))
    return dest


def venv_with(python: Path, path: Path) -> Path:
    """A venv of `python` at `path`; returns its python."""
    created = run([python, "-m", "venv", path], timeout=300)
    assert created.returncode == 0, output(created)
    return path / "bin" / "python"


def pip_install(venv_python: Path, project: Path):
    return run([venv_python, "-m", "pip", "install", "--disable-pip-version-check",
                project], timeout=PIP_TIMEOUT)


@pytest.fixture(scope="module")
def template_venv(tmp_path_factory: pytest.TempPathFactory, repo_root: Path,
                  installed_prefix: Path) -> Path:
    """A venv of the patched interpreter, installed at a prefix of its own as a user
    installs it, with the template pip-installed (so compiled against the headers
    under that prefix; shared: every install downloads the build backend)."""
    tmp = tmp_path_factory.mktemp("template")
    project = clean_copy(repo_root, tmp / "hello-optimizer")
    python = venv_with(installed_prefix / "bin" / "python3", tmp / "venv")
    installed = pip_install(python, project)
    assert installed.returncode == 0, output(installed)
    return python


def check_program(result, *, loaded_before_main: bool) -> None:
    assert result.returncode == 0, output(result)
    lines = result.stdout.splitlines()
    assert lines[:1] == [f"loaded before main: {loaded_before_main}"], (
        f"{MODULE} should {'' if loaded_before_main else 'not '}be imported before the "
        f"program runs (-X optimizer / PYTHONOPTIMIZER)\n{output(result)}")
    assert lines[:4] == [
        f"loaded before main: {loaded_before_main}",
        "result: 499500",
        "registered: True",
        "executors: ['HelloExecutor']",   # one, at the loop head
    ], output(result)
    match = re.fullmatch(r"loop entries: (\d+)", lines[4])
    assert match, output(result)
    # The loop head is reached 1001 times (the last ends the loop); the
    # executor sees those after the compile threshold.
    assert 0 < int(match[1]) <= 1001, output(result)


def test_pyproject_pins_the_build_backend(repo_root: Path) -> None:
    pyproject = tomllib.loads((repo_root / "optimizers" / "template" / "pyproject.toml")
                              .read_text(encoding="utf-8"))
    requires = pyproject["build-system"]["requires"]
    pins = dict(req.split("==", 1) for req in requires if "==" in req)
    assert len(pins) == len(requires), requires     # every requirement pinned with ==
    assert set(pins) == {"meson-python", "meson", "ninja"}, requires
    assert pyproject["build-system"]["build-backend"] == "mesonpy"
    # meson and ninja as the project's own tools
    ours = dict(line.split("==", 1) for line in
                (repo_root / "requirements.txt").read_text(encoding="utf-8").splitlines()
                if "==" in line and not line.startswith("#"))
    assert pins["meson"] == ours["meson"] and pins["ninja"] == ours["ninja"], (pins, ours)


def test_installed_in_the_venv(template_venv: Path) -> None:
    result = run_python(template_venv, f"import {MODULE}; print({MODULE}.__file__)")
    assert result.returncode == 0, output(result)
    venv = template_venv.parent.parent
    assert Path(result.stdout.strip()).is_relative_to(venv / "lib"), output(result)


def test_compiled_against_the_installed_headers(template_venv: Path,
                                                installed_prefix: Path) -> None:
    result = run_python(template_venv, "import sysconfig; print(sysconfig.get_paths()['include'])")
    assert result.returncode == 0, output(result)
    assert Path(result.stdout.strip()) == installed_prefix / "include" / "python3.11"


def test_loaded_with_x_optimizer(template_venv: Path) -> None:
    result = run([template_venv, "-X", f"optimizer={MODULE}", "-c", PROGRAM])
    check_program(result, loaded_before_main=True)


def test_loaded_with_pythonoptimizer(template_venv: Path) -> None:
    result = run([template_venv, "-c", PROGRAM], env={"PYTHONOPTIMIZER": MODULE})
    check_program(result, loaded_before_main=True)


def test_import_registers_it(template_venv: Path) -> None:
    result = run([template_venv, "-c", PROGRAM])
    check_program(result, loaded_before_main=False)


def test_stock_python_build_fails_clearly(tmp_path: Path, repo_root: Path,
                                          baseline_python: Path) -> None:
    project = clean_copy(repo_root, tmp_path / "hello-optimizer")
    python = venv_with(baseline_python, tmp_path / "venv")
    installed = pip_install(python, project)
    assert installed.returncode != 0, output(installed)
    assert STOCK_ERROR in installed.stdout + installed.stderr, output(installed)
    assert "cpython/optimizer.h" in installed.stdout + installed.stderr, output(installed)
    imported = run_python(python, f"import {MODULE}")
    assert "ModuleNotFoundError" in imported.stderr, output(imported)
