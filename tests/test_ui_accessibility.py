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
    from pipwriter.model.template import get_template
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
