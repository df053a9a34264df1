/* plugopt: the registry of optimizers and the cost model.
 *
 * Each interpreter keeps its registered optimizers in order of expected
 * benefit (lowest run cost first) and, per hotspot kind, the lowest
 * threshold among those that can take it; while some optimizer asks for a
 * kind, its bit keeps the eval breaker set (optimizer_eval.c counts).
 *
 * The contract is documented in Include/cpython/optimizer.h and docs/api.md.
 */
#include "Python.h"
#include "pycore_initconfig.h"    // _Py_GetEnv()
#include "pycore_interp.h"
#include "pycore_optimizer.h"
#include "pycore_pystate.h"       // _PyInterpreterState_GET()

#include <math.h>

extern void _PyEval_UpdateEvalBreaker(PyInterpreterState *interp);

/* ------------------------------------------------------------------------ */
/* Registry and cost model                                                  */

/* Compile once the saving pays back the optimization cost:
 *     executions * (1 - run_cost) >= optimization_cost
 * with the saving per execution counted as at least 1/16, so that executors
 * that are not faster than the interpreter (profilers) are still installed,
 * after 16 * optimization_cost executions. */
int
_PyOptimizer_ThresholdOf(PyOptimizerObject *optimizer, int override)
{
    if (override > 0) {
        return override;
    }
    double saving = 1.0 - (double)optimizer->run_cost;
    if (saving < 1.0 / 16) {
        saving = 1.0 / 16;
    }
    double threshold = ceil((double)optimizer->optimization_cost / saving);
    if (threshold < 1) {
        return 1;
    }
    if (threshold > _PY_HOTSPOT_MAX_THRESHOLD) {
        return _PY_HOTSPOT_MAX_THRESHOLD;
    }
    return (int)threshold;
}

int
_Py_Optimizer_Threshold(PyOptimizerObject *optimizer)
{
    return _PyOptimizer_ThresholdOf(optimizer,
                        _PyOptimizer_GET()->threshold_override);
}

int
_PyOptimizer_HotspotBits(PyInterpreterState *interp)
{
    struct _optimizer_state *state = _PyOptimizer_GetState(interp);
    int bits = 0;
    for (int kind = 0; kind < 3; kind++) {
        if (state->min_threshold[kind] != 0) {
            bits |= _PY_EVAL_BREAKER_ENTRY << kind;
        }
    }
    return bits;
}

static void
update_thresholds(PyInterpreterState *interp)
{
    struct _optimizer_state *state = _PyOptimizer_GetState(interp);
    for (int kind = 0; kind < 3; kind++) {
        state->min_threshold[kind] = 0;
    }
    Py_ssize_t n = state->optimizers ? PyList_GET_SIZE(state->optimizers) : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyOptimizerObject *opt = (PyOptimizerObject *)PyList_GET_ITEM(state->optimizers, i);
        int threshold = _PyOptimizer_ThresholdOf(opt, state->threshold_override);
        for (int kind = 0; kind < 3; kind++) {
            if ((opt->capabilities & (1u << kind)) &&
                (state->min_threshold[kind] == 0 || threshold < state->min_threshold[kind]))
            {
                state->min_threshold[kind] = threshold;
            }
        }
    }
    _PyOptimizer_GetState(interp)->hotspot_bits = _PyOptimizer_HotspotBits(interp);
    _PyEval_UpdateEvalBreaker(interp);
}

static int read_threshold_override(PyInterpreterState *interp);

int
_Py_Optimizer_Register(PyOptimizerObject *optimizer)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    struct _optimizer_state *state = _PyOptimizer_GetState(interp);
    if (optimizer == NULL || optimizer->compile == NULL) {
        PyErr_SetString(PyExc_TypeError, "optimizer has no compile function");
        return -1;
    }
    if (optimizer->capabilities & ~(PyOptimizerCapabilities)PY_OPTIMIZE_ALL_KINDS) {
        PyErr_Format(PyExc_ValueError,
                     "%.100s: unknown capability bits 0x%x", Py_TYPE(optimizer)->tp_name,
                     (unsigned)(optimizer->capabilities & ~PY_OPTIMIZE_ALL_KINDS));
        return -1;
    }
    if (!(isfinite(optimizer->optimization_cost) && optimizer->optimization_cost >= 0 &&
          isfinite(optimizer->run_cost) && optimizer->run_cost >= 0))
    {
        PyErr_Format(PyExc_ValueError,
                     "%.100s: optimization_cost and run_cost must be finite and >= 0",
                     Py_TYPE(optimizer)->tp_name);
        return -1;
    }
    if (state->optimizers == NULL) {
        if (read_threshold_override(interp) < 0) {
            return -1;
        }
        state->optimizers = PyList_New(0);
        if (state->optimizers == NULL) {
            return -1;
        }
    }
    Py_ssize_t n = PyList_GET_SIZE(state->optimizers);
    Py_ssize_t position = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyOptimizerObject *other = (PyOptimizerObject *)PyList_GET_ITEM(state->optimizers, i);
        if (other == optimizer) {
            PyErr_Format(PyExc_ValueError, "%.100s optimizer is already registered",
                         Py_TYPE(optimizer)->tp_name);
            return -1;
        }
        /* Lower run cost = more saved per execution = asked first; ties
         * keep registration order. */
        if (position == n && optimizer->run_cost < other->run_cost) {
            position = i;
        }
    }
    if (PyList_Insert(state->optimizers, position, (PyObject *)optimizer) < 0) {
        return -1;
    }
    update_thresholds(interp);
    _PyOptimizer_RewarmColdForms();
    return 0;
}

int
_Py_Optimizer_Unregister(PyOptimizerObject *optimizer)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    struct _optimizer_state *state = _PyOptimizer_GetState(interp);
    Py_ssize_t n = state->optimizers ? PyList_GET_SIZE(state->optimizers) : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(state->optimizers, i) == (PyObject *)optimizer) {
            Py_INCREF(optimizer);
            if (PyList_SetSlice(state->optimizers, i, i + 1, NULL) < 0) {
                Py_DECREF(optimizer);
                return -1;
            }
            update_thresholds(interp);
            _Py_Executors_InvalidateOptimizer(optimizer);
            Py_DECREF(optimizer);
            return 0;
        }
    }
    PyErr_Format(PyExc_ValueError, "%.100s optimizer is not registered",
                 Py_TYPE(optimizer)->tp_name);
    return -1;
}

/* PYTHONOPTIMIZERTHRESHOLD=N asks every optimizer after N executions of a
 * hotspot, whatever its costs (used to install executors almost everywhere
 * when testing); N above the largest threshold counts as the largest, and
 * 0 as unset. Read when the first optimizer registers, as CPython reads its
 * own variables (ignored under -E and -I); anything but a number is a
 * ValueError, which fails that registration. */
static int
read_threshold_override(PyInterpreterState *interp)
{
    const PyConfig *config = _PyInterpreterState_GetConfig(interp);
    const char *value = _Py_GetEnv(config->use_environment, "PYTHONOPTIMIZERTHRESHOLD");
    if (value == NULL) {
        return 0;
    }
    char *end;
    errno = 0;
    long threshold = strtol(value, &end, 10);
    if (end == value || *end != '\0' || threshold < 0) {
        PyErr_Format(PyExc_ValueError,
                     "PYTHONOPTIMIZERTHRESHOLD must be a number of executions "
                     "(0 or more), not '%.100s'", value);
        return -1;
    }
    if (threshold > _PY_HOTSPOT_MAX_THRESHOLD || errno == ERANGE) {
        threshold = _PY_HOTSPOT_MAX_THRESHOLD;
    }
    _PyOptimizer_GetState(interp)->threshold_override = (int)threshold;
    return 0;
}

void
_PyOptimizer_ClearInterpreter(PyInterpreterState *interp)
{
    struct _optimizer_state *state = _PyOptimizer_GetState(interp);
    if (state->optimizers != NULL) {
        Py_CLEAR(state->optimizers);
        update_thresholds(interp);
    }
    if (_Py_IsMainInterpreter(interp)) {
        _Py_Executors_InvalidateAll(interp);
        _PyOptimizer_ReleaseDetached();
    }
    Py_CLEAR(state->loaded);
    Py_CLEAR(state->loaded_from);
}
