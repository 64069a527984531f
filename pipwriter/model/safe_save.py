"""Saving with a backup: the version being replaced is kept before the new one goes in."""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from .backups import backup_file
from .history_store import TEMP_MAX_AGE, key_of_file, project_key
from .project import Project
from .project_file import save_project

log = logging.getLogger(__name__)


def save_with_backup(project: Project, path: Path | str | None = None,
                     keep_media: set[str] | frozenset[str] = frozenset()) -> Path:
    """Back up the file about to be replaced, then save the project atomically (see
    :func:`~pipwriter.model.project_file.save_project`) and return where it was written.

    The backup goes under the project key of the file being replaced (read from its manifest),
    so saving over another article's file keeps that article's history apart. A backup that
    cannot be made (the user's data folder is full) never stops the save itself.
    """
    target = Path(path) if path else project.path
    with file_lock(target or Path()):
        if target is not None and target.name and target.is_file():
            try:
                backup_file(target, key_of_file(target, project_key(project.article)),
                            title=project.article.title)
            except OSError as error:
                log.warning("could not back up %s: %s", target, error)
        written = save_project(project, path, keep_media)
    remove_torn_temp_files(written)
    return written


_FILE_LOCKS: dict[str, threading.Lock] = {}
_FILE_LOCKS_GUARD = threading.Lock()


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Within this process, one writer at a time for a file (a save on the GUI thread and an
    autosave into the same file on a worker thread never interleave)."""
    key = os.path.normcase(os.path.abspath(path))
    with _FILE_LOCKS_GUARD:
        lock = _FILE_LOCKS.setdefault(key, threading.Lock())
    with lock:
        yield


def file_state(path: Path | None) -> tuple[int, int] | None:
    """(modification time, size) of a file, None if there is none: to notice a change."""
    try:
        stat = Path(path).stat() if path is not None else None
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size) if stat else None


def remove_torn_temp_files(target: Path, max_age: float = TEMP_MAX_AGE) -> None:
    """Remove the temporary files a crash or power cut left beside ``target`` while saving it
    (``.name.xxxx.tmp``; visible clutter on Windows). Recent ones may belong to a save still
    under way elsewhere and are left."""
    limit = time.time() - max_age
    for item in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if item.is_file() and item.stat().st_mtime < limit:
                item.unlink()
