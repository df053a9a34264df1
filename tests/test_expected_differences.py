"""The list of expected differences (scripts/validate/expected_differences.py): every entry's
reason still holds, shown here on the patched interpreter with the test-only optimizer
(tests/testopt), so the list cannot outlive its reasons unnoticed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from scripts.validate import expected_differences
from helpers import REPO_ROOT, output, run_python

PRELUDE = """
import dis, _optimizer, testopt
def adaptive_names(f):
    return [i.opname for i in dis.get_instructions(f, adaptive=True)]
def offset_of(f, opname, nth=0):
    return [i.offset // 2 for i in dis.get_instructions(f) if i.opname == opname][nth]
"""


@pytest.fixture(scope="module")
def program(patched_python: Path, build_dir: Path):
    def run(code: str) -> list[str]:
        result = run_python(patched_python, PRELUDE + textwrap.dedent(code),
                            env={"PYTHONPATH": str(build_dir / "tests" / "testopt")})
        assert result.returncode == 0, output(result)
        return result.stdout.split()
    return run


def test_every_entry_names_a_test_that_exists() -> None:
    assert expected_differences.EXPECTED
    for entry in expected_differences.EXPECTED:
        path, _, name = entry.holds.partition("::")
        assert (REPO_ROOT / path).is_file(), entry
        assert f"def {name}(" in (REPO_ROOT / path).read_text(), entry
        assert entry.test_id.startswith("test.test_"), entry


def test_executor_next_to_a_superinstruction_unfuses_it(program) -> None:
    before, after, value = program("""
        def f(a, b):
            x = a + b
            return x
        for _ in range(20):
            f(1, 2)
        before = "LOAD_FAST__LOAD_FAST" in adaptive_names(f)
        testopt.install(f.__code__, offset_of(f, "LOAD_FAST", 1))
        print(before, "LOAD_FAST__LOAD_FAST" in adaptive_names(f), f(1, 2))
    """)
    assert (before, after, value) == ("True", "False", "3")


def test_installing_an_executor_allocates_traced_memory(program) -> None:
    grown, = program("""
        import tracemalloc
        def loop():
            total = 0
            for i in range(100):
                total += i
            return total
        loop()
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        testopt.install(loop.__code__, offset_of(loop, "FOR_ITER"))
        print(tracemalloc.get_traced_memory()[0] - start)
    """)
    assert int(grown) > 0


def test_first_loop_jit_may_compile_imports_its_translator(patched_python: Path,
                                                          tmp_path: Path) -> None:
    # test_descr's test_slots: the objects gc tracks, counted around ten
    # iterations of `g == g` at threshold 1, grow by the translator's modules.
    code = textwrap.dedent("""
        import gc, sys
        class G:
            def __eq__(self, other):
                return False
        def check():
            g = G()
            before = len(gc.get_objects())
            for i in range(10):
                g == g
            return len(gc.get_objects()) - before
        grown = check()
        print(grown > 0, "plugopt._jit_codegen" in sys.modules, check())
    """)
    result = run_python(patched_python, code,
                        env={"PYTHONOPTIMIZER": "jit", "PYTHONOPTIMIZERTHRESHOLD": "1",
                             "PLUGOPT_JIT_CACHE": str(tmp_path)})
    assert result.returncode == 0, output(result)
    # Once imported, a loop compiled adds none (tests/test_counter.py).
    assert result.stdout.split() == ["True", "True", "0"], output(result)
