"""Running a function on a thread pool, and handing its result back to the GUI thread."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Job(QRunnable):
    """``work`` run once on a QThreadPool (deleted by the pool afterwards)."""

    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class Bridge(QObject):
    """Made on the GUI thread: ``done`` emitted on a worker is delivered on the GUI thread."""

    done = Signal(object)


def run_then(owner: QObject, work: Callable[[], None], then: Callable[[], None]) -> QThreadPool:
    """``work()`` on a thread of a pool ``owner`` owns, then ``then()`` on the GUI thread (not
    if ``owner`` has gone meanwhile). The collector is off while ``work`` runs, as in
    marks_worker.py: Qt objects are only ever deleted on the GUI thread."""
    pool = QThreadPool(owner)
    pool.setMaxThreadCount(1)
    bridge = Bridge(owner)
    bridge.done.connect(lambda _nothing: then())

    def job() -> None:
        gc.disable()
        try:
            work()
        finally:
            gc.enable()
        try:
            bridge.done.emit(None)
        except RuntimeError:    # its owner was deleted meanwhile: nobody to tell
            log.debug("work finished after its owner was deleted")

    pool.start(Job(job))
    return pool
