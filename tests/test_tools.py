"""The tools are one package, `scripts`, run with `python3 -m` from the repository's root."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO_ROOT, output, run_tool

SCRIPTS = REPO_ROOT / "scripts"
COMMANDS = ["", ".validate", ".build.patchtree", ".build.check_series_builds",
            ".build.build_cpython", ".build.fetch_cpython",
            ".measure.idle_cost", ".measure.paired_time", ".measure.paired_pyperf",
            ".measure.startup", ".run_tests"]


def test_no_tool_edits_sys_path() -> None:
    offenders = [str(path.relative_to(REPO_ROOT)) for path in SCRIPTS.rglob("*.py")
                 if re.search(r"^\s*sys\.path\.(insert|append)", path.read_text(), re.M)]
    assert not offenders, f"modules that edit sys.path: {offenders}"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "scripts" + c)
def test_every_command_runs_with_python_m(command: str) -> None:
    result = run_tool(command.lstrip(".") if command else "__main__", "--help")
    assert result.returncode == 0, output(result)
    assert "usage:" in result.stdout, output(result)


def test_pytest_arguments_reach_pytest_intact(build_dir: Path) -> None:
    """An expression with spaces (`-k "a and not b"`) is one argument all the way."""
    result = run_tool("run_tests", "--build-dir", build_dir, "--collect-only", "-q",
                      "-p", "no:cacheprovider", "-k",
                      "test_no_tool_edits_sys_path and not test_pytest_arguments", timeout=300)
    assert result.returncode == 0, output(result)
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    assert collected == ["test_tools.py::test_no_tool_edits_sys_path"], output(result)
