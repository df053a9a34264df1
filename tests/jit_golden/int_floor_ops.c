/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 19; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i19;
  i19: /* FOR_ITER to 72 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i20: /* STORE_FAST__LOAD_FAST i */ ;
    { PyObject *o = L[2]; L[2] = o1; Py_XDECREF(o); }
  i21: /* LOAD_FAST__LOAD_FAST acc */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i22: /* LOAD_FAST__LOAD_CONST i */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i23: /* LOAD_CONST 3 */ ;
  i24: /* BINARY_OP // */ ;
    long long i2;
    if (!(plugopt_as_int(L[2], &i2))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 24);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i3;
    if (!((3LL) != 0)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 24);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    i3 = plugopt_floor_div(i2, (3LL));
  i26: /* BINARY_OP_ADD_INT + */ ;
    long long i4;
    if (!(plugopt_as_int(L[1], &i4))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 26);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i5;
    if (!(!__builtin_add_overflow(i4, i3, &i5) && i5 > -(1LL << 62) && i5 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[1]); *sp++ = L[1];
        {
            PyObject *box = PyLong_FromLongLong(i3);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 26);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i28: /* LOAD_FAST__LOAD_CONST i */ ;
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i29: /* LOAD_CONST 7 */ ;
  i30: /* BINARY_OP % */ ;
    long long i6;
    if (!(plugopt_as_int(L[2], &i6))) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i7;
    if (!((7LL) != 0)) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[2]); *sp++ = L[2];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    i7 = plugopt_floor_mod(i6, (7LL));
  i32: /* BINARY_OP_SUBTRACT_INT - */ ;
    long long i8;
    if (!(!__builtin_sub_overflow(i5, i7, &i8) && i8 > -(1LL << 62) && i8 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyLong_FromLongLong(i7);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 32);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i34: /* STORE_FAST acc */ ;
    long long i9;
    i9 = i8;
  i35: /* JUMP_BACKWARD_QUICK to 38 */ ;
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
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 35);
            if (new1 != NULL) { Py_XDECREF(old1); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[1]; L[1] = new_9_1; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 19);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i19;
}
