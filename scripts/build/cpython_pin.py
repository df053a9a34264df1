"""The one place that pins the CPython source plugopt is built from.

Every script that fetches, verifies or builds CPython imports these values;
nothing else in the repository repeats them.
"""

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
BUILD_MODES = {
    # What users run and what `python3 -m scripts install` ships: profile-guided optimization
    # trained on CPython's own `-m test --pgo` task, and link-time optimization, as the
    # distributions build CPython (Debian's python3.11 is built so).
    # LINKFORSHARED (the flags of the `python` executable's link, configure's default
    # plus two) makes that link position-dependent, as Debian links its
    # /usr/bin/python3.11: with LTO the whole interpreter is compiled at that link,
    # so the eval loop addresses its static tables directly rather than through
    # a base register. Only the executable changes: libpython's objects, shared
    # modules and what extension builds get from sysconfig stay stock PIC/PIE.
    "release": (*COMMON_CONFIGURE_FLAGS, "--enable-optimizations", "--with-lto",
                "LINKFORSHARED=-Xlinker -export-dynamic -fno-pie -no-pie"),
    # The patch loop: a plain -O3 build, a few minutes from nothing and seconds per edit.
    "dev": COMMON_CONFIGURE_FLAGS,
}
DEFAULT_BUILD_MODE = "release"


def configure_flags(mode: str) -> tuple[str, ...]:
    """configure flags of build mode `mode` ("release" or "dev")."""
    try:
        return BUILD_MODES[mode]
    except KeyError:
        raise ValueError(f"unknown build mode {mode!r}; choose one of "
                         f"{', '.join(BUILD_MODES)}") from None
