"""Comments in the window: select words in a text box, comment, see it in the list, reply,
resolve and reopen, go back to the words after the text around them changed, undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from ui_support import first_section, look_at_a_menu, open_window, select, type_plainly

from pipwriter.ui.comments_panel import CommentsPanel, comment_on_selection


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot):
    return open_window(controller, small_project, tmp_path, qtbot, "walking.pipw")


def select_in_editor(window, text: str, words: str):
    _section, editor = first_section(window)
    type_plainly(editor, text)
    select(editor, words)
    return editor


def test_comment_on_selected_words_reply_resolve_and_go_back(window, qtbot):
    dialogs = window.dialogs
    editor = select_in_editor(window, "We met weekly and patients chose the topics.",
                              "patients chose")
    dialogs.queue("choice", 1)                       # who am I: Sam Jones
    dialogs.queue("text", "Did they really choose all of them?")
    menu_action = next(a for a in window.article_menu.actions()
                       if a.text().replace("&", "").startswith("Comment on the selected"))
    assert menu_action.shortcut().toString() == "Ctrl+Alt+M"
    menu_action.trigger()
    [comment] = window.session.article.comments
    assert (comment.quote, comment.author) == ("patients chose", "Sam Jones")
    assert window.isWindowModified()
    panel = window.findChild(CommentsPanel)
    assert panel is not None and panel.isVisible()
    assert "On “patients chose”" in panel.list.item(0).text()
    assert "Sam Jones" in panel.list.item(0).text()

    dialogs.queue("text", "Most of them, yes.")
    assert panel.ask_reply()
    assert "Most of them, yes." in panel.list.item(0).text()
    assert window.session.article.comments[0].replies[0].author == "Sam Jones"   # remembered

    # the text around the words changes; Go to still selects them
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClicks(editor, "Every Tuesday, ")
    window.commit_pending_edits()
    window.session.sync()
    panel.list.setCurrentRow(0)
    assert panel.go_to()
    assert editor.textCursor().selectedText() == "patients chose"

    panel.toggle_resolved()
    assert window.session.article.comments[0].resolved
    assert panel.list.count() == 0                              # resolved ones are hidden
    panel.show_resolved.setChecked(True)
    assert panel.list.count() == 1 and "Resolved by Sam Jones" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    assert panel.resolve_button.text().replace("&", "") == "Reopen"
    panel.toggle_resolved()
    assert not window.session.article.comments[0].resolved


def test_a_comment_is_undone_like_any_change(window):
    select_in_editor(window, "We met weekly.", "weekly")
    window.dialogs.queue("choice", 0)
    window.dialogs.queue("text", "How often?")
    assert comment_on_selection(window)
    assert len(window.session.article.comments) == 1
    window.session.undo_stack.undo()
    assert window.session.article.comments == []


def test_commenting_without_a_selection_says_what_to_do(window):
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    window.section_panel.editor.setFocus()
    assert not comment_on_selection(window)
    assert "pick the words" in window.dialogs.errors[-1][1]


def test_a_comment_on_the_standfirst(window, qtbot):
    from PySide6.QtWidgets import QPlainTextEdit
    window.open_panel("title")
    box = next(w for w in window.panels["title"].findChildren(QPlainTextEdit)
               if w.property("pip_field") == "standfirst")
    box.setFocus()
    QTest.keyClicks(box, "How a team and its patients rebuilt a clinic.")
    cursor = box.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)
    window.dialogs.queue("choice", 0)
    window.dialogs.queue("text", "Say which team.")
    assert comment_on_selection(window)
    [comment] = window.session.article.comments
    assert comment.quote == "How a " and comment.where.field == "standfirst"


def test_typing_does_not_rebuild_the_list_at_each_key(window, qtbot):
    """The list follows the text once typing pauses (and not at all while it is hidden)."""
    editor = select_in_editor(window, "We met weekly.", "weekly")
    window.dialogs.queue("choice", 0)
    window.dialogs.queue("text", "How often?")
    assert comment_on_selection(window)
    panel = window.findChild(CommentsPanel)
    qtbot.wait(500)
    before = panel.refreshes
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " And then monthly.")
    assert panel.refreshes == before
    qtbot.waitUntil(lambda: panel.refreshes == before + 1, timeout=2000)
    panel.hide()
    QTest.keyClicks(editor, " More.")
    qtbot.wait(600)
    assert panel.refreshes == before + 1


def test_a_pause_in_typing_leaves_an_unchanged_list_as_it_is(window, qtbot):
    """After a pause the list is worked out again, but its rows are made again only when what
    they say has changed (with 50 comments, remaking them was a third of a 15 ms update that
    a key could wait behind; issue 23)."""
    editor = select_in_editor(window, "We met weekly.", "weekly")
    window.dialogs.queue("choice", 0)
    window.dialogs.queue("text", "How often?")
    assert comment_on_selection(window)
    panel = window.findChild(CommentsPanel)
    panel.refresh()
    row = panel.list.item(0)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " And then monthly.")     # elsewhere: the comment reads the same
    panel.refresh()
    assert panel.list.item(0) is row and panel.list.count() == 1
    select(editor, "weekly")
    editor.textCursor().insertText("daily")          # its words changed: its row says so
    panel.refresh()
    assert "The words have changed since." in panel.list.item(0).text()
    window.dialogs.queue("text", "Twice a week, in fact.")
    panel.list.setCurrentRow(0)
    assert panel.ask_reply()
    assert "Twice a week, in fact." in panel.list.item(0).text()


def test_a_menu_opened_and_closed_from_the_keyboard_leaves_the_words_picked(window, qtbot):
    """Alt+A opens the Article menu; Escape closes it but leaves the keyboard on the menu bar.
    The words are still picked in the text, so commenting on them works, instead of being told
    to pick some words (found using the app under Xvfb)."""
    editor = select_in_editor(window, "We met weekly.", "weekly")
    look_at_a_menu(editor, qtbot)
    window.dialogs.queue("choice", 0)
    window.dialogs.queue("text", "How often?")
    assert comment_on_selection(window)
    [comment] = window.session.article.comments
    assert comment.quote == "weekly"


def test_a_comment_on_words_with_a_citation_shows_its_number(controller, qtbot):
    from ui_support import demo_window_on
    window = demo_window_on(controller, qtbot, "section")
    session = window.session
    section = next(s for s in session.article.sections
                   if any(p.citations() for p in s.body.paragraphs))
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    document = editor.document()
    at = document.toPlainText().index("\ufffc")
    cursor = QTextCursor(document)
    cursor.setPosition(at - 6)
    cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    label = session.citation_label(
        next(c.refs for p in section.body.paragraphs for c in p.citations()))
    window.dialogs.queue("choice", 0)
    window.dialogs.queue("text", "Which study is this?")
    assert comment_on_selection(window)
    panel = window.findChild(CommentsPanel)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
    shown = panel.list.item(0).text()
    assert "\ufffc" not in shown and f"{label}”" in shown, shown
