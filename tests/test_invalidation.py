"""The VM removes the executors that depend on an object when the object changes
(docs/api.md, "Invalidation"), and only those.

Each program installs two executors with testopt, one depending on the object
that changes and one on another object of the same kind, changes the first,
and prints both executors' `valid`. Every program runs with the invariant
checker on, and runs the code the executors stood in afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import output, run

CHECKED = {"PYTHONOPTIMIZERCHECK": "1"}

SETUP = """
def target(a):
    b = 1
    c = 2
    return a + b + c
def install_two(changed, other):
    code = target.__code__
    first = testopt.install(code, offset_of(target, "LOAD_CONST", 0), advance=2)
    second = testopt.install(code, offset_of(target, "LOAD_CONST", 1), advance=2)
    testopt.depends(first, changed)
    testopt.depends(second, other)
    return first, second
def report(first, second):
    print(first.valid, second.valid, target(1))
"""

# (what is set up, the object depended on, the other one, the change)
CHANGES = {
    "type attribute set": (
        "class A: x = 1\nclass B: x = 1", "A", "B", "A.y = 2"),
    "type attribute deleted": (
        "class A: x = 1\nclass B: x = 1", "A", "B", "del A.x"),
    "type attribute rebound": (
        "class A: x = 1\nclass B: x = 1", "A", "B", "A.x = 3"),
    "base class changed": (
        "class Base: x = 1\nclass A(Base): pass\nclass B: x = 1\nA().x; B().x",
        "A", "B", "Base.x = 2"),
    "__bases__ assigned": (
        "class Base: pass\nclass Other: pass\nclass A(Base): pass\nclass B(Base): pass",
        "A", "B", "A.__bases__ = (Other,)"),
    "__class__ assigned": (
        "class C: pass\nclass D: pass\nobj, other = C(), C()", "obj", "other",
        "obj.__class__ = D"),
    "global added": (
        "import types\nm = types.ModuleType('m'); n = types.ModuleType('n')",
        "m.__dict__", "n.__dict__", "m.new = 1"),
    "global rebound": (
        "import types\nm = types.ModuleType('m'); n = types.ModuleType('n'); m.x = 1; n.x = 1",
        "m.__dict__", "n.__dict__", "m.x = 2"),
    "global deleted": (
        "import types\nm = types.ModuleType('m'); n = types.ModuleType('n'); m.x = 1; n.x = 1",
        "m.__dict__", "n.__dict__", "del m.x"),
    "globals updated": (
        "g = {'x': 1}; h = {'x': 1}", "g", "h", "g.update(y=2)"),
    "globals cleared": (
        "g = {'x': 1}; h = {'x': 1}", "g", "h", "g.clear()"),
    "globals popped": (
        "g = {'x': 1}; h = {'x': 1}", "g", "h", "g.pop('x')"),
    "setdefault adds": (
        "g = {'x': 1}; h = {'x': 1}", "g", "h", "g.setdefault('y', 2)"),
    "builtins rebound": (
        "import builtins\nh = {}", "builtins.__dict__", "h", "builtins.plugopt_test = 1"),
    "__code__ replaced": (
        "def f(): return 1\ndef g(): return 2\ndef h(): return 3", "f", "g",
        "f.__code__ = h.__code__"),
    "__defaults__ set": (
        "def f(a=1): return a\ndef g(a=1): return a", "f", "g", "f.__defaults__ = (2,)"),
    "__kwdefaults__ set": (
        "def f(*, a=1): return a\ndef g(*, a=1): return a", "f", "g",
        "f.__kwdefaults__ = {'a': 2}"),
    "code freed": (
        "def make():\n    def inner(): return 1\n    return inner\n"
        "first_code = make().__code__.replace(co_name='one')\n"
        "other_code = make().__code__.replace(co_name='two')",
        "first_code", "other_code", "del first_code; gc.collect()"),
    "function freed": (
        "f = eval('lambda: 1'); g = eval('lambda: 2')", "f", "g", "del f; gc.collect()"),
    "dict freed": (
        "g = {'x': 1}; h = {'x': 1}", "g", "h", "del g; gc.collect()"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_removes_exactly_the_executors_that_depend_on_it(api, change: str) -> None:
    setup, changed, other, statement = CHANGES[change]
    result = api(SETUP + setup + f"""
first, second = install_two({changed}, {other})
{statement}
report(first, second)
""", extra_env=CHECKED)
    assert result.stdout.split() == ["False", "True", "4"]


def test_unrelated_changes_keep_executors(api) -> None:
    # Changes to objects nobody depends on, of every watched kind.
    result = api(SETUP + """
class A: x = 1
g = {'x': 1}
def f(a=1): return a
first, second = install_two(A, g)
class Unrelated: pass
Unrelated.y = 1
h = {}; h['x'] = 1; del h['x']
def k(a=1): return a
k.__defaults__ = (2,)
del k, h; gc.collect()
report(first, second)
print(_optimizer.get_stats()["invalidated"])
""", extra_env=CHECKED)
    assert result.stdout.split() == ["True", "True", "4", "0"]


def test_removed_executors_are_released(api) -> None:
    # Detached at the change, released from a pending call once the eval loop
    # next checks for pending work (a change may be in the middle of a dict update).
    result = api(SETUP + """
class A: pass
class B: pass
first, second = install_two(A, B)
wfirst = weakref.ref(first); del first, second
before = testopt.live_executors()
A.y = 1
for i in range(100): pass   # back edges: the eval loop checks for pending work
print(before, testopt.live_executors(), wfirst())
""", extra_env=CHECKED)
    assert result.stdout.split() == ["2", "1", "None"]


def test_a_change_inside_a_running_executors_loop(api) -> None:
    # The loop's own body rebinds the global its executor depends on: the
    # executor is detached while the loop runs and the loop finishes in the
    # interpreter, with the same result.
    result = api("""
import types
m = types.ModuleType('m'); m.x = 0
def loop(n):
    for i in range(n):
        m.x = m.x + i
    return m.x
head = offset_of(loop, "FOR_ITER")
e = testopt.install(loop.__code__, head)
testopt.depends(e, m.__dict__)
print(loop(1000), e.valid, head in _optimizer.get_executors(loop.__code__))
""", extra_env=CHECKED)
    assert result.stdout.split() == [str(sum(range(1000))), "False", "False"]


JIT_PROGRAM = """
import _optimizer
from plugopt import jit
def scale(x):
    return x * 2.0
def total(n):
    s = 0.0
    for i in range(n):
        s += scale(1.5)
    return s
"""


def run_jit(patched_python: Path, tmp_path: Path, program: str) -> list[str]:
    result = run([patched_python, "-X", "optimizer=jit", "-c", JIT_PROGRAM + program],
                 env={"PLUGOPT_JIT_CACHE": str(tmp_path), "PYTHONOPTIMIZERTHRESHOLD": "50",
                      **CHECKED})
    assert result.returncode == 0, output(result)
    return result.stdout.split()


def test_jit_depends_on_the_globals_of_the_functions_it_inlines(
        patched_python: Path, tmp_path: Path) -> None:
    # jit inlines `scale` into the loop and depends on the module's globals
    # (no lookup at every iteration): rebinding `scale` removes the executor,
    # and the next calls use the new function.
    assert run_jit(patched_python, tmp_path, """
def main():
    global scale
    print(total(20000))
    before = _optimizer.get_stats()["invalidated"]
    def triple(x):
        return x * 3.0
    scale = triple
    print(_optimizer.get_stats()["invalidated"] - before, total(10))
    print(jit.stats()["compiled"])
main()
""") == ["60000.0", "1", "45.0", "1"]


def test_jit_looks_globals_up_in_a_module_that_keeps_rebinding_them(
        patched_python: Path, tmp_path: Path) -> None:
    # The module-level loop rebinds `k` and `last` in the globals the loop of
    # total() depends on: its first two translations are removed at once, the
    # third looks `scale` up at every call instead, and stays.
    assert run_jit(patched_python, tmp_path, """
for k in range(6):
    last = total(2000)
print(last, jit.stats()["compiled"], len(_optimizer.get_executors(total.__code__)))
""") == ["6000.0", "3", "1"]
