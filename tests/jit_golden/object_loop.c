/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 13; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyObject *G = PyExecutor_Frame_GetGlobals(frame);
    const _Py_CODEUNIT *CODE = _PyCode_CODE(PyExecutor_Frame_GetCode(frame));
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i13;
  i13: /* FOR_ITER to 168 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i14: /* STORE_FAST__LOAD_FAST p */ ;
    { PyObject *o = L[3]; L[3] = o1; Py_XDECREF(o); }
  i15: /* LOAD_FAST__LOAD_CONST p */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 15);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 15);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i16: /* LOAD_CONST 1 */ ;
  i17: /* BINARY_SUBSCR_TUPLE_INT  */ ;
    PyObject * o2;
    if (!(PyTuple_CheckExact(L[3]) && (1LL) >= 0)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 17);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_ssize_t no2 = (Py_ssize_t)(1LL);
    if (!(no2 < PyTuple_GET_SIZE(L[3]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 17);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o2 = PyTuple_GET_ITEM(L[3], no2); Py_INCREF(o2);
  i22: /* STORE_FAST__LOAD_FAST t */ ;
    { PyObject *o = L[4]; L[4] = o2; Py_XDECREF(o); }
  i23: /* LOAD_FAST out */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 23);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 23);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i24: /* LOAD_METHOD_NO_DICT append */ ;
    PyObject * o3;
    if (Py_TYPE(L[1])->tp_version_tag == W[0] && plugopt_cache_u32(CODE, 26) == W[0]) {
        o3 = plugopt_cache_object(CODE, 31); Py_INCREF(o3);
    } else {
        PyExecutor_Frame_SetNextInstr(frame, 24);
        int found3 = _PyObject_GetMethod(L[1], K[0], &o3);
    if (!(o3 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 24);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(found3)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        *sp++ = o3;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 35);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 35);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    }
  i35: /* LOAD_FAST t */ ;
    if (!(L[4] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 35);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i36: /* LOAD_DEREF k */ ;
    PyObject * o5;
    o5 = L[5] != NULL ? PyCell_GET(L[5]) : NULL;
    if (!(o5 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[4]); *sp++ = L[4];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 36);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_INCREF(o5);
  i37: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    if (!(PyFloat_CheckExact(L[4]))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[4]); *sp++ = L[4];
        *sp++ = o5;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(o5))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[4]); *sp++ = L[4];
        *sp++ = o5;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d6;
    d6 = PyFloat_AS_DOUBLE(L[4]) * PyFloat_AS_DOUBLE(o5);
    Py_DECREF(o5);
  i39: /* LOAD_GLOBAL_BUILTIN NULL + abs */ ;
    PyObject * o7;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 39);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o7 = K[1];
  i45: /* LOAD_FAST t */ ;
    if (!(L[4] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o7); *sp++ = o7;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 45);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i46: /* UNARY_NEGATIVE  */ ;
    if (!(PyFloat_CheckExact(L[4]))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o7); *sp++ = o7;
        Py_INCREF(L[4]); *sp++ = L[4];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i47: /* PRECALL_NO_KW_BUILTIN_O  */ ;
    PyObject * o8;
    o8 = PyFloat_FromDouble((-PyFloat_AS_DOUBLE(L[4])));
    if (!(o8 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o7); *sp++ = o7;
        {
            PyObject *box = PyFloat_FromDouble((-PyFloat_AS_DOUBLE(L[4])));
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 47);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o9;
    PyObject *a9[1] = {o8};
    PyExecutor_Frame_SetNextInstr(frame, 47);
    o9 = (PyCFunction_CheckExact(o7) && PyCFunction_GET_FLAGS(o7) == METH_O) ? plugopt_call_c(PyCFunction_GET_FUNCTION(o7), PyCFunction_GET_SELF(o7), a9[0]) : PyObject_Vectorcall(o7, a9, 1, NULL);
    if (!(o9 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = NULL;
        Py_INCREF(o7); *sp++ = o7;
        *sp++ = o8;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 47);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o8);
  i49: /* CALL_ADAPTIVE  */ ;
  i54: /* LOAD_GLOBAL_BUILTIN NULL + float */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 54);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o11;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 54);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o11 = K[2];
  i60: /* LOAD_FAST__LOAD_CONST p */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        *sp++ = NULL;
        Py_INCREF(o11); *sp++ = o11;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 60);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i61: /* LOAD_CONST 0 */ ;
  i62: /* BINARY_SUBSCR_TUPLE_INT  */ ;
    PyObject * o12;
    if (!(PyTuple_CheckExact(L[3]) && (0LL) >= 0)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        *sp++ = NULL;
        Py_INCREF(o11); *sp++ = o11;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 62);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_ssize_t no12 = (Py_ssize_t)(0LL);
    if (!(no12 < PyTuple_GET_SIZE(L[3]))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        *sp++ = NULL;
        Py_INCREF(o11); *sp++ = o11;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 62);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o12 = PyTuple_GET_ITEM(L[3], no12); Py_INCREF(o12);
  i67: /* PRECALL_BUILTIN_CLASS  */ ;
    PyObject * o13;
    PyObject *a13[1] = {o12};
    PyExecutor_Frame_SetNextInstr(frame, 67);
    o13 = PyObject_Vectorcall(o11, a13, 1, NULL);
    if (!(o13 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        *sp++ = NULL;
        Py_INCREF(o11); *sp++ = o11;
        *sp++ = o12;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o12);
  i69: /* CALL_ADAPTIVE  */ ;
  i74: /* BUILD_TUPLE  */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        *sp++ = o13;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 74);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o15;
    o15 = PyFloat_FromDouble(d6);
    if (!(o15 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o9;
        *sp++ = o13;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 74);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o16;
    o16 = PyTuple_New(3);
    if (!(o16 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o15;
        *sp++ = o9;
        *sp++ = o13;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 74);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyTuple_SET_ITEM(o16, 0, o15);
    PyTuple_SET_ITEM(o16, 1, o9);
    PyTuple_SET_ITEM(o16, 2, o13);
  i75: /* PRECALL_NO_KW_LIST_APPEND  */ ;
    if (!(o3 == K[3] && PyList_Check(L[1]) && PyList_Append(L[1], o16) == 0)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o3;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o16;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 75);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o16);
    Py_DECREF(o3);
  i77: /* CALL_ADAPTIVE  */ ;
  i82: /* POP_TOP  */ ;
  i83: /* JUMP_BACKWARD_QUICK to 26 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 83);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i13;
}
