"""The first screens can make the text bigger (found by a walk: a low-vision user's start
screen and new-article wizard had no Bigger text; only an article's window had one)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pipwriter.model.rules.template import get_template
from pipwriter.ui.app_controller import DEFAULT_TEMPLATE
from pipwriter.ui.new_article_wizard import NewArticleWizard
from pipwriter.ui.settings import Settings
from pipwriter.ui.start_window import StartWindow
from pipwriter.ui.text_size_keys import change_text_size


@pytest.fixture
def normal_size_after():
    yield
    change_text_size(0, Settings())


def test_the_start_screen_has_larger_and_smaller_text_and_remembers_it(qtbot,
                                                                       normal_size_after):
    start = StartWindow()
    qtbot.addWidget(start)
    start.show()
    start.activateWindow()
    qtbot.waitUntil(start.isActiveWindow, timeout=5000)
    before = QApplication.font().pointSizeF()
    qtbot.mouseClick(start.bigger_button, Qt.MouseButton.LeftButton)
    assert QApplication.font().pointSizeF() == before + 1
    assert start.settings.text_size == before + 1                  # the next start has it
    QTest.keyClick(start, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)   # Ctrl++
    assert QApplication.font().pointSizeF() == before + 2
    qtbot.mouseClick(start.smaller_button, Qt.MouseButton.LeftButton)
    assert QApplication.font().pointSizeF() == before + 1
    QTest.keyClick(start, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)      # normal
    assert QApplication.font().pointSizeF() == before and start.settings.text_size == 0
    assert start.bigger_button.text() == "&Larger text"


def test_the_new_article_wizard_answers_ctrl_plus(qtbot, normal_size_after):
    wizard = NewArticleWizard(get_template(DEFAULT_TEMPLATE))
    qtbot.addWidget(wizard)
    keys = {action.shortcut().toString() for action in wizard.size_keys}
    assert QKeySequence(QKeySequence.StandardKey.ZoomIn).toString() in keys
    assert "Ctrl+0" in keys
    before = QApplication.font().pointSizeF()
    wizard.size_keys[0].trigger()
    assert QApplication.font().pointSizeF() == before + 1


def test_the_empty_recent_list_says_so_in_readable_text(qtbot):
    """Found by a walk: "Articles you open will be listed here." was drawn greyed out, too pale
    to read; it is plain text now, still not something to choose."""
    from PySide6.QtWidgets import QListWidgetItem
    start = StartWindow(Settings())
    qtbot.addWidget(start)
    start.refresh()
    item: QListWidgetItem = start.recent.item(0)
    assert item.text() == "Articles you open will be listed here."
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not item.flags() & Qt.ItemFlag.ItemIsSelectable
