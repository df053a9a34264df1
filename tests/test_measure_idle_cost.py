"""scripts/measure/idle_cost.py: its driver runs the five workloads; its plumbing is sound.

No valgrind and no timing here: the workloads run with 0 and 1 loops only (the
two kinds of run the measurement subtracts), so the file takes a few seconds.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from scripts.measure import idle_cost as mic
from scripts.measure import idle_cost_driver
from helpers import output, run, run_tool


@pytest.mark.parametrize("loops", [0, 1])
@pytest.mark.parametrize("benchmark", sorted(mic.LOOPS))
def test_driver_runs_workload_on_patched(patched_python: Path, benchmark: str,
                                         loops: int) -> None:
    # The exact command the callgrind runs use, minus valgrind.
    result = run(mic.driver_command(patched_python, benchmark, loops),
                 env={"PYTHONHASHSEED": "0"}, timeout=60)
    assert result.returncode == 0, output(result)
    assert result.stdout.strip() == f"ok {benchmark} {loops}", output(result)


def test_check_option_runs_both_interpreters(build_dir: Path, baseline_python: Path) -> None:
    result = run_tool("measure.idle_cost", "--check", "--build-dir", build_dir, timeout=120)
    assert result.returncode == 0, output(result)
    lines = result.stdout.splitlines()
    for benchmark in mic.DEFAULT_BENCHMARKS:
        for label in ("baseline", "patched"):
            assert f"ok {benchmark:<16} {label}" in lines, output(result)


def test_benchmark_files_come_from_installed_pyperformance() -> None:
    for benchmark in mic.LOOPS:
        path = mic.benchmark_file(benchmark)
        assert path.name == "run_benchmark.py" and path.parent.name == f"bm_{benchmark}"
        assert "pyperformance" in path.parts


def test_patched_starts_with_no_optimizer(patched_python: Path) -> None:
    mic.check_no_optimizer(patched_python)  # raises MeasureError otherwise


def test_missing_valgrind_is_a_clear_error(build_dir: Path, tmp_path: Path) -> None:
    # An empty PATH: the interpreters are started by absolute path, valgrind is not found.
    result = run_tool("measure.idle_cost", "--build-dir", build_dir,
                        env={"PATH": str(tmp_path)}, timeout=60)
    assert result.returncode == 2, output(result)
    assert "valgrind is not installed" in result.stderr, output(result)
    assert "python3 -m scripts.build.install_deps" in result.stderr, output(result)


def test_environment_fixes_hash_seed_and_drops_python_variables(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONOPTIMIZER", "counter")
    monkeypatch.setenv("PYTHONHASHSEED", "random")
    env = mic.clean_env()
    assert env["PYTHONHASHSEED"] == "0"
    assert [k for k in env if k.startswith("PYTHON")] == ["PYTHONHASHSEED"]


def test_read_total_ir(tmp_path: Path) -> None:
    out = tmp_path / "callgrind.out"
    out.write_text("# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\n"
                   "events: Ir\n\nfl=(1) a.c\nfn=(1) main\n3 10\n\n"
                   "summary: 1234567\ntotals: 1234567\n")
    assert mic.read_total_ir(out) == 1234567


def test_plan_pairs_every_run_with_a_zero_loop_run() -> None:
    interps = (mic.Interpreter("baseline", Path("b")), mic.Interpreter("patched", Path("p")))
    loops = mic.scaled_loops(["nbody", "float"], 0.5)
    runs = mic.plan_runs(["nbody", "float"], loops, interps)
    assert len(runs) == 8 and len(set(runs)) == 8
    assert {(r.benchmark, r.loops) for r in runs} == {("nbody", 3), ("nbody", 0),
                                                      ("float", 4), ("float", 0)}
    assert all(r.loops > 0 for r in runs[:4])  # long runs start first


def test_ratio_and_tolerance() -> None:
    def result(patched: int) -> mic.Result:
        return mic.Result("richards", 1, 1_000_000, patched, {})
    assert result(1_005_000).within and result(995_000).within
    assert not result(1_005_001).within and not result(994_999).within
    assert result(1_010_000).ratio == pytest.approx(1.01)
    # Two profile-guided builds: only "at most 0.5% more" is checked.
    profiled = mic.Result("richards", 1, 1_000_000, 950_000, {}, profiled=True)
    assert profiled.within and not replace(profiled, patched_ir=1_005_001).within
    assert "at most +0.5%" in mic.format_table([profiled])
    assert "within 0.5%" in mic.format_table([result(950_000)])


def test_benchmark_names_are_checked() -> None:
    assert mic.parse_benchmarks(["float,nbody", "float"]) == ["float", "nbody"]
    with pytest.raises(argparse.ArgumentTypeError):
        mic.parse_benchmarks(["richard"])


def test_driver_never_builds_a_pyperf_runner() -> None:
    # The stand-in raises if the benchmark's __main__ block ever ran.
    saved = sys.modules.get("pyperf")
    try:
        idle_cost_driver.install_fake_pyperf()
        with pytest.raises(RuntimeError):
            sys.modules["pyperf"].Runner()
    finally:
        if saved is None:
            sys.modules.pop("pyperf", None)
        else:
            sys.modules["pyperf"] = saved


def test_profile_guided_reads_the_build_mode(patched_python: Path, baseline_python: Path,
                                             build_mode: str) -> None:
    """PGO is what configure was asked for (--enable-optimizations in release mode), the
    same for both builds."""
    expected = build_mode == "release"
    assert mic.profile_guided(patched_python) is expected
    assert mic.profile_guided(baseline_python) is expected
