"""Typing in the real editor: one keystroke, until the window has caught up with it.

A main window (offscreen) shows an article; characters are typed with ``QTest.keyClick`` into the
middle of a section (words and spaces, now and then a correction with Backspace and a new
paragraph with Return). One keystroke is timed from the key press until the event loop has
nothing left to do for it: the key event handled, the text laid out, the spelling of the
paragraph re-checked and underlined, the live figures and the navigator's count brought up to
date (they run on a zero-timer after the change) and the editor repainted.

Measured in the demo article (about 1,500 words) and in a 50,000-word stress article (the demo's
sections filled with generated text, one of them with 10,000 words, typed into after every section
and panel has been opened once, so every section has its live document). Also timed:
opening the stress article's window, opening its 10,000-word section for the first time, and the
autosave snapshot taken on the GUI thread after a pause in typing.

The work runs in a child process so that it gets a QApplication of its own (other benchmarks make
a QGuiApplication) and a fresh user folder.

    python -m benchmarks bench_typing_gui          or      python benchmarks/bench_typing_gui.py
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

STRESS_WORDS = 50_000
BIG_SECTION_WORDS = 10_000
_EXTRA_WORDS = ["recieve", "pateint", "seperate", "occured", "definately", "accomodation"]


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


# --- the stress article (model only) ---------------------------------------------------------
def _vocabulary(article) -> list[str]:
    words = [w for s in article.sections for p in s.body.paragraphs for w in p.text().split()]
    return words or ["we", "met", "every", "month", "in", "the", "clinic"]


def _paragraphs(words: int, vocabulary: list[str], ref_ids: list[str], rnd: random.Random):
    """Paragraphs of 60-140 words, each different, adding up to ``words``; a few citations and
    misspellings, as in a real draft."""
    from pipwriter.model.article.text import Citation, Paragraph, Run
    paragraphs = []
    while words > 0:
        size = min(words, rnd.randint(60, 140))
        chosen = [rnd.choice(vocabulary) for _ in range(size)]
        if rnd.random() < 0.3:
            chosen[rnd.randrange(size)] = rnd.choice(_EXTRA_WORDS)
        text = " ".join(chosen).strip()
        text = text[:1].upper() + text[1:].rstrip(".,;:") + "."
        if ref_ids and rnd.random() < 0.25:
            cut = text.rfind(" ", 0, len(text) // 2)
            items = [Run(text[:cut]), Citation([rnd.choice(ref_ids)]), Run(text[cut:])]
        else:
            items = [Run(text)]
        paragraphs.append(Paragraph(items))
        words -= size
    return paragraphs


def stress_project(words: int = STRESS_WORDS, big: int = BIG_SECTION_WORDS):
    """The demo article with its sections filled up to ``words`` words in all, the third section
    holding ``big`` of them. Returns (project, id of the big section)."""
    from pipwriter.model.article.text import RichText
    from pipwriter.model.storage.demo import demo_project
    project = demo_project()
    article = project.article
    rnd = random.Random(50_000)
    vocabulary = _vocabulary(article)
    ref_ids = [r.id for r in article.references]
    sections = article.sections
    big_section = sections[min(2, len(sections) - 1)]
    others = [s for s in sections if s is not big_section]
    share = (words - big) // max(1, len(others))
    for section in sections:
        size = big if section is big_section else share
        section.body = RichText(_paragraphs(size, vocabulary, ref_ids, rnd))
    return project, big_section.id


# --- typing in the window (needs a QApplication) ---------------------------------------------
def _keys(count: int, rnd: random.Random, vocabulary: list[str]) -> list[str]:
    """What a person types: words and spaces, a Backspace now and then, Return after a while."""
    keys: list[str] = []
    while len(keys) < count:
        word = rnd.choice(vocabulary).strip(".,;:()") or "and"
        keys.extend(word)
        if rnd.random() < 0.1:
            keys.append("Backspace")
        keys.append("Return" if rnd.random() < 0.03 else " ")
    return keys[:count]


def _settle(app, window, before) -> None:
    """Run the event loop until the keystroke's work is done (figures recomputed)."""
    app.processEvents()
    for _ in range(20):
        if window.figures is not before:
            return
        app.processEvents()


def _type(app, window, keys: list[str]) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    editor = window.section_panel.editor
    special = {"Backspace": Qt.Key.Key_Backspace, "Return": Qt.Key.Key_Return}
    samples = []
    for key in keys:
        before = window.figures
        started = time.perf_counter()
        QTest.keyClick(editor, special.get(key, key))
        _settle(app, window, before)
        samples.append(time.perf_counter() - started)
    return samples


def _place_cursor_mid_section(app, window) -> None:
    """Cursor at the end of the paragraph in the middle of the section being shown."""
    from PySide6.QtGui import QTextCursor
    editor = window.section_panel.editor
    document = editor.document()
    block = document.findBlockByNumber(document.blockCount() // 2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    editor.ensureCursorVisible()
    app.processEvents()


def _open_window(app, project):
    from pipwriter.ui.main_window import MainWindow
    from pipwriter.ui.session import Session
    window = MainWindow(Session(project))
    window.show()
    app.processEvents()
    return window


def _visit_everything(app, window) -> None:
    """Open every section and panel once, as someone reading through the article does."""
    from pipwriter.ui.navigator import PANELS
    for section in window.session.article.sections:
        window.open_panel(f"section:{section.id}")
        app.processEvents()
    for key in PANELS:
        window.open_panel(key)
        app.processEvents()


def _close(app, window) -> None:
    window.session.set_modified(False)          # no "save changes?" question
    window.close()
    window.deleteLater()
    app.processEvents()


def measure(quick: bool) -> list[dict]:
    """The benchmark itself, in this process (a QApplication is made if there is none)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pipwriter.model.storage.demo import demo_project
    app = QApplication.instance() or QApplication(["pipwriter-bench"])
    rnd = random.Random(1500)
    rows = []

    demo = demo_project()
    vocabulary = _vocabulary(demo.article)
    window = _open_window(app, demo)
    sections = demo.article.sections
    window.open_panel(f"section:{sections[min(2, len(sections) - 1)].id}")
    _place_cursor_mid_section(app, window)
    _type(app, window, _keys(10, rnd, vocabulary))                    # warm-up
    keystrokes = 20 if quick else 600
    words = window.figures.words
    rows.append(_summary(f"keystroke, demo article ({words:,} words)",
                         _type(app, window, _keys(keystrokes, rnd, vocabulary))))
    _close(app, window)
    if quick:
        return rows

    opening, first_open = [], []
    for attempt in range(3):
        if attempt:
            _close(app, window)
        project, big_id = stress_project()
        started = time.perf_counter()
        window = _open_window(app, project)
        opening.append(time.perf_counter() - started)
        started = time.perf_counter()
        window.open_panel(f"section:{big_id}")
        app.processEvents()
        first_open.append(time.perf_counter() - started)
    rows.append(_summary(f"open a window on {STRESS_WORDS:,} words", opening))
    rows.append(_summary(f"open its {BIG_SECTION_WORDS:,}-word section (first time)",
                         first_open))
    _visit_everything(app, window)           # the worst case: every section has its document
    window.open_panel(f"section:{big_id}")
    _place_cursor_mid_section(app, window)
    _type(app, window, _keys(10, rnd, vocabulary))                    # warm-up
    words = window.figures.words
    rows.append(_summary(f"keystroke, stress article ({words:,} words)",
                         _type(app, window, _keys(600, rnd, vocabulary))))
    autosaver = window.data_safety.autosaver
    snapshots = []
    for _ in range(5):
        _type(app, window, _keys(1, rnd, vocabulary))                 # the section is stale again
        started = time.perf_counter()
        autosaver.snapshot()
        snapshots.append(time.perf_counter() - started)
    rows.append(_summary("autosave snapshot (GUI thread), stress article", snapshots))
    _close(app, window)
    return rows


# --- the runner's entry point: a child process ------------------------------------------------
def run(quick: bool) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="pipwriter-bench-") as user_dir:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=user_dir)
        command = [sys.executable, str(Path(__file__).resolve()), "--json"]
        if quick:
            command.append("--quick")
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600,
                              cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"the typing benchmark failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    own_dir = None
    if "PIPWRITER_USER_DIR" not in os.environ:     # never touch the real settings
        own_dir = tempfile.mkdtemp(prefix="pipwriter-bench-")
        os.environ["PIPWRITER_USER_DIR"] = own_dir
    rows = measure(quick)
    if "--json" in sys.argv[1:]:
        print(json.dumps(rows))
    else:
        for row in rows:
            print(f"{row['name']:<64} median {row['median_ms']:8.2f} ms   "
                  f"p95 {row['p95_ms']:8.2f} ms   n={row['n']}")
    sys.stdout.flush()
    if own_dir:
        shutil.rmtree(own_dir, ignore_errors=True)
    os._exit(0)   # skip Qt's teardown: nothing is left to save


if __name__ == "__main__":
    sys.exit(main())
