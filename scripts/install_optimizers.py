#!/usr/bin/env python3
"""Install the built optimizer modules as the `plugopt` package of the patched interpreter.

Run by meson after every build. The package goes into the interpreter's
standard library folder (lib/python3.11), so that every venv made from the
patched interpreter, and `python -S`, can load the samples. Files are copied
only when their content changed, and modules that are no longer built are
removed, so the package always matches the build.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
from pathlib import Path

PACKAGE = "plugopt"


def install(into: Path, package_init: Path, modules: list[Path]) -> list[str]:
    """Copy what changed; return the names of the files copied."""
    package = into / PACKAGE
    package.mkdir(parents=True, exist_ok=True)
    wanted = {package / "__init__.py": package_init}
    wanted.update({package / module.name: module for module in modules})
    copied = []
    for dest, src in wanted.items():
        if not dest.exists() or not filecmp.cmp(src, dest, shallow=False):
            tmp = dest.with_name(dest.name + ".tmp")
            shutil.copy2(src, tmp)
            tmp.replace(dest)   # atomic: a running interpreter never sees half a file
            copied.append(dest.name)
    for stale in [*package.glob("*.so"), *package.glob("*.py")]:
        if stale not in wanted:
            stale.unlink()
    return copied


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, required=True,
                        help="folder that holds the package (the stdlib folder)")
    parser.add_argument("--package-init", type=Path, required=True)
    parser.add_argument("--stamp-out", type=Path, required=True)
    parser.add_argument("modules", nargs="*", type=Path)
    args = parser.parse_args()
    if not args.into.is_dir():
        print(f"install_optimizers: error: {args.into} does not exist "
              "(is the patched interpreter built?)", file=sys.stderr)
        return 1
    copied = install(args.into, args.package_init, args.modules)
    if copied:
        print(f"installed into {args.into / PACKAGE}: {', '.join(copied)}")
    args.stamp_out.write_text("".join(f"{m.name}\n" for m in args.modules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
