/* plugopt.jit: the C runtime of generated loops.
 *
 * _jit_codegen.py puts this file, as it is, at the top of the C source of
 * every loop it generates, so that the source is self-contained and the
 * compiled-loop cache's key (a hash of the source) changes when this file
 * does. It is installed beside the translator in the plugopt package, and
 * tests/test_jit.py compiles it on its own against the interpreter's headers.
 *
 * Every helper is static, and inline but for the slow checks of polymorphic
 * sites (PLUGOPT_SLOW_CHECK): a loop uses a few of them.
 */
#ifndef PLUGOPT_JIT_RUNTIME_H
#define PLUGOPT_JIT_RUNTIME_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>   /* T_OBJECT_EX, READONLY */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define C(k) PyTuple_GET_ITEM(consts, (k))
/* T: the thread state, which a generated function reads once an entry. */
#define TRACING() (T->cframe->use_tracing)

/* A Python function called from compiled code runs in an evaluation loop of
 * its own, one level of C recursion, where the interpreter's CALL of a Python
 * function recurses in no C at all: recursion as deep as a program's
 * sys.setrecursionlimit() allows, which stock 3.11 runs in one loop, would
 * overflow the C stack. Compiled code makes such calls only while the thread
 * runs fewer than PLUGOPT_C_CALL_DEPTH frames (Python frames and C recursion,
 * as 3.11 counts them against the recursion limit; each level of recursion
 * through compiled code is one of them), so at most that many levels, and
 * exits before deeper calls: the interpreter makes them. One level took
 * about 0.8 KB of C stack (a short loop: under a 1 MB stack, 800 levels ran
 * and 1,600 did not). */
#define PLUGOPT_C_CALL_DEPTH 500
#define ROOM_TO_RECURSE() (T->recursion_limit - T->recursion_remaining < PLUGOPT_C_CALL_DEPTH)

/* Where LOAD_ATTR_INSTANCE_VALUE and STORE_ATTR_INSTANCE_VALUE find an
 * attribute: slot `index` of the values array of an object whose type keeps
 * its instances' attributes there (Py_TPFLAGS_MANAGED_DICT, implied by the
 * type version the caller checked). 3.11.2 keeps the array's pointer four
 * words before the object (_PyObject_ValuesPointer in
 * Include/internal/pycore_object.h); it is NULL once a __dict__ was made, and
 * then so is this (the interpreter's case). */
static inline PyObject **
plugopt_instance_slot(PyObject *owner, Py_ssize_t index)
{
    PyObject **values = ((PyObject ***)owner)[-4];
    return values != NULL ? &values[index] : NULL;
}

/* A fresh instance's attribute `index`, set for the first time: its values
 * array records the order its attributes were set in, which its __dict__
 * follows (3.11's _PyDictValues_AddToInsertionOrder, as STORE_ATTR_INSTANCE_VALUE
 * calls it). */
static inline void
plugopt_values_add_order(PyObject *owner, Py_ssize_t index)
{
    uint8_t *size_ptr = (uint8_t *)((PyObject ***)owner)[-4] - 2;
    int size = *size_ptr + 1;
    size_ptr[-size] = (uint8_t)index;
    *size_ptr = (uint8_t)size;
}

/* The attribute there, borrowed, or NULL (no values array, or not set). */
static inline PyObject *
plugopt_instance_value(PyObject *owner, Py_ssize_t index)
{
    PyObject **slot = plugopt_instance_slot(owner, index);
    return slot != NULL ? *slot : NULL;
}

/* CPython 3.11.2's enumerate object (Objects/enumobject.c); the size check
 * below refuses any other layout. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;
    PyObject *en_sit;
    PyObject *en_result;
    PyObject *en_longindex;
    PyObject *one;
} plugopt_enumobject;

/* An iterator of a list, tuple, range, dict (its keys, values or items) or
 * set: its next() runs no Python code, never sets StopIteration, and keeps
 * returning NULL once exhausted. Its one error (a dict or set that changed
 * size while iterated) is raised at the FOR_ITER, as in the interpreter. */
static inline int
plugopt_is_plain_iterator(PyObject *it)
{
    PyTypeObject *type = Py_TYPE(it);
    return type == &PyListIter_Type || type == &PyTupleIter_Type ||
           type == &PyRangeIter_Type || type == &PyDictIterKey_Type ||
           type == &PyDictIterValue_Type || type == &PyDictIterItem_Type ||
           type == &PySetIter_Type;
}

/* A plain iterator, or an enumerate of one: what the compiled code calls
 * next() of itself at a loop's head. */
static inline int
plugopt_is_simple_iterator(PyObject *it)
{
    if (plugopt_is_plain_iterator(it)) {
        return 1;
    }
    return Py_IS_TYPE(it, &PyEnum_Type) &&
           PyEnum_Type.tp_basicsize == (Py_ssize_t)sizeof(plugopt_enumobject) &&
           plugopt_is_plain_iterator(((plugopt_enumobject *)it)->en_sit);
}

/* A float that only the frame slot or list item holding it references:
 * writing a new value into it is the same, for every observer, as replacing
 * it with a new float, and needs no allocation (nbody stores a dozen floats
 * per iteration). Callers make sure that no borrowed reference to it is in
 * use: the translator gives stack entries borrowed from a local their own
 * reference before the local changes. */
static inline int
plugopt_float_is_private(PyObject *o)
{
    return o != NULL && Py_IS_TYPE(o, &PyFloat_Type) && Py_REFCNT(o) == 1;
}

/* An exact int of at most two digits (|value| < 2**60) as a C long long. */
static inline int
plugopt_as_int(PyObject *o, long long *out)
{
    if (!PyLong_CheckExact(o)) {
        return 0;
    }
    const digit *d = ((PyLongObject *)o)->ob_digit;
    switch (Py_SIZE(o)) {
        case 0: *out = 0; return 1;
        case 1: *out = (long long)d[0]; return 1;
        case -1: *out = -(long long)d[0]; return 1;
        case 2: *out = ((long long)d[1] << PyLong_SHIFT) | (long long)d[0]; return 1;
        case -2: *out = -(((long long)d[1] << PyLong_SHIFT) | (long long)d[0]); return 1;
        default: return 0;
    }
}

/* A float, or an int that Python would convert for an operation with a
 * float (exactly as PyLong_AsDouble does: correctly rounded). */
static inline int
plugopt_number_as_double(PyObject *o, double *out)
{
    long long i;
    if (PyFloat_CheckExact(o)) {
        *out = PyFloat_AS_DOUBLE(o);
        return 1;
    }
    if (plugopt_as_int(o, &i)) {
        *out = (double)i;
        return 1;
    }
    return 0;
}

/* Python's // and % on ints: the quotient rounds toward minus infinity. */
static inline long long
plugopt_floor_div(long long a, long long b)
{
    long long q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static inline long long
plugopt_floor_mod(long long a, long long b)
{
    long long r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

/* A global as LOAD_GLOBAL finds it, borrowed, or NULL (not found, or not
 * dicts: the interpreter's case). */
static inline PyObject *
plugopt_load_global(PyObject *globals, PyObject *builtins, PyObject *name)
{
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) {
        return NULL;
    }
    PyObject *value = PyDict_GetItem(globals, name);
    return value != NULL ? value : PyDict_GetItem(builtins, name);
}

/* Inline caches, read as the interpreter reads them (Python/ceval.c's
 * read_u32 and read_obj): `unit` is the code unit where the field starts. */
static inline uint32_t
plugopt_cache_u32(const _Py_CODEUNIT *code, int unit)
{
    return (uint32_t)code[unit] | ((uint32_t)code[unit + 1] << 16);
}

static inline PyObject *
plugopt_cache_object(const _Py_CODEUNIT *code, int unit)
{
    PyObject *object;
    memcpy(&object, &code[unit], sizeof(object));
    return object;
}

/* The __dict__ of an object whose type manages it (Py_TPFLAGS_MANAGED_DICT,
 * implied by the type version the caller checked), NULL until one is made:
 * 3.11.2 keeps it three words before the object (_PyObject_ManagedDictPointer
 * in Include/internal/pycore_object.h). */
static inline PyObject *
plugopt_managed_dict(PyObject *owner)
{
    return ((PyObject **)owner)[-3];
}

/* 3.11.2's PyDictKeysObject starts with these fields
 * (Include/internal/pycore_dict.h): the version of the keys a heap type
 * shares among its instances' attribute values (LOAD_METHOD_WITH_VALUES's
 * check that no instance attribute hides the method), and where a dict's
 * entries are (plugopt_dict_value_at). */
typedef struct {
    Py_ssize_t dk_refcnt;
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_kind;
    uint32_t dk_version;
    Py_ssize_t dk_usable;
    Py_ssize_t dk_nentries;
    char dk_indices[];
} plugopt_dictkeys_head;

static inline uint32_t
plugopt_cached_keys_version(PyTypeObject *type)
{
    const plugopt_dictkeys_head *keys =
        (const plugopt_dictkeys_head *)((PyHeapTypeObject *)type)->ht_cached_keys;
    return keys != NULL ? keys->dk_version : 0;
}

/* Polymorphic sites. The specializer caches one type per instruction, and the
 * compiled code checks that type's version first; an owner of another type
 * (a loop over tasks or shapes of several classes) is checked by the helpers
 * below, from the type's current state and without running code, to find
 * the attribute where the cached type has it. They answer 0 when unsure, and
 * the caller exits or takes the generic path.
 *
 * PLUGOPT_SLOW_CHECK: they run only when the first check failed (cold), out
 * of line, and are declared pure, so that the compiled code around them
 * keeps what it loaded in registers instead of loading it again after every
 * possible call (float's inlined methods ran 20% more instructions with
 * them inline). They write nothing the compiled code reads: _PyType_Lookup
 * may fill the type method cache or give the type a version tag, and a
 * stale read of a tag only sends the code down this slow path again. */
#define PLUGOPT_SLOW_CHECK __attribute__((noinline, cold, pure, unused)) static int

/* The split keys a heap type's instances share (3.11.2: DICT_KEYS_SPLIT). */
#define PLUGOPT_DICT_KEYS_SPLIT 2

/* The index of `name` (an interned str) among the attribute names the
 * instances of `type` share: -1 if it is not one of them, -2 if unsure (a
 * name with the same hash that is not the same object, which could be an
 * equal string). The names are set through setattr, which interns them. */
static inline Py_ssize_t
plugopt_shared_key_index(PyTypeObject *type, PyObject *name)
{
    const plugopt_dictkeys_head *keys =
        (const plugopt_dictkeys_head *)((PyHeapTypeObject *)type)->ht_cached_keys;
    if (keys == NULL || keys->dk_kind != PLUGOPT_DICT_KEYS_SPLIT) {
        return -2;
    }
    PyObject *const *entries = (PyObject *const *)
        (keys->dk_indices + ((size_t)1 << keys->dk_log2_index_bytes));
    Py_hash_t hash = ((PyASCIIObject *)name)->hash;
    if (hash == -1) {
        return -2;   /* not hashed yet: an equal key would go unseen */
    }
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        PyObject *key = entries[2 * i];   /* {me_key, me_value} */
        if (key == name) {
            return i;
        }
        if (key != NULL && ((PyASCIIObject *)key)->hash == hash) {
            return -2;
        }
    }
    return -1;
}

/* Whether instances of `owner`'s type keep `name` in slot `index` of their
 * values array, read and written by the generic getattr and setattr with no
 * descriptor in the way: what LOAD_ATTR_INSTANCE_VALUE and
 * STORE_ATTR_INSTANCE_VALUE assume of the type whose version they cache. */
PLUGOPT_SLOW_CHECK
plugopt_values_attr_at(PyObject *owner, PyObject *name, Py_ssize_t index)
{
    PyTypeObject *type = Py_TYPE(owner);
    return (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) &&
           (type->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
           type->tp_getattro == PyObject_GenericGetAttr &&
           type->tp_setattro == PyObject_GenericSetAttr &&
           _PyType_Lookup(type, name) == NULL &&
           plugopt_shared_key_index(type, name) == index;
}

/* Whether `name` is, for `owner`'s type, a writable object slot at byte
 * `offset` (a __slots__ member), read and written by the generic getattr and
 * setattr: what LOAD_ATTR_SLOT and STORE_ATTR_SLOT assume. */
PLUGOPT_SLOW_CHECK
plugopt_slot_attr_at(PyObject *owner, PyObject *name, Py_ssize_t offset)
{
    PyTypeObject *type = Py_TYPE(owner);
    if (type->tp_getattro != PyObject_GenericGetAttr ||
        type->tp_setattro != PyObject_GenericSetAttr) {
        return 0;
    }
    PyObject *descr = _PyType_Lookup(type, name);
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        return 0;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    return member->type == T_OBJECT_EX && !(member->flags & READONLY) &&
           member->offset == offset;
}

/* Calls of C functions as the specialized PRECALL forms make them, without
 * vectorcall's dispatch, and, for str(x), tuple(x) and type(x), without
 * building an argument tuple for the class's tp_call. Each is behind a guard
 * (the generated code calls through vectorcall otherwise), returns a new
 * reference, or NULL with an exception. */

/* PRECALL_NO_KW_BUILTIN_O, _METHOD_DESCRIPTOR_O and _NOARGS: `function` of
 * METH_O or METH_NOARGS (`arg` NULL), inside the recursion check the
 * interpreter makes around them. */
static inline PyObject *
plugopt_call_c(PyCFunction function, PyObject *self, PyObject *arg)
{
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        return NULL;
    }
    PyObject *result = function(self, arg);
    Py_LeaveRecursiveCall();
    return result;
}

/* PRECALL_NO_KW_BUILTIN_FAST and _METHOD_DESCRIPTOR_FAST: `function` of
 * METH_FASTCALL (no recursion check, as in the interpreter). */
static inline PyObject *
plugopt_call_fast(PyCFunction function, PyObject *self, PyObject *const *args,
                  Py_ssize_t nargs)
{
    return ((_PyCFunctionFast)(void (*)(void))function)(self, args, nargs);
}

/* The C function of a method descriptor whose flags are exactly `flags` and
 * whose owner `self` is of the exact type it was defined in (as the
 * interpreter checks); else NULL. */
static inline PyCFunction
plugopt_method_descriptor(PyObject *callable, PyObject *self, int flags)
{
    if (!Py_IS_TYPE(callable, &PyMethodDescr_Type)) {
        return NULL;
    }
    PyMethodDescrObject *descr = (PyMethodDescrObject *)callable;
    if (descr->d_method->ml_flags != flags || !Py_IS_TYPE(self, descr->d_common.d_type)) {
        return NULL;
    }
    return descr->d_method->ml_meth;
}

/* len(x) and isinstance(x, cls), as PRECALL_NO_KW_LEN and _ISINSTANCE make
 * them. */
static inline PyObject *
plugopt_len(PyObject *object)
{
    Py_ssize_t length = PyObject_Length(object);
    return length < 0 ? NULL : PyLong_FromSsize_t(length);
}

static inline PyObject *
plugopt_isinstance(PyObject *object, PyObject *cls)
{
    int result = PyObject_IsInstance(object, cls);
    return result < 0 ? NULL : Py_NewRef(result ? Py_True : Py_False);
}

/* LOAD_ATTR_MODULE: the entry of the module's dict, which is what the
 * interpreter's specialized form reads (for a name that is no attribute of
 * the module type itself: the translator checks); anything else, or without
 * the entry, PyObject_GetAttr. */
static inline PyObject *
plugopt_module_attr(PyObject *owner, PyObject *name)
{
    if (PyModule_CheckExact(owner)) {
        PyObject *value = PyDict_GetItemWithError(PyModule_GetDict(owner), name);
        if (value != NULL) {
            return Py_NewRef(value);
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
    }
    return PyObject_GetAttr(owner, name);
}

/* The value of `dict`'s entry number `hint` if that entry's key is `name`
 * (the very object), borrowed; NULL otherwise, and for a split dict, whose
 * shared keys hold no values (the interpreter's form falls back then too).
 * As LOAD_ATTR_WITH_HINT reads it: the entries follow the index table, 1 <<
 * dk_log2_index_bytes bytes; an entry is (key, value) when dk_kind is not
 * DICT_KEYS_GENERAL (0: all keys str), (hash, key, value) when it is. */
static inline PyObject *
plugopt_dict_value_at(PyObject *dict, PyObject *name, Py_ssize_t hint)
{
    const plugopt_dictkeys_head *keys =
        (const plugopt_dictkeys_head *)((PyDictObject *)dict)->ma_keys;
    if (hint >= keys->dk_nentries) {
        return NULL;
    }
    PyObject *const *entries =
        (PyObject *const *)(keys->dk_indices + ((size_t)1 << keys->dk_log2_index_bytes));
    PyObject *const *entry = keys->dk_kind != 0 ? entries + 2 * hint
                                                : entries + 3 * hint + 1;
    return entry[0] == name ? entry[1] : NULL;
}

/* LOAD_ATTR_WITH_HINT and STORE_ATTR_WITH_HINT: an attribute an instance
 * keeps in its dict (it gave up its values array: a __dict__ was asked for,
 * attributes were added in another order), read or stored as the
 * interpreter's forms do, in the dict itself, where `same_type` says the
 * owner's type has the version the specializer saw (then it keeps its
 * instances' dicts three words before them, _PyObject_ManagedDictPointer in
 * Include/internal/pycore_object.h, and has no descriptor of that name, so
 * setattr and getattr would go to the dict); anywhere else, or with no dict
 * or entry, PyObject_GetAttr and PyObject_SetAttr. A read looks at the entry
 * the specializer found the name at (`hint`) first, and searches the dict
 * only if the name is not there: a search, PyDict_GetItemWithError, cost go
 * 90 instructions a read, the hint 15. A new reference (or NULL), 0 (or -1),
 * with an exception on failure, as those functions. */
static inline PyObject *
plugopt_dict_attr(PyObject *owner, PyObject *name, int same_type, Py_ssize_t hint)
{
    PyObject *dict = same_type ? ((PyObject **)owner)[-3] : NULL;
    PyObject *value = NULL;
    if (dict != NULL) {
        value = plugopt_dict_value_at(dict, name, hint);
        if (value == NULL) {
            value = PyDict_GetItemWithError(dict, name);
        }
    }
    return value != NULL ? Py_NewRef(value) : PyObject_GetAttr(owner, name);
}

static inline int
plugopt_store_dict_attr(PyObject *owner, PyObject *name, PyObject *value, int same_type)
{
    PyObject *dict = same_type ? ((PyObject **)owner)[-3] : NULL;
    return dict != NULL ? PyDict_SetItem(dict, name, value)
                        : PyObject_SetAttr(owner, name, value);
}

/* FORMAT_VALUE (an f-string's field) of `value` with the conversion `which`
 * (0 none, 1 !s, 2 !r, 3 !a: oparg & 3, FVC_* in Include/ceval.h) and the
 * format spec `spec` (NULL without one), both borrowed: what the interpreter
 * makes of them, a new reference, or NULL with an exception. */
static PyObject *
plugopt_format_value(PyObject *value, int which, PyObject *spec)
{
    PyObject *converted = which == 1 ? PyObject_Str(value)
                        : which == 2 ? PyObject_Repr(value)
                        : which == 3 ? PyObject_ASCII(value)
                        : Py_NewRef(value);
    if (converted == NULL || (spec == NULL && PyUnicode_CheckExact(converted))) {
        return converted;
    }
    PyObject *result = PyObject_Format(converted, spec);
    Py_DECREF(converted);
    return result;
}

#endif /* PLUGOPT_JIT_RUNTIME_H */
