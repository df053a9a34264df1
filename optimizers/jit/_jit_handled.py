"""The instructions jit translates inside a loop, by generic opcode: the one list both
halves of jit read.

jit.c's pre-filter, which declines a loop without running any Python code, is generated
from it when jit is built (gen_jit_handled.py writes jit_handled.h); the translator
(_jit_codegen.py) refuses any instruction that is not here before it looks further. To
translate a new instruction, add it here, then its translation to the translator (and a
program that reaches it to tests/test_jit.py). A `for` loop's head (its FOR_ITER, the
loop's own or an inner loop's) and the backward jumps to the heads (back edges,
conditional ones included) are structural, not listed. A function unit (a hot function,
from its RESUME) may hold instructions that are not here: its compiled code stops before
the first one it meets, and the interpreter goes on.
"""

from __future__ import annotations

import opcode

ANY = "any"   # every form the specializer may choose, adaptive ones included

# Generic opcode -> the specialized forms translated, or ANY.
HANDLED: dict[str, tuple[str, ...] | str] = {
    "LOAD_FAST": ANY, "STORE_FAST": ANY, "LOAD_CONST": ANY, "POP_TOP": ANY,
    "COPY": ANY, "SWAP": ANY,
    # calls: small pure functions inlined, anything else called through
    # vectorcall (in a function unit, a call of a Python function or class ends
    # a part of it: the interpreter makes it); keyword arguments (KW_NAMES) through
    # vectorcall, in loops only (a function unit's part stops before them)
    "LOAD_GLOBAL": ANY, "CALL": ANY, "KW_NAMES": ANY,
    "PRECALL": ANY,
    "BINARY_OP": ANY,
    # subscripts: of lists and tuples by an int in C; any other (a dict's, a
    # slice) through the C API, as the interpreter's generic path makes it
    "BINARY_SUBSCR": ANY, "STORE_SUBSCR": ANY,
    "UNPACK_SEQUENCE": ("UNPACK_SEQUENCE_TWO_TUPLE", "UNPACK_SEQUENCE_TUPLE",
                        "UNPACK_SEQUENCE_LIST"),
    # branches inside the body (`if`, `if`/`else`): forward jumps to an instruction
    # of the body, on a bool, None, a number, or a comparison of two floats or ints
    "NOP": ANY, "JUMP_FORWARD": ANY,
    "POP_JUMP_FORWARD_IF_FALSE": ANY, "POP_JUMP_FORWARD_IF_TRUE": ANY,
    "POP_JUMP_FORWARD_IF_NONE": ANY, "POP_JUMP_FORWARD_IF_NOT_NONE": ANY,
    # comparisons: of floats and ints in C, of anything else through the C API
    # (a bool for the jump after it), `in`, `not in` and `not`
    "COMPARE_OP": ANY, "CONTAINS_OP": ANY, "UNARY_NOT": ANY,
    # attributes of instances: the values array or a slot, behind the type's
    # version; any other attribute (one the specializer gave up on: a property,
    # a class attribute, owners of several types) through the C API
    "LOAD_ATTR": ANY, "STORE_ATTR": ANY,
    # an inner `for` loop's iterator, made as the interpreter makes it
    "GET_ITER": ANY,
    # a closure's cells, negation, tuples, list comprehensions' appends
    "LOAD_DEREF": ANY, "UNARY_NEGATIVE": ANY, "UNARY_INVERT": ANY, "BUILD_TUPLE": ANY,
    "BUILD_LIST": ANY, "LIST_APPEND": ANY,
    # slices (a[i:j], a[i:j:k]), made by PySlice_New, taken by the subscripts above
    "BUILD_SLICE": ANY,
    # f-strings: each field formatted, the parts joined, as the interpreter does
    "FORMAT_VALUE": ANY, "BUILD_STRING": ANY,
    # `raise` and a failed `assert`: the compiled code exits before them (a
    # `try`'s handlers, reached through the exception table only, are never
    # translated: the interpreter runs them)
    "RAISE_VARARGS": ANY, "LOAD_ASSERTION_ERROR": ANY,
    # identity tests (`is`, `is not`) and the NULL pushed before a callable
    "IS_OP": ANY, "PUSH_NULL": ANY,
    # methods looked up as the interpreter does, behind the type's version; any
    # other through the C API (a bound method, called as such)
    "LOAD_METHOD": ANY,
    # function units (hot functions, from their RESUME): a return is where a
    # unit ends, before the RETURN_VALUE, which the interpreter runs; a loop
    # unit likewise returns to the interpreter before a `return`
    "RESUME": ANY, "RETURN_VALUE": ANY,
}
# Adaptive forms of the instructions the translator makes generically (through the
# C API) when the specializer found no form for them. While the specializer is still
# trying (specializer_gave_up() below), it may yet choose a form made in C, and a loop
# holding one waits: jit.c declines it for this round without importing the
# translator, which would also disturb the heap of a program whose loop runs a few
# times (CPython's test_descr counts gc objects around a loop of ten iterations of
# `g == g`).
WAIT_FOR_SPECIALIZER = ("LOAD_ATTR_ADAPTIVE", "STORE_ATTR_ADAPTIVE", "LOAD_METHOD_ADAPTIVE",
                        "BINARY_SUBSCR_ADAPTIVE", "STORE_SUBSCR_ADAPTIVE",
                        "COMPARE_OP_ADAPTIVE", "BINARY_OP_ADAPTIVE")
# Every adaptive form: an instruction in one of them has a counter in its first cache
# entry (Include/internal/pycore_code.h: a value above ADAPTIVE_BACKOFF_BITS bits of
# backoff), which quickening sets to 0.
ADAPTIVE_FORMS = tuple(name for name in opcode._specialized_instructions
                       if name.endswith("_ADAPTIVE"))
ADAPTIVE_BACKOFF_BITS = 4
ADAPTIVE_BACKOFF_START = 5


def _backoff(counter: int) -> int:
    return counter & ((1 << ADAPTIVE_BACKOFF_BITS) - 1)


def never_ran(counter: int) -> bool:
    """Whether an adaptive instruction whose first cache entry is `counter` has not run
    since its code was quickened. Quickening leaves the counter 0; the first run either
    specializes the instruction (its form is adaptive no more) or backs its counter off,
    and a backed-off counter keeps a backoff of 1 or more, never 0 again. A loop's
    instruction that never ran is on a path the loop has not taken (`if tracing:`):
    the compiled code exits there; waiting for the specializer would be waiting for
    good."""
    return counter == 0


def specializer_gave_up(counter: int) -> bool:
    """Whether an adaptive instruction whose first cache entry is `counter`, which ran,
    is left generic: it failed to specialize five times since quickening (each failure
    adds one to the backoff), or it was specialized and missed until the VM made it
    adaptive again, which restarts the backoff at ADAPTIVE_BACKOFF_START (a site that
    sees objects of several types does that again and again: richards' `t.runTask()`
    for four task classes). Below that, the specializer is still trying."""
    return _backoff(counter) >= ADAPTIVE_BACKOFF_START


# The fewest instructions a part of a function unit must run to be worth an executor's
# entry (about 50 instructions of the VM's and the executor's): the translator installs
# no shorter part, and jit.c's pre-filter declines a function whose first part would be
# shorter (gen_jit_handled.py writes it into jit_handled.h).
MIN_SEGMENT = 6

# Forms of an ANY opcode that are not translated.
EXCLUDED_FORMS: dict[str, tuple[str, ...]] = {}
# Opargs not translated, as Include/opcode.h names them: matrix products.
EXCLUDED_OPARGS: dict[str, tuple[str, ...]] = {
    "BINARY_OP": ("NB_MATRIX_MULTIPLY", "NB_INPLACE_MATRIX_MULTIPLY"),
}


def handled(generic: str, form: str, oparg: int | None) -> bool:
    """Whether the instruction (its generic opcode name, the form the specializer
    chose, its oparg) is one jit translates."""
    forms = HANDLED.get(generic)
    if forms is None or form in EXCLUDED_FORMS.get(generic, ()):
        return False
    if generic == "BINARY_OP" and oparg is not None:   # opargs named as opcode.h does
        if opcode._nb_ops[oparg][0] in EXCLUDED_OPARGS.get(generic, ()):
            return False
    return forms == ANY or form in forms
