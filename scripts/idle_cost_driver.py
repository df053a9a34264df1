#!/usr/bin/env python3
"""Run one pyperformance benchmark's workload a fixed number of times, without pyperf.

  python3 idle_cost_driver.py NAME RUN_BENCHMARK_PY LOOPS

This file runs inside the interpreter under test (patched or baseline), which
has no pyperf installed, so it uses only the standard library. It executes the
benchmark's run_benchmark.py under a module name other than __main__, so the
file's `pyperf.Runner()` block never runs; a stand-in `pyperf` module
provides the one attribute the workload functions use (perf_counter). Then it
calls the benchmark's own workload function with LOOPS, checks the result
where the benchmark gives one, and prints one "ok" line.

Nothing here times anything: scripts/measure_idle_cost.py counts the
instructions of whole runs under callgrind.
"""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable
from pathlib import Path


class _NoRunner:
    """Stand-in for pyperf.Runner: the benchmark's __main__ block is never run here,
    so constructing one means the driver is being misused."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("pyperf.Runner is not available under the idle-cost driver")


def install_fake_pyperf() -> None:
    """Make `import pyperf` succeed with only what the workloads touch.

    perf_counter is called once before and once after each workload's loop;
    it is the same cheap call on both interpreters, so it cannot skew a ratio.
    """
    fake = types.ModuleType("pyperf")
    fake.perf_counter = time.perf_counter  # type: ignore[attr-defined]
    fake.Runner = _NoRunner  # type: ignore[attr-defined]
    sys.modules["pyperf"] = fake


def load_benchmark(name: str, path: Path) -> types.ModuleType:
    """Execute run_benchmark.py as module bm_NAME (not __main__, so no Runner is built).

    The source is compiled here rather than imported: no .pyc is read or
    written, so every run of either interpreter does the same work. (Both are
    3.11 with the same magic number; through the import system one could read
    a .pyc the other wrote, and a first run would pay for compiling while a
    second would not, which breaks the subtraction in measure_idle_cost.py.)
    """
    install_fake_pyperf()
    module = types.ModuleType(f"bm_{name}")
    module.__file__ = str(path)
    # Registered before execution, as an import would do, for code that looks
    # its own module up (dataclasses, pickling, typing.get_type_hints).
    sys.modules[module.__name__] = module
    exec(compile(path.read_bytes(), str(path), "exec"), module.__dict__)
    return module


# Each workload is the function pyperf's Runner would time in the benchmark's
# __main__ block, called with the same arguments, but with a fixed loop count.

def run_richards(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_func('richards', Richards().run, 1): one iteration per loop.
    if bm.Richards().run(loops) is not True:
        raise AssertionError("richards: wrong holdCount/qpktCount")


def run_nbody(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_time_func('nbody', bench_nbody, reference, iterations).
    bm.bench_nbody(loops, bm.DEFAULT_REFERENCE, bm.DEFAULT_ITERATIONS)


def run_float(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_func('float', benchmark, POINTS): the loop is pyperf's, so it is ours.
    for _ in range(loops):
        bm.benchmark(bm.POINTS)


def run_generators(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_time_func('generators', bench_generators).
    bm.bench_generators(loops)


def run_unpack_sequence(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_time_func('unpack_sequence', bench_all, inner_loops=400).
    bm.bench_all(loops)


WORKLOADS: dict[str, Callable[[types.ModuleType, int], None]] = {
    "richards": run_richards,
    "nbody": run_nbody,
    "float": run_float,
    "generators": run_generators,
    "unpack_sequence": run_unpack_sequence,
}


def run(name: str, path: Path, loops: int) -> None:
    """Import benchmark `name` from `path` and run its workload `loops` times."""
    workload = WORKLOADS[name]
    module = load_benchmark(name, path)
    workload(module, loops)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in WORKLOADS:
        print(f"usage: idle_cost_driver.py {{{','.join(WORKLOADS)}}} RUN_BENCHMARK_PY LOOPS",
              file=sys.stderr)
        return 2
    name, path, loops = argv[0], Path(argv[1]), int(argv[2])
    run(name, path, loops)
    print(f"ok {name} {loops}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
