"""Suggest mode while typing: typing, deleting, replacing, undo, who suggests, Find and replace,
paragraph breaks, spelling and reading ease: kept as suggestions by the right person, the article
standing without them, and never mixed into ordinary typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from suggest_support import body, suggest_on, waiting, weekly_becomes_monthly
from ui_support import first_section, open_window, select, type_plainly

from pipwriter.model.language.counts import section_words
from pipwriter.ui.richtext_bridge import suggestion_marks


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot):
    return open_window(controller, small_project, tmp_path, qtbot, "suggest.pipw")


def test_typing_in_suggest_mode_is_a_suggestion_by_me_and_the_article_stands_without_it(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    before = body(window, section).plain_text()
    words_before = section_words(window.session.article.section(section.id))
    suggest_on(window)
    assert window.suggest_mode.status.isVisible()
    assert "Suggesting" in window.suggest_mode.status.text()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Patients chose the topics.")
    rich = body(window, section)
    assert rich.plain_text() == before                 # the article as it stands
    assert rich.accepted().plain_text() == before + " Patients chose the topics."
    [suggestion] = waiting(window)     # one suggestion, however many keys
    assert suggestion.author == "Sam Jones"
    assert suggestion.added == " Patients chose the topics."
    assert section_words(window.session.article.section(section.id)) == words_before
    assert window.session.section_words(section.id) == words_before     # the live figure too
    # the words show marked in the editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
    assert suggestion_marks(cursor.charFormat())[0] == suggestion.id
    assert cursor.charFormat().fontUnderline()


def test_deleting_marks_words_and_deleting_my_own_insertion_takes_it_away(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met every week.")
    suggest_on(window)
    select(editor, "every week")
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    rich = body(window, section)
    assert "every week" in rich.plain_text()           # still there until accepted
    assert "every week" not in rich.accepted().plain_text()
    [deletion] = waiting(window)
    assert deletion.removed == "every week" and not deletion.added
    # type, then take back some of my own typing with Backspace: it goes at once
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Mostly")
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Backspace)
    rich = body(window, section)
    assert rich.accepted().plain_text().endswith(" Mos")
    # Backspace over words that are not suggestions marks them, one suggestion per stretch
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(4):
        QTest.keyClick(editor, Qt.Key.Key_Left)
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Backspace)
    rich = body(window, section)
    assert rich.plain_text().endswith("We met every week.")
    assert rich.accepted().plain_text().endswith("We met  Mos") or \
        rich.accepted().plain_text().endswith("We  Mos")


def test_typing_over_a_selection_is_one_replacement(window):
    section, editor = weekly_becomes_monthly(window)
    [change] = waiting(window)
    assert (change.removed, change.added) == ("weekly", "monthly")
    assert change.describe() == "Replace “weekly” with “monthly”"
    rich = body(window, section)
    assert rich.plain_text().endswith("We met weekly.")
    assert rich.accepted().plain_text().endswith("We met monthly.")


def test_with_suggest_mode_off_typing_next_to_a_suggestion_is_plain(window):
    section, editor = first_section(window)
    type_plainly(editor, " One.")
    suggest_on(window)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Two.")
    window.suggest_mode.action.setChecked(False)
    assert not window.suggest_mode.status.isVisible()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Three.")
    rich = body(window, section)
    assert rich.plain_text().endswith("One. Three.")
    assert [s.added for s in waiting(window)] == [" Two."]


def test_undo_takes_back_a_suggestion_as_typing(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    before = body(window, section).to_json()
    suggest_on(window)
    select(editor, "weekly")
    QTest.keyClick(editor, Qt.Key.Key_Delete)           # marked for deletion
    assert waiting(window)
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not waiting(window)
    assert body(window, section).to_json() == before
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Yes")
    assert [w.added for w in waiting(window)] == [" Yes"]
    QTest.keyClicks(editor, " No")
    assert [w.added for w in waiting(window)] == [" Yes No"]
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [w.added for w in waiting(window)] == [" Yes"]    # a word at a time, as typing
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not waiting(window)
    assert body(window, section).to_json() == before


def test_suggestions_carry_the_name_chosen_as_i_am_now(window):
    section, editor = first_section(window)
    type_plainly(editor, " One.")
    suggest_on(window)                                  # Sam Jones
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Sam's")
    patel = window.session.article.authors[0]
    window.coauthoring.set_me(patel.id)                 # "I am" changed, Suggest mode still on
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Asha's")
    assert [(w.author, w.added) for w in waiting(window)] == \
        [("Sam Jones", " Sam's"), ("Dr Asha Patel", " Asha's")]
    for _ in range(len(" Asha's") + 2):                 # into Sam's words: not hers to remove
        QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert [(w.author, w.added) for w in waiting(window)] == [("Sam Jones", " Sam's")]
    assert "Someone else suggested" in window.statusBar().currentMessage()


def test_cancelling_who_are_you_leaves_suggest_mode_off(window):
    window.dialogs.queue("choice", None)
    window.suggest_mode.action.setChecked(True)
    assert not window.suggest_mode.action.isChecked()
    assert not window.section_panel.editor.suggest.on
    assert "choose who you are" in window.statusBar().currentMessage()


def test_backspace_at_a_paragraph_start_joins_it_back(window):
    section, editor = first_section(window)
    type_plainly(editor, " Before.")
    suggest_on(window)
    QTest.keyClick(editor, Qt.Key.Key_Return)           # a new paragraph, made at once
    assert len(body(window, section).paragraphs) == 2 or editor.document().blockCount() == 2
    QTest.keyClick(editor, Qt.Key.Key_Backspace)        # and joined back at once
    assert editor.document().blockCount() == 1
    assert not waiting(window)


def test_find_and_replace_in_suggest_mode_suggests(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly, weekly.")
    suggest_on(window)
    window.find_replace()
    dialog = window._find_dialog
    dialog.find_edit.setText("weekly")
    dialog.replace_edit.setText("monthly")
    assert dialog.replace_all() == 2
    rich = body(window, section)
    assert rich.plain_text().endswith("We met weekly, weekly.")          # as it stands
    assert rich.accepted().plain_text().endswith("We met monthly, monthly.")
    assert [(w.removed, w.added, w.author) for w in waiting(window)] == \
        [("weekly", "monthly", "Sam Jones")] * 2
    dialog.close()


def test_reading_ease_reads_the_text_as_it_stands(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met. We talked. We agreed.")
    window.section_panel.update_readability()
    before = window.section_panel.readability.text()
    suggest_on(window)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Notwithstanding considerable organisational complexity, "
                            "multidisciplinary stakeholders collaboratively operationalised "
                            "recommendations.")
    window.section_panel.update_readability()
    assert window.section_panel.readability.text() == before


def test_a_deleted_word_and_the_word_typed_for_it_are_spelled_apart(window):
    section, editor = first_section(window)
    type_plainly(editor, " After a stroke we met.")
    suggest_on(window)
    select(editor, "stroke")
    QTest.keyClicks(editor, "brain attack")
    highlighter = window.session.highlighters[section.id]
    block = editor.document().lastBlock()
    at = block.text().index("strokebrain")
    assert highlighter.misspelling_at(block, at + 2) is None     # not "strokebrain"
    assert highlighter.misspelling_at(block, at + len("stroke") + 2) is None
    underlined = [(r.start, r.length) for r in block.layout().formats()]
    assert all(not (r_start <= at + 3 < r_start + length) for r_start, length in underlined)
