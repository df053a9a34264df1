"""scripts/match_layout.py: code the patches leave alone keeps the baseline's addresses
modulo 4 KiB."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import build_cpython
import match_layout
from helpers import REPO_ROOT

PAGE = match_layout.PAGE


def test_pads_bring_each_code_section_to_the_baseline_size_modulo_a_page() -> None:
    patched = {".text": 5000, ".text.hot": 300, ".text.unlikely": 4096 + 7}
    baseline = {".text": 4000, ".text.hot": 300, ".text.unlikely": 7}
    pads = match_layout.pads_for(patched, baseline)
    assert pads == {".text": PAGE - 1000}  # .text.hot and .text.unlikely already match
    for name, pad in pads.items():
        assert (patched[name] + pad - baseline[name]) % PAGE == 0


def test_a_section_the_baseline_lacks_is_padded_to_whole_pages() -> None:
    assert match_layout.pads_for({".text": 100}, {}) == {".text": PAGE - 100}
    assert match_layout.pads_for({".text": 2 * PAGE}, {}) == {}


def nm_addresses(binary: Path) -> dict[str, int]:
    """{function name: address} of the functions defined in `binary`."""
    out = subprocess.run(["nm", "--defined-only", str(binary)], capture_output=True, text=True,
                         check=True).stdout
    addresses = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tT":
            addresses[fields[2]] = int(fields[0], 16)
    return addresses


def compile_object(folder: Path, name: str, source: str) -> Path:
    (folder / f"{name}.c").write_text(source)
    subprocess.run(["cc", "-O2", "-c", f"{name}.c", "-o", f"{name}.o"], cwd=folder, check=True)
    return folder / f"{name}.o"


def link_and_run(folder: Path) -> str:
    subprocess.run(["cc", "-o", "prog", "main.o", "grow.o", "after.o"], cwd=folder, check=True)
    return subprocess.run([str(folder / "prog")], capture_output=True, text=True,
                          check=True).stdout


def test_padding_an_object_appends_filler_and_keeps_it_working(tmp_path: Path) -> None:
    # Two versions of one object: the "patched" one has a larger function.
    small = "int grow(int x) { return x + 1; }\n"
    large = ("int grow(int x) { int s = 0; for (int i = 0; i < x; i++) s += i * x ^ (s >> 3);"
             " return s; }\n")
    after = "int after(int x) { return x * 3; }\n"
    main = ("#include <stdio.h>\nint grow(int); int after(int);\n"
            "int main(void) { printf(\"%d %d\\n\", grow(40), after(5)); return 0; }\n")
    base_dir, ours_dir = tmp_path / "base", tmp_path / "ours"
    for folder, grow_source in ((base_dir, small), (ours_dir, large)):
        folder.mkdir()
        compile_object(folder, "grow", grow_source)
        compile_object(folder, "after", after)
        compile_object(folder, "main", main)
    base_grow, ours_grow = base_dir / "grow.o", ours_dir / "grow.o"
    output_before = link_and_run(ours_dir)
    pads = match_layout.pads_for(match_layout.code_sections(ours_grow),
                                 match_layout.code_sections(base_grow))
    assert pads, "the two versions of grow.o should differ in size"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    match_layout.pad_member(ours_grow, pads, scratch)
    padded = match_layout.code_sections(ours_grow)
    base = match_layout.code_sections(base_grow)
    assert all((padded[name] - base.get(name, 0)) % PAGE == 0 for name in padded)
    assert link_and_run(ours_dir) == output_before
    link_and_run(base_dir)
    # Linked in the same order, `after` now sits at the baseline's offset modulo a page.
    shift = nm_addresses(ours_dir / "prog")["after"] - nm_addresses(base_dir / "prog")["after"]
    assert shift % PAGE == 0 and shift != 0


def test_an_unreadable_object_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.o"
    bogus.write_text("not an object\n")
    with pytest.raises(match_layout.LayoutError, match="readelf"):
        match_layout.code_sections(bogus)


# Objects the patches do not touch; their hot functions must keep the baseline's offsets.
UNCHANGED_HOT_FUNCTIONS = ("PyObject_Hash", "tuplehash", "PyDict_GetItem", "PyLong_FromLong",
                           "PyObject_GetAttr", "_PyObject_GenericGetAttrWithDict",
                           "list_append", "PyUnicode_New")


def test_the_built_interpreter_keeps_the_baseline_code_layout(baseline_python: Path,
                                                              patched_python: Path) -> None:
    baseline = nm_addresses(baseline_python)
    patched = nm_addresses(patched_python)
    misplaced = [name for name in UNCHANGED_HOT_FUNCTIONS
                 if (patched[name] - baseline[name]) % PAGE]
    assert not misplaced, f"not at the baseline's offset modulo {PAGE}: {misplaced}"
    common = [name for name in baseline if name in patched]
    kept = sum(1 for name in common if (patched[name] - baseline[name]) % PAGE == 0)
    # Only functions inside the objects the patches change may move (about 7% today).
    assert kept / len(common) >= 0.85, f"only {kept} of {len(common)} functions kept their offset"


def test_the_built_tree_needs_no_more_padding(build_dir: Path) -> None:
    tree = build_dir / "cpython-patched" / "src"
    objects = match_layout.library_objects(tree)
    assert tree / "Python" / "ceval.o" in objects and tree / "Python" / "optimizer.o" in objects
    archive = build_cpython.baseline_archive(build_dir / "baseline")
    assert match_layout.plan(archive, tree) == {}


def test_the_layout_reference_is_part_of_the_build_stamp() -> None:
    patches = build_cpython.read_series(REPO_ROOT / "cpython-patches" / "series")
    unmatched = build_cpython.install_key(patches)
    assert build_cpython.install_key(patches, "baseline-a") not in (
        unmatched, build_cpython.install_key(patches, "baseline-b"))
