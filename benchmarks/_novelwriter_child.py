"""The novelWriter side of ``bench_novelwriter``: run by the Python of novelWriter's own virtual
environment (never PiP Writer's), with a job file written by the parent.

    <venv>/bin/python benchmarks/_novelwriter_child.py JOB.json OUT.json

For each article in the job it makes a novelWriter project (one document per section of the PiP
Writer article, the section's title as a ``##`` heading, paragraphs separated by a blank line, as
novelWriter writes them), opens it in novelWriter's main window (``GuiMain``, as its ``main()``
does, without the splash screen and the welcome dialog), opens the typed section in its editor
(``GuiDocEditor``), puts the cursor at the end of the same paragraph PiP Writer types into (or,
for ``bench_long_paragraph``, at the start of its middle word when the article says ``"at":
"middle"``), and types the job's keys with ``benchmarks/_idle.py``, the same code that times
PiP Writer. As its ``main()`` does, Python's automatic garbage collection is off (novelWriter
collects every 5 s on a timer of its own). novelWriter's own settings are its defaults (a fresh
config and data folder), except that spell checking is switched on for the project in British
English, as PiP Writer's is; if Enchant or its British dictionary is missing it stays off and
the result says so.

Its alert boxes (which would wait for a click) are replaced by a note in the result.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _idle  # noqa: E402 - after the path is set
from _novelwriter_startup import set_up  # noqa: E402


def _document(section: dict) -> str:
    parts = [f"## {section['title']}"] + list(section["paragraphs"])
    return "\n\n".join(parts) + "\n"


def _build_project(path: Path, article: dict, spell_lang: str) -> str:
    """A novelWriter project holding the article's sections; the handle of the typed one."""
    from novelwriter.core.coretools import ProjectBuilder
    from novelwriter.core.project import NWProject
    from novelwriter.enum import nwItemClass
    if not ProjectBuilder().buildProject({"path": str(path), "name": article["name"],
                                          "author": "Benchmark"}):
        raise RuntimeError("novelWriter could not build the project")
    project = NWProject()
    if not project.openProject(path):
        raise RuntimeError("novelWriter could not open the project it built")
    root = project.tree.findRoot(nwItemClass.NOVEL)
    typed = None
    for index, section in enumerate(article["sections"]):
        handle = project.newFile(section["title"][:100] or f"Section {index + 1}", root)
        project.storage.getDocument(handle).writeDocument(_document(section))
        if index == article["typed"]:
            typed = handle
    project.data.setSpellCheck(True)
    project.data.setSpellLang(spell_lang)
    project.data.setLastHandle(typed, "editor")
    project.index.rebuild()
    project.saveProject()
    project.closeProject()
    return typed


def main() -> int:
    job = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2])
    work = Path(tempfile.mkdtemp(prefix="nw-bench-"))
    import novelwriter
    from novelwriter import CONFIG, SHARED
    from PyQt6 import QtCore, QtTest
    from PyQt6.QtGui import QTextCursor

    notes: list[str] = []

    def alert(kind):
        def record(text, *args, **kwargs):
            notes.append(f"{kind}: {text if isinstance(text, str) else ' '.join(text)}")
            return False                # "no" to a question (a backup on closing, say)
        return record

    app = set_up(work, alert)      # its main()'s steps; the collector off, as there
    from novelwriter.guimain import GuiMain
    gui = GuiMain()
    gui.showNormal()
    gui.resize(*job["size"])
    CONFIG.finishStartup()
    app.focusChanged.connect(gui._appFocusChanged)     # as its postLaunchTasks() does
    app.processEvents()

    results: dict = {}
    spelling = "off"
    for number, article in enumerate(job["articles"]):
        path = work / f"project{number}"
        typed = _build_project(path, article, job.get("spell_lang", "en_GB"))
        started = time.perf_counter()
        if not gui.openProject(path):
            raise RuntimeError(f"novelWriter could not open {path}: {notes}")
        if gui.docEditor.docHandle != typed:
            gui.openDocument(typed)
        app.processEvents()
        opened = time.perf_counter() - started
        editor = gui.docEditor
        checker = SHARED.spelling
        if CONFIG.hasEnchant and SHARED.project.data.spellCheck and checker.spellLanguage:
            spelling = f"on ({checker.spellLanguage}, {checker.describeDict()[1]})"
        else:
            spelling = ("off: " + ("the Enchant library (pyenchant) is missing"
                                   if not CONFIG.hasEnchant else
                                   f"no {job.get('spell_lang', 'en_GB')} dictionary for Enchant"))
        # the end of the same paragraph PiP Writer types into: heading, blank, then a paragraph
        # on every other line
        document = editor.document()
        block = document.findBlockByNumber(2 + 2 * article["paragraph"])
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        if article.get("at") == "middle":   # bench_long_paragraph: the start of its middle word
            cursor.setPosition(block.position() + block.length() // 2)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
        editor.setTextCursor(cursor)
        editor.setFocus()
        editor.ensureCursorVisible(centre=False)
        burst, human = _idle.type_job(QtCore, QtTest, app, [gui, app], editor, job,
                                      article["name"])
        results[article["name"]] = {"burst": burst, "human": human, "open_s": opened,
                                    "blocks": document.blockCount()}
        gui.closeProject(isYes=True)
        app.processEvents()
    out.write_text(json.dumps({
        "app": f"novelWriter {novelwriter.__version__}",
        "qt": f"PyQt6 {QtCore.PYQT_VERSION_STR}, Qt {QtCore.qVersion()}",
        "platform": app.platformName(),
        "spelling": spelling,
        "size": [gui.width(), gui.height()],
        "results": results,
        "notes": notes,
    }), encoding="utf-8")
    sys.stdout.flush()
    os._exit(0)   # novelWriter's own shutdown would save its settings; nothing is needed


if __name__ == "__main__":
    sys.exit(main())
