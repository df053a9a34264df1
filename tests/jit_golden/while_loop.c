/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 11; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i11;
  i11: /* LOAD_FAST__LOAD_FAST s */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 11);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i12: /* LOAD_FAST__LOAD_CONST i */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 12);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i13: /* LOAD_CONST 0.5 */ ;
  i14: /* BINARY_OP_ADAPTIVE * */ ;
    double d1;
    if (!(plugopt_number_as_double(L[1], &d1))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d2;
    d2 = d1 * (0x1.0000000000000p-1);
  i16: /* BINARY_OP_ADD_FLOAT += */ ;
    double d3;
    if (!(plugopt_number_as_double(L[2], &d3))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyFloat_FromDouble(d2);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 16);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d4;
    d4 = d3 + d2;
  i18: /* STORE_FAST__LOAD_FAST s */ ;
    double d5;
    d5 = d4;
  i19: /* LOAD_FAST__LOAD_CONST i */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old2 = L[2];
        PyObject *new2 = NULL;
        if (plugopt_float_is_private(old2)) {
            ((PyFloatObject *)old2)->ob_fval = d5; old2 = NULL;
        } else {
            new2 = PyFloat_FromDouble(d5);
            if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        if (new2 != NULL) { Py_XDECREF(old2); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i20: /* LOAD_CONST 1 */ ;
  i21: /* BINARY_OP_ADD_INT += */ ;
    long long i6;
    if (!(plugopt_as_int(L[1], &i6))) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old2 = L[2];
        PyObject *new2 = NULL;
        if (plugopt_float_is_private(old2)) {
            ((PyFloatObject *)old2)->ob_fval = d5; old2 = NULL;
        } else {
            new2 = PyFloat_FromDouble(d5);
            if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
        }
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        if (new2 != NULL) { Py_XDECREF(old2); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i7;
    if (!(!__builtin_add_overflow(i6, (1LL), &i7) && i7 > -(1LL << 62) && i7 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old2 = L[2];
        PyObject *new2 = NULL;
        if (plugopt_float_is_private(old2)) {
            ((PyFloatObject *)old2)->ob_fval = d5; old2 = NULL;
        } else {
            new2 = PyFloat_FromDouble(d5);
            if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
        }
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        if (new2 != NULL) { Py_XDECREF(old2); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i23: /* STORE_FAST__LOAD_FAST i */ ;
    long long i8;
    i8 = i7;
  i24: /* LOAD_FAST__LOAD_FAST i */ ;
  i25: /* LOAD_FAST n */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        {
            new1 = PyLong_FromLongLong(i8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        PyObject *old2 = L[2];
        PyObject *new2 = NULL;
        if (plugopt_float_is_private(old2)) {
            ((PyFloatObject *)old2)->ob_fval = d5; old2 = NULL;
        } else {
            new2 = PyFloat_FromDouble(d5);
            if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
        }
        {
            PyObject *box = PyLong_FromLongLong(i8);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 25);
        if (new1 != NULL) { Py_XDECREF(old1); }
        if (new2 != NULL) { Py_XDECREF(old2); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i26: /* COMPARE_OP_INT_JUMP < */ ;
    PyObject *new_8_1 = PyLong_FromLongLong(i8);
    int keep_8_2 = plugopt_float_is_private(L[2]);
    PyObject *new_8_2 = keep_8_2 ? NULL : PyFloat_FromDouble(d5);
    if (new_8_1 == NULL || (!keep_8_2 && new_8_2 == NULL)) { Py_XDECREF(new_8_1); Py_XDECREF(new_8_2);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            {
                new1 = PyLong_FromLongLong(i8);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyObject *old2 = L[2];
            PyObject *new2 = NULL;
            if (plugopt_float_is_private(old2)) {
                ((PyFloatObject *)old2)->ob_fval = d5; old2 = NULL;
            } else {
                new2 = PyFloat_FromDouble(d5);
                if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
            }
            {
                PyObject *box = PyLong_FromLongLong(i8);
                if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
                *sp++ = box;
            }
            Py_INCREF(L[0]); *sp++ = L[0];
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 26);
            if (new1 != NULL) { Py_XDECREF(old1); }
            if (new2 != NULL) { Py_XDECREF(old2); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[1]; L[1] = new_8_1; Py_XDECREF(o); }
    if (keep_8_2) { ((PyFloatObject *)L[2])->ob_fval = d5; } else { PyObject *o = L[2]; L[2] = new_8_2; Py_XDECREF(o); }
    long long i10;
    if (!(plugopt_as_int(L[0], &i10))) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyLong_FromLongLong(i8);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 26);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i11;
    i11 = (i8) < (i10);
    if (i11) {
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 11);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i11;
    }
    {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i29: /* POP_JUMP_BACKWARD_IF_TRUE to 22 */ ;
}
