#!/usr/bin/env python3
"""Install what building and testing plugopt needs.

1. Debian packages to build CPython with all the modules the tests and
   pyperformance use. Installed with apt-get when running as root; otherwise
   the exact command is printed and the script stops.
2. The pinned Python tools of requirements.txt, in the project's virtual
   environment (.venv), created with the python3 that runs this script.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path
from scripts.layout import REPO_ROOT

VENV_DIR = REPO_ROOT / ".venv"
REQUIREMENTS = REPO_ROOT / "requirements.txt"

# Debian (bookworm) names. One line per reason, so a missing module is easy to trace.
APT_PACKAGES = [
    "build-essential", "pkg-config", "git",   # compilers, make; git applies the patch series
    "libssl-dev",                              # ssl, hashlib (pip needs https)
    "libffi-dev",                              # ctypes
    "zlib1g-dev", "libbz2-dev", "liblzma-dev",  # zlib, bz2, lzma
    "libsqlite3-dev",                          # sqlite3
    "libreadline-dev", "libncurses-dev",       # readline, curses
    "libgdbm-dev", "libgdbm-compat-dev",       # dbm.gnu, dbm.ndbm
    "uuid-dev",                                # _uuid
    "valgrind",                                # instruction counts for the overhead script
    "gdb",                                     # struct layouts of both builds (test_layout)
]


def missing_apt_packages() -> list[str]:
    missing = []
    for package in APT_PACKAGES:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                                capture_output=True, text=True)
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def install_apt_packages() -> bool:
    """True when every package is present afterwards."""
    try:
        missing = missing_apt_packages()
    except FileNotFoundError:
        print("install_deps: dpkg-query not found; this is not a Debian-like system.\n"
              f"Install the equivalents of: {' '.join(APT_PACKAGES)}", file=sys.stderr)
        return False
    if not missing:
        return True
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        print("install_deps: missing Debian packages; run as root:\n"
              f"  sudo apt-get update && sudo {' '.join(command)}", file=sys.stderr)
        return False
    print(f"installing Debian packages: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run([*command, "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    return not missing_apt_packages()


def venv_python() -> Path:
    return VENV_DIR / "bin" / "python"


def install_python_tools() -> None:
    if not venv_python().exists():
        print(f"creating {VENV_DIR}", flush=True)
        venv.create(VENV_DIR, with_pip=True)
    stamp = VENV_DIR / ".requirements"
    wanted = REQUIREMENTS.read_text()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print(f"installing {REQUIREMENTS.name} into {VENV_DIR}", flush=True)
    subprocess.run([str(venv_python()), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)],
                   check=True)
    stamp.write_text(wanted)


def main() -> int:
    if not install_apt_packages():
        return 1
    install_python_tools()
    return 0


if __name__ == "__main__":
    sys.exit(main())
