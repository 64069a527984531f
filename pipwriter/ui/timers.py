"""Work that waits: until the typing pauses (the app's one kind of timer), and until a window
being opened has been painted.

Restarting a pause timer at each key costs nothing; the work runs once, ``interval``
milliseconds after the last restart (0: once control is back in the event loop)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


def pause_timer(parent: QObject, interval: int, slot: Callable[[], object]) -> QTimer:
    timer = QTimer(parent)
    timer.setObjectName(getattr(slot, "__qualname__", ""))   # what waits (for diagnosis)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer


class WhileShown:
    """Keeps ``widget`` up to date with the article without slowing typing: ``refresh`` runs
    ``interval`` ms after the article last changed, and only while the widget is shown (the
    widget refreshes itself when shown again). Keep the object (an attribute of the widget)."""

    def __init__(self, widget, session, interval: int, refresh: Callable[[], object]) -> None:
        self._widget = widget
        self.timer = pause_timer(widget, interval, refresh)
        session.articleChanged.connect(self.schedule)   # every change, typing included

    def schedule(self) -> None:
        if self._widget.isVisible():
            self.timer.start()


class OncePainted(QObject):
    """``callback()`` once, on the event-loop turn after ``window`` is first painted: for what a
    window being opened need not wait for. (Not when it is shown: Qt paints a window after
    showing it, and work started then, even on another thread, holds the paint up.) Never
    called if the window is deleted before."""

    def __init__(self, window: QObject, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:   # the window first; its contents follow at once
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)
        return False


class AfterFirstPaint:
    """Work that waits for a window's first paint when ``waiting`` (the window the app starts
    with: issue 23), and is done at once otherwise; it waits at most ``latest_ms``."""

    def __init__(self, window: QObject, waiting: bool, latest_ms: int) -> None:
        self._waiting: list[Callable[[], object]] | None = [] if waiting else None
        if waiting:
            self._painted = OncePainted(window, self.run)
            QTimer.singleShot(latest_ms, window, self.run)

    @property
    def pending(self) -> bool:
        return self._waiting is not None

    def add(self, work: Callable[[], object]) -> None:
        if self._waiting is None:
            work()
        else:
            self._waiting.append(work)

    def run(self) -> None:
        waiting, self._waiting = self._waiting, None
        for work in waiting or ():
            work()

    def drop(self) -> None:
        """Forget the work still waiting (its window closed before it was painted)."""
        self._waiting = None
