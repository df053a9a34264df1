#!/usr/bin/env python3
"""Wall-time ratios against the unpatched baseline for any pyperformance benchmark, from paired pyperf runs.

  .venv/bin/python scripts/measure_paired_pyperf.py --benchmarks NAME[,NAME...]
                  [--optimizer NAME] [--build-dir BUILD] [--rounds N]
                  [--pyperf-mode {fast,rigorous,debug-single-value}] [--json PATH]

measure_paired_time.py pairs runs of the performance optimizer's ten workloads
through its own driver. This script does the same for any benchmark of the
pinned pyperformance, with pyperf doing the timing: each round runs the
benchmark's pyperf script (--fast by default) once with the baseline and
once with the patched interpreter (under PYTHONOPTIMIZER=NAME, or with no
optimizer), back to back, baseline first in even rounds and patched first in
odd ones. The ratio of the two means is that round's figure for each result
the script reports; the median over the rounds is the result's figure. So a
machine that slows down for a while moves both sides of a ratio, not one pass
of a whole suite (scripts/validate.py times each configuration in one pass).

The scripts run in the pyperformance venvs that scripts/validate.py uses
(BUILD/pyperformance-venvs), created if missing; the selected benchmarks' pinned
requirements are installed into them first (pip does nothing when they are there).

Prints each result's median ratio patched/baseline (below 1: faster), the
speed-up it means, the spread of the round ratios, and the geometric mean of
the medians. Nothing else should run on the machine meanwhile.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import child_env  # noqa: E402
import measure_idle_cost as idle  # noqa: E402
import validate_pyperformance as perf  # noqa: E402
from validate_common import restore_sigint  # noqa: E402
from validate_stats import BenchmarkSpec  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
RUN_TIMEOUT = 1800   # seconds per pyperf run, as validate.py's timing pass
PYPERF_MODES = ("fast", "rigorous", "debug-single-value")


MeasureError = idle.MeasureError


@dataclass(frozen=True)
class Config:
    """One side of a pair: an interpreter, its pyperformance venv, its variables."""
    label: str               # "baseline" or "patched"
    venv_python: Path
    env: dict[str, str]
    inherit: tuple[str, ...] = ()   # variables pyperf passes on to its workers


# (config, benchmark, round) -> {result name: {"mean": seconds, ...}}, as perf.load_means
Runner = Callable[[Config, BenchmarkSpec, int], Mapping[str, Mapping[str, object]]]


def pyperf_command(config: Config, spec: BenchmarkSpec, output: Path, mode: str) -> list[str]:
    """The command pyperformance itself would run for the benchmark (its
    _run_perf_script): the run script, its extra options, pyperf's."""
    return [str(config.venv_python), "-u", spec.runscript, *spec.extra_opts, mode,
            "--output", str(output), "--inherit-environ", ",".join(config.inherit)]


def pyperf_runner(mode: str, scratch: Path) -> Runner:
    """A Runner that runs pyperf for real and reads back the means."""
    def run(config: Config, spec: BenchmarkSpec,
            round_: int) -> Mapping[str, Mapping[str, object]]:
        output = scratch / f"{spec.name}-{round_}-{config.label}.json"
        output.unlink(missing_ok=True)
        command = pyperf_command(config, spec, output, mode)
        result = subprocess.run(command, env=config.env, capture_output=True, text=True,
                                timeout=RUN_TIMEOUT)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
            raise MeasureError(f"{spec.name} on the {config.label} interpreter failed (exit "
                               f"{result.returncode}):\n{tail}")
        return perf.load_means(output)
    return run


def measure(spec: BenchmarkSpec, configs: tuple[Config, Config], rounds: int,
            run: Runner) -> dict[str, list[float]]:
    """{result name: round ratios patched/baseline}, baseline first in even rounds."""
    baseline, patched = configs
    ratios: dict[str, list[float]] = {}
    for n in range(rounds):
        order = (baseline, patched) if n % 2 == 0 else (patched, baseline)
        means = {config.label: run(config, spec, n) for config in order}
        for name, value in perf.ratios(means["baseline"], means["patched"]).items():
            ratios.setdefault(name, []).append(value)
    return ratios


def format_table(results: dict[str, list[float]]) -> str:
    lines = [f"{'result':<32} {'median ratio':>12}  {'speed-up':>8}  {'round ratios (min-max)':>22}",
             "-" * 80]
    for name, ratios in results.items():
        median = statistics.median(ratios)
        lines.append(f"{name:<32} {median:>12.3f}  {1 / median:>7.2f}x  "
                     f"{min(ratios):>10.3f} - {max(ratios):.3f}")
    mean = perf.geometric_mean(statistics.median(r) for r in results.values())
    if mean is not None:
        lines.append("-" * 80)
        lines.append(f"{'geometric mean':<32} {mean:>12.3f}  {1 / mean:>7.2f}x")
    return "\n".join(lines)


def select_specs(names: Sequence[str]) -> list[BenchmarkSpec]:
    """The manifest entries of `names`, in that order; unknown names are an error."""
    known = {spec.name: spec for spec in perf.benchmark_specs()}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise MeasureError(f"unknown pyperformance benchmark(s): {', '.join(unknown)} "
                           "(`.venv/bin/python -m pyperformance list_groups` lists them)")
    return [known[name] for name in names]


def check_optimizer(python: Path, optimizer: str) -> None:
    """Fail early, with the interpreter's own message, for an optimizer it cannot load."""
    result = subprocess.run([str(python), "-X", f"optimizer={optimizer}", "-c", ""],
                            env=child_env.clean_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise MeasureError(f"{python} cannot load optimizer {optimizer!r}:\n"
                           f"{result.stderr.strip()}")


def install_requirements(venv_python: Path, specs: Sequence[BenchmarkSpec],
                         env: dict[str, str]) -> None:
    """pip-install the benchmarks' pinned requirements (the requirements.txt beside
    each run script, as pyperformance installs them) into a venv."""
    files = sorted({Path(spec.runscript).parent / "requirements.txt" for spec in specs})
    args = [arg for path in files if path.is_file() for arg in ("-r", str(path))]
    if not args:
        return
    result = subprocess.run([str(venv_python), "-m", "pip", "install", "--quiet", *args],
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise MeasureError(f"installing the benchmarks' requirements into {venv_python} "
                           f"failed:\n{(result.stdout + result.stderr).strip()}")


def make_configs(build_dir: Path, optimizer: str | None,
                 specs: Sequence[BenchmarkSpec]) -> tuple[Config, Config]:
    """(baseline, patched), each with its pyperformance venv (created if missing).
    Creating a venv logs to venv-setup.log beside the venvs, where an error's "see LOG"
    still finds it after this script has exited."""
    pythons = tuple(interp.python for interp in idle.interpreters(build_dir))
    if optimizer:
        check_optimizer(pythons[1], optimizer)
    cache = build_dir / "pyperformance-venvs"
    env = child_env.clean_env()
    names = [spec.name for spec in specs]
    log = cache / "venv-setup.log"
    try:
        venvs = [perf.prepare_venv(python, cache, env, log, names) for python in pythons]
    except RuntimeError as exc:
        raise MeasureError(str(exc)) from None
    for venv in venvs:
        install_requirements(venv / "bin" / "python", specs, env)
    patched_env = child_env.clean_env({"PYTHONOPTIMIZER": optimizer} if optimizer else {})
    return (Config("baseline", venvs[0] / "bin" / "python", env),
            Config("patched", venvs[1] / "bin" / "python", patched_env,
                   ("PYTHONOPTIMIZER",) if optimizer else ()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--benchmarks", required=True,
                        help="comma-separated pyperformance benchmark names")
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("--optimizer", metavar="NAME",
                        help="the optimizer the patched runs load (PYTHONOPTIMIZER=NAME; "
                             "default: none)")
    parser.add_argument("--rounds", type=int, default=5, help="pairs of runs (default 5)")
    parser.add_argument("--pyperf-mode", choices=PYPERF_MODES, default="fast",
                        help="pyperf's --fast (default), --rigorous (about 4x longer), or "
                             "--debug-single-value (one value: to try the plumbing)")
    parser.add_argument("--json", type=Path, help="also write the round ratios here")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    names = [name for name in args.benchmarks.split(",") if name]
    restore_sigint()
    build_dir = args.build_dir.resolve()
    started = time.monotonic()
    results: dict[str, list[float]] = {}
    try:
        specs = select_specs(names)
        with tempfile.TemporaryDirectory(prefix="plugopt-paired-") as scratch:
            configs = make_configs(build_dir, args.optimizer, specs)
            run = pyperf_runner(f"--{args.pyperf_mode}", Path(scratch))
            for spec in specs:
                for name, ratios in measure(spec, configs, args.rounds, run).items():
                    results[name] = ratios
                    print(f"{name:<32} median {statistics.median(ratios):.3f}", flush=True)
    except MeasureError as exc:
        print(f"measure_paired_pyperf: {exc}", file=sys.stderr)
        return 2
    loaded = f"PYTHONOPTIMIZER={args.optimizer}" if args.optimizer else "no optimizer"
    print()
    print(format_table(results))
    print(f"\n{args.rounds} rounds, wall time {time.monotonic() - started:.0f} s; ratio = "
          f"patched ({loaded}) / baseline mean of pyperf "
          f"--{args.pyperf_mode}, per round; below 1 is faster")
    if args.json:
        summary = {name: {"ratios": r, "median": statistics.median(r)}
                   for name, r in results.items()}
        args.json.write_text(json.dumps({"optimizer": args.optimizer, "rounds": args.rounds,
                                         "pyperf_mode": args.pyperf_mode, "results": summary},
                                        indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
