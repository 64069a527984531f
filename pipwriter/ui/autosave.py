"""Autosave: a recovery copy of the open article, written in the background as the user types.

About once a second while typing goes on (``journal_ms``, a timer that typing never restarts),
the text of each section typed in since the last time is appended to the article's journal
(``model/storage/journal.py``) on a worker thread of its own, flushed and synced: at most a second or two
of typing is ever at risk, whatever the rhythm. Any other change (a heading, a reference, an
undo) puts the whole article in the journal instead.

A few seconds after typing pauses (``debounce_ms``), and at least every ``max_interval_ms`` while
it goes on, the :class:`Autosaver` takes a snapshot on the GUI thread (the article as JSON text
and the list of attached files: fast) and writes it on a worker thread (one at a time, newest
snapshot wins) as a recovery copy in the user's data folder (see ``model/storage/recovery.py``); the
journal lines the copy now holds are then dropped.

The user's own file is never written unless ``save_to_file()`` says so (the "Also save to the
file itself" setting); then the file is written too, from the same snapshot, with a backup of
the version it replaces at most every ten minutes.

The copy and the journal are removed when the article is saved (the session becomes
unmodified) and when the window closes (:meth:`discard`), including "Close without saving".
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ..model.storage.autosave_write import AutosaveResult, Snapshot, write_snapshot
from ..model.storage.journal import JournalWriter, last_seq
from ..model.storage.project_file import media_snapshot
from ..model.storage.recovery import (
    RecoveryEntry,
    claim,
    discard_recovery,
    meta_for,
    new_session_id,
    recovery_paths,
)
from ..model.storage.safe_save import file_state
from ..paths import recovery_dir
from .timers import pause_timer
from .worker_jobs import Bridge, run_on

log = logging.getLogger(__name__)

JOURNAL_MS = 1000      # typing reaches the journal within about this long
BASE_MS = 500          # after opening or saving, the journal's starting point is made
DEBOUNCE_MS = 3000
MAX_INTERVAL_MS = 60_000


class Autosaver(QObject):
    saved = Signal(object)    # AutosaveResult, after a successful write
    failed = Signal(str)      # a message for the user

    def __init__(self, session, parent=None, debounce_ms: int = DEBOUNCE_MS,
                 max_interval_ms: int = MAX_INTERVAL_MS,
                 save_to_file: Callable[[], bool] | None = None,
                 session_id: str | None = None, journal_ms: int = JOURNAL_MS):
        super().__init__(parent)
        self.session = session
        self.session_id = session_id or new_session_id()
        self.save_to_file = save_to_file or (lambda: False)
        self.last_result: AutosaveResult | None = None
        self._generation = 0            # bumped on every change
        self._written = 0               # generation the recovery copy holds
        self._active = True
        self._lock = threading.Lock()
        self._pending: Snapshot | None = None
        self._job_queued = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # writes and removals run in the order they were asked
        self._bridge = Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._debounce = self._timer(debounce_ms)
        self._longest = self._timer(max_interval_ms)
        # the journal: its own worker, so a long copy (large pictures) never holds it up
        self._journal_pool = QThreadPool(self)
        self._journal_pool.setMaxThreadCount(1)
        self._journal = JournalWriter(self._journal_file())
        self._seq = 0                   # the last journal line asked for
        self._dirty: set[str] = set()   # sections typed in since the last line
        self._changes = 0               # changes since the last line ...
        self._typed = 0                 # ... and how many of them were typing in a section
        self._needs_full = True         # the next line holds the whole article
        self._journal_failed = False
        self._journal_timer = pause_timer(self, journal_ms, self.append_journal)
        # the words of a form's box being typed in (FieldTyping.pending), and the last written
        self.typed_fields: Callable[[], list[dict]] = list
        self._fields_written: list[dict] | None = []    # None: the journal may not have them
        # the article as opened (or saved), made while nobody types: the first line after typing
        # starts builds on it instead of making it then (5-7 ms at 50,000 words; issue 23)
        self._base: dict | None = None
        self._base_timer = pause_timer(self, BASE_MS, self.prepare_base)
        self._base_timer.start()
        session.textChanged.connect(self._on_text)
        session.articleChanged.connect(self._on_change)
        session.modifiedChanged.connect(self._on_modified)

    def _journal_file(self) -> Path:
        copy, _meta = recovery_paths(self.session_id, recovery_dir())
        return copy.with_suffix(".journal")

    def _timer(self, interval: int) -> QTimer:
        return pause_timer(self, interval, self.flush)

    # --- reacting to the session -------------------------------------------------------------
    def _on_text(self, section_id: str) -> None:
        self._dirty.add(section_id)
        self._typed += 1

    def _on_change(self) -> None:
        if not self._active:
            return
        self._generation += 1
        self._changes += 1
        self._debounce.start()                  # restarts: waits for a pause in typing
        if not self._longest.isActive():
            self._longest.start()               # but never longer than this while typing
        if not self._journal_timer.isActive():
            self._journal_timer.start()         # never restarted by typing: runs every second

    def _on_modified(self, modified: bool) -> None:
        if not modified and self._active:       # saved (or autosaved into the file)
            self._debounce.stop()
            self._longest.stop()
            self._journal_timer.stop()
            self.discard()
            self._base_timer.start()            # the saved article: the next starting point

    # --- the journal ---------------------------------------------------------------------------
    def prepare_base(self) -> None:
        """While the article is as opened or saved (and nobody types): its JSON, which the
        journal's next full line starts from (:meth:`_whole`)."""
        if self._active and self._needs_full and not self.session.is_modified():
            self._base = self.session.article.to_json()

    def _whole(self, article) -> dict:
        """The whole article as JSON: from the prepared base when only typing in sections
        changed it since (those sections' text is taken as it is now), else made now."""
        base = self._base
        if base is None or self._journal_failed or self._changes > self._typed:
            return article.to_json()
        typed = self._typed_bodies(article)
        whole = dict(base)
        whole["sections"] = [{**s, "body": typed[s["id"]]} if s["id"] in typed else s
                             for s in base["sections"]]
        return whole

    def _typed_bodies(self, article) -> dict:
        """Section id -> its text as JSON, for the sections typed in since the last line."""
        return {section_id: section.body.to_json() for section_id in self._dirty
                if (section := article.section(section_id)) is not None}

    def append_journal(self) -> bool:
        """Put what changed since the last line in the journal (written in the background), and
        the words of a form's box being typed in when they changed (``typed_fields``). False if
        there was nothing to add."""
        self._journal_timer.stop()
        if not self._active:
            return False
        fields = self.typed_fields()
        fields_changed = fields != self._fields_written and (fields or self._fields_written)
        article_line = self.session.is_modified() and bool(self._changes or self._needs_full)
        if not article_line and not fields_changed:
            return False
        if article_line or self._needs_full:    # a box's words need an article to go into
            self._append_article_line()
        if fields_changed:
            self._append_line({"kind": "fields", "fields": fields})
            self._fields_written = fields
        return True

    def _append_article_line(self) -> None:
        self.session.sync()
        article = self.session.article
        # Text typed in a section emits one articleChanged and one textChanged; anything else
        # (a heading, a reference, an undo, a word ignored) only the first: then all of it.
        full = self._needs_full or self._journal_failed or self._changes > self._typed
        if full:
            entry: dict = dict(kind="full", article=self._whole(article), meta=meta_for(
                self.session_id, self.session.path, article.title, article.id,
                original_content=self._file_content()))
        else:
            entry = dict(kind="edit", sections=self._typed_bodies(article))
        self._dirty.clear()
        self._changes = self._typed = 0
        self._needs_full = self._journal_failed = False
        self._base = None
        self._append_line(entry)

    def _append_line(self, entry: dict) -> None:
        self._seq += 1
        entry = {"seq": self._seq, "at": time.time(), **entry}
        journal = self._journal
        run_on(self._journal_pool, lambda: self._write_line(journal, entry))

    def field_typed(self) -> None:
        """A form's box was typed in: its words reach the journal within about a second."""
        if self._active and not self._journal_timer.isActive():
            self._journal_timer.start()

    def _write_line(self, journal: JournalWriter, entry: dict) -> None:     # journal thread
        try:
            journal.append(entry)
        except Exception as error:  # noqa: BLE001 - the recovery copy still follows
            log.warning("could not write the recovery journal: %s", error, exc_info=True)
            self._journal_failed = True     # the next line starts again from the whole article

    def journal_seq(self) -> int:
        """The last journal line asked for (tests and the benchmark)."""
        return self._seq

    def pending_changes(self) -> bool:
        """Changes the recovery copy does not hold yet."""
        return self.session.is_modified() and self._written != self._generation

    def is_scheduled(self) -> bool:
        return self._debounce.isActive() or self._longest.isActive()

    def journal_scheduled(self) -> bool:
        return self._journal_timer.isActive()

    # --- writing ---------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The article as it is now, ready to write on another thread (GUI thread only)."""
        self.session.sync()
        project = self.session.project
        article = project.article
        names = sorted({r.name for r in article.media_refs()} & set(project.media.names()))
        to_file = bool(self.save_to_file())
        return Snapshot(self._generation, json.dumps(article.to_json(), ensure_ascii=False),
                        media_snapshot(project.media, names), names, article.template_id,
                        article.id, article.title, project.path, to_file,
                        [dict(a) for a in project.ancestry],
                        file_state(project.path) if to_file else None, recovery_dir(),
                        self._seq, self._journal, self._file_content())

    def _file_content(self) -> str:
        """What the article's file held when this window last read or saved it ("": not
        known), kept with the recovery copy (``RecoveryEntry.original_content``)."""
        project = self.session.project
        disk = project.disk
        return disk.content if disk is not None and project.path is not None and \
            Path(disk.path) == Path(project.path) else ""

    def flush(self) -> bool:
        """Write a recovery copy now (in the background). False if there is nothing to keep."""
        self._debounce.stop()
        self._longest.stop()
        if not self._active or not self.session.is_modified():
            return False
        snapshot = self.snapshot()
        with self._lock:
            self._pending = snapshot
            start = not self._job_queued
            self._job_queued = True
        if start:
            run_on(self._pool, self._write_pending)
        return True

    def _write_pending(self) -> None:              # worker thread
        with self._lock:
            snapshot, self._pending = self._pending, None
            self._job_queued = False
            session_id = self.session_id
        if snapshot is not None:
            self._bridge.done.emit(write_snapshot(snapshot, session_id))

    def _on_done(self, result: AutosaveResult) -> None:
        self.last_result = result
        if not result.ok:
            self.failed.emit(result.message)
            return
        self._written = max(self._written, result.generation)
        # the copy dropped the journal's lines it holds: a box's words go in again, now
        self._fields_written = None
        if self.typed_fields():
            self.append_journal()
        if result.wrote_file and result.generation == self._generation \
                and self.session.path == result.original and self.session.is_modified():
            self.session.set_modified(False)     # the file holds everything: it is saved
        self.saved.emit(result)

    def discard(self) -> None:
        """Remove the recovery copy and the journal (after any write still under way)."""
        with self._lock:
            self._pending = None
        self._written = 0
        self._dirty.clear()
        self._changes = self._typed = 0
        self._needs_full = True         # no copy to build on any more
        self._fields_written = None
        self._base = None
        session_id, folder = self.session_id, recovery_dir()
        journal = self._journal
        run_on(self._journal_pool, journal.remove)
        run_on(self._pool, lambda: discard_recovery(session_id, folder))

    def adopt(self, entry: RecoveryEntry) -> None:
        """Carry on in an orphaned recovery copy (its article was restored into this session)."""
        self.wait()
        claim(entry)
        with self._lock:
            previous, self.session_id = self.session_id, entry.session_id
        if previous != entry.session_id:
            discard_recovery(previous)
            self._journal = JournalWriter(self._journal_file())
        # carry on numbering after the lines already there; the next line holds everything
        self._seq = max(self._seq, entry.journal_seq, last_seq(self._journal.path))
        self._needs_full = True
        self._base = None                       # the restored article is not the one opened

    def wait(self, msecs: int = -1) -> bool:
        """Block until background writes are done (tests, closing)."""
        journal_done = self._journal_pool.waitForDone(msecs)
        return self._pool.waitForDone(msecs) and journal_done

    def shutdown(self) -> None:
        """Stop autosaving (the window is going away); waits for writes under way."""
        self._active = False
        self._debounce.stop()
        self._longest.stop()
        self._journal_timer.stop()
        self._base_timer.stop()
        self.wait()
