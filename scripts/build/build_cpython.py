#!/usr/bin/env python3
"""Build one CPython interpreter from the pinned tarball: extract, patch, configure, make, install.

Two variants:
  patched   the tarball + cpython-patches/series (patches and the new files
            they bring, scripts/build/patch_series.py), installed into BUILD/install
  baseline  the bare tarball, same configure flags, installed once per pin and
            build mode into the user cache and linked as BUILD/baseline

and two build modes (cpython_pin.BUILD_MODES), the same for both variants:
  release   --enable-optimizations --with-lto: PGO trained on CPython's
            regression suite as Debian trains its python3.11
            (cpython_pin.PGO_TRAINING_TASK), then LTO (what users run; about 18
            minutes each on 2 cores)
  dev       a plain -O3 build (the patch loop; about 2 minutes)

In both modes the modules of cpython_pin.BUILTIN_MODULES are linked into the
executable (Modules/Setup.local), as Debian builds its python3.11.

A patched release build is also kept in the cache by that key
(release_cache.py): another build folder or a fresh clone with the same key gets a
copy of it.

Both are idempotent and cheap when nothing changed, so meson runs this script on
every build and lets it decide: a stamp of everything that defines the result
(pin, build mode and its configure flags, the series with its patches and new files, the
recipe) is written into
the prefix after a successful install and into the source tree after patching.
A source tree whose stamp differs is thrown away and extracted afresh, so a tree
with a stale patch applied cannot exist.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from scripts.build import cpython_pin as pin
from scripts.build import fetch_cpython
from scripts.build import patch_series
from scripts.build import release_cache
from scripts.build.patch_series import SeriesError, SeriesPatch
from scripts.child_env import clean_env
from scripts.layout import BuildFolder

STAMP_NAME = ".plugopt-stamp"
# In a source tree, beside its Makefile: the install key it was configured for.
CONFIGURED_STAMP_NAME = ".plugopt-configured"
# Bump when a change to the steps below changes what gets installed.
RECIPE_VERSION = 2

# Modules that need a -dev package at build time; the tests, pip and
# pyperformance rely on them, so an interpreter without one is a failed build.
REQUIRED_MODULES = ("ssl", "_hashlib", "sqlite3", "ctypes", "zlib", "bz2", "lzma", "readline",
                    "curses", "dbm.gnu", "dbm.ndbm", "_uuid", "ensurepip", "venv")


class BuildError(Exception):
    """A step of the build failed; the message says which and where to look."""


def read_series(series: Path | None) -> list[SeriesPatch]:
    """The series file's patches, in order, with their new files."""
    try:
        return patch_series.read_series(series)
    except SeriesError as exc:
        raise BuildError(str(exc)) from None


def tree_key(patches: list[SeriesPatch]) -> str:
    """Stamp of what the patched source tree is made of."""
    digest = hashlib.sha256(pin.SHA256.encode())
    for patch in patches:
        digest.update(b"\0" + patch.name.encode() + b"\0" + patch.path.read_bytes())
        for rel in patch.new_files:
            digest.update(b"\0" + rel.encode() + b"\0" +
                          patch.new_file_source(rel).read_bytes())
    return digest.hexdigest()


def install_key(patches: list[SeriesPatch], mode: str) -> str:
    """Stamp of what the installed interpreter is made of."""
    digest = hashlib.sha256(tree_key(patches).encode())
    digest.update("\0".join(pin.configure_flags(mode)).encode())
    digest.update(pin.setup_local().encode())
    digest.update(f"recipe {RECIPE_VERSION}".encode())
    return digest.hexdigest()


def read_stamp(folder: Path) -> str | None:
    return read_stamp_file(folder / STAMP_NAME)


def read_stamp_file(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def write_stamp(folder: Path, key: str) -> None:
    (folder / STAMP_NAME).write_text(key + "\n")


def run_logged(cmd: list[str], cwd: Path, log: Path, step: str) -> None:
    with open(log, "a") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        result = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=clean_env())
    if result.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-30:]
        raise BuildError(f"{step} failed (exit {result.returncode}); last lines of {log}:\n"
                         + "\n".join(tail))


def extract(tarball: Path, dest: Path) -> None:
    """Extract the tarball's top folder as `dest` (which must not exist)."""
    staging = dest.with_name(dest.name + ".extracting")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        members = tar.getmembers()
        for member in members:
            # Files belong to whoever builds, not to the uid recorded in the
            # tarball (as root, tarfile would chown and git would then refuse
            # the tree as "dubious ownership").
            member.uid, member.gid, member.uname, member.gname = os.getuid(), os.getgid(), "", ""
        # The tarball is verified by hash, so the permissive "tar" filter is safe.
        if hasattr(tarfile, "tar_filter"):
            tar.extractall(staging, members=members, filter="tar")
        else:
            tar.extractall(staging, members=members)
    (staging / pin.SOURCE_DIR_NAME).rename(dest)
    staging.rmdir()


def prepare_tree(tarball: Path, patches: list[SeriesPatch], tree: Path, log=print) -> bool:
    """Make `tree` a pristine extraction with `patches` (and their new files) applied.
    Returns True if it was redone."""
    key = tree_key(patches)
    if tree.is_dir() and read_stamp(tree) == key:
        return False
    if tree.exists():
        log(f"source tree {tree} is stale; extracting afresh")
        shutil.rmtree(tree)
    extract(tarball, tree)
    for patch in patches:
        try:
            patch_series.apply(patch, tree)
        except SeriesError as exc:
            raise BuildError(str(exc)) from None
    write_stamp(tree, key)
    return True


def configured_for_another_key(tree: Path, key: str) -> bool:
    """Whether `tree` was configured, but not for install key `key` (other flags or
    built-in modules, an older recipe, or a configure that was interrupted): such a
    tree must be extracted afresh, since make would reuse its configuration."""
    configured = (tree / "Makefile").exists() or (tree / "config.status").exists()
    return configured and read_stamp_file(tree / CONFIGURED_STAMP_NAME) != key


def build_and_install(tree: Path, prefix: Path, log_file: Path, jobs: int, mode: str,
                      key: str) -> None:
    """configure (once per tree, for install key `key`), make (in release mode: the
    instrumented build, the PGO task and the optimized rebuild, all driven by CPython's
    own Makefile), make install."""
    if not (tree / "Makefile").is_file():
        pin.write_setup_local(tree)
        run_logged(["./configure", f"--prefix={prefix}", *pin.configure_flags(mode)],
                   tree, log_file, "configure")
        (tree / CONFIGURED_STAMP_NAME).write_text(key + "\n")
    run_logged(["make", f"-j{jobs}"], tree, log_file, "make")
    shutil.rmtree(prefix, ignore_errors=True)
    run_logged(["make", "install"], tree, log_file, "make install")


def check_modules(prefix: Path) -> None:
    """Fail if the installed interpreter lacks a module whose -dev package was missing."""
    code = ("import importlib\nmissing = []\n"
            f"for name in {REQUIRED_MODULES!r}:\n"
            "    try:\n        importlib.import_module(name)\n"
            "    except ImportError:\n        missing.append(name)\n"
            "print(' '.join(missing))\n")
    result = subprocess.run([str(prefix / "bin" / "python3"), "-c", code],
                            capture_output=True, text=True, env=clean_env())
    if result.returncode != 0 or result.stdout.strip():
        raise BuildError(f"{prefix / 'bin' / 'python3'} was built without: "
                         f"{result.stdout.strip() or result.stderr.strip()}; "
                         "run `python3 -m scripts.build.install_deps` to install the Debian -dev packages, "
                         "then build again")


def build_variant(variant: str, build_dir: Path, series: Path | None, tarball: Path | None,
                  jobs: int, mode: str = pin.DEFAULT_BUILD_MODE, log=print) -> Path:
    """Build (if needed) and return the prefix of the given variant in build mode `mode`."""
    build_dir = build_dir.resolve()
    patches = read_series(series) if variant == "patched" else []
    key = install_key(patches, mode)
    folder = BuildFolder(build_dir)
    logs = folder.logs
    logs.mkdir(parents=True, exist_ok=True)

    if variant == "patched":
        prefix = folder.install
        # One source tree per mode: a tree is configured once, for one mode.
        work = build_dir / "cpython-patched" / mode
    else:
        # The baseline never changes for a pin and mode: build it once per key in
        # the cache and point BUILD/baseline at it.
        cached = fetch_cpython.cache_dir() / "baseline" / key[:16]
        prefix = cached / "prefix"
        work = cached / "work"

    link = folder.baseline if variant == "baseline" else None
    prefix.parent.mkdir(parents=True, exist_ok=True)
    with open(prefix.parent / f".{variant}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = read_stamp(prefix) == key and (prefix / "bin" / "python3").exists()
        # A patched release build is kept in the cache too (release_cache's docstring).
        cache_release = variant == "patched" and mode == "release"
        if not built and cache_release:
            built = release_cache.restore(key, prefix, read_stamp, log=log)
        if not built:
            log(f"building the {variant} interpreter in {mode} mode "
                f"(log: {logs / (variant + '.log')})")
            log_file = logs / f"{variant}.log"
            log_file.write_text("")
            source = fetch_cpython.fetch(tarball, log=log)
            if variant == "baseline":
                # What an interrupted build left (a half-linked program: make
                # then fails on it) is not worth resuming: the baseline is
                # built once per key.
                shutil.rmtree(work, ignore_errors=True)
            tree = work / "src"
            if configured_for_another_key(tree, key):
                log(f"source tree {tree} was configured for another build; extracting afresh")
                shutil.rmtree(tree)
            if prepare_tree(source, patches, tree, log=log):
                log(f"  extracted and applied {len(patches)} patch(es)")
            build_and_install(tree, prefix, log_file, jobs, mode, key)
            check_modules(prefix)
            write_stamp(prefix, key)
            if cache_release:
                release_cache.keep(key, prefix)
            if variant == "baseline":
                shutil.rmtree(work)  # the prefix is all we keep
    if link is not None:
        if link.is_symlink() or link.exists():
            if link.is_symlink() and Path(os.readlink(link)) == prefix:
                return link
            link.unlink() if link.is_symlink() else shutil.rmtree(link)
        link.symlink_to(prefix, target_is_directory=True)
        return link
    return prefix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", choices=("patched", "baseline"))
    parser.add_argument("--build-dir", type=Path, required=True)
    parser.add_argument("--series", type=Path, help="series file (patched variant)")
    parser.add_argument("--tarball", type=Path, help="use this tarball instead of the cache")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--stamp-out", type=Path, help="touch this file on success (for meson)")
    parser.add_argument("--mode", choices=tuple(pin.BUILD_MODES), default=pin.DEFAULT_BUILD_MODE,
                        help="build mode (default: %(default)s)")
    args = parser.parse_args()
    if args.variant == "patched" and args.series is None:
        parser.error("the patched variant needs --series")
    try:
        prefix = build_variant(args.variant, args.build_dir, args.series, args.tarball, args.jobs,
                               args.mode, log=lambda m: print(m, flush=True))
    except (BuildError, fetch_cpython.FetchError) as exc:
        print(f"build_cpython: error: {exc}", file=sys.stderr)
        return 1
    if args.stamp_out:
        args.stamp_out.write_text(f"{prefix}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
