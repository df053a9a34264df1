/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 7; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i7;
  i7: /* FOR_ITER to 84 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i8: /* STORE_FAST__LOAD_FAST v */ ;
    { PyObject *o = L[3]; L[3] = o1; Py_XDECREF(o); }
  i9: /* LOAD_FAST__LOAD_CONST v */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i10: /* LOAD_CONST 0.25 */ ;
  i11: /* COMPARE_OP_FLOAT_JUMP < */ ;
    if (!(PyFloat_CheckExact(L[3]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 11);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i2;
    i2 = (PyFloat_AS_DOUBLE(L[3])) < ((0x1.0000000000000p-2));
    if (!i2) goto i21;
  i14: /* POP_JUMP_FORWARD_IF_FALSE to 42 */ ;
  i15: /* LOAD_FAST__LOAD_CONST low */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 15);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i16: /* LOAD_CONST 1 */ ;
  i17: /* BINARY_OP_ADD_INT += */ ;
    long long i3;
    if (!(plugopt_as_int(L[1], &i3))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 17);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i4;
    if (!(!__builtin_add_overflow(i3, (1LL), &i4) && i4 > -(1LL << 62) && i4 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 17);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i19: /* STORE_FAST low */ ;
    long long i5;
    i5 = i4;
  i20: /* JUMP_BACKWARD_QUICK to 14 */ ;
    PyObject *new_5_1 = PyLong_FromLongLong(i5);
    if (new_5_1 == NULL) { Py_XDECREF(new_5_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            {
                new1 = PyLong_FromLongLong(i5);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 20);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[1]; L[1] = new_5_1; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i7;
  i21: /* LOAD_FAST__LOAD_CONST v */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i22: /* LOAD_CONST 0.75 */ ;
  i23: /* COMPARE_OP_FLOAT_JUMP > */ ;
    if (!(PyFloat_CheckExact(L[3]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(5)); *sp++ = C(5);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 23);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i7;
    i7 = (PyFloat_AS_DOUBLE(L[3])) > ((0x1.8000000000000p-1));
    if (!i7) goto i28;
  i26: /* POP_JUMP_FORWARD_IF_FALSE to 56 */ ;
  i27: /* JUMP_BACKWARD_QUICK to 14 */ ;
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i7;
  i28: /* LOAD_FAST__LOAD_CONST v */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i29: /* LOAD_CONST 0.5 */ ;
  i30: /* COMPARE_OP_FLOAT_JUMP == */ ;
    if (!(PyFloat_CheckExact(L[3]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(6)); *sp++ = C(6);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i8;
    i8 = (PyFloat_AS_DOUBLE(L[3])) == ((0x1.0000000000000p-1));
    if (!i8) goto i36;
  i33: /* POP_JUMP_FORWARD_IF_FALSE to 72 */ ;
  i34: /* POP_TOP  */ ;
    { PyObject *it = S[-1];
        PyExecutor_Frame_SetStackPointer(frame, S - 1);
        PyExecutor_Frame_SetNextInstr(frame, 42);
        Py_DECREF(it);
        return frame; }
  i35: /* JUMP_FORWARD to 84 */ ;
  i36: /* LOAD_FAST__LOAD_FAST mid */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 36);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i37: /* LOAD_FAST v */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i38: /* BINARY_OP_ADD_FLOAT += */ ;
    if (!(PyFloat_CheckExact(L[2]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(L[3]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d9;
    d9 = PyFloat_AS_DOUBLE(L[2]) + PyFloat_AS_DOUBLE(L[3]);
  i40: /* STORE_FAST mid */ ;
    double d10;
    d10 = d9;
  i41: /* JUMP_BACKWARD_QUICK to 14 */ ;
    int keep_10_2 = plugopt_float_is_private(L[2]);
    PyObject *new_10_2 = keep_10_2 ? NULL : PyFloat_FromDouble(d10);
    if ((!keep_10_2 && new_10_2 == NULL)) { Py_XDECREF(new_10_2);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old2 = L[2];
            PyObject *new2 = NULL;
            if (plugopt_float_is_private(old2)) {
                ((PyFloatObject *)old2)->ob_fval = d10; old2 = NULL;
            } else {
                new2 = PyFloat_FromDouble(d10);
                if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 41);
            if (new2 != NULL) { Py_XDECREF(old2); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_10_2) { ((PyFloatObject *)L[2])->ob_fval = d10; } else { PyObject *o = L[2]; L[2] = new_10_2; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i7;
}
