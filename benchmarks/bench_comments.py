"""Typing with 50 open comments and the Comments list shown, against typing with none.

    python -m benchmarks bench_comments

A keystroke only restarts the list's timer; the list is brought up to date once typing pauses
(``ui/comments_panel.py``). The figures: a keystroke into the section editor of a ~50,000-word
article (the demo's text repeated) with no comments, then with 50 open comments spread over the
sections and the list shown, their ratio, and the list's update after a pause. Offscreen Qt.
(Suggested changes, the other half of issue 21's figure, do not exist yet.)
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

from benchmarks.bench_preview import _keystrokes, _project, _summary  # noqa: E402


def _comment_everywhere(article, count: int) -> None:
    from pipwriter.model.article.text_surface import text_fields
    from pipwriter.model.coauthoring.comments import add_comment
    bodies = [f for f in text_fields(article) if f.where.field == "body"]
    for n in range(count):
        field = bodies[n % len(bodies)]
        line = (n // len(bodies)) % len(field.blocks)
        words = field.blocks[line].split()
        if len(words) < 3:
            continue
        start = field.blocks[line].index(words[1])
        add_comment(article, field.where, line, start, start + len(words[1]),
                    f"Comment {n}", "Reviewer")


def run(quick: bool = False) -> list[dict]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from pipwriter.ui.comments_panel import comments_panel
    from pipwriter.ui.main_window import MainWindow
    from pipwriter.ui.session import Session

    app = QApplication.instance() or QApplication(["pipwriter-bench"])
    keys, copies = (20, 2) if quick else (200, 35)
    rows = []
    results = {}
    for label, comments in (("no comments", 0), ("50 open comments, list shown", 50)):
        project = _project(copies)
        _comment_everywhere(project.article, comments)
        window = MainWindow(Session(project))
        window.resize(1200, 700)
        window.show()
        if comments:
            comments_panel(window).show()
        section = window.session.article.sections[0]
        window.open_panel(f"section:{section.id}")
        editor = window.section_panel.editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        app.processEvents()
        results[label] = _keystrokes(app, editor, keys)
        rows.append(_summary(f"comments, {copies}x demo: keystroke, {label}", results[label]))
        if comments:
            panel = comments_panel(window)
            updates = []
            for _ in range(3 if quick else 10):
                started = time.perf_counter()
                panel.refresh()
                updates.append((time.perf_counter() - started) * 1000)
            rows.append(_summary(f"comments, {copies}x demo: list update after a pause", updates))
        window.session.set_modified(False)
        window.close()
        window.deleteLater()
        app.processEvents()
    ratio = statistics.median(results["50 open comments, list shown"]) / \
        max(statistics.median(results["no comments"]), 1e-9)
    rows.append({"name": "comments: keystroke with 50 open / with none", "value": round(ratio, 2),
                 "unit": "x"})
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
