"""The real window reads one text surface and one judge: find and replace everywhere with one
undo, the navigator's marks agreeing with the checklist, spelling findings with Go to."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from ui_support import opened

from pipwriter.model.rules.findings import ERROR, WARNING
from pipwriter.model.rules.progress import DONE, PROBLEM, STARTED


def _demo(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    return opened(window, qtbot)


def _at_end_of_first_section(window):
    """The first section's editor, focused, with the cursor after its last word."""
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    return editor


def _spelling_item(panel, word):
    return next(i for i in panel.items_for(WARNING) if panel.entry(i)[0].subject == word)


def _find(window, needle):
    window.find_replace()
    dialog = window._find_dialog
    dialog.find_edit.setText(needle)
    return dialog


def test_find_reaches_a_key_message_and_selects_it(controller, qtbot):
    window = _demo(controller, qtbot)
    message = window.session.article.key_messages[1]
    word = "shared chair"          # only in the second key message
    assert word in message
    dialog = _find(window, word)
    assert dialog.find_next()
    assert window.navigator.current_key() == "key_messages"
    assert "› Message 2 (1 of 1)" in dialog.status.text()
    assert window.panels["key_messages"].messages.currentRow() == 1


def test_find_reaches_the_standfirst_and_selects_the_words(controller, qtbot):
    window = _demo(controller, qtbot)
    dialog = _find(window, "peer support group")
    assert dialog.find_next()
    assert window.navigator.current_key() == "title"
    standfirst = window.panels["title"].standfirst
    assert standfirst.textCursor().selectedText() == "peer support group"


def test_find_says_not_in_the_article_only_when_nothing_has_it(controller, qtbot):
    window = _demo(controller, qtbot)
    dialog = _find(window, "zzqx")
    assert not dialog.find_next()
    assert "is not in the article" in dialog.status.text()
    # a word only in a caption is found, not reported missing
    caption = window.session.article.illustrations[0].caption
    dialog.find_edit.setText(caption.split()[3])
    assert dialog.find_next()


def test_replace_all_everywhere_is_one_undo_step(controller, qtbot):
    window = _demo(controller, qtbot)
    article = window.session.article
    before = article.to_json()
    dialog = _find(window, "stroke")
    dialog.replace_edit.setText("STROKE")
    dialog.case.setChecked(True)
    count = dialog.replace_all()
    assert count > 5
    after = window.session.article
    assert "STROKE" in after.title and "STROKE" in after.standfirst
    assert any("STROKE" in s.body.plain_text() for s in after.sections)
    # the open section's editor shows the new text
    assert "STROKE" in window.section_panel.editor.toPlainText() or \
        "stroke" not in window.section_panel.editor.toPlainText()
    # one Edit › Undo (Ctrl+Z outside a text box) puts every replacement back
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()
    window.undo_action.trigger()
    window.session.sync()
    assert window.session.article.to_json() == before
    # and the dialog's own button does the same
    dialog.replace_all()
    dialog.undo_button.click()
    window.session.sync()
    assert window.session.article.to_json() == before


def test_navigator_marks_agree_with_the_checklist(controller, qtbot):
    window = _demo(controller, qtbot)
    marks = window.navigator.statuses
    assert set(marks.values()) == {DONE}
    # remove a photo's consent: the checklist has a must-fix error and Authors is no longer done
    author = window.session.article.authors[0]

    def withdraw(article):
        article.author(author.id).photo.consent = False
    window.session.change("Withdraw consent", withdraw)
    assert window.navigator.statuses["authors"] == PROBLEM
    window.open_panel("checklist")
    panel = window.panels["checklist"]
    errors = [panel.entry(i)[0] for i in panel.items_for(ERROR)]
    assert any(f.code == "author-photo-consent" for f in errors)
    row = next(window.navigator.item(r) for r in range(window.navigator.count())
               if window.navigator.item(r).data(Qt.ItemDataRole.UserRole) == "authors")
    assert row.data(Qt.ItemDataRole.AccessibleTextRole).endswith("something to fix")


def test_a_misspelling_in_a_key_message_is_in_the_checklist_and_marks_it(controller, qtbot):
    window = _demo(controller, qtbot)
    messages = list(window.session.article.key_messages)
    messages[0] += " We recieve feedback."

    def edit(article):
        article.key_messages[:] = messages
    window.session.change("Edit key message", edit)
    assert window.navigator.statuses["key_messages"] == STARTED
    window.open_panel("checklist")
    panel = window.panels["checklist"]
    spelling = [panel.entry(i)[0] for i in panel.items_for(WARNING)
                if panel.entry(i)[0].code == "spelling-unknown-word"]
    assert [f.subject for f in spelling] == ["recieve"]
    assert "receive" in spelling[0].message and spelling[0].where.label.endswith("› Message 1")
    item = next(i for i in panel.items_for(WARNING)
                if panel.entry(i)[0].code == "spelling-unknown-word")
    panel.tree.setCurrentItem(item)
    assert panel.ignore_word_button.isVisible() and panel.add_word_button.isVisible()
    panel.go_button.click()
    assert window.navigator.current_key() == "key_messages"
    window.open_panel("checklist")
    panel.tree.setCurrentItem(_spelling_item(panel, "recieve"))
    panel.ignore_word_button.click()
    assert not any(panel.entry(i)[0].code == "spelling-unknown-word"
                   for i in panel.items_for(WARNING))
    assert "recieve" in window.session.article.settings.spell_ignore
    window.update_marks()
    assert window.navigator.statuses["key_messages"] == DONE
    QApplication.processEvents()


def test_add_to_my_dictionary_from_the_checklist(controller, qtbot):
    window = _demo(controller, qtbot)

    def edit(article):
        article.illustrations[0].caption += " Drawn by Zorbly."
    window.session.change("Edit caption", edit)
    window.open_panel("checklist")
    panel = window.panels["checklist"]
    item = next(i for i in panel.items_for(WARNING)
                if panel.entry(i)[0].subject == "zorbly")
    panel.tree.setCurrentItem(item)
    panel.go_button.click()
    assert window.navigator.current_key() == "illustrations"
    window.open_panel("checklist")
    panel.tree.setCurrentItem(_spelling_item(panel, "zorbly"))
    panel.add_word_button.click()
    assert window.session.spelling.user.words() and not any(
        panel.entry(i)[0].subject == "zorbly" for i in panel.items_for(WARNING))


def test_key_messages_explanation_follows_what_the_template_counts(controller, qtbot):
    import dataclasses

    from pipwriter.ui.live_figures import compute_figures, explanation
    window = _demo(controller, qtbot)
    session = window.session
    assert "do not count toward" in explanation(session, "key_messages")
    before = compute_figures(session).words
    session.template = dataclasses.replace(
        session.template, counted=session.template.counted | {"key_messages"})
    assert "They count toward" in explanation(session, "key_messages")
    # and the figure itself follows the same rule
    assert compute_figures(session).words > before


def test_a_heading_or_title_over_the_limit_never_reaches_the_file(controller, qtbot, tmp_path):
    from pipwriter.model.article.limits import HEADING_MAX, TITLE_MAX
    from pipwriter.model.storage.project_file import load_project
    window = _demo(controller, qtbot)
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    window.dialogs.queue("text", "Why " * 400)
    window.commands.rename_current()
    assert window.dialogs.max_lengths[-1] == HEADING_MAX
    assert len(window.session.article.sections[0].title) <= HEADING_MAX
    window.open_panel("title")
    title = window.panels["title"].title_edit
    title.setText("A" * (TITLE_MAX + 50))
    title.setFocus()
    window.navigator.setFocus()
    window.panels["title"]._apply()
    assert len(window.session.article.title) <= TITLE_MAX
    path = tmp_path / "long.pipw"
    window.dialogs.queue("save", str(path))
    assert window.save_as()
    reopened = load_project(path).article       # the loader's limits accept what was saved
    assert reopened.sections[0].title == window.session.article.sections[0].title


def test_ctrl_z_in_the_text_undoes_replace_all_when_no_typing_is_left(controller, qtbot):
    from PySide6.QtTest import QTest
    window = _demo(controller, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    before = window.session.article.to_json()
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    dialog = _find(window, "stroke")
    dialog.replace_edit.setText("STROKE")
    dialog.case.setChecked(True)
    assert dialog.replace_all() > 5
    dialog.close()
    editor = window.section_panel.editor
    editor.setFocus()
    assert not editor.document().isUndoAvailable()
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.session.sync()
    assert window.session.article.to_json() == before
    # typing in the text is still undone by Ctrl+Z in the text first
    QTest.keyClicks(editor, "abc")
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.session.sync()
    assert window.session.article.to_json() == before


def test_undo_in_the_text_takes_back_a_word_at_a_time(controller, qtbot):
    from PySide6.QtTest import QTest
    window = _demo(controller, qtbot)
    editor = _at_end_of_first_section(window)
    before = editor.toPlainText()
    QTest.keyClicks(editor, " we listened to every single person there")
    assert editor.toPlainText() == before + " we listened to every single person there"
    editor.document().undo()
    assert editor.toPlainText() == before + " we listened to every single person"
    editor.document().undo()
    assert editor.toPlainText() == before + " we listened to every single"
    for _ in range(5):
        editor.document().undo()
    assert editor.toPlainText() == before


def test_status_messages_are_announced_to_screen_readers(controller, qtbot, tmp_path):
    from PySide6.QtGui import QAccessible

    from pipwriter.ui.status_bar import AnnouncingStatusBar
    window = _demo(controller, qtbot)
    bar = window.statusBar()
    assert isinstance(bar, AnnouncingStatusBar)
    sent = []
    original = QAccessible.updateAccessibility
    try:
        QAccessible.updateAccessibility = staticmethod(
            lambda event: sent.append((event.type(), event.message())))
        window.dialogs.queue("save", str(tmp_path / "a.pipw"))
        assert window.save_as()
        section = window.session.article.sections[2]
        window.open_panel(f"section:{section.id}")
        window.dialogs.queue("confirm", True)                 # it has words: "Remove it"
        window.commands.remove_current()
    finally:
        QAccessible.updateAccessibility = original
    messages = [m for kind, m in sent if kind == QAccessible.Event.Announcement]
    assert any(m.startswith("Saved a.pipw") for m in messages)
    assert any("Undo" in m and "brings it back" in m for m in messages)


def test_key_messages_panel_buttons_and_taking_a_quote_flag_off(controller, qtbot):
    window = _demo(controller, qtbot)
    window.open_panel("key_messages")
    panel = window.panels["key_messages"]
    panel.messages.setCurrentRow(-1)
    assert not panel.remove_button.isEnabled() and not panel.up_button.isEnabled()
    panel.messages.setCurrentRow(0)
    assert panel.remove_button.isEnabled() and not panel.up_button.isEnabled()
    assert panel.down_button.isEnabled()
    quotes = window.session.article.key_quotes()
    assert quotes and not panel.unflag_button.isEnabled()
    panel.quotes.setCurrentRow(0)
    words = quotes[0][2]
    panel.unflag_button.click()
    after = window.session.article.key_quotes()
    assert len(after) == len(quotes) - 1
    assert any(words in s.body.plain_text() for s in window.session.article.sections)
    window.undo_action.trigger()
    assert len(window.session.article.key_quotes()) == len(quotes)
    window.session.change("One", lambda a: a.key_messages.__setitem__(slice(None), ["Only"]))
    panel.refresh()
    assert panel.limit_label.text().startswith("1 key message (")


def test_first_save_is_offered_in_documents(controller, qtbot, tmp_path, monkeypatch):
    (tmp_path / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from pipwriter.ui import dialogs

    window = _demo(controller, qtbot)
    starts = []

    class Chooser:      # the file chooser, answered with Cancel (see tests/test_start_folders.py)
        @staticmethod
        def getSaveFileName(parent, title, start, file_filter):
            starts.append(start)
            return "", file_filter

    monkeypatch.setattr(dialogs, "_file_dialog", lambda: Chooser)
    window.dialogs = dialogs.Dialogs(window, window.settings)   # nothing remembered yet
    assert not window.save_as()
    [suggested] = starts
    assert str(suggested).startswith(str(tmp_path / "Documents"))


def test_about_says_the_licence_privacy_and_where_the_log_is(controller, qtbot):
    window = _demo(controller, qtbot)
    window.help.about()
    title, text = window.dialogs.infos[-1]
    assert "MIT licence" in text and "LICENCES.md" in text
    assert "sends nothing over the internet" in text
    assert "Log file:" in text


def test_a_key_that_changes_no_figure_redraws_nothing(controller, qtbot):
    from PySide6.QtTest import QTest
    window = _demo(controller, qtbot)
    editor = _at_end_of_first_section(window)
    QTest.keyClicks(editor, " care")
    window.update_figures()
    shown = []
    original = window.figures_bar.show_figures
    window.figures_bar.show_figures = lambda f: (shown.append(f), original(f))
    QTest.keyClicks(editor, "rs")                  # "care" -> "carers": still one more word
    window.update_figures()
    assert shown == []
    QTest.keyClicks(editor, " too")                 # a new word: the figures change
    window.update_figures()
    assert len(shown) == 1 and shown[0].panel_words == window.figures.panel_words


def test_text_over_a_limit_from_a_file_is_never_cut_by_its_box(controller, qtbot, tmp_path):
    """A file from elsewhere may hold a title, heading or name longer than the boxes allow for
    typing; opening it and clicking through the boxes keeps every character."""
    from pipwriter.model.article.limits import HEADING_MAX, TITLE_MAX
    from pipwriter.model.storage.demo import demo_project
    from pipwriter.model.storage.project_file import save_project
    project = demo_project()
    long_title = "T" * (TITLE_MAX + 500)
    long_heading = "H" * (HEADING_MAX + 100)
    long_name = "Bethan " + "L" * 300
    project.article.title = long_title
    project.article.sections[0].title = long_heading
    project.article.authors[0].name = long_name
    path = save_project(project, tmp_path / "long.pipw")
    window = controller.open_path(path)
    qtbot.addWidget(window)
    window.open_panel("title")
    panel = window.panels["title"]
    panel.title_edit.setFocus()
    panel._apply()
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    window.section_panel.title_edit.setFocus()
    window.section_panel.editor.setFocus()
    window.open_panel("authors")
    authors = window.panels["authors"]
    authors.list.setCurrentRow(0)
    authors._apply_form()
    article = window.session.article
    assert article.title == long_title
    assert article.sections[0].title == long_heading
    assert article.authors[0].name == long_name


def test_the_find_dialog_follows_undo_and_redo_done_elsewhere(controller, qtbot):
    """What the Find and replace box says about its last Replace all stays true when it is
    undone or redone another way (found by a walk of the app: after Ctrl+Z in the text it
    still offered its Undo, which then said other changes had been made)."""
    window = _demo(controller, qtbot)
    session = window.session
    dialog = _find(window, "tablets")
    dialog.replace_edit.setText("pills")
    assert dialog.replace_all() >= 1
    assert dialog.undo_button.isEnabled()
    session.undo_stack.undo()                          # as Ctrl+Z in a text, or Edit › Undo
    assert dialog.status.text() == "The replacements were undone."
    assert not dialog.undo_button.isEnabled()
    session.undo_stack.redo()
    assert dialog.status.text().startswith("The replacements are back.")
    assert dialog.undo_button.isEnabled()
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Other"))
    assert dialog.status.text().startswith("You have made other changes since")
    assert not dialog.undo_button.isEnabled()
    session.undo_stack.undo()                          # the key message
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    assert "tablets" in json.dumps(session.article.to_json())
    assert dialog.status.text() == "The replacements were undone."
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Other"))
    assert dialog.status.text() == "The replacements were undone."   # not "are back"
    assert not dialog.undo_button.isEnabled()
    # shown again, it is ready to type what to find
    dialog.close()
    window.activateWindow()
    window.find_replace()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    assert dialog.focusWidget() is dialog.find_edit
    assert dialog.find_edit.selectedText() == dialog.find_edit.text()


def test_find_and_replace_shows_all_of_its_result_message(controller, qtbot):
    """Found by a walk of the app at 1366×768: after Replace all the message was cut off
    behind a scroll bar. The box grows to show all of it while the screen has room."""
    from pipwriter.ui.screen_fit import scroll_area_of

    window = _demo(controller, qtbot)
    dialog = _find(window, "stroke")
    qtbot.waitExposed(dialog)
    dialog.replace_edit.setText("STROKE")
    assert dialog.replace_all() > 5
    qtbot.wait(10)
    area = scroll_area_of(dialog)
    label = dialog.status
    assert "Undo replace all" in label.text()
    assert area.verticalScrollBar().maximum() == 0        # nothing hidden below
    bottom = label.mapTo(area.viewport(), label.rect().bottomLeft()).y()
    assert bottom <= area.viewport().height()
