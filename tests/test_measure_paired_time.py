"""scripts/measure/paired_time.py and the driver's --time mode: the plumbing, not the figures.

Speed is measured by the script itself, never asserted here: these tests run
one round of a small workload and check that each part reports what it says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import system_python
from scripts.measure import idle_cost as mic
from scripts.measure import paired_time as mpt
from helpers import output, run, run_tool


def test_driver_time_mode_reports_seconds_and_executors(patched_python: Path,
                                                       baseline_python: Path) -> None:
    for python, options, executors in ((patched_python, ("-X", "optimizer=counter"), "counted"),
                                       (patched_python, (), "-"), (baseline_python, (), "-")):
        result = run([*mic.driver_command(python, "deltablue", 2, options), "--time"],
                     env={"PYTHONHASHSEED": "0"}, timeout=60)
        assert result.returncode == 0, output(result)
        words = result.stdout.split()
        assert words[:3] == ["ok", "deltablue", "2"], output(result)
        assert len(words) == 5 and float(words[3]) > 0, output(result)
        if executors == "counted":
            assert int(words[4]) > 0, output(result)
        else:
            assert words[4] == executors, output(result)


def test_driver_rejects_unknown_trailing_arguments(patched_python: Path) -> None:
    result = run([*mic.driver_command(patched_python, "deltablue", 1), "--fast"], timeout=60)
    assert result.returncode == 2, output(result)
    assert "usage:" in result.stderr


def test_rounds_rotate_which_interpreter_runs_first(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    seconds = {"baseline": 2.0, "patched": 1.0, mpt.SYSTEM: 1.5}

    def fake_run(interp: mic.Interpreter, benchmark: str, loops: int) -> tuple[float, str]:
        calls.append(interp.label)
        return seconds[interp.label], "7" if interp.label == "patched" else "-"

    monkeypatch.setattr(mpt, "timed_run", fake_run)
    interps = (mic.Interpreter("baseline", Path("b")), mic.Interpreter("patched", Path("p")))
    result = mpt.measure("nbody", 1, interps, rounds=4)
    assert calls == ["baseline", "patched", "patched", "baseline"] * 2
    assert result.ratios == [0.5] * 4 and result.median == 0.5
    assert result.executors == "7" and not result.has_system
    calls.clear()
    result = mpt.measure("nbody", 1, (*interps, mic.Interpreter(mpt.SYSTEM, Path("s"))), 3)
    assert calls == ["baseline", "patched", mpt.SYSTEM, "patched", mpt.SYSTEM, "baseline",
                     mpt.SYSTEM, "baseline", "patched"]
    assert result.has_system and result.median_of("patched", mpt.SYSTEM) == 1 / 1.5


def paired(name: str, patched: list[float], system: float | None = None) -> mpt.Paired:
    """A result whose baseline took 1 s every round (and the system `system` s)."""
    rounds = []
    for seconds in patched:
        round_ = {"baseline": 1.0, "patched": seconds}
        if system is not None:
            round_[mpt.SYSTEM] = system
        rounds.append(round_)
    return mpt.Paired(name, rounds, "12", loops=1)


def test_table_has_medians_and_their_geometric_mean() -> None:
    results = [paired("nbody", [0.2, 0.3, 0.25]), paired("go", [1.0, 0.96, 1.1])]
    table = mpt.format_table(results).splitlines()
    assert table[2].split() == ["nbody", "1", "0.250", "0.200-0.300", "4.00x", "12"]
    assert table[3].split()[:3] == ["go", "1", "1.000"]
    assert table[-1].split()[-2:] == ["0.500", "2.00x"]
    assert "system" not in table[0]


def test_table_shows_the_system_python_beside_the_baseline() -> None:
    results = [paired("nbody", [0.25], system=0.5), paired("go", [1.0], system=0.5)]
    table = mpt.format_table(results).splitlines()
    assert f"vs {mpt.SYSTEM}" in table[0] and "baseline vs system" in table[0]
    # nbody: 4x the baseline, 2x the system's; the baseline is half the system's speed.
    assert table[2].split() == ["nbody", "1", "0.250", "0.250-0.250", "4.00x", "2.00x",
                                "0.50x", "12"]
    assert table[-1].split() == ["geometric", "mean", "0.500", "2.00x", "1.00x", "0.50x"]


def test_best_times_ratio_and_its_table() -> None:
    result = mpt.Paired("nbody", [{"baseline": 1.0, "patched": 0.9, mpt.SYSTEM: 2.0},
                                  {"baseline": 0.8, "patched": 1.2, mpt.SYSTEM: 1.0},
                                  {"baseline": 3.0, "patched": 0.6}], "-", loops=1)
    assert result.best_ratio("patched", "baseline") == 0.6 / 0.8
    assert result.best_ratio("patched", mpt.SYSTEM) == 0.9 / 1.0   # rounds with both only
    assert result.best_ratio("patched", "nobody") is None
    table = mpt.format_table([result], "best").splitlines()
    assert "round min-max" not in table[0]
    assert table[2].split() == ["nbody", "1", "0.750", "1.33x", "1.11x", "1.25x", "-"]


def test_one_round_end_to_end(build_dir: Path, baseline_python: Path, tmp_path: Path) -> None:
    # Any 3.11 stands in for the system's Python; the baseline is one.
    result = run_tool("measure.paired_time", "--build-dir", build_dir, "--optimizer",
                        "counter", "--benchmarks", "deltablue", "--rounds", "1", "--scale",
                        "0.05", "--system-python", baseline_python,
                        "--json", tmp_path / "paired.json", timeout=300)
    assert result.returncode == 0, output(result)
    assert "ratio = patched (-X optimizer=counter) / baseline" in result.stdout, output(result)
    assert f"{mpt.SYSTEM}: {baseline_python}" in result.stdout, output(result)
    data = json.loads((tmp_path / "paired.json").read_text())
    [entry] = data["results"]
    assert entry["benchmark"] == "deltablue" and len(entry["ratios"]) == 1
    assert entry["ratios"][0] > 0 and int(entry["executors"]) > 0
    assert set(entry["seconds"][0]) == {"baseline", "patched", mpt.SYSTEM}


def test_system_python_of_another_version_is_refused(build_dir: Path, baseline_python: Path,
                                                     tmp_path: Path) -> None:
    other = tmp_path / "python3.12"
    other.write_text("#!/bin/sh\necho 3.12.1\n")
    other.chmod(0o755)
    result = run_tool("measure.paired_time", "--build-dir", build_dir, "--benchmarks",
                        "deltablue", "--rounds", "1", "--system-python", other, timeout=120)
    assert result.returncode == 2, output(result)
    assert f"{other} is Python 3.12.1, not 3.11" in result.stderr, output(result)


def test_default_system_python_is_the_distributions(baseline_python: Path) -> None:
    found = system_python.find()
    if system_python.CANDIDATE.exists():
        assert found == system_python.CANDIDATE
    else:
        assert found is None
    assert system_python.find("none") is None
    assert system_python.find(str(baseline_python)) == baseline_python


def test_unknown_optimizer_is_a_clear_error(build_dir: Path, baseline_python: Path) -> None:
    result = run_tool("measure.paired_time", "--build-dir", build_dir, "--optimizer",
                        "no_such_optimizer", "--benchmarks", "deltablue", "--rounds", "1",
                        "--scale", "0.05", timeout=300)
    assert result.returncode == 2, output(result)
    assert "measure_paired_time: deltablue on" in result.stderr, output(result)
    assert "no_such_optimizer" in result.stderr, output(result)
