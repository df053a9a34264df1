"""The CPython patch series: its lint, how the build applies it, and patchtree's round trip."""

from __future__ import annotations

import datetime
import difflib
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from scripts.build import build_cpython
from scripts.build import cpython_pin as pin
from scripts.build import patch_series
from helpers import REPO_ROOT, clean_env, output, run_tool
from scripts.build.patch_series import SeriesPatch

PATCH_DIR = REPO_ROOT / "cpython-patches"
SERIES = PATCH_DIR / "series"
FILES_DIR = PATCH_DIR / patch_series.FILES_DIR
ZERO_COMMIT_LINE = "From 0000000000000000000000000000000000000000 "
NAME_RE = re.compile(r"^(\d{4})-[A-Za-z0-9][A-Za-z0-9._-]*\.patch$")
DEP3_FIELDS = ("Description", "Author", "Forwarded")


def series_names(series: Path) -> list[str]:
    """The patch names of a series file, as patch_series.read_series reads them."""
    return [patch.name for patch in patch_series.read_series(series)]


def patch_problems(patch: Path) -> list[str]:
    """What is wrong with one patch file of a series (an empty list if nothing)."""
    problems = []
    if not NAME_RE.match(patch.name):
        problems.append(f"name {patch.name!r} is not NNNN-short-slug.patch")
    text = patch.read_text(errors="replace")
    if not text.startswith(ZERO_COMMIT_LINE):
        problems.append(f"does not start with {ZERO_COMMIT_LINE!r} (git format-patch "
                        "--zero-commit output, as patchtree.py export writes)")
    if "\ndiff --git " not in text:
        problems.append("contains no 'diff --git' section")
    message = text.split("\n---\n", 1)[0]
    for field in DEP3_FIELDS:
        if not re.search(rf"^{field}: \S", message, re.MULTILINE):
            problems.append(f"commit message lacks the DEP-3 field '{field}:'")
    update = re.search(r"^Last-Update: (\S+)\s*$", message, re.MULTILINE)
    if update is None:
        problems.append("commit message lacks the DEP-3 field 'Last-Update:'")
    elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", update.group(1)):
        problems.append(f"Last-Update {update.group(1)!r} is not YYYY-MM-DD")
    else:
        try:
            datetime.date.fromisoformat(update.group(1))
        except ValueError:
            problems.append(f"Last-Update {update.group(1)!r} is not a date")
    return problems


def lint_params() -> list[object]:
    """One test per patch of the series or of the folder; a stand-in while there is none."""
    names = sorted(set(series_names(SERIES)) | {p.name for p in PATCH_DIR.glob("*.patch")})
    if not names:
        return [pytest.param(None, id="no-patches")]
    return [pytest.param(PATCH_DIR / name, id=name) for name in names]


# --- lint ---------------------------------------------------------------------------------


def test_series_and_patch_folder_agree() -> None:
    names = series_names(SERIES)
    assert len(names) == len(set(names)), f"{SERIES} lists a patch twice: {names}"
    missing = [name for name in names if not (PATCH_DIR / name).is_file()]
    assert not missing, f"{SERIES} lists patches that do not exist: {missing}"
    unlisted = sorted({p.name for p in PATCH_DIR.glob("*.patch")} - set(names))
    assert not unlisted, f"patch files not in {SERIES}: {unlisted}"
    numbers = [match.group(1) if (match := NAME_RE.match(name)) else name for name in names]
    assert numbers == [f"{i:04d}" for i in range(1, len(names) + 1)], (
        f"{SERIES} is not numbered consecutively from 0001: {names}")


def test_every_new_file_belongs_to_one_patch_and_no_patch_diffs_it() -> None:
    listed = [rel for patch in patch_series.read_series(SERIES) for rel in patch.new_files]
    kept = sorted(str(p.relative_to(FILES_DIR)) for p in FILES_DIR.rglob("*") if p.is_file())
    assert sorted(listed) == kept, (
        f"files under {FILES_DIR} and the new files {SERIES} lists differ")
    for patch in PATCH_DIR.glob("*.patch"):
        diffed = re.findall(r"^diff --git a/(\S+) ", patch.read_text(), re.MULTILINE)
        assert not set(diffed) & set(listed), (
            f"{patch.name} diffs new files {set(diffed) & set(listed)}: they live whole in "
            f"{FILES_DIR} (patchtree.py export keeps them there)")


@pytest.mark.parametrize("patch", lint_params())
def test_patch_is_format_patch_with_dep3_header(patch: Path | None) -> None:
    if patch is None:   # nothing to lint: make sure that is really so
        assert series_names(SERIES) == [] and not list(PATCH_DIR.glob("*.patch"))
        return
    assert patch.is_file(), f"{patch} is listed in {SERIES} but does not exist"
    problems = patch_problems(patch)
    assert not problems, f"{patch}:\n  " + "\n  ".join(problems)


def test_lint_catches_a_patch_without_dep3_header(tmp_path: Path) -> None:
    patch = tmp_path / "1-Bad_Name.patch"
    patch.write_text("From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001\n"
                     "Subject: [PATCH] no header\n\nDescription: something\n"
                     "Last-Update: 24.11.2026\n---\n README.rst | 1 +\n")
    problems = "\n".join(patch_problems(patch))
    for expected in ("NNNN-short-slug", "--zero-commit", "diff --git", "'Author:'",
                     "'Forwarded:'", "not YYYY-MM-DD"):
        assert expected in problems
    assert "'Description:'" not in problems


# --- how the build applies the series -----------------------------------------------------


@pytest.fixture(scope="module")
def pristine_readme(pinned_tarball: Path) -> str:
    with tarfile.open(pinned_tarball) as tar:
        member = tar.extractfile(f"{pin.SOURCE_DIR_NAME}/README.rst")
        assert member is not None
        return member.read().decode()


def readme_patch(pristine: str, added_line: str) -> str:
    """A git-style diff that adds `added_line` below README.rst's title."""
    old = pristine.splitlines(keepends=True)
    new = old[:3] + [added_line + "\n"] + old[3:]
    diff = difflib.unified_diff(old, new, "a/README.rst", "b/README.rst")
    return "diff --git a/README.rst b/README.rst\n" + "".join(diff)


def test_series_applies_to_a_fresh_extraction(pinned_tarball: Path, tmp_path: Path) -> None:
    patches = build_cpython.read_series(SERIES)
    tree = tmp_path / "src"
    assert build_cpython.prepare_tree(pinned_tarball, patches, tree, log=lambda m: None)
    assert (tree / build_cpython.STAMP_NAME).read_text().strip() == \
        build_cpython.tree_key(patches)
    for patch in patches:
        for rel in patch.new_files:
            assert (tree / rel).read_bytes() == patch.new_file_source(rel).read_bytes()


def test_every_prefix_of_the_series_applies(pinned_tarball: Path, tmp_path: Path) -> None:
    """Patch by patch on one extraction: each patch's new files are new to the tree
    so far, and its diff applies on top of the patches before it. (Whether every
    prefix also builds is scripts/build/check_series_builds.py, run by the validation.)"""
    tree = tmp_path / "src"
    build_cpython.extract(pinned_tarball, tree)
    for patch in build_cpython.read_series(SERIES):
        patch_series.apply(patch, tree)   # raises, naming the patch, if it does not


def test_new_file_already_in_the_tree_is_an_error(pinned_tarball: Path, tmp_path: Path) -> None:
    patches_dir = tmp_path / "patches"
    (patches_dir / "files").mkdir(parents=True)
    (patches_dir / "files" / "README.rst").write_text("not new\n")
    (patches_dir / "0001-demo.patch").write_text("")
    (patches_dir / "series").write_text("0001-demo.patch\n    README.rst\n")
    [patch] = patch_series.read_series(patches_dir / "series")
    with pytest.raises(build_cpython.BuildError, match="0001-demo.patch brings new file "
                       "README.rst, but the tree already has it"):
        build_cpython.prepare_tree(pinned_tarball, [patch], tmp_path / "src", log=lambda m: None)


def test_series_file_errors_name_the_line_or_file(tmp_path: Path) -> None:
    series = tmp_path / "series"
    series.write_text("    Python/orphan.c\n")
    with pytest.raises(patch_series.SeriesError, match=r"series:1: a new file before any patch"):
        patch_series.read_series(series)
    (tmp_path / "0001-a.patch").write_text("")
    series.write_text("0001-a.patch\n    Python/missing.c\n")
    with pytest.raises(patch_series.SeriesError, match=r"brings Python/missing.c, but .*files/"
                       r"Python/missing.c does not exist"):
        patch_series.read_series(series)


def test_broken_patch_is_reported_by_name_and_file(pinned_tarball: Path, tmp_path: Path) -> None:
    patch = tmp_path / "0001-broken-demo.patch"
    patch.write_text("diff --git a/Python/ceval.c b/Python/ceval.c\n"
                     "--- a/Python/ceval.c\n+++ b/Python/ceval.c\n"
                     "@@ -1,3 +1,4 @@\n"
                     " context that is not in ceval.c\n+added line\n"
                     " more context that is not there\n last context line\n")
    tree = tmp_path / "src"
    with pytest.raises(build_cpython.BuildError) as caught:
        build_cpython.prepare_tree(pinned_tarball, [SeriesPatch(patch)], tree,
                                   log=lambda m: None)
    message = str(caught.value)
    assert "0001-broken-demo.patch" in message
    assert "Python/ceval.c" in message
    # A tree whose patches did not all apply is never stamped as good.
    assert not (tree / build_cpython.STAMP_NAME).exists()


def test_tree_is_reused_until_a_patch_changes(pinned_tarball: Path, pristine_readme: str,
                                              tmp_path: Path) -> None:
    path = tmp_path / "patches" / "0001-readme-line.patch"
    path.parent.mkdir()
    path.write_text(readme_patch(pristine_readme, "plugopt stamp test, first version"))
    patch = SeriesPatch(path)
    tree = tmp_path / "src"

    assert build_cpython.prepare_tree(pinned_tarball, [patch], tree, log=lambda m: None)
    assert "plugopt stamp test, first version\n" in (tree / "README.rst").read_text()
    marker = tree / "marker-dropped-by-test"
    marker.write_text("still here\n")

    assert not build_cpython.prepare_tree(pinned_tarball, [patch], tree, log=lambda m: None)
    assert marker.exists()

    path.write_text(readme_patch(pristine_readme, "plugopt stamp test, second version"))
    assert build_cpython.prepare_tree(pinned_tarball, [patch], tree, log=lambda m: None)
    assert not marker.exists()
    readme = (tree / "README.rst").read_text()
    assert "second version" in readme and "first version" not in readme


def test_tree_configured_for_another_build_is_not_reused(tmp_path: Path) -> None:
    """A tree configured for other flags or built-in modules (or by an older recipe,
    which wrote no configured stamp) is extracted afresh: make would keep its
    configuration (found when a build interrupted after configure came back with
    Setup.local added: the patched interpreter was built without it)."""
    tree = tmp_path / "src"
    tree.mkdir()
    assert not build_cpython.configured_for_another_key(tree, "new")     # not configured
    (tree / "Makefile").write_text("all:\n")
    assert build_cpython.configured_for_another_key(tree, "new")         # by an old recipe
    (tree / build_cpython.CONFIGURED_STAMP_NAME).write_text("old\n")
    assert build_cpython.configured_for_another_key(tree, "new")
    (tree / build_cpython.CONFIGURED_STAMP_NAME).write_text("new\n")
    assert not build_cpython.configured_for_another_key(tree, "new")


# --- patchtree.py import / export round trip ----------------------------------------------


def git(tree: Path, *args: str) -> str:
    """git in a work tree, isolated from the user's configuration, with a fixed identity."""
    env = clean_env({"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                     "GIT_CEILING_DIRECTORIES": str(tree.parent),
                     "GIT_AUTHOR_NAME": "Plugopt Test", "GIT_AUTHOR_EMAIL": "test@invalid",
                     "GIT_COMMITTER_NAME": "Plugopt Test",
                     "GIT_COMMITTER_EMAIL": "test@invalid"})
    result = subprocess.run(["git", *args], cwd=tree, env=env, capture_output=True, text=True)
    assert result.returncode == 0, output(result)
    return result.stdout


def patchtree(action: str, work: Path, patches: Path, *extra: str | Path) -> None:
    result = run_tool("build.patchtree", action, "--dir", work, "--patches", patches, *extra,
                        timeout=300)
    assert result.returncode == 0, output(result)


def folder_contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def commit_change(work: Path, path: str, line: str, subject: str) -> None:
    """Append `line` to `path` and commit it with a DEP-3 style message."""
    with open(work / path, "a") as f:
        f.write(line + "\n")
    message = (f"{subject}\n\nDescription: {subject}, made by the round-trip test\n"
               " of patchtree.py.\nAuthor: Plugopt Test <test@invalid>\n"
               "Forwarded: not-needed\nLast-Update: 2026-01-31\n")
    git(work, "commit", "-q", "-a", "-m", message)


@pytest.fixture(scope="module")
def real_series_round_trip(pinned_tarball: Path, tmp_path_factory: pytest.TempPathFactory
                           ) -> tuple[Path, Path]:
    """Import a copy of cpython-patches and export it again; return (copy, work tree)."""
    root = tmp_path_factory.mktemp("roundtrip")
    copy = root / "cpython-patches"
    shutil.copytree(PATCH_DIR, copy)
    work = root / "work"
    patchtree("import", work, copy, "--no-build", "--tarball", pinned_tarball)
    patchtree("export", work, copy)
    return copy, work


def test_real_series_survives_import_and_export(
        real_series_round_trip: tuple[Path, Path]) -> None:
    copy, _ = real_series_round_trip
    assert folder_contents(copy) == folder_contents(PATCH_DIR)


def removed_lines_added_by_the_series(work: Path, commit: str) -> int:
    """How many lines that `commit` deletes or rewrites an earlier patch of the
    series had added (git blame of each deleted line in the commit's parent)."""
    diff = git(work, "diff", "-U0", "--no-color", f"{commit}~1", commit)
    count = 0
    for section in re.split(r"^diff --git ", diff, flags=re.MULTILINE)[1:]:
        old = re.search(r"^--- (?:a/(\S+)|/dev/null)$", section, re.MULTILINE)
        if old is None or old.group(1) is None:
            continue   # a new file
        for start, length in re.findall(r"^@@ -(\d+)(?:,(\d+))? ", section, re.MULTILINE):
            length = int(length) if length else 1
            if length == 0:
                continue
            blame = git(work, "blame", "--porcelain", "-L", f"{start},+{length}",
                        f"{commit}~1", "--", old.group(1))
            origins = re.findall(r"^([0-9a-f]{40}) \d+ \d+", blame, re.MULTILINE)
            base = git(work, "rev-parse", "upstream").strip()
            count += sum(origin != base for origin in origins)
    return count


def test_no_patch_rewrites_what_an_earlier_one_added(
        real_series_round_trip: tuple[Path, Path]) -> None:
    """At most 1% of the lines the series adds are rewritten or deleted by a later
    patch of the series (each commit of the imported work tree, blamed)."""
    _, work = real_series_round_trip
    commits = git(work, "rev-list", "--reverse", "upstream..HEAD").split()
    added = sum(int(n) for n in re.findall(r"^(\d+)\t", git(
        work, "diff", "--numstat", "upstream", "HEAD"), re.MULTILINE))
    rewritten = {git(work, "log", "-1", "--format=%s", c).strip():
                 removed_lines_added_by_the_series(work, c) for c in commits}
    assert sum(rewritten.values()) <= added / 100, (
        f"of {added} added lines, later patches rewrite {rewritten}")


def test_new_commits_survive_export_import_export(
        pinned_tarball: Path, real_series_round_trip: tuple[Path, Path], tmp_path: Path) -> None:
    _, work = real_series_round_trip
    commit_change(work, "README.rst", "A line added by the first demo patch.",
                  "Add a line to README.rst")
    # A fix to a file new to the series is folded into files/, not a patch of its own.
    commit_change(work, "Python/optimizer.c", "/* A comment added by the fold demo. */",
                  "Comment Python/optimizer.c")
    commit_change(work, "Lib/__hello__.py", "# A comment added by the second demo patch.",
                  "Comment Lib/__hello__.py")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    patchtree("export", work, first)
    shutil.rmtree(work)

    real_count = len(series_names(SERIES))
    exported = series_names(first / "series")
    assert exported[real_count:] == [f"{real_count + 1:04d}-Add-a-line-to-README.rst.patch",
                                     f"{real_count + 2:04d}-Comment-Lib-__hello__.py.patch"]
    for name in exported:
        assert not patch_problems(first / name), (name, patch_problems(first / name))
    fold = "/* A comment added by the fold demo. */\n"
    assert (first / "files" / "Python" / "optimizer.c").read_text().endswith(fold)

    patchtree("import", work, first, "--no-build", "--tarball", pinned_tarball)
    assert (work / "README.rst").read_text().endswith("A line added by the first demo patch.\n")
    assert (work / "Python" / "optimizer.c").read_text().endswith(fold)
    patchtree("export", work, second)
    assert folder_contents(second) == folder_contents(first)
