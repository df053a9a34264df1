/* hello_optimizer: the smallest complete plugopt optimizer.
 *
 * Copy this folder, then rename "hello_optimizer" / "Hello" everywhere
 * (file names, meson.build, pyproject.toml and this file).
 *
 * What it does: it asks for loop back edges (PY_OPTIMIZE_BACK_EDGE). Once a
 * loop is hot, the VM calls hello_compile(code, offset) with the offset of
 * the loop head; the executor returned is installed there, and the VM calls
 * hello_execute() every time the loop head is reached. This executor counts
 * the entry and returns with N = 0 (it executes no instruction itself), so
 * the program runs exactly as without it. loop_entries() reads the count.
 *
 * The API is in <cpython/optimizer.h>, included by <Python.h> of the plugopt
 * interpreter only; the C reference is docs/api.md of the plugopt project.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* meson.build already refuses other headers; this guards other build tools. */
#ifndef PY_OPTIMIZE_BACK_EDGE
#  error "hello_optimizer needs the plugopt headers (cpython/optimizer.h)"
#endif

/* An optimizer starts with PyOptimizerObject; its own data follows. */
typedef struct {
    PyOptimizerObject base;
    Py_ssize_t loop_entries;    /* executor entries, over all executors */
} HelloOptimizer;

/* An executor starts with PyExecutorObject; its own data follows. It must
 * never hold a strong reference to its code object (or to the function):
 * the code object owns the executor, and that cycle would never be freed. */
typedef struct {
    PyExecutorObject base;
    HelloOptimizer *optimizer;  /* strong: it has no references back */
} HelloExecutor;

static PyTypeObject HelloExecutor_Type;
static PyTypeObject HelloOptimizer_Type;
static HelloOptimizer *the_optimizer;   /* created and registered on import */

/* Called by the VM whenever it reaches the executor's instruction, the loop
 * head. Returning `frame` untouched means N = 0: the VM then executes the
 * instruction the executor shadows, as if the executor were not there.
 * An executor that runs instructions itself must set the frame's next
 * instruction and stack pointer before returning (see docs/api.md). */
static struct _PyInterpreterFrame *
hello_execute(PyExecutorObject *self, struct _PyInterpreterFrame *frame,
              PyObject **Py_UNUSED(stack_pointer))
{
    ((HelloExecutor *)self)->optimizer->loop_entries++;
    return frame;
}

/* Called once a loop of `code` is hot; `offset` (in code units) is its
 * head. Return a new executor, or NULL to decline (with an exception set:
 * an error, reported through sys.unraisablehook). */
static PyExecutorObject *
hello_compile(PyOptimizerObject *self, PyCodeObject *Py_UNUSED(code),
              int Py_UNUSED(offset))
{
    /* tp_alloc zeroes the object: vm_data must be zero when installed. */
    HelloExecutor *executor =
        (HelloExecutor *)HelloExecutor_Type.tp_alloc(&HelloExecutor_Type, 0);
    if (executor == NULL) {
        return NULL;
    }
    executor->base.execute = hello_execute;
    executor->optimizer = (HelloOptimizer *)Py_NewRef(self);
    return (PyExecutorObject *)executor;
}

static void
executor_dealloc(HelloExecutor *self)
{
    Py_XDECREF(self->optimizer);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject HelloExecutor_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hello_optimizer.HelloExecutor",
    .tp_basicsize = sizeof(HelloExecutor),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)executor_dealloc,
};

static PyTypeObject HelloOptimizer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "hello_optimizer.HelloOptimizer",
    .tp_basicsize = sizeof(HelloOptimizer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* loop_entries() -> int: how often executors were entered so far. */
static PyObject *
loop_entries(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    return PyLong_FromSsize_t(the_optimizer->loop_entries);
}

static PyMethodDef hello_methods[] = {
    {"loop_entries", loop_entries, METH_NOARGS,
     "loop_entries()\n--\n\nHow often the VM entered the executors."},
    {NULL, NULL, 0, NULL}
};

/* Module init: create the optimizer and register it with the VM. Loading
 * the module with `python -X optimizer=hello_optimizer` requires that
 * importing it registers at least one optimizer. */
static int
hello_exec(PyObject *module)
{
    if (PyType_Ready(&HelloExecutor_Type) < 0
        || PyType_Ready(&HelloOptimizer_Type) < 0) {
        return -1;
    }
    if (the_optimizer == NULL) {
        HelloOptimizer *opt = (HelloOptimizer *)
            HelloOptimizer_Type.tp_alloc(&HelloOptimizer_Type, 0);
        if (opt == NULL) {
            return -1;
        }
        opt->base.compile = hello_compile;
        opt->base.capabilities = PY_OPTIMIZE_BACK_EDGE;
        /* The costs decide when compile is called (docs/api.md, "The cost
         * model"): a compile costs about one loop iteration, an execution
         * as much as the interpreter's; such an optimizer is asked after
         * 16 iterations of a loop. */
        opt->base.optimization_cost = 1.0f;
        opt->base.run_cost = 1.0f;
        if (_Py_Optimizer_Register((PyOptimizerObject *)opt) < 0) {
            Py_DECREF(opt);
            return -1;
        }
        the_optimizer = opt;   /* the VM holds its own reference too */
    }
    return PyModule_AddObjectRef(module, "optimizer",
                                 (PyObject *)the_optimizer);
}

static PyModuleDef_Slot hello_slots[] = {
    {Py_mod_exec, hello_exec},
    {0, NULL}
};

static struct PyModuleDef hello_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "hello_optimizer",
    .m_doc = "A template optimizer: counts loop-head entries (N = 0).",
    .m_methods = hello_methods,
    .m_slots = hello_slots,
};

PyMODINIT_FUNC
PyInit_hello_optimizer(void)
{
    return PyModuleDef_Init(&hello_module);
}
