"""Both built interpreters are complete CPython 3.11.2 installations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.build import cpython_pin as pin
from helpers import output, run, run_python


@pytest.fixture(params=["patched", "baseline"])
def python(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_python")


def prefix_of(python: Path) -> Path:
    result = run_python(python, "import sys; print(sys.prefix)")
    assert result.returncode == 0, output(result)
    return Path(result.stdout.strip())


def test_version_is_the_pin(python: Path) -> None:
    result = run_python(python, "import sys; print(sys.version)")
    assert result.returncode == 0, output(result)
    assert result.stdout.startswith(pin.VERSION + " "), result.stdout


def test_built_in_the_build_folders_mode(python: Path, build_mode: str) -> None:
    """release: PGO and LTO, as sysconfig records them; dev: neither."""
    code = ("import sysconfig; print(sysconfig.get_config_var('CONFIG_ARGS')); "
            "print(sysconfig.get_config_var('PY_CFLAGS_NODIST')); "
            "print(sysconfig.get_config_var('PY_LDFLAGS_NODIST'))")
    result = run_python(python, code)
    assert result.returncode == 0, output(result)
    config_args, cflags, ldflags = result.stdout.splitlines()
    release = build_mode == "release"
    assert ("'--enable-optimizations'" in config_args) == release, config_args
    assert ("'--with-lto'" in config_args) == release, config_args
    assert ("-flto" in cflags.split()) == release, cflags
    assert ("-flto" in ldflags.split()) == release, ldflags


def test_release_profile_trained_on_the_regression_suite(python: Path, build_mode: str) -> None:
    """release: the PGO task is Debian's training on the regression suite
    (cpython_pin.PGO_TRAINING_TASK), not configure's default; dev: the default."""
    result = run_python(python, "import sysconfig; print(sysconfig.get_config_var('PROFILE_TASK'))")
    assert result.returncode == 0, output(result)
    assert (result.stdout.strip() == pin.PGO_TRAINING_TASK) == (build_mode == "release"), \
        result.stdout


ELF_EXEC, ELF_DYN = 2, 3     # e_type of a position-dependent / position-independent file


def test_release_executable_is_position_dependent(python: Path, build_mode: str) -> None:
    """release links `python` with -no-pie (cpython_pin.BUILD_MODES), dev leaves gcc's
    default PIE; the extension modules stay shared objects either way."""
    result = run_python(python, "import sys, _json; print(sys.executable); print(_json.__file__)")
    assert result.returncode == 0, output(result)
    executable, extension = (Path(line).resolve() for line in result.stdout.splitlines())

    def elf_type(path: Path) -> int:
        header = path.read_bytes()[:18]
        assert header[:4] == b"\x7fELF", path
        return int.from_bytes(header[16:18], "little")

    assert elf_type(executable) == (ELF_EXEC if build_mode == "release" else ELF_DYN), executable
    assert elf_type(extension) == ELF_DYN, extension


def test_distribution_modules_are_built_in(python: Path) -> None:
    """The modules Debian links into its python3.11 (cpython_pin.BUILTIN_MODULES) are
    part of the executable, not shared objects, and work."""
    code = ("import sys, binascii, pyexpat, _pickle, math, zlib\n"
            "print(' '.join(sys.builtin_module_names))\n"
            "assert binascii.crc32(b'plugopt') == zlib.crc32(b'plugopt')\n"
            "assert pyexpat.ParserCreate() is not None\n"
            "assert _pickle.loads(_pickle.dumps({1: [2.5]})) == {1: [2.5]}\n"
            "print(getattr(binascii, '__file__', 'built in'))")
    result = run_python(python, code)
    assert result.returncode == 0, output(result)
    builtin, where = result.stdout.splitlines()
    missing = set(pin.BUILTIN_MODULES) - set(builtin.split())
    assert not missing, f"not built in: {sorted(missing)}"
    assert where == "built in", where


def test_modules_with_build_dependencies_import(python: Path) -> None:
    result = run_python(python, "import ssl, sqlite3, ctypes, zlib; print(ssl.OPENSSL_VERSION)")
    assert result.returncode == 0, output(result)
    assert result.stdout.startswith("OpenSSL"), result.stdout


def test_ensurepip_bundles_pip(python: Path) -> None:
    result = run_python(python, "import ensurepip; print(ensurepip.version())")
    assert result.returncode == 0, output(result)
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?\n", result.stdout), result.stdout


def test_venv_with_pip(python: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    created = run([python, "-m", "venv", venv], timeout=300)
    assert created.returncode == 0, output(created)
    pip = run([venv / "bin" / "python", "-m", "pip", "--version"])
    assert pip.returncode == 0, output(pip)
    assert pip.stdout.startswith("pip "), pip.stdout
    assert str(venv) in pip.stdout, pip.stdout  # pip runs from the venv's site-packages
    bases = run_python(venv / "bin" / "python",
                       "import sys; print(sys.prefix); print(sys.base_prefix)")
    assert bases.returncode == 0, output(bases)
    prefix, base_prefix = bases.stdout.splitlines()
    assert Path(prefix) == venv
    assert Path(base_prefix).resolve() == prefix_of(python).resolve()


def test_interpreters_have_their_own_prefixes(build_dir: Path, patched_python: Path,
                                              baseline_python: Path) -> None:
    patched, baseline = prefix_of(patched_python), prefix_of(baseline_python)
    assert patched.resolve() == (build_dir / "install").resolve()
    assert baseline.resolve() == (build_dir / "baseline").resolve()
    assert patched.resolve() != baseline.resolve()


def test_optimizer_package_is_installed_in_patched_only(build_dir: Path, patched_python: Path,
                                                        baseline_python: Path) -> None:
    init = (build_dir / "install" / "lib" / f"python{pin.VERSION.rsplit('.', 1)[0]}"
            / "plugopt" / "__init__.py")
    assert init.is_file()
    code = "import plugopt; print(plugopt.__file__)"
    patched = run_python(patched_python, code)
    assert patched.returncode == 0, output(patched)
    assert Path(patched.stdout.strip()).resolve() == init.resolve()
    baseline = run_python(baseline_python, code)
    assert baseline.returncode == 1 and "ModuleNotFoundError" in baseline.stderr, output(baseline)


def test_optimizer_package_is_frozen(patched_python: Path) -> None:
    """Loading an optimizer at start-up finds the package without searching sys.path
    (cpython-patches/0007); its modules are found in its stdlib folder."""
    code = ("import _imp, plugopt, sys; "
            "print(_imp.is_frozen('plugopt'), plugopt.__path__, sys._stdlib_dir, sep='\\n')")
    result = run_python(patched_python, code)
    assert result.returncode == 0, output(result)
    frozen, path, stdlib = result.stdout.splitlines()
    assert frozen == "True", output(result)
    assert path == repr([str(Path(stdlib) / "plugopt")]), output(result)


def test_optimizer_package_is_byte_compiled(patched_python: Path) -> None:
    """Every Python module of the package has a .pyc at each optimization level
    that the interpreter accepts as current (scripts/build/install_optimizers.py):
    importing jit's translator never compiles it from source."""
    code = ("import importlib.util, pathlib, plugopt\n"
            "for source in sorted(pathlib.Path(plugopt.__path__[0]).glob('*.py')):\n"
            "    data = source.read_bytes()\n"
            "    for level in ('', 1, 2):\n"
            "        pyc = pathlib.Path(importlib.util.cache_from_source(\n"
            "            source, optimization=level))\n"
            "        head = pyc.read_bytes()[:16] if pyc.exists() else b''\n"
            "        stat = source.stat()\n"
            "        current = (head[:4] == importlib.util.MAGIC_NUMBER and\n"
            "                   int.from_bytes(head[8:12], 'little') == int(stat.st_mtime)\n"
            "                   and int.from_bytes(head[12:16], 'little') == stat.st_size)\n"
            "        print(source.name, level, current)\n")
    result = run_python(patched_python, code)
    assert result.returncode == 0, output(result)
    rows = [line.split() for line in result.stdout.splitlines()]
    assert any(row[0] == "_jit_codegen.py" for row in rows), output(result)
    assert all(row[-1] == "True" for row in rows), output(result)


def test_samples_load_in_a_venv_and_without_site(patched_python: Path, tmp_path: Path) -> None:
    """The samples sit beside the standard library: a plain venv and `python -S` see them."""
    venv = tmp_path / "venv"
    created = run([patched_python, "-m", "venv", "--without-pip", venv], timeout=300)
    assert created.returncode == 0, output(created)
    code = "import _optimizer; print([entry[1] for entry in _optimizer.loaded])"
    for args in ([venv / "bin" / "python"], [venv / "bin" / "python", "-S"], [patched_python, "-S"]):
        result = run([*args, "-X", "optimizer=counter", "-c", code])
        assert result.returncode == 0, output(result)
        assert result.stdout == "['plugopt.counter']\n", output(result)
