"""The command line every measure script starts from."""

from __future__ import annotations

import argparse
from pathlib import Path

from scripts.layout import REPO_ROOT


def parser(doc: str, optimizer_how: str | None = None) -> argparse.ArgumentParser:
    """A parser whose description is the first line of the script's docstring `doc` and
    whose epilog is the rest, with --build-dir; and --optimizer NAME, if the patched
    runs can load one, loaded the way `optimizer_how` says (e.g. "PYTHONOPTIMIZER=NAME")."""
    result = argparse.ArgumentParser(description=doc.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=doc.split("\n\n", 1)[1])
    result.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    if optimizer_how is not None:
        result.add_argument("--optimizer", metavar="NAME",
                            help=f"the optimizer the patched runs load ({optimizer_how}; "
                                 "default: none)")
    return result
