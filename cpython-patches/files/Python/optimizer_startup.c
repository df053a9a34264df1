/* plugopt: load optimizer modules at start-up.
 *
 * `-X optimizer=NAME[,NAME...]` (or PYTHONOPTIMIZER, which -E and -I
 * ignore; the command line wins) names modules that register optimizers
 * when imported. They are imported after `site`, so that site-packages are
 * importable, and before __main__ runs. PYTHONOPTIMIZERSTATS=DIR makes the
 * process write its optimizer statistics into DIR at exit. (The invariant
 * checker, -X optimizer_check, is turned on just before: optimizer_check.c.)
 *
 * This file loads the modules, and turns a failure into a one-line message
 * and exit status 1, before any user code runs. Lib/_optimizer_startup.py
 * sets up the statistics file, and is imported only when one is asked for.
 */

#include "Python.h"
#include "pycore_initconfig.h"    // _Py_GetEnv(), _Py_get_xoption()
#include "pycore_interp.h"        // _PyInterpreterState_GetConfig()
#include "pycore_optimizer.h"
#include "pycore_pystate.h"       // _PyInterpreterState_GET()

/* The value of -X NAME=VALUE, or of the environment variable VAR (unless
 * -E/-I), as a new str; Py_None when neither is set; NULL on error.
 * `*source` says which one was used. */
static PyObject *
option_value(const PyConfig *config, const wchar_t *xname, const char *var,
             const char **source)
{
    const wchar_t *option = _Py_get_xoption(&config->xoptions, xname);
    if (option != NULL) {
        const wchar_t *sep = wcschr(option, L'=');
        *source = NULL;   /* the caller names the -X option */
        return PyUnicode_FromWideChar(sep ? sep + 1 : L"", -1);
    }
    const char *env = _Py_GetEnv(config->use_environment, var);
    if (env != NULL) {
        *source = var;
        return PyUnicode_DecodeFSDefault(env);
    }
    Py_RETURN_NONE;
}

/* Print "PROGRAM: MESSAGE" and clear any pending exception. Without a
 * message, the message is the pending exception: its text alone if it is
 * the stats helper's StartupError, else its type and text. */
static void
report_failure(const PyConfig *config, PyObject *message)
{
    PyObject *exc, *value, *tb;
    PyErr_Fetch(&exc, &value, &tb);
    PyErr_NormalizeException(&exc, &value, &tb);
    Py_XINCREF(message);
    if (message == NULL && value != NULL) {
        PyObject *error_type = NULL;
        PyObject *module = PyImport_ImportModule("_optimizer_startup");
        if (module != NULL) {
            error_type = PyObject_GetAttrString(module, "StartupError");
            Py_DECREF(module);
        }
        PyErr_Clear();
        if (error_type != NULL && PyObject_TypeCheck(value, (PyTypeObject *)error_type)) {
            message = PyObject_Str(value);
        }
        else {
            message = PyUnicode_FromFormat("optimizer start-up failed: %s: %S",
                                           Py_TYPE(value)->tp_name, value);
        }
        Py_XDECREF(error_type);
    }
    const char *text = message ? PyUnicode_AsUTF8(message) : NULL;
    PyErr_Clear();
    fprintf(stderr, "%ls: %s\n",
            config->program_name ? config->program_name : L"python",
            text ? text : "optimizer start-up failed");
    fflush(stderr);
    Py_XDECREF(message);
    Py_XDECREF(exc);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* Loading modules happens here, in C, and not in Lib/_optimizer_startup.py
 * (which now only writes statistics): importing and running that module
 * was 40% of what loading jit added to a `python -S -c pass` start-up,
 * which pyperformance times with the optimizer loaded. */

/* Short names (no dot) are looked up here first: `-X optimizer=counter`
 * loads plugopt.counter, the sample package plugopt installs. */
#define SAMPLE_PACKAGE "plugopt"

/* Import `module_name` into *module. Returns 0 when it was imported, 1 when
 * it does not exist (the pending ModuleNotFoundError names it or one of its
 * packages; cleared), -1 when importing it raised anything else. */
static int
import_candidate(PyObject *module_name, PyObject **module)
{
    *module = PyImport_Import(module_name);
    if (*module != NULL) {
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
        return -1;
    }
    PyObject *exc, *value, *tb;
    PyErr_Fetch(&exc, &value, &tb);
    PyErr_NormalizeException(&exc, &value, &tb);
    /* A module the candidate itself imports may be the missing one: that
     * is a broken module, not a wrong name. */
    int absent = 0;
    PyObject *missing = value ? PyObject_GetAttrString(value, "name") : NULL;
    if (missing != NULL && PyUnicode_Check(missing)) {
        PyObject *package = PyUnicode_FromFormat("%U.", missing);
        absent = PyUnicode_Compare(module_name, missing) == 0 ||
                 (package != NULL &&
                  PyUnicode_Tailmatch(module_name, package, 0, PY_SSIZE_T_MAX, -1) == 1);
        Py_XDECREF(package);
    }
    Py_XDECREF(missing);
    PyErr_Clear();
    if (absent) {
        Py_XDECREF(exc);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return 1;
    }
    PyErr_Restore(exc, value, tb);
    return -1;
}

/* Import one optimizer module and check that it registered an optimizer.
 * Returns a new (name, module name, file or None) tuple, or NULL with
 * *message set to why not (or left NULL for an unexpected error). */
static PyObject *
load_one(PyInterpreterState *interp, PyObject *name, PyObject *source,
         PyObject **message)
{
    PyObject *registered = _PyOptimizer_GetState(interp)->optimizers;
    Py_ssize_t before = registered ? PyList_GET_SIZE(registered) : 0;
    int has_dot = PyUnicode_FindChar(name, '.', 0, PY_SSIZE_T_MAX, 1) >= 0;
    PyObject *candidates[2] = {NULL, NULL};
    if (has_dot) {
        candidates[0] = Py_NewRef(name);
    }
    else {
        candidates[0] = PyUnicode_FromFormat(SAMPLE_PACKAGE ".%U", name);
        candidates[1] = Py_NewRef(name);
    }
    PyObject *module = NULL, *module_name = NULL, *result = NULL;
    for (int i = 0; i < 2 && candidates[i] != NULL && module == NULL; i++) {
        int missing = import_candidate(candidates[i], &module);
        if (missing < 0) {
            PyObject *exc, *value, *tb;
            PyErr_Fetch(&exc, &value, &tb);
            PyErr_NormalizeException(&exc, &value, &tb);
            if (value != NULL) {
                *message = PyUnicode_FromFormat("%U: importing %R failed: %s: %S",
                                                source, candidates[i],
                                                Py_TYPE(value)->tp_name, value);
            }
            Py_XDECREF(exc);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            goto done;
        }
        if (module != NULL) {
            module_name = candidates[i];
        }
    }
    if (candidates[0] == NULL) {
        goto done;   /* no memory */
    }
    if (module == NULL) {
        if (has_dot) {
            *message = PyUnicode_FromFormat("%U: no module named %R", source, name);
        }
        else {
            *message = PyUnicode_FromFormat(
                "%U: no module named %R (tried " SAMPLE_PACKAGE ".%U and %U)",
                source, name, name, name);
        }
        goto done;
    }
    registered = _PyOptimizer_GetState(interp)->optimizers;
    if ((registered ? PyList_GET_SIZE(registered) : 0) == before) {
        *message = PyUnicode_FromFormat(
            "%U: module %R registered no optimizer (it must call "
            "_Py_Optimizer_Register when imported)", source, module_name);
        goto done;
    }
    PyObject *file = PyObject_GetAttrString(module, "__file__");
    if (file == NULL) {
        PyErr_Clear();
        file = Py_NewRef(Py_None);
    }
    result = PyTuple_Pack(3, name, module_name, file);
    Py_DECREF(file);
done:
    Py_XDECREF(module);
    Py_XDECREF(candidates[0]);
    Py_XDECREF(candidates[1]);
    return result;
}

/* Load every module of the comma-separated `names`, in order, and record
 * them as _optimizer.loaded and _optimizer.loaded_from. Returns 0, or -1
 * with *message set to why not (or left NULL for an unexpected error). */
static int
load_modules(PyInterpreterState *interp, PyObject *names, PyObject *source,
             PyObject **message)
{
    int status = -1;
    PyObject *loaded = PyList_New(0);
    PyObject *comma = PyUnicode_FromString(",");
    PyObject *parts = comma ? PyUnicode_Split(names, comma, -1) : NULL;
    PyObject *stripped = PyObject_CallMethod(names, "strip", NULL);
    if (loaded == NULL || parts == NULL || stripped == NULL) {
        goto done;
    }
    if (PyUnicode_GET_LENGTH(stripped) == 0) {
        *message = PyUnicode_FromFormat("%U: needs a module name", source);
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(parts); i++) {
        PyObject *name = PyObject_CallMethod(PyList_GET_ITEM(parts, i), "strip", NULL);
        if (name == NULL) {
            goto done;
        }
        if (PyUnicode_GET_LENGTH(name) == 0) {
            *message = PyUnicode_FromFormat("%U: empty module name in %R", source, names);
            Py_DECREF(name);
            goto done;
        }
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(loaded); j++) {
            PyObject *earlier = PyTuple_GET_ITEM(PyList_GET_ITEM(loaded, j), 0);
            if (PyUnicode_Compare(earlier, name) == 0) {
                *message = PyUnicode_FromFormat("%U: %R is listed twice", source, name);
                Py_DECREF(name);
                goto done;
            }
        }
        PyObject *entry = load_one(interp, name, source, message);
        Py_DECREF(name);
        if (entry == NULL || PyList_Append(loaded, entry) < 0) {
            Py_XDECREF(entry);
            goto done;
        }
        Py_DECREF(entry);
    }
    /* Kept in the interpreter: _optimizer publishes them when it is
     * imported. Importing it here only to set them was 17 us of a 6.3 ms
     * `python -S -c pass`. If something imported it already, set them. */
    PyObject *as_tuple = PyList_AsTuple(loaded);
    if (as_tuple == NULL) {
        goto done;
    }
    Py_XSETREF(_PyOptimizer_GetState(interp)->loaded, as_tuple);
    Py_XSETREF(_PyOptimizer_GetState(interp)->loaded_from, Py_NewRef(source));
    PyObject *api_name = PyUnicode_FromString("_optimizer");
    PyObject *api = api_name ? PyImport_GetModule(api_name) : NULL;
    Py_XDECREF(api_name);
    if (api == NULL) {
        status = PyErr_Occurred() ? -1 : 0;
    }
    else if (PyObject_SetAttrString(api, "loaded", as_tuple) == 0 &&
             PyObject_SetAttrString(api, "loaded_from", source) == 0)
    {
        status = 0;
    }
    Py_XDECREF(api);
done:
    Py_XDECREF(loaded);
    Py_XDECREF(comma);
    Py_XDECREF(parts);
    Py_XDECREF(stripped);
    return status;
}

PyStatus
_PyOptimizer_LoadStartupModules(PyThreadState *tstate)
{
    const PyConfig *config = _PyInterpreterState_GetConfig(tstate->interp);
    const char *names_var = NULL, *stats_var = NULL;
    PyObject *names = option_value(config, L"optimizer", "PYTHONOPTIMIZER", &names_var);
    PyObject *stats = option_value(config, L"optimizer_stats", "PYTHONOPTIMIZERSTATS",
                                   &stats_var);
    PyObject *message = NULL;
    int status = -1;
    if (names == NULL || stats == NULL) {
        goto done;
    }
    if (stats != Py_None) {
        /* Statistics are rare and need os and json: Python does them. */
        PyObject *helper = PyImport_ImportModule("_optimizer_startup");
        PyObject *result = NULL;
        if (helper != NULL) {
            result = PyObject_CallMethod(
                helper, "start_stats", "Os", stats,
                stats_var ? stats_var : "-X optimizer_stats");
            Py_DECREF(helper);
        }
        if (result == NULL) {
            goto done;
        }
        Py_DECREF(result);
    }
    if (names != Py_None) {
        PyObject *source = PyUnicode_FromString(names_var ? names_var : "-X optimizer");
        if (source == NULL) {
            goto done;
        }
        int loaded = load_modules(tstate->interp, names, source, &message);
        Py_DECREF(source);
        if (loaded < 0) {
            goto done;
        }
    }
    status = 0;
done:
    Py_XDECREF(names);
    Py_XDECREF(stats);
    if (status < 0) {
        report_failure(config, message);
        Py_XDECREF(message);
        return _PyStatus_EXIT(1);
    }
    return _PyStatus_OK();
}
