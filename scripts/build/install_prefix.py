#!/usr/bin/env python3
"""Install a built plugopt interpreter (BUILD/install) at another prefix.

  install_prefix.py --from BUILD/install --prefix DIR

CPython bakes its prefix in at configure time, but a static (non-`--enable-shared`)
build finds its standard library from the executable's own location, so the
installed tree works from anywhere once the text files that spell out the old
prefix say the new one: the `#!` lines of bin/pip3 and the other scripts,
`_sysconfigdata_*.py` (which sysconfig, pip and the jit's compiler flags read),
the config folder's Makefile and python-config.py, the pkg-config files. Binary
files (the executable, libpython3.11.a, .pyc files) keep the old string; the
interpreter only falls back to it when it cannot find its own library, and the
import system corrects the file names in .pyc files as it loads them.

Nothing is ever half-installed: the tree is copied into a staging folder beside
DIR, rewritten and tried there (the staged interpreter imports sysconfig and
the sample optimizers), then renamed into place in one step. DIR must not
exist, be an empty folder, or be an earlier plugopt install (which is replaced
whole, also in one step): installing over a populated prefix such as
/usr/local could not be undone on failure, and would mix two Pythons'
site-packages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.child_env import clean_env

# Written into DIR: marks a folder this script may replace on the next install.
MARKER = ".plugopt-install"
# Bytes of a file read to decide whether it is text (no NUL byte in them).
SNIFF_BYTES = 8192


class InstallError(Exception):
    """The install cannot be done; the message says why, and nothing was changed."""


def is_text(path: Path) -> bool:
    with open(path, "rb") as file:
        return b"\0" not in file.read(SNIFF_BYTES)


def rewrite_prefix(tree: Path, old: str, new: str) -> list[Path]:
    """Replace `old` by `new` in every text file under `tree`; the files changed."""
    changed = []
    old_bytes, new_bytes = old.encode(), new.encode()
    for path in sorted(tree.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_text(path):
            continue
        data = path.read_bytes()
        if old_bytes in data:
            mode = path.stat().st_mode
            path.write_bytes(data.replace(old_bytes, new_bytes))
            path.chmod(mode)
            changed.append(path)
    return changed


def drop_stale_bytecode(changed: list[Path]) -> None:
    """Remove the cached bytecode of rewritten modules, so it is not used at the new
    prefix (the interpreter writes it again on first import, if it may)."""
    for path in changed:
        if path.suffix == ".py":
            for pyc in (path.parent / "__pycache__").glob(f"{path.stem}.*.pyc"):
                pyc.unlink()


def try_staged(staged: Path) -> None:
    """Run the staged interpreter once: its stdlib, sysconfig and the samples load."""
    code = ("import sys, sysconfig, plugopt, pkgutil, importlib\n"
            "assert sys.prefix == sys.argv[1], (sys.prefix, sys.argv[1])\n"
            "assert sysconfig.get_paths()['include'].startswith(sys.argv[1])\n"
            "for m in pkgutil.iter_modules(plugopt.__path__):\n"
            "    importlib.import_module('plugopt.' + m.name)\n")
    python = staged / "bin" / "python3"
    result = subprocess.run([str(python), "-c", code, str(staged)], capture_output=True,
                            text=True, env=clean_env(), timeout=120)
    if result.returncode != 0:
        raise InstallError(f"the staged interpreter {python} does not work:\n"
                           f"{result.stderr.strip()}")


def check_target(prefix: Path) -> None:
    """Refuse a prefix that is something other than a new, empty or plugopt folder."""
    if prefix.is_symlink() or (prefix.exists() and not prefix.is_dir()):
        raise InstallError(f"{prefix} exists and is not a folder")
    if prefix.is_dir() and any(prefix.iterdir()) and not (prefix / MARKER).is_file():
        raise InstallError(f"{prefix} is not empty and holds no earlier plugopt install; "
                           "install into a new or empty folder (nothing was changed)")


def check_writable(prefix: Path) -> None:
    """Fail early (before a build) if the folder that would hold `prefix` cannot be
    written; install() catches what this cannot foresee."""
    check_target(prefix)
    existing = next(p for p in Path(os.path.abspath(prefix)).parents if p.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise InstallError(f"cannot install into {prefix}: {existing} is not a folder "
                           "this user can write (nothing was changed)")


def make_parents(folder: Path, created: list[Path]) -> None:
    """mkdir -p `folder`, appending each folder created to `created` (outermost first)
    as it is made, so that a failure halfway can remove them."""
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.exists():
            break
        missing.append(parent)
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def install(source: Path, prefix: Path) -> None:
    """Copy the installed tree `source` to `prefix` (see the module's docstring)."""
    source, prefix = source.resolve(), Path(os.path.abspath(prefix))
    if not (source / "bin" / "python3").exists():
        raise InstallError(f"{source} holds no built interpreter; build first")
    if prefix == source or source in prefix.parents:
        raise InstallError(f"{prefix} is inside the build's own prefix {source}")
    check_target(prefix)
    created: list[Path] = []
    staged = prefix.with_name(f".{prefix.name}.plugopt-staging-{os.getpid()}")
    retired = prefix.with_name(f".{prefix.name}.plugopt-old-{os.getpid()}")
    try:
        make_parents(prefix.parent, created)
        shutil.copytree(source, staged, symlinks=True)
        changed = rewrite_prefix(staged, str(source), str(staged))
        drop_stale_bytecode(changed)
        (staged / MARKER).write_text(f"installed from {source}\n")
        try_staged(staged)
        # The staged tree now names its staging folder; name the real prefix instead.
        drop_stale_bytecode(rewrite_prefix(staged, str(staged), str(prefix)))
        if prefix.is_dir():
            prefix.rename(retired)   # an empty folder or an earlier install
        staged.rename(prefix)
    except (OSError, subprocess.SubprocessError, InstallError) as exc:
        shutil.rmtree(staged, ignore_errors=True)
        if retired.exists() and not prefix.exists():
            retired.rename(prefix)
        for path in reversed(created):
            shutil.rmtree(path, ignore_errors=True)
        if isinstance(exc, InstallError):
            raise
        raise InstallError(f"cannot install into {prefix}: {exc} (nothing was changed)") from exc
    shutil.rmtree(retired, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, required=True,
                        help="the built prefix (BUILD/install)")
    parser.add_argument("--prefix", type=Path, required=True, help="where to install")
    args = parser.parse_args()
    try:
        install(args.source, args.prefix)
    except InstallError as exc:
        print(f"install: error: {exc}", file=sys.stderr)
        return 1
    print(f"installed {args.prefix / 'bin' / 'python3'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
