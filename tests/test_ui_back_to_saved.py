"""Undoing back to exactly what is saved makes the article unmodified again (found by a walk:
the title bar kept its "*" and closing asked to save words that were already saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import save_project


def _open(controller, qtbot, tmp_path):
    path = save_project(demo_project(), tmp_path / "demo.pipw")
    window = controller.open_path(path)
    qtbot.addWidget(window)
    window.show()
    assert not window.session.is_modified()
    return window


def _type(window, words: str) -> None:
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, words)


def test_undoing_the_typing_back_to_the_file_is_not_modified(controller, qtbot, tmp_path):
    window = _open(controller, qtbot, tmp_path)
    _type(window, " plum")
    assert window.session.is_modified() and window.isWindowModified()
    editor = window.section_panel.editor
    while editor.document().isUndoAvailable():
        QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.session.is_modified(), timeout=3000)
    assert not window.isWindowModified()                 # the title bar's "*" goes
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)            # redo: modified again
    qtbot.waitUntil(window.session.is_modified, timeout=3000)


def test_undoing_a_change_back_to_the_file_is_not_modified(controller, qtbot, tmp_path):
    window = _open(controller, qtbot, tmp_path)
    session = window.session
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Changed"))
    assert session.is_modified()
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: not session.is_modified(), timeout=3000)


def test_an_undo_that_leaves_other_changes_stays_modified(controller, qtbot, tmp_path):
    window = _open(controller, qtbot, tmp_path)
    session = window.session
    _type(window, " plum")
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Changed"))
    session.undo_stack.undo()               # the typing is still there
    qtbot.wait(50)
    assert session.is_modified() and window.isWindowModified()
