"""Shared helpers for tests that drive the app's windows."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.storage.project_file import save_project


def fill_wizard(wizard) -> bool:
    """Answer the new-article wizard: a titled article by a nurse and a patient."""
    wizard.show()
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    table = wizard.authors_page.table
    table.item(0, 0).setText("Dr Asha Patel")
    table.item(1, 0).setText("Sam Jones")
    for row, partner in ((0, "health_professional"), (1, "patient")):
        combo = table.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(partner))
    assert wizard.authors_page.isComplete()
    wizard.next()
    assert wizard.viewpoints_page.list.count() == 2
    return True


def opened(window, qtbot):
    """``window`` once it has finished opening: the spelling lists read and the navigator's
    marks worked out (a window the app opens shows its text before them)."""
    qtbot.waitUntil(lambda: bool(window.navigator.statuses), timeout=10_000)
    return window


def new_article_on(controller, qtbot, panel: str):
    """A new article (the wizard answered by :func:`fill_wizard`) in a window on ``panel``."""
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    qtbot.addWidget(window)
    window.open_panel(panel)
    return window


def demo_window_on(controller, qtbot, panel: str, section: int = 0):
    """The demo in a shown window of a usual size, on ``panel`` ("section" means the
    ``section``-th section)."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    key = f"section:{window.session.article.sections[section].id}" if panel == "section" \
        else panel
    window.open_panel(key)
    qtbot.wait(5)
    return window


def open_window(controller, project, tmp_path, qtbot, name: str = "article.pipw"):
    """The app's window, 1200 x 700 and shown, on ``project`` saved as ``name``."""
    win = controller.open_path(save_project(project, tmp_path / name))
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    return win


def first_section(window):
    """The first section opened, and its editor with the focus."""
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    return section, editor


def look_at_a_menu(widget, qtbot):
    """Alt+A opens the Article menu from ``widget``; Escape closes it, leaving the keyboard on
    the menu bar (as a user who only looked at the menu leaves it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMenuBar
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert isinstance(QApplication.focusWidget(), QMenuBar)


def type_plainly(editor, text):
    """``text`` typed at the end of the editor's text."""
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)


def select(editor, words):
    """The first ``words`` in the editor selected."""
    start = editor.toPlainText().index(words)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def shared_edit(document, cursor, rnd, kind: str, span: int = 300) -> None:
    """The random edits the counting and spelling tests share, at ``cursor`` in ``document``:
    "delete" a selection of up to ``span`` characters (maybe across paragraphs), "split" the
    paragraph or join it to the one before, "history" undo (mostly) or redo."""
    if kind == "delete":
        end = document.characterCount() - 1
        cursor.setPosition(min(end, cursor.position() + rnd.randint(1, span)),
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    elif kind == "split":
        if rnd.random() < 0.5:
            cursor.insertBlock()
        elif cursor.position() > 0:
            cursor.deletePreviousChar()
    elif rnd.random() < 0.7:
        document.undo()
    else:
        document.redo()


def whole_count(document, profile: str = "word") -> int:
    """The document's words counted afresh, paragraph by paragraph (what kept counts must equal)."""
    from pipwriter.model.language.wordcount import count_words, countable
    from pipwriter.ui.richtext_bridge import block_counted_text
    total, block = 0, document.begin()
    while block.isValid():
        text = countable(block_counted_text(block))
        total += count_words(text, profile) if text else 0
        block = block.next()
    return total


def underlines_settled(document, timeout_s: float = 5.0):
    """``document`` once the underlines its spell highlighter keeps for a moment after typing
    (UNDERLINE_DELAY_MS) are set; fails if they are not within ``timeout_s``."""
    import time

    from PySide6.QtWidgets import QApplication

    from pipwriter.ui.spell_highlighter import SpellHighlighter
    highlighters = document.findChildren(SpellHighlighter)
    deadline = time.monotonic() + timeout_s
    while any(h.waiting() for h in highlighters):
        assert time.monotonic() < deadline, "the underlines after typing were never set"
        QApplication.processEvents()
        time.sleep(0.005)
    return document


def edit_field(box, text):
    """Put ``text`` in a form's box and say the edit is finished, as leaving the box does."""
    if hasattr(box, "setPlainText"):
        box.setPlainText(text)
    else:
        box.setText(text)
    box.editingFinished.emit()


def drawn_underlines(document) -> list[str]:
    """Every word ``document`` draws with a spelling underline at this moment (underlines
    still waiting for their timer are not drawn yet: see :func:`underlines_settled`)."""
    from PySide6.QtGui import QTextCharFormat
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    words, block = [], document.begin()
    while block.isValid():
        text = block.text()
        words += [text[r.start:r.start + r.length] for r in block.layout().formats()
                  if r.format.underlineStyle() == wavy]
        block = block.next()
    return words


def type_in_last_paragraph(window, section_id: str, words: str) -> None:
    """``words`` typed at the end of the last paragraph of a section, through its editor."""
    window.open_panel(f"section:{section_id}")
    editor = window.section_panel.editor
    cursor = QTextCursor(editor.document().lastBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    QTest.keyClicks(editor, words)
