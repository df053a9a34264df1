#!/usr/bin/env python3
"""plugopt's one-command entry points.

  python3 scripts/plugopt.py main    install dependencies, build, run the main job
  python3 scripts/plugopt.py test    install dependencies, build, run the tests
  python3 scripts/plugopt.py build   install dependencies and build only

The build folder is ./build unless --build-dir says otherwise. Each step is
incremental: a second run only redoes what changed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import install_deps  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


def venv_tool(name: str) -> str:
    return str(install_deps.VENV_DIR / "bin" / name)


def tool_env() -> dict[str, str]:
    """Environment with the project venv first on PATH (meson runs ninja from there)."""
    path = f"{install_deps.VENV_DIR / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    return dict(os.environ, PATH=path)


def build(build_dir: Path) -> None:
    env = tool_env()
    if not (build_dir / "build.ninja").exists():
        subprocess.run([venv_tool("meson"), "setup", str(build_dir), str(REPO_ROOT),
                        f"-Dpython={install_deps.venv_python()}"], check=True, env=env)
    subprocess.run([venv_tool("meson"), "compile", "-C", str(build_dir)], check=True, env=env)


def main_job(build_dir: Path) -> None:
    """Show what was built: the interpreter's version and the optimizers it can load."""
    python = build_dir / "install" / "bin" / "python3"
    report = (
        "import sys, pkgutil, plugopt\n"
        "print('patched interpreter:', sys.executable)\n"
        "print('version:', sys.version.replace(chr(10), ' '))\n"
        "names = sorted(m.name for m in pkgutil.iter_modules(plugopt.__path__))\n"
        "print('optimizers:', ', '.join(names) if names else '(none built)')\n"
    )
    subprocess.run([str(python), "-c", report], check=True)
    demo = (
        "import plugopt.counter as counter\n"
        "def hot_loop(n):\n"
        "    total = 0\n"
        "    for i in range(n):\n"
        "        total += i % 7\n"
        "    return total\n"
        "results = [hot_loop(20000) for _ in range(20)]\n"
        "print('\\n'.join(counter.report(top=5)))\n"
    )
    subprocess.run([str(python), "-c", demo], check=True)
    baseline = build_dir / "baseline" / "bin" / "python3"
    subprocess.run([str(baseline), "-c",
                    "import sys; print('baseline interpreter:', sys.executable)"], check=True)


def run_tests(build_dir: Path, pytest_args: list[str]) -> int:
    env = tool_env()
    if pytest_args:
        env["PLUGOPT_PYTEST_ARGS"] = " ".join(pytest_args)
    return subprocess.run([venv_tool("meson"), "test", "-C", str(build_dir),
                           "--print-errorlogs"], env=env).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n", 2)[2])
    parser.add_argument("command", choices=("main", "test", "build"))
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (test only)")
    args = parser.parse_args()
    build_dir = args.build_dir.resolve()
    if install_deps.main() != 0:
        return 1
    try:
        build(build_dir)
        if args.command == "main":
            main_job(build_dir)
        elif args.command == "test":
            return run_tests(build_dir, args.pytest_args)
    except subprocess.CalledProcessError as exc:
        print(f"plugopt: error: {' '.join(map(str, exc.cmd[:3]))} ... failed "
              f"with exit status {exc.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
