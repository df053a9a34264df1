/* jit_runtime.h */

/* plugopt.jit: the loop of f at offset 8; generated, do not edit. */
struct _PyInterpreterFrame *
plugopt_jit_loop(struct _PyInterpreterFrame *frame, PyObject **S, Py_ssize_t *iterations,
                 PyObject *const *K, PyObject *const *B, const uint32_t *W,
                 const uint8_t *V, Py_ssize_t *untaken)
{
    PyObject **L = PyExecutor_Frame_GetLocals(frame);
    PyObject *consts = PyExecutor_Frame_GetCode(frame)->co_consts;
    PyThreadState *T = PyThreadState_Get();
    (void)K; (void)B; (void)W; (void)V; (void)untaken;
    goto i8;
  i8: /* FOR_ITER to 104 */ ;
    if (!(plugopt_is_simple_iterator(S[-1]))) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject * o1;
    o1 = Py_TYPE(S[-1])->tp_iternext(S[-1]);
    if (!(o1 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i9: /* STORE_FAST__LOAD_FAST x */ ;
    { PyObject *o = L[3]; L[3] = o1; Py_XDECREF(o); }
  i10: /* LOAD_FAST n */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 10);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    if (!(L[2] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 10);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i11: /* PUSH_NULL  */ ;
  i12: /* LOAD_FAST__LOAD_FAST weight */ ;
    if (!(L[1] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = NULL;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 12);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i13: /* LOAD_FAST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = NULL;
        Py_INCREF(L[1]); *sp++ = L[1];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 13);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i14: /* PRECALL_PYFUNC  */ ;
    PyObject * o2;
    if (!(ROOM_TO_RECURSE())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = NULL;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    PyObject *a2[1] = {L[3]};
    PyExecutor_Frame_SetNextInstr(frame, 14);
    o2 = PyExecutor_Call(L[1], a2, 1);
    if (!(o2 != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = NULL;
        Py_INCREF(L[1]); *sp++ = L[1];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 14);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i16: /* CALL_PY_EXACT_ARGS  */ ;
  i21: /* LOAD_CONST 3 */ ;
    if (!(!TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = o2;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 21);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i22: /* BINARY_OP_MULTIPLY_INT * */ ;
    long long i4;
    if (!(plugopt_as_int(o2, &i4))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = o2;
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i5;
    if (!(!__builtin_mul_overflow(i4, (3LL), &i5) && i5 > -(1LL << 62) && i5 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        *sp++ = o2;
        Py_INCREF(C(3)); *sp++ = C(3);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 22);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    Py_DECREF(o2);
  i24: /* LOAD_FAST__LOAD_FAST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 24);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i25: /* LOAD_FAST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 25);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i26: /* BINARY_OP_MULTIPLY_INT * */ ;
    long long i6;
    if (!(plugopt_as_int(L[3], &i6))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 26);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i7;
    if (!(plugopt_as_int(L[3], &i7))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 26);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i8;
    if (!(!__builtin_mul_overflow(i6, i7, &i8) && i8 > -(1LL << 62) && i8 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(L[3]); *sp++ = L[3];
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 26);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i28: /* BINARY_OP_ADD_INT + */ ;
    long long i9;
    if (!(!__builtin_add_overflow(i5, i8, &i9) && i9 > -(1LL << 62) && i9 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i5);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyLong_FromLongLong(i8);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 28);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i30: /* LOAD_FAST__LOAD_CONST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i9);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 30);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i31: /* LOAD_CONST 1 */ ;
  i32: /* BINARY_OP & */ ;
    long long i10;
    if (!(plugopt_as_int(L[3], &i10))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i9);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 32);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i11;
    i11 = i10 & (1LL);
  i34: /* BINARY_OP_SUBTRACT_INT - */ ;
    long long i12;
    if (!(!__builtin_sub_overflow(i9, i11, &i12) && i12 > -(1LL << 62) && i12 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i9);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyLong_FromLongLong(i11);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 34);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i36: /* LOAD_FAST__LOAD_CONST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 36);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i37: /* LOAD_CONST 4 */ ;
  i38: /* BINARY_OP | */ ;
    long long i13;
    if (!(plugopt_as_int(L[3], &i13))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(5)); *sp++ = C(5);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 38);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i14;
    i14 = i13 | (4LL);
  i40: /* BINARY_OP_ADD_INT + */ ;
    long long i15;
    if (!(!__builtin_add_overflow(i12, i14, &i15) && i15 > -(1LL << 62) && i15 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i12);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyLong_FromLongLong(i14);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 40);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i42: /* LOAD_FAST__LOAD_CONST x */ ;
    if (!(L[3] != NULL)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i15);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 42);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i43: /* LOAD_CONST 1 */ ;
  i44: /* BINARY_OP >> */ ;
    long long i16;
    if (!(plugopt_as_int(L[3], &i16))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i15);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 44);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i17;
    if (!((1LL) >= 0)) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i15);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        Py_INCREF(L[3]); *sp++ = L[3];
        Py_INCREF(C(4)); *sp++ = C(4);
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 44);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    i17 = (1LL) < 63 ? i16 >> (1LL) : (i16 < 0 ? -1 : 0);
  i46: /* BINARY_OP_SUBTRACT_INT - */ ;
    long long i18;
    if (!(!__builtin_sub_overflow(i15, i17, &i18) && i18 > -(1LL << 62) && i18 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i15);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        {
            PyObject *box = PyLong_FromLongLong(i17);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 46);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i48: /* BINARY_OP_ADD_INT += */ ;
    long long i19;
    if (!(plugopt_as_int(L[2], &i19))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 48);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    long long i20;
    if (!(!__builtin_add_overflow(i19, i18, &i20) && i20 > -(1LL << 62) && i20 < (1LL << 62))) {
        PyObject **sp = S;
        int failed = 0;
        Py_INCREF(L[2]); *sp++ = L[2];
        {
            PyObject *box = PyLong_FromLongLong(i18);
            if (box == NULL) { failed = 1; box = Py_NewRef(Py_None); }
            *sp++ = box;
        }
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 48);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
  i50: /* STORE_FAST n */ ;
    long long i21;
    i21 = i20;
  i51: /* JUMP_BACKWARD_QUICK to 16 */ ;
    PyObject *new_21_2 = PyLong_FromLongLong(i21);
    if (new_21_2 == NULL) { Py_XDECREF(new_21_2);
        {
            PyObject **sp = S;
            int failed = 0;
            PyObject *old2 = L[2];
            PyObject *new2 = NULL;
            {
                new2 = PyLong_FromLongLong(i21);
                if (new2 == NULL) { failed = 1; } else { L[2] = new2; }
            }
            PyExecutor_Frame_SetStackPointer(frame, sp);
            PyExecutor_Frame_SetNextInstr(frame, 51);
            if (new2 != NULL) { Py_XDECREF(old2); }
            return (failed || PyErr_Occurred()) ? NULL : frame;
        }
    }
    { PyObject *o = L[2]; L[2] = new_21_2; Py_XDECREF(o); }
    (*iterations)++;
    if (!(!PyExecutor_EvalBreakerIsSet() && !TRACING())) {
        PyObject **sp = S;
        int failed = 0;
        PyExecutor_Frame_SetStackPointer(frame, sp);
        PyExecutor_Frame_SetNextInstr(frame, 8);
        return (failed || PyErr_Occurred()) ? NULL : frame;
    }
    goto i8;
}
