"""What the recovery copies kept for one article hold, in words, for ``pipwriter recover``.

Each copy (with its journal applied, see ``model/storage/recovery.py``) is described by when it was last
kept, how many words it has, and how it differs from the article's file as it is on disk: section
by section, the words it adds and the words it lacks. Nothing here opens a window or writes
anything; :func:`write_recovered` writes one copy out as an ordinary project file.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..article.article import Article
from ..errors import PipError, ProjectFileError
from ..language.counts import total_words
from .history_store import local_time
from .project_file import load_project, save_project
from .recovery import RecoveryEntry, all_entries, article_fingerprint, load_recovery


@dataclass
class SectionChange:
    title: str
    added: int          # words in the copy that the file lacks
    removed: int        # words in the file that the copy lacks
    note: str = ""      # "new section", "not in the copy"


@dataclass
class CopySummary:
    number: int                 # 1 is the newest
    entry: RecoveryEntry
    words: int | None           # None when the copy cannot be read
    problem: str = ""           # why it cannot be read
    same_as_file: bool = False
    title_changed: bool = False
    changes: list[SectionChange] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The copy described for people, a few lines."""
        entry = self.entry
        state = "still open in PiP Writer" if entry.owner_alive() else "left by a crash"
        if not entry.has_copy:
            source = "journal only"
        else:
            source = "copy and journal" if entry.journal_path.exists() else "copy"
        head = (f"{self.number}. kept at {local_time(entry.saved_at)} ({state}; {source})")
        if self.words is None:
            return [head, f"   cannot be read: {self.problem}"]
        lines = [head, f"   “{entry.title or 'Untitled'}”, {self.words:,} words"]
        if self.same_as_file:
            lines.append("   the same as the file on disk")
        if self.title_changed:
            lines.append("   the title differs from the file's")
        for change in self.changes:
            what = change.note or f"+{change.added} / -{change.removed} words"
            lines.append(f"   {change.title}: {what}")
        return lines


def copies_for(path: Path) -> list[RecoveryEntry]:
    """The recovery copies kept for the article in ``path``, newest first: those made from
    that file, and those of the same article (by its id) made from a file since moved."""
    target = _resolved(path)
    article_id = ""
    try:
        article_id = load_project(path).article.id
    except (PipError, OSError):
        pass
    found = []
    for entry in all_entries():
        same_file = entry.original is not None and _resolved(entry.original) == target
        moved = bool(article_id) and entry.article_id == article_id and (
            entry.original is None or not entry.original.exists())
        if same_file or moved:
            found.append(entry)
    return found


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _words(section) -> list[str]:
    return section.body.plain_text().split() if section is not None else []


def section_changes(saved: Article, kept: Article) -> list[SectionChange]:
    """Section by section, the words ``kept`` adds to ``saved`` and the words it lacks."""
    changes = []
    saved_ids = {s.id for s in saved.sections}
    for section in kept.sections:
        old = saved.section(section.id)
        if old is None:
            changes.append(SectionChange(section.title, len(_words(section)), 0,
                                         f"new section, {len(_words(section))} words"))
            continue
        added = removed = 0
        matcher = difflib.SequenceMatcher(None, _words(old), _words(section), autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("replace", "delete"):
                removed += i2 - i1
            if tag in ("replace", "insert"):
                added += j2 - j1
        if added or removed:
            changes.append(SectionChange(section.title, added, removed))
    kept_ids = {s.id for s in kept.sections}
    for section in saved.sections:
        if section.id in saved_ids - kept_ids:
            changes.append(SectionChange(section.title, 0, len(_words(section)),
                                         "not in the copy (removed)"))
    return changes


def summarise(path: Path, entries: list[RecoveryEntry]) -> list[CopySummary]:
    """Each copy described against the file at ``path`` as it is on disk."""
    try:
        saved: Article | None = load_project(path).article
    except (PipError, OSError):
        saved = None
    summaries = []
    for number, entry in enumerate(entries, 1):
        try:
            kept = load_recovery(entry).article
        except (PipError, OSError) as error:
            summaries.append(CopySummary(number, entry, None, str(error)))
            continue
        summary = CopySummary(number, entry, total_words(kept))
        if saved is not None:
            summary.same_as_file = article_fingerprint(saved) == article_fingerprint(kept)
            summary.title_changed = saved.title != kept.title
            summary.changes = section_changes(saved, kept)
        summaries.append(summary)
    return summaries


def write_recovered(entry: RecoveryEntry, out: Path) -> Path:
    """Write one copy (with its journal applied) as an ordinary project file at ``out``, which
    must not exist yet. Raises ProjectFileError."""
    out = Path(out)
    if out.exists():
        raise ProjectFileError(f"'{out}' already exists; choose another name with --out "
                               "(nothing was written).")
    project = load_recovery(entry)
    save_project(project, out)
    return out
