"""Translate a hot loop's quickened bytecode into C (plugopt.jit, tier 1).

Prototype, stage 1-2 of docs/performance-optimizer.md. `translate(code, offset)`
takes the code object and the offset (code units) of a loop's head and
returns C source for the loop, or None when the loop uses an instruction this
translator does not handle.

The generated function is entered at the loop head (a FOR_ITER) and runs iterations until something it does not expect happens; then it leaves
the frame exactly as the interpreter would have it before the instruction it
could not run (an "exit"), and the interpreter runs that instruction. The
compiled code never raises: every instruction that could raise has a guard
that exits first, so the interpreter raises with its own traceback.

Values are tracked symbolically while generating:
  stack entries  Entry(kind, value), by Kind:
                 LOCAL i       borrowed from local slot i
                 CONST k       borrowed from co_consts[k]
                 OBJ var       an owned reference in a C variable
                 BORROWED var  a borrowed reference in a C variable, to an object
                               nothing can free while the code runs (a global
                               the executor keeps, True, False)
                 NULL          the NULL that LOAD_GLOBAL pushes before a callable
                 DOUBLE expr   an unboxed float: a C double variable or literal
                 INT expr      an unboxed int: a C long long variable or literal
  locals         a local may also live in a C double or long long; "dirty"
                 when the frame's slot is stale. Dirty locals are boxed back
                 ("flushed") before anything that could run Python code or
                 observe the frame, at the back edge and at every exit.

Calls of small functions and methods (arguments, locals, constants, attributes
of instances, arithmetic, conditional expressions, a few math functions:
`_Inliner`) are inlined. For a global function the executor depends on the
globals dict and on the function (the VM removes it when either changes: a
global rebound, a `__code__` replaced), so the guard at the call only checks
that the executor is still installed and that the frame runs with those
globals (for a loop whose globals keep changing, it looks the name up at
every call); for a method, the guard checks that LOAD_METHOD found the
function in its inline cache and that it runs the same code. The inlined
body's attribute stores are made at its end, after every check: a guard that
fails inside it (or a method that is another one: an owner of another class)
goes where the call is made through vectorcall instead, or, where the body
returns a constant or returns or takes an unboxed number, exits before the
call's PRECALL, with the callable and its arguments on the stack, and the
interpreter then makes the call as if the compiled code had never started it
(inline_call, fallback). Sites whose owners are of several classes check the
cached class first and any other class's state after it (owner_check,
load_method; jit_runtime.h). Other calls are made from the compiled code
through PyExecutor_Call or vectorcall, with the frame current (vector_call);
a loop whose body is short for the calls of Python functions it makes is
declined (BODY_PER_PYTHON_CALL).

The generated function receives `K`, the items of a tuple the executor keeps
alive (names and code objects the guards compare with); `B`, the objects it
depends on, which it holds without a reference (holding the globals dict
would keep its module's functions, their code and so the executor itself
alive in a cycle the garbage collector cannot see); and `V`, the executor's
`valid` flag, 0 once the VM removed it. Keeping objects out of the source
keeps the source (and so the cache key) free of addresses.
"""

from __future__ import annotations

import collections
import dis
import math
import opcode
import os
import sys
import types
import weakref

from plugopt import _jit_cache, _jit_handled

# Specialized name -> base name (3.11 keeps the base opcode's stack effect).
_BASE = {spec: base for base, specs in opcode._specializations.items() for spec in specs}
_BASE.update({"LOAD_FAST__LOAD_FAST": "LOAD_FAST", "LOAD_FAST__LOAD_CONST": "LOAD_FAST",
              "LOAD_CONST__LOAD_FAST": "LOAD_CONST", "STORE_FAST__LOAD_FAST": "STORE_FAST",
              "STORE_FAST__STORE_FAST": "STORE_FAST", "JUMP_BACKWARD_QUICK": "JUMP_BACKWARD",
              "RESUME_QUICK": "RESUME"})

# BINARY_OP opargs (and their in-place forms) by operator.
_OPS = {0: "+", 13: "+", 10: "-", 23: "-", 5: "*", 18: "*", 11: "/", 24: "/",
        8: "**", 21: "**", 2: "//", 15: "//", 6: "%", 19: "%",
        1: "&", 14: "&", 7: "|", 20: "|", 12: "^", 25: "^", 3: "<<", 16: "<<",
        9: ">>", 22: ">>"}
_FLOAT_OPS = {"+", "-", "*", "/", "**"}
_INT_OPS = {"+", "-", "*", "//", "%", "&", "|", "^", "/", "<<", ">>"}
_FLOAT_SPECIALIZED = {"BINARY_OP_ADD_FLOAT", "BINARY_OP_SUBTRACT_FLOAT",
                      "BINARY_OP_MULTIPLY_FLOAT"}
_INT_SPECIALIZED = {"BINARY_OP_ADD_INT", "BINARY_OP_SUBTRACT_INT", "BINARY_OP_MULTIPLY_INT"}

# Jumps that can close a loop (their cold forms are specializations of these).
_BACKWARD_JUMPS = ("JUMP_BACKWARD", "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE",
                   "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE")
# Conditional forward jumps on a value, and the comparisons COMPARE_OP's argrepr names.
_FORWARD_BRANCHES = ("POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
                     "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE")
_COMPARISONS = {"<": "<", "<=": "<=", "==": "==", "!=": "!=", ">": ">", ">=": ">="}
# The comparisons 3.11 fuses with the conditional jump after them (the
# interpreter runs the pair as one instruction).
_FUSED_COMPARISONS = ("COMPARE_OP_FLOAT_JUMP", "COMPARE_OP_INT_JUMP", "COMPARE_OP_STR_JUMP")


# Unboxed ints are C long longs; true division of two of them is exact in a
# double (as Python's int / int is) only up to this magnitude.
_EXACT_IN_DOUBLE = 1 << 53


# Kind and Entry are plain classes, not enum and typing: the translator is imported at
# the first hot loop of a process, and importing those two modules there cost every such
# process about 70 M instructions (9 ms; callgrind, nbody and spectral_norm).


# A constant's repr may hold an address ("<code object f at 0x7f...>"), which
# differs between runs and would defeat the cache, or "*/", which would end the
# comment it is quoted in. Stripped without re: importing re imports enum too,
# about 20 M instructions that a program which uses neither would pay.
def _without_addresses(text: str) -> str:
    """`text` without its " at 0x..." parts."""
    if " at 0x" not in text:
        return text   # nearly every argrepr
    parts = text.split(" at 0x")
    kept = [parts[0]]
    for part in parts[1:]:
        digits = len(part) - len(part.lstrip("0123456789abcdef"))
        kept.append(part[digits:] if digits else " at 0x" + part)
    return "".join(kept)


def _comment_text(argrepr: str) -> str:
    return _without_addresses(argrepr).replace("*/", "* /")


class Kind:
    """What a stack entry (or a cached local) is; one instance per kind, compared with
    `is`. The value's first letter starts the names of the C variables that hold one."""
    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value

    def __repr__(self) -> str:
        return f"Kind.{self.name}"


for _name, _value in (("LOCAL", "local"), ("CONST", "const"), ("OBJ", "obj"),
                      ("BORROWED", "bor"), ("NULL", "null"), ("DOUBLE", "dbl"),
                      ("INT", "int")):
    setattr(Kind, _name, Kind(_name, _value))
del _name, _value

UNBOXED = (Kind.DOUBLE, Kind.INT)

# One value of the symbolic stack (see the module docstring): its Kind, and a local's
# or constant's index, or a C variable or expression.
Entry = collections.namedtuple("Entry", ("kind", "value"))


class Unsupported(Exception):
    """The loop uses something the translator does not handle."""


class NotYet(Exception):
    """An instruction the translator needs specialized is still adaptive: the
    loop may be compiled when the VM asks again, after it has specialized."""


def _specialized(name: str) -> None:
    """Raise NotYet for the generic or adaptive form of a specializable instruction."""
    if name in opcode._specializations or name.endswith("_ADAPTIVE"):
        raise NotYet(name)


def _plain_value(var: str) -> str:
    """C test that the object in `var` is a float, an int, a bool or None: objects
    whose destructors run no Python code."""
    return (f"PyFloat_CheckExact({var}) || PyLong_CheckExact({var}) || "
            f"PyBool_Check({var}) || {var} == Py_None")


# code object -> (its quickened bytes, _decode's result for them), for the time of
# one translation (translate() empties it after: kept longer, the Instructions,
# tuples the gc tracks, would stay behind in the program's heap). A translation
# decodes its code several times, and the callees it tries to inline.
_decoded: dict = {}

# Per opcode (the specialized ones too): its name, its generic form, and the
# inline cache entries that follow it.
_OPNAME = dis._all_opname
_DEOPT = [dis._deoptop(op) for op in range(256)]
_CACHE_ENTRIES = [opcode._inline_cache_entries[deop] for deop in _DEOPT]
_CACHE_FIELDS = [tuple(opcode._cache_format.get(opcode.opname[deop], {}).items())
                 for deop in _DEOPT]
_EXTENDED_ARG = opcode.opmap["EXTENDED_ARG"]
_LOAD_CONST = opcode.opmap["LOAD_CONST"]
_LOAD_GLOBAL = opcode.opmap["LOAD_GLOBAL"]
_HASCONST = frozenset(opcode.hasconst)
_HASNAME = frozenset(opcode.hasname)
_HASJREL = frozenset(opcode.hasjrel)
_HASJABS = frozenset(opcode.hasjabs)
_HASVARNAME = frozenset(opcode.haslocal) | frozenset(opcode.hasfree)
_HASCOMPARE = frozenset(opcode.hascompare)
_BACKWARD = frozenset(op for op in range(256) if "JUMP_BACKWARD" in opcode.opname[op])


def _argument(code, deop: int, arg: int, offset: int) -> tuple[object, str]:
    """An instruction's argval and argrepr, as dis gives them (dis's
    _get_instructions_bytes, for the opcodes of 3.11)."""
    if deop in _HASCONST:
        if deop != _LOAD_CONST:
            return dis.UNKNOWN, ""
        value = code.co_consts[arg]
        return value, repr(value)
    if deop in _HASNAME:
        if deop == _LOAD_GLOBAL:
            name = code.co_names[arg >> 1]
            return name, "NULL + " + name if arg & 1 else name
        name = code.co_names[arg]
        return name, name
    if deop in _HASJREL:
        target = offset + 2 + 2 * (-arg if deop in _BACKWARD else arg)
        return target, f"to {target}"
    if deop in _HASJABS:
        return arg * 2, f"to {arg * 2}"
    if deop in _HASVARNAME:
        name = code._varname_from_oparg(arg)
        return name, name
    if deop in _HASCOMPARE:
        return opcode.cmp_op[arg], opcode.cmp_op[arg]
    if deop == dis.FORMAT_VALUE:
        value, text = dis.FORMAT_VALUE_CONVERTERS[arg & 0x3]
        if arg & 0x4:
            text += ", with format" if text else "with format"
        return (value, bool(arg & 0x4)), text
    if deop == dis.MAKE_FUNCTION:
        return arg, ", ".join(s for i, s in enumerate(dis.MAKE_FUNCTION_FLAGS) if arg & (1 << i))
    if deop == dis.BINARY_OP:
        return arg, opcode._nb_ops[arg][1]
    return arg, ""


def _decode(code) -> tuple[list, dict[int, dict[str, int]]]:
    """`code`'s quickened instructions and the inline caches of its specialized
    ones: instruction offset (code units) -> field name -> value (a two-unit
    field read whole). Each instruction is a dis.Instruction with the opname,
    opcode, arg, argval, argrepr and offset dis gives it (not its line, jump
    target flag or positions, which the translator does not read). Shared
    between callers, which must not change them; decoded again when the
    specializer changed the code.

    dis.get_instructions gives the same instructions, but decoding with it was
    two thirds of what a translation cost (cProfile, deltablue under jit): it
    makes a CACHE pseudo-instruction per cache entry, whose text the values
    had to be parsed back from, and line numbers and positions for every
    instruction. tests/test_jit_codegen.py checks the two agree."""
    quickened = code._co_code_adaptive
    known = _decoded.get(code)
    if known is not None and known[0] == quickened:
        return known[1]
    instructions = []
    caches: dict[int, dict[str, int]] = {}
    prefix = -1     # the offset of the first EXTENDED_ARG before the instruction
    extended = 0    # the argument's high bits, from EXTENDED_ARG
    offset = 0
    end = len(quickened)
    while offset < end:
        op = quickened[offset]
        deop = _DEOPT[op]
        arg = quickened[offset + 1] | extended if deop >= opcode.HAVE_ARGUMENT else None
        if deop == _EXTENDED_ARG:
            extended = arg << 8
            if prefix < 0:
                prefix = offset
            offset += 2
            continue
        argval, argrepr = (None, "") if arg is None else _argument(code, deop, arg, offset)
        at = offset
        if prefix >= 0:
            if _CACHE_ENTRIES[op]:
                # One with inline caches keeps its prefix, which the translator
                # refuses: after EXTENDED_ARG the interpreter runs the generic
                # form, and the caches stay unused.
                first = quickened[prefix]
                instructions.append(dis.Instruction(_OPNAME[first], first, quickened[prefix + 1],
                                                    quickened[prefix + 1], "", prefix,
                                                    None, False, None))
            else:
                # An instruction with a long argument (a jump over a long body,
                # mostly) stands where its prefix does: that is where jumps to
                # it go, and where an exit before it must resume.
                at = prefix
        instructions.append(dis.Instruction(_OPNAME[op], op, arg, argval, argrepr, at,
                                            None, False, None))
        fields = caches.setdefault(at // 2, {})
        offset += 2
        if _CACHE_ENTRIES[op]:
            if op != deop:      # dis shows the caches of specialized instructions only
                for name, size in _CACHE_FIELDS[op]:
                    fields[name] = int.from_bytes(quickened[offset:offset + 2 * size],
                                                  sys.byteorder)
                    offset += 2 * size
            else:
                offset += 2 * _CACHE_ENTRIES[op]
        prefix, extended = -1, 0
    _decoded[code] = (quickened, (instructions, caches))
    return instructions, caches


def _after(ins) -> int:
    """The offset (code units) after `ins`, an instruction without inline
    caches as _decode gives it: past the EXTENDED_ARG prefixes it stands for
    (as many as its argument needs, as the compiler writes them)."""
    prefixes = (ins.arg > 0xFF) + (ins.arg > 0xFFFF) + (ins.arg > 0xFFFFFF) if ins.arg else 0
    return ins.offset // 2 + prefixes + 1


# code object -> whether _Inliner.can_inline takes its function.
_inlinable: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _inline_caches(code) -> dict[int, dict[str, int]]:
    """The inline caches of `code`'s instructions (_decode)."""
    return _decode(code)[1]


def _c_literal(value: object) -> Entry | None:
    """The unboxed entry for a constant int or float, or None."""
    if type(value) is float:
        finite = value == value and abs(value) != float("inf")
        return Entry(Kind.DOUBLE, f"({value.hex()})" if finite
                     else f"({value!r})".replace("inf", "INFINITY").replace("nan", "NAN"))
    if type(value) is int and -(1 << 62) <= value < (1 << 62):
        return Entry(Kind.INT, f"({value}LL)")
    return None


# A function unit's compiled code runs until something the translator does not handle,
# a call of a Python function or a return, and exits there; after a Python call whose
# result is the only value on the stack it may resume (a continuation: an executor
# of its own at the instruction after the CALL, entering the same compiled function).
# A part of the unit is worth an executor's entry only if it runs at least
# MIN_SEGMENT instructions of the function (_jit_handled.py says why; jit.c's
# pre-filter reads the same number).
MIN_SEGMENT = _jit_handled.MIN_SEGMENT

# A Python function called from compiled code (PyExecutor_Call) runs in an
# evaluation loop of its own. A loop is compiled only if its body (from its head to
# its last back edge) has at least this many instructions a Python call: with 8 or
# 0, deltablue's and go's call-heavy loops, short and entered often, cost more in
# entries and compiles than they saved (callgrind; optimizers/jit/README.md, "Calls
# in loops").
BODY_PER_PYTHON_CALL = 16
# The PRECALL forms the specializer chose for calls of Python functions.
_PYTHON_CALL_FORMS = ("PRECALL_PYFUNC", "PRECALL_BOUND_METHOD")

# PRECALL forms whose callee is a Python function or class (or not known yet): in a
# function unit the compiled code stops before them, and the interpreter makes the
# call, pushing the callee's frame without recursing in C.
_PYTHON_CALLS = ("PRECALL_PYFUNC", "PRECALL_BOUND_METHOD", "PRECALL_ADAPTIVE", "PRECALL")


class _Gen:
    def __init__(self, code, instructions, head: int, back: int, globals_: dict | None,
                 depend_on_globals: bool = True, end: int | None = None,
                 function: bool = False, caches: dict | None = None) -> None:
        self.code = code
        # A function unit (from its RESUME) or a loop unit (from its head).
        self.function = function
        # Exits write the value stack from here: the loop's entry stack pointer
        # (the iterator below it), or a function unit's stack base.
        self.base = "S0" if function else "S"
        # A function unit's entries (its head and its continuations), each with
        # the number of instructions translated from it.
        self.entries: dict[int, int] = {head: 0}
        self.entry = head
        self.stopped = False   # the instruction being translated ended a part
        # The targets of backward jumps: a function unit stops before a loop.
        self.loop_heads = {ins.argval // 2 for ins in instructions
                           if _BASE.get(ins.opname, ins.opname) in _BACKWARD_JUMPS}
        # A loop unit's inner loops: their heads, and those the translation
        # reached, in the canonical state, with a label their back edges jump
        # to. Nothing is on the stack at an inner `while` loop's head; an
        # inner `for` loop's iterator is, in a C variable: the canonical state
        # inside the loop holds it (canonical()).
        self.inner_heads = set() if function else self.loop_heads - {head}
        self.inner_entered: set[int] = set()
        # Inner `for` loops, outermost first: head -> where FOR_ITER goes once
        # the iterator is exhausted (past the loop); and the iterator's entry
        # of each one the translation entered.
        self.inner_fors = {ins.offset // 2: ins.argval // 2 for ins in instructions
                           if ins.offset // 2 in self.inner_heads
                           and _BASE.get(ins.opname, ins.opname) == "FOR_ITER"}
        self.iterators: dict[int, Entry] = {}
        self.end = back + 1 if end is None else end   # where the loop ends
        self.is_for = _BASE.get(instructions[0].opname, instructions[0].opname) == "FOR_ITER"
        self.depend_on_globals = depend_on_globals
        self.instrs = instructions
        self.head = head
        self.back = back
        self.globals = globals_
        self.refs: list[object] = []      # K[i]: objects the guards compare with
        self.depends: list[object] = []   # B[i]: what the executor depends on
        # W[i]: the type and keys versions its guards compare with, passed at run
        # time rather than written into the source: they differ from process to
        # process (the order types get their tags in), and the same source then
        # finds its compiled code in the cache.
        self.versions: list[int] = []
        self.lines: list[str] = []
        self.stack: list[Entry] = []
        self.cached: dict[int, Entry] = {}   # local -> Entry(DOUBLE or INT, C variable)
        self.dirty: set[int] = set()       # locals whose frame slot is stale
        # BORROWED variable -> the code object it was guarded to run
        self.callees: dict[str, types.CodeType] = {}
        # variable -> the global it holds (what a call of it will call)
        self.known: dict[str, object] = {}
        # OBJ variable -> the function its LOAD_METHOD found in the inline cache,
        # one the translator can inline
        self.methods: dict[str, types.FunctionType] = {}
        # Calls made through vectorcall that run a Python function (or may)
        self.python_calls = 0
        # Instructions translated: those of the body not on a path it has not
        # taken (never_ran)
        self.translated = 0
        self.inline_exit: tuple[int, list] | None = None   # exit while inlining
        # While inlining a call that has a way back (inline_call): the label
        # where the body's guards go instead of exiting, to make the call.
        self.inline_fallback: str | None = None
        self.gone_to: set[str] = set()   # the fallbacks some guard goes to
        # C statements every exit from the inlined body runs first (dropping
        # the instance an inlined constructor made)
        self.inline_cleanup: list[str] = []
        # offset -> the fields dis names
        self.caches = _inline_caches(code) if caches is None else caches
        self.nvars = 0
        # Set after dropping a reference that may have run Python code (a
        # destructor): the next instruction first checks that tracing did
        # not start, which the interpreter would honour from there on.
        self.may_have_run_code = False
        # Forward jumps inside the body: target offset -> whether a path that
        # jumps there may have run Python code. Every path reaches a target in
        # the canonical state (on the stack only the iterators of the inner
        # `for` loops around it, no local cached), so the target's label
        # serves them all (see branch_to()).
        self.joins: dict[int, bool] = {}
        self.reachable = True   # False after an unconditional jump

    # -- helpers ------------------------------------------------------------
    def var(self, kind: Kind) -> str:
        self.nvars += 1
        name = f"{kind.value[0]}{self.nvars}"
        ctype = {Kind.DOUBLE: "double", Kind.INT: "long long"}.get(kind, "PyObject *")
        self.emit(f"{ctype} {name};")
        return name

    def ref(self, obj: object) -> str:
        """The C expression for `obj`, kept alive by the executor."""
        for n, known in enumerate(self.refs):
            if known is obj:
                return f"K[{n}]"
        self.refs.append(obj)
        return f"K[{len(self.refs) - 1}]"

    def depend(self, obj: object) -> str:
        """The C expression for `obj`, which the executor depends on (the VM
        removes it when `obj` changes) and holds without a reference."""
        for n, known in enumerate(self.depends):
            if known is obj:
                return f"B[{n}]"
        self.depends.append(obj)
        return f"B[{len(self.depends) - 1}]"

    def version(self, value: int) -> str:
        """The C expression for the version `value` (W, above)."""
        if value not in self.versions:
            self.versions.append(value)
        return f"W[{self.versions.index(value)}]"

    def emit(self, line: str) -> None:
        self.lines.append("    " + line)

    @staticmethod
    def box(kind: Kind, expr: str) -> str:
        if kind is Kind.DOUBLE:
            return f"PyFloat_FromDouble({expr})"
        return f"PyLong_FromLongLong({expr})"

    def as_object_expr(self, entry) -> tuple[str, list[str]]:
        """C statements that produce an owned reference for `entry` into `tmp`."""
        kind, what = entry
        if kind is Kind.LOCAL:
            return f"L[{what}]", [f"Py_INCREF(L[{what}]);"]
        if kind is Kind.CONST:
            return f"C({what})", [f"Py_INCREF(C({what}));"]
        if kind is Kind.BORROWED:
            return str(what), [f"Py_INCREF({what});"]
        if kind is Kind.OBJ:
            return str(what), []
        if kind in UNBOXED:
            return self.box(kind, what), []
        raise Unsupported(f"{kind} used as an object")

    def exit_code(self, offset: int) -> list[str]:
        """Leave the frame as the interpreter has it before `offset`."""
        out = ["{", f"    PyObject **sp = {self.base};", "    int failed = 0;"]
        olds = []
        for i in sorted(self.dirty):
            kind, v = self.cached[i]
            out += [f"    PyObject *old{i} = L[{i}];", f"    PyObject *new{i} = NULL;"]
            if kind is Kind.DOUBLE:
                # Written in place: the slot keeps its float, so there is no
                # old reference to drop below (old{i} = NULL).
                out += [f"    if (plugopt_float_is_private(old{i})) {{",
                        f"        ((PyFloatObject *)old{i})->ob_fval = {v}; old{i} = NULL;",
                        "    } else {"]
            else:
                out.append("    {")
            out += [f"        new{i} = {self.box(kind, v)};",
                    f"        if (new{i} == NULL) {{ failed = 1; }} else {{ L[{i}] = new{i}; }}",
                    "    }"]
            olds.append(i)
        for entry in self.stack:
            kind, what = entry
            if kind is Kind.LOCAL:
                out.append(f"    Py_INCREF(L[{what}]); *sp++ = L[{what}];")
            elif kind is Kind.CONST:
                out.append(f"    Py_INCREF(C({what})); *sp++ = C({what});")
            elif kind is Kind.BORROWED:
                out.append(f"    Py_INCREF({what}); *sp++ = {what};")
            elif kind is Kind.OBJ:
                out.append(f"    *sp++ = {what};")
            elif kind is Kind.NULL:
                out.append("    *sp++ = NULL;")
            else:
                out += ["    {", f"        PyObject *box = {self.box(kind, what)};",
                        "        if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }",
                        "        *sp++ = box;", "    }"]
        out.append("    PyExecutor_Frame_SetStackPointer(frame, sp);")
        out.append(f"    PyExecutor_Frame_SetNextInstr(frame, {offset});")
        for i in olds:
            out.append(f"    if (new{i} != NULL) {{ Py_XDECREF(old{i}); }}")
        # A box that failed set MemoryError: report it at this instruction.
        out.append("    return (failed || PyErr_Occurred()) ? NULL : frame;")
        out.append("}")
        return out

    def guard(self, condition: str, offset: int, cleanup: list[str] | None = None) -> None:
        """Exit before `offset` unless `condition` holds (inside an inlined
        body: before the call, with the caller's stack as it was there),
        running the C statements `cleanup` first."""
        if self.inline_fallback is not None:
            self.gone_to.add(self.inline_fallback)
            goto = [*(cleanup or []), f"goto {self.inline_fallback};"]
            self.emit(f"if (!({condition})) {{ {' '.join(goto)} }}")
            return
        if self.inline_exit is not None:
            offset, caller_stack = self.inline_exit
            own, self.stack = self.stack, caller_stack
            code = self.exit_code(offset)
            self.stack = own
            cleanup = [*(cleanup or []), *self.inline_cleanup]
        else:
            code = self.exit_code(offset)
        if cleanup:
            code = [code[0], *("    " + line for line in cleanup), *code[1:]]
        self.emit(f"if (!({condition})) " + "\n    ".join(code))

    def flush(self, offset: int) -> None:
        """Box dirty locals into the frame (they stay cached). Called at the
        start of the instruction at `offset`, before it has any effect and
        with the stack as it was there: if a box fails (no memory), the
        slots are left as they were and the code exits before `offset`,
        where the interpreter raises the MemoryError."""
        if not self.dirty:
            return
        tag = self.nvars
        self.nvars += 1
        dirty = sorted(self.dirty)
        made = [f"new_{tag}_{i}" for i in dirty]
        # A float local whose slot holds a float nobody else references gets
        # its new value written in place: no box to make, none that can fail.
        private = {i: f"keep_{tag}_{i}" for i in dirty if self.cached[i][0] is Kind.DOUBLE}
        for name, i in zip(made, dirty):
            kind, v = self.cached[i]
            if i in private:
                self.emit(f"int {private[i]} = plugopt_float_is_private(L[{i}]);")
                self.emit(f"PyObject *{name} = {private[i]} ? NULL : {self.box(kind, v)};")
            else:
                self.emit(f"PyObject *{name} = {self.box(kind, v)};")
        failed = " || ".join(f"(!{private[i]} && {name} == NULL)" if i in private
                             else f"{name} == NULL" for name, i in zip(made, dirty))
        drop = " ".join(f"Py_XDECREF({name});" for name in made)
        self.emit(f"if ({failed}) {{ {drop}")
        for line in self.exit_code(offset):
            self.emit("    " + line)
        self.emit("}")
        for name, i in zip(made, dirty):
            replace = f"{{ PyObject *o = L[{i}]; L[{i}] = {name}; Py_XDECREF(o); }}"
            if i in private:
                value = self.cached[i][1]
                self.emit(f"if ({private[i]}) {{ ((PyFloatObject *)L[{i}])->ob_fval = {value}; }}"
                          f" else {replace}")
            else:
                self.emit(replace)
        self.dirty = set()

    def const_value(self, k: int) -> object:
        return self.code.co_consts[k]

    def static_kind(self, entry: Entry) -> Kind | None:
        """DOUBLE or INT if the entry's type is known when translating."""
        kind, what = entry
        if kind in UNBOXED:
            return kind
        if kind is Kind.CONST:
            literal = _c_literal(self.const_value(what))
            return literal[0] if literal else None
        return None

    def object_expr(self, entry) -> str:
        kind, what = entry
        if kind in (*UNBOXED, Kind.NULL):
            raise Unsupported(f"unboxed {kind} used as an object")
        return {Kind.LOCAL: f"L[{what}]", Kind.CONST: f"C({what})"}.get(kind, str(what))

    def need_double(self, entry, offset: int, other_is_float: bool) -> str:
        """The entry as a C double. An object must be a float, or (when the
        other operand is a float, so that Python converts it) an int."""
        kind, what = entry
        if kind is Kind.DOUBLE:
            return str(what)
        if kind is Kind.INT:
            return f"((double){what})"
        if kind is Kind.CONST:
            literal = _c_literal(self.const_value(what))
            if literal is not None:
                return literal[1] if literal[0] is Kind.DOUBLE else f"((double){literal[1]})"
        expr = self.object_expr(entry)
        if not other_is_float:
            self.guard(f"PyFloat_CheckExact({expr})", offset)
            return f"PyFloat_AS_DOUBLE({expr})"
        d = self.var(Kind.DOUBLE)
        self.guard(f"plugopt_number_as_double({expr}, &{d})", offset)
        return d

    def need_int(self, entry, offset: int) -> str:
        """The entry as a C long long: an exact int small enough."""
        kind, what = entry
        if kind is Kind.INT:
            return str(what)
        if kind is Kind.CONST:
            literal = _c_literal(self.const_value(what))
            if literal is not None and literal[0] is Kind.INT:
                return literal[1]
        if kind is Kind.DOUBLE:
            raise Unsupported("float where an int is needed")
        i = self.var(Kind.INT)
        self.guard(f"plugopt_as_int({self.object_expr(entry)}, &{i})", offset)
        return i

    def release(self, entry) -> None:
        """Drop an entry consumed by an arithmetic instruction: an object
        operand was a float or an int, whose dealloc runs no code."""
        if entry[0] is Kind.OBJ:
            self.emit(f"Py_DECREF({entry[1]});")

    def flush_before_release(self, entries, offset: int) -> None:
        """At the start of the instruction at `offset`, which will drop
        `entries` with release_safe: make the frame current if one of them
        is an owned object, whose last reference could run any code."""
        if any(entry[0] is Kind.OBJ for entry in entries):
            self.flush(offset)

    def release_safe(self, entry) -> None:
        """Drop an operand that could be anything (after flush_before_release)."""
        if entry[0] is Kind.OBJ:
            assert not self.dirty, "release_safe without flush_before_release"
            self.emit(f"Py_DECREF({entry[1]});")
            self.may_have_run_code = True

    def own_borrowed_of(self, local: int) -> None:
        """Before local `local` changes, stack entries borrowed from it take a reference."""
        for n, (kind, what) in enumerate(self.stack):
            if kind is Kind.LOCAL and what == local:
                v = self.var(Kind.OBJ)
                self.emit(f"{v} = L[{local}]; Py_INCREF({v});")
                self.stack[n] = Entry(Kind.OBJ, v)

    # -- instructions -------------------------------------------------------
    def translate(self) -> str:
        skip = 0   # instructions the last one translated consumed after it
        for ins in self.instrs:
            off = ins.offset // 2
            if off in self.joins:
                if skip:
                    raise Unsupported("a jump into a fused instruction pair")
                # Paths jump here: the one that falls through becomes canonical
                # too, before the label the others jump to.
                if self.reachable:
                    self.canonicalize(off)
                    self.may_have_run_code |= self.joins[off]
                else:
                    self.stack = self.canonical(off)
                    self.may_have_run_code = self.joins[off]
                self.reachable = True
            if off in self.inner_heads and self.reachable and not skip:
                # An inner loop's head: its back edges come here in the
                # canonical state, having checked for tracing (back_edge).
                if off in self.inner_fors:
                    self.enter_inner_for(off)
                elif off not in self.joins:
                    self.canonicalize(off)
                self.inner_entered.add(off)
            if not self.reachable and not skip:
                # After an unconditional jump or an exit, until a jump's target:
                # no code, and no label, since nothing jumps here (the source,
                # and so the cache key, does not depend on how far the
                # specializer got with code the loop does not run).
                continue
            self.lines.append(f"  i{off}: /* {ins.opname} {_comment_text(ins.argrepr)} */ ;")
            if skip:   # the CALL of an inlined PRECALL/CALL pair, a fused compare's jump
                skip -= 1
                continue
            if self.function and off != self.head and off in self.loop_heads:
                self.end_segment(off)   # a loop: the interpreter's
                continue
            if self.may_have_run_code:
                self.guard("!TRACING()", ins.offset // 2)
                self.may_have_run_code = False
            if not self.function:
                if self.never_ran(ins):
                    # A path the loop had not taken: counted, so that jit.c
                    # has the loop translated again once it is taken often.
                    self.emit("(*untaken)++;")
                    self.return_here(off)
                else:
                    skip = self.one(ins)
                    self.translated += 1 + skip
                continue
            # The part this instruction belongs to (a Python call switches to
            # the continuation after it); one it stops before is not counted.
            part = self.entry
            self.stopped = False
            state = self.snapshot()
            try:
                skip = self.one(ins)
            except Unsupported:
                self.restore(state)
                self.end_segment(off)
            except NotYet:
                if self.entry != self.head or self.entries[self.head] >= MIN_SEGMENT:
                    # Off the first part's way: not worth waiting for.
                    self.restore(state)
                    self.end_segment(off)
                else:
                    raise
            else:
                self.entries[part] += not self.stopped
        return "\n".join(self.lines)

    # -- function units -------------------------------------------------------
    def snapshot(self) -> tuple:
        return (len(self.lines), list(self.stack), dict(self.cached), set(self.dirty),
                self.may_have_run_code, dict(self.joins), dict(self.callees))

    def restore(self, state: tuple) -> None:
        """Undo a partly translated instruction (a function unit then exits before it)."""
        nlines, stack, cached, dirty, ran, joins, callees = state
        del self.lines[nlines:]
        self.stack, self.cached, self.dirty = stack, cached, dirty
        self.may_have_run_code, self.joins, self.callees = ran, joins, callees
        self.inline_exit = None
        self.inline_fallback = None
        self.inline_cleanup = []

    def end_segment(self, off: int) -> None:
        """A function unit stops before `off`: the frame as the interpreter has it
        there. Every such stop is planned (a return, a Python call, a loop, an
        instruction not handled), unlike a guard's exit: it counts as an
        iteration does for a loop unit (jit.c's probation)."""
        self.emit("(*iterations)++;")
        self.return_here(off)
        self.stopped = True

    def leave(self, off: int) -> None:
        """Return to the interpreter before `off`, which it runs (a loop's way
        out that the compiled code does not take itself, as a `return`)."""
        if self.function:
            raise Unsupported("below a function unit's stack")
        self.return_here(off)

    def return_here(self, off: int) -> None:
        """The code returns to the interpreter before `off`; what follows is
        reached by a jump, if at all, with nothing on the stack or cached."""
        for line in self.exit_code(off):
            self.emit(line)
        self.stack, self.cached, self.dirty = [], {}, set()
        self.reachable = False

    def python_call(self, ins, nxt, off: int) -> bool:
        """A call the interpreter makes (a Python function or class): stop before
        the PRECALL, and continue after the CALL, as a continuation entered there
        with the callee's result on top of what was below the callable. Consumes
        the CALL."""
        nargs = ins.arg
        if len(self.stack) < nargs + 2:
            raise Unsupported("PRECALL: short stack")
        below = [entry[0] is Kind.NULL for entry in self.stack[:len(self.stack) - nargs - 2]]
        self.end_segment(off)
        index = self.instrs.index(nxt) + 1
        if index >= len(self.instrs):
            return True
        cont = self.instrs[index].offset // 2
        if cont in self.joins or cont in self.loop_heads:
            return True
        # Entered with the frame's stack holding what the exit wrote below the
        # call (owned references, or the NULLs the translator knows of) and the
        # result on top: the code takes those references. The interpreter may
        # have come here on a path the compiled code left early: a LOAD_METHOD
        # below that found an attribute, not a method (pickle's `self.append`,
        # a bound method kept in the instance), left NULL and the attribute
        # where this code has the method and `self`. Such a stack is not the
        # one translated: the continuation returns at once (N = 0).
        self.lines.append(f"  c{cont}: ;")
        self.stack = []
        objects = []
        for n, is_null in enumerate([*below, False]):
            if is_null:
                self.stack.append(Entry(Kind.NULL, ""))
                continue
            v = self.var(Kind.OBJ)
            self.emit(f"{v} = S0[{n}];")
            self.stack.append(Entry(Kind.OBJ, v))
            objects.append(v)
        if len(objects) > 1:   # the top one, the call's result, is never NULL
            self.emit(f"if ({' || '.join(f'{v} == NULL' for v in objects[:-1])}) {{")
            self.emit("    return frame;")
            self.emit("}")
        self.reachable = True
        self.may_have_run_code = False
        self.entry = cont
        self.entries[cont] = 0
        return True

    def dispatch(self) -> tuple[str, list[int]]:
        """The switch that enters a function unit's compiled code at the frame's
        next instruction, and the continuations worth an executor."""
        conts = [off for off, n in self.entries.items()
                 if off != self.head and n >= MIN_SEGMENT]
        lines = ["switch (PyExecutor_Frame_GetNextInstr(frame)) {",
                 f"    case {self.head}: goto i{self.head};"]
        lines += [f"    case {off}: goto c{off};" for off in conts]
        lines += ["    default: return frame;", "}"]
        return "\n    ".join(lines), conts

    def one(self, ins) -> int:
        """Translate one instruction; returns how many of those after it it also
        consumed (a bool for one or none)."""
        off = ins.offset // 2
        name = ins.opname
        base = _BASE.get(name, name)
        arg = ins.arg
        structural = (base == "FOR_ITER" and (off == self.head or off in self.inner_fors)) or (
            base in _BACKWARD_JUMPS and self.closes_loop(ins))
        if not structural and not _jit_handled.handled(base, name, arg):
            _specialized(name)   # adaptive still: maybe later
            raise Unsupported(name)
        if off == self.head and base == "FOR_ITER":
            self.for_iter(off)
        elif base == "FOR_ITER":
            self.inner_for_iter(off)
        elif base == "GET_ITER":
            # An inner `for` loop's iterator (PyObject_GetIter, as the
            # interpreter's GET_ITER makes it; __iter__ may run code).
            self.generic(1, lambda value: f"PyObject_GetIter({value})", off)
        elif base == "LOAD_FAST":
            if arg in self.cached:
                self.stack.append(self.cached[arg])
            else:
                self.guard(f"L[{arg}] != NULL", off)
                self.stack.append(Entry(Kind.LOCAL, arg))
        elif base == "LOAD_CONST":
            self.stack.append(Entry(Kind.CONST, arg))
        elif base == "STORE_FAST":
            self.store_fast(arg, off)
        elif base == "POP_TOP" and not self.stack:   # the iterator, below S
            return self.break_out(ins, off)
        elif base == "POP_TOP":
            self.flush_before_release(self.stack[-1:], off)
            self.release_safe(self.stack.pop())
        elif base in ("COPY", "SWAP") and arg > len(self.stack):
            # Below the values the loop's body pushed: the iterator (a `return`
            # inside a `for` loop swaps its value below it). The interpreter
            # goes on from here.
            self.leave(off)
        elif base == "COPY":
            entry = self.stack[-arg]
            if entry[0] is Kind.OBJ:
                v = self.var(Kind.OBJ)
                self.emit(f"{v} = {entry[1]}; Py_INCREF({v});")
                entry = Entry(Kind.OBJ, v)
            self.stack.append(entry)
        elif base == "SWAP":
            self.stack[-1], self.stack[-arg] = self.stack[-arg], self.stack[-1]
        elif name == "BINARY_OP_INPLACE_ADD_UNICODE":
            return self.append_unicode(ins, off)
        elif base == "BINARY_OP":
            self.binary_op(name, arg, ins.argrepr, off)
        elif name == "BINARY_SUBSCR_LIST_INT":
            seq, index = self.stack[-2], self.stack[-1]
            self.flush_before_release((seq, index), off)
            s_expr, n = self.list_index(seq, index, off)
            self.emit(f"{n} = PyList_GET_ITEM({s_expr}, n{n}); Py_INCREF({n});")
            self.stack.pop()
            self.stack.pop()
            self.release_safe(seq)
            self.release_safe(index)
            self.stack.append(Entry(Kind.OBJ, n))
        elif name == "BINARY_SUBSCR_TUPLE_INT":
            seq, index = self.stack[-2], self.stack[-1]
            self.flush_before_release((seq, index), off)
            s_expr, n = self.list_index(seq, index, off, "PyTuple")
            self.emit(f"{n} = PyTuple_GET_ITEM({s_expr}, n{n}); Py_INCREF({n});")
            self.stack.pop()
            self.stack.pop()
            self.release_safe(seq)
            self.release_safe(index)
            self.stack.append(Entry(Kind.OBJ, n))
        elif name == "STORE_SUBSCR_LIST_INT":
            self.store_subscr_list_int(ins, off)
        elif base in ("BINARY_SUBSCR", "STORE_SUBSCR"):
            self.generic_subscript(ins, off)
        elif base == "UNPACK_SEQUENCE":
            self.unpack_sequence(name, arg, off)
        elif base == "LOAD_GLOBAL":
            self.load_global(arg, off)
        elif base == "PRECALL":
            return self.call(ins, off)
        elif base == "KW_NAMES":
            return self.keyword_call(ins, off)
        elif base in ("NOP", "RESUME"):
            # RESUME: the VM entered the unit, so the eval breaker had no work
            # and nothing traces.
            pass
        elif base == "LOAD_DEREF":
            # A cell's content may change whenever code runs: an owned reference.
            v = self.var(Kind.OBJ)
            self.emit(f"{v} = L[{arg}] != NULL ? PyCell_GET(L[{arg}]) : NULL;")
            self.guard(f"{v} != NULL", off)
            self.emit(f"Py_INCREF({v});")
            self.stack.append(Entry(Kind.OBJ, v))
        elif base == "UNARY_NEGATIVE":
            self.negative(off)
        elif base == "BUILD_TUPLE":
            self.build_sequence("Tuple", arg, off)
        elif base == "BUILD_LIST":
            self.build_sequence("List", arg, off)
        elif base == "LIST_APPEND":
            self.list_append(arg, off)
        elif base in ("RAISE_VARARGS", "LOAD_ASSERTION_ERROR"):
            # `raise`, a failed `assert`: the interpreter raises, and unwinds
            # to a handler of the loop's (which the translator does not reach:
            # the compiled code runs again from the next back edge) or out.
            self.leave(off)
        elif base == "FORMAT_VALUE":
            # An f-string's field: its conversion and format spec (on top, if
            # any) as the interpreter applies them; __format__ may run code.
            self.generic(2 if arg & 4 else 1, lambda value, spec="NULL":
                         f"plugopt_format_value({value}, {arg & 3}, {spec})", off)
        elif base == "BUILD_STRING":
            self.generic(arg, self.join_strings, off)
        elif base == "BUILD_SLICE":
            # a[i:j], a[i:j:k]: the slice made as the interpreter makes it (a
            # failure is no memory); its bounds are dropped after, generically.
            self.generic(arg, lambda *bounds: f"PySlice_New({', '.join(bounds)}"
                         f"{', NULL' if arg == 2 else ''})", off)
        elif base == "PUSH_NULL":
            self.stack.append(Entry(Kind.NULL, ""))
        elif base == "IS_OP":
            self.is_op(arg, off)
        elif base == "LOAD_METHOD":
            self.load_method(ins, off)
        elif base == "RETURN_VALUE" and self.function:
            self.end_segment(off)
        elif base == "RETURN_VALUE":
            # A `return` in a `while` loop (fannkuch's `else: return`): the
            # interpreter returns the value, from the exact state.
            self.leave(off)
        elif name in ("LOAD_ATTR_INSTANCE_VALUE", "LOAD_ATTR_SLOT"):
            self.load_attr(ins, off)
        elif name in ("STORE_ATTR_INSTANCE_VALUE", "STORE_ATTR_SLOT"):
            self.store_attr(ins, off)
        elif base in ("LOAD_ATTR", "STORE_ATTR"):
            self.generic_attribute(ins, off)
        elif name in _FUSED_COMPARISONS:
            return self.compare_and_branch(ins, off)
        elif base == "COMPARE_OP":
            self.compare_value(ins, off)
        elif base == "CONTAINS_OP":
            self.contains(arg, off)
        elif base == "UNARY_NOT":
            self.unary_not(off)
        elif base == "UNARY_INVERT":
            self.invert(off)
        elif base in _FORWARD_BRANCHES:
            self.branch_on_value(base, ins.argval // 2, off)
        elif base == "JUMP_FORWARD":
            self.jump_forward(ins.argval // 2, off)
        elif base == "JUMP_BACKWARD" and self.closes_loop(ins):
            self.back_edge(off, None, head=ins.argval // 2)
        elif base in _BACKWARD_JUMPS and self.closes_loop(ins):
            self.back_edge(off, self.truth_of_top(base, off), _after(ins), ins.argval // 2)
        else:
            raise Unsupported(name)
        return False

    # -- forward branches -----------------------------------------------------
    # A conditional or unconditional forward jump to an instruction of the body
    # leaves every path in one canonical state: on the statement-level stack
    # only the iterators of the inner `for` loops around the target (canonical())
    # and no local cached in a C variable (dirty ones boxed into the frame, as at
    # the back edge, floats written in place). Then a join needs no code of its
    # own, only the label of its instruction. A jump with anything else on the
    # stack (`and`/`or` keeping a value) is not translated.

    def canonical(self, off: int) -> list[Entry]:
        """The stack every path has at the label of `off` (a jump's target, an
        inner loop's head): the iterators of the inner `for` loops around it,
        outermost first, each in its C variable."""
        stack = []
        for head, exit_ in self.inner_fors.items():
            if head <= off < exit_:
                if head not in self.iterators:
                    raise Unsupported("a jump into an inner for loop not entered")
                stack.append(self.iterators[head])
        return stack

    def canonicalize(self, off: int, target: int | None = None) -> None:
        """Make the current state, at the start of `off`, the canonical one of
        `target` (where a jump at `off` goes; `off` itself if None)."""
        if self.stack != self.canonical(off if target is None else target):
            raise Unsupported("a value on the stack at a branch or a join")
        self.flush(off)
        self.cached.clear()

    def branch_to(self, target: int, condition: str | None) -> None:
        """Jump to `target` if `condition` (a C expression) holds, or always if
        None. The stack is the target's canonical one and the frame current
        (flushed); what stays cached is dropped, as every path reaches `target`
        with nothing cached."""
        if self.stack != self.canonical(target):
            raise Unsupported("a value on the stack at a branch")
        if target > self.back and not self.is_for:
            # Out of a `while` loop (a `break`, or its condition at the top): the
            # frame is current, so the compiled code returns there.
            self.emit(f"if ({condition}) {{" if condition is not None else "{")
            for line in self.exit_code(target):
                self.emit("    " + line)
            self.emit("}")
            self.cached.clear()
            return
        if not self.head < target <= self.back:
            raise Unsupported("a jump out of the loop's body")
        self.cached.clear()
        self.joins[target] = self.joins.get(target, False) or self.may_have_run_code
        self.emit(f"goto i{target};" if condition is None else f"if ({condition}) goto i{target};")

    def jump_forward(self, target: int, off: int) -> None:
        self.canonicalize(off, target)
        self.branch_to(target, None)
        self.reachable = False

    def break_out(self, ins, off: int) -> bool:
        """`break`: POP_TOP of the loop's iterator (the frame's top, below S) and
        a jump out of the loop. The compiled code does both and returns, with the
        frame where the interpreter would be after the jump. Consumes the jump.
        Any other POP_TOP of the iterator (a `return` with a constant) is left to
        the interpreter."""
        nxt = self.instrs[self.instrs.index(ins) + 1] if ins is not self.instrs[-1] else None
        if nxt is None or _BASE.get(nxt.opname, nxt.opname) != "JUMP_FORWARD" \
                or nxt.argval // 2 < self.end:
            # A `return` inside the loop (`return True`: the iterator popped,
            # then the value loaded and returned): the interpreter's.
            self.leave(off)
            return False
        self.flush(off)
        self.emit("{ PyObject *it = S[-1];")
        self.emit("    PyExecutor_Frame_SetStackPointer(frame, S - 1);")
        self.emit(f"    PyExecutor_Frame_SetNextInstr(frame, {nxt.argval // 2});")
        # Dropping the iterator may run code: the frame is complete by then.
        self.emit("    Py_DECREF(it);")
        self.emit("    return frame; }")
        self.cached.clear()
        self.reachable = False
        return True

    def truth_of_top(self, base: str, off: int) -> str:
        """For a conditional jump `base` (POP_JUMP_*_IF_TRUE/FALSE/NONE/NOT_NONE) on
        the value on top: flush the frame (while the value is still on the stack,
        so that an exit before `off` leaves it there for the interpreter), pop the
        value and return a C int variable that holds whether the jump is taken."""
        value = self.stack[-1]
        kind, what = value
        self.flush(off)
        if base.endswith("_NONE"):
            is_none = "0" if kind in UNBOXED else f"{self.object_expr(value)} == Py_None"
            jump_if = f"!({is_none})" if base.endswith("_NOT_NONE") else is_none
        else:
            if kind is Kind.DOUBLE:
                truth = f"({what}) != 0.0"   # NaN is true, as in Python
            elif kind is Kind.INT:
                truth = f"({what}) != 0"
            else:
                # True, False and None in C; anything else's truth through
                # PyObject_IsTrue, whose __bool__ or __len__ may run code (the
                # frame is current, showing this instruction running) or raise
                # (exit with the value on the stack).
                expr = self.object_expr(value)
                truth = self.var(Kind.INT)
                self.emit(f"{truth} = {expr} == Py_True ? 1 : "
                          f"({expr} == Py_False || {expr} == Py_None) ? 0 : "
                          f"(PyExecutor_Frame_SetNextInstr(frame, {off}), PyObject_IsTrue({expr}));")
                self.guard(f"{truth} >= 0", off)
                self.may_have_run_code = True
            jump_if = truth if base.endswith("_IF_TRUE") else f"!({truth})"
        jump = self.var(Kind.INT)
        self.emit(f"{jump} = {jump_if};")
        self.stack.pop()
        if kind is Kind.OBJ:
            # The frame is current: dropping the value may run code (not for
            # True and False).
            self.emit(f"Py_DECREF({what});")
            self.may_have_run_code |= base.endswith("NONE")
        return jump

    def branch_on_value(self, base: str, target: int, off: int) -> None:
        """POP_JUMP_FORWARD_IF_TRUE/FALSE/NONE/NOT_NONE on the value on top."""
        self.branch_to(target, self.truth_of_top(base, off))

    def closes_loop(self, ins) -> bool:
        """Whether the backward jump `ins` goes to the head of the loop unit or
        of one of its inner loops."""
        return ins.argval // 2 == self.head or ins.argval // 2 in self.inner_heads

    def back_edge(self, off: int, condition: str | None, after: int | None = None,
                  head: int | None = None) -> None:
        """The jump at `off` to the head `head` (the unit's, if None) of the loop
        or of an inner loop, if `condition` (a C expression) holds: the frame
        made current, the iteration counted, and the eval breaker and tracing
        checked (the interpreter checks them after a back edge: exit at the
        head, where it handles them). A conditional back edge falls through to
        `after`: the rest of the body, or, after the unit's last one, out of
        the loop, where the compiled code returns to the interpreter."""
        head = self.head if head is None else head
        if self.stack != self.canonical(head):
            raise Unsupported("values on the stack at the back edge")
        self.flush(off)
        if condition is not None:
            self.emit(f"if ({condition}) {{")
        if head == self.head or head in self.inner_entered:
            self.emit("(*iterations)++;")
            self.guard("!PyExecutor_EvalBreakerIsSet() && !TRACING()", head)
            self.emit(f"goto i{head};")
        else:
            # An inner loop whose head the translation did not reach (it lies
            # on a path the loop had not taken): the interpreter's, from there.
            for line in self.exit_code(head):
                self.emit(line)
        self.cached.clear()
        if condition is None:
            self.may_have_run_code = False
            self.reachable = False   # what follows is reached by a jump, if at all
            return
        self.emit("}")
        if off == self.back:
            for line in self.exit_code(after):
                self.emit(line)
            self.reachable = False

    def compare_and_branch(self, ins, off: int) -> bool:
        """COMPARE_OP followed by POP_JUMP_FORWARD_IF_FALSE/TRUE (3.11 fuses the
        pair into COMPARE_OP_FLOAT_JUMP or COMPARE_OP_INT_JUMP): the comparison in
        C, of two floats or two ints, and the jump. Consumes the jump."""
        nxt = self.instrs[self.instrs.index(ins) + 1]
        jump = _BASE.get(nxt.opname, nxt.opname)
        backward = jump in ("POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE")
        if backward and not self.closes_loop(nxt):
            raise Unsupported(f"{ins.opname} closing another loop")
        if not backward and jump not in ("POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE"):
            raise Unsupported(f"{ins.opname} without a conditional jump after it")
        self.flush(off)
        true = self.compare(ins, off)
        condition = true if jump.endswith("_IF_TRUE") else f"!{true}"
        if backward:
            self.back_edge(nxt.offset // 2, condition, _after(nxt), nxt.argval // 2)
        else:
            self.branch_to(nxt.argval // 2, condition)
        return True

    def compare(self, ins, off: int) -> str:
        """The comparison of a COMPARE_OP_FLOAT_JUMP, COMPARE_OP_INT_JUMP or
        COMPARE_OP_STR_JUMP (two floats, two ints or two strs, else exit before
        `off`) on the two entries on top, which it consumes: a C variable, 1 if
        it holds."""
        op = _COMPARISONS.get(ins.argrepr)
        if op is None:
            raise Unsupported(f"COMPARE_OP {ins.argrepr}")
        left, right = self.stack[-2], self.stack[-1]
        if ins.opname == "COMPARE_OP_STR_JUMP":
            return self.compare_strings(op, off)
        lk, rk = self.static_kind(left), self.static_kind(right)
        if ins.opname == "COMPARE_OP_FLOAT_JUMP" or Kind.DOUBLE in (lk, rk):
            domain = Kind.DOUBLE
        elif ins.opname == "COMPARE_OP_INT_JUMP" or (lk is Kind.INT and rk is Kind.INT):
            domain = Kind.INT
        else:
            _specialized(ins.opname)
            raise Unsupported(f"{ins.opname} {ins.argrepr}")
        if domain is Kind.DOUBLE:
            # Both floats: Python compares an int with a float exactly, not
            # after converting it to a double.
            a = self.need_double(left, off, other_is_float=False)
            b = self.need_double(right, off, other_is_float=False)
        else:
            a, b = self.need_int(left, off), self.need_int(right, off)
        true = self.var(Kind.INT)
        self.emit(f"{true} = ({a}) {op} ({b});")
        self.stack.pop()
        self.stack.pop()
        self.release(left)
        self.release(right)
        return true

    def compare_strings(self, op: str, off: int) -> str:
        """COMPARE_OP_STR_JUMP's comparison (== or !=) of two exact strs."""
        left, right = self.stack[-2], self.stack[-1]
        if op not in ("==", "!=") or left[0] in (*UNBOXED, Kind.NULL) or \
                right[0] in (*UNBOXED, Kind.NULL):
            raise Unsupported(f"COMPARE_OP_STR_JUMP {op}")
        a, b = self.object_expr(left), self.object_expr(right)
        self.guard(f"PyUnicode_CheckExact({a}) && PyUnicode_CheckExact({b})", off)
        true = self.var(Kind.INT)
        self.emit(f"{true} = PyUnicode_Compare({a}, {b}) {op} 0;")
        self.stack.pop()
        self.stack.pop()
        self.release(left)    # strs: their destructor runs no code
        self.release(right)
        return true

    def for_iter(self, off: int) -> None:
        # Canonical state here: the iterator is the frame's top of stack; one
        # whose next() runs no Python code, never sets StopIteration and keeps
        # returning NULL once exhausted (jit_runtime.h).
        self.guard("plugopt_is_simple_iterator(S[-1])", off)
        v = self.var(Kind.OBJ)
        self.emit(f"{v} = Py_TYPE(S[-1])->tp_iternext(S[-1]);")
        # Exhausted: these iterators keep returning NULL, so the interpreter's
        # FOR_ITER finds the same and jumps out of the loop itself.
        self.guard(f"{v} != NULL", off)
        self.stack.append(Entry(Kind.OBJ, v))

    def enter_inner_for(self, off: int) -> None:
        """The head of an inner `for` loop, reached from before the loop: the
        iterator GET_ITER left on the stack stays in its C variable while the
        loop runs (every state inside the loop holds it: canonical()). Its type
        is checked here, once: nothing else sees the variable."""
        if off in self.joins or not self.stack or self.stack[-1][0] is not Kind.OBJ:
            raise Unsupported("an inner for loop's iterator is not an object")
        self.iterators[off] = self.stack[-1]
        self.canonicalize(off)
        if self.may_have_run_code:
            self.guard("!TRACING()", off)
            self.may_have_run_code = False
        self.guard(f"plugopt_is_simple_iterator({self.stack[-1].value})", off)

    def inner_for_iter(self, off: int) -> None:
        """An inner `for` loop's FOR_ITER, on the iterator in its C variable:
        the next value; once exhausted, the iterator dropped and a jump past
        the loop, as the interpreter does, where the compiled code goes on.
        The iterator is a simple one (enter_inner_for)."""
        it = self.iterators[off].value
        exit_ = self.inner_fors[off]
        if self.stack[:-1] != self.canonical(exit_):
            raise Unsupported("a value on the stack at an inner for loop's exit")
        v = self.var(Kind.OBJ)
        self.emit(f"{v} = Py_TYPE({it})->tp_iternext({it});")
        # NULL with an exception: no memory for enumerate's tuple.
        self.guard(f"{v} != NULL || !PyErr_Occurred()", off)
        # Dropping the iterator drops what it iterates, which may run code:
        # the frame is current (the canonical state at the loop's head) and
        # shows this instruction, and the label past the loop checks tracing.
        self.emit(f"if ({v} == NULL) {{ PyExecutor_Frame_SetNextInstr(frame, {off}); "
                  f"Py_DECREF({it}); goto i{exit_}; }}")
        self.joins[exit_] = True
        self.stack.append(Entry(Kind.OBJ, v))

    # -- what the specializer left generic ------------------------------------
    # An instruction without a form the translator makes in C (a dict's
    # subscript, a property, owners of several types, `in`) is made by the
    # C API function the interpreter's own generic path calls. What that saves
    # is the interpreter's dispatch and stack traffic; it lets the rest of the
    # loop run compiled.

    def never_ran(self, ins) -> bool:
        """Whether `ins` is adaptive and has not run since its code was quickened
        (_jit_handled.never_ran): jit.c asks for the loop only once some of its
        instructions ran, so this one is on a path the loop has not taken."""
        counter = self.caches.get(ins.offset // 2, {}).get("counter")
        # A CALL is never a path of its own: a specialized PRECALL of a builtin
        # makes the call itself and skips it (its counter stays 0).
        return (ins.opname.endswith("_ADAPTIVE") and ins.opname != "CALL_ADAPTIVE"
                and counter is not None and _jit_handled.never_ran(counter))

    def settle(self, name: str, off: int) -> None:
        """Before translating the instruction `name` at `off` generically: wait
        (NotYet) while it is adaptive and the specializer has not failed to
        specialize it yet: it may still choose a form the translator makes in
        C (_jit_handled.WAIT_FOR_SPECIALIZER). A generic form is one the VM's
        quickening left generic (3.11 never specializes a COMPARE_OP that no
        jump follows): it is made generically at once."""
        counter = self.caches.get(off, {}).get("counter")
        if name.endswith("_ADAPTIVE") and (
                counter is None or not _jit_handled.specializer_gave_up(counter)):
            raise NotYet(name)

    def generic(self, count: int, call, off: int, status: bool = False) -> str:
        """The instruction at `off`, made by `call` (a function of the C
        expressions of the `count` entries on top, boxed first, returning the C
        call), which may run any code: the frame is made current first, with
        `off` as the instruction running (a traceback, `f_back.f_lineno`).
        A failure (NULL, or with `status` a negative int) exits before `off`
        with the exception set and the operands on the stack, which the
        interpreter's unwinding drops. The operands are dropped after the call.
        Pushes the result; with `status`, pushes nothing. Returns the C
        variable holding the result or the status."""
        if off < 0:
            # An inlined body (_Inliner) runs nothing that could run code
            # before it returns: the call is made instead.
            raise Unsupported("a generic instruction in an inlined function")
        if count > len(self.stack):
            raise Unsupported("an operand below the loop")
        self.box_top(count, off)
        operands = self.stack[len(self.stack) - count:]
        if any(kind is Kind.NULL for kind, _ in operands):
            raise Unsupported("a NULL operand")
        self.flush(off)
        self.emit(f"PyExecutor_Frame_SetNextInstr(frame, {off});")
        made = call(*(self.object_expr(entry) for entry in operands))
        if status:
            r = f"st{self.nvars}"
            self.nvars += 1
            self.emit(f"int {r} = {made};")
            self.guard(f"{r} >= 0", off)
        else:
            r = self.var(Kind.OBJ)
            self.emit(f"{r} = {made};")
            self.guard(f"{r} != NULL", off)
        del self.stack[len(self.stack) - count:]
        for entry in operands:
            self.release_safe(entry)
        self.may_have_run_code = True
        if not status:
            self.stack.append(Entry(Kind.OBJ, r))
        return r

    def push_bool(self, condition: str) -> None:
        """Push True or False (borrowed: they are never freed) as the C
        expression `condition` holds."""
        r = self.var(Kind.OBJ)
        self.emit(f"{r} = ({condition}) ? Py_True : Py_False;")
        self.stack.append(Entry(Kind.BORROWED, r))

    def generic_subscript(self, ins, off: int) -> None:
        """BINARY_SUBSCR and STORE_SUBSCR in any form but a list's or tuple's
        by an int: PyObject_GetItem, PyObject_SetItem."""
        self.settle(ins.opname, off)
        if ins.opname == "BINARY_SUBSCR_GETITEM":   # a class's __getitem__
            self.python_calls += 1
        if _BASE.get(ins.opname, ins.opname) == "BINARY_SUBSCR":
            self.generic(2, lambda c, k: f"PyObject_GetItem({c}, {k})", off)
        else:
            self.generic(3, lambda v, c, k: f"PyObject_SetItem({c}, {k}, {v})", off,
                         status=True)

    def generic_attribute(self, ins, off: int) -> None:
        """LOAD_ATTR and STORE_ATTR in any form but those read from the
        instance in C: PyObject_GetAttr, PyObject_SetAttr; the `_WITH_HINT`
        forms in the instance's dict behind the type's version, as the
        interpreter's forms do (through the C API, go's loops over squares,
        whose instances keep their attributes in dicts, ran 20% more
        instructions compiled than in the interpreter)."""
        self.settle(ins.opname, off)
        name = self.ref(self.code.co_names[ins.arg])
        base = _BASE.get(ins.opname, ins.opname)
        cache = self.caches.get(ins.offset // 2, {})
        version = cache.get("version")
        if ins.opname.endswith("_WITH_HINT") and version:
            # The instance's dict, behind the type's version (jit_runtime.h).
            same = f"Py_TYPE({{o}})->tp_version_tag == {self.version(version)}"
            if base == "STORE_ATTR":
                self.generic(2, lambda v, o: "plugopt_store_dict_attr("
                             f"{o}, {name}, {v}, {same.format(o=o)})", off, status=True)
            else:
                hint = cache.get("index", 0)
                self.generic(1, lambda o: "plugopt_dict_attr("
                             f"{o}, {name}, {same.format(o=o)}, {hint})", off)
            return
        if base == "STORE_ATTR":
            self.generic(2, lambda v, o: f"PyObject_SetAttr({o}, {name}, {v})", off,
                         status=True)
            return
        if ins.opname == "LOAD_ATTR_MODULE" and \
                not hasattr(types.ModuleType, self.code.co_names[ins.arg]):
            # The module's dict entry, as the specialized form reads it.
            self.generic(1, lambda o: f"plugopt_module_attr({o}, {name})", off)
            return
        self.generic(1, lambda o: f"PyObject_GetAttr({o}, {name})", off)

    def compare_value(self, ins, off: int) -> None:
        """COMPARE_OP not fused with a jump: of two unboxed numbers of one kind
        in C, of anything else PyObject_RichCompare (whose result the jump
        after it, if any, takes when it is a bool)."""
        op = _COMPARISONS.get(ins.argrepr)
        if op is None:
            raise Unsupported(f"COMPARE_OP {ins.argrepr}")
        left, right = self.stack[-2], self.stack[-1]
        kind = left[0]
        if kind in UNBOXED and right[0] is kind:
            self.stack.pop()
            self.stack.pop()
            self.push_bool(f"({left[1]}) {op} ({right[1]})")
            return
        self.settle(ins.opname, off)
        self.generic(2, lambda a, b: f"PyObject_RichCompare({a}, {b}, {ins.arg})", off)

    def contains(self, invert: int, off: int) -> None:
        """CONTAINS_OP (`in`, `not in`): PySequence_Contains."""
        found = self.generic(2, lambda item, seq: f"PySequence_Contains({seq}, {item})", off,
                             status=True)
        self.push_bool(f"{found} != {invert}")

    def unary_not(self, off: int) -> None:
        """UNARY_NOT: of an unboxed number in C, of an object PyObject_IsTrue
        (its __bool__ or __len__ may run code)."""
        kind, what = self.stack[-1]
        if kind in UNBOXED:
            self.stack.pop()
            self.push_bool(f"({what}) == 0")
            return
        true = self.generic(1, lambda o: f"PyObject_IsTrue({o})", off, status=True)
        self.push_bool(f"{true} == 0")

    def invert(self, off: int) -> None:
        """UNARY_INVERT of an int (else exit): ~x fits, as |x| < 2**62."""
        value = self.stack[-1]
        x = self.need_int(value, off)
        self.stack.pop()
        self.release(value)   # an int
        self.stack.append(Entry(Kind.INT, f"(~{x})"))

    def store_fast(self, arg: int, off: int) -> None:
        value = self.stack[-1]
        if value[0] not in UNBOXED:
            # The old value may be anything: its destructor may run Python
            # code, so the frame must be up to date first.
            self.flush(off)
        self.stack.pop()
        self.own_borrowed_of(arg)
        if value[0] in UNBOXED:
            kind = value[0]
            if arg not in self.cached or self.cached[arg][0] != kind:
                self.cached[arg] = Entry(kind, self.var(kind))
            self.emit(f"{self.cached[arg][1]} = {value[1]};")
            self.dirty.add(arg)
            return
        expr, pre = self.as_object_expr(value)
        for line in pre:
            self.emit(line)
        self.emit(f"{{ PyObject *o = L[{arg}]; L[{arg}] = {expr}; Py_XDECREF(o); }}")
        self.may_have_run_code = True
        self.cached.pop(arg, None)
        self.dirty.discard(arg)

    def join_strings(self, *items: str) -> str:
        """BUILD_STRING's call (the C expressions of its items, strs): joined
        with the empty separator, as the interpreter joins an f-string's
        parts."""
        a = f"a{self.nvars}"
        self.nvars += 1
        self.emit(f"PyObject *{a}[{len(items)}] = {{{', '.join(items)}}};")
        return f"_PyUnicode_JoinArray({self.ref('')}, {a}, {len(items)})"

    def append_unicode(self, ins, off: int) -> int:
        """`s += t` (or `s = s + t`) of strs, as the specializer's
        BINARY_OP_INPLACE_ADD_UNICODE makes it with the STORE_FAST after it:
        PyUnicode_Append on the local itself, which grows the string in place
        when the local holds its only reference (through PyNumber_InPlaceAdd,
        building a string this way would copy it at every step). Behind the
        form's guards (both operands exact strs; else exit before, the
        interpreter deoptimizes); a failure (no memory) leaves the local NULL
        and exits with the operands dropped, as the interpreter does. Where the
        left operand is not that local as the translator sees it (or the right
        one is the same local, which must not be grown under it), generically.
        Consumes the STORE_FAST."""
        index = self.instrs.index(ins) + 1
        nxt = self.instrs[index] if index < len(self.instrs) else None
        left, right = self.stack[-2], self.stack[-1]
        if nxt is None or _BASE.get(nxt.opname, nxt.opname) != "STORE_FAST" or \
                left != Entry(Kind.LOCAL, nxt.arg) or right == left or \
                nxt.arg in self.cached or right[0] in (*UNBOXED, Kind.NULL):
            self.binary_op(ins.opname, ins.arg, ins.argrepr, off)
            return 0
        local, r = nxt.arg, self.object_expr(right)
        self.guard(f"PyUnicode_CheckExact(L[{local}]) && PyUnicode_CheckExact({r})", off)
        del self.stack[-2:]
        self.own_borrowed_of(local)   # an earlier read of the local keeps its value
        self.emit(f"PyUnicode_Append(&L[{local}], {r});")
        self.release(right)           # a str: its destructor runs no code
        self.guard(f"L[{local}] != NULL", off)
        return 1

    def binary_op(self, name: str, arg: int, argrepr: str, off: int) -> None:
        op = _OPS.get(arg)
        left, right = self.stack[-2], self.stack[-1]
        lk, rk = self.static_kind(left), self.static_kind(right)
        # The domain: float if an operand is known to be a float, or the
        # specializer saw floats; int if both are known ints, or the
        # specializer saw ints. The other operators are never specialized in
        # 3.11: / and ** take the float path behind guards, // % & | ^ the
        # int path (an executor whose guards keep failing steps aside: jit.c).
        if Kind.DOUBLE in (lk, rk) or name in _FLOAT_SPECIALIZED:
            domain = Kind.DOUBLE
        elif (lk is Kind.INT and rk is Kind.INT) or name in _INT_SPECIALIZED:
            domain = Kind.INT
        elif op in ("/", "**"):
            domain = Kind.DOUBLE
        elif op in ("//", "%", "&", "|", "^", "<<", ">>"):
            domain = Kind.INT
        elif op in ("+", "-", "*"):
            # Operands the specializer found of no one numeric type (or of
            # other types): the C API's operator, as the interpreter calls it.
            self.settle(name, off)
            self.generic(2, lambda a, b: f"{_number_function(arg)}({a}, {b})", off)
            return
        else:
            raise Unsupported(f"{name} {argrepr}")
        if domain is Kind.INT and op == "/":
            result = self.int_true_divide(left, right, off)
        elif domain is Kind.DOUBLE:
            if op not in _FLOAT_OPS:
                raise Unsupported(f"float {argrepr}")
            result = self.float_op(op, left, right, lk is Kind.DOUBLE, rk is Kind.DOUBLE, off)
        else:
            if op not in _INT_OPS:
                raise Unsupported(f"int {argrepr}")
            result = self.int_op(op, left, right, off)
        self.stack.pop()
        self.stack.pop()
        self.release(left)
        self.release(right)
        self.stack.append(result)

    def float_op(self, op: str, left, right, left_float: bool, right_float: bool,
                 off: int) -> Entry:
        a = self.need_double(left, off, other_is_float=right_float)
        b = self.need_double(right, off, other_is_float=left_float)
        r = self.var(Kind.DOUBLE)
        if op == "**":
            # Python's float ** float for a positive finite base and a finite
            # result is C's pow(); anything else is the interpreter's job.
            self.guard(f"{a} > 0.0 && isfinite({a}) && isfinite({b})", off)
            self.emit(f"{r} = pow({a}, {b});")
            self.guard(f"isfinite({r})", off)
        elif op == "/":
            self.guard(f"{b} != 0.0", off)
            self.emit(f"{r} = {a} / {b};")
        else:
            self.emit(f"{r} = {a} {op} {b};")
        return Entry(Kind.DOUBLE, r)

    def int_op(self, op: str, left: Entry, right: Entry, off: int) -> Entry:
        a = self.need_int(left, off)
        b = self.need_int(right, off)
        r = self.var(Kind.INT)
        builtin = {"+": "add", "-": "sub", "*": "mul"}.get(op)
        if builtin is not None:
            # A result that does not fit is the interpreter's (a bigger int).
            self.guard(f"!__builtin_{builtin}_overflow({a}, {b}, &{r}) && "
                       f"{r} > -(1LL << 62) && {r} < (1LL << 62)", off)
        elif op in ("//", "%"):
            self.guard(f"{b} != 0", off)
            helper = "plugopt_floor_div" if op == "//" else "plugopt_floor_mod"
            self.emit(f"{r} = {helper}({a}, {b});")
        elif op == ">>":
            # Python's >> rounds towards minus infinity, as an arithmetic shift
            # does (GCC's >> of a negative long long); 63 bits or more: the sign.
            self.guard(f"{b} >= 0", off)   # a negative count raises
            self.emit(f"{r} = {b} < 63 ? {a} >> {b} : ({a} < 0 ? -1 : 0);")
        elif op == "<<":
            # Multiplied (a shift of a negative number is undefined in C); a
            # result of 2**62 or more is the interpreter's (a bigger int).
            self.guard(f"{b} >= 0 && {b} < 62 && {a} > -(1LL << (62 - {b})) && "
                       f"{a} < (1LL << (62 - {b}))", off)
            self.emit(f"{r} = {a} * (1LL << {b});")
        else:
            self.emit(f"{r} = {a} {op} {b};")
        return Entry(Kind.INT, r)

    def int_true_divide(self, left: Entry, right: Entry, off: int) -> Entry:
        a = self.need_int(left, off)
        b = self.need_int(right, off)
        r = self.var(Kind.DOUBLE)
        # Both exact in a double: the quotient is correctly rounded, as Python's.
        self.guard(f"{b} != 0 && llabs({a}) <= {_EXACT_IN_DOUBLE}LL && "
                   f"llabs({b}) <= {_EXACT_IN_DOUBLE}LL", off)
        self.emit(f"{r} = (double){a} / (double){b};")
        return Entry(Kind.DOUBLE, r)

    def replace_plain_value(self, old: str, value, store: str, off: int) -> None:
        """Put the entry `value` where the C variable `old` came from (a list item,
        an attribute), `old` being a float, an int, a bool or None (guarded by the
        caller): a float nobody else references takes a new float value in place;
        otherwise `store` (a C statement, with {new} for the new reference) stores
        the new value and `old` is dropped, running no code."""
        if value[0] is Kind.DOUBLE:
            self.emit(f"if (plugopt_float_is_private({old})) {{")
            self.emit(f"    ((PyFloatObject *){old})->ob_fval = {value[1]};")
            self.emit("} else {")
        if value[0] in UNBOXED:
            box = self.var(Kind.OBJ)
            self.emit(f"{box} = {self.box(value[0], value[1])};")
            self.guard(f"{box} != NULL", off)
        else:
            box, pre = self.as_object_expr(value)
            for line in pre:
                self.emit(line)
        self.emit(store.format(new=box) + f" Py_DECREF({old});")
        if value[0] is Kind.DOUBLE:
            self.emit("}")

    def negative(self, off: int) -> None:
        """UNARY_NEGATIVE of an unboxed number, an int or float constant, or an
        object that must be a float (3.11 does not specialize it: an int object
        exits)."""
        value = self.stack[-1]
        kind = self.static_kind(value)
        if kind is Kind.INT:
            # |x| <= 2**62 for every unboxed int: its negation fits.
            result = Entry(Kind.INT, f"(-{self.need_int(value, off)})")
        else:
            result = Entry(Kind.DOUBLE, f"(-{self.need_double(value, off, False)})")
        self.stack.pop()
        self.release(value)
        self.stack.append(result)

    def box_top(self, count: int, off: int) -> None:
        """Box the unboxed entries among the top `count`, one at a time: a box
        that fails exits with the ones made so far on the stack as objects."""
        for n in range(len(self.stack) - count, len(self.stack)):
            kind, what = self.stack[n]
            if kind in UNBOXED:
                b = self.var(Kind.OBJ)
                self.emit(f"{b} = {self.box(kind, what)};")
                self.guard(f"{b} != NULL", off)
                self.stack[n] = Entry(Kind.OBJ, b)

    def build_sequence(self, type_: str, count: int, off: int) -> None:
        """BUILD_TUPLE, BUILD_LIST (`type_` "Tuple" or "List"): the items boxed,
        the sequence made (no memory: exit before, nothing changed), then
        filled; no reference is dropped, no code runs."""
        if count > len(self.stack) or any(
                e[0] is Kind.NULL for e in self.stack[len(self.stack) - count:]):
            raise Unsupported(f"BUILD_{type_.upper()} of values below the loop")
        self.box_top(count, off)
        t = self.var(Kind.OBJ)
        self.emit(f"{t} = Py{type_}_New({count});")
        self.guard(f"{t} != NULL", off)
        items = self.stack[len(self.stack) - count:]
        for n, entry in enumerate(items):
            expr, pre = self.as_object_expr(entry)
            for line in pre:
                self.emit(line)
            self.emit(f"Py{type_}_SET_ITEM({t}, {n}, {expr});")
        del self.stack[len(self.stack) - count:]
        self.stack.append(Entry(Kind.OBJ, t))

    def list_append(self, depth: int, off: int) -> None:
        """LIST_APPEND (a list comprehension): the value appended to the list
        `depth` entries below it, on the translator's stack or, below the
        loop's iterator, in the frame. A failed append (no memory) exits before
        it with nothing changed."""
        self.box_top(1, off)
        value = self.stack[-1]
        if value[0] is Kind.NULL:
            raise Unsupported("LIST_APPEND of NULL")
        below = len(self.stack) - 1 - depth
        if below >= 0:
            target = self.object_expr(self.stack[below])
        elif not self.function:
            target = f"S[{below}]"
        else:
            raise Unsupported("LIST_APPEND below the stack")
        self.guard(f"PyList_Append({target}, {self.object_expr(value)}) == 0", off)
        self.stack.pop()
        # The list holds the value now: dropping ours frees nothing.
        self.release(value)

    def store_subscr_list_int(self, ins, off: int) -> None:
        value, seq, index = self.stack[-3], self.stack[-2], self.stack[-1]
        self.flush_before_release((seq, index), off)
        s_expr, n = self.list_index(seq, index, off)
        self.emit(f"{n} = PyList_GET_ITEM({s_expr}, n{n});")
        # An old item that is a float, an int, a bool or None is dropped at once:
        # its destructor runs no Python code. Anything else is dropped as the
        # interpreter drops it, with the frame current (the dirty locals boxed
        # into it, and still cached), and tracing is checked after it.
        ran = self.var(Kind.INT)
        self.emit(f"{ran} = !({_plain_value(n)});")
        self.emit(f"if ({ran}) {{")
        dirty = set(self.dirty)
        self.flush(off)
        self.dirty = dirty
        new, pre = self.as_object_expr(value)
        for line in pre:
            self.emit(line)
        if value[0] in UNBOXED:
            box = self.var(Kind.OBJ)
            self.emit(f"{box} = {new};")
            self.guard(f"{box} != NULL", off)
            new = box
        self.emit(f"PyList_SET_ITEM({s_expr}, n{n}, {new}); Py_DECREF({n});")
        self.emit("} else {")
        self.replace_plain_value(n, value, f"PyList_SET_ITEM({s_expr}, n{n}, {{new}});", off)
        self.emit("}")
        for _ in range(3):
            self.stack.pop()
        self.release_safe(seq)
        self.release_safe(index)
        nxt = self.instrs[self.instrs.index(ins) + 1].offset // 2
        if not self.may_have_run_code:
            self.guard(f"!{ran} || !TRACING()", nxt)

    def unpack_sequence(self, name: str, arg: int, off: int) -> None:
        _specialized(name)
        seq = self.stack[-1]
        s_expr = self.object_expr(seq)
        check = {"UNPACK_SEQUENCE_TWO_TUPLE": "PyTuple_CheckExact",
                 "UNPACK_SEQUENCE_TUPLE": "PyTuple_CheckExact",
                 "UNPACK_SEQUENCE_LIST": "PyList_CheckExact"}.get(name)
        if check is None:
            raise Unsupported(name)
        size = "PyTuple_GET_SIZE" if "TUPLE" in name else "PyList_GET_SIZE"
        item = "PyTuple_GET_ITEM" if "TUPLE" in name else "PyList_GET_ITEM"
        self.guard(f"{check}({s_expr}) && {size}({s_expr}) == {arg}", off)
        items = []
        for k in range(arg):
            v = self.var(Kind.OBJ)
            self.emit(f"{v} = {item}({s_expr}, {k}); Py_INCREF({v});")
            items.append(Entry(Kind.OBJ, v))
        self.stack.pop()
        # Its items are alive (we hold them), so freeing it runs no code.
        self.release(seq)
        self.stack.extend(reversed(items))

    def attr_cache(self, ins) -> tuple[int, int]:
        """The type version and the index (or slot offset) the specializer wrote
        into the instruction's inline cache."""
        cache = self.caches.get(ins.offset // 2, {})
        version, index = cache.get("version"), cache.get("index")
        if not version or index is None:
            raise Unsupported(f"{ins.opname} without its cache")
        return version, index

    def owner_check(self, ins, owner: str, version: int, index: int) -> str:
        """The C condition that `owner` keeps the attribute of an
        `*_INSTANCE_VALUE` or `*_SLOT` instruction where the type the specializer
        saw keeps it: that type's version, or else, for an owner of another type
        (a loop over tasks of several classes), a check of its type's current
        state (jit_runtime.h, "Polymorphic sites"). The compiler reads an
        owner's type once for several such checks on one path."""
        helper = ("plugopt_slot_attr_at" if ins.opname.endswith("_SLOT")
                  else "plugopt_values_attr_at")
        return (f"(Py_TYPE({owner})->tp_version_tag == {self.version(version)} || "
                f"{helper}({owner}, {self.ref(ins.argval)}, {index}))")

    def store_attr(self, ins, off: int) -> None:
        """STORE_ATTR_INSTANCE_VALUE and STORE_ATTR_SLOT over an attribute that is
        set, as the interpreter runs them behind the type's version (or, for an
        owner of another type, owner_check's check of its type). The old value
        is dropped here only when it is a float, an int, a bool or None, whose
        destructors run no Python code; a float nobody else references takes the
        new value in place. Anything else: exit, and the interpreter stores."""
        version, index = self.attr_cache(ins)
        value, owner = self.stack[-2], self.stack[-1]
        if owner[0] in (*UNBOXED, Kind.NULL) or value[0] is Kind.NULL:
            raise Unsupported(f"{ins.opname} of an unboxed owner")
        self.flush_before_release([owner], off)
        o = self.object_expr(owner)
        self.guard(self.owner_check(ins, o, version, index), off)
        slot = f"a{self.nvars}"
        self.nvars += 1
        if ins.opname == "STORE_ATTR_INSTANCE_VALUE":
            self.emit(f"PyObject **{slot} = plugopt_instance_slot({o}, {index});")
        elif ins.opname == "STORE_ATTR_SLOT":
            self.emit(f"PyObject **{slot} = (PyObject **)((char *){o} + {index});")
        else:
            _specialized(ins.opname)
            raise Unsupported(ins.opname)
        old = self.var(Kind.OBJ)
        self.emit(f"{old} = {slot} != NULL ? *{slot} : NULL;")
        self.guard(f"{old} != NULL && ({_plain_value(old)})", off)
        self.replace_plain_value(old, value, f"*{slot} = {{new}};", off)
        self.stack.pop()
        self.stack.pop()
        self.release_safe(owner)

    def load_attr(self, ins, off: int) -> None:
        """LOAD_ATTR_INSTANCE_VALUE and LOAD_ATTR_SLOT, as the interpreter runs them:
        where the owner keeps the attribute as the type the specializer saw does
        (owner_check), it is read from the instance's values array or its slot;
        anywhere else, or missing there, through PyObject_GetAttr. The version
        tag is passed at run time (W), so the source is the same in every
        process."""
        version, index = self.attr_cache(ins)
        owner = self.stack[-1]
        if owner[0] in (*UNBOXED, Kind.NULL):
            raise Unsupported(f"{ins.opname} of an unboxed value")
        expr = self.object_expr(owner)
        self.flush_before_release([owner], off)
        r = self.var(Kind.OBJ)
        if ins.opname == "LOAD_ATTR_INSTANCE_VALUE":
            fast = f"plugopt_instance_value({expr}, {index})"
        else:
            fast = f"*(PyObject **)((char *){expr} + {index})"
        self.emit(f"{r} = {self.owner_check(ins, expr, version, index)} ? {fast} : NULL;")
        # An owner of another type, or without the attribute there (owners of
        # several types, as in a loop over the shapes of a scene): the
        # interpreter's generic path, PyObject_GetAttr, with the frame current.
        # The other path leaves the dirty locals as they are, so they stay
        # dirty (boxed again later, to the same values).
        dirty = set(self.dirty)
        self.emit(f"if ({r} == NULL) {{")
        self.flush(off)
        self.dirty = dirty
        self.emit(f"    PyExecutor_Frame_SetNextInstr(frame, {off});")
        self.emit(f"    {r} = PyObject_GetAttr({expr}, {self.ref(ins.argval)});")
        self.guard(f"{r} != NULL", off)
        self.emit("} else {")
        self.emit(f"    Py_INCREF({r});")
        self.emit("}")
        self.may_have_run_code = True   # a property, __getattr__
        self.stack.pop()
        self.release_safe(owner)
        self.stack.append(Entry(Kind.OBJ, r))

    def load_global(self, arg: int, off: int) -> None:
        """LOAD_GLOBAL, of a name found in the globals or the builtins when the
        loop or function became hot. Usually the executor depends on the globals
        dict (and, for a builtin, on the builtins dict) and on the value, so while
        it is installed the name still names that object: the guard checks that it
        is installed, and that the frame runs with those dicts (a code object may
        run with others). For a unit whose globals keep changing
        (WATCHED_TRANSLATIONS), the guard looks the name up instead (and, for a
        function to inline, checks its code)."""
        name = self.code.co_names[arg >> 1]
        value, builtins = _find_global(self.globals, name)
        inline = isinstance(value, types.FunctionType) and _Inliner.can_inline(value)
        f = self.var(Kind.OBJ)
        kind = Kind.BORROWED
        if self.depend_on_globals:
            condition = f"*V && G == {self.depend(self.globals)}"
            if builtins is not None:
                condition += f" && PyExecutor_Frame_GetBuiltins(frame) == {self.depend(builtins)}"
            self.guard(condition, off)
            # Borrowed, and never freed while the code runs: an inlined function
            # is called before any code could rebind it (its body is pure);
            # any other value is kept alive by the executor (K).
            self.emit(f"{f} = {self.depend(value) if inline else self.ref(value)};")
        else:
            self.emit(f"{f} = plugopt_load_global(G, PyExecutor_Frame_GetBuiltins(frame), "
                      f"{self.ref(name)});")
            if inline:
                self.guard(f"{f} != NULL && Py_IS_TYPE({f}, &PyFunction_Type) && "
                           f"PyFunction_GET_CODE({f}) == {self.ref(value.__code__)}", off)
            else:
                self.guard(f"{f} != NULL", off)
            # Found in a dict that code run later may change: its own reference.
            self.emit(f"Py_INCREF({f});")
            kind = Kind.OBJ
        if arg & 1:
            self.stack.append(Entry(Kind.NULL, ""))
        self.stack.append(Entry(kind, f))
        if inline:
            self.callees[f] = value.__code__
        self.known[f] = value

    def is_op(self, arg: int, off: int) -> None:
        """`is` / `is not`: True or False, borrowed (they are never freed)."""
        left, right = self.stack[-2], self.stack[-1]
        if Kind.NULL in (left[0], right[0]):
            raise Unsupported("IS_OP of a NULL")
        if left[0] in UNBOXED or right[0] in UNBOXED:
            raise Unsupported("IS_OP of an unboxed value")   # its identity is the box's
        self.flush_before_release((left, right), off)
        left, right = self.stack[-2], self.stack[-1]
        test = "!=" if arg else "=="
        condition = f"{self.object_expr(left)} {test} {self.object_expr(right)}"
        self.stack.pop()
        self.stack.pop()
        self.push_bool(condition)   # compared before the operands are dropped
        self.release_safe(left)
        self.release_safe(right)

    def load_method(self, ins, off: int) -> None:
        """LOAD_METHOD in any form, as the interpreter runs it when it finds a
        method: pushes the method and the owner. Where the specializer cached one
        (method_cache_checks) and the owner's type and the cache still have the
        versions it saw, the method is read from the inline cache. Anywhere else
        (an owner of another class, as in a loop over tasks or shapes of several
        classes; a site the specializer left generic) it is looked up as
        LOAD_METHOD looks it up, with _PyObject_GetMethod, which can run code: the
        frame is made current first. A lookup that fails exits before the
        LOAD_METHOD, with the exception set; one that finds an attribute that is
        not a plain method (a callable instance attribute, a classmethod) exits
        after it, with what LOAD_METHOD pushes then: NULL and the attribute."""
        self.box_top(1, off)   # `x.is_integer()` of a float
        owner = self.stack[-1]
        if owner[0] is Kind.NULL:
            raise Unsupported(f"{ins.opname} of NULL")
        o = self.object_expr(owner)
        checks = self.method_cache_checks(ins, o, off)
        if checks is None:
            self.settle(ins.opname, off)
        m = self.var(Kind.OBJ)
        if checks is not None:
            self.emit(f"if ({checks}) {{")
            self.emit(f"    {m} = plugopt_cache_object(CODE, {off + 7}); Py_INCREF({m});")
            self.emit("} else {")
        else:
            self.emit("{")
        # The lookup may run code, and so may dropping the owner: the frame is
        # made current on this path, and the other one leaves the dirty locals
        # as they are (as load_attr's).
        dirty = set(self.dirty)
        self.flush(off)
        self.dirty = dirty
        found = f"found{self.nvars}"
        self.nvars += 1
        self.emit(f"    PyExecutor_Frame_SetNextInstr(frame, {off});")
        self.emit(f"    int {found} = _PyObject_GetMethod({o}, {self.ref(ins.argval)}, &{m});")
        self.guard(f"{m} != NULL", off)
        after = self.instrs[self.instrs.index(ins) + 1].offset // 2
        stack = self.stack
        self.stack = [*stack[:-1], Entry(Kind.NULL, ""), Entry(Kind.OBJ, m)]
        drop = [f"Py_DECREF({o});"] if owner[0] is Kind.OBJ else []
        self.guard(found, after, cleanup=drop)
        # A method found ran no code but a dict lookup's __eq__, at worst; if
        # that started tracing, the interpreter goes on after the LOAD_METHOD.
        self.stack = [*stack[:-1], Entry(Kind.OBJ, m), owner]
        self.guard("!TRACING()", after)
        self.stack = stack
        self.emit("}")
        self.stack[-1] = Entry(Kind.OBJ, m)
        self.stack.append(owner)
        if checks is not None:
            cache = self.caches.get(off, {})
            method = _cached_method(cache, self.code.co_names[ins.arg], self.globals)
            if method is not None and _Inliner.can_inline(method):
                self.methods[m] = method

    def method_cache_checks(self, ins, owner: str, off: int) -> str | None:
        """For LOAD_METHOD_WITH_VALUES and LOAD_METHOD_NO_DICT, the C condition
        under which the interpreter would take the method from the inline cache:
        the owner's type has the version the specializer saw (and, with values,
        no instance attribute of that name: the shared keys' version), and the
        cache still holds those versions. None for any other form."""
        cache = self.caches.get(off, {})
        version = cache.get("type_version")
        if ins.opname not in ("LOAD_METHOD_WITH_VALUES", "LOAD_METHOD_NO_DICT") or \
                not version:
            return None
        checks = [f"Py_TYPE({owner})->tp_version_tag == {self.version(version)}",
                  f"plugopt_cache_u32(CODE, {off + 2}) == {self.version(version)}"]
        if ins.opname == "LOAD_METHOD_WITH_VALUES":
            keys = cache.get("keys_version")
            if not keys:
                return None
            checks += [f"plugopt_managed_dict({owner}) == NULL",
                       f"plugopt_cached_keys_version(Py_TYPE({owner})) == {self.version(keys)}",
                       f"plugopt_cache_u32(CODE, {off + 5}) == {self.version(keys)}"]
        return " && ".join(checks)

    def call(self, ins, off: int) -> bool:
        """PRECALL and its CALL: a small function or method inlined, a math
        function computed in C; in a function unit, a Python call stops the
        compiled code (python_call); anything else called through vectorcall.
        Consumes the CALL."""
        nargs = ins.arg
        nxt = self.instrs[self.instrs.index(ins) + 1]
        if _BASE.get(nxt.opname, nxt.opname) != "CALL" or nxt.arg != nargs:
            raise Unsupported("PRECALL without its CALL")
        if len(self.stack) < nargs + 2:
            raise Unsupported("PRECALL: short stack")
        state = self.snapshot()
        try:
            if self.inline_call(ins, off) or self.inline_construction(ins, off):
                return True
        except (Unsupported, NotYet):
            self.restore(state)   # called instead
        if nargs == 1 and self.math_call(off):
            return True
        if ins.opname == "PRECALL_NO_KW_LIST_APPEND":
            return self.list_append_call(ins, nxt, off)
        if self.function and ins.opname in _PYTHON_CALLS:
            return self.python_call(ins, nxt, off)
        return self.vector_call(ins, off)

    def keyword_call(self, ins, off: int) -> int:
        """KW_NAMES and the call whose keyword arguments it names (its PRECALL and
        CALL) of anything but a Python function, made through vectorcall with
        those names, as the interpreter calls them (the translator inlines
        none). Every exit inside the
        call carries its exception, which the interpreter unwinds: it never needs
        the names. A call on a path the loop has not taken exits before the
        KW_NAMES, which the interpreter must run for the call. In a function
        unit, which leaves Python calls to the interpreter by stopping before
        their PRECALL, the part stops before the KW_NAMES instead. Consumes the
        PRECALL and the CALL."""
        if self.function:
            raise Unsupported("KW_NAMES in a function unit")
        index = self.instrs.index(ins) + 1
        precall = self.instrs[index] if index < len(self.instrs) else None
        if precall is None or _BASE.get(precall.opname, precall.opname) != "PRECALL":
            raise Unsupported("KW_NAMES without its PRECALL")
        if self.never_ran(precall):
            self.return_here(off)
            return 0
        names = self.code.co_consts[ins.arg]
        precall_off = precall.offset // 2
        nxt = self.instrs[index + 1]
        if _BASE.get(nxt.opname, nxt.opname) != "CALL" or nxt.arg != precall.arg:
            raise Unsupported("PRECALL without its CALL")
        if len(self.stack) < precall.arg + 2 or len(names) > precall.arg:
            raise Unsupported("PRECALL: short stack")
        first, second = self.stack[-precall.arg - 2], self.stack[-precall.arg - 1]
        if self.runs_python(precall.opname, second if first[0] is Kind.NULL else first):
            # 3.11 makes no specialized call of a Python function with keyword
            # arguments, and from C it runs in an interpreter of its own: go's
            # loops calling `neighbour.find(update=True)` ran 23% more
            # instructions compiled than in the interpreter (callgrind).
            raise Unsupported("a Python function called with keyword arguments")
        self.vector_call(precall, precall_off, (ins.arg, len(names)))
        return 2

    def vector_call(self, ins, off: int, kwnames: tuple[int, int] | None = None) -> bool:
        """PRECALL and its CALL of anything else, made from the compiled code
        through vectorcall, as the interpreter calls C functions and classes. A
        Python function is called through PyExecutor_Call, which pushes its
        frame as the interpreter's CALL_PY_EXACT_ARGS does; it runs in an
        evaluation loop of its own (one level of C recursion, which costs less
        than leaving the compiled code before the call and entering it again
        after). The frame is made current first
        and shows the PRECALL as the instruction running (tracebacks and
        `f_back.f_lineno` in the callee see the caller's line); if the call
        raises, the code exits before the PRECALL with the exception set, the
        callable and its arguments still on the stack, as the interpreter
        leaves them to its unwinding. `kwnames`: the constant (its index)
        naming the last arguments, and how many it names (keyword_call)."""
        nargs = ins.arg
        self.box_top(nargs + 1, off)
        first, second = self.stack[-nargs - 2], self.stack[-nargs - 1]
        args = self.stack[len(self.stack) - nargs:]
        if first[0] is Kind.NULL:
            callable_, argv = second, args          # f(args): NULL, f, args
        else:
            callable_, argv = first, [second, *args]   # o.m(args): m, o, args
        if callable_[0] in (*UNBOXED, Kind.NULL) or second[0] is Kind.NULL:
            raise Unsupported("a call of an unboxed value or NULL")
        self.python_calls += self.runs_python(ins.opname, callable_)
        self.flush(off)
        r = self.var(Kind.OBJ)
        self.emit_call(r, callable_, argv, off, ins.opname, kwnames)
        consumed = self.stack[len(self.stack) - nargs - 2:]
        del self.stack[len(self.stack) - nargs - 2:]
        for entry in consumed:
            self.release_safe(entry)
        self.may_have_run_code = True   # the call ran code, whatever it dropped
        self.stack.append(Entry(Kind.OBJ, r))
        return True

    def emit_call(self, r: str, callable_: Entry, argv: list[Entry], off: int,
                  form: str | None = None,
                  kwnames: tuple[int, int] | None = None) -> None:
        """The call of the PRECALL at `off` into `r`, the frame current (flushed)
        and showing the PRECALL; exits before it if it raises. A callable that
        is or may be a Python function is called through PyExecutor_Call
        (unless the thread is deep in a recursion: then the code exits before
        the PRECALL), anything else through vectorcall.
        Where the PRECALL's specialized `form` is one for a C function, the call
        is made as that form makes it wherever its guard holds (c_call). With
        `kwnames` (vector_call), the last arguments are keyword ones."""
        const, named = kwnames or (None, 0)
        # PyExecutor_Call pushes a Python function's frame as the interpreter's
        # CALL_PY_EXACT_ARGS does, and calls anything else through vectorcall.
        executor_call = const is None and (form is None or self.runs_python(form, callable_))
        if executor_call:
            # It recurses in C: deep in a recursion, the interpreter makes the
            # call (ROOM_TO_RECURSE, jit_runtime.h).
            self.guard("ROOM_TO_RECURSE()", off)
        a = f"a{self.nvars}"
        self.nvars += 1
        items = ", ".join(self.object_expr(entry) for entry in argv) or "NULL"
        self.emit(f"PyObject *{a}[{max(len(argv), 1)}] = {{{items}}};")
        self.emit(f"PyExecutor_Frame_SetNextInstr(frame, {off});")
        if executor_call:
            general = f"PyExecutor_Call({self.object_expr(callable_)}, {a}, {len(argv)})"
        else:
            general = (f"PyObject_Vectorcall({self.object_expr(callable_)}, {a}, "
                       f"{len(argv) - named}, {'NULL' if const is None else f'C({const})'})")
        fast = self.c_call(form, callable_, argv, a) if form and const is None else None
        if fast is None:
            self.emit(f"{r} = {general};")
        else:
            self.emit(f"{r} = ({fast[0]}) ? {fast[1]} : {general};")
        self.guard(f"{r} != NULL", off)

    def c_call(self, form: str, callable_: Entry, argv: list[Entry],
               array: str) -> tuple[str, str] | None:
        """For a PRECALL form the specializer chose for a C function or a builtin
        class, the guard it checks and the call it makes, C expressions of the
        arguments array `array`; None for any other form."""
        f, n = self.object_expr(callable_), len(argv)
        if form == "PRECALL_NO_KW_STR_1" and n == 1:
            return f"{f} == (PyObject *)&PyUnicode_Type", f"PyObject_Str({array}[0])"
        if form == "PRECALL_NO_KW_TUPLE_1" and n == 1:
            return f"{f} == (PyObject *)&PyTuple_Type", f"PySequence_Tuple({array}[0])"
        if form == "PRECALL_NO_KW_TYPE_1" and n == 1:
            return f"{f} == (PyObject *)&PyType_Type", f"Py_NewRef(Py_TYPE({array}[0]))"
        if form == "PRECALL_NO_KW_LEN" and n == 1:
            return f"{f} == {self.ref(len)}", f"plugopt_len({array}[0])"
        if form == "PRECALL_NO_KW_ISINSTANCE" and n == 2:
            return f"{f} == {self.ref(isinstance)}", f"plugopt_isinstance({array}[0], {array}[1])"
        cfunction = f"PyCFunction_CheckExact({f}) && PyCFunction_GET_FLAGS({f}) == "
        target = f"PyCFunction_GET_FUNCTION({f}), PyCFunction_GET_SELF({f})"
        if form == "PRECALL_NO_KW_BUILTIN_O" and n == 1:
            return cfunction + "METH_O", f"plugopt_call_c({target}, {array}[0])"
        if form == "PRECALL_NO_KW_BUILTIN_FAST":
            return cfunction + "METH_FASTCALL", f"plugopt_call_fast({target}, {array}, {n})"
        method = {"PRECALL_NO_KW_METHOD_DESCRIPTOR_O": ("METH_O", 2),
                  "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS": ("METH_NOARGS", 1),
                  "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST": ("METH_FASTCALL", None)}.get(form)
        if method is None or n < 1 or method[1] not in (None, n):
            return None
        flags, _ = method
        m = f"m{self.nvars}"
        self.nvars += 1
        self.emit(f"PyCFunction {m} = plugopt_method_descriptor({f}, "
                  f"{self.object_expr(argv[0])}, {flags});")
        if flags == "METH_FASTCALL":
            return f"{m} != NULL", f"plugopt_call_fast({m}, {array}[0], {array} + 1, {n - 1})"
        return f"{m} != NULL", f"plugopt_call_c({m}, {array}[0], {array + '[1]' if n == 2 else 'NULL'})"

    def runs_python(self, form: str, callable_: Entry) -> bool:
        """Whether a call made through vectorcall runs a Python function in a
        frame of its own, which costs more than the interpreter's call (a C
        function, a method descriptor or a class is called from C either way):
        so the specializer says, or the callable is not a global known to be
        something else."""
        if form in _PYTHON_CALL_FORMS:
            return True
        if form in ("PRECALL", "PRECALL_ADAPTIVE"):
            value = self.known.get(callable_[1])
            return not isinstance(value, (type, types.BuiltinFunctionType))
        return False

    def list_append_call(self, ins, nxt, off: int) -> int:
        """`lst.append(x)` as a statement, as the specializer fuses it (its PRECALL,
        CALL and POP_TOP): the callable must be list.append and the owner a list
        (else exit before the PRECALL); a failed append (no memory) exits there
        too, with nothing changed. Consumes the CALL and the POP_TOP."""
        index = self.instrs.index(nxt) + 1
        if ins.arg != 1 or index >= len(self.instrs) or \
                _BASE.get(self.instrs[index].opname, self.instrs[index].opname) != "POP_TOP":
            raise Unsupported("PRECALL_NO_KW_LIST_APPEND without its POP_TOP")
        self.box_top(1, off)
        method, owner, value = self.stack[-3], self.stack[-2], self.stack[-1]
        if Kind.NULL in (method[0], owner[0], value[0]) or owner[0] in UNBOXED:
            raise Unsupported("PRECALL_NO_KW_LIST_APPEND of a NULL")
        self.flush_before_release((method, owner), off)
        m, o = self.object_expr(method), self.object_expr(owner)
        append = self.ref(list.__dict__["append"])
        self.guard(f"{m} == {append} && PyList_Check({o}) && "
                   f"PyList_Append({o}, {self.object_expr(value)}) == 0", off)
        del self.stack[-3:]
        self.release(value)   # the list holds it now
        self.release_safe(owner)
        self.release_safe(method)
        return 2

    def inline_call(self, ins, off: int) -> bool:
        """PRECALL and its CALL of a function the translator inlines (_Inliner):
        a global function (load_global checked it is still bound) or a method
        LOAD_METHOD found in its inline cache, checked here to be that function
        running that code. A guard that fails in the body, or a method that is
        another one (an owner of another class), goes to `fallback`, which makes
        the call through vectorcall, or exits before the PRECALL. False if the
        callable is neither."""
        nargs = ins.arg
        first, second = self.stack[-nargs - 2], self.stack[-nargs - 1]
        if first[0] is Kind.NULL and second[0] in (Kind.BORROWED, Kind.OBJ) and \
                second[1] in self.callees:            # f(args): NULL, f, args
            function = self.known[second[1]]
            args = self.stack[len(self.stack) - nargs:]
        elif first[0] is Kind.OBJ and first[1] in self.methods:   # o.m(args): m, o, args
            function = self.methods[first[1]]
            args = self.stack[len(self.stack) - nargs - 1:]
        else:
            return False
        if function.__code__.co_argcount != len(args):
            return False
        state = self.snapshot()
        consumed = self.stack[len(self.stack) - nargs - 2:]
        self.flush_before_release(consumed, off)
        fallback = f"call{self.nvars}"
        self.nvars += 1
        caller_stack = list(self.stack)
        self.inline_exit = (off, caller_stack)
        self.inline_fallback = fallback
        try:
            if first[0] is Kind.OBJ:
                m = first[1]
                self.guard(f"{m} == {self.ref(function)} && "
                           f"PyFunction_GET_CODE({m}) == {self.ref(function.__code__)}", off)
            result = _Inliner(self, function, args).run()
        except Unsupported:
            # A body its instructions let through that the inliner cannot take
            # after all (`x or 0.5`: values of two kinds): the call is made.
            self.restore(state)
            return False
        finally:
            self.inline_exit = None
            self.inline_fallback = None
        result = self.fallback(fallback, caller_stack, nargs, result, off)
        del self.stack[len(self.stack) - nargs - 2:]
        for entry in consumed:
            self.release_safe(entry)
        self.stack.append(result)
        return True

    def fallback(self, label: str, caller_stack: list[Entry], nargs: int, result: Entry,
                 off: int) -> Entry:
        """After an inlined body that returned `result`: the code at `label`,
        where its guards go, with the caller's stack as it was at the PRECALL
        (`off`) and nothing of the body done. Where the body returns an owned
        object, the call is made there through vectorcall (`nargs` arguments)
        and the two ways meet with the result in that object's variable. Where
        it returns an unboxed number or a constant (which the code after the
        call keeps as such, with no reference to drop), or takes an unboxed
        number, the code exits there before the PRECALL instead, and the
        interpreter makes the call. Returns the entry of the result."""
        if label not in self.gone_to:
            return result   # no guard: no way to the call
        first, second, *args = caller_stack[len(caller_stack) - nargs - 2:]
        callable_, argv = (second, args) if first[0] is Kind.NULL else (first, [second, *args])
        done = f"{label}_done"
        self.emit(f"goto {done};")
        self.lines.append(f"  {label}: ;")
        own, self.stack = self.stack, caller_stack
        if result[0] is not Kind.OBJ or any(entry[0] in UNBOXED for entry in argv):
            for line in self.exit_code(off):
                self.emit(line)
        else:
            dirty = set(self.dirty)
            self.flush(off)
            self.emit_call(result[1], callable_, argv, off)
            self.dirty = dirty   # boxed on this way only: dirty still on the other
            self.may_have_run_code = True   # the call ran code
        self.stack = own
        self.lines.append(f"  {done}: ;")
        return result

    def inline_construction(self, ins, off: int) -> bool:
        """PRECALL and its CALL of a class (a global) whose instances object.__new__
        makes and whose __init__ the translator inlines (_simple_init): the
        instance made as object.__new__ makes it, then __init__'s body inlined on
        it, which must return None. Guarded at the call: the class is still a
        plain class whose __init__ is that function running that code, with no
        __new__, no finalizer and not abstract (else the interpreter makes the
        call). Every exit from the body drops the instance first (it runs no
        code: no finalizer, no weak reference yet). False if the callable is
        not such a class."""
        nargs = ins.arg
        null, cls_entry = self.stack[-nargs - 2], self.stack[-nargs - 1]
        if null[0] is not Kind.NULL or cls_entry[0] not in (Kind.BORROWED, Kind.OBJ):
            return False
        cls = self.known.get(cls_entry[1])
        init = _simple_init(cls)
        if init is None or init.__code__.co_argcount != nargs + 1:
            return False
        c = f"((PyTypeObject *){self.object_expr(cls_entry)})"
        self.guard(f"Py_IS_TYPE({c}, &PyType_Type) && "
                   f"{c}->tp_new == PyBaseObject_Type.tp_new && "
                   f"!({c}->tp_flags & Py_TPFLAGS_IS_ABSTRACT) && "
                   f"{c}->tp_finalize == NULL && {c}->tp_del == NULL && "
                   f"_PyType_Lookup({c}, {self.ref('__init__')}) == {self.ref(init)} && "
                   f"PyFunction_GET_CODE({self.ref(init)}) == {self.ref(init.__code__)}", off)
        consumed = self.stack[len(self.stack) - nargs - 2:]
        self.flush_before_release(consumed, off)
        instance = self.var(Kind.OBJ)
        # object.__new__ without arguments makes the instance as the call's
        # object.__new__ would (with __init__ overridden, it ignores them).
        self.emit(f"{instance} = PyBaseObject_Type.tp_new({c}, {self.ref(())}, NULL);")
        self.guard(f"{instance} != NULL", off)   # no memory: MemoryError at the call
        args = [Entry(Kind.BORROWED, instance), *self.stack[len(self.stack) - nargs:]]
        self.inline_exit = (off, list(self.stack))
        self.inline_cleanup = [f"Py_DECREF({instance});"]
        try:
            result = _Inliner(self, init, args, fresh=instance).run()
        finally:
            self.inline_exit = None
            self.inline_cleanup = []
        if result != Entry(Kind.BORROWED, self.ref(None)):
            raise Unsupported("an __init__ that may return something else than None")
        del self.stack[len(self.stack) - nargs - 2:]
        for entry in consumed:
            self.release_safe(entry)
        self.stack.append(Entry(Kind.OBJ, instance))
        return True

    def math_call(self, off: int) -> bool:
        """PRECALL and its CALL of a math function jit computes in C
        (_MATH_FUNCTIONS) with one float or int argument, inside the function's
        domain (outside it: exit, and the interpreter raises). False if the
        callable is not one."""
        null, func, arg = self.stack[-3:]
        if null[0] is not Kind.NULL or func[0] not in (Kind.BORROWED, Kind.OBJ):
            return False
        function = self.known.get(func[1])
        math_function = _math_function(function)
        if math_function is None:
            return False
        c_name, domain = math_function
        if func[0] is Kind.OBJ:   # looked up at every call: it may be another now
            self.guard(f"{func[1]} == {self.ref(function)}", off)
        x = self.need_double(arg, off, other_is_float=True)
        self.guard(domain.format(x=x), off)
        r = self.var(Kind.DOUBLE)
        self.emit(f"{r} = {c_name}({x});")
        del self.stack[-3:]
        self.release(arg)    # a float or an int
        self.release(func)   # the module holds the function still
        self.stack.append(Entry(Kind.DOUBLE, r))
        return True

    def list_index(self, seq, index, offset: int, prefix: str = "PyList") -> tuple[str, str]:
        """Guards that `seq` is a list (a tuple, with prefix "PyTuple") and `index`
        an int in range (one digit, not negative), else exit before `offset`.
        Returns the sequence's C expression and a new PyObject * variable `n`
        whose index is `n{n}`."""
        s_expr = self.object_expr(seq)
        n = self.var(Kind.OBJ)
        if index[0] is Kind.INT or self.static_kind(index) is Kind.INT:
            i_val = self.need_int(index, offset)
            self.guard(f"{prefix}_CheckExact({s_expr}) && {i_val} >= 0", offset)
            self.emit(f"Py_ssize_t n{n} = (Py_ssize_t){i_val};")
        else:
            i_expr = self.object_expr(index)
            self.guard(f"{prefix}_CheckExact({s_expr}) && PyLong_CheckExact({i_expr}) && "
                       f"Py_SIZE({i_expr}) >= 0 && Py_SIZE({i_expr}) <= 1", offset)
            self.emit(f"Py_ssize_t n{n} = Py_SIZE({i_expr}) ? "
                      f"(Py_ssize_t)((PyLongObject *){i_expr})->ob_digit[0] : 0;")
        self.guard(f"n{n} < {prefix}_GET_SIZE({s_expr})", offset)
        return s_expr, n


class _Inliner:
    """Translates the body of a small function or method into the caller's C, the
    caller's stack entries being its arguments. The body reads its arguments and
    locals, int, float and other constants, and attributes of instances (slots,
    values arrays); it does arithmetic, calls the math functions jit computes in C
    (_MATH_FUNCTIONS), stores locals and attributes, and returns a value.

    It has no effect until its end: attribute stores are held back (`pending`)
    and made together once the return value is known, after the checks that
    they can be made (the attribute is set and holds a float, an int, a bool or
    None, whose destructors run no code; the boxes they need were made). So any
    guard, in the body or in those checks, exits before the call (_Gen.guard,
    inline_exit) as if the compiled code had never started it, and the
    interpreter then makes the call: its frame, its exception, its traceback.
    Attributes read after a store of the same attribute read the stored value;
    two owners that may be one object (the same attribute, different entries)
    are guarded to be different objects."""

    ALLOWED = {"RESUME", "NOP", "LOAD_FAST", "STORE_FAST", "LOAD_CONST", "POP_TOP",
               "COPY", "SWAP", "BINARY_OP", "UNARY_NEGATIVE", "LOAD_ATTR", "STORE_ATTR",
               "LOAD_GLOBAL", "PRECALL", "CALL", "RETURN_VALUE",
               # conditional expressions (diamond)
               "COMPARE_OP", "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
               "JUMP_FORWARD",
               # `not`, and `and`/`or` choosing a value (short_circuit)
               "UNARY_NOT", "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"}
    ATTRIBUTE_FORMS = {"LOAD_ATTR_INSTANCE_VALUE", "LOAD_ATTR_SLOT",
                       "STORE_ATTR_INSTANCE_VALUE", "STORE_ATTR_SLOT"}

    @staticmethod
    def can_inline(function: types.FunctionType) -> bool:
        """Whether `function`'s generic instructions are all ones the inliner
        handles (their specialized forms are checked when translating)."""
        code = function.__code__
        known = _inlinable.get(code)
        if known is None:   # a code object's instructions never change
            plain = not (code.co_flags & (0x04 | 0x08 | 0x20 | 0x80 | 0x100 | 0x200))
            known = (plain and not code.co_freevars and not code.co_cellvars
                     and code.co_kwonlyargcount == 0 and len(code.co_code) <= 256
                     and all(_BASE.get(i.opname, i.opname) in _Inliner.ALLOWED
                             for i in dis.get_instructions(code)))
            _inlinable[code] = known
        return known

    def __init__(self, gen: _Gen, function: types.FunctionType, args: list,
                 fresh: str | None = None) -> None:
        self.gen = gen
        # The C variable of the instance an inlined constructor made, if any:
        # none of its attributes is set yet.
        self.fresh = fresh
        self.function = function
        self.code = function.__code__
        # An owned argument stays owned by the caller's stack; the body sees
        # it borrowed. The caller's constants become literals, or borrowed
        # references (the body's own constants are another tuple).
        self.locals: list[Entry | None] = [self.argument(gen, kind, what)
                                           for kind, what in args]
        self.locals += [None] * (self.code.co_nlocals - len(self.locals))
        # (form, index, owner) -> the value stored there, in program order.
        self.pending: dict[tuple[str, int, str], Entry] = {}
        # (form, index, owner) -> the value the body knows is there.
        self.known: dict[tuple[str, int, str], Entry] = {}
        # Guards already made on the way here: nothing the body does changes
        # what they checked (a type's version, two owners being different).
        self.checked: set[str] = set()

    @staticmethod
    def argument(gen: _Gen, kind: Kind, what: object) -> Entry:
        if kind is Kind.OBJ:
            return Entry(Kind.BORROWED, what)
        if kind is Kind.CONST:
            return _c_literal(gen.const_value(what)) or Entry(Kind.BORROWED, f"C({what})")
        return Entry(kind, what)

    def run(self) -> Entry:
        """Translate the body; returns the entry of its return value."""
        gen = self.gen
        own = gen.stack, gen.code, gen.caches
        gen.stack, gen.code, gen.caches = [], self.code, _inline_caches(self.code)
        try:
            result = self.straight(_decode(self.code)[0])
            if result is None:
                raise Unsupported("no RETURN_VALUE")
            return result
        finally:
            gen.stack, gen.code, gen.caches = own

    def straight(self, instructions: list, meet: int | None = None) -> Entry | None:
        """Translate `instructions`, a part of the body whose only jumps are those
        of conditional expressions (diamond) and of `and`/`or` (short_circuit);
        the return value's entry if the part returns, else None. `meet` is the
        offset where the `and`/`or` this part is an operand of meets: a jump
        there ends the part with the value it keeps."""
        n = 0
        while n < len(instructions):
            ins = instructions[n]
            if ins.opname in ("COMPARE_OP_FLOAT_JUMP", "COMPARE_OP_INT_JUMP"):
                n = self.diamond(instructions, n)
                continue
            if ins.opname in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
                n = self.short_circuit(instructions, n, meet)
                continue
            if _BASE.get(ins.opname, ins.opname) in ("JUMP_FORWARD", *_FORWARD_BRANCHES,
                                                      "COMPARE_OP"):
                _specialized(ins.opname)
                raise Unsupported(f"{ins.opname} in an inlined function")
            result = self.one(ins, instructions[n + 1:])
            if isinstance(result, Entry):
                return result
            n += 1 + result
        return None

    def diamond(self, instructions: list, n: int) -> int:
        """A comparison and its jump starting a conditional expression: two arms,
        each pushing values, that meet after them (`a if a > b else b`). The arms
        are translated one after the other, with a C jump to the second when the
        jump is taken; the values they push meet in C variables. An arm the
        translator cannot translate (the specializer may not have seen it run)
        exits before the call instead. Returns the index of the instruction
        where the arms meet."""
        gen = self.gen
        compare, jump = instructions[n], instructions[n + 1]
        if jump.opname not in ("POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE"):
            raise Unsupported(f"{compare.opname} without a forward jump after it")
        offsets = [ins.offset for ins in instructions]
        if jump.argval not in offsets:
            raise Unsupported("a jump out of a conditional expression")
        second = offsets.index(jump.argval)
        end_of_first = instructions[second - 1]
        if end_of_first.opname != "JUMP_FORWARD" or end_of_first.argval not in offsets:
            raise Unsupported("a conditional statement in an inlined function")
        meet = offsets.index(end_of_first.argval)
        true = gen.compare(compare, -1)
        taken = true if jump.opname.endswith("_IF_TRUE") else f"!{true}"
        label = f"arm{gen.nvars}"
        gen.nvars += 1
        before = self.arm_state()
        gen.emit(f"if ({taken}) goto {label}_second;")
        first_values = self.arm(instructions[n + 2:second - 1], before)
        merged: list[Entry] | None = None
        if first_values is not None:
            merged = [Entry(kind, gen.var(kind)) for kind, _ in first_values]
            for (_, into), (_, value) in zip(merged, first_values):
                gen.emit(f"{into} = {value};")
            gen.emit(f"goto {label}_meet;")
        gen.lines.append(f"  {label}_second: ;")
        second_values = self.arm(instructions[second:meet], before)
        if second_values is None and merged is None:
            raise Unsupported("a conditional expression with no arm translated")
        if merged is None:
            merged = second_values
        elif second_values is not None:
            if [kind for kind, _ in second_values] != [kind for kind, _ in merged]:
                raise Unsupported("a conditional expression of values of two kinds")
            for (_, into), (_, value) in zip(merged, second_values):
                gen.emit(f"{into} = {value};")
        gen.lines.append(f"  {label}_meet: ;")
        # What only one arm read or checked is not known after them.
        gen.stack = [*before[0], *merged]
        self.known, self.checked = dict(before[2]), set(before[4])
        return meet

    def short_circuit(self, instructions: list, n: int, meet: int | None) -> int:
        """`x or y`, `x and y` choosing a value: the jump at `n` keeps its
        operand and goes to where the operands meet if the operand's truth says
        so (JUMP_IF_TRUE_OR_POP: true), else drops it and the instructions up to
        there compute the other operand. Both values meet in one C variable;
        the other operand is translated as an arm (it has no effects; one the
        specializer never saw run exits before the call). A jump to `meet`
        belongs to an enclosing `and`/`or` (`a or (b and c)` jumps from b's test
        straight to where a's meets): this part ends there. Returns the index
        of the instruction where the values meet."""
        gen = self.gen
        jump = instructions[n]
        offsets = [ins.offset for ins in instructions]
        if jump.argval in offsets:
            end = offsets.index(jump.argval)
        elif jump.argval == meet:
            end = len(instructions)
        else:
            raise Unsupported("a jump out of an `and`/`or`")
        kept = gen.stack[-1]
        truth = self.truth(kept)
        keep = truth if jump.opname == "JUMP_IF_TRUE_OR_POP" else f"!({truth})"
        kind = kept[0] if kept[0] in UNBOXED else Kind.BORROWED
        value = kept[1] if kept[0] in UNBOXED else gen.object_expr(self.borrowable(kept))
        merged = Entry(kind, gen.var(kind))
        label = f"arm{gen.nvars}"
        gen.nvars += 1
        gen.emit(f"{merged[1]} = {value};")
        gen.emit(f"if ({keep}) goto {label}_meet;")
        gen.stack.pop()
        before = self.arm_state()
        other = self.arm(instructions[n + 1:end], before, jump.argval)
        if other is not None:
            if len(other) != 1 or other[0][0] is not kind:
                raise Unsupported("an `and`/`or` of values of two kinds")
            gen.emit(f"{merged[1]} = {other[0][1]};")
        gen.lines.append(f"  {label}_meet: ;")
        gen.stack = [*before[0], merged]
        self.known, self.checked = dict(before[2]), set(before[4])
        return end

    def truth(self, entry: Entry) -> str:
        """A C expression of `entry`'s truth, for a number in C, True, False,
        None, an exact float or an exact int; any other object exits before the
        call (its __bool__ or __len__ could run code)."""
        kind, what = entry
        if kind is Kind.DOUBLE:
            return f"(({what}) != 0.0)"
        if kind is Kind.INT:
            return f"(({what}) != 0)"
        gen = self.gen
        o = gen.object_expr(self.borrowable(entry))
        truth = gen.var(Kind.INT)
        # 3.11's int 0 is the one with no digits (ob_size 0).
        gen.emit(f"{truth} = {o} == Py_True ? 1 : ({o} == Py_False || {o} == Py_None) ? 0 : "
                 f"PyFloat_CheckExact({o}) ? PyFloat_AS_DOUBLE({o}) != 0.0 : "
                 f"PyLong_CheckExact({o}) ? Py_SIZE({o}) != 0 : -1;")
        gen.guard(f"{truth} >= 0", -1)
        return truth

    def arm_state(self) -> tuple:
        """The state an arm starts from (arm) and must leave as it was
        (arm_values): the stack, the locals, what is known and checked, the
        stores held back."""
        return (list(self.gen.stack), list(self.locals), dict(self.known),
                dict(self.pending), set(self.checked))

    def arm(self, instructions: list, before: tuple,
            meet: int | None = None) -> list[Entry] | None:
        """One arm of a conditional expression, from the state `before` it: the
        values it pushed (arm_values), or None if it exits before the call."""
        gen = self.gen
        gen.stack, self.locals = list(before[0]), list(before[1])
        self.known, self.pending = dict(before[2]), dict(before[3])
        self.checked = set(before[4])
        nlines = len(gen.lines)
        try:
            if self.straight(instructions, meet) is not None:
                raise Unsupported("a return inside a conditional expression")
            return self.arm_values(before)
        except (Unsupported, NotYet):
            del gen.lines[nlines:]
            gen.guard("0", -1)
            return None

    def arm_values(self, before: tuple) -> list[Entry]:
        """The values an arm pushed, as kinds a C variable can hold (unboxed
        numbers, or objects borrowed) and C expressions; the rest of the state
        must be as it was before the arm."""
        stack, locals_, _, pending, _ = before
        gen = self.gen
        if gen.stack[:len(stack)] != stack or self.locals != locals_ or self.pending != pending:
            raise Unsupported("an arm of a conditional expression with effects")
        pushed = []
        for kind, value in gen.stack[len(stack):]:
            if kind is Kind.OBJ or kind is Kind.NULL:
                raise Unsupported(f"{kind} in a conditional expression")
            if kind in UNBOXED:
                pushed.append(Entry(kind, value))
            else:
                pushed.append(Entry(Kind.BORROWED, gen.object_expr((kind, value))))
        return pushed

    def one(self, ins, rest: list) -> int | Entry:
        """One instruction of the body: how many after it it consumed, or the
        return value's entry once the body returned and its stores were made."""
        gen = self.gen
        base = _BASE.get(ins.opname, ins.opname)
        if base not in self.ALLOWED:
            raise Unsupported(f"{ins.opname} in an inlined function")
        if base == "LOAD_FAST":
            entry = self.locals[ins.arg]
            if entry is None:
                raise Unsupported("an unbound local in an inlined function")
            gen.stack.append(entry)
        elif base == "STORE_FAST":
            self.locals[ins.arg] = self.borrowable(gen.stack.pop())
        elif base == "LOAD_CONST":
            value = self.code.co_consts[ins.arg]
            gen.stack.append(_c_literal(value) or Entry(Kind.BORROWED, gen.ref(value)))
        elif base == "POP_TOP":
            self.borrowable(gen.stack.pop())
        elif base == "COPY":
            gen.stack.append(self.borrowable(gen.stack[-ins.arg]))
        elif base == "SWAP":
            gen.stack[-1], gen.stack[-ins.arg] = gen.stack[-ins.arg], gen.stack[-1]
        elif base == "BINARY_OP":
            gen.binary_op(ins.opname, ins.arg, ins.argrepr, -1)
        elif base == "UNARY_NEGATIVE":
            gen.negative(-1)
        elif base == "UNARY_NOT":
            gen.push_bool(f"!({self.truth(gen.stack.pop())})")
        elif base == "LOAD_ATTR":
            self.load_attr(ins)
        elif base == "STORE_ATTR":
            self.store_attr(ins)
        elif base == "LOAD_GLOBAL":
            self.load_global(ins.arg)
        elif base == "PRECALL":
            if not rest or _BASE.get(rest[0].opname, rest[0].opname) != "CALL" or \
                    ins.arg != 1 or not gen.math_call(-1):
                raise Unsupported("a call in an inlined function")
            return 1
        elif base == "RETURN_VALUE":
            return self.finish(gen.stack.pop())
        return 0

    def load_global(self, arg: int) -> None:
        """LOAD_GLOBAL in the body, of the caller's module: as in the caller
        (_Gen.load_global), or, where the caller looks its globals up at every
        call, a math function looked up and checked to be the same (borrowed:
        the body runs no code before it calls it)."""
        gen = self.gen
        if self.function.__globals__ is not gen.globals:
            raise Unsupported("an inlined function of another module")
        if gen.depend_on_globals:
            gen.load_global(arg, -1)
            return
        name = self.code.co_names[arg >> 1]
        value, _ = _find_global(gen.globals, name)
        if _math_function(value) is None:
            raise Unsupported(f"LOAD_GLOBAL {name} in an inlined function")
        f = gen.var(Kind.OBJ)
        gen.emit(f"{f} = plugopt_load_global(G, PyExecutor_Frame_GetBuiltins(frame), "
                 f"{gen.ref(name)});")
        self.guard_once(f"{f} == {gen.ref(value)}")
        if arg & 1:
            gen.stack.append(Entry(Kind.NULL, ""))
        gen.stack.append(Entry(Kind.BORROWED, f))
        gen.known[f] = value

    @staticmethod
    def borrowable(entry: Entry) -> Entry:
        """Entries the body moves around are never owned: owned ones (made only
        by what the body does not translate) would need releasing."""
        if entry[0] is Kind.OBJ or entry[0] is Kind.NULL:
            raise Unsupported(f"{entry[0]} moved in an inlined function")
        return entry

    def attribute(self, ins) -> tuple[tuple[str, int, str], str, int]:
        """The key of an attribute access (its form, index and owner), the owner's
        C expression, and the type version."""
        if ins.opname not in self.ATTRIBUTE_FORMS:
            _specialized(ins.opname)
            raise Unsupported(f"{ins.opname} in an inlined function")
        version, index = self.gen.attr_cache(ins)
        owner = self.borrowable(self.gen.stack.pop())
        if owner[0] in UNBOXED:
            raise Unsupported("an attribute of an unboxed value")
        o = self.gen.object_expr(owner)
        form = "slot" if ins.opname.endswith("_SLOT") else "values"
        return (form, index, o), o, version

    def guard_apart(self, key: tuple[str, int, str]) -> None:
        """Exit before the call if the owner of `key` is an owner through which
        the body stored the same attribute."""
        o = key[2]
        for form, index, other in self.pending:
            if (form, index) == key[:2] and other != o:
                self.guard_once(f"{min(o, other)} != {max(o, other)}")

    def guard_once(self, condition: str) -> None:
        """Exit before the call unless `condition` holds, unless it was checked
        on the way here already."""
        if condition not in self.checked:
            self.gen.guard(condition, -1)
            self.checked.add(condition)

    def load_attr(self, ins) -> None:
        key, o, version = self.attribute(ins)
        if key in self.known:
            self.gen.stack.append(self.known[key])
            return
        # The attribute still holds its old value if the body stored it on
        # another owner that is this one: then exit.
        self.guard_apart(key)
        gen = self.gen
        self.guard_once(gen.owner_check(ins, o, version, key[1]))
        r = gen.var(Kind.OBJ)
        if key[0] == "values":
            gen.emit(f"{r} = plugopt_instance_value({o}, {key[1]});")
        else:
            gen.emit(f"{r} = *(PyObject **)((char *){o} + {key[1]});")
        gen.guard(f"{r} != NULL", -1)
        # Borrowed from the attribute, which nothing changes before the stores
        # at the end (the return value is given its own reference before them).
        self.known[key] = Entry(Kind.BORROWED, r)
        gen.stack.append(self.known[key])

    def store_attr(self, ins) -> None:
        key, o, version = self.attribute(ins)
        value = self.borrowable(self.gen.stack.pop())
        self.guard_once(self.gen.owner_check(ins, o, version, key[1]))
        # Two stores of one attribute of one object through two owners would
        # each drop its old value: exit if they are one object.
        self.guard_apart(key)
        # A later store of the same attribute wins; the first one's place in
        # the order stays (a fresh instance's values array records that order).
        self.pending[key] = value
        # Another owner's value of this attribute is not known any more: the
        # two may be one object.
        for other in [k for k in self.known if k[:2] == key[:2] and k != key]:
            del self.known[other]
        self.known[key] = value

    def finish(self, result: Entry) -> Entry:
        """The body returned `result`: make the pending stores, and return the
        entry the caller's stack takes (owned unless unboxed, a literal or an
        object the executor keeps)."""
        gen = self.gen
        if gen.stack:
            raise Unsupported("values left on an inlined function's stack")
        stores = self.check_stores()
        if result[0] in (Kind.BORROWED, Kind.LOCAL, Kind.CONST) and \
                not str(result[1]).startswith("K["):
            # A stored attribute's old value, or an argument the caller drops.
            r = gen.var(Kind.OBJ)
            expr, pre = gen.as_object_expr(result)
            for line in pre:
                gen.emit(line)
            gen.emit(f"{r} = {expr};")
            result = Entry(Kind.OBJ, r)
        self.make_stores(stores, result)
        return result

    def check_stores(self) -> list[tuple[str, str | None, Entry, tuple]]:
        """Each pending store's slot, old value and key, after the guards that
        the attribute is set and its old value a float, an int, a bool or None;
        on a fresh instance, that the attribute is not set yet (old value
        None)."""
        gen = self.gen
        stores = []
        for key, value in self.pending.items():
            form, index, o = key
            slot = f"a{gen.nvars}"
            gen.nvars += 1
            if form == "values":
                gen.emit(f"PyObject **{slot} = plugopt_instance_slot({o}, {index});")
            else:
                gen.emit(f"PyObject **{slot} = (PyObject **)((char *){o} + {index});")
            if o == self.fresh:
                gen.guard(f"{slot} != NULL && *{slot} == NULL", -1)
                stores.append((slot, None, value, key))
                continue
            old = gen.var(Kind.OBJ)
            gen.emit(f"{old} = {slot} != NULL ? *{slot} : NULL;")
            gen.guard(f"{old} != NULL && ({_plain_value(old)})", -1)
            stores.append((slot, old, value, key))
        return stores

    def make_stores(self, stores: list[tuple[str, str | None, Entry, tuple]],
                    result: Entry) -> None:
        """The checked stores, all or none: first every new reference (a box that
        fails exits before the call, dropping what was made and the result),
        then the writes, then the old values dropped (they run no code)."""
        gen = self.gen
        if not stores:
            return
        # New references first: a value stored may be another attribute's old
        # value, which must not look private to the in-place float write below.
        news = []
        for slot, old, value, _ in stores:
            new = gen.var(Kind.OBJ)
            if value[0] is not Kind.DOUBLE:
                expr, pre = gen.as_object_expr(value)
                for line in pre:
                    gen.emit(line)
                gen.emit(f"{new} = {expr};")
            news.append(new)
        keeps: list[str | None] = []
        for (slot, old, value, _), new in zip(stores, news):
            if value[0] is Kind.DOUBLE and old is None:
                gen.emit(f"{new} = PyFloat_FromDouble({value[1]});")
                keeps.append(None)
            elif value[0] is Kind.DOUBLE:
                keep = f"keep_{new}"
                gen.emit(f"int {keep} = plugopt_float_is_private({old});")
                gen.emit(f"{new} = {keep} ? NULL : PyFloat_FromDouble({value[1]});")
                keeps.append(keep)
            else:
                keeps.append(None)
        failed = " || ".join(f"(!{keep} && {new} == NULL)" if keep else f"{new} == NULL"
                             for new, keep in zip(news, keeps))
        drop = [f"Py_XDECREF({new});" for new in news]
        if result[0] is Kind.OBJ:
            drop.append(f"Py_DECREF({result[1]});")
        gen.guard(f"!({failed})", -1, cleanup=drop)
        for (slot, old, value, (form, index, o)), new, keep in zip(stores, news, keeps):
            if old is None:   # the first value of a fresh instance's attribute
                gen.emit(f"*{slot} = {new};")
                if form == "values":
                    gen.emit(f"plugopt_values_add_order({o}, {index});")
                continue
            write = f"*{slot} = {new}; Py_DECREF({old});"
            if keep:
                gen.emit(f"if ({keep}) {{ ((PyFloatObject *){old})->ob_fval = {value[1]}; }}"
                         f" else {{ {write} }}")
            else:
                gen.emit(write)


# Loops already declined, per code object. The VM asks again after a backoff,
# for optimizers whose answer may change; this translator's does not, and
# translating costs milliseconds, which a long-running declined loop (asked
# every 16 * threshold iterations) would otherwise pay over and over.
_declined: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# Loops translated so far, per code object: how many times each. The VM removes
# an executor when the globals it depends on change, and asks again; a loop
# translated this many times already had its executors removed, so its globals
# keep changing (a module that rebinds a global as it runs): from then on the
# translation looks the inlined globals up at every call instead of depending
# on the dict.
_translated: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
WATCHED_TRANSLATIONS = 2


# Loops translated again because a path they had not taken became one they
# take (retranslate_later), per code object: how many times each.
_retranslations: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
RETRANSLATIONS = 2


# What translate() returns (its docstring says what each item is).
Translation = tuple[str, tuple, tuple, tuple, tuple, bool, int]

# Why translate() answered None to its last request ("" if it did not): the
# message of what declined it, or "not yet: ..." when the specializer is not done.
# scripts/measure/jit_survey.py reports it; nothing in jit reads it.
last_decline = ""
# last_decline for a unit declined at an earlier request, and the start of it for
# one the specializer is not done with.
DECLINED_BEFORE, NOT_YET = "declined before", "not yet: "


def _decline(reason: str) -> None:
    """Records why the unit is declined (last_decline); returns None, the answer."""
    global last_decline
    last_decline = reason


def decline(code, offset: int) -> None:
    """Never translate this loop again (jit.c: its executor stepped aside)."""
    _declined.setdefault(code, set()).add(offset)


def retranslate_later(code, offset: int) -> bool:
    """Whether the loop at `offset` may be translated again, now that its
    compiled code keeps exiting onto a path it had not taken when translated
    (jit.c then removes its executor, and the VM asks again): at most
    RETRANSLATIONS times per loop, so that a loop whose paths keep changing
    keeps its last executor."""
    counts = _retranslations.setdefault(code, collections.Counter())
    if counts[offset] >= RETRANSLATIONS:
        return False
    counts[offset] += 1
    # Not a removal for changed globals (WATCHED_TRANSLATIONS counts those).
    translated = _translated.get(code)
    if translated is not None and translated[offset] > 0:
        translated[offset] -= 1
    return True


def translate(code, offset: int,
              globals_: dict | None = None) -> Translation | None:
    """Translate the unit at `offset` (code units): a loop, whose head (the back
    edge's target) is there, or a function, whose RESUME is there. Returns the C
    source, the tuple of objects its guards use (K), the tuple of those the
    executors depend on (B), the tuple of versions its guards compare with (W,
    ints below 2**32), the offsets of a function unit's continuations
    (executors jit.c installs itself), whether the entry at `offset` pays
    for an executor, and, for a loop, the instructions an iteration runs
    compiled net of what its Python calls cost more from C (jit.c's
    probation weighs iterations by it; 0 for a function unit); or None. The VM reports back edges at their target, and
    the loop's executor is installed there: it is entered at the loop head.
    `globals_` is the dictionary the unit's globals were found in when it
    became hot (to choose what to inline; the compiled code checks the
    frame's own globals)."""
    global last_decline
    last_decline = ""
    declined = _declined.get(code)
    if declined is not None and offset in declined:
        return _decline(DECLINED_BEFORE)
    translated = _translated.setdefault(code, collections.Counter())
    unit = _translate_function if _is_resume(code, offset) else _translate
    try:
        result = unit(code, offset, globals_,
                      depend_on_globals=translated[offset] < WATCHED_TRANSLATIONS)
    except NotYet as error:
        return _decline(f"{NOT_YET}{error}")
    finally:
        _decoded.clear()
    if result is None or not result[5]:
        # Declined; or a function unit whose continuations are installed but
        # whose entry does not pay: either way the VM need not ask again.
        _declined.setdefault(code, set()).add(offset)
    if result is not None:
        translated[offset] += 1
    return result


def _translate(code, offset: int, globals_: dict | None, *,
               depend_on_globals: bool = True) -> Translation | None:
    instructions = _decode(code)[0]
    head = next((ins for ins in instructions if ins.offset // 2 == offset), None)
    if head is None:
        return _decline("no instruction starts at the offset")
    # The body runs from the head to its last back edge, a backward jump to the head
    # (there may be more: `continue`, an `else` at the end of the body). A `for`
    # loop's head is its FOR_ITER, whose exit is the loop's end; a `while` loop's
    # head is the first instruction of its body, and its last back edge, often a
    # conditional one, is its end.
    backs = [ins for ins in instructions if ins.offset // 2 > offset
             and _BASE.get(ins.opname, ins.opname) in _BACKWARD_JUMPS
             and ins.argval // 2 == offset]
    if not backs:
        return _decline("no backward jump goes to the loop's head")
    back = backs[-1].offset // 2
    is_for = _BASE.get(head.opname, head.opname) == "FOR_ITER"
    end = head.argval // 2 if is_for else _after(backs[-1])
    if back >= end:
        return _decline("the last backward jump is past the loop's end")
    body = [ins for ins in instructions if offset <= ins.offset // 2 <= back]
    if _jumps_out_of_body(body, offset):
        return _decline("a jump out of the loop's body")
    caches = _inline_caches(code)
    if len(body) < BODY_PER_PYTHON_CALL * _fewest_python_calls(code, body, globals_, caches):
        # Known before translating it (below, after).
        return _decline("its Python calls would cost more than the rest saves")
    gen = _Gen(code, body, offset, back, globals_, depend_on_globals, end, caches=caches)
    try:
        text = gen.translate()
    except Unsupported as error:
        # Only a decline. Anything else is a translator bug: it propagates, the VM
        # counts the compile as failed and reports it (tests fail on it).
        return _decline(str(error))   # NotYet propagates: translate() does not remember it
    if gen.translated < BODY_PER_PYTHON_CALL * gen.python_calls:
        return _decline("its Python calls would cost more than the rest saves")
    source = _source("loop", code.co_qualname, offset, f"goto i{offset};", text)
    # What an iteration saves grows with what it runs compiled, less what its
    # Python calls cost more from compiled code (BODY_PER_PYTHON_CALL each).
    work = max(gen.translated - BODY_PER_PYTHON_CALL * gen.python_calls, 1)
    return source, tuple(gen.refs), tuple(gen.depends), tuple(gen.versions), (), True, work


def _fewest_python_calls(code, body, globals_: dict | None,
                         caches: dict[int, dict[str, int]]) -> int:
    """At least how many of `body`'s calls the compiled code would make of Python
    functions: those the specializer saw calling one, less one for every global
    function or cached method loaded there that could be inlined instead."""
    calls = sum(ins.opname in _PYTHON_CALL_FORMS for ins in body)
    if not calls or not globals_:
        return calls
    for ins in body:
        base = _BASE.get(ins.opname, ins.opname)
        if base == "LOAD_GLOBAL":
            value = globals_.get(code.co_names[ins.arg >> 1])
        elif base == "LOAD_METHOD":
            value = _cached_method(caches.get(ins.offset // 2, {}), code.co_names[ins.arg],
                                   globals_)
        else:
            continue
        if isinstance(value, types.FunctionType) and _Inliner.can_inline(value):
            calls -= 1
    return max(calls, 0)


def _jumps_out_of_body(body: list, head: int) -> bool:
    """Whether a backward jump of the loop `body` (whose head is at `head`)
    goes before it: to the head of a loop around it (jit.c's pre-filter
    declines it too). Inner loops, `while` and `for`, are translated with
    the body."""
    return any(_BASE.get(ins.opname, ins.opname) in _BACKWARD_JUMPS
               and ins.argval // 2 < head for ins in body)


def _number_function(oparg: int) -> str:
    """The C API function of BINARY_OP's `+`, `-` or `*` (`oparg`), in place or not."""
    name = opcode._nb_ops[oparg][0]
    verb = {"ADD": "Add", "SUBTRACT": "Subtract", "MULTIPLY": "Multiply"}[name.rpartition("_")[2]]
    return f"PyNumber_{'InPlace' if 'INPLACE' in name else ''}{verb}"


def _find_global(globals_: dict | None, name: str) -> tuple[object, dict | None]:
    """What LOAD_GLOBAL `name` finds with the globals `globals_` now, and the
    builtins dict if it was found there (None if in the globals)."""
    if globals_ is None:
        raise Unsupported(f"LOAD_GLOBAL {name} without globals")
    if name in globals_:
        return globals_[name], None
    builtins = globals_.get("__builtins__")
    builtins = getattr(builtins, "__dict__", builtins)
    if type(builtins) is not dict or name not in builtins:
        raise Unsupported(f"LOAD_GLOBAL {name}: not found")
    return builtins[name], builtins


def _simple_init(cls: object) -> types.FunctionType | None:
    """The __init__ of `cls` if calling `cls` can be inlined: a plain class (its
    metaclass `type`) whose instances object.__new__ makes, with no finalizer,
    not abstract, and whose __init__ is a function the translator inlines; or
    None."""
    if type(cls) is not type or cls.__new__ is not object.__new__ or \
            hasattr(cls, "__del__") or getattr(cls, "__abstractmethods__", None):
        return None
    init = cls.__init__
    if not isinstance(init, types.FunctionType) or not _Inliner.can_inline(init):
        return None
    return init


def _cached_method(cache: dict[str, int], name: str,
                   globals_: dict | None) -> types.FunctionType | None:
    """The Python function named `name` that a LOAD_METHOD's inline cache (`cache`,
    its fields) holds, if it is a method of a class among `globals_`' values.
    The cache holds an address: it is compared with the ids of the methods
    found, never followed (the class it was cached for may be gone)."""
    descr = cache.get("descr")
    if not descr or not globals_:
        return None
    for value in list(globals_.values()):
        if isinstance(value, type):
            for klass in value.__mro__:
                method = klass.__dict__.get(name)
                if method is not None and id(method) == descr:
                    return method if isinstance(method, types.FunctionType) else None
    return None


# Math functions jit computes in C for one float or int argument: the C function
# math calls, and the domain where math returns its result without an error.
_MATH_FUNCTIONS = ((math.sqrt, "sqrt", "{x} >= 0.0"),
                   (math.sin, "sin", "isfinite({x})"),
                   (math.cos, "cos", "isfinite({x})"))


def _math_function(value: object) -> tuple[str, str] | None:
    for function, c_name, domain in _MATH_FUNCTIONS:
        if value is function:
            return c_name, domain
    return None


# Code flags of units that are not plain functions: generators, coroutines.
_NOT_PLAIN = 0x20 | 0x80 | 0x100 | 0x200


def _is_resume(code, offset: int) -> bool:
    # co_code holds the generic opcodes (RESUME, not RESUME_QUICK): one index,
    # not a pass over the bytecode for every request.
    return 0 <= offset < len(code.co_code) // 2 and code.co_code[2 * offset] == _RESUME


_RESUME = opcode.opmap["RESUME"]


def _translate_function(code, offset: int, globals_: dict | None, *,
                        depend_on_globals: bool = True) -> Translation | None:
    """A function unit: the function from its RESUME at `offset`, compiled until
    what it does not handle, a Python call or a return (the interpreter goes on
    from there), with continuations after Python calls. None if the first part
    runs fewer than MIN_SEGMENT instructions."""
    if code.co_flags & _NOT_PLAIN:
        return _decline("a generator or coroutine")
    instructions = _decode(code)[0]
    body = [ins for ins in instructions if ins.offset // 2 >= offset]
    # The body holds every backward jump (only COPY_FREE_VARS and MAKE_CELL come
    # before the RESUME), so _Gen finds all the loop heads in it.
    gen = _Gen(code, body, offset, body[-1].offset // 2, globals_, depend_on_globals,
               end=len(code.co_code) // 2, function=True)
    try:
        text = gen.translate()
    except Unsupported as error:
        return _decline(str(error))
    entry, conts = gen.dispatch()
    install_entry = gen.entries[offset] >= MIN_SEGMENT
    if not install_entry and not conts:
        return _decline(f"no part runs {MIN_SEGMENT} instructions")
    source = _source("function unit", code.co_qualname, offset, entry, text)
    return (source, tuple(gen.refs), tuple(gen.depends), tuple(gen.versions), tuple(conts),
            install_entry, 0)


# The C runtime every generated loop starts with (a real C file, beside this module).
# It comes first, before what is generated, so that the cache hashes it once per
# process for all the keys (_jit_cache.share_prefix).
with open(os.path.join(os.path.dirname(__file__), "jit_runtime.h"), encoding="utf-8") as _file:
    RUNTIME = _file.read()
_jit_cache.share_prefix(RUNTIME)

_TEMPLATE = """\
{runtime}
/* plugopt.jit: the {kind} of {name} at offset {head}; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{{
{prologue}
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    {entry}
{body}
}}
"""

# What the generated code may read from the frame and the thread, each fetched once
# an entry (the accessors are calls into the interpreter) and only if the code uses
# one of the names (the thread state: through the runtime's macros).
_PROLOGUE = (
    (("L",), "PyObject **L = PyExecutor_Frame_GetLocals(frame);"),
    (("C",), "PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;"),
    (("G",), "PyObject *G = PyExecutor_Frame_GetGlobals(frame);"),
    (("S0",), "PyObject **S0 = PyExecutor_Frame_GetStackBase(frame);"),
    (("CODE",), "const _Py_CODEUNIT *CODE = _PyCode_CODE(PyExecutor_Frame_GetCode(frame));"),
    (("TRACING", "ROOM_TO_RECURSE"), "PyThreadState *T = PyThreadState_Get();"),
)


def _uses(text: str, name: str) -> bool:
    """Whether the C `text` holds the identifier `name`. (A regular expression
    with \\b, which Python's engine tries at every position, took 1 ms per
    unit: 80 M instructions of go's 49 compile requests, callgrind.)"""
    at = text.find(name)
    while at >= 0:
        before, after = text[at - 1:at], text[at + len(name):at + len(name) + 1]
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        at = text.find(name, at + 1)
    return False


def _source(kind: str, name: str, head: int, entry: str, body: str) -> str:
    """The C source of a unit: the runtime, then the function with the prologue
    its body and entry need."""
    prologue = "\n".join("    " + line for names, line in _PROLOGUE
                         if any(_uses(body, name) or _uses(entry, name) for name in names))
    return _TEMPLATE.format(kind=kind, name=name, head=head, runtime=RUNTIME,
                            prologue=prologue, entry=entry, body=body)
