/* testopt: a test-only optimizer for plugopt's pytest suite.
 *
 * Optimizer(capabilities, optimization_cost=1.0, run_cost=1.0, mode="count")
 *     compile() offers a counting executor (N = 0), declines ("decline"),
 *     raises ("raise"), or sets a profile function before it offers one
 *     ("profile_meanwhile": as if another thread began profiling while it
 *     compiled), or trips SIGINT and checks for signals before it offers
 *     one, failing with what a handler raised there ("signal_meanwhile": as
 *     if Ctrl-C came while it ran Python code; the VM holds handlers during
 *     a compile, so none runs there and the offer stands);
 *     any `misbehave` way (below) as mode offers
 *     executors that break the contract that way. .register() registers it; .compiled lists
 *     (qualname, offset) of every compile call.
 * install(code, offset, advance=0, raise_exc=None, misbehave=None,
 *         own_code=None) -> Executor
 *     places an executor by _Py_Executor_Replace. It executes up to
 *     `advance` instructions itself (NOP, LOAD_CONST, LOAD_FAST, STORE_FAST,
 *     POP_TOP; it stops early at anything else), or raises raise_exc.
 *     `own_code`, a callable, is called first at each entry as the
 *     executor's own bookkeeping would be (jit polls its builds so), with
 *     Python signal handlers held; what it raises is reported through
 *     sys.unraisablehook.
 *     `misbehave` breaks the contract on purpose, for the checker's tests:
 *     "depth" (one stack slot too many), "mid_instruction" (stops one code
 *     unit into its instruction), "past_end", "frame" (returns a frame that
 *     is not related to the entry frame), "null" (NULL, no exception),
 *     "exception" (an exception set, frame returned).
 * Executor: .count (entries), .valid, .offset; depends(executor, obj).
 * call(callable, *args): PyExecutor_Call(callable, args), as compiled code
 *     calls Python.
 * live_executors(): executors allocated and not yet freed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <opcode.h>         /* RESUME, LOAD_CONST, ... */
#include <stddef.h>         /* offsetof */

typedef struct {
    PyExecutorObject base;
    Py_ssize_t count;
    int advance;
    const char *misbehave;   /* NULL, or how to break the contract */
    PyObject *raise_exc;
    PyObject *own_code;
    PyObject *weakreflist;
} TestExecutor;

typedef struct {
    PyOptimizerObject base;
    int mode;   /* 0 count, 1 decline, 2 raise, 3 misbehave, 4 profile, 5 signal */
    const char *misbehave;
    PyObject *compiled;
} TestOptimizer;

static PyTypeObject TestExecutor_Type;
static Py_ssize_t live_count = 0;

/* The static name of a way to misbehave, or NULL if `how` names none. */
static const char *
misbehave_way(const char *how)
{
    static const char *ways[] = {"depth", "mid_instruction", "past_end", "frame", "null",
                                 "exception", NULL};
    for (int i = 0; how != NULL && ways[i] != NULL; i++) {
        if (strcmp(how, ways[i]) == 0) {
            return ways[i];
        }
    }
    return NULL;
}

/* Break the N-instruction contract in the way named (see the top comment).
 * Only ever run with the checker on, which stops the process first. */
static struct _PyInterpreterFrame *
misbehave(const char *how, struct _PyInterpreterFrame *frame, int offset,
          PyObject **stack_pointer)
{
    /* Zeroed memory: a frame with no `previous`, unrelated to any other. */
    static char unrelated_frame[1024];
    if (strcmp(how, "depth") == 0) {
        PyExecutor_Frame_SetStackPointer(frame, stack_pointer + 1);
    }
    else if (strcmp(how, "mid_instruction") == 0) {
        PyExecutor_Frame_SetNextInstr(frame, offset + 1);
    }
    else if (strcmp(how, "past_end") == 0) {
        PyExecutor_Frame_SetNextInstr(frame, (int)Py_SIZE(PyExecutor_Frame_GetCode(frame)));
    }
    else if (strcmp(how, "frame") == 0) {
        return (struct _PyInterpreterFrame *)unrelated_frame;
    }
    else if (strcmp(how, "null") == 0) {
        return NULL;
    }
    else if (strcmp(how, "exception") == 0) {
        PyErr_SetString(PyExc_RuntimeError, "left set by a testopt executor");
    }
    return frame;
}

/* Run up to `advance` simple instructions; stop at anything else. */
static struct _PyInterpreterFrame *
test_execute(PyExecutorObject *self_, struct _PyInterpreterFrame *frame,
             PyObject **stack_pointer)
{
    TestExecutor *self = (TestExecutor *)self_;
    self->count++;
    if (self->own_code != NULL) {
        PyOptimizer_HoldSignals();
        PyObject *result = PyObject_CallNoArgs(self->own_code);
        PyOptimizer_ReleaseSignals();
        if (result == NULL) {
            PyErr_WriteUnraisable(self->own_code);
        }
        Py_XDECREF(result);
    }
    if (self->raise_exc != NULL) {
        PyErr_SetString(self->raise_exc, "raised by a testopt executor");
        return NULL;   /* next instruction = the executor's: it "raised" */
    }
    PyCodeObject *code = PyExecutor_Frame_GetCode(frame);
    PyObject **locals = PyExecutor_Frame_GetLocals(frame);
    int offset = PyExecutor_Frame_GetNextInstr(frame);
    for (int done = 0; done < self->advance; done++) {
        int word = _Py_Code_GetInstruction(code, offset, 1);
        int opcode = word & 255, oparg = word >> 8;
        if (opcode == NOP) {
        }
        else if (opcode == LOAD_CONST) {
            *stack_pointer++ = Py_NewRef(PyTuple_GET_ITEM(code->co_consts, oparg));
        }
        else if (opcode == LOAD_FAST && locals[oparg] != NULL) {
            *stack_pointer++ = Py_NewRef(locals[oparg]);
        }
        else if (opcode == STORE_FAST) {
            PyObject *old = locals[oparg];
            locals[oparg] = *--stack_pointer;
            Py_XDECREF(old);
        }
        else if (opcode == POP_TOP) {
            Py_DECREF(*--stack_pointer);
        }
        else {
            break;
        }
        offset++;   /* none of these has inline caches */
    }
    PyExecutor_Frame_SetNextInstr(frame, offset);
    PyExecutor_Frame_SetStackPointer(frame, stack_pointer);
    if (self->misbehave != NULL) {
        return misbehave(self->misbehave, frame, offset, stack_pointer);
    }
    return frame;
}

static TestExecutor *
new_executor(int advance, PyObject *raise_exc, const char *misbehave)
{
    TestExecutor *e = (TestExecutor *)TestExecutor_Type.tp_alloc(&TestExecutor_Type, 0);
    if (e == NULL) {
        return NULL;
    }
    e->base.execute = test_execute;
    e->advance = advance;
    e->misbehave = misbehave;
    e->raise_exc = Py_XNewRef(raise_exc);
    live_count++;
    return e;
}

static int
executor_traverse(TestExecutor *self, visitproc visit, void *arg)
{
    Py_VISIT(self->raise_exc);
    Py_VISIT(self->own_code);
    return 0;
}

static void
executor_dealloc(TestExecutor *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs((PyObject *)self);
    }
    Py_XDECREF(self->raise_exc);
    Py_XDECREF(self->own_code);
    live_count--;
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
executor_get(TestExecutor *self, void *closure)
{
    switch ((int)(intptr_t)closure) {
        case 0: return PyLong_FromSsize_t(self->count);
        case 1: return PyBool_FromLong(self->base.vm_data.valid);
        default: return PyLong_FromLong(self->base.vm_data.offset);
    }
}

static PyGetSetDef executor_getset[] = {
    {"count", (getter)executor_get, NULL, NULL, (void *)0},
    {"valid", (getter)executor_get, NULL, NULL, (void *)1},
    {"offset", (getter)executor_get, NULL, NULL, (void *)2},
    {NULL}
};

static PyTypeObject TestExecutor_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "testopt.Executor",
    .tp_basicsize = sizeof(TestExecutor),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_traverse = (traverseproc)executor_traverse,
    .tp_dealloc = (destructor)executor_dealloc,
    .tp_getset = executor_getset,
    .tp_weaklistoffset = offsetof(TestExecutor, weakreflist),
};

static int
profile_nothing(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    return 0;
}

static PyExecutorObject *
test_compile(PyOptimizerObject *self_, PyCodeObject *code, int offset)
{
    TestOptimizer *self = (TestOptimizer *)self_;
    PyObject *entry = Py_BuildValue("(Oi)", code->co_qualname, offset);
    if (entry == NULL || PyList_Append(self->compiled, entry) < 0) {
        Py_XDECREF(entry);
        return NULL;
    }
    Py_DECREF(entry);
    if (self->mode == 1) {
        return NULL;
    }
    if (self->mode == 2) {
        PyErr_SetString(PyExc_RuntimeError, "testopt compile failed on purpose");
        return NULL;
    }
    if (self->mode == 4) {
        PyEval_SetProfile(profile_nothing, (PyObject *)self);
    }
    if (self->mode == 5) {
        PyErr_SetInterrupt();
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    return (PyExecutorObject *)new_executor(0, NULL, self->misbehave);
}

static PyObject *
optimizer_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"capabilities", "optimization_cost", "run_cost", "mode", NULL};
    unsigned int capabilities;
    double optimization_cost = 1.0, run_cost = 1.0;
    const char *mode = "count";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "I|dds:Optimizer", keywords,
                                     &capabilities, &optimization_cost, &run_cost, &mode)) {
        return NULL;
    }
    TestOptimizer *self = (TestOptimizer *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->base.compile = test_compile;
    self->base.capabilities = capabilities;
    self->base.optimization_cost = (float)optimization_cost;
    self->base.run_cost = (float)run_cost;
    self->misbehave = misbehave_way(mode);
    self->mode = strcmp(mode, "decline") == 0 ? 1 : strcmp(mode, "raise") == 0 ? 2
                 : self->misbehave != NULL ? 3
                 : strcmp(mode, "profile_meanwhile") == 0 ? 4
                 : strcmp(mode, "signal_meanwhile") == 0 ? 5 : 0;
    self->compiled = PyList_New(0);
    if (self->compiled == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *
optimizer_register(TestOptimizer *self, PyObject *Py_UNUSED(args))
{
    if (_Py_Optimizer_Register((PyOptimizerObject *)self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static int
optimizer_traverse(TestOptimizer *self, visitproc visit, void *arg)
{
    Py_VISIT(self->compiled);
    return 0;
}

static void
optimizer_dealloc(TestOptimizer *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->compiled);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
optimizer_compiled(TestOptimizer *self, void *closure)
{
    return Py_NewRef(self->compiled);
}

static PyMethodDef optimizer_methods[] = {
    {"register", (PyCFunction)optimizer_register, METH_NOARGS, NULL},
    {NULL}
};

static PyGetSetDef optimizer_getset[] = {
    {"compiled", (getter)optimizer_compiled, NULL, NULL, NULL},
    {NULL}
};

static PyTypeObject TestOptimizer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "testopt.Optimizer",
    .tp_basicsize = sizeof(TestOptimizer),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = optimizer_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_traverse = (traverseproc)optimizer_traverse,
    .tp_dealloc = (destructor)optimizer_dealloc,
    .tp_methods = optimizer_methods,
    .tp_getset = optimizer_getset,
};

static PyObject *
install(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"code", "offset", "advance", "raise_exc", "misbehave",
                               "own_code", NULL};
    PyObject *code;
    int offset, advance = 0;
    PyObject *raise_exc = NULL, *own_code = NULL;
    const char *how = NULL, *misbehave = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!i|iOzO:install", keywords,
                                     &PyCode_Type, &code, &offset, &advance, &raise_exc,
                                     &how, &own_code)) {
        return NULL;
    }
    misbehave = misbehave_way(how);   /* static storage: outlives the argument */
    if (how != NULL && misbehave == NULL) {
        PyErr_Format(PyExc_ValueError, "unknown misbehave mode %s", how);
        return NULL;
    }
    if (raise_exc == Py_None) {
        raise_exc = NULL;
    }
    TestExecutor *e = new_executor(advance, raise_exc, misbehave);
    if (e == NULL) {
        return NULL;
    }
    e->own_code = own_code == Py_None ? NULL : Py_XNewRef(own_code);
    if (_Py_Executor_Replace((PyCodeObject *)code, offset, (PyExecutorObject *)e) < 0) {
        Py_DECREF(e);
        return NULL;
    }
    return (PyObject *)e;
}

static PyObject *
depends(PyObject *module, PyObject *args)
{
    PyObject *executor, *obj;
    if (!PyArg_ParseTuple(args, "O!O:depends", &TestExecutor_Type, &executor, &obj)) {
        return NULL;
    }
    _Py_Executor_DependsOn((PyExecutorObject *)executor, obj);
    Py_RETURN_NONE;
}

/* call(callable, *args): PyExecutor_Call(callable, args, len(args)), as
 * compiled code makes a call (the caller's frame is current). */
static PyObject *
call(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "call() needs a callable");
        return NULL;
    }
    return PyExecutor_Call(args[0], args + 1, nargs - 1);
}

static PyObject *
live_executors(PyObject *module, PyObject *Py_UNUSED(args))
{
    return PyLong_FromSsize_t(live_count);
}

static PyMethodDef testopt_methods[] = {
    {"install", _PyCFunction_CAST(install), METH_VARARGS | METH_KEYWORDS, NULL},
    {"depends", depends, METH_VARARGS, NULL},
    {"call", _PyCFunction_CAST(call), METH_FASTCALL, NULL},
    {"live_executors", live_executors, METH_NOARGS, NULL},
    {NULL}
};

static int
testopt_exec(PyObject *module)
{
    if (PyType_Ready(&TestExecutor_Type) < 0 || PyType_Ready(&TestOptimizer_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "Executor", (PyObject *)&TestExecutor_Type) < 0 ||
        PyModule_AddObjectRef(module, "Optimizer", (PyObject *)&TestOptimizer_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot testopt_slots[] = {
    {Py_mod_exec, testopt_exec},
    {0, NULL}
};

static struct PyModuleDef testopt_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "testopt",
    .m_doc = "A test-only optimizer for plugopt's test suite.",
    .m_methods = testopt_methods,
    .m_slots = testopt_slots,
};

PyMODINIT_FUNC
PyInit_testopt(void)
{
    return PyModuleDef_Init(&testopt_module);
}
