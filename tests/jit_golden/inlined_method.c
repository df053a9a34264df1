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
    const _Py_CODEUNIT *CODE = _PyCode_CODE(PyExecutor_Frame_GetCode(frame));
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i5;
  i5: /* FOR_ITER to 122 */ ;
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
  i6: /* STORE_FAST p */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i7: /* LOAD_GLOBAL_MODULE NULL + P */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o2;
    if (!(*V && G == B[0])) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o2 = K[0];
  i13: /* LOAD_FAST p */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i14: /* LOAD_ATTR_SLOT x */ ;
    PyObject * o3;
    o3 = (Py_TYPE(L[2])->tp_version_tag == W[0] || plugopt_slot_attr_at(L[2], K[1], 16)) ? *(PyObject **)((char *)L[2] + 16) : NULL;
    if (o3 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 14);
        o3 = PyObject_GetAttr(L[2], K[1]);
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
    } else {
        Py_INCREF(o3);
    }
  i19: /* LOAD_CONST 2.0 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        *sp++ = o3;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i20: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d4;
    if (!(plugopt_number_as_double(o3, &d4))) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        *sp++ = o3;
        Py_INCREF(C(2)); *sp++ = C(2);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 20);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d5;
    d5 = d4 * (0x1.0000000000000p+1);
    Py_DECREF(o3);
  i22: /* LOAD_FAST p */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i23: /* LOAD_ATTR_SLOT y */ ;
    PyObject * o6;
    o6 = (Py_TYPE(L[2])->tp_version_tag == W[0] || plugopt_slot_attr_at(L[2], K[2], 24)) ? *(PyObject **)((char *)L[2] + 24) : NULL;
    if (o6 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 23);
        o6 = PyObject_GetAttr(L[2], K[2]);
    if (!(o6 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 23);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o6);
    }
  i28: /* PRECALL_ADAPTIVE  */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(Py_IS_TYPE(((PyTypeObject *)o2), &PyType_Type) && ((PyTypeObject *)o2)->tp_new == PyBaseObject_Type.tp_new && !(((PyTypeObject *)o2)->tp_flags & Py_TPFLAGS_IS_ABSTRACT) && ((PyTypeObject *)o2)->tp_finalize == NULL && ((PyTypeObject *)o2)->tp_del == NULL && _PyType_Lookup(((PyTypeObject *)o2), K[3]) == K[4] && PyFunction_GET_CODE(K[4]) == K[5])) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o7;
    o7 = PyBaseObject_Type.tp_new(((PyTypeObject *)o2), K[6], NULL);
    if (!(o7 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!((Py_TYPE(o7)->tp_version_tag == W[0] || plugopt_slot_attr_at(o7, K[1], 16)))) {
        Py_DECREF(o7);
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!((Py_TYPE(o7)->tp_version_tag == W[0] || plugopt_slot_attr_at(o7, K[2], 24)))) {
        Py_DECREF(o7);
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject **a7 = (PyObject **)((char *)o7 + 16);
    if (!(a7 != NULL && *a7 == NULL)) {
        Py_DECREF(o7);
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject **a8 = (PyObject **)((char *)o7 + 24);
    if (!(a8 != NULL && *a8 == NULL)) {
        Py_DECREF(o7);
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o10;
    PyObject * o11;
    Py_INCREF(o6);
    o11 = o6;
    o10 = PyFloat_FromDouble(d5);
    if (!(!(o10 == NULL || o11 == NULL))) {
        Py_XDECREF(o10);
        Py_XDECREF(o11);
        Py_DECREF(o7);
        PyObject **sp = S;
        int failed = 0;
        *sp++ = NULL;
        Py_INCREF(o2); *sp++ = o2;
        {
            PyObject *box = PyFloat_FromDouble(d5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o6;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    *a7 = o10;
    *a8 = o11;
    Py_DECREF(o6);
  i30: /* CALL_ADAPTIVE  */ ;
  i35: /* STORE_FAST__LOAD_FAST q */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        *sp++ = o7;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 35);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    { PyObject *o = L[3]; L[3] = o7; Py_XDECREF(o); }
  i36: /* LOAD_FAST__LOAD_FAST total */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 36);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 36);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i37: /* LOAD_FAST q */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i38: /* LOAD_METHOD_NO_DICT scaled_norm */ ;
    PyObject * o12;
    if (Py_TYPE(L[3])->tp_version_tag == W[0] && plugopt_cache_u32(CODE, 40) == W[0]) {
        o12 = plugopt_cache_object(CODE, 45); Py_INCREF(o12);
    } else {
        PyExecutor_Frame_SetNextInstr(frame, 38);
        int found12 = _PyObject_GetMethod(L[3], K[8], &o12);
    if (!(o12 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(found12)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = NULL;
        *sp++ = o12;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 49);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o12;
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 49);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    }
  i49: /* LOAD_CONST 0.5 */ ;
  i50: /* PRECALL_PYFUNC  */ ;
    if (!(o12 == K[9] && PyFunction_GET_CODE(o12) == K[10])) { goto call13; }
    long long i15;
    i15 = ((0x1.0000000000000p-1)) > ((0x0.0p+0));
    if (!i15) goto arm15_second;
    PyObject * o17;
    if (!(*V && G == B[0])) { goto call13; }
    o17 = K[11];
    if (!((Py_TYPE(L[3])->tp_version_tag == W[0] || plugopt_slot_attr_at(L[3], K[1], 16)))) { goto call13; }
    PyObject * o18;
    o18 = *(PyObject **)((char *)L[3] + 16);
    if (!(o18 != NULL)) { goto call13; }
    if (!(PyFloat_CheckExact(o18))) { goto call13; }
    if (!(PyFloat_CheckExact(o18))) { goto call13; }
    double d19;
    d19 = PyFloat_AS_DOUBLE(o18) * PyFloat_AS_DOUBLE(o18);
    if (!((Py_TYPE(L[3])->tp_version_tag == W[0] || plugopt_slot_attr_at(L[3], K[2], 24)))) { goto call13; }
    PyObject * o20;
    o20 = *(PyObject **)((char *)L[3] + 24);
    if (!(o20 != NULL)) { goto call13; }
    if (!(PyFloat_CheckExact(o20))) { goto call13; }
    if (!(PyFloat_CheckExact(o20))) { goto call13; }
    double d21;
    d21 = PyFloat_AS_DOUBLE(o20) * PyFloat_AS_DOUBLE(o20);
    double d22;
    d22 = d19 + d21;
    if (!(d22 >= 0.0)) { goto call13; }
    double d23;
    d23 = sqrt(d22);
    double d24;
    d24 = d23 * (0x1.0000000000000p-1);
    double d25;
    d25 = d24;
    goto arm15_meet;
  arm15_second: ;
    d25 = (0x0.0p+0);
  arm15_meet: ;
    goto call13_done;
  call13: ;
    {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        *sp++ = o12;
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 50);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  call13_done: ;
    Py_DECREF(o12);
  i52: /* CALL_PY_EXACT_ARGS  */ ;
  i57: /* BINARY_OP_ADD_FLOAT += */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d25);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 57);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d26;
    if (!(plugopt_number_as_double(L[1], &d26))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyFloat_FromDouble(d25);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 57);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d27;
    d27 = d26 + d25;
  i59: /* STORE_FAST total */ ;
    double d28;
    d28 = d27;
  i60: /* JUMP_BACKWARD_QUICK to 10 */ ;
    int keep_28_1 = plugopt_float_is_private(L[1]);
    PyObject *new_28_1 = keep_28_1 ? NULL : PyFloat_FromDouble(d28);
    if ((!keep_28_1 && new_28_1 == NULL)) { Py_XDECREF(new_28_1);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            if (plugopt_float_is_private(old1)) {
                ((PyFloatObject *)old1)->ob_fval = d28; old1 = NULL;
            } else {
                new1 = PyFloat_FromDouble(d28);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 60);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_28_1) { ((PyFloatObject *)L[1])->ob_fval = d28; } else { PyObject *o = L[1]; L[1] = new_28_1; Py_XDECREF(o); }
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
