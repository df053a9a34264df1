"""The report of scripts/validate/: what counts as a new failure, the summary table, and
the Markdown and HTML pages (with a matplotlib bar chart of time ratios).

Everything here works on the run records validate.py keeps in state.json, so a report
can be rebuilt from a finished or resumed output folder without running anything.

Only the timing pass gives speed figures: time / baseline time and, when the system's
own interpreter was timed (SYSTEM), time / its time. The check pass runs under the
checker with executors installed almost everywhere, so its ratios are the cost of
checking; they are shown, headed so, but never in the summary.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts import system_python
from scripts.validate.expected_differences import split_expected
from scripts.validate.pyperformance import geometric_mean, ratios, rss_ratios
from scripts.validate.regrtest import new_failures
from scripts.validate.regrtest import test_file_of
from scripts.validate.stats import OTHER_GROUP

BASELINE = "baseline"
# The system's own interpreter of the pinned minor version (Debian's python3.11): not
# ours, timed beside the baseline so that a figure also says what a user gains over the
# Python they already have. No spaces: the name is part of run keys and file names.
SYSTEM = f"system-python{system_python.MINOR}"
SYSTEM_DESCRIPTION = "the system's own Python, the Python users already have"
VERSUS_SYSTEM = f"time / {system_python.LABEL}'s"
CHECK_PASS, TIMING_PASS = "check", "timing"
Run = Mapping[str, Any]  # one run record of state.json


# --- tables ------------------------------------------------------------------------------

@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def markdown(self) -> str:
        def row(cells: Sequence[str]) -> str:
            return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ")
                                     for cell in cells) + " |"
        lines = [row(self.headers), row(["---"] * len(self.headers))]
        return "\n".join(lines + [row(r) for r in self.rows])

    def text(self) -> str:
        widths = [max(len(str(r[i])) for r in [self.headers, *self.rows])
                  for i in range(len(self.headers))]

        def row(cells: Sequence[str]) -> str:
            return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
        return "\n".join([row(self.headers), row(["-" * w for w in widths]),
                          *[row(r) for r in self.rows]])

    def html(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headers)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                       for r in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- analysis -------------------------------------------------------------------------------

@dataclass
class Analysis:
    """Everything that makes the exit status non-zero, plus warnings."""
    benchmark_failures: list[dict[str, str]] = field(default_factory=list)  # only under patched
    everywhere: list[dict[str, str]] = field(default_factory=list)         # failed under baseline
    system_failures: list[dict[str, str]] = field(default_factory=list)    # informative
    regrtest_new: dict[str, list[str]] = field(default_factory=dict)
    regrtest_incomplete: list[str] = field(default_factory=list)
    # {config: [{"test": id, "reason": ..., "holds": ...}]}: failures on the list of
    # expected differences (expected_differences.py), not counted
    regrtest_expected: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    checker_aborts: list[dict[str, object]] = field(default_factory=list)
    zero_entries: list[dict[str, str]] = field(default_factory=list)
    crashes: list[dict[str, object]] = field(default_factory=list)        # informative
    packages_new: dict[str, list[str]] = field(default_factory=dict)      # "suite/config"
    packages_incomplete: list[str] = field(default_factory=list)          # ours only
    packages_idle: list[str] = field(default_factory=list)   # an optimizer installed nothing
    series_failure: str = ""     # why some prefix of the patch series does not build

    @property
    def failed(self) -> bool:
        return bool(self.benchmark_failures or any(self.regrtest_new.values())
                    or self.regrtest_incomplete or self.checker_aborts
                    or any(self.packages_new.values()) or self.packages_incomplete
                    or bool(self.series_failure))


def is_ours(config: str) -> bool:
    """A configuration of the patched interpreter (neither the baseline nor the system's)."""
    return config not in (BASELINE, SYSTEM)


def display_name(config: str) -> str:
    """How the summary and the chart name a configuration: the system's says what it is
    (the captions say the rest)."""
    return f"{SYSTEM} (the system's own Python)" if config == SYSTEM else config


def run_key(kind: str, config: str, pass_name: str | None = None) -> str:
    return f"{kind}/{pass_name}/{config}" if pass_name else f"{kind}/{config}"


def pyperf_runs(runs: Mapping[str, Run], pass_name: str) -> dict[str, Run]:
    """{config: run} of one pyperformance pass."""
    return {str(run["config"]): run for run in runs.values()
            if run.get("kind") == "pyperformance" and run.get("pass") == pass_name}


def passes_of(runs: Mapping[str, Run]) -> list[str]:
    order = {"check": 0, "timing": 1}
    found = {str(run["pass"]) for run in runs.values() if run.get("kind") == "pyperformance"}
    return sorted(found, key=lambda name: (order.get(name, 9), name))


def status(run: Run | None, bench: str) -> str | None:
    if run is None:
        return None
    outcome = run["benchmarks"].get(bench)
    return outcome["status"] if outcome else None


def analyse(runs: Mapping[str, Run]) -> Analysis:
    analysis = Analysis()
    for pass_name in passes_of(runs):
        by_config = pyperf_runs(runs, pass_name)
        base = by_config.get(BASELINE)
        for config, run in by_config.items():
            for bench, outcome in run["benchmarks"].items():
                if outcome["status"] != "failed":
                    continue
                item = {"pass": pass_name, "config": config, "benchmark": bench,
                        "error": outcome.get("error") or "", "detail": outcome.get("detail") or ""}
                if config == BASELINE:
                    analysis.everywhere.append(item)
                elif config == SYSTEM:      # not our interpreter: never a new failure
                    analysis.system_failures.append(item)
                elif status(base, bench) != "failed":
                    analysis.benchmark_failures.append(item)
            if config.startswith("patched+"):
                analysis.zero_entries += zero_entry_benchmarks(run, pass_name, config)
    regr = {str(run["config"]): run for run in runs.values() if run.get("kind") == "regrtest"}
    base_failed = regr[BASELINE]["failed"] if BASELINE in regr else []
    for config, run in regr.items():
        if run.get("result") is None:
            analysis.regrtest_incomplete.append(config)
        if config != BASELINE:
            analysis.regrtest_new[config] = unexpected_files(analysis, config, run,
                                                             base_failed)
    suites = {str(run["suite"]) for run in runs.values() if run.get("kind") == "packages"}
    for suite in sorted(suites):
        by_config = {str(run["config"]): run for run in runs.values()
                     if run.get("kind") == "packages" and run.get("suite") == suite}
        base_failed = by_config[BASELINE].get("failed", []) if BASELINE in by_config else []
        for config, run in by_config.items():
            if config == BASELINE:
                continue
            key = f"{suite}/{config}"
            if not run.get("complete"):
                analysis.packages_incomplete.append(key)
            analysis.packages_new[key] = new_failures(run.get("failed", []), base_failed)
            if config.startswith("patched+") and not (run.get("stats") or {}).get("installed"):
                analysis.packages_idle.append(key)
    for run in runs.values():
        if run.get("kind") == "series" and not run.get("complete"):
            failed = [p for p in run.get("prefixes", []) if not p["ok"]]
            analysis.series_failure = (
                f"the series does not build up to {failed[0]['patch']} ({failed[0]['log']})"
                if failed else f"the check did not finish: {run.get('error')}")
    for key, run in runs.items():
        for error in run.get("fatal_errors", []):
            if error.get("checker"):
                analysis.checker_aborts.append({"run": key, **error})
            else:
                analysis.crashes.append({"run": key, **error})
    return analysis


def unexpected_files(analysis: Analysis, config: str, run: Run,
                     base_failed: Sequence[str]) -> list[str]:
    """The test files that failed here and not under the baseline, less those whose
    every failing test is an expected difference under this run's optimizer (those
    go to analysis.regrtest_expected). A file that failed with no test id (a crash)
    always counts."""
    kept = []
    ids = run.get("failed_tests") or []
    for test_file in new_failures(run["failed"], base_failed):
        file_ids = [test for test in ids if test_file_of(test) == test_file]
        off, matched = split_expected(file_ids, run.get("optimizer"))
        if file_ids and not off:
            analysis.regrtest_expected.setdefault(config, []).extend(
                {"test": entry.test_id, "reason": entry.reason, "holds": entry.holds}
                for entry in matched)
        else:
            kept.append(test_file)
    return kept


def zero_entry_benchmarks(run: Run, pass_name: str, config: str) -> list[dict[str, str]]:
    stats = run.get("stats") or {}
    out = []
    for bench, outcome in run["benchmarks"].items():
        if outcome["status"] == "ran" and stats.get(bench, {}).get("entries", 0) == 0:
            out.append({"pass": pass_name, "config": config, "benchmark": bench})
    return out


def results_of(run: Run, bench: str) -> dict[str, Mapping[str, Any]]:
    """The benchmark's pyperf results in `run`: {result name: its means record}."""
    names = run["benchmarks"].get(bench, {}).get("results") or []
    return {n: run["means"][n] for n in names if n in run["means"]}


def benchmark_ratio(run: Run, base: Run | None, bench: str) -> float | None:
    """Geometric mean of the time ratios of the benchmark's pyperf results to `base`'s
    (the baseline's run, or the system interpreter's)."""
    if base is None:
        return None
    return geometric_mean(ratios(base["means"], results_of(run, bench)).values())


def overall_ratio(run: Run, base: Run | None) -> float | None:
    """Geometric mean over the run's benchmarks of their time ratios to `base`."""
    found = [benchmark_ratio(run, base, bench) for bench in run["benchmarks"]]
    return geometric_mean(r for r in found if r is not None)


def benchmark_rss_ratio(run: Run, base: Run | None, bench: str) -> float | None:
    """The largest peak-RSS ratio over the benchmark's pyperf results (the worst one)."""
    if base is None:
        return None
    found = rss_ratios(base["means"], results_of(run, bench)).values()
    return max(found) if found else None


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.2f}"


# --- tables of the report -------------------------------------------------------------------

def system_timed(runs: Mapping[str, Run], pass_name: str) -> bool:
    return pass_name == TIMING_PASS and SYSTEM in pyperf_runs(runs, pass_name)


def pass_headers(pass_name: str, with_system: bool) -> list[str]:
    """The summary's columns of one pass. Only the timing pass has time columns: the check
    pass's times are the cost of the checker at threshold 1, which a newcomer would read
    as speed ("jit 2.82": slower?)."""
    headers = [f"{pass_name}: ran", f"{pass_name}: failed only here",
               f"{pass_name}: executor entries"]
    if pass_name == TIMING_PASS:
        headers.append(f"{pass_name}: time ratio")
        if with_system:
            headers.append(f"{pass_name}: {VERSUS_SYSTEM}")
    return headers


def summary_table(runs: Mapping[str, Run], configs: Sequence[str], analysis: Analysis) -> Table:
    passes = passes_of(runs)
    headers = ["configuration"]
    for p in passes:
        headers += pass_headers(p, system_timed(runs, p))
    has_regrtest = any(run.get("kind") == "regrtest" for run in runs.values())
    if has_regrtest:
        headers += ["regrtest failed", "regrtest new failures"]
    has_packages = any(run.get("kind") == "packages" for run in runs.values())
    if has_packages:
        headers += ["package tests failed", "package tests new failures"]
    headers.append("checker aborts")
    table = Table(headers)
    for config in configs:
        row = [display_name(config)]
        for p in passes:
            by_config = pyperf_runs(runs, p)
            row += pass_cells(by_config, config, analysis, p, system_timed(runs, p))
        if has_regrtest:
            run = runs.get(run_key("regrtest", config))
            if run is None:
                row += ["-", "-"]
            else:
                failed = "did not finish" if run.get("result") is None else str(len(run["failed"]))
                row += [failed, "-" if config == BASELINE
                        else str(len(analysis.regrtest_new.get(config, [])))]
        if has_packages:
            row += package_cells(runs, config, analysis)
        aborts = sum(int(a["count"]) for a in analysis.checker_aborts
                     if str(a["run"]).endswith("/" + config))
        row.append(str(aborts) if config != SYSTEM else "-")   # it never runs the checker
        table.rows.append(row)
    return table


def pass_cells(by_config: Mapping[str, Run], config: str, analysis: Analysis, pass_name: str,
               with_system: bool) -> list[str]:
    run = by_config.get(config)
    if run is None:
        return ["-"] * len(pass_headers(pass_name, with_system))
    outcomes = run["benchmarks"]
    ran = sum(1 for o in outcomes.values() if o["status"] == "ran")
    only_here = sum(1 for f in analysis.benchmark_failures
                    if f["config"] == config and f["pass"] == pass_name)
    stats = run.get("stats") or {}
    entries = sum(group.get("entries", 0) for name, group in stats.items()
                  if name != OTHER_GROUP)
    cells = [f"{ran}/{len(outcomes)}", str(only_here) if is_ours(config) else "-",
             str(entries) if is_ours(config) else "-"]
    if pass_name == TIMING_PASS:
        cells.append(fmt_ratio(overall_ratio(run, by_config.get(BASELINE))))
        if with_system:
            cells.append(fmt_ratio(overall_ratio(run, by_config.get(SYSTEM))))
    return cells


def per_benchmark_table(runs: Mapping[str, Run], configs: Sequence[str], pass_name: str,
                        cell: Callable[[str, Run, Run | None, str], str],
                        with_baseline: bool = True, reference: str = BASELINE) -> Table:
    """One row per benchmark, one column per configuration: cell(config, run, base, bench),
    where base is the run of `reference`."""
    by_config = pyperf_runs(runs, pass_name)
    base = by_config.get(reference)
    present = [c for c in configs if c in by_config and (with_baseline or c != BASELINE)]
    table = Table(["benchmark"] + present)
    for bench in sorted({b for run in by_config.values() for b in run["benchmarks"]}):
        table.rows.append([bench] + [cell(config, by_config[config], base, bench)
                                     for config in present])
    return table


def benchmark_table(runs: Mapping[str, Run], configs: Sequence[str], pass_name: str,
                    reference: str = BASELINE) -> Table:
    """Per benchmark: time ratio to `reference` (the baseline, or the system interpreter)
    or FAILED, under each configuration."""
    def cell(config: str, run: Run, base: Run | None, bench: str) -> str:
        state = status(run, bench)
        if state == "ran":
            return fmt_ratio(1.0 if config == reference else benchmark_ratio(run, base, bench))
        return "FAILED" if state == "failed" else "-"
    return per_benchmark_table(runs, configs, pass_name, cell, reference=reference)


def rss_table(runs: Mapping[str, Run], configs: Sequence[str], pass_name: str) -> Table:
    """Per benchmark: peak RSS of the pyperf workers over the baseline's, per configuration."""
    def cell(config: str, run: Run, base: Run | None, bench: str) -> str:
        if status(run, bench) != "ran":
            return "-"
        return fmt_ratio(benchmark_rss_ratio(run, base, bench))
    return per_benchmark_table(runs, configs, pass_name, cell, with_baseline=False)


def stats_table(runs: Mapping[str, Run], configs: Sequence[str], pass_name: str) -> Table:
    """Per benchmark and patched configuration: entries / returns at the entry offset /
    compile calls / installed executors, summed over the benchmark's pyperf workers."""
    by_config = pyperf_runs(runs, pass_name)
    present = [c for c in configs if c in by_config and c.startswith("patched+")]
    table = Table(["benchmark"] + [f"{c} (entries / back at entry / compiles / installed)"
                                   for c in present])
    benches = sorted({b for c in present for b in by_config[c]["benchmarks"]})
    for bench in benches + [OTHER_GROUP]:
        row = [bench]
        for config in present:
            group = (by_config[config].get("stats") or {}).get(bench)
            row.append("-" if not group else
                       f"{group.get('entries', 0)} / {group.get('zero_progress', 0)} / "
                       f"{group.get('compile_calls', 0)} / {group.get('installed', 0)}")
        table.rows.append(row)
    return table


def regrtest_table(runs: Mapping[str, Run], configs: Sequence[str], analysis: Analysis) -> Table:
    table = Table(["configuration", "result", "passed", "failed", "new failures",
                   "skipped", "env changed", "entries", "wall time"])
    for config in configs:
        run = runs.get(run_key("regrtest", config))
        if run is None:
            continue
        stats = run.get("stats") or {}
        table.rows.append([
            config, str(run.get("result") or "did not finish"), str(run.get("ok", 0)),
            " ".join(run["failed"]) or "-",
            "-" if config == BASELINE
            else (" ".join(analysis.regrtest_new.get(config, [])) or "-"),
            str(len(run.get("skipped") or [])),
            " ".join(run.get("env_changed") or []) or "-",
            "-" if config == BASELINE else str(stats.get("entries", 0)),
            f"{float(run.get('duration', 0)):.0f} s"])
    return table


def package_runs(runs: Mapping[str, Run], config: str) -> list[Run]:
    return [run for run in runs.values()
            if run.get("kind") == "packages" and run.get("config") == config]


def package_cells(runs: Mapping[str, Run], config: str, analysis: Analysis) -> list[str]:
    """The summary's two cells: failed tests over all suites (or which did not finish),
    and how many of them the baseline did not fail."""
    found = package_runs(runs, config)
    if not found:
        return ["-", "-"]
    unfinished = [str(run["suite"]) for run in found if not run.get("complete")]
    failed = str(sum(len(run.get("failed", [])) for run in found))
    if unfinished:
        failed += f" ({', '.join(unfinished)} did not finish)"
    new = sum(len(analysis.packages_new.get(f"{run['suite']}/{config}", [])) for run in found)
    return [failed, "-" if config == BASELINE else str(new)]


def packages_table(runs: Mapping[str, Run], configs: Sequence[str], analysis: Analysis
                   ) -> Table:
    table = Table(["suite", "configuration", "tests", "passed", "failed", "new failures",
                   "skipped", "executors installed", "entries", "wall time"])
    suites = sorted({str(run["suite"]) for run in runs.values() if run.get("kind") == "packages"})
    for suite in suites:
        for config in configs:
            run = runs.get(run_key("packages", config, suite))
            if run is None:
                continue
            stats = run.get("stats") or {}
            new = analysis.packages_new.get(f"{suite}/{config}", [])
            finished = run.get("complete")
            table.rows.append([
                suite, config, str(run.get("tests", 0)) if finished else
                ("error: " + str(run["error"]).splitlines()[0] if run.get("error")
                 else "did not finish"),
                str(run.get("passed", 0)), str(len(run.get("failed", []))),
                "-" if config == BASELINE else (" ".join(new[:5]) + (" ..." if len(new) > 5
                                                                     else "") or "0"),
                str(run.get("skipped", 0)),
                "-" if not is_ours(config) else str(stats.get("installed", 0)),
                "-" if not is_ours(config) else str(stats.get("entries", 0)),
                f"{float(run.get('duration', 0)):.0f} s"])
    return table


# --- chart ------------------------------------------------------------------------------------

def check_cost_heading(runs: Mapping[str, Run]) -> str:
    """What the check pass's time ratios are: "cost under the checker at threshold 1, not
    a speed figure", with the threshold and checker setting its runs recorded."""
    signatures = [run.get("signature") or {} for config, run in
                  pyperf_runs(runs, CHECK_PASS).items() if is_ours(config)]
    signature = signatures[0] if signatures else {}
    under = ("under the checker" if signature.get("checker", True)
             else "without the checker (--no-checker)")
    return f"cost {under} at threshold {signature.get('threshold', 1)}, not a speed figure"


def draw_chart(runs: Mapping[str, Run], configs: Sequence[str], pass_name: str, path: Path
               ) -> bool:
    """Horizontal grouped bars of each benchmark's time ratio to the baseline, one bar per
    other configuration. False if there is nothing to draw."""
    by_config = pyperf_runs(runs, pass_name)
    base = by_config.get(BASELINE)
    present = [c for c in configs if c in by_config and c != BASELINE]
    benches = sorted({b for c in present for b in by_config[c]["benchmarks"]})
    data = {c: [benchmark_ratio(by_config[c], base, b) for b in benches] for c in present}
    if base is None or not any(v is not None for values in data.values() for v in values):
        return False
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    height = 0.8 / max(1, len(present))
    fig, ax = plt.subplots(figsize=(9, 1.5 + 0.32 * len(benches) * max(1, len(present)) ** 0.5))
    for index, config in enumerate(present):
        ys = [i + (index - (len(present) - 1) / 2) * height for i in range(len(benches))]
        ax.barh(ys, [v if v is not None else 0 for v in data[config]], height=height,
                label=display_name(config))
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(benches)))
    ax.set_yticklabels(benches, fontsize=8)
    ax.invert_yaxis()
    if pass_name == CHECK_PASS:
        ax.set_xlabel("time relative to baseline under the checker (not a speed figure)")
        ax.set_title(f"pyperformance, check pass: {check_cost_heading(runs)}")
    else:
        ax.set_xlabel("time relative to baseline (lower is faster)")
        ax.set_title(f"pyperformance, {pass_name} pass: time ratio to the unpatched baseline")
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


# --- documents -------------------------------------------------------------------------------

@dataclass
class Section:
    title: str
    parts: list[object] = field(default_factory=list)   # str paragraphs, Table, Pre, Image


@dataclass
class Pre:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Image:
    path: Path
    alt: str


def to_markdown(title: str, sections: Sequence[Section]) -> str:
    out = [f"# {title}", ""]
    for section in sections:
        out += [f"## {section.title}", ""]
        for part in section.parts:
            if isinstance(part, Table):
                out.append(part.markdown())
            elif isinstance(part, Pre):
                out += ["```", part.text, "```"]
            elif isinstance(part, Image):
                out.append(f"![{part.alt}]({part.path.name})")
            elif isinstance(part, Bullets):
                out += [f"- {item}" for item in part.items]
            else:
                out.append(str(part))
            out.append("")
    return "\n".join(out)


STYLE = ("body{font-family:sans-serif;margin:2em;max-width:90em}"
         "table{border-collapse:collapse;margin:1em 0;font-size:90%}"
         "td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
         "th{background:#eee}pre{background:#f6f6f6;padding:0.5em;overflow-x:auto}"
         "img{max-width:100%}")


def to_html(title: str, sections: Sequence[Section]) -> str:
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
           f"</title><style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>"]
    for section in sections:
        out.append(f"<h2>{html.escape(section.title)}</h2>")
        for part in section.parts:
            if isinstance(part, Table):
                out.append(part.html())
            elif isinstance(part, Pre):
                out.append(f"<pre>{html.escape(part.text)}</pre>")
            elif isinstance(part, Bullets):
                out.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>"
                                            for item in part.items) + "</ul>")
            elif isinstance(part, Image):
                data = base64.b64encode(part.path.read_bytes()).decode()
                out.append(f"<img alt='{html.escape(part.alt)}' "
                           f"src='data:image/png;base64,{data}'>")
            else:
                out.append(f"<p>{html.escape(str(part))}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def group_failures(failures: Sequence[Mapping[str, str]]
                   ) -> list[tuple[tuple[str, str, str], list[Mapping[str, str]]]]:
    """Failures with the same pass, configuration and error, together (a crash before any
    benchmark ran fails them all with one error)."""
    groups: dict[tuple[str, str, str], list[Mapping[str, str]]] = {}
    for failure in failures:
        key = (failure["pass"], failure["config"], failure["error"])
        groups.setdefault(key, []).append(failure)
    return list(groups.items())


def failure_sections(analysis: Analysis, runs: Mapping[str, Run]) -> list[Section]:
    sections = []
    if analysis.checker_aborts:
        section = Section("Checker aborts (PYTHONOPTIMIZERCHECK)")
        for abort in analysis.checker_aborts:
            section.parts.append(Pre(f"{abort['run']} ({abort['count']}x): Fatal Python error: "
                                     f"{abort['message']}\n" + "\n".join(abort["detail"])))
        sections.append(section)
    if analysis.benchmark_failures:
        section = Section("Benchmarks failing only under the patched interpreter")
        for (pass_name, config, error), group in group_failures(analysis.benchmark_failures):
            names = ", ".join(f["benchmark"] for f in group)
            section.parts.append(f"{pass_name} / {config}: {names}: {error}")
            if group[0]["detail"]:
                section.parts.append(Pre(group[0]["detail"]))
        sections.append(section)
    new = {c: tests for c, tests in analysis.regrtest_new.items() if tests}
    if new or analysis.regrtest_incomplete:
        section = Section("Regression tests failing only under the patched interpreter")
        for config in analysis.regrtest_incomplete:
            run = runs[run_key("regrtest", config)]
            section.parts.append(f"{config}: regrtest did not finish (exit status "
                                 f"{run.get('exit_status')}); see {run.get('log')}; "
                                 "it ended with:")
            section.parts.append(Pre(str(run.get("tail") or "")))
        for config, tests in new.items():
            outputs = runs[run_key("regrtest", config)].get("outputs") or {}
            for test in tests:
                section.parts.append(f"{config}: {test}")
                if outputs.get(test):
                    section.parts.append(Pre(outputs[test]))
        sections.append(section)
    new_packages = {key: tests for key, tests in analysis.packages_new.items() if tests}
    if new_packages or analysis.packages_incomplete:
        section = Section("Package tests failing only under the patched interpreter")
        for key in analysis.packages_incomplete:
            suite, config = key.split("/", 1)
            run = runs[run_key("packages", config, suite)]
            section.parts.append(f"{key}: the suite did not finish (exit status "
                                 f"{run.get('exit_status')}); see {run.get('log')}")
            section.parts.append(Pre(str(run.get("error") or run.get("tail") or "")))
        for key, tests in new_packages.items():
            section.parts.append(f"{key}: " + ", ".join(tests))
        sections.append(section)
    return sections


def system_path(runs: Mapping[str, Run]) -> str | None:
    """The system interpreter's path, as its timing run recorded it."""
    run = pyperf_runs(runs, TIMING_PASS).get(SYSTEM)
    python = (run.get("signature") or {}).get("python") if run else None
    return str(python) if python else None


def summary_caption(runs: Mapping[str, Run]) -> str:
    """What the summary's columns mean; the check pass's absent time column included."""
    text = ("ran: benchmarks that ran / selected; failed only here: failed under this "
            "configuration but not under the baseline; executor entries: summed over the "
            "benchmarks' pyperf worker processes.")
    if TIMING_PASS in passes_of(runs):
        text += (" Time ratio (timing pass): geometric mean over benchmarks of time / "
                 "baseline time (below 1: faster than the unpatched baseline).")
        if system_timed(runs, TIMING_PASS):
            where = system_path(runs)
            text += (f" Time / {system_python.LABEL}'s (timing pass): the same against "
                     f"{SYSTEM}, {SYSTEM_DESCRIPTION}" + (f" ({where})" if where else "")
                     + "; it is not our interpreter: it runs in the timing pass only, "
                     "without optimizer variables, and its failures are not counted.")
    else:
        text += (" This run has no timing pass (smoke mode or --no-timing), so it has no "
                 "speed figures.")
    if CHECK_PASS in passes_of(runs):
        text += (" The check pass has no time column: its times are the "
                 f"{check_cost_heading(runs)} (its section shows them, headed so).")
    return text


def informative_failures(title: str, failures: Sequence[Mapping[str, str]]) -> list[Section]:
    if not failures:
        return []
    return [Section(title, [f"{f['pass']}: {f['benchmark']}: {f['error']}" for f in failures])]


def pass_section(runs: Mapping[str, Run], configs: Sequence[str], pass_name: str,
                 compare: Mapping[str, str], out_dir: Path) -> Section:
    section = Section(f"pyperformance, {pass_name} pass")
    chart = out_dir / f"ratios-{pass_name}.png"
    if draw_chart(runs, configs, pass_name, chart):
        section.parts.append(Image(chart, f"time ratios, {pass_name} pass"))
    if pass_name == CHECK_PASS:
        heading = check_cost_heading(runs)
        section.parts.append(f"Time / baseline time per benchmark: {heading} (one value of "
                             "pyperf --debug-single-value per benchmark; FAILED: did not run):")
    else:
        section.parts.append("Time / baseline time per benchmark (below 1: faster than the "
                             "unpatched baseline; FAILED: did not run):")
    section.parts.append(benchmark_table(runs, configs, pass_name))
    if system_timed(runs, pass_name):
        section.parts += [f"Time / {system_python.LABEL}'s time per benchmark ({SYSTEM}: "
                          f"{SYSTEM_DESCRIPTION}; below 1: faster than it):",
                          benchmark_table(runs, configs, pass_name, reference=SYSTEM)]
    section.parts += ["Peak RSS over the baseline's (pyperf's mem_max_rss of each "
                      "worker process, the largest over the benchmark's results):",
                      rss_table(runs, configs, pass_name),
                      "Executor statistics (sums over each benchmark's pyperf workers; "
                      "\"back at entry\": returns at the executor's own offset, which is "
                      "N = 0 or whole loop iterations, docs/api.md):",
                      stats_table(runs, configs, pass_name)]
    if compare.get(pass_name):
        section.parts += ["pyperf compare_to (significance as pyperf judges it):",
                          Pre(compare[pass_name])]
    return section


def build_sections(runs: Mapping[str, Run], configs: Sequence[str], analysis: Analysis,
                   meta: Mapping[str, str], compare: Mapping[str, str], out_dir: Path
                   ) -> list[Section]:
    verdict = ("NEW FAILURES (exit status 1)" if analysis.failed
               else "no new failures (exit status 0)")
    overview = Section("Overview", [Bullets([f"{key}: {value}" for key, value in meta.items()]
                                            + [f"verdict: {verdict}"])])
    summary = Section("Summary", [summary_table(runs, configs, analysis),
                                  summary_caption(runs)])
    sections = [overview, summary, *failure_sections(analysis, runs)]
    sections += informative_failures("Benchmarks failing under the baseline too (not counted "
                                     "as new)", analysis.everywhere)
    sections += informative_failures(f"Benchmarks failing under {SYSTEM} (not our "
                                     "interpreter: not counted)", analysis.system_failures)
    if analysis.crashes:
        section = Section("Other crashes seen in the output (informative: what they broke "
                          "is counted above)")
        for crash in analysis.crashes:
            section.parts.append(Pre(f"{crash['run']} ({crash['count']}x): {crash['message']}\n"
                                     + "\n".join(crash["detail"])))
        sections.append(section)
    if analysis.regrtest_expected:
        sections.append(Section("Expected differences (scripts/validate/expected_differences.py: "
                                "failures with a known reason, not counted)",
                                [Bullets([f"{config}: {item['test']}: {item['reason']} "
                                          f"(still holds: {item['holds']})"
                                          for config, items in analysis.regrtest_expected.items()
                                          for item in items])]))
    if analysis.packages_idle:
        sections.append(Section("Warning: package suites under which the optimizer installed "
                                "no executor (they prove nothing about it)",
                                [", ".join(analysis.packages_idle)]))
    if analysis.zero_entries:
        names = ", ".join(f"{z['benchmark']} ({z['config']}, {z['pass']})"
                          for z in analysis.zero_entries)
        sections.append(Section("Warning: benchmarks that ran without entering any executor",
                                [names]))
    sections += [pass_section(runs, configs, pass_name, compare, out_dir)
                 for pass_name in passes_of(runs)]
    if any(run.get("kind") == "regrtest" for run in runs.values()):
        sections.append(Section("CPython regression tests",
                                [regrtest_table(runs, configs, analysis)]))
    if any(run.get("kind") == "packages" for run in runs.values()):
        sections.append(Section("Real packages' own test suites (pytest; a test failing "
                                "under a patched configuration and not under the baseline "
                                "is a new failure)", [packages_table(runs, configs, analysis)]))
    for run in runs.values():
        if run.get("kind") == "series":
            verdict = analysis.series_failure or ("every prefix builds and passes CPython's "
                                                  "tests of what the series changes")
            sections.append(Section(
                "Patch series: every prefix builds and passes "
                "(scripts/build/check_series_builds.py)",
                [verdict, Table(["up to patch", "builds", "seconds", "log"],
                                [[p["patch"], "yes" if p["ok"] else "NO", f"{p['seconds']:.0f}",
                                  p["log"]] for p in run.get("prefixes", [])])]))
    logs = Table(["run", "log", "wall time"],
                 [[key, str(run.get("log", "")), f"{float(run.get('duration', 0)):.0f} s"]
                  for key, run in runs.items()])
    sections.append(Section("Logs", [logs]))
    return sections


def write_report(runs: Mapping[str, Run], configs: Sequence[str], analysis: Analysis,
                 meta: Mapping[str, str], compare: Mapping[str, str], out_dir: Path
                 ) -> tuple[Path, Path]:
    """report.md and report.html (the chart PNGs beside them; embedded in the HTML)."""
    sections = build_sections(runs, configs, analysis, meta, compare, out_dir)
    title = "plugopt validation report"
    md, page = out_dir / "report.md", out_dir / "report.html"
    md.write_text(to_markdown(title, sections))
    page.write_text(to_html(title, sections))
    return md, page
