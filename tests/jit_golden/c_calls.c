/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 5; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *G = PyExecutor_Frame_GetGlobals(frame);
    const _Py_CODEUNIT *CODE = _PyCode_CODE(PyExecutor_Frame_GetCode(frame));
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i5;
  i5: /* FOR_ITER to 202 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 5);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 5);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i6: /* STORE_FAST x */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i7: /* LOAD_GLOBAL_BUILTIN NULL + str */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o2;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o2 = K[0];
  i13: /* LOAD_FAST x */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i14: /* PRECALL_NO_KW_STR_1  */ ;
    PyObject * o3;
    PyObject *a3[1] = {L[2]};
    PyExecutor_Frame_SetNextInstr(frame, 14);
    o3 = (o2 == (PyObject *)&PyUnicode_Type) ? PyObject_Str(a3[0]) : PyObject_Vectorcall(o2, a3, 1, NULL);
    if (!(o3 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i16: /* CALL_ADAPTIVE  */ ;
  i21: /* STORE_FAST__LOAD_FAST s */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    { PyObject *o = L[3]; L[3] = o3; Py_XDECREF(o); }
  i22: /* LOAD_FAST n */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i23: /* LOAD_GLOBAL_BUILTIN NULL + len */ ;
    PyObject * o5;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 23);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o5 = K[1];
  i29: /* LOAD_FAST s */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 29);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i30: /* PRECALL_NO_KW_LEN  */ ;
    PyObject * o6;
    PyObject *a6[1] = {L[3]};
    PyExecutor_Frame_SetNextInstr(frame, 30);
    o6 = (o5 == K[1]) ? plugopt_len(a6[0]) : PyObject_Vectorcall(o5, a6, 1, NULL);
    if (!(o6 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i32: /* CALL_ADAPTIVE  */ ;
  i37: /* LOAD_GLOBAL_BUILTIN NULL + len */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o8;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o8 = K[1];
  i43: /* LOAD_FAST s */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 43);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i44: /* LOAD_METHOD_NO_DICT upper */ ;
    PyObject * o9;
    if (Py_TYPE(L[3])->tp_version_tag == W[0] && plugopt_cache_u32(CODE, 46) == W[0]) {
        o9 = plugopt_cache_object(CODE, 51); Py_INCREF(o9);
    } else {
        PyExecutor_Frame_SetNextInstr(frame, 44);
        int found9 = _PyObject_GetMethod(L[3], K[2], &o9);
    if (!(o9 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 44);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(found9)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        *sp++ = NULL;
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        *sp++ = o9;
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    }
  i55: /* PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS  */ ;
    PyObject * o11;
    PyObject *a11[1] = {L[3]};
    PyExecutor_Frame_SetNextInstr(frame, 55);
    PyCFunction m12 = plugopt_method_descriptor(o9, L[3], METH_NOARGS);
    o11 = (m12 != NULL) ? plugopt_call_c(m12, a11[0], NULL) : PyObject_Vectorcall(o9, a11, 1, NULL);
    if (!(o11 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        *sp++ = o9;
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o9);
  i57: /* CALL_ADAPTIVE  */ ;
  i62: /* PRECALL_NO_KW_LEN  */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        *sp++ = o11;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 62);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o14;
    PyObject *a14[1] = {o11};
    PyExecutor_Frame_SetNextInstr(frame, 62);
    o14 = (o8 == K[1]) ? plugopt_len(a14[0]) : PyObject_Vectorcall(o8, a14, 1, NULL);
    if (!(o14 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = NULL;
        Py_INCREF(o8); *sp++ = o8;
        *sp++ = o11;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 62);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o11);
  i64: /* CALL_ADAPTIVE  */ ;
  i69: /* BINARY_OP_ADD_INT + */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = o14;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 69);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i16;
    if (!(plugopt_as_int(o6, &i16))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = o14;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 69);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i17;
    if (!(plugopt_as_int(o14, &i17))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = o14;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 69);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i18;
    if (!(!__builtin_add_overflow(i16, i17, &i18) && i18 > -(1LL << 62) && i18 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o6;
        *sp++ = o14;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 69);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o6);
    Py_DECREF(o14);
  i71: /* LOAD_GLOBAL_BUILTIN NULL + len */ ;
    PyObject * o19;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 71);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o19 = K[1];
  i77: /* LOAD_GLOBAL_MODULE string */ ;
    PyObject * o20;
    if (!(*V && G == B[0])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o19); *sp++ = o19;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 77);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o20 = K[3];
  i83: /* LOAD_ATTR_MODULE digits */ ;
    PyExecutor_Frame_SetNextInstr(frame, 83);
    PyObject * o21;
    o21 = plugopt_module_attr(o20, K[4]);
    if (!(o21 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o19); *sp++ = o19;
        Py_INCREF(o20); *sp++ = o20;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 83);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i88: /* PRECALL_NO_KW_LEN  */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o19); *sp++ = o19;
        *sp++ = o21;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 88);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o22;
    PyObject *a22[1] = {o21};
    PyExecutor_Frame_SetNextInstr(frame, 88);
    o22 = (o19 == K[1]) ? plugopt_len(a22[0]) : PyObject_Vectorcall(o19, a22, 1, NULL);
    if (!(o22 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o19); *sp++ = o19;
        *sp++ = o21;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 88);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o21);
  i90: /* CALL_ADAPTIVE  */ ;
  i95: /* BINARY_OP_ADD_INT + */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o22;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 95);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i24;
    if (!(plugopt_as_int(o22, &i24))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o22;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 95);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i25;
    if (!(!__builtin_add_overflow(i18, i24, &i25) && i25 > -(1LL << 62) && i25 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o22;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 95);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o22);
  i97: /* BINARY_OP_ADD_INT += */ ;
    long long i26;
    if (!(plugopt_as_int(L[1], &i26))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i25);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 97);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i27;
    if (!(!__builtin_add_overflow(i26, i25, &i27) && i27 > -(1LL << 62) && i27 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i25);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 97);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i99: /* STORE_FAST n */ ;
    long long i28;
    i28 = i27;
  i100: /* JUMP_BACKWARD_QUICK to 10 */ ;
    PyObject *new_28_1 = PyLong_FromLongLong(i28);
    if (new_28_1 == NULL) { Py_XDECREF(new_28_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            {
                new1 = PyLong_FromLongLong(i28);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 100);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[1]; L[1] = new_28_1; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 5);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i5;
}
