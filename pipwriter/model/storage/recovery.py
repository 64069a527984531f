"""Recovery copies: the unsaved text of every open article, kept in the user's data folder.

While an article has unsaved changes the app writes ``recovery_dir()/<session id>.pipw`` (a
whole project file, written atomically) and ``<session id>.json`` beside it::

    {"format": 1, "session": "...", "original": "/path/to/file.pipw" or null, "title": "...",
     "article_id": "...", "saved_at": "2025-03-04T14:05:02+00:00", "pid": 1234, "host": "..."}

Between two copies the last seconds of typing go to ``<session id>.journal`` (see
``model/storage/journal.py``); the side file's ``journal_seq`` says which journal lines the copy already
holds. What is recovered is the copy with the later journal lines applied, or the journal alone
when the app died before its first copy (its ``full`` line then says what the side file would).

The user's own file is never touched. When the article is saved or closed the copy and the
journal are removed. After a crash or power cut they are *orphaned* (their process is gone) and,
if what they hold differs from the article in the file on disk (compared by content, never by
the files' times, which a network share, a sync client or a clock change can put out of step),
:func:`find_recoveries` offers them at the next start.

The side file is written before the copy, so a copy on disk always has its description; a
description with neither copy nor journal (cut short on the very first write) is ignored and
cleared.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from ...paths import recovery_dir
from ..article.article import Article
from ..article.field_text import with_typed_fields
from ..article.ids import random_uuid_hex
from ..errors import DataError, PipError
from .history_store import local_time, read_meta, remove_old_temp_files, remove_quietly, write_meta
from .journal import (
    JOURNAL_SUFFIX,
    journal_path,
    read_journal,
    replay,
    typed_declarations,
    typed_fields,
)
from .locks import own_mark, owner_alive, recorded_start
from .media_store import MediaStore
from .project import Project
from .project_file import MEDIA_DIR, load_project, write_project_json
from .safe_save import DiskState

log = logging.getLogger(__name__)

RECOVERY_FORMAT = 1
SESSION_RE = re.compile(r"[0-9a-f]{32}")


def new_session_id() -> str:
    return random_uuid_hex()


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy as its side file describes it: the copy, the article's own file, when it
    was kept, the process that wrote it and how much of the journal the copy already holds."""

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
    journal_seq: int = 0       # the last journal line the copy already holds
    has_copy: bool = True      # False: only the journal was written before the crash
    process_key: str | None = None          # what no clock setting changes (Linux)
    # what the article's file held when the window last read or saved it (safe_save's content
    # digest; "" when not known): restored work measures the file against it on saving
    original_content: str = ""

    @property
    def journal_path(self) -> Path:
        return journal_path(self.copy_path)

    def owner_alive(self) -> bool:
        return owner_alive(self.pid, self.host, self.process_started, self.process_key)

    def original_exists(self) -> bool:
        return self.original is not None and self.original.is_file()

    def differs_from_original(self) -> bool:
        """True when the copy (with its journal) holds work the file does not have: the two
        articles differ, or there is no file, or it cannot be read. Timestamps play no part."""
        if self.original is None or not self.original_exists():
            return True
        try:
            kept = recovered_article(self)
            saved = load_project(self.original).article
        except (PipError, OSError):
            return True
        return article_fingerprint(kept) != article_fingerprint(saved)

    newer_than_original = differs_from_original     # the name it had when times were compared

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
                   original: Path | None, folder: Path | None = None,
                   journal_seq: int = 0, original_content: str = "") -> RecoveryEntry:
    """Write (or replace) the recovery copy of one open article (in ``folder``, by default
    :func:`~pipwriter.paths.recovery_dir`); ``journal_seq`` is the last journal line the copy
    holds. Raises ProjectFileError."""
    if not SESSION_RE.fullmatch(session_id):
        raise ValueError("not a session id")
    copy, meta_path = recovery_paths(session_id, folder)
    now = _dt.datetime.now(_dt.timezone.utc)
    mark = own_mark()
    entry = RecoveryEntry(session_id, copy, meta_path, Path(original) if original else None,
                          title, now, mark["pid"], mark["host"], article_id,
                          mark["process_started"], journal_seq,
                          process_key=mark["process_key"], original_content=original_content)
    _write_meta(entry)
    write_project_json(copy, article_json, media, media_names, template_id, article_id)
    return entry


def meta_for(session_id: str, original: Path | None, title: str, article_id: str,
             saved_at: _dt.datetime | None = None, original_content: str = "") -> dict:
    """What a side file says about an open article (also kept in the journal's ``full`` lines,
    so a journal written before the first copy can be offered on its own)."""
    when = saved_at or _dt.datetime.now(_dt.timezone.utc)
    return {"format": RECOVERY_FORMAT, "session": session_id,
            "original": str(original) if original else None, "title": title,
            "article_id": article_id, "saved_at": when.isoformat(),
            "original_content": original_content, **own_mark()}


def _write_meta(entry: RecoveryEntry) -> None:
    write_meta(entry.meta_path, {
        "format": RECOVERY_FORMAT, "session": entry.session_id,
        "original": str(entry.original) if entry.original else None, "title": entry.title,
        "article_id": entry.article_id, "saved_at": entry.saved_at.isoformat(),
        "pid": entry.pid, "host": entry.host, "process_started": entry.process_started,
        "process_key": entry.process_key, "journal_seq": entry.journal_seq,
        "original_content": entry.original_content})


def _entry_from(data: dict, session_id: str, copy: Path, meta_path: Path,
                has_copy: bool) -> RecoveryEntry | None:
    try:
        saved_at = _dt.datetime.fromisoformat(str(data["saved_at"]))
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=_dt.timezone.utc)
        pid = data["pid"]
        if not isinstance(pid, int) or isinstance(pid, bool):
            return None
        original = data.get("original")
        started, key = recorded_start(data)
        seq = data.get("journal_seq", 0)
        return RecoveryEntry(session_id, copy, meta_path,
                             Path(original) if isinstance(original, str) and original else None,
                             str(data.get("title") or ""), saved_at, pid,
                             str(data.get("host") or ""), str(data.get("article_id") or ""),
                             started,
                             seq if isinstance(seq, int) and not isinstance(seq, bool) else 0,
                             has_copy, key, str(data.get("original_content") or ""))
    except (KeyError, TypeError, ValueError):
        return None


def _with_journal(entry: RecoveryEntry) -> RecoveryEntry | None:
    """The entry dated by the newest text its journal adds (None: nothing to recover)."""
    entries = read_journal(entry.journal_path)
    later = [e for e in entries if e["seq"] > entry.journal_seq]
    if not entry.has_copy and not any(e["kind"] == "full" for e in later):
        return None
    stamps = [float(e["at"]) for e in later if isinstance(e.get("at"), (int, float))]
    if stamps:
        try:
            newest = _dt.datetime.fromtimestamp(max(stamps), _dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return entry
        if newest > entry.saved_at:
            return _replace(entry, saved_at=newest)
    return entry


def _replace(entry: RecoveryEntry, **changes) -> RecoveryEntry:
    return replace(entry, **changes)


def read_entry(meta_path: Path) -> RecoveryEntry | None:
    """The entry a side file describes, or None if it is unreadable or has neither a copy nor
    a journal to recover from."""
    session_id = meta_path.stem
    if not SESSION_RE.fullmatch(session_id):
        return None
    data = read_meta(meta_path)
    copy = meta_path.with_suffix(".pipw")
    if not data:
        return None
    entry = _entry_from(data, session_id, copy, meta_path, copy.is_file())
    return _with_journal(entry) if entry is not None else None


def read_journal_entry(journal: Path) -> RecoveryEntry | None:
    """An article whose app died before its first recovery copy: described by the journal's
    last ``full`` line. None if it has none."""
    session_id = journal.stem
    if not SESSION_RE.fullmatch(session_id):
        return None
    metas = [e["meta"] for e in read_journal(journal)
             if e["kind"] == "full" and isinstance(e.get("meta"), dict)]
    if not metas:
        return None
    copy, meta_path = journal.with_suffix(".pipw"), journal.with_suffix(".json")
    entry = _entry_from(metas[-1], session_id, copy, meta_path, False)
    return _with_journal(entry) if entry is not None else None


def all_entries() -> list[RecoveryEntry]:
    folder = recovery_dir()
    entries = [read_entry(p) for p in folder.glob("*.json")]
    entries += [read_journal_entry(p) for p in folder.glob(f"*{JOURNAL_SUFFIX}")
                if not p.with_suffix(".json").exists()]
    return sorted((e for e in entries if e is not None), key=lambda e: e.saved_at, reverse=True)


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


# --- what a copy holds ---------------------------------------------------------------------------
def recovered_article_json(entry: RecoveryEntry) -> dict:
    """The article as it was last kept: the copy with its journal applied (or the journal on its
    own). Raises ProjectFileError (or DataError) when there is nothing readable."""
    base, media_project = None, None
    if entry.has_copy:
        media_project = load_project(entry.copy_path)
        base = media_project.article.to_json()
    lines = read_journal(entry.journal_path)
    held = entry.journal_seq if entry.has_copy else 0
    article, _seq, _at = replay(base, held, lines)
    if article is None:
        if base is None:
            raise DataError("the recovery journal holds nothing that can be read")
        article = base
    fields, declarations = typed_fields(lines, held), typed_declarations(lines, held)
    if fields or declarations:
        article = with_typed_fields(Article.from_json(article), fields, declarations).to_json()
    return article


def recovered_article(entry: RecoveryEntry) -> Article:
    return Article.from_json(recovered_article_json(entry))


def article_fingerprint(article: Article) -> str:
    """A digest of everything in the article (its JSON with keys in order): equal articles have
    equal fingerprints, whatever the file they came from or when it was written."""
    text = json.dumps(article.to_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_recoveries() -> list[RecoveryEntry]:
    """Orphaned recovery copies (their app is no longer running) holding anything their file
    does not: compared by content, whatever the files' times say.

    Newest first. Tidies up on the way: side files with neither copy nor journal, left-over
    temporary files and orphans the same as their file are removed. An orphan the same as its
    file holds nothing the file does not; kept, it would be offered once the file is saved
    with newer work, as "unsaved work" that takes the newer work away.
    """
    folder = recovery_dir()
    remove_old_temp_files(folder)
    for meta_path in folder.glob("*.json"):
        if SESSION_RE.fullmatch(meta_path.stem) and not meta_path.with_suffix(".pipw").exists() \
                and not journal_path(meta_path).exists():
            remove_quietly(meta_path)
    found = []
    for entry in all_entries():
        if entry.owner_alive():
            continue
        if entry.differs_from_original():
            found.append(entry)
        else:
            log.info("removed recovery copy %s: the same as its file", entry.session_id)
            discard_recovery(entry)
    return found


def discard_recovery(entry: RecoveryEntry | str, folder: Path | None = None) -> None:
    """Remove a recovery copy (by entry or session id). The copy goes first, then its note."""
    if isinstance(entry, RecoveryEntry):
        remove_quietly(entry.copy_path, entry.journal_path, entry.meta_path)
    elif SESSION_RE.fullmatch(entry):
        copy, meta = recovery_paths(entry, folder)
        remove_quietly(copy, journal_path(copy), meta)


def claim(entry: RecoveryEntry) -> RecoveryEntry:
    """Make this process the owner of an orphaned copy (its article is open again here)."""
    mark = own_mark()
    claimed = _replace(entry, pid=mark["pid"], host=mark["host"],
                       process_started=mark["process_started"], process_key=mark["process_key"])
    if claimed.has_copy or claimed.meta_path.exists():
        _write_meta(claimed)
    return claimed


def load_recovery(entry: RecoveryEntry) -> Project:
    """Open a recovery copy, with its journal applied, as a project belonging to its original
    file (ProjectFileError or DataError if nothing can be read). Attached files are read from
    the copy when needed, or from the original file for those the copy lacks."""
    if entry.has_copy:
        project = load_project(entry.copy_path)
        lines = read_journal(entry.journal_path)
        article, _seq, _at = replay(project.article.to_json(), entry.journal_seq, lines)
        if article is not None:
            project.article = Article.from_json(article)
        project.article = with_typed_fields(project.article,
                                            typed_fields(lines, entry.journal_seq),
                                            typed_declarations(lines, entry.journal_seq))
    else:
        project = Project(recovered_article(entry))
    project.path = entry.original
    # the file as the window knew it: saving asks, and helps put the two together, if the file
    # was saved again since (from another window, say); found by a walk: restoring and saving
    # threw away words saved later without a question
    project.disk = DiskState(entry.original, 0, 0, entry.original_content) \
        if entry.original is not None and entry.original_content else None
    project.warnings = [w for w in project.warnings if "is missing from the project" not in w]
    missing = project.missing_media()
    if missing and entry.original is not None and entry.original_exists():
        found = set(_media_from(entry.original, missing, project))
        missing = [n for n in missing if n not in found]
    for name in missing:
        project.warnings.append(f"An attached file ({name}) is missing from the project. "
                                "Attach the picture or clip again.")
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
