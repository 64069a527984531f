"""Typing in one very long paragraph (text pasted from a PDF, no line break), beside novelWriter.

    python -m benchmarks bench_long_paragraph [--quick]
    python benchmarks/bench_long_paragraph.py [--quick] [--keys 40] [--sizes 2000,120000]

A section of the demo article holds one paragraph of 2,000, 10,000, 40,000 and 120,000
characters (``"recieve patient 😀 care "`` repeated: a misspelling every fourth word and an emoji,
so the underlines and Qt's UTF-16 positions are exercised). Keys (words and spaces, now and then a
Backspace) are typed into PiP Writer's real main window (offscreen, 1366 × 768) at the end of the
paragraph and at the start of its middle word, each key timed **to idle** by
``benchmarks/_idle.py`` (the key handled, the paragraph laid out, re-checked and underlined, the
figures recounted, everything repainted: see docs/performance.md), in a burst after 5 warm-up keys.
Rows: median and p95 ms per key, and the GUI thread's CPU time.

The same paragraphs and keys go to novelWriter (issue 23's bar for typing), in its own virtual
environment (``bench_novelwriter.ensure_novelwriter``, under ``bench_novelwriter.cache_root()``),
typed into its editor by ``benchmarks/_novelwriter_child.py`` with the same timing code, the cursor
put in the same places; rows with its figures and PiP Writer / novelWriter ratios follow. Where
novelWriter cannot be installed (offline) its rows say "skipped: ..." and the run goes on. Quick
mode (CI) times PiP Writer at 2,000 and 10,000 characters with 6 keys and skips novelWriter.

Both apps run in child processes with empty user folders, one after the other (PiP Writer first).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _path in (str(ROOT), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import _idle  # noqa: E402 - after the path is set
from _child import finish, own_user_folder, run_child  # noqa: E402

UNIT = "recieve patient 😀 care "
SIZES = (2_000, 10_000, 40_000, 120_000)
QUICK_SIZES = (2_000, 10_000)
PLACES = ("end", "middle")
KEYS, QUICK_KEYS, WARMUP = 40, 6, 5
WINDOW_SIZE = (1366, 768)


def paragraph(size: int) -> str:
    return (UNIT * (size // len(UNIT) + 1))[:size].rstrip()


def make_job(sizes=SIZES, keys: int = KEYS) -> dict:
    """What both apps type, where (``_novelwriter_child``'s job format)."""
    rnd = random.Random(120_000)
    vocabulary = ["we", "met", "every", "week", "in", "the", "clinic", "and", "patients", "wrds"]
    typed = [k if k != "Return" else " " for k in _idle.make_keys(WARMUP + keys, rnd, vocabulary)]
    articles = [{"name": f"{size:,} characters, {place}", "size": size, "at": place,
                 "typed": 0, "paragraph": 0, "words": len(paragraph(size).split()),
                 "sections": [{"title": "One long paragraph", "paragraphs": [paragraph(size)]}]}
                for size in sizes for place in PLACES]
    return {"articles": articles, "warmup": typed[:WARMUP], "burst": typed[WARMUP:],
            "human": [], "gaps": [], "size": list(WINDOW_SIZE), "spell_lang": "en_GB",
            "open_quiet_s": 1.0, "between_runs_s": 0.2}


# --- PiP Writer (in a child process) ----------------------------------------------------------
def type_in_pipwriter(job: dict) -> dict:
    """The job typed into PiP Writer's window, in this process: {article name: burst}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtTest
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from pipwriter.model.article.text import RichText
    from pipwriter.model.storage.demo import demo_project
    from pipwriter.ui.main_window import MainWindow
    from pipwriter.ui.session import Session
    app = QApplication.instance() or QApplication(["pipwriter-bench"])
    results = {}
    for article in job["articles"]:
        project = demo_project()
        section = project.article.sections[2]
        section.body = RichText.from_plain(article["sections"][0]["paragraphs"][0])
        window = MainWindow(Session(project))
        window.resize(*job["size"])
        window.show()
        app.processEvents()
        window.open_panel(f"section:{section.id}")
        editor = window.section_panel.editor
        block = editor.document().firstBlock()
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        if article["at"] == "middle":       # as _novelwriter_child puts it
            cursor.setPosition(block.position() + block.length() // 2)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
        editor.setTextCursor(cursor)
        editor.setFocus()
        editor.ensureCursorVisible()
        burst, _human = _idle.type_job(QtCore, QtTest, app, [window, app], editor, job)
        results[article["name"]] = burst
        window.session.set_modified(False)
        window.close()
        window.deleteLater()
        app.processEvents()
    return results


def _rows(who: str, results: dict) -> list[dict]:
    rows = []
    for name, burst in results.items():
        rows.append(_idle.summary(f"{who}: key to idle, {name}", burst["keys"]))
        rows.append(_idle.summary(f"{who}:   GUI-thread CPU of those keys", burst["cpu"]))
    return rows


# --- novelWriter ------------------------------------------------------------------------------
def type_in_novelwriter(job: dict) -> dict:
    """{article name: burst} from novelWriter, or {"skipped": why}."""
    from bench_novelwriter import CHILD, ensure_novelwriter
    python, versions = ensure_novelwriter()
    if python is None:
        return {"skipped": versions}
    with tempfile.TemporaryDirectory(prefix="pipwriter-bench-") as home:
        job_file, out = Path(home) / "job.json", Path(home) / "out.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        env = dict(os.environ, PIPWRITER_USER_DIR=home, XDG_CONFIG_HOME=f"{home}/config",
                   XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache",
                   QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([str(python), str(CHILD), str(job_file), str(out)], env=env,
                              capture_output=True, text=True, timeout=1800, cwd=ROOT)
        if done.returncode != 0 or not out.exists():
            return {"skipped": f"novelWriter's run failed: {done.stderr.strip()[-500:]}"}
        result = json.loads(out.read_text(encoding="utf-8"))
    return {"versions": versions, "spelling": result["spelling"],
            "results": {name: r["burst"] for name, r in result["results"].items()}}


def compare_rows(pip: dict, novelwriter: dict) -> list[dict]:
    """novelWriter's rows and the PiP Writer / novelWriter ratios (median, p95)."""
    if "skipped" in novelwriter:
        return [{"name": "novelWriter side by side", "value": f"skipped: {novelwriter['skipped']}",
                 "unit": ""}]
    rows = [{"name": "novelWriter", "value": novelwriter["versions"],
             "unit": f"spelling {novelwriter['spelling']}"}]
    rows += _rows("novelWriter", novelwriter["results"])
    for name, burst in pip.items():
        theirs = novelwriter["results"].get(name)
        if not theirs:
            continue
        ours, other = _idle.summary("", burst["keys"]), _idle.summary("", theirs["keys"])
        rows.append({"name": f"PiP/novelWriter, {name}",
                     "value": f"{ours['median_ms'] / other['median_ms']:.2f} / "
                              f"{ours['p95_ms'] / other['p95_ms']:.2f}",
                     "unit": "x (median / p95)"})
    return rows


# --- the runner's entry point -----------------------------------------------------------------
def run(quick: bool) -> list[dict]:
    return run_child(__file__, quick, "the long-paragraph benchmark", timeout=1800)


def measure(quick: bool, sizes=None, keys: int | None = None) -> list[dict]:
    """Both apps' rows (PiP Writer in this process; novelWriter in its child unless quick)."""
    sizes = sizes or (QUICK_SIZES if quick else SIZES)
    job = make_job(sizes, keys or (QUICK_KEYS if quick else KEYS))
    pip = type_in_pipwriter(job)
    rows = _rows("PiP Writer", pip)
    if quick:
        rows.append({"name": "novelWriter side by side",
                     "value": "skipped: not in quick mode (installs novelWriter)", "unit": ""})
    else:
        rows += compare_rows(pip, type_in_novelwriter(job))
    return rows


def _line(row: dict) -> str:
    if "median_ms" in row:
        return (f"{row['name']:<58} median {row['median_ms']:8.2f}  p95 {row['p95_ms']:8.2f} ms"
                f"  n={row['n']}")
    return f"{row['name']:<58} {row['value']} {row.get('unit', '')}"


def main() -> int:
    args = sys.argv[1:]
    quick = "--quick" in args
    sizes = tuple(int(s) for s in args[args.index("--sizes") + 1].split(",")) \
        if "--sizes" in args else None
    keys = int(args[args.index("--keys") + 1]) if "--keys" in args else None
    own_folder = own_user_folder()
    finish(measure(quick, sizes, keys), "--json" in args, _line, own_folder)


if __name__ == "__main__":
    sys.exit(main())
