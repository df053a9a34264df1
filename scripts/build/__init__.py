"""Fetch the pinned CPython, apply the patch series, build and install the interpreters."""
