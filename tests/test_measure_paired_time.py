"""scripts/measure_paired_time.py and the driver's --time mode: the plumbing, not the figures.

Speed is measured by the script itself, never asserted here: these tests run
one round of a small workload and check that each part reports what it says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import measure_idle_cost as mic
import measure_paired_time as mpt
from helpers import output, run, run_script


def test_driver_time_mode_reports_seconds(patched_python: Path) -> None:
    result = run([*mic.driver_command(patched_python, "deltablue", 2), "--time"],
                 env={"PYTHONHASHSEED": "0"}, timeout=60)
    assert result.returncode == 0, output(result)
    words = result.stdout.split()
    assert words[:3] == ["ok", "deltablue", "2"], output(result)
    assert len(words) == 4 and float(words[3]) > 0, output(result)


def test_driver_rejects_unknown_trailing_arguments(patched_python: Path) -> None:
    result = run([*mic.driver_command(patched_python, "deltablue", 1), "--fast"], timeout=60)
    assert result.returncode == 2, output(result)
    assert "usage:" in result.stderr


def test_rounds_alternate_which_interpreter_runs_first(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    seconds = {"baseline": 2.0, "patched": 1.0}

    def fake_run(interp: mic.Interpreter, benchmark: str, loops: int) -> float:
        calls.append(interp.label)
        return seconds[interp.label]

    monkeypatch.setattr(mpt, "timed_run", fake_run)
    interps = (mic.Interpreter("baseline", Path("b")), mic.Interpreter("patched", Path("p")))
    result = mpt.measure("nbody", 1, interps, rounds=4)
    assert calls == ["baseline", "patched", "patched", "baseline"] * 2
    assert result.ratios == [0.5] * 4 and result.median == 0.5


def test_table_has_medians_and_their_geometric_mean() -> None:
    results = [mpt.Paired("nbody", 1, [0.2, 0.3, 0.25]), mpt.Paired("go", 1, [1.0, 0.96, 1.1])]
    table = mpt.format_table(results).splitlines()
    assert table[2].split()[:4] == ["nbody", "1", "0.250", "4.00x"]
    assert table[3].split()[:4] == ["go", "1", "1.000", "1.00x"]
    assert table[-1].split()[-2:] == ["0.500", "2.00x"]


def test_one_round_end_to_end(build_dir: Path, baseline_python: Path, tmp_path: Path) -> None:
    result = run_script("measure_paired_time.py", "--build-dir", build_dir, "--optimizer", "jit",
                        "--benchmarks", "deltablue", "--rounds", "1", "--scale", "0.05",
                        "--json", tmp_path / "paired.json", timeout=300)
    assert result.returncode == 0, output(result)
    assert "ratio = patched (-X optimizer=jit) / baseline" in result.stdout, output(result)
    data = json.loads((tmp_path / "paired.json").read_text())
    [entry] = data["results"]
    assert entry["benchmark"] == "deltablue" and len(entry["ratios"]) == 1
    assert entry["ratios"][0] > 0


def test_unknown_optimizer_is_a_clear_error(build_dir: Path, baseline_python: Path) -> None:
    result = run_script("measure_paired_time.py", "--build-dir", build_dir, "--optimizer",
                        "no_such_optimizer", "--benchmarks", "deltablue", "--rounds", "1",
                        "--scale", "0.05", timeout=300)
    assert result.returncode == 2, output(result)
    assert "measure_paired_time: deltablue on" in result.stderr, output(result)
    assert "no_such_optimizer" in result.stderr, output(result)
