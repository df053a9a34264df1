"""The stepper sample optimizer (optimizers/stepper): executors that run real bytecode.

Every program runs three ways: in the baseline interpreter (no optimizer), in
the patched interpreter with plugopt.stepper imported (executors installed
after one execution of each hotspot), and the same in fuzz mode over several
seeds. The output must be the same, and stepper's own counters must show that
it did run instructions, so a stepper that never runs cannot pass.
"""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

import pytest

from helpers import output, run

STATS_MARKER = "STEPPER-STATS "

# Loads stepper (registering it), runs the program as __main__, then reports
# stepper's counters (from just before the program) on stderr, out of the way
# of the program's output.
RUNNER = (
    "import json, runpy, sys\n"
    "import plugopt.stepper as stepper\n"
    "stepper.reset_stats()\n"
    "try:\n"
    "    runpy.run_path(sys.argv[1], run_name='__main__')\n"
    "finally:\n"
    f"    sys.stderr.write({STATS_MARKER!r} + json.dumps(stepper.stats()) + '\\n')\n"
)

BASE_ENV = {"PYTHONHASHSEED": "0"}
STEPPER_ENV = {**BASE_ENV, "PYTHONOPTIMIZERTHRESHOLD": "1"}
FUZZ_SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 42, 1234567, -1]

PROGRAMS = {
    "int_float_arithmetic": """
        def ints(n):
            total = 0
            i = 0
            while i < n:
                total = total + i * 3 - (i // 7) + (i % 5)
                if total > 1000003:
                    total = total - 999983
                i += 1
            return total

        def floats(n):
            x = 0.5
            acc = 0.0
            for i in range(n):
                x = x * 1.0001 + 0.25
                if x > 100.0:
                    x = x / 3.0
                acc += x - i * 0.5
            return acc

        def mixed(n):
            a = 1
            b = 2.5
            big = 10 ** 30
            for k in range(n):
                a = (a * 31 + k) % 1000003
                b = b + a / 7 - k // 3
                big = big * 3 - big // 5 + k
                if a >= b and a != k or k <= 3:
                    a ^= k & 255 | 1
                flag = a > 500000 or b < 0.0
                if not flag:
                    b -= 1.5
            return a, round(b, 6), big % 1000000007

        print(ints(20000), repr(floats(5000)), mixed(3000))
    """,
    "control_flow": """
        def search(n):
            found = []
            for i in range(n):
                j = 0
                while j < 10:
                    if (i + j) % 7 == 0:
                        j += 3
                        continue
                    if j * i > 500:
                        break
                    j += 1
                else:
                    found.append(i)
                if i > 900:
                    break
            else:
                found.append(-1)
            return found

        def countdown(n):
            steps = 0
            while n:
                n -= 1
                steps += 1
                if n == 13:
                    continue
            else:
                steps += 1000
            return steps

        def nones(n):
            items = [None if i % 3 else i for i in range(n)]
            count = 0
            last = None
            for x in items:
                if x is None:
                    count += 1
                elif last is not None:
                    count += x - last
                last = x
            return count, last

        r = search(1000)
        print(len(r), r[:10], countdown(5000), nones(3000))
    """,
    "generators": """
        def squares(n):
            i = 0
            while i < n:
                got = yield i * i
                if got is not None:
                    i += got
                i += 1

        def chain(n):
            yield from squares(n)
            yield from (k * 2 for k in range(n))
            total = 0
            for v in squares(n):
                total += v
            yield total

        def drive():
            g = squares(10 ** 6)
            out = [next(g)]
            for k in range(300):
                out.append(g.send(k % 3 or None))
            g.close()
            return out

        print(sum(chain(500)), drive()[-5:], list(chain(5)))
    """,
    "exceptions": """
        def divide_all(n):
            log = []
            for i in range(n):
                try:
                    q = 100 // (i % 4)          # ZeroDivisionError every 4th time
                    r = 7.5 / (i % 3)
                    log.append(q + r)
                except ZeroDivisionError as e:
                    log.append(str(e))
            return log

        def with_finally(n):
            total = 0
            for i in range(n):
                try:
                    try:
                        if i % 7 == 0:
                            raise ValueError(i)
                        total += i
                    finally:
                        total -= 1
                except ValueError as e:
                    total += 1000
                    continue
            return total

        def overflow(n):
            big = 10 ** 400
            caught = 0
            for i in range(n):
                try:
                    y = big + 0.5        # OverflowError raised in BINARY_OP
                    caught -= 1
                except OverflowError:
                    caught += 1
                try:
                    y = big / 3          # OverflowError in true division
                except OverflowError:
                    caught += 1
            return caught

        log = divide_all(400)
        print(len(log), log[:6], with_finally(2000), overflow(200))
    """,
    "recursion_closures_comprehensions": """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        def make_counter(step):
            count = 0
            def bump(times):
                nonlocal count
                for _ in range(times):
                    count += step
                return count
            return bump

        def comprehensions(n):
            squares = [i * i for i in range(n) if i % 3]
            table = {i: i / 2 for i in range(n)}
            odd = {i % 17 for i in range(n) if i & 1}
            gen_total = sum(x * 0.5 for x in squares)
            nested = [[a * b for b in range(a)] for a in range(20)]
            return len(squares), table[n - 1], sorted(odd), gen_total, sum(map(sum, nested))

        bumpers = [make_counter(k) for k in range(10)]
        print(fib(22), [b(100) for b in bumpers][-3:], comprehensions(2000))
    """,
    "unbound_local": """
        def late(n):
            total = 0
            for i in range(n):
                if i > 300:
                    total += x          # x is unbound: UnboundLocalError
                total += i
            x = 1
            return total

        def deleted(n):
            v = 0
            for i in range(n):
                v = i
                if i == 250:
                    del v
                    try:
                        v += 1
                    except UnboundLocalError as e:
                        print("caught", type(e).__name__)
                        v = -1
            return v

        for attempt in range(3):
            try:
                late(1000)
            except UnboundLocalError as e:
                print(type(e).__name__, e)
        print(deleted(500))
    """,
    "global_rebinding": """
        import types
        counter = 0
        state = types.SimpleNamespace(total=0)

        def bump(n):
            global counter
            for i in range(n):
                counter = counter + i      # rebinds a global of this module
                if i % 7 == 0:
                    state.total += i
            return counter

        side = types.ModuleType("side")
        side.value = 0
        def rebind_elsewhere(n):
            for i in range(n):
                side.value = side.value + 1    # another module's global
            return side.value

        class Rebinder:
            def __del__(self):
                global counter
                counter = counter + 1
        def churn(n):
            keep = None
            for i in range(n):
                fresh = Rebinder()
                keep = fresh           # stepper's STORE_FAST frees the last one
                fresh = i
            return counter

        print(bump(400), bump(300), rebind_elsewhere(500), state.total, churn(300))
    """,
    "extended_arg": """
        names = [f"v{i}" for i in range(300)]
        src = "def f(n):\\n" + "".join(f"    {m} = {i}\\n" for i, m in enumerate(names))
        src += "    total = 0\\n    for i in range(n):\\n        total += v299 - v0 + i\\n"
        src += "        v299 = v299 + 1\\n    return total\\n"
        body = "".join(f"        x{i} = i + {i}\\n" for i in range(150))
        src += "def g(n):\\n    s = 0\\n    for i in range(n):\\n" + body
        src += "        s += x149\\n    return s\\n"
        ns = {}
        exec(src, ns)
        print(ns["f"](500), ns["g"](300))
    """,
    "tracing_started_in_del": """
        import sys

        events = []

        def tracer(frame, event, arg):
            if frame.f_code.co_name == "work":
                events.append((event, frame.f_lineno - work.__code__.co_firstlineno))
            return tracer

        class StartTracing:
            def __del__(self):
                # Runs inside the STORE_FAST that drops the last reference.
                sys._getframe(1).f_trace = tracer
                sys.settrace(tracer)

        def work(n):
            total = 0
            obj = None
            for i in range(n):
                if i == 150:
                    obj = StartTracing()
                total = total + i * 2
                if i == 152:
                    obj = None
                total = total - i
            return total

        print(work(160))
        sys.settrace(None)
        print(len(events), events[:12], events[-3:])
    """,
    "threads": """
        import threading

        def spin(n, out, index):
            x = 0
            i = 0
            while i < n:
                x = (x + i * 7) % 1000003
                i += 1
            out[index] = x

        out = [None] * 4
        threads = [threading.Thread(target=spin, args=(200000 + k, out, k)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(out)
    """,
}


def stats_of(stderr: str) -> dict:
    lines = [line for line in stderr.splitlines() if line.startswith(STATS_MARKER)]
    assert lines, f"no stepper statistics in stderr:\n{stderr}"
    return json.loads(lines[-1][len(STATS_MARKER):])


@pytest.fixture(scope="module")
def program_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("stepper_programs")
    files = {}
    for name, source in PROGRAMS.items():
        files[name] = folder / f"{name}.py"
        files[name].write_text(textwrap.dedent(source))
    return files


@pytest.fixture(scope="module")
def expected(baseline_python: Path, program_files: dict[str, Path]) -> dict[str, str]:
    """Each program's output without any optimizer."""
    results = {}
    for name, path in program_files.items():
        result = run([baseline_python, path], env=BASE_ENV)
        assert result.returncode == 0, output(result)
        results[name] = result.stdout
    return results


def run_with_stepper(python: Path, path: Path, env: dict[str, str]):
    result = run([python, "-c", RUNNER, path], env=env, timeout=60)
    assert result.returncode == 0, output(result)
    return result.stdout, stats_of(result.stderr)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_output_as_without_optimizer(patched_python: Path, program_files: dict[str, Path],
                                          expected: dict[str, str], name: str) -> None:
    stdout, stats = run_with_stepper(patched_python, program_files[name], STEPPER_ENV)
    assert stdout == expected[name]
    assert stats["entries"] > 0 and stats["instructions"] > 0, stats
    # Without fuzz mode stepper never installs executors itself.
    assert stats["extra_installed"] == 0 and stats["stops"]["fuzz_budget"] == 0, stats


def test_programs_run_mostly_in_stepper(patched_python: Path, program_files: dict[str, Path],
                                        expected: dict[str, str]) -> None:
    stdout, stats = run_with_stepper(patched_python, program_files["int_float_arithmetic"],
                                     STEPPER_ENV)
    assert stdout == expected["int_float_arithmetic"]
    # The loops are all in the subset: many instructions per entry.
    assert stats["instructions"] > 200_000, stats
    assert stats["instructions"] > 5 * stats["entries"], stats


def test_stop_reasons(patched_python: Path, program_files: dict[str, Path],
                      expected: dict[str, str]) -> None:
    """Stepper stops before instructions that raise, at EXTENDED_ARG, and once
    its executor is removed (here: tracing started by a __del__ that stepper's
    own STORE_FAST ran; the rest of the frame must be traced)."""
    stdout, stats = run_with_stepper(patched_python, program_files["exceptions"], STEPPER_ENV)
    assert stdout == expected["exceptions"]
    assert stats["stops"]["zero_division"] > 0, stats
    assert stats["stops"]["error"] > 0, stats     # the OverflowErrors: execute returned NULL
    stdout, stats = run_with_stepper(patched_python, program_files["unbound_local"], STEPPER_ENV)
    assert stdout == expected["unbound_local"]
    assert stats["stops"]["unbound_local"] > 0, stats
    stdout, stats = run_with_stepper(patched_python, program_files["extended_arg"], STEPPER_ENV)
    assert stdout == expected["extended_arg"]
    assert stats["stops"]["extended_arg"] > 0, stats
    stdout, stats = run_with_stepper(patched_python, program_files["tracing_started_in_del"],
                                     STEPPER_ENV)
    assert stdout == expected["tracing_started_in_del"]
    assert stats["stops"]["invalidated"] > 0, stats


def test_default_threshold(patched_python: Path, program_files: dict[str, Path],
                           expected: dict[str, str]) -> None:
    """Without PYTHONOPTIMIZERTHRESHOLD the cost model decides; stepper still runs."""
    stdout, stats = run_with_stepper(patched_python, program_files["control_flow"], BASE_ENV)
    assert stdout == expected["control_flow"]
    assert stats["instructions"] > 0, stats


@pytest.mark.parametrize("seed", FUZZ_SEEDS)
def test_fuzz_mode_gives_the_same_output(patched_python: Path, program_files: dict[str, Path],
                                         expected: dict[str, str], seed: int) -> None:
    env = {**STEPPER_ENV, "PLUGOPT_STEPPER_SEED": str(seed)}
    totals: dict[str, int] = {}
    for name in sorted(PROGRAMS):
        stdout, stats = run_with_stepper(patched_python, program_files[name], env)
        assert stdout == expected[name], f"program {name}, seed {seed}"
        assert stats["instructions"] > 0, (name, stats)
        for key in ("zero_returns", "extra_installed", "entries"):
            totals[key] = totals.get(key, 0) + stats[key]
        totals["fuzz_budget"] = totals.get("fuzz_budget", 0) + stats["stops"]["fuzz_budget"]
    assert all(totals[key] > 0 for key in totals), totals


def test_fuzz_mode_removes_executors_while_they_run(patched_python: Path,
                                                    program_files: dict[str, Path],
                                                    expected: dict[str, str]) -> None:
    # In fuzz mode every executor depends on its module's globals: the program
    # rebinds them from a destructor that a STORE_FAST inside stepper runs, so the
    # VM removes executors in the middle of their run (stop reason "invalidated").
    invalidated = 0
    for seed in FUZZ_SEEDS:
        env = {**STEPPER_ENV, "PLUGOPT_STEPPER_SEED": str(seed)}
        stdout, stats = run_with_stepper(patched_python, program_files["global_rebinding"], env)
        assert stdout == expected["global_rebinding"], f"seed {seed}"
        invalidated += stats["stops"]["invalidated"]
    assert invalidated > 0


def test_fuzz_mode_is_deterministic_per_seed(patched_python: Path,
                                             program_files: dict[str, Path]) -> None:
    # Without the dependencies on namespaces, whose invalidations go through Bloom
    # filters of addresses (they differ from run to run).
    env = {**STEPPER_ENV, "PLUGOPT_STEPPER_SEED": "7", "PLUGOPT_STEPPER_DEPEND": "0"}
    first = run_with_stepper(patched_python, program_files["int_float_arithmetic"], env)
    second = run_with_stepper(patched_python, program_files["int_float_arithmetic"], env)
    assert first == second


def test_signal_interrupts_a_loop_running_in_stepper(patched_python: Path) -> None:
    """A `while True:` loop of int arithmetic runs entirely inside one stepper
    executor; only its eval breaker check at the back edge lets the handler run."""
    program = textwrap.dedent("""
        import signal
        import plugopt.stepper as stepper

        class Alarm(Exception):
            pass

        def handler(signum, frame):
            raise Alarm

        def spin():
            x = 0
            while True:
                x = x + 1

        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        try:
            spin()
        except Alarm:
            s = stepper.stats()
            print("interrupted", s["instructions"] > 10_000, s["stops"]["eval_breaker"] >= 1)
    """)
    result = run([patched_python, "-c", program], env=STEPPER_ENV, timeout=20)
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["interrupted", "True", "True"]


def test_registration_and_stats(patched_python: Path) -> None:
    program = textwrap.dedent("""
        import _optimizer
        import plugopt.stepper as stepper
        d = _optimizer.describe(stepper.optimizer)
        print(stepper.optimizer in _optimizer.get_optimizers(), d["run_cost"] >= 1.0,
              stepper.fuzz_seed)
        s = stepper.stats()
        print(sorted(s))
        print(sorted(s["stops"]))
        stepper.reset_stats()
        print(stepper.stats()["instructions"])
    """)
    result = run([patched_python, "-c", program], env=BASE_ENV)
    assert result.returncode == 0, output(result)
    lines = result.stdout.splitlines()
    assert lines[0] == "True True None"
    assert ast.literal_eval(lines[1]) == sorted([
        "compiled", "declined", "extra_installed", "entries", "instructions", "zero_returns",
        "stops"])
    assert ast.literal_eval(lines[2]) == sorted([
        "unsupported", "operand_types", "unbound_local", "zero_division", "extended_arg",
        "eval_breaker", "fuzz_budget", "invalidated", "error"])
    assert lines[3] == "0"


def test_bad_seed_fails_the_import(patched_python: Path) -> None:
    result = run([patched_python, "-c", "import plugopt.stepper"],
                 env={"PLUGOPT_STEPPER_SEED": "not-a-number"})
    assert result.returncode != 0
    assert "PLUGOPT_STEPPER_SEED must be an integer" in result.stderr
