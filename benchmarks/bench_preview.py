"""What the article preview costs: per keystroke while it is open, and once when typing pauses.

    python -m benchmarks bench_preview

The preview (``ui/preview.py``) rebuilds once, PAUSE_MS after the last change, and only while it
is open; a keystroke only restarts its timer. So the figures are: a keystroke into the section
editor with the preview closed and open (their ratio shows what the preview adds to typing),
and the rebuild after a pause (blocks from the model, HTML, Qt laying it out), on the demo
(~1,450 words) and on a ~50,000-word article. Runs in its own QApplication (offscreen).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PIPWRITER_USER_DIR", tempfile.mkdtemp(prefix="pipwriter-bench-"))

from benchmarks.bench_marks import _project  # noqa: E402 - the demo repeated to a length


def _summary(name: str, samples: list[float]) -> dict:
    samples = sorted(samples)
    return {"name": name, "median_ms": round(statistics.median(samples), 3),
            "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 3),
            "n": len(samples)}


def _keystrokes(app, editor, keys: int) -> list[float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    times = []
    for n in range(keys):
        character = "e" if n % 6 else " "
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(quick: bool = False) -> list[dict]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from pipwriter.ui.main_window import MainWindow
    from pipwriter.ui.preview import show_preview
    from pipwriter.ui.session import Session

    app = QApplication.instance() or QApplication(["pipwriter-bench"])
    keys, rebuilds = (20, 2) if quick else (200, 15)
    rows = []
    for label, copies in (("demo (~1,450 words)", 1), ("~50,000 words", 35)):
        if quick and copies > 1:
            continue
        window = MainWindow(Session(_project(copies)))
        window.resize(1200, 700)
        window.show()
        section = window.session.article.sections[0]
        window.open_panel(f"section:{section.id}")
        editor = window.section_panel.editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        app.processEvents()
        closed = _keystrokes(app, editor, keys)
        preview = show_preview(window)
        app.processEvents()
        opened = _keystrokes(app, editor, keys)
        builds = []
        for _ in range(rebuilds):
            started = time.perf_counter()
            preview.refresh()
            app.processEvents()
            builds.append((time.perf_counter() - started) * 1000)
        rows.append(_summary(f"preview, {label}: keystroke, preview closed", closed))
        rows.append(_summary(f"preview, {label}: keystroke, preview open", opened))
        ratio = statistics.median(opened) / max(statistics.median(closed), 1e-9)
        rows.append({"name": f"preview, {label}: open/closed keystroke ratio",
                     "value": round(ratio, 2), "unit": "x"})
        rows.append(_summary(f"preview, {label}: rebuild once typing pauses", builds))
        preview.close()
        window.session.set_modified(False)
        window.close()
        window.deleteLater()
        app.processEvents()
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
