"""Typing in the real editor: each keystroke timed until the app is idle again.

A main window (offscreen, 1200 × 780) shows an article; keys are typed with ``QTest.keyClick``
at the end of the paragraph in the middle of a section (words and spaces, now and then a
correction with Backspace and a new paragraph with Return), spelling on. Each key is timed from
just before it is pressed until the GUI thread is idle again: every pass of the event loop until
one delivers nothing (the key handled, the text laid out, the paragraph re-checked where an
underline shown would otherwise be wrong, the editor repainted). The live figures (100 ms after
a key), new underlines (150 ms) and the navigator's counts (300 ms after typing pauses) run on
passes of their own, and land on a key when they fall due while it is timed. How "idle" is detected, and how
work deferred to a pause in typing is counted, is in ``benchmarks/_idle.py`` (shared with the
novelWriter comparison, ``bench_novelwriter``, so both apps are timed by the same code).

Two rhythms: a **burst** (each key as soon as the previous one is done) and **human pace** (8 keys
a second with a pause of 0.3-1.5 s after about one word in six, so that the work the app puts off
to a pause — the navigator's marks, the reading ease, the journal, the recovery copy — runs between
keys, and sometimes just when a key comes). Rows give the median, p95, p99, max and the number of
keys over 16 ms; for human pace also the stretches of work the event loop did between keys.

Measured in the demo article (about 1,450 words) and in a 50,000-word stress article (the demo's
sections filled with generated text, one of them with 10,000 words, typed into after every section
and panel has been opened once, so every section has its live document: the worst case). Also
timed: opening the stress article's window, opening its 10,000-word section for the first time,
and the autosave snapshot taken on the GUI thread after a pause in typing.

The work runs in a child process so that it gets a QApplication of its own (other benchmarks make
a QGuiApplication) and a fresh user folder.

    python -m benchmarks bench_typing_gui          or      python benchmarks/bench_typing_gui.py
    python benchmarks/bench_typing_gui.py --job JOB.json --out OUT.json   (bench_novelwriter)
    python benchmarks/bench_typing_gui.py --tail [--only demo|stress]  (where slow keys' time goes)
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import _idle  # noqa: E402 - after the path is set
from _child import finish, own_user_folder, run_child  # noqa: E402

STRESS_WORDS = 50_000
BIG_SECTION_WORDS = 10_000
_EXTRA_WORDS = ["recieve", "pateint", "seperate", "occured", "definately", "accomodation"]
WINDOW_SIZE = (1200, 780)           # the main window's preferred size, the same for novelWriter
BURST_KEYS, HUMAN_KEYS = 600, 320   # quick mode: 20 and 8, demo only
SEED = 1500


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


# --- the job: what is typed, where (shared with bench_novelwriter) ---------------------------
def make_job(burst: int = BURST_KEYS, human: int = HUMAN_KEYS,
             articles: tuple[str, ...] = ("demo", "stress"), seed: int = SEED) -> dict:
    """The texts, the keys and the human-pace gaps, as JSON-ready data: both apps get the same."""
    from pipwriter.model.storage.demo import demo_project
    demo = demo_project()
    rnd = random.Random(seed)
    vocabulary = _vocabulary(demo.article)
    warmup = _idle.make_keys(10, rnd, vocabulary)
    burst_keys = _idle.make_keys(burst, rnd, vocabulary)
    human_keys = _idle.make_keys(human, rnd, vocabulary)
    gaps = _idle.human_gaps(human_keys, rnd)
    texts = []
    for name in articles:
        if name == "demo":
            project = demo
            typed_id = demo.article.sections[min(2, len(demo.article.sections) - 1)].id
        else:
            project, typed_id = stress_project()
        sections = project.article.sections
        typed = next(i for i, section in enumerate(sections) if section.id == typed_id)
        paragraphs = [[p.text() for p in section.body.paragraphs] for section in sections]
        texts.append({"name": name, "typed": typed, "paragraph": len(paragraphs[typed]) // 2,
                      "words": sum(len(t.split()) for ps in paragraphs for t in ps),
                      "sections": [{"title": section.title, "paragraphs": ps}
                                   for section, ps in zip(sections, paragraphs, strict=True)]})
    return {"articles": texts, "warmup": warmup, "burst": burst_keys, "human": human_keys,
            "gaps": gaps, "size": list(WINDOW_SIZE), "spell_lang": "en_GB",
            "open_quiet_s": 1.5, "between_runs_s": 1.0}


# --- typing in the window (needs a QApplication) ---------------------------------------------
def _place_cursor(app, window, paragraph: int | None = None) -> None:
    """Cursor at the end of a paragraph (by default the middle one) of the section shown."""
    from PySide6.QtGui import QTextCursor
    editor = window.section_panel.editor
    document = editor.document()
    number = document.blockCount() // 2 if paragraph is None else paragraph
    block = document.findBlockByNumber(min(number, document.blockCount() - 1))
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
    window.resize(*WINDOW_SIZE)
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


def run_job(job: dict, extras: bool = False, keep_spans: bool = False) -> dict:
    """Type the job's keys into PiP Writer, in this process (a QApplication is made if there is
    none). ``extras`` also times opening the stress article and the autosave snapshot;
    ``keep_spans`` keeps each key's times (``_idle.type_job``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtTest
    from PySide6.QtWidgets import QApplication

    from pipwriter.model.storage.demo import demo_project
    app = QApplication.instance() or QApplication(["pipwriter-bench"])
    results: dict = {}
    timings: dict = {}
    size = list(WINDOW_SIZE)
    for article in job["articles"]:
        attempts = 3 if extras and article["name"] != "demo" else 1
        opening, first_open = [], []
        window = None
        for _ in range(attempts):
            if window is not None:
                _close(app, window)
            if article["name"] == "demo":
                project = demo_project()
            else:
                project, _big = stress_project()
            typed_id = project.article.sections[article["typed"]].id
            started = time.perf_counter()
            window = _open_window(app, project)
            opening.append(time.perf_counter() - started)
            started = time.perf_counter()
            window.open_panel(f"section:{typed_id}")
            app.processEvents()
            first_open.append(time.perf_counter() - started)
        if article["name"] != "demo":
            _visit_everything(app, window)      # the worst case: every section has its document
            window.open_panel(f"section:{typed_id}")
        _place_cursor(app, window, article["paragraph"])
        editor = window.section_panel.editor
        burst, human = _idle.type_job(QtCore, QtTest, app, [window, app], editor, job,
                                      article["name"], keep_spans)
        figures = getattr(window, "figures", None)
        size = [window.width(), window.height()]
        results[article["name"]] = {"burst": burst, "human": human, "open_s": opening[-1],
                                    "blocks": editor.document().blockCount(),
                                    "counted_words": getattr(figures, "words", None)}
        if extras and article["name"] != "demo":
            snapshots = []
            autosaver = window.data_safety.autosaver
            for _ in range(5):
                probe = _idle.ToIdle(QtCore, QtTest, app, [window, app])
                probe.burst(editor, ["a"])            # the section is stale again
                probe.close()
                started = time.perf_counter()
                autosaver.snapshot()
                snapshots.append(time.perf_counter() - started)
            timings = {"opening": opening, "first_open": first_open, "snapshot": snapshots}
        _close(app, window)
    from PySide6 import __version__ as pyside

    from pipwriter import __version__ as version
    return {"app": f"PiP Writer {version}", "qt": f"PySide6 {pyside}, Qt {QtCore.qVersion()}",
            "platform": app.platformName(), "spelling": "on (en_GB, its own word lists)",
            "size": size, "results": results, "timings": timings, "notes": []}


LABELS = {"demo": "demo", "stress": f"{STRESS_WORDS:,} words"}


def typing_rows(results: dict, who: str = "") -> list[dict]:
    """Benchmark rows (median, p95, p99, max, stalls over 16 ms) from ``run_job``'s results."""
    rows = []
    prefix = f"{who}: " if who else ""
    for name, result in results.items():
        label = LABELS.get(name, name)
        for rhythm, rhythm_label in (("burst", "burst"), ("human", "8 keys/s")):
            timed = result.get(rhythm)
            if not timed:
                continue
            extra = {"waited": timed["waited"]} if "waited" in timed else {}
            rows.append(_idle.summary(f"{prefix}key to idle, {label}, {rhythm_label}",
                                      timed["keys"], **extra))
            rows.append(_idle.summary(f"{prefix}  GUI-thread CPU of those keys", timed["cpu"]))
            if "between" in timed:
                rows.append(_idle.summary(f"{prefix}work between keys, {label}, {rhythm_label}",
                                          timed["between"]))
    return rows


def measure(quick: bool) -> list[dict]:
    """The benchmark itself, in this process."""
    if quick:
        job = make_job(burst=20, human=8, articles=("demo",))
    else:
        job = make_job()
    done = run_job(job, extras=not quick)
    rows = typing_rows(done["results"])
    timings = done["timings"]
    if timings:
        rows.append(_summary(f"open a window on {STRESS_WORDS:,} words", timings["opening"]))
        rows.append(_summary(f"open its {BIG_SECTION_WORDS:,}-word section (first time)",
                             timings["first_open"]))
        rows.append(_summary("autosave snapshot (GUI thread), stress article",
                             timings["snapshot"]))
    return rows


# --- the runner's entry point: a child process ------------------------------------------------
def run(quick: bool) -> list[dict]:
    return run_child(__file__, quick, "the typing benchmark")


def format_row(row: dict) -> str:
    figures = f"median {row['median_ms']:7.2f}  p95 {row['p95_ms']:7.2f}"
    if "p99_ms" in row:
        figures += f"  p99 {row['p99_ms']:7.2f}  max {row['max_ms']:7.2f}"
    figures += " ms"
    if "stalls_16ms" in row:
        figures += f"  >16ms {row['stalls_16ms']:3d}"
    return f"{row['name']:<50} {figures}  n={row['n']}"


def tail(args: list[str]) -> None:
    """Print ``_tail.report`` for each article and rhythm (``--only demo|stress``, ``--top N``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import _tail
    from PySide6.QtWidgets import QApplication
    app = _tail.traced_application(QApplication, ["pipwriter-bench"])
    only = args[args.index("--only") + 1] if "--only" in args else None
    top = int(args[args.index("--top") + 1]) if "--top" in args else 25
    job = make_job(articles=(only,) if only else ("demo", "stress"))
    app.tracing = True
    done = run_job(job, keep_spans=True)
    app.tracing = False
    for name, result in done["results"].items():
        for rhythm, label in (("burst", "burst"), ("human", "8 keys/s")):
            if result.get(rhythm):
                print("\n".join(_tail.report(app.events, result[rhythm], job[rhythm],
                                             f"{LABELS.get(name, name)}, {label}", top)))
                print()


def main() -> int:
    args = sys.argv[1:]
    own_folder = own_user_folder()
    if "--tail" in args:                           # where the slowest keys' time goes
        tail(args)
        finish(None, False, format_row, own_folder)
    if "--job" in args:                            # bench_novelwriter's child
        job = json.loads(Path(args[args.index("--job") + 1]).read_text(encoding="utf-8"))
        done = run_job(job)
        Path(args[args.index("--out") + 1]).write_text(json.dumps(done), encoding="utf-8")
        finish(None, False, format_row, own_folder)
    finish(measure("--quick" in args), "--json" in args, format_row, own_folder)


if __name__ == "__main__":
    sys.exit(main())
