"""The word being typed gets no spelling underline until the typist leaves it.

At human pace the underlines came 150 ms after a key, so a long word was underlined while it was
still being typed ("colla" on the way to "collaboration") and the underline went again a few keys
later: a red mark for a word that is not misspelt, and the whole paragraph laid out and painted
again at each of those keys (issue 23). Word and LibreOffice wait for the word to be finished.
Here the word is checked once the cursor leaves its end (a space, an arrow key, a click), the
keyboard leaves the box, or another section is shown. Real windows, real keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from ui_support import drawn_underlines, first_section

from pipwriter.ui.spell_highlighter import UNDERLINE_DELAY_MS

PAUSE_MS = UNDERLINE_DELAY_MS + 100          # longer than the underlines wait after a key


underlined = drawn_underlines        # at this moment: what the typist sees


def type_slowly(qtbot, box, text: str) -> None:
    """One key at a time with a pause after each, longer than the underlines' wait."""
    for letter in text:
        QTest.keyClicks(box, letter)
        qtbot.wait(PAUSE_MS // 2)


def open_section(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    window.show()
    qtbot.waitUntil(lambda: window.session.spelling.lists.loaded(), timeout=20_000)
    _section, editor = first_section(window)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return window, editor


def test_a_long_word_is_never_underlined_while_it_is_typed(controller, qtbot):
    window, editor = open_section(controller, qtbot)
    document = editor.document()
    before = underlined(document)
    seen = []
    for letter in " We talked about collaboration":
        QTest.keyClicks(editor, letter)
        qtbot.wait(PAUSE_MS // 2)
        seen.append(underlined(document))
    assert all(words == before for words in seen), [w for w in seen if w != before][:1]


def _space(window, editor):
    QTest.keyClicks(editor, " ")


def _arrow_key(window, editor):
    QTest.keyClick(editor, Qt.Key.Key_Left)


def _keyboard_to_the_list(window, editor):
    window.navigator.setFocus()


def _another_section(window, editor):
    window.open_panel(f"section:{window.session.article.sections[2].id}")


@pytest.mark.parametrize("leave", [_space, _arrow_key, _keyboard_to_the_list, _another_section])
def test_a_misspelt_word_is_underlined_once_the_typist_leaves_it(controller, qtbot, leave):
    window, editor = open_section(controller, qtbot)
    document = editor.document()
    type_slowly(qtbot, editor, " the pateint")
    qtbot.wait(PAUSE_MS)
    assert "pateint" not in underlined(document)      # still being typed
    leave(window, editor)
    qtbot.waitUntil(lambda: "pateint" in underlined(document), timeout=3000)


def test_a_one_line_box_underlines_the_word_once_the_keyboard_leaves_it(controller, qtbot):
    window, _editor = open_section(controller, qtbot)
    window.open_panel("title")
    title = window.panels["title"].title_edit
    title.setFocus()
    qtbot.waitUntil(title.hasFocus, timeout=3000)
    title.selectAll()
    type_slowly(qtbot, title, "Partnershp")
    qtbot.wait(PAUSE_MS)
    assert underlined(title.document()) == []
    QTest.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: underlined(title.document()) == ["Partnershp"], timeout=3000)
