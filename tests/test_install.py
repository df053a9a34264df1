"""`python3 -m scripts install --prefix DIR`: the patched interpreter, its headers and the sample
optimizers at a prefix of the user's choice, working from there; bad prefixes are clear
errors that change nothing."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from scripts.build import install_prefix
from helpers import REPO_ROOT, output, run, run_python

# A float loop jit compiles, and the statistics of every optimizer loaded.
HOT_LOOP = """
import json, sys, _optimizer
def work(n):
    total = 0.0
    for i in range(n):
        total += i * 0.5
    return total
for _ in range(20):
    work(10_000)
report = {"stats": _optimizer.get_stats(), "prefix": sys.prefix}
if "plugopt.jit" in sys.modules:
    from plugopt import _jit_cache
    import sysconfig
    report["jit"] = sys.modules["plugopt.jit"].stats()
    report["include"] = sysconfig.get_paths()["include"]
    report["flags"] = _jit_cache.compile_flags()
print(json.dumps(report))
"""


def text_files_naming(tree: Path, needle: str) -> list[Path]:
    found = []
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink() and install_prefix.is_text(path):
            if needle.encode() in path.read_bytes():
                found.append(path)
    return found


def test_installed_tree_names_its_own_prefix(installed_prefix: Path, build_dir: Path) -> None:
    python = installed_prefix / "bin" / "python3"
    result = run_python(python, "import sys, sysconfig; print(sys.prefix); "
                        "print(sysconfig.get_config_var('prefix')); "
                        "print(sysconfig.get_paths()['include']); "
                        "print(sysconfig.get_paths()['stdlib'])")
    assert result.returncode == 0, output(result)
    prefix, config_prefix, include, stdlib = result.stdout.splitlines()
    assert Path(prefix) == installed_prefix
    assert Path(config_prefix) == installed_prefix
    assert Path(include) == installed_prefix / "include" / "python3.11"
    assert (Path(include) / "cpython" / "optimizer.h").is_file()   # the API's header
    assert Path(stdlib) == installed_prefix / "lib" / "python3.11"
    assert (installed_prefix / "bin" / "pip3").read_text().startswith(f"#!{installed_prefix}/")
    # Only the marker still names the build it came from, on purpose.
    naming_the_build = text_files_naming(installed_prefix, str(build_dir / "install"))
    assert naming_the_build == [installed_prefix / install_prefix.MARKER]
    assert not list(installed_prefix.parent.glob(".*plugopt-*")), "staging left behind"


def test_venv_and_a_wheel_from_the_installed_interpreter(installed_prefix: Path,
                                                         tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    created = run([installed_prefix / "bin" / "python3", "-m", "venv", venv], timeout=300)
    assert created.returncode == 0, output(created)
    wheel = next((installed_prefix / "lib" / "python3.11" / "ensurepip" / "_bundled")
                 .glob("setuptools-*.whl"))
    installed = run([venv / "bin" / "python", "-m", "pip", "install", "--no-index",
                     "--force-reinstall", "--disable-pip-version-check", wheel], timeout=300)
    assert installed.returncode == 0, output(installed)
    check = run_python(venv / "bin" / "python",
                       "import sys, setuptools; print(sys.base_prefix); print(setuptools.__file__)")
    assert check.returncode == 0, output(check)
    base, module = check.stdout.splitlines()
    assert Path(base) == installed_prefix
    assert Path(module).is_relative_to(venv)
    counted = run([venv / "bin" / "python", "-X", "optimizer=counter", "-c", HOT_LOOP],
                  env={"PYTHONOPTIMIZERCHECK": "1"})
    assert counted.returncode == 0, output(counted)
    assert json.loads(counted.stdout)["stats"]["installed"] >= 1, counted.stdout
    assert "counter: hottest" in counted.stderr, output(counted)   # its report at exit
    assert "work" in counted.stderr, output(counted)


def test_jit_compiles_with_the_installed_headers(installed_prefix: Path,
                                                 tmp_path: Path) -> None:
    result = run([installed_prefix / "bin" / "python3", "-X", "optimizer=jit", "-c", HOT_LOOP],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path / "jit-cache"),
                      "PYTHONOPTIMIZERCHECK": "1"}, timeout=300)
    assert result.returncode == 0, output(result)
    report = json.loads(result.stdout)
    assert report["jit"]["compiled"] >= 1, report
    assert Path(report["include"]) == installed_prefix / "include" / "python3.11"
    opt = run_python(installed_prefix / "bin" / "python3",
                     "import sysconfig; print(sysconfig.get_config_var('OPT'))").stdout.split()
    own = [flag for flag in opt if flag.startswith(("-O", "-f", "-D"))]
    assert own and report["flags"][:len(own)] == own, (report["flags"], opt)
    assert "-g" not in report["flags"]
    assert len(list((tmp_path / "jit-cache").glob("*.so"))) >= 1


def unwritable_parent(tmp_path: Path) -> Path:
    """A folder this user cannot create anything in."""
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        return locked
    return Path("/sys")   # root may write anywhere but in sysfs


def test_unwritable_prefix_is_a_clear_error(tmp_path: Path, build_dir: Path) -> None:
    prefix = unwritable_parent(tmp_path) / "plugopt-install-test" / "python"
    result = run([sys.executable, "-m", "scripts", "install",
                  "--build-dir", build_dir, "--prefix", prefix], timeout=120, cwd=REPO_ROOT)
    assert result.returncode == 1, output(result)
    assert "error: cannot install into" in result.stderr, output(result)
    assert "nothing was changed" in result.stderr
    assert not prefix.parent.exists()


def test_install_that_cannot_create_the_prefix_leaves_nothing(tmp_path: Path,
                                                              build_dir: Path) -> None:
    prefix = unwritable_parent(tmp_path) / "plugopt-install-test"
    with pytest.raises(install_prefix.InstallError, match="cannot install into"):
        install_prefix.install(build_dir / "install", prefix)
    assert not prefix.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    with pytest.raises(install_prefix.InstallError, match="cannot install into"):
        install_prefix.install(build_dir / "install", blocker / "deeper" / "python")
    assert blocker.read_text() == "not a folder\n"


def test_populated_folder_is_refused_and_left_alone(tmp_path: Path, build_dir: Path) -> None:
    prefix = tmp_path / "usr-local"
    prefix.mkdir()
    (prefix / "mine.txt").write_text("keep me\n")
    with pytest.raises(install_prefix.InstallError, match="not empty"):
        install_prefix.install(build_dir / "install", prefix)
    assert [p.name for p in prefix.iterdir()] == ["mine.txt"]


def test_a_failed_try_keeps_the_earlier_install(tmp_path: Path, build_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An earlier install is replaced only by one that works; until then it stays whole."""
    prefix = tmp_path / "opt" / "plugopt"
    install_prefix.install(build_dir / "install", prefix)
    marker = (prefix / install_prefix.MARKER).read_text()

    def broken(staged: Path) -> None:
        raise install_prefix.InstallError("the staged interpreter does not work")
    monkeypatch.setattr(install_prefix, "try_staged", broken)
    with pytest.raises(install_prefix.InstallError, match="does not work"):
        install_prefix.install(build_dir / "install", prefix)
    assert (prefix / install_prefix.MARKER).read_text() == marker
    assert sorted(p.name for p in prefix.parent.iterdir()) == ["plugopt"]
    monkeypatch.undo()
    install_prefix.install(build_dir / "install", prefix)   # over the earlier one
    again = run_python(prefix / "bin" / "python3", "import sys; print(sys.prefix)")
    assert again.returncode == 0 and Path(again.stdout.strip()) == prefix, output(again)
    assert sorted(p.name for p in prefix.parent.iterdir()) == ["plugopt"]
