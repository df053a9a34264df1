#!/usr/bin/env python3
"""Pad the patched libpython's code sections so that code the patches leave alone keeps the
baseline's addresses modulo 4 KiB.

Why: the patches make a few object files (ceval.o above all) a little larger, and the static
link then moves every function behind them by that much. Moving unchanged code by a few
hundred bytes changes which functions share instruction-cache sets, branch-predictor slots
and micro-op cache windows, and on this machine that alone makes some pyperformance
benchmarks 5-15% slower or faster (docs/architecture.md, "Code layout"). That is noise in a
comparison against the baseline, not a property of the patches.

How: the linker lays out each kind of code section (.text.unlikely, .text.hot, .text, ...)
object by object, in link order (the Makefile's LIBRARY_OBJS). If every object's section has
the baseline's size modulo 4096 and the same alignment, every section starts at the baseline's
offset modulo 4096. So for each object whose code section differs in size modulo 4096 from
the same object in the baseline's libpython archive, this appends filler (int3, never
executed) to that section with `ld -r`, in place. A new object (the optimizer API's own files)
is padded to a multiple of 4096. Running it again on padded objects changes nothing; make
then relinks the interpreter and the archive from the padded objects.

    match_layout.py --baseline BASE/lib/python3.11/config-3.11-*/libpython3.11.a --tree TREE
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = 4096
# Part of the patched interpreter's build stamp: bump when the padding rule changes.
VERSION = 2   # 2: pad again after the relink rebuilt deepfreeze.o
# readelf -SW: "  [ 8] .text.hot   PROGBITS  0000000000000000 0063f0 00adbb 00  AX  0   0 16"
SECTION_LINE = re.compile(r"^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+"
                          r"[0-9a-f]+\s+(\S*)\s+\d+\s+\d+\s+\d+$")


class LayoutError(Exception):
    """A tool failed or the two builds do not fit together."""


def run(cmd: list[str], cwd: Path | None = None) -> str:
    try:
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    except OSError as exc:
        raise LayoutError(f"cannot run {cmd[0]} (binutils): {exc}") from exc
    if result.returncode != 0:
        raise LayoutError(f"{' '.join(cmd)} failed: {result.stderr.strip()}")
    return result.stdout


def code_sections(obj: Path) -> dict[str, int]:
    """{section name: size} of the object's executable PROGBITS sections."""
    sections = {}
    for line in run(["readelf", "-SW", str(obj)]).splitlines():
        match = SECTION_LINE.match(line)
        if match and match[2] == "PROGBITS" and "X" in match[4]:
            sections[match[1]] = int(match[3], 16)
    return sections


def extract(archive: Path, into: Path) -> list[str]:
    """Extract every member of `archive` into `into`; returns the member names."""
    names = run(["ar", "t", str(archive.resolve())]).split()
    if len(set(names)) != len(names):
        raise LayoutError(f"{archive} has two members of the same name; cannot match them")
    run(["ar", "x", str(archive.resolve())], cwd=into)
    return names


def library_objects(tree: Path) -> list[Path]:
    """The object files CPython's Makefile links into the interpreter, in link order."""
    with tempfile.NamedTemporaryFile("w", suffix=".mk") as extra:
        extra.write("plugopt-print-library-objs:\n\t@echo $(LIBRARY_OBJS)\n")
        extra.flush()
        out = run(["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", extra.name,
                   "plugopt-print-library-objs"], cwd=tree)
    objects = [tree / name for name in out.split() if name.endswith(".o")]
    if not objects:
        raise LayoutError(f"{tree}/Makefile names no LIBRARY_OBJS")
    names = [obj.name for obj in objects]
    if len(set(names)) != len(names):
        raise LayoutError(f"{tree}: two library objects share a file name; cannot match them")
    return objects


def pads_for(patched: dict[str, int], baseline: dict[str, int]) -> dict[str, int]:
    """Filler bytes per code section that bring each size to the baseline's modulo PAGE.

    (A section whose alignment the patches changed could still start up to that alignment
    away from the baseline's offset; tests/test_match_layout.py checks the linked result.)
    """
    pads = {}
    for name, size in patched.items():
        pad = (baseline.get(name, 0) - size) % PAGE
        if pad:
            pads[name] = pad
    return pads


def pad_member(member: Path, pads: dict[str, int], scratch: Path) -> None:
    """Append `pads[name]` filler bytes to each named section of `member`, in place."""
    source = scratch / "pad.s"
    lines = []
    for name, size in sorted(pads.items()):
        lines += [f'.section {name},"ax",@progbits', f".skip {size}, 0xcc"]
    lines.append('.section .note.GNU-stack,"",@progbits')
    source.write_text("\n".join(lines) + "\n")
    run(["as", "-o", str(scratch / "pad.o"), str(source)])
    padded = scratch / member.name
    # The member comes first, so each of its sections keeps its offset and the filler
    # lands at the section's end.
    run(["ld", "-r", "-o", str(padded), str(member), str(scratch / "pad.o")])
    padded.replace(member)


def plan(baseline_archive: Path, tree: Path) -> dict[Path, dict[str, int]]:
    """{object: {section: filler bytes}} for the built tree's library objects that need it."""
    with tempfile.TemporaryDirectory(prefix="plugopt-layout-") as tmp:
        base_dir = Path(tmp)
        base_names = set(extract(baseline_archive, base_dir))
        pads = {}
        for obj in library_objects(tree):
            if not obj.is_file():
                raise LayoutError(f"{obj} does not exist; run make first")
            base = code_sections(base_dir / obj.name) if obj.name in base_names else {}
            obj_pads = pads_for(code_sections(obj), base)
            if obj_pads:
                pads[obj] = obj_pads
        return pads


def match(baseline_archive: Path, tree: Path, log=print) -> int:
    """Pad the library objects of the built tree in place; returns how many were padded."""
    pads = plan(baseline_archive, tree)
    with tempfile.TemporaryDirectory(prefix="plugopt-layout-") as scratch:
        for obj, obj_pads in pads.items():
            pad_member(obj, obj_pads, Path(scratch))
            log(f"  {obj.relative_to(tree)}: "
                + ", ".join(f"{name} +{size}" for name, size in sorted(obj_pads.items())))
    return len(pads)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the baseline's libpython .a")
    parser.add_argument("--tree", type=Path, required=True,
                        help="the patched source tree, after make")
    args = parser.parse_args()
    try:
        count = match(args.baseline, args.tree)
    except LayoutError as exc:
        print(f"match_layout: error: {exc}", file=sys.stderr)
        return 1
    print(f"match_layout: padded {count} object(s) in {args.tree}; run make again to relink")
    return 0


if __name__ == "__main__":
    sys.exit(main())
