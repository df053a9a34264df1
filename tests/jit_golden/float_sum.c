/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 18; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i18;
  i18: /* FOR_ITER to 58 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 18);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 18);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i19: /* STORE_FAST__LOAD_FAST i */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i20: /* LOAD_FAST__LOAD_FAST total */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 20);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 20);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i21: /* LOAD_FAST__LOAD_CONST i */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i22: /* LOAD_CONST 0.5 */ ;
  i23: /* BINARY_OP_ADAPTIVE * */ ;
    double d2;
    if (!(plugopt_number_as_double(L[2], &d2))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(2)); *sp++ = C(2);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 23);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d3;
    d3 = d2 * (0x1.0000000000000p-1);
  i25: /* BINARY_OP_ADD_FLOAT += */ ;
    double d4;
    if (!(plugopt_number_as_double(L[1], &d4))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 25);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d5;
    d5 = d4 + d3;
  i27: /* STORE_FAST total */ ;
    double d6;
    d6 = d5;
  i28: /* JUMP_BACKWARD_QUICK to 36 */ ;
    int keep_6_1 = plugopt_float_is_private(L[1]);
    PyObject *new_6_1 = keep_6_1 ? NULL : PyFloat_FromDouble(d6);
    if ((!keep_6_1 && new_6_1 == NULL)) { Py_XDECREF(new_6_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            if (plugopt_float_is_private(old1)) {
                ((PyFloatObject *)old1)->ob_fval = d6; old1 = NULL;
            } else {
                new1 = PyFloat_FromDouble(d6);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 28);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_6_1) { ((PyFloatObject *)L[1])->ob_fval = d6; } else { PyObject *o = L[1]; L[1] = new_6_1; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 18);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i18;
}
