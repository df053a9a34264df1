/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 5; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyObject *G = PyExecutor_Frame_GetGlobals(frame);
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i5;
  i5: /* FOR_ITER to 118 */ ;
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
  i6: /* STORE_FAST__LOAD_FAST x */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i7: /* LOAD_FAST n */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i8: /* LOAD_GLOBAL_BUILTIN NULL + int */ ;
    PyObject * o2;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o2 = K[0];
  i14: /* LOAD_FAST__LOAD_CONST x */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i15: /* LOAD_CONST 16 */ ;
  i16: /* KW_NAMES  */ ;
    PyObject * o3;
    PyObject *a3[2] = {L[2], C(2)};
    PyExecutor_Frame_SetNextInstr(frame, 17);
    o3 = PyObject_Vectorcall(o2, a3, 1, C(3));
    if (!(o3 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(2)); *sp++ = C(2);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 17);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i17: /* PRECALL_ADAPTIVE  */ ;
  i19: /* CALL_ADAPTIVE  */ ;
  i24: /* LOAD_GLOBAL_BUILTIN NULL + len */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 24);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o5;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 24);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o5 = K[1];
  i30: /* LOAD_GLOBAL_BUILTIN NULL + sorted */ ;
    PyObject * o6;
    if (!(*V && G == B[0] && PyExecutor_Frame_GetBuiltins(frame) == B[1])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o6 = K[2];
  i36: /* LOAD_FAST__LOAD_CONST x */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        *sp++ = NULL;
        Py_INCREF(o6); *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 36);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i37: /* LOAD_CONST True */ ;
  i38: /* KW_NAMES  */ ;
    PyObject * o7;
    PyObject *a7[2] = {L[2], C(4)};
    PyExecutor_Frame_SetNextInstr(frame, 39);
    o7 = PyObject_Vectorcall(o6, a7, 1, C(5));
    if (!(o7 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        *sp++ = NULL;
        Py_INCREF(o6); *sp++ = o6;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 39);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i39: /* PRECALL_BUILTIN_FAST_WITH_KEYWORDS  */ ;
  i41: /* CALL_ADAPTIVE  */ ;
  i46: /* PRECALL_NO_KW_LEN  */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        *sp++ = o7;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o9;
    PyObject *a9[1] = {o7};
    PyExecutor_Frame_SetNextInstr(frame, 46);
    o9 = (o5 == K[1]) ? plugopt_len(a9[0]) : PyObject_Vectorcall(o5, a9, 1, NULL);
    if (!(o9 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = NULL;
        Py_INCREF(o5); *sp++ = o5;
        *sp++ = o7;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o7);
  i48: /* CALL_ADAPTIVE  */ ;
  i53: /* BINARY_OP_ADD_INT + */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 53);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i11;
    if (!(plugopt_as_int(o3, &i11))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 53);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i12;
    if (!(plugopt_as_int(o9, &i12))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 53);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i13;
    if (!(!__builtin_add_overflow(i11, i12, &i13) && i13 > -(1LL << 62) && i13 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o3;
        *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 53);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o3);
    Py_DECREF(o9);
  i55: /* BINARY_OP_ADD_INT += */ ;
    long long i14;
    if (!(plugopt_as_int(L[1], &i14))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i15;
    if (!(!__builtin_add_overflow(i14, i13, &i15) && i15 > -(1LL << 62) && i15 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i57: /* STORE_FAST n */ ;
    long long i16;
    i16 = i15;
  i58: /* JUMP_BACKWARD_QUICK to 10 */ ;
    PyObject *new_16_1 = PyLong_FromLongLong(i16);
    if (new_16_1 == NULL) { Py_XDECREF(new_16_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            {
                new1 = PyLong_FromLongLong(i16);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 58);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[1]; L[1] = new_16_1; Py_XDECREF(o); }
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
