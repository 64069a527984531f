"""The app's one kind of timer: work that waits until the typing pauses.

Restarting it at each key costs nothing; the work runs once, ``interval`` milliseconds after the
last restart (0: once control is back in the event loop)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def pause_timer(parent: QObject, interval: int, slot: Callable[[], object]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer
