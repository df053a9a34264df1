/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 5; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i5;
  i5: /* FOR_ITER to 50 */ ;
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
  i6: /* STORE_FAST__LOAD_FAST p */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i7: /* LOAD_FAST__LOAD_FAST t */ ;
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
  i8: /* LOAD_FAST p */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i9: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    PyObject * o2;
    o2 = (Py_TYPE(L[2])->tp_version_tag == W[0] || plugopt_values_attr_at(L[2], K[0], 0)) ? plugopt_instance_value(L[2], 0) : NULL;
    if (o2 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 9);
        o2 = PyObject_GetAttr(L[2], K[0]);
    if (!(o2 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 9);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o2);
    }
  i14: /* BINARY_OP_ADD_FLOAT += */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(L[1]))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(o2))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d3;
    d3 = PyFloat_AS_DOUBLE(L[1]) + PyFloat_AS_DOUBLE(o2);
    Py_DECREF(o2);
  i16: /* STORE_FAST__LOAD_FAST t */ ;
    double d4;
    d4 = d3;
  i17: /* LOAD_FAST__LOAD_FAST t */ ;
  i18: /* LOAD_FAST p */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d4; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d4);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d4);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 18);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i19: /* STORE_ATTR_INSTANCE_VALUE x */ ;
    if (!((Py_TYPE(L[2])->tp_version_tag == W[0] || plugopt_values_attr_at(L[2], K[0], 0)))) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d4; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d4);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d4);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject **a4 = plugopt_instance_slot(L[2], 0);
    PyObject * o6;
    o6 = a4 != NULL ? *a4 : NULL;
    if (!(o6 != NULL && (PyFloat_CheckExact(o6) || PyLong_CheckExact(o6) || PyBool_Check(o6) || o6 == Py_None))) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d4; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d4);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d4);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (plugopt_float_is_private(o6)) {
        ((PyFloatObject *)o6)->ob_fval = d4;
    } else {
    PyObject * o7;
    o7 = PyFloat_FromDouble(d4);
    if (!(o7 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d4; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d4);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d4);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    *a4 = o7; Py_DECREF(o6);
    }
  i24: /* JUMP_BACKWARD_QUICK to 10 */ ;
    int keep_7_1 = plugopt_float_is_private(L[1]);
    PyObject *new_7_1 = keep_7_1 ? NULL : PyFloat_FromDouble(d4);
    if ((!keep_7_1 && new_7_1 == NULL)) { Py_XDECREF(new_7_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            if (plugopt_float_is_private(old1)) {
                ((PyFloatObject *)old1)->ob_fval = d4; old1 = NULL;
            } else {
                new1 = PyFloat_FromDouble(d4);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 24);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_7_1) { ((PyFloatObject *)L[1])->ob_fval = d4; } else { PyObject *o = L[1]; L[1] = new_7_1; Py_XDECREF(o); }
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
