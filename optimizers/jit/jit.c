/* jit: a loop compiler built on the optimizer API (prototype).
 *
 * At a hot back edge, plugopt._jit_codegen translates the loop into C with
 * unboxed floats and exact exits; plugopt._jit_cache compiles it with the
 * system C compiler into a private, hash-verified cache; this module loads
 * the result and installs it as the executor of the JUMP_BACKWARD. Loops the
 * translator does not handle are declined. docs/performance-optimizer.md
 * has the design.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <opcode.h>
#include <dlfcn.h>

/* The generated function: runs the loop from its head; adds the iterations
 * it completed to *iterations. `refs` are the objects its guards compare
 * with (names, code objects), which the executor keeps alive; `depends`
 * those it depends on (a globals dict, inlined functions), held without a
 * reference: the VM removes the executor when one changes or is freed, and
 * the loop checks `valid` before it relies on them. `versions` are the type
 * and keys versions its guards compare with, which differ from process to
 * process: passed here, they leave the source (the cache's key) the same.
 * It adds 1 to *untaken when it exits where a path starts that the loop had
 * not taken when it was translated. */
typedef struct _PyInterpreterFrame *(*loop_function)(struct _PyInterpreterFrame *frame,
                                                      PyObject **stack_pointer,
                                                      Py_ssize_t *iterations,
                                                      PyObject *const *refs,
                                                      PyObject *const *depends,
                                                      const uint32_t *versions,
                                                      const uint8_t *valid,
                                                      Py_ssize_t *untaken);

typedef struct {
    PyExecutorObject base;
    loop_function loop;      /* NULL while `build` runs */
    PyObject *build;         /* the plugopt._jit_cache.Build of its code, until it is
                                loaded; else NULL */
    Py_ssize_t waited;       /* entries while the build ran */
    PyObject *refs;          /* tuple */
    PyObject **depends;      /* borrowed, PyMem_Malloc'ed; NULL if none */
    uint32_t *versions;      /* PyMem_Malloc'ed; NULL if none */
    Py_ssize_t entries;
    Py_ssize_t iterations;   /* completed inside the compiled loop */
    Py_ssize_t untaken;      /* exits onto paths untaken when it was translated */
    int disabled;            /* exits too early to pay: N = 0 from now on */
    int function;            /* a part of a function unit, not a loop */
    Py_ssize_t work;         /* a loop's instructions an iteration runs compiled,
                                net of its Python calls (the translator's figure) */
} JitExecutor;

/* After this many entries, a loop's executor that has not run JIT_ENTRY_PAYS
 * instructions of the loop per entry (iterations times the loop's work) steps
 * aside and lets the interpreter run the loop: its guards keep failing (the
 * types changed since it was compiled), or the loop runs too little per entry
 * for what the compiled code saves to pay for entering and leaving it (go's
 * `for neighbour in square.neighbours` of 12 instructions, 3.4 iterations per
 * entry, cost more compiled; chaos's `Spline.__call__` loop of 61, 2 per
 * entry, saves: callgrind, docs/measurements/jit-log.md, stop 36). A part of
 * a function unit completes at most once per entry (a return, a call, a
 * loop: where it was meant to stop); it steps aside when fewer than half of
 * its entries get there. */
#define JIT_PROBATION 64
#define JIT_ENTRY_PAYS 64

/* A loop compiled before some of its paths were taken exits to the
 * interpreter where each such path starts (the translator needs the
 * specializer's findings, which an instruction gets by running). When it has
 * exited so this many times, the path is one the loop takes: the executor is
 * removed, and the VM asks for the loop again (after its backoff, while the
 * interpreter runs the path and specializes it), at most
 * _jit_codegen.RETRANSLATIONS times per loop. A loop around an inner loop
 * meets this often: fannkuch's `while 1:` gets hot before its first
 * permutation that needs flipping. */
#define JIT_UNTAKEN_RETRANSLATE 64

/* A loop whose code is being compiled in the background asks its Build every
 * this many entries (the interpreter runs an iteration per entry meanwhile):
 * a poll costs a few microseconds (a failed open), 256 iterations of even the
 * smallest loop more. */
#define JIT_POLL_EVERY 256

typedef struct {
    PyOptimizerObject base;
    Py_ssize_t compiled;     /* loops compiled (or found in the cache) */
    Py_ssize_t functions;    /* executors of function units (entries, continuations) */
    Py_ssize_t declined;     /* loops the translator or the compiler declined */
    Py_ssize_t iterations;   /* completed in compiled code, all executors */
    Py_ssize_t disabled;     /* executors that stepped aside */
    Py_ssize_t waiting;      /* executors whose code is being compiled in the background */
} JitOptimizer;

static PyTypeObject JitExecutor_Type;
static PyTypeObject JitOptimizer_Type;
static JitOptimizer *the_optimizer;
/* The Python halves, imported at the first loop worth translating, not at
 * start-up: they pull in dis and sysconfig, memory that a program
 * with no loop to compile should not pay. */
static PyObject *codegen_module;   /* plugopt._jit_codegen */
static PyObject *cache_module;     /* plugopt._jit_cache */
static int helpers_missing;        /* their import failed: decline quietly */
/* Executors polling their Build: the poll runs Python code, whose loops the
 * VM may find hot; a compile asked for then is declined for now (the cache's
 * bookkeeping is in the middle of a poll). A count: a poll may let another
 * thread run, which may poll too. */
static int polling;

/* A compile asked for deep in a recursion (function units are asked for at
 * every hot entry) or short of memory fails for reasons of the moment: the
 * error is cleared and the unit declined this time, not for good. */
static int
out_of_stack_or_memory(void)
{
    if (PyErr_ExceptionMatches(PyExc_RecursionError) ||
        PyErr_ExceptionMatches(PyExc_MemoryError)) {
        PyErr_Clear();
        return 1;
    }
    return 0;
}

/* Whether some module is still being imported (its spec says
 * `_initializing`, as importlib marks it). A compile is asked for wherever a
 * function becomes hot, also in the middle of an import: importing the
 * translator then may meet a module it needs (re, say) half-initialized, which
 * says nothing about the translator. Called only after an import failed. */
static int
import_in_progress(void)
{
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    /* A copy: looking attributes up runs code that may import. */
    PyObject *modules = PyDict_Values(PyImport_GetModuleDict());
    int found = 0;
    for (Py_ssize_t i = 0; modules != NULL && i < PyList_GET_SIZE(modules) && !found; i++) {
        PyObject *spec = PyObject_GetAttrString(PyList_GET_ITEM(modules, i), "__spec__");
        PyObject *initializing = spec ? PyObject_GetAttrString(spec, "_initializing") : NULL;
        found = initializing != NULL && PyObject_IsTrue(initializing) == 1;
        Py_XDECREF(initializing);
        Py_XDECREF(spec);
        PyErr_Clear();
    }
    Py_XDECREF(modules);
    PyErr_Clear();
    PyErr_Restore(exc_type, exc_value, exc_tb);
    return found;
}

/* Import the Python halves once. On failure, raise one ImportError that
 * names them (the VM reports it as the compile's unraisable error), then
 * decline every later loop without a word: one report, not one per loop. */
static int
import_helpers(void)
{
    if (codegen_module != NULL && cache_module != NULL) {
        return 0;
    }
    if (helpers_missing) {
        return -1;
    }
    if (codegen_module == NULL) {
        codegen_module = PyImport_ImportModule("plugopt._jit_codegen");
    }
    if (codegen_module != NULL && cache_module == NULL) {
        cache_module = PyImport_ImportModule("plugopt._jit_cache");
    }
    /* Asked for while the program itself imports them, the import returns
     * the half-made modules: not usable yet. */
    if (codegen_module != NULL && cache_module != NULL &&
        (!PyObject_HasAttrString(codegen_module, "translate") ||
         !PyObject_HasAttrString(cache_module, "start_build"))) {
        Py_CLEAR(codegen_module);
        Py_CLEAR(cache_module);
        PyErr_SetString(PyExc_ImportError, "plugopt.jit: its translator is half-imported");
    }
    if (codegen_module == NULL || cache_module == NULL) {
        if (out_of_stack_or_memory() || import_in_progress()) {
            /* Not missing: asked again later, from a shallower frame or once
             * the import that was running has finished. */
            PyErr_Clear();
            Py_CLEAR(codegen_module);
            Py_CLEAR(cache_module);
            return -1;
        }
        helpers_missing = 1;
        _PyErr_FormatFromCause(PyExc_ImportError,
                               "plugopt.jit: cannot import its translator "
                               "(plugopt._jit_codegen, plugopt._jit_cache); "
                               "jit compiles nothing in this process");
        return -1;
    }
    return 0;
}

/* The executor's guards keep failing: remove it (the VM runs the loop head
 * it stood on, then the interpreter runs the loop) and tell the translator
 * never to translate this loop again, or the VM would ask for it and get
 * the same code back. Called once, with the frame at the executor's offset. */
static void
step_aside(JitExecutor *executor, struct _PyInterpreterFrame *frame)
{
    executor->disabled = 1;
    the_optimizer->disabled++;
    PyCodeObject *code = PyExecutor_Frame_GetCode(frame);
    int offset = PyExecutor_Frame_GetNextInstr(frame);
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    PyOptimizer_HoldSignals();   /* our bookkeeping, not the program's code */
    PyObject *done = PyObject_CallMethod(codegen_module, "decline", "Oi", code, offset);
    PyOptimizer_ReleaseSignals();
    Py_XDECREF(done);
    /* The VM holds a reference while we run: removing is safe, and returning
     * the frame unchanged is N = 0, the instruction that was shadowed. */
    if (done == NULL || _Py_Executor_Replace(code, offset, NULL) < 0) {
        PyErr_WriteUnraisable((PyObject *)executor);   /* stays, disabled: N = 0 */
    }
    PyErr_Restore(exc_type, exc_value, exc_tb);
}

/* Remove the executor so that the VM asks for its loop again, if the
 * translator agrees (_jit_codegen.retranslate_later: not too many times). The
 * VM holds a reference while it runs, so removing it here is safe. */
static void
retranslate_later(JitExecutor *executor)
{
    PyCodeObject *code = executor->base.vm_data.code;
    if (!executor->base.vm_data.valid || code == NULL) {
        return;   /* removed while it ran */
    }
    int offset = executor->base.vm_data.offset;
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    PyOptimizer_HoldSignals();
    PyObject *agreed = PyObject_CallMethod(codegen_module, "retranslate_later", "Oi",
                                           code, offset);
    PyOptimizer_ReleaseSignals();
    if (agreed == NULL ||
        (agreed == Py_True && _Py_Executor_Replace(code, offset, NULL) < 0)) {
        PyErr_WriteUnraisable((PyObject *)executor);
    }
    Py_XDECREF(agreed);
    PyErr_Restore(exc_type, exc_value, exc_tb);
}

static loop_function load_loop(const char *path);

/* The executor's build is done: its code is loaded, or it failed. */
static void
build_done(JitExecutor *executor, loop_function loop)
{
    executor->loop = loop;
    Py_CLEAR(executor->build);
    the_optimizer->waiting--;
    if (loop != NULL) {
        the_optimizer->compiled++;
    }
}

/* A loop whose code the C compiler is making in the background: N = 0 (the
 * interpreter runs the iteration) at each entry; every JIT_POLL_EVERY entries
 * it asks its Build whether the code is there, and loads it (the next entry
 * runs it). A build that failed (said once on stderr) or a code that cannot
 * be loaded makes it step aside. */
static struct _PyInterpreterFrame *
await_build(JitExecutor *executor, struct _PyInterpreterFrame *frame)
{
    if (++executor->waited % JIT_POLL_EVERY != 0) {
        return frame;
    }
    /* The poll is Python code: a signal handler run there would raise its
     * exception into our bookkeeping. It waits for the program's code. */
    PyOptimizer_HoldSignals();
    polling++;
    PyObject *path = PyObject_CallMethod(executor->build, "poll", NULL);
    int failed = -1;
    if (path == Py_None) {
        PyObject *flag = PyObject_GetAttrString(executor->build, "failed");
        failed = flag == NULL ? -1 : PyObject_IsTrue(flag);
        Py_XDECREF(flag);
    }
    polling--;
    PyOptimizer_ReleaseSignals();
    if (failed == 0) {
        Py_DECREF(path);
        return frame;   /* still building, or waiting its turn */
    }
    loop_function loop = NULL;
    if (path != NULL && path != Py_None) {
        const char *path_str = PyUnicode_AsUTF8(path);
        loop = path_str ? load_loop(path_str) : NULL;
    }
    Py_XDECREF(path);
    build_done(executor, loop);
    if (loop == NULL) {
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable((PyObject *)executor);
        }
        step_aside(executor, frame);
    }
    return frame;
}

static struct _PyInterpreterFrame *
jit_execute(PyExecutorObject *self, struct _PyInterpreterFrame *frame,
            PyObject **stack_pointer)
{
    JitExecutor *executor = (JitExecutor *)self;
    if (executor->disabled) {
        return frame;
    }
    if (executor->loop == NULL) {
        return await_build(executor, frame);
    }
    if (++executor->entries == JIT_PROBATION &&
        (executor->function ? executor->iterations < JIT_PROBATION / 2
                            : executor->iterations * executor->work <
                              JIT_PROBATION * JIT_ENTRY_PAYS)) {
        step_aside(executor, frame);
        return frame;
    }
    Py_ssize_t before = executor->iterations;
    Py_ssize_t untaken = executor->untaken;
    struct _PyInterpreterFrame *result = executor->loop(
        frame, stack_pointer, &executor->iterations,
        &PyTuple_GET_ITEM(executor->refs, 0), executor->depends, executor->versions,
        &self->vm_data.valid, &executor->untaken);
    the_optimizer->iterations += executor->iterations - before;
    if (executor->untaken != untaken && executor->untaken == JIT_UNTAKEN_RETRANSLATE &&
        result != NULL) {
        retranslate_later(executor);
    }
    return result;
}

/* The loop function of the shared object at `path`; NULL with an
 * exception if it cannot be loaded. */
static loop_function
load_loop(const char *path)
{
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        PyErr_Format(PyExc_ImportError, "plugopt.jit: %s", dlerror());
        return NULL;
    }
    /* Never closed: executors may outlive any bookkeeping of who uses it. */
    void *symbol = dlsym(handle, "plugopt_jit_loop");
    if (symbol == NULL) {
        PyErr_Format(PyExc_ImportError, "plugopt.jit: no plugopt_jit_loop in %s", path);
        return NULL;
    }
    return (loop_function)symbol;
}

/* May this instruction be part of a translated loop? known_instruction()
 * is generated from _jit_handled.py, the list the translator reads too: a
 * form that is still adaptive where a specialized one is needed is declined
 * for this round (the translator would raise NotYet), and the loop is asked
 * again later. */
#include "jit_handled.h"

/* Is `opcode` a jump that can close a loop (generic forms)? */
static int
is_backward_jump(int opcode)
{
    return opcode == JUMP_BACKWARD || opcode == POP_JUMP_BACKWARD_IF_FALSE ||
           opcode == POP_JUMP_BACKWARD_IF_TRUE || opcode == POP_JUMP_BACKWARD_IF_NONE ||
           opcode == POP_JUMP_BACKWARD_IF_NOT_NONE;
}

/* Is `opcode` a jump forward (generic forms)? */
static int
is_forward_jump(int opcode)
{
    return opcode == JUMP_FORWARD || opcode == POP_JUMP_FORWARD_IF_FALSE ||
           opcode == POP_JUMP_FORWARD_IF_TRUE || opcode == POP_JUMP_FORWARD_IF_NONE ||
           opcode == POP_JUMP_FORWARD_IF_NOT_NONE || opcode == JUMP_IF_FALSE_OR_POP ||
           opcode == JUMP_IF_TRUE_OR_POP || opcode == FOR_ITER || opcode == SEND;
}

/* Set targets[t - head] for every instruction t of the loop's body (`head`
 * to `last`) that a forward jump inside it goes to: where a path the loop
 * has not taken ends (may_translate_body). -1 if the code cannot be read. */
static int
mark_jump_targets(PyCodeObject *code, int head, int last, char *targets)
{
    int extended = 0;   /* the high bits EXTENDED_ARGs give the next oparg */
    for (int offset = head; offset <= last;) {
        int word = _Py_Code_GetInstruction(code, offset, 1);
        if (word < 0) {
            PyErr_Clear();
            return -1;
        }
        int opcode = word & 255;
        int oparg = extended | (word >> 8);
        extended = opcode == EXTENDED_ARG ? oparg << 8 : 0;
        if (is_forward_jump(opcode) && offset + 1 + oparg <= last) {
            targets[offset + 1 + oparg - head] = 1;
        }
        offset += 1 + _Py_Opcode_CacheEntries(opcode);
    }
    return 0;
}

/* Does `opcode` (a generic form) end the path through it: no instruction
 * after it runs next? Code after one is reached by a jump, if at all: an
 * exception handler, reached through the exception table only, is not. */
static int
ends_path(int opcode)
{
    return opcode == JUMP_FORWARD || opcode == JUMP_BACKWARD || opcode == RETURN_VALUE ||
           opcode == RAISE_VARARGS || opcode == RERAISE;
}

/* Every instruction from `start` to `last`, the last back edge to `head`, of
 * a loop: may the translator take it? Each one it will translate must be one
 * it handles, in the form the specializer chose, and the specializer must be
 * done with it (waits_for_specializer). An adaptive instruction that never
 * ran since the code was quickened starts a path the loop has not taken: the
 * compiled code exits there, and translates nothing up to the next jump
 * target, so what lies there need not be handled. Nor does code no jump of
 * the body reaches (`reached`, zeroed, one byte per code unit from `head`),
 * which the translator skips: the handlers of a `try` inside the loop, where
 * the interpreter goes when the compiled code exits with an exception. */
static int
may_translate_body(PyCodeObject *code, int start, int head, int last, const char *targets,
                   char *reached)
{
    int cached = 0;     /* instructions with inline caches */
    int ran = 0;        /* of those, ones that ran since the code was quickened */
    int untaken = 0;    /* on a path the loop has not taken */
    int dead = 0;       /* after the end of a path, before a jump reaches the code */
    int extended = 0;   /* the high bits EXTENDED_ARGs give the next oparg */
    for (int offset = start; offset <= last;) {
        int word = _Py_Code_GetInstruction(code, offset, 1);
        int specialized = _Py_Code_GetInstruction(code, offset, 0);
        if (word < 0 || specialized < 0) {
            PyErr_Clear();
            return 0;
        }
        int opcode = word & 255;
        int oparg = extended | (word >> 8);
        int caches = _Py_Opcode_CacheEntries(opcode);
        uint16_t counter = caches > 0 ? _PyCode_CODE(code)[offset + 1] : 0;
        untaken = untaken && !targets[offset - head];
        dead = dead && !reached[offset - head];
        if (opcode == EXTENDED_ARG) {
            /* A prefix (of a long jump, mostly): the translator takes it with
             * its instruction. */
            extended = oparg << 8;
            offset++;
            continue;
        }
        if (extended && caches > 0) {
            /* After EXTENDED_ARG the interpreter runs the generic form, whose
             * inline cache (which the translator reads) stays unused. */
            return 0;
        }
        extended = 0;
        /* A CALL runs right after its PRECALL, if at all: 3.11's specialized
         * PRECALLs of builtins make the call themselves and skip it, so its
         * counter stays 0 on a path the loop takes. */
        if (caches > 0 && opcode != CALL) {
            cached++;
            if (!ran_since_quickening(specialized & 255, counter)) {
                untaken = 1;
            }
            else {
                ran++;
            }
        }
        if (is_backward_jump(opcode)) {
            int target = offset + 1 - oparg;
            if (target < head) {
                return 0;   /* out of the body: to a loop around it */
            }
        }
        else if (opcode == FOR_ITER) {
            /* an inner `for` loop's head: structural, as the head's own */
        }
        else if (untaken || dead) {
            /* not translated */
        }
        else if (!known_instruction(opcode, specialized & 255, oparg)) {
            return 0;
        }
        else if (caches > 0 && waits_for_specializer(specialized & 255, counter)) {
            return 0;   /* asked again after the VM's backoff */
        }
        if (!dead) {
            if (is_forward_jump(opcode) && offset + 1 + oparg <= last) {
                reached[offset + 1 + oparg - head] = 1;
            }
            dead = ends_path(opcode);
        }
        offset += 1 + caches;
    }
    /* None of them ran since quickening: the VM quickened the code a moment
     * ago, at this hotspot (3.11 quickens a function called fewer than eight
     * times whose loops close with a conditional jump at its first hotspot).
     * Wait a round, for the specializer to see the paths the loop takes; an
     * instruction that has still not run then is on a path it does not take. */
    return cached == 0 || ran > 0;
}

/* Could the translator take the loop whose head is at `head`? Its body runs
 * from the head to the last backward jump to the head (a `for` loop's head is
 * its FOR_ITER, and that jump lies before FOR_ITER's exit; a `while` loop's
 * head is the first instruction of its body). Only if every instruction of
 * the body is one the translator handles, in the form the specializer chose,
 * and every backward jump in it goes to the head or closes an inner loop
 * (none goes to a loop around it).
 * _jit_codegen.py decides the rest. Most loops fail here, in C, without
 * running any Python code. That is cheaper, and it leaves the program's heap
 * alone: importing the translator to decline base32's decoding loop cost
 * that benchmark 1% of its instructions for good (obmalloc pools filling and
 * emptying in turn), and CPython's test_genexps checks that a generator's
 * tuples reuse one address. */
static int
may_translate_loop(PyCodeObject *code, int head)
{
    int size = (int)Py_SIZE(code);
    /* The head instruction, after its EXTENDED_ARG prefixes if it has any (a
     * FOR_ITER over a long body): the back edges jump to the first prefix. */
    int first = head, first_arg = 0, word;
    while ((word = _Py_Code_GetInstruction(code, first, 1)) >= 0 &&
           (word & 255) == EXTENDED_ARG) {
        first_arg = (first_arg | (word >> 8)) << 8;
        first++;
    }
    if (word < 0) {
        PyErr_Clear();
        return 0;
    }
    int is_for = (word & 255) == FOR_ITER;
    int end = is_for ? first + 1 + (first_arg | (word >> 8)) : size;   /* the loop's exit */
    int last = -1;     /* the last back edge */
    int extended = 0;  /* the high bits EXTENDED_ARGs give the next oparg */
    for (int offset = head; offset < size;) {
        word = _Py_Code_GetInstruction(code, offset, 1);
        if (word < 0) {
            PyErr_Clear();
            return 0;
        }
        int opcode = word & 255;
        int oparg = extended | (word >> 8);
        extended = opcode == EXTENDED_ARG ? oparg << 8 : 0;
        if (is_backward_jump(opcode) && offset + 1 - oparg == head) {
            last = offset;
        }
        offset += 1 + _Py_Opcode_CacheEntries(opcode);
    }
    if (last < 0 || last >= end) {
        return 0;
    }
    int length = last + 1 - head;
    char *targets = PyMem_Calloc(2 * (size_t)length, 1);   /* targets, then reached */
    if (targets == NULL) {
        return 0;
    }
    int result = mark_jump_targets(code, head, last, targets) == 0 &&
                 may_translate_body(code, is_for ? first + 1 : head, head, last, targets,
                                    targets + length);
    PyMem_Free(targets);
    return result;
}

/* Could the translator take the function unit at `head` (its RESUME)? Only a
 * plain function (not a generator or coroutine) whose first MIN_SEGMENT
 * instructions after the RESUME are ones the translator handles: its
 * compiled code stops before the first it does not, and a shorter stretch
 * does not pay for entering an executor (MIN_SEGMENT, from _jit_handled.py). */

static int
may_translate_function(PyCodeObject *code, int head)
{
    if (code->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR |
                          CO_ITERABLE_COROUTINE)) {
        return 0;
    }
    int size = (int)Py_SIZE(code);
    int handled = 0;
    for (int offset = head + 1; offset < size && handled < MIN_SEGMENT;) {
        int word = _Py_Code_GetInstruction(code, offset, 1);
        int specialized = _Py_Code_GetInstruction(code, offset, 0);
        if (word < 0 || specialized < 0) {
            PyErr_Clear();
            return 0;
        }
        if (!known_instruction(word & 255, specialized & 255, word >> 8)) {
            break;
        }
        handled++;
        offset += 1 + _Py_Opcode_CacheEntries(word & 255);
    }
    return handled >= MIN_SEGMENT;
}

static int
may_translate(PyCodeObject *code, int head)
{
    int first = _Py_Code_GetInstruction(code, head, 1);
    if (first < 0) {
        PyErr_Clear();
        return 0;
    }
    if ((first & 255) == RESUME) {
        return may_translate_function(code, head);
    }
    return may_translate_loop(code, head);
}

/* A globals dict's version (0 for anything else), without the VM's
 * "watched" bit, which depending on the dict sets. */
static uint64_t
globals_version_of(PyObject *globals)
{
    if (globals == NULL || !PyDict_Check(globals)) {
        return 0;
    }
    return ((PyDictObject *)globals)->ma_version_tag & ~(uint64_t)1;
}

/* The items of `depends` as a C array of borrowed pointers; NULL if it is
 * empty, or with MemoryError. */
static PyObject **
borrowed_array(PyObject *depends)
{
    Py_ssize_t n = PyTuple_GET_SIZE(depends);
    if (n == 0) {
        return NULL;
    }
    PyObject **array = PyMem_Malloc(n * sizeof(PyObject *));
    if (array == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        array[i] = PyTuple_GET_ITEM(depends, i);
    }
    return array;
}

/* The items of `versions` (a tuple of ints below 2**32) as a C array; NULL if
 * it is empty, or with an exception. */
static uint32_t *
versions_array(PyObject *versions)
{
    Py_ssize_t n = PyTuple_GET_SIZE(versions);
    if (n == 0) {
        return NULL;
    }
    uint32_t *array = PyMem_Malloc(n * sizeof(uint32_t));
    if (array == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned long value = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(versions, i));
        if (value == (unsigned long)-1 && PyErr_Occurred()) {
            PyMem_Free(array);
            return NULL;
        }
        if (value > UINT32_MAX) {
            PyErr_SetString(PyExc_OverflowError, "plugopt.jit: a version above 2**32");
            PyMem_Free(array);
            return NULL;
        }
        array[i] = (uint32_t)value;
    }
    return array;
}

/* An executor running `loop`, which depends on `depends` (a tuple), compares
 * with `versions` (a tuple) and keeps `refs` (a tuple) alive; NULL with an
 * exception. */
static JitExecutor *
new_executor(loop_function loop, PyObject *refs, PyObject *depends, PyObject *versions,
             int function)
{
    PyObject **borrowed = borrowed_array(depends);
    if (borrowed == NULL && PyTuple_GET_SIZE(depends) != 0) {
        return NULL;
    }
    uint32_t *version_values = versions_array(versions);
    if (version_values == NULL && PyTuple_GET_SIZE(versions) != 0) {
        PyMem_Free(borrowed);
        return NULL;
    }
    JitExecutor *executor = PyObject_New(JitExecutor, &JitExecutor_Type);
    if (executor == NULL) {
        PyMem_Free(borrowed);
        PyMem_Free(version_values);
        return NULL;
    }
    executor->depends = borrowed;
    executor->versions = version_values;
    memset(&executor->base.vm_data, 0, sizeof(executor->base.vm_data));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(depends); i++) {
        _Py_Executor_DependsOn((PyExecutorObject *)executor, PyTuple_GET_ITEM(depends, i));
    }
    executor->base.execute = jit_execute;
    executor->loop = loop;
    executor->build = NULL;
    executor->waited = 0;
    executor->refs = Py_NewRef(refs);
    executor->entries = 0;
    executor->work = 1;   /* set by the caller for a loop */
    executor->iterations = 0;
    executor->untaken = 0;
    executor->disabled = 0;
    executor->function = function;
    return executor;
}

/* A function unit's continuations: executors of their own, installed at the
 * instructions after its Python calls (the interpreter reaches them when the
 * callee returns), entering the same compiled function. One that cannot be
 * installed is reported and left out: the unit works without it. */
static void
install_continuations(PyCodeObject *code, PyObject *offsets, loop_function loop,
                      PyObject *refs, PyObject *depends, PyObject *versions)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(offsets); i++) {
        int offset = _PyLong_AsInt(PyTuple_GET_ITEM(offsets, i));
        JitExecutor *executor = offset < 0 && PyErr_Occurred() ? NULL
                                : new_executor(loop, refs, depends, versions, 1);
        if (executor == NULL ||
            _Py_Executor_Replace(code, offset, (PyExecutorObject *)executor) < 0) {
            PyErr_WriteUnraisable((PyObject *)code);
        }
        else {
            the_optimizer->functions++;
        }
        Py_XDECREF(executor);
    }
}

static PyExecutorObject *compile_unit(JitOptimizer *opt, PyCodeObject *code, int offset);

/* Whether a loop's code not in the cache is compiled in the background:
 * plugopt._jit_cache.BACKGROUND (PLUGOPT_JIT_BACKGROUND=0 turns it off). */
static int
background_builds(void)
{
    PyObject *flag = PyObject_GetAttrString(cache_module, "BACKGROUND");
    int background = flag != NULL && PyObject_IsTrue(flag) == 1;
    Py_XDECREF(flag);
    PyErr_Clear();
    return background;
}

static PyExecutorObject *
jit_compile(PyOptimizerObject *self, PyCodeObject *code, int offset)
{
    JitOptimizer *opt = (JitOptimizer *)self;
    /* No compile runs inside another: the VM asks no optimizer while one
     * compiles (on_hotspot). */
    PyExecutorObject *executor = compile_unit(opt, code, offset);
    if (executor == NULL && PyErr_Occurred() && out_of_stack_or_memory()) {
        opt->declined++;
    }
    return executor;
}

/* The executor for the unit at `offset`; NULL when declined (no exception)
 * or on an error. */
static PyExecutorObject *
compile_unit(JitOptimizer *opt, PyCodeObject *code, int offset)
{
    /* At shutdown the modules the translator and the cache need are being
     * torn down (builtins.open is gone): code run by atexit handlers and
     * finalizers stays interpreted. */
    if (_Py_IsFinalizing() || !may_translate(code, offset)) {
        opt->declined++;
        return NULL;
    }
    if (polling) {
        return NULL;   /* for now: the VM asks again */
    }
    if (import_helpers() < 0) {
        if (!PyErr_Occurred()) {
            opt->declined++;   /* the failure was reported the first time */
        }
        return NULL;
    }
    /* The VM calls compile from the hot frame: its globals tell the
     * translator which functions a call may reach (the compiled code checks
     * the frame's own globals). */
    PyObject *globals = PyEval_GetGlobals();
    /* Translating and compiling run Python code (other threads too): if the
     * globals change meanwhile, what the translator saw may be stale. */
    uint64_t globals_version = globals_version_of(globals);
    PyObject *translated = PyObject_CallMethod(codegen_module, "translate", "OiO", code,
                                               offset, globals ? globals : Py_None);
    if (translated == NULL) {
        return NULL;
    }
    if (translated == Py_None) {
        Py_DECREF(translated);
        opt->declined++;
        return NULL;   /* declined, no exception */
    }
    PyObject *source, *refs, *depends, *versions, *continuations;
    int install_entry;
    Py_ssize_t work;
    if (!PyArg_ParseTuple(translated, "UO!O!O!O!pn:translate", &source, &PyTuple_Type, &refs,
                          &PyTuple_Type, &depends, &PyTuple_Type, &versions,
                          &PyTuple_Type, &continuations, &install_entry, &work)) {
        Py_DECREF(translated);
        return NULL;
    }
    Py_INCREF(refs);
    Py_INCREF(depends);
    Py_INCREF(versions);
    Py_INCREF(continuations);
    int function = (_Py_Code_GetInstruction(code, offset, 1) & 255) == RESUME;
    /* A loop's code not in the cache yet is compiled in the background
     * (_jit_cache.start_build), unless PLUGOPT_JIT_BACKGROUND=0; a function
     * unit's (whose continuations are installed with it) now. */
    int background = !function && background_builds();
    PyObject *path = PyObject_CallMethod(cache_module,
                                         background ? "start_build" : "compile_and_open",
                                         "O", source);
    Py_DECREF(translated);
    loop_function loop = NULL;
    PyObject *build = NULL;   /* borrowed from path */
    if (path != NULL && PyUnicode_Check(path)) {
        const char *path_str = PyUnicode_AsUTF8(path);
        loop = path_str ? load_loop(path_str) : NULL;
    }
    else if (path != NULL && path != Py_None) {
        build = path;
    }
    /* Declined: no working compiler (None), or the globals changed. */
    int declined = path == Py_None ||
                   ((loop != NULL || build != NULL) &&
                    globals_version_of(globals) != globals_version);
    JitExecutor *executor = NULL;
    if (build != NULL && !declined) {
        executor = new_executor(NULL, refs, depends, versions, 0);
        if (executor != NULL) {
            executor->work = work;
            executor->build = Py_NewRef(build);
            opt->waiting++;
        }
    }
    Py_XDECREF(path);
    if (loop != NULL && !declined) {
        /* A function unit whose first part is too short to pay for an entry
         * may still have continuations worth theirs: those are installed,
         * and the function's entry is declined (for good: the translator
         * remembers). */
        install_continuations(code, continuations, loop, refs, depends, versions);
        executor = install_entry ? new_executor(loop, refs, depends, versions, function)
                                 : NULL;
        if (executor != NULL) {
            executor->work = work;
        }
        declined = !install_entry;
    }
    if (executor != NULL && function) {
        opt->functions++;
    }
    else if (executor != NULL && executor->loop != NULL) {
        opt->compiled++;   /* a build counts once it is loaded (build_done) */
    }
    else if (declined) {
        opt->declined++;
    }
    Py_DECREF(refs);
    Py_DECREF(depends);
    Py_DECREF(versions);
    Py_DECREF(continuations);
    return (PyExecutorObject *)executor;
}

static PyObject *
executor_get_entries(JitExecutor *self, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(self->entries);
}

static PyObject *
executor_get_iterations(JitExecutor *self, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(self->iterations);
}

static PyObject *
executor_get_disabled(JitExecutor *self, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(self->disabled);
}

static PyObject *
executor_get_waiting(JitExecutor *self, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(self->build != NULL);
}

/* Not a GC type: `refs` holds only strings and the code objects of inlined
 * functions, which have no loops and so no executor of this optimizer, and
 * `build` only strings (docs/api.md: executors are GC types only when they
 * can be in a cycle). */
static void
executor_dealloc(JitExecutor *self)
{
    if (self->build != NULL) {
        the_optimizer->waiting--;   /* removed before its code was there */
        Py_DECREF(self->build);
    }
    PyMem_Free(self->depends);
    PyMem_Free(self->versions);
    Py_XDECREF(self->refs);
    PyObject_Del(self);
}

static PyGetSetDef executor_getset[] = {
    {"entries", (getter)executor_get_entries, NULL, "entries so far", NULL},
    {"iterations", (getter)executor_get_iterations, NULL,
     "loop iterations completed in compiled code", NULL},
    {"disabled", (getter)executor_get_disabled, NULL,
     "True once it stepped aside (its guards kept failing)", NULL},
    {"waiting", (getter)executor_get_waiting, NULL,
     "True while its code is being compiled in the background", NULL},
    {NULL}
};

static PyTypeObject JitExecutor_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "plugopt.jit.JitExecutor",
    .tp_basicsize = sizeof(JitExecutor),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)executor_dealloc,
    .tp_getset = executor_getset,
};

static PyTypeObject JitOptimizer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "plugopt.jit.JitOptimizer",
    .tp_basicsize = sizeof(JitOptimizer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)PyObject_Del,
};

static PyObject *
stats(PyObject *module, PyObject *Py_UNUSED(args))
{
    return Py_BuildValue("{snsnsnsnsnsn}", "compiled", the_optimizer->compiled,
                         "functions", the_optimizer->functions,
                         "declined", the_optimizer->declined,
                         "iterations", the_optimizer->iterations,
                         "disabled", the_optimizer->disabled,
                         "waiting", the_optimizer->waiting);
}

static PyMethodDef jit_methods[] = {
    {"stats", stats, METH_NOARGS,
     "stats()\n--\n\n{'compiled': loops; 'functions': executors of function units; "
     "'declined': units; 'iterations': loop iterations and function parts run compiled; "
     "'disabled': executors that stepped aside; 'waiting': executors whose code is "
     "being compiled in the background}."},
    {NULL, NULL}
};

/* PLUGOPT_JIT_FUNCTIONS=1 turns function units on (read once, at import).
 * They are off by default: measured on richards, raytrace and chaos, what
 * their executors save is less than what translating them and counting
 * every call costs (optimizers/jit/README.md, "Function units"). */
static int
read_functions_switch(int *on)
{
    const char *value = getenv("PLUGOPT_JIT_FUNCTIONS");
    if (value == NULL || *value == '\0' || strcmp(value, "0") == 0) {
        *on = 0;
        return 0;
    }
    if (strcmp(value, "1") == 0) {
        *on = 1;
        return 0;
    }
    PyErr_Format(PyExc_ValueError, "PLUGOPT_JIT_FUNCTIONS must be 0 or 1, not %.100s", value);
    return -1;
}

static int
jit_exec(PyObject *module)
{
    if (PyType_Ready(&JitExecutor_Type) < 0 || PyType_Ready(&JitOptimizer_Type) < 0) {
        return -1;
    }
    if (the_optimizer == NULL) {
        int functions;
        if (read_functions_switch(&functions) < 0) {
            return -1;
        }
        JitOptimizer *opt = PyObject_New(JitOptimizer, &JitOptimizer_Type);
        if (opt == NULL) {
            return -1;
        }
        opt->base.compile = jit_compile;
        opt->base.capabilities = PY_OPTIMIZE_BACK_EDGE |
                                 (functions ? PY_OPTIMIZE_FUNCTION_ENTRY : 0);
        /* Compiling a loop with the C compiler costs about 100 ms, some
         * 10^4 iterations of a typical hot loop; compiled, an iteration
         * costs about a third of the interpreter's (measured on nbody). */
        opt->base.optimization_cost = 2000.0f;
        opt->base.run_cost = 0.35f;
        opt->compiled = 0;
        opt->functions = 0;
        opt->declined = 0;
        opt->iterations = 0;
        opt->disabled = 0;
        opt->waiting = 0;
        if (_Py_Optimizer_Register((PyOptimizerObject *)opt) < 0) {
            Py_DECREF(opt);
            return -1;
        }
        the_optimizer = opt;
    }
    return PyModule_AddObjectRef(module, "optimizer", (PyObject *)the_optimizer);
}

static PyModuleDef_Slot jit_slots[] = {
    {Py_mod_exec, jit_exec},
    {0, NULL}
};

static struct PyModuleDef jit_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "plugopt.jit",
    .m_doc = "jit: compiles hot loops to C with unboxed floats (prototype).",
    .m_methods = jit_methods,
    .m_slots = jit_slots,
};

PyMODINIT_FUNC
PyInit_jit(void)
{
    return PyModuleDef_Init(&jit_module);
}
