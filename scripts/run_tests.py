#!/usr/bin/env python3
"""Run plugopt's pytest suite against a meson build folder (what `meson test` runs too).

pytest itself runs in the project venv; the tests start the interpreters of
the build folder (BUILD/install/bin/python3, BUILD/baseline/bin/python3) as
subprocesses, so a crash of the patched interpreter fails one test instead of
killing the run. Extra arguments go to pytest as they are
(`python3 -m scripts.run_tests --build-dir B -k 'a and b'`).

The tests run in WORKERS processes (pytest-xdist), one per core up to that: most
of them wait on a subprocess or a C compiler (the suite takes about 25 minutes on
2 cores with two workers). `-n 0` (or any -n/--numprocesses given) overrides it.
The slowest tests are listed at the end, for the next one who wonders where the
time goes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from scripts.layout import REPO_ROOT

PYTEST_NO_TESTS_COLLECTED = 5
WORKERS = 4
SLOWEST_LISTED = 15


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, required=True)
    args, pytest_args = parser.parse_known_args()
    env = dict(os.environ, PLUGOPT_BUILD_DIR=str(args.build_dir.resolve()))
    defaults = [f"--durations={SLOWEST_LISTED}"]
    if not any(arg.startswith(("-n", "--numprocesses")) for arg in pytest_args):
        defaults += ["-n", str(min(os.cpu_count() or 1, WORKERS))]
    result = subprocess.run([sys.executable, "-m", "pytest", str(REPO_ROOT / "tests"),
                             *defaults, *pytest_args], env=env)
    if result.returncode == PYTEST_NO_TESTS_COLLECTED:
        print("run_tests: error: pytest collected no tests; an empty selection is a failure",
              file=sys.stderr)
        return 1
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
