"""The invariant checker (-X optimizer_check / PYTHONOPTIMIZERCHECK=1).

testopt's executors break the N-instruction contract on request; the checker
must stop the process with a fatal error that names the culprit, and stay
silent for executors that keep the contract.
"""

from __future__ import annotations

import json
import signal
import textwrap
from pathlib import Path

import pytest

from helpers import output, run

PROGRAM = textwrap.dedent("""\
    import dis, sys, _optimizer, testopt
    how, where = sys.argv[1], sys.argv[2]
    def work(a, b):
        x = a + b
        y = x * 2
        return y
    offsets = {i.opname: i.offset // 2 for i in dis.get_instructions(work)}
    if where == "optimizer":
        # Compiled by an optimizer at function entry, after one call.
        testopt.Optimizer(_optimizer.PY_OPTIMIZE_FUNCTION_ENTRY, 0.5, 0.0, how).register()
    else:
        # Installed directly; "mid_instruction" needs an instruction with caches.
        offset = offsets["BINARY_OP"] if how == "mid_instruction" else offsets["LOAD_FAST"]
        testopt.install(work.__code__, offset, advance=1 if how == "depth" else 0,
                        misbehave=None if how == "none" else how)
    print(_optimizer.check_enabled(), sum(work(i, 1) for i in range(5)))
""")


@pytest.fixture(scope="module")
def check(patched_python: Path, build_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    script = tmp_path_factory.mktemp("checker") / "broken.py"
    script.write_text(PROGRAM)

    def check(how: str, where: str = "install", *, flag: str = "env"):
        env = {"PYTHONPATH": str(build_dir / "tests" / "testopt")}
        args = [patched_python]
        if flag == "env":
            env["PYTHONOPTIMIZERCHECK"] = "1"
        elif flag == "x":
            args += ["-X", "optimizer_check"]
        return script, run([*args, script, how, where], env=env)
    return check


@pytest.fixture(scope="module")
def offsets(patched_python: Path) -> dict[str, int]:
    """Offsets (code units) in PROGRAM's work(), as the patched interpreter compiles it."""
    code = PROGRAM.split("offsets = ")[0].split("\n", 2)[2]   # the def, without argv
    result = run([patched_python, "-c", code + textwrap.dedent("""
        import dis, json
        found = {i.opname: i.offset // 2 for i in dis.get_instructions(work)}
        found["end"] = len(work.__code__.co_code) // 2
        print(json.dumps(found))
    """)])
    assert result.returncode == 0, output(result)
    return json.loads(result.stdout)


@pytest.mark.parametrize(("how", "message"), [
    ("depth", "stack depth 2 at offset {load} of work; the interpreter has depth 1 there"),
    ("mid_instruction", "next instruction {mid} of work is inside an instruction's inline cache"),
    ("past_end", "next instruction {end} of work is out of range (the code has {end} code units)"),
    ("frame", "returned a frame that is neither its entry frame, a frame it called, "
              "nor a caller it returned to"),
    ("null", "returned NULL without setting an exception"),
    ("exception", "returned a frame with an exception set"),
])
@pytest.mark.parametrize("flag", ["env", "x"])
def test_broken_executor_is_a_fatal_error_naming_it(check, offsets: dict[str, int], how: str,
                                                    message: str, flag: str) -> None:
    load, mid = offsets["LOAD_FAST"] + 1, offsets["BINARY_OP"] + 1
    end = offsets["end"]
    script, result = check(how, flag=flag)
    assert result.returncode == -signal.SIGABRT, output(result)
    assert result.stdout == ""
    installed = offsets["BINARY_OP"] if how == "mid_instruction" else offsets["LOAD_FAST"]
    line = 5 if how == "mid_instruction" else 6
    expected = (f"Fatal Python error: plugopt executor check: "
                f"{message.format(load=load, mid=mid, end=end)}\n"
                f"  optimizer (none: installed directly), executor testopt.Executor, "
                f"installed at offset {installed} (code units) of work ({script}:{line})\n")
    assert result.stderr.startswith(expected), output(result)


def test_fatal_error_names_the_optimizer_that_compiled_the_executor(check) -> None:
    script, result = check("depth", "optimizer")
    # At function entry, N = 0 with one slot too many: depth 1 at offset 0.
    assert result.returncode == -signal.SIGABRT, output(result)
    assert result.stderr.startswith(
        "Fatal Python error: plugopt executor check: stack depth 1 at offset 0 of work; "
        "the interpreter has depth 0 there\n"
        "  optimizer testopt.Optimizer, executor testopt.Executor, installed at offset 0 "
        f"(code units) of work ({script}:3)\n"), output(result)


@pytest.mark.parametrize("where", ["install", "optimizer"])
def test_checker_is_silent_for_executors_that_keep_the_contract(check, where: str) -> None:
    how = "none" if where == "install" else "count"
    _, result = check(how, where)
    assert result.returncode == 0, output(result)
    assert result.stdout == "True 30\n"


def test_checker_is_off_by_default(check) -> None:
    _, result = check("none", flag="off")
    assert (result.returncode, result.stdout) == (0, "False 30\n"), output(result)
