/* plugopt: the _optimizer module, the Python view of the optimizer API. */
#ifndef Py_BUILD_CORE_BUILTIN
#  define Py_BUILD_CORE_MODULE 1
#endif
#include "Python.h"
#include "pycore_interp.h"
#include "pycore_optimizer.h"
#include "pycore_pystate.h"       // _PyInterpreterState_GET()

static PyObject *
get_optimizers(PyObject *module, PyObject *Py_UNUSED(args))
{
    PyObject *optimizers = _PyOptimizer_GET()->optimizers;
    return optimizers ? PyList_GetSlice(optimizers, 0, PY_SSIZE_T_MAX) : PyList_New(0);
}

static PyCodeObject *
code_arg(PyObject *obj)
{
    if (!PyCode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected a code object, got %.100s",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    return (PyCodeObject *)obj;
}

static PyObject *
get_executors(PyObject *module, PyObject *arg)
{
    PyCodeObject *code = code_arg(arg);
    if (code == NULL) {
        return NULL;
    }
    PyObject *result = PyDict_New();
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    for (int i = 0; result != NULL && data != NULL && i < data->capacity; i++) {
        PyExecutorObject *executor = data->executors[i];
        if (executor == NULL) {
            continue;
        }
        PyObject *offset = PyLong_FromLong(executor->vm_data.offset);
        if (offset == NULL || PyDict_SetItem(result, offset, (PyObject *)executor) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(offset);
    }
    return result;
}

static PyObject *
clear_executors(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("clear_executors", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 0 || args[0] == Py_None) {
        _Py_Executors_InvalidateAll(_PyInterpreterState_GET());
    }
    else {
        PyCodeObject *code = code_arg(args[0]);
        if (code == NULL) {
            return NULL;
        }
        _Py_Executors_ClearCode(code);
    }
    Py_RETURN_NONE;
}

static PyObject *
invalidate(PyObject *module, PyObject *obj)
{
    _Py_Executors_InvalidateDependency(_PyInterpreterState_GET(), obj);
    Py_RETURN_NONE;
}

static int
optimizer_arg(PyObject *obj, PyOptimizerObject **result)
{
    PyObject *optimizers = _PyOptimizer_GET()->optimizers;
    if (optimizers == NULL || !PySequence_Contains(optimizers, obj)) {
        PyErr_Format(PyExc_ValueError, "%.100s object is not a registered optimizer",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *result = (PyOptimizerObject *)obj;
    return 0;
}

static PyObject *
unregister(PyObject *module, PyObject *obj)
{
    PyOptimizerObject *optimizer;
    if (optimizer_arg(obj, &optimizer) < 0 || _Py_Optimizer_Unregister(optimizer) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
describe(PyObject *module, PyObject *obj)
{
    PyOptimizerObject *optimizer;
    if (optimizer_arg(obj, &optimizer) < 0) {
        return NULL;
    }
    return Py_BuildValue("{sIsdsdsi}",
                         "capabilities", (unsigned int)optimizer->capabilities,
                         "optimization_cost", (double)optimizer->optimization_cost,
                         "run_cost", (double)optimizer->run_cost,
                         "threshold", _Py_Optimizer_Threshold(optimizer));
}

static PyObject *
get_instruction(PyObject *module, PyObject *args)
{
    PyObject *code_obj;
    int offset;
    if (!PyArg_ParseTuple(args, "Oi:get_instruction", &code_obj, &offset)) {
        return NULL;
    }
    PyCodeObject *code = code_arg(code_obj);
    if (code == NULL) {
        return NULL;
    }
    int word = _Py_Code_GetInstruction(code, offset, 0);
    if (word < 0) {
        return NULL;
    }
    return Py_BuildValue("(ii)", word & 255, word >> 8);
}

static PyObject *
get_stats(PyObject *module, PyObject *Py_UNUSED(args))
{
    _PyOptimizerStats *s = &_PyOptimizer_GET()->stats;
    extern Py_ssize_t _PyExecutor_AliveCount(void);
    return Py_BuildValue(
        "{snsnsnsnsnsnsnsnsnsnsnsnsnsn}",
        "hotspots_function_entry", s->hotspots[0],
        "hotspots_resume_after_yield", s->hotspots[1],
        "hotspots_back_edge", s->hotspots[2],
        "compile_calls", s->compile_calls,
        "offered", s->offered,
        "declined", s->declined,
        "failed", s->failed,
        "installed", s->installed,
        "tier_ups", s->tier_ups,
        "alive", _PyExecutor_AliveCount(),
        "invalidated", s->invalidated,
        "entries", s->entries,
        "zero_progress", s->zero_progress,
        "exceptions", s->exceptions);
}

static PyObject *
check_enabled(PyObject *module, PyObject *Py_UNUSED(args))
{
    return PyBool_FromLong(_PyOptimizer_GET()->check_return != NULL);
}

static PyObject *
reset_stats(PyObject *module, PyObject *Py_UNUSED(args))
{
    memset(&_PyOptimizer_GET()->stats, 0, sizeof(_PyOptimizerStats));
    Py_RETURN_NONE;
}

static PyMethodDef optimizer_methods[] = {
    {"get_optimizers", get_optimizers, METH_NOARGS,
     "get_optimizers()\n--\n\nThe registered optimizers, in the order they are asked."},
    {"describe", describe, METH_O,
     "describe(optimizer)\n--\n\nCapabilities, costs and compile threshold of a registered optimizer."},
    {"unregister", unregister, METH_O,
     "unregister(optimizer)\n--\n\nUnregister an optimizer and remove the executors it compiled."},
    {"get_executors", get_executors, METH_O,
     "get_executors(code)\n--\n\nThe executors installed in a code object, as {offset: executor}\n"
     "(offsets in code units: dis offset // 2)."},
    {"clear_executors", _PyCFunction_CAST(clear_executors), METH_FASTCALL,
     "clear_executors(code=None)\n--\n\nRemove the executors of one code object, or all of them."},
    {"invalidate", invalidate, METH_O,
     "invalidate(obj)\n--\n\nRemove the executors that declared a dependency on obj."},
    {"get_instruction", get_instruction, METH_VARARGS,
     "get_instruction(code, offset)\n--\n\n(opcode, oparg) at an offset, seen through any executor."},
    {"get_stats", get_stats, METH_NOARGS,
     "get_stats()\n--\n\nOptimizer statistics of this interpreter, as a dict."},
    {"check_enabled", check_enabled, METH_NOARGS,
     "check_enabled()\n--\n\nTrue when -X optimizer_check / PYTHONOPTIMIZERCHECK turned "
     "the invariant checker on."},
    {"reset_stats", reset_stats, METH_NOARGS,
     "reset_stats()\n--\n\nSet every statistic (except alive) to zero."},
    {NULL, NULL}
};

static int
optimizer_exec(PyObject *module)
{
    /* What -X optimizer / PYTHONOPTIMIZER loaded: (name, module, file)
     * triples, and which of the two named them. Python/optimizer_startup.c
     * keeps both in the interpreter (and sets them here too if this module
     * was imported first). */
    struct _optimizer_state *state = _PyOptimizer_GET();
    PyObject *loaded = state->loaded ? Py_NewRef(state->loaded) : PyTuple_New(0);
    if (loaded == NULL) {
        return -1;
    }
    int added = PyModule_AddObjectRef(module, "loaded", loaded);
    Py_DECREF(loaded);
    PyObject *loaded_from = state->loaded_from ? state->loaded_from : Py_None;
    if (added < 0 || PyModule_AddObjectRef(module, "loaded_from", loaded_from) < 0) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "PY_OPTIMIZE_FUNCTION_ENTRY",
                                PY_OPTIMIZE_FUNCTION_ENTRY) < 0 ||
        PyModule_AddIntConstant(module, "PY_OPTIMIZE_RESUME_AFTER_YIELD",
                                PY_OPTIMIZE_RESUME_AFTER_YIELD) < 0 ||
        PyModule_AddIntConstant(module, "PY_OPTIMIZE_BACK_EDGE", PY_OPTIMIZE_BACK_EDGE) < 0 ||
        PyModule_AddIntConstant(module, "MAX_EXECUTORS_PER_CODE",
                                PY_EXECUTOR_MAX_PER_CODE) < 0)
    {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot optimizer_slots[] = {
    {Py_mod_exec, optimizer_exec},
    {0, NULL}
};

static struct PyModuleDef optimizer_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_optimizer",
    .m_doc = "Inspect and control the pluggable optimizer API (plugopt).",
    .m_methods = optimizer_methods,
    .m_slots = optimizer_slots,
};

PyMODINIT_FUNC
PyInit__optimizer(void)
{
    return PyModuleDef_Init(&optimizer_module);
}
