#!/usr/bin/env python3
"""Fetch the pinned CPython tarball into the user's cache and verify it.

Sources, in order:
  1. an explicit path (--tarball or $PLUGOPT_TARBALL),
  2. the cache folder ($PLUGOPT_CACHE, else $XDG_CACHE_HOME/plugopt, else ~/.cache/plugopt),
  3. the upstream download,
  4. Debian's source package through `apt-get source --download-only`, using
     deb-src entries derived from this machine's own apt sources.

Whatever the source, the SHA-256 must equal the pin; a mismatch is an error
naming both hashes and nothing is extracted or cached.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from scripts.build import cpython_pin as pin


class FetchError(Exception):
    """A tarball could not be found, or one was found with the wrong hash."""


def cache_dir() -> Path:
    if os.environ.get("PLUGOPT_CACHE"):
        return Path(os.environ["PLUGOPT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "plugopt"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path) -> None:
    actual = sha256_of(path)
    if actual != pin.SHA256:
        raise FetchError(
            f"{path}: SHA-256 mismatch for CPython {pin.VERSION}\n"
            f"  expected {pin.SHA256}\n"
            f"  actual   {actual}\n"
            "The file is corrupt or not the pinned release; delete it and run again."
        )


def download_upstream(dest: Path, log) -> bool:
    try:
        with urllib.request.urlopen(pin.UPSTREAM_URL, timeout=20) as response:
            with open(dest, "wb") as out:
                shutil.copyfileobj(response, out)
        return True
    except OSError as exc:
        log(f"upstream download failed: {exc}")
        return False


def debian_source_entries() -> list[str]:
    """deb-src entries (one-line format) derived from the machine's apt sources."""
    entries: list[str] = []
    files = [Path("/etc/apt/sources.list")]
    files += sorted(Path("/etc/apt/sources.list.d").glob("*.list"))
    deb822 = sorted(Path("/etc/apt/sources.list.d").glob("*.sources"))
    for path in files:
        if not path.is_file():
            continue
        for line in path.read_text().splitlines():
            words = line.split()
            if words and words[0] == "deb":
                entries.append("deb-src " + " ".join(words[1:]))
    for path in deb822:
        for stanza in path.read_text().split("\n\n"):
            fields: dict[str, str] = {}
            for line in stanza.splitlines():
                if ":" in line and not line.startswith(("#", " ")):
                    key, _, value = line.partition(":")
                    fields[key.strip().lower()] = value.strip()
            if "deb" not in fields.get("types", "").split():
                continue
            if fields.get("enabled", "yes").lower() == "no":
                continue
            options = ""
            if "signed-by" in fields:
                options = f"[signed-by={fields['signed-by']}] "
            for uri in fields.get("uris", "").split():
                for suite in fields.get("suites", "").split():
                    entries.append(
                        f"deb-src {options}{uri} {suite} {fields.get('components', '')}".rstrip()
                    )
    return entries


def download_debian(dest: Path, log) -> bool:
    if shutil.which("apt-get") is None:
        log("apt-get not found; cannot use Debian's source package")
        return False
    entries = debian_source_entries()
    if not entries:
        log("no apt sources found to derive deb-src entries from")
        return False
    with tempfile.TemporaryDirectory(prefix="plugopt-apt-") as tmp:
        root = Path(tmp)
        (root / "sources.list").write_text("\n".join(entries) + "\n")
        (root / "lists" / "partial").mkdir(parents=True)
        (root / "cache" / "archives" / "partial").mkdir(parents=True)
        (root / "parts").mkdir()
        (root / "download").mkdir()
        options = [
            "-o", f"Dir::Etc::SourceList={root / 'sources.list'}",
            "-o", f"Dir::Etc::SourceParts={root / 'parts'}",
            "-o", f"Dir::State::Lists={root / 'lists'}",
            "-o", f"Dir::Cache={root / 'cache'}",
            "-o", "APT::Sandbox::User=root" if os.geteuid() == 0 else "Debug::NoLocking=1",
        ]
        update = subprocess.run(["apt-get", *options, "-q", "update"],
                                capture_output=True, text=True)
        if update.returncode != 0:
            log(f"apt-get update failed:\n{update.stderr.strip()}")
            return False
        # apt-get may fail on the .dsc or .debian.tar while the .orig (all we
        # need) arrived; judge by the file, which is verified by hash anyway.
        source = subprocess.run(
            ["apt-get", *options, "-q", "source", "--download-only", pin.DEBIAN_SOURCE_PACKAGE],
            cwd=root / "download", capture_output=True, text=True)
        found = glob.glob(str(root / "download" / pin.DEBIAN_ORIG_GLOB))
        if not found:
            log(f"apt-get source found no {pin.DEBIAN_ORIG_GLOB}:\n{source.stderr.strip()}")
            return False
        shutil.move(found[0], dest)
        return True


def fetch(explicit: Path | None = None, log=print) -> Path:
    """Return the path of a verified pinned tarball, downloading it if needed."""
    if explicit is None and os.environ.get("PLUGOPT_TARBALL"):
        explicit = Path(os.environ["PLUGOPT_TARBALL"])
    if explicit is not None:
        if not explicit.is_file():
            raise FetchError(f"{explicit}: no such tarball")
        verify(explicit)
        return explicit

    cached = cache_dir() / pin.TARBALL_NAME
    if cached.is_file():
        verify(cached)
        return cached

    cached.parent.mkdir(parents=True, exist_ok=True)
    # Per-process name: the two interpreter builds may fetch at the same time.
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")
    for name, method in (("upstream", download_upstream), ("Debian source package", download_debian)):
        log(f"fetching CPython {pin.VERSION} from the {name} ...")
        partial.unlink(missing_ok=True)
        if method(partial, log):
            try:
                verify(partial)
            except FetchError:
                partial.unlink()
                raise
            partial.rename(cached)
            log(f"cached {cached}")
            return cached
    raise FetchError(f"could not fetch CPython {pin.VERSION} from any source (see messages above)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="use this tarball instead of the cache")
    args = parser.parse_args()
    try:
        print(fetch(args.tarball, log=lambda m: print(m, file=sys.stderr)))
    except FetchError as exc:
        print(f"fetch_cpython: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
