/* plugopt: the pluggable optimizer API (after gh-104584).
 *
 * The VM is the client, the optimizer the server. An optimizer registers
 * with the VM; the VM counts executions of hotspots (function entry, resume
 * after yield, loop back edges) and, once a hotspot is hot enough, calls the
 * optimizer's compile(code, offset). The executor it returns is installed at
 * that offset: the instruction there is replaced by ENTER_EXECUTOR, and when
 * the VM reaches it, it calls execute(executor, frame, stack_pointer).
 *
 * Offsets are in code units (_Py_CODEUNIT, two bytes): a `dis` offset / 2.
 *
 * Reference documentation: docs/api.md of the plugopt project.
 */
#ifndef Py_LIMITED_API
#ifndef Py_CPYTHON_OPTIMIZER_H
#define Py_CPYTHON_OPTIMIZER_H
#ifdef __cplusplus
extern "C" {
#endif

struct _PyInterpreterFrame;

typedef uint32_t PyOptimizerCapabilities;

/* Hotspot kinds; an optimizer's capabilities are a mask of these. */
#define PY_OPTIMIZE_FUNCTION_ENTRY 1      /* RESUME with oparg 0 */
#define PY_OPTIMIZE_RESUME_AFTER_YIELD 2  /* RESUME with oparg > 0 */
#define PY_OPTIMIZE_BACK_EDGE 4           /* a backward jump, offset = its target */
#define PY_OPTIMIZE_ALL_KINDS 7

typedef struct _PyExecutorObject PyExecutorObject;
typedef struct _PyOptimizerObject PyOptimizerObject;

/* Run the executor. On entry the frame's next instruction is the executor's
 * offset and `stack_pointer` is the top of its value stack. Before returning
 * frame F, the executor sets F's next instruction and stack pointer
 * (PyExecutor_Frame_SetNextInstr, PyExecutor_Frame_SetStackPointer) to the
 * state the plain interpreter would have after N >= 0 instructions.
 * Returning NULL means an exception is set: the entry frame's next
 * instruction must then be the instruction that raised.
 * `self` is borrowed: the VM holds a reference for the duration of the call. */
typedef struct _PyInterpreterFrame *(*PyExecutorFunc)(
    PyExecutorObject *self, struct _PyInterpreterFrame *frame,
    PyObject **stack_pointer);

/* Owned by the VM; an executor reads it, never writes it. */
typedef struct {
    uint8_t opcode;            /* the shadowed instruction, kept current ... */
    uint8_t oparg;             /* ... by the specializer while installed */
    uint8_t valid;             /* 1 while installed, 0 once removed or invalidated */
    uint8_t index;             /* slot in the code object's executor array */
    int offset;                /* where it is installed, in code units */
    PyCodeObject *code;        /* borrowed; NULL when not installed */
    PyOptimizerObject *optimizer;  /* strong; the optimizer that compiled it, or NULL */
    PyExecutorObject *links[2];    /* the interpreter's list of installed executors */
    uint64_t bloom[4];         /* 256-bit Bloom filter of dependencies */
} PyExecutorVMData;

struct _PyExecutorObject {
    PyObject_HEAD
    PyExecutorFunc execute;
    PyExecutorVMData vm_data;
    /* Executor-specific data follows, opaque to the VM. */
};

/* Return a new executor for `code` at `offset`, or NULL. NULL without an
 * exception declines; NULL with an exception is reported through
 * sys.unraisablehook and counts as a decline. */
typedef PyExecutorObject *(*PyOptimizerCompileFunc)(
    PyOptimizerObject *self, PyCodeObject *code, int offset);

struct _PyOptimizerObject {
    PyObject_HEAD
    PyOptimizerCompileFunc compile;
    PyOptimizerCapabilities capabilities;
    /* Cost of one compile call, in units of "one execution of the hotspot
     * by the interpreter". */
    float optimization_cost;
    /* Cost of one execution of an executor relative to the interpreter:
     * 1.0 = as fast, 0.5 = twice as fast, > 1 = slower (profilers). */
    float run_cost;
    /* Optimizer-specific data follows. */
};

/* --- Registering ---------------------------------------------------------- */

/* Add an optimizer to the current interpreter. 0 on success, -1 with
 *   TypeError    the optimizer has no compile function;
 *   ValueError   it is already registered, has unknown capability bits or a
 *                cost that is negative or not finite, or (registering the
 *                interpreter's first optimizer) PYTHONOPTIMIZERTHRESHOLD is
 *                not a number;
 *   MemoryError  no memory for the registry. */
PyAPI_FUNC(int) _Py_Optimizer_Register(PyOptimizerObject *optimizer);
/* Remove it and invalidate the executors it compiled. 0, or -1 with
 * ValueError if it was not registered (MemoryError if the registry could
 * not shrink). */
PyAPI_FUNC(int) _Py_Optimizer_Unregister(PyOptimizerObject *optimizer);
/* The compile threshold the cost model gives this optimizer (executions). */
PyAPI_FUNC(int) _Py_Optimizer_Threshold(PyOptimizerObject *optimizer);

/* --- Executors in code objects ---------------------------------------------- */

/* The most executors one code object holds at a time. */
#define PY_EXECUTOR_MAX_PER_CODE 256

/* Install `executor` at `offset` of `code`, replacing (and releasing) any
 * executor already there; executor NULL removes it. 0 on success, -1 with
 *   TypeError     `code` is not a code object, or the executor has no
 *                 execute function;
 *   ValueError    `offset` is out of range or not an instruction boundary,
 *                 the executor is already installed (here or elsewhere), or
 *                 the code object already holds PY_EXECUTOR_MAX_PER_CODE;
 *   RuntimeError  some thread has a trace or profile function (traced code
 *                 runs in the interpreter only);
 *   MemoryError   no memory for the code object's executor array.
 * Removing (executor NULL) fails only with TypeError or ValueError. */
PyAPI_FUNC(int) _Py_Executor_Replace(PyCodeObject *code, int offset,
                                     PyExecutorObject *executor);
/* New reference to the executor at `offset`; NULL without exception if none;
 * NULL with ValueError if the offset is out of range. */
PyAPI_FUNC(PyExecutorObject *) _Py_Executor_Get(PyCodeObject *code, int offset);
/* The instruction at `offset` as the plain interpreter sees it: through any
 * executor, and with specialization undone when `deopt` is non-zero.
 * Returns opcode | (oparg << 8), or -1 with ValueError for an offset out of
 * range. O(1): at an offset inside an inline cache it returns that cache
 * unit as is; walk instructions with _Py_Opcode_CacheEntries. */
PyAPI_FUNC(int) _Py_Code_GetInstruction(PyCodeObject *code, int offset, int deopt);
/* Inline cache units after an instruction with this (unspecialized) opcode:
 * the next instruction is at offset + 1 + _Py_Opcode_CacheEntries(opcode).
 * 0 for opcodes without caches or out of range. */
PyAPI_FUNC(int) _Py_Opcode_CacheEntries(int opcode);

/* --- Invalidation ------------------------------------------------------------ */

/* Record that the executor depends on the object `obj` (a PyObject *): the VM
 * removes the executor when `obj` changes or is freed (a type: whatever
 * invalidates its version tag; a dict: a key added, deleted or rebound; a
 * function: its __code__, __defaults__ or __kwdefaults__; any object: its
 * __class__ assigned). Changes are watched once the executor is installed:
 * check that nothing it relies on changed while compiling. After anything
 * that can run Python code, a running executor checks vm_data.valid before
 * relying on a dependency again. Cannot fail. */
PyAPI_FUNC(void) _Py_Executor_DependsOn(PyExecutorObject *executor, void *obj);
/* Remove every installed executor that may depend on `obj` (Bloom filter:
 * rarely more than those that do). */
PyAPI_FUNC(void) _Py_Executors_InvalidateDependency(PyInterpreterState *interp,
                                                     void *obj);
/* Remove every installed executor of the interpreter. */
PyAPI_FUNC(void) _Py_Executors_InvalidateAll(PyInterpreterState *interp);
/* Remove every executor of one code object. */
PyAPI_FUNC(void) _Py_Executors_ClearCode(PyCodeObject *code);

/* --- What an executor needs to read and move its frame --------------------- */

PyAPI_FUNC(PyCodeObject *) PyExecutor_Frame_GetCode(struct _PyInterpreterFrame *frame);
/* Offset of the next instruction to execute, in code units. */
PyAPI_FUNC(int) PyExecutor_Frame_GetNextInstr(struct _PyInterpreterFrame *frame);
PyAPI_FUNC(void) PyExecutor_Frame_SetNextInstr(struct _PyInterpreterFrame *frame,
                                               int offset);
/* The fast locals (co_nlocalsplus slots: locals, cells, free variables). */
PyAPI_FUNC(PyObject **) PyExecutor_Frame_GetLocals(struct _PyInterpreterFrame *frame);
/* Bottom of the value stack; depth = stack_pointer - base. */
PyAPI_FUNC(PyObject **) PyExecutor_Frame_GetStackBase(struct _PyInterpreterFrame *frame);
PyAPI_FUNC(void) PyExecutor_Frame_SetStackPointer(struct _PyInterpreterFrame *frame,
                                                  PyObject **stack_pointer);
PyAPI_FUNC(PyObject *) PyExecutor_Frame_GetGlobals(struct _PyInterpreterFrame *frame);
PyAPI_FUNC(PyObject *) PyExecutor_Frame_GetBuiltins(struct _PyInterpreterFrame *frame);
/* Non-zero when the VM has work pending (signals, a GIL drop request,
 * pending calls, an async exception): an executor in a loop should return
 * to the VM at its next back edge. */
PyAPI_FUNC(int) PyExecutor_EvalBreakerIsSet(void);

/* --- Calling Python from compiled code ---------------------------------------- */

/* Call `callable` with `nargs` positional arguments (borrowed), the executor's
 * frame current and showing the call as its next instruction, as the
 * interpreter's CALL would: a Python function that takes exactly these
 * positional parameters runs in a frame pushed on the thread's frame stack,
 * with its arguments copied in, as CALL_PY_EXACT_ARGS makes it (saving
 * PyObject_Vectorcall's argument parsing); anything else is called through
 * PyObject_Vectorcall. Returns a new reference, or NULL with an exception
 * set. */
PyAPI_FUNC(PyObject *) PyExecutor_Call(PyObject *callable, PyObject *const *args,
                                       Py_ssize_t nargs);

/* --- Signal handlers and an optimizer's own Python code --------------------- */

/* Between these two calls, Python signal handlers wait: a signal that
 * arrives stays pending, and its handler runs in the program's code at the
 * VM's next check after the last release. The VM holds them around every
 * compile(); an executor holds them around Python code of its own (its
 * bookkeeping), never around the program's code it runs. Without this, an
 * exception a handler raised there (KeyboardInterrupt, a timeout) would be
 * the optimizer's error, and the program's handler would have fired for
 * nothing. Calls nest; they count only in the thread that runs handlers. */
PyAPI_FUNC(void) PyOptimizer_HoldSignals(void);
PyAPI_FUNC(void) PyOptimizer_ReleaseSignals(void);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYTHON_OPTIMIZER_H */
#endif /* !Py_LIMITED_API */
