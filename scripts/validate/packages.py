"""Real packages' own test suites for scripts/validate/: which suites (pinned), the venv
each interpreter runs them in, the pytest command, and what its JUnit XML says.

Every suite runs under pytest (unittest-style suites too), with --junitxml, so that
failures are read per test id and compared with the baseline's. The packages and their
test requirements come from PyPI as pip's configuration on this machine finds it; the
tests come from the package's sdist (pure-Python packages ship them there) or from the
installed package itself (numpy and greenlet ship theirs inside the wheel).

One venv per interpreter and selection of suites, under BUILD/package-venvs, created
without optimizer variables (creating it is not what runs under test) and reused by
later runs; all patched configurations share the patched interpreter's venv, the
optimizer being chosen by the environment as for regrtest.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PYTEST = "pytest==9.2.0"       # as requirements.txt pins it for our own tests


@dataclass(frozen=True)
class Suite:
    name: str
    package: str                          # the pinned package under test
    requirements: tuple[str, ...]         # what its tests need besides pytest
    tests: str                            # "sdist:DIR" (tests in the sdist) or "pyargs:MODULE"
    pytest_args: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    timeout: int = 1800                   # seconds, per configuration
    smoke: bool = False


SUITES = [
    # Pure Python, 1,000-odd tests of iterator code in half a minute: the smoke suite.
    Suite("more-itertools", "more-itertools==11.2.1", (), "sdist:tests", smoke=True),
    # Pure Python, class generation with exec, descriptors, slots, pickling; hypothesis.
    Suite("attrs", "attrs==26.1.0",
          ("hypothesis==6.170.17", "pympler==1.1", "cloudpickle==3.1.3"), "sdist:tests"),
    # A C extension that switches C stacks and frames under the interpreter's feet.
    Suite("greenlet", "greenlet==3.5.6", ("objgraph==3.7.0", "psutil==7.2.2"),
          "pyargs:greenlet.tests"),
    # A Cython-built C extension: the wheel's _cmsgpack is Cython's C output.
    Suite("msgpack", "msgpack==1.2.4", (), "sdist:test"),
    # numpy's core tests: a large C extension and its Python layer. Bounded memory:
    # numpy skips the tests that need more than NPY_AVAILABLE_MEM.
    Suite("numpy-core", "numpy==2.4.6", ("hypothesis==6.170.17",), "pyargs:numpy._core",
          ("-m", "not slow"),
          (("NPY_AVAILABLE_MEM", "4 GB"),), timeout=3600),
]
BY_NAME = {suite.name: suite for suite in SUITES}


def select(names: Sequence[str] | None, smoke: bool) -> list[Suite]:
    if names:
        unknown = [name for name in names if name not in BY_NAME]
        if unknown:
            raise ValueError(f"unknown package suite(s) {', '.join(unknown)}; "
                             f"known: {', '.join(BY_NAME)}")
        return [BY_NAME[name] for name in names]
    return [suite for suite in SUITES if suite.smoke or not smoke]


def requirements(suites: Sequence[Suite]) -> list[str]:
    found = [PYTEST]
    for suite in suites:
        for req in (suite.package, *suite.requirements):
            if req not in found:
                found.append(req)
    return found


class PackagesError(Exception):
    """A venv or an sdist could not be prepared."""


def run_quiet(cmd: Sequence[str | Path], env: Mapping[str, str], what: str) -> None:
    result = subprocess.run([str(part) for part in cmd], env=dict(env), capture_output=True,
                            text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
        raise PackagesError(f"{what} failed (exit status {result.returncode}):\n{tail}")


def venv_python(python: Path, label: str, suites: Sequence[Suite], cache: Path,
                env: Mapping[str, str]) -> Path:
    """The venv of `python` with everything `suites` need, created once per
    interpreter build and selection (the stamp names both)."""
    reqs = requirements(suites)
    st = python.resolve().stat()
    key = hashlib.sha256("\n".join([str(python.resolve()), str(st.st_size),
                                    str(st.st_mtime_ns), *reqs]).encode()).hexdigest()[:12]
    venv = cache / f"{label}-{key}"
    stamp = venv / "plugopt-ready"
    if not stamp.exists():
        shutil.rmtree(venv, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True)
        run_quiet([python, "-m", "venv", venv], env, f"{label}: python -m venv")
        run_quiet([venv / "bin" / "python", "-m", "pip", "install", "-q",
                   "--disable-pip-version-check", *reqs], env, f"{label}: pip install")
        stamp.write_text("\n".join(reqs) + "\n")
    return venv / "bin" / "python"


def sdist_tests(suite: Suite, cache: Path, env: Mapping[str, str]) -> Path:
    """The extracted sdist of the suite's package (cached), where its tests are."""
    folder = cache / "sdists" / suite.package.replace("==", "-")
    if not (folder / "plugopt-ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        download = folder.with_name(folder.name + ".download")
        shutil.rmtree(download, ignore_errors=True)
        # Source only for the package itself: its build backend (which pip runs to
        # read the sdist's metadata) comes as wheels, not built from source too.
        name = suite.package.split("==")[0]
        run_quiet([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                   "--no-binary", name, "--disable-pip-version-check", "-d", download,
                   suite.package], env, f"{suite.name}: pip download of the sdist")
        archives = list(download.glob("*.tar.gz"))
        if len(archives) != 1:
            raise PackagesError(f"{suite.name}: expected one sdist, got {archives}")
        with tarfile.open(archives[0]) as tar:
            tar.extractall(folder, filter="data")
        shutil.rmtree(download)
        (folder / "plugopt-ready").write_text(suite.package + "\n")
    tops = [path for path in folder.iterdir() if path.is_dir()]
    if len(tops) != 1:
        raise PackagesError(f"{suite.name}: the sdist has {len(tops)} top folders")
    return tops[0]


def command(python: Path, suite: Suite, junit: Path) -> list[str]:
    kind, _, where = suite.tests.partition(":")
    target = [where] if kind == "sdist" else ["--pyargs", where]
    return [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}",
            *suite.pytest_args, *target]


def working_folder(source: Path | None, scratch: Path) -> Path:
    """Where pytest starts: the sdist's root (its own pytest configuration applies), or an
    empty folder for tests inside the installed package."""
    return source if source is not None else scratch


@dataclass
class SuiteResult:
    tests: int = 0
    failed: list[str] = field(default_factory=list)      # test ids that failed or errored
    skipped: int = 0

    @property
    def passed(self) -> int:
        return self.tests - len(self.failed) - self.skipped


def parse_junit(path: Path) -> SuiteResult | None:
    """The JUnit XML pytest wrote, or None if it wrote none (pytest did not finish)."""
    if not path.exists():
        return None
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError:
        return None
    result = SuiteResult()
    for case in root.iter("testcase"):
        result.tests += 1
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        if case.find("failure") is not None or case.find("error") is not None:
            result.failed.append(name)
        elif case.find("skipped") is not None:
            result.skipped += 1
    return result
