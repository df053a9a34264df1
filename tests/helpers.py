"""Helpers shared by plugopt's tests: run interpreters and scripts as subprocesses."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from scripts.child_env import clean_env  # noqa: F401  (tests import it from here)
from scripts.layout import REPO_ROOT

DEFAULT_TIMEOUT = 120.0


def run(cmd: Sequence[str | Path], *, env: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT, cwd: Path | None = None
        ) -> subprocess.CompletedProcess[str]:
    """Run `cmd` in a clean environment (see clean_env; `env` adds or overrides
    variables), capturing text output. Never raises on a non-zero exit.

    jit compiles a loop before running it (PLUGOPT_JIT_BACKGROUND=0), unless
    `env` says otherwise: a test's short program would often end before a
    background compile does, and test nothing compiled."""
    env = {"PLUGOPT_JIT_BACKGROUND": "0", **(env or {})}
    return subprocess.run([str(part) for part in cmd], env=clean_env(env), cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def run_python(python: Path, code: str, *args: str, env: Mapping[str, str] | None = None,
               timeout: float = DEFAULT_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run `python -c code *args` in a clean environment (see run)."""
    return run([python, "-c", code, *args], env=env, timeout=timeout)


def run_tool(module: str, *args: str | Path, env: Mapping[str, str] | None = None,
             timeout: float = DEFAULT_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run `python -m scripts.MODULE` from the repository's root with the Python running
    pytest (the project venv), as a user runs the tools."""
    return run([sys.executable, "-m", f"scripts.{module}", *args], env=env, timeout=timeout,
               cwd=REPO_ROOT)


def output(result: subprocess.CompletedProcess[str]) -> str:
    """A finished process's exit status and output, for assertion messages."""
    return (f"exit status {result.returncode}\n--- stdout\n{result.stdout}"
            f"--- stderr\n{result.stderr}")
