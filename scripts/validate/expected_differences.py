"""Regression tests that fail under an optimizer for a known reason that is a real
effect of executors, not a bug: the validation reports them apart and does not count
them as new failures.

Each entry names the optimizer it is expected under, the regrtest test id, the reason,
and the plugopt test that shows the reason still holds (tests/test_expected_differences.py
checks that every entry has one that exists). An entry matches only that test id: any
other failure in the same test file still counts. Keep the list short: a failure that
can be fixed without hiding a real effect is fixed instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Expected:
    optimizer: str        # the optimizer module under which the test may fail
    test_id: str          # as regrtest's --junit-xml names it
    reason: str
    holds: str            # the test in tests/ that shows the reason still holds


SUPERINSTRUCTIONS = ("an executor installed next to a superinstruction (LOAD_FAST__LOAD_FAST "
                     "and the like read their successor's oparg) unfuses it, so "
                     "dis(adaptive=True) shows the unfused pair")
TRACEMALLOC = ("installing an executor allocates its object and the code's executor "
               "array, which tracemalloc counts when that happens inside the measured "
               "window (a few KB)")
TRANSLATOR_IMPORT = ("jit imports its translator (and dis, re, collections, ...) at the "
                     "first loop it may compile, not at start-up, so that a program with "
                     "nothing to compile does not pay for it, and the translator remembers "
                     "each loop it translated (a counter and a weak reference per code "
                     "object): at threshold 1 the measured ten-iteration loop is one, and "
                     "gc.get_objects() counts those objects")
HOLDS_TRANSLATOR = ("tests/test_expected_differences.py::"
                    "test_first_loop_jit_may_compile_imports_its_translator")
HOLDS_SUPER = "tests/test_expected_differences.py::test_executor_next_to_a_superinstruction_unfuses_it"
HOLDS_TRACEMALLOC = "tests/test_expected_differences.py::test_installing_an_executor_allocates_traced_memory"

# Measured: the whole regrtest under stepper in fuzz mode at threshold 1 with the
# checker (docs/validation.md, "Expected differences").
EXPECTED = [
    Expected("stepper", "test.test_dis.DisTests.test_super_instructions",
             SUPERINSTRUCTIONS, HOLDS_SUPER),
    Expected("stepper", "test.test_dis.DisWithFileTests.test_super_instructions",
             SUPERINSTRUCTIONS, HOLDS_SUPER),
    Expected("stepper", "test.test_tracemalloc.TestTracemallocEnabled.test_get_traced_memory",
             TRACEMALLOC, HOLDS_TRACEMALLOC),
    Expected("stepper", "test.test_tracemalloc.TestTracemallocEnabled.test_reset_peak",
             TRACEMALLOC, HOLDS_TRACEMALLOC),
    # Found by regrtest under jit at threshold 1 (stop 36), once jit compiled loops
    # of generic comparisons (`g == g`).
    Expected("jit", "test.test_descr.ClassPropertiesAndMethods.test_slots",
             TRANSLATOR_IMPORT, HOLDS_TRANSLATOR),
]


def expected_for(optimizer: str | None) -> dict[str, Expected]:
    """{test id: entry} of the failures expected under `optimizer` (none without one)."""
    return {entry.test_id: entry for entry in EXPECTED if entry.optimizer == optimizer}


def split_expected(failed_ids: Sequence[str], optimizer: str | None
                   ) -> tuple[list[str], list[Expected]]:
    """The failing test ids off the list, and the entries that matched."""
    expected = expected_for(optimizer)
    off = sorted(test for test in failed_ids if test not in expected)
    matched = [expected[test] for test in sorted(failed_ids) if test in expected]
    return off, matched
