"""scripts/measure/startup.py: the plumbing, not the figures.

Speed is the script's to measure, never asserted here: the end-to-end test
times a few start-ups and checks that each part reports what it says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.measure import paired_pyperf as mpp
from scripts.measure import startup as ms
from scripts.validate import pyperformance as perf
from helpers import output, run_tool

CONFIGS = (mpp.Config("baseline", Path("b"), {}), mpp.Config("patched", Path("p"), {}))


def test_commands_are_the_ones_the_benchmark_runs() -> None:
    # bm_python_startup builds [sys.executable, "-S" if --no-site, "-c", "pass"].
    spec = {s.name: s for s in perf.benchmark_specs()}["python_startup"]
    source = Path(spec.runscript).read_text()
    assert 'command.append("-S")' in source and 'command.extend(("-c", "pass"))' in source
    assert ms.STARTUP_COMMANDS == {"python_startup": ("-c", "pass"),
                                   "python_startup_no_site": ("-S", "-c", "pass")}


def test_start_ups_alternate_one_by_one_and_the_first_side_alternates() -> None:
    calls: list[tuple[str, tuple[str, ...]]] = []

    def fake_time(config: mpp.Config, args: tuple[str, ...]) -> float:
        calls.append((config.label, tuple(args)))
        return 0.005 if config.label == "baseline" else 0.006

    times = ms.measure(CONFIGS, 2, fake_time)
    site, no_site = ("-c", "pass"), ("-S", "-c", "pass")
    assert calls == [("baseline", site), ("patched", site),
                     ("baseline", no_site), ("patched", no_site),
                     ("patched", site), ("baseline", site),
                     ("patched", no_site), ("baseline", no_site)]
    assert times["python_startup_no_site"] == {"baseline": [0.005] * 2, "patched": [0.006] * 2}


def test_summary_has_medians_their_ratio_and_one_ratio_per_block() -> None:
    times = {"baseline": [0.010] * 4 + [0.020] * 4 + [1.0],
             "patched": [0.011] * 4 + [0.020] * 4 + [1.0]}
    s = ms.summarize(times, block=4)
    assert (s.baseline_ms, s.patched_ms) == (20.0, 20.0) and s.ratio == 1.0
    # Two full blocks; the odd round at the end belongs to none.
    assert s.block_ratios == pytest.approx([1.1, 1.0])
    assert ms.summarize({"baseline": [1.0], "patched": [2.0]}).block_ratios == [2.0]


def test_table_lists_each_benchmark_with_its_ratio_and_spread() -> None:
    table = ms.format_table({"python_startup": ms.Summary(10.0, 10.5, [1.02, 1.08])})
    assert table.splitlines()[2].split() == ["python_startup", "10.000", "10.500", "1.050",
                                             "1.020", "-", "1.080"]


def test_a_failing_start_up_is_a_clear_error(tmp_path: Path) -> None:
    failing = tmp_path / "python"
    failing.write_text("#!/bin/sh\nexit 3\n")
    failing.chmod(0o755)
    with pytest.raises(ms.MeasureError, match=r"exited with status 3 on the patched side"):
        ms.time_startup(mpp.Config("patched", failing, {}), ("-c", "pass"))


def test_unknown_optimizer_is_a_clear_error(build_dir: Path, baseline_python: Path) -> None:
    result = run_tool("measure.startup", "--build-dir", build_dir,
                        "--optimizer", "no_such_optimizer", timeout=120)
    assert result.returncode == 2, output(result)
    assert "cannot load optimizer 'no_such_optimizer'" in result.stderr, output(result)


def test_a_few_rounds_end_to_end(build_dir: Path, baseline_python: Path, tmp_path: Path) -> None:
    result = run_tool("measure.startup", "--build-dir", build_dir, "--optimizer", "jit",
                        "--rounds", "6", "--json", tmp_path / "r.json", timeout=900)
    assert result.returncode == 0, output(result)
    assert "ratio = patched (PYTHONOPTIMIZER=jit) / baseline" in result.stdout, output(result)
    assert re.search(r"^python_startup_no_site\s+\d+\.\d{3}\s", result.stdout, re.M), \
        output(result)
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["optimizer"] == "jit" and data["rounds"] == 6
    for name in ("python_startup", "python_startup_no_site"):
        entry = data["results"][name]
        assert entry["baseline_ms"] > 0 and entry["patched_ms"] > 0, data
        assert entry["ratio"] == pytest.approx(entry["patched_ms"] / entry["baseline_ms"])
        assert len(entry["block_ratios"]) == 1, data
