#!/usr/bin/env python3
"""Wall-time ratios of an optimizer against the unpatched baseline, from paired runs.

  .venv/bin/python scripts/measure_paired_time.py [--optimizer NAME] [--build-dir BUILD]
                                                  [--benchmarks NAME ...] [--rounds N]
                                                  [--scale X] [--json PATH]

A pyperf run times one interpreter after the other, so a machine that slows
down or speeds up halfway (other load, frequency, page cache) shows up as a
ratio. Here each round runs the baseline and the patched interpreter (with
`-X optimizer=NAME`, or with no optimizer: the API's idle cost) back to back, in alternating order (baseline first in
even rounds, patched first in odd ones), and takes the ratio of the two
timings of that round; a benchmark's figure is the median of its round
ratios. Each process runs scripts/idle_cost_driver.py in --time mode: one
untimed warm-up run of the workload (where executors get compiled), then the
timed loops. Start-up is not timed.

Prints, per benchmark, the median ratio patched/baseline (below 1: faster),
the speed-up it means, the spread of the round ratios, and the geometric mean
of the medians. Nothing else should run on the machine meanwhile.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_idle_cost as idle  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
PERFORMANCE_BENCHMARKS = ("nbody", "spectral_norm", "float", "fannkuch", "richards", "nqueens",
                          "chaos", "go", "raytrace", "deltablue")


@dataclass(frozen=True)
class Paired:
    """The round ratios (patched / baseline seconds) of one benchmark."""
    benchmark: str
    loops: int
    ratios: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)


def timed_run(interp: idle.Interpreter, benchmark: str, loops: int) -> float:
    """Seconds of the timed part of one driver run."""
    command = [*idle.driver_command(interp.python, benchmark, loops, interp.options), "--time"]
    result = subprocess.run(command, env=idle.clean_env(), capture_output=True, text=True,
                            timeout=idle.RUN_TIMEOUT)
    words = result.stdout.split()
    if result.returncode != 0 or words[:3] != ["ok", benchmark, str(loops)] or len(words) != 4:
        raise idle.MeasureError(f"{benchmark} on {interp.python} failed (exit "
                                f"{result.returncode}):\n{result.stdout}{result.stderr}".rstrip())
    return float(words[3])


def measure(benchmark: str, loops: int, interps: tuple[idle.Interpreter, idle.Interpreter],
            rounds: int) -> Paired:
    baseline, patched = interps
    ratios = []
    for n in range(rounds):
        order = (baseline, patched) if n % 2 == 0 else (patched, baseline)
        seconds = {interp.label: timed_run(interp, benchmark, loops) for interp in order}
        ratios.append(seconds["patched"] / seconds["baseline"])
    return Paired(benchmark, loops, ratios)


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def format_table(results: list[Paired]) -> str:
    lines = [f"{'benchmark':<15} {'loops':>5}  {'median ratio':>12}  {'speed-up':>8}  "
             f"{'round ratios (min-max)':>22}",
             "-" * 70]
    for r in results:
        lines.append(f"{r.benchmark:<15} {r.loops:>5}  {r.median:>12.3f}  {1 / r.median:>7.2f}x  "
                     f"{min(r.ratios):>10.3f} - {max(r.ratios):.3f}")
    mean = geometric_mean([r.median for r in results])
    lines.append("-" * 70)
    lines.append(f"{'geometric mean':<15} {'':>5}  {mean:>12.3f}  {1 / mean:>7.2f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("--optimizer", metavar="NAME",
                        help="the optimizer the patched runs load (-X optimizer=NAME; "
                             "default: none)")
    parser.add_argument("--benchmarks", nargs="+", default=list(PERFORMANCE_BENCHMARKS),
                        help="workloads (names as in measure_idle_cost.py; default: the "
                             "performance optimizer's ten)")
    parser.add_argument("--rounds", type=int, default=7,
                        help="pairs of runs per benchmark (default 7)")
    parser.add_argument("--scale", type=float, default=0.5,
                        help="loops relative to measure_idle_cost.py's (default 0.5: about "
                             "1-2 s of workload per run)")
    parser.add_argument("--json", type=Path, help="also write the round ratios here")
    args = parser.parse_args(argv)
    try:
        benchmarks = idle.parse_benchmarks(args.benchmarks)
        if args.rounds < 1:
            raise argparse.ArgumentTypeError("--rounds must be at least 1")
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    try:
        interps = idle.interpreters(args.build_dir, args.optimizer)
        loops = idle.scaled_loops(benchmarks, args.scale)
        started = time.monotonic()
        results = []
        for name in benchmarks:
            results.append(measure(name, loops[name], interps, args.rounds))
            print(f"{name:<15} median {results[-1].median:.3f}", flush=True)
    except idle.MeasureError as exc:
        print(f"measure_paired_time: {exc}", file=sys.stderr)
        return 2
    loaded = f"-X optimizer={args.optimizer}" if args.optimizer else "no optimizer"
    print()
    print(format_table(results))
    print(f"\n{args.rounds} rounds per benchmark, wall time {time.monotonic() - started:.0f} s; "
          f"ratio = patched ({loaded}) / baseline seconds of the timed workload, per round; "
          "below 1 is faster")
    if args.json:
        args.json.write_text(json.dumps({"optimizer": args.optimizer, "results": [
            {**asdict(r), "median": r.median} for r in results]}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
