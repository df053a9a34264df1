"""Timings of paired, interleaved runs, and the ratios taken from them.

Both paired measure scripts (measure_paired_time.py, measure_paired_pyperf.py) run the
baseline, the patched interpreter and the system's own Python back to back in each
round, and take a figure's ratios round by round: a machine that slows down for a while
then moves both sides of a ratio, not one.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from scripts import system_python

SYSTEM = system_python.LABEL


@dataclass(frozen=True)
class Rounds:
    """One benchmark's (or pyperf result's) timings: per round, seconds by interpreter
    label ("baseline", "patched", SYSTEM), and the executors the patched side installed
    ("-": no optimizer asked)."""
    name: str
    rounds: list[dict[str, float]]
    executors: str = "-"

    def ratios_of(self, label: str, reference: str) -> list[float]:
        """Per round that timed both: time of `label` / time of `reference`."""
        return [round_[label] / round_[reference] for round_ in self.rounds
                if label in round_ and reference in round_]

    def median_of(self, label: str, reference: str) -> float | None:
        found = self.ratios_of(label, reference)
        return statistics.median(found) if found else None

    def best_ratio(self, label: str, reference: str) -> float | None:
        """Best (shortest) time of `label` / best time of `reference`, over the rounds that
        timed both. Where the machine's load only ever slows a run down, the best times
        are the ones it disturbed least, and their ratio moves less between measurements
        than the median of the round ratios."""
        both = [round_ for round_ in self.rounds if label in round_ and reference in round_]
        if not both:
            return None
        return min(r[label] for r in both) / min(r[reference] for r in both)

    @property
    def ratios(self) -> list[float]:
        """The round ratios patched / baseline."""
        return self.ratios_of("patched", "baseline")

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    @property
    def has_system(self) -> bool:
        return any(SYSTEM in round_ for round_ in self.rounds)


# The speed-up columns both paired scripts print after their own: over the baseline,
# over the system's Python and the baseline's own over the system's, then the executors.
def speedup(ratio: float | None, width: int) -> str:
    """A time ratio as the speed-up it means (above 1: the first is faster)."""
    return f"{1 / ratio:>{width - 1}.2f}x" if ratio else f"{'-':>{width}}"


def speedup_head(system: bool) -> str:
    head = f"  {'vs baseline':>11}"
    if system:
        head += f"  {'vs ' + SYSTEM:>20}  {'baseline vs system':>18}"
    return head + f"  {'executors':>9}"


def speedup_cells(system: bool, versus_baseline: float | None, versus_system: float | None,
                  baseline_system: float | None, executors: str) -> str:
    """The cells under speedup_head: each figure a time ratio (ours / the other's)."""
    line = f"  {speedup(versus_baseline, 11)}"
    if system:
        line += f"  {speedup(versus_system, 20)}  {speedup(baseline_system, 18)}"
    return line + f"  {executors:>9}"
