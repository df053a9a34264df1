#!/usr/bin/env python3
"""Turn the patch series into a git work tree and back.

  python3 -m scripts.build.patchtree import [--dir cpython-work] [--no-build]
      Extract the pinned tarball into DIR as a git repository: the pristine
      source is the base commit (tagged `upstream`), each patch of
      cpython-patches/series becomes one commit (git am), together with the
      new files it brings (from cpython-patches/files/). Unless --no-build,
      DIR is configured as a dev-mode build (plain -O3) and built, so later
      edits rebuild in seconds with a plain `make`.

  python3 -m scripts.build.patchtree export [--dir cpython-work]
      Write every commit after `upstream` back into cpython-patches/: files
      the release does not have go to files/ as they are at HEAD, each
      belonging to the commit that added it; the changes to the release's
      files become NNNN-slug.patch (git format-patch); the series file lists
      both. A commit that changes only new files is folded into them (its
      change is in files/ already), so fixes need no rebase.

See cpython-patches/README.md for the workflow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts import layout
from scripts.build import build_cpython
from scripts.build import cpython_pin as pin
from scripts.build import fetch_cpython
from scripts.build import patch_series
from scripts.layout import REPO_ROOT

PATCH_DIR = layout.PATCH_DIR
BASE_TAG = "upstream"
# A fixed identity and date for the base commit, so its hash is the same on every machine.
BASE_IDENTITY = {
    "GIT_AUTHOR_NAME": "CPython release", "GIT_AUTHOR_EMAIL": "release@invalid",
    "GIT_COMMITTER_NAME": "plugopt", "GIT_COMMITTER_EMAIL": "plugopt@invalid",
    "GIT_AUTHOR_DATE": "2023-02-08T00:00:00Z", "GIT_COMMITTER_DATE": "2023-02-08T00:00:00Z",
}


def git(tree: Path, *args: str, env_extra: dict[str, str] | None = None,
        capture: bool = False) -> str:
    """Run git in `tree`, isolated from the user's and system git configuration
    (a global diff.noprefix or diff.algorithm would change the exported patches)."""
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_CEILING_DIRECTORIES=str(tree.parent), **(env_extra or {}))
    result = subprocess.run(["git", "-c", "user.name=plugopt developer",
                             "-c", "user.email=plugopt@invalid", *args],
                            cwd=tree, env=env, text=True,
                            stdout=subprocess.PIPE if capture else None,
                            stderr=subprocess.PIPE if capture else None)
    if result.returncode != 0:
        detail = f":\n{result.stderr.strip()}" if capture else ""
        raise build_cpython.BuildError(f"git {' '.join(args[:2])} failed in {tree}{detail}")
    return result.stdout if capture else ""


def import_series(tree: Path, series: Path, tarball: Path | None, build: bool) -> None:
    if tree.exists():
        raise build_cpython.BuildError(
            f"{tree} already exists; export your commits first, then remove it")
    patches = build_cpython.read_series(series)
    source = fetch_cpython.fetch(tarball, log=lambda m: print(m, file=sys.stderr))
    build_cpython.extract(source, tree)
    git(tree, "init", "-q", "-b", "main")
    git(tree, "add", "-A", "-f")
    git(tree, "commit", "-q", "-m", f"CPython {pin.VERSION} as released (pristine tarball)",
        env_extra=BASE_IDENTITY)
    git(tree, "tag", BASE_TAG)
    for patch in patches:
        try:
            patch_series.copy_new_files(patch, tree)
            git(tree, "am", "-q", "--keep-cr", str(patch.path.resolve()), capture=True)
        except (build_cpython.BuildError, patch_series.SeriesError) as exc:
            raise build_cpython.BuildError(f"patch {patch.name} does not apply: {exc}") from None
        if patch.new_files:
            git(tree, "add", "-f", "--", *patch.new_files)
            git(tree, "commit", "-q", "--amend", "--no-edit", capture=True)
    print(f"{tree}: {len(patches)} patch commit(s) on top of tag '{BASE_TAG}'")
    if build:
        jobs = str(os.cpu_count() or 2)
        env = build_cpython.clean_env()
        pin.write_setup_local(tree)
        subprocess.run(["./configure", f"--prefix={tree / 'prefix'}",
                        *pin.configure_flags("dev")],
                       cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["make", f"-j{jobs}", "-s"], cwd=tree, env=env, check=True)
        print(f"built {tree / 'python'}; after editing, rebuild with: make -C {tree} -j{jobs}")


def new_files_by_commit(tree: Path) -> dict[str, list[str]]:
    """Files at HEAD that the release does not have, by the commit that added them."""
    at_head = set(git(tree, "ls-tree", "-r", "--name-only", "HEAD", capture=True).split("\n"))
    at_base = set(git(tree, "ls-tree", "-r", "--name-only", BASE_TAG, capture=True).split("\n"))
    by_commit: dict[str, list[str]] = {}
    for rel in sorted((at_head - at_base) - {""}):
        first = git(tree, "log", "--diff-filter=A", "--format=%H", f"{BASE_TAG}..HEAD", "--",
                    rel, capture=True).split()[-1]
        by_commit.setdefault(first, []).append(rel)
    return by_commit


def export_series(tree: Path, patch_dir: Path) -> list[str]:
    if git(tree, "status", "--porcelain", "--untracked-files=no", capture=True).strip():
        raise build_cpython.BuildError(f"{tree} has uncommitted changes to tracked files; "
                                       "commit them (one commit per patch) first")
    new_files = new_files_by_commit(tree)
    all_new = [rel for files in new_files.values() for rel in files]
    # Pathspecs that leave the new files out of every patch: they live in files/.
    release_files = ["--", ".", *(f":(exclude,literal){rel}" for rel in all_new)]
    staging = patch_dir / ".export"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    entries: list[tuple[str, list[str]]] = []
    commits = git(tree, "rev-list", "--reverse", f"{BASE_TAG}..HEAD", capture=True).split()
    for commit in commits:
        files = new_files.get(commit, [])
        changes = git(tree, "diff", "--stat", f"{commit}~1", commit, *release_files,
                      capture=True).strip()
        subject = git(tree, "log", "-1", "--format=%s", commit, capture=True).strip()
        if not changes:
            if files:
                raise build_cpython.BuildError(
                    f"commit {commit[:12]} ({subject}) adds {', '.join(files)} but changes no "
                    "file of the release: a patch must; fold it into the commit whose "
                    "concern these files are")
            print(f"folded into files/: {subject}", file=sys.stderr)
            continue
        number = len(entries) + 1
        git(tree, "format-patch", "-q", "--zero-commit", "--no-signature", "--abbrev=12",
            "--diff-algorithm=myers", f"--start-number={number}", "-o", str(staging),
            "-1", commit, *release_files)
        made = sorted(staging.glob(f"{number:04d}-*.patch"))
        if len(made) != 1:
            raise build_cpython.BuildError(f"git format-patch wrote {made} for {commit[:12]}")
        entries.append((made[0].name, files))
    for old in patch_dir.glob("[0-9][0-9][0-9][0-9]-*.patch"):
        old.unlink()
    for name, _ in entries:
        (staging / name).rename(patch_dir / name)
    staging.rmdir()
    files_dir = patch_dir / patch_series.FILES_DIR
    shutil.rmtree(files_dir, ignore_errors=True)
    for rel in all_new:
        target = files_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(git_bytes(tree, "show", f"HEAD:{rel}"))
    patch_series.write_series(patch_dir / "series", entries)
    return [name for name, _ in entries]


def git_bytes(tree: Path, *args: str) -> bytes:
    """The raw output of a git command in `tree` (file contents, byte for byte)."""
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_CEILING_DIRECTORIES=str(tree.parent))
    return subprocess.run(["git", *args], cwd=tree, env=env, check=True,
                          stdout=subprocess.PIPE).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("import", "export"))
    parser.add_argument("--dir", type=Path, default=REPO_ROOT / "cpython-work",
                        help="the git work tree (default: cpython-work)")
    parser.add_argument("--patches", type=Path, default=PATCH_DIR,
                        help="the patch folder with its series file (default: cpython-patches)")
    parser.add_argument("--tarball", type=Path, help="use this tarball instead of the cache")
    parser.add_argument("--no-build", action="store_true", help="import only; skip configure+make")
    args = parser.parse_args()
    try:
        if args.action == "import":
            import_series(args.dir.resolve(), args.patches / "series", args.tarball,
                          build=not args.no_build)
        else:
            names = export_series(args.dir.resolve(), args.patches)
            print(f"exported {len(names)} patch(es) to {args.patches}")
    except (build_cpython.BuildError, fetch_cpython.FetchError,
            subprocess.CalledProcessError) as exc:
        print(f"patchtree: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
