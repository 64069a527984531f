"""Ending a timed start at its first paint, for the start-up children (PiP Writer's
``_startup_probe.py``, the bare PySide6 floor and novelWriter's start). Imports no Qt binding:
the caller passes its own QtCore (PySide6 or PyQt6).

"Painted" is the end of the paint pass in which the editor first painted its text: the first
event the application handles after the editor's ``paintEvent`` that is not another widget's
paint (the figures strip, the status bar and the menu bar paint after the editor). Work an app
queued for afterwards (a zero timer) is not waited for: the window is on the screen before it
runs. The same rule for every app measured (issue 23)."""

from __future__ import annotations

import json
import os
import time

TIMEOUT_MS = 30_000


def when_painted(qt_core, editor_class, callback, armed=lambda: True):
    """``callback(seconds)`` (``time.time()``) at the end of each paint pass in which an editor
    of ``editor_class`` painted, while ``armed()``. Wraps the class's ``paintEvent``: call it
    before the editor is made (the bindings look for Python overrides when an object is made).
    Returns the watcher: keep it."""
    paint = qt_core.QEvent.Type.Paint

    class PassEnd(qt_core.QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt API
            if event.type() != paint:
                qt_core.QCoreApplication.instance().removeEventFilter(self)
                callback(time.time())
            return False

    watcher = PassEnd()
    original = editor_class.paintEvent

    def paint_event(self, event):
        original(self, event)
        if armed():
            qt_core.QCoreApplication.instance().installEventFilter(watcher)

    editor_class.paintEvent = paint_event
    return watcher


def report_first_paint(qt_core, editor_class, times: dict, t0: float, armed=lambda: True):
    """When an editor of ``editor_class`` has first been painted (while ``armed()``, and see
    :func:`when_painted`), ``times["window"]`` is set to the seconds since ``t0``, ``times``
    printed as one JSON line and the process ended (an error line instead after 30 s). Returns
    the watcher: keep it."""
    def painted(now: float) -> None:
        times["window"] = now - t0
        print(json.dumps(times), flush=True)
        os._exit(0)

    watcher = when_painted(qt_core, editor_class, painted, armed)
    qt_core.QTimer.singleShot(TIMEOUT_MS, lambda: (
        print(json.dumps({"error": "timed out"}), flush=True), os._exit(0)))
    return watcher
