"""pyperformance and pyperf for scripts/validate/: select benchmarks, prepare the venvs,
run one configuration, and read back what happened.

pyperformance does the work (venvs, requirements, running each benchmark through
pyperf with --inherit-environ); this module only builds its command line, reads
its log and its JSON, and asks pyperf for means and `compare_to` tables.
"""

from __future__ import annotations

import fcntl
import math
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts.validate.common import fatal_errors, stream_command
from scripts.validate.stats import BenchmarkSpec

RUN_RE = re.compile(r"^\[\s*(\d+)/(\d+)\] (\S+)\.\.\.$")
INSTALL_RE = re.compile(r"^\(\s*(\d+)/(\d+)\) creating venv for benchmark \((\S+)\)$")
FAILED_LIST_RE = re.compile(r"^\d+ benchmarks? failed:$")
FAILED_ITEM_RE = re.compile(r"^- (\S+) \((.*)\)$")
RESULT_RE = re.compile(r"^([A-Za-z0-9_.\-]+): \S")
LIST_ITEM_RE = re.compile(r"^- (\S+)$")
VENV_SHOW_RE = re.compile(
    r"^Virtual environment path: (.+) \((already created|not created yet)\)$")
END_MARKERS = ("Performance version:", "ERROR: No benchmark was run")
INSTALL_ERROR = "Install requirements error"
ERROR_TAIL_LINES = 15


def pyperformance_cmd(*args: str | Path) -> list[str]:
    """pyperformance of the Python running this script (the project venv pins it),
    unbuffered so that progress lines arrive as they are printed."""
    return [sys.executable, "-u", "-m", "pyperformance", *[str(arg) for arg in args]]


def list_benchmarks(selection: str | None, env: Mapping[str, str], cwd: Path) -> list[str]:
    """Names of the benchmarks pyperformance would run for `-b selection` (its default
    group when None), as `pyperformance list` prints them (filtered to this Python)."""
    args = ["list"] + (["-b", selection] if selection else [])
    result = subprocess.run(pyperformance_cmd(*args), capture_output=True, text=True,
                            env=dict(env), cwd=cwd)
    if result.returncode != 0:
        raise RuntimeError(f"pyperformance list failed:\n{result.stdout}{result.stderr}")
    return parse_benchmark_list(result.stdout)


def parse_benchmark_list(text: str) -> list[str]:
    names = []
    for line in text.splitlines():
        match = LIST_ITEM_RE.match(line.strip())
        if match:
            names.append(match[1])
    return names


def benchmark_specs() -> list[BenchmarkSpec]:
    """Run script and extra options of every benchmark in pyperformance's manifest.
    pyperformance has no public API for this; _manifest is stable within the pinned
    version (requirements.txt)."""
    from pyperformance import _manifest
    manifest = _manifest.load_manifest(None)
    return [BenchmarkSpec(bench.name, str(bench.runscript), tuple(bench.extra_opts or ()))
            for bench in manifest.benchmarks]


# --- venvs ---------------------------------------------------------------------------

def venv_root(python: Path, cache: Path, env: Mapping[str, str]) -> tuple[Path, bool]:
    """The venv `pyperformance run -p python` uses when started in `cache`, and whether
    it exists. pyperformance names it after the interpreter, so the patched
    configurations (one interpreter, different variables) share one venv."""
    result = subprocess.run(pyperformance_cmd("venv", "show", "-p", python), cwd=cache,
                            capture_output=True, text=True, env=dict(env))
    for line in result.stdout.splitlines():
        match = VENV_SHOW_RE.match(line.strip())
        if match:
            return Path(match[1]), match[2] == "already created"
    raise RuntimeError(f"pyperformance venv show printed no venv path:\n{result.stdout}"
                       f"{result.stderr}")


def prepare_venv(python: Path, cache: Path, env: Mapping[str, str], log: Path,
                 benchmarks: Sequence[str]) -> Path:
    """Create the venv for `python` with `pyperformance venv create` and the requirements
    of `benchmarks` if it does not exist, in `env` (no optimizer variables: creating the
    venv is not what we test). A requirement that does not install leaves the venv in
    place: `pyperformance run` then reports that benchmark."""
    cache.mkdir(parents=True, exist_ok=True)
    with venv_lock(cache):
        root, exists = venv_root(python, cache, env)
        if not exists:
            status = stream_command(pyperformance_cmd("venv", "create", "-p", python,
                                                      "-b", ",".join(benchmarks)),
                                    cwd=cache, env=env, log=log)
            root, exists = venv_root(python, cache, env)
            if not exists:
                raise RuntimeError(f"pyperformance venv create -p {python} failed "
                                   f"(exit {status}); see {log}")
    return root


class venv_lock:
    """Exclusive lock on the venv cache while pyperformance installs into it, so two
    validations of one build folder never run pip on one venv at the same time."""

    def __init__(self, cache: Path) -> None:
        self.path = cache / ".lock"

    def __enter__(self) -> "venv_lock":
        self.file = open(self.path, "w")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # A validation holds it for its whole pyperformance run, which can be
            # an hour: say why nothing happens rather than wait in silence.
            print(f"waiting for {self.path}: another validation or measurement of this "
                  "build folder is running pyperformance", file=sys.stderr, flush=True)
            fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.file.close()


# --- one run ---------------------------------------------------------------------------

def run_command(python: Path, benchmarks: Sequence[str], output: Path, pyperf_mode: str,
                inherit: Sequence[str], timeout: int) -> list[str]:
    """`pyperformance run` for one configuration; `pyperf_mode` is --debug-single-value,
    --fast, --rigorous or "" (pyperf's default)."""
    args: list[str | Path] = ["run", "-p", python, "-o", output, "-b", ",".join(benchmarks),
                              "--timeout", str(timeout)]
    if pyperf_mode:
        args.append(pyperf_mode)
    if inherit:
        args += ["--inherit-environ", ",".join(inherit)]
    return pyperformance_cmd(*args)


def run_pyperformance(cmd: Sequence[str], cache: Path, env: Mapping[str, str], log: Path,
                      on_line: Callable[[str], None] | None = None) -> int:
    with venv_lock(cache):
        return stream_command(cmd, cwd=cache, env=env, log=log, on_line=on_line)


@dataclass
class LogInfo:
    """What pyperformance's output says about each benchmark."""
    install: dict[str, list[str]] = field(default_factory=dict)
    run: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)   # the final "N benchmarks failed" list
    finished: bool = False                                # reached its closing report
    tail: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)      # fatal errors, deaths by signal


def parse_log(text: str) -> LogInfo:
    info = LogInfo()
    chunk: list[str] | None = None
    in_failed_list = False
    lines = text.splitlines()
    info.tail = lines[-ERROR_TAIL_LINES:]
    info.crashes = [str(error["message"]) for error in fatal_errors(text)]
    for line in lines:
        if in_failed_list:
            match = FAILED_ITEM_RE.match(line)
            if match:
                info.failed[match[1]] = match[2]
                continue
            in_failed_list = False
        if match := INSTALL_RE.match(line):
            chunk = info.install.setdefault(match[3], [])
        elif match := RUN_RE.match(line):
            chunk = info.run.setdefault(match[3], [])
        elif line.startswith(END_MARKERS):
            info.finished = True
            chunk = None
        elif FAILED_LIST_RE.match(line):
            info.finished = True
            in_failed_list = True
            chunk = None
        elif chunk is not None:
            chunk.append(line)
    return info


def run_error(lines: Sequence[str]) -> tuple[str, str]:
    """(one-line summary, detail) of a failed benchmark's output chunk: the benchmark's
    own stderr, which pyperformance prints before its "ERROR: Benchmark" line."""
    end = next((i for i, line in enumerate(lines) if line.startswith("ERROR: Benchmark")),
               len(lines))
    start = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    own = [line for line in lines[start:end] if line.strip() and line.strip() != "."]
    fatal = [line for line in own if line.startswith("Fatal Python error:")]
    exception = [line for line in own if re.match(r"^[A-Za-z_.]*(Error|Exception|Exit)\b", line)]
    marker = lines[end] if end < len(lines) else ""
    summary = (fatal or exception[-1:] or [marker or (own[-1] if own else "failed")])[0]
    detail = "\n".join(own[-ERROR_TAIL_LINES:] + ([marker] if marker else []))
    return summary.strip(), detail


def install_error(lines: Sequence[str]) -> tuple[str, str]:
    """(summary, detail) of a benchmark whose requirements did not install: pip's errors."""
    errors = [line.strip() for line in lines if re.match(r"^\s*(ERROR|error)\b", line)]
    summary = errors[0] if errors else "requirements did not install"
    detail = "\n".join((errors or [line for line in lines if line.strip()])[-ERROR_TAIL_LINES:])
    return f"{INSTALL_ERROR}: {summary}", detail


def benchmark_outcomes(benchmarks: Sequence[str], info: LogInfo) -> dict[str, dict[str, object]]:
    """{name: {"status": "ran"|"failed", "error": str|None, "detail": str|None}}."""
    outcomes: dict[str, dict[str, object]] = {}
    run_names = list(info.run)
    for name in benchmarks:
        chunk = info.run.get(name)
        error: tuple[str, str] | None = None
        if info.failed.get(name, "").startswith(INSTALL_ERROR):
            error = install_error(info.install.get(name, []))
        elif chunk is not None and any(line.startswith("ERROR: Benchmark") for line in chunk):
            error = run_error(chunk)
        elif name in info.failed:
            error = (info.failed[name], "\n".join(chunk or []))
        elif chunk is None or (not info.finished and name == run_names[-1]):
            last = next((line for line in reversed(info.tail) if line.strip()), "")
            why = f" (after: {info.crashes[0]})" if info.crashes else ""
            error = (f"pyperformance stopped before finishing it: {last.strip()}{why}",
                     "\n".join(info.tail))
        outcomes[name] = {"status": "failed" if error else "ran",
                          "error": error[0] if error else None,
                          "detail": error[1] if error else None}
    return outcomes


def result_names_by_benchmark(info: LogInfo, results: Iterable[str]) -> dict[str, list[str]]:
    """pyperf result names of each benchmark (bm_logging gives logging_format,
    logging_silent, ...): read from the "name: value" lines of its output chunk, else
    matched by name or name prefix."""
    results = list(results)
    mapping: dict[str, list[str]] = {}
    claimed: set[str] = set()
    for bench, lines in info.run.items():
        for line in lines:
            match = RESULT_RE.match(line)
            if match and match[1] in results and match[1] not in claimed:
                mapping.setdefault(bench, []).append(match[1])
                claimed.add(match[1])
    for result in results:
        if result in claimed:
            continue
        owners = [bench for bench in info.run if result == bench or result.startswith(bench + "_")]
        if owners:
            mapping.setdefault(max(owners, key=len), []).append(result)
    return mapping


def load_means(path: Path) -> dict[str, dict[str, float | str | int]]:
    """{result name: {"mean", "unit", "values", "max_rss"}} of a pyperf JSON file (empty
    if absent). max_rss: the largest peak RSS in bytes of the result's worker processes
    (pyperf's mem_max_rss metadata of each run, the worker alone, without its children),
    0 when pyperf recorded none."""
    if not path.is_file():
        return {}
    import pyperf
    suite = pyperf.BenchmarkSuite.load(str(path))
    means: dict[str, dict[str, float | str | int]] = {}
    for bench in suite.get_benchmarks():
        values = bench.get_values()
        rss = [int(run.get_metadata().get("mem_max_rss", 0)) for run in bench.get_runs()]
        means[bench.get_name()] = {"mean": bench.mean() if values else math.nan,
                                   "unit": bench.get_unit(), "values": len(values),
                                   "max_rss": max(rss, default=0)}
    return means


def field_ratios(base: Mapping[str, Mapping[str, object]],
                 other: Mapping[str, Mapping[str, object]], field: str) -> dict[str, float]:
    """other's `field` over base's, per result name both have with a positive value
    (a missing value, 0 or NaN gives no ratio)."""
    out = {}
    for name, data in other.items():
        ref = base.get(name)
        if ref is None:
            continue
        value, ref_value = float(data.get(field, 0)), float(ref.get(field, 0))
        if value > 0 and ref_value > 0:
            out[name] = value / ref_value
    return out


def ratios(base: Mapping[str, Mapping[str, object]], other: Mapping[str, Mapping[str, object]]
           ) -> dict[str, float]:
    """Time of `other` over `base` per result name both have."""
    return field_ratios(base, other, "mean")


def rss_ratios(base: Mapping[str, Mapping[str, object]], other: Mapping[str, Mapping[str, object]]
               ) -> dict[str, float]:
    """Peak RSS of `other` over `base` per result name both recorded it for."""
    return field_ratios(base, other, "max_rss")


def geometric_mean(values: Iterable[float]) -> float | None:
    values = [v for v in values if v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def compare_to(files: Sequence[Path], cwd: Path) -> str:
    """`pyperf compare_to --table` of the baseline's file against the others (pyperf
    decides significance); its output, or why it could not run."""
    files = [path for path in files if path.is_file()]
    if len(files) < 2:
        return "(fewer than two result files: nothing to compare)"
    result = subprocess.run([sys.executable, "-m", "pyperf", "compare_to", "--table",
                             *[str(path) for path in files]], capture_output=True, text=True,
                            cwd=cwd)
    text = result.stdout.strip()
    if result.returncode != 0:
        text += f"\n(pyperf compare_to exited with {result.returncode}: {result.stderr.strip()})"
    return text
