"""Backups: the previous version of a project file, kept every time it is saved over.

``backups_dir()/<project key>/<UTC time>.pipw`` with a small ``.json`` beside it (where the
file was, its title). Old backups thin out by age: every backup of the last hour is kept, then
the newest of each hour for a day, of each day for 30 days and of each week after that, at
most :data:`MAX_BACKUPS` and :data:`MAX_BYTES` per article (the oldest go first; the newest is
never removed).
"""

from __future__ import annotations

import datetime as _dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from ...paths import backups_dir
from .atomic import atomic_writer
from .history_store import (
    free_stamp,
    human_size,
    key_of_file,
    local_time,
    parse_stamp,
    read_meta,
    remove_old_temp_files,
    remove_quietly,
    utc_now,
    write_meta,
)
from .media_store import MediaStore
from .project import Project
from .project_file import load_project, write_project_json

MAX_BACKUPS = 200
MAX_BYTES = 1024 * 1024 * 1024           # per article
HOUR, DAY = _dt.timedelta(hours=1), _dt.timedelta(days=1)
DAILY_FOR = _dt.timedelta(days=30)


@dataclass(frozen=True)
class Backup:
    """One backup of a project file: where it is kept, when it was taken, its size, and what its
    side file says (the file it copied, the article's title, a note)."""

    path: Path
    taken_at: _dt.datetime       # UTC
    size: int
    source: str = ""             # the file it was a copy of ("" if not recorded)
    title: str = ""
    note: str = ""               # e.g. "before restoring the version of 14:05"

    @property
    def meta_path(self) -> Path:
        return self.path.with_suffix(".json")

    def label(self) -> str:
        name = Path(self.source).name if self.source else ""
        parts = [local_time(self.taken_at), human_size(self.size)]
        if name:
            parts.append(f"from {name}")
        if self.note:
            parts.append(self.note)
        return " · ".join(parts)


def backup_folder(key: str) -> Path:
    folder = backups_dir() / key
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def list_backups(key: str) -> list[Backup]:
    """The backups of one article, newest first."""
    folder = backups_dir() / key
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.pipw"):
        taken = parse_stamp(path.stem)
        if taken is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        meta = read_meta(path.with_suffix(".json"))
        found.append(Backup(path, taken, size, str(meta.get("source") or ""),
                            str(meta.get("title") or ""), str(meta.get("note") or "")))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_file(path: Path, key: str, title: str = "", min_interval: float = 0.0,
                now: _dt.datetime | None = None) -> Backup | None:
    """Copy the project file at ``path`` into the article's backups (before it is replaced).

    Nothing is copied when the newest backup is already this very file (same place, size and
    modification time), or is younger than ``min_interval`` seconds (used by autosave).
    Raises OSError if the copy cannot be made.
    """
    path = Path(path)
    if not path.is_file():
        return None
    stat = path.stat()
    now = now or utc_now()
    existing = list_backups(key)
    if existing:
        newest = existing[0]
        meta = read_meta(newest.meta_path)
        if meta.get("source") == str(path) and meta.get("source_mtime_ns") == stat.st_mtime_ns \
                and newest.size == stat.st_size:
            return None
        if min_interval and (now - newest.taken_at).total_seconds() < min_interval:
            return None
    folder = backup_folder(key)
    name = free_stamp(folder, now)
    target = folder / f"{name}.pipw"
    with path.open("rb") as source, atomic_writer(target) as out:
        shutil.copyfileobj(source, out, 1 << 20)
    write_meta(target.with_suffix(".json"), {"source": str(path), "title": title,
                                             "source_mtime_ns": stat.st_mtime_ns})
    thin_backups(key, now)
    return Backup(target, parse_stamp(name) or now, stat.st_size, str(path), title)


def backup_snapshot(key: str, article_json: str, media: MediaStore, media_names: list[str],
                    template_id: str, article_id: str, title: str = "", note: str = "",
                    source: str = "") -> Backup:
    """Keep the text as it is now (not a file on disk) as a backup, e.g. before a restore."""
    now = utc_now()
    folder = backup_folder(key)
    name = free_stamp(folder, now)
    target = write_project_json(folder / f"{name}.pipw", article_json, media, media_names,
                                template_id, article_id)
    write_meta(target.with_suffix(".json"), {"source": source, "title": title, "note": note})
    thin_backups(key, now)
    return Backup(target, parse_stamp(name) or now, target.stat().st_size, source, title, note)


def _same_place(a: str | Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == b
    except (OSError, ValueError):
        return False


def kept_from(source: str | Path, path: Path | str) -> bool:
    """True when a copy whose ``source`` is recorded was kept from the file at ``path`` itself
    (not from another file of the same article: a co-author's copy, a copy saved elsewhere)."""
    try:
        place = Path(path).resolve()
    except (OSError, ValueError):
        place = Path(path)
    return bool(source) and _same_place(source, place)


def keys_of_file(path: Path | str) -> list[str]:
    """The project keys whose history belongs to the file at ``path``: the article id in its
    manifest, when that can be read, and every article with a backup or version taken from a
    file at that place (so a file too damaged to read, or gone, still finds its history)."""
    path = Path(path)
    keys = []
    manifest_key = key_of_file(path, "")
    if manifest_key:
        keys.append(manifest_key)
    try:
        place = path.resolve()
    except (OSError, ValueError):
        place = path
    from .versions import versions_root
    for root in (backups_dir(), versions_root()):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.name in keys or not folder.is_dir():
                continue
            if any(_same_place(source, place) for meta in folder.glob("*.json")
                   if (source := read_meta(meta).get("source"))):
                keys.append(folder.name)
    return keys


def backups_of_file(path: Path | str) -> list[Backup]:
    """Every backup of the article in the file at ``path`` (see :func:`keys_of_file`), newest
    first."""
    found = [b for key in keys_of_file(path) for b in list_backups(key)]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def open_backup(backup: Backup) -> Project:
    """Load a backup (raises ProjectFileError if it cannot be read). Its path is left unset."""
    project = load_project(backup.path)
    project.path = None
    return project


def delete_backup(backup: Backup) -> None:
    remove_quietly(backup.path, backup.meta_path)


# --- thinning ---------------------------------------------------------------------------------
def _bucket(taken: _dt.datetime, now: _dt.datetime) -> tuple | None:
    """Backups in the same bucket are thinned to one; None means 'always keep'."""
    age = now - taken
    if age < HOUR:
        return None
    if age < DAY:
        return ("hour", taken.replace(minute=0, second=0, microsecond=0))
    if age < DAILY_FOR:
        return ("day", taken.date())
    year, week, _ = taken.isocalendar()
    return ("week", year, week)


def choose_kept(backups: list[tuple[_dt.datetime, int]], now: _dt.datetime,
                max_count: int = MAX_BACKUPS, max_bytes: int = MAX_BYTES) -> set[_dt.datetime]:
    """Which backups (time, size) to keep under the age policy and the count and size limits."""
    kept: list[tuple[_dt.datetime, int]] = []
    seen: set[tuple] = set()
    for taken, size in sorted(backups, key=lambda b: b[0], reverse=True):
        bucket = _bucket(taken, now)
        if bucket is None or bucket not in seen:
            kept.append((taken, size))
            if bucket is not None:
                seen.add(bucket)
    total = sum(size for _t, size in kept)
    while len(kept) > 1 and (len(kept) > max_count or total > max_bytes):
        total -= kept.pop()[1]          # the oldest goes first; the newest always stays
    return {taken for taken, _size in kept}


def thin_backups(key: str, now: _dt.datetime | None = None, max_count: int = MAX_BACKUPS,
                 max_bytes: int = MAX_BYTES) -> list[Backup]:
    """Remove the backups the policy no longer keeps; returns those removed."""
    now = now or utc_now()
    backups = list_backups(key)
    kept = choose_kept([(b.taken_at, b.size) for b in backups], now, max_count, max_bytes)
    removed = [b for b in backups if b.taken_at not in kept]
    for backup in removed:
        delete_backup(backup)
    folder = backups_dir() / key
    if folder.is_dir():
        remove_old_temp_files(folder)
    return removed
