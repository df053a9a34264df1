"""The validation: pyperformance, CPython's tests and real packages' test suites under the
baseline, the patched interpreter and each sample optimizer (`python3 -m scripts.validate`;
the logic is in run.py)."""
