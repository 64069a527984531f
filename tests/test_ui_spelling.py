"""Spelling in the real editor: underlines as you type, suggestions, ignore kept in the project."""

from __future__ import annotations

from fake_dialogs import FakeDialogs
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from ui_support import underlines_settled

from pipwriter.model.storage.project_file import load_project
from pipwriter.ui.app_controller import AppController


def _underlined(document):
    words, block = [], underlines_settled(document).begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return words


def test_spelling_in_the_main_window(qtbot, tmp_path):
    controller = AppController(FakeDialogs())
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    section = session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    document = editor.document()
    assert _underlined(document) == []          # the demo's British health writing is clean
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " The paediatric programme recieved Malcolm's colour leaflets.")
    qtbot.waitUntil(lambda: _underlined(document) == ["recieved"], timeout=20000)

    # the right-click menu offers the right suggestion first, and "ignore" travels with the file
    found = document.find("recieved")
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 2)
    menu = QMenu()
    window.section_panel._spelling_menu(menu, editor.cursorRect(cursor).center())
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0] == "received"
    ignore = next(a for a in menu.actions() if a.text().startswith("Ignore"))
    ignore.trigger()
    qtbot.waitUntil(lambda: _underlined(document) == [], timeout=20000)
    assert session.article.settings.spell_ignore[-1] == "recieved"
    path = tmp_path / "d.pipw"
    window.dialogs.queue("save", str(path))
    assert window.save_as()
    assert "recieved" in load_project(path).article.settings.spell_ignore
    window.close()
