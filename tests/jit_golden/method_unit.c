/* jit_runtime.h */

/* plugopt.jit: the function unit of f at offset 0; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyObject *G = PyExecutor_Frame_GetGlobals(frame);
    PyObject **S0 = PyExecutor_Frame_GetStackBase(frame);
    const _Py_CODEUNIT *CODE = _PyCode_CODE(PyExecutor_Frame_GetCode(frame));
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    switch (PyExecutor_Frame_GetNextInstr(frame)) {
        case 0: goto i0;
        case 74: goto c74;
        default: return frame;
    }
  i0: /* RESUME_QUICK  */ ;
  i1: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 1);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i2: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    PyObject * o1;
    o1 = (Py_TYPE(L[0])->tp_version_tag == W[0] || plugopt_values_attr_at(L[0], K[0], 0)) ? plugopt_instance_value(L[0], 0) : NULL;
    if (o1 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 2);
        o1 = PyObject_GetAttr(L[0], K[0]);
    if (!(o1 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 2);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o1);
    }
  i7: /* LOAD_CONST 0.5 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o1;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 7);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i8: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d2;
    if (!(plugopt_number_as_double(o1, &d2))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o1;
        Py_INCREF(C(1)); *sp++ = C(1);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d3;
    d3 = d2 * (0x1.0000000000000p-1);
    Py_DECREF(o1);
  i10: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 10);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i11: /* LOAD_ATTR_INSTANCE_VALUE y */ ;
    PyObject * o4;
    o4 = (Py_TYPE(L[0])->tp_version_tag == W[0] || plugopt_values_attr_at(L[0], K[1], 1)) ? plugopt_instance_value(L[0], 1) : NULL;
    if (o4 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 11);
        o4 = PyObject_GetAttr(L[0], K[1]);
    if (!(o4 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 11);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o4);
    }
  i16: /* LOAD_CONST 0.25 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o4;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 16);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i17: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d5;
    if (!(plugopt_number_as_double(o4, &d5))) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o4;
        Py_INCREF(C(2)); *sp++ = C(2);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 17);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d6;
    d6 = d5 * (0x1.0000000000000p-2);
    Py_DECREF(o4);
  i19: /* BINARY_OP_ADD_FLOAT + */ ;
    double d7;
    d7 = d3 + d6;
  i21: /* STORE_FAST k */ ;
    double d8;
    d8 = d7;
  i22: /* LOAD_GLOBAL_MODULE NULL + V */ ;
    PyObject * o9;
    if (!(*V && G == B[0])) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    o9 = K[2];
  i28: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i29: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    PyObject * o10;
    o10 = (Py_TYPE(L[0])->tp_version_tag == W[0] || plugopt_values_attr_at(L[0], K[0], 0)) ? plugopt_instance_value(L[0], 0) : NULL;
    if (o10 == NULL) {
    int keep_10_1 = plugopt_float_is_private(L[1]);
    PyObject *new_10_1 = keep_10_1 ? NULL : PyFloat_FromDouble(d8);
    if ((!keep_10_1 && new_10_1 == NULL)) { Py_XDECREF(new_10_1);
        {
            PyObject **sp = S0;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            if (plugopt_float_is_private(old1)) {
                ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
            } else {
                new1 = PyFloat_FromDouble(d8);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            *sp++ = NULL;
            Py_INCREF(o9); *sp++ = o9;
            Py_INCREF(L[0]); *sp++ = L[0];
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 29);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_10_1) { ((PyFloatObject *)L[1])->ob_fval = d8; } else { PyObject *o = L[1]; L[1] = new_10_1; Py_XDECREF(o); }
        PyExecutor_Frame_SetNextInstr(frame, 29);
        o10 = PyObject_GetAttr(L[0], K[0]);
    if (!(o10 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 29);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o10);
    }
  i34: /* LOAD_FAST k */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        *sp++ = o10;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 34);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i35: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d12;
    if (!(plugopt_number_as_double(o10, &d12))) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        *sp++ = o10;
        {
            PyObject *box = PyFloat_FromDouble(d8);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 35);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d13;
    d13 = d12 * d8;
    Py_DECREF(o10);
  i37: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        {
            PyObject *box = PyFloat_FromDouble(d13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i38: /* LOAD_ATTR_INSTANCE_VALUE y */ ;
    PyObject * o14;
    o14 = (Py_TYPE(L[0])->tp_version_tag == W[0] || plugopt_values_attr_at(L[0], K[1], 1)) ? plugopt_instance_value(L[0], 1) : NULL;
    if (o14 == NULL) {
    int keep_14_1 = plugopt_float_is_private(L[1]);
    PyObject *new_14_1 = keep_14_1 ? NULL : PyFloat_FromDouble(d8);
    if ((!keep_14_1 && new_14_1 == NULL)) { Py_XDECREF(new_14_1);
        {
            PyObject **sp = S0;
            int failed = 0;
            PyObject *old1 = L[1];
            PyObject *new1 = NULL;
            if (plugopt_float_is_private(old1)) {
                ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
            } else {
                new1 = PyFloat_FromDouble(d8);
                if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
            }
            *sp++ = NULL;
            Py_INCREF(o9); *sp++ = o9;
            {
                PyObject *box = PyFloat_FromDouble(d13);
                if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
                *sp++ = box;
            }
            Py_INCREF(L[0]); *sp++ = L[0];
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 38);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_14_1) { ((PyFloatObject *)L[1])->ob_fval = d8; } else { PyObject *o = L[1]; L[1] = new_14_1; Py_XDECREF(o); }
        PyExecutor_Frame_SetNextInstr(frame, 38);
        o14 = PyObject_GetAttr(L[0], K[1]);
    if (!(o14 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        {
            PyObject *box = PyFloat_FromDouble(d13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o14);
    }
  i43: /* LOAD_FAST k */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        {
            PyObject *box = PyFloat_FromDouble(d13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o14;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 43);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i44: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d16;
    if (!(plugopt_number_as_double(o14, &d16))) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        {
            PyObject *box = PyFloat_FromDouble(d13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o14;
        {
            PyObject *box = PyFloat_FromDouble(d8);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 44);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d17;
    d17 = d16 * d8;
    Py_DECREF(o14);
  i46: /* PRECALL_ADAPTIVE  */ ;
    (*iterations)++;
    {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old1 = L[1];
        PyObject *new1 = NULL;
        if (plugopt_float_is_private(old1)) {
            ((PyFloatObject *)old1)->ob_fval = d8; old1 = NULL;
        } else {
            new1 = PyFloat_FromDouble(d8);
            if (new1 == NULL) { failed = 1; } else { L[1] = new1; }
        }
        *sp++ = NULL;
        Py_INCREF(o9); *sp++ = o9;
        {
            PyObject *box = PyFloat_FromDouble(d13);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyFloat_FromDouble(d17);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  c53: ;
    PyObject * o18;
    o18 = S0[0];
  i48: /* CALL_ADAPTIVE  */ ;
  i53: /* STORE_FAST__LOAD_FAST w */ ;
    { PyObject *o = L[2]; L[2] = o18; Py_XDECREF(o); }
  i54: /* LOAD_FAST w */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 54);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[2] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 54);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i55: /* LOAD_METHOD_WITH_VALUES dot */ ;
    PyObject * o19;
    if (Py_TYPE(L[2])->tp_version_tag == W[0] && plugopt_cache_u32(CODE, 57) == W[0] && plugopt_managed_dict(L[2]) == NULL && plugopt_cached_keys_version(Py_TYPE(L[2])) == W[1] && plugopt_cache_u32(CODE, 60) == W[1]) {
        o19 = plugopt_cache_object(CODE, 62); Py_INCREF(o19);
    } else {
        PyExecutor_Frame_SetNextInstr(frame, 55);
        int found19 = _PyObject_GetMethod(L[2], K[3], &o19);
    if (!(o19 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(found19)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = NULL;
        *sp++ = o19;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 66);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o19;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 66);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    }
  i66: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o19;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 66);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i67: /* PRECALL_PYFUNC  */ ;
    (*iterations)++;
    {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o19;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  c74: ;
    PyObject * o21;
    o21 = S0[0];
  i69: /* CALL_PY_EXACT_ARGS  */ ;
  i74: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o21;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 74);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i75: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    PyObject * o22;
    o22 = (Py_TYPE(L[0])->tp_version_tag == W[0] || plugopt_values_attr_at(L[0], K[0], 0)) ? plugopt_instance_value(L[0], 0) : NULL;
    if (o22 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 75);
        o22 = PyObject_GetAttr(L[0], K[0]);
    if (!(o22 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o21;
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 75);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o22);
    }
  i80: /* LOAD_CONST 0.5 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o21;
        *sp++ = o22;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 80);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i81: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d23;
    if (!(plugopt_number_as_double(o22, &d23))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o21;
        *sp++ = o22;
        Py_INCREF(C(1)); *sp++ = C(1);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 81);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d24;
    d24 = d23 * (0x1.0000000000000p-1);
    Py_DECREF(o22);
  i83: /* BINARY_OP_ADD_FLOAT + */ ;
    double d25;
    if (!(plugopt_number_as_double(o21, &d25))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o21;
        {
            PyObject *box = PyFloat_FromDouble(d24);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 83);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d26;
    d26 = d25 + d24;
    Py_DECREF(o21);
  i85: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d26);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 85);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i86: /* LOAD_ATTR_INSTANCE_VALUE y */ ;
    PyObject * o27;
    o27 = (Py_TYPE(L[0])->tp_version_tag == W[0] || plugopt_values_attr_at(L[0], K[1], 1)) ? plugopt_instance_value(L[0], 1) : NULL;
    if (o27 == NULL) {
        PyExecutor_Frame_SetNextInstr(frame, 86);
        o27 = PyObject_GetAttr(L[0], K[1]);
    if (!(o27 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d26);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 86);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o27);
    }
  i91: /* LOAD_FAST k */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d26);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o27;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 91);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d26);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o27;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 91);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i92: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    if (!(PyFloat_CheckExact(o27))) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d26);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o27;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 92);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(L[1]))) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d26);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o27;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 92);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d28;
    d28 = PyFloat_AS_DOUBLE(o27) * PyFloat_AS_DOUBLE(L[1]);
    Py_DECREF(o27);
  i94: /* BINARY_OP_SUBTRACT_FLOAT - */ ;
    double d29;
    d29 = d26 - d28;
  i96: /* STORE_FAST__LOAD_FAST d */ ;
    double d30;
    d30 = d29;
  i97: /* LOAD_FAST__LOAD_FAST d */ ;
  i98: /* LOAD_FAST d */ ;
  i99: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d31;
    d31 = d30 * d30;
  i101: /* LOAD_FAST w */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d31);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 101);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i102: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    PyObject * o32;
    o32 = (Py_TYPE(L[2])->tp_version_tag == W[0] || plugopt_values_attr_at(L[2], K[0], 0)) ? plugopt_instance_value(L[2], 0) : NULL;
    if (o32 == NULL) {
    int keep_32_3 = plugopt_float_is_private(L[3]);
    PyObject *new_32_3 = keep_32_3 ? NULL : PyFloat_FromDouble(d30);
    if ((!keep_32_3 && new_32_3 == NULL)) { Py_XDECREF(new_32_3);
        {
            PyObject **sp = S0;
            int failed = 0;
            PyObject *old3 = L[3];
            PyObject *new3 = NULL;
            if (plugopt_float_is_private(old3)) {
                ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
            } else {
                new3 = PyFloat_FromDouble(d30);
                if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
            }
            {
                PyObject *box = PyFloat_FromDouble(d31);
                if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
                *sp++ = box;
            }
            Py_INCREF(L[2]); *sp++ = L[2];
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 102);
            if (new3 != NULL) { Py_XDECREF(old3); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    if (keep_32_3) { ((PyFloatObject *)L[3])->ob_fval = d30; } else { PyObject *o = L[3]; L[3] = new_32_3; Py_XDECREF(o); }
        PyExecutor_Frame_SetNextInstr(frame, 102);
        o32 = PyObject_GetAttr(L[2], K[0]);
    if (!(o32 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d31);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 102);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    } else {
        Py_INCREF(o32);
    }
  i107: /* LOAD_CONST 2.0 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d31);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o32;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 107);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i108: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d34;
    if (!(plugopt_number_as_double(o32, &d34))) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d31);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o32;
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 108);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d35;
    d35 = d34 * (0x1.0000000000000p+1);
    Py_DECREF(o32);
  i110: /* BINARY_OP_ADD_FLOAT + */ ;
    double d36;
    d36 = d31 + d35;
  i112: /* LOAD_FAST k */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d36);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 112);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i113: /* BINARY_OP_SUBTRACT_FLOAT - */ ;
    double d37;
    if (!(plugopt_number_as_double(L[1], &d37))) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d36);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 113);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d38;
    d38 = d36 - d37;
  i115: /* STORE_FAST__LOAD_FAST e */ ;
    double d39;
    d39 = d38;
  i116: /* LOAD_FAST__LOAD_CONST e */ ;
  i117: /* LOAD_CONST None */ ;
  i118: /* IS_OP  */ ;
    (*iterations)++;
    {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d30; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d30);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        PyObject *old4 = L[4];
        PyObject *new4 = NULL;
        if (plugopt_float_is_private(old4)) {
            ((PyFloatObject *)old4)->ob_fval = d39; old4 = NULL;
        } else {
            new4 = PyFloat_FromDouble(d39);
            if (new4 == NULL) { failed = 1; } else { L[4] = new4; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d39);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(C(0)); *sp++ = C(0);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 118);
        if (new3 != NULL) { Py_XDECREF(old3); }
        if (new4 != NULL) { Py_XDECREF(old4); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
}
