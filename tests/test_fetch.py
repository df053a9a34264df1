"""scripts/build/fetch_cpython.py accepts only the pinned tarball, wherever it comes from."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from scripts.build import cpython_pin as pin
from helpers import output, run_tool


def fetch(cache: Path, *args: str | Path, tarball_env: str = ""
          ) -> subprocess.CompletedProcess[str]:
    """Run fetch_cpython.py with its cache in `cache` ($PLUGOPT_TARBALL empty unless given)."""
    return run_tool("build.fetch_cpython", *args,
                      env={"PLUGOPT_CACHE": str(cache), "PLUGOPT_TARBALL": tarball_env})


def corrupt_copy(good: Path, dest: Path) -> str:
    """Write the real tarball's first bytes followed by garbage to `dest`; return its sha256."""
    with open(good, "rb") as f:
        data = f.read(64 * 1024) + b"garbage" * 1000
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def assert_rejected(result: subprocess.CompletedProcess[str], actual: str) -> None:
    assert result.returncode == 1, output(result)
    assert pin.SHA256 in result.stderr, output(result)
    assert actual in result.stderr, output(result)
    assert result.stdout == "", output(result)


def test_corrupt_cached_tarball_is_rejected_naming_both_hashes(
        pinned_tarball: Path, tmp_path: Path) -> None:
    cached = tmp_path / pin.TARBALL_NAME
    actual = corrupt_copy(pinned_tarball, cached)
    assert_rejected(fetch(tmp_path), actual)
    # Nothing extracted, downloaded or replaced: the bad file is all there is.
    assert list(tmp_path.iterdir()) == [cached]
    assert hashlib.sha256(cached.read_bytes()).hexdigest() == actual


def test_explicit_tarball_with_wrong_content_is_rejected(
        pinned_tarball: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "elsewhere" / pin.TARBALL_NAME
    actual = corrupt_copy(pinned_tarball, wrong)
    cache = tmp_path / "cache"
    assert_rejected(fetch(cache, "--tarball", wrong), actual)
    assert not cache.exists()
    assert list(wrong.parent.iterdir()) == [wrong]


def test_tarball_from_environment_with_wrong_content_is_rejected(tmp_path: Path) -> None:
    wrong = tmp_path / "not-a-tarball.tgz"
    wrong.write_bytes(b"not a tarball\n")
    cache = tmp_path / "cache"
    assert_rejected(fetch(cache, tarball_env=str(wrong)),
                    hashlib.sha256(b"not a tarball\n").hexdigest())
    assert not cache.exists()


def test_pinned_tarball_is_accepted_and_its_path_printed(
        pinned_tarball: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = fetch(cache, "--tarball", pinned_tarball)
    assert result.returncode == 0, output(result)
    assert result.stdout == f"{pinned_tarball}\n"
    assert not cache.exists()
