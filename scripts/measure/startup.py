#!/usr/bin/env python3
"""Start-up time against the unpatched baseline, from start-ups interleaved one by one.

  .venv/bin/python -m scripts.measure.startup [--optimizer NAME] [--build-dir BUILD]
                  [--rounds N] [--json PATH]

pyperformance's python_startup and python_startup_no_site time one command each,
`python -c pass` and `python -S -c pass`, a few milliseconds long.
measure_paired_pyperf.py pairs whole pyperf runs of them, some 20 s per side,
and on this machine start-up speed drifts by a few percent between two such
runs: as much as the cost being measured (two 7-round runs of one build gave
1.003 and 1.049 for python_startup_no_site). This script times the same
commands with the same interpreters (the pyperformance venvs), each start-up
spawned and waited for as pyperf's bench_command does, but it alternates the
two interpreters start-up by start-up, and which of them goes first round by
round, so that a drift moves both sides alike.

Prints, per benchmark, the median start-up time of each side, their ratio
patched/baseline (below 1: faster), and the spread of that ratio over blocks
of 100 rounds. Nothing else should run on the machine meanwhile.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.measure import cli
from scripts.measure import paired_pyperf as mpp
from scripts.validate.common import restore_sigint

# The commands pyperformance's bm_python_startup runs, after sys.executable.
STARTUP_COMMANDS: dict[str, tuple[str, ...]] = {
    "python_startup": ("-c", "pass"),
    "python_startup_no_site": ("-S", "-c", "pass"),
}
BLOCK = 100   # rounds per block, for the spread of the ratio

MeasureError = mpp.MeasureError
Config = mpp.Config

# (config, interpreter arguments) -> seconds of one start-up
TimeOne = Callable[[Config, Sequence[str]], float]


def time_startup(config: Config, args: Sequence[str]) -> float:
    """Seconds from spawning `python *args` to reaping it."""
    python = str(config.venv_python)
    start = time.perf_counter()
    pid = os.posix_spawn(python, [python, *args], config.env)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise MeasureError(f"`{python} {' '.join(args)}` exited with status {code} "
                           f"on the {config.label} side")
    return elapsed


def measure(configs: tuple[Config, Config], rounds: int,
            time_one: TimeOne) -> dict[str, dict[str, list[float]]]:
    """{benchmark: {label: start-up times}}; baseline first in even rounds."""
    times = {name: {config.label: [] for config in configs} for name in STARTUP_COMMANDS}
    for n in range(rounds):
        order = configs if n % 2 == 0 else configs[::-1]
        for name, args in STARTUP_COMMANDS.items():
            for config in order:
                times[name][config.label].append(time_one(config, args))
    return times


@dataclass(frozen=True)
class Summary:
    baseline_ms: float      # median start-up
    patched_ms: float
    block_ratios: list[float]   # patched/baseline of the medians of each block

    @property
    def ratio(self) -> float:
        return self.patched_ms / self.baseline_ms


def summarize(times: dict[str, list[float]], block: int = BLOCK) -> Summary:
    """Medians of one benchmark's start-up times, and the ratio per block of rounds
    (one block if there are fewer rounds than that)."""
    baseline, patched = times["baseline"], times["patched"]
    step = min(block, len(baseline))
    block_ratios = [statistics.median(patched[s:s + step]) / statistics.median(baseline[s:s + step])
                    for s in range(0, len(baseline) - step + 1, step)]
    return Summary(statistics.median(baseline) * 1000, statistics.median(patched) * 1000,
                   block_ratios)


def format_table(results: dict[str, Summary]) -> str:
    lines = [f"{'result':<24} {'baseline ms':>11} {'patched ms':>10} {'ratio':>7}  "
             f"{'ratio per block (min-max)':>25}", "-" * 82]
    for name, s in results.items():
        lines.append(f"{name:<24} {s.baseline_ms:>11.3f} {s.patched_ms:>10.3f} {s.ratio:>7.3f}  "
                     f"{min(s.block_ratios):>12.3f} - {max(s.block_ratios):.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser(__doc__, "PYTHONOPTIMIZER=NAME")
    parser.add_argument("--rounds", type=int, default=2000,
                        help="start-ups per side and benchmark (default 2000, about 1 min)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    restore_sigint()
    started = time.monotonic()
    try:
        specs = mpp.select_specs(list(STARTUP_COMMANDS))
        configs = mpp.make_configs(args.build_dir.resolve(), args.optimizer, specs)
        times = measure(configs, args.rounds, time_startup)
    except MeasureError as exc:
        print(f"measure_startup: {exc}", file=sys.stderr)
        return 2
    results = {name: summarize(sides) for name, sides in times.items()}
    loaded = f"PYTHONOPTIMIZER={args.optimizer}" if args.optimizer else "no optimizer"
    print(format_table(results))
    print(f"\n{args.rounds} rounds, wall time {time.monotonic() - started:.0f} s; ratio = "
          f"patched ({loaded}) / baseline, medians of single start-ups; below 1 is faster")
    if args.json:
        summary = {name: {"baseline_ms": s.baseline_ms, "patched_ms": s.patched_ms,
                          "ratio": s.ratio, "block_ratios": s.block_ratios}
                   for name, s in results.items()}
        args.json.write_text(json.dumps({"optimizer": args.optimizer, "rounds": args.rounds,
                                         "results": summary}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
