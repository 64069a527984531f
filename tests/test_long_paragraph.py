"""A section that is one very long paragraph (text pasted from a PDF, issue 23): typing re-checks
and recounts only the words around the edit, yet what is underlined and counted is always what
checking and counting the whole paragraph gives. In the real window: a misspelling typed in the
middle is underlined, a corrected one loses its underline, words far away keep theirs, and the
word counts stay exact; then random edits (typing, deleting, pasting, splitting and joining the
paragraph, undo, redo, an input method's commit), each compared with a whole check and count."""

from __future__ import annotations

import gc
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_support import shared_edit, underlines_settled, whole_count

from pipwriter.model.article.text import RichText
from pipwriter.model.language.utf16 import utf16_spans
from pipwriter.model.language.wordcount import count_words
from pipwriter.model.storage.demo import demo_project
from pipwriter.ui.richtext_bridge import spelling_text
from pipwriter.ui.spell_highlighter import SpellHighlighter

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
UNIT = "The nurse and the patient met every week in the clinic to recieve news. 😀 Seperate "
TYPED = ["we", "met", "pateint", "clinic", "recieve", "care", "walked", "doi: 10.1136/x"]
WORDS = [*TYPED, "😀"]           # pasted (QTest types no emoji)


@pytest.fixture
def window(qtbot):
    from pipwriter.ui.main_window import MainWindow
    from pipwriter.ui.session import Session
    project = demo_project()
    section = project.article.sections[2]
    section.body = RichText.from_plain((UNIT * 300).strip())     # about 25,000 characters
    win = MainWindow(Session(project))
    qtbot.addWidget(win, before_close_func=lambda w: w.session.set_modified(False))
    win.resize(1200, 700)
    win.show()
    win.open_panel(f"section:{section.id}")
    editor = win.section_panel.editor
    editor.setFocus()
    yield win, section.id, editor
    # closed by qtbot by now: collect its wrappers here, on the GUI thread, not in the middle of
    # a later test's worker thread
    QApplication.processEvents()
    gc.collect()


def underlines(document) -> list[tuple[int, int, int]]:
    """(paragraph, UTF-16 start, length) of every spelling underline Qt will draw."""
    out, block = [], underlines_settled(document).begin()
    while block.isValid():
        out += [(block.blockNumber(), r.start, r.length) for r in block.layout().formats()
                if r.format.underlineStyle() == SPELL]
        block = block.next()
    return out


def whole_check(document, engine) -> list[tuple[int, int, int]]:
    """The underlines checking every paragraph whole gives, less the word being typed (up to
    the text cursor, which has not left it: see test_ui_word_being_typed)."""
    held = {h.held_word() for h in document.findChildren(SpellHighlighter)} - {None}
    out, block = [], document.begin()
    while block.isValid():
        text = spelling_text(block)
        out += [(block.blockNumber(), a, b - a) for a, b, _w in
                utf16_spans(text, engine._check(text)) if (block.blockNumber(), b) not in held]
        block = block.next()
    return out


def held_word(editor) -> tuple[int, int] | None:
    """The word held back as being typed; it ends at the editor's text cursor."""
    [held] = {h.held_word() for h in editor.document().findChildren(SpellHighlighter)}
    cursor = editor.textCursor()
    assert held is None or held == (cursor.blockNumber(), cursor.positionInBlock())
    return held


def underlined_words(document) -> list[str]:
    words = []
    for number, start, length in underlines(document):
        text16 = document.findBlockByNumber(number).text().encode("utf-16-le")
        words.append(text16[start * 2:(start + length) * 2].decode("utf-16-le"))
    return words


def _position(document, index: int) -> int:
    """Qt's position (UTF-16) of a Python index in the document's text (emoji count two)."""
    return len(document.toPlainText()[:index].encode("utf-16-le")) // 2


def _cursor_at(editor, index: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(_position(editor.document(), index))
    editor.setTextCursor(cursor)


def test_typing_in_the_middle_of_a_long_paragraph(window, qtbot):
    win, section_id, editor = window
    document, engine = editor.document(), win.session.spelling
    assert document.blockCount() == 1 and document.characterCount() > 20_000
    before = underlined_words(document)
    assert before.count("recieve") == 300 and before.count("Seperate") == 300
    middle = document.toPlainText().index("clinic", 12_000)
    _cursor_at(editor, middle)
    QTest.keyClicks(editor, "pateint ")
    words = underlined_words(document)
    assert words.count("pateint") == 1 and len(words) == 601
    assert underlines(document) == whole_check(document, engine)
    assert words[0] == "recieve" and words[-1] == "Seperate"    # far from the edit: kept
    # corrected where it was typed: its underline goes, the others stay where they are
    for _ in range(3):
        QTest.keyClick(editor, Qt.Key.Key_Left)
    for _ in range(2):                                          # "pate|int" -> "pat|nt"
        QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClicks(editor, "ie")
    assert "patient clinic" in document.toPlainText()
    assert "pateint" not in underlined_words(document)
    assert underlines(document) == whole_check(document, engine)
    # a word corrected far before the cursor, and one typed at the very end
    recieve = _position(document, document.toPlainText().index("recieve", 2_000))
    cursor = QTextCursor(document)
    cursor.setPosition(recieve + 3)
    cursor.setPosition(recieve + 5, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "ei")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " wrold ")        # finished: the word being typed waits
    assert underlined_words(document).count("recieve") == 299
    assert underlined_words(document)[-1] == "wrold"
    assert underlines(document) == whole_check(document, engine)
    qtbot.wait(1)       # the figures are on a zero-timer
    QApplication.processEvents()
    assert win.session.section_words(section_id) == whole_count(document)
    assert win.session.section_words(section_id) == count_words(document.toPlainText())


def _edit(editor, rnd: random.Random) -> None:
    document = editor.document()
    cursor = QTextCursor(document)
    cursor.setPosition(_position(document, rnd.randint(0, len(document.toPlainText()))))
    kind = rnd.randrange(8)
    if kind == 0:                                   # keys typed at the cursor
        editor.setTextCursor(cursor)
        QTest.keyClicks(editor, rnd.choice(TYPED) + rnd.choice([" ", "", ": "]))
    elif kind == 1:                                 # Backspace
        editor.setTextCursor(cursor)
        for _ in range(rnd.randint(1, 3)):
            QTest.keyClick(editor, Qt.Key.Key_Backspace)
    elif kind in (2, 3):                            # a selection deleted; a split or join
        shared_edit(document, cursor, rnd, "delete" if kind == 2 else "split", 300)
    elif kind == 4:                                 # words pasted, maybe several paragraphs
        cursor.insertText("\n".join(" ".join(rnd.choices(WORDS, k=rnd.randint(1, 6)))
                                    for _ in range(rnd.randint(1, 2))))
    elif kind == 5:                                 # an input method's commit (é, say)
        editor.setTextCursor(cursor)
        event = QInputMethodEvent("", [])
        event.setCommitString(rnd.choice(["é", "ü", "ñ"]))
        QApplication.sendEvent(editor, event)
    else:                                           # undo or redo
        shared_edit(document, cursor, rnd, "history")


def test_random_edits_keep_underlines_and_counts_exact(window, qtbot):
    win, section_id, editor = window
    document, engine = editor.document(), win.session.spelling
    rnd = random.Random(2323)
    held = 0
    for step in range(120):
        _edit(editor, rnd)
        assert underlines(document) == whole_check(document, engine), step
        held += held_word(editor) is not None
        QApplication.processEvents()
        assert win.session.section_words(section_id) == whole_count(document), step
    assert document.characterCount() > 20_000
    assert held >= 5            # keys typed at the cursor did hold their word back


def _shown(document) -> list[tuple[int, int, int]]:
    """The underlines Qt draws now, new ones still waiting for their timer or not."""
    out, block = [], document.begin()
    while block.isValid():
        out += [(block.blockNumber(), r.start, r.start + r.length)
                for r in block.layout().formats() if r.format.underlineStyle() == SPELL]
        block = block.next()
    return out


def test_an_underline_shown_is_never_wrong_while_new_ones_wait(window):
    """Typing may leave a new underline for UNDERLINE_DELAY_MS, but every underline drawn meanwhile
    lies inside a misspelt word (none left under a corrected word, none left behind when text
    moves), through random edits made while some wait; once set, they are the whole check's."""
    win, _section_id, editor = window
    document, engine = editor.document(), win.session.spelling
    highlighters = document.findChildren(SpellHighlighter)
    rnd = random.Random(4646)
    waited = 0
    for step in range(160):
        _edit(editor, rnd)
        waited += any(h.waiting() for h in highlighters)
        right = {(number, start, start + length)
                 for number, start, length in whole_check(document, engine)}
        for number, start, end in _shown(document):
            assert any(n == number and a <= start and end <= b for n, a, b in right), step
        if step % 7 == 6:
            assert underlines(document) == whole_check(document, engine), step
            held_word(editor)
    assert waited >= 5          # the edits did leave underlines waiting


def test_a_word_added_to_the_dictionary_is_no_longer_underlined_after_typing(window):
    win, _section_id, editor = window
    document, engine = editor.document(), win.session.spelling
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Zoxtrabin ")     # finished: the word being typed waits
    assert underlined_words(document)[-1] == "Zoxtrabin"
    engine.add_user_word("Seperate")
    QTest.keyClicks(editor, " more")
    assert "Seperate" not in underlined_words(document)
    assert underlines(document) == whole_check(document, engine)


def test_underlines_stay_after_an_input_method_commits_text(window):
    """An input method's event makes Qt replace the paragraph's formats with its own (none,
    for a plain commit) before the edit is signalled: the underlines are set again even when
    the edit changed none of them."""
    _win, _section_id, editor = window
    document = editor.document()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = underlines(document)
    for commit in (" ", "and", " "):
        event = QInputMethodEvent("", [])
        event.setCommitString(commit)
        QApplication.sendEvent(editor, event)
        assert underlines(document) == before
    assert document.toPlainText().endswith("Seperate and ")
