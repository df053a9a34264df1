"""Loading optimizers at start-up: -X optimizer, PYTHONOPTIMIZER, PYTHONOPTIMIZERSTATS.

The programs print what `_optimizer` says was loaded, first thing in
__main__, so a test fails if loading happened late or not at all.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from helpers import output, run

SHOW_LOADED = """
import sys, _optimizer
print("loaded", [entry[:2] for entry in _optimizer.loaded], _optimizer.loaded_from)
print("registered", [type(o).__name__ for o in _optimizer.get_optimizers()])
"""


@pytest.fixture(scope="module")
def modules(tmp_path_factory: pytest.TempPathFactory, build_dir: Path) -> Path:
    """A folder of third-party optimizer modules (good and broken) for PYTHONPATH."""
    folder = tmp_path_factory.mktemp("startup-modules")
    (folder / "third_party_opt.py").write_text(textwrap.dedent("""
        # An optimizer from outside plugopt: registering on import is all it takes.
        import _optimizer, testopt
        optimizer = testopt.Optimizer(_optimizer.PY_OPTIMIZE_BACK_EDGE)
        optimizer.register()
    """))
    (folder / "raises_on_import.py").write_text("raise RuntimeError('boom at import')\n")
    (folder / "needs_missing_dep.py").write_text("import no_such_dependency_xyz\n")
    return folder


@pytest.fixture(scope="module")
def start(patched_python: Path, modules: Path, build_dir: Path):
    """Run `python [args] -c code` with optional environment variables."""
    pythonpath = f"{modules}:{build_dir / 'tests' / 'testopt'}"

    def start(*args: str, code: str = SHOW_LOADED, env: dict[str, str] | None = None):
        return run([patched_python, *args, "-c", code],
                   env={"PYTHONPATH": pythonpath, **(env or {})})
    return start


def lines(result) -> list[str]:
    assert result.returncode == 0, output(result)
    return result.stdout.splitlines()


def test_x_option_loads_a_sample_by_short_name_before_main(start, build_dir: Path) -> None:
    result = start("-X", "optimizer=counter", code=SHOW_LOADED + textwrap.dedent("""
        print("file", _optimizer.loaded[0][2])
        print("imported", "plugopt.counter" in sys.modules)
    """))
    assert lines(result) == [
        "loaded [('counter', 'plugopt.counter')] -X optimizer",
        "registered ['CounterOptimizer']",
        f"file {build_dir / 'install/lib/python3.11/plugopt/counter.so'}",
        "imported True",
    ]


def test_variable_loads_and_full_names_work(start) -> None:
    result = start(env={"PYTHONOPTIMIZER": "plugopt.counter"})
    assert lines(result) == [
        "loaded [('plugopt.counter', 'plugopt.counter')] PYTHONOPTIMIZER",
        "registered ['CounterOptimizer']",
    ]


def test_third_party_module_and_several_names_in_order(start) -> None:
    result = start("-X", "optimizer=third_party_opt, counter")
    assert lines(result) == [
        "loaded [('third_party_opt', 'third_party_opt'), ('counter', 'plugopt.counter')]"
        " -X optimizer",
        # kept in order of expected benefit: testopt's run_cost 1.0 < counter's 1.05
        "registered ['Optimizer', 'CounterOptimizer']",
    ]


def test_command_line_wins_over_the_variable(start) -> None:
    result = start("-X", "optimizer=counter", env={"PYTHONOPTIMIZER": "no_such_module"})
    assert lines(result)[0] == "loaded [('counter', 'plugopt.counter')] -X optimizer"


@pytest.mark.parametrize("flag", ["-E", "-I"])
def test_isolation_flags_ignore_the_variable(start, flag: str) -> None:
    # -I also drops PYTHONPATH, so the program only reads _optimizer.
    result = start(flag, env={"PYTHONOPTIMIZER": "no_such_module"})
    assert lines(result) == ["loaded [] None", "registered []"]
    result = start(flag, "-X", "optimizer=counter")
    assert lines(result)[0] == "loaded [('counter', 'plugopt.counter')] -X optimizer"


def test_loading_imports_no_module_beyond_the_optimizer(patched_python: Path) -> None:
    # Start-up time is a benchmark too (pyperformance's python_startup runs with
    # the optimizer variables): a -S start-up with an optimizer imports only the
    # optimizer, not the Python statistics helper, importlib.util, os, or even the
    # built-in _optimizer (which reads what was loaded from the interpreter).
    code = "import sys; print(' '.join(sorted(sys.modules)))"
    plain = run([patched_python, "-S", "-c", code])
    loaded = run([patched_python, "-S", "-X", "optimizer=jit", "-c", code])
    assert plain.returncode == 0 and loaded.returncode == 0, output(loaded)
    added = set(loaded.stdout.split()) - set(plain.stdout.split())
    assert added == {"plugopt", "plugopt.jit"}, added


def test_loaded_is_set_when_optimizer_module_was_imported_first(patched_python: Path,
                                                                tmp_path: Path) -> None:
    # The loader runs after site: sitecustomize may have imported _optimizer already,
    # and then the loader sets its attributes itself.
    (tmp_path / "sitecustomize.py").write_text("import _optimizer\n")
    code = ("import _optimizer, sys; print('sitecustomize' in sys.modules, "
            "_optimizer.loaded_from, [entry[1] for entry in _optimizer.loaded])")
    result = run([patched_python, "-X", "optimizer=counter", "-c", code],
                 env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 0, output(result)
    assert result.stdout.strip() == "True -X optimizer ['plugopt.counter']", output(result)


@pytest.mark.parametrize(("args", "env", "message"), [
    (["-X", "optimizer=no_such_module"], {},
     "-X optimizer: no module named 'no_such_module' "
     "(tried plugopt.no_such_module and no_such_module)"),
    ([], {"PYTHONOPTIMIZER": "no_such_module"},
     "PYTHONOPTIMIZER: no module named 'no_such_module' "
     "(tried plugopt.no_such_module and no_such_module)"),
    (["-X", "optimizer=pkg_xyz.sub"], {}, "-X optimizer: no module named 'pkg_xyz.sub'"),
    (["-X", "optimizer=raises_on_import"], {},
     "-X optimizer: importing 'raises_on_import' failed: RuntimeError: boom at import"),
    (["-X", "optimizer=needs_missing_dep"], {},
     "-X optimizer: importing 'needs_missing_dep' failed: ModuleNotFoundError: "
     "No module named 'no_such_dependency_xyz'"),
    (["-X", "optimizer=json"], {},
     "-X optimizer: module 'json' registered no optimizer "
     "(it must call _Py_Optimizer_Register when imported)"),
    (["-X", "optimizer"], {}, "-X optimizer: needs a module name"),
    (["-X", "optimizer=counter,,stepper"], {},
     "-X optimizer: empty module name in 'counter,,stepper'"),
    (["-X", "optimizer=counter,counter"], {}, "-X optimizer: 'counter' is listed twice"),
])
def test_bad_names_stop_before_user_code_with_one_line(start, patched_python: Path,
                                                       args: list[str], env: dict[str, str],
                                                       message: str) -> None:
    result = start(*args, code="print('user code ran')", env=env)
    assert result.returncode == 1, output(result)
    assert result.stdout == ""
    assert result.stderr == f"{patched_python}: {message}\n"


def test_stats_folder_gets_one_file_per_process(start, tmp_path: Path) -> None:
    stats_dir = tmp_path / "stats"
    program = textwrap.dedent("""
        import subprocess, sys
        def hot(n):
            total = 0
            for i in range(n):
                total += i
            return total
        print(hot(1000), flush=True)
        subprocess.run([sys.executable, "-c", "print(sum(i for i in range(500)))"], check=True)
    """)
    result = start("-X", "optimizer=counter", code=program,
                   env={"PYTHONOPTIMIZERSTATS": str(stats_dir)})
    assert lines(result) == ["499500", "124750"]
    # The child inherits the variable, not the -X option: only the parent loaded counter.
    records = [json.loads(path.read_text()) for path in sorted(stats_dir.glob("*.json"))]
    assert len(records) == 2, records
    parent = next(r for r in records if r["loaded"])
    child = next(r for r in records if not r["loaded"])
    assert parent["loaded"][0][:2] == ["counter", "plugopt.counter"]
    assert parent["optimizers"][0]["type"] == "CounterOptimizer"
    assert parent["stats"]["installed"] >= 1 and parent["stats"]["entries"] > 0
    assert child["stats"]["installed"] == 0 and child["optimizers"] == []
    assert not list(stats_dir.glob("*.tmp"))


def test_stats_file_survives_a_program_that_patches_os_and_open(start, tmp_path: Path) -> None:
    # pyperformance's sphinx benchmark makes os.replace a no-op and wraps
    # builtins.open; its statistics used to stay behind as a .tmp file.
    stats_dir = tmp_path / "stats"
    program = textwrap.dedent("""
        import builtins, os
        os.replace = lambda src, dst: None
        builtins.open = None
        total = 0
        for i in range(1000):
            total += i
        print(total)
    """)
    result = start("-X", "optimizer=counter", code=program,
                   env={"PYTHONOPTIMIZERSTATS": str(stats_dir)})
    assert lines(result) == ["499500"]
    assert not list(stats_dir.glob("*.tmp"))
    [record] = [json.loads(path.read_text()) for path in stats_dir.glob("*.json")]
    assert record["stats"]["entries"] > 0


def test_stats_file_is_written_without_the_json_package(patched_python: Path,
                                                         tmp_path: Path) -> None:
    # Importing json (and re, enum, functools with it) was 4 ms at the exit of
    # every process that writes statistics: more than a whole `python -S -c pass`.
    program = textwrap.dedent("""
        import sys, _optimizer_startup
        _optimizer_startup.write_stats(sys.argv[1])
        print(sorted(name for name in ("json", "re", "enum") if name in sys.modules))
    """)
    result = run([patched_python, "-S", "-c", program, tmp_path])
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["[]"], output(result)
    [record] = [json.loads(path.read_text()) for path in tmp_path.glob("optimizer-stats-*.json")]
    assert record["argv"] == ["-c", str(tmp_path)] and record["optimizers"] == []
    assert record["stats"]["entries"] == 0


def test_stats_json_is_what_json_dumps_writes(patched_python: Path) -> None:
    program = textwrap.dedent(r"""
        import json, _optimizer_startup
        record = {"argv": ["a", "\u00e9", "\udcff", 'q"\\\n'], "none": None,
                  "flags": [True, False], "big": 2 ** 70, "costs": (2000.0, 0.35, -1e-300),
                  "odd": [float("nan"), float("inf"), -float("inf")], "nested": {"x": {}}}
        print(_optimizer_startup.to_json(record) == json.dumps(record))
        for bad in ({1: 2}, {"a": {1}}):
            try:
                _optimizer_startup.to_json(bad)
            except TypeError:
                print("TypeError")
    """)
    result = run([patched_python, "-S", "-c", program])
    assert result.returncode == 0, output(result)
    assert result.stdout.split() == ["True", "TypeError", "TypeError"], output(result)


def test_stats_folder_that_cannot_be_created_is_an_error(start, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = start(code="print('user code ran')",
                   env={"PYTHONOPTIMIZERSTATS": str(blocker / "sub")})
    assert result.returncode == 1, output(result)
    assert result.stdout == ""
    assert f"PYTHONOPTIMIZERSTATS: cannot create '{blocker / 'sub'}'" in result.stderr


CHILDREN_PROGRAM = r"""
import json, multiprocessing, subprocess, sys

def loaded():
    import _optimizer
    return [entry[:2] for entry in _optimizer.loaded], _optimizer.loaded_from

if __name__ == "__main__":
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        spawned = pool.apply(loaded)
    by_hand = subprocess.run(
        [sys.executable, "-c", "import _optimizer; print(list(_optimizer.loaded))"],
        capture_output=True, text=True, check=True).stdout.strip()
    print(json.dumps({"parent": loaded(), "spawned": spawned, "by_hand": by_hand}))
"""


@pytest.mark.parametrize("how", ["option", "variable"])
def test_children_get_the_optimizer_as_docs_api_says(patched_python: Path, tmp_path: Path,
                                                    how: str) -> None:
    """A multiprocessing worker runs under its parent's optimizer either way; a child
    started by hand gets PYTHONOPTIMIZER (the environment) but not -X optimizer."""
    script = tmp_path / "children.py"
    script.write_text(CHILDREN_PROGRAM)
    if how == "option":
        result = run([patched_python, "-X", "optimizer=counter", script], timeout=300)
        source = "-X optimizer"
    else:
        result = run([patched_python, script], env={"PYTHONOPTIMIZER": "counter"}, timeout=300)
        source = "PYTHONOPTIMIZER"
    assert result.returncode == 0, output(result)
    seen = json.loads(result.stdout.splitlines()[-1])
    expected = [[["counter", "plugopt.counter"]], source]
    assert seen["parent"] == expected
    assert seen["spawned"] == expected
    if how == "option":
        assert seen["by_hand"] == "[]"
    else:
        assert seen["by_hand"].startswith("[('counter', 'plugopt.counter'"), seen
