"""Spelling in every box the authors write prose in, not only the sections: underlines, the
spelling menu from the mouse and the keyboard (Menu key, Shift+F10), one-line boxes that behave
like line edits, length limits, and each field named (``pip_field``) so the app can go to it."""

from __future__ import annotations

import pytest
import shiboken6
from media_samples import write_picture
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QFont, QImage, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu, QWidget
from ui_support import fill_wizard, look_at_a_menu, opened, underlines_settled

from pipwriter.model.article.limits import AUTHOR_NAME_MAX, HEADING_MAX, TITLE_MAX
from pipwriter.ui.dialogs import Dialogs
from pipwriter.ui.disclosure_wizard import DisclosureWizard
from pipwriter.ui.new_article_wizard import NewArticleWizard
from pipwriter.ui.spell_line_edit import FIELD_PROPERTY, SpellLineEdit, field_widgets

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture
def window(controller, qtbot):
    controller.run_wizard = fill_wizard
    win = controller.new_article()
    qtbot.addWidget(win)
    win.activateWindow()
    qtbot.waitExposed(win)
    return opened(win, qtbot)       # the spelling lists read


def underlined(edit) -> list[str]:
    """The words a text box shows underlined as misspelt (what Qt will draw)."""
    words, block = [], underlines_settled(edit.document()).begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if fmt_range.format.underlineStyle() == SPELL:
                words.append(block.text()[fmt_range.start:fmt_range.start + fmt_range.length])
        block = block.next()
    return words


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, text)


def put_cursor_in(edit, word: str) -> None:
    found = edit.document().find(word)
    assert not found.isNull(), word
    cursor = edit.textCursor()
    cursor.setPosition(found.selectionStart() + 2)
    edit.setTextCursor(cursor)


def shiboken_alive(widget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible()


def refocus(qtbot, window, edit) -> None:
    """Give the window and ``edit`` the focus back (offscreen, a closed menu leaves the window
    inactive)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=5000)


def menu_from_keyboard(qtbot, edit, key: Qt.Key, choose: str | None = None) -> list[str]:
    """Open the context menu with ``key`` (Menu, or F10 with Shift) while ``edit`` has the
    focus; return its items, triggering the first one starting with ``choose`` (if given)."""
    modifiers = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_F10 \
        else Qt.KeyboardModifier.NoModifier
    return answer_menu(qtbot, lambda: QTest.keyClick(edit, key, modifiers), choose)


def answer_menu(qtbot, open_menu, choose: str | None = None) -> list[str]:
    """Call ``open_menu()``, which shows a context menu; see :func:`menu_from_keyboard`."""
    seen: list[str] = []

    def answer() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, answer)
            return
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        wanted = next((a for a in menu.actions() if choose and a.text().startswith(choose)),
                      None)
        if wanted is not None:
            wanted.trigger()
        menu.close()
    QTimer.singleShot(0, answer)
    open_menu()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def add_picture(window, tmp_path):
    window.open_panel("illustrations")
    tab = window.panels["illustrations"].illustrations
    window.dialogs.queue("file", write_picture(tmp_path / "ward.png", 1000, 800))
    assert tab.add_illustration()
    return tab


def add_clip(window):
    window.open_panel("illustrations")
    tab = window.panels["illustrations"].clips
    window.dialogs.queue("text", "https://vimeo.com/42")
    assert tab.add_clip_link()
    return tab


def add_reference(window):
    window.open_panel("references")
    panel = window.panels["references"]
    panel.add_reference()
    return panel


def key_message_editor(qtbot, window) -> SpellLineEdit:
    window.open_panel("key_messages")
    panel = window.panels["key_messages"]
    panel.add_message()
    qtbot.waitUntil(lambda: panel.messages.findChild(SpellLineEdit) is not None, timeout=5000)
    editor = panel.messages.findChild(SpellLineEdit)
    assert editor.property(FIELD_PROPERTY) == "message"
    return editor


# --- underlines ---------------------------------------------------------------------------------
def test_a_misspelt_word_is_underlined_in_every_prose_field(window, qtbot, tmp_path):
    window.open_panel("title")
    title = window.panels["title"]
    type_into(qtbot, title.title_edit, " and the pateint")
    type_into(qtbot, title.standfirst, "A nurse and a pateint recieved help.")
    assert underlined(title.title_edit) == ["pateint"]
    assert underlined(title.standfirst) == ["pateint", "recieved"]

    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    heading = window.section_panel.title_edit
    type_into(qtbot, heading, " togehter again")      # (the word being typed waits: see
    #                                                   test_ui_word_being_typed)
    assert underlined(heading) == ["togehter"]

    message = key_message_editor(qtbot, window)
    QTest.keyClicks(message, "Listen to the carres now")
    assert underlined(message) == ["carres"]

    pictures = add_picture(window, tmp_path)
    type_into(qtbot, pictures.caption, "The wrold of the ward")
    type_into(qtbot, pictures.alt_text, "Nurses at a tabel on the ward")
    assert underlined(pictures.caption) == ["wrold"]
    assert underlined(pictures.alt_text) == ["tabel"]

    clips = add_clip(window)
    type_into(qtbot, clips.clip_title, "Malcolm's vist")
    type_into(qtbot, clips.caption, "Filmed in the clinc")
    type_into(qtbot, clips.transcript, "Malcolm: I didnt know what to expect.")
    assert underlined(clips.clip_title) == ["vist"]
    assert underlined(clips.caption) == ["clinc"]
    assert underlined(clips.transcript) == ["didnt"]

    references = add_reference(window)
    type_into(qtbot, references.inputs["title"], "Patient partnership in strok care")
    type_into(qtbot, references.text, "A reprot of the panel")
    assert underlined(references.inputs["title"]) == ["strok"]
    assert underlined(references.text) == ["reprot"]

    window.open_panel("authors")
    authors = window.panels["authors"]
    type_into(qtbot, authors.role, "Co-chiar of the group")
    assert underlined(authors.role) == ["chiar"]


def test_names_organisations_and_addresses_are_not_spell_checked(window, qtbot):
    window.open_panel("authors")
    authors = window.panels["authors"]
    for edit in (authors.name, authors.credentials, authors.affiliation, authors.email,
                 authors.handle):
        assert isinstance(edit, QLineEdit), edit.accessibleName()   # no spelling to show
    references = add_reference(window)
    references.authors.setPlainText("Zxqwyrt T\nPlimbottom A")
    assert underlined(references.authors) == []
    for name in ("container", "year", "volume", "issue", "pages", "doi", "url", "accessed"):
        assert isinstance(references.inputs[name], QLineEdit), name


def test_the_competing_interests_prose_is_checked_but_not_who(window, qtbot):
    author = window.session.article.authors[0]
    wizard = DisclosureWizard(author, "T", window.session.article.authors, parent=window)
    qtbot.addWidget(wizard)
    editor = wizard.item_pages[0].editor
    assert isinstance(editor.who_edit, QLineEdit)
    editor.add_entry()
    QTest.keyClicks(editor.what_edit, "Unpaid trustie role")
    QTest.keyClicks(editor.comments_edit, "Since Janury 2024")
    assert underlined(editor.what_edit) == ["trustie"]
    assert underlined(editor.comments_edit) == ["Janury"]
    assert author.disclosure.item(1).entries == [] and editor.entries[0].what == "Unpaid trustie role"
    statement = wizard.summary_page.statement_edit
    statement.setPlainText("Jo declares no competting interests.")
    assert underlined(statement) == ["competting"]


# --- the spelling menu from the keyboard --------------------------------------------------------
def test_shift_f10_offers_the_right_word_first_and_corrects_the_title(window, qtbot):
    window.open_panel("title")
    edit = window.panels["title"].title_edit
    type_into(qtbot, edit, " recieved")
    put_cursor_in(edit, "recieved")
    items = menu_from_keyboard(qtbot, edit, Qt.Key.Key_F10, choose="received")
    assert items[0] == "received"
    assert "Ignore “recieved” in this article" in items and "&Paste\tCtrl+V" in items
    assert edit.text() == "Walking together received"
    refocus(qtbot, window, edit)
    QTest.keyClick(edit, Qt.Key.Key_Return)                 # the field commits
    assert window.session.article.title == "Walking together received"


@pytest.mark.parametrize("key", [Qt.Key.Key_Menu, Qt.Key.Key_F10])
def test_the_menu_key_and_shift_f10_correct_every_kind_of_field(window, qtbot, tmp_path, key):
    def correct(edit, wrong: str, right: str) -> None:
        put_cursor_in(edit, wrong)
        edit.setFocus()
        assert menu_from_keyboard(qtbot, edit, key, choose=right)[0] == right
        assert wrong not in edit.toPlainText() and right in edit.toPlainText()
        refocus(qtbot, window, edit)
        if isinstance(edit, SpellLineEdit):
            QTest.keyClick(edit, Qt.Key.Key_Return)          # Enter commits a one-line field
        else:
            edit.clearFocus()                               # leaving a box commits it

    window.open_panel("title")
    standfirst = window.panels["title"].standfirst
    type_into(qtbot, standfirst, "The pateint view.")
    correct(standfirst, "pateint", "patient")
    assert window.session.article.standfirst == "The patient view."

    pictures = add_picture(window, tmp_path)
    type_into(qtbot, pictures.caption, "The wrold of the ward")
    correct(pictures.caption, "wrold", "world")
    assert window.session.article.illustrations[0].caption == "The world of the ward"

    clips = add_clip(window)
    type_into(qtbot, clips.transcript, "We recieved help.")
    correct(clips.transcript, "recieved", "received")
    assert window.session.article.clips[0].transcript == "We received help."

    references = add_reference(window)
    type_into(qtbot, references.inputs["title"], "Stroke rehabilitaion")
    correct(references.inputs["title"], "rehabilitaion", "rehabilitation")
    assert window.session.article.references[0].title == "Stroke rehabilitation"


def test_the_menu_key_corrects_a_key_message_being_edited(window, qtbot):
    editor = key_message_editor(qtbot, window)
    QTest.keyClicks(editor, "Listen to the pateint")
    put_cursor_in(editor, "pateint")
    assert menu_from_keyboard(qtbot, editor, Qt.Key.Key_Menu, choose="patient")[0] == "patient"
    assert editor.text() == "Listen to the patient"
    if shiboken_alive(editor):   # offscreen, the closing menu may already have ended the edit
        refocus(qtbot, window, editor)
        QTest.keyClick(editor, Qt.Key.Key_Return)             # Enter keeps the edit
    qtbot.waitUntil(lambda: window.session.article.key_messages[-1] == "Listen to the patient",
                    timeout=5000)


def test_enter_in_a_key_message_commits_it_on_one_line(window, qtbot):
    editor = key_message_editor(qtbot, window)
    QTest.keyClicks(editor, "Ask the people who use it")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.article.key_messages[-1] ==
                    "Ask the people who use it", timeout=5000)


def test_a_long_key_message_is_edited_whole_and_wrapped_as_its_row_shows_it(window, qtbot):
    """Found by a walk: the box editing a message longer than the list is wide showed one line
    of it, scrolled to its end, over half of its row."""
    long = ("Care works when meetings fit the people in them: short sessions, papers in "
            "advance, aphasia friendly materials and a shared chair for everyone who comes")
    window.session.change("Messages", lambda a: a.key_messages.extend([long, "Short one"]))
    window.open_panel("key_messages")
    messages = window.panels["key_messages"].messages
    messages.setCurrentRow(0)
    messages.editItem(messages.currentItem())
    qtbot.waitUntil(lambda: messages.findChild(SpellLineEdit) is not None, timeout=5000)
    editor = messages.findChild(SpellLineEdit)
    qtbot.waitUntil(editor.isVisible, timeout=5000)
    assert editor.text() == long
    row = messages.visualItemRect(messages.item(0))
    assert row.height() >= 2 * editor.fontMetrics().height()      # the list wraps it
    assert editor.geometry().top() == row.top() and editor.width() == row.width()
    viewport = editor.viewport().rect()
    for position in (0, len(long)):                 # its first and last words are in view
        cursor = editor.textCursor()
        cursor.setPosition(position)
        assert viewport.contains(editor.cursorRect(cursor).center()), position
    below = messages.visualItemRect(messages.item(1))
    assert editor.geometry().bottom() <= below.top()   # the next message is not covered
    # typing a line's worth more: the box grows, and the message's start stays in view
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " and a line more for everyone who reads the article later on")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    assert editor.viewport().rect().contains(editor.cursorRect(cursor).center())


def test_a_right_click_opens_the_same_menu(window, qtbot, tmp_path):
    pictures = add_picture(window, tmp_path)
    type_into(qtbot, pictures.caption, "The wrold")
    found = pictures.caption.document().find("wrold")
    inside = QTextCursor(found)
    inside.setPosition(found.selectionStart() + 2)
    point = pictures.caption.cursorRect(inside).center()
    viewport = pictures.caption.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    items = answer_menu(qtbot, lambda: QApplication.sendEvent(viewport, event), "world")
    assert items[0] == "world" and pictures.caption.text() == "The world"


@pytest.mark.parametrize("key", [Qt.Key.Key_Menu, Qt.Key.Key_F10])
def test_the_section_editor_opens_its_spelling_menu_from_the_keyboard(window, qtbot, key):
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    type_into(qtbot, editor, "The programme recieved help.")
    put_cursor_in(editor, "recieved")
    items = menu_from_keyboard(qtbot, editor, key, choose="received")
    assert items[0] == "received" and "Flag as &key quote" in [i.split("\t")[0] for i in items]
    assert "The programme received help." in editor.toPlainText()


def test_ignore_in_this_article_removes_the_underline_everywhere(window, qtbot):
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    body = window.section_panel.editor
    type_into(qtbot, body, "Glenmorrow clinic.")
    window.open_panel("title")
    title = window.panels["title"]
    type_into(qtbot, title.standfirst, "At Glenmorrow.")
    type_into(qtbot, title.title_edit, " in Glenmorrow now")
    qtbot.waitUntil(lambda: underlined(body) == ["Glenmorrow"], timeout=20000)
    assert underlined(title.standfirst) == underlined(title.title_edit) == ["Glenmorrow"]
    put_cursor_in(title.title_edit, "Glenmorrow")
    menu_from_keyboard(qtbot, title.title_edit, Qt.Key.Key_F10, choose="Ignore")
    assert underlined(title.title_edit) == underlined(title.standfirst) == underlined(body) == []
    assert window.session.article.settings.spell_ignore[-1] == "Glenmorrow"


# --- one-line boxes -------------------------------------------------------------------------------
def test_a_one_line_box_keeps_one_line_and_enter_commits(window, qtbot):
    window.open_panel("title")
    edit = window.panels["title"].title_edit
    edit.setFocus()
    edit.selectAll()
    pasted = QMimeData()
    pasted.setText("Walking\ntogether\r\nagain\u2029now")
    edit.insertFromMimeData(pasted)
    assert edit.text() == "Walking together again now" and edit.blockCount() == 1
    finished: list[int] = []
    edit.editingFinished.connect(lambda: finished.append(1))
    for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        QTest.keyClick(edit, Qt.Key.Key_Return, modifier)
    QTest.keyClick(edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert edit.blockCount() == 1 and "\u2028" not in edit.text()
    assert len(finished) == 3
    assert window.session.article.title == "Walking together again now"
    edit.setText("Two\nlines")
    assert edit.text() == "Two lines"


def test_tab_leaves_a_one_line_box_and_leaving_commits(window, qtbot):
    window.open_panel("title")
    title = window.panels["title"]
    title.title_edit.setFocus()
    qtbot.waitUntil(title.title_edit.hasFocus, timeout=5000)
    QTest.keyClicks(title.title_edit, "!")
    QTest.keyClick(title.title_edit, Qt.Key.Key_Tab)
    assert title.standfirst.hasFocus() and title.title_edit.text() == "Walking together!"
    assert window.session.article.title == "Walking together!"
    QTest.keyClick(title.standfirst, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert title.title_edit.hasFocus()


def test_a_long_text_in_a_one_line_box_shows_its_start_until_typed_in(qtbot):
    """Found by a walk: a long caption showed its end in its box."""
    box = SpellLineEdit()
    qtbot.addWidget(box)
    box.resize(160, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    text = "The ward team and patient partners at the first meeting of the group in spring"
    box.setText(text)
    start = box.textCursor()
    start.setPosition(0)
    assert box.viewport().rect().contains(box.cursorRect(start).center())
    assert box.textCursor().position() == len(text)        # typing goes on at the end
    QTest.keyClicks(box, "!")
    assert box.text() == text + "!"
    assert box.viewport().rect().contains(box.cursorRect().center())   # and is seen


def test_a_one_line_box_is_one_line_high_for_its_font_and_shows_its_focus(qtbot):
    box, line = SpellLineEdit(accessible_name="Caption"), QLineEdit()
    holder = QWidget()
    for widget in (box, line):
        widget.setParent(holder)
    qtbot.addWidget(holder)
    assert box.accessibleName() == "Caption"
    assert abs(box.sizeHint().height() - line.sizeHint().height()) <= 6
    small = box.sizeHint().height()
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    box.setFont(font)
    assert box.sizeHint().height() >= small + box.fontMetrics().lineSpacing() // 3
    box.setFont(QFont())
    box.setPlaceholderText("A caption")
    box.resize(200, box.sizeHint().height())
    box.move(10, 10)
    holder.resize(260, 80)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()

    def border() -> list[int]:
        image = box.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        return [image.pixel(x, 1) for x in range(5, image.width() - 5, 7)]
    unfocused = border()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5000)
    highlight = box.palette().highlight().color().rgb()
    assert border() != unfocused and highlight in border()


def test_length_limits_stop_typing_where_the_file_would_refuse_it(window, qtbot):
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    heading = window.section_panel.title_edit
    assert heading.maxLength() == HEADING_MAX
    heading.setText("x" * (HEADING_MAX - 2))
    type_into(qtbot, heading, "abcd")
    assert heading.text() == "x" * (HEADING_MAX - 2) + "ab"
    pasted = QMimeData()
    pasted.setText("more")
    heading.insertFromMimeData(pasted)
    assert len(heading.text()) == HEADING_MAX
    heading.setText("y" * (HEADING_MAX + 10))
    assert heading.text() == "y" * HEADING_MAX
    window.open_panel("title")
    assert window.panels["title"].title_edit.maxLength() == TITLE_MAX
    window.open_panel("authors")
    assert 0 < window.panels["authors"].name.maxLength() <= AUTHOR_NAME_MAX


def test_the_new_article_title_and_the_heading_dialogs_have_limits(qtbot, template):
    wizard = NewArticleWizard(template)
    qtbot.addWidget(wizard)
    assert wizard.title_page.title_edit.maxLength() == TITLE_MAX
    dialogs = Dialogs()
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        edit = dialog.findChild(QLineEdit)
        seen.append(edit.maxLength())
        QTest.keyClick(edit, Qt.Key.Key_End)
        QTest.keyClicks(edit, "abcdef")
        dialog.accept()
    QTimer.singleShot(0, answer)
    assert dialogs.ask_text("Rename section", "New heading:", "xyz", max_length=5) == "xyzab"
    assert seen == [5]


# --- every field is named -----------------------------------------------------------------------
def visible_field(panel: QWidget, name: str) -> QWidget:
    found = [w for w in field_widgets(panel, name) if w.isVisible()]
    assert found, name
    return found[0]


def test_every_field_is_named_on_a_visible_widget_of_its_panel(window, qtbot, tmp_path):
    window.open_panel("title")
    for name in ("title", "standfirst"):
        visible_field(window.panels["title"], name)
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    for name in ("heading", "body"):
        visible_field(window.section_panel, name)
    window.open_panel("key_messages")
    visible_field(window.panels["key_messages"], "message")
    references = add_reference(window)
    for name in ("title", "authors", "container"):          # a journal article's fields
        visible_field(references, name)
    references.kind.setCurrentIndex(references.kind.findData("other"))
    visible_field(references, "text")                     # a reference kept as typed
    pictures = add_picture(window, tmp_path)
    for name in ("caption", "alt_text", "credit"):
        visible_field(pictures, name)
    clips = add_clip(window)
    for name in ("clip_title", "clip_caption", "clip_transcript"):
        visible_field(clips, name)
    window.open_panel("authors")
    for name in ("name", "credentials", "role", "affiliation"):
        visible_field(window.panels["authors"], name)
    author = window.session.article.authors[0]
    wizard = DisclosureWizard(author, "T", window.session.article.authors, parent=window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.currentPage().yes_radio.setChecked(True)
    visible_field(wizard.currentPage(), "what")
    visible_field(wizard.currentPage(), "comments")
    visible_field(wizard.currentPage(), "entity")
    while wizard.currentPage() is not wizard.certify_page:
        wizard.currentPage().none_radio.setChecked(True)
        wizard.next()
    wizard.certify_page.checkbox.setChecked(True)
    wizard.next()
    visible_field(wizard.summary_page, "statement")


def _in_a_misspelt_title(window, qtbot):
    """The title panel's box says "Teh clinic", the text cursor in "Teh"."""
    window.open_panel("title")
    title = window.panels["title"].title_edit
    refocus(qtbot, window, title)
    title.setText("Teh clinic")
    cursor = title.textCursor()
    cursor.setPosition(1)
    title.setTextCursor(cursor)
    return title


def test_suggest_spellings_from_the_menu_bar(window, qtbot):
    """Article › Spelling › Suggest spellings: the same menu, for keyboards with no Menu key."""
    title = _in_a_misspelt_title(window, qtbot)
    action = next(a for a in window.findChildren(QAction)
                  if a.text() == "&Suggest spellings for this word")
    items = answer_menu(qtbot, action.trigger, choose="The")
    assert items[0] == "The"
    qtbot.waitUntil(lambda: title.text() == "The clinic", timeout=5000)
    window.navigator.setFocus()
    assert not window.commands.suggest_spellings()        # no text box: it says what to do
    assert "text cursor" in window.statusBar().currentMessage()


def test_suggest_spellings_after_a_menu_was_looked_at(window, qtbot):
    """Alt+A then Escape leaves the keyboard on the menu bar: Suggest spellings still opens
    the menu of the word in the text box the menu bar took the keyboard from."""
    title = _in_a_misspelt_title(window, qtbot)
    look_at_a_menu(title, qtbot)
    items = answer_menu(qtbot, window.commands.suggest_spellings, choose="The")
    assert items[0] == "The"
    qtbot.waitUntil(lambda: title.text() == "The clinic", timeout=5000)


def test_a_key_message_being_edited_shows_its_whole_line(window, qtbot):
    """Found by a walk of the app: the box over the row cut off the bottom of the letters."""
    editor = key_message_editor(qtbot, window)
    QTest.keyClicks(editor, "Ask the people who use it")
    assert editor.height() >= editor.sizeHint().height()
    layout = editor.document().documentLayout()
    text_height = layout.documentSize().height()
    assert editor.viewport().height() >= text_height - 1      # the line fits inside the box


def test_a_buttons_alt_letter_keeps_what_was_being_typed_and_so_does_quitting(
        window, qtbot):
    """Found by a walk of the app: a reference's pages typed, then Alt+N (Add a reference) or
    Ctrl+Q straight away, lost the pages: the box still had the keyboard, so it never said
    the typing was done, and the form was rebuilt (or the app closed without asking)."""
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    panel = add_reference(window)
    first = window.session.article.references[0].id
    pages = panel.inputs["pages"]
    pages.setFocus()
    qtbot.waitUntil(pages.hasFocus, timeout=5000)
    QTest.keyClicks(pages, "1-12")
    QTest.keyClick(pages, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)   # Add a refere&nce
    qtbot.waitUntil(lambda: len(window.session.article.references) == 2, timeout=5000)
    assert window.session.article.reference(first).pages == "1-12"
    volume = panel.inputs["volume"]
    volume.setFocus()
    qtbot.waitUntil(volume.hasFocus, timeout=5000)
    QTest.keyClicks(volume, "42")
    window.session.set_modified(False)              # as if saved just before the typing
    asked = []
    window.dialogs.ask_unsaved = lambda name: asked.append(name) or "cancel"
    window.close()                                  # Ctrl+Q, File › Close: asks first
    assert asked and window.isVisible()
    assert window.session.article.references[-1].volume == "42"
