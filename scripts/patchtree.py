#!/usr/bin/env python3
"""Turn the patch series into a git work tree and back.

  patchtree.py import [--dir cpython-work] [--no-build]
      Extract the pinned tarball into DIR as a git repository: the pristine
      source is the base commit (tagged `upstream`), each patch of
      cpython-patches/series becomes one commit (git am). Unless --no-build,
      DIR is configured as a dev-mode build (plain -O3) and built, so later
      edits rebuild in seconds with a plain `make`.

  patchtree.py export [--dir cpython-work]
      Write every commit after `upstream` back into cpython-patches/ as
      NNNN-slug.patch (git format-patch) and rewrite the series file.

See cpython-patches/README.md for the workflow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_cpython  # noqa: E402
import cpython_pin as pin  # noqa: E402
import fetch_cpython  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
PATCH_DIR = REPO_ROOT / "cpython-patches"
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
            git(tree, "am", "-q", "--keep-cr", str(patch.resolve()), capture=True)
        except build_cpython.BuildError as exc:
            raise build_cpython.BuildError(f"patch {patch.name} does not apply: {exc}") from None
    print(f"{tree}: {len(patches)} patch commit(s) on top of tag '{BASE_TAG}'")
    if build:
        jobs = str(os.cpu_count() or 2)
        env = build_cpython.clean_env()
        subprocess.run(["./configure", f"--prefix={tree / 'prefix'}",
                        *pin.configure_flags("dev")],
                       cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["make", f"-j{jobs}", "-s"], cwd=tree, env=env, check=True)
        print(f"built {tree / 'python'}; after editing, rebuild with: make -C {tree} -j{jobs}")


def export_series(tree: Path, patch_dir: Path) -> list[str]:
    if git(tree, "status", "--porcelain", "--untracked-files=no", capture=True).strip():
        raise build_cpython.BuildError(f"{tree} has uncommitted changes to tracked files; "
                                       "commit them (one commit per patch) first")
    staging = patch_dir / ".export"
    shutil.rmtree(staging, ignore_errors=True)
    git(tree, "format-patch", "-q", "--zero-commit", "--no-signature", "--abbrev=12",
        "--diff-algorithm=myers", "-N", "-o", str(staging), f"{BASE_TAG}..HEAD")
    names = sorted(p.name for p in staging.glob("*.patch"))
    for old in patch_dir.glob("[0-9][0-9][0-9][0-9]-*.patch"):
        old.unlink()
    for name in names:
        (staging / name).rename(patch_dir / name)
    staging.rmdir()
    (patch_dir / "series").write_text("".join(f"{name}\n" for name in names))
    return names


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
