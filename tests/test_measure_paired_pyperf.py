"""scripts/measure/paired_pyperf.py: the plumbing, not the figures.

Speed is measured by the script itself, never asserted here: the end-to-end
test runs pyperf's --debug-single-value once per side and checks that each part
reports what it says.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts.measure import paired_pyperf as mpp
from helpers import output, run_tool
from scripts.validate.stats import BenchmarkSpec

SPEC = BenchmarkSpec("deepcopy", "/bm/run_benchmark.py", ("--extra",))
SYSTEM = mpp.SYSTEM             # "system python3.11"
TWO = (mpp.Config("baseline", Path("b"), {}), mpp.Config("patched", Path("p"), {}))
THREE = (*TWO, mpp.Config(SYSTEM, Path("s"), {}))


def test_rounds_alternate_and_every_result_gets_its_ratios() -> None:
    calls: list[tuple[str, int]] = []
    means = {"baseline": {"deepcopy": {"mean": 2.0}, "deepcopy_memo": {"mean": 4.0}},
             "patched": {"deepcopy": {"mean": 1.0}, "deepcopy_memo": {"mean": 5.0}}}

    def fake_run(config: mpp.Config, spec: BenchmarkSpec, round_: int) -> dict[str, dict]:
        calls.append((config.label, round_))
        return means[config.label]

    results = mpp.measure(SPEC, TWO, 3, fake_run)
    assert calls == [("baseline", 0), ("patched", 0), ("patched", 1), ("baseline", 1),
                     ("baseline", 2), ("patched", 2)]
    assert {r.name: r.ratios for r in results} == {"deepcopy": [0.5] * 3,
                                                   "deepcopy_memo": [1.25] * 3}
    assert not any(r.has_system for r in results)


def test_rounds_rotate_through_the_system_python_too() -> None:
    calls: list[str] = []
    means = {"baseline": 2.0, "patched": 1.0, SYSTEM: 1.6}

    def fake_run(config: mpp.Config, spec: BenchmarkSpec, round_: int) -> dict[str, dict]:
        calls.append(config.label)
        return {"deepcopy": {"mean": means[config.label]}}

    [result] = mpp.measure(SPEC, THREE, 3, fake_run)
    assert calls == ["baseline", "patched", SYSTEM, "patched", SYSTEM, "baseline",
                     SYSTEM, "baseline", "patched"]
    assert result.has_system and result.median == 0.5
    assert result.median_of("patched", SYSTEM) == pytest.approx(1 / 1.6)
    assert result.median_of("baseline", SYSTEM) == pytest.approx(2 / 1.6)


def test_a_result_only_one_side_reports_gets_no_ratio() -> None:
    def fake_run(config: mpp.Config, spec: BenchmarkSpec, round_: int) -> dict[str, dict]:
        one = {"mean": 1.0}
        return {"deepcopy": one} if config.label == "baseline" else {"deepcopy": one, "x": one}

    results = mpp.measure(SPEC, TWO, 1, fake_run)
    assert [(r.name, r.ratios) for r in results] == [("deepcopy", [1.0])]
    # A result the system's Python does not report still has its baseline ratio.
    [result] = mpp.measure(SPEC, THREE, 1, lambda c, s, n: (
        {} if c.label == SYSTEM else {"deepcopy": {"mean": 1.0}}))
    assert result.ratios == [1.0] and result.median_of("patched", SYSTEM) is None


def test_command_is_the_one_pyperformance_runs() -> None:
    config = mpp.Config("patched", Path("/venv/bin/python"), {}, ("PYTHONOPTIMIZER",))
    command = mpp.pyperf_command(config, SPEC, Path("/tmp/out.json"), ("--fast",))
    assert command == ["/venv/bin/python", "-u", "/bm/run_benchmark.py", "--extra", "--fast",
                       "--output", "/tmp/out.json", "--inherit-environ", "PYTHONOPTIMIZER"]
    command = mpp.pyperf_command(config, SPEC, Path("/tmp/out.json"),
                                 mpp.PYPERF_MODES["one-process"])
    assert command[4:10] == ["--processes", "1", "--values", "3", "--warmups", "1"]


def test_groups_expand_to_their_benchmarks_once_each() -> None:
    groups = {"numbers": ["nbody", "float"], "default": ["float", "nbody", "deepcopy"]}
    specs = mpp.select_specs(["nbody", "numbers", "default"], lambda g: groups.get(g, []))
    assert [spec.name for spec in specs] == ["nbody", "float", "deepcopy"]
    with pytest.raises(mpp.MeasureError, match="unknown pyperformance benchmark.*: nosuch"):
        mpp.select_specs(["nbody", "nosuch"], lambda g: groups.get(g, []))


def paired(name: str, patched: list[float], system: float | None = None,
           executors: str = "-") -> mpp.Paired:
    """A result whose baseline mean was 1 s every round (and the system's `system` s)."""
    rounds = []
    for seconds in patched:
        round_ = {"baseline": 1.0, "patched": seconds}
        if system is not None:
            round_[SYSTEM] = system
        rounds.append(round_)
    return mpp.Paired(name, rounds, executors)


def test_table_has_medians_and_their_geometric_mean() -> None:
    table = mpp.format_table([paired("nbody", [0.2, 0.3, 0.25], executors="14"),
                              paired("go", [1.0, 0.96, 1.1])]).splitlines()
    assert table[2].split() == ["nbody", "0.250", "0.200-0.300", "4.00x", "14"]
    assert table[3].split() == ["go", "1.000", "0.960-1.100", "1.00x", "-"]
    assert table[-1].split() == ["geometric", "mean", "0.500", "2.00x"]
    assert "system" not in table[0] and table[0].split()[-1] == "executors"


def test_table_shows_the_system_python_beside_the_baseline() -> None:
    table = mpp.format_table([paired("nbody", [0.25], system=0.5, executors="3"),
                              paired("go", [1.0], system=0.5)]).splitlines()
    assert f"vs {SYSTEM}" in table[0] and "baseline vs system" in table[0]
    # nbody: 4x the baseline's speed, 2x the system's; the baseline is half the system's.
    assert table[2].split() == ["nbody", "0.250", "0.250-0.250", "4.00x", "2.00x", "0.50x",
                                "3"]
    assert table[-1].split() == ["geometric", "mean", "0.500", "2.00x", "1.00x", "0.50x"]


def write_stats(folder: Path, pid: int, argv: list[str], installed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"optimizer-stats-{pid}.json").write_text(json.dumps(
        {"pid": pid, "argv": argv, "loaded": [], "optimizers": [],
         "stats": {"entries": 10 * installed, "installed": installed}}))


def test_executors_are_the_most_one_worker_installed(tmp_path: Path) -> None:
    folder = mpp.stats_folder(tmp_path, SPEC)
    worker = [SPEC.runscript, "--worker", "--pipe", "4", "--extra"]
    write_stats(folder, 1, worker, 5)
    write_stats(folder, 2, worker, 7)
    write_stats(folder, 3, [SPEC.runscript, "--fast", "--extra"], 99)   # pyperf's parent
    assert mpp.executor_count(tmp_path, SPEC, counted=True) == "7"
    assert mpp.executor_count(tmp_path, SPEC, counted=False) == "-"
    assert mpp.executor_count(tmp_path, BenchmarkSpec("go", "/bm/go.py"), counted=True) == "?"
    startup = BenchmarkSpec("python_startup", "/bm/startup.py")
    assert mpp.executor_count(tmp_path, startup, counted=True) == "n/a"


def test_statistics_are_written_by_the_patched_side_only(tmp_path: Path) -> None:
    patched = mpp.Config("patched", Path("p"), {"PYTHONOPTIMIZER": "jit"}, ("PYTHONOPTIMIZER",),
                         stats=True)
    counted = mpp.with_stats(patched, SPEC, tmp_path)
    folder = mpp.stats_folder(tmp_path, SPEC)
    assert counted.env == {"PYTHONOPTIMIZER": "jit", "PYTHONOPTIMIZERSTATS": str(folder)}
    assert counted.inherit == ("PYTHONOPTIMIZER", "PYTHONOPTIMIZERSTATS") and folder.is_dir()
    command = mpp.pyperf_command(counted, SPEC, tmp_path / "o.json", ("--fast",))
    assert command[command.index("--inherit-environ") + 1] == \
        "PYTHONOPTIMIZER,PYTHONOPTIMIZERSTATS"
    # A start-up benchmark times whole processes, statistics file and all: none there.
    assert mpp.with_stats(patched, BenchmarkSpec("python_startup", "/x.py"), tmp_path) == patched
    for side in THREE:
        assert mpp.with_stats(side, SPEC, tmp_path) == side


def fake_python(folder: Path, version: str) -> Path:
    """A stand-in interpreter: system_python asks it its version and it answers."""
    path = folder / f"python-{version}"
    path.write_text(f"#!/bin/sh\necho {version}\n")
    path.chmod(0o755)
    return path


def test_system_python_gets_its_own_venv_and_no_optimizer(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pythons = [SimpleNamespace(python=tmp_path / side / "python")
               for side in ("baseline", "patched")]
    system = tmp_path / "usr" / "python3.11"
    monkeypatch.setattr(mpp.idle, "interpreters", lambda build_dir: pythons)
    monkeypatch.setattr(mpp, "check_optimizer", lambda python, optimizer: None)
    monkeypatch.setattr(mpp, "install_requirements", lambda *args: None)
    monkeypatch.setattr(mpp.perf, "prepare_venv",
                        lambda python, cache, env, log, names: python.parent / "venv")
    configs = mpp.make_configs(tmp_path, "jit", [SPEC], system)
    assert [c.label for c in configs] == ["baseline", "patched", SYSTEM]
    assert [c.venv_python for c in configs] == [
        tmp_path / "baseline" / "venv" / "bin" / "python",
        tmp_path / "patched" / "venv" / "bin" / "python",
        tmp_path / "usr" / "venv" / "bin" / "python"]
    baseline, patched, system_side = configs
    assert patched.env["PYTHONOPTIMIZER"] == "jit" and patched.stats
    for side in (baseline, system_side):
        assert not any(name.startswith("PYTHON") for name in side.env)
        assert side.inherit == () and not side.stats
    assert [c.label for c in mpp.make_configs(tmp_path, None, [SPEC])] == ["baseline", "patched"]


def test_a_failing_benchmark_is_listed_and_the_others_still_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    broken = BenchmarkSpec("asyncio_tcp", "/bm/tcp.py", ())

    def fake_run(config: mpp.Config, spec: BenchmarkSpec, n: int) -> dict[str, dict]:
        if spec is broken and config.label == "baseline":
            raise mpp.MeasureError("asyncio_tcp on the baseline interpreter failed (exit 1)")
        return {spec.name: {"mean": 1.0 if config.label == "patched" else 2.0}}

    monkeypatch.setattr(mpp, "select_specs", lambda names, groups=None: [broken, SPEC])
    monkeypatch.setattr(mpp, "make_configs", lambda *args: TWO)
    monkeypatch.setattr(mpp, "pyperf_runner", lambda mode, scratch: fake_run)
    status = mpp.main(["--benchmarks", "default", "--rounds", "2", "--system-python", "none",
                       "--build-dir", str(tmp_path), "--json", str(tmp_path / "r.json")])
    out = capsys.readouterr().out
    assert status == 1, out
    assert "asyncio_tcp                      FAILED: asyncio_tcp on the baseline" in out
    assert "1 benchmark(s) failed and have no figures:" in out
    data = json.loads((tmp_path / "r.json").read_text())
    assert list(data["results"]) == ["deepcopy"] and data["results"]["deepcopy"]["median"] == 0.5
    assert list(data["failed"]) == ["asyncio_tcp"]


@pytest.mark.parametrize("system", ["none", "fake 3.11"])
def test_main_times_the_system_python_unless_told_not_to(
        system: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    given = "none" if system == "none" else str(fake_python(tmp_path, "3.11.2"))
    seen: list[Path | None] = []

    def fake_configs(build_dir: Path, optimizer: str | None, specs: list[BenchmarkSpec],
                     found: Path | None) -> tuple[mpp.Config, ...]:
        seen.append(found)
        return THREE if found else TWO

    means = {"baseline": 2.0, "patched": 1.0, SYSTEM: 4.0}
    monkeypatch.setattr(mpp, "select_specs", lambda names, groups=None: [SPEC])
    monkeypatch.setattr(mpp, "make_configs", fake_configs)
    monkeypatch.setattr(mpp, "pyperf_runner", lambda mode, scratch: (
        lambda config, spec, n: {"deepcopy": {"mean": means[config.label]}}))
    status = mpp.main(["--benchmarks", "deepcopy", "--rounds", "2", "--build-dir",
                       str(tmp_path / "no-build"), "--system-python", given,
                       "--json", str(tmp_path / "r.json")])
    out = capsys.readouterr().out
    assert status == 0, out
    data = json.loads((tmp_path / "r.json").read_text())
    if system == "none":
        assert seen == [None] and data["system_python"] is None
        assert "no system python3.11 was timed" in out and f"vs {SYSTEM}" not in out
        assert data["results"]["deepcopy"]["median_vs_system"] is None
    else:
        assert seen == [Path(given)] and data["system_python"] == given
        assert f"{SYSTEM}: {given} (the Python users already have)" in out
        assert f"vs {SYSTEM}" in out
        assert data["results"]["deepcopy"]["median_vs_system"] == 0.25
    assert data["results"]["deepcopy"]["ratios"] == [0.5, 0.5]


def test_a_bad_system_python_is_a_clear_error(tmp_path: Path) -> None:
    # Found out first: no build folder is needed to be told.
    other = fake_python(tmp_path, "3.12.1")
    result = run_tool("measure.paired_pyperf", "--build-dir", tmp_path / "no-build",
                        "--benchmarks", "nbody", "--system-python", other, timeout=60)
    assert result.returncode == 2, output(result)
    assert f"measure_paired_pyperf: {other} is Python 3.12.1, not 3.11" in result.stderr, \
        output(result)


def test_unknown_benchmark_is_a_clear_error(build_dir: Path) -> None:
    result = run_tool("measure.paired_pyperf", "--build-dir", build_dir,
                        "--benchmarks", "nbody,no_such_benchmark", timeout=120)
    assert result.returncode == 2, output(result)
    assert "unknown pyperformance benchmark(s): no_such_benchmark" in result.stderr, \
        output(result)


def test_unknown_optimizer_is_a_clear_error(build_dir: Path, baseline_python: Path) -> None:
    result = run_tool("measure.paired_pyperf", "--build-dir", build_dir,
                        "--benchmarks", "nbody", "--optimizer", "no_such_optimizer",
                        timeout=120)
    assert result.returncode == 2, output(result)
    assert "cannot load optimizer 'no_such_optimizer'" in result.stderr, output(result)


@pytest.mark.long
def test_two_rounds_end_to_end(build_dir: Path, baseline_python: Path, tmp_path: Path) -> None:
    # Any 3.11 stands in for the system's Python; the baseline is one (and has its venv).
    result = run_tool("measure.paired_pyperf", "--build-dir", build_dir,
                        "--benchmarks", "nbody", "--optimizer", "jit", "--rounds", "2",
                        "--pyperf-mode", "debug-single-value", "--json", tmp_path / "r.json",
                        "--system-python", baseline_python, timeout=900)
    assert result.returncode == 0, output(result)
    assert "ratio = patched (PYTHONOPTIMIZER=jit) / baseline" in result.stdout, output(result)
    assert f"{SYSTEM}: {baseline_python}" in result.stdout, output(result)
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["optimizer"] == "jit" and data["pyperf_mode"] == "debug-single-value"
    ratios = data["results"]["nbody"]["ratios"]
    assert len(ratios) == 2 and all(r > 0 for r in ratios), data
    assert int(data["results"]["nbody"]["executors"]) > 0, data
    assert all(set(round_) == {"baseline", "patched", SYSTEM}
               for round_ in data["results"]["nbody"]["means"]), data


def test_requirements_beside_the_run_scripts_are_installed(tmp_path: Path) -> None:
    with_reqs, without = tmp_path / "bm_a", tmp_path / "bm_b"
    for folder in (with_reqs, without):
        folder.mkdir()
        (folder / "run_benchmark.py").write_text("")
    (with_reqs / "requirements.txt").write_text("networkx==3.4.2\n")
    fake_python = tmp_path / "python"
    fake_python.write_text(f'#!/bin/sh\necho "$@" > {tmp_path / "argv"}\n')
    fake_python.chmod(0o755)
    specs = [BenchmarkSpec(name, str(folder / "run_benchmark.py"))
             for name, folder in (("a", with_reqs), ("a_variant", with_reqs), ("b", without))]
    mpp.install_requirements(fake_python, specs, {})
    assert (tmp_path / "argv").read_text().split() == [
        "-m", "pip", "install", "--quiet", "-r", str(with_reqs / "requirements.txt")]


def test_venv_setup_log_outlives_the_measurement(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # A failed venv creation says "see LOG"; the log must be where the script's
    # temporary folder is not, or the message points at nothing.
    seen: list[Path] = []

    def failing_prepare_venv(python, cache, env, log, names):
        seen.append(log)
        raise RuntimeError(f"pyperformance venv create -p {python} failed; see {log}")

    pythons = [SimpleNamespace(python=tmp_path / side / "python")
               for side in ("baseline", "patched")]
    monkeypatch.setattr(mpp.idle, "interpreters", lambda build_dir: pythons)
    monkeypatch.setattr(mpp.perf, "prepare_venv", failing_prepare_venv)
    with pytest.raises(mpp.MeasureError, match="see .*venv-setup.log"):
        mpp.make_configs(tmp_path, None, [BenchmarkSpec("nbody", "run.py")])
    assert seen == [tmp_path / "pyperformance-venvs" / "venv-setup.log"]
