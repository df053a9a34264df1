"""plugopt's sample optimizers, compiled C extension modules of this package.

Load one at startup with ``python3 -X optimizer=NAME``; see docs/ for the API.
The package itself is frozen into the interpreter (Tools/scripts/freeze_modules.py),
so that loading an optimizer at start-up does not search sys.path for it; its
__path__ is this folder of the standard library, where the modules are installed.
"""
