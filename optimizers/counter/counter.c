/* counter: a hotspot profiler built on the optimizer API.
 *
 * It registers for all three hotspot kinds. Each executor counts how often
 * the VM enters it and returns at once with N = 0, so the program runs
 * exactly as without it. report() (and, at exit, the atexit hook registered
 * on import, on stderr; $PLUGOPT_COUNTER_TOP sets its length, 0 silences it)
 * lists the hottest functions and loops.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <opcode.h>         /* RESUME, LOAD_CONST, ... */

typedef struct {
    PyExecutorObject base;
    Py_ssize_t count;
    int kind;            /* PY_OPTIMIZE_* */
    int line;
    PyObject *qualname;  /* strong; never the code object itself */
    PyObject *filename;
} CounterExecutor;

typedef struct {
    PyOptimizerObject base;
    PyObject *executors;   /* list of every executor compiled, live or not */
} CounterOptimizer;

static PyTypeObject CounterExecutor_Type;
static PyTypeObject CounterOptimizer_Type;
static CounterOptimizer *the_optimizer;   /* registered on import */

static struct _PyInterpreterFrame *
counter_execute(PyExecutorObject *self, struct _PyInterpreterFrame *frame,
                PyObject **Py_UNUSED(stack_pointer))
{
    ((CounterExecutor *)self)->count++;
    return frame;   /* N = 0: the VM executes the instruction itself */
}

static int
kind_at(PyCodeObject *code, int offset)
{
    int word = _Py_Code_GetInstruction(code, offset, 1);
    if (word >= 0 && (word & 255) == RESUME) {
        return (word >> 8) == 0 ? PY_OPTIMIZE_FUNCTION_ENTRY : PY_OPTIMIZE_RESUME_AFTER_YIELD;
    }
    return PY_OPTIMIZE_BACK_EDGE;
}

static PyExecutorObject *
counter_compile(PyOptimizerObject *self, PyCodeObject *code, int offset)
{
    /* Not a GC object: it holds only strings, so it can be in no cycle, and
     * compiling does not change what gc.get_objects() returns (CPython's
     * test_descr counts those around a hot loop). */
    CounterExecutor *executor = PyObject_New(CounterExecutor, &CounterExecutor_Type);
    if (executor == NULL) {
        return NULL;
    }
    memset(&executor->base.vm_data, 0, sizeof(executor->base.vm_data));
    executor->base.execute = counter_execute;
    executor->count = 0;
    executor->kind = kind_at(code, offset);
    executor->line = executor->kind == PY_OPTIMIZE_FUNCTION_ENTRY
                     ? code->co_firstlineno : PyCode_Addr2Line(code, offset * 2);
    executor->qualname = Py_NewRef(code->co_qualname);
    executor->filename = Py_NewRef(code->co_filename);
    if (PyList_Append(((CounterOptimizer *)self)->executors, (PyObject *)executor) < 0) {
        Py_DECREF(executor);
        return NULL;
    }
    return (PyExecutorObject *)executor;
}

static void
executor_dealloc(CounterExecutor *self)
{
    Py_XDECREF(self->qualname);
    Py_XDECREF(self->filename);
    PyObject_Free(self);
}

static PyObject *
executor_get_count(CounterExecutor *self, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(self->count);
}

static PyGetSetDef executor_getset[] = {
    {"count", (getter)executor_get_count, NULL, "entries so far", NULL},
    {NULL}
};

static PyTypeObject CounterExecutor_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "plugopt.counter.CounterExecutor",
    .tp_basicsize = sizeof(CounterExecutor),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)executor_dealloc,
    .tp_getset = executor_getset,
};

static int
optimizer_traverse(CounterOptimizer *self, visitproc visit, void *arg)
{
    Py_VISIT(self->executors);
    return 0;
}

static void
optimizer_dealloc(CounterOptimizer *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->executors);
    PyObject_GC_Del(self);
}

static PyTypeObject CounterOptimizer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "plugopt.counter.CounterOptimizer",
    .tp_basicsize = sizeof(CounterOptimizer),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)optimizer_traverse,
    .tp_dealloc = (destructor)optimizer_dealloc,
};

static const char *
kind_name(int kind)
{
    switch (kind) {
        case PY_OPTIMIZE_FUNCTION_ENTRY: return "function entry";
        case PY_OPTIMIZE_RESUME_AFTER_YIELD: return "resume after yield";
        default: return "loop";
    }
}

/* counts() -> [(count, qualname, filename, line, kind), ...], hottest first */
static PyObject *
counts(PyObject *module, PyObject *Py_UNUSED(args))
{
    PyObject *executors = the_optimizer->executors;
    PyObject *result = PyList_New(0);
    for (Py_ssize_t i = 0; result != NULL && i < PyList_GET_SIZE(executors); i++) {
        CounterExecutor *e = (CounterExecutor *)PyList_GET_ITEM(executors, i);
        if (e->count == 0) {
            continue;
        }
        PyObject *row = Py_BuildValue("(nOOis)", e->count, e->qualname, e->filename,
                                      e->line, kind_name(e->kind));
        if (row == NULL || PyList_Append(result, row) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(row);
    }
    if (result != NULL && PyList_Sort(result) == 0 && PyList_Reverse(result) == 0) {
        return result;
    }
    Py_XDECREF(result);
    return NULL;
}

static PyObject *
report(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"top", NULL};
    int top = 20;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|i:report", keywords, &top)) {
        return NULL;
    }
    PyObject *rows = counts(module, NULL);
    if (rows == NULL) {
        return NULL;
    }
    PyObject *lines = PyList_New(0);
    PyObject *header = PyUnicode_FromFormat(
        "counter: hottest %d of %zd hotspots (entries after the threshold of %d)",
        top, PyList_GET_SIZE(rows), _Py_Optimizer_Threshold((PyOptimizerObject *)the_optimizer));
    if (lines == NULL || header == NULL || PyList_Append(lines, header) < 0) {
        goto error;
    }
    Py_CLEAR(header);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(rows) && i < top; i++) {
        PyObject *row = PyList_GET_ITEM(rows, i);
        char prefix[64];
        PyOS_snprintf(prefix, sizeof(prefix), "%12zd  %-18s ",
                      PyLong_AsSsize_t(PyTuple_GET_ITEM(row, 0)),
                      PyUnicode_AsUTF8(PyTuple_GET_ITEM(row, 4)));
        PyObject *line = PyUnicode_FromFormat(
            "%s%U (%U:%ld)", prefix, PyTuple_GET_ITEM(row, 1),
            PyTuple_GET_ITEM(row, 2), PyLong_AsLong(PyTuple_GET_ITEM(row, 3)));
        if (line == NULL || PyList_Append(lines, line) < 0) {
            Py_XDECREF(line);
            goto error;
        }
        Py_DECREF(line);
    }
    Py_DECREF(rows);
    return lines;
error:
    Py_XDECREF(header);
    Py_XDECREF(lines);
    Py_DECREF(rows);
    return NULL;
}

/* How many hotspots the exit report lists: $PLUGOPT_COUNTER_TOP, default 20;
 * 0 turns the report off. */
static int report_top = 20;

/* Registered with atexit on import: the report on stderr, so that it never
 * mixes with the program's own output. Silent when nothing got hot. */
static PyObject *
report_at_exit(PyObject *module, PyObject *Py_UNUSED(args))
{
    if (report_top <= 0 || the_optimizer == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *rows = counts(module, NULL);
    if (rows == NULL) {
        return NULL;
    }
    Py_ssize_t hot = PyList_GET_SIZE(rows);
    Py_DECREF(rows);
    if (hot == 0) {
        Py_RETURN_NONE;
    }
    PyObject *top = PyLong_FromLong(report_top);
    PyObject *lines = top ? PyObject_CallMethod(module, "report", "O", top) : NULL;
    Py_XDECREF(top);
    if (lines == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
        PySys_FormatStderr("%U\n", PyList_GET_ITEM(lines, i));
    }
    Py_DECREF(lines);
    Py_RETURN_NONE;
}

static PyMethodDef counter_methods[] = {
    {"counts", counts, METH_NOARGS,
     "counts()\n--\n\n[(count, qualname, filename, line, kind), ...], hottest first."},
    {"report", _PyCFunction_CAST(report), METH_VARARGS | METH_KEYWORDS,
     "report(top=20)\n--\n\nThe report's lines: a header, then the `top` hottest hotspots."},
    {"_report_at_exit", report_at_exit, METH_NOARGS,
     "_report_at_exit()\n--\n\nPrint the report on stderr (registered with atexit)."},
    {NULL, NULL}
};

static int
register_exit_report(PyObject *module)
{
    PyObject *hook = PyObject_GetAttrString(module, "_report_at_exit");
    PyObject *atexit = PyImport_ImportModule("atexit");
    PyObject *result = NULL;
    if (hook != NULL && atexit != NULL) {
        result = PyObject_CallMethod(atexit, "register", "O", hook);
    }
    Py_XDECREF(hook);
    Py_XDECREF(atexit);
    Py_XDECREF(result);
    return result == NULL ? -1 : 0;
}

static int
counter_exec(PyObject *module)
{
    if (PyType_Ready(&CounterExecutor_Type) < 0 || PyType_Ready(&CounterOptimizer_Type) < 0) {
        return -1;
    }
    if (the_optimizer == NULL) {
        CounterOptimizer *opt = PyObject_GC_New(CounterOptimizer, &CounterOptimizer_Type);
        if (opt == NULL) {
            return -1;
        }
        opt->base.compile = counter_compile;
        opt->base.capabilities = PY_OPTIMIZE_FUNCTION_ENTRY | PY_OPTIMIZE_RESUME_AFTER_YIELD
                                 | PY_OPTIMIZE_BACK_EDGE;
        /* Compiling is a small allocation; running costs a call more than
         * the interpreter: the cost model asks after 16 executions. */
        opt->base.optimization_cost = 1.0f;
        opt->base.run_cost = 1.05f;
        opt->executors = PyList_New(0);
        PyObject_GC_Track(opt);
        if (opt->executors == NULL || _Py_Optimizer_Register((PyOptimizerObject *)opt) < 0) {
            Py_DECREF(opt);
            return -1;
        }
        the_optimizer = opt;
        const char *top = getenv("PLUGOPT_COUNTER_TOP");
        if (top != NULL && *top != '\0') {
            report_top = atoi(top);
        }
        if (register_exit_report(module) < 0) {
            return -1;
        }
    }
    return PyModule_AddObjectRef(module, "optimizer", (PyObject *)the_optimizer);
}

static PyModuleDef_Slot counter_slots[] = {
    {Py_mod_exec, counter_exec},
    {0, NULL}
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "plugopt.counter",
    .m_doc = "counter: a hotspot profiler (executors that count entries, N = 0).",
    .m_methods = counter_methods,
    .m_slots = counter_slots,
};

PyMODINIT_FUNC
PyInit_counter(void)
{
    return PyModuleDef_Init(&counter_module);
}
