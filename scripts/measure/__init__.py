"""Measurements: callgrind instruction counts (idle_cost), paired interleaved timings
(paired_time, paired_pyperf) and start-up time (startup)."""
