"""The cache of patched release interpreters, by install key.

A release build of the patched interpreter takes 20-40 minutes on 2 cores (PGO
training on CPython's regression suite, then LTO); a dev build takes 3. So a
release build is kept in the user cache (PLUGOPT_CACHE, else
~/.cache/plugopt/patched/KEY) under its install key, which names everything the
result is made of (pin, series with its patches and new files, configure flags,
Setup.local, recipe: build_cpython.install_key), as the baseline is. Another
build folder, or a fresh clone (CI's), with the same key gets a copy instead of
a build: the copy is the build's own prefix with the text files that spell out
the folder it was built in rewritten to name the new one
(install_prefix.rewrite_prefix, as `install --prefix` does). The optimizers are
installed into the copy afterwards, as into a fresh build.

Only the KEEP most recently used entries stay (about 0.5 GB each).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

from scripts.build import fetch_cpython
from scripts.build.install_prefix import drop_stale_bytecode, rewrite_prefix

KEEP = 2
# In an entry: the prefix, and the path it was built at (a line of text).
PREFIX, ORIGIN = "prefix", "origin"


def entries_dir() -> Path:
    return fetch_cpython.cache_dir() / "patched"


def entry_of(key: str) -> Path:
    return entries_dir() / key[:16]


def restore(key: str, prefix: Path, read_stamp: Callable[[Path], str | None],
            log: Callable[[str], None] = print) -> bool:
    """Put the cached build of `key` at `prefix` (replacing what is there); False if
    the cache has none. `read_stamp` reads a prefix's install key."""
    entry = entry_of(key)
    cached = entry / PREFIX
    if read_stamp(cached) != key or not (entry / ORIGIN).is_file():
        return False
    origin = (entry / ORIGIN).read_text().strip()
    staged = prefix.with_name(f".{prefix.name}.restoring-{os.getpid()}")
    shutil.rmtree(staged, ignore_errors=True)
    try:
        shutil.copytree(cached, staged, symlinks=True)
        drop_stale_bytecode(rewrite_prefix(staged, origin, str(prefix)))
    except OSError as error:   # the entry went meanwhile (another build dropped it)
        shutil.rmtree(staged, ignore_errors=True)
        log(f"  cannot copy the cached patched interpreter {entry}: {error}; building it")
        return False
    if prefix.exists():
        shutil.rmtree(prefix)
    staged.rename(prefix)
    os.utime(entry)   # most recently used
    log(f"  copied the patched release interpreter from the cache ({entry}): "
        "same install key, nothing to build")
    return True


def keep(key: str, prefix: Path) -> None:
    """Copy the just-built `prefix` of `key` into the cache, then drop all but the KEEP
    most recently used entries. A failure to copy costs the next build its shortcut,
    nothing else."""
    entry = entry_of(key)
    if entry.exists():
        return
    partial = entry.with_name(f".{entry.name}.partial-{os.getpid()}")
    try:
        partial.mkdir(parents=True)
        shutil.copytree(prefix, partial / PREFIX, symlinks=True)
        (partial / ORIGIN).write_text(f"{prefix}\n")
        partial.rename(entry)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        return
    entries = sorted((path for path in entries_dir().iterdir()
                      if path.is_dir() and not path.name.startswith(".")),
                     key=lambda path: path.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
