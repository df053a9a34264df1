/* plugopt: executors in code objects.
 *
 * - each interpreter's optimizer state, and the co_extra slot it reserves;
 * - a code object's optimizer data block (slot 0 of co_extra) and its
 *   executor array;
 * - installing executors as ENTER_EXECUTOR instructions that shadow the
 *   original instruction, and everything that must see through them;
 * - removing them again: by code object, by dependency (a Bloom filter per
 *   executor), by optimizer, or all; and the VM's side of dependencies:
 *   removing the executors that depend on a dict, a type, a function or a
 *   code object when it changes (called from Objects/).
 *
 * The contract is documented in Include/cpython/optimizer.h and docs/api.md.
 */
#include "Python.h"
#include "pycore_code.h"          // _PyCode_Quicken()
#include "pycore_frame.h"         // _PyInterpreterFrame
#include "pycore_interp.h"
#include "pycore_opcode.h"        // _PyOpcode_Deopt, _PyOpcode_Caches
#include "pycore_optimizer.h"
#include "pycore_pystate.h"       // _PyThreadState_GET()

/* Installed executors of the whole process, linked through vm_data.links
 * (0 = previous, 1 = next). Static code objects are shared by all
 * interpreters, so the list is not per interpreter; the GIL protects it. */
static PyExecutorObject *installed_executors = NULL;
static Py_ssize_t installed_count = 0;

Py_ssize_t
_PyExecutor_AliveCount(void)
{
    return installed_count;
}


/* ------------------------------------------------------------------------ */
/* Interpreter state                                                        */

struct _optimizer_state _PyOptimizer_MainInterpreterState;

void
_PyOptimizer_InitInterpreter(PyInterpreterState *interp)
{
    memset(_PyOptimizer_GetState(interp), 0, sizeof(struct _optimizer_state));
    /* Index 0 of co_extra is the VM's (_PY_CODE_EXTRA_OPTIMIZER); its data
     * is freed by _PyCode_ClearOptimizerData(), so no free function. */
    interp->co_extra_freefuncs[_PY_CODE_EXTRA_OPTIMIZER] = NULL;
    interp->co_extra_user_count = _PY_CODE_EXTRA_OPTIMIZER + 1;
}

/* ------------------------------------------------------------------------ */
/* Executor array of a code object                                          */

static _PyCodeOptimizerData *
code_data(PyCodeObject *code, int create)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (data == NULL && create) {
        data = _PyCode_AttachOptimizerData(code);
        if (data == NULL) {
            PyErr_NoMemory();
        }
    }
    return data;
}

_PyCodeOptimizerData *
_PyCode_AttachOptimizerData(PyCodeObject *code)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (data != NULL) {
        return data;
    }
    _PyCodeObjectExtra *extra = (_PyCodeObjectExtra *)code->co_extra;
    if (extra == NULL) {
        /* Only the VM's slot, without setting an error. code_dealloc() calls
         * the free function of every slot there is, even an empty one, so
         * slots for other users are made only when they set theirs
         * (_PyCode_SetExtra), as in stock 3.11. */
        extra = PyMem_Calloc(1, sizeof(_PyCodeObjectExtra));
        if (extra == NULL) {
            return NULL;
        }
        extra->ce_size = _PY_CODE_EXTRA_OPTIMIZER + 1;
        code->co_extra = extra;
    }
    data = PyMem_Calloc(1, sizeof(_PyCodeOptimizerData));
    extra->ce_extras[_PY_CODE_EXTRA_OPTIMIZER] = data;
    return data;
}

/* The executor installed at `instr`, or NULL. Safe on any code unit: an
 * inline cache entry can look like ENTER_EXECUTOR, so the slot must hold an
 * executor installed at exactly this offset. */
static PyExecutorObject *
executor_at(PyCodeObject *code, const _Py_CODEUNIT *instr)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (_Py_OPCODE(*instr) != ENTER_EXECUTOR || data == NULL ||
        _Py_OPARG(*instr) >= data->capacity)
    {
        return NULL;
    }
    PyExecutorObject *executor = data->executors[_Py_OPARG(*instr)];
    if (executor == NULL || executor->vm_data.offset != instr - _PyCode_CODE(code)) {
        return NULL;
    }
    return executor;
}

_Py_CODEUNIT
_PyCode_ShadowedWord(PyCodeObject *code, const _Py_CODEUNIT *instr)
{
    PyExecutorObject *executor = executor_at(code, instr);
    if (executor == NULL) {
        return *instr;
    }
    return _Py_MAKECODEUNIT(executor->vm_data.opcode, executor->vm_data.oparg);
}

int
_PyCode_OpcodeToRun(PyCodeObject *code, const _Py_CODEUNIT *instr)
{
    return _Py_OPCODE(_PyCode_ShadowedWord(code, instr));
}

void
_PyExecutor_SetShadowedOpcode(_Py_CODEUNIT *instr, int opcode)
{
    /* The specializer only adapts instructions of the frame it runs. */
    _PyInterpreterFrame *frame = _PyThreadState_GET()->cframe->current_frame;
    PyCodeObject *code = frame->f_code;
    PyExecutorObject *executor = NULL;
    if (instr >= _PyCode_CODE(code) && instr < _PyCode_CODE(code) + Py_SIZE(code)) {
        executor = executor_at(code, instr);
    }
    if (executor == NULL) {
        Py_FatalError("plugopt: an instruction shadowed by an executor was "
                      "specialized outside its frame");
    }
    executor->vm_data.opcode = (uint8_t)opcode;
}

void
_PyCode_UnshadowCopy(PyCodeObject *code, _Py_CODEUNIT *copy)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (data == NULL) {
        return;
    }
    for (int i = 0; i < data->capacity; i++) {
        PyExecutorObject *executor = data->executors[i];
        if (executor != NULL) {
            copy[executor->vm_data.offset] = _Py_MAKECODEUNIT(
                executor->vm_data.opcode, executor->vm_data.oparg);
        }
    }
}

static int
check_offset(PyCodeObject *code, int offset)
{
    if (offset < 0 || offset >= Py_SIZE(code)) {
        PyErr_Format(PyExc_ValueError,
                     "offset %d is out of range for code object %U "
                     "(it has %zd code units)",
                     offset, code->co_qualname, Py_SIZE(code));
        return -1;
    }
    return 0;
}

/* Offset of the instruction that contains code unit `offset` (the start of
 * the instruction or of the instruction whose inline cache holds it). */
static int
instruction_start(PyCodeObject *code, int offset)
{
    _Py_CODEUNIT *instructions = _PyCode_CODE(code);
    int i = 0;
    for (;;) {
        _Py_CODEUNIT word = _PyCode_ShadowedWord(code, &instructions[i]);
        int next = i + 1 + _PyOpcode_Caches[_PyOpcode_Deopt[_Py_OPCODE(word)]];
        if (next > offset) {
            return i;
        }
        i = next;
    }
}

static int
check_boundary(PyCodeObject *code, int offset)
{
    if (check_offset(code, offset) < 0) {
        return -1;
    }
    int start = instruction_start(code, offset);
    if (start != offset) {
        PyErr_Format(PyExc_ValueError,
                     "offset %d of code object %U is not an instruction "
                     "boundary: it is in the inline cache of the instruction "
                     "at offset %d", offset, code->co_qualname, start);
        return -1;
    }
    return 0;
}

int
_Py_Code_GetInstruction(PyCodeObject *code, int offset, int deopt)
{
    if (check_offset(code, offset) < 0) {
        return -1;
    }
    _Py_CODEUNIT word = _PyCode_ShadowedWord(code, &_PyCode_CODE(code)[offset]);
    int opcode = _Py_OPCODE(word);
    if (deopt) {
        opcode = _PyOpcode_Deopt[opcode];
    }
    return opcode | (_Py_OPARG(word) << 8);
}

int
_Py_Opcode_CacheEntries(int opcode)
{
    if (opcode < 0 || opcode > 255) {
        return 0;
    }
    return _PyOpcode_Caches[_PyOpcode_Deopt[opcode]];
}

/* Instructions that read the instruction after them (superinstructions,
 * compare-and-branch, in-place add fused with the following STORE_FAST).
 * An executor must never stand behind one: it would be read as the wrong
 * oparg or skipped. Return the unfused form, or 0 if `opcode` is none. */
static int
unfused_form(int opcode)
{
    switch (opcode) {
        case LOAD_FAST__LOAD_FAST:
        case LOAD_FAST__LOAD_CONST:
        case STORE_FAST__LOAD_FAST:
        case STORE_FAST__STORE_FAST:
        case LOAD_CONST__LOAD_FAST:
        case COMPARE_OP_FLOAT_JUMP:
        case COMPARE_OP_INT_JUMP:
        case COMPARE_OP_STR_JUMP:
        case BINARY_OP_INPLACE_ADD_UNICODE:
            /* The adaptive form, where there is one, specializes again
             * (never into a fused form: it sees the executor next to it). */
            return _PyOpcode_Adaptive[_PyOpcode_Deopt[opcode]]
                   ? _PyOpcode_Adaptive[_PyOpcode_Deopt[opcode]]
                   : _PyOpcode_Deopt[opcode];
        default:
            return 0;
    }
}

/* Unfuse the instruction before `offset`, in the code or in the shadow of
 * the executor that stands on it. */
static void
unfuse_previous(PyCodeObject *code, int offset)
{
    if (offset == 0) {
        return;
    }
    _Py_CODEUNIT *previous = &_PyCode_CODE(code)[instruction_start(code, offset - 1)];
    PyExecutorObject *executor = executor_at(code, previous);
    if (executor != NULL) {
        int unfused = unfused_form(executor->vm_data.opcode);
        if (unfused) {
            executor->vm_data.opcode = (uint8_t)unfused;
        }
    }
    else {
        int unfused = unfused_form(_Py_OPCODE(*previous));
        if (unfused) {
            _Py_SET_OPCODE(*previous, unfused);
        }
    }
}

static void
link_executor(PyExecutorObject *executor)
{
    executor->vm_data.links[0] = NULL;
    executor->vm_data.links[1] = installed_executors;
    if (installed_executors != NULL) {
        installed_executors->vm_data.links[0] = executor;
    }
    installed_executors = executor;
    installed_count++;
}

static void
unlink_executor(PyExecutorObject *executor)
{
    PyExecutorObject *prev = executor->vm_data.links[0];
    PyExecutorObject *next = executor->vm_data.links[1];
    if (prev != NULL) {
        prev->vm_data.links[1] = next;
    }
    else {
        assert(installed_executors == executor);
        installed_executors = next;
    }
    if (next != NULL) {
        next->vm_data.links[0] = prev;
    }
    executor->vm_data.links[0] = executor->vm_data.links[1] = NULL;
    installed_count--;
}

/* Take the executor in slot `index` out of its code object, restoring the
 * shadowed instruction. Returns the reference the code object held; the
 * caller releases it once the VM state is consistent again (the executor's
 * deallocator may run arbitrary code). */
static PyExecutorObject *
detach_executor(PyCodeObject *code, int index)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    PyExecutorObject *executor = data->executors[index];
    assert(executor != NULL && executor->vm_data.code == code);
    _PyCode_CODE(code)[executor->vm_data.offset] = _Py_MAKECODEUNIT(
        executor->vm_data.opcode, executor->vm_data.oparg);
    data->executors[index] = NULL;
    data->n_executors--;
    unlink_executor(executor);
    executor->vm_data.valid = 0;
    executor->vm_data.code = NULL;
    return executor;
}

static void
release_executor(PyExecutorObject *executor)
{
    Py_CLEAR(executor->vm_data.optimizer);
    Py_DECREF(executor);
}

static int
free_slot(PyCodeObject *code, _PyCodeOptimizerData *data)
{
    for (int i = 0; i < data->capacity; i++) {
        if (data->executors[i] == NULL) {
            return i;
        }
    }
    if (data->capacity >= PY_EXECUTOR_MAX_PER_CODE) {
        PyErr_Format(PyExc_ValueError,
                     "code object %U already has %d executors, the most "
                     "one code object can hold", code->co_qualname,
                     PY_EXECUTOR_MAX_PER_CODE);
        return -1;
    }
    int capacity = data->capacity ? data->capacity * 2 : 4;
    PyExecutorObject **grown = PyMem_Realloc(data->executors,
                                             capacity * sizeof(PyExecutorObject *));
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (int i = data->capacity; i < capacity; i++) {
        grown[i] = NULL;
    }
    int index = data->capacity;
    data->executors = grown;
    data->capacity = capacity;
    return index;
}

/* Whether any thread of any interpreter has a trace or profile function.
 * Traced code never holds executors: setting such a function removes them
 * all (ceval.c), and none are installed until every thread has cleared
 * its function again. So tracing, which runs every instruction through
 * DO_TRACING, never has to look for ENTER_EXECUTOR. Process-wide, like the
 * executors. Installing is rare, so walking the threads costs nothing. */
int
_PyOptimizer_TracingAnywhere(void)
{
    _PyRuntimeState *runtime = &_PyRuntime;
    int found = 0;
    PyThread_acquire_lock(runtime->interpreters.mutex, WAIT_LOCK);
    for (PyInterpreterState *interp = runtime->interpreters.head;
         interp != NULL && !found; interp = interp->next)
    {
        for (PyThreadState *ts = interp->threads.head; ts != NULL; ts = ts->next) {
            if (ts->c_tracefunc != NULL || ts->c_profilefunc != NULL) {
                found = 1;
                break;
            }
        }
    }
    PyThread_release_lock(runtime->interpreters.mutex);
    return found;
}

static void union_add_installed(PyExecutorObject *executor);

static void
install_at(PyCodeObject *code, _PyCodeOptimizerData *data, int offset,
           int index, PyExecutorObject *executor, _Py_CODEUNIT shadowed)
{
    executor->vm_data.opcode = (uint8_t)_Py_OPCODE(shadowed);
    executor->vm_data.oparg = (uint8_t)_Py_OPARG(shadowed);
    executor->vm_data.valid = 1;
    executor->vm_data.index = (uint8_t)index;
    executor->vm_data.offset = offset;
    executor->vm_data.code = code;
    data->executors[index] = (PyExecutorObject *)Py_NewRef(executor);
    data->n_executors++;
    link_executor(executor);
    union_add_installed(executor);
    _PyCode_CODE(code)[offset] = _Py_MAKECODEUNIT(ENTER_EXECUTOR, index);
    _PyOptimizer_GET()->stats.installed++;
}

int
_Py_Executor_Replace(PyCodeObject *code, int offset, PyExecutorObject *executor)
{
    if (!PyCode_Check(code)) {
        PyErr_Format(PyExc_TypeError, "expected a code object, got %.100s",
                     Py_TYPE(code)->tp_name);
        return -1;
    }
    if (executor != NULL) {
        if (_PyOptimizer_TracingAnywhere()) {
            PyErr_SetString(PyExc_RuntimeError,
                            "cannot install an executor while a trace or "
                            "profile function is set");
            return -1;
        }
        if (executor->execute == NULL) {
            PyErr_Format(PyExc_TypeError, "%.100s executor has no execute function",
                         Py_TYPE(executor)->tp_name);
            return -1;
        }
        if (executor->vm_data.code != NULL) {
            PyErr_Format(PyExc_ValueError,
                         "executor is already installed at offset %d of %U",
                         executor->vm_data.offset, executor->vm_data.code->co_qualname);
            return -1;
        }
    }
    if (check_boundary(code, offset) < 0) {
        return -1;
    }
    _Py_CODEUNIT *instr = &_PyCode_CODE(code)[offset];
    if (executor == NULL) {
        if (_Py_OPCODE(*instr) == ENTER_EXECUTOR) {
            release_executor(detach_executor(code, _Py_OPARG(*instr)));
        }
        return 0;
    }
    _PyCodeOptimizerData *data = code_data(code, 1);
    if (data == NULL) {
        return -1;
    }
    /* Specialize first: quickening rewrites every instruction and must never
     * meet an ENTER_EXECUTOR. */
    if (code->co_warmup != 0) {
        code->co_warmup = 0;
        _PyCode_Quicken(code);
    }
    if (_Py_OPCODE(*instr) == ENTER_EXECUTOR) {
        int index = _Py_OPARG(*instr);
        PyExecutorObject *old = data->executors[index];
        _Py_CODEUNIT shadowed = _Py_MAKECODEUNIT(old->vm_data.opcode, old->vm_data.oparg);
        detach_executor(code, index);
        install_at(code, data, offset, index, executor, shadowed);
        release_executor(old);
        return 0;
    }
    int index = free_slot(code, data);
    if (index < 0) {
        return -1;
    }
    unfuse_previous(code, offset);
    install_at(code, data, offset, index, executor, *instr);
    return 0;
}

PyExecutorObject *
_Py_Executor_Get(PyCodeObject *code, int offset)
{
    if (check_offset(code, offset) < 0) {
        return NULL;
    }
    PyExecutorObject *executor = executor_at(code, &_PyCode_CODE(code)[offset]);
    return executor ? (PyExecutorObject *)Py_NewRef(executor) : NULL;
}

void
_Py_Executors_ClearCode(PyCodeObject *code)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (data == NULL) {
        return;
    }
    for (int i = 0; i < data->capacity; i++) {
        if (data->executors[i] != NULL) {
            PyExecutorObject *executor = detach_executor(code, i);
            _PyOptimizer_GET()->stats.invalidated++;
            release_executor(executor);
        }
    }
}

void
_PyCode_ClearOptimizerData(PyCodeObject *code)
{
    _PyCodeOptimizerData *data = _PyCode_OptimizerData(code);
    if (data == NULL) {
        return;
    }
    _Py_Executors_ClearCode(code);
    _PyCode_UnlistCold(data);
    PyMem_Free(data->executors);
    PyMem_Free(data->counters);
    PyMem_Free(data->stop_table);
    PyMem_Free(data);
    _PyCodeObjectExtra *extra = (_PyCodeObjectExtra *)code->co_extra;
    extra->ce_extras[_PY_CODE_EXTRA_OPTIMIZER] = NULL;
}

/* ------------------------------------------------------------------------ */
/* Invalidation                                                              */

/* The union of the Bloom filters of the installed executors: a change to
 * an object whose bits are not all in it concerns no executor, and costs
 * the VM a test (_PyOptimizer_NotifyChange). A superset: the bits of
 * removed executors linger until the next walk over the executors
 * recomputes it. An executor's dependencies join it when it is installed
 * (or when it declares one while installed). */
uint64_t _PyExecutor_DependencyUnion[4];
int _PyExecutor_AnyDependency = 0;

static void
add_to_union(const uint64_t bits[4])
{
    for (int i = 0; i < 4; i++) {
        _PyExecutor_DependencyUnion[i] |= bits[i];
        if (bits[i] != 0) {
            _PyExecutor_AnyDependency = 1;
        }
    }
}

static void
union_add_installed(PyExecutorObject *executor)
{
    add_to_union(executor->vm_data.bloom);
}

void
_Py_Executor_DependsOn(PyExecutorObject *executor, void *obj)
{
    uint64_t bits[4];
    _PyExecutor_BloomBits(obj, bits);
    for (int i = 0; i < 4; i++) {
        executor->vm_data.bloom[i] |= bits[i];
    }
    if (executor->vm_data.code != NULL) {
        add_to_union(bits);
    }
    if (PyDict_Check((PyObject *)obj)) {
        /* Changes to a dict call the VM only while this bit is set
         * (pycore_dict.h); it is cleared at the first change after no
         * executor may depend on the dict any more. */
        ((PyDictObject *)obj)->ma_version_tag |= _PY_DICT_VERSION_WATCHED;
    }
}

/* Detached executors whose release waits for a safe point, chained through
 * links[1]: the VM detaches dependents in the middle of changing a dict or
 * a type, where an executor's deallocator (which may run arbitrary code)
 * must not run. A pending call releases them, as soon as the eval loop
 * next checks for pending work. */
static PyExecutorObject *release_later = NULL;
static int release_scheduled = 0;

void
_PyOptimizer_ReleaseDetached(void)
{
    while (release_later != NULL) {
        PyExecutorObject *executor = release_later;
        release_later = executor->vm_data.links[1];
        executor->vm_data.links[1] = NULL;
        release_executor(executor);
    }
}

static int
release_detached_call(void *Py_UNUSED(arg))
{
    release_scheduled = 0;
    _PyOptimizer_ReleaseDetached();
    return 0;
}

/* Detach every installed executor for which `match` holds, and recompute
 * the dependency union from the others. Then release them all at once
 * (releasing may run code that installs or removes executors), or, if
 * `defer`, from a pending call. */
static void
invalidate_matching(int (*match)(PyExecutorObject *, void *), void *arg, int defer)
{
    PyExecutorObject *detached = NULL;   /* chained through links[1] */
    PyExecutorObject *executor = installed_executors;
    Py_ssize_t count = 0;
    uint64_t survivors[4] = {0, 0, 0, 0};
    while (executor != NULL) {
        PyExecutorObject *next = executor->vm_data.links[1];
        if (match(executor, arg)) {
            detach_executor(executor->vm_data.code, executor->vm_data.index);
            executor->vm_data.links[1] = detached;
            detached = executor;
            count++;
        }
        else {
            for (int i = 0; i < 4; i++) {
                survivors[i] |= executor->vm_data.bloom[i];
            }
        }
        executor = next;
    }
    memcpy(_PyExecutor_DependencyUnion, survivors, sizeof(survivors));
    _PyExecutor_AnyDependency = (survivors[0] | survivors[1] | survivors[2] | survivors[3]) != 0;
    _PyOptimizer_GET()->stats.invalidated += count;
    while (detached != NULL) {
        PyExecutorObject *next = detached->vm_data.links[1];
        if (defer) {
            detached->vm_data.links[1] = release_later;
            release_later = detached;
        }
        else {
            detached->vm_data.links[1] = NULL;
            release_executor(detached);
        }
        detached = next;
    }
    if (defer && release_later != NULL && !release_scheduled &&
        Py_AddPendingCall(release_detached_call, NULL) == 0)
    {
        /* If the queue is full, the next change schedules it (or the
         * interpreter's finalization releases them). */
        release_scheduled = 1;
    }
}

static int
match_bloom(PyExecutorObject *executor, void *bits)
{
    uint64_t *want = bits;
    for (int i = 0; i < 4; i++) {
        if ((executor->vm_data.bloom[i] & want[i]) != want[i]) {
            return 0;
        }
    }
    return 1;
}

static int
match_all(PyExecutorObject *Py_UNUSED(executor), void *Py_UNUSED(arg))
{
    return 1;
}

static int
match_optimizer(PyExecutorObject *executor, void *optimizer)
{
    return (void *)executor->vm_data.optimizer == optimizer;
}

void
_Py_Executors_InvalidateDependency(PyInterpreterState *Py_UNUSED(interp), void *obj)
{
    uint64_t bits[4];
    _PyExecutor_BloomBits(obj, bits);
    invalidate_matching(match_bloom, bits, 0);
}

void
_Py_Executors_InvalidateOptimizer(PyOptimizerObject *optimizer)
{
    invalidate_matching(match_optimizer, optimizer, 0);
}

void
_Py_Executors_InvalidateAll(PyInterpreterState *Py_UNUSED(interp))
{
    if (installed_executors != NULL) {
        invalidate_matching(match_all, NULL, 0);
    }
}

/* ------------------------------------------------------------------------ */
/* The VM's objects changing (Objects/: dicts, types, functions, code)      */

/* Detach the executors that may depend on `obj` (released by a pending
 * call); whether some executor may still depend on it afterwards. */
static int
detach_dependents(void *obj)
{
    uint64_t bits[4];
    _PyExecutor_BloomBits(obj, bits);
    if (!_PyExecutor_MayDependOn(bits)) {
        return 0;
    }
    invalidate_matching(match_bloom, bits, 1);
    return _PyExecutor_MayDependOn(bits);
}

void
_PyOptimizer_ObjectChanged(void *obj)
{
    (void)detach_dependents(obj);
}

int
_PyOptimizer_DictChanged(PyDictObject *dict)
{
    return detach_dependents(dict);
}
