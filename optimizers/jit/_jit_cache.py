"""The compiled-loop cache of plugopt.jit: private, content-addressed, verified.

compile_and_open(source) returns the path of a shared object built from
`source` (C), whose bytes have been checked against the BLAKE2b hash recorded
when it was built (once per process and file: _verified), or None when no C
compiler works here. The caller dlopens
that path. start_build(source) returns that path when the cache has it, and
otherwise a Build: the compiler runs in a process of its own, detached, while
the program goes on (the caller polls the Build, and runs the loop in the
interpreter meanwhile). Only the user can write in the folder (0700, checked), so nobody
else can replace the file between the check and the load; the check catches
truncated and corrupted entries. (Loading through /proc/self/fd/N would close
even that window, but the dynamic loader identifies libraries by that name,
and fd numbers are reused: a second loop would get the first loop's code.)

Layout: $PLUGOPT_JIT_CACHE, else $XDG_CACHE_HOME/plugopt-jit, else
~/.cache/plugopt-jit; mode 0700, owned by the user, refused otherwise. An
entry KEY.so has a sidecar KEY.blake2b with the BLAKE2b hash of KEY.so; KEY is
the BLAKE2b hash of the source, the compiler command and the interpreter build, so
entries are never reused by another interpreter or compiler. A missing,
truncated or tampered entry is rebuilt; files are written under temporary
names and renamed into place.
"""

from __future__ import annotations

import atexit
import collections
import io
import os
import posix
import stat
import sys
import sysconfig
import time

# The built-in BLAKE2b, not hashlib's module: hashlib loads OpenSSL, about 3.5 MB
# of peak RSS for every process that runs a compiled loop. BLAKE2b rather than
# SHA-256: 13.6 instructions a byte against 48.1 (callgrind, 3.11.2's built-in
# modules), and a process hashes every source it translates and every entry it
# loads. 32-byte digests: 64 hexadecimal digits, as SHA-256's were. The compiler
# is started with posix_spawn, not subprocess (2 MB more, and a module programs
# mock).
try:
    from _blake2 import blake2b
except ImportError:   # an interpreter built without it
    from hashlib import blake2b

# What an entry's sidecar file is named after its key (KEY.blake2b).
_SUM_SUFFIX = ".blake2b"


def _digest(data: bytes = b"") -> "blake2b":
    """A new hash of `data` (more can be fed to its update())."""
    return blake2b(data, digest_size=32)

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
            for name in ("PLUGOPT_JIT_CACHE", "XDG_CACHE_HOME", "PLUGOPT_JIT_CC", "HOME",
                         "PLUGOPT_JIT_BACKGROUND", "PATH")}
_HOME = _ENVIRON["HOME"] or os.path.expanduser("~")
_open, _close, _read, _write, _lseek = posix.open, posix.close, posix.read, posix.write, posix.lseek
_mkdir, _lstat, _getuid = posix.mkdir, posix.lstat, posix.getuid
_stat, _fstat, _spawn, _waitpid = posix.stat, posix.fstat, posix.posix_spawn, posix.waitpid
_listdir, _kill, _exit_code = posix.listdir, posix.kill, posix.waitstatus_to_exitcode
_get_inheritable = posix.get_inheritable
_sleep, _monotonic = time.sleep, time.monotonic
_replace, _unlink, _rmdir, _urandom = posix.replace, posix.unlink, posix.rmdir, posix.urandom
_makedirs = os.makedirs
# Files are opened by io.open, the function builtins.open names when this module is
# imported: CPython's test_idle patches builtins.open with a mock, and a loop compiled
# meanwhile read its compiler's log from the mock.
_open_file = io.open


def _is_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(_stat(path).st_mode)
    except OSError:
        return False


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


def _split_command(text: str) -> list[str]:
    """`text` split as the shell would split words (shlex.split). shlex imports re,
    which imports enum (about 20 M instructions), at the first hot loop of every
    process; a command without quotes or backslashes, as sysconfig's are, splits at
    whitespace alone, the same words."""
    if any(char in text for char in "'\"\\"):
        import shlex
        return shlex.split(text)
    return text.split()


def compiler() -> list[str]:
    """The C compiler's command: $PLUGOPT_JIT_CC, else the interpreter's CC, its
    program found on the PATH the process started with (the program may change
    PATH or its working folder later: regrtest's tests do)."""
    cc = _split_command(_ENVIRON["PLUGOPT_JIT_CC"] or sysconfig.get_config_var("CC") or "cc")
    if cc and os.sep not in cc[0]:
        for folder in (_ENVIRON["PATH"] or os.defpath).split(os.pathsep):
            candidate = os.path.abspath(os.path.join(folder or ".", cc[0]))
            if posix.access(candidate, os.X_OK) and not _is_dir(candidate):
                cc[0] = candidate
                break
    return cc


def compile_flags() -> list[str]:
    """Flags of a generated loop's compile: the interpreter's optimization flags, then
    _REQUIRED_FLAGS."""
    opt = _split_command(sysconfig.get_config_var("OPT") or "-O2")
    return [flag for flag in opt if flag.startswith(_OWN_FLAG_PREFIXES)] + _REQUIRED_FLAGS


# Read once, when jit first needs the cache (sysconfig reads os.environ the first time).
_COMPILER = compiler()
_INCLUDE = sysconfig.get_paths()["include"]
_COMMAND = [*_COMPILER, *compile_flags(), f"-I{_INCLUDE}"]
# The compiler runs with the environment the process started with: the program may
# have changed os.environ or PATH since (regrtest's tests do), or replaced os.environ.
_COMPILER_ENVIRONMENT = {os.fsdecode(name): os.fsdecode(value)
                         for name, value in posix.environ.items()}


# Every source the translator makes starts with the same C runtime (17 KB, most of a
# source): the hash's state after it is computed once per process and copied for each
# key, so that a key costs a hash of the generated part only. The hash reads its input
# as a stream: the key is the one a hash of the whole source gives.
_shared_prefix = ""
_shared_prefix_digest = _digest()


def share_prefix(prefix: str) -> None:
    """Sources starting with `prefix` hash it once per process, not once per key."""
    global _shared_prefix, _shared_prefix_digest
    _shared_prefix, _shared_prefix_digest = prefix, _digest(prefix.encode())


def _key(source: str, command: list[str]) -> str:
    if _shared_prefix and source.startswith(_shared_prefix):
        digest = _shared_prefix_digest.copy()
        digest.update(source[len(_shared_prefix):].encode())
    else:
        digest = _digest(source.encode())
    digest.update(b"\0")
    for part in ("\0".join(command), sys.version, _INCLUDE):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _hash_fd(fd: int) -> str:
    digest = _digest()
    _lseek(fd, 0, os.SEEK_SET)
    while chunk := _read(fd, 1 << 16):
        digest.update(chunk)
    return digest.hexdigest()


# The entries this process has checked, each with what fstat said of the file then
# (device, inode, size, modification and change times). An entry is written once,
# under a temporary name renamed into place: a replaced file is another inode, a file
# written over in place has other times. The same file is not hashed again (a loop
# asked for again after its executor was removed, a background build polled).
_checked: dict[str, tuple[int, int, int, int, int]] = {}


def _identity(fd: int) -> tuple[int, int, int, int, int]:
    st = _fstat(fd)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _verified(so_path: str, sum_path: str) -> str | None:
    """so_path if its bytes match the recorded hash, else None."""
    try:
        fd = _open(so_path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        identity = _identity(fd)
        if _checked.get(so_path) == identity:
            return so_path
        with _open_file(sum_path, encoding="ascii") as file:
            expected = file.read().strip()
        if _hash_fd(fd) != expected:
            return None
        _checked[so_path] = identity
        return so_path
    except OSError:
        return None
    finally:
        _close(fd)


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


def _entry(source: str) -> tuple[str, str, str, str] | None:
    """The cache folder, the entry's key and its .so and sidecar paths; None
    (said once) without a usable cache folder."""
    try:
        folder = cache_dir()
    except CacheError as error:
        _warn_once("cache", f"not compiling loops: {error}")
        return None
    key = _key(source, _COMMAND)
    return (folder, key, os.path.join(folder, key + ".so"),
            os.path.join(folder, key + _SUM_SUFFIX))


def compile_and_open(source: str) -> str | None:
    """The verified shared object for `source`, compiled now if the cache does
    not have it; None (the loop is declined) without a usable cache folder,
    without a compiler, or when the compiler fails (a translator bug), each
    said once per process on stderr."""
    entry = _entry(source)
    if entry is None:
        return None
    folder, key, so_path, sum_path = entry
    if _verified(so_path, sum_path):
        return so_path
    build = _private_name(folder, ".build-")
    _mkdir(build, 0o700)
    try:
        with _open_file(os.path.join(build, "loop.c"), "w", encoding="utf-8") as file:
            file.write(source)
        error = _build(folder, key, build, _COMMAND)
    finally:
        _remove_build(build)
    if error is not None:
        _warn_once(*error)
        return None
    return _verified(so_path, sum_path)


# The longest the C compiler may take on one loop.
_COMPILE_TIMEOUT = 120.0


def _closing_inherited(actions: list[tuple]) -> list[tuple]:
    """posix_spawn's file actions `actions`, then the closing of every other
    inheritable descriptor above 2 the program has open: a compiler or helper
    must not hold the program's pipes open. (multiprocessing's resource tracker
    passes its pipe's read end to its process, whose loops then compiled: the
    compiler held the pipe open after the tracker died, so the program found
    the tracker alive; CPython's test_multiprocessing_fork.)"""
    try:
        names = _listdir("/proc/self/fd")
    except OSError:
        return actions
    kept = {action[1] for action in actions if action[0] == os.POSIX_SPAWN_DUP2}
    closing = []
    for name in names:
        fd = int(name)
        if fd > 2 and fd not in kept:
            try:
                if _get_inheritable(fd):
                    closing.append((os.POSIX_SPAWN_CLOSE, fd))
            except OSError:   # the listing's own descriptor, closed by now
                pass
    return actions + closing


def _run_compiler(argv: list[str], log: str) -> int:
    """Runs the compiler (argv[0], an absolute path) with the environment the
    process started with, its output into the file `log`; its exit status.
    Through posix_spawn, not subprocess: a program may have mocked subprocess
    (CPython's test_subprocess and test_webbrowser do) when a loop gets hot.
    Raises OSError if it cannot start, TimeoutError if it hangs (killed)."""
    fd = _open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        pid = _spawn(argv[0], argv, _COMPILER_ENVIRONMENT, file_actions=_closing_inherited([
            (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, fd, 1), (os.POSIX_SPAWN_DUP2, fd, 2)]))
    finally:
        _close(fd)
    deadline = _monotonic() + _COMPILE_TIMEOUT
    while True:
        done, status = _waitpid(pid, os.WNOHANG)
        if done:
            return _exit_code(status)
        if _monotonic() > deadline:
            _kill(pid, 9)
            _waitpid(pid, 0)
            raise TimeoutError(f"no result after {_COMPILE_TIMEOUT:.0f} s")
        _sleep(0.002)


def _build(folder: str, key: str, build: str, command: list[str]) -> tuple[str, str] | None:
    """Compiles build/loop.c with `command` into the entry `key` of `folder`
    (written under temporary names, renamed into place). None on success,
    else what went wrong, as _warn_once's kind and message."""
    c_file, out = os.path.join(build, "loop.c"), os.path.join(build, "loop.so")
    log = os.path.join(build, "compiler.log")
    try:
        status = _run_compiler([*command, "-o", out, c_file], log)
    except OSError as error:
        # No compiler, or a hung one: the loop runs in the interpreter.
        return ("compiler", f"cannot run {command[0]}: {type(error).__name__}: {error} "
                "(loops that need it run in the interpreter)")
    if status != 0:
        # Bytes, decoded here: no default encoding for -X warn_default_encoding
        # to warn about, and no io wrapper a program may have replaced.
        with _open_file(log, "rb") as file:
            text = file.read().decode("utf-8", "replace")
        tail = "\n".join(text.splitlines()[-5:])
        # Most likely a translator bug, but the compiler's environment can
        # fail it too (a full disk, a build folder a program removed).
        return ("failed", f"{command[0]} failed on a generated loop (the loop runs in "
                "the interpreter; unless its output below names a cause outside "
                f"jit, please report it as a plugopt.jit bug):\n{tail}")
    with _open_file(out, "rb") as file:
        data = file.read()
    _write_atomic(folder, key + ".so", data)
    _write_atomic(folder, key + _SUM_SUFFIX, _digest(data).hexdigest().encode())
    return None


def _remove_build(build: str) -> None:
    """Removes a build folder and what is in it, as far as it can: a folder
    left behind costs a little disk, never a loop."""
    try:
        names = _listdir(build)
    except OSError:
        return
    for name in names:
        try:
            _unlink(os.path.join(build, name))
        except OSError:
            pass
    try:
        _rmdir(build)
    except OSError:
        pass


# -- builds in the background -------------------------------------------------
# A loop that becomes hot while its compiled code is not in the cache need not
# wait for the C compiler (50-300 ms a loop, more than many loops run in all):
# the compile runs in a process of its own while the loop goes on in the
# interpreter, and the executor polls its Build until the code is there. The
# process is detached (a shell starts it in the background and exits at once),
# so the program never has a child it did not make: regrtest's reap_children,
# a program's own os.wait(), find none. It compiles as compile_and_open does
# (this module run with -I), and writes the entry into the cache, so a program
# that exits first still leaves it for the next run. One build runs at a time
# per process, the rest wait their turn: the other core stays the program's.

_EXECUTABLE = sys.executable   # the program may set its own later (tests do)


# Whether jit compiles a loop's code in the background (start_build) or makes the
# loop wait for it (compile_and_open): PLUGOPT_JIT_BACKGROUND=0 waits, so that a
# program's first run behaves as its later ones do (tests rely on it).
BACKGROUND = _ENVIRON["PLUGOPT_JIT_BACKGROUND"] != "0"

# The longest a build may take before its loop gives up on it (the compiler's
# own timeout, and the helper's start-up).
_BUILD_TIMEOUT = 130.0
_builds: dict[str, "Build"] = {}   # key -> Build, while it is not done
_waiting: collections.deque = collections.deque()
_running: list["Build"] = []   # at most one
_exit_hook_registered = False
_atexit_register = atexit.register


class Build:
    """The compile of one source into the cache, in the background."""

    def __init__(self, folder: str, key: str, so_path: str, sum_path: str,
                 source: str) -> None:
        self.folder, self.key, self.so_path, self.sum_path = folder, key, so_path, sum_path
        self.source = source
        self.dir: str | None = None     # its build folder, once prepared
        self.started = 0.0
        self.failed = False

    def poll(self) -> str | None:
        """The verified shared object once built; None while it is being built
        or waits its turn, and for good once it failed (`failed` says which)."""
        path = None if self.failed else self._state()
        _start_next()
        return path

    def _state(self) -> str | None:
        """The path if built; None if not yet, setting `failed` if it never will."""
        path = _verified(self.so_path, self.sum_path)
        if path is not None or self.dir is None:
            if path is not None:
                self._done()
            return path
        try:
            with _open_file(os.path.join(self.dir, "error"), encoding="utf-8") as file:
                kind, _, message = file.read().partition("\n")
        except FileNotFoundError:
            if _is_dir(self.dir) and _monotonic() - self.started < _BUILD_TIMEOUT:
                return None
            # The build folder went away, or the build took too long: built
            # after all (the folder goes once the entry is in place), or lost.
            path = _verified(self.so_path, self.sum_path)
            kind, message = "lost", ("a background compile of a loop did not finish "
                                     "(the loop runs in the interpreter)")
        if path is None:
            _warn_once(kind, message)
            self.failed = True
        self._done()
        return path

    def _done(self) -> None:
        if self.dir is not None:
            _remove_build(self.dir)
        _builds.pop(self.key, None)
        if self in _running:
            _running.remove(self)
        self.source = ""

    def _prepare(self) -> None:
        """Writes the source into a build folder of its own."""
        self.dir = _private_name(self.folder, ".build-")
        self.started = _monotonic()
        _mkdir(self.dir, 0o700)
        with _open_file(os.path.join(self.dir, "loop.c"), "w", encoding="utf-8") as file:
            file.write(self.source)

    def _start(self) -> None:
        """Starts the helper on this build."""
        self._prepare()
        _start_helper([self])
        _running.append(self)


def _start_helper(builds: list[Build]) -> None:
    """Starts one helper, detached, on `builds` (prepared), one after another."""
    pairs = [part for build in builds for part in (build.key, build.dir)]
    helper = [_EXECUTABLE, "-I", "-m", __name__, builds[0].folder, str(len(builds)),
              *pairs, *_COMMAND]
    # sh starts the helper in the background and exits: waited for here, it
    # leaves the helper a child of init, not of this program.
    shell = ["/bin/sh", "-c", 'exec "$@" </dev/null >/dev/null 2>&1 &', "sh", *helper]
    pid = _spawn(shell[0], shell, _COMPILER_ENVIRONMENT, file_actions=_closing_inherited([]))
    _waitpid(pid, 0)


# At exit, the builds still waiting their turn go to one last helper, which
# compiles them one after another after the program is gone: the next run
# (pyperformance's next worker process, a command-line tool's next call)
# finds them in the cache. At most this many: a program that made hundreds of
# loops hot does not leave minutes of compiling behind.
_HANDED_OVER_AT_EXIT = 32


def _hand_over_at_exit() -> None:
    builds = []
    while _waiting and len(builds) < _HANDED_OVER_AT_EXIT:
        build = _waiting.popleft()
        if build.failed or build.dir is not None or _verified(build.so_path, build.sum_path):
            continue
        try:
            build._prepare()
        except OSError:
            break
        builds.append(build)
    if builds:
        try:
            _start_helper(builds)
        except OSError:
            for build in builds:
                _remove_build(build.dir)


def _start_next() -> None:
    """Starts the next waiting build once none runs."""
    if _running:
        _running[0]._state()   # leaves _running once done
        if _running:
            return
    while _waiting and not _running:
        build = _waiting.popleft()
        if build.failed or _verified(build.so_path, build.sum_path):
            continue
        try:
            build._start()
        except OSError as error:
            _warn_once("compiler", f"cannot start a background compile: {error} "
                       "(loops that need it run in the interpreter)")
            build.failed = True
            build._done()


def start_build(source: str) -> str | Build | None:
    """The verified shared object for `source` if the cache has it; else its
    Build (started, or waiting its turn), which the caller polls; None (the
    loop is declined) without a usable cache folder, or without a way to start
    a process (sys.executable unknown)."""
    global _exit_hook_registered
    entry = _entry(source)
    if entry is None:
        return None
    folder, key, so_path, sum_path = entry
    if _verified(so_path, sum_path):
        return so_path
    if not _EXECUTABLE or not posix.access("/bin/sh", os.X_OK):
        return None
    build = _builds.get(key)
    if build is None:
        build = _builds[key] = Build(folder, key, so_path, sum_path, source)
        if not _exit_hook_registered:
            _atexit_register(_hand_over_at_exit)
            _exit_hook_registered = True
        _waiting.append(build)
        _start_next()
    return build


def _helper_main(argv: list[str]) -> int:
    """`python -I -m plugopt._jit_cache FOLDER N KEY1 BUILD1 ... KEYN BUILDN
    COMMAND...`: the background compiles of each BUILD/loop.c into the entry
    KEY of FOLDER, one after another. A build that fails leaves BUILD/error
    (the kind, a newline, the message) for the program to report; one that
    succeeds removes BUILD."""
    folder, count = argv[0], int(argv[1])
    pairs, command = argv[2:2 + 2 * count], argv[2 + 2 * count:]
    failed = 0
    for key, build in zip(pairs[::2], pairs[1::2]):
        try:
            error = _build(folder, key, build, command)
            if error is None:
                _remove_build(build)
            else:
                _write_atomic(build, "error", "\n".join(error).encode())
                failed = 1
        except OSError:   # the program removed the folder (built elsewhere): the next
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(_helper_main(sys.argv[1:]))
