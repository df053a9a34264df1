/* plugopt: VM-side state of the pluggable optimizer API. */
#ifndef Py_INTERNAL_OPTIMIZER_H
#define Py_INTERNAL_OPTIMIZER_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

#include "pycore_code.h"          // _PyCodeObjectExtra
#include "pycore_interp.h"        // PyInterpreterState
#include "pycore_pystate.h"       // _PyInterpreterState_GET()

#include "opcode.h"               // ENTER_EXECUTOR

/* Bits of interp->ceval.eval_breaker. PENDING is the stock meaning (signals,
 * GIL drop request, pending calls, async exception). The other three are
 * set while some registered optimizer asks for that kind of hotspot
 * (function entry, resume after yield, back edge): RESUME or the backward
 * jumps then take the slow path, where the VM counts hotspots. Each
 * instruction tests only the bits it can act on, so with no optimizer, or
 * with one that wants back edges only, calls pay nothing. Bit 2 << kind
 * belongs to hotspot kind `kind`. */
#define _PY_EVAL_BREAKER_PENDING 1
#define _PY_EVAL_BREAKER_ENTRY 2
#define _PY_EVAL_BREAKER_RESUME 4
#define _PY_EVAL_BREAKER_BACK_EDGE 8
#define _PY_EVAL_BREAKER_HOTSPOTS \
    (_PY_EVAL_BREAKER_ENTRY | _PY_EVAL_BREAKER_RESUME | _PY_EVAL_BREAKER_BACK_EDGE)

#define _PY_HOTSPOT_MAX_THRESHOLD 4095
#define _PY_HOTSPOT_MAX_BACKOFF 4
/* A back edge or RESUME declined in this many rounds in a row, the last one
 * at least COLD_MIN_ROUND executions long, goes cold (optimizer_eval.c). By
 * then the specializer has long settled, so later rounds rarely change the
 * answer, while every round costs counting: the rounds take 1, 2, 4, ...
 * times the threshold, so three rounds are 7 times it. The minimum keeps
 * very low thresholds (PYTHONOPTIMIZERTHRESHOLD=1, for testing) from giving
 * up before the specializer has run: those hotspots never go cold. */
#define _PY_HOTSPOT_COLD_ROUNDS 3
#define _PY_HOTSPOT_COLD_MIN_ROUND 256

typedef struct {
    uint16_t count;    /* executions in this backoff round */
    uint8_t backoff;   /* thresholds are multiplied by 1 << backoff */
    uint8_t unused;
} _PyHotspotCounter;

/* Per code object; allocated when the code first meets an optimizer. */
typedef struct _PyCodeOptimizerData {
    _PyHotspotCounter *counters;        /* one per code unit, or NULL */
    int n_executors;                    /* slots used in `executors` */
    int capacity;
    PyExecutorObject **executors;       /* strong references; NULL = free slot */
    int16_t *stop_table;                /* the checker's flow analysis, or NULL */
    /* While some backward jump or RESUME of this code is in its cold form:
     * the code and its links in the process-wide list of such codes
     * (optimizer_eval.c). */
    PyCodeObject *cold_code;
    struct _PyCodeOptimizerData *next_cold;
    struct _PyCodeOptimizerData **prev_cold;   /* NULL when not listed */
} _PyCodeOptimizerData;

/* A code object's data lives in slot 0 of its co_extra, the per-code storage
 * 3.11 gives PEP 523 tools (_PyCode_SetExtra): every interpreter reserves
 * that index for the VM, so PyCodeObject keeps stock 3.11.2's layout, which
 * tools such as py-spy read from outside. */
#define _PY_CODE_EXTRA_OPTIMIZER 0

static inline _PyCodeOptimizerData *
_PyCode_OptimizerData(PyCodeObject *code)
{
    _PyCodeObjectExtra *extra = (_PyCodeObjectExtra *)code->co_extra;
    if (extra == NULL) {
        return NULL;
    }
    return (_PyCodeOptimizerData *)extra->ce_extras[_PY_CODE_EXTRA_OPTIMIZER];
}

/* The code's data, created if it has none; NULL if out of memory (no
 * exception set). */
extern _PyCodeOptimizerData *_PyCode_AttachOptimizerData(PyCodeObject *code);

typedef struct {
    Py_ssize_t hotspots[3];      /* by kind: entry, resume after yield, back edge */
    Py_ssize_t compile_calls;
    Py_ssize_t offered;
    Py_ssize_t declined;
    Py_ssize_t failed;           /* compile raised */
    Py_ssize_t installed;
    Py_ssize_t tier_ups;         /* installs that replaced a costlier optimizer's executor */
    Py_ssize_t entries;          /* executor calls */
    Py_ssize_t zero_progress;    /* returns with N = 0 */
    Py_ssize_t exceptions;       /* returns of NULL */
    Py_ssize_t invalidated;
} _PyOptimizerStats;

struct _PyInterpreterFrame;

/* The invariant checker's verification of an executor's return; it aborts
 * the process with a message if the return broke the contract. */
typedef void (*_PyExecutorCheck)(PyThreadState *tstate, PyExecutorObject *executor,
                                 struct _PyInterpreterFrame *entry,
                                 struct _PyInterpreterFrame *result);

struct _optimizer_state {
    int hotspot_bits;                  /* the eval breaker bits of the kinds asked for */
    PyObject *optimizers;              /* list, in order of expected benefit */
    int min_threshold[3];              /* per hotspot kind; 0 = nobody asks */
    int threshold_override;            /* PYTHONOPTIMIZERTHRESHOLD, 0 = unset */
    _PyExecutorCheck check_return;     /* the checker, when -X optimizer_check is on */
    _PyOptimizerStats stats;
    PyObject *loaded;                  /* what -X optimizer loaded (tuple), or NULL */
    PyObject *loaded_from;             /* the option or variable that named them */
};

/* Per interpreter, outside struct _is so that PyInterpreterState keeps stock
 * 3.11.2's size and layout: the main interpreter's is a static variable (its
 * PyInterpreterState is static too), a subinterpreter's is allocated right
 * after its PyInterpreterState (pystate.c, alloc_interpreter). */
extern struct _optimizer_state _PyOptimizer_MainInterpreterState;

static inline struct _optimizer_state *
_PyOptimizer_GetState(PyInterpreterState *interp)
{
    if (interp->_static) {
        return &_PyOptimizer_MainInterpreterState;
    }
    return (struct _optimizer_state *)(interp + 1);
}

static inline struct _optimizer_state *
_PyOptimizer_GET(void)
{
    return _PyOptimizer_GetState(_PyInterpreterState_GET());
}

/* Called by init_interpreter(): clears the state and reserves the co_extra
 * slot. */
extern void _PyOptimizer_InitInterpreter(PyInterpreterState *interp);

/* Take a code's data block off the process-wide list of codes with cold
 * backward jumps (optimizer_eval.c), if it is on it. */
static inline void
_PyCode_UnlistCold(_PyCodeOptimizerData *data)
{
    if (data->prev_cold == NULL) {
        return;
    }
    *data->prev_cold = data->next_cold;
    if (data->next_cold != NULL) {
        data->next_cold->prev_cold = data->prev_cold;
    }
    data->next_cold = NULL;
    data->prev_cold = NULL;
    data->cold_code = NULL;
}

/* --- Dependencies: the VM's side (optimizer_code.c) --------------------- */

/* The three bits of an object's address in a 256-bit Bloom filter. */
static inline void
_PyExecutor_BloomBits(const void *obj, uint64_t bits[4])
{
    uint64_t h = (uint64_t)(uintptr_t)obj;   /* a 64-bit mix of the address */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    bits[0] = bits[1] = bits[2] = bits[3] = 0;
    for (int i = 0; i < 3; i++) {
        int bit = (int)(h & 255);
        bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
        h >>= 8;
    }
}

/* The union of installed executors' filters, and whether it has any bit. */
extern uint64_t _PyExecutor_DependencyUnion[4];
extern int _PyExecutor_AnyDependency;

static inline int
_PyExecutor_MayDependOn(const uint64_t bits[4])
{
    for (int i = 0; i < 4; i++) {
        if ((_PyExecutor_DependencyUnion[i] & bits[i]) != bits[i]) {
            return 0;
        }
    }
    return 1;
}

/* The low bit of a dict's ma_version_tag: some executor may depend on the
 * dict, so its changes call _PyOptimizer_DictChanged (pycore_dict.h, which
 * defines the same bit as _PyDict_VERSION_WATCHED). */
#define _PY_DICT_VERSION_WATCHED 1

/* `obj` changed or is being freed: detach every executor that may depend on
 * it (released by a pending call: callers may be in the middle of an
 * update). Cheap when no executor depends on anything. */
extern void _PyOptimizer_ObjectChanged(void *obj);
static inline void
_PyOptimizer_NotifyChange(void *obj)
{
    if (_PyExecutor_AnyDependency) {
        _PyOptimizer_ObjectChanged(obj);
    }
}
/* A watched dict changed: detach its dependents; whether it stays watched
 * (some executor may still depend on it). */
extern int _PyOptimizer_DictChanged(PyDictObject *dict);
/* Release the executors detached by changes (also done by a pending call). */
extern void _PyOptimizer_ReleaseDetached(void);

/* Whether any thread of any interpreter has a trace or profile function
 * (optimizer_code.c): then no executor may be installed. */
extern int _PyOptimizer_TracingAnywhere(void);
/* Remove every executor that `optimizer` compiled (it is unregistered). */
extern void _Py_Executors_InvalidateOptimizer(PyOptimizerObject *optimizer);
/* The threshold of `optimizer` from its costs, or `override` if above 0. */
extern int _PyOptimizer_ThresholdOf(PyOptimizerObject *optimizer, int override);
/* Write the warm forms back over every cold backward jump and RESUME (an
 * optimizer registered, which may take those loops and functions). */
extern void _PyOptimizer_RewarmColdForms(void);
/* Whether Python signal handlers must wait (signalmodule.c asks before it
 * runs them): the main thread is in an optimizer's own code, between
 * PyOptimizer_HoldSignals() and PyOptimizer_ReleaseSignals(). Remembers that
 * a handler waited, so that the release sets the eval breaker again. */
extern int _PyOptimizer_SignalsHeld(void);

/* Called from the eval breaker slow path; never fails. */
extern void _PyOptimizer_OnHotspot(PyThreadState *tstate,
                                   struct _PyInterpreterFrame *frame,
                                   _Py_CODEUNIT *next_instr);
/* ENTER_EXECUTOR, out of line: the eval loop keeps nothing alive across
 * the call, so adding it did not change how the compiler allocates
 * registers in the rest of the loop. The loop has stored the stack pointer
 * in `frame`, whose prev_instr is the ENTER_EXECUTOR word. Returns
 *   _PY_EXECUTOR_ADVANCED: continue at the frame's next instruction;
 *   _PY_EXECUTOR_NEW_FRAME: continue in tstate->cframe->current_frame;
 *   _PY_EXECUTOR_RAISED: an exception is set, prev_instr is the instruction
 *       that raised;
 *   otherwise (N = 0, or the executor was skipped) the shadowed instruction
 *       to execute once at the frame's next instruction, as
 *       (oparg << 8) | opcode. */
#define _PY_EXECUTOR_ADVANCED 0
#define _PY_EXECUTOR_RAISED (-1)
#define _PY_EXECUTOR_NEW_FRAME (-2)
extern int64_t _PyExecutor_Enter(PyThreadState *tstate,
                                 struct _PyInterpreterFrame *frame, int oparg);
/* The code unit at `instr` with an ENTER_EXECUTOR replaced by what it shadows. */
extern _Py_CODEUNIT _PyCode_ShadowedWord(PyCodeObject *code, const _Py_CODEUNIT *instr);
/* The opcode to run at `instr`: through an executor standing there. */
extern int _PyCode_OpcodeToRun(PyCodeObject *code, const _Py_CODEUNIT *instr);
/* Set the opcode of the instruction an executor shadows at `instr`, an
 * instruction of the code object of the thread's current frame. */
extern void _PyExecutor_SetShadowedOpcode(_Py_CODEUNIT *instr, int opcode);

/* Write `opcode` into the instruction at `instr` of the current frame's code,
 * or, when an executor stands there, into its copy of the instruction it
 * shadows. The specializer writes through this, so it never overwrites an
 * executor and re-specialization keeps the shadowed instruction current. */
static inline void
_PyCode_WriteOpcode(_Py_CODEUNIT *instr, int opcode)
{
    if (_Py_OPCODE(*instr) == ENTER_EXECUTOR) {
        _PyExecutor_SetShadowedOpcode(instr, opcode);
    }
    else {
        _Py_SET_OPCODE(*instr, opcode);
    }
}

/* Write the shadowed instructions back into a copy of the adaptive code. */
extern void _PyCode_UnshadowCopy(PyCodeObject *code, _Py_CODEUNIT *copy);
extern void _PyCode_ClearOptimizerData(PyCodeObject *code);
extern void _PyOptimizer_ClearInterpreter(PyInterpreterState *interp);
/* Turn the invariant checker on if -X optimizer_check or PYTHONOPTIMIZERCHECK
 * asks for it (optimizer_check.c); called before start-up loading. */
extern void _PyOptimizer_InitChecker(PyThreadState *tstate);
/* Import the modules named by -X optimizer / PYTHONOPTIMIZER (and set up
 * PYTHONOPTIMIZERSTATS); an exit status on failure. */
extern PyStatus _PyOptimizer_LoadStartupModules(PyThreadState *tstate);
/* Recompute the eval breaker's HOTSPOTS bit. */
extern int _PyOptimizer_HotspotBits(PyInterpreterState *interp);

#ifdef __cplusplus
}
#endif
#endif /* !Py_INTERNAL_OPTIMIZER_H */
