"""CPython's regression tests (`python -m test`) for scripts/validate/: the command, and
what its output says (result, failed / skipped / changed-environment test files, and the
output of each failing test).

The command follows /work/shared/notes/environment.md: no PYTHONUNBUFFERED or
PYTHONDONTWRITEBYTECODE (test_cmd_line, test_compileall and test_cppext fail with them),
SETUPTOOLS_USE_DISTUTILS=stdlib (test_peg_generator), and the VSOCK test of test_socket
ignored (it blocks in accept() until the timeout). The optimizer is chosen with
PYTHONOPTIMIZER, which regrtest's worker processes inherit.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

IGNORE = "*VSOCK*"
JOBS = 2
SMOKE_TESTS = ("test_generators", "test_coroutines", "test_grammar", "test_sys_settrace",
               "test_exceptions", "test_asyncgen", "test_dis", "test_frame", "test_code",
               "test_itertools", "test_contextlib", "test_scope", "test_genexps", "test_with",
               "test_patma", "test_traceback")

PROGRESS_RE = re.compile(r"\[\s*(\d+)/(\d+)(?:/\d+)?\] (test\S*)")
RESULT_RE = re.compile(r"^== Tests result: (.+) ==$")
SECTION_RE = re.compile(r"^(?:All )?(\d+) (?:tests?|re-run tests?)(?: (.*?))?:?$")
SECTIONS = {
    "failed": "failed",
    "altered the execution environment": "env_changed",
    "skipped": "skipped",
    "omitted": "omitted",
    "run no tests": "run_no_tests",
    "": "rerun",            # "3 re-run tests:"
}
EXCERPT_LINES = 40


def command(python: Path, tests: Sequence[str], timeout: int, junit: Path | None = None
            ) -> list[str]:
    """The regrtest command; with `junit`, it also writes per-test results there."""
    return [str(python), "-m", "test", f"-j{JOBS}", "--timeout", str(timeout),
            "--ignore", IGNORE, *(["--junit-xml", str(junit)] if junit else []), *tests]


def failed_test_ids(junit: Path) -> list[str]:
    """The ids (test.test_dis.DisTests.test_x) of the tests that failed or raised, from
    regrtest's --junit-xml file; [] if there is none or it cannot be read."""
    try:
        root = ElementTree.parse(junit).getroot()
    except (OSError, ElementTree.ParseError):
        return []
    return sorted({case.get("name", "") for case in root.iter("testcase")
                   if case.find("failure") is not None or case.find("error") is not None})


def test_file_of(test_id: str) -> str:
    """The regrtest test file a test id belongs to: test.test_dis.DisTests.x -> test_dis."""
    parts = test_id.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "test" else parts[0]


def environment(base: Mapping[str, str]) -> dict[str, str]:
    """`base` (already free of PYTHON* variables from the machine) as regrtest needs it."""
    env = dict(base)
    env["SETUPTOOLS_USE_DISTUTILS"] = "stdlib"
    return env


def list_tests(python: Path, tests: Sequence[str], env: Mapping[str, str], cwd: Path
               ) -> list[str]:
    """The test files regrtest would run (`--list-tests`), for progress counting."""
    result = subprocess.run([str(python), "-m", "test", "--list-tests", "--ignore", IGNORE,
                             *tests], capture_output=True, text=True, env=dict(env), cwd=cwd)
    return [line.strip() for line in result.stdout.splitlines()
            if re.fullmatch(r"test\S*", line.strip())]


@dataclass
class RegrtestResult:
    result: str | None = None                     # SUCCESS, FAILURE, ...; None if it never said
    sections: dict[str, list[str]] = field(default_factory=dict)
    ok: int = 0

    @property
    def failed(self) -> list[str]:
        return self.sections.get("failed", [])


def parse_output(text: str) -> RegrtestResult:
    """Read the summary regrtest prints at the end (display_result in libregrtest)."""
    parsed = RegrtestResult()
    lines = text.splitlines()
    start = next((i for i in range(len(lines) - 1, -1, -1) if RESULT_RE.match(lines[i])), None)
    if start is None:
        return parsed
    parsed.result = RESULT_RE.match(lines[start])[1]
    current: list[str] | None = None
    for line in lines[start + 1:]:
        if line.startswith("    ") and current is not None:
            current.extend(line.split())
            continue
        current = None
        stripped = line.strip()
        if match := re.match(r"^(?:All )?(\d+) tests? OK\.$", stripped):
            parsed.ok = int(match[1])
            continue
        match = SECTION_RE.match(stripped)
        if match and stripped.endswith(":"):
            key = SECTIONS.get((match[2] or "").rstrip(":"))
            if key is not None:
                current = parsed.sections.setdefault(key, [])
    return parsed


def test_output(text: str, test: str) -> str:
    """The lines regrtest printed for `test`: from its progress line up to the next one."""
    lines = text.splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        match = PROGRESS_RE.search(line)
        if match:
            if inside:
                break
            inside = match[3] == test
        if inside:
            out.append(line)
    if len(out) > EXCERPT_LINES:
        out = out[:5] + ["[...]"] + out[-(EXCERPT_LINES - 6):]
    return "\n".join(out)


def new_failures(failed: Sequence[str], baseline_failed: Sequence[str]) -> list[str]:
    """What failed here and not under the baseline (test files, or package test ids)."""
    base = set(baseline_failed)
    return sorted(test for test in set(failed) if test not in base)
