/* stepper: an optimizer whose executors run real bytecode.
 *
 * Each executor is a small interpreter in C for a documented subset of the
 * 3.11 instruction set (see README.md): loads and stores of locals and
 * constants, POP_TOP, NOP, RESUME, jumps, conditional jumps on simple
 * values, FOR_ITER over range/list/tuple iterators, and BINARY_OP and
 * COMPARE_OP on exact ints and floats. Entered at its offset, an executor
 * runs instructions until the first one outside the subset (or whose
 * operands it does not handle) and returns to the VM with the frame exactly
 * as the plain interpreter would have left it before that instruction.
 *
 * Instructions are decoded at execute time with _Py_Code_GetInstruction
 * (deopt = 1): through any executor and in generic form, so specialized
 * and fused instructions never need to be understood.
 *
 * Fuzz mode (PLUGOPT_STEPPER_SEED=<int>, read once at import) stops after a
 * pseudo-random number of instructions, 0 included, and makes compile
 * install extra executors at random instruction boundaries of the same code
 * object, so that the VM resumes after executors at arbitrary points.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <opcode.h>         /* opcode numbers and NB_* BINARY_OP opargs */
#include <errno.h>
#include <stdlib.h>         /* strtoll */

/* Why an executor returned to the VM. STEP_DONE is not a stop: the
 * instruction ran. Every other value leaves the instruction unexecuted,
 * except STOP_ERROR (it raised; the stack is as the VM leaves it then). */
enum {
    STEP_DONE = -1,
    STOP_UNSUPPORTED = 0,   /* an instruction outside the subset */
    STOP_OPERAND_TYPES,     /* in the subset, but not for these operands */
    STOP_UNBOUND_LOCAL,     /* LOAD_FAST of NULL: the VM raises UnboundLocalError */
    STOP_ZERO_DIVISION,     /* division by zero: the VM raises ZeroDivisionError */
    STOP_EXTENDED_ARG,      /* never stop between EXTENDED_ARG and its instruction */
    STOP_EVAL_BREAKER,      /* pending work (signals, GIL drop) at a back edge */
    STOP_FUZZ_BUDGET,       /* fuzz mode: the random number of instructions ran */
    STOP_INVALIDATED,       /* the executor was removed (e.g. tracing started) */
    STOP_ERROR,             /* an exception: execute returned NULL */
    STOP_REASONS
};

static const char *const stop_names[STOP_REASONS] = {
    "unsupported", "operand_types", "unbound_local", "zero_division",
    "extended_arg", "eval_breaker", "fuzz_budget", "invalidated", "error",
};

/* The executor needs nothing of its own: everything is read from the frame
 * and the code, so it holds no reference to the code object. */
typedef struct {
    PyExecutorObject base;
} StepperExecutor;

typedef struct {
    PyOptimizerObject base;
} StepperOptimizer;

static PyTypeObject StepperExecutor_Type;
static PyTypeObject StepperOptimizer_Type;
static StepperOptimizer *the_optimizer;   /* registered on import */

/* How full fuzz mode may make a code object with extra executors (the
 * VM's own limit is PY_EXECUTOR_MAX_PER_CODE). */
#define FUZZ_MAX_EXECUTORS 64

/* Inline cache sizes by generic opcode, from Lib/opcode.py at import. */
static uint8_t cache_entries[256];

static struct {
    Py_ssize_t compiled;          /* executors offered to the VM by compile */
    Py_ssize_t declined;          /* compile calls that declined */
    Py_ssize_t extra_installed;   /* fuzz mode: installed by stepper itself */
    Py_ssize_t entries;           /* execute calls */
    Py_ssize_t instructions;      /* instructions executed, in total */
    Py_ssize_t zero_returns;      /* returns with N = 0 */
    Py_ssize_t stops[STOP_REASONS];
} stats;


/* --- Fuzz mode ------------------------------------------------------------ */

static int fuzz_enabled;
static int fuzz_depend;   /* fuzz mode: executors depend on their namespaces */
static long long fuzz_seed;
static uint64_t fuzz_state;

static uint64_t
fuzz_next(void)
{
    /* xorshift64*: deterministic per seed, never zero once seeded. */
    fuzz_state ^= fuzz_state >> 12;
    fuzz_state ^= fuzz_state << 25;
    fuzz_state ^= fuzz_state >> 27;
    return fuzz_state * 0x2545F4914F6CDD1DULL;
}

static void
fuzz_init(long long seed)
{
    /* splitmix64 of the seed, so that small and zero seeds start well. */
    uint64_t z = (uint64_t)seed + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    fuzz_state = z != 0 ? z : 1;
    fuzz_seed = seed;
    fuzz_enabled = 1;
}

/* How many instructions one execute call may run: 0 a quarter of the time
 * (the VM then executes the shadowed instruction), else 1 to 16. */
static Py_ssize_t
fuzz_budget(void)
{
    uint64_t r = fuzz_next();
    return (r & 3) == 0 ? 0 : 1 + (Py_ssize_t)((r >> 8) % 16);
}


/* --- Decoding ------------------------------------------------------------- */

static int
opcode_of(int word)
{
    return word & 255;
}

static int
oparg_of(int word)
{
    return word >> 8;
}

/* Whether `opcode` (generic form) is one stepper may execute, given the
 * right operands. */
static int
in_subset(int opcode)
{
    switch (opcode) {
        case NOP: case RESUME:
        case LOAD_FAST: case LOAD_CONST: case STORE_FAST: case POP_TOP:
        case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
        case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_FORWARD_IF_TRUE:
        case POP_JUMP_BACKWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_TRUE:
        case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_FORWARD_IF_NOT_NONE:
        case POP_JUMP_BACKWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
        case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
        case FOR_ITER: case BINARY_OP: case COMPARE_OP:
            return 1;
        default:
            return 0;
    }
}

/* The offsets where the instructions of `code` start, in order: a new
 * PyMem array of *count offsets, or NULL with an exception. */
static int *
instruction_starts(PyCodeObject *code, int *count)
{
    int size = (int)Py_SIZE(code);
    int *starts = PyMem_New(int, size);
    if (starts == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int n = 0;
    for (int offset = 0; offset < size; n++) {
        int word = _Py_Code_GetInstruction(code, offset, 1);
        if (word < 0) {
            PyMem_Free(starts);
            return NULL;
        }
        starts[n] = offset;
        offset += 1 + cache_entries[opcode_of(word)];
    }
    *count = n;
    return starts;
}

/* Whether the instruction starts[index] has an EXTENDED_ARG prefix: its
 * oparg is then not the one in its own code unit. */
static int
after_extended_arg(PyCodeObject *code, const int *starts, int index)
{
    return index > 0 &&
           opcode_of(_Py_Code_GetInstruction(code, starts[index - 1], 1)) == EXTENDED_ARG;
}


/* --- The interpreter ------------------------------------------------------ */

/* The state of the frame while stepper runs it. */
typedef struct {
    struct _PyInterpreterFrame *frame;
    PyCodeObject *code;
    PyObject **locals;
    PyObject **sp;       /* top of the value stack */
    int offset;          /* the next instruction */
    int back_edge;       /* the last instruction jumped backward */
} Machine;

/* Make the frame show the instruction being executed and the current stack
 * before anything that may run arbitrary code (a __del__, or a garbage
 * collection that traverses this frame, e.g. a generator's): it must never
 * see a slot that was popped and released. */
static void
sync_frame(Machine *m)
{
    /* While an instruction runs, the VM's prev_instr is that instruction. */
    PyExecutor_Frame_SetNextInstr(m->frame, m->offset + 1);
    PyExecutor_Frame_SetStackPointer(m->frame, m->sp);
}

static void
push(Machine *m, PyObject *value)
{
    *m->sp++ = value;
}

/* Pop the top of the stack and release it. */
static void
pop_release(Machine *m)
{
    PyObject *value = *--m->sp;
    sync_frame(m);
    Py_DECREF(value);
}

static int
is_number(PyObject *v)
{
    return PyLong_CheckExact(v) || PyFloat_CheckExact(v);
}

/* The truth of `v` when computing it cannot fail or run Python code;
 * -1 otherwise (the VM then calls __bool__ or __len__). */
static int
simple_truth(PyObject *v)
{
    if (v == Py_True) {
        return 1;
    }
    if (v == Py_False || v == Py_None) {
        return 0;
    }
    return is_number(v) ? PyObject_IsTrue(v) : -1;
}

/* For BINARY_OP with `oparg` on `lhs` and `rhs`: STEP_DONE with *func set
 * to the function to call, or the reason to stop before it. Exact ints and floats
 * have no in-place slots, so the in-place forms are the binary ones. The
 * only errors left are MemoryError and OverflowError (int to float). */
static int
binary_function(int oparg, PyObject *lhs, PyObject *rhs, binaryfunc *func)
{
    if (!is_number(lhs) || !is_number(rhs)) {
        return STOP_OPERAND_TYPES;
    }
    int op = oparg >= NB_INPLACE_ADD ? oparg - (NB_INPLACE_ADD - NB_ADD) : oparg;
    int both_int = PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs);
    switch (op) {
        case NB_ADD: *func = PyNumber_Add; return STEP_DONE;
        case NB_SUBTRACT: *func = PyNumber_Subtract; return STEP_DONE;
        case NB_MULTIPLY: *func = PyNumber_Multiply; return STEP_DONE;
        case NB_TRUE_DIVIDE: *func = PyNumber_TrueDivide; break;
        case NB_FLOOR_DIVIDE: *func = PyNumber_FloorDivide; break;
        case NB_REMAINDER: *func = PyNumber_Remainder; break;
        case NB_AND: *func = PyNumber_And; return both_int ? STEP_DONE : STOP_OPERAND_TYPES;
        case NB_OR: *func = PyNumber_Or; return both_int ? STEP_DONE : STOP_OPERAND_TYPES;
        case NB_XOR: *func = PyNumber_Xor; return both_int ? STEP_DONE : STOP_OPERAND_TYPES;
        default: return STOP_OPERAND_TYPES;   /* power, shifts, matmul */
    }
    /* The divisions: let the VM raise ZeroDivisionError itself. */
    return PyObject_IsTrue(rhs) ? STEP_DONE : STOP_ZERO_DIVISION;
}


/* As the VM: the result of a binary instruction (NULL on error) replaces
 * both operands, then the instruction is done (or raised). */
static int
replace_operands(Machine *m, PyObject *lhs, PyObject *rhs, PyObject *result, int opcode)
{
    m->sp[-2] = result;
    m->sp--;
    sync_frame(m);
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    if (result == NULL) {
        return STOP_ERROR;
    }
    m->offset += 1 + cache_entries[opcode];
    return STEP_DONE;
}

static int
step_binary_op(Machine *m, int oparg)
{
    PyObject *lhs = m->sp[-2], *rhs = m->sp[-1];
    binaryfunc func;
    int stop = binary_function(oparg, lhs, rhs, &func);
    if (stop != STEP_DONE) {
        return stop;
    }
    return replace_operands(m, lhs, rhs, func(lhs, rhs), BINARY_OP);
}

static int
step_compare_op(Machine *m, int oparg)
{
    PyObject *lhs = m->sp[-2], *rhs = m->sp[-1];
    if (!is_number(lhs) || !is_number(rhs) || oparg > Py_GE) {
        return STOP_OPERAND_TYPES;
    }
    return replace_operands(m, lhs, rhs, PyObject_RichCompare(lhs, rhs, oparg), COMPARE_OP);
}

static int
step_for_iter(Machine *m, int oparg)
{
    /* Only iterators whose next cannot run Python code or raise anything
     * but MemoryError; the VM calls tp_iternext just the same. */
    PyObject *iter = m->sp[-1];
    if (!Py_IS_TYPE(iter, &PyRangeIter_Type) && !Py_IS_TYPE(iter, &PyListIter_Type) &&
        !Py_IS_TYPE(iter, &PyTupleIter_Type))
    {
        return STOP_OPERAND_TYPES;
    }
    sync_frame(m);   /* an exhausted list iterator releases its list */
    PyObject *next = Py_TYPE(iter)->tp_iternext(iter);
    if (next != NULL) {
        push(m, next);
        m->offset += 1;
        return STEP_DONE;
    }
    if (PyErr_Occurred()) {
        return STOP_ERROR;   /* the iterator stays on the stack, as in the VM */
    }
    pop_release(m);
    m->offset += 1 + oparg;
    return STEP_DONE;
}

/* POP_JUMP_{FORWARD,BACKWARD}_IF_{TRUE,FALSE,NONE,NOT_NONE}. */
static int
step_pop_jump(Machine *m, int opcode, int oparg)
{
    PyObject *value = m->sp[-1];
    int jump;
    switch (opcode) {
        case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NONE:
            jump = value == Py_None;
            break;
        case POP_JUMP_FORWARD_IF_NOT_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
            jump = value != Py_None;
            break;
        default: {
            int truth = simple_truth(value);
            if (truth < 0) {
                return STOP_OPERAND_TYPES;
            }
            int if_true = opcode == POP_JUMP_FORWARD_IF_TRUE ||
                          opcode == POP_JUMP_BACKWARD_IF_TRUE;
            jump = truth == if_true;
        }
    }
    int backward = opcode == POP_JUMP_BACKWARD_IF_FALSE || opcode == POP_JUMP_BACKWARD_IF_TRUE ||
                   opcode == POP_JUMP_BACKWARD_IF_NONE ||
                   opcode == POP_JUMP_BACKWARD_IF_NOT_NONE;
    pop_release(m);
    m->offset += 1;
    if (jump) {
        m->offset += backward ? -oparg : oparg;
        m->back_edge = backward;
    }
    return STEP_DONE;
}

/* JUMP_IF_{TRUE,FALSE}_OR_POP: jump keeping the value, or pop it. */
static int
step_jump_or_pop(Machine *m, int opcode, int oparg)
{
    int truth = simple_truth(m->sp[-1]);
    if (truth < 0) {
        return STOP_OPERAND_TYPES;
    }
    if (truth == (opcode == JUMP_IF_TRUE_OR_POP)) {
        m->offset += 1 + oparg;
    }
    else {
        pop_release(m);
        m->offset += 1;
    }
    return STEP_DONE;
}

static int
step_store_fast(Machine *m, int oparg)
{
    PyObject *old = m->locals[oparg];
    m->locals[oparg] = *--m->sp;
    sync_frame(m);
    Py_XDECREF(old);
    m->offset += 1;
    return STEP_DONE;
}

/* Execute the instruction at m->offset: STEP_DONE with the machine moved
 * past it, or a STOP_* reason with the machine unchanged (STOP_ERROR: an
 * exception is set and the stack is as the VM leaves it). */
static int
step(Machine *m)
{
    int word = _Py_Code_GetInstruction(m->code, m->offset, 1);
    if (word < 0) {
        return STOP_ERROR;   /* cannot happen: offsets come from the code */
    }
    int opcode = opcode_of(word), oparg = oparg_of(word);
    m->back_edge = 0;
    switch (opcode) {
        case NOP:
            m->offset += 1;
            return STEP_DONE;
        case RESUME:
            /* The code is quickened already (installing an executor does
             * that): RESUME only handles pending work, which the VM does
             * not leave pending when it enters an executor. */
            if (oparg < 2 && PyExecutor_EvalBreakerIsSet()) {
                return STOP_EVAL_BREAKER;
            }
            m->offset += 1;
            return STEP_DONE;
        case LOAD_FAST: {
            PyObject *value = m->locals[oparg];
            if (value == NULL) {
                return STOP_UNBOUND_LOCAL;
            }
            push(m, Py_NewRef(value));
            m->offset += 1;
            return STEP_DONE;
        }
        case LOAD_CONST:
            push(m, Py_NewRef(PyTuple_GET_ITEM(m->code->co_consts, oparg)));
            m->offset += 1;
            return STEP_DONE;
        case STORE_FAST:
            return step_store_fast(m, oparg);
        case POP_TOP:
            pop_release(m);
            m->offset += 1;
            return STEP_DONE;
        case JUMP_FORWARD:
            m->offset += 1 + oparg;
            return STEP_DONE;
        case JUMP_BACKWARD:
            m->offset += 1 - oparg;
            m->back_edge = 1;
            return STEP_DONE;
        case JUMP_BACKWARD_NO_INTERRUPT:
            /* Not a back edge: the VM does not check the breaker here. */
            m->offset += 1 - oparg;
            return STEP_DONE;
        case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_FORWARD_IF_TRUE:
        case POP_JUMP_BACKWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_TRUE:
        case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_FORWARD_IF_NOT_NONE:
        case POP_JUMP_BACKWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
            return step_pop_jump(m, opcode, oparg);
        case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
            return step_jump_or_pop(m, opcode, oparg);
        case FOR_ITER:
            return step_for_iter(m, oparg);
        case BINARY_OP:
            return step_binary_op(m, oparg);
        case COMPARE_OP:
            return step_compare_op(m, oparg);
        case EXTENDED_ARG:
            return STOP_EXTENDED_ARG;
        default:
            return STOP_UNSUPPORTED;
    }
}

static struct _PyInterpreterFrame *
stepper_execute(PyExecutorObject *self, struct _PyInterpreterFrame *frame,
                PyObject **stack_pointer)
{
    Machine m = {
        .frame = frame,
        .code = PyExecutor_Frame_GetCode(frame),
        .locals = PyExecutor_Frame_GetLocals(frame),
        .sp = stack_pointer,
        .offset = PyExecutor_Frame_GetNextInstr(frame),
    };
    Py_ssize_t budget = fuzz_enabled ? fuzz_budget() : -1;
    Py_ssize_t done = 0;
    int reason;
    stats.entries++;
    for (;;) {
        if (done == budget) {
            reason = STOP_FUZZ_BUDGET;
            break;
        }
        reason = step(&m);
        if (reason != STEP_DONE) {
            break;
        }
        done++;
        if (m.back_edge && PyExecutor_EvalBreakerIsSet()) {
            reason = STOP_EVAL_BREAKER;   /* with the state after the jump */
            break;
        }
        /* Releasing a value may have run code that removed the executor,
         * e.g. by setting a trace function: the VM must run the rest. */
        if (!self->vm_data.valid) {
            reason = STOP_INVALIDATED;
            break;
        }
    }
    stats.instructions += done;
    stats.stops[reason]++;
    PyExecutor_Frame_SetNextInstr(frame, m.offset);
    PyExecutor_Frame_SetStackPointer(frame, m.sp);
    if (reason == STOP_ERROR) {
        return NULL;   /* the next instruction is the one that raised */
    }
    if (done == 0) {
        stats.zero_returns++;
    }
    return frame;
}


/* --- Compiling ------------------------------------------------------------ */

static PyExecutorObject *
new_executor(void)
{
    /* tp_alloc zeroes the object, vm_data included, as the VM requires. */
    PyExecutorObject *executor =
        (PyExecutorObject *)StepperExecutor_Type.tp_alloc(&StepperExecutor_Type, 0);
    if (executor != NULL) {
        executor->execute = stepper_execute;
    }
    return executor;
}

/* Fuzz mode: the executor depends on the globals and the builtins of the hot
 * frame, so that the VM removes executors at every rebinding of a global of
 * their module, often while they run (execute checks vm_data.valid after
 * every instruction). */
static void
depend_on_namespaces(PyExecutorObject *executor)
{
    if (!fuzz_depend) {
        return;
    }
    PyObject *globals = PyEval_GetGlobals();
    PyObject *builtins = PyEval_GetBuiltins();
    if (globals != NULL) {
        _Py_Executor_DependsOn(executor, globals);
    }
    if (builtins != NULL) {
        _Py_Executor_DependsOn(executor, builtins);
    }
}

/* Install an executor at `offset` unless one stands there already. Errors
 * (an offset the VM refuses, too many executors) are not the program's:
 * they are cleared and the offset skipped. */
static void
install_extra(PyCodeObject *code, int offset)
{
    PyExecutorObject *existing = _Py_Executor_Get(code, offset);
    if (existing != NULL || PyErr_Occurred()) {
        Py_XDECREF(existing);
        PyErr_Clear();
        return;
    }
    PyExecutorObject *executor = new_executor();
    if (executor == NULL) {
        PyErr_Clear();
        return;
    }
    depend_on_namespaces(executor);
    if (_Py_Executor_Replace(code, offset, executor) < 0) {
        PyErr_Clear();
    }
    else {
        stats.extra_installed++;
    }
    Py_DECREF(executor);   /* the code object holds it, if installed */
}

/* Fuzz mode: a few extra executors at random instruction boundaries (not
 * behind an EXTENDED_ARG, not at `offset`, which the VM is filling), while
 * the code holds fewer than FUZZ_MAX_EXECUTORS, so that the VM always has
 * room for the executors of its own hotspots. */
static void
install_extras(PyCodeObject *code, int offset, const int *starts, int count, int installed)
{
    int wanted = 1 + (int)(fuzz_next() % 3);
    if (wanted > FUZZ_MAX_EXECUTORS - installed) {
        wanted = FUZZ_MAX_EXECUTORS - installed;
    }
    for (int i = 0; i < wanted; i++) {
        int index = (int)(fuzz_next() % (uint64_t)count);
        if (starts[index] != offset && !after_extended_arg(code, starts, index)) {
            install_extra(code, starts[index]);
        }
    }
}

/* How many executors `code` holds (any optimizer's). */
static int
count_executors(PyCodeObject *code, const int *starts, int count)
{
    int installed = 0;
    for (int i = 0; i < count; i++) {
        PyExecutorObject *executor = _Py_Executor_Get(code, starts[i]);
        if (executor != NULL) {
            installed++;
            Py_DECREF(executor);
        }
    }
    return installed;
}

static int
find_start(const int *starts, int count, int offset)
{
    for (int i = 0; i < count; i++) {
        if (starts[i] == offset) {
            return i;
        }
    }
    return -1;
}

static PyExecutorObject *
stepper_compile(PyOptimizerObject *Py_UNUSED(self), PyCodeObject *code, int offset)
{
    int count;
    int *starts = instruction_starts(code, &count);
    if (starts == NULL) {
        return NULL;
    }
    int index = find_start(starts, count, offset);
    int word = _Py_Code_GetInstruction(code, offset, 1);
    int installed = count_executors(code, starts, count);
    PyExecutorObject *executor = NULL;
    /* Decline where the first instruction can never run (outside the
     * subset, or with an oparg extended by a previous EXTENDED_ARG), and
     * where the VM could not install the executor (the code is full). */
    if (index >= 0 && word >= 0 && in_subset(opcode_of(word)) &&
        !after_extended_arg(code, starts, index) && installed < PY_EXECUTOR_MAX_PER_CODE)
    {
        executor = new_executor();
    }
    if (fuzz_enabled && !PyErr_Occurred()) {
        if (executor != NULL) {
            depend_on_namespaces(executor);
        }
        install_extras(code, offset, starts, count, installed);
    }
    PyMem_Free(starts);
    if (executor != NULL) {
        stats.compiled++;
    }
    else if (!PyErr_Occurred()) {
        stats.declined++;
    }
    return executor;
}


/* --- Types and module ----------------------------------------------------- */

static PyTypeObject StepperExecutor_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "plugopt.stepper.StepperExecutor",
    .tp_basicsize = sizeof(StepperExecutor),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_alloc = PyType_GenericAlloc,
};

static PyTypeObject StepperOptimizer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "plugopt.stepper.StepperOptimizer",
    .tp_basicsize = sizeof(StepperOptimizer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static int
set_count(PyObject *dict, const char *key, Py_ssize_t value)
{
    PyObject *number = PyLong_FromSsize_t(value);
    if (number == NULL) {
        return -1;
    }
    int result = PyDict_SetItemString(dict, key, number);
    Py_DECREF(number);
    return result;
}

static PyObject *
stops_dict(void)
{
    PyObject *stops = PyDict_New();
    for (int i = 0; stops != NULL && i < STOP_REASONS; i++) {
        if (set_count(stops, stop_names[i], stats.stops[i]) < 0) {
            Py_CLEAR(stops);
        }
    }
    return stops;
}

static PyObject *
stepper_stats(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    PyObject *result = PyDict_New();
    PyObject *stops = stops_dict();
    if (result == NULL || stops == NULL ||
        set_count(result, "compiled", stats.compiled) < 0 ||
        set_count(result, "declined", stats.declined) < 0 ||
        set_count(result, "extra_installed", stats.extra_installed) < 0 ||
        set_count(result, "entries", stats.entries) < 0 ||
        set_count(result, "instructions", stats.instructions) < 0 ||
        set_count(result, "zero_returns", stats.zero_returns) < 0 ||
        PyDict_SetItemString(result, "stops", stops) < 0)
    {
        Py_XDECREF(result);
        Py_XDECREF(stops);
        return NULL;
    }
    Py_DECREF(stops);
    return result;
}

static PyObject *
stepper_reset_stats(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args))
{
    memset(&stats, 0, sizeof(stats));
    Py_RETURN_NONE;
}

static PyMethodDef stepper_methods[] = {
    {"stats", stepper_stats, METH_NOARGS,
     "stats()\n--\n\n"
     "Counters since import: compiled, declined, extra_installed (fuzz mode),\n"
     "entries, instructions (executed by stepper), zero_returns (N = 0) and\n"
     "stops (returns to the VM by reason)."},
    {"reset_stats", stepper_reset_stats, METH_NOARGS,
     "reset_stats()\n--\n\nSet every counter of stats() to 0."},
    {NULL, NULL}
};

/* Read the inline cache sizes from Lib/opcode.py, the table dis uses. */
static int
load_cache_entries(void)
{
    PyObject *opcode_module = PyImport_ImportModule("opcode");
    if (opcode_module == NULL) {
        return -1;
    }
    PyObject *table = PyObject_GetAttrString(opcode_module, "_inline_cache_entries");
    Py_DECREF(opcode_module);
    if (table == NULL) {
        return -1;
    }
    int result = -1;
    if (!PyList_Check(table) || PyList_GET_SIZE(table) != 256) {
        PyErr_SetString(PyExc_ImportError, "opcode._inline_cache_entries is not 256 sizes");
        goto done;
    }
    for (int i = 0; i < 256; i++) {
        long size = PyLong_AsLong(PyList_GET_ITEM(table, i));
        if (size < 0 || size > 255) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ImportError, "bad size in opcode._inline_cache_entries");
            }
            goto done;
        }
        cache_entries[i] = (uint8_t)size;
    }
    result = 0;
done:
    Py_DECREF(table);
    return result;
}

/* PLUGOPT_STEPPER_SEED=<int> turns fuzz mode on (read once, at import), and
 * with it the dependencies on namespaces, unless PLUGOPT_STEPPER_DEPEND=0:
 * the VM's Bloom filters hash addresses, which differ from run to run, so
 * with dependencies two runs of one seed may remove executors differently. */
static int
read_fuzz_seed(void)
{
    const char *depend = getenv("PLUGOPT_STEPPER_DEPEND");
    fuzz_depend = depend == NULL || strcmp(depend, "0") != 0;
    const char *value = getenv("PLUGOPT_STEPPER_SEED");
    if (value == NULL || *value == '\0') {
        return 0;
    }
    char *end;
    errno = 0;
    long long seed = strtoll(value, &end, 0);
    if (errno != 0 || *end != '\0') {
        PyErr_Format(PyExc_ValueError,
                     "PLUGOPT_STEPPER_SEED must be an integer, not %.100s", value);
        return -1;
    }
    fuzz_init(seed);
    return 0;
}

static int
register_optimizer(void)
{
    StepperOptimizer *opt = PyObject_New(StepperOptimizer, &StepperOptimizer_Type);
    if (opt == NULL) {
        return -1;
    }
    opt->base.compile = stepper_compile;
    opt->base.capabilities = PY_OPTIMIZE_FUNCTION_ENTRY | PY_OPTIMIZE_RESUME_AFTER_YIELD
                             | PY_OPTIMIZE_BACK_EDGE;
    /* Compiling walks the code once; running decodes each instruction
     * through a function call: slower than the interpreter, so the cost
     * model asks after 16 * 2 = 32 executions. */
    opt->base.optimization_cost = 2.0f;
    opt->base.run_cost = 1.5f;
    if (_Py_Optimizer_Register((PyOptimizerObject *)opt) < 0) {
        Py_DECREF(opt);
        return -1;
    }
    the_optimizer = opt;
    return 0;
}

static int
stepper_exec(PyObject *module)
{
    if (PyType_Ready(&StepperExecutor_Type) < 0 || PyType_Ready(&StepperOptimizer_Type) < 0) {
        return -1;
    }
    if (the_optimizer == NULL) {
        if (load_cache_entries() < 0 || read_fuzz_seed() < 0 || register_optimizer() < 0) {
            return -1;
        }
    }
    PyObject *seed = fuzz_enabled ? PyLong_FromLongLong(fuzz_seed) : Py_NewRef(Py_None);
    if (seed == NULL || PyModule_AddObjectRef(module, "fuzz_seed", seed) < 0) {
        Py_XDECREF(seed);
        return -1;
    }
    Py_DECREF(seed);
    return PyModule_AddObjectRef(module, "optimizer", (PyObject *)the_optimizer);
}

static PyModuleDef_Slot stepper_slots[] = {
    {Py_mod_exec, stepper_exec},
    {0, NULL}
};

static struct PyModuleDef stepper_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "plugopt.stepper",
    .m_doc = "stepper: executors that interpret a subset of the bytecode (N > 0).",
    .m_methods = stepper_methods,
    .m_slots = stepper_slots,
};

PyMODINIT_FUNC
PyInit_stepper(void)
{
    return PyModuleDef_Init(&stepper_module);
}
