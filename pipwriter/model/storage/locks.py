"""Marking a project file as open, so a second running PiP Writer warns instead of forking it.

A lock is a small JSON file in ``data_dir()/locks/`` named by the SHA-256 of the project file's
resolved path. It holds the process id, the computer's name, the path and when it was taken.
A lock whose owner is gone (same computer, process no longer running: a crash or power cut) is
*stale* and is quietly replaced.

Limits: the locks live in this user's data folder on this computer, so they only see other
PiP Writer windows run by the same user on the same computer. Two people opening one file on a
shared or network drive from different computers are not detected (no cross-machine locking).
A lock from another computer (a roaming profile) is treated as held, never guessed stale.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ...paths import data_dir
from ..errors import PipError
from .atomic import write_bytes_atomic
from .process_identity import is_zombie, own_process_key, own_start_time, same_process

log = logging.getLogger(__name__)


def locks_dir() -> Path:
    path = data_dir() / "locks"
    path.mkdir(parents=True, exist_ok=True)
    return path


def host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it (lock files compare it)."""
    if hasattr(os, "uname"):
        # the same call on Linux and macOS (uname's node name), without importing socket at
        # every start
        return os.uname().nodename or "unknown"
    import socket
    return socket.gethostname() or "unknown"


def resolved(path: Path | str) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))


def lock_file_for(path: Path | str) -> Path:
    digest = hashlib.sha256(str(resolved(path)).encode("utf-8", "surrogatepass")).hexdigest()
    return locks_dir() / f"{digest}.json"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running on this computer (True when unsure)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True     # it exists but belongs to someone else
    except OSError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    if sys.platform != "win32":     # (tells the type checker the rest is Windows only)
        return True
    try:
        import ctypes
        from ctypes import wintypes
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
        kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() != 87      # ERROR_INVALID_PARAMETER: no such process
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259                   # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    except Exception:  # noqa: BLE001 - when in doubt, the owner is alive
        log.info("could not tell whether process %s is running", pid, exc_info=True)
        return True


def own_mark() -> dict:
    """This process as lock files, recovery side files and media folders record their writer:
    its id, the computer, and what tells it from a later process given the same id."""
    return {"pid": os.getpid(), "host": host_name(), "process_started": own_start_time(),
            "process_key": own_process_key()}


def recorded_start(data: dict) -> tuple[float | None, str | None]:
    """The writer's start time and process key from a record :func:`own_mark` wrote (None for
    either where it is missing or not what it should be: older files have no key)."""
    started, key = data.get("process_started"), data.get("process_key")
    return (float(started) if isinstance(started, (int, float))
            and not isinstance(started, bool) else None,
            key if isinstance(key, str) and key else None)


def owner_alive(pid: int, host: str, process_started: float | None = None,
                process_key: str | None = None) -> bool:
    """Whether the process that wrote a lock or a recovery copy may still be running.

    With the writer's start time and key, a process that merely got the same id later (after a
    crash or a restart of the computer) is told apart from it."""
    if host != host_name():
        return True       # cannot look at another computer: assume it is running
    same = same_process(pid, process_started, process_key)
    if same is not None:
        return same
    if is_zombie(pid):
        return False      # ended, not yet reaped
    return pid == os.getpid() or pid_alive(pid)


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says: the project file, the process and computer holding it, when it was
    taken, and a token telling this lock from any other."""

    path: str
    pid: int
    host: str
    started: str          # ISO time, UTC
    token: str = ""
    process_started: float | None = None    # when the holder's process started (epoch s)
    process_key: str | None = None          # what no clock setting changes (Linux)

    def is_ours(self) -> bool:
        return self.pid == os.getpid() and self.host == host_name() and \
            same_process(self.pid, self.process_started, self.process_key) is not False

    def is_stale(self) -> bool:
        return not owner_alive(self.pid, self.host, self.process_started, self.process_key)

    def describe(self) -> str:
        """'on this computer since 14:05' in words for a warning."""
        when = ""
        with contextlib.suppress(ValueError):
            started = _dt.datetime.fromisoformat(self.started).astimezone()
            when = f" since {started:%H:%M on %d %B %Y}".replace(" 0", " ")
        where = "on this computer" if self.host == host_name() else f"on “{self.host}”"
        return f"{where}{when}"


class ProjectLockedError(PipError):
    """Another running PiP Writer has the file open; ``holder`` says which."""

    def __init__(self, path: Path, holder: LockInfo):
        self.holder = holder
        super().__init__(f"“{Path(path).name}” is already open in PiP Writer "
                         f"{holder.describe()}.")


def read_lock(path: Path | str) -> LockInfo | None:
    """The lock on a project file, or None (no lock, or an unreadable one)."""
    return _read(lock_file_for(path))


def _read(lock_file: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockInfo(str(data["path"]), int(data["pid"]), str(data["host"]),
                        str(data.get("started", "")), str(data.get("token", "")),
                        *recorded_start(data))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def holder(path: Path | str) -> LockInfo | None:
    """Another live process holding the file, or None (free, stale or held by us)."""
    info = read_lock(path)
    if info is None or info.is_ours() or info.is_stale():
        return None
    return info


class ProjectLock:
    """A lock this process holds; :meth:`release` removes it if it is still ours."""

    def __init__(self, path: Path, info: LockInfo, lock_file: Path):
        self.path, self.info, self.lock_file = path, info, lock_file

    def held(self) -> bool:
        current = _read(self.lock_file)
        return current is not None and current.token == self.info.token

    def release(self) -> None:
        if self.held():
            with contextlib.suppress(OSError):
                self.lock_file.unlink()


def acquire(path: Path | str, force: bool = False) -> ProjectLock:
    """Lock ``path`` for this process.

    A free, stale or own lock is taken. A lock held by another live process raises
    :class:`ProjectLockedError` unless ``force`` (the user chose to open the file anyway).
    """
    target = resolved(path)
    lock_file = lock_file_for(target)
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    mark = own_mark()
    info = LockInfo(str(target), mark["pid"], mark["host"], now, os.urandom(8).hex(),
                    mark["process_started"], mark["process_key"])
    payload = json.dumps({"path": info.path, "started": info.started, "token": info.token,
                          **mark}, indent=1)
    if not _create_exclusive(lock_file, payload.encode("utf-8")):
        current = _read(lock_file)
        if current is not None and not force and not current.is_ours() \
                and not current.is_stale():
            raise ProjectLockedError(target, current)
        write_bytes_atomic(lock_file, payload.encode("utf-8"))
    return ProjectLock(target, info, lock_file)


def _create_exclusive(lock_file: Path, data: bytes) -> bool:
    """Create the lock file with its content in one step; False if one is already there.

    Written beside it first and hard-linked into place, so no other process can ever read a
    half-written lock. Where hard links are not possible, an exclusive create is used.
    """
    tmp = lock_file.with_name(f".{lock_file.stem}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        tmp.write_bytes(data)
        try:
            os.link(tmp, lock_file)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass
        try:
            fd = os.open(lock_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
