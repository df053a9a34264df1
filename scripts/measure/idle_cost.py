#!/usr/bin/env python3
"""Instruction-count cost of the optimizer hooks when no optimizer is registered.

  .venv/bin/python -m scripts.measure.idle_cost [--build-dir BUILD] [--benchmarks NAME ...]
                                                [--scale X] [--jobs N] [--json PATH]
                                                [--optimizer NAME]

With --optimizer NAME, the patched runs load that optimizer, and the ratios
are what it does to the workloads' instruction counts (the performance
optimizer's figures; docs/performance-optimizer.md).

Runs five pyperformance workloads (richards, nbody, float, generators,
unpack_sequence) under `valgrind --tool=callgrind` on the patched interpreter
(BUILD/install/bin/python3) and on the unpatched baseline
(BUILD/baseline/bin/python3), and prints each benchmark's instructions executed
(Ir, without the type attribute cache lookups, whose cost depends on heap layout:
see LAYOUT_SENSITIVE) and the ratio patched/baseline. Exit status: 0 if every ratio is within
0.5% of 1, 1 if any is not, 2 if the measurement could not be made. In release builds
(PGO) only the upper bound applies: each interpreter is compiled from its own profile,
and that alone moves the counts a few percent either way, so a ratio below 0.995 says
nothing about the hooks (docs/measurements/2026-12-02-no-pie.md).

The benchmark code is the pyperformance pinned in requirements.txt, found
through the pyperformance package of the Python running this script (the
project venv). scripts/measure/idle_cost_driver.py runs it in the interpreter under
test without pyperf. `--check` runs that driver once per benchmark on both
interpreters without valgrind, to see that it works.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import importlib.metadata
import importlib.resources
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from scripts import child_env
from scripts.layout import REPO_ROOT, BuildFolder
from scripts.measure import idle_cost_driver

DRIVER = Path(idle_cost_driver.__file__).resolve()

TOLERANCE = 0.005  # the budget: within 0.5% of the baseline

# Loops per benchmark at --scale 1: each gives 5.5-7 G instructions of
# workload, 30-40 s under callgrind on the machine this was written on, so the
# twenty runs finish in about 5 minutes with 2 cores. Counts are deterministic,
# so more loops would not make a ratio more precise, only slower to get.
LOOPS: dict[str, int] = {
    "richards": 12,            # 0.52 G Ir per Richards().run iteration
    "nbody": 6,                # 1.0 G Ir per bench_nbody loop (20000 advance steps)
    "float": 8,                # 0.78 G Ir per benchmark(POINTS)
    "generators": 12,          # 0.5 G Ir per walk of the 100000-node tree
    "unpack_sequence": 25000,  # 0.23 M Ir per loop (800 unpackings)
    # Not in the idle-cost set, which stays the five above; the rest of the
    # performance optimizer's ten (docs/performance-optimizer.md), for
    # --benchmarks.
    "spectral_norm": 4,        # 1.4 G Ir per bench_spectral_norm loop
    "fannkuch": 1,             # 4.2 G Ir per fannkuch(DEFAULT_ARG)
    "nqueens": 6,              # 0.95 G Ir per bench_n_queens(8)
    "chaos": 6,                # 0.9 G Ir per create_image_chaos
    "go": 4,                   # 1.35 G Ir per versus_cpu()
    "raytrace": 2,             # 3.2 G Ir per bench_raytrace loop
    "deltablue": 40,           # 0.1 G Ir per delta_blue(100)
}
DEFAULT_BENCHMARKS = ("richards", "nbody", "float", "generators", "unpack_sequence")
assert set(LOOPS) == set(idle_cost_driver.WORKLOADS)

# Generous: a run at --scale 1 takes well under a minute.
RUN_TIMEOUT = 3600.0


class MeasureError(Exception):
    """The measurement could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Interpreter:
    label: str  # "baseline" or "patched"
    python: Path
    options: tuple[str, ...] = ()  # interpreter options, e.g. -X optimizer=NAME


@dataclass(frozen=True)
class Run:
    """One callgrind run: an interpreter, a benchmark, a loop count."""
    interpreter: Interpreter
    benchmark: str
    loops: int


@dataclass(frozen=True)
class Result:
    """Workload instructions of one benchmark on both interpreters."""
    benchmark: str
    loops: int
    baseline_ir: int
    patched_ir: int
    totals: dict[str, dict[int, int]]  # label -> loops -> Ir of the whole process
    profiled: bool = False  # both builds profile-guided: only the upper bound applies

    @property
    def ratio(self) -> float:
        return self.patched_ir / self.baseline_ir

    @property
    def within(self) -> bool:
        # Symmetric on purpose: a patched run that executes far fewer
        # instructions than the baseline means the two did not do the same
        # work, which is as much a failed comparison as a slow hook.
        # Compared in integers scaled by the tolerance, so 1.005 exactly is in.
        # Profile-guided builds differ by their profiles' code generation too, in
        # either direction, so there only the budget itself (at most 0.5% more) holds.
        excess = self.patched_ir - self.baseline_ir
        if self.profiled:
            return excess <= TOLERANCE * self.baseline_ir
        return abs(excess) <= TOLERANCE * self.baseline_ir


def clean_env() -> dict[str, str]:
    """The environment of the interpreters under test.

    No PYTHON* variable of ours leaks in (this machine sets PYTHONUNBUFFERED=1
    and PYTHONDONTWRITEBYTECODE=1; a future PYTHONOPTIMIZER would register an
    optimizer, which is exactly what must not happen here). PYTHONHASHSEED=0
    fixes str hashing: with random seeds, dict and set probing, and so the
    instruction count, changes from run to run. jit compiles a loop before
    running it (PLUGOPT_JIT_BACKGROUND=0): in the background, how many
    iterations run in the interpreter would depend on when the compiler is done.
    """
    return child_env.clean_env({"PYTHONHASHSEED": "0", "PLUGOPT_JIT_BACKGROUND": "0"})


def benchmark_file(name: str) -> Path:
    """run_benchmark.py of pyperformance's bundled benchmark `name`, from the installed package."""
    try:
        package = importlib.resources.files("pyperformance")
    except ModuleNotFoundError:
        raise MeasureError(f"pyperformance is not installed for {sys.executable}; run this "
                           "script with the project venv (.venv/bin/python, created by "
                           "scripts/build/install_deps.py)") from None
    path = Path(str(package / "data-files" / "benchmarks" / f"bm_{name}" / "run_benchmark.py"))
    if not path.is_file():
        raise MeasureError(f"{path} does not exist: pyperformance "
                           f"{pyperformance_version()} has no benchmark {name!r}")
    return path


def pyperformance_version() -> str:
    return importlib.metadata.version("pyperformance")


def interpreters(build_dir: Path, optimizer: str | None = None
                 ) -> tuple[Interpreter, Interpreter]:
    """(baseline, patched) of a build folder, the patched one with `optimizer`
    loaded if given; both must exist."""
    options = ("-X", f"optimizer={optimizer}") if optimizer else ()
    folder = BuildFolder(build_dir)
    found = (Interpreter("baseline", folder.baseline_python),
             Interpreter("patched", folder.patched_python, options))
    for interp in found:
        if not interp.python.exists():
            raise MeasureError(f"{interp.python} does not exist: build first with "
                               "`python3 -m scripts build` (or pass --build-dir)")
    return found


def profile_guided(python: Path) -> bool:
    """Whether `python` was built with PGO: configured with --enable-optimizations.
    (sysconfig's PGO_PROF_USE_FLAG is no sign: configure sets it for every gcc build.)"""
    result = subprocess.run([str(python), "-c", "import sysconfig; print('--enable-"
                             "optimizations' in (sysconfig.get_config_var('CONFIG_ARGS') or ''))"],
                            env=clean_env(), capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise MeasureError(f"{python} does not run:\n{result.stderr.strip()}")
    return result.stdout.strip() == "True"


def binary_identity(python: Path) -> tuple[int, int, int]:
    """What changes if someone rebuilds the interpreter while we measure."""
    st = python.resolve().stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def check_no_optimizer(patched: Path) -> None:
    """The patched interpreter, in the measurement's environment, has no optimizer registered."""
    code = "import _optimizer; print(len(_optimizer.get_optimizers()))"
    result = subprocess.run([str(patched), "-s", "-B", "-c", code], env=clean_env(),
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise MeasureError(f"{patched} has no working _optimizer module (is it the patched "
                           f"interpreter?):\n{result.stderr.strip()}")
    if result.stdout.strip() != "0":
        raise MeasureError(f"{patched} starts with {result.stdout.strip()} optimizer(s) "
                           "registered; the idle cost must be measured with none")


def driver_command(python: Path, benchmark: str, loops: int,
                   options: tuple[str, ...] = ()) -> list[str]:
    """The command that runs `benchmark` `loops` times in `python` (with `options`).

    -s: no user site-packages, so ~/.local cannot add imports to one interpreter.
    -B: no .pyc written, so a run cannot change what the next run reads.
    """
    return [str(python), *options, "-s", "-B", str(DRIVER), benchmark,
            str(benchmark_file(benchmark)), str(loops)]


def run_driver(python: Path, benchmark: str, loops: int, options: tuple[str, ...] = (),
               timeout: float = RUN_TIMEOUT) -> str:
    """Run the driver without valgrind; return its output, raise MeasureError on failure."""
    result = subprocess.run(driver_command(python, benchmark, loops, options), env=clean_env(),
                            capture_output=True, text=True, timeout=timeout)
    expected = f"ok {benchmark} {loops}"
    if result.returncode != 0 or result.stdout.strip() != expected:
        raise MeasureError(f"{benchmark} on {python} failed (exit {result.returncode}):\n"
                           f"{result.stdout}{result.stderr}".rstrip())
    return result.stdout


def read_total_ir(out_file: Path) -> int:
    """Total Ir of a callgrind output file (its `totals:` line; `summary:` in old versions)."""
    text = out_file.read_text(errors="replace")
    events = re.search(r"^events:\s*(.*)$", text, re.MULTILINE)
    if events is None or events.group(1).split()[0] != "Ir":
        raise MeasureError(f"{out_file}: not a callgrind output with Ir as first event")
    for key in ("totals", "summary"):
        match = re.search(rf"^{key}:\s*(\d+)", text, re.MULTILINE)
        if match:
            return int(match.group(1))
    raise MeasureError(f"{out_file}: no totals line")


# The type attribute cache is indexed by the *address* of the attribute name,
# so its hit rate, and the cost of every lookup that misses (an MRO walk of
# dict lookups), depends on where the heap put interned strings. That differs
# between any two builds, and even for one binary between runs whose
# environments differ in size: measured on richards, +-2% of the total with
# identical eval-loop counts. The hooks never run inside _PyType_Lookup, so
# its inclusive cost is excluded from the compared count (and reported).
LAYOUT_SENSITIVE = "_PyType_Lookup"


def inclusive_ir(out_file: Path, function: str) -> int:
    """Inclusive Ir of `function` (all its calls) in a callgrind output file."""
    result = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
                             str(out_file)], capture_output=True, text=True, timeout=600)
    pattern = re.compile(rf"^\s*([\d,]+)\s.*:{re.escape(function)}(\s|$)")
    for line in result.stdout.splitlines():
        match = pattern.match(line)
        if match:
            return int(match.group(1).replace(",", ""))
    if result.returncode != 0:
        raise MeasureError(f"callgrind_annotate failed on {out_file}:\n{result.stderr}")
    return 0   # never called


def callgrind_ir(run: Run, out_dir: Path) -> int:
    """Instructions executed by one whole driver process under callgrind,
    without those spent in the layout-sensitive type cache lookup."""
    out_file = out_dir / f"callgrind.{run.benchmark}.{run.interpreter.label}.{run.loops}.out"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
           *driver_command(run.interpreter.python, run.benchmark, run.loops,
                           run.interpreter.options)]
    result = subprocess.run(cmd, env=clean_env(), capture_output=True, text=True,
                            timeout=RUN_TIMEOUT, cwd=out_dir)
    if result.returncode != 0 or result.stdout.strip() != f"ok {run.benchmark} {run.loops}":
        tail = "\n".join(result.stderr.splitlines()[-20:])
        raise MeasureError(f"callgrind run of {run.benchmark} ({run.loops} loops) on "
                           f"{run.interpreter.python} failed (exit {result.returncode}):\n"
                           f"{result.stdout}{tail}".rstrip())
    return read_total_ir(out_file) - inclusive_ir(out_file, LAYOUT_SENSITIVE)


def plan_runs(benchmarks: list[str], loops: dict[str, int],
              interps: tuple[Interpreter, ...]) -> list[Run]:
    """Every run to make, longest first so parallel workers finish together.

    Start-up cost is removed by subtraction: workload Ir = Ir(N loops) - Ir(0
    loops), same driver, same interpreter. The zero-loop run does everything
    but the workload: interpreter start-up (which differs between the two
    builds for reasons that have nothing to do with the hooks, e.g. the length
    of their prefixes), imports, compiling the benchmark, its module-level set-up
    and the per-call set-up inside the workload function (generators builds its
    100000-node tree there). The alternatives were worse: callgrind's
    --toggle-collect only sees C functions and none brackets exactly a Python
    workload, a client request to start collecting cannot be issued from pure
    Python, and Ir(2N) - Ir(N) costs three times the valgrind time for the same
    measured work. The first workload iteration (specialization warm-up) is
    measured, as it is part of running the benchmark on either interpreter.
    """
    runs = [Run(interp, name, n) for name in benchmarks for interp in interps
            for n in (loops[name], 0)]
    return sorted(runs, key=lambda r: r.loops > 0, reverse=True)


def measure(benchmarks: list[str], loops: dict[str, int], interps: tuple[Interpreter, ...],
            out_dir: Path, jobs: int, log=print) -> list[Result]:
    """Make all callgrind runs (up to `jobs` at a time) and combine them per benchmark."""
    runs = plan_runs(benchmarks, loops, interps)
    totals: dict[Run, int] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(callgrind_ir, run, out_dir): run for run in runs}
        for future in concurrent.futures.as_completed(futures):
            run = futures[future]
            totals[run] = future.result()  # a MeasureError propagates
            log(f"  {run.benchmark:<16} {run.interpreter.label:<8} {run.loops:>6} loops "
                f"{totals[run]:>15,} Ir")
    results = []
    for name in benchmarks:
        per_label = {i.label: {n: totals[Run(i, name, n)] for n in (loops[name], 0)}
                     for i in interps}
        net = {label: t[loops[name]] - t[0] for label, t in per_label.items()}
        results.append(Result(name, loops[name], net["baseline"], net["patched"], per_label))
    return results


def format_table(results: list[Result]) -> str:
    budget = (f"at most +{TOLERANCE:.1%}" if any(r.profiled for r in results)
              else f"within {TOLERANCE:.1%}")
    header = (f"{'benchmark':<16} {'loops':>6} {'baseline Ir':>15} {'patched Ir':>15} "
              f"{'ratio':>8}  {budget}")
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(f"{r.benchmark:<16} {r.loops:>6} {r.baseline_ir:>15,} {r.patched_ir:>15,} "
                     f"{r.ratio:>8.5f}  {'yes' if r.within else 'NO'}")
    return "\n".join(lines)


def write_json(path: Path, results: list[Result], build_dir: Path, wall_time: float) -> None:
    data = {
        "pyperformance": pyperformance_version(),
        "build_dir": str(build_dir),
        "tolerance": TOLERANCE,
        "method": f"callgrind Ir(N loops) - Ir(0 loops), without {LAYOUT_SENSITIVE} "
                  "(inclusive), PYTHONHASHSEED=0",
        "wall_time_s": round(wall_time, 1),
        "benchmarks": [{
            "name": r.benchmark, "loops": r.loops,
            "baseline_ir": r.baseline_ir, "patched_ir": r.patched_ir,
            "ratio": r.ratio, "within": r.within, "profile_guided": r.profiled,
            "process_totals_ir": {label: {str(n): ir for n, ir in t.items()}
                                  for label, t in r.totals.items()},
        } for r in results],
    }
    path.write_text(json.dumps(data, indent=2) + "\n")


def parse_benchmarks(values: list[str]) -> list[str]:
    """Names from `--benchmarks a b` or `--benchmarks a,b`, checked, in the given order."""
    names = [n for value in values for n in value.split(",") if n]
    unknown = [n for n in names if n not in LOOPS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown benchmark(s) {', '.join(unknown)}; "
                                         f"choose from {', '.join(LOOPS)}")
    return list(dict.fromkeys(names))


def scaled_loops(benchmarks: list[str], scale: float) -> dict[str, int]:
    return {name: max(1, round(LOOPS[name] * scale)) for name in benchmarks}


def check(benchmarks: list[str], interps: tuple[Interpreter, ...]) -> None:
    """Run each workload once on each interpreter without valgrind."""
    for name in benchmarks:
        for interp in interps:
            run_driver(interp.python, name, 1, interp.options)
            print(f"ok {name:<16} {interp.label}")


def run_measurement(args: argparse.Namespace, benchmarks: list[str],
                    interps: tuple[Interpreter, ...]) -> int:
    if shutil.which("valgrind") is None:
        raise MeasureError("valgrind is not installed: run `python3 -m scripts.build.install_deps` "
                           "(it installs the apt packages, valgrind among them) or "
                           "`sudo apt-get install valgrind`")
    if not args.optimizer:
        check_no_optimizer(interps[1].python)
    loops = scaled_loops(benchmarks, args.scale)
    identities = {i.label: binary_identity(i.python) for i in interps}
    profiled = all(profile_guided(i.python) for i in interps)   # before, not after, callgrind
    print(f"pyperformance {pyperformance_version()} workloads under callgrind, "
          f"{len(benchmarks) * 4} runs, {args.jobs} at a time", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="plugopt-idle-cost-") as tmp:
        out_dir = args.keep.resolve() if args.keep else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        results = measure(benchmarks, loops, interps, out_dir, args.jobs,
                          log=lambda m: print(m, flush=True))
    results = [replace(r, profiled=profiled) for r in results]
    wall_time = time.monotonic() - started
    changed = [i.label for i in interps if binary_identity(i.python) != identities[i.label]]
    if changed:
        raise MeasureError(f"the {' and '.join(changed)} interpreter changed during the "
                           "measurement (rebuilt?); run again")
    print()
    print(format_table(results))
    print(f"\nwall time {wall_time:.0f} s; ratio = patched/baseline instructions of the "
          f"workload (start-up subtracted; {LAYOUT_SENSITIVE}, whose cost depends on heap "
          "layout, excluded)")
    if profiled:
        print("both builds are profile-guided (release mode), each from its own profile: "
              "their code generation alone moves the counts a few percent either way, so "
              f"only the upper bound (at most {TOLERANCE:.1%} more) is checked")
    if args.optimizer:
        print(f"patched runs with -X optimizer={args.optimizer}: a ratio below 1 is a "
              "speed-up in instructions; the 0.5% column does not apply")
    if args.json:
        write_json(args.json, results, args.build_dir.resolve(), wall_time)
    if args.optimizer:
        return 0
    return 0 if all(r.within for r in results) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n", 2)[2])
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("--benchmarks", nargs="+", default=list(DEFAULT_BENCHMARKS),
                        metavar="NAME", help="subset to measure (space or comma separated)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every loop count by this (default 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                        help="callgrind runs at a time (default: number of CPUs)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the callgrind output files in DIR (for callgrind_annotate)")
    parser.add_argument("--optimizer", metavar="NAME",
                        help="run the patched interpreter with -X optimizer=NAME: "
                        "instruction counts of an optimizer against the baseline")
    parser.add_argument("--check", action="store_true",
                        help="run each workload once on both interpreters, without valgrind")
    args = parser.parse_args()
    try:
        benchmarks = parse_benchmarks(args.benchmarks)
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    if args.scale <= 0 or args.jobs < 1:
        parser.error("--scale must be positive and --jobs at least 1")
    try:
        interps = interpreters(args.build_dir.resolve(), args.optimizer)
        if args.check:
            check(benchmarks, interps)
            return 0
        return run_measurement(args, benchmarks, interps)
    except (MeasureError, subprocess.TimeoutExpired) as exc:
        print(f"measure_idle_cost: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
