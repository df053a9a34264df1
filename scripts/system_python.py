"""The Python users already have: the system's own interpreter of the pinned minor version.

On Debian that is the python3.11 package, /usr/bin/python3.11: the same 3.11.2 source as
plugopt's pin, built by the distribution with PGO and LTO. Every speed comparison shows it
beside the same-mode baseline, labelled as the system's, so a figure says what a user
gains by switching, not only what the patches cost.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.build import cpython_pin as pin
from scripts.child_env import clean_env

MINOR = ".".join(pin.VERSION.split(".")[:2])
# Where a distribution installs its interpreter (FHS): /usr/bin, never a user's
# /usr/local, pyenv or venv.
CANDIDATE = Path("/usr/bin") / f"python{MINOR}"
LABEL = f"system python{MINOR}"


class SystemPythonError(Exception):
    """An interpreter given as the system's is not usable as one."""


def version_of(python: Path) -> str:
    """The version `python` reports; SystemPythonError if it does not run (not
    executable, fails, hangs)."""
    try:
        result = subprocess.run([str(python), "-c",
                                 "import platform; print(platform.python_version())"],
                                capture_output=True, text=True, env=clean_env(), timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SystemPythonError(f"{python} does not run: {exc}") from exc
    if result.returncode != 0:
        raise SystemPythonError(f"{python} does not run: {result.stderr.strip()}")
    return result.stdout.strip()


def find(given: str | None = None) -> Path | None:
    """The system interpreter: `given` if it is a path ("none": no system interpreter),
    else /usr/bin/python3.11 when it exists; None when there is none.

    A given interpreter must be of the pin's minor version (raises SystemPythonError);
    the default is simply skipped when it is not.
    """
    if given == "none":
        return None
    python = Path(given) if given else CANDIDATE
    if not python.exists():
        if given:
            raise SystemPythonError(f"{python} does not exist")
        return None
    version = version_of(python)
    if version.rsplit(".", 1)[0] != MINOR:
        if given:
            raise SystemPythonError(f"{python} is Python {version}, not {MINOR}")
        return None
    return python
