#!/usr/bin/env python3
"""What jit was asked to compile in pyperformance workloads, what it declined and why.

  .venv/bin/python -m scripts.measure.jit_survey [--build-dir BUILD] [--benchmarks NAME ...]
                                                 [--scale X] [--functions] [--json PATH]

Runs each workload (the idle-cost set's loop counts times --scale; the names
scripts/measure/idle_cost.py knows) once in the patched interpreter under
`-X optimizer=jit`, compiles waited for (PLUGOPT_JIT_BACKGROUND=0), with jit's
usual cache folder (PLUGOPT_JIT_CACHE, else ~/.cache/plugopt-jit); `--functions`
sets PLUGOPT_JIT_FUNCTIONS=1. For each workload it
prints what the translator was asked (scripts/measure/jit_survey_driver.py records
every request), grouped by what came of it and why, with the milliseconds it
spent, then the executors still installed when the workload ended, by
iterations. The question it answers is the one to ask before working on a
benchmark: which of its hot loops (or functions) does jit compile, how much of
the work do they do, and what stops the others. It times nothing worth quoting:
speed comes from the paired and callgrind scripts beside it.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

from scripts.layout import BuildFolder
from scripts.measure import cli, idle_cost

DRIVER = Path(__file__).with_name("jit_survey_driver.py")
# Executors listed per workload, most iterations first.
EXECUTORS_SHOWN = 10
RUN_TIMEOUT = 1800.0


def survey(python: Path, benchmark: str, loops: int, functions: bool) -> dict:
    """The driver's report for one workload; raises MeasureError if it fails."""
    env = idle_cost.clean_env()
    if functions:
        env["PLUGOPT_JIT_FUNCTIONS"] = "1"
    command = [str(python), "-X", "optimizer=jit", "-s", "-B", str(DRIVER), benchmark,
               str(idle_cost.benchmark_file(benchmark)), str(loops)]
    result = subprocess.run(command, env=env, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT)
    if result.returncode != 0:
        raise idle_cost.MeasureError(f"{benchmark} under jit failed (exit "
                                     f"{result.returncode}):\n{result.stderr.strip()}")
    return json.loads(result.stdout.splitlines()[-1])


def summary(report: dict) -> str:
    """The report as text: requests by outcome and reason, then the busiest executors."""
    requests = report["requests"]
    groups: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for request in requests:
        groups[(request["outcome"], request["reason"])].append(request)
    stats = report["stats"]
    lines = [f"{report['benchmark']} ({report['loops']} loops): {len(requests)} requests "
             f"reached the translator; jit.stats() {stats}"]
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    for (outcome, reason), members in ordered:
        units = sorted({request["unit"] for request in members})
        spent = sum(request["ms"] for request in members)
        what = f"{outcome}: {reason}" if reason else outcome
        shown = ", ".join(units[:4]) + (f", +{len(units) - 4} more" if len(units) > 4 else "")
        lines.append(f"  {len(members):4d} {spent:8.1f} ms  {what}  [{shown}]")
    executors = report["executors"]
    lines.append(f"  {len(executors)} executor(s) installed at the end, by iterations:")
    for row in executors[:EXECUTORS_SHOWN]:
        flag = "  (stepped aside)" if row["disabled"] else ""
        lines.append(f"    {row['unit']:<50} {row['entries']:>10,} entries "
                     f"{row['iterations']:>12,} iterations{flag}")
    return "\n".join(lines)


def main() -> int:
    parser = cli.parser(__doc__)
    parser.add_argument("--benchmarks", nargs="+", default=["richards", "chaos", "go",
                                                            "raytrace", "deltablue"],
                        metavar="NAME", help="subset to survey (space or comma separated)")
    parser.add_argument("--scale", type=float, default=0.25,
                        help="multiply every loop count by this (default 0.25: a survey "
                             "needs the hot code, not a long run)")
    parser.add_argument("--functions", action="store_true",
                        help="with function units (PLUGOPT_JIT_FUNCTIONS=1)")
    parser.add_argument("--json", type=Path, help="also write the reports here")
    args = parser.parse_args()
    try:
        benchmarks = idle_cost.parse_benchmarks(args.benchmarks)
    except argparse.ArgumentTypeError as error:   # an unknown name
        parser.error(str(error))
    python = BuildFolder(args.build_dir.resolve()).patched_python
    if not python.exists():
        parser.error(f"{python} does not exist: build first (python3 -m scripts build)")
    reports = []
    try:
        for name, loops in idle_cost.scaled_loops(benchmarks, args.scale).items():
            report = survey(python, name, loops, args.functions)
            print(summary(report), flush=True)
            reports.append(report)
    except (idle_cost.MeasureError, subprocess.TimeoutExpired) as error:
        print(f"jit_survey: error: {error}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps({"functions": args.functions, "scale": args.scale,
                                         "reports": reports}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
