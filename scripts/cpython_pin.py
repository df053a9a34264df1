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

# configure flags shared by the patched interpreter and the baseline, so the
# two differ only by the patch series.  No --enable-optimizations: PGO would
# triple the build time and add run-to-run noise to comparisons.
CONFIGURE_FLAGS = ("--with-ensurepip=install",)
