/* plugopt: the eval loop's side of the optimizer API.
 *
 * - counting hotspots (function entry, resume after yield, back edge),
 *   reached from the eval breaker's slow path, and asking the registered
 *   optimizers when a count reaches their threshold; a hotspot that holds
 *   an executor is counted on, for optimizers that would run it cheaper
 *   (tier-up);
 * - the cold forms of backward jumps and RESUMEs whose hotspots every
 *   optimizer declined;
 * - entering executors (ENTER_EXECUTOR), and the frame accessors they use.
 *
 * The contract is documented in Include/cpython/optimizer.h and docs/api.md.
 */
#include "Python.h"
#include "pycore_ceval.h"         // _PyEval_SignalReceived()
#include "pycore_code.h"
#include "pycore_frame.h"         // _PyInterpreterFrame
#include "pycore_interp.h"
#include "pycore_opcode.h"        // _PyOpcode_Deopt, _PyOpcode_Caches
#include "pycore_optimizer.h"
#include "pycore_pyerrors.h"      // _PyErr_Occurred()
#include "pycore_pystate.h"       // _PyInterpreterState_GET()
#include "pycore_atomic.h"        // _Py_atomic_load_relaxed_int32()

#include <math.h>                 // INFINITY

/* ------------------------------------------------------------------------ */
/* Cold hotspots                                                             */

/* A loop or a function that every registered optimizer declined in
 * _PY_HOTSPOT_COLD_ROUNDS rounds in a row, the last one
 * _PY_HOTSPOT_COLD_MIN_ROUND executions long at least, would still take the
 * eval breaker's slow path at every iteration or call to be counted. Its
 * backward jump or RESUME is rewritten into a cold form that tests for
 * pending work only (ceval.c), and the code is listed, so that registering
 * an optimizer, which may take it, can write the warm forms back. The GIL
 * protects the list; static code objects are shared by all interpreters, so
 * it is process-wide, like the executors. */
static _PyCodeOptimizerData *cold_codes = NULL;

static int
cold_form(int opcode)
{
    switch (opcode) {
        case JUMP_BACKWARD_QUICK: return JUMP_BACKWARD_COLD;
        case POP_JUMP_BACKWARD_IF_FALSE: return POP_JUMP_BACKWARD_IF_FALSE_COLD;
        case POP_JUMP_BACKWARD_IF_TRUE: return POP_JUMP_BACKWARD_IF_TRUE_COLD;
        case POP_JUMP_BACKWARD_IF_NONE: return POP_JUMP_BACKWARD_IF_NONE_COLD;
        case POP_JUMP_BACKWARD_IF_NOT_NONE: return POP_JUMP_BACKWARD_IF_NOT_NONE_COLD;
        case RESUME_QUICK: return RESUME_COLD;
        default: return 0;   /* an executor, or a compare-and-branch */
    }
}

static int
warm_form(int opcode)
{
    switch (opcode) {
        case JUMP_BACKWARD_COLD: return JUMP_BACKWARD_QUICK;
        case POP_JUMP_BACKWARD_IF_FALSE_COLD: return POP_JUMP_BACKWARD_IF_FALSE;
        case POP_JUMP_BACKWARD_IF_TRUE_COLD: return POP_JUMP_BACKWARD_IF_TRUE;
        case POP_JUMP_BACKWARD_IF_NONE_COLD: return POP_JUMP_BACKWARD_IF_NONE;
        case POP_JUMP_BACKWARD_IF_NOT_NONE_COLD: return POP_JUMP_BACKWARD_IF_NOT_NONE;
        case RESUME_COLD: return RESUME_QUICK;
        default: return 0;
    }
}

/* Rewrite the backward jump or RESUME at `where` (of `code`, whose data is
 * `data`) into its cold form, if it has one. */
static void
make_cold(PyCodeObject *code, _PyCodeOptimizerData *data, _Py_CODEUNIT *where)
{
    int cold = cold_form(_Py_OPCODE(*where));
    if (cold == 0) {
        return;
    }
    _Py_SET_OPCODE(*where, cold);
    if (data->prev_cold == NULL) {
        data->cold_code = code;
        data->next_cold = cold_codes;
        if (cold_codes != NULL) {
            cold_codes->prev_cold = &data->next_cold;
        }
        data->prev_cold = &cold_codes;
        cold_codes = data;
    }
}

/* A new optimizer registered: every cold jump and RESUME counts again, from
 * a fresh counter, so that it is asked about those loops and functions too. */
void
_PyOptimizer_RewarmColdForms(void)
{
    while (cold_codes != NULL) {
        _PyCodeOptimizerData *data = cold_codes;
        PyCodeObject *code = data->cold_code;
        _Py_CODEUNIT *instructions = _PyCode_CODE(code);
        for (Py_ssize_t i = 0; i < Py_SIZE(code);) {
            _Py_CODEUNIT word = _PyCode_ShadowedWord(code, &instructions[i]);
            int warm = warm_form(_Py_OPCODE(instructions[i]));
            if (warm != 0) {
                _Py_SET_OPCODE(instructions[i], warm);
            }
            i += 1 + _PyOpcode_Caches[_PyOpcode_Deopt[_Py_OPCODE(word)]];
        }
        if (data->counters != NULL) {
            memset(data->counters, 0, Py_SIZE(code) * sizeof(_PyHotspotCounter));
        }
        _PyCode_UnlistCold(data);
    }
}


/* ------------------------------------------------------------------------ */
/* Hotspots                                                                  */

enum { KIND_ENTRY = 0, KIND_RESUME = 1, KIND_BACK_EDGE = 2 };

/* The run cost an optimizer must beat to displace `executor`: that of the
 * optimizer that compiled it, or 0 for one installed directly with
 * _Py_Executor_Replace (a tool's, or a test's), which the VM never
 * displaces. */
static float
run_cost_of(PyExecutorObject *executor)
{
    PyOptimizerObject *optimizer = executor->vm_data.optimizer;
    return optimizer != NULL ? optimizer->run_cost : 0.0f;
}

/* Python signal handlers wait while an optimizer runs code of its own: a
 * handler that ran inside a compile (jit waits for its C compiler in Python
 * code) would raise its exception (KeyboardInterrupt, a program's timeout)
 * out of the compile, where it is the optimizer's error and lost, while the
 * program waits for it forever. Held, the signal stays tripped and the
 * handler runs in the program's code at the eval breaker's next check. Only
 * the main thread runs handlers, so only its holds count. */
static int signals_held;      /* the main thread's holds, nested */
static int signals_waiting;   /* a handler was due while they were held */

void
PyOptimizer_HoldSignals(void)
{
    if (_PyOS_IsMainThread()) {
        signals_held++;
    }
}

void
PyOptimizer_ReleaseSignals(void)
{
    if (!_PyOS_IsMainThread()) {
        return;
    }
    assert(signals_held > 0);
    if (--signals_held == 0 && signals_waiting) {
        /* The eval loop cleared its flag when it found the handlers held. */
        signals_waiting = 0;
        _PyEval_SignalReceived(_PyInterpreterState_Main());
    }
}

int
_PyOptimizer_SignalsHeld(void)
{
    if (signals_held == 0) {
        return 0;
    }
    signals_waiting = 1;
    return 1;
}

static PyExecutorObject *
ask(PyOptimizerObject *optimizer, PyCodeObject *code, int offset,
    struct _optimizer_state *state)
{
    state->stats.compile_calls++;
    PyOptimizer_HoldSignals();
    PyExecutorObject *executor = optimizer->compile(optimizer, code, offset);
    PyOptimizer_ReleaseSignals();
    if (executor == NULL) {
        if (!PyErr_Occurred()) {
            state->stats.declined++;
        }
        else {
            state->stats.failed++;
            PyErr_WriteUnraisable((PyObject *)optimizer);
        }
        return NULL;
    }
    /* The compile may have run Python code (a translator, a compiler
     * process), and another thread may have set a trace or profile function
     * meanwhile: no executor can be installed now. The offer is dropped, as a
     * decline, not reported as the optimizer's error; the VM asks again after
     * the backoff. */
    if (_PyOptimizer_TracingAnywhere()) {
        state->stats.declined++;
        Py_DECREF(executor);
        return NULL;
    }
    state->stats.offered++;
    if (_Py_Executor_Replace(code, offset, executor) < 0) {
        state->stats.failed++;
        PyErr_WriteUnraisable((PyObject *)optimizer);
        Py_DECREF(executor);
        return NULL;
    }
    executor->vm_data.optimizer = (PyOptimizerObject *)Py_NewRef(optimizer);
    Py_DECREF(executor);   /* the code object holds it now */
    return executor;
}

/* Never inlined: inlined, its register saves and restores ran on the fast
 * path below too (44 instructions a call instead of 30). */
static Py_NO_INLINE void on_hotspot(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                    _Py_CODEUNIT *next_instr);

/* The common case first, in as few instructions as we can: a back edge or
 * a function entry already counted, still below its threshold. A loop that
 * every optimizer declines comes here at every iteration for as long as it
 * runs, a function at every call; nqueens spent 4.6% of its instructions in
 * this function before the back edges' fast path, richards 6% (about 100
 * instructions a call) before the entries'. */
void
_PyOptimizer_OnHotspot(PyThreadState *tstate, _PyInterpreterFrame *frame,
                       _Py_CODEUNIT *next_instr)
{
    PyCodeObject *code = frame->f_code;
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (data != NULL && data->counters != NULL) {
        /* A back edge counts at its target; an entry at the function's first
         * RESUME, which just ran (an ENTER_EXECUTOR there, or a RESUME not
         * yet quickened, takes the full path). */
        _Py_CODEUNIT *at = NULL;
        int kind = KIND_BACK_EDGE;
        if (next_instr <= frame->prev_instr) {
            at = next_instr;
        }
        else if (*frame->prev_instr == _Py_MAKECODEUNIT(RESUME_QUICK, 0)) {
            at = frame->prev_instr;
            kind = KIND_ENTRY;
        }
        if (at != NULL) {
            struct _optimizer_state *state = _PyOptimizer_GetState(tstate->interp);
            _PyHotspotCounter *counter = &data->counters[at - _PyCode_CODE(code)];
            if (counter->count + 1 < (state->min_threshold[kind] << counter->backoff)) {
                counter->count++;
                state->stats.hotspots[kind]++;
                return;
            }
        }
    }
    on_hotspot(tstate, frame, next_instr);
}

static void
on_hotspot(PyThreadState *tstate, _PyInterpreterFrame *frame, _Py_CODEUNIT *next_instr)
{
    struct _optimizer_state *state = _PyOptimizer_GetState(tstate->interp);
    static int compiling = 0;   /* no optimizer is asked while one compiles */
    if (tstate->cframe->use_tracing || compiling) {
        return;
    }
    PyCodeObject *code = frame->f_code;
    _Py_CODEUNIT *first = _PyCode_CODE(code);
    _Py_CODEUNIT *current = frame->prev_instr;
    int kind, offset;
    if (next_instr <= current) {
        kind = KIND_BACK_EDGE;
        offset = (int)(next_instr - first);
    }
    else {
        _Py_CODEUNIT word = _PyCode_ShadowedWord(code, current);
        if (_PyOpcode_Deopt[_Py_OPCODE(word)] != RESUME) {
            return;   /* an eval breaker check after a call: not a hotspot */
        }
        kind = _Py_OPARG(word) == 0 ? KIND_ENTRY : KIND_RESUME;
        offset = (int)(current - first);
    }
    int min_threshold = state->min_threshold[kind];
    if (min_threshold == 0) {
        return;
    }
    _PyCodeOptimizerData *data = _PyCode_AttachOptimizerData(code);
    if (data != NULL && data->counters == NULL) {
        data->counters = PyMem_Calloc(Py_SIZE(code), sizeof(_PyHotspotCounter));
    }
    if (data == NULL || data->counters == NULL) {
        return;   /* no memory: simply do not optimize this code */
    }
    /* Tier-up: a hotspot that holds an executor keeps being counted, and
     * only optimizers that run it cheaper than the executor's own are
     * asked; their offer replaces it. */
    float run_cost_to_beat = INFINITY;
    if (_Py_OPCODE(first[offset]) == ENTER_EXECUTOR) {
        run_cost_to_beat = run_cost_of(data->executors[_Py_OPARG(first[offset])]);
    }
    else if (data->n_executors >= PY_EXECUTOR_MAX_PER_CODE) {
        return;   /* no room: asking would only make the install fail */
    }
    state->stats.hotspots[kind]++;
    _PyHotspotCounter *counter = &data->counters[offset];
    if (counter->count < UINT16_MAX) {
        counter->count++;
    }
    int scale = 1 << counter->backoff;
    if (counter->count < min_threshold * scale) {
        return;
    }
    if (_PyOptimizer_TracingAnywhere()) {
        /* Some thread traces (another one, or this one inside its trace
         * function): no executor could be installed. Keep this loop warm
         * for when tracing ends. */
        counter->count = 0;
        return;
    }
    /* Hot code is quickened now if it is not yet, so that the specializer
     * watches it run and an optimizer asked again after a backoff finds its
     * specialized forms: 3.11 quickens a code object only after eight calls or
     * JUMP_BACKWARDs, so a function called a few times whose loop closes with
     * a conditional backward jump (a `while` loop's) would never be. */
    if (code->co_warmup != 0) {
        code->co_warmup = 0;
        _PyCode_Quicken(code);
    }
    /* Each capable optimizer is asked once per round, when the count reaches
     * its own threshold; in order of expected benefit; first offer wins. */
    PyObject *optimizers = PySequence_Tuple(state->optimizers);
    if (optimizers == NULL) {
        PyErr_Clear();
        return;
    }
    int round_end = 0;
    PyExecutorObject *installed = NULL;
    compiling = 1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(optimizers) && installed == NULL; i++) {
        PyOptimizerObject *opt = (PyOptimizerObject *)PyTuple_GET_ITEM(optimizers, i);
        if (!(opt->capabilities & (1u << kind)) || !(opt->run_cost < run_cost_to_beat)) {
            continue;
        }
        int need = _PyOptimizer_ThresholdOf(opt, state->threshold_override) * scale;
        if (need > round_end) {
            round_end = need;
        }
        if (counter->count == need) {
            installed = ask(opt, code, offset, state);
        }
    }
    compiling = 0;
    Py_DECREF(optimizers);
    if (installed != NULL) {
        if (run_cost_to_beat != INFINITY) {
            state->stats.tier_ups++;
        }
        counter->count = 0;
        counter->backoff = 0;
    }
    else if (round_end == 0) {
        /* Nobody can beat the executor standing here: count on, but come
         * back only every so often (an optimizer may register meanwhile). */
        counter->count = 0;
        counter->backoff = _PY_HOTSPOT_MAX_BACKOFF;
    }
    else if (counter->count >= round_end) {
        counter->count = 0;
        if (counter->backoff + 1 >= _PY_HOTSPOT_COLD_ROUNDS &&
            round_end >= _PY_HOTSPOT_COLD_MIN_ROUND)
        {
            make_cold(code, data, current);
        }
        if (counter->backoff < _PY_HOTSPOT_MAX_BACKOFF) {
            counter->backoff++;
        }
    }
}


/* ------------------------------------------------------------------------ */
/* Running executors                                                         */

int64_t
_PyExecutor_Enter(PyThreadState *tstate, _PyInterpreterFrame *frame, int oparg)
{
    /* The eval loop has stored the stack pointer; prev_instr is the
     * ENTER_EXECUTOR word. Its low oparg byte indexes the code's executors;
     * higher bytes come from EXTENDED_ARGs and belong to the shadowed
     * instruction. */
    _Py_CODEUNIT *this_instr = frame->prev_instr;
    PyExecutorObject *executor = _PyCode_OptimizerData(frame->f_code)->executors[oparg & 255];
    int64_t shadowed = ((int64_t)((oparg & ~255) | executor->vm_data.oparg) << 8)
                       | executor->vm_data.opcode;
    /* The frame about to execute its instruction: if the executor returns
     * without touching it, that is N = 0. */
    frame->prev_instr = this_instr - 1;
    /* Never inside executors while tracing, or while signals, a GIL drop
     * request or an async exception wait: the loop handles those first. */
    if (tstate->cframe->use_tracing ||
        (_Py_atomic_load_relaxed(&tstate->interp->ceval.eval_breaker)
         & _PY_EVAL_BREAKER_PENDING))
    {
        return shadowed;
    }
    _PyOptimizerStats *stats = &_PyOptimizer_GetState(tstate->interp)->stats;
    stats->entries++;
    Py_INCREF(executor);
    _PyInterpreterFrame *result = executor->execute(
        executor, frame, _PyFrame_GetStackPointer(frame));
    _PyExecutorCheck check = _PyOptimizer_GetState(tstate->interp)->check_return;
    if (check != NULL) {
        check(tstate, executor, frame, result);
    }
    Py_DECREF(executor);
    if (result == NULL) {
        stats->exceptions++;
        if (!_PyErr_Occurred(tstate)) {
            _PyErr_Format(tstate, PyExc_SystemError,
                          "%.100s executor returned NULL without setting an exception",
                          Py_TYPE(executor)->tp_name);
        }
        /* The error path expects prev_instr at the instruction that raised. */
        frame->prev_instr++;
        return _PY_EXECUTOR_RAISED;
    }
    if (result != frame) {
        tstate->cframe->current_frame = result;
        return _PY_EXECUTOR_NEW_FRAME;
    }
    if (frame->prev_instr + 1 == this_instr) {
        stats->zero_progress++;
        return shadowed;
    }
    return _PY_EXECUTOR_ADVANCED;
}


/* ------------------------------------------------------------------------ */
/* Frame accessors for executors                                             */

PyCodeObject *
PyExecutor_Frame_GetCode(_PyInterpreterFrame *frame)
{
    return frame->f_code;
}

int
PyExecutor_Frame_GetNextInstr(_PyInterpreterFrame *frame)
{
    return (int)(frame->prev_instr + 1 - _PyCode_CODE(frame->f_code));
}

void
PyExecutor_Frame_SetNextInstr(_PyInterpreterFrame *frame, int offset)
{
    frame->prev_instr = _PyCode_CODE(frame->f_code) + offset - 1;
}

PyObject **
PyExecutor_Frame_GetLocals(_PyInterpreterFrame *frame)
{
    return frame->localsplus;
}

PyObject **
PyExecutor_Frame_GetStackBase(_PyInterpreterFrame *frame)
{
    return _PyFrame_Stackbase(frame);
}

void
PyExecutor_Frame_SetStackPointer(_PyInterpreterFrame *frame, PyObject **stack_pointer)
{
    _PyFrame_SetStackPointer(frame, stack_pointer);
}

PyObject *
PyExecutor_Frame_GetGlobals(_PyInterpreterFrame *frame)
{
    return frame->f_globals;
}

PyObject *
PyExecutor_Frame_GetBuiltins(_PyInterpreterFrame *frame)
{
    return frame->f_builtins;
}

int
PyExecutor_EvalBreakerIsSet(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    return (_Py_atomic_load_relaxed(&interp->ceval.eval_breaker)
            & _PY_EVAL_BREAKER_PENDING) != 0;
}
