"""Write optimizer statistics at exit (plugopt).

The interpreter calls start_stats() after `site` and before `__main__` when
`-X optimizer_stats=DIR` / PYTHONOPTIMIZERSTATS is given, before it loads
the modules that -X optimizer / PYTHONOPTIMIZER names (that part is C, in
Python/optimizer_startup.c, because start-up time is measured too). A
StartupError's message is printed as one line and the interpreter exits
with status 1.
"""

import atexit
import io
import os

import _json
import _optimizer

# The program may replace these before it exits (pyperformance's sphinx
# benchmark turns os.replace into a no-op and wraps builtins.open); the
# statistics file written at exit must not depend on what it did.
_open = io.open
_replace = os.replace


class StartupError(Exception):
    """Why the interpreter refuses to start, in one line."""


def to_json(value):
    """`value` as JSON text, as json.dumps(value) writes it, for the types a
    statistics record holds (dict with str keys, list, tuple, str, int, float,
    bool, None).

    Not json.dumps: importing json imports re, enum and functools, 4 ms of
    every process that writes statistics, which is longer than some whole
    start-ups that validation times.
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _json.encode_basestring_ascii(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    if isinstance(value, dict):
        # encode_basestring_ascii raises TypeError for a key that is not a str.
        return "{" + ", ".join(f"{_json.encode_basestring_ascii(key)}: {to_json(item)}"
                               for key, item in value.items()) + "}"
    raise TypeError(f"a statistics record cannot hold {type(value).__name__}")


def write_stats(directory):
    """At exit: this process's optimizer statistics as DIR/optimizer-stats-PID.json."""
    import sys
    record = {
        "pid": os.getpid(),
        "argv": sys.argv,
        "executable": sys.executable,
        "loaded": [list(entry) for entry in _optimizer.loaded],
        "optimizers": [_optimizer.describe(opt) | {"type": type(opt).__name__}
                       for opt in _optimizer.get_optimizers()],
        "stats": _optimizer.get_stats(),
    }
    path = os.path.join(directory, f"optimizer-stats-{os.getpid()}.json")
    # Write then rename, so a reader never sees half a file.
    with _open(path + ".tmp", "w", encoding="utf-8") as file:
        file.write(to_json(record))
    _replace(path + ".tmp", path)


def start_stats(stats_dir, stats_source):
    """Create DIR and have the statistics written there at exit."""
    if not stats_dir:
        raise StartupError(f"{stats_source}: needs a directory")
    try:
        os.makedirs(stats_dir, exist_ok=True)
    except OSError as exc:
        raise StartupError(f"{stats_source}: cannot create {stats_dir!r}: "
                           f"{exc.strerror}") from None
    # Registered first, so it runs last: after atexit hooks of the program
    # and of the optimizers.
    atexit.register(write_stats, os.path.abspath(stats_dir))
