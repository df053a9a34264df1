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
  stack entries  ("local", i)  borrowed from local slot i
                 ("const", k)  borrowed from co_consts[k]
                 ("obj", var)  an owned reference in a C variable
                 ("dbl", var)  an unboxed float in a C double
  locals         a local may also live in a C double; "dirty" when the frame's
                 slot is stale. Dirty locals are boxed back ("flushed") before
                 anything that could run Python code or observe the frame, at
                 the back edge and at every exit.
"""

from __future__ import annotations

import dis
import opcode
import weakref

# Specialized name -> base name (3.11 keeps the base opcode's stack effect).
_BASE = {spec: base for base, specs in opcode._specializations.items() for spec in specs}
_BASE.update({"LOAD_FAST__LOAD_FAST": "LOAD_FAST", "LOAD_FAST__LOAD_CONST": "LOAD_FAST",
              "LOAD_CONST__LOAD_FAST": "LOAD_CONST", "STORE_FAST__LOAD_FAST": "STORE_FAST",
              "STORE_FAST__STORE_FAST": "STORE_FAST", "JUMP_BACKWARD_QUICK": "JUMP_BACKWARD",
              "LOAD_CONST__LOAD_FAST": "LOAD_CONST"})

# BINARY_OP opargs with a float fast path: C operator, or "pow".
_FLOAT_OPS = {0: "+", 13: "+", 10: "-", 23: "-", 5: "*", 18: "*", 11: "/", 24: "/",
              8: "pow", 21: "pow"}
_FLOAT_SPECIALIZED = {"BINARY_OP_ADD_FLOAT", "BINARY_OP_SUBTRACT_FLOAT",
                      "BINARY_OP_MULTIPLY_FLOAT"}

_ITER_TYPES = ("PyListIter_Type", "PyTupleIter_Type", "PyRangeIter_Type")


class Unsupported(Exception):
    """The loop uses something the translator does not handle."""


class NotYet(Exception):
    """An instruction the translator needs specialized is still adaptive: the
    loop may be compiled when the VM asks again, after it has specialized."""


def _specialized(name: str) -> None:
    """Raise NotYet for the generic or adaptive form of a specializable instruction."""
    if name in opcode._specializations or name.endswith("_ADAPTIVE"):
        raise NotYet(name)


class _Gen:
    def __init__(self, code, instructions, head: int, back: int) -> None:
        self.code = code
        self.instrs = instructions
        self.head = head
        self.back = back
        self.lines: list[str] = []
        self.stack: list[tuple[str, object]] = []
        self.base_depth = 0           # entries below the loop's own (the iterator)
        self.cached: dict[int, str] = {}   # local -> double var holding its value
        self.dirty: set[int] = set()       # locals whose frame slot is stale
        self.nvars = 0
        # Set after dropping a reference that may have run Python code (a
        # destructor): the next instruction first checks that tracing did
        # not start, which the interpreter would honour from there on.
        self.may_have_run_code = False

    # -- helpers ------------------------------------------------------------
    def var(self, kind: str) -> str:
        self.nvars += 1
        name = f"{kind[0]}{self.nvars}"
        self.emit(f"{'double' if kind == 'dbl' else 'PyObject *'} {name};")
        return name

    def emit(self, line: str) -> None:
        self.lines.append("    " + line)

    def as_object_expr(self, entry) -> tuple[str, list[str]]:
        """C statements that produce an owned reference for `entry` into `tmp`."""
        kind, what = entry
        if kind == "local":
            return f"L[{what}]", [f"Py_INCREF(L[{what}]);"]
        if kind == "const":
            return f"C({what})", [f"Py_INCREF(C({what}));"]
        if kind == "obj":
            return str(what), []
        return f"PyFloat_FromDouble({what})", []

    def exit_code(self, offset: int) -> list[str]:
        """Leave the frame as the interpreter has it before `offset`."""
        out = ["{", "    PyObject **sp = S;", "    int failed = 0;"]
        olds = []
        for i in sorted(self.dirty):
            out += [f"    PyObject *old{i} = L[{i}];",
                    f"    PyObject *new{i} = PyFloat_FromDouble({self.cached[i]});",
                    f"    if (new{i} == NULL) {{ failed = 1; }} else {{ L[{i}] = new{i}; }}"]
            olds.append(i)
        for entry in self.stack:
            kind, what = entry
            if kind == "local":
                out.append(f"    Py_INCREF(L[{what}]); *sp++ = L[{what}];")
            elif kind == "const":
                out.append(f"    Py_INCREF(C({what})); *sp++ = C({what});")
            elif kind == "obj":
                out.append(f"    *sp++ = {what};")
            else:
                out += ["    {", f"        PyObject *box = PyFloat_FromDouble({what});",
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

    def guard(self, condition: str, offset: int) -> None:
        """Exit before `offset` unless `condition` holds."""
        self.emit(f"if (!({condition})) " + "\n    ".join(self.exit_code(offset)))

    def flush(self) -> None:
        """Box dirty locals into the frame (they stay cached)."""
        olds = []
        for i in sorted(self.dirty):
            self.emit(f"PyObject *new_{self.nvars}_{i} = PyFloat_FromDouble({self.cached[i]});")
            olds.append(i)
        # A failed box leaves that slot stale; the next exit re-boxes (still dirty).
        still = set()
        for i in olds:
            self.emit(f"if (new_{self.nvars}_{i} != NULL) {{ PyObject *o = L[{i}]; "
                      f"L[{i}] = new_{self.nvars}_{i}; Py_XDECREF(o); }}")
        self.nvars += 1
        self.dirty = still

    def need_double(self, entry, offset: int) -> str:
        kind, what = entry
        if kind == "dbl":
            return str(what)
        expr = {"local": f"L[{what}]", "const": f"C({what})", "obj": str(what)}[kind]
        self.guard(f"PyFloat_CheckExact({expr})", offset)
        return f"PyFloat_AS_DOUBLE({expr})"

    def release(self, entry) -> None:
        """Drop an entry consumed by an instruction (floats: their dealloc runs no code)."""
        if entry[0] == "obj":
            self.emit(f"Py_DECREF({entry[1]});")

    def own_borrowed_of(self, local: int) -> None:
        """Before local `local` changes, stack entries borrowed from it take a reference."""
        for n, (kind, what) in enumerate(self.stack):
            if kind == "local" and what == local:
                v = self.var("obj")
                self.emit(f"{v} = L[{local}]; Py_INCREF({v});")
                self.stack[n] = ("obj", v)

    # -- instructions -------------------------------------------------------
    def translate(self) -> str:
        for ins in self.instrs:
            self.lines.append(f"  i{ins.offset // 2}: /* {ins.opname} {ins.argrepr} */ ;")
            if self.may_have_run_code:
                self.guard("!TRACING()", ins.offset // 2)
                self.may_have_run_code = False
            self.one(ins)
        return "\n".join(self.lines)

    def one(self, ins) -> None:
        off = ins.offset // 2
        name = ins.opname
        base = _BASE.get(name, name)
        arg = ins.arg
        if off == self.head and base == "FOR_ITER":
            # Canonical state here: the iterator is the frame's top of stack.
            self.guard(" || ".join(f"Py_IS_TYPE(S[-1], &{t})" for t in _ITER_TYPES), off)
            v = self.var("obj")
            self.emit(f"{v} = Py_TYPE(S[-1])->tp_iternext(S[-1]);")
            # Exhausted: these iterators keep returning NULL, so the interpreter's
            # FOR_ITER finds the same and jumps out of the loop itself.
            self.guard(f"{v} != NULL", off)
            self.stack.append(("obj", v))
        elif base == "LOAD_FAST":
            if arg in self.cached:
                self.stack.append(("dbl", self.cached[arg]))
            else:
                self.guard(f"L[{arg}] != NULL", off)
                self.stack.append(("local", arg))
        elif base == "LOAD_CONST":
            self.stack.append(("const", arg))
        elif base == "STORE_FAST":
            value = self.stack.pop()
            self.own_borrowed_of(arg)
            if value[0] == "dbl":
                if arg not in self.cached:
                    self.cached[arg] = self.var("dbl")
                self.emit(f"{self.cached[arg]} = {value[1]};")
                self.dirty.add(arg)
            else:
                # The old value may be anything: its destructor may run Python
                # code, so the frame must be up to date first.
                self.flush()
                expr, pre = self.as_object_expr(value)
                for line in pre:
                    self.emit(line)
                self.emit(f"{{ PyObject *o = L[{arg}]; L[{arg}] = {expr}; Py_XDECREF(o); }}")
                self.may_have_run_code = True
                self.cached.pop(arg, None)
                self.dirty.discard(arg)
        elif base == "POP_TOP":
            entry = self.stack.pop()
            if entry[0] == "obj":
                self.flush()
                self.emit(f"Py_DECREF({entry[1]});")
                self.may_have_run_code = True
        elif base == "COPY":
            entry = self.stack[-arg]
            if entry[0] == "obj":
                v = self.var("obj")
                self.emit(f"{v} = {entry[1]}; Py_INCREF({v});")
                entry = ("obj", v)
            self.stack.append(entry)
        elif base == "SWAP":
            self.stack[-1], self.stack[-arg] = self.stack[-arg], self.stack[-1]
        elif base == "BINARY_OP":
            op = _FLOAT_OPS.get(arg)
            left, right = self.stack[-2], self.stack[-1]
            # + - * only where the specializer saw floats (or an operand is
            # one already); / and ** are never specialized in 3.11, so they
            # always get the float path behind guards (an executor whose
            # guards keep failing steps aside: jit.c).
            static = left[0] == "dbl" or right[0] == "dbl"
            if op is None:
                raise Unsupported(f"{name} {ins.argrepr}")
            if not (name in _FLOAT_SPECIALIZED or static or op in ("/", "pow")):
                _specialized(name)
                raise Unsupported(f"{name} {ins.argrepr}")
            a = self.need_double(left, off)
            b = self.need_double(right, off)
            r = self.var("dbl")
            if op == "pow":
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
            self.stack.pop()
            self.stack.pop()
            self.release(left)
            self.release(right)
            self.stack.append(("dbl", r))
        elif name == "BINARY_SUBSCR_LIST_INT":
            seq, index = self.stack[-2], self.stack[-1]
            s_expr, n = self.list_index(seq, index, off)
            self.emit(f"{n} = PyList_GET_ITEM({s_expr}, n{n}); Py_INCREF({n});")
            self.stack.pop()
            self.stack.pop()
            self.release_safe(seq)
            self.release_safe(index)
            self.stack.append(("obj", n))
        elif name == "STORE_SUBSCR_LIST_INT":
            value, seq, index = self.stack[-3], self.stack[-2], self.stack[-1]
            s_expr, n = self.list_index(seq, index, off)
            # The old item is dropped here: only floats, ints, bools and None,
            # whose destructors run no Python code; anything else, the interpreter.
            self.emit(f"{n} = PyList_GET_ITEM({s_expr}, n{n});")
            self.guard(f"PyFloat_CheckExact({n}) || PyLong_CheckExact({n}) || "
                       f"PyBool_Check({n}) || {n} == Py_None", off)
            if value[0] == "dbl":
                box = self.var("obj")
                self.emit(f"{box} = PyFloat_FromDouble({value[1]});")
                self.guard(f"{box} != NULL", off)
            else:
                box, pre = self.as_object_expr(value)
                for line in pre:
                    self.emit(line)
            self.emit(f"PyList_SET_ITEM({s_expr}, n{n}, {box}); Py_DECREF({n});")
            for _ in range(3):
                self.stack.pop()
            self.release_safe(seq)
            self.release_safe(index)
        elif base in ("BINARY_SUBSCR", "STORE_SUBSCR"):
            _specialized(name)
            raise Unsupported(name)
        elif base == "UNPACK_SEQUENCE":
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
                v = self.var("obj")
                self.emit(f"{v} = {item}({s_expr}, {k}); Py_INCREF({v});")
                items.append(("obj", v))
            self.stack.pop()
            # Its items are alive (we hold them), so freeing it runs no code.
            self.release(seq)
            self.stack.extend(reversed(items))
        elif base == "JUMP_BACKWARD" and off == self.back:
            if len(self.stack) != 0:
                raise Unsupported("values on the stack at the back edge")
            self.flush()
            self.emit("(*iterations)++;")
            # The interpreter checks the eval breaker after the jump: exit at
            # the loop head, where it would handle it (and where it would
            # start tracing, if a destructor switched it on).
            self.guard("!PyExecutor_EvalBreakerIsSet() && !TRACING()", self.head)
            self.may_have_run_code = False
            self.cached.clear()
            self.emit(f"goto i{self.head};")
        else:
            raise Unsupported(name)

    def list_index(self, seq, index, offset: int) -> tuple[str, str]:
        """Guards that `seq` is a list and `index` an int in range (one digit,
        not negative), else exit before `offset`. Returns the list's C
        expression and a new PyObject * variable `n` whose index is `n{n}`."""
        s_expr = self.object_expr(seq)
        i_expr = self.object_expr(index)
        self.guard(f"PyList_CheckExact({s_expr}) && PyLong_CheckExact({i_expr}) && "
                   f"Py_SIZE({i_expr}) >= 0 && Py_SIZE({i_expr}) <= 1", offset)
        n = self.var("obj")
        self.emit(f"Py_ssize_t n{n} = Py_SIZE({i_expr}) ? "
                  f"(Py_ssize_t)((PyLongObject *){i_expr})->ob_digit[0] : 0;")
        self.guard(f"n{n} < PyList_GET_SIZE({s_expr})", offset)
        return s_expr, n

    def object_expr(self, entry) -> str:
        kind, what = entry
        if kind == "dbl":
            raise Unsupported("unboxed float used as an object")
        return {"local": f"L[{what}]", "const": f"C({what})", "obj": str(what)}[kind]

    def release_safe(self, entry) -> None:
        """Drop a list or int operand: a list whose last reference this was could
        free anything, so the frame is made current first."""
        if entry[0] == "obj":
            self.flush()
            self.emit(f"Py_DECREF({entry[1]});")
            self.may_have_run_code = True


# Loops already declined, per code object. The VM asks again after a backoff,
# for optimizers whose answer may change; this translator's does not, and
# translating costs milliseconds, which a long-running declined loop (asked
# every 16 * threshold iterations) would otherwise pay over and over.
_declined: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def decline(code, offset: int) -> None:
    """Never translate this loop again (jit.c: its executor stepped aside)."""
    _declined.setdefault(code, set()).add(offset)


def translate(code, offset: int) -> str | None:
    """C source for the loop whose head (the back edge's target) is at `offset`
    (code units), or None. The VM reports back edges at their target, and the
    executor is installed there: it is entered at the loop head."""
    declined = _declined.get(code)
    if declined is not None and offset in declined:
        return None
    try:
        source = _translate(code, offset)
    except NotYet:
        return None
    if source is None:
        _declined.setdefault(code, set()).add(offset)
    return source


def _translate(code, offset: int) -> str | None:
    instructions = list(dis.get_instructions(code, adaptive=True))
    jumps = [ins for ins in instructions
             if _BASE.get(ins.opname, ins.opname) == "JUMP_BACKWARD"
             and ins.argval // 2 == offset]
    if len(jumps) != 1:
        return None   # no loop here, or `continue` (a second back edge)
    back = jumps[0].offset // 2
    body = [ins for ins in instructions if offset <= ins.offset // 2 <= back]
    if not body or _BASE.get(body[0].opname, body[0].opname) != "FOR_ITER":
        return None
    gen = _Gen(code, body, offset, back)
    try:
        text = gen.translate()
    except (Unsupported, KeyError, IndexError):
        return None   # NotYet propagates: translate() does not remember it
    return _TEMPLATE.format(name=code.co_qualname, head=offset, body=text)


_TEMPLATE = """\
/* plugopt.jit: the loop of {name} at offset {head}; generated, do not edit. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

#define C(k) PyTuple_GET_ITEM(consts, (k))
#define TRACING() (PyThreadState_Get()->cframe->use_tracing)

struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations)
{{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    (void)consts;
    goto i{head};
{body}
}}
"""
