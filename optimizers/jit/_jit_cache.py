"""The compiled-loop cache of plugopt.jit: private, content-addressed, verified.

compile_and_open(source) returns the path of a shared object built from
`source` (C), whose bytes have just been checked against the SHA-256 recorded
when it was built, or None when no C compiler works here. The caller dlopens
that path. Only the user can write in the folder (0700, checked), so nobody
else can replace the file between the check and the load; the check catches
truncated and corrupted entries. (Loading through /proc/self/fd/N would close
even that window, but the dynamic loader identifies libraries by that name,
and fd numbers are reused: a second loop would get the first loop's code.)

Layout: $PLUGOPT_JIT_CACHE, else $XDG_CACHE_HOME/plugopt-jit, else
~/.cache/plugopt-jit; mode 0700, owned by the user, refused otherwise. An
entry KEY.so has a sidecar KEY.sha256 with the SHA-256 of KEY.so; KEY is the
SHA-256 of the source, the compiler command and the interpreter build, so
entries are never reused by another interpreter or compiler. A missing,
truncated or tampered entry is rebuilt; files are written under temporary
names and renamed into place.
"""

from __future__ import annotations

import os
import shlex
import stat
import sys
import sysconfig

# The built-in SHA-256, not hashlib's: hashlib loads OpenSSL, about 3.5 MB of
# peak RSS for every process that runs a compiled loop. subprocess and
# tempfile (2-3 MB more) are imported only when an entry must be built.
try:
    from _sha256 import sha256
except ImportError:   # an interpreter built without it
    from hashlib import sha256

# Flags of the interpreter's own OPT (sysconfig) that the generated code is compiled with:
# optimization level, -f and -m code-generation flags, -D macros (in both build modes
# that is -O3 -fwrapv -DNDEBUG). Not -g (debug information only slows the compile)
# nor the warnings. PGO and LTO flags are not in OPT: they are the interpreter's own,
# and mean nothing for a loop compiled alone.
_OWN_FLAG_PREFIXES = ("-O", "-f", "-m", "-D")
# What a loaded shared object of generated code needs whatever the interpreter's flags:
# the generated code reads PyObject fields through casts.
_REQUIRED_FLAGS = ["-fno-strict-aliasing", "-fPIC", "-shared"]


class CacheError(Exception):
    """The cache folder is unsafe to use."""


def cache_dir() -> str:
    path = os.environ.get("PLUGOPT_JIT_CACHE")
    if not path:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                                   ".cache")
        path = os.path.join(base, "plugopt-jit")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
    except OSError as error:
        raise CacheError(f"cannot use {path}: {error}") from None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise CacheError(f"{path} must be a folder owned by uid {os.getuid()} with mode "
                         f"0700 (it is {stat.filemode(st.st_mode)}, uid {st.st_uid})")
    return path


def compiler() -> list[str]:
    cc = os.environ.get("PLUGOPT_JIT_CC") or sysconfig.get_config_var("CC") or "cc"
    return shlex.split(cc)


def compile_flags() -> list[str]:
    """Flags of a generated loop's compile: the interpreter's optimization flags, then
    _REQUIRED_FLAGS."""
    opt = shlex.split(sysconfig.get_config_var("OPT") or "-O2")
    return [flag for flag in opt if flag.startswith(_OWN_FLAG_PREFIXES)] + _REQUIRED_FLAGS


def _key(source: str, command: list[str]) -> str:
    digest = sha256()
    for part in (source, "\0".join(command), sys.version, sysconfig.get_paths()["include"]):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _sha256_fd(fd: int) -> str:
    digest = sha256()
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 16):
        digest.update(chunk)
    return digest.hexdigest()


def _verified(so_path: str, sum_path: str) -> str | None:
    """so_path if its bytes match the recorded SHA-256, else None."""
    try:
        with open(sum_path, encoding="ascii") as file:
            expected = file.read().strip()
        fd = os.open(so_path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        actual = _sha256_fd(fd)
    finally:
        os.close(fd)
    return so_path if actual == expected else None


def _write_atomic(folder: str, name: str, data: bytes) -> None:
    import tempfile
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    os.replace(tmp, os.path.join(folder, name))


_warned: set[str] = set()


def _warn_once(kind: str, message: str) -> None:
    if kind not in _warned:
        _warned.add(kind)
        print(f"plugopt.jit: {message}", file=sys.stderr)


def compile_and_open(source: str) -> str | None:
    """The verified shared object for `source`; None (the loop is declined)
    without a usable cache folder, without a compiler, or when the compiler
    fails (a translator bug), each said once per process on stderr."""
    try:
        folder = cache_dir()
    except CacheError as error:
        _warn_once("cache", f"not compiling loops: {error}")
        return None
    cc = compiler()
    include = sysconfig.get_paths()["include"]
    command = [*cc, *compile_flags(), f"-I{include}"]
    key = _key(source, command)
    so_path = os.path.join(folder, key + ".so")
    sum_path = os.path.join(folder, key + ".sha256")
    if _verified(so_path, sum_path):
        return so_path
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory(dir=folder, prefix=".build-") as build:
        c_file = os.path.join(build, "loop.c")
        out = os.path.join(build, "loop.so")
        with open(c_file, "w", encoding="utf-8") as file:
            file.write(source)
        try:
            # An explicit encoding: a program run with -X warn_default_encoding
            # must not see jit's own calls warn.
            result = subprocess.run([*command, "-o", out, c_file], capture_output=True,
                                    encoding="utf-8", errors="replace", timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            _warn_once("compiler", f"not compiling loops: cannot run {cc[0]}: {error}")
            return None
        if result.returncode != 0:
            tail = "\n".join(result.stderr.splitlines()[-5:])
            _warn_once("failed", f"{cc[0]} failed on a generated loop (a plugopt.jit "
                       f"bug; the loop runs in the interpreter):\n{tail}")
            return None
        with open(out, "rb") as file:
            data = file.read()
    _write_atomic(folder, key + ".so", data)
    _write_atomic(folder, key + ".sha256", sha256(data).hexdigest().encode())
    return _verified(so_path, sum_path)
