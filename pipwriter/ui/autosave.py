"""Autosave: a recovery copy of the open article, written in the background as the user types.

A few seconds after typing pauses (``debounce_ms``), and at least every ``max_interval_ms`` while
it goes on, the :class:`Autosaver` takes a snapshot on the GUI thread (the article as JSON text
and the list of attached files: fast) and writes it on a worker thread (one at a time, newest
snapshot wins) as a recovery copy in the user's data folder (see ``model/recovery.py``).

The user's own file is never written unless ``save_to_file()`` says so (the "Also save to the
file itself" setting); then the file is written too, from the same snapshot, with a backup of
the version it replaces at most every ten minutes.

The copy is removed when the article is saved (the session becomes unmodified) and when the
window closes (:meth:`discard`), including "Close without saving".
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..model.backups import backup_file
from ..model.history_store import key_of_file, project_key
from ..model.media_store import MediaStore
from ..model.project_file import media_snapshot, write_project_json
from ..model.recovery import RecoveryEntry, claim, discard_recovery, new_session_id, write_recovery
from ..model.safe_save import file_lock, file_state
from ..paths import recovery_dir

DEBOUNCE_MS = 3000
MAX_INTERVAL_MS = 60_000
FILE_BACKUP_INTERVAL = 600.0   # seconds between backups made by autosaving into the file


@dataclass
class Snapshot:
    generation: int
    article_json: str
    media: MediaStore
    media_names: list[str]
    template_id: str
    article_id: str
    title: str
    original: Path | None
    to_file: bool
    ancestry: list[dict]
    file_state: tuple[int, int] | None = None   # the file as it was when the snapshot was taken
    folder: Path | None = None                  # where recovery copies go (fixed on GUI thread)


@dataclass
class AutosaveResult:
    generation: int
    ok: bool
    message: str = ""              # what went wrong (or a warning), for the user
    wrote_file: bool = False       # the user's own file was written too
    original: Path | None = None
    entry: RecoveryEntry | None = None


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class _Bridge(QObject):
    done = Signal(object)     # emitted on the worker thread, delivered on the GUI thread


class Autosaver(QObject):
    saved = Signal(object)    # AutosaveResult, after a successful write
    failed = Signal(str)      # a message for the user

    def __init__(self, session, parent=None, debounce_ms: int = DEBOUNCE_MS,
                 max_interval_ms: int = MAX_INTERVAL_MS,
                 save_to_file: Callable[[], bool] | None = None,
                 session_id: str | None = None):
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
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._debounce = self._timer(debounce_ms)
        self._longest = self._timer(max_interval_ms)
        session.articleChanged.connect(self._on_change)
        session.modifiedChanged.connect(self._on_modified)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.flush)
        return timer

    # --- reacting to the session -------------------------------------------------------------
    def _on_change(self) -> None:
        if not self._active:
            return
        self._generation += 1
        self._debounce.start()                  # restarts: waits for a pause in typing
        if not self._longest.isActive():
            self._longest.start()               # but never longer than this while typing

    def _on_modified(self, modified: bool) -> None:
        if not modified and self._active:       # saved (or autosaved into the file)
            self._debounce.stop()
            self._longest.stop()
            self.discard()

    def pending_changes(self) -> bool:
        """Changes the recovery copy does not hold yet."""
        return self.session.is_modified() and self._written != self._generation

    def is_scheduled(self) -> bool:
        return self._debounce.isActive() or self._longest.isActive()

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
                        file_state(project.path) if to_file else None, recovery_dir())

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
            self._pool.start(_Job(self._write_pending))
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
        if result.wrote_file and result.generation == self._generation \
                and self.session.path == result.original and self.session.is_modified():
            self.session.set_modified(False)     # the file holds everything: it is saved
        self.saved.emit(result)

    def discard(self) -> None:
        """Remove the recovery copy (after any write still under way)."""
        with self._lock:
            self._pending = None
        self._written = 0
        session_id, folder = self.session_id, recovery_dir()
        self._pool.start(_Job(lambda: discard_recovery(session_id, folder)))

    def adopt(self, entry: RecoveryEntry) -> None:
        """Carry on in an orphaned recovery copy (its article was restored into this session)."""
        self.wait()
        claim(entry)
        with self._lock:
            previous, self.session_id = self.session_id, entry.session_id
        if previous != entry.session_id:
            discard_recovery(previous)

    def wait(self, msecs: int = -1) -> bool:
        """Block until background writes are done (tests, closing)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Stop autosaving (the window is going away); waits for writes under way."""
        self._active = False
        self._debounce.stop()
        self._longest.stop()
        self.wait()


def write_snapshot(snapshot: Snapshot, session_id: str) -> AutosaveResult:
    """Write the recovery copy (and the user's file, if asked). Runs on the worker thread."""
    warning = ""
    try:
        entry = write_recovery(session_id, snapshot.article_json, snapshot.media,
                               snapshot.media_names, snapshot.template_id, snapshot.article_id,
                               snapshot.title, snapshot.original, snapshot.folder)
    except Exception as error:  # noqa: BLE001 - a failed copy must never take the app down
        try:                    # keep the text at least (an attached file may have gone)
            entry = write_recovery(session_id, snapshot.article_json, MediaStore(), [],
                                   snapshot.template_id, snapshot.article_id, snapshot.title,
                                   snapshot.original, snapshot.folder)
            warning = f"The attached pictures and clips could not be copied ({error})."
        except Exception as again:  # noqa: BLE001
            return AutosaveResult(snapshot.generation, False, str(again) or repr(again),
                                  original=snapshot.original)
    result = AutosaveResult(snapshot.generation, True, warning, original=snapshot.original,
                            entry=entry)
    target = snapshot.original
    if snapshot.to_file and target is not None:
        with file_lock(target):
            # Only over the very file the snapshot was taken against: never over a save made
            # since (newer text) nor over a file that has gone or was changed by someone else.
            if snapshot.file_state is None or file_state(target) != snapshot.file_state:
                return result
            try:
                backup_file(target, key_of_file(target, project_key(snapshot.article_id)),
                            snapshot.title, min_interval=FILE_BACKUP_INTERVAL)
            except OSError:
                pass            # the save itself matters more than its backup
            try:
                write_project_json(target, snapshot.article_json, snapshot.media,
                                   snapshot.media_names, snapshot.template_id,
                                   snapshot.article_id, snapshot.ancestry)
                result.wrote_file = True
            except Exception as error:  # noqa: BLE001
                result.message = str(error)
    return result
