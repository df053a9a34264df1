"""plugopt's tools, run from the repository's root with `python3 -m scripts...`:

    python3 -m scripts COMMAND          build, test, install, validate, the main job
    python3 -m scripts.build.patchtree  the patch series as a git work tree and back
    python3 -m scripts.build.check_series_builds
    python3 -m scripts.validate         the validation against the baseline
    python3 -m scripts.measure.idle_cost, .paired_time, .paired_pyperf, .startup

Modules by job: build/ (fetch, patch, build, install), validate/, measure/; layout.py
says where things are, child_env.py what environment the tools give the interpreters.
"""
