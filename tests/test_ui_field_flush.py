"""Words typed in a form field reach the article, and so the recovery copy, while the keyboard
is still in the field (a crash or a power cut used to lose them: they were stored only when the
keyboard left the box). The keyboard, the cursor and the typing carry on undisturbed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.recovery import recovery_paths
from pipwriter.ui import field_flush
from pipwriter.ui.spell_line_edit import SpellLineEdit

PAUSE_MS = 80


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(field_flush, "PAUSE_MS", PAUSE_MS)
    monkeypatch.setattr(field_flush, "LONGEST_MS", 400)
    win = controller.open_path(save_project(small_project, tmp_path / "walking.pipw"))
    qtbot.addWidget(win)
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    return win


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


def recovery_copy(window):
    saver = window.data_safety.autosaver
    saver.flush()
    saver.wait()
    return load_project(recovery_paths(saver.session_id)[0]).article


def test_the_title_being_typed_reaches_the_article_and_the_recovery_copy(window, qtbot):
    window.open_panel("title")
    edit = window.panels["title"].title_edit
    focus(qtbot, edit)
    edit.setText("Walking home")
    cursor = edit.textCursor()
    cursor.setPosition(len("Walking"))              # typing in the middle of the title
    edit.setTextCursor(cursor)
    QTest.keyClicks(edit, " slowly")
    qtbot.waitUntil(lambda: window.session.article.title == "Walking slowly home", timeout=5000)
    # the keyboard and the cursor are where they were: the typing carries on
    assert edit.hasFocus() and edit.textCursor().position() == len("Walking slowly")
    QTest.keyClicks(edit, " and")
    assert edit.text() == "Walking slowly and home"
    assert recovery_copy(window).title in ("Walking slowly home", "Walking slowly and home")
    qtbot.waitUntil(lambda: window.session.article.title == "Walking slowly and home",
                    timeout=5000)


def test_a_references_field_is_stored_and_its_form_keeps_the_keyboard(window, qtbot):
    window.open_panel("references")
    panel = window.panels["references"]
    panel.add_reference()
    pages = panel.inputs["pages"]
    focus(qtbot, pages)
    QTest.keyClicks(pages, "1-1")
    qtbot.waitUntil(lambda: window.session.article.references[-1].pages == "1-1", timeout=5000)
    assert pages.hasFocus() and pages.cursorPosition() == 3
    QTest.keyClicks(pages, "2")
    qtbot.waitUntil(lambda: window.session.article.references[-1].pages == "1-12",
                    timeout=5000)
    assert recovery_copy(window).references[-1].pages == "1-12"
    assert panel.inputs["pages"] is pages           # the form was not rebuilt under the typing


def test_a_long_unbroken_stretch_of_typing_is_stored_while_it_goes_on(window, qtbot):
    window.open_panel("title")
    edit = window.panels["title"].title_edit
    focus(qtbot, edit)
    edit.selectAll()
    stored = []
    for letter in "abcdefghijklmnopqrstuvwxyz" * 2:
        QTest.keyClick(edit, letter)
        qtbot.wait(PAUSE_MS // 4)              # never a pause long enough to store on its own
        stored.append(window.session.article.title)
    assert any(title.startswith("abc") for title in stored)     # stored before the end


def test_one_pause_is_one_step_to_undo(window, qtbot):
    window.open_panel("title")
    edit = window.panels["title"].title_edit
    focus(qtbot, edit)
    before = window.session.article.title
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, " today")
    qtbot.waitUntil(lambda: window.session.article.title == before + " today", timeout=5000)
    qtbot.wait(PAUSE_MS * 3)                        # nothing typed: nothing more stored
    window.session.undo_stack.undo()
    assert window.session.article.title == before


def test_a_key_message_being_edited_in_its_list_is_left_alone(window, qtbot):
    """An item's editor in a list closes when it says it is finished: it is not hurried."""
    window.open_panel("key_messages")
    panel = window.panels["key_messages"]
    panel.add_message()
    qtbot.waitUntil(lambda: panel.messages.findChild(SpellLineEdit) is not None, timeout=5000)
    editor = panel.messages.findChild(SpellLineEdit)
    focus(qtbot, editor)
    QTest.keyClicks(editor, "Ask the people")
    qtbot.wait(PAUSE_MS * 4)
    assert panel.messages.findChild(SpellLineEdit) is editor and editor.hasFocus()
    QTest.keyClicks(editor, " who use it")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.article.key_messages[-1] ==
                    "Ask the people who use it", timeout=5000)


def test_the_section_heading_is_stored_while_typed(window, qtbot):
    edit = window.section_panel.title_edit
    focus(qtbot, edit)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, " now")
    section = window.section_panel.section_id
    qtbot.waitUntil(lambda: window.session.article.section(section).title.endswith(" now"),
                    timeout=5000)
    assert edit.hasFocus()
