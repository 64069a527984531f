"""The Suggested changes list and what shows suggestions: listed with who made them, accepted or
rejected one by one or all at once (one undo step each), counted as the article stands and as it
would be, saved, by keyboard and screen reader, in the preview, a mark for each section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from suggest_support import body, suggest_on, waiting, weekly_becomes_monthly
from ui_support import first_section, open_window, select, type_plainly

from pipwriter.model.coauthoring.suggestions import accepted_article, pending
from pipwriter.model.language.counts import count_article
from pipwriter.model.storage.project_file import load_project
from pipwriter.ui.suggestions_panel import SuggestionsPanel, suggestions_panel


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot):
    return open_window(controller, small_project, tmp_path, qtbot, "suggest.pipw")


def test_the_list_accepts_and_rejects_one_or_all_each_one_undo_step(window):
    section, editor = weekly_becomes_monthly(window, " We met weekly. Patients chose.")
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
    section, editor = weekly_becomes_monthly(window)
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


def test_every_section_with_suggestions_shows_its_mark(window):
    from pipwriter.model.rules.report import build_report
    first, editor = first_section(window)
    type_plainly(editor, " One.")
    second = window.session.article.sections[1]
    window.open_panel(f"section:{second.id}")
    type_plainly(editor, " Two.")
    suggest_on(window)
    for section in (first, second):
        window.open_panel(f"section:{section.id}")
        editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(editor, " More.")
    window.session.sync()
    found = [f for f in build_report(window.session.project).findings
             if f.code == "suggestions-pending"]
    [finding] = found                       # said once, marked at each section
    assert {w.section_id for w in finding.all_places()} == {first.id, second.id}
    assert f"waiting, in “{first.title}” and 1 other section." in finding.message
    from pipwriter.model.rules.progress import PROBLEM, panel_statuses
    article = window.session.article
    statuses = panel_statuses(article, count_article(article, window.session.template), found)
    assert statuses[f"section:{first.id}"] == statuses[f"section:{second.id}"] == PROBLEM


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


def test_a_pause_in_typing_leaves_an_unchanged_list_as_it_is(window):
    """After a pause the list is worked out again, but a row is touched only when what it says
    has changed (remaking 50 rows, and laying the list out again, was about half of an update
    a key could wait behind; issue 23). Its figures follow the text all the same."""
    section, editor = weekly_becomes_monthly(window)
    panel = suggestions_panel(window)
    panel.refresh()
    row = panel.list.item(0)
    summary = panel.summary.text()
    window.suggest_mode.set_on(False)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Then every day.")      # elsewhere: the row reads the same
    panel.refresh()
    assert panel.list.item(0) is row and panel.list.count() == 1
    assert panel.summary.text() != summary           # three words more, now and if accepted
    window.suggest_mode.set_on(True)
    select(editor, "monthly")
    cursor = editor.textCursor()
    cursor.setPosition(cursor.selectionEnd())
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "s")                     # its words changed: its row says so
    panel.refresh()
    assert panel.list.count() == 1 and "monthlys" in panel.list.item(0).text()
