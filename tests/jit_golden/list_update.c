/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 29; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i29;
  i29: /* FOR_ITER to 98 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 29);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 29);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i30: /* STORE_FAST__LOAD_FAST i */ ;
    { PyObject *o = L[1]; L[1] = o1; Py_XDECREF(o); }
  i31: /* LOAD_FAST__LOAD_FAST values */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 31);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[0] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 31);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i32: /* LOAD_FAST i */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 32);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i33: /* BINARY_SUBSCR_LIST_INT  */ ;
    PyObject * o2;
    if (!(PyList_CheckExact(L[0]) && PyLong_CheckExact(L[1]) && Py_SIZE(L[1]) >= 0 && Py_SIZE(L[1]) <= 1)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[0]); *sp++ = L[0];
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 33);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_ssize_t no2 = Py_SIZE(L[1]) ? (Py_ssize_t)((PyLongObject *)L[1])->ob_digit[0] : 0;
    if (!(no2 < PyList_GET_SIZE(L[0]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[0]); *sp++ = L[0];
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 33);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o2 = PyList_GET_ITEM(L[0], no2); Py_INCREF(o2);
  i38: /* LOAD_CONST 2.0 */ ;
  i39: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d3;
    if (!(plugopt_number_as_double(o2, &d3))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o2;
        Py_INCREF(C(1)); *sp++ = C(1);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 39);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d4;
    d4 = d3 * (0x1.0000000000000p+1);
    Py_DECREF(o2);
  i41: /* LOAD_CONST 1.0 */ ;
  i42: /* BINARY_OP_ADD_FLOAT + */ ;
    double d5;
    d5 = d4 + (0x1.0000000000000p+0);
  i44: /* LOAD_FAST__LOAD_FAST values */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 44);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i45: /* LOAD_FAST i */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 45);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i46: /* STORE_SUBSCR_LIST_INT  */ ;
    PyObject * o6;
    if (!(PyList_CheckExact(L[0]) && PyLong_CheckExact(L[1]) && Py_SIZE(L[1]) >= 0 && Py_SIZE(L[1]) <= 1)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_ssize_t no6 = Py_SIZE(L[1]) ? (Py_ssize_t)((PyLongObject *)L[1])->ob_digit[0] : 0;
    if (!(no6 < PyList_GET_SIZE(L[0]))) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o6 = PyList_GET_ITEM(L[0], no6);
    long long i7;
    i7 = !(PyFloat_CheckExact(o6) || PyLong_CheckExact(o6) || PyBool_Check(o6) || o6 == Py_None);
    if (i7) {
    PyObject * o8;
    o8 = PyFloat_FromDouble(d5);
    if (!(o8 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyList_SET_ITEM(L[0], no6, o8); Py_DECREF(o6);
    } else {
    if (plugopt_float_is_private(o6)) {
        ((PyFloatObject *)o6)->ob_fval = d5;
    } else {
    PyObject * o9;
    o9 = PyFloat_FromDouble(d5);
    if (!(o9 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyList_SET_ITEM(L[0], no6, o9); Py_DECREF(o6);
    }
    }
    if (!(!i7 || !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 48);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i48: /* JUMP_BACKWARD_QUICK to 58 */ ;
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 29);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i29;
}
