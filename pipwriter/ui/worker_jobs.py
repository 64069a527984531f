"""Running a function on a thread pool, and handing its result back to the GUI thread.

Python's cyclic garbage collector runs on whichever thread happens to allocate when it is due.
Collecting the last reference to a Qt object's wrapper deletes the Qt object, and deleting a
window's object on a worker thread crashes the app (a SIGSEGV in the spelling suggestions'
worker, seen in the test suite on 2026-12-05). So the collector is off while any work runs off
the GUI thread (:func:`collector_paused`, used by every :class:`Job` and by the app's other
threads); the GUI thread collects when it next allocates.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Collector:
    """How many threads have the collector off; it is on again when none has (one per process,
    as the collector is)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pausing = 0


_COLLECTOR = _Collector()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off while the body runs on a worker thread (see the docstring)."""
    with _COLLECTOR.lock:
        _COLLECTOR.pausing += 1
        gc.disable()
    try:
        yield
    finally:
        with _COLLECTOR.lock:
            _COLLECTOR.pausing -= 1
            if not _COLLECTOR.pausing:
                gc.enable()


class Job(QRunnable):
    """``work`` run once on a QThreadPool, the collector off (deleted by the pool afterwards)."""

    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        with collector_paused():
            self._work()


class Bridge(QObject):
    """Made on the GUI thread: ``done`` emitted on a worker is delivered on the GUI thread."""

    done = Signal(object)


def run_then(owner: QObject, work: Callable[[], None], then: Callable[[], None]) -> QThreadPool:
    """``work()`` on a thread of a pool ``owner`` owns, then ``then()`` on the GUI thread (not
    if ``owner`` has gone meanwhile)."""
    pool = QThreadPool(owner)
    pool.setMaxThreadCount(1)
    bridge = Bridge(owner)
    bridge.done.connect(lambda _nothing: then())

    def job() -> None:
        work()
        try:
            bridge.done.emit(None)
        except RuntimeError:    # its owner was deleted meanwhile: nobody to tell
            log.debug("work finished after its owner was deleted")

    pool.start(Job(job))
    return pool
