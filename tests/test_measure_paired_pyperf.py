"""scripts/measure_paired_pyperf.py: the plumbing, not the figures.

Speed is measured by the script itself, never asserted here: the end-to-end
test runs pyperf's --debug-single-value once per side and checks that each part
reports what it says.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import measure_paired_pyperf as mpp
from helpers import output, run_script
from validate_stats import BenchmarkSpec

SPEC = BenchmarkSpec("deepcopy", "/bm/run_benchmark.py", ("--extra",))


def test_rounds_alternate_and_every_result_gets_its_ratios() -> None:
    calls: list[tuple[str, int]] = []
    means = {"baseline": {"deepcopy": {"mean": 2.0}, "deepcopy_memo": {"mean": 4.0}},
             "patched": {"deepcopy": {"mean": 1.0}, "deepcopy_memo": {"mean": 5.0}}}

    def fake_run(config: mpp.Config, spec: BenchmarkSpec, round_: int) -> dict[str, dict]:
        calls.append((config.label, round_))
        return means[config.label]

    configs = (mpp.Config("baseline", Path("b"), {}), mpp.Config("patched", Path("p"), {}))
    ratios = mpp.measure(SPEC, configs, 3, fake_run)
    assert calls == [("baseline", 0), ("patched", 0), ("patched", 1), ("baseline", 1),
                     ("baseline", 2), ("patched", 2)]
    assert ratios == {"deepcopy": [0.5] * 3, "deepcopy_memo": [1.25] * 3}


def test_a_result_only_one_side_reports_gets_no_ratio() -> None:
    def fake_run(config: mpp.Config, spec: BenchmarkSpec, round_: int) -> dict[str, dict]:
        one = {"mean": 1.0}
        return {"deepcopy": one} if config.label == "baseline" else {"deepcopy": one, "x": one}

    configs = (mpp.Config("baseline", Path("b"), {}), mpp.Config("patched", Path("p"), {}))
    assert mpp.measure(SPEC, configs, 1, fake_run) == {"deepcopy": [1.0]}


def test_command_is_the_one_pyperformance_runs() -> None:
    config = mpp.Config("patched", Path("/venv/bin/python"), {}, ("PYTHONOPTIMIZER",))
    command = mpp.pyperf_command(config, SPEC, Path("/tmp/out.json"), "--fast")
    assert command == ["/venv/bin/python", "-u", "/bm/run_benchmark.py", "--extra", "--fast",
                       "--output", "/tmp/out.json", "--inherit-environ", "PYTHONOPTIMIZER"]


def test_table_has_medians_and_their_geometric_mean() -> None:
    table = mpp.format_table({"nbody": [0.2, 0.3, 0.25], "go": [1.0, 0.96, 1.1]}).splitlines()
    assert table[2].split()[:3] == ["nbody", "0.250", "4.00x"]
    assert table[3].split()[:3] == ["go", "1.000", "1.00x"]
    assert table[-1].split()[-2:] == ["0.500", "2.00x"]


def test_unknown_benchmark_is_a_clear_error(build_dir: Path) -> None:
    result = run_script("measure_paired_pyperf.py", "--build-dir", build_dir,
                        "--benchmarks", "nbody,no_such_benchmark", timeout=120)
    assert result.returncode == 2, output(result)
    assert "unknown pyperformance benchmark(s): no_such_benchmark" in result.stderr, \
        output(result)


def test_unknown_optimizer_is_a_clear_error(build_dir: Path, baseline_python: Path) -> None:
    result = run_script("measure_paired_pyperf.py", "--build-dir", build_dir,
                        "--benchmarks", "nbody", "--optimizer", "no_such_optimizer",
                        timeout=120)
    assert result.returncode == 2, output(result)
    assert "cannot load optimizer 'no_such_optimizer'" in result.stderr, output(result)


def test_two_rounds_end_to_end(build_dir: Path, baseline_python: Path, tmp_path: Path) -> None:
    result = run_script("measure_paired_pyperf.py", "--build-dir", build_dir,
                        "--benchmarks", "nbody", "--optimizer", "jit", "--rounds", "2",
                        "--pyperf-mode", "debug-single-value", "--json", tmp_path / "r.json",
                        timeout=900)
    assert result.returncode == 0, output(result)
    assert "ratio = patched (PYTHONOPTIMIZER=jit) / baseline" in result.stdout, output(result)
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["optimizer"] == "jit" and data["pyperf_mode"] == "debug-single-value"
    ratios = data["results"]["nbody"]["ratios"]
    assert len(ratios) == 2 and all(r > 0 for r in ratios), data


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
