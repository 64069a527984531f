"""Adding a key message: the article has it once words are typed in it. Found by a walk: "Add a
key message" put "New key message" in the article; left as it was, it counted as a key message
(the checklist said met) and was printed in the exported article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pipwriter.ui.spell_line_edit import SpellLineEdit


def _panel(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    window.session.change("One", lambda a: a.key_messages.__setitem__(slice(None), ["First"]))
    window.open_panel("key_messages")
    panel = window.panels["key_messages"]
    panel.add_message()
    qtbot.waitUntil(lambda: panel.messages.findChild(SpellLineEdit) is not None, timeout=5000)
    return window, panel, panel.messages.findChild(SpellLineEdit)


def test_a_new_key_message_left_empty_is_not_a_key_message(controller, qtbot):
    window, panel, editor = _panel(controller, qtbot)
    assert editor.toPlainText() == "" and editor.placeholderText()
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.messages.count() == 1, timeout=3000)
    assert window.session.article.key_messages == ["First"]


def test_a_new_key_message_dropped_with_escape_leaves_no_row(controller, qtbot):
    window, panel, editor = _panel(controller, qtbot)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.messages.count() == 1, timeout=3000)
    assert window.session.article.key_messages == ["First"]


def test_a_new_key_message_with_words_is_added(controller, qtbot):
    window, panel, editor = _panel(controller, qtbot)
    QTest.keyClicks(editor, "Ask people what matters")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.session.article.key_messages) == 2, timeout=3000)
    assert window.session.article.key_messages == ["First", "Ask people what matters"]
    window.session.undo_stack.undo()                    # one step takes it back
    assert window.session.article.key_messages == ["First"]
