"""Write jit_handled.h, jit.c's pre-filter, from _jit_handled.py (run by meson).

    python3 gen_jit_handled.py _jit_handled.py jit_handled.h
"""

from __future__ import annotations

import importlib.util
import sys


def load(path: str):
    spec = importlib.util.spec_from_file_location("_jit_handled", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(table) -> str:
    lines = ["/* jit.c's pre-filter: generated from _jit_handled.py by gen_jit_handled.py;",
             " * do not edit. `generic` is the instruction's generic opcode, `specialized`",
             " * the form the specializer chose. */",
             f"#define MIN_SEGMENT {table.MIN_SEGMENT}",
             "",
             "static int",
             "known_instruction(int generic, int specialized, int oparg)",
             "{",
             "    (void)specialized; (void)oparg;",
             "    switch (generic) {"]
    for generic, forms in table.HANDLED.items():
        lines.append(f"        case {generic}:")
        excluded_opargs = table.EXCLUDED_OPARGS.get(generic, ())
        if excluded_opargs:
            lines.append("            switch (oparg) {")
            lines += [f"                case {name}:" for name in excluded_opargs]
            lines += ["                    return 0;", "            }"]
        if forms == table.ANY:
            excluded = table.EXCLUDED_FORMS.get(generic, ())
            test = " && ".join(f"specialized != {form}" for form in excluded) or "1"
        else:
            test = " || ".join(f"specialized == {form}" for form in forms)
        lines.append(f"            return {test};")
    lines += ["    }", "    return 0;", "}", ""]
    mask = (1 << table.ADAPTIVE_BACKOFF_BITS) - 1
    lines += ["/* Does this adaptive instruction, whose first cache entry is `counter`, make",
              " * its loop wait for the specializer: it ran, and the specializer is still",
              " * trying (_jit_handled.never_ran and specializer_gave_up are false)? */",
              "static int",
              "waits_for_specializer(int specialized, uint16_t counter)",
              "{",
              "    switch (specialized) {"]
    lines += [f"        case {form}:" for form in table.WAIT_FOR_SPECIALIZER]
    lines += [f"            return counter != 0 && (counter & {mask}) < {table.ADAPTIVE_BACKOFF_START};",
              "    }", "    return 0;", "}", ""]
    lines += ["/* Has this instruction, which has inline caches, run since its code was",
              " * quickened (_jit_handled.never_ran)? */",
              "static int",
              "ran_since_quickening(int specialized, uint16_t counter)",
              "{",
              "    switch (specialized) {"]
    lines += [f"        case {form}:" for form in table.ADAPTIVE_FORMS]
    lines += ["            return counter != 0;", "    }", "    return 1;", "}", ""]
    return "\n".join(lines)


def main() -> int:
    source, output = sys.argv[1:3]
    with open(output, "w") as out:
        out.write(generate(load(source)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
