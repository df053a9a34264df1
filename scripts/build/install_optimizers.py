#!/usr/bin/env python3
"""Install the built optimizer modules into the patched interpreter's `plugopt` package.

Run by meson after every build. The package itself (its __init__.py) comes
with the patched interpreter: the patch series puts it in the standard
library and freezes it, so that loading an optimizer at start-up does not
search sys.path (cpython-patches/0007). This script fills its folder
(lib/python3.11/plugopt), so that every venv made from the patched
interpreter, and `python -S`, can load the samples. Files are copied only
when their content changed, and modules that are no longer built are
removed, so the package always matches the build. Then the patched
interpreter byte-compiles the package, at the three optimization levels as
`make install` does for the rest of the standard library: an install that its
users cannot write to would otherwise compile jit's translator from source in
every process that imports it (about 100 M instructions, callgrind).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "plugopt"
PACKAGE_INIT = "__init__.py"   # the interpreter's, not ours


def install(into: Path, modules: list[Path]) -> list[str]:
    """Copy what changed; return the names of the files copied."""
    package = into / PACKAGE
    wanted = {package / module.name: module for module in modules}
    copied = []
    for dest, src in wanted.items():
        if not dest.exists() or not filecmp.cmp(src, dest, shallow=False):
            tmp = dest.with_name(dest.name + ".tmp")
            shutil.copy2(src, tmp)
            tmp.replace(dest)   # atomic: a running interpreter never sees half a file
            copied.append(dest.name)
    for stale in [*package.glob("*.so"), *package.glob("*.py"), *package.glob("*.h")]:
        if stale not in wanted and stale.name != PACKAGE_INIT:
            stale.unlink()
    return copied


def byte_compile(python: Path, into: Path) -> int:
    """Write the package's .pyc files (compileall skips those up to date)."""
    result = subprocess.run([str(python), "-E", "-s", "-m", "compileall", "-q",
                             "-o", "0", "-o", "1", "-o", "2", str(into / PACKAGE)])
    if result.returncode != 0:
        print(f"install_optimizers: error: {python} -m compileall failed on "
              f"{into / PACKAGE}", file=sys.stderr)
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, required=True,
                        help="folder that holds the package (the stdlib folder)")
    parser.add_argument("--python", type=Path, required=True,
                        help="the patched interpreter, which byte-compiles the package")
    parser.add_argument("--stamp-out", type=Path, required=True)
    parser.add_argument("modules", nargs="*", type=Path)
    args = parser.parse_args()
    if not (args.into / PACKAGE / PACKAGE_INIT).is_file():
        print(f"install_optimizers: error: {args.into / PACKAGE / PACKAGE_INIT} does not "
              "exist (is the patched interpreter built from the current patch series?)",
              file=sys.stderr)
        return 1
    copied = install(args.into, args.modules)
    if copied:
        print(f"installed into {args.into / PACKAGE}: {', '.join(copied)}")
    if byte_compile(args.python, args.into) != 0:
        return 1
    args.stamp_out.write_text("".join(f"{m.name}\n" for m in args.modules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
