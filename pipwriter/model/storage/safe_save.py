"""Saving with a backup: the version being replaced is kept before the new one goes in.

A save also looks before it overwrites. A project remembers what its file held when it was
opened or last saved (:class:`DiskState`); if the file now holds something else (another
program, a sync client or another PiP Writer window changed it), :func:`save_with_backup`
refuses with :class:`FileChangedError` until the user has chosen what to do. What counts is the
file's *content* (the names, sizes and checksums of what the zip holds), never its clock: a
file touched or copied with a new time but the same content has not changed, and a file
changed within the same second has. A read-only file is never replaced (on Linux and macOS
renaming over it would otherwise succeed).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import logging
import os
import stat
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ProjectFileError
from .backups import backup_file
from .history_store import TEMP_MAX_AGE, key_of_file, project_key
from .project import Project
from .project_file import ARTICLE, MANIFEST, MAX_JSON_BYTES, read_manifest, save_project

log = logging.getLogger(__name__)
_VOLATILE_MANIFEST_KEYS = ("saved_at", "app_version")   # change on every save, not content


class FileChangedError(ProjectFileError):
    """The file was changed by someone else since this project read or wrote it."""


@dataclass(frozen=True)
class DiskState:
    """What a file held when it was read or written: its place, size, time and content."""

    path: Path
    size: int
    mtime_ns: int
    content: str        # see content_digest


def content_digest(path: Path) -> str:
    """A digest of what a project file holds: every member's name, size and CRC (read from the
    zip's directory, so a large file is not read through) and the manifest without the time
    and app version of the save. Two saves of the same article give the same digest. A file
    that is not a readable zip is hashed whole."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = sorted(archive.infolist(), key=lambda i: i.filename)
        digest = hashlib.sha256(b"pipw-content-1\n")
        for info in infos:
            if info.filename != MANIFEST:
                digest.update(f"{info.filename}\0{info.file_size}\0{info.CRC:08x}\n"
                              .encode("utf-8", "surrogatepass"))
        manifest = read_manifest(path) or {}
        for key in _VOLATILE_MANIFEST_KEYS:
            manifest.pop(key, None)
        digest.update(json.dumps(manifest, sort_keys=True, default=str).encode("utf-8",
                                                                               "surrogatepass"))
        return "zip:" + digest.hexdigest()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError,
            NotImplementedError, OSError):
        pass
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return "raw:" + digest.hexdigest()


def disk_state(path: Path | str | None) -> DiskState | None:
    """What the file at ``path`` holds now, or None when there is no file (or it cannot be
    read)."""
    if path is None:
        return None
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None
        return DiskState(path, info.st_size, info.st_mtime_ns, content_digest(path))
    except OSError:
        return None


def _same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def changed_on_disk(project: Project, path: Path | str | None = None) -> bool:
    """Whether the file at ``path`` (default: the project's own) now holds something other than
    it did when this project last read or wrote it. False when that is not known (a file this
    project never read), and when the file has gone (nothing of anyone's would be replaced)."""
    target = Path(path) if path else project.path
    known = project.disk
    if target is None or known is None or not _same_file(known.path, target):
        return False
    now = disk_state(target)
    if now is None:
        return False
    return now.content != known.content


def accept_disk_state(project: Project, state: DiskState | None = None) -> None:
    """The user has seen what is in the file now (and chose to overwrite it, or merged it)."""
    project.disk = state if state is not None else disk_state(project.path)


def is_read_only(path: Path | str | None) -> bool:
    """Whether the file at ``path`` is marked read-only (or this user may not write to it).

    The mark counts even for an administrator, who could write to it anyway: someone made the
    file read-only on purpose."""
    if path is None:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def read_only_message(path: Path) -> str:
    return (f"“{path.name}” is read-only: it is marked so that it cannot be changed, so "
            "PiP Writer has not saved over it. Your text is safe in the app: use Save As to "
            "save it under another name or in another folder.")


def changed_message(path: Path) -> str:
    return (f"“{path.name}” was changed by another program or another PiP Writer window "
            "since you opened or last saved it, so PiP Writer has not saved over it (that "
            "would lose those changes). Your text is safe in the app.")


def save_with_backup(project: Project, path: Path | str | None = None,
                     keep_media: set[str] | frozenset[str] = frozenset(),
                     overwrite: bool = False) -> Path:
    """Back up the file about to be replaced, then save the project atomically (see
    :func:`~pipwriter.model.storage.project_file.save_project`) and return where it was written.

    The backup goes under the project key of the file being replaced (read from its manifest),
    so saving over another article's file keeps that article's history apart. A backup that
    cannot be made (the user's data folder is full) never stops the save itself.

    Raises ProjectFileError for a read-only file and :class:`FileChangedError` when the
    project's own file was changed by someone else since it was read or written (unless
    ``overwrite``); nothing is written then. Afterwards the project remembers what the file
    holds.
    """
    target = Path(path) if path else project.path
    with file_lock(target or Path()):
        if target is not None and is_read_only(target):
            raise ProjectFileError(read_only_message(target))
        if not overwrite and target is not None and changed_on_disk(project, target):
            raise FileChangedError(changed_message(target))
        if target is not None and target.name and target.is_file():
            try:
                backup_file(target, key_of_file(target, project_key(project.article)),
                            title=project.article.title)
            except OSError as error:
                log.warning("could not back up %s: %s", target, error)
        written = save_project(project, path, keep_media)
        project.disk = disk_state(written)
    project.remember_disk_article()
    remove_torn_temp_files(written)
    return written


def article_json_in(path: Path) -> str | None:
    """The article text (JSON) a project file holds, None if it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(ARTICLE)
            if info.file_size > MAX_JSON_BYTES:
                return None
            return archive.read(info).decode("utf-8")
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, NotImplementedError):
        return None


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
