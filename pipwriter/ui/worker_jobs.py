"""Running a function on a thread pool, and handing its result back to the GUI thread.

Work goes to a pool as a plain callable (:func:`run_on`), never as a Python ``QRunnable``
subclass: see there. Python's cyclic garbage collector runs on whichever thread allocates when
it is due, and collecting the last reference to a Qt object's wrapper there has the object
deleted off the GUI thread; so, as a precaution, the collector is off while work runs off the
GUI thread (:func:`collector_paused`, used by :func:`run_on` and by the app's other threads),
and the GUI thread collects when it next allocates.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QThreadPool, Signal

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


def run_on(pool: QThreadPool, work: Callable[[], None]) -> None:
    """``work()`` on a thread of ``pool``, the collector off. Given to the pool as a plain
    callable, not as a Python ``QRunnable``: a Python runnable's wrapper could be released on
    the worker while the pool deleted the runnable itself, and shiboken then deleted it again
    on the GUI thread (SIGSEGV in ``BindingManager::runDeletionInMainThread``, under gdb in the
    test suite on 2026-12-05)."""
    def run() -> None:
        with collector_paused():
            work()
    pool.start(run)


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

    run_on(pool, job)
    return pool
