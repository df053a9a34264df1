"""The counter sample: a hotspot profiler whose executors count entries (N = 0)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import output, run

# Line numbers matter: the report names file:line of each hotspot.
PROGRAM = textwrap.dedent("""\
    def hottest_loop(n):
        total = 0
        for i in range(n):          # line 3: the hottest loop head
            total += i
        return total

    def warm_function(x):
        return x + 1

    def gen(n):
        for i in range(n):
            yield i

    print(hottest_loop(100_000))
    print(sum(warm_function(i) for i in range(2_000)))
    print(sum(gen(300)))
""")
EXPECTED_OUTPUT = "4999950000\n2001000\n44850\n"


@pytest.fixture
def program(tmp_path: Path) -> Path:
    path = tmp_path / "known_program.py"
    path.write_text(PROGRAM)
    return path


def run_counter(python: Path, *args: str | Path, env: dict[str, str] | None = None):
    result = run([python, "-X", "optimizer=counter", *args], env=env)
    assert result.returncode == 0, output(result)
    return result


def test_exit_report_puts_the_known_hot_loop_first(patched_python: Path, program: Path) -> None:
    result = run_counter(patched_python, program)
    assert result.stdout == EXPECTED_OUTPUT   # the report never mixes with stdout
    report = result.stderr.splitlines()
    assert report[0].startswith("counter: hottest 20 of "), report
    count, rest = report[1].split(None, 1)
    # 100_000 back edges; the executor is installed at the 16th and counts from there.
    assert int(count) == 100_000 - 16 + 1
    assert rest.split() == ["loop", "hottest_loop", f"({program}:3)"]
    kinds = {" ".join(line.split()[1:-2]) for line in report[1:]}
    assert {"loop", "function entry", "resume after yield"} <= kinds, report
    assert any(f"warm_function ({program}:7)" in line for line in report), report
    counts = [int(line.split()[0]) for line in report[1:]]
    assert counts == sorted(counts, reverse=True)


def test_report_on_demand_and_report_length(patched_python: Path, program: Path) -> None:
    code = textwrap.dedent(f"""
        import runpy
        from plugopt import counter
        runpy.run_path({str(program)!r}, run_name="__main__")
        lines = counter.report(top=2)
        print(len(lines), lines[0])
        print(counter.counts()[0][:2], counter.counts()[0][3:])
    """)
    result = run_counter(patched_python, "-c", code, env={"PLUGOPT_COUNTER_TOP": "3"})
    out = result.stdout.splitlines()
    assert out[:3] == EXPECTED_OUTPUT.splitlines()
    assert out[3].startswith("3 counter: hottest 2 of "), out
    assert out[4] == "(99985, 'hottest_loop') (3, 'loop')"
    assert len(result.stderr.splitlines()) == 1 + 3   # header + PLUGOPT_COUNTER_TOP rows


def test_report_can_be_silenced(patched_python: Path, program: Path) -> None:
    result = run_counter(patched_python, program, env={"PLUGOPT_COUNTER_TOP": "0"})
    assert result.stdout == EXPECTED_OUTPUT
    assert result.stderr == ""


def test_nothing_hot_prints_nothing(patched_python: Path) -> None:
    result = run_counter(patched_python, "-c", "print('cold')")
    assert (result.stdout, result.stderr) == ("cold\n", "")


@pytest.mark.parametrize("optimizer", ["counter", "stepper", "jit"])
def test_compiling_a_hot_loop_adds_no_gc_objects(patched_python: Path, tmp_path: Path,
                                                 optimizer: str) -> None:
    # CPython's test_descr (test_slots) counts gc.get_objects() around a
    # ten-iteration loop; with executors compiled at the first back edge, an
    # executor that is a GC object changed the count (found by the full
    # regrtest under counter). jit, which compiles this loop, imports its
    # translator at the first loop it may compile: imported first here, outside
    # the counted window (that import is an expected difference:
    # tests/test_expected_differences.py); its translator then remembers the
    # loop (a counter and a weak reference per code object: a few objects).
    code = textwrap.dedent("""
        import gc
        import plugopt._jit_codegen, plugopt._jit_cache, subprocess, tempfile  # noqa: F401
        class G:
            def __eq__(self, other):
                return False
        def check():
            g = G()
            before = len(gc.get_objects())
            for i in range(10):
                g == g
            return len(gc.get_objects()) - before
        print(check(), check())
    """)
    result = run([patched_python, "-X", f"optimizer={optimizer}", "-c", code],
                 env={"PYTHONOPTIMIZERTHRESHOLD": "1", "PLUGOPT_JIT_CACHE": str(tmp_path)})
    assert result.returncode == 0, output(result)
    first, second = map(int, result.stdout.split())
    assert second == 0, output(result)
    assert (first < 20) if optimizer == "jit" else (first == 0), output(result)
