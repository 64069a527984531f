"""Red underlines in a real QTextEdit, and the right-click spelling menu."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QFont, QImage, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit
from ui_support import underlines_settled

from pipwriter.model.language.spelling import SpellEngine
from pipwriter.ui.spell_highlighter import UNDERLINE_COLOUR, SpellHighlighter
from pipwriter.ui.spell_menu import add_spelling_actions

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture
def engine(tmp_path):
    return SpellEngine("en_GB", tmp_path / "dictionary.txt")


@pytest.fixture
def editor(qtbot, engine):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.resize(500, 300)
    edit.show()
    qtbot.waitExposed(edit)
    highlighter = SpellHighlighter(edit.document(), engine)
    return edit, highlighter


def underlined(edit: QTextEdit) -> list[tuple[int, str]]:
    """(block number, underlined text) for every spelling underline Qt will draw."""
    out = []
    block = underlines_settled(edit.document()).begin()
    while block.isValid():
        text16 = block.text().encode("utf-16-le")
        for fmt_range in block.layout().formats():
            fmt = fmt_range.format
            if fmt.underlineStyle() == SPELL:
                assert fmt.underlineColor() == UNDERLINE_COLOUR
                start, end = fmt_range.start, fmt_range.start + fmt_range.length
                out.append((block.blockNumber(),
                            text16[start * 2:end * 2].decode("utf-16-le")))
        block = block.next()
    return out


def point_in_word(edit: QTextEdit, word: str):
    """Viewport position in the middle of the first occurrence of ``word``."""
    cursor = edit.document().find(word)
    assert not cursor.isNull(), word
    inside = QTextCursor(edit.document())
    inside.setPosition(cursor.selectionStart() + len(word) // 2)
    return edit.cursorRect(inside).center()


# --- underlines ----------------------------------------------------------------------------------
def test_underlines_exactly_the_misspelt_words(editor):
    edit, _ = editor
    edit.setPlainText("The pateint’s GP saw her at A&E.\nAll well here.\nCo-prodution with carers.")
    assert underlined(edit) == [(0, "pateint’s"), (2, "prodution")]


def test_offsets_are_right_after_emoji(editor):
    edit, _ = editor
    edit.setPlainText("Feeling 😀😀 about the wrold today")
    assert underlined(edit) == [(0, "wrold")]
    [fmt_range] = edit.document().begin().layout().formats()
    before = "Feeling 😀😀 about the "
    assert len(before) == 21 and len(before.encode("utf-16-le")) // 2 == 23
    assert (fmt_range.start, fmt_range.length) == (23, 5)  # each emoji is two UTF-16 units


def test_typing_updates_only_as_needed_and_keeps_formatting(editor):
    edit, _ = editor
    edit.setPlainText("Fine text.")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(" A mispeled word", bold)
    assert underlined(edit) == [(0, "mispeled")]
    found = edit.document().find("mispeled")
    inside = QTextCursor(edit.document())
    inside.setPosition(found.selectionStart() + 1)
    assert inside.charFormat().fontWeight() == QFont.Weight.Bold  # underline is an overlay
    found.insertText("misspelled")
    assert underlined(edit) == []


def test_changes_in_the_engine_refresh_without_marking_the_document_changed(editor, engine):
    edit, highlighter = editor
    edit.setPlainText("Zoxtrabin and Wibblecare.")
    edit.document().setModified(False)
    changes = []
    edit.document().contentsChanged.connect(lambda: changes.append(1))
    assert underlined(edit) == [(0, "Zoxtrabin"), (0, "Wibblecare")]
    engine.add_user_word("Zoxtrabin")
    assert underlined(edit) == [(0, "Wibblecare")]
    engine.ignore_word("Wibblecare")
    assert underlined(edit) == []
    engine.set_ignored([])
    assert underlined(edit) == [(0, "Wibblecare")]
    highlighter.set_enabled(False)
    assert underlined(edit) == []
    highlighter.set_enabled(True)
    engine.set_enabled(False)
    assert underlined(edit) == []
    engine.set_enabled(True)
    assert underlined(edit) == [(0, "Wibblecare")]
    assert changes == [] and not edit.document().isModified()


def test_attaching_a_highlighter_does_not_signal_an_edit(qtbot, engine):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("A wrold of text.")
    changes = []
    edit.document().contentsChanged.connect(lambda: changes.append(1))
    SpellHighlighter(edit.document(), engine)
    qtbot.wait(20)  # let any queued first pass run
    assert underlined(edit) == [(0, "wrold")]
    assert changes == []


def test_highlighting_does_not_wear_out_none(editor):
    # PySide6 6.12 on Python 3.11 drops a reference to None on every void call (setFormat...);
    # a long writing session then aborts the app with "none_dealloc" (pyproject pins <6.12).
    edit, highlighter = editor
    edit.setPlainText("\n".join(["the wrold and teh pateint"] * 20))
    before = sys.getrefcount(None)
    for _ in range(50):
        highlighter.refresh()  # 50 x (1 rehighlight + 60 underlines) void calls
    assert sys.getrefcount(None) > before - 50


def test_the_underline_is_drawn_in_red_under_the_word(editor):
    edit, _ = editor
    edit.setPlainText("Correct words then wrold")
    edit.viewport().repaint()
    image = edit.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    word = edit.document().find("wrold")
    start, end = QTextCursor(word), QTextCursor(word)
    start.setPosition(word.selectionStart())
    end.setPosition(word.selectionEnd())
    left, right = edit.cursorRect(start).left(), edit.cursorRect(end).left()
    rect = edit.cursorRect(start)
    ratio = image.devicePixelRatio()

    def red_columns(x0: int, x1: int) -> int:
        count = 0
        for x in range(x0, x1):
            for y in range(rect.top(), rect.bottom() + 4):
                colour = QColor(image.pixel(int(x * ratio), int(y * ratio)))
                if colour.red() > colour.green() + 30 and colour.red() > colour.blue() + 30:
                    count += 1
                    break
        return count

    assert red_columns(left, right) >= (right - left) // 3  # wavy or dotted, depending on style
    assert red_columns(2, left - 10) == 0  # the correct words are not underlined


# --- right-click menu ------------------------------------------------------------------------------
def build_menu(edit, highlighter, engine, word, ignored=None, **kwargs):
    menu = QMenu()
    menu.addAction("Copy")  # stands in for the standard items
    add_spelling_actions(menu, edit, engine, highlighter, point_in_word(edit, word),
                         (ignored if ignored is not None else []).append, **kwargs)
    return menu


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def action(menu: QMenu, starts: str):
    return next(a for a in menu.actions() if a.text().startswith(starts))


def test_menu_offers_suggestions_first_and_replaces_as_one_undo_step(editor, engine):
    edit, highlighter = editor
    edit.setPlainText("Feeling 😀 the pateint was seen")
    menu = build_menu(edit, highlighter, engine, "pateint")
    items = texts(menu)
    assert items[0] == "patient"
    assert items.index("Copy") > items.index("Ignore “pateint” in this article")
    assert items[-1] == "Check &spelling"
    menu.actions()[0].trigger()
    assert edit.toPlainText() == "Feeling 😀 the patient was seen"
    assert underlined(edit) == []
    edit.document().undo()
    assert edit.toPlainText() == "Feeling 😀 the pateint was seen"


def test_menu_add_and_ignore(editor, engine, tmp_path):
    edit, highlighter = editor
    edit.setPlainText("Zoxtrabin and Wibblecare")
    menu = build_menu(edit, highlighter, engine, "Zoxtrabin")
    action(menu, "Add “Zoxtrabin”").trigger()
    assert "Zoxtrabin" in (tmp_path / "dictionary.txt").read_text(encoding="utf-8")
    ignored = []
    menu = build_menu(edit, highlighter, engine, "Wibblecare", ignored)
    action(menu, "Ignore “Wibblecare”").trigger()
    assert ignored == ["Wibblecare"]
    assert engine.ignore_words == {"Wibblecare"}
    assert underlined(edit) == []


def test_menu_on_a_correct_word_only_has_the_switch(editor, engine):
    edit, highlighter = editor
    edit.setPlainText("All correct here")
    toggles = []
    menu = build_menu(edit, highlighter, engine, "correct", on_toggle=toggles.append)
    assert texts(menu) == ["Copy", "Check &spelling"]
    switch = action(menu, "Check &spelling")
    assert switch.isChecked()
    edit.setPlainText("A wrold")
    switch.setChecked(False)
    assert toggles == [False] and not engine.enabled and underlined(edit) == []
    switch.setChecked(True)
    assert underlined(edit) == [(0, "wrold")]


def test_more_suggestions_arrive_from_a_worker_without_blocking(qtbot, editor, engine):
    edit, highlighter = editor
    edit.setPlainText("The accomodatoin was poor")
    pool = QThreadPool()
    menu = build_menu(edit, highlighter, engine, "accomodatoin", thread_pool=pool)
    more = action(menu, "More suggestions").menu()
    assert [a.text() for a in more.actions()] == ["Searching…"]
    more.aboutToShow.emit()  # what opening the submenu does
    qtbot.waitUntil(lambda: "Searching…" not in [a.text() for a in more.actions()],
                    timeout=20000)
    offered = [a.text() for a in more.actions()]
    assert offered[0] == "accommodation"
    more.actions()[0].trigger()
    assert edit.toPlainText() == "The accommodation was poor"
    pool.waitForDone()


def test_paragraphs_keep_their_shaped_text_while_typed_in(editor, qtbot):
    """Qt drops a paragraph's glyphs after laying it out unless told to keep them, and then
    every repaint after a key shapes the paragraph again (issue 23). The paragraphs there when
    the highlighter starts, those set or typed later (a new paragraph after Return) keep
    them; the underlines still follow the text."""
    edit, _highlighter = editor
    edit.setPlainText("First paragraph.\nSecond one.")
    assert _kept(edit) == [True, True]
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " recieve")
    qtbot.keyClick(edit, "\r")
    qtbot.keyClicks(edit, "mor")
    assert _kept(edit) == [True, True, True]
    assert [t for _n, t in underlined(edit)] == ["recieve", "mor"]
    other = QTextEdit()
    qtbot.addWidget(other)
    other.setPlainText("One.\nTwo.\nThree.")
    SpellHighlighter(other.document(), editor[1].engine)
    assert _kept(other) == [True, True, True]


def _kept(edit: QTextEdit) -> list[bool]:
    out, block = [], edit.document().begin()
    while block.isValid():
        out.append(block.layout().cacheEnabled())
        block = block.next()
    return out


def _drawn_now(edit: QTextEdit) -> list[tuple[int, str]]:
    """The underlines Qt draws at this moment (new ones may still be waiting)."""
    out, block = [], edit.document().begin()
    while block.isValid():
        text = block.text()
        out += [(block.blockNumber(), text[r.start:r.start + r.length])
                for r in block.layout().formats() if r.format.underlineStyle() == SPELL]
        block = block.next()
    return out


def test_typing_leaves_a_new_underline_to_its_timer_but_moves_and_removes_at_once(
        editor, qtbot):
    """Typing never waits for a new underline (issue 23): it is drawn UNDERLINE_DELAY_MS later,
    without touching the undo history or the modified flag. An underline that would be wrong
    (text typed before it, or its word corrected) changes with the key."""
    edit, highlighter = editor
    edit.setPlainText("A wrold.\nFine words.")
    document = edit.document()
    document.setModified(False)
    edits = []
    document.contentsChanged.connect(lambda: edits.append(1))
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " recieve")
    assert highlighter.waiting() and _drawn_now(edit) == [(0, "wrold")]
    edits.clear()
    document.setModified(False)
    qtbot.waitUntil(lambda: _drawn_now(edit) == [(0, "wrold"), (1, "recieve")], timeout=3000)
    assert not highlighter.waiting() and edits == [] and not document.isModified()
    assert document.availableUndoSteps() > 0      # the typing, still to undo
    cursor = QTextCursor(document.firstBlock())
    cursor.setPosition(2)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "new ")                 # before "wrold": its underline moves now
    assert _drawn_now(edit) == [(0, "wrold"), (1, "recieve")]
    assert document.firstBlock().layout().formats()[0].start == 6
    found = document.find("recieve")
    found.insertText("receive")                   # corrected: the underline goes now
    assert _drawn_now(edit) == [(0, "wrold")]


def test_a_waiting_underline_follows_its_paragraph_when_one_is_added_before(editor, qtbot):
    edit, highlighter = editor
    edit.setPlainText("One.\nTwo.\nThree")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " recieve")
    assert highlighter.waiting()
    cursor = QTextCursor(edit.document().firstBlock())
    cursor.insertText("Zero.\n")                  # a paragraph more, before the timer
    assert highlighter.waiting()
    assert underlined(edit) == [(3, "recieve")]


def test_typing_that_mends_an_underlined_word_takes_the_underline_away_at_once(editor, qtbot):
    """Letters typed straight after a misspelt word can make it right: its underline goes with
    the key; words typed after a space leave the check to the timer."""
    edit, highlighter = editor
    edit.setPlainText("It occurr")
    assert _drawn_now(edit) == [(0, "occurr")]
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, "ed")
    assert _drawn_now(edit) == []
    qtbot.keyClicks(edit, " and recieve")
    assert highlighter.waiting() and _drawn_now(edit) == []
    assert underlined(edit) == [(0, "recieve")]
