"""Tools that trace from C see on the patched interpreter what they see on the baseline,
with and without each sample optimizer, in code that executors had compiled:

- coverage.py's C tracer (the cp311 wheel, built for stock 3.11), line and branch data;
- a Cython module compiled with line tracing (CYTHON_TRACE), which calls the trace
  function itself from C through the thread state's fields, and the lines of a
  traceback raised inside it.

Both are pinned in requirements.txt; the project venv's copy of coverage is put on the
interpreters' path (the same wheel serves both, as a binary wheel would), and its Cython
translates the module once; the C is compiled against each interpreter's own headers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import output, run, run_python

CYTHON = Path(sys.executable).parent / "cython"
OPTIMIZERS = [None, "counter", "stepper", "jit"]

COVERED_PROGRAM = """\
import json

def work(n, flag):
    total = 0.0
    for i in range(n):
        total += i * 0.5
    if flag:
        total = -total
    return total

def later(k):
    s = 0
    while k:
        k -= 1
        if k % 3:
            s += k
        else:
            continue
    return s

def executors():
    try:
        import _optimizer
    except ImportError:   # the baseline
        return 0
    return sum(len(_optimizer.get_executors(f.__code__)) for f in (work, later))

def hot():
    for _ in range(3):
        work(20000, False)
        later(2000)

hot()
before = executors()
import coverage
cov = coverage.Coverage(branch=True, data_file=None)
cov.start()
work(100, True)
later(50)
cov.stop()
hot()   # tracing is over: the optimizer compiles again
data = cov.get_data()
print(json.dumps({"before": before, "after": executors(),
                  "tracer": type(cov._collector.tracers[0]).__name__,
                  "lines": sorted(data.lines(__file__)),
                  "arcs": sorted(data.arcs(__file__))}))
"""

CYTHON_MODULE = """\
# cython: linetrace=True, language_level=3
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s

def fail(x):
    y = x + 1
    raise ValueError(y)

def call_back(f, n):
    out = []
    for i in range(n):
        out.append(f(i))
    return out
"""

CYTHON_DRIVER = """\
import json, os, sys, traceback
import traced

def work(i):
    acc = 0.0
    for k in range(i):
        acc += k * 0.5
    return acc

def executors():
    try:
        import _optimizer
    except ImportError:   # the baseline
        return 0
    return sum(len(_optimizer.get_executors(f.__code__)) for f in (work, main))

events = []

def tracer(frame, event, arg):
    name = os.path.basename(frame.f_code.co_filename)
    if name in ("traced.pyx", "driver.py"):
        events.append((name, frame.f_code.co_name, frame.f_lineno, event))
    return tracer

def main():
    for _ in range(3):
        work(2000)
        traced.total(1000)
    installed = executors()
    sys.settrace(tracer)
    traced.call_back(work, 4)
    traced.total(3)
    try:
        traced.fail(1)
    except ValueError as exc:
        tb = [(os.path.basename(f.filename), f.name, f.lineno)
              for f in traceback.extract_tb(exc.__traceback__)]
    sys.settrace(None)
    print(json.dumps({"before": installed, "events": events, "traceback": tb}))

main()
"""


def optimizer_env(optimizer: str | None, path: Path) -> dict[str, str]:
    env = {"PYTHONPATH": str(path), "PYTHONOPTIMIZERTHRESHOLD": "1",
           "PYTHONOPTIMIZERCHECK": "1"}
    if optimizer:
        env["PYTHONOPTIMIZER"] = optimizer
    return env


def run_json(python: Path, script: Path, env: dict[str, str]) -> dict:
    result = run([python, script], env=env, cwd=script.parent)
    assert result.returncode == 0, output(result)
    return json.loads(result.stdout.splitlines()[-1])


# --- coverage.py ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def coverage_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding only the project venv's coverage package (the cp311 wheel)."""
    coverage = pytest.importorskip("coverage", reason="coverage is pinned in requirements.txt")
    site = tmp_path_factory.mktemp("coverage_site")
    shutil.copytree(Path(coverage.__file__).parent, site / "coverage")
    return site


@pytest.fixture(scope="module")
def covered_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("covered") / "covered.py"
    path.write_text(COVERED_PROGRAM)
    return path


@pytest.fixture(scope="module")
def baseline_coverage(baseline_python: Path, covered_script: Path,
                      coverage_site: Path) -> dict:
    data = run_json(baseline_python, covered_script, {"PYTHONPATH": str(coverage_site)})
    assert data["tracer"] == "CTracer", data
    return data


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_coverage_measures_the_baselines_lines_and_branches(
        patched_python: Path, covered_script: Path, coverage_site: Path,
        baseline_coverage: dict, optimizer: str | None) -> None:
    data = run_json(patched_python, covered_script, optimizer_env(optimizer, coverage_site))
    assert data["tracer"] == "CTracer", data
    assert data["lines"] == baseline_coverage["lines"]
    assert data["arcs"] == baseline_coverage["arcs"]
    if optimizer:
        assert data["before"] >= 1, f"{optimizer} compiled nothing before coverage started"
        assert data["after"] >= 1, f"{optimizer} compiled nothing once coverage stopped"


# --- a Cython module compiled with line tracing -----------------------------------------

def compile_extension(python: Path, c_source: Path, folder: Path) -> None:
    """Compile Cython's C output into an extension module of `python`, against its
    headers, with line tracing compiled in."""
    paths = run_python(python, "import sysconfig; "
                       "print(sysconfig.get_paths()['include']); "
                       "print(sysconfig.get_config_var('EXT_SUFFIX'))")
    assert paths.returncode == 0, output(paths)
    include, suffix = paths.stdout.split()
    folder.mkdir()
    result = run(["gcc", "-shared", "-fPIC", "-O1", "-DCYTHON_TRACE=1", f"-I{include}",
                  c_source, "-o", folder / f"traced{suffix}"], timeout=300)
    assert result.returncode == 0, output(result)


@pytest.fixture(scope="module")
def cython_folders(tmp_path_factory: pytest.TempPathFactory, baseline_python: Path,
                   patched_python: Path) -> dict[str, Path]:
    """For each interpreter, a folder with the traced module built for it and the
    driver program; the .pyx beside them so that tracebacks can name its lines."""
    if not CYTHON.exists():
        pytest.fail(f"{CYTHON} is missing: Cython is pinned in requirements.txt "
                    "(python3 -m scripts.build.install_deps)", pytrace=False)
    root = tmp_path_factory.mktemp("cython")
    pyx = root / "traced.pyx"
    pyx.write_text(CYTHON_MODULE)
    result = subprocess.run([str(CYTHON), str(pyx), "-o", str(root / "traced.c")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, output(result)
    folders = {}
    for name, python in (("baseline", baseline_python), ("patched", patched_python)):
        folder = root / name
        compile_extension(python, root / "traced.c", folder)
        shutil.copy(pyx, folder)
        (folder / "driver.py").write_text(CYTHON_DRIVER)
        folders[name] = folder
    return folders


@pytest.fixture(scope="module")
def baseline_cython_trace(baseline_python: Path, cython_folders: dict[str, Path]) -> dict:
    folder = cython_folders["baseline"]
    data = run_json(baseline_python, folder / "driver.py", {"PYTHONPATH": str(folder)})
    # The trace saw Cython's own lines (the tracing is compiled in), and the traceback
    # ends inside the module.
    assert any(name == "traced.pyx" and event == "line"
               for name, _, _, event in data["events"]), data["events"]
    assert data["traceback"][-1][0] == "traced.pyx", data["traceback"]
    return data


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_cython_line_tracing_and_tracebacks_match_the_baseline(
        patched_python: Path, cython_folders: dict[str, Path], baseline_cython_trace: dict,
        optimizer: str | None) -> None:
    folder = cython_folders["patched"]
    data = run_json(patched_python, folder / "driver.py", optimizer_env(optimizer, folder))
    assert data["events"] == baseline_cython_trace["events"]
    assert data["traceback"] == baseline_cython_trace["traceback"]
    if optimizer:
        assert data["before"] >= 1, f"{optimizer} compiled nothing before tracing started"
