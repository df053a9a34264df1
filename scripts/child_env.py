"""The environment plugopt gives the interpreters and tools it starts."""

from __future__ import annotations

import os
from collections.abc import Mapping


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """os.environ without PYTHON* variables, plus `extra`.

    None of ours may leak into a child interpreter: this machine sets
    PYTHONUNBUFFERED=1 and PYTHONDONTWRITEBYTECODE=1 (which break some of
    CPython's own tests), a PYTHONPATH or PYTHONOPTIMIZER would change what
    the child runs, and configure/make must not see them either.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(extra or {})
    return env
