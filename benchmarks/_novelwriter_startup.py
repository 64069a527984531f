"""novelWriter's cold start, for ``bench_startup``: run by the Python of novelWriter's own virtual
environment (``bench_novelwriter.ensure_novelwriter``), never PiP Writer's.

    <venv>/bin/python benchmarks/_novelwriter_startup.py build ARTICLE.json PROJECT_DIR
    <venv>/bin/python benchmarks/_novelwriter_startup.py start PROJECT_DIR

``build`` makes a novelWriter project of the article (as ``_novelwriter_child.py`` does: one
document per section; the first section's document is the one its editor opens, as PiP Writer's
window opens on the first section), once, before any start is timed. ``start`` is one cold start,
timed from ``PIPWRITER_BENCH_T0`` (the parent's clock just before the process started) as
``_startup_probe.py`` times PiP Writer: novelWriter's own start-up steps (its ``main()`` without
the splash screen, which it shows for a second and more, and without the welcome dialog), the
main window shown, the project opened with that document in the editor, until the editor's
first paint (its ``paintEvent`` has returned: ``_first_paint.py``). Spell checking is
as the project says (on, British English) when Enchant is installed. One JSON line of seconds:
``{"ready": ..., "window": ...}``.
"""

import time

READY = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
T0 = float(os.environ.get("PIPWRITER_BENCH_T0", READY))


def set_up(work: Path, alert=lambda kind: lambda *args, **kwargs: False):
    """novelWriter's own start-up steps (its ``main()``, without splash screen and welcome
    dialog), with config and data folders in ``work``; its message boxes go to
    ``alert(kind)``, which answers them (by default "no", at once). Returns the application."""
    import gc

    import novelwriter
    from novelwriter import CONFIG, SHARED
    gc.disable()                    # as its main() does: it collects on a timer of its own
    CONFIG.initConfig(work / "config", work / "data")
    app = novelwriter._createApp()
    CONFIG.loadConfig(None)
    CONFIG.initLocalisation(app)
    from novelwriter.gui.theme import GuiTheme
    SHARED.initTheme(GuiTheme())
    for kind in ("info", "warn", "error", "question"):
        setattr(SHARED, kind, alert(kind))
    return app


def build(article_file: Path, project: Path) -> None:
    from _novelwriter_child import _build_project
    app = set_up(Path(tempfile.mkdtemp(prefix="nw-build-")))   # kept: icons need it
    article = json.loads(article_file.read_text(encoding="utf-8"))
    _build_project(project, dict(article, typed=0), "en_GB")
    del app


def start(project: Path) -> None:
    from _first_paint import report_first_paint
    from PyQt6 import QtCore
    app = set_up(Path(tempfile.mkdtemp(prefix="nw-start-")))
    from novelwriter import CONFIG
    from novelwriter.editor.editor import GuiDocEditor
    from novelwriter.guimain import GuiMain
    opened = []     # watched once the project is open: a paint before is of an empty editor
    watcher = report_first_paint(QtCore, GuiDocEditor,  # noqa: F841
                                 {"ready": READY - T0}, T0, armed=lambda: opened)
    gui = GuiMain()
    gui.showNormal()
    CONFIG.finishStartup()
    if not gui.openProject(project) or not gui.docEditor.docHandle:
        print(json.dumps({"error": "novelWriter did not open the project's document"}),
              flush=True)
        os._exit(0)
    opened.append(True)
    app.exec()


def main() -> int:
    if sys.argv[1] == "build":
        build(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    start(Path(sys.argv[2]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
