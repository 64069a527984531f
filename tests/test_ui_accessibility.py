"""Every control a keyboard can reach has a name a screen reader can speak."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from pipwriter.ui.navigator import ALL_PANELS

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
            QAbstractItemView, QAbstractSpinBox)


def _spoken_name(widget: QWidget, buddies: set[int]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and (widget.text().replace("&", "").strip()
                                                or widget.toolTip()):
        return widget.text() or widget.toolTip()
    return "labelled" if id(widget) in buddies else ""


def _unnamed(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
            continue   # a combo box's own list view
        if not _spoken_name(widget, buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"in {type(widget.parent()).__name__}")
    return missing


@pytest.mark.parametrize("panel", ["section", *ALL_PANELS])
def test_every_control_in_each_panel_is_named(controller, qtbot, panel):
    window = controller.open_demo()
    qtbot.addWidget(window)
    key = f"section:{window.session.article.sections[0].id}" if panel == "section" else panel
    window.open_panel(key)
    qtbot.wait(5)
    assert _unnamed(window) == []


def test_start_screen_and_wizard_controls_are_named(controller, qtbot):
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    controller.show_start()
    assert _unnamed(controller.start) == []
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()
    assert _unnamed(wizard) == []
    wizard.title_page.title_edit.setText("T")
    wizard.next()
    assert _unnamed(wizard) == []


# --- access keys (Alt + the underlined letter) ---------------------------------------------------
def _access_key(text: str) -> str:
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else ""


def _access_keys(window: QWidget, root: QWidget) -> dict[str, list[str]]:
    """Every underlined letter the user can press in ``root`` now, with what it belongs to
    (the window's menus included)."""
    from PySide6.QtWidgets import QGroupBox, QMainWindow, QTabWidget
    keys: dict[str, list[str]] = {}

    def add(text: str, what: str) -> None:
        if _access_key(text):
            keys.setdefault(_access_key(text), []).append(what)
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text(), f"menu {action.text()}")
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QAbstractButton, QLabel)):
            add(widget.text(), widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title(), widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index), f"tab {widget.tabText(index)}")
    return keys


def _clashes(window: QWidget, root: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in _access_keys(window, root).items() if len(v) > 1}


@pytest.mark.parametrize("panel", ["section", *ALL_PANELS])
def test_no_access_key_is_used_twice_in_a_panel(controller, qtbot, panel):
    """Alt + a letter must reach one control: with two, Qt only moves between them."""
    from PySide6.QtWidgets import QTabWidget
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    key = f"section:{window.session.article.sections[0].id}" if panel == "section" else panel
    window.open_panel(key)
    qtbot.wait(5)
    assert _access_keys(window, window)       # the check sees the letters
    assert _clashes(window, window) == {}
    for tabs in window.findChildren(QTabWidget):    # and on every tab of a panel with tabs
        if tabs.isVisible():
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                assert _clashes(window, window) == {}, tabs.tabText(index)


def test_no_access_key_is_used_twice_in_the_dialogs(controller, qtbot):
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    controller.show_start()
    assert _clashes(controller.start, controller.start) == {}
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()
    assert _clashes(wizard, wizard) == {}
    wizard.title_page.title_edit.setText("T")
    wizard.next()
    assert _clashes(wizard, wizard) == {}


def test_no_access_key_is_used_twice_in_the_article_dialogs(controller, qtbot):
    from PySide6.QtGui import QColor, QImage

    from pipwriter.ui.crop_dialog import CropDialog
    from pipwriter.ui.disclosure_wizard import DisclosureWizard
    from pipwriter.ui.export_dialog import ExportDialog
    from pipwriter.ui.find_replace import FindReplaceDialog
    from pipwriter.ui.history_dialogs import BackupsDialog, VersionsDialog
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    picture = QImage(900, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    article = window.session.article
    author = article.authors[0]
    dialogs = [ExportDialog(window), FindReplaceDialog(window), VersionsDialog(window),
               BackupsDialog(window), CropDialog(picture, 600),
               DisclosureWizard(author, article.title, article.authors)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert _clashes(dialog, dialog) == {}, type(dialog).__name__
        if isinstance(dialog, ExportDialog):    # ticked, the button reads "&Export draft"
            dialog.draft_box.setChecked(True)   # (it was "Export &draft": Alt+D twice)
            assert "draft" in dialog.export_button.text()
            assert _clashes(dialog, dialog) == {}, "export as a draft"
        dialog.close()
    wizard = dialogs[-1]
    wizard.show()
    pages = set()
    for _page in range(30):            # every page of the competing-interests wizard
        assert _clashes(wizard, wizard) == {}, wizard.currentPage().title()
        pages.add(wizard.currentId())
        if not wizard.button(wizard.WizardButton.NextButton).isEnabled():
            break
        wizard.next()
    assert len(pages) >= 5


def test_no_access_key_is_used_twice_in_a_menu(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        keys: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.menu():
                menus.append(action.menu())
            if _access_key(action.text()):
                keys.setdefault(_access_key(action.text()), []).append(action.text())
        assert {k: v for k, v in keys.items() if len(v) > 1} == {}, menu.title()
