"""plugopt's sample optimizers, compiled C extension modules of this package.

Load one at startup with ``python3 -X optimizer=NAME``; see docs/ for the API.
"""
