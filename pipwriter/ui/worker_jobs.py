"""Running a function on a thread pool, and handing its result back to the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal


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
