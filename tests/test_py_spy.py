"""py-spy, a binary wheel built for stock CPython 3.11 that reads the interpreter's memory
from outside with stock layouts, sees the same function and line on the patched
interpreter as on the baseline, with and without each sample optimizer."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import clean_env, output, run

PY_SPY = Path(sys.executable).parent / "py-spy"
# A numeric loop that every sample optimizer compiles at threshold 1, then a long sleep
# at a known line, where py-spy finds the main thread.
PROGRAM = """\
import time

def work(n):
    total = 0.0
    for i in range(n):
        total += i * 0.5
    return total

def executors():
    try:
        import _optimizer
    except ImportError:   # the baseline
        return 0
    return sum(len(_optimizer.get_executors(f.__code__)) for f in (work, wait_here))

def wait_here():
    for _ in range(3):
        work(20000)
    print("ready", executors(), flush=True)
    time.sleep(120)

wait_here()
"""
SLEEP_LINE = PROGRAM.splitlines().index("    time.sleep(120)") + 1
FRAME = re.compile(r"^\s+(\S+) \((.+):(\d+)\)$", re.M)


def dump_stack(python: Path, script: Path, env: dict[str, str]
               ) -> tuple[list[tuple[str, int]], int]:
    """Start `script`, wait until it is asleep, and return py-spy's view of the main
    thread, (function, line) from innermost to outermost, and how many executors the
    program's functions held."""
    child = subprocess.Popen([str(python), str(script)], env=clean_env(env),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, installed = (child.stdout.readline().split() + ["", ""])[:2]
        assert ready == "ready", child.stderr.read()
        time.sleep(0.2)   # into time.sleep
        result = run([PY_SPY, "dump", "--pid", str(child.pid)], timeout=60)
    finally:
        child.kill()
        child.communicate()
    if result.returncode != 0 and re.search(r"[Pp]ermission|ptrace|not permitted",
                                            result.stdout + result.stderr):
        pytest.skip(f"py-spy may not read other processes here (ptrace): {output(result)}")
    assert result.returncode == 0, output(result)
    frames = [(name, int(line)) for name, path, line in FRAME.findall(result.stdout)
              if path.endswith(script.name)]
    assert frames, output(result)
    return frames, int(installed)


@pytest.fixture(scope="module")
def script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("py_spy") / "sleeper.py"
    path.write_text(PROGRAM)
    return path


@pytest.fixture(scope="module")
def baseline_frames(baseline_python: Path, script: Path) -> list[tuple[str, int]]:
    frames, _ = dump_stack(baseline_python, script, {})
    assert frames[0] == ("wait_here", SLEEP_LINE), frames
    return frames


@pytest.mark.parametrize("optimizer", [None, "counter", "stepper", "jit"])
def test_py_spy_sees_the_baselines_function_and_line(patched_python: Path, script: Path,
                                                     baseline_frames, optimizer) -> None:
    env = {"PYTHONOPTIMIZERTHRESHOLD": "1", "PYTHONOPTIMIZERCHECK": "1"}
    if optimizer:
        env["PYTHONOPTIMIZER"] = optimizer
    frames, installed = dump_stack(patched_python, script, env)
    assert frames == baseline_frames
    if optimizer:
        assert installed >= 1, f"{optimizer} installed no executor: the test proves nothing"
