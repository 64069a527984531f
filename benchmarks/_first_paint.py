"""Ending a timed start at its first paint, for the start-up children (the bare PySide6 floor
and novelWriter's start; ``_startup_probe.py`` goes on to the underline). Imports no Qt binding:
the caller passes its own QtCore (PySide6 or PyQt6)."""

from __future__ import annotations

import json
import os
import time

TIMEOUT_MS = 30_000


def report_first_paint(qt_core, widget, times: dict, t0: float):
    """On the event-loop turn after ``widget``'s first Paint event, ``times["window"]`` is set
    to the seconds since ``t0``, ``times`` printed as one JSON line and the process ended (an
    error line instead after 30 s). Returns the event filter: keep it."""
    def painted() -> None:
        times["window"] = time.time() - t0
        print(json.dumps(times), flush=True)
        os._exit(0)

    class Watcher(qt_core.QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == event.Type.Paint:
                obj.removeEventFilter(self)
                qt_core.QTimer.singleShot(0, painted)
            return False

    watcher = Watcher()
    widget.installEventFilter(watcher)
    qt_core.QTimer.singleShot(TIMEOUT_MS, lambda: (
        print(json.dumps({"error": "timed out"}), flush=True), os._exit(0)))
    return watcher
