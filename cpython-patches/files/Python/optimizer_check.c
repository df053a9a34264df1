/* plugopt: the invariant checker (-X optimizer_check, PYTHONOPTIMIZERCHECK=1).
 *
 * With the checker on, the VM verifies every executor return against the
 * N-instruction contract:
 *   - the returned frame is the entry frame, a frame the executor called
 *     (the entry frame is on its `previous` chain), or one it returned to
 *     (on the entry frame's chain, without leaving this C-level eval loop);
 *   - the frame's next instruction is a place the plain interpreter can
 *     stop at: an instruction boundary of its code, not inside inline
 *     caches, not between EXTENDED_ARG and its instruction, not past the
 *     end, and reachable;
 *   - its stack depth is the depth a flow analysis of the code gives there;
 *   - an exception is set if and only if the executor returned NULL.
 * A violation is a fatal error naming the optimizer, the executor, the code
 * object and the offsets. The flow analysis runs once per code object and
 * is cached with its executors.
 */

#include "Python.h"
#include "pycore_code.h"          // _PyCode_GetCode()
#include "pycore_frame.h"         // _PyInterpreterFrame
#include "pycore_initconfig.h"    // _Py_GetEnv(), _Py_get_xoption()
#include "pycore_opcode.h"        // _PyOpcode_Caches
#include "pycore_optimizer.h"
#include "pycore_pyerrors.h"      // _PyErr_Occurred()

/* Values of the per-code-unit table, besides depths >= 0. */
#define UNREACHABLE -1            /* an instruction no path reaches */
#define INSIDE_CACHE -2           /* an inline cache entry */
#define AFTER_EXTENDED_ARG -3     /* the instruction an EXTENDED_ARG extends */
#define NOT_ANALYSED -4           /* the analysis gave up on this code */

static int
is_backward_jump(int opcode)
{
    switch (opcode) {
        case JUMP_BACKWARD:
        case JUMP_BACKWARD_NO_INTERRUPT:
        case POP_JUMP_BACKWARD_IF_FALSE:
        case POP_JUMP_BACKWARD_IF_TRUE:
        case POP_JUMP_BACKWARD_IF_NONE:
        case POP_JUMP_BACKWARD_IF_NOT_NONE:
            return 1;
        default:
            return 0;
    }
}

static int
is_forward_jump(int opcode)
{
    switch (opcode) {
        case FOR_ITER:
        case JUMP_FORWARD:
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP:
        case POP_JUMP_FORWARD_IF_FALSE:
        case POP_JUMP_FORWARD_IF_TRUE:
        case POP_JUMP_FORWARD_IF_NONE:
        case POP_JUMP_FORWARD_IF_NOT_NONE:
        case SEND:
            return 1;
        default:
            return 0;
    }
}

/* Instructions after which execution never continues with the next one. */
static int
ends_block(int opcode)
{
    switch (opcode) {
        case RETURN_VALUE:
        case RAISE_VARARGS:
        case RERAISE:
        case JUMP_FORWARD:
        case JUMP_BACKWARD:
        case JUMP_BACKWARD_NO_INTERRUPT:
            return 1;
        default:
            return 0;
    }
}

/* One varint of the 3.11 exception table (6 bits per byte, bit 6 = more). */
static const unsigned char *
read_varint(const unsigned char *p, const unsigned char *end, int *value)
{
    int result = 0;
    unsigned char byte;
    do {
        if (p >= end) {
            *value = -1;
            return end;
        }
        byte = *p++;
        result = (result << 6) | (byte & 63);
    } while (byte & 64);
    *value = result;
    return p;
}

/* The depth change the interpreter makes, which is the compiler's stack
 * effect except where the compiler books it differently: it charges the
 * arguments of a call to PRECALL, which leaves the stack alone at run time,
 * and counts RETURN_GENERATOR as 0 (it adds it after computing depths),
 * while the first send() pushes a value that the POP_TOP after it pops. */
static int
stack_effect(int opcode, int oparg, int jump)
{
    switch (opcode) {
        case PRECALL:
            return 0;
        case CALL:
            return -(oparg + 1);   /* callable or NULL, self or callable, args */
        case RETURN_GENERATOR:
            return 1;
        default:
            return PyCompile_OpcodeStackEffectWithJump(opcode, oparg, jump);
    }
}

typedef struct {
    int *offsets;
    int *depths;
    int size;
} Worklist;

static void
push(Worklist *work, int offset, int depth)
{
    work->offsets[work->size] = offset;
    work->depths[work->size] = depth;
    work->size++;
}

/* Follow every path from the entry and the exception handlers; fill
 * `depth` (code units, -1 = not reached yet). 0, or -1 if the code does
 * something the analysis does not understand (it is then not checked). */
static int
flow(PyCodeObject *code, const _Py_CODEUNIT *instructions, int n, int *depth)
{
    /* Each code unit is pushed at most once per incoming edge kind; a
     * generous bound: every unit, as a target and as a handler. */
    int capacity = 2 * n + 2;
    Worklist work = {PyMem_Malloc(capacity * sizeof(int)),
                     PyMem_Malloc(capacity * sizeof(int)), 0};
    int status = 0;
    if (work.offsets == NULL || work.depths == NULL) {
        status = -1;
        goto done;
    }
    push(&work, 0, 0);
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(code->co_exceptiontable);
    const unsigned char *end = table + PyBytes_GET_SIZE(code->co_exceptiontable);
    while (table < end) {
        int start, length, target, depth_lasti;
        table = read_varint(table, end, &start);
        table = read_varint(table, end, &length);
        table = read_varint(table, end, &target);
        table = read_varint(table, end, &depth_lasti);
        if (depth_lasti < 0 || target < 0 || target >= n || work.size >= capacity) {
            status = -1;
            goto done;
        }
        /* The VM pops to `depth`, pushes lasti if asked, then the exception. */
        push(&work, target, (depth_lasti >> 1) + (depth_lasti & 1) + 1);
    }
    while (work.size > 0) {
        work.size--;
        int i = work.offsets[work.size], d = work.depths[work.size];
        int extended = 0;
        while (i < n) {
            if (depth[i] >= 0) {
                if (depth[i] != d) {
                    status = -1;   /* inconsistent: give up on this code */
                    goto done;
                }
                break;
            }
            depth[i] = d;
            int opcode = _Py_OPCODE(instructions[i]);
            int oparg = _Py_OPARG(instructions[i]) | extended;
            if (opcode == EXTENDED_ARG) {
                extended = oparg << 8;
                i++;
                continue;
            }
            extended = 0;
            int next = i + 1 + _PyOpcode_Caches[opcode];
            if (is_forward_jump(opcode) || is_backward_jump(opcode)) {
                int target = is_forward_jump(opcode) ? next + oparg : next - oparg;
                int effect = stack_effect(opcode, oparg, 1);
                if (target < 0 || target >= n || effect == PY_INVALID_STACK_EFFECT ||
                    d + effect < 0 || work.size >= capacity)
                {
                    status = -1;
                    goto done;
                }
                if (depth[target] < 0) {
                    push(&work, target, d + effect);
                }
                else if (depth[target] != d + effect) {
                    status = -1;
                    goto done;
                }
            }
            if (ends_block(opcode)) {
                break;
            }
            int effect = stack_effect(opcode, oparg, 0);
            if (effect == PY_INVALID_STACK_EFFECT || d + effect < 0) {
                status = -1;
                goto done;
            }
            d += effect;
            i = next;
        }
    }
done:
    PyMem_Free(work.offsets);
    PyMem_Free(work.depths);
    return status;
}

/* The table for `code`: for each code unit, the stack depth the plain
 * interpreter has when it is about to execute it, or one of the negative
 * markers above. NULL only when out of memory. */
static int16_t *
stop_table(PyCodeObject *code)
{
    int n = (int)Py_SIZE(code);
    PyObject *bytes = _PyCode_GetCode(code);   /* unquickened, no executors */
    if (bytes == NULL) {
        PyErr_Clear();
        return NULL;
    }
    const _Py_CODEUNIT *instructions = (const _Py_CODEUNIT *)PyBytes_AS_STRING(bytes);
    int16_t *table = PyMem_Malloc(n * sizeof(int16_t));
    int *depth = PyMem_Malloc(n * sizeof(int));
    if (table == NULL || depth == NULL) {
        PyMem_Free(table);
        PyMem_Free(depth);
        Py_DECREF(bytes);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        depth[i] = -1;
    }
    int analysed = flow(code, instructions, n, depth) == 0;
    int previous = -1;
    for (int i = 0; i < n;) {
        int opcode = _Py_OPCODE(instructions[i]);
        if (!analysed) {
            table[i] = NOT_ANALYSED;
        }
        else if (previous == EXTENDED_ARG) {
            table[i] = AFTER_EXTENDED_ARG;
        }
        else {
            table[i] = depth[i] >= 0 ? (int16_t)Py_MIN(depth[i], INT16_MAX) : UNREACHABLE;
        }
        for (int c = 1; c <= _PyOpcode_Caches[opcode] && i + c < n; c++) {
            table[i + c] = INSIDE_CACHE;
        }
        previous = opcode;
        i += 1 + _PyOpcode_Caches[opcode];
    }
    PyMem_Free(depth);
    Py_DECREF(bytes);
    return table;
}

static const char *
optimizer_name(PyExecutorObject *executor)
{
    PyOptimizerObject *optimizer = executor->vm_data.optimizer;
    return optimizer ? Py_TYPE(optimizer)->tp_name : "(none: installed directly)";
}

/* Fatal error with everything a reader needs to find the culprit. */
static void _Py_NO_RETURN
violation(PyExecutorObject *executor, PyCodeObject *code, int entry_offset,
          const char *what)
{
    _Py_FatalErrorFormat(
        "plugopt executor check",
        "%s\n  optimizer %s, executor %s, installed at offset %d (code units) of "
        "%s (%s:%d)", what, optimizer_name(executor), Py_TYPE(executor)->tp_name,
        entry_offset, PyUnicode_AsUTF8(code->co_qualname),
        PyUnicode_AsUTF8(code->co_filename), PyCode_Addr2Line(code, entry_offset * 2));
}

static int
frame_is_acceptable(_PyInterpreterFrame *entry, _PyInterpreterFrame *result)
{
    if (result == entry) {
        return 1;
    }
    /* Returned to a caller, within this C-level eval loop. */
    for (_PyInterpreterFrame *f = entry; f != NULL && !f->is_entry;) {
        f = f->previous;
        if (f == result) {
            return 1;
        }
    }
    /* Pushed callees: the entry frame is on the result's chain. */
    int steps = 0;
    for (_PyInterpreterFrame *f = result->previous; f != NULL && steps < 10000;
         f = f->previous, steps++)
    {
        if (f == entry) {
            return 1;
        }
    }
    return 0;
}

/* Check the position and stack depth of `frame`; NULL if fine, else what is
 * wrong. `own_offset` is the executor's offset when `frame` is its entry
 * frame (else -1): stopping there (N = 0) is fine even right after an
 * EXTENDED_ARG, since the VM kept the extended oparg for the shadowed
 * instruction. */
static const char *
check_position(_PyInterpreterFrame *frame, int own_offset, int check_depth,
               char *buffer, size_t size)
{
    PyCodeObject *code = frame->f_code;
    int n = (int)Py_SIZE(code);
    int offset = (int)(frame->prev_instr + 1 - _PyCode_CODE(code));
    int depth = (int)(_PyFrame_GetStackPointer(frame) - _PyFrame_Stackbase(frame));
    if (offset < 0 || offset >= n) {
        PyOS_snprintf(buffer, size, "next instruction %d of %s is out of range "
                      "(the code has %d code units)", offset,
                      PyUnicode_AsUTF8(code->co_qualname), n);
        return buffer;
    }
    /* Created here for a frame the executor called, in code that has no
     * executors. */
    _PyCodeOptimizerData *data = _PyCode_AttachOptimizerData(code);
    if (data == NULL) {
        return NULL;   /* out of memory: cannot check, do not fail */
    }
    if (data->stop_table == NULL) {
        data->stop_table = stop_table(code);
    }
    int16_t *table = data->stop_table;
    if (table == NULL) {
        return NULL;   /* out of memory: cannot check, do not fail */
    }
    int expected = table[offset];
    if (expected == AFTER_EXTENDED_ARG && offset == own_offset) {
        /* EXTENDED_ARG leaves the stack alone: the depth of the first one. */
        int first = offset;
        while (first > 0 && table[first] == AFTER_EXTENDED_ARG) {
            first--;
        }
        expected = table[first];
    }
    const char *problem = NULL;
    switch (expected) {
        case INSIDE_CACHE:
            problem = "is inside an instruction's inline cache";
            break;
        case AFTER_EXTENDED_ARG:
            problem = "is between EXTENDED_ARG and the instruction it extends";
            break;
        case UNREACHABLE:
            problem = "is unreachable code";
            break;
        case NOT_ANALYSED:
            return NULL;
        default:
            if (check_depth && depth != expected) {
                PyOS_snprintf(buffer, size, "stack depth %d at offset %d of %s; the "
                              "interpreter has depth %d there", depth, offset,
                              PyUnicode_AsUTF8(code->co_qualname), expected);
                return buffer;
            }
            return NULL;
    }
    PyOS_snprintf(buffer, size, "next instruction %d of %s %s", offset,
                  PyUnicode_AsUTF8(code->co_qualname), problem);
    return buffer;
}

static void
check_return(PyThreadState *tstate, PyExecutorObject *executor,
             _PyInterpreterFrame *entry, _PyInterpreterFrame *result)
{
    PyCodeObject *code = entry->f_code;
    int entry_offset = executor->vm_data.offset;
    int raised = _PyErr_Occurred(tstate) != NULL;
    char buffer[400];
    if (result == NULL && !raised) {
        violation(executor, code, entry_offset,
                  "returned NULL without setting an exception");
    }
    if (result != NULL && raised) {
        violation(executor, code, entry_offset,
                  "returned a frame with an exception set");
    }
    if (result != NULL && !frame_is_acceptable(entry, result)) {
        violation(executor, code, entry_offset,
                  "returned a frame that is neither its entry frame, a frame it "
                  "called, nor a caller it returned to");
    }
    /* On NULL the entry frame must stand at the instruction that raised;
     * the error handler fixes the stack, so only the position matters. */
    _PyInterpreterFrame *frame = result ? result : entry;
    int own_offset = frame == entry ? entry_offset : -1;
    const char *problem = check_position(frame, own_offset, result != NULL,
                                         buffer, sizeof(buffer));
    if (problem != NULL) {
        violation(executor, code, entry_offset, problem);
    }
}

/* -X optimizer_check, or PYTHONOPTIMIZERCHECK set to anything but "" or "0"
 * (ignored under -E and -I, as CPython's own variables are). */
void
_PyOptimizer_InitChecker(PyThreadState *tstate)
{
    const PyConfig *config = _PyInterpreterState_GetConfig(tstate->interp);
    int requested = _Py_get_xoption(&config->xoptions, L"optimizer_check") != NULL;
    if (!requested) {
        const char *env = _Py_GetEnv(config->use_environment, "PYTHONOPTIMIZERCHECK");
        requested = env != NULL && strcmp(env, "0") != 0;
    }
    _PyOptimizer_GetState(tstate->interp)->check_return = requested ? check_return : NULL;
}
