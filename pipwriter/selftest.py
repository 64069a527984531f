"""``pipwriter self-test``: prove that this installation (or frozen build) has everything it needs.

Loads every resource and dependency, builds the demo article, saves and reopens it, exports its
bundle to a temporary folder and reads the documents back. Prints one line per check; exit 0/1.
The first line says where the log folder is; every line also goes to the log, because the
windowed Windows app (``pipwriter.exe self-test``) has no console to print to. With
``PIPWRITER_SELFTEST_GUI=1`` it also drives the real window (open the demo, type, save, export).
"""

from __future__ import annotations

import logging
import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .export.bundle import ExportResult
    from .ui.dialogs import Dialogs

log = logging.getLogger(__name__)


def _templates() -> str:
    from .model.rules.template import available_templates
    templates = available_templates()
    return f"{len(templates)} template(s): {', '.join(sorted(templates))}"


def _icmje() -> str:
    from .model.interests.icmje import load_items
    return f"{len(load_items())} disclosure items"


def _spelling() -> str:
    from .model.language.spelling import SpellEngine
    engine = SpellEngine("en_GB", None)
    flagged = [w for _s, _e, w in engine.misspelt_spans("The paediatric programme recieved")]
    if flagged != ["recieved"]:
        raise RuntimeError(f"unexpected spelling result {flagged}")
    return "British English dictionary loaded"


def _qt() -> str:
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if os.name == "posix" and not _is_macos() and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["pipwriter-self-test"])
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    if image.isNull():
        raise RuntimeError("Qt could not create an image")
    return f"Qt {QtCore.qVersion()} ({app.platformName()}); {_qt_text_services()}"


def _qt_text_services() -> str:
    """Sorting and legacy text decoding: on Linux they need ICU's data, which the frozen build
    trims (packaging/icu_trim.py); on Windows and macOS Qt asks the system."""
    import sys

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder
    collator = QCollator(QLocale("en_GB"))
    collator.setNumericMode(True)
    if not collator.compare("file2", "file10") < 0:
        raise RuntimeError("Qt cannot sort numbers in names (file2 before file10)")
    if sys.platform.startswith("linux") and not QStringDecoder("windows-1252").isValid():
        raise RuntimeError("Qt cannot decode windows-1252 text")
    return "sorting and text decoding work"


def _is_macos() -> bool:
    import sys
    return sys.platform == "darwin"


def _demo_roundtrip(workdir: Path) -> str:
    from .model.storage.demo import demo_project
    from .model.storage.project_file import load_project, save_project
    project = demo_project()
    path = save_project(project, workdir / "demo.pipw")
    again = load_project(path)
    if again.article != project.article or again.missing_media():
        raise RuntimeError("the demo article changed on save and reopen")
    return f"demo article saved and reopened ({path.stat().st_size // 1024} KB)"


def _export(workdir: Path) -> str:
    import docx

    from .export.bundle import export_bundle
    from .model.storage.demo import demo_project
    project = demo_project()
    result = export_bundle(project, workdir / "bundle", draft=False, make_zip=True)
    article_docx = next(p for p in result.files if p.name.endswith(".docx"))
    text = "\n".join(p.text for p in docx.Document(str(article_docx)).paragraphs)
    if project.article.title not in text:
        raise RuntimeError("the exported article does not contain its title")
    return f"bundle exported and read back ({len(result.files)} files)"


TYPED = " Typed by the self-test."


def _answers(save_path: Path, folder: Path) -> Dialogs:
    """The app's dialogs, answered without a person: the save path and export folder given,
    and "no" to every other question, so no window ever waits for a click."""
    from .ui.dialogs import Dialogs

    class Answers(Dialogs):
        def ask_open_path(self, folder: str = "") -> Path | None:
            return None

        def ask_save_path(self, suggested: str = "", title: str = "") -> Path | None:
            return save_path

        def ask_folder(self, title: str, folder_shown: str = "",
                       kind: str = "export") -> Path | None:
            return folder

        def ask_file(self, title: str, file_filter: str, folder: str = "",
                     kind: str = "articles") -> Path | None:
            return None

        def ask_text(self, title: str, label: str, text: str = "",
                     max_length: int | None = None, *, lines: bool = False) -> str | None:
            return None

        def ask_choice(self, title: str, label: str, choices: list[str]) -> int | None:
            return None

        def ask_unsaved(self, name: str) -> str:
            return "cancel"

        def confirm(self, title: str, text: str, yes: str = "Yes", *, no: str = "No",
                    keep: bool = False) -> bool:
            return False

        def ask_recovery(self, entries: list, compare: Any = None) -> list[tuple[object, str]]:
            return []

        def ask_crop_square(self, title: str, image_data: bytes,
                            minimum_side: int) -> tuple[int, int, int, int] | None:
            return None

        def error(self, title: str, text: str) -> None:
            log.warning("self-test: the app said %s: %s", title, text)

        def info(self, title: str, text: str, details: str = "") -> None:
            log.info("self-test: the app said %s: %s %s", title, text, details)
    return Answers()


def _window(workdir: Path) -> str:
    """The real window on the demo article: type into a section, save, export the bundle."""
    import zipfile

    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from .ui.app_controller import AppController
    from .ui.export_dialog import ExportDialog
    saved, folder = workdir / "typed.pipw", workdir / "window-bundle"
    controller = AppController(_answers(saved, folder))
    window = controller.open_demo()
    try:
        window.show()
        editor = window.section_panel.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        for character in TYPED:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         character))
        QApplication.processEvents()
        if not window.save_as() or not saved.is_file():
            raise RuntimeError("the window did not save the article")
        with zipfile.ZipFile(saved) as archive:
            if not any(TYPED.strip().encode() in archive.read(name)
                       for name in archive.namelist()):
                raise RuntimeError("the typed words are not in the saved file")
        dialog = ExportDialog(window)
        dialog.folder_edit.setText(str(folder))
        results: list[ExportResult | str] = []
        loop = QEventLoop()

        def finished(result: ExportResult | str) -> None:
            results.append(result)
            loop.quit()
        dialog.finished_export.connect(finished)
        QTimer.singleShot(180_000, loop.quit)
        if not dialog.start_export():
            raise RuntimeError("the export dialog would not start")
        loop.exec()
        while dialog.running():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        outcome = results[0] if results else "no answer"
        if isinstance(outcome, str):
            raise RuntimeError(f"export failed: {outcome}")
        dialog.close()
        return (f"demo opened, typed into, saved and exported from the window "
                f"({len(outcome.files)} files)")
    finally:
        window.session.set_modified(False)
        window.close()


def run_self_test(print_line: Callable[[str], None] = print) -> int:
    from .logs import log_dir, start_logging
    logger = logging.getLogger("pipwriter.selftest")
    logged = start_logging() is not None

    def say(line: str) -> None:
        print_line(line)
        logger.info(line)

    say(f"log   {log_dir()}" + ("" if logged else " (cannot be written)"))
    failures = 0
    with tempfile.TemporaryDirectory(prefix="pipwriter-selftest-") as tmp:
        workdir = Path(tmp)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("templates", _templates), ("disclosure items", _icmje), ("spelling", _spelling),
            ("Qt", _qt), ("project file", lambda: _demo_roundtrip(workdir)),
            ("export", lambda: _export(workdir)),
        ]
        if os.environ.get("PIPWRITER_SELFTEST_GUI") == "1":   # tests/test_frozen_smoke.py
            checks.append(("window", lambda: _window(workdir)))
        for name, check in checks:
            try:
                say(f"ok    {name}: {check()}")
            except Exception as error:  # noqa: BLE001 - every failure is reported, not raised
                failures += 1
                say(f"FAIL  {name}: {error}")
                logger.error("%s failed", name, exc_info=True)
                if os.environ.get("PIPWRITER_DEBUG"):
                    traceback.print_exc()
    say("self-test passed" if not failures else f"self-test failed ({failures})")
    return 1 if failures else 0
