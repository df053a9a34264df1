#!/usr/bin/env python3
"""What a type change and a global rebinding cost, in instructions, with and without
executors that depend on objects (docs/api.md, "Invalidation").

  .venv/bin/python -m scripts.measure.invalidation_cost [--build-dir BUILD]
                                                        [--changes N] [--json PATH]

Each configuration runs a small driver under `valgrind --tool=callgrind` twice, with
N changes and with none; (Ir(N) - Ir(0)) / N is the cost of one change, start-up and
set-up cancelling out. The changes are `Changed.attr = i` (a class attribute: the type
changes) and `module.x = i` (a module global rebound), on objects no executor depends
on: a change that removes executors costs what releasing them costs, once, while this
is what every change pays. Configurations:

  baseline          the unpatched interpreter
  patched           no executor
  1000 x 10 deps    1000 executors (testopt, the test suite's optimizer), each depending
                    on 10 objects of their own (5 classes, 5 module dicts): the union of
                    their filters is full, so every change walks all 1000
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.child_env import clean_env
from scripts.layout import BuildFolder
from scripts.measure import cli
from scripts.measure.idle_cost import read_total_ir

DRIVER = r'''
import sys, types
n_changes, executors, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
class Changed:
    attr = 0
module = types.ModuleType("changed")
module.x = 0
keep = []
if executors:
    import dis, testopt
    def make():
        def f():
            a = 1
            return a
        return f
    head = next(i.offset // 2 for i in dis.get_instructions(make()) if i.opname == "LOAD_CONST")
    for k in range(executors):
        f = make()
        code = f.__code__.replace(co_name=f"f{k}")
        e = testopt.install(code, head)
        for d in range(5):
            cls = type(f"C{k}_{d}", (), {})
            mod = types.ModuleType(f"m{k}_{d}")
            testopt.depends(e, cls)
            testopt.depends(e, mod.__dict__)
            keep.extend((cls, mod))
        keep.append(code)
if mode == "type":
    for i in range(n_changes):
        Changed.attr = i
elif mode == "global":
    for i in range(n_changes):
        module.x = i
print("ok")
'''

CONFIGS = (("baseline", "baseline", 0), ("patched", "patched", 0),
           ("1000 x 10 deps", "patched", 1000))
MODES = ("type", "global")


def callgrind_ir(python: Path, args: list[str], out_dir: Path, pythonpath: Path) -> int:
    out_file = out_dir / f"callgrind.{'.'.join(args)}.{python.parent.parent.name}.out"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
           str(python), "-c", DRIVER, *args]
    result = subprocess.run(cmd, env=clean_env({"PYTHONPATH": str(pythonpath)}),
                            capture_output=True, text=True, timeout=1800, cwd=out_dir)
    if result.returncode != 0 or result.stdout.strip() != "ok":
        sys.exit(f"invalidation_cost: run {args} of {python} failed:\n{result.stderr[-2000:]}")
    return read_total_ir(out_file)


def main() -> int:
    parser = cli.parser(__doc__)
    parser.add_argument("--changes", type=int, default=20000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    build = BuildFolder(args.build_dir.resolve())
    pythons = {"baseline": build.baseline_python, "patched": build.patched_python}
    testopt = build.root / "tests" / "testopt"
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="plugopt-invalidation-") as tmp:
        for label, interp, executors in CONFIGS:
            results[label] = {}
            for mode in MODES:
                runs = [callgrind_ir(pythons[interp], [str(n), str(executors), mode],
                                     Path(tmp), testopt) for n in (args.changes, 0)]
                results[label][mode] = (runs[0] - runs[1]) / args.changes
                print(f"{label:16} {mode:7} {results[label][mode]:10.1f} Ir per change",
                      flush=True)
    print()
    print("| configuration | type change (Ir) | global rebinding (Ir) |")
    print("|---|---:|---:|")
    for label, row in results.items():
        print(f"| {label} | {row['type']:,.0f} | {row['global']:,.0f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
