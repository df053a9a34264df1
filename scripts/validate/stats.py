"""Executor statistics written by the patched interpreter, read back for scripts/validate/.

With PYTHONOPTIMIZERSTATS=DIR every process of the patched interpreter writes
DIR/optimizer-stats-PID.json at exit: {"argv", "loaded", "optimizers", "stats"}.
This module reads such a folder and groups the records by pyperformance
benchmark, using each record's argv: a pyperf worker runs the benchmark's
run_benchmark.py with `--worker` and the benchmark's extra options (for
example `io` for async_tree_io, `--pure-python pickle` for pickle_pure_python).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# The counters validate.py reports first; any other numeric counter is summed too.
MAIN_COUNTERS = ("entries", "zero_progress", "compile_calls", "installed")
OTHER_GROUP = "(other processes)"


@dataclass(frozen=True)
class BenchmarkSpec:
    """How pyperformance starts one benchmark: its run script and extra options."""
    name: str
    runscript: str
    extra_opts: tuple[str, ...] = ()


@dataclass
class StatsRecord:
    argv: list[str]
    stats: dict[str, int]
    loaded: list[str] = field(default_factory=list)


@dataclass
class StatsFolder:
    """What a stats folder holds: readable records and files that could not be read
    (a process killed while writing, e.g. by a checker abort, leaves an empty file)."""
    records: list[StatsRecord]
    unreadable: list[str]


def read_stats_folder(folder: Path) -> StatsFolder:
    records: list[StatsRecord] = []
    unreadable: list[str] = []
    if not folder.is_dir():
        return StatsFolder(records, unreadable)
    for path in sorted(folder.glob("optimizer-stats-*.json")):
        try:
            data = json.loads(path.read_text())
            argv = [str(arg) for arg in data["argv"]]
            stats = {k: v for k, v in data["stats"].items() if isinstance(v, int)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            unreadable.append(path.name)
            continue
        loaded = [str(entry[0]) if isinstance(entry, list) and entry else str(entry)
                  for entry in data.get("loaded") or []]
        records.append(StatsRecord(argv, stats, loaded))
    return StatsFolder(records, unreadable)


def same_script(arg: str, runscript: str) -> bool:
    """True if argv[0] `arg` names `runscript` (same path, or same bm_* folder and file)."""
    if arg == runscript:
        return True
    a, b = Path(arg), Path(runscript)
    return a.name == b.name and a.parent.name == b.parent.name


def benchmark_for_argv(argv: Sequence[str], specs: Iterable[BenchmarkSpec]) -> str | None:
    """The benchmark whose run script is argv[0] and whose extra options all appear in
    argv; among several (one script serves async_tree, async_tree_io, ...) the one with
    the most options wins. None if no benchmark matches."""
    if not argv:
        return None
    rest = set(argv[1:])
    best: BenchmarkSpec | None = None
    for spec in specs:
        if not same_script(argv[0], spec.runscript):
            continue
        if not all(opt in rest for opt in spec.extra_opts):
            continue
        if best is None or len(spec.extra_opts) > len(best.extra_opts):
            best = spec
    return best.name if best else None


def is_worker(argv: Sequence[str]) -> bool:
    """pyperf runs the benchmark in worker processes started with --worker."""
    return "--worker" in argv


def add_stats(total: dict[str, int], stats: Mapping[str, int]) -> None:
    for key, value in stats.items():
        total[key] = total.get(key, 0) + value


def empty_totals() -> dict[str, int]:
    totals = {key: 0 for key in MAIN_COUNTERS}
    totals["processes"] = 0
    return totals


def group_by_benchmark(records: Iterable[StatsRecord], specs: Iterable[BenchmarkSpec]
                       ) -> dict[str, dict[str, int]]:
    """Sum the counters of each benchmark's pyperf worker processes; every other
    process (pyperf's parent process, pip, pyperformance's interpreter probe,
    children a benchmark starts) is summed under OTHER_GROUP. Each group also
    counts its `processes`."""
    specs = list(specs)
    groups: dict[str, dict[str, int]] = {}
    for record in records:
        name = benchmark_for_argv(record.argv, specs) if is_worker(record.argv) else None
        total = groups.setdefault(name or OTHER_GROUP, empty_totals())
        add_stats(total, record.stats)
        total["processes"] += 1
    return groups


def total_stats(records: Iterable[StatsRecord]) -> dict[str, int]:
    total = empty_totals()
    for record in records:
        add_stats(total, record.stats)
        total["processes"] += 1
    return total
