"""Running a function on a thread pool, and handing its result back to the GUI thread.

Work goes to a pool as a plain callable (:func:`run_on`), never as a Python ``QRunnable``
subclass: see there. Python's cyclic garbage collector runs on whichever thread allocates when
it is due, and collecting the last reference to a Qt object's wrapper there has the object
deleted off the GUI thread (a window's deletion is handed back to the GUI thread, which may
have deleted it meanwhile); so the collector is off while work runs off the GUI thread
(:func:`pause_collector` and :func:`resume_collector`, used by :func:`run_on`, the export worker
and the start-up tidy thread), turned off before the thread allocates anything, and the GUI
thread collects when it next allocates.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Collector:
    """How many threads have the collector off; it is on again when none has (one per process,
    as the collector is)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pausing = 0


_COLLECTOR = _Collector()


def pause_collector() -> None:
    """The collector off on this thread's behalf. Allocates nothing the collector tracks before
    it is off: a collection that is due starts at the next such allocation on whatever thread
    makes it, and one started here, on a worker, frees Qt objects' wrappers here (a window's
    deletion is then handed to the GUI thread, which may have deleted it meanwhile: SIGSEGV in
    shiboken's BindingManager::runDeletionInMainThread). So no ``with`` (its bound methods are
    allocations) and no generator; the lock's methods are called directly."""
    gc.disable()                    # first: nothing has been allocated yet
    _COLLECTOR.lock.acquire()
    try:
        _COLLECTOR.pausing += 1
        gc.disable()                # again: a worker ending meanwhile may have turned it on
    finally:
        _COLLECTOR.lock.release()


def resume_collector() -> None:
    """The collector on again if no other thread has it off (the caller allocates nothing
    more, or it may collect on this thread: see :func:`pause_collector`)."""
    _COLLECTOR.lock.acquire()
    try:
        _COLLECTOR.pausing -= 1
        if not _COLLECTOR.pausing:
            gc.enable()
    finally:
        _COLLECTOR.lock.release()


def run_on(pool: QThreadPool, work: Callable[[], None]) -> None:
    """``work()`` on a thread of ``pool``, the collector off. Given to the pool as a plain
    callable, not as a Python ``QRunnable``: a Python runnable's wrapper could be released on
    the worker while the pool deleted the runnable itself. The collector is turned off before
    the worker allocates anything, and on again as the last thing it does (:func:`pause_collector`):
    with a ``with`` block here (a context manager), a due collection ran on the worker as it started and
    freed a garbage QTextEdit of an earlier test whose deleteLater() was pending; the GUI thread
    then deleted it twice (SIGSEGV in ``BindingManager::runDeletionInMainThread``, 2026-12-05)."""
    def run() -> None:
        pause_collector()
        try:
            work()
        finally:
            resume_collector()
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
