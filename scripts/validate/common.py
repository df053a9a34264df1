"""Pieces scripts/validate/ and its validate_* helpers share: the child environment,
streaming a command's output to a log, spotting fatal errors, progress with an ETA, and
finding the system's own interpreter."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts.child_env import clean_env  # noqa: F401  (re-exported for the validate modules)

# Variables the interpreters under test read; pyperf workers get them through --inherit-environ.
OPTIMIZER_VARS = ("PYTHONOPTIMIZER", "PYTHONOPTIMIZERSTATS", "PYTHONOPTIMIZERCHECK",
                  "PYTHONOPTIMIZERTHRESHOLD", "PLUGOPT_COUNTER_TOP")

FATAL_RE = re.compile(r"^Fatal Python error: (?P<message>.*)$")
# subprocess.CalledProcessError's text, e.g. when pip's child dies under ensurepip.
DIED_RE = re.compile(r"died with <Signals\.(?P<signal>SIG\w+): \d+>")
CHECKER_PREFIX = "plugopt executor check: "
MAX_DETAIL_LINES = 3


def stream_command(cmd: Sequence[str | Path], *, cwd: Path, env: Mapping[str, str], log: Path,
                   on_line: Callable[[str], None] | None = None,
                   timeout: float | None = None) -> int:
    """Run `cmd` with stdout and stderr merged, appending every line to `log` and passing
    it to `on_line` as it arrives. Returns the exit status; after `timeout` seconds the
    whole process group is stopped (the status is then that of a killed process)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a", encoding="utf-8", errors="replace") as out:
        out.write(f"$ {' '.join(str(part) for part in cmd)}\n")
        out.flush()
        # Its own session, so that on an interruption the whole tree (pyperformance,
        # pip, pyperf workers, regrtest workers) can be stopped together.
        proc = subprocess.Popen([str(part) for part in cmd], cwd=cwd, env=dict(env),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, errors="replace", bufsize=1,
                                start_new_session=True)
        assert proc.stdout is not None
        timer = threading.Timer(timeout, stop_group, [proc]) if timeout else None
        if timer is not None:
            timer.start()
        try:
            for line in proc.stdout:
                out.write(line)
                if on_line is not None:
                    on_line(line.rstrip("\n"))
        except BaseException:
            stop_group(proc)
            raise
        finally:
            if timer is not None:
                timer.cancel()
        return proc.wait()


def stop_group(proc: subprocess.Popen[str], grace: float = 10.0) -> None:
    """SIGTERM the process group `proc` leads, then SIGKILL it if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    if proc.poll() is None:
        proc.wait()


def raise_on_sigterm() -> None:
    """Turn SIGTERM into KeyboardInterrupt, so a stopped run cleans up like Ctrl-C."""
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, handler)


def restore_sigint() -> None:
    """Let the runs' processes handle SIGINT even if this one was started with it
    ignored. A shell without job control starts background commands (`cmd &`)
    that way, every child inherits it, and regrtest's signal tests then fail
    (test_signal, test_pdb, test_generators, test_threading, test_regrtest,
    test_multiprocessing_*). A handler, unlike SIG_IGN, is reset to the default by
    exec, so installing Python's own gives every child the default."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def fatal_errors(text: str) -> list[dict[str, object]]:
    """The distinct "Fatal Python error" messages in `text`, with the lines that follow
    (the checker names the optimizer and executor there) and how often each occurred.
    `checker` is True for aborts of the executor invariant checker (PYTHONOPTIMIZERCHECK)."""
    found: dict[str, dict[str, object]] = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = FATAL_RE.match(line.strip())
        if not match:
            died = DIED_RE.search(line)
            if died:
                message = f"a child process died with {died['signal']}"
                entry = found.setdefault(message, {"message": message, "detail": [line[:300]],
                                                   "count": 0, "checker": False})
                entry["count"] = int(entry["count"]) + 1
            continue
        message = match["message"].strip()
        detail: list[str] = []
        for follow in lines[index + 1:index + 1 + MAX_DETAIL_LINES]:
            if not follow.startswith("  ") or follow.strip().startswith("File "):
                break
            detail.append(follow.strip())
        entry = found.setdefault(message, {"message": message, "detail": detail, "count": 0,
                                           "checker": message.startswith(CHECKER_PREFIX)})
        entry["count"] = int(entry["count"]) + 1
    return list(found.values())


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


@dataclass
class Progress:
    """Counts work units (a benchmark of one run, a regression test file of one run) and
    prints `[done/total] label (ETA ...)` on stderr. The ETA scales the estimated cost of
    what is left by how fast the estimated cost of what is done actually went."""
    total: int = 0
    estimate_left: float = 0.0
    done: int = 0
    estimate_done: float = 0.0
    started: float = field(default_factory=time.monotonic)
    stream: object = None

    def plan(self, units: int, seconds_each: float) -> None:
        self.total += units
        self.estimate_left += units * seconds_each

    def advance(self, units: int, seconds_each: float) -> None:
        units = max(0, min(units, self.total - self.done))
        self.done += units
        self.estimate_done += units * seconds_each
        self.estimate_left = max(0.0, self.estimate_left - units * seconds_each)

    def plan_overhead(self, seconds: float) -> None:
        """Work that is not a unit (pip's requirement check at the start of a run)."""
        self.estimate_left += seconds

    def credit(self, seconds: float) -> None:
        """Planned overhead that is now done."""
        self.estimate_done += seconds
        self.estimate_left = max(0.0, self.estimate_left - seconds)

    def exclude(self, seconds: float) -> None:
        """Leave `seconds` of one-off work (venv creation) out of the rate."""
        self.started += seconds

    def eta(self) -> float:
        elapsed = time.monotonic() - self.started
        if self.estimate_done <= 0 or elapsed < 1:
            return self.estimate_left
        return self.estimate_left * elapsed / self.estimate_done

    def show(self, label: str, *, finished: bool = False) -> None:
        """Print `label` as unit done+1 (starting it), or as unit done (`finished`)."""
        stream = self.stream or sys.stderr
        position = min(self.done + (0 if finished else 1), self.total)
        print(f"[{position}/{self.total}] {label} (ETA {format_duration(self.eta())})",
              file=stream, flush=True)
