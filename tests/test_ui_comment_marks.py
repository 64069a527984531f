"""The words an open comment is on are shaded in the section's text (a walk found a patient
could not see where a co-author had commented: only the preview marked the words)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.article.text_surface import text_fields
from pipwriter.model.coauthoring.comments import add_comment, set_resolved
from pipwriter.ui import colours


def shaded(editor) -> list[str]:
    """The words drawn on the comment colour, as the editor holds them."""
    return [s.cursor.selectedText() for s in editor.extraSelections()
            if s.format.background().color() == QColor(colours.COMMENTED)]


def test_commented_words_are_shaded_move_with_typing_and_go_when_resolved(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    section = session.article.sections[1]
    body = next(f for f in text_fields(session.article) if f.where.section_id == section.id
                and f.where.field == "body")
    words = body.blocks[0].split(" ")[2]
    start = body.blocks[0].index(words)
    session.change("Comment", lambda a: add_comment(a, body.where, 0, start, start + len(words),
                                                    "Is this right?", "Bethan Lloyd"))
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    assert shaded(editor) == [words]
    editor.setFocus()
    cursor = QTextCursor(editor.document())            # typing before the words moves them
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "So ")
    assert shaded(editor) == [words]
    window.open_panel(f"section:{session.article.sections[2].id}")
    assert shaded(window.section_panel.editor) == []   # not in another section
    window.open_panel(f"section:{section.id}")
    assert shaded(editor) == [words]
    comment_id = session.article.comments[0].id
    session.change("Resolve", lambda a: set_resolved(
        next(c for c in a.comments if c.id == comment_id), True, "Malcolm Reid"))
    assert shaded(editor) == []
    session.undo_stack.undo()                          # reopened by the undo
    assert shaded(editor) == [words]


def test_the_help_says_commented_words_are_shaded():
    from pipwriter.ui.help_dialogs import getting_started_html
    assert "words with a comment on them are shaded pale orange" in \
        " ".join(getting_started_html().split())
