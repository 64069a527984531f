"""What the Suggest mode tests share: a window on a small article, and ways to type in it."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.coauthoring.suggestions import pending
from pipwriter.model.storage.project_file import save_project


def open_window(controller, small_project, tmp_path, qtbot):
    """The app's window on the small article (each test file's ``window`` fixture)."""
    win = controller.open_path(save_project(small_project, tmp_path / "suggest.pipw"))
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    return win


def first_section(window):
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    return section, editor


def type_plainly(editor, text):
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)


def suggest_on(window, who=1):
    window.dialogs.queue("choice", who)             # who am I (asked once)
    window.suggest_mode.action.setChecked(True)


def select(editor, words):
    start = editor.toPlainText().index(words)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def waiting(window):
    window.session.sync()
    return pending(window.session.article)


def body(window, section):
    window.session.sync()
    return window.session.article.section(section.id).body
