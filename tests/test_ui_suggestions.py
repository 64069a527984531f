"""Suggest mode in the window: typing and deleting are kept as suggestions, shown marked, listed
with who made them, accepted or rejected one by one or all at once (one undo step each), counted
as the article stands and as it would be, and never mixed into ordinary typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.coauthoring.suggestions import accepted_article, pending
from pipwriter.model.language.counts import count_article, section_words
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.ui.richtext_bridge import suggestion_marks
from pipwriter.ui.suggestions_panel import SuggestionsPanel, suggestions_panel


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot):
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
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    suggest_on(window)
    select(editor, "weekly")
    QTest.keyClicks(editor, "monthly")
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


def test_the_list_accepts_and_rejects_one_or_all_each_one_undo_step(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly. Patients chose.")
    suggest_on(window)
    select(editor, "weekly")
    QTest.keyClicks(editor, "monthly")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Carers came too.")
    show = next(a for a in window.view_menu.actions()
                if a.text().replace("&", "") == "Suggested changes")
    show.trigger()
    panel = window.findChild(SuggestionsPanel)
    assert panel is not None and panel.isVisible()
    assert panel.list.count() == 2
    assert "Sam Jones suggests: Replace “weekly” with “monthly”" in panel.list.item(0).text()
    assert "2 suggested changes are waiting" in panel.summary.text()
    article = window.session.article
    template = window.session.template
    now = count_article(article, template).words_counted
    then = count_article(accepted_article(article), template).words_counted
    assert then == now + 3           # "monthly" for "weekly", and "Carers came too."
    assert f"counts {now:,} words as it stands, and would count {then:,}" in \
        panel.summary.text()
    panel.list.setCurrentRow(0)
    assert panel.go_to()
    assert editor.textCursor().selectedText() == "weeklymonthly"
    panel.list.setCurrentRow(0)
    assert panel.settle(True)                        # accept the replacement
    rich = body(window, section)
    assert "We met monthly." in rich.plain_text()
    assert panel.list.count() == 1
    window.session.undo_stack.undo()                 # one step back
    panel.refresh()
    assert panel.list.count() == 2
    assert "We met weekly." in body(window, section).plain_text()
    window.dialogs.queue("confirm", True)
    assert panel.settle_all(False)                   # reject both
    rich = body(window, section)
    assert rich.plain_text().endswith("We met weekly. Patients chose.")
    assert not rich.has_suggestions()
    assert panel.list.count() == 0
    assert "No suggested changes" in panel.summary.text()


def test_suggestions_are_saved_and_come_back_marked(window, tmp_path):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    suggest_on(window)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Always.")
    assert window.save()
    project = load_project(window.session.path)
    [again] = pending(project.article)
    assert (again.author, again.added) == ("Sam Jones", " Always.")


def test_by_keyboard_and_screen_reader(window, qtbot):
    from test_ui_accessible_tree import _problems
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    toggle = window.suggest_mode.action
    assert toggle.shortcut().toString() == "Ctrl+Shift+E"
    suggest_on(window)
    assert "Suggest mode" in editor.accessibleDescription()       # said when the text is read
    assert window.suggest_mode.status.accessibleName() == "Suggest mode"
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Always.")
    show = next(a for a in window.view_menu.actions()
                if a.text().replace("&", "") == "Suggested changes")
    assert show.shortcut().toString() == "Ctrl+Alt+G"
    show.trigger()
    panel = window.findChild(SuggestionsPanel)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert panel.list.accessibleName() == "Suggested changes"
    assert _problems(panel) == []                   # every button speaks its words
    item = panel.list.item(0)
    assert item.text().startswith("Sam Jones suggests: Add “ Always.”") or \
        item.text().startswith("Sam Jones suggests: Add “Always.”")
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    QTest.keyClick(panel.list, Qt.Key.Key_Return)   # Enter goes to the words
    assert editor.hasFocus() or window.focusWidget() is editor
    assert editor.textCursor().selectedText() == " Always."
    for button, key in ((panel.accept_button, "c"), (panel.reject_button, "R"),
                        (panel.go_button, "G"), (panel.reject_all_button, "j")):
        assert f"&{key}" in button.text()           # Alt+letter, underlined
    window.suggest_mode.action.setChecked(False)
    assert editor.accessibleDescription() == ""


def test_the_preview_shows_the_article_as_it_stands_or_with_every_suggestion(window, qtbot):
    from pipwriter.ui.preview import show_preview
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    suggest_on(window)
    select(editor, "weekly")
    QTest.keyClicks(editor, "monthly")
    preview = show_preview(window)
    qtbot.waitUntil(lambda: preview.builds > 0)
    preview.refresh()
    text = preview.browser.toPlainText()
    assert "We met weekly." in text and "monthly" not in text      # as it will be sent
    assert "1 suggested change is waiting" in preview.status.text()
    assert preview.accepted_box.isVisible()
    preview.accepted_box.setChecked(True)
    text = preview.browser.toPlainText()
    assert "We met monthly." in text and "weekly" not in text
    assert "as if all 1 suggested changes were accepted" in preview.status.text()
    article, template = window.session.article, window.session.template
    then = count_article(accepted_article(article), template).words_counted
    assert then == count_article(article, template).words_counted     # one word for one
    assert f"The series counts {then:,} words." in preview.status.text()
    preview.close()


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


def test_every_section_with_suggestions_shows_its_mark(window):
    from pipwriter.model.rules.report import build_report
    first, editor = first_section(window)
    type_plainly(editor, " One.")
    second = window.session.article.sections[1]
    suggest_on(window)
    for section in (first, second):
        window.open_panel(f"section:{section.id}")
        editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(editor, " More.")
    window.session.sync()
    found = [f for f in build_report(window.session.project).findings
             if f.code == "suggestions-pending"]
    assert {f.where.section_id for f in found} == {first.id, second.id}
    assert "(1 of them here)" in found[0].message


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


def test_after_accepting_the_keyboard_stays_in_the_list(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    suggest_on(window)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " One.")
    editor.moveCursor(QTextCursor.MoveOperation.StartOfLine)
    QTest.keyClicks(editor, "Two ")
    panel = suggestions_panel(window)
    panel.show()
    panel.refresh()
    panel.list.setCurrentRow(0)
    assert panel.settle(True)
    assert panel.list.hasFocus() or window.focusWidget() is panel.list
    assert panel.list.count() == 1 and panel.list.currentRow() == 0


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


def test_enter_on_a_focused_button_presses_it_and_suggestions_explain_themselves(window):
    section, editor = first_section(window)
    type_plainly(editor, " We met weekly.")
    suggest_on(window)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Always.")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
    assert "Suggested words to add" in cursor.charFormat().toolTip()
    panel = suggestions_panel(window)
    panel.show()
    panel.refresh()
    panel.list.setCurrentRow(0)
    QTest.keyClick(panel.accept_button, Qt.Key.Key_Return)
    assert not waiting(window)
    assert body(window, section).plain_text().endswith("We met weekly. Always.")
