/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 18; generated, do not edit. */
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
    goto i18;
  i18: /* FOR_ITER to 84 */ ;
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
  i20: /* LOAD_FAST total */ ;
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
  i21: /* LOAD_GLOBAL_MODULE NULL + half */ ;
    PyObject * o2;
    if (!(*V && G == B[0])) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o2 = B[1];
  i27: /* LOAD_FAST__LOAD_CONST i */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 27);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i28: /* LOAD_CONST 1.0 */ ;
  i29: /* BINARY_OP_ADAPTIVE * */ ;
    double d3;
    if (!(plugopt_number_as_double(L[2], &d3))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(2)); *sp++ = C(2);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 29);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d4;
    d4 = d3 * (0x1.0000000000000p+0);
  i31: /* PRECALL_PYFUNC  */ ;
    double d6;
    d6 = d4 * (0x1.0000000000000p-1);
  i33: /* CALL_PY_EXACT_ARGS  */ ;
  i38: /* BINARY_OP_ADD_FLOAT += */ ;
    double d7;
    if (!(plugopt_number_as_double(L[1], &d7))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d6);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d8;
    d8 = d7 + d6;
  i40: /* STORE_FAST total */ ;
    double d9;
    d9 = d8;
  i41: /* JUMP_BACKWARD_QUICK to 36 */ ;
    int keep_9_1 = plugopt_float_is_private(L[1]);
    PyObject *new_9_1 = keep_9_1 ? NULL : PyFloat_FromDouble(d9);
    if ((!keep_9_1 && new_9_1 == NULL)) { Py_XDECREF(new_9_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            if (plugopt_float_is_private(old1)) {
                ((PyFloatObject *)old1)->ob_fval = d9; old1 = NULL;
            } else {
                new1 = PyFloat_FromDouble(d9);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 41);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_9_1) { ((PyFloatObject *)L[1])->ob_fval = d9; } else { PyObject *o = L[1]; L[1] = new_9_1; Py_XDECREF(o); }
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
