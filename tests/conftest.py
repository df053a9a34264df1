"""Fixtures for plugopt's tests.

The tests run in the project venv and start the interpreters of a build
folder ($PLUGOPT_BUILD_DIR, else ./build) as subprocesses.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import REPO_ROOT, output, run, run_python

from scripts.build import cpython_pin as pin
from scripts.build import fetch_cpython
from scripts.layout import BuildFolder
from scripts.validate.common import restore_sigint

# A background job of a non-interactive shell has SIGINT ignored, and so would
# every interpreter the tests start: CPython's tests of Ctrl-C (test_generators'
# test_raise_and_yield_from) would then fail.
restore_sigint()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `long` first: with the suite spread over workers
    (scripts/run_tests.py), one started last would keep one worker busy alone at
    the end."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def build_dir(repo_root: Path) -> Path:
    path = Path(os.environ.get("PLUGOPT_BUILD_DIR") or repo_root / "build").resolve()
    if not BuildFolder(path).patched_python.exists():
        pytest.fail(f"{BuildFolder(path).patched_python} does not exist: build first with "
                    "`python3 -m scripts build` (or set PLUGOPT_BUILD_DIR to a "
                    "built meson folder)", pytrace=False)
    return path


@pytest.fixture(scope="session")
def build_mode(build_dir: Path) -> str:
    """The build folder's build_mode option (release or dev), as meson records it."""
    options = json.loads((build_dir / "meson-info" / "intro-buildoptions.json").read_text())
    return next(option["value"] for option in options if option["name"] == "build_mode")


@pytest.fixture(scope="session")
def patched_python(build_dir: Path) -> Path:
    return BuildFolder(build_dir).patched_python


@pytest.fixture(scope="session")
def baseline_python(build_dir: Path) -> Path:
    path = BuildFolder(build_dir).baseline_python
    if not path.exists():
        pytest.fail(f"{path} does not exist: the build folder has no baseline interpreter",
                    pytrace=False)
    return path


@pytest.fixture(scope="session")
def installed_prefix(tmp_path_factory: pytest.TempPathFactory, build_dir: Path) -> Path:
    """The build installed with `python3 -m scripts install --prefix` into a temporary folder, as a
    user would install it (what the build folder holds is only the build's own prefix)."""
    prefix = tmp_path_factory.mktemp("installed") / "opt" / "plugopt"
    result = run([sys.executable, "-m", "scripts", "install",
                  "--build-dir", build_dir, "--prefix", prefix], timeout=900, cwd=REPO_ROOT)
    if result.returncode != 0:
        pytest.fail(f"python3 -m scripts install failed:\n{output(result)}", pytrace=False)
    return prefix


@pytest.fixture(scope="session")
def pinned_tarball() -> Path:
    """The verified CPython tarball in the cache the build used (never downloaded here)."""
    path = fetch_cpython.cache_dir() / pin.TARBALL_NAME
    if not path.is_file():
        pytest.fail(f"{path} does not exist: the build caches the pinned tarball there "
                    "(run `python3 -m scripts build` with the same PLUGOPT_CACHE / "
                    "XDG_CACHE_HOME as the tests)", pytrace=False)
    try:
        return fetch_cpython.fetch(path)
    except fetch_cpython.FetchError as exc:
        pytest.fail(str(exc), pytrace=False)


# The optimizer API's tests: programs that drive tests/testopt/testopt.c.
TESTOPT_PRELUDE = """
import dis, gc, marshal, sys, weakref
import _optimizer, testopt
ENTRY = _optimizer.PY_OPTIMIZE_FUNCTION_ENTRY
YIELD = _optimizer.PY_OPTIMIZE_RESUME_AFTER_YIELD
BACK = _optimizer.PY_OPTIMIZE_BACK_EDGE

def offset_of(func, opname, nth=0):
    found = [i.offset // 2 for i in dis.get_instructions(func) if i.opname == opname]
    return found[nth]
"""


@pytest.fixture(scope="session")
def api(patched_python: Path, build_dir: Path):
    """Run a program (TESTOPT_PRELUDE + code) in the patched interpreter, with the
    test-only optimizer testopt importable; return the finished process."""
    env = {"PYTHONPATH": str(build_dir / "tests" / "testopt")}

    def run_program(code: str, *, extra_env: dict[str, str] | None = None, expect_ok: bool = True):
        program = TESTOPT_PRELUDE + textwrap.dedent(code)
        result = run_python(patched_python, program, env={**env, **(extra_env or {})},
                            timeout=120)
        if expect_ok:
            assert result.returncode == 0, output(result)
        return result
    return run_program
