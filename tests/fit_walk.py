"""Open every window, panel, tab, dialog and wizard page of the app and report what does not fit
the screen or cannot be reached by Tab (see fit_checks.py).

Run in a fresh process by test_ui_fit.py, because the screen is fixed when Qt starts: the size
comes from ``QT_QPA_PLATFORM=offscreen:configfile=…`` and the scaling from QT_SCALE_FACTOR.
``python tests/fit_walk.py [--text-size POINTS] [--keyboard]`` prints JSON: the problems, and
the name of every window and page it looked at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fake_dialogs import FakeDialogs  # noqa: E402
from fit_checks import fit_problems, tab_problems  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QFont, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget  # noqa: E402


class Walk:
    def __init__(self, keyboard: bool):
        self.keyboard = keyboard
        self.problems: list[str] = []
        self.seen: list[str] = []

    def settle(self) -> None:
        for _ in range(3):
            QApplication.processEvents()
            # widgets a panel replaced go when the event loop next turns, as in the app
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def look(self, window: QWidget, what: str) -> None:
        """Check ``window`` as it is now (it is shown and made the active window)."""
        if not window.isVisible():
            window.show()
        window.activateWindow()
        window.raise_()
        self.settle()
        self.seen.append(what)
        self.problems += [f"[{what}] {p}" for p in fit_problems(window)]
        if self.keyboard and QApplication.activeWindow() is window:
            self.problems += [f"[{what}] {p}" for p in tab_problems(window)]
        elif self.keyboard:
            self.problems.append(f"[{what}] the window could not be made active")

    def tabs(self, window: QWidget, what: str) -> None:
        """Look at ``window`` with each tab of each tab widget in it chosen in turn."""
        self.look(window, what)
        for tabs in window.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                self.look(window, f"{what} › {tabs.tabText(index).replace('&', '')}")
            tabs.setCurrentIndex(0)

    def wizard(self, wizard, what: str, answer=None) -> None:
        """Every page of a wizard, answering each with ``answer(page)`` to move on."""
        wizard.show()
        self.settle()
        visited = set()
        while wizard.currentId() not in visited:
            visited.add(wizard.currentId())
            page = wizard.currentPage()
            self.look(wizard, f"{what} › {page.title() or wizard.currentId()}")
            if answer is not None:
                answer(page)
            wizard.next()
            self.settle()
        wizard.close()


def _main_window_walk(walk: Walk, controller) -> None:
    from pipwriter.ui.navigator import ALL_PANELS
    window = controller.open_demo()
    walk.settle()
    article = window.session.article
    sections = [article.sections[0], article.viewpoints()[0]]
    for section in sections:
        window.open_panel(f"section:{section.id}")
        walk.look(window, f"main window › {section.title}")
    for key in ALL_PANELS:
        window.open_panel(key)
        walk.tabs(window, f"main window › {key}")

    # dialogs and wizards opened from the main window
    from pipwriter.ui.disclosure_pages import ItemPage
    from pipwriter.ui.disclosure_wizard import DisclosureWizard
    author = article.authors[0]
    wizard = DisclosureWizard(author, article.title, article.authors, parent=window)

    def answer(page):
        if isinstance(page, ItemPage) and page.item.number == 1:
            page.yes_radio.setChecked(True)      # shows the entries editor once
            page.editor.who_edit.setText("Stroke Survivors Together")
        elif isinstance(page, ItemPage):
            page.none_radio.setChecked(True)
        elif page is wizard.certify_page:
            page.checkbox.setChecked(True)
    walk.wizard(wizard, "competing interests", answer)

    from pipwriter.ui.export_dialog import ExportDialog
    dialog = ExportDialog(window)
    walk.look(dialog, "export")
    dialog.close()
    window.find_replace()
    walk.look(window._find_dialog, "find and replace")
    window._find_dialog.close()
    for page in ("start", "guidance", "keys"):
        dialog = window.help.show(page)
        walk.look(dialog, f"help › {page}")
        dialog.close()
    from pipwriter.ui.history_dialogs import BackupsDialog, VersionsDialog
    for kind in (VersionsDialog, BackupsDialog):
        dialog = kind(window)
        walk.look(dialog, kind.TITLE)
        dialog.close()
    from pipwriter.model.coauthoring.merge import merge_articles
    from pipwriter.ui.merge_dialog import MergeDialog
    theirs = article.copy() if hasattr(article, "copy") else article
    dialog = MergeDialog(merge_articles(None, article, theirs), "Sam", window)
    walk.look(dialog, "merge")
    dialog.close()
    from pipwriter.ui.crop_dialog import CropDialog
    image = QImage(3000, 2000, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    dialog = CropDialog(image, 600, window)
    walk.look(dialog, "crop photo")
    dialog.close()
    from pipwriter.model.storage.recovery import RecoveryEntry
    from pipwriter.ui.recovery_dialog import RecoveryDialog
    entries = [RecoveryEntry("s1", Path("/tmp/a.pipw"), Path("/tmp/a.json"), None,
                             "Walking together", dt.datetime(2026, 5, 1, 9, 30), 1, "host")]
    dialog = RecoveryDialog(entries, lambda _e: "", window)
    walk.look(dialog, "recover unsaved work")
    dialog.close()
    from PySide6.QtWidgets import QMessageBox

    from pipwriter.ui.article_commands import citation_choices
    from pipwriter.ui.dialogs import Dialogs
    dialogs = Dialogs(window)
    choice = dialogs.choice_dialog("Add a section", "Which section?",
                                   [s.title for s in article.sections])
    about = QMessageBox(QMessageBox.Icon.Information, "About", "PiP Writer\n\n" + "Write a "
                        "Partnership in Practice article for The BMJ with your co-authors, and "
                        "export everything the editors need.", QMessageBox.StandardButton.Ok,
                        window)
    for name, box in (("unsaved changes", dialogs.unsaved_box(article.title)),
                      ("rename section", dialogs.text_dialog("Rename section", "New heading:",
                                                             article.sections[0].title, 120)),
                      ("add a section", choice), ("about", about),
                      ("insert citation", dialogs.choice_dialog(
                          "Insert citation", "Which reference?", citation_choices(article)))):
        walk.look(box, name)
        box.close()
    window.session.set_modified(False)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text-size", type=float, default=0)
    parser.add_argument("--keyboard", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("PIPWRITER_USER_DIR", tempfile.mkdtemp(prefix="pipfit"))
    app = QApplication(sys.argv[:1])
    if args.text_size:                  # as View › Bigger text leaves it
        from pipwriter.ui.text_scale import scale_marks
        font = QFont(app.font())
        base = font.pointSizeF()
        font.setPointSizeF(args.text_size)
        app.setFont(font)
        scale_marks(args.text_size, base)
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.app_controller import AppController
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    walk = Walk(args.keyboard)
    controller = AppController(FakeDialogs())
    controller.show_start()
    walk.look(controller.start, "start screen")

    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))

    def answer(page):
        if page is wizard.title_page:
            page.title_edit.setText("Walking together")
        elif page is wizard.authors_page:
            page.table.item(0, 0).setText("Dr Asha Patel")
            page.table.item(1, 0).setText("Sam Jones")
    walk.wizard(wizard, "new article", answer)
    _main_window_walk(walk, controller)
    screen = app.primaryScreen()
    json.dump({"problems": walk.problems, "seen": walk.seen,
               "screen": screen.availableGeometry().getRect()}, sys.stdout, indent=1)
    sys.stdout.flush()
    os._exit(0)         # the report is out; tearing the windows down tells us nothing more


if __name__ == "__main__":
    sys.exit(main())
