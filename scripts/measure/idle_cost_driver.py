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

  python3 idle_cost_driver.py NAME RUN_BENCHMARK_PY LOOPS --time

Without --time nothing here times anything: scripts/measure/idle_cost.py counts
the instructions of whole runs under callgrind. With --time the workload runs
once as a warm-up (an optimizer compiles its executors there, as in pyperf's
warm-up), then LOOPS times on the clock, and the "ok" line ends with the
seconds of that timed part and the executors installed in the whole run
("-" on an interpreter without the optimizer API, or with no optimizer
registered; scripts/measure/paired_time.py).
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


def run_spectral_norm(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_time_func('spectral_norm', bench_spectral_norm).
    bm.bench_spectral_norm(loops)


def run_fannkuch(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_func('fannkuch', fannkuch, DEFAULT_ARG).
    for _ in range(loops):
        bm.fannkuch(bm.DEFAULT_ARG)


def run_nqueens(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_func('nqueens', bench_n_queens, 8).
    for _ in range(loops):
        bm.bench_n_queens(8)


class _BenchFuncRunner:
    """Just enough of pyperf.Runner for a __main__ helper that calls bench_func."""

    def __init__(self, loops: int) -> None:
        self.loops = loops
        self.metadata: dict[str, object] = {}

    def bench_func(self, name: str, func: Callable[..., object], *args: object) -> None:
        for _ in range(self.loops):
            func(*args)


def run_chaos(bm: types.ModuleType, loops: int) -> None:
    # main(runner, args) builds the splines, then runner.bench_func(...create_image_chaos...).
    args = types.SimpleNamespace(thickness=bm.DEFAULT_THICKNESS, width=bm.DEFAULT_WIDTH,
                                 height=bm.DEFAULT_HEIGHT, iterations=bm.DEFAULT_ITERATIONS,
                                 filename=None, rng_seed=bm.DEFAULT_RNG_SEED)
    bm.main(_BenchFuncRunner(loops), args)


def run_go(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_func('go', versus_cpu).
    for _ in range(loops):
        bm.versus_cpu()


def run_raytrace(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_time_func('raytrace', bench_raytrace, width, height, filename).
    bm.bench_raytrace(loops, bm.DEFAULT_WIDTH, bm.DEFAULT_HEIGHT, None)


def run_deltablue(bm: types.ModuleType, loops: int) -> None:
    # runner.bench_func('deltablue', delta_blue, 100).
    for _ in range(loops):
        bm.delta_blue(100)


WORKLOADS: dict[str, Callable[[types.ModuleType, int], None]] = {
    "richards": run_richards,
    "nbody": run_nbody,
    "float": run_float,
    "generators": run_generators,
    "unpack_sequence": run_unpack_sequence,
    "spectral_norm": run_spectral_norm,
    "fannkuch": run_fannkuch,
    "nqueens": run_nqueens,
    "chaos": run_chaos,
    "go": run_go,
    "raytrace": run_raytrace,
    "deltablue": run_deltablue,
}


def run(name: str, path: Path, loops: int) -> None:
    """Import benchmark `name` from `path` and run its workload `loops` times."""
    workload = WORKLOADS[name]
    module = load_benchmark(name, path)
    workload(module, loops)


def run_timed(name: str, path: Path, loops: int) -> float:
    """Seconds of `loops` runs of the workload, after one untimed run."""
    workload = WORKLOADS[name]
    module = load_benchmark(name, path)
    workload(module, 1)
    started = time.perf_counter()
    workload(module, loops)
    return time.perf_counter() - started


def executors_installed() -> str:
    """Executors installed so far, or "-" where no optimizer is registered."""
    try:
        import _optimizer
    except ImportError:   # the baseline or another stock interpreter
        return "-"
    if not _optimizer.get_optimizers():
        return "-"
    return str(_optimizer.get_stats()["installed"])


def main(argv: list[str]) -> int:
    timed = argv[3:] == ["--time"]
    if len(argv) != (4 if timed else 3) or argv[0] not in WORKLOADS:
        print(f"usage: idle_cost_driver.py {{{','.join(WORKLOADS)}}} RUN_BENCHMARK_PY LOOPS "
              "[--time]", file=sys.stderr)
        return 2
    name, path, loops = argv[0], Path(argv[1]), int(argv[2])
    if timed:
        seconds = run_timed(name, path, loops)
        print(f"ok {name} {loops} {seconds:.6f} {executors_installed()}")
    else:
        run(name, path, loops)
        print(f"ok {name} {loops}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
