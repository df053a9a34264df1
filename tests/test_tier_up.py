"""Tier-up: a hotspot that holds an executor keeps being counted, and an optimizer
that runs it cheaper replaces the executor (docs/api.md, "Several optimizers").

Every program runs with the invariant checker on.
"""

from __future__ import annotations

import textwrap

import pytest

CHECKED = {"PYTHONOPTIMIZERCHECK": "1"}

LOOP = """
def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total
"""


def test_a_cheaper_optimizer_replaces_the_executor(api) -> None:
    # profiler: threshold 16 (run cost above 1); fast: 100 / (1 - 0.5) = 200.
    # The profiler takes the loop at 16; counted on, the loop reaches the fast
    # optimizer's threshold 200 executions later, and its executor replaces
    # the profiler's. Nobody beats the fast one: it stays.
    result = api(LOOP + textwrap.dedent("""
        profiler = testopt.Optimizer(BACK, optimization_cost=1.0, run_cost=1.5)
        fast = testopt.Optimizer(BACK, optimization_cost=100.0, run_cost=0.5)
        profiler.register(); fast.register()
        print(loop(300), loop(20000))
        (offset, executor), = _optimizer.get_executors(loop.__code__).items()
        s = _optimizer.get_stats()
        print(len(profiler.compiled), len(fast.compiled), s["installed"], s["tier_ups"])
        print(s["invalidated"], executor.valid, offset == offset_of(loop, "FOR_ITER"))
    """), extra_env=CHECKED)
    assert result.stdout.splitlines() == [
        f"{sum(range(300))} {sum(range(20000))}", "1 1 2 1", "0 True True"]


def test_a_declined_tier_up_keeps_the_executor_and_backs_off(api) -> None:
    # The fast optimizer declines: asked at 200, 400 and 800 more executions
    # (backoff 0 to 2), then the back edge goes cold (three rounds declined, the
    # last one at least 256 long) and the profiler's executor keeps the loop.
    result = api(LOOP + textwrap.dedent("""
        profiler = testopt.Optimizer(BACK, optimization_cost=1.0, run_cost=1.5)
        fast = testopt.Optimizer(BACK, optimization_cost=100.0, run_cost=0.5,
                                 mode="decline")
        profiler.register(); fast.register()
        print(loop(20000))
        (offset, executor), = _optimizer.get_executors(loop.__code__).items()
        s = _optimizer.get_stats()
        print(len(profiler.compiled), len(fast.compiled), s["installed"], s["tier_ups"])
        # Entered at every FOR_ITER from the 16th back edge on (N = 0).
        print(executor.valid, executor.count)
    """), extra_env=CHECKED)
    assert result.stdout.splitlines() == [
        str(sum(range(20000))), "1 3 1 0", f"True {20000 - 16 + 1}"]


def test_only_cheaper_optimizers_are_asked_again(api) -> None:
    # Once the cheapest optimizer holds the loop, the others are never asked
    # again; and an optimizer that runs no cheaper never replaces anything.
    result = api(LOOP + textwrap.dedent("""
        fast = testopt.Optimizer(BACK, optimization_cost=1.0, run_cost=0.5)     # 2
        slower = testopt.Optimizer(BACK, optimization_cost=50.0, run_cost=0.9)  # 500
        fast.register(); slower.register()
        loop(20000)
        s = _optimizer.get_stats()
        print(len(fast.compiled), len(slower.compiled), s["installed"], s["tier_ups"])
    """), extra_env=CHECKED)
    assert result.stdout.split() == ["1", "0", "1", "0"]


def test_an_executor_installed_directly_is_never_displaced(api) -> None:
    result = api(LOOP + textwrap.dedent("""
        head = offset_of(loop, "FOR_ITER")
        mine = testopt.install(loop.__code__, head)
        fast = testopt.Optimizer(BACK, optimization_cost=1.0, run_cost=0.0)
        fast.register()
        print(loop(5000))
        print(fast.compiled, _optimizer.get_executors(loop.__code__)[head] is mine)
    """), extra_env=CHECKED)
    assert result.stdout.splitlines() == [str(sum(range(5000))), "[] True"]


@pytest.mark.parametrize("hotspot", ["ENTRY", "YIELD"])
def test_tier_up_at_function_entry_and_resume(api, hotspot: str) -> None:
    # Entry and resume hotspots are counted on too: the profiler's executor
    # returns N = 0, so the interpreter runs the RESUME it stands on, and counts it.
    result = api(f"""
        def gen(n):
            for i in range(n):
                yield i
        def f(x):
            return x + 1
        profiler = testopt.Optimizer({hotspot}, optimization_cost=1.0, run_cost=1.5)
        fast = testopt.Optimizer({hotspot}, optimization_cost=100.0, run_cost=0.5)
        profiler.register(); fast.register()
        for _ in range(400):
            f(1)
        print(sum(gen(400)))
        s = _optimizer.get_stats()
        print(len(profiler.compiled), len(fast.compiled), s["tier_ups"])
    """, extra_env=CHECKED)
    assert result.stdout.splitlines() == [str(sum(range(400))), "1 1 1"]
