"""Letting a worker thread give way while the GUI thread has work to do.

Python runs one thread at a time. While a worker works out the navigator's marks (20-50 ms at
50,000 words), a key, or the lists' update after a pause, waits for Python's lock each time it
needs it, about every millisecond: a key typed then cost two to four times as much (issue 23).
So the worker calls :meth:`IdleGate.give_way` between pieces of its work, and waits there while
the GUI thread's event loop is awake, until it goes back to waiting for events (Qt's event
dispatcher says both). The worker never waits more than :data:`PATIENCE_S` in one go, so it
always finishes, even while the GUI thread stays busy or runs a loop that never waits (tests).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractEventDispatcher, QObject

PATIENCE_S = 0.03       # the longest a worker waits in one go for the GUI thread
STEP_S = 0.0005         # how often it looks again


class IdleGate(QObject):
    """Made, watched and unwatched on the GUI thread; :meth:`give_way` on the worker. A child
    of the object whose worker it serves: if that goes first, Qt drops the connections."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._busy_since: float | None = None
        self._dispatcher: QAbstractEventDispatcher | None = None

    def watch(self) -> None:
        """Follow the GUI thread's event loop (while a worker runs: a slot on each wake-up)."""
        if self._dispatcher is not None:
            return
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is None:
            return
        self._dispatcher = dispatcher
        self._busy_since = time.monotonic()     # called from an event: the loop is awake
        dispatcher.awake.connect(self._awake)
        dispatcher.aboutToBlock.connect(self._waiting)

    def unwatch(self) -> None:
        dispatcher, self._dispatcher = self._dispatcher, None
        self._busy_since = None
        if dispatcher is not None:
            dispatcher.awake.disconnect(self._awake)
            dispatcher.aboutToBlock.disconnect(self._waiting)

    def open(self) -> None:
        """Let the worker on at once (the GUI thread is about to wait for it)."""
        self._busy_since = None

    def give_way(self) -> None:
        """On the worker: wait while the GUI thread is busy, at most PATIENCE_S."""
        while True:
            since = self._busy_since
            if since is None or time.monotonic() - since > PATIENCE_S:
                return
            time.sleep(STEP_S)

    def _awake(self) -> None:
        if self._busy_since is None:
            self._busy_since = time.monotonic()

    def _waiting(self) -> None:
        self._busy_since = None
