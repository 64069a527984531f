"""What the co-authoring window tests share: a window on the small project, typing in a
section, and sending a copy to Sam Jones."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.storage.project_file import save_project


def open_window(controller, qtbot, small_project, tmp_path):
    path = save_project(small_project, tmp_path / "Walking together.pipw")
    win = controller.open_path(path)
    qtbot.addWidget(win)
    return win


def type_in(qtbot, window, section, text):
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)
    qtbot.wait(5)


def send_to_sam(window, tmp_path):
    window.dialogs.queue("choice", 1)                      # Sam Jones
    window.dialogs.queue("text", "please check your viewpoint")
    window.dialogs.queue("save", str(tmp_path / "for Sam.pipw"))
    return window.coauthoring.send_copy()
