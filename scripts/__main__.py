#!/usr/bin/env python3
"""plugopt's one-command entry points, run from the repository's root.

  python3 -m scripts main      install dependencies, build, run the main job
                               (a real program under each sample optimizer,
                               then the smoke validation and its report)
  python3 -m scripts test [-- PYTEST-ARGS]
                               install dependencies, build, run the tests
  python3 -m scripts validate [-- ARGS]
                               build, then python3 -m scripts.validate ARGS
                               (no ARGS: the full run, hours)
  python3 -m scripts build     install dependencies and build only
  python3 -m scripts install --prefix DIR
                               build, then install the patched interpreter,
                               its headers and the sample optimizers in DIR

The build folder is ./build unless --build-dir says otherwise; --mode release
(PGO + LTO, the default for a new build folder) or --mode dev (plain -O3, for
the patch loop) chooses how both interpreters are built. Each step is
incremental: a second run only redoes what changed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from scripts.build import cpython_pin as pin
from scripts.build import install_deps
from scripts.build import install_prefix
from scripts.child_env import clean_env
from scripts.layout import REPO_ROOT, BuildFolder


def venv_tool(name: str) -> str:
    return str(install_deps.VENV_DIR / "bin" / name)


def tool_env() -> dict[str, str]:
    """Environment with the project venv first on PATH (meson runs ninja from there)."""
    path = f"{install_deps.VENV_DIR / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    return dict(os.environ, PATH=path)


def build(build_dir: Path, mode: str | None) -> None:
    """meson setup (in `mode`, release if None) or, for an existing build folder
    whose mode is not `mode`, meson configure; then meson compile."""
    env = tool_env()
    if not (build_dir / "build.ninja").exists():
        subprocess.run([venv_tool("meson"), "setup", str(build_dir), str(REPO_ROOT),
                        f"-Dpython={install_deps.venv_python()}",
                        f"-Dbuild_mode={mode or pin.DEFAULT_BUILD_MODE}"], check=True, env=env)
    elif mode is not None and build_mode(build_dir) != mode:
        subprocess.run([venv_tool("meson"), "configure", str(build_dir),
                        f"-Dbuild_mode={mode}"], check=True, env=env)
    subprocess.run([venv_tool("meson"), "compile", "-C", str(build_dir)], check=True, env=env)


def build_mode(build_dir: Path) -> str:
    """The build_mode option a meson build folder is configured with."""
    out = subprocess.run([venv_tool("meson"), "introspect", "--buildoptions", str(build_dir)],
                         check=True, capture_output=True, text=True, env=tool_env()).stdout
    return next(option["value"] for option in json.loads(out) if option["name"] == "build_mode")


DEMO_PROGRAM = REPO_ROOT / "scripts" / "demo_program.py"   # run as a file by each interpreter

# Runs the demo program under one optimizer, then prints what the optimizer
# saw as one JSON line on stderr (after the program's own output).
DEMO_RUNNER = """
import json, runpy, sys, _optimizer
runpy.run_path(sys.argv[1], run_name="__main__")
report = {"stats": _optimizer.get_stats()}
if "plugopt.stepper" in sys.modules:
    report["stepper"] = sys.modules["plugopt.stepper"].stats()
if "plugopt.jit" in sys.modules:
    report["jit"] = sys.modules["plugopt.jit"].stats()
print("PLUGOPT-DEMO " + json.dumps(report), file=sys.stderr)
"""




def run_demo(python: Path, optimizer: str | None) -> tuple[str, str, dict]:
    """(stdout, the optimizer's own stderr, the demo report) of one run, checker on."""
    # jit compiles the demo's loops before running them (the demo is over before a
    # background compile would be).
    env = clean_env({"PYTHONOPTIMIZERCHECK": "1", "PLUGOPT_COUNTER_TOP": "5",
                     "PLUGOPT_JIT_BACKGROUND": "0"})
    args = [str(python)] + (["-X", f"optimizer={optimizer}"] if optimizer else [])
    result = subprocess.run([*args, "-c", DEMO_RUNNER, str(DEMO_PROGRAM)], env=env,
                            capture_output=True, text=True, check=True)
    lines = result.stderr.splitlines()
    marker = next(i for i, line in enumerate(lines) if line.startswith("PLUGOPT-DEMO "))
    report = json.loads(lines[marker].removeprefix("PLUGOPT-DEMO "))
    return result.stdout, "\n".join(lines[:marker] + lines[marker + 1:]), report


def main_job(build_dir: Path) -> None:
    """Show what was built, then run a short real program under each sample optimizer."""
    folder = BuildFolder(build_dir)
    python, baseline = folder.patched_python, folder.baseline_python
    version = subprocess.run([str(python), "-c", "import sys; print(sys.version.split()[0])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    optimizers = folder.samples()
    print(f"patched interpreter: {python} (Python {version})")
    print(f"baseline interpreter: {baseline}")
    print(f"sample optimizers: {', '.join(optimizers) or '(none built)'}")
    print(f"\nrunning {DEMO_PROGRAM.relative_to(REPO_ROOT)} with the invariant checker on")
    plain, _, _ = run_demo(python, None)
    for name in optimizers:
        out, own_stderr, report = run_demo(python, name)
        stats = report["stats"]
        same = "same output as without an optimizer" if out == plain else "OUTPUT DIFFERS"
        print(f"\n== -X optimizer={name}: {same}; {stats['installed']} executors installed, "
              f"entered {stats['entries']:,} times ({stats['zero_progress']:,} with N = 0)")
        if name == "counter":
            print(own_stderr)
        if "stepper" in report:
            st = report["stepper"]
            print(f"stepper executed {st['instructions']:,} instructions itself in "
                  f"{st['entries']:,} executor entries ({st['compiled']} executors compiled)")
        if "jit" in report:
            jit = report["jit"]
            print(f"jit compiled {jit['compiled']} loop(s) to C and ran {jit['iterations']:,} "
                  f"iterations in compiled code ({jit['declined']:,} hotspots declined)")
        if out != plain:
            raise SystemExit(f"plugopt: the demo's output under {name} differs from the "
                             f"plain run:\n{out}\n--- expected\n{plain}")


# The main job's short paired timing: a numeric loop jit compiles and three object-heavy
# workloads, against the baseline and the system's own python3.11 (the Python users
# already have). About a minute per configuration; the full figures come from
# python3 -m scripts.measure.paired_time and the validation's timing pass.
MAIN_JOB_BENCHMARKS = ("nbody", "richards", "raytrace", "chaos")


def paired_timing(build_dir: Path, optimizer: str | None) -> None:
    """python3 -m scripts.measure.paired_time on MAIN_JOB_BENCHMARKS, short."""
    command = [str(install_deps.venv_python()), "-m", "scripts.measure.paired_time",
               "--build-dir", str(build_dir), "--benchmarks", *MAIN_JOB_BENCHMARKS,
               "--rounds", "3", "--scale", "0.25"]
    if optimizer:
        command += ["--optimizer", optimizer]
    subprocess.run(command, env=tool_env(), check=True, cwd=REPO_ROOT)


def validate(build_dir: Path, args: list[str]) -> int:
    """python3 -m scripts.validate against this build folder; its exit status."""
    command = [str(install_deps.venv_python()), "-m", "scripts.validate",
               "--build-dir", str(build_dir), *args]
    return subprocess.run(command, env=tool_env(), cwd=REPO_ROOT).returncode


def run_tests(build_dir: Path, pytest_args: list[str]) -> int:
    """The pytest suite against the build folder (what `meson test` runs too), with
    `pytest_args` passed through as they are."""
    command = [str(install_deps.venv_python()), "-m", "scripts.run_tests",
               "--build-dir", str(build_dir), *pytest_args]
    return subprocess.run(command, env=tool_env(), cwd=REPO_ROOT).returncode


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m scripts",
                                     description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n", 2)[2])
    parser.add_argument("command", choices=("main", "test", "validate", "build", "install"))
    parser.add_argument("--build-dir", type=Path, default=REPO_ROOT / "build")
    parser.add_argument("--mode", choices=tuple(pin.BUILD_MODES),
                        help="build mode of both interpreters (a new build folder: release)")
    parser.add_argument("--prefix", type=Path, help="install: where to install")
    parser.add_argument("extra", nargs="*",
                        help="extra pytest arguments (test) or scripts.validate arguments "
                        "(validate)")
    args = parser.parse_args()
    build_dir = args.build_dir.resolve()
    if (args.command == "install") != (args.prefix is not None):
        parser.error("--prefix DIR goes with the install command, and only with it")
    try:
        if args.prefix is not None:
            install_prefix.check_writable(args.prefix)
        if install_deps.main() != 0:
            return 1
        build(build_dir, args.mode)
        if args.command == "install":
            install_prefix.install(build_dir / "install", args.prefix)
            print(f"installed {args.prefix.resolve() / 'bin' / 'python3'} "
                  f"({build_mode(build_dir)} build)")
            return 0
        if args.command == "main":
            main_job(build_dir)
            for optimizer in (None, "jit"):
                loaded = f"-X optimizer={optimizer}" if optimizer else "no optimizer"
                print(f"\n== paired timing, {loaded}: patched against the same-mode baseline "
                      "and the system's own Python (python3 -m scripts.measure.paired_time)",
                      flush=True)
                paired_timing(build_dir, optimizer)
            print("\n== smoke validation: pyperformance and CPython's tests, baseline vs "
                  "patched vs each optimizer (python3 -m scripts.validate --smoke)", flush=True)
            return validate(build_dir, ["--smoke"])
        if args.command == "validate":
            return validate(build_dir, args.extra)
        if args.command == "test":
            return run_tests(build_dir, args.extra)
    except install_prefix.InstallError as exc:
        print(f"plugopt: install: error: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"plugopt: error: {' '.join(map(str, exc.cmd[:3]))} ... failed "
              f"with exit status {exc.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
