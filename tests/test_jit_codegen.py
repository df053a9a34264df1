"""jit's translator, by its output: the C it generates for a few loops is compared with
golden files (tests/jit_golden/NAME.c), and its C runtime compiles on its own.

A golden file changes only when the translation does: its diff is the review of a
translator change. Regenerate them after an intended change with
PLUGOPT_UPDATE_GOLDEN=1 and read the diff. The runtime every loop starts with
(optimizers/jit/jit_runtime.h) is left out of the golden files.
"""

from __future__ import annotations

import os
import sysconfig
import textwrap
from pathlib import Path

import pytest

from helpers import REPO_ROOT, output, run, run_python

GOLDEN = Path(__file__).parent / "jit_golden"
RUNTIME = REPO_ROOT / "optimizers" / "jit" / "jit_runtime.h"

# Each loop is warmed up in the interpreter (so that the specializer has settled)
# before the translator sees it, as at a hot back edge.
LOOPS = {
    # Calls of C functions as their specialized forms make them: str(x)
    # (PRECALL_NO_KW_STR_1), len (_LEN), a method of str (_METHOD_DESCRIPTOR_NOARGS)
    # and a module's attribute (LOAD_ATTR_MODULE), each behind its guard.
    "c_calls": """
        import string

        def f(items):
            n = 0
            for x in items:
                s = str(x)
                n += len(s) + len(s.upper()) + len(string.digits)
            return n
    """,
    # Calls with keyword arguments (KW_NAMES): through vectorcall with the names,
    # the constant tuple, of the last arguments.
    "keyword_call": """
        def f(items):
            n = 0
            for x in items:
                n += int(x, base=16) + len(sorted(x, reverse=True))
            return n
    """,
    # A Python function that is not inlined (a local one, with an `if`): called
    # through PyExecutor_Call, which pushes its frame as CALL_PY_EXACT_ARGS does.
    "python_call": """
        def f(items):
            def weight(x):
                if x > 2:
                    return x
                return -x
            n = 0
            for x in items:
                n += weight(x) * 3 + x * x - (x & 1) + (x | 4) - (x >> 1)
            return n
    """,
    "float_sum": """
        def f(n):
            total = 0.0
            for i in range(n):
                total += i * 0.5
            return total
    """,
    "list_update": """
        def f(values):
            for i in range(len(values)):
                values[i] = values[i] * 2.0 + 1.0
            return values
    """,
    "int_floor_ops": """
        def f(n):
            acc = 0
            for i in range(1, n):
                acc = acc + i // 3 - i % 7
            return acc
    """,
    # An inlined call: the guard depends on the globals (B[0]) and on the
    # function (B[1]) instead of looking the name up.
    "inlined_call": """
        def half(x):
            return x * 0.5
        def f(n):
            total = 0.0
            for i in range(n):
                total += half(i * 1.0)
            return total
    """,
    # Branches: every path reaches a jump target with nothing on the stack and
    # nothing cached (the flush before each jump), so a target is just its label.
    "branches": """
        def f(values):
            low = 0
            mid = 0.0
            for v in values:
                if v < 0.25:
                    low += 1
                elif v > 0.75:
                    continue
                elif v == 0.5:
                    break
                else:
                    mid += v
            return low, mid
    """,
    # A while loop: its head is the body's first instruction, and it ends with a
    # compare fused with a conditional back edge; falling through leaves the loop.
    "while_loop": """
        def f(n):
            i = 0
            s = 0.0
            while i < n:
                s += i * 0.5
                i += 1
            return s
    """,
    # An inner `for` loop, translated with the loop around it: its iterator in a
    # C variable, its type checked once before its head, its exhaustion a jump
    # past it; a `break` drops it.
    "nested_for": """
        def f(rows):
            t = 0
            for row in rows:
                for x in row:
                    if x < 0:
                        break
                    t += x
            return t
    """,
    # An attribute of instances, behind the version of their type.
    "attribute": """
        class P:
            def __init__(self, x):
                self.x = x
        def f(ps):
            t = 0.0
            for p in ps:
                t += p.x
                p.x = t
            return t
    """,
    # Object code: a closure's cell, tuple items and a negation, a tuple built and
    # appended with list.append, a C function and a class called through
    # vectorcall with the frame made current first.
    "object_loop": """
        def f(pairs):
            k = 0.5
            out = []
            def scale(v):
                return v * k
            for p in pairs:
                t = p[1]
                out.append((t * k, abs(-t), float(p[0])))
            scale(1.0)
            return out
    """,
    # A constructor and a method inlined: the instance made and its slots set at
    # the end of __init__'s body; a conditional expression and math.sqrt in the
    # method; every exit before a call drops what the inlined body made.
    "inlined_method": """
        from math import sqrt
        class P:
            __slots__ = ("x", "y")
            def __init__(self, x, y):
                self.x = x
                self.y = y
            def scaled_norm(self, k):
                return sqrt(self.x * self.x + self.y * self.y) * k if k > 0.0 else 0.0
        def f(points):
            total = 0.0
            for p in points:
                q = P(p.x * 2.0, p.y)
                total += q.scaled_norm(0.5)
            return total
    """,
}
# Function units, translated from their RESUME once the function is warm.
FUNCTIONS = {
    # Stops before each Python call (the interpreter makes it; these callees are
    # not inlined: a list built, a builtin called) and continues after it: the
    # entry switch dispatches on the frame's next instruction.
    # Methods of a class whose instances keep their values inline are looked up
    # behind the type's and the shared keys' versions.
    "method_unit": """
        class V:
            def __init__(self, x, y):
                self.x = x
                self.y = y
                self.seen = []
            def dot(self, other):
                return sum((self.x * other.x, self.y * other.y))
        def f(v):
            k = v.x * 0.5 + v.y * 0.25
            w = V(v.x * k, v.y * k)
            d = w.dot(v) + v.x * 0.5 - v.y * k
            e = d * d + w.x * 2.0 - k
            return e is None, e
    """,
}
ARGS = {"c_calls": "list(range(300))", "keyword_call": "[str(i) for i in range(300)]",
        "float_sum": "2000", "list_update": "[float(i) for i in range(500)]",
        "int_floor_ops": "2000", "inlined_call": "2000",
        "branches": "[i / 500.0 for i in range(500)]", "while_loop": "2000",
        "nested_for": "[list(range(20)), [1, -1]] * 15",
        "attribute": "[P(i * 0.5) for i in range(200)]",
        "method_unit": "V(1.5, 2.5)", "object_loop": "[(i, i * 0.25) for i in range(200)]",
        "python_call": "list(range(200))",
        "inlined_method": "[P(i * 0.5, 1.0) for i in range(200)]"}

DRIVER = """\
import dis, sys
from plugopt import _jit_codegen
{prelude}
namespace = {{}}
exec(compile({source!r}, "<loop>", "exec"), namespace)
f = namespace["f"]
argument = eval({args!r}, namespace)
for _ in range(100):
    f(argument)
instructions = list(dis.get_instructions(f, adaptive=True))
if {function}:
    source, refs, depends, versions, continuations, install_entry, _ = (
        _jit_codegen._translate_function(f.__code__, 0, namespace))
    assert install_entry and continuations, (install_entry, continuations)
    assert depends[0] is namespace, depends
else:
    head = next((i.offset // 2 for i in instructions if i.opname.startswith("FOR_ITER")),
                None)
    if head is None:   # a while loop: the head is where its back edge jumps
        head = next(i.argval // 2 for i in instructions if "BACKWARD" in i.opname)
    source, refs, depends, versions, _, _, _ = _jit_codegen._translate(f.__code__, head,
                                                                      namespace)
    # The globals, an inlined function, the builtins dict (of a builtin called).
    assert all(any(d is known for known in (namespace, namespace.get('half'),
                                            namespace['__builtins__']))
               for d in depends), depends
assert source.count(_jit_codegen.RUNTIME) == 1
source = source.replace(_jit_codegen.RUNTIME, "/* jit_runtime.h */\\n")
sys.stdout.write(source)
sys.stderr.write(repr(versions))
"""


@pytest.mark.parametrize("name", sorted([*LOOPS, *FUNCTIONS]))
def test_generated_c_matches_its_golden_file(patched_python: Path, name: str) -> None:
    source = LOOPS.get(name) or FUNCTIONS[name]
    code = DRIVER.format(source=textwrap.dedent(source), args=ARGS[name],
                         function=name in FUNCTIONS, prelude="")
    result = run_python(patched_python, code)
    assert result.returncode == 0, output(result)
    golden = GOLDEN / f"{name}.c"
    if os.environ.get("PLUGOPT_UPDATE_GOLDEN") == "1":
        golden.write_text(result.stdout)
    assert golden.exists(), f"{golden} is missing: PLUGOPT_UPDATE_GOLDEN=1 writes it"
    assert result.stdout == golden.read_text(), (
        f"the C generated for {name} differs from {golden} (if intended, regenerate with "
        "PLUGOPT_UPDATE_GOLDEN=1 and review the diff)")


# Gives the classes a process defines next other type version tags: each class
# whose attribute is looked up takes the next tag.
OTHER_VERSIONS = """\
for i in range(40):
    getattr(type(f"T{i}", (), {}), "missing", None)
"""


@pytest.mark.parametrize("name", ["attribute", "inlined_method"])
def test_source_is_the_same_in_every_process(patched_python: Path, name: str) -> None:
    """The versions a loop's guards compare with differ from process to process;
    the source, the compiled-code cache's key, does not."""
    runs = [run_python(patched_python,
                       DRIVER.format(source=textwrap.dedent(LOOPS[name]), args=ARGS[name],
                                     function=False, prelude=prelude))
            for prelude in ("", OTHER_VERSIONS)]
    for result in runs:
        assert result.returncode == 0, output(result)
    first, second = (eval(result.stderr) for result in runs)
    assert first and first != second, (first, second)
    assert runs[0].stdout == runs[1].stdout


# The reference: dis.get_instructions, with the CACHE pseudo-instructions' text parsed
# back into fields, and an instruction with a long argument but no caches standing
# where its first EXTENDED_ARG does (the decoder's documented convention).
DECODE_CHECK = """\
import dis, gc, json, opcode, re, textwrap, types
from plugopt import _jit_codegen as cg

def reference(code):
    instructions, caches, owner, prefix = [], {}, None, None
    for ins in dis.get_instructions(code, adaptive=True, show_caches=True):
        base = cg._BASE.get(ins.opname, ins.opname)
        if base == "EXTENDED_ARG":
            prefix = prefix or ins
        elif ins.opname != "CACHE":
            op = opcode.opmap.get(base)
            if prefix is not None and op is not None and not opcode._inline_cache_entries[op]:
                ins = ins._replace(offset=prefix.offset)
            elif prefix is not None:
                instructions.append(prefix)
            prefix = None
            instructions.append(ins)
            owner = caches.setdefault(ins.offset // 2, {})
        elif owner is not None and ":" in ins.argrepr:
            name, _, value = ins.argrepr.partition(":")
            owner[name.strip()] = int(value)
    return instructions, caches

def fields(instructions):
    return [(i.opname, i.opcode, i.arg, repr(i.argval), i.argrepr, i.offset)
            for i in instructions]

# Quickened code of many shapes: the specializer's forms, long jumps (EXTENDED_ARG).
for i in range(300):
    json.loads(json.dumps({"a": [1, 2.5, "x" * i], "b": {"c": None, "d": (i, -i)}}))
    re.sub(r"(\\w+)", lambda m: m.group(1).upper(), f"hello world {i}")
    textwrap.fill("word " * 50, 30)
    f"{i:>{i % 7}}{i!r}"
quickened = long = 0
# Not the code that runs while it is decoded, which the specializer changes
# meanwhile: dis's and the translator's own functions, this program's and a
# namedtuple's __new__ (made by eval), both from "<string>".
for function in [o for o in gc.get_objects() if isinstance(o, types.FunctionType)
                 and not o.__code__.co_filename.endswith(("dis.py", "_jit_codegen.py",
                                                          "<string>"))]:
    code = function.__code__
    expected = reference(code)
    cg._decoded.clear()
    got = cg._decode(code)
    cg._decoded.clear()
    assert fields(got[0]) == fields(expected[0]), code
    assert got[1] == expected[1], code
    quickened += code._co_code_adaptive != code.co_code
    long += any(i.arg is not None and i.arg > 255 for i in got[0])
print(quickened, long)
"""


def test_decoder_agrees_with_dis(patched_python: Path) -> None:
    """The translator's decoder (written for speed) gives the instructions and
    inline caches dis gives, over the code a process has quickened."""
    result = run_python(patched_python, DECODE_CHECK)
    assert result.returncode == 0, output(result)
    quickened, long = map(int, result.stdout.split())
    assert quickened > 50 and long > 5, result.stdout


def test_runtime_compiles_on_its_own(patched_python: Path, tmp_path: Path) -> None:
    include = run_python(patched_python,
                         "import sysconfig; print(sysconfig.get_paths()['include'])")
    assert include.returncode == 0, output(include)
    cc = sysconfig.get_config_var("CC") or "cc"
    result = run([*cc.split(), "-fsyntax-only", "-Wall", "-Werror", "-Wno-unused-function",
                  "-x", "c", f"-I{include.stdout.strip()}", RUNTIME])
    assert result.returncode == 0, output(result)


# The translator says why it declined its last request (scripts/measure/jit_survey.py
# reports it): a short loop body making a Python call, a loop declined before, and
# nothing once it compiles one.
LAST_DECLINE = """\
import dis
from plugopt import _jit_codegen as cg

class Task:
    def run(self):   # a loop: not inlined
        for _ in ():
            pass
        return 1

def calls(tasks):
    for t in tasks:
        t.run()

def sums(xs):
    total = 0.0
    for x in xs:
        total += x * 0.5
    return total

for _ in range(100):
    calls([Task(), Task()])
    sums([1.0, 2.0])

def head(f):
    return next(i.offset // 2 for i in dis.get_instructions(f, adaptive=True)
                if i.opname.startswith("FOR_ITER"))

assert cg.translate(calls.__code__, head(calls), globals()) is None
print(cg.last_decline)
assert cg.translate(calls.__code__, head(calls), globals()) is None
print(cg.last_decline)
assert cg.translate(sums.__code__, head(sums), globals()) is not None
print(repr(cg.last_decline))
"""


def test_the_translator_says_why_it_declined(patched_python: Path) -> None:
    result = run_python(patched_python, LAST_DECLINE)
    assert result.returncode == 0, output(result)
    assert result.stdout.splitlines() == [
        "its Python calls would cost more than the rest saves", "declined before", "''"]
