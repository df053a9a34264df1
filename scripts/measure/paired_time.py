#!/usr/bin/env python3
"""Wall-time ratios of an optimizer against the unpatched baseline and against the
system's own Python of the same minor version, from paired runs.

  .venv/bin/python -m scripts.measure.paired_time [--optimizer NAME] [--build-dir BUILD]
                                                  [--benchmarks NAME ...] [--rounds N]
                                                  [--scale X] [--system-python PATH|none]
                                                  [--json PATH]

A pyperf run times one interpreter after the other, so a machine that slows
down or speeds up halfway (other load, frequency, page cache) shows up as a
ratio. Here each round runs the baseline, the patched interpreter (with
`-X optimizer=NAME`, or with no optimizer: the API's idle cost) and the
system's interpreter (Debian's /usr/bin/python3.11 here: the Python users
already have) back to back, in an order that rotates from round to round, and
takes the ratios of the timings of that round; a benchmark's figure is the
median of its round ratios. Each process runs scripts/measure/idle_cost_driver.py in
--time mode: one untimed warm-up run of the workload (where executors get
compiled), then the timed loops. Start-up is not timed.

Prints, per benchmark, the median ratio patched/baseline (below 1: faster)
with the spread of its round ratios, the speed-ups over the baseline and over
the system's Python, the baseline's own speed against the system's, and the
executors the optimizer installed (a run where it installed none proves nothing
about it); then the geometric means. A second table gives the same figures as
ratios of the best times over the rounds: on a machine whose load only ever
slows runs down (one binary's time spread 0.53-0.95 s over ten runs here),
those move a little less from one measurement to the next (docs/validation.md).
Nothing else should run on
the machine meanwhile.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts import system_python
from scripts.measure import idle_cost as idle
from scripts.measure import cli, paired_rounds

SYSTEM = paired_rounds.SYSTEM

PERFORMANCE_BENCHMARKS = ("nbody", "spectral_norm", "float", "fannkuch", "richards", "nqueens",
                          "chaos", "go", "raytrace", "deltablue")


@dataclass(frozen=True)
class Paired(paired_rounds.Rounds):
    """The timings of one benchmark's workload, run `loops` times per process."""
    loops: int = 0


def timed_run(interp: idle.Interpreter, benchmark: str, loops: int) -> tuple[float, str]:
    """Seconds of the timed part of one driver run, and the executors it installed."""
    command = [*idle.driver_command(interp.python, benchmark, loops, interp.options), "--time"]
    result = subprocess.run(command, env=idle.clean_env(), capture_output=True, text=True,
                            timeout=idle.RUN_TIMEOUT)
    words = result.stdout.split()
    if result.returncode != 0 or words[:3] != ["ok", benchmark, str(loops)] or len(words) != 5:
        raise idle.MeasureError(f"{benchmark} on {interp.python} failed (exit "
                                f"{result.returncode}):\n{result.stdout}{result.stderr}".rstrip())
    return float(words[3]), words[4]


def measure(benchmark: str, loops: int, interps: tuple[idle.Interpreter, ...],
            rounds: int) -> Paired:
    """`rounds` rounds; round n starts with interpreter n modulo their number."""
    seconds = []
    executors = "-"
    for n in range(rounds):
        shift = n % len(interps)
        timings = {}
        for interp in interps[shift:] + interps[:shift]:
            timings[interp.label], installed = timed_run(interp, benchmark, loops)
            if interp.label == "patched":
                executors = installed
        seconds.append(timings)
    return Paired(benchmark, seconds, executors, loops)


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def format_table(results: list[Paired], statistic: str = "median") -> str:
    """The figures of `statistic`: "median" (of the round ratios, with their spread) or
    "best" (the ratio of the best times). Speed-ups: baseline or system seconds / patched
    seconds (above 1: patched is faster)."""
    def figure(r: Paired, label: str, reference: str) -> float:
        found = (r.median_of if statistic == "median" else r.best_ratio)(label, reference)
        assert found is not None, (r.name, label, reference)
        return found

    system = results[0].has_system
    spread_head = "round min-max" if statistic == "median" else ""
    head = (f"{'benchmark':<15} {'loops':>5}  {'patched/baseline':>16}  {spread_head:>13}"
            + paired_rounds.speedup_head(system))
    lines = [head, "-" * len(head)]

    def row(name: str, loops: str, ratio: float, spread: str, versus_system: float | None,
            baseline_system: float | None, executors: str) -> str:
        return (f"{name:<15} {loops:>5}  {ratio:>16.3f}  {spread:>13}"
                + paired_rounds.speedup_cells(system, ratio, versus_system, baseline_system,
                                              executors))

    for r in results:
        spread = f"{min(r.ratios):.3f}-{max(r.ratios):.3f}" if statistic == "median" else ""
        lines.append(row(r.name, str(r.loops), figure(r, "patched", "baseline"), spread,
                         figure(r, "patched", SYSTEM) if system else None,
                         figure(r, "baseline", SYSTEM) if system else None, r.executors))
    lines.append("-" * len(head))
    lines.append(row("geometric mean", "",
                     geometric_mean([figure(r, "patched", "baseline") for r in results]), "",
                     geometric_mean([figure(r, "patched", SYSTEM) for r in results])
                     if system else None,
                     geometric_mean([figure(r, "baseline", SYSTEM) for r in results])
                     if system else None, ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser(__doc__, "-X optimizer=NAME")
    parser.add_argument("--benchmarks", nargs="+", default=list(PERFORMANCE_BENCHMARKS),
                        help="workloads (names as in measure_idle_cost.py; default: the "
                             "performance optimizer's ten)")
    parser.add_argument("--rounds", type=int, default=7,
                        help="pairs of runs per benchmark (default 7)")
    parser.add_argument("--scale", type=float, default=0.5,
                        help="loops relative to measure_idle_cost.py's (default 0.5: about "
                             "1-2 s of workload per run)")
    parser.add_argument("--system-python", metavar="PATH",
                        help="the Python users already have, timed beside the baseline "
                             f"(default: {system_python.CANDIDATE} if it is Python "
                             f"{system_python.MINOR}; 'none': leave it out)")
    parser.add_argument("--json", type=Path, help="also write the round timings here")
    args = parser.parse_args(argv)
    try:
        benchmarks = idle.parse_benchmarks(args.benchmarks)
        if args.rounds < 1:
            raise argparse.ArgumentTypeError("--rounds must be at least 1")
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    try:
        interps = idle.interpreters(args.build_dir, args.optimizer)
        system = system_python.find(args.system_python)
        if system is not None:
            interps = (*interps, idle.Interpreter(SYSTEM, system))
        loops = idle.scaled_loops(benchmarks, args.scale)
        started = time.monotonic()
        results = []
        for name in benchmarks:
            results.append(measure(name, loops[name], interps, args.rounds))
            print(f"{name:<15} median {results[-1].median:.3f}", flush=True)
    except (idle.MeasureError, system_python.SystemPythonError) as exc:
        print(f"measure_paired_time: {exc}", file=sys.stderr)
        return 2
    loaded = f"-X optimizer={args.optimizer}" if args.optimizer else "no optimizer"
    print("\nmedians of the round ratios:")
    print(format_table(results, "median"))
    print("\nratios of the best times over the rounds (steadier where load only slows runs):")
    print(format_table(results, "best"))
    print(f"\n{args.rounds} rounds per benchmark, wall time {time.monotonic() - started:.0f} s; "
          f"ratio = patched ({loaded}) / baseline seconds of the timed workload, per round; "
          "below 1 is faster; speed-ups = the other's seconds / patched seconds, above 1 is "
          "faster")
    if system is not None:
        print(f"{SYSTEM}: {system} (the Python users already have)")
    else:
        print(f"no system python{system_python.MINOR} was timed")
    if args.json:
        args.json.write_text(json.dumps({
            "optimizer": args.optimizer,
            "system_python": str(system) if system else None,
            "results": [{"benchmark": r.name, "loops": r.loops, "seconds": r.rounds,
                         "executors": r.executors, "ratios": r.ratios, "median": r.median,
                         "best_ratio": r.best_ratio("patched", "baseline")}
                        for r in results]}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
