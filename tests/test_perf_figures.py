"""The live figures keep what they take from the article's structure and the template (which
sections count toward the limit, the limits) between keys, and are not worked out again for a key
that changed no word count (issue 23); they still follow at once any change to the structure,
its undo, and the typing itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.article.structure import remove_section
from pipwriter.model.language.counts import count_article
from pipwriter.model.storage.project_file import save_project


def _kept_sections(session) -> list[str]:
    return [section_id for section_id, _counts in session.figures_memo[3]]


def _counted(window) -> int:
    session = window.session
    session.sync()
    return count_article(session.article, session.template, cache=session.counter).words_counted


def test_figures_follow_typing_and_every_change_of_structure(controller, small_project,
                                                              tmp_path, qtbot):
    window = controller.open_path(save_project(small_project, tmp_path / "a.pipw"))
    qtbot.addWidget(window)
    session = window.session
    first = session.article.sections[0]
    window.open_panel(f"section:{first.id}")
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " and then we met")
    window.update_figures()
    assert window.figures.words == _counted(window)
    before = window.figures.words
    removed = session.article.sections[-1]
    session.change("remove", lambda a: remove_section(a, removed.id))
    window.update_figures()
    assert window.figures.words == _counted(window)
    assert _kept_sections(session) == [s.id for s in session.article.sections]
    session.undo_stack.undo()
    window.update_figures()
    assert window.figures.words == _counted(window) == before
    assert _kept_sections(session) == [s.id for s in session.article.sections]
    for profile in ("libreoffice", "word"):
        window.commands.set_word_count_profile(profile)
        window.update_figures()
        assert window.figures.words == _counted(window)
    QTest.keyClicks(editor, " again")
    window.update_figures()
    assert window.figures.words == _counted(window)
    shown = window.figures
    QTest.keyClicks(editor, "st")                 # "against": letters inside a word
    window.update_figures()
    assert window.figures is shown                # nothing counted again, nothing to redraw
    QTest.keyClicks(editor, " the")
    window.update_figures()
    assert window.figures.words == _counted(window) == shown.words + 1
    QTest.keyClick(editor, Qt.Key.Key_Backspace)  # "th": still a word
    window.update_figures()
    assert window.figures.words == _counted(window)
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Backspace)
    window.update_figures()
    assert window.figures.words == _counted(window) == shown.words
