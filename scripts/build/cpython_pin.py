"""The one place that pins the CPython source plugopt is built from.

Every script that fetches, verifies or builds CPython imports these values;
nothing else in the repository repeats them.
"""

from pathlib import Path

VERSION = "3.11.2"
SHA256 = "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849"

# Name of the release tarball in caches and in the upstream download folder.
TARBALL_NAME = f"Python-{VERSION}.tgz"
UPSTREAM_URL = f"https://www.python.org/ftp/python/{VERSION}/{TARBALL_NAME}"

# Debian's source package carries the same upstream tarball as its .orig.
DEBIAN_SOURCE_PACKAGE = "python3.11"
DEBIAN_ORIG_GLOB = f"{DEBIAN_SOURCE_PACKAGE}_{VERSION}.orig.tar.*"

# Top-level directory inside the tarball.
SOURCE_DIR_NAME = f"Python-{VERSION}"

# configure flags of each build mode. The patched interpreter and its baseline are always
# built in the same mode with the same flags, so the two differ only by the patch series.
COMMON_CONFIGURE_FLAGS = ("--with-ensurepip=install",)

# The PGO training task of the release build: CPython's regression suite as Debian trains
# its python3.11 (debian/rules: the whole suite but its PROFILE_EXCLUDES, one test file
# per process, the `decimal` resource on), run in two worker processes (the counters of
# every process are merged) with regrtest's per-file timeout. CPython's default,
# `-m test --pgo`, trains on 44 files only; measured against it, this task made
# pickle_list 1.39x and pickle_dict 1.16x faster, as fast as Debian's, at about five
# more minutes of build per interpreter on 2 cores (docs/measurements/2026-12-06-pgo-training.md).
PGO_EXCLUDED_TESTS = (
    # Debian's PROFILE_EXCLUDES: slow, threaded, networked, or failing when instrumented.
    "test_compiler", "test_distutils", "test_subprocess", "test_multiprocessing",
    "test_socket", "test_socketserver", "test_thread", "test_threaded_import",
    "test_threadedtempfile", "test_threading", "test_threading_local", "test_threadsignals",
    "test_concurrent_futures", "test_ctypes", "test_dbm_dumb", "test_dbm_ndbm", "test_pydoc",
    "test_sundry", "test_signal", "test_ioctl", "test_gdb", "test_ensurepip", "test_venv",
    "test_asyncio", "test_ftplib", "test_httplib", "test_imaplib", "test_nntplib",
    "test_poplib", "test_ssl", "test_cmd_line_script", "test_zipimport_support",
    "test_multiprocessing_fork", "test_multiprocessing_forkserver",
    "test_multiprocessing_spawn", "test_cppext",
)
PGO_TRAINING_TASK = ("-m test -j2 -unone,decimal --timeout=900 -x "
                     + " ".join(PGO_EXCLUDED_TESTS))

BUILD_MODES = {
    # What users run and what `python3 -m scripts install` ships: profile-guided optimization
    # trained on PGO_TRAINING_TASK, and link-time optimization, as the distributions build
    # CPython (Debian's python3.11 is built so).
    # LINKFORSHARED (the flags of the `python` executable's link, configure's default
    # plus two) makes that link position-dependent, as Debian links its
    # /usr/bin/python3.11: with LTO the whole interpreter is compiled at that link,
    # so the eval loop addresses its static tables directly rather than through
    # a base register. Only the executable changes: libpython's objects, shared
    # modules and what extension builds get from sysconfig stay stock PIC/PIE.
    "release": (*COMMON_CONFIGURE_FLAGS, "--enable-optimizations", "--with-lto",
                "LINKFORSHARED=-Xlinker -export-dynamic -fno-pie -no-pie",
                f"PROFILE_TASK={PGO_TRAINING_TASK}"),
    # The patch loop: a plain -O3 build, a few minutes from nothing and seconds per edit.
    "dev": COMMON_CONFIGURE_FLAGS,
}
DEFAULT_BUILD_MODE = "release"

# Extension modules linked into the `python` executable rather than built as shared
# objects, in both modes and both variants: the set Debian builds into its python3.11
# (its Modules/Setup.local, which lists them without their libraries; makesetup adds
# each module's flags from configure, so pyexpat takes the bundled expat here).
# Built in, a module's calls into the interpreter are direct calls that LTO can inline
# and that the position-dependent executable makes without the PLT. Measured against
# Debian's python3.11: json_loads and base16 went from 0.6-0.75x of its speed to
# 0.95-1.0x; pickle_dict and pickle_list stay behind, our baseline with them
# (docs/measurements/2026-12-06-builtin-modules.md).
BUILTIN_MODULES = {
    "_bisect": "_bisectmodule.c",
    "_csv": "_csv.c",
    "_datetime": "_datetimemodule.c",
    "_heapq": "_heapqmodule.c",
    "_opcode": "_opcode.c",
    "_pickle": "_pickle.c",
    "_random": "_randommodule.c",
    "_socket": "socketmodule.c",
    "_statistics": "_statisticsmodule.c",
    "_struct": "_struct.c",
    "array": "arraymodule.c",
    "binascii": "binascii.c",
    "cmath": "cmathmodule.c",
    "math": "mathmodule.c",
    "select": "selectmodule.c",
    "_elementtree": "_elementtree.c",
    "pyexpat": "pyexpat.c",
    "_blake2": "_blake2/blake2module.c _blake2/blake2b_impl.c _blake2/blake2s_impl.c",
    "_md5": "md5module.c",
    "_sha1": "sha1module.c",
    "_sha256": "sha256module.c",
    "_sha512": "sha512module.c",
    "_sha3": "_sha3/sha3module.c",
    "unicodedata": "unicodedata.c",
    "_posixsubprocess": "_posixsubprocess.c",
    "fcntl": "fcntlmodule.c",
    "grp": "grpmodule.c",
    "spwd": "spwdmodule.c",
    "syslog": "syslogmodule.c",
    "zlib": "zlibmodule.c",
}


def write_setup_local(tree: Path) -> None:
    """Make `tree` build BUILTIN_MODULES into the executable; call before ./configure."""
    (tree / "Modules" / "Setup.local").write_text(setup_local())


def setup_local() -> str:
    """The Modules/Setup.local that builds BUILTIN_MODULES into the executable."""
    lines = ["# Written by plugopt (scripts/build/cpython_pin.py): modules built into python,",
             "# as Debian builds its python3.11.", "*static*"]
    lines += [f"{name} {sources}" for name, sources in BUILTIN_MODULES.items()]
    return "\n".join(lines) + "\n"


def configure_flags(mode: str) -> tuple[str, ...]:
    """configure flags of build mode `mode` ("release" or "dev")."""
    try:
        return BUILD_MODES[mode]
    except KeyError:
        raise ValueError(f"unknown build mode {mode!r}; choose one of "
                         f"{', '.join(BUILD_MODES)}") from None
