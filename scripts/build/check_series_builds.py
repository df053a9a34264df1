#!/usr/bin/env python3
"""Check that every prefix of the patch series builds: the pinned tarball with
patches 1..k applied (and the new files they bring) compiles and links, for every k,
and that the interpreter it builds passes the CPython tests of what the series changes
(PREFIX_TESTS: bytecode, code objects, marshal, tracing, generators).

One source tree under BUILD/series-prefixes, configured once in dev mode; the
patches are applied one at a time and the tree rebuilt incrementally after each
(make's dependencies rebuild what a patch touched, and ./config.status first
regenerates the Makefile, which some patches change). A prefix that does not
build, or whose interpreter fails those tests, names its patch and the log. Our
own pytest suite needs the whole series (only the start-up patch lets a program load
an optimizer), so it is not run here. The validation command runs this (full mode);
it takes about as long as two dev builds.

  check_series_builds.py --build-dir BUILD [--series cpython-patches/series]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.build import build_cpython
from scripts.build import cpython_pin as pin
from scripts.build import fetch_cpython
from scripts.build import patch_series
from scripts.layout import SERIES
from scripts.validate.common import restore_sigint

DEFAULT_SERIES = SERIES
# CPython's tests of what the series touches, run by each prefix's interpreter (~10 s).
PREFIX_TESTS = ("test_opcodes", "test_dis", "test_code", "test_marshal", "test_sys_settrace",
                "test_generators")


@dataclass
class PrefixResult:
    patch: str          # the last patch of the prefix
    ok: bool
    seconds: float
    log: Path


def check(build_dir: Path, series: Path, jobs: int, log=print) -> list[PrefixResult]:
    """Build every prefix of `series`; stop at the first that fails (later prefixes
    contain it). Returns one result per prefix tried."""
    patches = build_cpython.read_series(series)
    work = build_dir.resolve() / "series-prefixes"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    tree = work / "src"
    build_cpython.extract(fetch_cpython.fetch(None, log=log), tree)
    pin.write_setup_local(tree)
    build_cpython.run_logged(["./configure", *pin.configure_flags("dev")], tree,
                             work / "configure.log", "configure")
    results = []
    for patch in patches:
        log_file = work / f"{patch.name.removesuffix('.patch')}.log"
        log_file.write_text("")
        started = time.monotonic()
        try:
            patch_series.apply(patch, tree)
            build_cpython.run_logged(["./config.status"], tree, log_file, "config.status")
            build_cpython.run_logged(["make", f"-j{jobs}"], tree, log_file, "make")
            build_cpython.run_logged(["./python", "-E", "-m", "test", "-q", *PREFIX_TESTS],
                                     tree, log_file, "CPython's tests")
            ok = True
        except (patch_series.SeriesError, build_cpython.BuildError) as exc:
            log_file.write_text(log_file.read_text() + f"\n{exc}\n")
            ok = False
        result = PrefixResult(patch.name, ok, time.monotonic() - started, log_file)
        results.append(result)
        log(f"  {'builds and passes' if ok else 'FAILS'}  up to {patch.name} "
            f"({result.seconds:.0f} s; {log_file})")
        if not ok:
            break
    if all(r.ok for r in results) and len(results) == len(patches):
        shutil.rmtree(tree)   # only the logs are worth keeping
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, required=True)
    parser.add_argument("--series", type=Path, default=DEFAULT_SERIES)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    # Started in the background with SIGINT ignored, the interpreters would inherit that,
    # and test_generators' Ctrl-C test would fail.
    restore_sigint()
    try:
        results = check(args.build_dir, args.series, args.jobs,
                        log=lambda m: print(m, flush=True))
    except (build_cpython.BuildError, fetch_cpython.FetchError) as exc:
        print(f"check_series_builds: error: {exc}", file=sys.stderr)
        return 1
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"check_series_builds: the series does not build up to {failed[0].patch}; "
              f"see {failed[0].log}", file=sys.stderr)
        return 1
    print(f"every prefix of the series builds and passes {', '.join(PREFIX_TESTS)} "
          f"({len(results)} prefixes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
