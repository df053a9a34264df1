"""scripts/measure/jit_survey.py: what jit was asked in a workload, and what came of it."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.measure import jit_survey
from helpers import output, run_tool


def test_requests_are_grouped_by_outcome_and_reason() -> None:
    report = {"benchmark": "go", "loops": 1, "stats": {"compiled": 1},
              "requests": [
                  {"unit": "f@3", "outcome": "compiled", "reason": "", "ms": 2.0},
                  {"unit": "g@8", "outcome": "declined", "reason": "keyword call", "ms": 1.5},
                  {"unit": "h@9", "outcome": "declined", "reason": "keyword call", "ms": 0.5},
                  {"unit": "g@8", "outcome": "already declined", "reason": "", "ms": 0.0}],
              "executors": [{"unit": "f@3", "entries": 10, "iterations": 1234,
                             "disabled": False}]}
    text = jit_survey.summary(report).splitlines()
    assert text[0].startswith("go (1 loops): 4 requests reached the translator")
    # The largest group first: two declines for one reason, 2 ms in all.
    assert text[1].split() == ["2", "2.0", "ms", "declined:", "keyword", "call", "[g@8,", "h@9]"]
    assert any(line.split()[:4] == ["1", "2.0", "ms", "compiled"] for line in text)
    assert text[-2] == "  1 executor(s) installed at the end, by iterations:"
    assert text[-1].split() == ["f@3", "10", "entries", "1,234", "iterations"]


def test_a_survey_of_nbody_lists_its_compiled_loops(build_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "survey.json"
    result = run_tool("measure.jit_survey", "--build-dir", build_dir, "--benchmarks", "nbody",
                      "--scale", "0.1", "--json", out, timeout=900,
                      env={"PLUGOPT_JIT_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, output(result)
    [report] = json.loads(out.read_text())["reports"]
    assert report["benchmark"] == "nbody" and report["loops"] == 1
    compiled = {r["unit"] for r in report["requests"] if r["outcome"] == "compiled"}
    # advance()'s loops over the bodies and their pairs (bench_nbody's own loop too).
    assert any(unit.startswith("advance@") for unit in compiled), report["requests"]
    busiest = report["executors"][0]
    assert busiest["unit"].startswith("advance@") and busiest["iterations"] > 1000, busiest
    assert report["stats"]["compiled"] >= len(compiled) > 0
    assert "executor(s) installed at the end" in result.stdout
