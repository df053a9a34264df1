#!/usr/bin/env python3
"""Wall-time ratios of any pyperformance benchmark to the baseline and the system's Python, paired.

  .venv/bin/python -m scripts.measure.paired_pyperf --benchmarks NAME[,NAME...]
                  [--optimizer NAME] [--build-dir BUILD] [--rounds N]
                  [--pyperf-mode {fast,rigorous,one-process,debug-single-value}]
                  [--system-python PATH|none] [--json PATH]

measure_paired_time.py pairs runs of the performance optimizer's ten workloads
through its own driver. This script does the same for any benchmark of the
pinned pyperformance, with pyperf doing the timing: each round runs the
benchmark's pyperf script (--fast by default) once with the baseline, once
with the patched interpreter (under PYTHONOPTIMIZER=NAME, or with no
optimizer) and once with the system's own interpreter of the same minor
version (Debian's /usr/bin/python3.11 here: the Python users already have;
no optimizer variables), back to back, in an order that rotates from round to
round. The ratios of the means are that round's figures for each result the
script reports; the median over the rounds is the result's figure. So a
machine that slows down for a while moves both sides of a ratio, not one pass
of a whole suite (scripts/validate/ times each configuration in one pass).

The scripts run in the pyperformance venvs that scripts/validate/ uses
(BUILD/pyperformance-venvs), created if missing; the selected benchmarks' pinned
requirements are installed into them first (pip does nothing when they are there).

Prints each result's median ratio patched/baseline (below 1: faster), the
spread of the round ratios, the speed-ups over the baseline and over the
system's Python, the baseline's own speed against the system's, and, under an
optimizer, the most executors one pyperf worker process installed (from the
PYTHONOPTIMIZERSTATS files of the patched side's workers, written at their
exit, after the timing); then the geometric means of the medians. Nothing else
should run on the machine meanwhile, another instance of this script least of all:
some benchmarks (asyncio_tcp, ...) listen on fixed ports.

A benchmark that fails on any side is listed at the end, with the failure, and has
no figures; the others still count. Exit status: 0, 1 if a benchmark failed, 2 if
nothing could be measured (a bad argument, an interpreter or venv that is missing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from scripts import child_env
from scripts import system_python
from scripts.measure import idle_cost as idle
from scripts.measure import cli, paired_rounds
from scripts.validate import pyperformance as perf
from scripts.validate.common import restore_sigint
from scripts.validate.stats import BenchmarkSpec, is_worker, read_stats_folder

RUN_TIMEOUT = 1800   # seconds per pyperf run, as validate.py's timing pass
# pyperf's options for each --pyperf-mode. "one-process" is one worker of three values
# (after one warm-up) per round instead of --fast's ten workers of two: about a third of
# --fast's time, for a whole suite, where the rounds supply what the processes would
# (different hash seeds, and runs spread over time).
PYPERF_MODES = {
    "fast": ("--fast",),
    "rigorous": ("--rigorous",),
    "one-process": ("--processes", "1", "--values", "3", "--warmups", "1"),
    "debug-single-value": ("--debug-single-value",),
}
SYSTEM = system_python.LABEL
# Benchmarks whose timed code starts new interpreters (pyperf's bench_command, in the
# pinned pyperformance). Under PYTHONOPTIMIZERSTATS each of those would write a
# statistics file at its exit inside the timing, and on the patched side only, so
# their executors are not counted.
TIMES_NEW_PROCESSES = frozenset({"2to3", "hg_startup", "python_startup",
                                 "python_startup_no_site"})


MeasureError = idle.MeasureError


@dataclass(frozen=True)
class Config:
    """One side of a pair: an interpreter, its pyperformance venv, its variables."""
    label: str               # "baseline", "patched" or SYSTEM
    venv_python: Path
    env: dict[str, str]
    inherit: tuple[str, ...] = ()   # variables pyperf passes on to its workers
    stats: bool = False      # count executors: the patched side under an optimizer


# One pyperf result's paired timings (its means, per round).
Paired = paired_rounds.Rounds


# (config, benchmark, round) -> {result name: {"mean": seconds, ...}}, as perf.load_means
Runner = Callable[[Config, BenchmarkSpec, int], Mapping[str, Mapping[str, object]]]


def pyperf_command(config: Config, spec: BenchmarkSpec, output: Path,
                   mode: Sequence[str]) -> list[str]:
    """The command pyperformance itself would run for the benchmark (its
    _run_perf_script): the run script, its extra options, pyperf's."""
    return [str(config.venv_python), "-u", spec.runscript, *spec.extra_opts, *mode,
            "--output", str(output), "--inherit-environ", ",".join(config.inherit)]


def stats_folder(scratch: Path, spec: BenchmarkSpec) -> Path:
    return scratch / "stats" / spec.name


def with_stats(config: Config, spec: BenchmarkSpec, scratch: Path) -> Config:
    """`config` with PYTHONOPTIMIZERSTATS for its pyperf workers, if it counts executors
    and the benchmark's timing does not include process exits (TIMES_NEW_PROCESSES)."""
    if not config.stats or spec.name in TIMES_NEW_PROCESSES:
        return config
    folder = stats_folder(scratch, spec)
    folder.mkdir(parents=True, exist_ok=True)
    return replace(config, env={**config.env, "PYTHONOPTIMIZERSTATS": str(folder)},
                   inherit=(*config.inherit, "PYTHONOPTIMIZERSTATS"))


def executor_count(scratch: Path, spec: BenchmarkSpec, counted: bool) -> str:
    """The most executors one pyperf worker of the benchmark installed over all rounds:
    "-" when none were counted (no optimizer), "n/a" for TIMES_NEW_PROCESSES, "?" when
    no worker wrote its statistics."""
    if not counted:
        return "-"
    if spec.name in TIMES_NEW_PROCESSES:
        return "n/a"
    records = [record for record in read_stats_folder(stats_folder(scratch, spec)).records
               if is_worker(record.argv)]     # not pyperf's parent process
    if not records:
        return "?"
    return str(max(record.stats.get("installed", 0) for record in records))


def pyperf_runner(mode: Sequence[str], scratch: Path) -> Runner:
    """A Runner that runs pyperf for real and reads back the means."""
    def run(config: Config, spec: BenchmarkSpec,
            round_: int) -> Mapping[str, Mapping[str, object]]:
        output = scratch / f"{spec.name}-{round_}-{config.label.replace(' ', '-')}.json"
        output.unlink(missing_ok=True)
        config = with_stats(config, spec, scratch)
        command = pyperf_command(config, spec, output, mode)
        result = subprocess.run(command, env=config.env, capture_output=True, text=True,
                                timeout=RUN_TIMEOUT)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
            raise MeasureError(f"{spec.name} on the {config.label} interpreter failed (exit "
                               f"{result.returncode}):\n{tail}")
        return perf.load_means(output)
    return run


def round_means(means: Mapping[str, Mapping[str, Mapping[str, object]]]
                ) -> dict[str, dict[str, float]]:
    """{result name: {label: mean}} of one round, for the results that the baseline and
    the patched side both report with a positive mean (a ratio needs both); the system
    interpreter's mean is there where it has one."""
    out = {}
    for name in means["patched"]:
        round_ = {label: float(found[name]["mean"]) for label, found in means.items()
                  if name in found and float(found[name].get("mean", 0)) > 0}
        if "baseline" in round_ and "patched" in round_:
            out[name] = round_
    return out


def measure(spec: BenchmarkSpec, configs: Sequence[Config], rounds: int,
            run: Runner) -> list[Paired]:
    """Each result's means per round; round n starts with configuration n modulo their
    number (with two: baseline first in even rounds, patched first in odd ones)."""
    per_result: dict[str, list[dict[str, float]]] = {}
    for n in range(rounds):
        shift = n % len(configs)
        order = (*configs[shift:], *configs[:shift])
        means = {config.label: run(config, spec, n) for config in order}
        for name, round_ in round_means(means).items():
            per_result.setdefault(name, []).append(round_)
    return [Paired(name, rounds_) for name, rounds_ in per_result.items()]


def geometric_mean_of(values: Iterable[float | None]) -> float | None:
    return perf.geometric_mean(v for v in values if v is not None)


def format_table(results: Sequence[Paired]) -> str:
    """Per result: the median ratio patched/baseline and the spread of its round ratios;
    speed-ups (the other's mean / patched's: above 1, patched is faster) over the baseline
    and the system's Python; the baseline's own speed-up over the system's; executors."""
    system = any(r.has_system for r in results)
    head = (f"{'result':<32} {'median ratio':>12}  {'round min-max':>13}"
            + paired_rounds.speedup_head(system))
    lines = [head, "-" * len(head)]

    def row(name: str, ratio: float, spread: str, versus_system: float | None,
            baseline_system: float | None, executors: str) -> str:
        return (f"{name:<32} {ratio:>12.3f}  {spread:>13}"
                + paired_rounds.speedup_cells(system, ratio, versus_system, baseline_system,
                                              executors))

    for r in results:
        lines.append(row(r.name, r.median, f"{min(r.ratios):.3f}-{max(r.ratios):.3f}",
                         r.median_of("patched", SYSTEM), r.median_of("baseline", SYSTEM),
                         r.executors))
    mean = geometric_mean_of(r.median for r in results)
    if mean is not None:
        lines.append("-" * len(head))
        lines.append(row("geometric mean", mean, "",
                         geometric_mean_of(r.median_of("patched", SYSTEM) for r in results),
                         geometric_mean_of(r.median_of("baseline", SYSTEM) for r in results),
                         ""))
    return "\n".join(lines)


def select_specs(names: Sequence[str], groups: Callable[[str], list[str]] | None = None
                 ) -> list[BenchmarkSpec]:
    """The manifest entries of `names`, in that order, each once. A name that is not a
    benchmark is looked up as a pyperformance group ("default", "apps", ...) with
    `groups`, which gives the group's benchmarks that apply to this Python; a name that
    is neither is an error."""
    known = {spec.name: spec for spec in perf.benchmark_specs()}
    selected: dict[str, BenchmarkSpec] = {}
    unknown = []
    for name in names:
        members = [name] if name in known else (groups(name) if groups else [])
        if not members:
            unknown.append(name)
        selected.update((member, known[member]) for member in members if member in known)
    if unknown:
        raise MeasureError(f"unknown pyperformance benchmark(s): {', '.join(unknown)} "
                           "(`.venv/bin/python -m pyperformance list_groups` lists them)")
    return list(selected.values())


def group_members(build_dir: Path) -> Callable[[str], list[str]]:
    """Benchmarks of a pyperformance group, as `pyperformance list -b GROUP` prints them;
    none for a name that is not a group."""
    def members(group: str) -> list[str]:
        try:
            return perf.list_benchmarks(group, child_env.clean_env(), build_dir)
        except RuntimeError:       # pyperformance rejects the name
            return []
    return members


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


def make_configs(build_dir: Path, optimizer: str | None, specs: Sequence[BenchmarkSpec],
                 system: Path | None = None) -> tuple[Config, ...]:
    """(baseline, patched) and the system interpreter if given, each with its
    pyperformance venv (created if missing). Creating a venv logs to venv-setup.log
    beside the venvs, where an error's "see LOG" still finds it after this script has
    exited."""
    pythons = [interp.python for interp in idle.interpreters(build_dir)]
    if optimizer:
        check_optimizer(pythons[1], optimizer)
    if system is not None:
        pythons.append(system)
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
    configs = (Config("baseline", venvs[0] / "bin" / "python", env),
               Config("patched", venvs[1] / "bin" / "python", patched_env,
                      ("PYTHONOPTIMIZER",) if optimizer else (), stats=bool(optimizer)))
    if system is not None:     # not ours: no optimizer variables, like the baseline
        configs += (Config(SYSTEM, venvs[2] / "bin" / "python", env),)
    return configs


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser(__doc__, "PYTHONOPTIMIZER=NAME")
    parser.add_argument("--benchmarks", required=True,
                        help="comma-separated pyperformance benchmark or group names "
                             "('default': the whole default suite that applies here)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds, each one run per interpreter (default 5)")
    parser.add_argument("--pyperf-mode", choices=PYPERF_MODES, default="fast",
                        help="pyperf's --fast (default), --rigorous (about 4x longer), "
                             "one-process (one worker of 3 values per round, about a third "
                             "of --fast: for a whole suite over several rounds), or "
                             "--debug-single-value (one value: to try the plumbing)")
    parser.add_argument("--system-python", metavar="PATH|none",
                        help="the Python users already have, timed beside the baseline "
                             f"(default: {system_python.CANDIDATE} if it is Python "
                             f"{system_python.MINOR}; 'none': leave it out)")
    parser.add_argument("--json", type=Path, help="also write the round ratios here")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    names = [name for name in args.benchmarks.split(",") if name]
    restore_sigint()
    build_dir = args.build_dir.resolve()
    started = time.monotonic()
    results: list[Paired] = []
    failures: dict[str, str] = {}    # benchmark -> why it has no figures
    try:
        system = system_python.find(args.system_python)    # first: it needs no build
        specs = select_specs(names, group_members(build_dir))
        with tempfile.TemporaryDirectory(prefix="plugopt-paired-") as scratch:
            configs = make_configs(build_dir, args.optimizer, specs, system)
            run = pyperf_runner(PYPERF_MODES[args.pyperf_mode], Path(scratch))
            for spec in specs:
                try:
                    paired = measure(spec, configs, args.rounds, run)
                except MeasureError as exc:     # one benchmark; the rest still count
                    failures[spec.name] = str(exc)
                    print(f"{spec.name:<32} FAILED: {str(exc).splitlines()[0]}", flush=True)
                    continue
                executors = executor_count(Path(scratch), spec, bool(args.optimizer))
                for result in paired:
                    results.append(replace(result, executors=executors))
                    print(f"{result.name:<32} median {result.median:.3f}", flush=True)
    except (MeasureError, system_python.SystemPythonError) as exc:
        print(f"measure_paired_pyperf: {exc}", file=sys.stderr)
        return 2
    print()
    print(format_table(results))
    print_notes(args, system, time.monotonic() - started)
    if failures:
        print(f"\n{len(failures)} benchmark(s) failed and have no figures:")
        for name, why in failures.items():
            print(f"  {name}: {why}")
    if args.json:
        write_json(args.json, args, system, results, failures)
    return 1 if failures else 0


def print_notes(args: argparse.Namespace, system: Path | None, wall: float) -> None:
    """What the table's figures are, under it."""
    loaded = f"PYTHONOPTIMIZER={args.optimizer}" if args.optimizer else "no optimizer"
    print(f"\n{args.rounds} rounds, wall time {wall:.0f} s; ratio = patched ({loaded}) / "
          f"baseline mean of pyperf {' '.join(PYPERF_MODES[args.pyperf_mode])}, per round; "
          "below 1 is faster; "
          "speed-ups = the other's mean / patched's, above 1 is faster")
    if system is not None:
        print(f"{SYSTEM}: {system} (the Python users already have)")
    else:
        print(f"no system python{system_python.MINOR} was timed")
    if args.optimizer:
        print("executors: the most one pyperf worker of the patched side installed "
              "(PYTHONOPTIMIZERSTATS); n/a: the benchmark times new processes, whose "
              "statistics files would be written inside the timing")


def write_json(path: Path, args: argparse.Namespace, system: Path | None,
               results: Sequence[Paired], failures: Mapping[str, str]) -> None:
    summary = {r.name: {"ratios": r.ratios, "median": r.median, "means": r.rounds,
                        "median_vs_system": r.median_of("patched", SYSTEM),
                        "executors": r.executors}
               for r in results}
    path.write_text(json.dumps({"optimizer": args.optimizer, "rounds": args.rounds,
                                "pyperf_mode": args.pyperf_mode,
                                "system_python": str(system) if system else None,
                                "results": summary, "failed": dict(failures)},
                               indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
