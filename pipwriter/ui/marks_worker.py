"""The navigator's marks, worked out on a worker thread when typing pauses.

The marks come from every check of the article (``model/rules/report.py`` ``marks``): about
30 ms at 50,000 words, too long to hold up the keys typed after a pause (issue 23: no stall over
16 ms). So when typing pauses, the sections' text is brought into the model here on the GUI
thread (quick: only changed paragraphs), and the checks run on a thread of their own.

A mark must never be wrong, so a result is shown only if nothing changed while it was worked
out: every change of the article (``Session.edits``) and of the spelling lists counts,
and a result worked out before the last change is dropped and asked for again (:attr:`stale`:
the window restarts its pause timer). The model is only read there; if a change made on the GUI
thread meanwhile trips the checks up, that result is dropped the same way, and a failure with
no change behind it is left to the window to work out on the GUI thread, where it is reported.

The GUI thread waits for Python's lock while the worker holds it: at most 1 ms here (Python's
default is 5 ms) each time it needs it, which a key does many times. So a key typed while the
checks run would cost two to four times as much. So the worker gives way while the GUI thread
is busy (``idle_gate.py``), before each section it counts and each check it runs, and stops
there once anything has changed (:class:`Outdated`), as its answer would be dropped anyway. Python's
garbage collector is off while the checks run, as for all work on a pool (``worker_jobs.py``), so it
never collects Qt objects on the worker thread: they are only ever deleted on the GUI thread.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QThreadPool, Signal

from .idle_gate import IdleGate
from .worker_jobs import Bridge, run_on

log = logging.getLogger(__name__)

SWITCH_INTERVAL_S = 0.001


class Outdated(Exception):
    """The article changed while its marks were worked out: the rest of the checks are not
    run (their answer would be dropped), so typing is not slowed by them."""


class MarksWorker(QObject):
    ready = Signal(dict)       # panel key -> mark, true of the article as it is now
    stale = Signal()           # the article changed while they were worked out: ask again
    failed = Signal()          # the checks failed with nothing changed: work them out here

    def __init__(self, session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = Bridge(self)
        self._bridge.done.connect(self._done)
        self._spelling_changes = 0
        self._running = False
        self._again = False        # asked for while a run was going on
        self._gate = IdleGate(self)  # the worker gives way while the GUI thread has work
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)

    def note_spelling_change(self) -> None:
        self._spelling_changes += 1

    def _changes(self) -> tuple[int, int]:
        return self._session.edits, self._spelling_changes

    def busy(self) -> bool:
        return self._running

    def start(self) -> None:
        """Work the marks out for the article as it is now (after the run going on, if any)."""
        if self._running:
            self._again = True
            return
        from ..model.rules.report import marks
        session = self._session
        session.sync()
        project, template = session.project, session.template
        counter, spelling, changes = session.counter, session.spelling, self._changes()
        bridge = self._bridge

        gate = self._gate

        def between() -> None:  # between pieces: give way to the GUI thread; stop once the
            if self._changes() != changes:      # answer would be dropped
                raise Outdated
            gate.give_way()
            if self._changes() != changes:
                raise Outdated

        def work() -> None:     # run_on: the collector is off meanwhile (worker_jobs.py)
            try:
                found: dict | None = marks(project, template, counter, spelling, between)
            except Outdated:    # the article changed: _done asks again
                found = None
            except Exception:  # noqa: BLE001 - the GUI thread may have changed the article
                log.debug("the marks could not be worked out on the worker", exc_info=True)
                found = None
            try:
                bridge.done.emit((changes, found))
            except RuntimeError:    # the window was closed meanwhile: nobody to tell
                log.debug("marks worked out after their window closed")

        self._running = True
        gate.watch()
        run_on(self._pool, work)

    def _done(self, payload: tuple[tuple[int, int], dict | None]) -> None:
        changes, found = payload
        self._running = False
        self._gate.unwatch()
        if self._again:
            self._again = False
            self.start()
        elif changes != self._changes():
            self.stale.emit()
        elif found is None:
            self.failed.emit()
        else:
            self.ready.emit(found)

    def wait(self) -> None:
        """Let a run going on finish (closing the window, tests)."""
        self._gate.open()
        self._pool.waitForDone()
