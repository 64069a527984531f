"""Atomic file replacement: the old file stays whole until the new one is complete on disk.

The new file is first written beside the old one as ``.NAME.PID-xxxxxxxx.tmp``: hidden (a dot
name on macOS and Linux, the hidden attribute on Windows) and named with the id of the process
writing it, so a copy left by a crash or power cut can be told from a save still under way and
removed (:func:`remove_stale_temp_files`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

REPLACE_RETRIES = 10
REPLACE_DELAY = 0.1  # seconds; Windows antivirus/OneDrive/Word may hold a file briefly
STALE_TEMP_SECONDS = 300.0  # a save under way writes to its temporary file far more often
_FILE_ATTRIBUTE_HIDDEN = 0x2


def replace_with_retry(source: Path, target: Path, retries: int = REPLACE_RETRIES,
                       delay: float = REPLACE_DELAY,
                       replace: Callable[[Path, Path], None] = os.replace) -> None:
    """os.replace, retried briefly on PermissionError (a file held open on Windows)."""
    for attempt in range(retries + 1):
        try:
            replace(source, target)
            return
        except PermissionError:
            if attempt == retries:
                raise
            time.sleep(delay)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def followed(target: Path) -> Path:
    """Where writing ``target`` really goes: a symbolic link is followed to the file it points
    to (so the link stays a link and the file it names is the one updated)."""
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def keep_permissions(tmp: Path, target: Path) -> None:
    """Give the new file the permissions (and, where allowed, the owner and group) of the file
    it replaces. A new file keeps the temporary file's private ones (only its owner may read
    it). Windows keeps a folder's permissions by itself."""
    if os.name == "nt":
        return
    try:
        info = os.stat(target)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(tmp, stat.S_IMODE(info.st_mode) & 0o777)
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        with contextlib.suppress(OSError):
            os.chown(tmp, info.st_uid, info.st_gid)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``target``; on success flush, fsync and replace.

    On any error the temporary file is removed and ``target`` is untouched. The new file keeps
    the old one's permissions, and a symbolic link is written through (see :func:`followed`).
    """
    target = followed(Path(target))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp",
                                    dir=target.parent)
    tmp = Path(tmp_name)
    try:
        set_hidden(tmp, True)
        keep_permissions(tmp, target)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        set_hidden(tmp, False)          # the attribute would move with it to the real name
        replace_with_retry(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)


def set_hidden(path: Path, hidden: bool) -> None:
    """Set or clear Windows's hidden attribute (elsewhere a leading dot hides a file already).
    Best effort: a file system without attributes leaves the file as it is."""
    if sys.platform != "win32":
        return
    import ctypes
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    attributes = kernel32.GetFileAttributesW(str(path))
    if attributes == 0xFFFFFFFF or attributes < 0:      # INVALID_FILE_ATTRIBUTES
        return
    wanted = attributes | _FILE_ATTRIBUTE_HIDDEN if hidden else \
        attributes & ~_FILE_ATTRIBUTE_HIDDEN
    if wanted != attributes:
        kernel32.SetFileAttributesW(str(path), wanted or 0x80)   # 0x80: FILE_ATTRIBUTE_NORMAL


def _temp_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.(?:(\d+)-)?[a-z0-9_]+\.tmp")


def remove_stale_temp_files(target: Path | str, max_age: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the temporary files that saves of ``target`` left beside it when the app crashed
    or the power went (each a full copy of the article), and return them.

    A file is kept while the process named in it is still running (its save may be under way)
    or while it changed in the last ``max_age`` seconds (a save from another computer on a
    shared folder). Files named the older way, without a process id, go by age alone.
    """
    from .locks import pid_alive
    target = Path(target)
    pattern = _temp_pattern(target)
    removed: list[Path] = []
    limit = time.time() - max_age
    try:
        candidates = list(target.parent.iterdir())
    except OSError:
        return removed
    for item in candidates:
        found = pattern.fullmatch(item.name)
        if not found:
            continue
        pid = int(found.group(1)) if found.group(1) else None
        if pid is not None and (pid == os.getpid() or pid_alive(pid)):
            continue
        with contextlib.suppress(OSError):
            if item.is_file() and not item.is_symlink() and item.stat().st_mtime < limit:
                item.unlink()
                removed.append(item)
    return removed
