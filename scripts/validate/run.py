#!/usr/bin/env python3
"""Validate the patched interpreter and its sample optimizers against the unpatched baseline.

  .venv/bin/python -m scripts.validate --smoke          # ~2 minutes; CI and the tests
  .venv/bin/python -m scripts.validate                  # full run, hours; for humans
  meson compile -C build validate-smoke   (or: validate)

Configurations: `baseline` (unpatched 3.11.2), `patched` (no optimizer) and
`patched+NAME` for every sample optimizer found in the patched interpreter's
lib/python3.11/plugopt (or those chosen with --optimizers). For each it runs:

1. pyperformance (pinned in requirements.txt) with the optimizer variables passed
   to pyperf's workers through --inherit-environ. Two passes:
     check   correctness: PYTHONOPTIMIZERCHECK=1 and PYTHONOPTIMIZERTHRESHOLD=1
             (--threshold), so executors are installed almost everywhere and every
             executor entry is checked; pyperf's --debug-single-value (one value
             is enough to run the code, and keeps the pass short).
     timing  the checker off and the thresholds at their defaults; pyperf --fast
             (--timing: fast, normal or rigorous). Full mode only: in --smoke mode
             the check pass is the only one, so its time ratios include the
             checker's cost and a threshold of 1, and are no performance figure.
   Per benchmark and configuration the report gives: ran or failed (with the
   error), the time ratio to the baseline (pyperf means; `pyperf compare_to` for
   significance), and the executor statistics of the benchmark's pyperf worker
   processes, read from the per-process files the interpreter writes into the
   folder named by PYTHONOPTIMIZERSTATS and grouped by benchmark with each
   record's argv (validate_stats.py).
   The timing pass also times `system-python3.11`, the system's own interpreter of
   the same minor version (Debian's /usr/bin/python3.11, the Python users already
   have; --system-python PATH or none), with no optimizer variables, so that every
   configuration also gets a time ratio to it. It is not our interpreter: it runs
   neither the check pass nor regrtest, and its failures are never new failures.
2. CPython's regression tests (`python -m test -j2`) with the check-pass variables,
   the optimizer chosen with PYTHONOPTIMIZER (regrtest's workers inherit it): a
   curated subset in --smoke mode, everything otherwise. A test file failing
   under a patched configuration and not under the baseline is a new failure.
   --stepper-seeds N,... adds `patched+stepper-seedN` (stepper in fuzz mode,
   PLUGOPT_STEPPER_SEED=N), which runs regrtest only. Failures on the list of
   expected differences (expected_differences.py: a real effect of executors, with
   its reason and the test that shows it still holds) are reported apart, not new.
3. Real packages' own test suites (validate_packages.py: more-itertools, attrs,
   greenlet, msgpack, numpy's core tests; --packages chooses, the smoke run has
   more-itertools only), pinned, installed from PyPI into one venv per interpreter
   (BUILD/package-venvs, reused), run with pytest under each configuration with the
   variables of regrtest. A test failing under a patched configuration and not under
   the baseline is a new failure; the report gives per suite and configuration the
   counts and the executors installed and entered.
4. Full mode only (not --smoke, not --no-series-builds): every prefix of the patch
   series builds and passes CPython's tests of what it changes (check_series_builds.py:
   patches 1..k applied, for every k, in one dev-mode tree rebuilt after each patch;
   about two dev builds' time). A prefix that does not is a failure.

Exit status: 0 if nothing new failed; 1 if a benchmark failed only under a patched
configuration, a regression test file or a package's test failed only under one,
regrtest or a package suite did not finish, a prefix of the patch series did not build,
or the executor checker aborted a process
anywhere ("Fatal Python error: plugopt executor check: ..." in any output); 2 if the validation could not run
(interpreters missing, venv creation failed, bad arguments); 130 if interrupted.

Output (--out, default BUILD/validation): report.md, report.html (self-contained),
ratios-PASS.png, state.json, and per run a log, pyperf JSON and stats folder.

Resuming: every finished run (one pass of pyperformance, or regrtest, for one
configuration) is recorded in state.json with a signature of what defines it
(selection, pass settings, and the size and time of the interpreters and optimizer
modules). Running the same command again skips finished runs whose signature still
matches and redoes the rest, so an interrupted run resumes where it stopped; a
rebuilt interpreter or a changed selection redoes what it affects. --fresh ignores
state.json.

Design choices, from measurements on the 2-core machine (docs/validation.md):
- pyperformance keeps one venv per interpreter under the folder it starts in. It
  starts in BUILD/pyperformance-venvs (--venv-cache), so the venvs outlive the
  output folder and are reused by every later run of the same build folder, and all
  patched configurations share the patched interpreter's venv (pyperformance names
  venvs after the interpreter's path and version, not its environment).
- validate.py creates the venvs itself with `pyperformance venv create` (without
  optimizer variables), so that creating them is not what runs under test. The
  build installs plugopt beside the standard library, so the venvs see it.
- pyperformance passes the --inherit-environ variables to pip as well, so its
  requirement re-check (a few seconds per benchmark) and its interpreter probe run
  under the optimizer too. That is more code under test, not a problem; but a
  crash there stops pyperformance before any benchmark runs, which the report
  shows as every benchmark failing with "pyperformance stopped before finishing it".
- The fixed cost of `pyperformance run` is a pip re-check of about 2 s per selected
  benchmark (the "3 minutes" of environment.md is that for all 88), and creating the
  two venvs with the requirements of the selection takes about 25 s for the smoke
  benchmarks (about 75 s with every benchmark's requirements from the local pip
  cache). So smoke mode (10 pure-Python benchmarks, 16 regression test files, 4
  configurations) runs with pyperformance's own runner in about 2 minutes with no venv
  yet, 1.5 with them: well under the 15-minute budget.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts import system_python
from scripts.build import build_cpython
from scripts.build import check_series_builds
from scripts.validate import packages
from scripts.validate import pyperformance as perf
from scripts.validate import regrtest
from scripts.layout import REPO_ROOT, BuildFolder
from scripts.validate import report
from scripts.validate.common import (OPTIMIZER_VARS, Progress, clean_env, fatal_errors,
                                     format_duration, raise_on_sigterm, restore_sigint,
                                     stream_command)
from scripts.validate.stats import group_by_benchmark, read_stats_folder, total_stats

STATE_VERSION = 1
SMOKE_BENCHMARKS = ("nbody", "richards", "float", "fannkuch", "spectral_norm", "go",
                    "deltablue", "generators", "coroutines", "json_dumps")
PYPERF_MODES = {"fast": "--fast", "normal": "", "rigorous": "--rigorous"}
# Rough wall seconds per unit on the 2-core machine; only the ETA uses them.
SECONDS_PER_BENCHMARK = {"check": 1.5, "fast": 30.0, "normal": 90.0, "rigorous": 200.0}
PIP_CHECK_SECONDS = 2.0                             # per benchmark, at the start of each run
SECONDS_PER_TEST = {True: 0.6, False: 1.6}
CHECK_TIMEOUT, TIMING_TIMEOUT = 900, 1800          # pyperformance --timeout, per benchmark
REGRTEST_TIMEOUT = {True: 300, False: 900}          # regrtest --timeout, per test file
SECONDS_PER_SUITE = {True: 40.0, False: 600.0}      # a package suite, per configuration
TAIL_LINES = 20


class SetupError(Exception):
    """The validation cannot run (exit status 2)."""


@dataclass(frozen=True)
class Config:
    name: str
    python: Path
    optimizer: str | None = None
    env: tuple[tuple[str, str], ...] = ()   # more variables (a fuzz seed)

    @property
    def patched(self) -> bool:
        return report.is_ours(self.name)

    @property
    def system(self) -> bool:
        """The system's own interpreter: timed for comparison, never validated."""
        return self.name == report.SYSTEM

    @property
    def fuzz(self) -> bool:
        """stepper in fuzz mode with a seed: runs regrtest only."""
        return bool(self.env)


@dataclass(frozen=True)
class Pass:
    name: str
    pyperf_mode: str
    correctness: bool                     # aggressive threshold (and the checker, unless off)
    timeout: int
    seconds_each: float


@dataclass
class Step:
    """One run: a pyperformance pass or regrtest, for one configuration."""
    key: str
    config: Config
    signature: dict[str, object]
    units: int
    seconds_each: float
    pass_: Pass | None = None            # None: regrtest or a package suite
    overhead: float = 0.0                # estimated seconds that are not units
    suite: packages.Suite | None = None  # a package suite's run
    series: bool = False                 # the check that every prefix of the series builds


@dataclass
class Context:
    args: argparse.Namespace
    build: Path
    out: Path
    cache: Path
    configs: list[Config]
    passes: list[Pass]
    benchmarks: list[str]
    tests: list[str]
    fingerprint: str
    progress: Progress
    runs: dict[str, dict] = field(default_factory=dict)
    system: Path | None = None           # the system interpreter found, timed or not
    suites: list[packages.Suite] = field(default_factory=list)   # package suites to run


# --- set-up ------------------------------------------------------------------------------

def optimizer_package(build: Path) -> Path:
    """The plugopt package of the patched interpreter (beside its standard library)."""
    return BuildFolder(build).optimizer_package


def discover_optimizers(build: Path) -> list[str]:
    """The sample optimizer modules installed into the patched interpreter's plugopt package."""
    return BuildFolder(build).samples()


def fingerprint(build: Path) -> str:
    """Size and modification time of the interpreters and optimizer modules: a rebuild
    changes it, and finished runs of the old build are then redone."""
    digest = hashlib.sha256()
    folder = BuildFolder(build)
    files = [folder.patched_python, folder.baseline_python,
             *sorted(folder.optimizer_package.glob("*.so"))]
    for path in files:
        real = path.resolve()
        st = real.stat()
        digest.update(f"{path.name}\0{real}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def make_configs(build: Path, optimizers: Sequence[str], bare: bool = True,
                 system: Path | None = None, seeds: Sequence[int] = ()) -> list[Config]:
    """The baseline, the system interpreter beside it (if given), the patched interpreter
    with no optimizer (unless not `bare`), the patched interpreter with each optimizer,
    and stepper in fuzz mode with each seed."""
    patched = BuildFolder(build).patched_python
    return ([Config(report.BASELINE, BuildFolder(build).baseline_python)]
            + ([Config(report.SYSTEM, system)] if system is not None else [])
            + ([Config("patched", patched)] if bare else [])
            + [Config(f"patched+{name}", patched, name) for name in optimizers]
            + [Config(f"patched+stepper-seed{seed}", patched, "stepper",
                      (("PLUGOPT_STEPPER_SEED", str(seed)),)) for seed in seeds])


def runs_in(config: Config, pass_: Pass | None) -> bool:
    """Whether `config` runs in `pass_` (None: regrtest). The system interpreter is only
    a yardstick for speed: validating it (checker, threshold 1, regrtest) is not ours to do.
    A fuzz configuration runs regrtest only (the whole suite is what fuzzing is for)."""
    if config.fuzz:
        return pass_ is None
    return not config.system or (pass_ is not None and not pass_.correctness)


def system_untimed_reason(args: argparse.Namespace) -> str | None:
    """Why this invocation has no timing pass to time the system interpreter in, or None."""
    if args.no_pyperformance:
        return "--no-pyperformance"
    if args.smoke:
        return "the smoke run has no timing pass"
    if args.no_timing:
        return "--no-timing"
    return None


def describe_system(ctx: Context) -> str:
    """The overview's one line on the system interpreter: where, and whether it was timed."""
    if any(config.system for config in ctx.configs):
        return (f"{ctx.system}: {report.SYSTEM} in the tables, {report.SYSTEM_DESCRIPTION}; "
                "not ours, so it runs in the timing pass only, without optimizer variables")
    if ctx.system is not None:
        return f"{ctx.system}, not timed: {system_untimed_reason(ctx.args)}"
    if ctx.args.system_python == "none":
        return "none timed (--system-python none), so no column against it"
    return (f"none timed: no {system_python.CANDIDATE} of Python {system_python.MINOR} here "
            "(--system-python PATH names one), so no column against it")


def make_passes(smoke: bool, timing: str | None) -> list[Pass]:
    """The check pass always; the timing pass in full mode unless timing is None
    (--no-timing: a correctness-only full run, which leaves the machine free)."""
    passes = [Pass("check", "--debug-single-value", True, CHECK_TIMEOUT,
                   SECONDS_PER_BENCHMARK["check"])]
    if not smoke and timing is not None:
        passes.append(Pass("timing", PYPERF_MODES[timing], False, TIMING_TIMEOUT,
                           SECONDS_PER_BENCHMARK[timing]))
    return passes


def split_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [item.strip() for item in value.replace(" ", ",").split(",") if item.strip()]


def choose_optimizers(build: Path, wanted: list[str] | None) -> list[str]:
    found = discover_optimizers(build)
    if wanted is None:
        return found
    missing = [name for name in wanted if name not in found]
    if missing:
        raise SetupError(f"no optimizer module {', '.join(missing)} in "
                         f"{optimizer_package(build)} "
                         f"(found: {', '.join(found) or 'none'})")
    return wanted


def run_env(config: Config, correctness: bool, checker: bool, threshold: int,
            stats: Path | None) -> dict[str, str]:
    """The environment of one run: no PYTHON* variable of the machine; the optimizer, its
    statistics folder and, for correctness runs, an aggressive threshold and the checker."""
    env = clean_env({"PLUGOPT_COUNTER_TOP": "0"})
    if config.patched:
        if stats is not None:
            env["PYTHONOPTIMIZERSTATS"] = str(stats)
        if config.optimizer:
            env["PYTHONOPTIMIZER"] = config.optimizer
        env.update(dict(config.env))
        if correctness:
            env["PYTHONOPTIMIZERTHRESHOLD"] = str(threshold)
            # jit compiles each hot loop before running it: in the background,
            # many short tests would end before their loops' code is there,
            # and check less compiled code.
            env["PLUGOPT_JIT_BACKGROUND"] = "0"
            if checker:
                env["PYTHONOPTIMIZERCHECK"] = "1"
    return env


# --- state ---------------------------------------------------------------------------------

def load_state(path: Path) -> dict[str, dict]:
    """Finished runs recorded in state.json ({} if absent or unreadable)."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return {}
    runs = data.get("runs")
    return runs if isinstance(runs, dict) else {}


def save_state(path: Path, runs: Mapping[str, dict]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"version": STATE_VERSION, "runs": runs}, indent=1))
    os.replace(tmp, path)


def reusable(runs: Mapping[str, dict], key: str, signature: Mapping[str, object]) -> bool:
    run = runs.get(key)
    return run is not None and run.get("signature") == dict(signature)


def checker_on(ctx: Context, pass_: Pass) -> bool:
    return pass_.correctness and not ctx.args.no_checker


def describe_variables(ctx: Context, correctness: bool, checker: bool) -> str:
    if not correctness:
        return "checker off, default thresholds"
    return (f"checker {'on' if checker else 'OFF (--no-checker)'}, "
            f"PYTHONOPTIMIZERTHRESHOLD={ctx.args.threshold}")


def pyperf_signature(ctx: Context, pass_: Pass, config: Config) -> dict[str, object]:
    signature: dict[str, object] = {
        "benchmarks": ctx.benchmarks, "mode": pass_.pyperf_mode,
        "correctness": pass_.correctness, "checker": checker_on(ctx, pass_),
        "threshold": ctx.args.threshold, "python": str(config.python),
        "optimizer": config.optimizer, "build": ctx.fingerprint}
    if config.system:
        # Not part of the build's fingerprint: an upgrade of the distribution's package
        # must redo its run too.
        st = config.python.resolve().stat()
        signature["interpreter"] = f"{st.st_size}:{st.st_mtime_ns}"
    return signature


def regrtest_signature(ctx: Context, config: Config) -> dict[str, object]:
    return {"tests": ctx.tests, "threshold": ctx.args.threshold,
            "checker": not ctx.args.no_checker, "python": str(config.python),
            "optimizer": config.optimizer, "env": list(config.env), "build": ctx.fingerprint}


def packages_signature(ctx: Context, config: Config, suite: packages.Suite
                       ) -> dict[str, object]:
    return {"suite": suite.name, "requirements": packages.requirements([suite]),
            "threshold": ctx.args.threshold, "checker": not ctx.args.no_checker,
            "python": str(config.python), "optimizer": config.optimizer,
            "build": ctx.fingerprint}


def record(ctx: Context, key: str, run: dict) -> None:
    ctx.runs[key] = run
    save_state(ctx.out / "state.json", ctx.runs)


# --- pyperformance -------------------------------------------------------------------------

class PyperfProgress:
    """Turns pyperformance's "[i/n] name..." lines into progress lines of our own."""

    def __init__(self, ctx: Context, label: str, seconds_each: float, overhead: float) -> None:
        self.ctx, self.label, self.seconds_each = ctx, label, seconds_each
        self.overhead = overhead        # pip's check, before the first benchmark starts
        self.advanced = 0
        self.started = False

    def __call__(self, line: str) -> None:
        if match := perf.RUN_RE.match(line):
            if self.started:
                self.step()
            else:
                self.ctx.progress.credit(self.overhead)
                self.overhead = 0.0
            self.started = True
            self.ctx.progress.show(f"{self.label}: {match[3]} ({match[1]}/{match[2]})")
        elif (match := perf.INSTALL_RE.match(line)) and match[1] == "1":
            self.ctx.progress.show(f"{self.label}: pip checks the requirements of "
                                   f"{match[2]} benchmark(s)")

    def step(self) -> None:
        self.ctx.progress.advance(1, self.seconds_each)
        self.advanced += 1

    def finish(self, total: int) -> None:
        self.ctx.progress.credit(self.overhead)
        self.ctx.progress.advance(total - self.advanced, self.seconds_each)


def prepare_venvs(ctx: Context) -> None:
    """The venvs of the baseline, the patched interpreter and the system interpreter (when
    it is timed), created without optimizer variables."""
    env = clean_env()
    log = ctx.out / "venv-setup.log"
    ctx.progress.show("preparing the pyperformance venvs (created once per build folder)")
    started = time.monotonic()
    for config in {config.python: config for config in ctx.configs}.values():
        try:
            perf.prepare_venv(config.python, ctx.cache, env, log, ctx.benchmarks)
        except RuntimeError as exc:
            hint = (" (--system-python none leaves the system interpreter out)"
                    if config.system else "")
            raise SetupError(f"{exc}{hint}") from exc
    ctx.progress.exclude(time.monotonic() - started)   # one-off: not a rate for the ETA


def run_pyperformance(ctx: Context, step: Step, specs: list) -> dict:
    pass_, config = step.pass_, step.config
    assert pass_ is not None
    stem = f"{pass_.name}-{config.name}"
    folder = ctx.out / "pyperformance"
    folder.mkdir(parents=True, exist_ok=True)
    output, log = folder / f"{stem}.json", folder / f"{stem}.log"
    stats = ctx.out / "stats" / stem
    for path in (output, log):
        path.unlink(missing_ok=True)
    shutil.rmtree(stats, ignore_errors=True)
    if config.patched:
        stats.mkdir(parents=True)
    env = run_env(config, pass_.correctness, checker_on(ctx, pass_), ctx.args.threshold,
                  stats if config.patched else None)
    inherit = [name for name in OPTIMIZER_VARS if name in env]
    cmd = perf.run_command(config.python, ctx.benchmarks, output, pass_.pyperf_mode, inherit,
                           pass_.timeout)
    progress = PyperfProgress(ctx, f"{pass_.name}/{config.name}", pass_.seconds_each,
                              step.overhead)
    started = time.monotonic()
    status = perf.run_pyperformance(cmd, ctx.cache, env, log, progress)
    duration = time.monotonic() - started
    progress.finish(len(ctx.benchmarks))

    text = log.read_text(errors="replace")
    info = perf.parse_log(text)
    outcomes = perf.benchmark_outcomes(ctx.benchmarks, info)
    means = perf.load_means(output)
    for bench, names in perf.result_names_by_benchmark(info, means).items():
        if bench in outcomes:
            outcomes[bench]["results"] = names
    folder_stats = read_stats_folder(stats)
    return {"kind": "pyperformance", "pass": pass_.name, "config": config.name,
            "signature": pyperf_signature(ctx, pass_, config), "exit_status": status,
            "duration": duration, "benchmarks": outcomes, "means": means,
            "stats": group_by_benchmark(folder_stats.records, specs) if config.patched else {},
            "unreadable_stats": folder_stats.unreadable, "fatal_errors": fatal_errors(text),
            "log": str(log.relative_to(ctx.out)),
            "json": str(output.relative_to(ctx.out)) if output.exists() else None}


# --- regrtest ---------------------------------------------------------------------------------

class RegrtestProgress:
    def __init__(self, ctx: Context, label: str, planned: int) -> None:
        self.ctx, self.label, self.planned = ctx, label, planned
        self.seconds_each = SECONDS_PER_TEST[ctx.args.smoke]
        self.advanced = 0

    def __call__(self, line: str) -> None:
        match = regrtest.PROGRESS_RE.search(line)
        if not match:
            return
        total = int(match[2])
        if total != self.planned:       # regrtest counts differently from --list-tests
            self.ctx.progress.plan(total - self.planned, self.seconds_each)
            self.planned = total
        self.ctx.progress.advance(1, self.seconds_each)
        self.advanced += 1
        self.ctx.progress.show(f"{self.label}: {match[3]} done ({match[1]}/{match[2]})",
                               finished=True)

    def finish(self) -> None:
        self.ctx.progress.advance(self.planned - self.advanced, self.seconds_each)


def run_regrtest(ctx: Context, config: Config, planned: int) -> dict:
    folder = ctx.out / "regrtest"
    log = folder / f"{config.name}.log"
    work = folder / f"work-{config.name}"
    stats = ctx.out / "stats" / f"regrtest-{config.name}"
    log.unlink(missing_ok=True)
    shutil.rmtree(stats, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if config.patched:
        stats.mkdir(parents=True)
    env = regrtest.environment(run_env(config, True, not ctx.args.no_checker, ctx.args.threshold,
                                       stats if config.patched else None))
    junit = folder / f"{config.name}.xml"
    junit.unlink(missing_ok=True)
    cmd = regrtest.command(config.python, ctx.tests, REGRTEST_TIMEOUT[ctx.args.smoke], junit)
    progress = RegrtestProgress(ctx, f"regrtest/{config.name}", planned)
    ctx.progress.show(f"regrtest/{config.name}: starting")
    started = time.monotonic()
    status = stream_command(cmd, cwd=work, env=env, log=log, on_line=progress)
    duration = time.monotonic() - started
    progress.finish()

    text = log.read_text(errors="replace")
    parsed = regrtest.parse_output(text)
    folder_stats = read_stats_folder(stats)
    return {"kind": "regrtest", "config": config.name,
            "signature": regrtest_signature(ctx, config), "exit_status": status,
            "duration": duration, "result": parsed.result, "ok": parsed.ok,
            "failed": parsed.failed, "skipped": parsed.sections.get("skipped", []),
            "failed_tests": regrtest.failed_test_ids(junit), "optimizer": config.optimizer,
            "env_changed": parsed.sections.get("env_changed", []),
            "outputs": {test: regrtest.test_output(text, test) for test in parsed.failed},
            "tail": None if parsed.result else "\n".join(text.splitlines()[-TAIL_LINES:]),
            "stats": total_stats(folder_stats.records) if config.patched else {},
            "unreadable_stats": folder_stats.unreadable, "fatal_errors": fatal_errors(text),
            "log": str(log.relative_to(ctx.out))}


# --- real packages' test suites -----------------------------------------------------------

def run_package_suite(ctx: Context, config: Config, suite: packages.Suite) -> dict:
    """One package's own tests under one configuration, in the interpreter's venv (made
    without optimizer variables), with the correctness settings of regrtest."""
    folder = ctx.out / "packages" / suite.name
    log = folder / f"{config.name}.log"
    junit = folder / f"{config.name}.xml"
    scratch = folder / f"work-{config.name}"
    stats = ctx.out / "stats" / f"packages-{suite.name}-{config.name}"
    for path in (log, junit):
        path.unlink(missing_ok=True)
    for path in (stats, scratch):
        shutil.rmtree(path, ignore_errors=True)
    scratch.mkdir(parents=True)
    if config.patched:
        stats.mkdir(parents=True)
    base = {"kind": "packages", "suite": suite.name, "config": config.name,
            "signature": packages_signature(ctx, config, suite),
            "log": str(log.relative_to(ctx.out))}
    label = f"packages/{suite.name}/{config.name}"
    ctx.progress.show(f"{label}: preparing the venv")
    started = time.monotonic()
    try:
        venv_label = "baseline" if not config.patched else "patched"
        python = packages.venv_python(config.python, venv_label, ctx.suites,
                                      ctx.build / "package-venvs", clean_env())
        source = (packages.sdist_tests(suite, ctx.build / "package-venvs", clean_env())
                  if suite.tests.startswith("sdist:") else None)
    except packages.PackagesError as exc:
        log.write_text(f"{exc}\n")
        return {**base, "error": str(exc), "duration": time.monotonic() - started,
                "complete": False, "fatal_errors": []}
    env = run_env(config, True, not ctx.args.no_checker, ctx.args.threshold,
                  stats if config.patched else None)
    env.update(dict(suite.env))
    cmd = packages.command(python, suite, junit)
    ctx.progress.show(f"{label}: running")
    status = stream_command(cmd, cwd=packages.working_folder(source, scratch), env=env,
                            log=log, timeout=suite.timeout)
    duration = time.monotonic() - started
    ctx.progress.advance(1, SECONDS_PER_SUITE[ctx.args.smoke])
    text = log.read_text(errors="replace")
    parsed = packages.parse_junit(junit)
    folder_stats = read_stats_folder(stats)
    return {**base, "exit_status": status, "duration": duration, "complete": parsed is not None,
            "tests": parsed.tests if parsed else 0, "passed": parsed.passed if parsed else 0,
            "failed": parsed.failed if parsed else [], "skipped": parsed.skipped if parsed else 0,
            "tail": None if parsed else "\n".join(text.splitlines()[-TAIL_LINES:]),
            "stats": total_stats(folder_stats.records) if config.patched else {},
            "fatal_errors": fatal_errors(text)}


# --- the whole validation ------------------------------------------------------------------

SERIES_KEY = "series/builds"
SERIES_SECONDS = 900   # two dev builds on 2 cores


def series_signature() -> dict[str, object]:
    """What the series check depends on: the series (patches and new files), the pin."""
    patches = build_cpython.read_series(check_series_builds.DEFAULT_SERIES)
    return {"tree": build_cpython.tree_key(patches)}


def run_series_builds(ctx: Context) -> dict:
    ctx.progress.show("series: building every prefix of the patch series")
    started = time.monotonic()
    try:
        results = check_series_builds.check(ctx.build, check_series_builds.DEFAULT_SERIES,
                                            os.cpu_count() or 2,
                                            log=lambda m: print(m, flush=True))
        error = None
    except (build_cpython.BuildError, check_series_builds.fetch_cpython.FetchError) as exc:
        results, error = [], str(exc)
    expected = len(build_cpython.read_series(check_series_builds.DEFAULT_SERIES))
    return {"kind": "series", "config": "-", "signature": series_signature(),
            "prefixes": [{"patch": r.patch, "ok": r.ok, "seconds": round(r.seconds, 1),
                          "log": str(r.log)} for r in results],
            "complete": error is None and len(results) == expected
            and all(r.ok for r in results),
            "error": error, "duration": time.monotonic() - started}


def plan(ctx: Context) -> list[Step]:
    """The runs in order: the series check (full mode), check pass, regrtest, timing
    pass. Finished runs whose signature still matches count as done in the progress."""
    steps: list[Step] = []
    args = ctx.args
    if not args.smoke and not args.no_series_builds:
        steps.append(Step(SERIES_KEY, ctx.configs[0], series_signature(), 1, SERIES_SECONDS,
                          series=True))
    for index, pass_ in enumerate(ctx.passes):
        if not args.no_pyperformance:
            steps += [Step(report.run_key("pyperformance", config.name, pass_.name), config,
                           pyperf_signature(ctx, pass_, config), len(ctx.benchmarks),
                           pass_.seconds_each, pass_, PIP_CHECK_SECONDS * len(ctx.benchmarks))
                      for config in ctx.configs if runs_in(config, pass_)]
        if index == 0 and not args.no_regrtest:
            count = len(regrtest.list_tests(ctx.configs[0].python, ctx.tests,
                                            regrtest.environment(clean_env()), ctx.out))
            steps += [Step(report.run_key("regrtest", config.name), config,
                           regrtest_signature(ctx, config), count, SECONDS_PER_TEST[args.smoke])
                      for config in ctx.configs if runs_in(config, None)]
        if index == 0:
            steps += [Step(report.run_key("packages", config.name, suite.name), config,
                           packages_signature(ctx, config, suite), 1,
                           SECONDS_PER_SUITE[args.smoke], suite=suite)
                      for suite in ctx.suites for config in ctx.configs
                      if runs_in(config, None) and not config.fuzz]
    for step in steps:
        ctx.progress.plan(step.units, step.seconds_each)
        ctx.progress.plan_overhead(step.overhead)
        if reusable(ctx.runs, step.key, step.signature):
            ctx.progress.advance(step.units, step.seconds_each)
            ctx.progress.credit(step.overhead)
    return steps


def execute(ctx: Context, steps: Sequence[Step]) -> None:
    specs = perf.benchmark_specs() if not ctx.args.no_pyperformance else []
    venvs_ready = False
    for step in steps:
        if reusable(ctx.runs, step.key, step.signature):
            continue
        if step.series:
            record(ctx, step.key, run_series_builds(ctx))
            ctx.progress.advance(step.units, step.seconds_each)
            continue
        if step.suite is not None:
            record(ctx, step.key, run_package_suite(ctx, step.config, step.suite))
            continue
        if step.pass_ is None:
            record(ctx, step.key, run_regrtest(ctx, step.config, step.units))
            continue
        if not venvs_ready:
            prepare_venvs(ctx)
            venvs_ready = True
        record(ctx, step.key, run_pyperformance(ctx, step, specs))


def compare_tables(ctx: Context, runs: Mapping[str, dict]) -> dict[str, str]:
    """`pyperf compare_to` per pass, baseline first."""
    tables = {}
    for pass_ in ctx.passes:
        files = []
        for config in ctx.configs:
            run = runs.get(report.run_key("pyperformance", config.name, pass_.name))
            if run and run.get("json"):
                files.append(ctx.out / run["json"])
        if files:
            tables[pass_.name] = perf.compare_to(files, ctx.out)
    return tables


def describe_benchmarks(ctx: Context) -> str:
    """The report's line on the selection: the names, or how many and where from."""
    if len(ctx.benchmarks) <= 20:
        return ", ".join(ctx.benchmarks)
    source = "chosen with --benchmarks" if ctx.args.benchmarks else "pyperformance's default group"
    return f"{len(ctx.benchmarks)} ({source})"


def finish(ctx: Context, keys: Sequence[str], wall: float) -> int:
    runs = {key: ctx.runs[key] for key in keys if key in ctx.runs}
    configs = [config.name for config in ctx.configs]
    analysis = report.analyse(runs)
    meta = {"mode": "smoke" if ctx.args.smoke else "full",
            "build folder": str(ctx.build),
            "patched interpreter": str(BuildFolder(ctx.build).patched_python),
            "baseline interpreter": str(ctx.configs[0].python),
            system_python.LABEL: describe_system(ctx),
            "optimizers": ", ".join(c.optimizer for c in ctx.configs if c.optimizer) or "none",
            "benchmarks": describe_benchmarks(ctx),
            "regression tests": ", ".join(ctx.tests) if ctx.tests else "all",
            "package suites": ", ".join(s.package for s in ctx.suites) or "none",
            "passes": "; ".join(f"{p.name}: pyperf {p.pyperf_mode or '(default)'}, "
                                + describe_variables(ctx, p.correctness, checker_on(ctx, p))
                                for p in ctx.passes),
            "regrtest": describe_variables(ctx, True, not ctx.args.no_checker),
            "wall time of this invocation (runs resumed from state.json excluded)":
                format_duration(wall),
            "wall time of the runs (sum)": format_duration(
                sum(float(run.get("duration", 0)) for run in runs.values()))}
    md, page = report.write_report(runs, configs, analysis, meta,
                                   compare_tables(ctx, runs), ctx.out)
    print(report.summary_table(runs, configs, analysis).text())
    print()
    for abort in analysis.checker_aborts:
        print(f"checker abort in {abort['run']}: {abort['message']}")
    for (pass_name, config, error), group in report.group_failures(analysis.benchmark_failures):
        names = ", ".join(failure["benchmark"] for failure in group)
        print(f"new failure: {pass_name}/{config}: {names}: {error}")
    for config, tests in analysis.regrtest_new.items():
        for test in tests:
            print(f"new regrtest failure: {config}: {test}")
    for config in analysis.regrtest_incomplete:
        print(f"regrtest did not finish: {config}")
    for key, tests in analysis.packages_new.items():
        for test in tests:
            print(f"new package test failure: {key}: {test}")
    for key in analysis.packages_incomplete:
        print(f"package suite did not finish: {key}")
    if analysis.series_failure:
        print(f"patch series: {analysis.series_failure}")
    print(f"report: {md} and {page}")
    print("result: " + ("NEW FAILURES" if analysis.failed else "no new failures"))
    return 1 if analysis.failed else 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m scripts.validate",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true",
                        help="a handful of benchmarks, one pass, a curated regrtest subset")
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("--out", type=Path, help="output folder (default BUILD/validation)")
    parser.add_argument("--benchmarks", help="comma-separated pyperformance benchmarks or "
                        "groups (default: smoke set, or pyperformance's default group)")
    parser.add_argument("--optimizers", help="comma-separated optimizer modules "
                        "(default: every module in the patched interpreter's plugopt package)")
    parser.add_argument("--regrtest-tests", help="comma-separated regrtest test files "
                        "(default: smoke subset, or all)")
    parser.add_argument("--no-regrtest", action="store_true")
    parser.add_argument("--stepper-seeds", metavar="N,N,...",
                        help="also run regrtest under stepper in fuzz mode "
                        "(PLUGOPT_STEPPER_SEED), once per seed")
    parser.add_argument("--packages", help="comma-separated package suites "
                        f"({', '.join(packages.BY_NAME)}; default: the smoke suite, or all), "
                        "or 'none'")
    parser.add_argument("--no-pyperformance", action="store_true")
    parser.add_argument("--no-series-builds", action="store_true",
                        help="skip the check that every prefix of the patch series builds "
                        "(full mode; about 15 minutes)")
    parser.add_argument("--no-bare-patched", action="store_true",
                        help="skip the patched interpreter without an optimizer (its runs "
                        "measure the API's idle cost; an optimizer's own figures need only "
                        "the baseline, and a full timing pass is ~40 min per configuration)")
    parser.add_argument("--fresh", action="store_true",
                        help="ignore finished runs in OUT/state.json (default: resume)")
    parser.add_argument("--threshold", type=int, default=1,
                        help="PYTHONOPTIMIZERTHRESHOLD of correctness runs (default 1)")
    parser.add_argument("--no-checker", action="store_true",
                        help="diagnosis only: correctness runs without PYTHONOPTIMIZERCHECK "
                        "(tells a checker problem from an optimizer problem)")
    parser.add_argument("--timing", choices=sorted(PYPERF_MODES), default="fast",
                        help="pyperf mode of the timing pass (full mode; default fast)")
    parser.add_argument("--no-timing", action="store_true",
                        help="full mode without the timing pass: correctness only")
    parser.add_argument("--venv-cache", type=Path,
                        help="where pyperformance keeps its venvs (default "
                        "BUILD/pyperformance-venvs)")
    parser.add_argument("--system-python", metavar="PATH|none",
                        help="the system's own Python, timed beside the baseline in the "
                        f"timing pass (default: {system_python.CANDIDATE} if it is Python "
                        f"{system_python.MINOR}; 'none': leave it out)")
    args = parser.parse_args(argv)
    if args.no_regrtest and args.no_pyperformance and args.packages == "none":
        parser.error("--no-regrtest, --no-pyperformance and --packages none leave nothing "
                     "to run")
    if args.threshold < 1:
        parser.error("--threshold must be at least 1")
    return args


def make_context(args: argparse.Namespace) -> Context:
    # First: a bad --system-python is a bad argument, whatever state the build is in.
    try:
        system = system_python.find(args.system_python)
    except system_python.SystemPythonError as exc:
        raise SetupError(f"--system-python: {exc}") from exc
    build = args.build_dir.resolve()
    for python in (BuildFolder(build).patched_python, BuildFolder(build).baseline_python):
        if not python.exists():
            raise SetupError(f"{python} does not exist: build first (meson compile -C {build})")
    out = (args.out or build / "validation").resolve()
    cache = (args.venv_cache or build / "pyperformance-venvs").resolve()
    out.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    optimizers = choose_optimizers(build, split_list(args.optimizers))
    benchmarks: list[str] = []
    if not args.no_pyperformance:
        selection = args.benchmarks or (",".join(SMOKE_BENCHMARKS) if args.smoke else None)
        benchmarks = perf.list_benchmarks(selection, clean_env(), cache)
        if not benchmarks:
            raise SetupError(f"pyperformance selects no benchmark for {selection!r}")
    tests = split_list(args.regrtest_tests)
    if tests is None:
        tests = list(regrtest.SMOKE_TESTS) if args.smoke else []
    timed = system if system_untimed_reason(args) is None else None
    try:
        seeds = [int(seed) for seed in split_list(args.stepper_seeds) or []]
    except ValueError as exc:
        raise SetupError(f"--stepper-seeds: not a list of integers: {args.stepper_seeds}"
                         ) from exc
    if seeds and "stepper" not in discover_optimizers(build):
        raise SetupError("--stepper-seeds: no stepper module in "
                         f"{optimizer_package(build)}")
    try:
        suites = ([] if args.packages == "none"
                  else packages.select(split_list(args.packages), args.smoke))
    except ValueError as exc:
        raise SetupError(f"--packages: {exc}") from exc
    return Context(args=args, build=build, out=out, cache=cache,
                   configs=make_configs(build, optimizers, bare=not args.no_bare_patched,
                                        system=timed, seeds=seeds),
                   passes=make_passes(args.smoke, None if args.no_timing else args.timing),
                   benchmarks=benchmarks, tests=tests, suites=suites,
                   fingerprint=fingerprint(build),
                   progress=Progress(), runs={} if args.fresh else load_state(out / "state.json"),
                   system=system)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    raise_on_sigterm()
    restore_sigint()
    started = time.monotonic()
    try:
        ctx = make_context(args)
        steps = plan(ctx)
        keys = [step.key for step in steps]
        done = sum(1 for step in steps if reusable(ctx.runs, step.key, step.signature))
        if done:
            print(f"validate: resuming: {done} of {len(steps)} runs already finished in "
                  f"{ctx.out / 'state.json'} (--fresh to redo them)", file=sys.stderr)
        execute(ctx, steps)
    except SetupError as exc:
        print(f"validate: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("validate: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    return finish(ctx, keys, time.monotonic() - started)


if __name__ == "__main__":
    sys.exit(main())
