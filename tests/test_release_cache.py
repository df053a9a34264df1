"""The cache of patched release builds (scripts/build/release_cache.py), on small
stand-in prefixes: a build folder or a fresh clone with the same install key gets a
copy that names its own folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.build import build_cpython, release_cache

KEY_A, KEY_B, KEY_C = ("a" * 64, "b" * 64, "c" * 64)


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLUGOPT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def make_prefix(folder: Path, key: str) -> Path:
    """A stand-in for an installed interpreter: a text file naming the prefix, a
    binary one naming it too, the stamp."""
    (folder / "bin").mkdir(parents=True)
    (folder / "bin" / "python3").write_bytes(b"\x7fELF\0" + str(folder).encode())
    (folder / "lib").mkdir()
    (folder / "lib" / "_sysconfigdata.py").write_text(f"prefix = {str(folder)!r}\n")
    build_cpython.write_stamp(folder, key)
    return folder


def test_a_kept_build_is_restored_naming_the_new_folder(tmp_path: Path) -> None:
    built = make_prefix(tmp_path / "clone1" / "build" / "install", KEY_A)
    release_cache.keep(KEY_A, built)
    target = tmp_path / "clone2" / "build" / "install"
    target.parent.mkdir(parents=True)
    assert release_cache.restore(KEY_A, target, build_cpython.read_stamp, log=lambda m: None)
    assert build_cpython.read_stamp(target) == KEY_A
    assert (target / "lib" / "_sysconfigdata.py").read_text() == f"prefix = {str(target)!r}\n"
    # Binary files keep the old string (the interpreter finds its library by its location).
    assert (target / "bin" / "python3").read_bytes() == b"\x7fELF\0" + str(built).encode()
    assert [p.name for p in target.parent.iterdir()] == ["install"]   # no staging left


def test_restore_replaces_an_older_build_and_declines_an_unknown_key(tmp_path: Path) -> None:
    release_cache.keep(KEY_A, make_prefix(tmp_path / "one" / "install", KEY_A))
    target = make_prefix(tmp_path / "two" / "install", KEY_B)
    (target / "optimizer-left-over").write_text("x")
    assert not release_cache.restore(KEY_C, target, build_cpython.read_stamp, log=lambda m: None)
    assert build_cpython.read_stamp(target) == KEY_B
    assert release_cache.restore(KEY_A, target, build_cpython.read_stamp, log=lambda m: None)
    assert build_cpython.read_stamp(target) == KEY_A
    assert not (target / "optimizer-left-over").exists()


def test_only_the_most_recently_used_entries_stay(tmp_path: Path, own_cache: Path) -> None:
    for age, key in enumerate((KEY_A, KEY_B, KEY_C)):
        release_cache.keep(key, make_prefix(tmp_path / key[0] / "install", key))
        entry = release_cache.entry_of(key)
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))
    # Each keep leaves the KEEP most recently used: after D's, C (the youngest of the
    # three, by the times set above) and D.
    release_cache.keep("d" * 64, make_prefix(tmp_path / "d" / "install", "d" * 64))
    left = sorted(path.name for path in (own_cache / "patched").iterdir())
    assert left == sorted([("c" * 64)[:16], ("d" * 64)[:16]])
    assert release_cache.KEEP == 2
