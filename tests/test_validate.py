"""scripts/validate/ and its validate_* helpers.

Unit tests of the parsing, grouping, new-failure, resume and report pieces on small
inputs built here (milliseconds each), and one end-to-end run of `validate.py --smoke`
with two benchmarks and two regression test files against the build folder (about
2 minutes when the build folder's pyperformance venvs exist, 5 when they do not).
"""

from __future__ import annotations

import argparse
import fcntl
import io
import json
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.validate import common
from scripts.validate import packages
from scripts.validate import pyperformance as perf
from scripts.validate import regrtest
from scripts.validate import report
from scripts.validate import run as validate
from scripts.validate import stats
from helpers import REPO_ROOT, output, run_tool

SYSTEM = report.SYSTEM          # "system-python3.11"

# --- regrtest output -----------------------------------------------------------------------

REGRTEST_OUTPUT = """\
0:00:00 load avg: 1.00 Run tests in parallel using 2 child processes
0:00:01 load avg: 1.00 [1/5] test_grammar passed
0:00:02 load avg: 1.00 [2/5/1] test_dis failed (1 failure)
test_foo (test.test_dis.DisTests.test_foo) ... FAIL
AssertionError: 1 != 2
0:00:03 load avg: 1.00 [3/5/1] test_winreg skipped
test_winreg skipped -- No module named 'winreg'
0:00:04 load avg: 1.00 [4/5/2] test_frame crashed (Exit code -6)
Fatal Python error: plugopt executor check: stack depth 2 at offset 8 of g; the interpreter \
has depth 1 there
  optimizer plugopt.counter.CounterOptimizer, executor plugopt.counter.CounterExecutor, \
installed at offset 8
Python runtime state: initialized
0:00:05 load avg: 1.00 [5/5/2] test_code passed

== Tests result: FAILURE ==

1 test OK.

2 tests failed:
    test_dis test_frame

1 test altered the execution environment:
    test_code

3 tests skipped:
    test_winreg test_winsound
    test_zzz_long_name

Total duration: 5.0 sec
Tests result: FAILURE
"""


def test_regrtest_summary_is_parsed() -> None:
    parsed = regrtest.parse_output(REGRTEST_OUTPUT)
    assert parsed.result == "FAILURE"
    assert parsed.ok == 1
    assert parsed.failed == ["test_dis", "test_frame"]
    assert parsed.sections["env_changed"] == ["test_code"]
    assert parsed.sections["skipped"] == ["test_winreg", "test_winsound", "test_zzz_long_name"]


def test_regrtest_success_and_unfinished_output() -> None:
    ok = regrtest.parse_output("== Tests result: SUCCESS ==\n\nAll 12 tests OK.\n\n"
                               "Total duration: 1 sec\n")
    assert (ok.result, ok.ok, ok.failed) == ("SUCCESS", 12, [])
    crashed = regrtest.parse_output("0:00:01 [1/3] test_grammar passed\nFatal Python error: x\n")
    assert crashed.result is None and crashed.failed == []


def test_regrtest_output_of_one_test() -> None:
    text = regrtest.test_output(REGRTEST_OUTPUT, "test_frame")
    assert text.splitlines()[0].endswith("test_frame crashed (Exit code -6)")
    assert "Fatal Python error: plugopt executor check" in text
    assert "test_code" not in text
    assert "AssertionError" in regrtest.test_output(REGRTEST_OUTPUT, "test_dis")


def test_regrtest_new_failures_are_those_not_failing_under_baseline() -> None:
    assert regrtest.new_failures(["test_b", "test_a", "test_c"], ["test_c", "test_x"]) == \
        ["test_a", "test_b"]
    assert regrtest.new_failures([], ["test_x"]) == []


def test_regrtest_command_and_environment() -> None:
    cmd = regrtest.command(Path("/p/python3"), ["test_dis"], 300)
    assert cmd[:3] == ["/p/python3", "-m", "test"]
    assert "-j2" in cmd and cmd[cmd.index("--ignore") + 1] == "*VSOCK*"
    assert cmd[cmd.index("--timeout") + 1] == "300" and cmd[-1] == "test_dis"
    assert regrtest.environment({"A": "1"}) == {"A": "1", "SETUPTOOLS_USE_DISTUTILS": "stdlib"}


# --- executor statistics ----------------------------------------------------------------------

RUNSCRIPTS = "/venv/lib/python3.11/site-packages/pyperformance/data-files/benchmarks"
SPECS = [
    stats.BenchmarkSpec("nbody", f"{RUNSCRIPTS}/bm_nbody/run_benchmark.py"),
    stats.BenchmarkSpec("async_tree", f"{RUNSCRIPTS}/bm_async_tree/run_benchmark.py", ("none",)),
    stats.BenchmarkSpec("async_tree_io", f"{RUNSCRIPTS}/bm_async_tree/run_benchmark.py", ("io",)),
    stats.BenchmarkSpec("async_tree_tg", f"{RUNSCRIPTS}/bm_async_tree/run_benchmark.py",
                        ("none", "--task-groups")),
    stats.BenchmarkSpec("pickle", f"{RUNSCRIPTS}/bm_pickle/run_benchmark.py", ("pickle",)),
    stats.BenchmarkSpec("pickle_pure_python", f"{RUNSCRIPTS}/bm_pickle/run_benchmark.py",
                        ("--pure-python", "pickle")),
    stats.BenchmarkSpec("asyncio_tcp", f"{RUNSCRIPTS}/bm_asyncio_tcp/run_benchmark.py"),
    stats.BenchmarkSpec("asyncio_tcp_ssl", f"{RUNSCRIPTS}/bm_asyncio_tcp/run_benchmark.py",
                        ("--ssl",)),
]
WORKER = ["--worker", "--pipe", "4", "--worker-task=0", "--values", "1", "--loops", "1"]


@pytest.mark.parametrize(("script", "extra", "expected"), [
    ("bm_nbody", [], "nbody"),
    ("bm_async_tree", ["none"], "async_tree"),
    ("bm_async_tree", ["io"], "async_tree_io"),
    ("bm_async_tree", ["none", "--task-groups"], "async_tree_tg"),
    ("bm_pickle", ["pickle"], "pickle"),
    ("bm_pickle", ["--pure-python", "pickle"], "pickle_pure_python"),
    ("bm_asyncio_tcp", [], "asyncio_tcp"),
    ("bm_asyncio_tcp", ["--ssl"], "asyncio_tcp_ssl"),
    ("bm_unknown", [], None),
])
def test_worker_argv_names_its_benchmark(script: str, extra: list[str],
                                         expected: str | None) -> None:
    # A different installation path of the same benchmark still matches.
    argv = [f"/elsewhere/benchmarks/{script}/run_benchmark.py", *WORKER, *extra]
    assert stats.benchmark_for_argv(argv, SPECS) == expected


def write_record(folder: Path, pid: int, argv: list[str], **counters: int) -> None:
    record = {"pid": pid, "argv": argv, "loaded": [["counter", "plugopt.counter", "/x.so"]],
              "optimizers": [], "stats": {"entries": 0, "zero_progress": 0, "compile_calls": 0,
                                          "installed": 0, **counters}}
    (folder / f"optimizer-stats-{pid}.json").write_text(json.dumps(record))


def test_stats_are_grouped_by_benchmark_workers(tmp_path: Path) -> None:
    nbody = f"{RUNSCRIPTS}/bm_nbody/run_benchmark.py"
    tree = f"{RUNSCRIPTS}/bm_async_tree/run_benchmark.py"
    write_record(tmp_path, 1, [nbody, *WORKER], entries=10, zero_progress=2, compile_calls=3)
    write_record(tmp_path, 2, [nbody, *WORKER], entries=5, installed=1)
    write_record(tmp_path, 3, [nbody, "--debug-single-value", "--output", "/tmp/x"], entries=7)
    write_record(tmp_path, 4, [tree, *WORKER, "io"], entries=100)
    write_record(tmp_path, 5, ["/venv/lib/python3.11/site-packages/pip/__main__.py", "freeze"],
                 entries=1000)
    (tmp_path / "optimizer-stats-6.json").write_text("")          # killed while writing
    (tmp_path / "unrelated.json").write_text("{}")
    folder = stats.read_stats_folder(tmp_path)
    assert len(folder.records) == 5
    assert folder.unreadable == ["optimizer-stats-6.json"]
    assert folder.records[0].loaded == ["counter"]
    groups = stats.group_by_benchmark(folder.records, SPECS)
    assert groups["nbody"] == {"entries": 15, "zero_progress": 2, "compile_calls": 3,
                               "installed": 1, "processes": 2}
    assert groups["async_tree_io"]["entries"] == 100
    assert groups[stats.OTHER_GROUP]["entries"] == 1007
    assert groups[stats.OTHER_GROUP]["processes"] == 2
    assert stats.total_stats(folder.records)["entries"] == 1122


def test_missing_stats_folder_is_empty(tmp_path: Path) -> None:
    folder = stats.read_stats_folder(tmp_path / "nothing")
    assert folder.records == [] and folder.unreadable == []


# --- pyperformance output --------------------------------------------------------------------

PYPERFORMANCE_LOG = """\
Python benchmark suite 1.14.0

==================================================
( 1/4) creating venv for benchmark (broken_deps)

(trying common venv first)
ERROR: Could not find a version that satisfies the requirement nosuchpkg==1.0
ERROR: No matching distribution found for nosuchpkg==1.0
(falling back to unique venv)
(benchmark will be skipped)

==================================================
( 2/4) creating venv for benchmark (logging)
==================================================
( 3/4) creating venv for benchmark (nbody)
==================================================
( 4/4) creating venv for benchmark (richards)

[1/4] broken_deps...
ERROR: Benchmark broken_deps failed: could not install requirements
[2/4] logging...
# /venv/bin/python -u /b/bm_logging/run_benchmark.py --debug-single-value --output /tmp/a
.
logging_format: 18.0 us
.
WARNING: the benchmark result may be unstable
logging_silent: 922 ns
[3/4] nbody...
# /venv/bin/python -u /b/bm_nbody/run_benchmark.py --debug-single-value --output /tmp/b
Fatal Python error: plugopt executor check: stack depth 1 at offset 5 of f; the interpreter \
has depth 0 there
  optimizer plugopt.counter.CounterOptimizer, executor plugopt.counter.CounterExecutor
Python runtime state: initialized
RuntimeError: Worker died
ERROR: Benchmark nbody failed: Benchmark died
Traceback (most recent call last):
RuntimeError: Benchmark died
[4/4] richards...
# /venv/bin/python -u /b/bm_richards/run_benchmark.py --debug-single-value --output /tmp/c
.
richards: 35.5 ms

Performance version: 1.14.0
### richards ###
35.5 ms

2 benchmarks failed:
- broken_deps (Install requirements error)
- nbody (Benchmark died)

"""


def test_pyperformance_log_gives_each_benchmark_outcome() -> None:
    info = perf.parse_log(PYPERFORMANCE_LOG)
    assert info.finished
    assert info.failed == {"broken_deps": "Install requirements error", "nbody": "Benchmark died"}
    outcomes = perf.benchmark_outcomes(["broken_deps", "logging", "nbody", "richards"], info)
    assert {name: o["status"] for name, o in outcomes.items()} == {
        "broken_deps": "failed", "logging": "ran", "nbody": "failed", "richards": "ran"}
    assert "nosuchpkg" in str(outcomes["broken_deps"]["error"])
    assert str(outcomes["broken_deps"]["error"]).startswith(perf.INSTALL_ERROR)
    assert str(outcomes["nbody"]["error"]).startswith("Fatal Python error: plugopt executor check")
    assert "Python runtime state" in str(outcomes["nbody"]["detail"])


def test_pyperformance_crash_before_running_fails_every_benchmark() -> None:
    log = ("Python benchmark suite 1.14.0\n\nTraceback (most recent call last):\n"
           "Exception: could not get info for /p/python3\n")
    outcomes = perf.benchmark_outcomes(["nbody", "richards"], perf.parse_log(log))
    for outcome in outcomes.values():
        assert outcome["status"] == "failed"
        assert "could not get info" in str(outcome["error"])


def test_pyperformance_stopped_by_a_crash_names_it() -> None:
    log = ("subprocess.CalledProcessError: Command '['/v/bin/python', '-c', 'pip']' died with "
           "<Signals.SIGSEGV: 11>.\nurllib.error.URLError: <urlopen error no network>\n")
    outcomes = perf.benchmark_outcomes(["nbody"], perf.parse_log(log))
    assert outcomes["nbody"]["error"] == ("pyperformance stopped before finishing it: "
                                          "urllib.error.URLError: <urlopen error no network> "
                                          "(after: a child process died with SIGSEGV)")


def test_pyperformance_killed_during_a_benchmark_fails_it() -> None:
    log = "[1/2] nbody...\n# cmd\n.\nnbody: 1 ms\n[2/2] richards...\n# cmd\n"
    outcomes = perf.benchmark_outcomes(["nbody", "richards"], perf.parse_log(log))
    assert outcomes["nbody"]["status"] == "ran"
    assert outcomes["richards"]["status"] == "failed"


def test_result_names_are_attributed_to_benchmarks() -> None:
    info = perf.parse_log(PYPERFORMANCE_LOG)
    mapping = perf.result_names_by_benchmark(
        info, ["logging_format", "logging_silent", "logging_simple", "richards", "stray"])
    assert mapping == {"logging": ["logging_format", "logging_silent", "logging_simple"],
                       "richards": ["richards"]}


def test_ratios_and_geometric_mean() -> None:
    base = {"a": {"mean": 2.0}, "b": {"mean": 4.0}, "c": {"mean": 1.0}}
    other = {"a": {"mean": 3.0}, "b": {"mean": 2.0}, "d": {"mean": 1.0}}
    assert perf.ratios(base, other) == {"a": 1.5, "b": 0.5}
    assert perf.geometric_mean([2.0, 0.5]) == pytest.approx(1.0)
    assert perf.geometric_mean([]) is None


def test_rss_ratios_need_both_peaks() -> None:
    base = {"a": {"max_rss": 100}, "b": {"max_rss": 0}, "c": {"max_rss": 50}}
    other = {"a": {"max_rss": 130}, "b": {"max_rss": 10}, "c": {}, "d": {"max_rss": 9}}
    assert perf.rss_ratios(base, other) == {"a": 1.3}


def test_peak_rss_of_a_pyperf_file_is_the_largest_worker_peak(tmp_path: Path) -> None:
    import pyperf
    runs = [pyperf.Run([1.0], metadata={"name": "nbody", "mem_max_rss": rss},
                       collect_metadata=False) for rss in (3000, 7000, 5000)]
    path = tmp_path / "nbody.json"
    pyperf.BenchmarkSuite([pyperf.Benchmark(runs)]).dump(str(path))
    means = perf.load_means(path)
    assert means["nbody"]["max_rss"] == 7000 and means["nbody"]["values"] == 3


def test_benchmark_list_and_venv_show_are_parsed() -> None:
    text = "'nbody,go' benchmarks:\n- go\n- nbody\n\nTotal: 2 benchmarks\n"
    assert perf.parse_benchmark_list(text) == ["go", "nbody"]
    match = perf.VENV_SHOW_RE.match("Virtual environment path: /c/venv/cpython3.11-ab-compat-cd "
                                    "(not created yet)")
    assert match and match[1] == "/c/venv/cpython3.11-ab-compat-cd"


def test_run_command_passes_variables_to_workers() -> None:
    cmd = perf.run_command(Path("/p/python3"), ["nbody", "go"], Path("/o/x.json"), "--fast",
                           ["PYTHONOPTIMIZER", "PYTHONOPTIMIZERSTATS"], 600)
    assert cmd[cmd.index("-b") + 1] == "nbody,go"
    assert cmd[cmd.index("--inherit-environ") + 1] == "PYTHONOPTIMIZER,PYTHONOPTIMIZERSTATS"
    assert "--fast" in cmd and cmd[cmd.index("-p") + 1] == "/p/python3"


# --- shared pieces ----------------------------------------------------------------------------

def test_children_get_a_default_sigint_when_started_with_it_ignored() -> None:
    # What a shell without job control does to `validate.py ... &`.
    program = textwrap.dedent(f"""
        import signal, subprocess, sys
        sys.path.insert(0, {str(REPO_ROOT)!r})   # where the scripts package is
        from scripts.validate.common import restore_sigint
        child = [sys.executable, "-c",
                 "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"]
        print(subprocess.run(child, capture_output=True, text=True).stdout.strip())
        restore_sigint()
        print(subprocess.run(child, capture_output=True, text=True).stdout.strip())
    """)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"], result.stdout


def test_fatal_errors_are_collected_and_counted() -> None:
    errors = common.fatal_errors(REGRTEST_OUTPUT + REGRTEST_OUTPUT
                                 + "Fatal Python error: Segmentation fault\n\nCurrent thread\n")
    assert len(errors) == 2
    checker = errors[0]
    assert checker["checker"] is True and checker["count"] == 2
    assert checker["detail"] == ["optimizer plugopt.counter.CounterOptimizer, executor "
                                 "plugopt.counter.CounterExecutor, installed at offset 8"]
    assert errors[1]["checker"] is False and errors[1]["message"] == "Segmentation fault"
    died = common.fatal_errors("Command '['x']' died with <Signals.SIGABRT: 6>.\n")
    assert died[0]["message"] == "a child process died with SIGABRT"
    assert died[0]["checker"] is False


def test_progress_lines_and_eta() -> None:
    stream = io.StringIO()
    progress = common.Progress(stream=stream)
    progress.plan(4, 10.0)
    progress.show("check/baseline: nbody")
    progress.advance(2, 10.0)
    progress.started -= 40          # 40 s for 20 estimated seconds: twice as slow
    assert progress.eta() == pytest.approx(40.0, rel=0.05)
    progress.show("check/baseline: go")
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[1/4] check/baseline: nbody (ETA ")
    assert lines[1] == "[3/4] check/baseline: go (ETA 40s)"
    assert common.format_duration(250) == "4m10s"
    assert common.format_duration(3725) == "1h02m"


def test_clean_env_drops_python_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    monkeypatch.setenv("PYTHONOPTIMIZER", "counter")
    env = common.clean_env({"X": "1"})
    assert not any(name.startswith("PYTHON") for name in env) and env["X"] == "1"


def test_a_held_venv_lock_says_what_it_waits_for(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    holder = open(tmp_path / ".lock", "w")
    fcntl.flock(holder, fcntl.LOCK_EX)
    entered = threading.Event()

    def take() -> None:
        with perf.venv_lock(tmp_path):
            entered.set()

    waiter = threading.Thread(target=take)
    waiter.start()
    assert not entered.wait(0.5)       # blocked while another holds it
    fcntl.flock(holder, fcntl.LOCK_UN)
    holder.close()
    waiter.join(10)
    assert entered.is_set()
    assert f"waiting for {tmp_path / '.lock'}: another validation" in capsys.readouterr().err
    with perf.venv_lock(tmp_path):     # free: no message
        pass
    assert capsys.readouterr().err == ""


# --- configurations, state, resume ------------------------------------------------------------

def fake_build(tmp_path: Path, optimizers: list[str]) -> Path:
    build = tmp_path / "build"
    for python in ("install/bin/python3", "baseline/bin/python3"):
        (build / python).parent.mkdir(parents=True)
        (build / python).write_text("")
    package = validate.optimizer_package(build)
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for name in optimizers:
        (package / f"{name}.so").write_text("")
    return build


def test_optimizers_are_discovered_and_chosen(tmp_path: Path) -> None:
    build = fake_build(tmp_path, ["stepper", "counter"])
    assert validate.discover_optimizers(build) == ["counter", "stepper"]
    assert validate.choose_optimizers(build, None) == ["counter", "stepper"]
    assert validate.choose_optimizers(build, ["stepper"]) == ["stepper"]
    with pytest.raises(validate.SetupError, match="nosuch"):
        validate.choose_optimizers(build, ["nosuch"])
    names = [c.name for c in validate.make_configs(build, ["counter"])]
    assert names == ["baseline", "patched", "patched+counter"]
    names = [c.name for c in validate.make_configs(build, ["counter"], bare=False)]
    assert names == ["baseline", "patched+counter"]
    assert validate.parse_args(["--no-bare-patched"]).no_bare_patched


def test_run_environment_of_each_kind_of_run(tmp_path: Path) -> None:
    patched = validate.Config("patched+counter", tmp_path / "python3", "counter")
    check = validate.run_env(patched, True, True, 1, tmp_path / "stats")
    assert check["PYTHONOPTIMIZER"] == "counter"
    assert check["PYTHONOPTIMIZERCHECK"] == "1" and check["PYTHONOPTIMIZERTHRESHOLD"] == "1"
    assert check["PYTHONOPTIMIZERSTATS"] == str(tmp_path / "stats")
    assert check["PLUGOPT_COUNTER_TOP"] == "0"
    timing = validate.run_env(patched, False, False, 1, None)
    assert "PYTHONOPTIMIZERCHECK" not in timing and "PYTHONOPTIMIZERTHRESHOLD" not in timing
    baseline = validate.run_env(validate.Config("baseline", tmp_path / "b"), True, True, 1, None)
    assert not any(name.startswith("PYTHON") for name in baseline)
    assert [p.name for p in validate.make_passes(True, "fast")] == ["check"]
    assert [p.name for p in validate.make_passes(False, None)] == ["check"]
    full = validate.make_passes(False, "rigorous")
    assert [(p.name, p.pyperf_mode, p.correctness) for p in full] == [
        ("check", "--debug-single-value", True), ("timing", "--rigorous", False)]


def test_state_round_trip_and_reuse(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    assert validate.load_state(path) == {}
    runs = {"regrtest/baseline": {"signature": {"tests": ["test_dis"]}, "failed": []}}
    validate.save_state(path, runs)
    assert validate.load_state(path) == runs
    assert validate.reusable(runs, "regrtest/baseline", {"tests": ["test_dis"]})
    assert not validate.reusable(runs, "regrtest/baseline", {"tests": ["test_code"]})
    assert not validate.reusable(runs, "regrtest/patched", {"tests": ["test_dis"]})
    path.write_text(json.dumps({"version": 999, "runs": runs}))
    assert validate.load_state(path) == {}
    path.write_text("{truncated")
    assert validate.load_state(path) == {}


def test_report_describes_the_benchmark_selection(tmp_path: Path) -> None:
    build = fake_build(tmp_path, [])
    many = [f"bench{n}" for n in range(30)]

    def describe(benchmarks: list[str], chosen: str | None) -> str:
        args = argparse.Namespace(benchmarks=chosen)
        ctx = validate.Context(args=args, build=build, out=tmp_path, cache=tmp_path,
                               configs=[], passes=[], benchmarks=benchmarks, tests=[],
                               fingerprint="f", progress=common.Progress())
        return validate.describe_benchmarks(ctx)

    assert describe(["nbody", "go"], None) == "nbody, go"
    assert describe(many, None) == "30 (pyperformance's default group)"
    assert describe(many, ",".join(many)) == "30 (chosen with --benchmarks)"


def test_plan_counts_finished_runs_as_done(tmp_path: Path) -> None:
    build = fake_build(tmp_path, ["counter"])
    args = argparse.Namespace(no_pyperformance=False, no_regrtest=True, threshold=1,
                              smoke=True, no_checker=False)
    ctx = validate.Context(args=args, build=build, out=tmp_path, cache=tmp_path,
                           configs=validate.make_configs(build, ["counter"]),
                           passes=validate.make_passes(True, "fast"), benchmarks=["nbody", "go"],
                           tests=[], fingerprint="f", progress=common.Progress())
    steps = validate.plan(ctx)
    assert [s.key for s in steps] == ["pyperformance/check/baseline",
                                      "pyperformance/check/patched",
                                      "pyperformance/check/patched+counter"]
    assert (ctx.progress.total, ctx.progress.done) == (6, 0)
    ctx.runs = {steps[0].key: {"signature": steps[0].signature}}
    ctx.progress = common.Progress()
    validate.plan(ctx)
    assert (ctx.progress.total, ctx.progress.done) == (6, 2)
    ctx.fingerprint = "rebuilt"                   # a rebuild invalidates finished runs
    ctx.progress = common.Progress()
    validate.plan(ctx)
    assert ctx.progress.done == 0


def test_full_mode_checks_the_series_builds_first_smoke_mode_does_not(tmp_path: Path) -> None:
    build = fake_build(tmp_path, [])
    for smoke, skip, expected in ((False, False, True), (True, False, False),
                                  (False, True, False)):
        args = argparse.Namespace(no_pyperformance=False, no_regrtest=True, threshold=1,
                                  smoke=smoke, no_checker=False, no_series_builds=skip)
        ctx = validate.Context(args=args, build=build, out=tmp_path, cache=tmp_path,
                               configs=validate.make_configs(build, []),
                               passes=validate.make_passes(smoke, None), benchmarks=["nbody"],
                               tests=[], fingerprint="f", progress=common.Progress())
        steps = validate.plan(ctx)
        assert (steps[0].key == validate.SERIES_KEY) == expected, (smoke, skip)
        assert sum(step.series for step in steps) == int(expected)


def test_a_prefix_of_the_series_that_does_not_build_fails_the_validation(tmp_path: Path) -> None:
    run = {"kind": "series", "config": "-", "complete": False, "duration": 1.0,
           "prefixes": [{"patch": "0001-a.patch", "ok": True, "seconds": 60.0, "log": "a.log"},
                        {"patch": "0002-b.patch", "ok": False, "seconds": 9.0, "log": "b.log"}]}
    analysis = report.analyse({validate.SERIES_KEY: run})
    assert analysis.failed
    assert analysis.series_failure == "the series does not build up to 0002-b.patch (b.log)"
    good = dict(run, complete=True, prefixes=run["prefixes"][:1])
    assert not report.analyse({validate.SERIES_KEY: good}).failed


# --- analysis and report ----------------------------------------------------------------------

def pyperf_run(config: str, statuses: dict[str, str], means: dict[str, float],
               entries: int = 0, pass_name: str = "check") -> dict:
    return {"kind": "pyperformance", "pass": pass_name, "config": config, "duration": 10.0,
            "benchmarks": {name: {"status": status, "results": [name] if status == "ran" else [],
                                  "error": None if status == "ran" else f"{name} broke",
                                  "detail": "trace"}
                           for name, status in statuses.items()},
            "means": {name: {"mean": mean, "unit": "second", "values": 1,
                             "max_rss": int(mean * 1000)}
                      for name, mean in means.items()},
            "stats": {name: {"entries": entries, "zero_progress": 0, "compile_calls": 1,
                             "installed": 1, "processes": 1}
                      for name, status in statuses.items() if status == "ran"},
            "fatal_errors": [], "log": f"pyperformance/{config}.log"}


def regr_run(config: str, failed: list[str], result: str | None = "SUCCESS") -> dict:
    return {"kind": "regrtest", "config": config, "result": result, "ok": 3, "failed": failed,
            "skipped": [], "env_changed": [], "outputs": {t: f"{t} output" for t in failed},
            "stats": {"entries": 5}, "fatal_errors": [], "duration": 3.0,
            "log": f"regrtest/{config}.log", "tail": None if result else "last words"}


def sample_runs() -> dict[str, dict]:
    runs = {
        "pyperformance/check/baseline": pyperf_run(
            "baseline", {"nbody": "ran", "go": "ran", "dask": "failed"},
            {"nbody": 1.0, "go": 2.0}),
        "pyperformance/check/patched": pyperf_run(
            "patched", {"nbody": "ran", "go": "ran", "dask": "failed"},
            {"nbody": 1.0, "go": 2.0}),
        "pyperformance/check/patched+counter": pyperf_run(
            "patched+counter", {"nbody": "ran", "go": "failed", "dask": "failed"},
            {"nbody": 1.5}, entries=42),
        "regrtest/baseline": regr_run("baseline", ["test_x"]),
        "regrtest/patched": regr_run("patched", ["test_x"]),
        "regrtest/patched+counter": regr_run("patched+counter", ["test_x", "test_dis"]),
    }
    return runs


def test_new_failures_are_those_not_failing_under_baseline() -> None:
    analysis = report.analyse(sample_runs())
    assert [(f["config"], f["benchmark"]) for f in analysis.benchmark_failures] == \
        [("patched+counter", "go")]
    assert [f["benchmark"] for f in analysis.everywhere] == ["dask"]
    assert analysis.regrtest_new == {"patched": [], "patched+counter": ["test_dis"]}
    assert analysis.failed


def test_clean_runs_pass_and_checker_aborts_fail() -> None:
    runs = sample_runs()
    runs["pyperformance/check/patched+counter"] = pyperf_run(
        "patched+counter", {"nbody": "ran", "go": "ran", "dask": "failed"},
        {"nbody": 1.5, "go": 2.0}, entries=42)
    runs["regrtest/patched+counter"] = regr_run("patched+counter", ["test_x"])
    assert not report.analyse(runs).failed
    runs["regrtest/baseline"]["fatal_errors"] = [
        {"message": "Segmentation fault", "detail": [], "count": 1, "checker": False}]
    analysis = report.analyse(runs)
    assert not analysis.failed and analysis.crashes[0]["run"] == "regrtest/baseline"
    runs["regrtest/patched"]["fatal_errors"] = [
        {"message": "plugopt executor check: bad", "detail": [], "count": 1, "checker": True}]
    analysis = report.analyse(runs)
    assert analysis.failed and analysis.checker_aborts[0]["run"] == "regrtest/patched"


def test_unfinished_regrtest_and_zero_entries() -> None:
    runs = sample_runs()
    runs["regrtest/patched+counter"] = regr_run("patched+counter", [], result=None)
    runs["pyperformance/check/patched+counter"]["stats"]["nbody"]["entries"] = 0
    analysis = report.analyse(runs)
    assert analysis.regrtest_incomplete == ["patched+counter"]
    assert analysis.zero_entries == [{"pass": "check", "config": "patched+counter",
                                      "benchmark": "nbody"}]


def test_summary_table() -> None:
    runs = sample_runs()
    configs = ["baseline", "patched", "patched+counter"]
    table = report.summary_table(runs, configs, report.analyse(runs))
    rows = {row[0]: dict(zip(table.headers, row)) for row in table.rows}
    assert rows["baseline"]["check: ran"] == "2/3"
    assert rows["patched+counter"]["check: ran"] == "1/3"
    assert rows["patched+counter"]["check: failed only here"] == "1"
    assert rows["patched+counter"]["check: executor entries"] == "42"
    assert rows["patched+counter"]["regrtest new failures"] == "1"
    text = table.text()
    assert text.splitlines()[0].startswith("configuration")


def test_summary_has_no_time_column_for_the_check_pass() -> None:
    # The check pass's times are under the checker at threshold 1: "jit 2.82" there is
    # the cost of checking, which the summary must not show as if it were speed.
    runs = sample_runs()
    table = report.summary_table(runs, ["baseline", "patched", "patched+counter"],
                                 report.analyse(runs))
    assert [h for h in table.headers if h.startswith("check:")] == [
        "check: ran", "check: failed only here", "check: executor entries"]
    assert not any("ratio" in h or "time" in h for h in table.headers[1:])
    assert "1.50" not in table.text()
    caption = report.summary_caption(runs)
    assert "cost under the checker at threshold 1, not a speed figure" in caption
    assert "no timing pass" in caption and "Time ratio" not in caption


def test_report_files_are_written(tmp_path: Path) -> None:
    runs = sample_runs()
    configs = ["baseline", "patched", "patched+counter"]
    md, page = report.write_report(runs, configs, report.analyse(runs), {"mode": "smoke"},
                                   {"check": "compare_to table"}, tmp_path)
    text = md.read_text()
    assert "| patched+counter |" in text
    assert "patched+counter: test_dis" in text and "test_dis output" in text
    assert "check / patched+counter: go: go broke" in text
    assert "![time ratios, check pass](ratios-check.png)" in text
    # Peak RSS: nbody 1500 against 1000 under patched+counter; go did not run there.
    rss = report.rss_table(runs, configs, "check")
    assert rss.headers == ["benchmark", "patched", "patched+counter"]
    assert {row[0]: row[1:] for row in rss.rows} == {
        "dask": ["-", "-"], "go": ["1.00", "-"], "nbody": ["1.00", "1.50"]}
    assert (tmp_path / "ratios-check.png").read_bytes()[:4] == b"\x89PNG"
    html_text = page.read_text()
    assert html_text.startswith("<!DOCTYPE html>") and "data:image/png;base64," in html_text
    assert "compare_to table" in html_text


def timing_runs(with_system: bool = True) -> dict[str, dict]:
    """A full run's records: a check pass (no system) and a timing pass (system beside)."""
    benches = {"nbody": "ran", "go": "ran"}
    runs = {
        "pyperformance/check/baseline": pyperf_run("baseline", benches,
                                                   {"nbody": 1.0, "go": 2.0}),
        "pyperformance/check/patched+jit": pyperf_run("patched+jit", benches,
                                                      {"nbody": 2.82, "go": 2.0}, entries=9),
        "pyperformance/timing/baseline": pyperf_run(
            "baseline", benches, {"nbody": 1.0, "go": 2.0}, pass_name="timing"),
        "pyperformance/timing/patched+jit": pyperf_run(
            "patched+jit", benches, {"nbody": 0.4, "go": 2.0}, entries=9, pass_name="timing"),
    }
    if with_system:
        system = pyperf_run(SYSTEM, benches, {"nbody": 0.8, "go": 1.0}, pass_name="timing")
        system["stats"] = {}
        system["signature"] = {"python": "/usr/bin/python3.11"}
        runs[f"pyperformance/timing/{SYSTEM}"] = system
    return runs


TIMING_CONFIGS = ["baseline", SYSTEM, "patched+jit"]


def test_timing_summary_has_ratios_to_the_baseline_and_the_system_python() -> None:
    runs = timing_runs()
    table = report.summary_table(runs, TIMING_CONFIGS, report.analyse(runs))
    versus_system = "timing: time / system python3.11's"
    assert [h for h in table.headers if h.startswith("timing:")] == [
        "timing: ran", "timing: failed only here", "timing: executor entries",
        "timing: time ratio", versus_system]
    rows = {row[0]: dict(zip(table.headers, row)) for row in table.rows}
    jit = rows["patched+jit"]
    # nbody 0.4 / 1.0 and go 2.0 / 2.0 against the baseline; 0.5 and 2.0 against the system.
    assert (jit["timing: time ratio"], jit[versus_system]) == ("0.63", "1.00")
    assert rows["baseline"][versus_system] == "1.58"       # 1.25 and 2.0
    system = rows[f"{SYSTEM} (the system's own Python)"]
    assert (system["timing: time ratio"], system[versus_system]) == ("0.63", "1.00")
    # Not ours: it never fails "only here", counts no executors, runs no checker.
    assert (system["timing: failed only here"], system["timing: executor entries"],
            system["checker aborts"], system["check: ran"]) == ("-", "-", "-", "-")
    caption = report.summary_caption(runs)
    assert f"the same against {SYSTEM}, the system's own Python" in caption
    assert "/usr/bin/python3.11" in caption


def test_timing_tables_per_benchmark_against_baseline_and_system() -> None:
    runs = timing_runs()
    to_baseline = report.benchmark_table(runs, TIMING_CONFIGS, "timing")
    to_system = report.benchmark_table(runs, TIMING_CONFIGS, "timing", reference=SYSTEM)
    assert to_baseline.headers == to_system.headers == ["benchmark", *TIMING_CONFIGS]
    assert {row[0]: row[1:] for row in to_baseline.rows} == {
        "go": ["1.00", "0.50", "1.00"], "nbody": ["1.00", "0.80", "0.40"]}
    assert {row[0]: row[1:] for row in to_system.rows} == {
        "go": ["2.00", "1.00", "2.00"], "nbody": ["1.25", "1.00", "0.50"]}


def test_report_labels_the_system_python_and_the_check_pass_cost(tmp_path: Path) -> None:
    runs = timing_runs()
    meta = {"system python3.11": "/usr/bin/python3.11: system-python3.11 in the tables"}
    md, _ = report.write_report(runs, TIMING_CONFIGS, report.analyse(runs), meta, {}, tmp_path)
    text = md.read_text()
    assert "- system python3.11: /usr/bin/python3.11: system-python3.11 in the tables" in text
    check = text[text.index("## pyperformance, check pass"):
                 text.index("## pyperformance, timing pass")]
    assert ("Time / baseline time per benchmark: cost under the checker at threshold 1, "
            "not a speed figure") in check
    assert "system python3.11's" not in check and SYSTEM not in check
    timing = text[text.index("## pyperformance, timing pass"):]
    assert "Time / system python3.11's time per benchmark (system-python3.11: the system's " \
        "own Python, the Python users already have" in timing
    assert "| nbody | 1.25 | 1.00 | 0.50 |" in timing


def test_report_without_a_system_python_has_no_column_for_it(tmp_path: Path) -> None:
    runs = timing_runs(with_system=False)
    configs = ["baseline", "patched+jit"]
    table = report.summary_table(runs, configs, report.analyse(runs))
    assert "timing: time ratio" in table.headers
    assert not any("system" in h for h in table.headers)
    md, _ = report.write_report(runs, configs, report.analyse(runs), {}, {}, tmp_path)
    assert "system python3.11" not in md.read_text()


def test_check_pass_heading_follows_its_settings() -> None:
    runs = timing_runs()
    runs["pyperformance/check/patched+jit"]["signature"] = {"checker": False, "threshold": 4}
    assert report.check_cost_heading(runs) == \
        "cost without the checker (--no-checker) at threshold 4, not a speed figure"


def test_a_failure_under_the_system_python_is_not_a_new_failure(tmp_path: Path) -> None:
    runs = timing_runs()
    runs[f"pyperformance/timing/{SYSTEM}"]["benchmarks"]["go"]["status"] = "failed"
    analysis = report.analyse(runs)
    assert not analysis.failed and analysis.benchmark_failures == []
    assert [(f["config"], f["benchmark"]) for f in analysis.system_failures] == [(SYSTEM, "go")]
    sections = report.build_sections(runs, TIMING_CONFIGS, analysis, {}, {}, tmp_path)
    titles = [section.title for section in sections]
    assert f"Benchmarks failing under {SYSTEM} (not our interpreter: not counted)" in titles


# --- the system's own interpreter -------------------------------------------------------------

def fake_python(folder: Path, version: str) -> Path:
    """A stand-in interpreter: system_python asks it its version and it answers."""
    path = folder / f"python-{version}"
    path.write_text(f"#!/bin/sh\necho {version}\n")
    path.chmod(0o755)
    return path


def not_executable(folder: Path) -> Path:
    path = folder / "plain-file"
    path.write_text("")
    return path


def test_system_config_runs_only_in_the_timing_pass(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    build = fake_build(tmp_path, ["jit"])
    system = fake_python(tmp_path, "3.11.2")
    monkeypatch.setattr(validate.regrtest, "list_tests", lambda *args: ["test_dis"])
    args = argparse.Namespace(no_pyperformance=False, no_regrtest=False, threshold=1,
                              smoke=False, no_checker=False, no_series_builds=True)
    configs = validate.make_configs(build, ["jit"], system=system)
    assert [c.name for c in configs] == ["baseline", SYSTEM, "patched", "patched+jit"]
    ctx = validate.Context(args=args, build=build, out=tmp_path, cache=tmp_path,
                           configs=configs, passes=validate.make_passes(False, "fast"),
                           benchmarks=["nbody"], tests=[], fingerprint="f",
                           progress=common.Progress())
    keys = [step.key for step in validate.plan(ctx)]
    assert f"pyperformance/timing/{SYSTEM}" in keys
    assert [key for key in keys if SYSTEM in key] == [f"pyperformance/timing/{SYSTEM}"]
    assert "pyperformance/check/baseline" in keys and "regrtest/baseline" in keys
    # No optimizer variables and no statistics folder: it is not our interpreter.
    config = configs[1]
    assert config.system and not config.patched
    for correctness in (True, False):
        env = validate.run_env(config, correctness, True, 1, tmp_path / "stats")
        assert not any(name.startswith("PYTHON") for name in env)
    signature = validate.pyperf_signature(ctx, ctx.passes[1], config)
    assert signature["python"] == str(system) and "interpreter" in signature


def context_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                *options: str) -> validate.Context:
    build = tmp_path / "build" if (tmp_path / "build").exists() else fake_build(tmp_path, [])
    monkeypatch.setattr(validate.perf, "list_benchmarks", lambda *args: ["nbody"])
    return validate.make_context(validate.parse_args(["--build-dir", str(build), *options]))


def test_system_python_is_timed_in_full_mode_only(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    system = fake_python(tmp_path, "3.11.2")
    full = context_for(tmp_path, monkeypatch, "--system-python", str(system))
    assert [c.name for c in full.configs] == ["baseline", SYSTEM, "patched"]
    assert validate.describe_system(full).startswith(f"{system}: {SYSTEM} in the tables, "
                                                     "the system's own Python")
    smoke = context_for(tmp_path, monkeypatch, "--smoke", "--system-python", str(system))
    assert SYSTEM not in [c.name for c in smoke.configs] and smoke.system == system
    assert validate.describe_system(smoke) == \
        f"{system}, not timed: the smoke run has no timing pass"
    untimed = context_for(tmp_path, monkeypatch, "--no-timing", "--system-python", str(system))
    assert validate.describe_system(untimed) == f"{system}, not timed: --no-timing"


def test_system_python_none_leaves_it_out(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = context_for(tmp_path, monkeypatch, "--system-python", "none")
    assert [c.name for c in ctx.configs] == ["baseline", "patched"] and ctx.system is None
    assert validate.describe_system(ctx) == \
        "none timed (--system-python none), so no column against it"


@pytest.mark.parametrize(("make", "message"), [
    (lambda folder: fake_python(folder, "3.12.1"), "is Python 3.12.1, not 3.11"),
    (lambda folder: folder / "missing", "does not exist"),
    (not_executable, "does not run"),
])
def test_a_bad_system_python_is_a_clear_error(tmp_path: Path, make: Callable[[Path], Path],
                                              message: str) -> None:
    # Before anything else: no build folder is needed to be told.
    bad = make(tmp_path)
    result = run_tool("validate", "--build-dir", tmp_path / "no-build",
                        "--system-python", bad, timeout=60)
    assert result.returncode == 2, output(result)
    assert f"validate: error: --system-python: {bad}" in result.stderr, output(result)
    assert message in result.stderr and "Traceback" not in result.stderr, output(result)


# --- end to end ---------------------------------------------------------------------------------

E2E_BENCHMARKS = ("nbody", "richards")
E2E_TESTS = ("test_generators", "test_scope")


@pytest.mark.long
def test_smoke_run_end_to_end(build_dir: Path, baseline_python: Path, tmp_path: Path) -> None:
    out = tmp_path / "validation"
    result = run_tool("validate", "--smoke", "--build-dir", build_dir, "--out", out,
                        "--benchmarks", ",".join(E2E_BENCHMARKS),
                        "--regrtest-tests", ",".join(E2E_TESTS), timeout=900)
    assert result.returncode == 0, output(result)
    assert (out / "report.md").is_file() and (out / "report.html").is_file(), output(result)
    assert "configuration" in result.stdout and "no new failures" in result.stdout
    runs = json.loads((out / "state.json").read_text())["runs"]
    optimizers = validate.discover_optimizers(build_dir)
    assert "counter" in optimizers
    configs = ["baseline", "patched"] + [f"patched+{name}" for name in optimizers]
    for config in configs:
        run = runs[f"pyperformance/check/{config}"]
        for bench in E2E_BENCHMARKS:
            assert run["benchmarks"][bench]["status"] == "ran", (config, run["benchmarks"][bench])
        assert runs[f"regrtest/{config}"]["result"] == "SUCCESS"
    for name in optimizers:
        bench_stats = runs[f"pyperformance/check/patched+{name}"]["stats"]
        for bench in E2E_BENCHMARKS:
            assert bench_stats[bench]["entries"] > 0, (name, bench, bench_stats)
    # The smoke package suite ran everywhere, as many tests as under the baseline, and
    # every optimizer installed executors in it.
    base_suite = runs["packages/more-itertools/baseline"]
    assert base_suite["complete"] and base_suite["tests"] > 500, base_suite
    for config in configs[1:]:
        suite = runs[f"packages/more-itertools/{config}"]
        assert suite["complete"] and suite["tests"] == base_suite["tests"], suite
        assert sorted(suite["failed"]) == sorted(base_suite["failed"]), suite["failed"]
        if config.startswith("patched+"):
            assert suite["stats"]["installed"] > 0, (config, suite["stats"])
    # A second run resumes: nothing is redone.
    again = run_tool("validate", "--smoke", "--build-dir", build_dir, "--out", out,
                       "--benchmarks", ",".join(E2E_BENCHMARKS),
                       "--regrtest-tests", ",".join(E2E_TESTS), "--no-pyperformance",
                       timeout=300)
    assert again.returncode == 0, output(again)
    assert "resuming" in again.stderr and "regrtest/baseline: starting" not in again.stderr


# --- package suites ------------------------------------------------------------------------------

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="4">
<testcase classname="tests.test_more.A" name="test_ok" time="0.001"/>
<testcase classname="tests.test_more.A" name="test_bad" time="0.001"><failure message="x"/></testcase>
<testcase classname="tests.test_more.B" name="test_err" time="0.001"><error message="y"/></testcase>
<testcase classname="tests.test_more.B" name="test_skip" time="0.001"><skipped message="z"/></testcase>
</testsuite></testsuites>
"""


def test_package_junit_is_read_per_test(tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(JUNIT)
    parsed = packages.parse_junit(path)
    assert parsed is not None
    assert (parsed.tests, parsed.passed, parsed.skipped) == (4, 1, 1)
    assert parsed.failed == ["tests.test_more.A::test_bad", "tests.test_more.B::test_err"]
    assert packages.parse_junit(tmp_path / "missing.xml") is None
    (tmp_path / "cut.xml").write_text(JUNIT[:120])
    assert packages.parse_junit(tmp_path / "cut.xml") is None


def test_package_suites_are_selected_by_name_or_mode() -> None:
    assert [s.name for s in packages.select(None, smoke=True)] == ["more-itertools"]
    assert len(packages.select(None, smoke=False)) == len(packages.SUITES) >= 4
    assert [s.name for s in packages.select(["attrs"], smoke=True)] == ["attrs"]
    with pytest.raises(ValueError, match="unknown package suite.*nosuch"):
        packages.select(["nosuch"], smoke=False)
    reqs = packages.requirements(packages.SUITES)
    assert all("==" in req for req in reqs) and len(reqs) == len(set(reqs))


def package_run(config: str, failed: list[str], complete: bool = True,
                installed: int = 3) -> dict:
    return {"kind": "packages", "suite": "attrs", "config": config, "complete": complete,
            "tests": 10, "passed": 10 - len(failed), "failed": failed, "skipped": 0,
            "stats": {"installed": installed, "entries": 5} if config != "baseline" else {},
            "duration": 1.0}


def test_package_failures_count_only_beyond_the_baseline() -> None:
    runs = {"packages/attrs/baseline": package_run("baseline", ["t::known"]),
            "packages/attrs/patched": package_run("patched", ["t::known"]),
            "packages/attrs/patched+jit": package_run("patched+jit", ["t::known", "t::new"]),
            "packages/attrs/patched+counter": package_run("patched+counter", [], installed=0)}
    analysis = report.analyse(runs)
    assert analysis.packages_new == {"attrs/patched": [], "attrs/patched+jit": ["t::new"],
                                     "attrs/patched+counter": []}
    assert analysis.failed
    assert analysis.packages_idle == ["attrs/patched+counter"]
    configs = ["baseline", "patched", "patched+jit", "patched+counter"]
    table = report.summary_table(runs, configs, analysis)
    assert table.headers[-3:-1] == ["package tests failed", "package tests new failures"]
    assert [row[-3:-1] for row in table.rows] == [["1", "-"], ["1", "0"], ["2", "1"],
                                                  ["0", "0"]]
    runs["packages/attrs/patched+jit"] = package_run("patched+jit", ["t::known"],
                                                     complete=False)
    analysis = report.analyse(runs)
    assert analysis.packages_incomplete == ["attrs/patched+jit"] and analysis.failed


def regrtest_run(config: str, failed: list[str], ids: list[str],
                 optimizer: str | None) -> dict:
    return {"kind": "regrtest", "config": config, "result": "FAILURE" if failed else "SUCCESS",
            "failed": failed, "failed_tests": ids, "optimizer": optimizer, "ok": 1}


def test_expected_differences_are_reported_apart_and_not_counted() -> None:
    super_id = "test.test_dis.DisTests.test_super_instructions"
    runs = {"regrtest/baseline": regrtest_run("baseline", [], [], None),
            # only the expected test of test_dis failed: not new
            "regrtest/patched+stepper-seed5": regrtest_run(
                "patched+stepper-seed5", ["test_dis"], [super_id], "stepper"),
            # the same test under another optimizer: new
            "regrtest/patched+counter": regrtest_run(
                "patched+counter", ["test_dis"], [super_id], "counter"),
            # an expected test and another one in the same file: the file is new
            "regrtest/patched+stepper": regrtest_run(
                "patched+stepper", ["test_dis"], [super_id, "test.test_dis.X.test_y"],
                "stepper"),
            # a crash: the file failed with no test id, so it counts
            "regrtest/patched+stepper-seed1": regrtest_run(
                "patched+stepper-seed1", ["test_tracemalloc"], [], "stepper")}
    analysis = report.analyse(runs)
    assert analysis.regrtest_new == {"patched+stepper-seed5": [],
                                     "patched+counter": ["test_dis"],
                                     "patched+stepper": ["test_dis"],
                                     "patched+stepper-seed1": ["test_tracemalloc"]}
    assert [item["test"] for item in analysis.regrtest_expected["patched+stepper-seed5"]] \
        == [super_id]
    assert list(analysis.regrtest_expected) == ["patched+stepper-seed5"]


def test_regrtest_junit_gives_failing_test_ids(tmp_path: Path) -> None:
    path = tmp_path / "regrtest.xml"
    path.write_text('<testsuites><testsuite><testcase name="test.test_dis.A.test_ok"/>'
                    '<testcase name="test.test_dis.A.test_bad"><failure/></testcase>'
                    '<testcase name="test.test_os.B.test_err"><error/></testcase>'
                    '</testsuite></testsuites>')
    assert regrtest.failed_test_ids(path) == ["test.test_dis.A.test_bad",
                                              "test.test_os.B.test_err"]
    assert regrtest.failed_test_ids(tmp_path / "none.xml") == []
    assert regrtest.test_file_of("test.test_asyncio.test_tasks.T.test_x") == "test_asyncio"


def test_stepper_seeds_add_fuzz_configurations_for_regrtest_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = fake_build(tmp_path, ["stepper"])
    ctx = context_for(tmp_path, monkeypatch, "--stepper-seeds", "3,5", "--optimizers",
                      "stepper")
    fuzz = [c for c in ctx.configs if c.fuzz]
    assert [c.name for c in fuzz] == ["patched+stepper-seed3", "patched+stepper-seed5"]
    assert validate.run_env(fuzz[1], True, True, 1, None)["PLUGOPT_STEPPER_SEED"] == "5"
    assert not validate.runs_in(fuzz[0], ctx.passes[0]) and validate.runs_in(fuzz[0], None)
    assert build.exists()
