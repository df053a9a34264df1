"""The patch series of cpython-patches/: its series file, and applying it to a tree.

The series holds plugopt's changes to the pinned CPython in two forms:

- changes to files of the release, as patches (NNNN-slug.patch, git format-patch
  output, one per concern);
- files the release does not have, as whole files under files/ (for instance
  files/Python/optimizer.c), so that they can be read, searched and reviewed as
  code. Each belongs to the patch that brings it in.

The series file lists the patches in order; the indented lines under a patch are
the new files it brings, as paths in the CPython tree:

    0002-Let-code-objects-carry-executors.patch
        Include/cpython/optimizer.h
        Python/optimizer_code.c

Blank lines and `#` comments are ignored. Applying a patch copies its new files
into the tree, then applies its diff (cpython-patches/README.md).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

FILES_DIR = "files"


class SeriesError(Exception):
    """The series file, a patch or a new file is wrong; the message says which."""


@dataclass(frozen=True)
class SeriesPatch:
    path: Path                                      # the .patch file
    new_files: tuple[str, ...] = field(default=())  # paths in the CPython tree

    @property
    def name(self) -> str:
        return self.path.name

    def new_file_source(self, rel: str) -> Path:
        """Where the series keeps new file `rel`."""
        return self.path.parent / FILES_DIR / rel


def read_series(series: Path | None) -> list[SeriesPatch]:
    """The patches a series file lists, in order, each with its new files."""
    if series is None:
        return []
    entries: list[tuple[str, list[str]]] = []
    for number, raw in enumerate(series.read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace():
            if not entries:
                raise SeriesError(f"{series}:{number}: a new file before any patch")
            entries[-1][1].append(line.strip())
        else:
            entries.append((line.strip(), []))
    patches = []
    seen: set[str] = set()
    for name, files in entries:
        path = series.parent / name
        if not path.is_file():
            raise SeriesError(f"{series}: lists {name}, which does not exist")
        for rel in files:
            if rel in seen:
                raise SeriesError(f"{series}: new file {rel} is listed twice")
            seen.add(rel)
            if Path(rel).is_absolute() or ".." in Path(rel).parts:
                raise SeriesError(f"{series}: new file {rel} is not a path inside the tree")
            if not (series.parent / FILES_DIR / rel).is_file():
                raise SeriesError(f"{series}: {name} brings {rel}, but "
                                  f"{series.parent / FILES_DIR / rel} does not exist")
        patches.append(SeriesPatch(path, tuple(files)))
    return patches


def write_series(series: Path, patches: Iterable[tuple[str, Iterable[str]]]) -> None:
    """Write a series file: (patch name, its new files) in order."""
    lines = []
    for name, files in patches:
        lines.append(f"{name}\n")
        lines.extend(f"    {rel}\n" for rel in sorted(files))
    series.write_text("".join(lines))


def copy_new_files(patch: SeriesPatch, tree: Path) -> None:
    """Copy the patch's new files into `tree`; a file the tree already has is an error
    (a new file must be new, or a later patch of the series would shadow it)."""
    for rel in patch.new_files:
        target = tree / rel
        if target.exists():
            raise SeriesError(f"{patch.name} brings new file {rel}, but the tree "
                              "already has it")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(patch.new_file_source(rel), target)


def apply_diff(patch: SeriesPatch, tree: Path) -> None:
    """Apply the patch's diff with git apply; a failure names the patch and the file."""
    # The tree may live inside a git checkout: stop git from finding it, or
    # `git apply` would silently skip paths outside the current folder.
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=str(tree.parent))
    result = subprocess.run(["git", "apply", "--whitespace=nowarn", str(patch.path.resolve())],
                            cwd=tree, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        failing = re.findall(r"^error: patch failed: (.+):\d+$", result.stderr, re.MULTILINE)
        failing += re.findall(r"^error: (.+?): (?:No such file or directory|does not exist "
                              r"in index)$", result.stderr, re.MULTILINE)
        where = f" (failing file: {', '.join(failing)})" if failing else ""
        raise SeriesError(f"patch {patch.name} does not apply{where}:\n"
                          f"{result.stderr.strip()}")


def apply(patch: SeriesPatch, tree: Path) -> None:
    """One step of the series: the patch's new files, then its diff."""
    copy_new_files(patch, tree)
    apply_diff(patch, tree)
