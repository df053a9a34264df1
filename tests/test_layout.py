"""The patched interpreter is a drop-in for stock 3.11.2: every struct that tools built
for stock read (py-spy, austin, gdb's helpers, extensions) keeps its size and field
offsets, and every stock opcode keeps its number (docs/architecture.md, "Stock layouts").

The layouts come from the compiler itself: a probe that declares one pointer to each
struct is compiled with -g against each interpreter's installed headers, and gdb prints
every field's offset and size (`ptype /o`), nested structs included.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import output, run, run_python

# Every struct of the stock headers that a tool reading the interpreter from outside
# (or an extension compiled against stock 3.11.2) depends on. Nested structs, such as
# the eval state inside PyInterpreterState, are printed with their parents.
STRUCTS = [
    "PyObject", "PyVarObject", "PyTypeObject", "PyHeapTypeObject",
    "PyCodeObject", "PyFrameObject", "_PyInterpreterFrame", "_PyCFrame",
    "_PyErr_StackItem", "PyThreadState", "struct _is", "_PyRuntimeState",
    "PyFunctionObject", "PyGenObject", "PyCoroObject", "PyAsyncGenObject",
    "PyDictObject", "struct _dictkeysobject", "PyTupleObject", "PyListObject",
    "PyBytesObject", "PyASCIIObject", "PyCompactUnicodeObject", "PyUnicodeObject",
    "struct _longobject", "PyFloatObject", "PyCFunctionObject", "PyMethodObject",
    "PyModuleObject", "PyCellObject",
]
PROBE_HEADERS = [
    "Python.h", "frameobject.h", "internal/pycore_code.h", "internal/pycore_frame.h",
    "internal/pycore_interp.h", "internal/pycore_runtime.h", "internal/pycore_dict.h",
    "internal/pycore_moduleobject.h",
]
DEFINE = re.compile(r"^#define ([A-Z][A-Z0-9_]*) +(\d+)$", re.M)


def include_dir(python: Path) -> Path:
    return python.parent.parent / "include" / "python3.11"


def layouts(python: Path, work: Path) -> dict[str, str]:
    """`ptype /o` of every struct in STRUCTS, compiled against `python`'s headers."""
    probe = work / "probe.c"
    lines = ["#define Py_BUILD_CORE 1"] + [f'#include "{h}"' for h in PROBE_HEADERS]
    lines += [f"{name} *probe_{i};" for i, name in enumerate(STRUCTS)]
    probe.write_text("\n".join(lines) + "\n")
    obj = work / "probe.o"
    compiled = run(["gcc", "-g", "-c", probe, "-I", include_dir(python), "-o", obj])
    assert compiled.returncode == 0, output(compiled)
    commands = ["-ex", "set max-value-size unlimited"]
    for name in STRUCTS:
        commands += ["-ex", f"echo @@ {name}\\n", "-ex", f"ptype /o {name}"]
    printed = run(["gdb", "-nx", "-batch", *commands, obj])
    assert printed.returncode == 0, output(printed)
    sections = re.split(r"^@@ (.+)$", printed.stdout, flags=re.M)[1:]
    result = dict(zip(sections[0::2], sections[1::2]))
    assert set(result) == set(STRUCTS), output(printed)
    for name, text in result.items():
        assert "total size" in text, f"gdb printed no layout for {name}:\n{text}"
    return result


@pytest.fixture(scope="module")
def gdb() -> str:
    path = shutil.which("gdb")
    if path is None:
        pytest.fail("gdb is not installed (scripts/build/install_deps.py installs it as root)",
                    pytrace=False)
    return path


def test_struct_layouts_are_stock(gdb: str, patched_python: Path, baseline_python: Path,
                                  tmp_path: Path) -> None:
    (tmp_path / "stock").mkdir()
    (tmp_path / "patched").mkdir()
    stock = layouts(baseline_python, tmp_path / "stock")
    patched = layouts(patched_python, tmp_path / "patched")
    differing = [name for name in STRUCTS if stock[name] != patched[name]]
    detail = "\n".join(f"--- stock {name}\n{stock[name]}--- patched {name}\n{patched[name]}"
                       for name in differing[:2])
    assert not differing, f"layouts differ from stock 3.11.2: {differing}\n{detail}"


def header_opcodes(python: Path) -> dict[str, int]:
    text = (include_dir(python) / "opcode.h").read_text()
    return {name: int(number) for name, number in DEFINE.findall(text)
            if name not in ("HAVE_ARGUMENT", "EXTENDED_ARG_QUICK_CACHE")}


def runtime_opcodes(python: Path) -> dict[str, int]:
    """Every instruction the running interpreter knows, specialized ones included, as dis
    numbers them (from Lib/opcode.py)."""
    result = run_python(python, "import dis, json; print(json.dumps(dis._all_opmap))")
    assert result.returncode == 0, output(result)
    return json.loads(result.stdout)


@pytest.mark.parametrize("source", [header_opcodes, runtime_opcodes],
                         ids=["opcode.h", "dis"])
def test_stock_opcodes_keep_their_numbers(source, patched_python: Path,
                                          baseline_python: Path) -> None:
    stock = source(baseline_python)
    patched = source(patched_python)
    assert "UNPACK_SEQUENCE_TWO_TUPLE" in stock and "JUMP_BACKWARD_QUICK" in stock
    moved = {name: (number, patched.get(name)) for name, number in stock.items()
             if patched.get(name) != number}
    assert not moved, f"stock opcodes renumbered (stock, patched): {moved}"
    added = {name: number for name, number in patched.items() if name not in stock}
    assert "ENTER_EXECUTOR" in added and "JUMP_BACKWARD_COLD" in added, added
    taken = set(stock.values())
    assert not [name for name, number in added.items() if number in taken], added


# A PEP 523 tool's per-code data (co_extra) beside the VM's, which holds executors in
# slot 0: the tool gets an index of its own and keeps its value while executors come
# and go.
CO_EXTRA_PROGRAM = r"""
import ctypes, _optimizer
api = ctypes.pythonapi
api._PyEval_RequestCodeExtraIndex.restype = ctypes.c_ssize_t
api._PyEval_RequestCodeExtraIndex.argtypes = [ctypes.c_void_p]
api._PyCode_SetExtra.argtypes = [ctypes.py_object, ctypes.c_ssize_t, ctypes.c_void_p]
api._PyCode_GetExtra.argtypes = [ctypes.py_object, ctypes.c_ssize_t,
                                 ctypes.POINTER(ctypes.c_void_p)]
index = api._PyEval_RequestCodeExtraIndex(None)

def hot():
    total = 0
    for i in range(5000):
        total += i
    return total

assert api._PyCode_SetExtra(hot.__code__, index, 12345) == 0
hot()
installed = len(_optimizer.get_executors(hot.__code__))
value = ctypes.c_void_p()
assert api._PyCode_GetExtra(hot.__code__, index, ctypes.byref(value)) == 0
_optimizer.clear_executors()
after = ctypes.c_void_p()
assert api._PyCode_GetExtra(hot.__code__, index, ctypes.byref(after)) == 0
print(index, installed, value.value, after.value)
"""


def test_pep523_code_extra_coexists_with_executors(patched_python: Path) -> None:
    result = run_python(patched_python, CO_EXTRA_PROGRAM,
                        env={"PYTHONOPTIMIZER": "counter", "PYTHONOPTIMIZERTHRESHOLD": "2",
                             "PYTHONOPTIMIZERCHECK": "1"})
    assert result.returncode == 0, output(result)
    index, installed, value, after = result.stdout.split()
    assert int(index) >= 1   # slot 0 is the VM's
    assert int(installed) >= 1, "counter installed no executor: the test proves nothing"
    assert (value, after) == ("12345", "12345")


SUBINTERPRETER_PROGRAM = r"""
import _optimizer, _xxsubinterpreters as interpreters
main_optimizers = len(_optimizer.get_optimizers())
sub = interpreters.create()
interpreters.run_string(sub, '''
import _optimizer
assert _optimizer.get_optimizers() == [], _optimizer.get_optimizers()
stats = _optimizer.get_stats()
assert stats["installed"] == 0 and stats["compile_calls"] == 0, stats
total = 0
for i in range(20000):
    total += i
''')
interpreters.destroy(sub)
def hot():
    total = 0
    for i in range(5000):
        total += i
hot()
print(main_optimizers, len(_optimizer.get_executors(hot.__code__)))
"""


def test_subinterpreter_has_its_own_optimizer_state(patched_python: Path) -> None:
    """A subinterpreter's state sits after its PyInterpreterState: it starts empty,
    and the main interpreter's registry and executors are untouched by it."""
    result = run_python(patched_python, SUBINTERPRETER_PROGRAM,
                        env={"PYTHONOPTIMIZER": "counter", "PYTHONOPTIMIZERTHRESHOLD": "2"})
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["1", "1"], output(result)
