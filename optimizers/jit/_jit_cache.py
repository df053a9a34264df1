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
import posix
import shlex
import stat
import sys
import sysconfig

# The built-in SHA-256, not hashlib's: hashlib loads OpenSSL, about 3.5 MB of
# peak RSS for every process that runs a compiled loop. subprocess (2 MB more)
# is imported only when an entry must be built.
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


# What this module reads from the environment and the os functions it calls come from
# posix, the C module under os: a compile runs in the middle of whatever the program
# is doing, and the program may have replaced os.environ or os.open by then
# (CPython's test_getpass patches both with mocks; shutil's os.close of the fd a
# mocked os.open returned closed the program's stdout). The variables are those the
# process started with, as for the interpreter's own PYTHON* variables.
def _startup_variable(name: str) -> str | None:
    value = posix.environ.get(name.encode())
    return os.fsdecode(value) if value else None


_ENVIRON = {name: _startup_variable(name)
            for name in ("PLUGOPT_JIT_CACHE", "XDG_CACHE_HOME", "PLUGOPT_JIT_CC", "HOME")}
_HOME = _ENVIRON["HOME"] or os.path.expanduser("~")
_open, _close, _read, _write, _lseek = posix.open, posix.close, posix.read, posix.write, posix.lseek
_mkdir, _lstat, _getuid = posix.mkdir, posix.lstat, posix.getuid
_replace, _unlink, _rmdir, _urandom = posix.replace, posix.unlink, posix.rmdir, posix.urandom
_makedirs = os.makedirs


class CacheError(Exception):
    """The cache folder is unsafe to use."""


def cache_dir() -> str:
    path = _ENVIRON["PLUGOPT_JIT_CACHE"]
    if not path:
        base = _ENVIRON["XDG_CACHE_HOME"] or os.path.join(_HOME, ".cache")
        path = os.path.join(base, "plugopt-jit")
    try:
        _makedirs(path, mode=0o700, exist_ok=True)
        st = _lstat(path)
    except OSError as error:
        raise CacheError(f"cannot use {path}: {error}") from None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != _getuid() or st.st_mode & 0o077:
        raise CacheError(f"{path} must be a folder owned by uid {_getuid()} with mode "
                         f"0700 (it is {stat.filemode(st.st_mode)}, uid {st.st_uid})")
    return path


def compiler() -> list[str]:
    cc = _ENVIRON["PLUGOPT_JIT_CC"] or sysconfig.get_config_var("CC") or "cc"
    return shlex.split(cc)


def compile_flags() -> list[str]:
    """Flags of a generated loop's compile: the interpreter's optimization flags, then
    _REQUIRED_FLAGS."""
    opt = shlex.split(sysconfig.get_config_var("OPT") or "-O2")
    return [flag for flag in opt if flag.startswith(_OWN_FLAG_PREFIXES)] + _REQUIRED_FLAGS


# Read once, when jit first needs the cache (sysconfig reads os.environ the first time).
_COMPILER = compiler()
_INCLUDE = sysconfig.get_paths()["include"]
_COMMAND = [*_COMPILER, *compile_flags(), f"-I{_INCLUDE}"]
# The compiler runs with the environment the process started with: the program may
# have changed os.environ or PATH since (regrtest's tests do), or replaced os.environ.
_COMPILER_ENVIRONMENT = {os.fsdecode(name): os.fsdecode(value)
                         for name, value in posix.environ.items()}


def _key(source: str, command: list[str]) -> str:
    digest = sha256()
    for part in (source, "\0".join(command), sys.version, _INCLUDE):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _sha256_fd(fd: int) -> str:
    digest = sha256()
    _lseek(fd, 0, os.SEEK_SET)
    while chunk := _read(fd, 1 << 16):
        digest.update(chunk)
    return digest.hexdigest()


def _verified(so_path: str, sum_path: str) -> str | None:
    """so_path if its bytes match the recorded SHA-256, else None."""
    try:
        with open(sum_path, encoding="ascii") as file:
            expected = file.read().strip()
        fd = _open(so_path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        actual = _sha256_fd(fd)
    finally:
        _close(fd)
    return so_path if actual == expected else None


def _private_name(folder: str, prefix: str) -> str:
    return os.path.join(folder, prefix + _urandom(8).hex())


def _write_atomic(folder: str, name: str, data: bytes) -> None:
    tmp = _private_name(folder, ".tmp-")
    fd = _open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _write(fd, data)
    finally:
        _close(fd)
    _replace(tmp, os.path.join(folder, name))


_warned: set[str] = set()


def _warn_once(kind: str, message: str) -> None:
    if kind not in _warned:
        _warned.add(kind)
        print(f"plugopt.jit: {message}", file=sys.stderr)


def compile_and_open(source: str) -> str | None:
    """The verified shared object for `source`; None (the loop is declined)
    without a usable cache folder, without a compiler, or when the compiler
    fails (a translator bug), each said once per process on stderr; or, for
    now and quietly, while subprocess is still being imported."""
    try:
        folder = cache_dir()
    except CacheError as error:
        _warn_once("cache", f"not compiling loops: {error}")
        return None
    cc, command = _COMPILER, _COMMAND
    key = _key(source, command)
    so_path = os.path.join(folder, key + ".so")
    sum_path = os.path.join(folder, key + ".sha256")
    if _verified(so_path, sum_path):
        return so_path
    import subprocess
    if not hasattr(subprocess, "run"):
        # subprocess is still being imported (a loop of its imports got hot
        # at a low threshold): decline for now, quietly; the VM asks again.
        return None
    build = _private_name(folder, ".build-")
    _mkdir(build, 0o700)
    c_file = os.path.join(build, "loop.c")
    out = os.path.join(build, "loop.so")
    try:
        with open(c_file, "w", encoding="utf-8") as file:
            file.write(source)
        try:
            # Bytes, decoded here: no default encoding for -X warn_default_encoding
            # to warn about, and no io wrapper a program may have replaced.
            result = subprocess.run([*command, "-o", out, c_file], capture_output=True,
                                    timeout=120, env=_COMPILER_ENVIRONMENT)
        except Exception as error:   # noqa: BLE001
            # No compiler (OSError), a hung one (TimeoutExpired), or a program
            # that replaced what subprocess uses (CPython's test_subprocess mocks
            # its fork_exec): the loop runs in the interpreter.
            _warn_once("compiler", f"cannot run {cc[0]}: {type(error).__name__}: {error} "
                       "(loops that need it run in the interpreter)")
            return None
        if result.returncode != 0:
            tail = "\n".join(result.stderr.decode("utf-8", "replace").splitlines()[-5:])
            # Most likely a translator bug, but the compiler's environment can
            # fail it too (a full disk, a build folder a program removed).
            _warn_once("failed", f"{cc[0]} failed on a generated loop (the loop runs in "
                       "the interpreter; unless its output below names a cause outside "
                       f"jit, please report it as a plugopt.jit bug):\n{tail}")
            return None
        with open(out, "rb") as file:
            data = file.read()
    finally:
        for made in (c_file, out):
            try:
                _unlink(made)
            except FileNotFoundError:
                pass
        _rmdir(build)
    _write_atomic(folder, key + ".so", data)
    _write_atomic(folder, key + ".sha256", sha256(data).hexdigest().encode())
    return _verified(so_path, sum_path)
