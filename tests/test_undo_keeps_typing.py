"""Undoing a change to the article (Edit › Undo, or Ctrl+Z in a text with no typing left to
undo there) never takes away words typed in the sections since, and redo neither: found by a
walk of the app, where one Ctrl+Z after editing a key message took back typing in two other
sections, and redo did not bring it back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_support import type_in_last_paragraph

from pipwriter.model.article.later_typing import keep_later_typing
from pipwriter.model.article.text import Paragraph, RichText, Run
from pipwriter.model.storage.demo import demo_project


def _type_at_end(window, section_id: str, words: str) -> None:
    window.open_panel(f"section:{section_id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, words)


def _body(window, section_id: str) -> str:
    window.session.sync()
    return window.session.article.section(section_id).body.plain_text()


def test_undo_and_redo_of_a_key_message_keep_typing_elsewhere(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    first, second = session.article.sections[0].id, session.article.sections[7].id
    messages = list(session.article.key_messages)
    session.change("Edit key message",
                   lambda a: a.key_messages.__setitem__(0, "Extra key message"))
    _type_at_end(window, first, " apple banana")
    _type_at_end(window, second, " kiwi")
    editor = window.section_panel.editor
    editor.document().clearUndoRedoStacks()      # as after Replace all: nothing to undo here
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.article.key_messages == messages                 # the change is undone…
    assert _body(window, first).endswith(" apple banana")           # …the typing is not
    assert _body(window, second).endswith(" kiwi")
    session.undo_stack.redo()
    assert session.article.key_messages[0] == "Extra key message"
    assert _body(window, first).endswith(" apple banana")
    assert _body(window, second).endswith(" kiwi")
    window.open_panel(f"section:{first}")                           # and the text shown
    assert window.section_panel.editor.toPlainText().endswith(" apple banana")


def test_undo_of_a_change_to_a_section_keeps_the_paragraphs_typed_in_since(
        controller, qtbot):
    """Replace all changes words in several paragraphs; a paragraph typed in since keeps its
    typing (and that part of the change), the others are put back."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    section = session.article.sections[1]
    before = [p.text() for p in section.body.paragraphs]
    assert len(before) >= 3

    def shout(article):
        target = article.section(section.id)
        target.body = RichText([Paragraph([Run(p.text().upper())]) for p in target.body.paragraphs])
    session.change("Replace all", shout)
    type_in_last_paragraph(window, section.id, " typed")
    editor = window.section_panel.editor
    session.undo_stack.undo()
    session.sync()
    after = [p.text() for p in session.article.section(section.id).body.paragraphs]
    assert after[:-1] == before[:-1]                                # undone where not typed in
    assert after[-1] == before[-1].upper() + " typed"               # the typing stays
    assert editor.toPlainText().endswith(" typed")


def test_the_rule_paragraph_by_paragraph():
    def article(*sections: list[str]):
        made = demo_project().article
        for section, texts in zip(made.sections, sections, strict=False):
            section.body = RichText([Paragraph([Run(t)]) for t in texts])
        return made
    target = article(["a", "b"], ["x"], ["p", "q"])     # before the change
    expected = article(["A", "B"], ["x"], ["p", "q"])   # the change upper-cased section 1
    current = article(["A", "B!"], ["x y"], ["p", "q"])  # then typing in sections 1 and 2
    assert keep_later_typing(target, expected, current) == [target.sections[0].id]
    assert [p.text() for p in target.sections[0].body.paragraphs] == ["a", "B!"]
    assert [p.text() for p in target.sections[1].body.paragraphs] == ["x y"]
    assert [p.text() for p in target.sections[2].body.paragraphs] == ["p", "q"]
    # a paragraph added since: the section keeps its text as it is now
    target, expected = article(["a"]), article(["A"])
    current = article(["A", "new"])
    assert keep_later_typing(target, expected, current) == [target.sections[0].id]
    assert [p.text() for p in target.sections[0].body.paragraphs] == ["A", "new"]
    # nothing typed since: the undo applies whole
    target, expected = article(["a"]), article(["A"])
    assert keep_later_typing(target, expected, article(["A"])) == []
    assert [p.text() for p in target.sections[0].body.paragraphs] == ["a"]


def test_redo_of_an_added_section_brings_back_what_was_typed_in_it(controller, qtbot):
    """Add a section, type in it, undo the adding (the section goes, with its words): redo
    brings the section back with those words, not empty (found by a walk of the app)."""
    from pipwriter.model.article import structure

    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    template = session.template
    section = session.change("Add “Our own part”", lambda a: structure.add_section(
        a, template, "", "Our own part", session.article.sections[0].id))
    _type_at_end(window, section.id, "Words typed in the new section")
    window.open_panel(f"section:{session.article.sections[0].id}")
    session.undo_stack.undo()
    assert session.article.section(section.id) is None
    session.undo_stack.redo()
    assert _body(window, section.id) == "Words typed in the new section"
    window.open_panel(f"section:{section.id}")
    assert window.section_panel.editor.toPlainText() == "Words typed in the new section"
    session.undo_stack.undo()                            # and back again: gone, then back
    session.undo_stack.redo()
    assert _body(window, section.id) == "Words typed in the new section"


def test_edit_undo_says_and_does_what_ctrl_z_does_where_the_keyboard_is(controller, qtbot):
    """Edit › Undo was greyed out while there was typing to undo in the text (it showed only
    the article's changes), though Ctrl+Z undid the typing: the menu was wrong."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)             # the keyboard is in this window
    session = window.session
    undo, redo = window.undo_action, window.redo_action
    first = session.article.sections[0].id
    messages = list(session.article.key_messages)
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Changed"))
    window.navigator.setFocus()
    assert undo.isEnabled() and undo.text() == "&Undo Edit key message"
    _type_at_end(window, first, " plum")
    assert undo.isEnabled() and undo.text() == "&Undo in the text"
    undo.trigger()                                      # the menu item, as clicked
    assert not _body(window, first).endswith(" plum")
    assert session.article.key_messages[0] == "Changed"     # the article's change stays
    assert redo.isEnabled() and redo.text() == "&Redo in the text"
    assert undo.text() == "&Undo Edit key message"      # no typing left: the change is next
    undo.trigger()
    assert session.article.key_messages == messages
    assert not undo.isEnabled() and undo.text() == "&Undo"
    window.navigator.setFocus()                         # out of the text: the article's redo
    assert redo.isEnabled() and redo.text() == "&Redo Edit key message"
    redo.trigger()
    assert session.article.key_messages[0] == "Changed"


def _active_demo(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _keys(widget, redo: bool, times: int) -> None:
    mods = Qt.KeyboardModifier.ControlModifier
    if redo:
        mods |= Qt.KeyboardModifier.ShiftModifier       # Ctrl+Shift+Z, as well as Ctrl+Y
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Z, mods)


def test_undoing_the_adding_of_the_open_section_and_redoing_it_loses_nothing(
        controller, qtbot):
    """Found by a walk of the app: with the new section open, Ctrl+Z took back its typing and
    then the section, but its heading and empty text stayed on the screen; typing there was
    lost, and redo brought the section back with 0 words."""
    from pipwriter.model.article import structure

    window = _active_demo(controller, qtbot)
    session = window.session
    first = session.article.sections[0].id
    section = session.change("Add “Money worries”", lambda a: structure.add_section(
        a, session.template, "", "Money worries", first))
    window.open_panel(f"section:{section.id}")
    _type_at_end(window, section.id, "We lost half our income")
    words = window.section_panel.editor.document().availableUndoSteps()
    _keys(window, redo=False, times=words + 1)           # the typing, then the adding
    assert session.article.section(section.id) is None
    assert window.current_section_id() != section.id     # not a section that is not there
    assert window.section_panel.section_id == window.current_section_id()
    assert window.section_panel.section_id in {s.id for s in session.article.sections}
    _keys(window, redo=True, times=words + 1)            # the adding, then the typing
    assert window.current_section_id() == section.id     # it comes back, and opens
    assert _body(window, section.id) == "We lost half our income"


def test_edit_undo_after_removing_a_section_brings_it_back_as_the_message_says(
        controller, qtbot):
    """Found by a walk of the app: the message said Ctrl+Z brings the section back, but the
    keyboard stayed in a text with typing of its own, and Ctrl+Z took back that typing."""
    window = _active_demo(controller, qtbot)
    session = window.session
    keep, gone = session.article.sections[-2], session.article.sections[-1]
    _type_at_end(window, keep.id, " Listen more")
    window.open_panel(f"section:{gone.id}")
    window.section_panel.editor.setFocus()
    words = gone.body.plain_text()
    window.dialogs.queue("confirm", True)                 # it has words: "Remove it"
    QTest.keyClick(window.section_panel.editor, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.article.section(gone.id) is None
    assert "Edit › Undo (Ctrl+Z) brings it back" in window.statusBar().currentMessage()
    _keys(window, redo=False, times=1)
    assert _body(window, gone.id) == words                # back, whole
    assert _body(window, keep.id).endswith(" Listen more")  # and the typing elsewhere stays
    assert window.statusBar().currentMessage() == ""      # the message is no longer true


def test_the_title_bar_follows_an_undone_change_to_the_title(controller, qtbot):
    """Found by a walk of the app: after Replace all changed the title and was undone, the
    window's title bar still showed the replaced title."""
    window = _active_demo(controller, qtbot)
    session = window.session
    title = session.article.title
    session.change("Replace all", lambda a: setattr(a, "title", "A check-up with patients"))
    assert "A check-up with patients" in window.windowTitle()
    session.undo_stack.undo()
    assert window.windowTitle().startswith(title)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_edit_undo_and_redo_say_what_the_keys_will_do(controller, qtbot, seed):
    """A random walk of typing, Ctrl+Z, Ctrl+Shift+Z, adding and removing sections and moving
    between the text and the navigator: whenever Edit › Undo (or Redo) is available its key
    changes something, and whenever it is greyed out its key changes nothing. Found stale by
    such a walk: the menu offered "Redo in the text" in a text whose history an undone change had
    cleared, and Ctrl+Shift+Z did nothing in the navigator (only Ctrl+Y was bound)."""
    import json
    import random

    from pipwriter.model.article import structure

    window = _active_demo(controller, qtbot)
    session = window.session
    rng = random.Random(seed)

    def state():
        session.sync()
        return (json.dumps(session.article.to_json(), sort_keys=True),
                window.section_panel.editor.toPlainText())

    wrong = []
    for step in range(80):
        op = rng.choice(["type", "type", "undo", "undo", "undo", "redo", "redo", "add",
                         "open", "list", "remove"])
        editor = window.section_panel.editor
        if op == "type":
            _type_at_end(window, window.current_section_id() or session.article.sections[0].id,
                         f" w{step}")
        elif op in ("undo", "redo"):
            action = window.redo_action if op == "redo" else window.undo_action
            said = (action.isEnabled(), action.text())
            before = state()
            _keys(window, redo=op == "redo", times=1)
            if said[0] != (state() != before):
                wrong.append((step, op, said))
        elif op == "add":
            here = window.current_section_id() or session.article.sections[0].id
            added = session.change(f"Add “X{step}”", lambda a, h=here, n=step:
                                   structure.add_section(a, session.template, "", f"X{n}", h))
            window.open_panel(f"section:{added.id}")
            editor.setFocus()
        elif op == "open":
            window.open_panel(f"section:{rng.choice(session.article.sections).id}")
            editor.setFocus()
        elif op == "list":
            window.navigator.setFocus()
        elif op == "remove" and window.current_section_id() and len(session.article.sections) > 3:
            window.dialogs.queue("confirm", True)     # asked when it has words: "Remove it"
            window.commands.remove_current()
            window.dialogs.answers.pop("confirm", None)
    assert wrong == []


def test_away_from_the_text_undo_takes_back_the_newest_typing_or_change(controller, qtbot):
    """Found by a walk of the app: after a change to the article and then some typing, with the
    list of parts chosen, Edit › Undo (and Ctrl+Z) took back the older change and left the
    words just typed. Away from the text, Undo takes back whichever is newer, and Redo brings
    back whichever was undone last."""
    window = _active_demo(controller, qtbot)
    session = window.session
    undo, redo = window.undo_action, window.redo_action
    first = session.article.sections[0].id
    before = _body(window, first)
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Changed"))
    _type_at_end(window, first, " plum")
    window.navigator.setFocus()
    assert undo.isEnabled() and undo.text() == "&Undo in the text"
    _keys(window, redo=False, times=1)                  # Ctrl+Z, the keyboard in the list
    assert _body(window, first) == before               # the typing, the newest, went first
    assert session.article.key_messages[0] == "Changed"
    assert undo.text() == "&Undo Edit key message"      # the change is next
    undo.trigger()
    assert session.article.key_messages[0] != "Changed"
    assert redo.text() == "&Redo Edit key message"      # undone last: brought back first
    _keys(window, redo=True, times=1)
    assert session.article.key_messages[0] == "Changed" and _body(window, first) == before
    assert redo.text() == "&Redo in the text"
    redo.trigger()
    assert _body(window, first) == before + " plum"
    assert not redo.isEnabled()


def test_away_from_the_text_a_newer_change_is_undone_before_older_typing(controller, qtbot):
    window = _active_demo(controller, qtbot)
    session = window.session
    first = session.article.sections[0].id
    _type_at_end(window, first, " plum")
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Changed"))
    window.navigator.setFocus()
    assert window.undo_action.text() == "&Undo Edit key message"
    _keys(window, redo=False, times=1)
    assert session.article.key_messages[0] != "Changed"
    assert _body(window, first).endswith(" plum")
    assert window.undo_action.text() == "&Undo in the text"    # the typing is next
    _keys(window, redo=False, times=1)
    assert not _body(window, first).endswith(" plum")


def test_typing_in_a_section_no_longer_shown_is_not_undone_from_the_list(controller, qtbot):
    """Only the text on the screen is undone: typing in a section the editor no longer shows
    waits for that section (Ctrl+Z in it), however new."""
    window = _active_demo(controller, qtbot)
    session = window.session
    first, second = session.article.sections[0].id, session.article.sections[1].id
    session.change("Edit key message", lambda a: a.key_messages.__setitem__(0, "Changed"))
    _type_at_end(window, first, " plum")
    window.open_panel(f"section:{second}")
    window.navigator.setFocus()
    assert window.undo_action.text() == "&Undo Edit key message"
    _keys(window, redo=False, times=1)
    assert session.article.key_messages[0] != "Changed"
    assert _body(window, first).endswith(" plum")
