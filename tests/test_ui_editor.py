"""Drive the real main window: wizard, typing, reordering, citations, key quotes, figures, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pipwriter.model.storage.project_file import load_project
from pipwriter.ui.id_list import ROLE


def _fill_wizard(wizard):
    wizard.show()
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    table = wizard.authors_page.table
    table.item(0, 0).setText("Dr Asha Patel")
    assert not wizard.authors_page.isComplete()     # the patient side has no name yet
    table.item(1, 0).setText("Sam Jones")
    # no side is assumed for anyone: the page asks until each is chosen
    assert "Say how Dr Asha Patel takes part" in wizard.authors_page.missing()
    assert table.cellWidget(0, 1).currentIndex() == -1
    for row, partner in ((0, "health_professional"), (1, "patient")):
        combo = table.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(partner))
    assert wizard.authors_page.isComplete()
    wizard.next()
    assert wizard.viewpoints_page.list.count() == 2
    return True


def _new_window(controller, qtbot):
    controller.run_wizard = _fill_wizard
    window = controller.new_article()
    qtbot.addWidget(window)
    return window


def _active_editor(controller, qtbot):
    """A new article's window, active (its shortcuts work), with the first section's text
    focused."""
    window = _new_window(controller, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    editor = window.section_panel.editor
    editor.setFocus()
    return window, editor


def _typed_in(controller, qtbot, index: int, text: str):
    """A new article in a shown window, ``text`` typed at the end of its ``index``-th section:
    (the window, that section)."""
    window = _new_window(controller, qtbot)
    window.show()
    section = window.session.article.sections[index]
    window.open_panel(f"section:{section.id}")
    _type(qtbot, window, text)
    return window, section


def _type(qtbot, window, text):
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)
    _figures_follow(qtbot, window)


def _figures_follow(qtbot, window):
    """The live figures follow typing shortly after, off the keys (FIGURES_DELAY_MS)."""
    from pipwriter.ui.live_figures import compute_figures
    qtbot.waitUntil(lambda: window.figures == compute_figures(window.session,
                                                              window.current_section_id()),
                    timeout=3000)


def test_wizard_requires_both_sides(controller, qtbot):
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.title_page.title_edit.setText("T")
    wizard.next()
    wizard.authors_page.table.item(0, 0).setText("Dr A")
    wizard.authors_page.table.cellWidget(0, 1).setCurrentIndex(0)   # both are professionals
    wizard.authors_page.table.cellWidget(1, 1).setCurrentIndex(0)
    wizard.authors_page.table.item(1, 0).setText("Dr B")
    assert not wizard.authors_page.isComplete()
    assert "patients" in wizard.authors_page.problem.text().lower()


def test_write_reorder_cite_quote_save_and_reopen(controller, qtbot, tmp_path):
    window = _new_window(controller, qtbot)
    session = window.session
    article = session.article
    assert [s.kind for s in article.sections].count("viewpoint") == 2
    assert window.windowTitle().startswith("Walking together")
    assert window.isWindowModified()

    # type into the first guidance section; figures and navigator follow
    first = article.sections[0]
    window.open_panel(f"section:{first.id}")
    before = window.figures.words
    _type(qtbot, window, "We wanted people to feel heard after a stroke.")
    assert window.figures.words == before + 9
    assert window.figures.panel_words == 9
    assert window.navigator.item(0).text() == "Title and standfirst"
    # the row's count follows once typing pauses (not at every key)
    qtbot.waitUntil(lambda: "9 words" in window.navigator.item(1).text(), timeout=2000)

    # type into a viewpoint
    viewpoint = article.viewpoints()[1]
    window.open_panel(f"section:{viewpoint.id}")
    assert "Sam Jones" in window.section_panel.owner_label.text()
    _type(qtbot, window, "I was nervous at first but the nurses listened.")
    assert window.figures.words == before + 18

    # add a reference and cite it
    window.open_panel("references")
    panel = window.panels["references"]
    panel.add_reference()
    panel.inputs["title"].setText("Patient partnership in stroke care")
    panel.inputs["container"].setText("BMJ")
    panel.inputs["year"].setText("2024")
    panel.inputs["title"].editingFinished.emit()
    assert session.article.references[0].title == "Patient partnership in stroke care"
    window.update_figures()
    assert window.figures.references == 1
    window.open_panel(f"section:{first.id}")
    window.section_panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.dialogs.queue("choice", 0)
    window.commands.insert_citation()
    session.sync()
    citations = list(session.article.section(first.id).body.citations())
    assert [c.refs for c in citations] == [[session.article.references[0].id]]
    assert session.citation_label(citations[0].refs) == "[1]"

    # flag a key quote in the viewpoint
    window.open_panel(f"section:{viewpoint.id}")
    editor = window.section_panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("I was nervous at first"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.toggle_key_quote()
    session.sync()
    assert [q[2] for q in session.article.key_quotes()] == ["I was nervous at first"]
    # the flag follows the text as it is edited
    cursor.setPosition(len("I was"))
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, " very")
    session.sync()
    assert session.article.key_quotes()[0][2] == "I was very nervous at first"

    # reorder with the keyboard: move the first section down, then undo
    window.open_panel(f"section:{first.id}")
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert session.article.sections[1].id == first.id
    assert window.navigator.current_key() == f"section:{first.id}"
    session.undo_stack.undo()
    assert session.article.sections[0].id == first.id
    session.undo_stack.redo()
    assert session.article.sections[1].id == first.id

    # save and reopen: everything is as it was
    path = tmp_path / "walking.pipw"
    window.dialogs.queue("save", str(path))
    assert window.save()
    assert not window.isWindowModified()
    reopened = load_project(path).article
    assert reopened.sections[1].id == first.id
    assert reopened.section(first.id).body.plain_text() == \
        "We wanted people to feel heard after a stroke."
    assert reopened.key_quotes()[0][2] == "I was very nervous at first"
    assert [c.refs for c in reopened.section(first.id).body.citations()] == \
        [[reopened.references[0].id]]
    window.close()
    second = controller.open_path(path)
    qtbot.addWidget(second)
    assert second.session.article == reopened


def test_add_rename_remove_section_with_undo(controller, qtbot):
    window = _new_window(controller, qtbot)
    session = window.session
    count = len(session.article.sections)
    window.open_panel(f"section:{session.article.sections[0].id}")
    window.dialogs.queue("text", "Funding")   # every guidance section is there: no choice
    window.commands.add_section()
    assert [kind for kind, _args in window.dialogs.asked] == ["text"]
    assert len(session.article.sections) == count + 1
    assert session.article.sections[1].title == "Funding"
    # a section of our own has no questions to tick: none are offered above an empty list
    panel = window.section_panel
    assert panel.questions.isHidden() and panel.questions_label.isHidden()
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()       # and the guidance sits at the top, not half-way down
    assert panel.prompt.y() < 3 * panel.prompt.fontMetrics().height()
    assert window.navigator.currentItem().text().startswith("Funding\n0 words")
    panel.editor.setPlainText("Money")          # one word: "1 word", not "1 words"
    window.navigator.refresh()
    window.update_figures()
    assert window.navigator.currentItem().text() == "Funding\n1 word"
    assert window.figures_bar.panel_words.full_text == "This section: 1 word"
    window.open_panel(f"section:{session.article.sections[0].id}")
    assert not panel.questions.isHidden() and not panel.questions_label.isHidden()
    window.open_panel(f"section:{session.article.sections[1].id}")
    panel.editor.clear()
    window.dialogs.queue("text", "Money matters")
    window.commands.rename_current()
    assert session.article.sections[1].title == "Money matters"
    window.commands.remove_current()
    assert len(session.article.sections) == count
    session.undo_stack.undo()
    assert session.article.sections[1].title == "Money matters"
    assert window.navigator.count() == count + 1 + 7


def test_drag_reorder_updates_article(controller, qtbot):
    window = _new_window(controller, qtbot)
    session = window.session
    ids = [s.id for s in session.article.sections]
    new_order = ids[1:2] + ids[:1] + ids[2:]
    window.navigator.sectionsReordered.emit(new_order)
    assert [s.id for s in session.article.sections] == new_order


def test_paste_from_word_keeps_only_the_subset(controller, qtbot):
    from PySide6.QtCore import QMimeData
    window = _new_window(controller, qtbot)
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    data = QMimeData()
    data.setHtml('<p style="color:red;font-size:30pt;font-family:Comic Sans MS">'
                 'Plain <b>strong</b> <i>slanted</i> <u>underlined</u> '
                 '<a href="http://x">link</a></p><ul><li>one</li><li>two</li></ul>'
                 '<table><tr><td>cell</td></tr></table>')
    window.section_panel.editor.insertFromMimeData(data)
    window.session.sync()
    body = window.session.article.sections[0].body
    first = body.paragraphs[0]
    assert first.text() == "Plain strong slanted underlined link"
    assert [(r.text, r.bold, r.italic) for r in first.items if r.bold or r.italic] == \
        [("strong", True, False), ("slanted", False, True)]
    assert [p.style for p in body.paragraphs[1:3]] == ["bullet", "bullet"]
    assert body.paragraphs[-1].text() == "cell"


def test_close_with_unsaved_changes_asks(controller, qtbot):
    window = _new_window(controller, qtbot)
    window.dialogs.queue("unsaved", "cancel")
    assert not window.close()
    assert window.isVisible()
    window.dialogs.queue("unsaved", "discard")
    assert window.close()


def test_find_and_replace_across_sections(controller, qtbot):
    window = _new_window(controller, qtbot)
    session = window.session
    for section in session.article.sections[:2]:
        window.open_panel(f"section:{section.id}")
        _type(qtbot, window, "The clinic helped. ")
    window.find_replace()
    dialog = window._find_dialog
    dialog.find_edit.setText("clinic")
    dialog.replace_edit.setText("service")
    dialog.whole.setChecked(True)      # not "Clinician's viewpoint"
    assert dialog.replace_all() == 2
    session.sync()
    assert all("service" in s.body.plain_text() for s in session.article.sections[:2])
    dialog.close()


def test_title_and_standfirst_panel(controller, qtbot):
    window = _new_window(controller, qtbot)
    window.open_panel("title")
    panel = window.panels["title"]
    panel.title_edit.setText("Listening first")
    panel.title_edit.editingFinished.emit()
    panel.standfirst.setPlainText("A nurse and a patient on redesigning a review.")
    panel._apply()
    assert window.session.article.title == "Listening first"
    assert window.session.article.standfirst.startswith("A nurse")
    assert window.windowTitle().startswith("Listening first")
    window.session.undo_stack.undo()
    assert window.session.article.standfirst == ""
    assert window.session.article.title == "Listening first"


def test_opening_a_bad_file_explains_and_opens_nothing(controller, qtbot, tmp_path):
    bad = tmp_path / "notes.pipw"
    bad.write_text("not an article")
    assert controller.open_path(bad) is None
    assert controller.windows == []
    title, message = controller.dialogs.errors[-1]
    assert title == "Could not open the article" and "not a PiP Writer project" in message
    assert controller.open_path(tmp_path / "gone.pipw") is None
    assert "was not found" in controller.dialogs.errors[-1][1]


def test_start_screen_lists_recent_files_and_opens_them(controller, qtbot, tmp_path):
    from pipwriter.model.storage.demo import write_demo
    path = write_demo(tmp_path / "demo.pipw")
    window = controller.open_path(path)
    qtbot.addWidget(window)
    window.close()
    controller.start.refresh()
    item = controller.start.recent.item(0)
    assert "demo" in item.text()
    # the article's title leads, so "Draft 3.pipw" and "Draft 4.pipw" can be told apart
    assert item.text().startswith("What matters after a stroke")
    # a long title wraps in the list instead of running off its side (found by a walk)
    recent = controller.start.recent
    assert recent.wordWrap()
    assert recent.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    controller.start.recent.itemActivated.emit(item)
    assert controller.windows and controller.windows[0].session.path == path


def test_window_layout_is_remembered(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.resize(790, 540)          # fits the offscreen 800 × 600 screen with its frame
    window.splitter.setSizes([250, 550])
    qtbot.wait(10)
    sizes = window.splitter.sizes()
    window.session.set_modified(False)
    window.close()
    again = controller.open_demo()
    qtbot.addWidget(again)
    qtbot.wait(10)
    assert (again.width(), again.height()) == (790, 540)
    assert again.splitter.sizes() == sizes


def test_text_size_changes_and_is_remembered(controller, qtbot):
    from PySide6.QtWidgets import QApplication

    from pipwriter.ui.settings import Settings
    window = controller.open_demo()
    qtbot.addWidget(window)
    before = QApplication.instance().font().pointSizeF()
    window.scale_text(1)
    assert QApplication.instance().font().pointSizeF() == before + 1
    assert Settings().text_size == before + 1
    window.scale_text(0)
    assert QApplication.instance().font().pointSizeF() == before
    assert Settings().text_size == 0


def test_every_menu_command_is_named_and_common_ones_have_shortcuts(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    actions = [a for menu in window.menuBar().actions() for a in menu.menu().actions()
               if not a.isSeparator()]
    assert all(a.text().strip() for a in actions)
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in actions}
    for name in ("Save", "Open…", "New article…", "Find and replace…", "Bold", "Italic",
                 "Insert citation…", "Flag as key quote", "Bigger text"):
        assert shortcuts.get(name), name


def test_ctrl_z_undoes_typing_in_the_text_and_structure_elsewhere(controller, qtbot):
    from PySide6.QtCore import Qt
    window, first = _typed_in(controller, qtbot, 0, "Hello")
    session = window.session
    count = len(session.article.sections)
    window.open_panel(f"section:{session.article.sections[1].id}")
    window.commands.remove_current()
    assert len(session.article.sections) == count - 1
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(session.article.sections) == count          # the section is back
    window.open_panel(f"section:{first.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Hello" not in editor.toPlainText()             # typing undone in the text…
    assert len(session.article.sections) == count          # …and the structure untouched


def test_word_count_profile_and_reading_ease_in_the_panel(controller, qtbot):
    window = _new_window(controller, qtbot)
    first = window.session.article.sections[0]
    window.open_panel(f"section:{first.id}")
    _type(qtbot, window, "We met at the centre. It was a co-production. ")
    window.section_panel.editor.insertPlainText("Years 2019\u20132021.")   # keyClicks is ASCII only
    _figures_follow(qtbot, window)
    word_count = window.figures.words
    window.commands.set_word_count_profile("libreoffice")
    window.update_figures()
    assert window.figures.words == word_count + 1            # LibreOffice splits at the dash
    assert window.profile_actions["libreoffice"].isChecked()
    window.session.undo_stack.undo()
    window.update_figures()
    assert window.figures.words == word_count
    qtbot.waitUntil(lambda: "Reading ease" in window.section_panel.readability.text(),
                    timeout=20000)


def test_every_navigator_row_has_a_mark_so_the_names_line_up(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    nav = window.navigator
    keys = [nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(nav.count())]
    assert "checklist" in keys
    for row in range(nav.count()):
        assert not nav.item(row).icon().isNull(), keys[row]
    # the checklist's mark is its own, not a status
    checklist = nav.item(keys.index("checklist")).icon().pixmap(32).toImage()
    others = [nav.item(r).icon().pixmap(32).toImage() for r in range(nav.count())
              if keys[r] != "checklist"]
    assert all(checklist != other for other in others)


def test_a_removed_section_brought_back_by_undo_keeps_its_typing_history(controller, qtbot):
    window = _new_window(controller, qtbot)
    window.show()
    session = window.session
    second = session.article.sections[1]
    window.open_panel(f"section:{second.id}")
    _type(qtbot, window, "First words.")
    _type(qtbot, window, " More words")
    window.dialogs.queue("confirm", True)                     # "Remove it" (it has words)
    window.commands.remove_current()
    assert session.article.section(second.id) is None
    session.undo_stack.undo()                                 # the section is back…
    window.open_panel(f"section:{second.id}")
    editor = window.section_panel.editor
    assert editor.toPlainText() == "First words. More words"
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "First words. More"        # …and so is its typing undo,
    while editor.document().isUndoAvailable():                 # a word at a time
        QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    assert session.article.section(second.id) is not None     # (not the removal again)
    session.sync()
    assert session.article.section(second.id).body.plain_text() == ""


def test_removing_a_reference_takes_its_citations_out_of_the_open_text(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    def cited_ids(section):
        return [ref for c in section.body.citations() for ref in c.refs]

    cited = next(s for s in session.article.sections if cited_ids(s))
    ref_id = cited_ids(cited)[0]
    document = session.document(cited.id)
    before = document.toPlainText()

    def remove(article):
        article.references[:] = [r for r in article.references if r.id != ref_id]
        for section in article.sections:
            section.body.remove_citations_to(ref_id)
    session.change("Remove reference", remove)
    assert document.toPlainText() != before
    session.sync()                      # the document agrees with the model, so nothing returns
    assert ref_id not in cited_ids(session.article.section(cited.id))
    session.undo_stack.undo()
    assert document.toPlainText() == before


def test_removing_a_cited_reference_in_its_panel_asks_and_updates_the_text(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    first_ref = session.article.citation_order()[0]
    section = next(s for s in session.article.sections
                   if any(first_ref in c.refs for c in s.body.citations()))
    window.open_panel(f"section:{section.id}")
    shown = window.section_panel.editor.toPlainText()
    window.open_panel("references")
    panel = window.panels["references"]
    panel.focus_item(first_ref)

    window.dialogs.queue("confirm", False)              # "cited in the text": the user says no
    panel.remove_button.click()
    assert first_ref in [r.id for r in session.article.references]

    window.dialogs.queue("confirm", True)
    panel.remove_button.click()
    assert first_ref not in [r.id for r in session.article.references]
    window.open_panel(f"section:{section.id}")
    after = window.section_panel.editor.toPlainText()
    assert after != shown and len(after) < len(shown)   # the citation left the open text
    session.undo_stack.undo()
    assert window.section_panel.editor.toPlainText() == shown


@pytest.mark.parametrize("panel, attribute", [("references", "list"),
                                              ("key_messages", "messages")])
def test_long_entries_wrap_instead_of_scrolling_sideways(controller, qtbot, panel, attribute):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    window.resize(900, 700)
    window.show()
    window.open_panel(panel)
    listing = getattr(window.panels[panel], attribute)
    qtbot.waitUntil(lambda: listing.count() > 0)
    line = listing.fontMetrics().height()
    longest = max((listing.item(r) for r in range(listing.count())),
                  key=lambda i: listing.fontMetrics().horizontalAdvance(i.text()))
    assert listing.fontMetrics().horizontalAdvance(longest.text()) > listing.viewport().width()
    qtbot.waitUntil(lambda: listing.visualItemRect(longest).height() >= 2 * line)
    assert listing.horizontalScrollBar().maximum() == 0


def test_new_article_wizard_explanations_show_in_full(qtbot):
    from PySide6.QtWidgets import QApplication, QLabel

    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()                                   # at the wizard's own default size
    wizard.title_page.title_edit.setText("T")
    wizard.next()
    QApplication.processEvents()
    shown = [label for label in wizard.findChildren(QLabel)
             if "add details and photos later." in label.text() and label.isVisible()]
    assert len(shown) == 1
    label = shown[0]
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())
    page = wizard.authors_page
    assert page.isAncestorOf(label)
    assert label.mapTo(page, label.rect().bottomRight()).y() <= page.height()


def test_quit_closes_every_window_asking_about_unsaved_work(controller, qtbot):
    first = controller.open_demo()
    second = _new_window(controller, qtbot)          # unsaved: quitting asks about it
    qtbot.addWidget(first)
    first.session.set_modified(False)
    quit_action = next(a for a in first.menuBar().actions()[0].menu().actions()
                       if a.text().startswith("&Quit"))
    assert quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)

    controller.dialogs.queue("unsaved", "cancel")
    quit_action.trigger()
    assert second in controller.windows                 # cancelled: the unsaved one stays
    assert ("unsaved", (second.session.article.title,)) in controller.dialogs.asked

    controller.dialogs.queue("unsaved", "discard")
    quit_action.trigger()
    assert controller.windows == []
    assert not controller.start.isVisible()             # leaving, not back to the start screen


def test_bold_italic_and_list_marks_follow_every_kind_of_key(controller, qtbot):
    """Letters typed keep the marks they were typed under (the editor does not look again at
    each letter); every other key that can move into other text or out of a list is looked
    at: arrows, Return on an empty bullet, Backspace, select-all, undo."""
    window, editor = _active_editor(controller, qtbot)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    marks = lambda: (editor.bold_action.isChecked(), editor.italic_action.isChecked(),  # noqa: E731
                     editor.bullet_action.isChecked())
    QTest.keyClicks(editor, "plain ")
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "bold")
    assert marks() == (True, False, False)
    for _ in range(5):
        QTest.keyClick(editor, Qt.Key.Key_Left)
    assert marks() == (False, False, False)              # back in the plain word
    QTest.keyClick(editor, Qt.Key.Key_End)
    assert marks() == (True, False, False)
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert marks() == (False, False, False)
    QTest.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(editor, "item")
    assert marks() == (False, False, True)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Return)           # an empty bullet: out of the list
    assert marks() == (False, False, False)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)        # back up into the list
    assert editor.textCursor().currentList() is not None and marks()[2]
    QTest.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert marks() == (False, False, False)              # the first word: plain
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert marks() == (False, False, True)               # everything: the cursor ends in the list
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "x")
    assert marks() == (False, True, True)
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "x" not in editor.toPlainText()
    assert marks() == (editor.currentCharFormat().fontWeight() >= 600,
                       editor.currentCharFormat().fontItalic(),
                       editor.textCursor().currentList() is not None)


def test_bold_and_italic_buttons_judge_the_whole_selection(controller, qtbot):
    """Found by a walk of the app: two words selected right to left (Ctrl+Shift+Left) and
    made italic left the Italic button off, and the next Ctrl+I took the italic away while
    the button still said off. A selection now counts as italic (or bold) when every letter
    of it is, whichever way it was selected; Ctrl+I on a mixed selection makes it all italic."""
    window, editor = _active_editor(controller, qtbot)
    QTest.keyClicks(editor, "We met with them often")
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for _ in range(2):
        QTest.keyClick(editor, Qt.Key.Key_Left, ctrl)           # after "with"
    QTest.keyClick(editor, Qt.Key.Key_Left)
    for _ in range(2):
        QTest.keyClick(editor, Qt.Key.Key_Left, ctrl | shift)   # "met with", backwards
    assert editor.textCursor().selectedText() == "met with"
    assert not editor.italic_action.isChecked()
    QTest.keyClick(editor, Qt.Key.Key_I, ctrl)
    assert editor.italic_action.isChecked()                     # the button says so
    QTest.keyClick(editor, Qt.Key.Key_I, ctrl)
    assert not editor.italic_action.isChecked()
    window.session.sync()
    runs = window.session.article.sections[0].body.paragraphs[-1].items
    assert not any(getattr(r, "italic", False) for r in runs)   # and it is so
    # a selection partly bold: not "bold"; Ctrl+B makes all of it bold
    QTest.keyClick(editor, Qt.Key.Key_B, ctrl)
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClick(editor, Qt.Key.Key_Home, shift)
    assert editor.textCursor().selectedText() == "We met with them often"
    assert not editor.bold_action.isChecked()
    QTest.keyClick(editor, Qt.Key.Key_B, ctrl)
    assert editor.bold_action.isChecked()
    window.session.sync()
    runs = window.session.article.sections[0].body.paragraphs[-1].items
    assert all(getattr(r, "bold", False) for r in runs)


def test_backspace_at_the_start_of_a_bullet_makes_a_plain_paragraph(controller, qtbot):
    """Found by a walk of the app: the bullet went but the line stayed indented, looking like
    a list item the article does not hold (the Word file would show a plain paragraph)."""
    window, editor = _active_editor(controller, qtbot)
    QTest.keyClicks(editor, "Plain words")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(editor, "a bullet")
    QTest.keyClick(editor, Qt.Key.Key_Home)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    block = editor.textCursor().block()
    assert block.textList() is None and block.blockFormat().indent() == 0
    assert not editor.bullet_action.isChecked()
    first = editor.document().firstBlock()
    assert block.layout().lineAt(0).x() == first.layout().lineAt(0).x()   # drawn as plain
    window.session.sync()
    paragraphs = window.session.article.sections[0].body.paragraphs
    assert [(p.text(), p.style) for p in paragraphs[-2:]] == \
        [("Plain words", "body"), ("a bullet", "body")]
    QTest.keyClick(editor, Qt.Key.Key_Backspace)               # then joins the paragraph above
    assert editor.textCursor().block().text() == "Plain wordsa bullet"


def test_each_ctrl_z_in_a_bulleted_list_shows_a_change(controller, qtbot):
    """Found by a walk of the app: Qt makes Return in a list two undo steps, the second of
    which changes nothing on the screen, so every Return needed two Ctrl+Z."""
    _window, editor = _active_editor(controller, qtbot)
    QTest.keyClicks(editor, "Intro")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    editor.document().clearUndoRedoStacks()
    QTest.keyClicks(editor, "one")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "two")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Return)        # on the empty bullet: leaves the list

    def seen():
        document = editor.document()
        blocks = [document.findBlockByNumber(n) for n in range(document.blockCount())]
        return [(b.text(), b.textList() is not None) for b in blocks]

    states = [seen()]
    while editor.document().isUndoAvailable():
        QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        states.append(seen())
    assert all(a != b for a, b in zip(states, states[1:], strict=False)), states
    assert states[-1][-1] == ("", True)              # back to the empty first bullet
    assert len(states) == 6     # leave the list, Return, "two", Return, "one": one Ctrl+Z each


def test_flag_as_key_quote_says_what_to_do_shows_on_and_unflags_from_inside(
        controller, qtbot):
    """Found by a walk of the app: with nothing picked it did nothing and said nothing, and
    it never showed "on" inside a quote already flagged."""
    window, editor = _active_editor(controller, qtbot)
    QTest.keyClicks(editor, "Before the quote words after")
    action = editor.quote_action
    QTest.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)          # nothing picked
    assert "Pick the words of the quote first" in window.statusBar().currentMessage()
    assert not action.isChecked()
    start = editor.textCursor().block().position() + len("Before ")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("the quote"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    window.session.sync()
    assert [q[2] for q in window.session.article.key_quotes()] == ["the quote"]
    cursor.setPosition(start + 4)                              # inside it, nothing picked
    editor.setTextCursor(cursor)
    assert action.isChecked()                                  # the button shows it is on
    cursor.setPosition(start + len("the quote words "))
    editor.setTextCursor(cursor)
    assert not action.isChecked()
    cursor.setPosition(start + 4)
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)          # unflags the whole quote
    window.session.sync()
    assert window.session.article.key_quotes() == []
    assert not action.isChecked()


def test_after_removing_a_reference_the_one_in_its_place_is_chosen(controller, qtbot):
    """Found by a walk of the app: the first reference was chosen after a Remove, so a second
    Remove (Alt+R) took away another, filled-in reference without a word."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel("references")
    panel = window.panels["references"]
    panel.add_reference()                           # a new, empty one: not cited, so no question
    rows = [panel.list.item(r).data(ROLE) for r in range(panel.list.count())]
    new = panel.current_id()
    place = rows.index(new)
    panel.remove_reference()
    assert new not in [r.id for r in window.session.article.references]
    assert panel.list.currentRow() == min(place, panel.list.count() - 1)
    assert panel.current_id() == rows[place + 1] if place + 1 < len(rows) else rows[place - 1]


def test_the_authors_table_tabs_a_row_at_a_time(qtbot):
    """Found by a walk of the app: a name, Tab, the part chosen, Tab went to the second row's
    part (skipping its name), and the second name typed then was lost. Now Tab goes name,
    part, next name (being edited), and Shift+Tab goes back the same way."""
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5000)
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    page = wizard.authors_page
    table = page.table
    page.rows.name(0)

    def typing_box():
        return QApplication.focusWidget()

    qtbot.waitUntil(lambda: typing_box() is not None and typing_box() is not table,
                    timeout=5000)
    QTest.keyClicks(typing_box(), "Mary Jones")
    QTest.keyClick(typing_box(), Qt.Key.Key_Tab)
    assert typing_box() is table.cellWidget(0, 1)                 # her part
    combo = table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("patient"))
    QTest.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: typing_box() is not None and typing_box() is not combo,
                    timeout=5000)
    QTest.keyClicks(typing_box(), "Sam Patel")                    # the next name
    QTest.keyClick(typing_box(), Qt.Key.Key_Tab)
    assert typing_box() is table.cellWidget(1, 1)
    assert [table.item(r, 0).text() for r in range(2)] == ["Mary Jones", "Sam Patel"]
    QTest.keyClick(typing_box(), Qt.Key.Key_Backtab)              # back to Sam's name
    qtbot.waitUntil(lambda: table.currentRow() == 1 and typing_box() is not None
                    and typing_box() is not table.cellWidget(1, 1), timeout=5000)
    assert table.currentColumn() == 0


def test_a_key_quote_over_two_paragraphs_unflags_whole_from_inside_either(controller, qtbot):
    """Found by trying bad input: a quote flagged over two paragraphs, unflagged with the
    cursor in the second, kept its first paragraph flagged (only the cursor's paragraph was
    looked at)."""
    window, editor = _active_editor(controller, qtbot)
    QTest.keyClicks(editor, "First part")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor, "second part")
    cursor = editor.textCursor()
    start = editor.document().lastBlock().previous().position()
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    assert editor.toggle_key_quote()
    window.session.sync()
    assert len(window.session.article.key_quotes()) == 1
    cursor.setPosition(editor.document().lastBlock().position() + 3)     # in "second"
    editor.setTextCursor(cursor)
    editor.toggle_key_quote()
    window.session.sync()
    assert window.session.article.key_quotes() == []


def test_removing_a_section_with_words_asks_first(controller, qtbot):
    """A whole section of writing went with one menu command, with no question; now the
    user is asked (and told Undo brings it back). An empty section goes without a question."""
    window, second = _typed_in(controller, qtbot, 1, "Three little words")
    session = window.session
    count = len(session.article.sections)
    window.dialogs.queue("confirm", False)                    # Keep it
    window.commands.remove_current()
    assert session.article.section(second.id) is not None
    title, text = window.dialogs.asked[-1][1]
    assert title == "Remove a section"
    assert f"“{second.title}” and the 3 words in it?" in text and "Undo" in text
    # Return and Escape keep it: the real box's default and escape buttons are "Keep it"
    answers = window.dialogs.last_confirm
    assert answers["keep"] and answers["no"] == "&Keep it"
    from PySide6.QtWidgets import QMessageBox

    from pipwriter.ui.dialogs import Dialogs
    box = Dialogs(window).confirm_box(title, text, answers["yes"], no=answers["no"],
                                      keep=answers["keep"])
    keep = box.button(QMessageBox.StandardButton.No)
    assert box.defaultButton() is keep and box.escapeButton() is keep
    assert keep.text() == "&Keep it"
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Remove it"
    box.deleteLater()
    window.dialogs.queue("confirm", True)                     # Remove it
    window.commands.remove_current()
    assert session.article.section(second.id) is None and len(session.article.sections) == count - 1
    empty = session.article.sections[1]
    assert session.section_words(empty.id) == 0
    window.open_panel(f"section:{empty.id}")
    asked = len(window.dialogs.asked)
    window.commands.remove_current()
    assert session.article.section(empty.id) is None and len(window.dialogs.asked) == asked


def test_the_reading_ease_beside_the_text_is_on_the_scale_people_know(controller, qtbot):
    """Very short words and sentences take the formula past 100 (here 120); the panel said
    "Reading ease 120", on a scale that ends at 100."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    window.section_panel.editor.setPlainText("We go. It is. I am.")
    window.section_panel.update_readability()
    shown = window.section_panel.readability.text()
    assert shown.startswith("<b>Reading ease 100</b> (plain English is 60 or more): Very easy")
