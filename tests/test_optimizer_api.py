"""The optimizer API in the patched interpreter, driven by the test-only optimizer.

Every test runs a short program in build/install/bin/python3 (a crash fails
one test, not the run) through the `api` fixture (conftest.py).
tests/testopt/testopt.c is the optimizer; its module is built by meson into
BUILD/tests/testopt.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import output, run


def test_no_optimizer_means_no_executors_and_no_hotspots(api) -> None:
    result = api("""
        def f(n):
            return sum(i for i in range(n))
        for _ in range(1000): f(10)
        s = _optimizer.get_stats()
        print(s["hotspots_back_edge"], s["installed"], s["entries"], _optimizer.get_optimizers())
    """)
    assert result.stdout.split() == ["0", "0", "0", "[]"]


def test_back_edge_counter_counts_iterations_minus_threshold(api) -> None:
    # Threshold from the cost model: cost 1 / max(1 - 1.0, 1/16) = 16.
    # The 16th back edge compiles and the VM enters the executor at once.
    result = api("""
        opt = testopt.Optimizer(BACK, optimization_cost=1.0, run_cost=1.0)
        opt.register()
        print(_optimizer.describe(opt)["threshold"])
        def loop():
            total = 0
            for i in range(1000):
                total += i
            return total
        print(loop())
        (offset, executor), = _optimizer.get_executors(loop.__code__).items()
        print(executor.count, offset == offset_of(loop, "FOR_ITER"))
    """)
    assert result.stdout.split() == ["16", "499500", "985", "True"]


@pytest.mark.parametrize("capability, expected_kinds", [
    ("ENTRY", {"entry"}), ("YIELD", {"resume"}), ("BACK", {"loop"}),
    ("ENTRY | YIELD | BACK", {"entry", "resume", "loop"}),
])
def test_hotspot_kinds_follow_capabilities(api, capability: str,
                                           expected_kinds: set[str]) -> None:
    result = api(f"""
        opt = testopt.Optimizer({capability}, optimization_cost=0.5, run_cost=0.0)
        opt.register()
        def gen(n):
            for i in range(n):
                yield i
        def work():
            return sum(gen(40))
        for _ in range(40): work()
        kinds = set()
        for code in (gen.__code__, work.__code__):
            for offset in _optimizer.get_executors(code):
                op, arg = _optimizer.get_instruction(code, offset)
                name = dis._all_opname[op]
                if name.startswith("RESUME"):
                    kinds.add("entry" if arg == 0 else "resume")
                else:
                    kinds.add("loop")
        print(sorted(kinds))
    """)
    assert result.stdout.strip() == str(sorted(expected_kinds))


PROGRAMS = {
    "loops": """
        def f(n):
            out = []
            for i in range(n):
                j = 0
                while j < 3:
                    if (i + j) % 5 == 0:
                        j += 2
                        continue
                    j += 1
                if i == 77:
                    break
                out.append(i * j)
            return out
        print(sum(f(200)), [len(f(k)) for k in range(0, 100, 7)])
    """,
    "generators": """
        def sub(k):
            for j in range(k):
                received = yield -j
        def gen(n):
            for i in range(n):
                got = yield i
                if got:
                    yield from sub(got)
        def drive():
            g = gen(30)
            out = [next(g)]
            for i in range(25):
                out.append(g.send(i % 3))
            try:
                g.throw(KeyError("x"))
            except KeyError as e:
                out.append(repr(e))
            return out
        print([drive() for _ in range(20)][-1])
    """,
    "coroutines": """
        import asyncio
        async def leaf(i):
            await asyncio.sleep(0)
            return i * 2
        async def main():
            total = 0
            for i in range(200):
                total += await leaf(i)
            agen_out = [x async for x in agen(50)]
            return total, sum(agen_out)
        async def agen(n):
            for i in range(n):
                await asyncio.sleep(0)
                yield i
        print(asyncio.run(main()))
    """,
    "exceptions": """
        def f(n):
            log = []
            for i in range(n):
                try:
                    try:
                        if i % 7 == 0:
                            raise ValueError(i)
                        log.append(i)
                    finally:
                        log.append(-1)
                except ValueError as e:
                    log.append(str(e))
                    continue
            return log
        print(len(f(500)), f(30)[-5:])
    """,
    "recursion_closures_comprehensions": """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        def make(k):
            return lambda x: x + k
        adders = [make(k) for k in range(50)]
        print(fib(20), sum(a(1) for a in adders), {i: i * i for i in range(30) if i % 3}[28])
    """,
}


# The invariant checker verifies every executor return (tests/test_checker.py
# shows it catches broken ones); a violation would abort the program.
CHECKED = {"PYTHONOPTIMIZERCHECK": "1"}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@pytest.mark.parametrize("setup", ["", "count", "step"])
def test_programs_give_the_same_output_with_executors(api, name: str, setup: str) -> None:
    plain = api(PROGRAMS[name]).stdout
    prefix = {
        "": "",
        # N = 0 executors at every hotspot kind, installed after 1 execution.
        "count": "testopt.Optimizer(ENTRY | YIELD | BACK, 0.5, 0.0).register()\n",
        # N > 0 executors at every simple instruction of every function defined.
        "step": textwrap.dedent("""
            installed = []
            def place(code):
                for ins in dis.get_instructions(code):
                    if ins.opname in ("LOAD_CONST", "LOAD_FAST", "STORE_FAST", "POP_TOP", "NOP"):
                        installed.append(testopt.install(code, ins.offset // 2, advance=3))
                for const in code.co_consts:
                    if hasattr(const, "co_code"):
                        place(const)
        """),
    }[setup]
    if setup == "step":
        program = prefix + "src = " + repr(textwrap.dedent(PROGRAMS[name])) + "\n" + textwrap.dedent("""
            code = compile(src, "<program>", "exec")
            place(code)
            exec(code, {"__name__": "__main__"})
            s = _optimizer.get_stats()
            assert s["entries"] > s["zero_progress"] >= 0, s
        """)
        assert api(program, extra_env=CHECKED).stdout == plain
    else:
        assert api(prefix + textwrap.dedent(PROGRAMS[name]), extra_env=CHECKED).stdout == plain


def test_executor_on_a_specialized_instruction_with_caches(api) -> None:
    result = api("""
        class P:
            def __init__(self): self.x = 3
        def get(p):
            return p.x
        p = P()
        for _ in range(100): get(p)                 # specialize LOAD_ATTR
        off = offset_of(get, "LOAD_ATTR")
        before = dis._all_opname[_optimizer.get_instruction(get.__code__, off)[0]]
        e = testopt.install(get.__code__, off)
        print(before, [get(p) for _ in range(50)][-1], e.count)
        class Q:
            x = "other type"
        print(get(Q()), get(p))
        try:
            testopt.install(get.__code__, off + 1)
        except ValueError as exc:
            print("cache:", "not an instruction boundary" in str(exc))
        try:
            testopt.install(get.__code__, 10_000)
        except ValueError as exc:
            print("range:", "out of range" in str(exc))
    """)
    lines = result.stdout.splitlines()
    assert lines[0] == "LOAD_ATTR_INSTANCE_VALUE 3 50"
    assert lines[1:] == ["other type 3", "cache: True", "range: True"]


def test_specializer_updates_the_instruction_an_executor_shadows(api) -> None:
    # The executor (N = 0) stands on LOAD_ATTR before it has specialized.
    # The specializer must write into the executor's shadowed instruction
    # (never over ENTER_EXECUTOR), re-specialize it when the type changes,
    # and the VM must not enter the executor twice for one execution.
    result = api("""
        class P:
            def __init__(self): self.x = 3
        class S:
            __slots__ = ("x",)
            def __init__(self): self.x = 4
        def get(p):
            return p.x
        code = get.__code__
        off = offset_of(get, "LOAD_ATTR")
        name = lambda: dis._all_opname[_optimizer.get_instruction(code, off)[0]]
        e = testopt.install(code, off)
        print(name(), get(P()), name(), e.count)
        total = sum(get(S()) for _ in range(300))
        print(total, name(), e.count, e.valid)
        print(code.co_code == code.replace().co_code, 230 not in code._co_code_adaptive[::2])
        _optimizer.clear_executors(code)
        print(name(), dis._all_opname[code._co_code_adaptive[2 * off]], get(P()))
    """)
    assert result.stdout.splitlines() == [
        "LOAD_ATTR_ADAPTIVE 3 LOAD_ATTR_INSTANCE_VALUE 1",
        "1200 LOAD_ATTR_SLOT 301 True",
        "True True",
        "LOAD_ATTR_SLOT LOAD_ATTR_SLOT 3",
    ]


def test_lookups_at_an_inline_cache_that_looks_like_enter_executor(api) -> None:
    # LOAD_GLOBAL_MODULE caches the global's index in its keys: index 230 makes
    # a cache unit whose low byte is ENTER_EXECUTOR's opcode. Lookups at every
    # offset must neither crash nor see an executor there.
    result = api("""
        ns = {f"g{i}": i for i in range(300)}
        exec("def f():\\n    return g230 + g1\\n", ns)
        f = ns["f"]
        for _ in range(50): f()
        code = f.__code__
        raw = code._co_code_adaptive
        lookalikes = [i // 2 for i in range(0, len(raw), 2) if raw[i] == 230]
        words = [_optimizer.get_instruction(code, i) for i in range(len(raw) // 2)]
        print(len(lookalikes) > 0, _optimizer.get_executors(code), f())
        e = testopt.install(code, offset_of(f, "RETURN_VALUE"))
        print(list(_optimizer.get_executors(code).values()) == [e], f(), e.count)
    """)
    assert result.stdout.splitlines() == ["True {} 231", "True 231 1"]


def test_executor_after_extended_arg(api) -> None:
    result = api("""
        names = [f"v{i}" for i in range(300)]
        src = "def f():\\n" + "".join(f"    {n} = {i}\\n" for i, n in enumerate(names))
        src += "    total = 0\\n    for _ in range(20):\\n        total += v299 + v0\\n    return total\\n"
        ns = {}
        exec(src, ns)
        f = ns["f"]
        ins = list(dis.get_instructions(f))
        k = next(i for i, x in enumerate(ins) if x.opname == "EXTENDED_ARG")
        target = ins[k + 1]
        e = testopt.install(f.__code__, target.offset // 2, advance=1)
        results = [f() for _ in range(5)]
        print(results[0], len(set(results)), e.count)
    """)
    total, distinct, count = result.stdout.split()
    assert (total, distinct) == (str(20 * 299), "1")
    assert int(count) >= 5


def test_loop_whose_jump_needs_extended_arg(api) -> None:
    result = api("""
        body = "".join(f"        x{i} = i + {i}\\n" for i in range(150))
        src = "def f(n):\\n    s = 0\\n    for i in range(n):\\n" + body + "        s += x149\\n    return s\\n"
        ns = {}; exec(src, ns); f = ns["f"]
        assert any(i.opname == "EXTENDED_ARG" for i in dis.get_instructions(f))
        opt = testopt.Optimizer(BACK, 0.5, 0.0); opt.register()
        print(f(100), len(_optimizer.get_executors(f.__code__)))
    """)
    assert result.stdout.split() == [str(sum(i + 149 for i in range(100))), "1"]


def test_code_bytes_marshal_equality_and_hash_are_unchanged(api) -> None:
    result = api("""
        def f(a):
            s = 0
            for i in range(a):
                s += i
            return s
        f(50)
        code = f.__code__
        before = (code.co_code, marshal.dumps(code), hash(code), dis.Bytecode(f).dis())
        for ins in dis.get_instructions(f):
            if ins.opname in ("LOAD_FAST", "LOAD_CONST", "FOR_ITER", "RETURN_VALUE"):
                testopt.install(code, ins.offset // 2)
        assert len(_optimizer.get_executors(code)) >= 4
        after = (code.co_code, marshal.dumps(code), hash(code), dis.Bytecode(f).dis())
        print([b == a for b, a in zip(before, after)])
        print(code == code.replace(), hash(code) == hash(code.replace()), f(50))
        print(b"\\xe6" not in bytes(code._co_code_adaptive[::2]))
    """)
    assert result.stdout.splitlines() == ["[True, True, True, True]",
                                          "True True 1225", "True"]


def test_exception_from_executor_has_the_instructions_line(api) -> None:
    result = api("""
        import traceback
        def f():
            x = 1
            y = 2           # the executor raises here
            return x + y
        off = offset_of(f, "LOAD_CONST", 1)
        testopt.install(f.__code__, off, raise_exc=ZeroDivisionError)
        try:
            f()
        except ZeroDivisionError as e:
            tb = traceback.extract_tb(e.__traceback__)[-1]
            print(tb.lineno - f.__code__.co_firstlineno)
    """)
    assert result.stdout.strip() == "2"


def test_executor_call_gives_what_a_call_gives(api) -> None:
    """PyExecutor_Call (testopt.call) returns what calling the callable does,
    through its fast path (a function given exactly its parameters: plain,
    a closure, a generator function, a method's function with its instance)
    and through vectorcall (defaults, a builtin, a class, a bound method)."""
    result = api("""
        class Point:
            def __init__(self, x):
                self.x = x
            def plus(self, y):
                return self.x + y
        def add(a, b):
            return a + b
        def outer(k):
            def inner(v):
                return v * k
            return inner
        def count(n):
            yield from range(n)
        def with_default(a, b=10):
            return a + b
        p = Point(5)
        cases = [(add, (2, 3)), (outer(7), (6,)), (Point.plus, (p, 1)), (with_default, (1,)),
                 (with_default, (1, 2)), (len, ("abc",)), (Point, (4,)), (p.plus, (2,))]
        for f, args in cases:
            got = testopt.call(f, *args)
            want = f(*args)
            print(type(got).__name__, got == want if not isinstance(got, Point) else got.x == want.x)
        print(list(testopt.call(count, 3)))
    """)
    assert result.stdout.splitlines() == [
        "int True", "int True", "int True", "int True", "int True", "int True",
        "Point True", "int True", "[0, 1, 2]"]


def test_executor_call_raises_what_a_call_raises(api) -> None:
    """A wrong number of arguments is the call's TypeError, a callee's
    exception comes back with the callee in its traceback, and unbounded
    recursion through it is a RecursionError, not a crash."""
    result = api("""
        import traceback
        def add(a, b):
            return a + b
        def fails(a):
            return 1 / a
        def recurse(n):
            return testopt.call(recurse, n + 1)
        for args in [(1,), (1, 2, 3)]:
            try:
                testopt.call(add, *args)
            except TypeError as e:
                try:
                    add(*args)
                except TypeError as direct:
                    print(str(e) == str(direct))
        try:
            testopt.call(fails, 0)
        except ZeroDivisionError as e:
            print(traceback.extract_tb(e.__traceback__)[-1].name)
        try:
            recurse(0)
        except RecursionError:
            print("RecursionError")
    """)
    assert result.stdout.splitlines() == ["True", "True", "fails", "RecursionError"]


def test_executor_call_is_seen_by_tracing(api) -> None:
    """A function called through PyExecutor_Call's fast path runs in a frame
    of its own that sys.settrace sees (call, line, return), after its caller."""
    result = api("""
        import sys
        def add(a, b):
            return a + b
        events = []
        def tracer(frame, event, arg):
            if frame.f_code is add.__code__:
                events.append((event, frame.f_back.f_code.co_name))
            return tracer
        def caller():
            return testopt.call(add, 1, 2)
        sys.settrace(tracer)
        value = caller()
        sys.settrace(None)
        print(value, events)
    """)
    assert result.stdout.strip() == (
        "3 [('call', 'caller'), ('line', 'caller'), ('return', 'caller')]")


def test_compile_that_raises_goes_to_unraisablehook(api) -> None:
    result = api("""
        seen = []
        sys.unraisablehook = lambda u: seen.append(type(u.exc_value).__name__)
        opt = testopt.Optimizer(BACK, 0.5, 0.0, mode="raise"); opt.register()
        total = 0
        for i in range(100):
            total += i
        s = _optimizer.get_stats()
        print(total, seen[:1], s["failed"] >= 1, s["installed"])
    """)
    assert result.stdout.split() == ["4950", "['RuntimeError']", "True", "0"]


@pytest.mark.parametrize("raised", ["KeyboardInterrupt", "Timeout"])
def test_signal_during_a_compile_is_handled_in_the_program(api, raised: str) -> None:
    # A signal that arrives while an optimizer's compile runs (jit waiting for
    # its C compiler in Python code): its handler waits for the program's
    # code. Run inside the compile, what it raised (Ctrl-C's
    # KeyboardInterrupt, a program's own timeout exception) was the compile's
    # error: the executor was lost, and a plain Exception was reported
    # through sys.unraisablehook and lost too, while the program waited for
    # it. Now the compile finishes, its executor is installed, and the
    # handler raises in the loop, at the next check.
    result = api(f"""
        import signal
        class Timeout(Exception): pass
        def on_sigint(signum, frame):
            raise {raised}("the signal")
        signal.signal(signal.SIGINT, on_sigint)
        seen = []
        sys.unraisablehook = lambda u: seen.append(type(u.exc_value).__name__)
        opt = testopt.Optimizer(BACK, 0.5, 0.0, mode="signal_meanwhile"); opt.register()
        total = 0
        try:
            for i in range(100):
                total += i
        except {raised}:
            print("interrupted at", i < 99, len(opt.compiled))
        s = _optimizer.get_stats()
        print(seen, s["failed"], s["installed"])
    """)
    assert result.stdout.split() == ["interrupted", "at", "True", "1", "[]", "0", "1"]


def test_signal_during_an_executors_own_code_is_handled_in_the_program(api) -> None:
    # An executor that runs Python code of its own (jit polls its background
    # builds so) holds signal handlers around it: the signal raised there is
    # handled after the executor returns, in the program's loop; the
    # executor's code runs to its end.
    result = api("""
        import signal
        class Timeout(Exception): pass
        def on_alarm(signum, frame):
            raise Timeout
        signal.signal(signal.SIGALRM, on_alarm)
        seen, steps = [], []
        sys.unraisablehook = lambda u: seen.append(type(u.exc_value).__name__)
        def bookkeeping():
            steps.append("before")
            signal.raise_signal(signal.SIGALRM)
            for _ in range(1000):
                pass
            steps.append("after")
        def loop():
            n = 0
            while True:
                n += 1
        # At the loop's head, the load of n.
        e = testopt.install(loop.__code__, offset_of(loop, "LOAD_FAST"), own_code=bookkeeping)
        try:
            loop()
        except Timeout:
            print("timed out", steps, seen, e.count)
    """)
    assert result.stdout.split() == ["timed", "out", "['before',", "'after']", "[]", "1"]


def test_offer_made_after_profiling_began_is_dropped_quietly(api) -> None:
    # A compile may run Python code, and another thread may start tracing or
    # profiling meanwhile (pdb in CPython's test_pdb, while jit compiled a loop
    # of threading's): nothing can be installed then, and that is no error of
    # the optimizer's (it was reported as one through sys.unraisablehook).
    result = api("""
        seen = []
        sys.unraisablehook = lambda u: seen.append(repr(u.exc_value))
        opt = testopt.Optimizer(BACK, 0.5, 0.0, mode="profile_meanwhile"); opt.register()
        total = 0
        for i in range(100):
            total += i
        profiling = sys.getprofile() is opt
        sys.setprofile(None)
        s = _optimizer.get_stats()
        print(total, seen, profiling, len(opt.compiled), s["installed"], s["failed"])
    """)
    assert result.stdout.split() == ["4950", "[]", "True", "1", "0", "0"], result.stdout


def test_declining_optimizer_is_asked_with_exponential_backoff(api) -> None:
    result = api("""
        opt = testopt.Optimizer(BACK, 1.0, 1.0, mode="decline"); opt.register()
        def loop():
            for i in range(20000):
                pass
        loop()
        print(len(opt.compiled))
    """)
    # Asked after 16, 32, 64, 128 and 256 more iterations (backoff 0 to 4);
    # declined in three rounds in a row, the last one 256 long, the back edge
    # goes cold: 5 times, not 20000 / 16.
    asked = int(result.stdout)
    assert asked == 5


def test_declined_back_edges_go_cold_until_an_optimizer_registers(api) -> None:
    # Each of the five backward jumps that count hotspots: declined in three
    # rounds in a row (here five: the last must be 256 executions long at
    # least), it is rewritten into its cold form and
    # stops taking the eval breaker's slow path; registering another
    # optimizer writes the warm forms back, and that optimizer gets asked.
    result = api("""
        def for_loop(n):
            for i in range(n):
                n -= 1
            return n
        def if_true(n):
            while n:
                n -= 1
            return n
        def if_false(n):
            done = False
            while not done:
                n -= 1
                done = n <= 0
            return n
        def if_none(n):
            x = None
            while x is None:
                n -= 1
                x = None if n > 0 else n
            return n
        def if_not_none(n):
            x = [None]
            for i in range(n):
                x = [x]
            while x is not None:
                n -= 1
                x = x[0]
            return n
        LOOPS = [for_loop, if_true, if_false, if_none, if_not_none]
        def run_all():   # no loop of its own, which would count hotspots
            return [for_loop(2000), if_true(2000), if_false(2000), if_none(2000),
                    if_not_none(2000)]
        def jumps(f):
            return [i.opname for i in dis.get_instructions(f, adaptive=True)
                    if "JUMP_BACKWARD" in i.opname and "NO_INTERRUPT" not in i.opname]
        declining = testopt.Optimizer(BACK, 1.0, 1.0, mode="decline"); declining.register()
        print(run_all())
        print([jumps(f)[-1] for f in LOOPS])
        asked = len(declining.compiled)
        counted = _optimizer.get_stats()["hotspots_back_edge"]
        print(run_all())
        print(len(declining.compiled) - asked, _optimizer.get_stats()["hotspots_back_edge"] - counted)
        counting = testopt.Optimizer(BACK, 1.0, 1.0, mode="count"); counting.register()
        print([jumps(f)[-1] for f in LOOPS])
        print(run_all())
        print(sorted({c[0] for c in counting.compiled} & {f.__name__ for f in LOOPS}))
    """)
    lines = result.stdout.splitlines()
    results = "[0, 0, 0, 0, -1]"   # if_not_none: 2000 steps down a 2001-deep list
    assert lines[0] == results, result.stdout
    assert lines[1] == str(["JUMP_BACKWARD_COLD", "POP_JUMP_BACKWARD_IF_TRUE_COLD",
                            "POP_JUMP_BACKWARD_IF_FALSE_COLD", "POP_JUMP_BACKWARD_IF_NONE_COLD",
                            "POP_JUMP_BACKWARD_IF_NOT_NONE_COLD"]), result.stdout
    assert lines[2] == results, result.stdout
    # Cold: the second run neither asks the optimizer nor counts a hotspot.
    assert lines[3] == "0 0", result.stdout
    assert lines[4] == str(["JUMP_BACKWARD_QUICK", "POP_JUMP_BACKWARD_IF_TRUE",
                            "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_NONE",
                            "POP_JUMP_BACKWARD_IF_NOT_NONE"]), result.stdout
    assert lines[5] == results, result.stdout
    assert lines[6] == str(sorted(f for f in ["for_loop", "if_true", "if_false", "if_none",
                                              "if_not_none"])), result.stdout


def test_declined_functions_and_resumes_go_cold_until_an_optimizer_registers(api) -> None:
    # A function's entry and a generator's resume after yield, declined in
    # rounds of 16, 32, 64, 128 and 256 calls: their RESUME is rewritten into
    # RESUME_COLD, and calls stop taking the eval breaker's slow path to be
    # counted; registering another optimizer writes RESUME_QUICK back.
    result = api("""
        def leaf(n):
            return n + 1
        def gen(n):
            for i in range(n):
                yield i
        def resumes(f):
            return [i.opname for i in dis.get_instructions(f, adaptive=True)
                    if i.opname.startswith("RESUME")]
        def run_all():   # no loop of its own, which would count back edges
            total = sum(map(leaf, range(1000)))
            return total, sum(gen(1000))
        declining = testopt.Optimizer(ENTRY | YIELD, 1.0, 1.0, mode="decline")
        declining.register()
        print(run_all())
        print(resumes(leaf), resumes(gen))
        asked = len(declining.compiled)
        s = _optimizer.get_stats()
        counted = s["hotspots_function_entry"] + s["hotspots_resume_after_yield"]
        print(run_all())
        s = _optimizer.get_stats()
        print(len(declining.compiled) - asked,
              s["hotspots_function_entry"] + s["hotspots_resume_after_yield"] - counted)
        counting = testopt.Optimizer(ENTRY | YIELD, 1.0, 1.0, mode="count"); counting.register()
        print(resumes(leaf), resumes(gen))
        run_all()
        print(sorted({c[0] for c in counting.compiled} & {"leaf", "gen"}))
    """)
    lines = result.stdout.splitlines()
    results = "(500500, 499500)"
    assert lines[0] == results, result.stdout
    # gen's RESUMEs: its entry (called once per run, never hot) and the
    # resume after its yield, which went cold.
    assert lines[1] == "['RESUME_COLD'] ['RESUME_QUICK', 'RESUME_COLD']", result.stdout
    assert lines[2] == results, result.stdout
    # Cold: the second run neither asks the optimizer nor counts a hotspot
    # but the entries of run_all and gen, called once per run.
    assert lines[3] == "0 2", result.stdout
    assert lines[4] == "['RESUME_QUICK'] ['RESUME_QUICK', 'RESUME_QUICK']", result.stdout
    assert lines[5] == "['gen', 'leaf']", result.stdout


def test_optimizers_are_asked_in_order_of_benefit(api) -> None:
    result = api("""
        slow = testopt.Optimizer(BACK, 0.5, 0.9, mode="count")
        fast = testopt.Optimizer(BACK, 0.5, 0.2, mode="decline")
        slow.register(); fast.register()
        print([round(_optimizer.describe(o)["run_cost"], 2) for o in _optimizer.get_optimizers()])
        for i in range(60):
            pass
        at_module = lambda opt: [c for c in opt.compiled if c[0] == "<module>"]
        print(len(at_module(fast)), len(at_module(slow)))
    """)
    lines = result.stdout.splitlines()
    assert lines[0] == "[0.2, 0.9]"
    # Thresholds 1 (fast) and 5 (slow): fast is asked first and declines, slow
    # installs at 5. Counted on, the loop asks fast again (tier-up) after 1, 2, 4,
    # 8, 16 and 16 more back edges (backoff up to 16 times): 6 more times in the
    # 54 back edges left; slow, costlier than its own executor, never again.
    assert lines[1] == "7 1"


def test_selective_invalidation_with_overlapping_dependencies(api) -> None:
    result = api("""
        class A: pass
        a, b = A(), A()
        def f():
            x = 1; y = 2; z = 3
            return x + y + z
        offs = [i.offset // 2 for i in dis.get_instructions(f) if i.opname == "STORE_FAST"]
        e1, e2, e3 = [testopt.install(f.__code__, o) for o in offs]
        testopt.depends(e1, a); testopt.depends(e2, b); testopt.depends(e3, a); testopt.depends(e3, b)
        _optimizer.invalidate(a)
        print(e1.valid, e2.valid, e3.valid, f(), sorted(_optimizer.get_executors(f.__code__)) == [offs[1]])
        sys._clear_internal_caches()
        print(e2.valid, _optimizer.get_executors(f.__code__), _optimizer.get_stats()["alive"])
    """)
    assert result.stdout.splitlines() == ["False True False 6 True", "False {} 0"]


def test_executors_and_code_are_freed(api) -> None:
    result = api("""
        opt = testopt.Optimizer(ENTRY | BACK, 0.5, 0.0); opt.register()
        refs = []
        for k in range(3000):
            ns = {}
            exec("def f(n):\\n    t = 0\\n    for i in range(n):\\n        t += i\\n    return t", ns)
            ns["f"](5); ns["f"](5)
            refs.append(weakref.ref(ns["f"].__code__))
            if k == 0:
                e = next(iter(_optimizer.get_executors(ns["f"].__code__).values()))
                eref = weakref.ref(e); del e
            del ns
        gc.collect()
        # What stays alive is this module's own loop executor, not 6000.
        print(sum(r() is not None for r in refs), eref() is None,
              testopt.live_executors() <= 3 and _optimizer.get_stats()["alive"] <= 3,
              _optimizer.get_stats()["installed"] >= 6000)
    """)
    assert result.stdout.split() == ["0", "True", "True", "True"]


def test_memory_stays_flat_with_a_million_hot_functions(api) -> None:
    # Each function gets its own code object and two executors (entry and
    # loop); dropping the function must free all of it.
    result = api("""
        import types
        opt = testopt.Optimizer(ENTRY | BACK, 0.5, 0.0)
        opt.register()
        def rss():
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * 4096
        def template(n):
            t = 0
            for j in range(n):
                t += j
            return t
        N = 1_000_000
        for i in range(N):
            code = template.__code__.replace(co_name=f"f{i}")
            assert types.FunctionType(code, globals())(3) == 3
            if i % 10_000 == 0:
                opt.compiled.clear()   # testopt's own log of compile calls
            if i == N // 10:
                start = rss()
        s = _optimizer.get_stats()
        print(s["installed"] >= 2 * N, s["alive"] < 100, (rss() - start) / 1e6)
    """)
    installed, alive, growth_mb = result.stdout.split()
    assert (installed, alive) == ("True", "True")
    assert float(growth_mb) < 8.0, f"RSS grew by {growth_mb} MB over 900,000 functions"


def test_settrace_mid_loop_sees_every_line_and_stops_executors(api) -> None:
    program = """
        def loop(n, trace_at):
            total = 0
            for i in range(n):
                if i == trace_at:
                    sys.settrace(tracer)
                total += i
            sys.settrace(None)
            return total
        events = []
        def tracer(frame, event, arg):
            if frame.f_code is loop.__code__:
                events.append((event, frame.f_lineno - loop.__code__.co_firstlineno))
            return tracer
        print(loop(300, 250), len(events), events[:6])
        print(len(_optimizer.get_executors(loop.__code__)))
    """
    plain = api(program).stdout.splitlines()
    optimized = api("testopt.Optimizer(ENTRY | BACK, 0.5, 0.0).register()\n"
                    + textwrap.dedent(program)).stdout.splitlines()
    assert optimized[0] == plain[0]
    assert optimized[1] == "0"   # tracing removed every executor


def test_tracer_can_jump_by_setting_f_lineno_in_optimized_code(api) -> None:
    result = api("""
        testopt.Optimizer(ENTRY | BACK, 0.5, 0.0).register()
        def f():
            out = []
            for i in range(3):
                out.append(i)
            out.append("skipped")
            out.append("end")
            return out
        for _ in range(30): f()
        start = f.__code__.co_firstlineno
        def tracer(frame, event, arg):
            if frame.f_code is f.__code__ and event == "line" and frame.f_lineno == start + 4:
                frame.f_lineno = start + 5
            return tracer
        sys.settrace(tracer)
        r = f()
        sys.settrace(None)
        print(r)
    """)
    assert result.stdout.strip() == "[0, 1, 2, 'end']"


def test_no_executor_is_installed_while_another_thread_traces(api) -> None:
    # Traced code must never hold an executor: the tracing loop does not look
    # for ENTER_EXECUTOR. So while one thread has a trace function, hot loops
    # in the others get none, and installing one by hand is refused.
    result = api("""
        import threading
        testopt.Optimizer(ENTRY | BACK, 0.5, 0.0).register()
        def loop(n):
            total = 0
            for i in range(n):
                total += i
            return total
        tracing, done = threading.Event(), threading.Event()
        def traced():
            sys.settrace(lambda frame, event, arg: None)
            tracing.set()
            done.wait()
            sys.settrace(None)
        thread = threading.Thread(target=traced)
        thread.start()
        tracing.wait()
        loop(5000)
        during = len(_optimizer.get_executors(loop.__code__))
        try:
            testopt.install(loop.__code__, 0)
        except RuntimeError as e:
            print("refused:", e)
        done.set()
        thread.join()
        loop(5000)
        print(during, len(_optimizer.get_executors(loop.__code__)) > 0)
    """)
    assert result.stdout.splitlines() == [
        "refused: cannot install an executor while a trace or profile function is set",
        "0 True",
    ]
    assert result.stderr == ""   # nothing went to the unraisable hook


def test_pep523_evaluator_removes_executors(api) -> None:
    result = api("""
        import _testinternalcapi
        testopt.Optimizer(BACK, 0.5, 0.0).register()
        def f():
            for i in range(50): pass
        f()
        n = len(_optimizer.get_executors(f.__code__))
        _testinternalcapi.set_eval_frame_record([])
        _testinternalcapi.set_eval_frame_default()
        print(n, len(_optimizer.get_executors(f.__code__)))
    """)
    assert result.stdout.split() == ["1", "0"]


def test_signal_interrupts_while_true_under_an_executor(api) -> None:
    result = api("""
        import signal
        testopt.Optimizer(BACK, 0.5, 0.0).register()
        class Done(Exception): pass
        def handler(signum, frame): raise Done
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        n = 0
        try:
            while True:
                n += 1
        except Done:
            print("interrupted", n > 16, _optimizer.get_stats()["entries"] > 0)
    """)
    assert result.stdout.split() == ["interrupted", "True", "True"]


def test_two_threads_in_hot_loops(api) -> None:
    result = api("""
        import threading
        testopt.Optimizer(ENTRY | BACK, 0.5, 0.0).register()
        results = {}
        def work(name, n):
            t = 0
            for i in range(n):
                t += i % 7
            results[name] = t
        threads = [threading.Thread(target=work, args=(k, 200000)) for k in "ab"]
        for t in threads: t.start()
        for t in threads: t.join()
        print(results["a"] == results["b"] == sum(i % 7 for i in range(200000)))
    """)
    assert result.stdout.strip() == "True"


def test_recursion_error_in_a_hot_recursive_function(api) -> None:
    result = api("""
        testopt.Optimizer(ENTRY, 0.5, 0.0).register()
        def down(n):
            return down(n + 1)
        for _ in range(3):
            try:
                down(0)
            except RecursionError:
                print("RecursionError")
        print(len(_optimizer.get_executors(down.__code__)))
    """)
    assert result.stdout.split() == ["RecursionError"] * 3 + ["1"]


def test_regrtest_core_files_pass_with_executors_everywhere(patched_python: Path,
                                                           build_dir: Path,
                                                           tmp_path: Path) -> None:
    """CPython's own tests for the interpreter's trickiest parts, with a counting
    optimizer (N = 0) installed after one execution of every hotspot, checked."""
    (tmp_path / "sitecustomize.py").write_text(
        "import testopt\n"
        "testopt.Optimizer(7, 0.5, 0.0).register()\n")
    env = {"PYTHONPATH": f"{tmp_path}:{build_dir / 'tests' / 'testopt'}",
           "SETUPTOOLS_USE_DISTUTILS": "stdlib", **CHECKED}
    tests = ["test_generators", "test_coroutines", "test_grammar", "test_sys_settrace",
             "test_exceptions", "test_asyncgen", "test_dis", "test_frame", "test_code",
             "test_itertools", "test_contextlib", "test_scope", "test_with"]
    result = run([patched_python, "-m", "test", "-j2", *tests], env=env, timeout=900)
    assert result.returncode == 0, output(result)
    assert "Tests result: SUCCESS" in result.stdout
