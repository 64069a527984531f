"""Recovery copies: the unsaved text of every open article, kept in the user's data folder.

While an article has unsaved changes the app writes ``recovery_dir()/<session id>.pipw`` (a
whole project file, written atomically) and ``<session id>.json`` beside it::

    {"format": 1, "session": "...", "original": "/path/to/file.pipw" or null, "title": "...",
     "article_id": "...", "saved_at": "2025-03-04T14:05:02+00:00", "pid": 1234, "host": "..."}

The user's own file is never touched. When the article is saved or closed the copy is removed.
After a crash or power cut the copy is *orphaned* (its process is gone) and, if it is newer
than the article's file, :func:`find_recoveries` offers it at the next start.

The side file is written before the copy, so a copy on disk always has its description; a
description without a copy (cut short on the very first write) is ignored and cleared.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..paths import recovery_dir
from .history_store import local_time, read_meta, remove_old_temp_files, remove_quietly, write_meta
from .locks import host_name, owner_alive
from .media_store import MediaStore
from .process_identity import own_start_time
from .project import Project
from .project_file import MEDIA_DIR, load_project, write_project_json

RECOVERY_FORMAT = 1
SESSION_RE = re.compile(r"[0-9a-f]{32}")
STALE_KEEP = _dt.timedelta(days=14)   # orphans older than their file are removed after this


def new_session_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class RecoveryEntry:
    session_id: str
    copy_path: Path
    meta_path: Path
    original: Path | None      # the article's file, None for an article never saved
    title: str
    saved_at: _dt.datetime     # UTC
    pid: int
    host: str
    article_id: str = ""
    process_started: float | None = None    # when the writing process started (epoch s)

    def owner_alive(self) -> bool:
        return owner_alive(self.pid, self.host, self.process_started)

    def original_exists(self) -> bool:
        return self.original is not None and self.original.is_file()

    def newer_than_original(self) -> bool:
        """True when the copy holds work the file may not have (or there is no file)."""
        if self.original is None:
            return True
        try:
            return self.original.stat().st_mtime < self.saved_at.timestamp()
        except OSError:
            return True     # the file has gone: the copy is all there is

    def describe(self) -> str:
        """One line for the user: what it is and when it was kept."""
        title = f"“{self.title}”" if self.title else "An untitled article"
        if self.original is None:
            where = "never saved"
        elif self.original_exists():
            where = f"from {self.original.name}"
        else:
            where = f"from {self.original.name}, which is no longer at {self.original.parent}"
        return f"{title} ({where}), last kept at {local_time(self.saved_at)}"


def recovery_paths(session_id: str, folder: Path | None = None) -> tuple[Path, Path]:
    folder = folder or recovery_dir()
    return folder / f"{session_id}.pipw", folder / f"{session_id}.json"


def write_recovery(session_id: str, article_json: str, media: MediaStore,
                   media_names: list[str], template_id: str, article_id: str, title: str,
                   original: Path | None, folder: Path | None = None) -> RecoveryEntry:
    """Write (or replace) the recovery copy of one open article (in ``folder``, by default
    :func:`~pipwriter.paths.recovery_dir`). Raises ProjectFileError."""
    if not SESSION_RE.fullmatch(session_id):
        raise ValueError("not a session id")
    copy, meta_path = recovery_paths(session_id, folder)
    now = _dt.datetime.now(_dt.timezone.utc)
    entry = RecoveryEntry(session_id, copy, meta_path, Path(original) if original else None,
                          title, now, os.getpid(), host_name(), article_id, own_start_time())
    _write_meta(entry)
    write_project_json(copy, article_json, media, media_names, template_id, article_id)
    return entry


def _write_meta(entry: RecoveryEntry) -> None:
    write_meta(entry.meta_path, {
        "format": RECOVERY_FORMAT, "session": entry.session_id,
        "original": str(entry.original) if entry.original else None, "title": entry.title,
        "article_id": entry.article_id, "saved_at": entry.saved_at.isoformat(),
        "pid": entry.pid, "host": entry.host, "process_started": entry.process_started})


def read_entry(meta_path: Path) -> RecoveryEntry | None:
    """The entry a side file describes, or None if it is unreadable or has no copy."""
    session_id = meta_path.stem
    if not SESSION_RE.fullmatch(session_id):
        return None
    data = read_meta(meta_path)
    copy = meta_path.with_suffix(".pipw")
    if not data or not copy.is_file():
        return None
    try:
        saved_at = _dt.datetime.fromisoformat(str(data["saved_at"]))
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=_dt.timezone.utc)
        pid = data["pid"]
        if not isinstance(pid, int) or isinstance(pid, bool):
            return None
        original = data.get("original")
        started = data.get("process_started")
        return RecoveryEntry(session_id, copy, meta_path,
                             Path(original) if isinstance(original, str) and original else None,
                             str(data.get("title") or ""), saved_at, pid,
                             str(data.get("host") or ""), str(data.get("article_id") or ""),
                             float(started) if isinstance(started, (int, float))
                             and not isinstance(started, bool) else None)
    except (KeyError, TypeError, ValueError):
        return None


def all_entries() -> list[RecoveryEntry]:
    entries = [read_entry(p) for p in recovery_dir().glob("*.json")]
    return sorted((e for e in entries if e is not None), key=lambda e: e.saved_at, reverse=True)


def find_recoveries(now: _dt.datetime | None = None) -> list[RecoveryEntry]:
    """Orphaned recovery copies (their app is no longer running) newer than their file.

    Newest first. Tidies up on the way: side files without a copy, left-over temporary files
    and orphans older than their file for more than :data:`STALE_KEEP` are removed.
    """
    now = now or _dt.datetime.now(_dt.timezone.utc)
    folder = recovery_dir()
    remove_old_temp_files(folder)
    for meta_path in folder.glob("*.json"):
        if SESSION_RE.fullmatch(meta_path.stem) and not meta_path.with_suffix(".pipw").exists():
            remove_quietly(meta_path)
    found = []
    for entry in all_entries():
        if entry.owner_alive():
            continue
        if entry.newer_than_original():
            found.append(entry)
        elif now - entry.saved_at > STALE_KEEP:
            discard_recovery(entry)
    return found


def discard_recovery(entry: RecoveryEntry | str, folder: Path | None = None) -> None:
    """Remove a recovery copy (by entry or session id). The copy goes first, then its note."""
    if isinstance(entry, RecoveryEntry):
        remove_quietly(entry.copy_path, entry.meta_path)
    elif SESSION_RE.fullmatch(entry):
        remove_quietly(*recovery_paths(entry, folder))


def claim(entry: RecoveryEntry) -> RecoveryEntry:
    """Make this process the owner of an orphaned copy (its article is open again here)."""
    claimed = RecoveryEntry(entry.session_id, entry.copy_path, entry.meta_path, entry.original,
                            entry.title, entry.saved_at, os.getpid(), host_name(),
                            entry.article_id, own_start_time())
    _write_meta(claimed)
    return claimed


def load_recovery(entry: RecoveryEntry) -> Project:
    """Open a recovery copy as a project belonging to its original file (ProjectFileError if
    the copy cannot be read). Its attached files are read from the copy when needed."""
    project = load_project(entry.copy_path)
    project.path = entry.original
    missing = project.missing_media()
    if missing and entry.original_exists():
        found = _media_from(entry.original, missing, project)
        project.warnings = [w for w in project.warnings if not any(n in w for n in found)]
    return project


def _media_from(original: Path, names: list[str], project: Project) -> list[str]:
    """Attached files the copy lacks (it was written text-only) taken from the original file."""
    found = []
    try:
        with zipfile.ZipFile(original) as archive:
            for name in names:
                try:
                    info = archive.getinfo(MEDIA_DIR + name)
                except KeyError:
                    continue
                project.media.add_zip_member(name, original, MEDIA_DIR + name, info.file_size)
                found.append(name)
    except (OSError, zipfile.BadZipFile):
        pass
    return found
