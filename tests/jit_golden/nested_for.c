/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 5; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i5;
  i5: /* FOR_ITER to 52 */ ;
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
  i6: /* STORE_FAST__LOAD_FAST row */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i7: /* LOAD_FAST row */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i8: /* GET_ITER  */ ;
    PyExecutor_Frame_SetNextInstr(frame, 8);
    PyObject * o2;
    o2 = PyObject_GetIter(L[2]);
    if (!(o2 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(plugopt_is_simple_iterator(o2))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i9: /* FOR_ITER to 50 */ ;
    PyObject * o3;
    o3 = Py_TYPE(o2)->tp_iternext(o2);
    if (!(o3 != NULL || !PyErr_Occurred())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (o3 == NULL) { PyExecutor_Frame_SetNextInstr(frame, 9); Py_DECREF(o2); goto i25; }
  i10: /* STORE_FAST__LOAD_FAST x */ ;
    { PyObject *o = L[3]; L[3] = o3; Py_XDECREF(o); }
  i11: /* LOAD_FAST__LOAD_CONST x */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 11);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 11);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i12: /* LOAD_CONST 0 */ ;
  i13: /* COMPARE_OP_INT_JUMP < */ ;
    long long i4;
    if (!(plugopt_as_int(L[3], &i4))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(1)); *sp++ = C(1);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i5;
    i5 = (i4) < ((0LL));
    if (!i5) goto i19;
  i16: /* POP_JUMP_FORWARD_IF_FALSE to 38 */ ;
  i17: /* POP_TOP  */ ;
    Py_DECREF(o2);
  i18: /* JUMP_FORWARD to 50 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 18);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i25;
  i19: /* LOAD_FAST__LOAD_FAST t */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i20: /* LOAD_FAST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 20);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i21: /* BINARY_OP_ADD_INT += */ ;
    long long i6;
    if (!(plugopt_as_int(L[1], &i6))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i7;
    if (!(plugopt_as_int(L[3], &i7))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i8;
    if (!(!__builtin_add_overflow(i6, i7, &i8) && i8 > -(1LL << 62) && i8 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i23: /* STORE_FAST t */ ;
    long long i9;
    i9 = i8;
  i24: /* JUMP_BACKWARD_QUICK to 18 */ ;
    PyObject *new_9_1 = PyLong_FromLongLong(i9);
    if (new_9_1 == NULL) { Py_XDECREF(new_9_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            {
                new1 = PyLong_FromLongLong(i9);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            *sp++ = o2;
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 24);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[1]; L[1] = new_9_1; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i9;
  i25: /* JUMP_BACKWARD_QUICK to 10 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 25);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
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
