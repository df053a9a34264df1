"""Run one pyperformance workload under jit and report what jit was asked and what it did.

  python3 -X optimizer=jit jit_survey_driver.py NAME RUN_BENCHMARK_PY LOOPS

Runs inside the patched interpreter (no pyperf: the workload comes from
idle_cost_driver.py, beside this file). Before the workload runs, jit's translator
entry point (`plugopt._jit_codegen.translate`) is wrapped so that every request that
reaches it is recorded: the unit (qualified name, offset), what came of it, why, and
how long it took. Requests jit.c's pre-filter declines in C never reach it; `stats`
counts those too. After the workload, every executor still installed on the code of a
live function (and the code objects in its constants: comprehensions) is listed with
its entries and iterations. The report is one JSON line on stdout.

What came of a request (`outcome`), and why (`reason`, the translator's
`last_decline`):
  compiled          the translator returned a unit
  declined          it declined the unit: the instruction or shape it does not take,
                    or Python calls that would cost more than the rest saves
  not yet           the specializer is not done with an instruction (asked again later)
  already declined  a unit declined before (answered from the translator's memory)
"""

from __future__ import annotations

import gc
import importlib.util
import json
import sys
import time
import types
from pathlib import Path


def load_idle_cost_driver() -> types.ModuleType:
    """idle_cost_driver.py, beside this file (this runs as a script, not in a package)."""
    path = Path(__file__).with_name("idle_cost_driver.py")
    spec = importlib.util.spec_from_file_location("idle_cost_driver", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record_requests(codegen: types.ModuleType) -> list[dict]:
    """Wrap codegen.translate; return the list each request is appended to, with
    what came of it (the translator's `last_decline` says why it answered None)."""
    requests: list[dict] = []
    real_translate = codegen.translate

    def translate(code, offset, *args, **kwargs):
        if code.co_filename == __file__:   # this survey's own loops
            return real_translate(code, offset, *args, **kwargs)
        started = time.perf_counter()
        result = None
        try:
            result = real_translate(code, offset, *args, **kwargs)
            return result
        finally:
            seconds = time.perf_counter() - started
            why = codegen.last_decline
            if result is not None:
                outcome, reason = "compiled", ""
            elif why == codegen.DECLINED_BEFORE:
                outcome, reason = "already declined", ""
            elif why.startswith(codegen.NOT_YET):
                outcome, reason = "not yet", why[len(codegen.NOT_YET):]
            else:
                outcome, reason = "declined", why
            requests.append({"unit": f"{code.co_qualname}@{offset}", "outcome": outcome,
                             "reason": reason, "ms": round(seconds * 1e3, 3)})

    codegen.translate = translate
    return requests


def live_code_objects() -> list[types.CodeType]:
    """The code of every live function, and the code objects in its constants."""
    seen: dict[int, types.CodeType] = {}
    todo = [obj.__code__ for obj in gc.get_objects() if isinstance(obj, types.FunctionType)]
    while todo:
        code = todo.pop()
        if id(code) not in seen:
            seen[id(code)] = code
            todo.extend(const for const in code.co_consts if isinstance(const, types.CodeType))
    return list(seen.values())


def installed_executors(optimizer: types.ModuleType) -> list[dict]:
    rows = []
    for code in live_code_objects():
        if code.co_filename == __file__:   # this survey's own loops
            continue
        for offset, executor in optimizer.get_executors(code).items():
            rows.append({"unit": f"{code.co_qualname}@{offset}",
                         "entries": getattr(executor, "entries", None),
                         "iterations": getattr(executor, "iterations", None),
                         "disabled": getattr(executor, "disabled", None)})
    return sorted(rows, key=lambda row: -(row["iterations"] or 0))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: jit_survey_driver.py NAME RUN_BENCHMARK_PY LOOPS", file=sys.stderr)
        return 2
    import _optimizer
    from plugopt import _jit_codegen
    import plugopt.jit as jit   # registers jit, if -X optimizer=jit did not
    name, path, loops = argv[0], Path(argv[1]), int(argv[2])
    requests = record_requests(_jit_codegen)
    driver = load_idle_cost_driver()
    driver.run(name, path, loops)
    report = {"benchmark": name, "loops": loops, "stats": jit.stats(), "requests": requests,
              "executors": installed_executors(_optimizer)}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
