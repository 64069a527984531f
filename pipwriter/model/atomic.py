"""Atomic file replacement: the old file stays whole until the new one is complete on disk."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

REPLACE_RETRIES = 10
REPLACE_DELAY = 0.1  # seconds; Windows antivirus/OneDrive/Word may hold a file briefly


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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        keep_permissions(tmp, target)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        replace_with_retry(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)
