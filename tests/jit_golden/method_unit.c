/* plugopt.jit: the function unit of f at offset 0; generated, do not edit. */
/* jit_runtime.h */

struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint8_t *V)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyObject *G = PyExecutor_Frame_GetGlobals(frame);
    PyObject **S0 = PyExecutor_Frame_GetStackBase(frame);
    const _Py_CODEUNIT *CODE = _PyCode_CODE(PyExecutor_Frame_GetCode(frame));
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)V;
    switch (PyExecutor_Frame_GetNextInstr(frame)) {
        case 0: goto i0;
        case 53: goto c53;
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
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 2);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = plugopt_instance_value(L[0], 0);
    if (!(o1 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 2);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_INCREF(o1);
  i7: /* LOAD_CONST 0.5 */ ;
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
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
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
    PyObject * o4;
    o4 = plugopt_instance_value(L[0], 1);
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
    Py_INCREF(o4);
  i16: /* LOAD_CONST 0.25 */ ;
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
    o9 = K[0];
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
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
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
    PyObject * o10;
    o10 = plugopt_instance_value(L[0], 0);
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
    Py_INCREF(o10);
  i34: /* LOAD_FAST k */ ;
  i35: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d11;
    if (!(plugopt_number_as_double(o10, &d11))) {
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
    double d12;
    d12 = d11 * d8;
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
            PyObject *box = PyFloat_FromDouble(d12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 37);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i38: /* LOAD_ATTR_INSTANCE_VALUE y */ ;
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
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
            PyObject *box = PyFloat_FromDouble(d12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o13;
    o13 = plugopt_instance_value(L[0], 1);
    if (!(o13 != NULL)) {
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
            PyObject *box = PyFloat_FromDouble(d12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_INCREF(o13);
  i43: /* LOAD_FAST k */ ;
  i44: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d14;
    if (!(plugopt_number_as_double(o13, &d14))) {
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
            PyObject *box = PyFloat_FromDouble(d12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o13;
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
    double d15;
    d15 = d14 * d8;
    Py_DECREF(o13);
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
            PyObject *box = PyFloat_FromDouble(d12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyFloat_FromDouble(d15);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        if (new1 != NULL) { Py_XDECREF(old1); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  c53: ;
    PyObject * o16;
    o16 = S0[0];
  i48: /* CALL_ADAPTIVE  */ ;
  i53: /* STORE_FAST__LOAD_FAST w */ ;
    { PyObject *o = L[2]; L[2] = o16; Py_XDECREF(o); }
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
    if (!(Py_TYPE(L[2])->tp_version_tag == VERSION && plugopt_cache_u32(CODE, 57) == VERSION && plugopt_managed_dict(L[2]) == NULL && plugopt_cached_keys_version(Py_TYPE(L[2])) == VERSION && plugopt_cache_u32(CODE, 60) == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 55);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o17;
    o17 = plugopt_cache_object(CODE, 62); Py_INCREF(o17);
  i66: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 66);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i67: /* PRECALL_PYFUNC  */ ;
    if (!(o17 == K[1] && PyFunction_GET_CODE(o17) == K[2])) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(Py_TYPE(L[2])->tp_version_tag == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o18;
    o18 = plugopt_instance_value(L[2], 0);
    if (!(o18 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o19;
    o19 = plugopt_instance_value(L[0], 0);
    if (!(o19 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(o18))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(o19))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d20;
    d20 = PyFloat_AS_DOUBLE(o18) * PyFloat_AS_DOUBLE(o19);
    PyObject * o21;
    o21 = plugopt_instance_value(L[2], 1);
    if (!(o21 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o22;
    o22 = plugopt_instance_value(L[0], 1);
    if (!(o22 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(o21))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(o22))) {
        PyObject **sp = S0;
        int failed = 0;
        *sp++ = o17;
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 67);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d23;
    d23 = PyFloat_AS_DOUBLE(o21) * PyFloat_AS_DOUBLE(o22);
    double d24;
    d24 = d20 + d23;
    Py_DECREF(o17);
  i69: /* CALL_PY_EXACT_ARGS  */ ;
  i74: /* LOAD_FAST v */ ;
    if (!(!TRACING())) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d24);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 74);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d24);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 74);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i75: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d24);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 75);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o25;
    o25 = plugopt_instance_value(L[0], 0);
    if (!(o25 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d24);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 75);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_INCREF(o25);
  i80: /* LOAD_CONST 0.5 */ ;
  i81: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d26;
    if (!(plugopt_number_as_double(o25, &d26))) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d24);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o25;
        Py_INCREF(C(1)); *sp++ = C(1);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 81);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d27;
    d27 = d26 * (0x1.0000000000000p-1);
    Py_DECREF(o25);
  i83: /* BINARY_OP_ADD_FLOAT + */ ;
    double d28;
    d28 = d24 + d27;
  i85: /* LOAD_FAST v */ ;
    if (!(L[0] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d28);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 85);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i86: /* LOAD_ATTR_INSTANCE_VALUE y */ ;
    if (!(Py_TYPE(L[0])->tp_version_tag == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d28);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 86);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o29;
    o29 = plugopt_instance_value(L[0], 1);
    if (!(o29 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d28);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[0]); *sp++ = L[0];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 86);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_INCREF(o29);
  i91: /* LOAD_FAST k */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d28);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o29;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 91);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i92: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    if (!(PyFloat_CheckExact(o29))) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d28);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o29;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 92);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(PyFloat_CheckExact(L[1]))) {
        PyObject **sp = S0;
        int failed = 0;
        {
            PyObject *box = PyFloat_FromDouble(d28);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o29;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 92);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d30;
    d30 = PyFloat_AS_DOUBLE(o29) * PyFloat_AS_DOUBLE(L[1]);
    Py_DECREF(o29);
  i94: /* BINARY_OP_SUBTRACT_FLOAT - */ ;
    double d31;
    d31 = d28 - d30;
  i96: /* STORE_FAST__LOAD_FAST d */ ;
    double d32;
    d32 = d31;
  i97: /* LOAD_FAST__LOAD_FAST d */ ;
  i98: /* LOAD_FAST d */ ;
  i99: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d33;
    d33 = d32 * d32;
  i101: /* LOAD_FAST w */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d33);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 101);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i102: /* LOAD_ATTR_INSTANCE_VALUE x */ ;
    if (!(Py_TYPE(L[2])->tp_version_tag == VERSION)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d33);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 102);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o34;
    o34 = plugopt_instance_value(L[2], 0);
    if (!(o34 != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d33);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 102);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_INCREF(o34);
  i107: /* LOAD_CONST 2.0 */ ;
  i108: /* BINARY_OP_MULTIPLY_FLOAT * */ ;
    double d35;
    if (!(plugopt_number_as_double(o34, &d35))) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d33);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        *sp++ = o34;
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 108);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d36;
    d36 = d35 * (0x1.0000000000000p+1);
    Py_DECREF(o34);
  i110: /* BINARY_OP_ADD_FLOAT + */ ;
    double d37;
    d37 = d33 + d36;
  i112: /* LOAD_FAST k */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d37);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 112);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i113: /* BINARY_OP_SUBTRACT_FLOAT - */ ;
    double d38;
    if (!(plugopt_number_as_double(L[1], &d38))) {
        PyObject **sp = S0;
        int failed = 0;
        PyObject *old3 = L[3];
        PyObject *new3 = NULL;
        if (plugopt_float_is_private(old3)) {
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d37);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 113);
        if (new3 != NULL) { Py_XDECREF(old3); }
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    double d39;
    d39 = d37 - d38;
  i115: /* STORE_FAST__LOAD_FAST e */ ;
    double d40;
    d40 = d39;
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
            ((PyFloatObject *)old3)->ob_fval = d32; old3 = NULL;
        } else {
            new3 = PyFloat_FromDouble(d32);
            if (new3 == NULL) { failed = 1; } else { L[3] = new3; }
        }
        PyObject *old4 = L[4];
        PyObject *new4 = NULL;
        if (plugopt_float_is_private(old4)) {
            ((PyFloatObject *)old4)->ob_fval = d40; old4 = NULL;
        } else {
            new4 = PyFloat_FromDouble(d40);
            if (new4 == NULL) { failed = 1; } else { L[4] = new4; }
        }
        {
            PyObject *box = PyFloat_FromDouble(d40);
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
  i119: /* LOAD_FAST e */ ;
  i120: /* BUILD_TUPLE  */ ;
  i121: /* RETURN_VALUE  */ ;
}
