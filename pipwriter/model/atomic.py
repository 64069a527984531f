"""Atomic file replacement: the old file stays whole until the new one is complete on disk."""

from __future__ import annotations

import contextlib
import os
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


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``target``; on success flush, fsync and replace.

    On any error the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
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
