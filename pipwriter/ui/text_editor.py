"""The writing area: rich text limited to what the journal needs.

Paragraphs, bold, italic and bulleted lists only; pasting from Word or a web page keeps just that
subset. Citations are atomic objects; a selection can be flagged as a key quote.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit

from ..model.article.text import Citation, Paragraph, RichText
from .key_quotes import quote_at, toggle_key_quote
from .richtext_bridge import (
    OBJECT_CHAR,
    block_to_paragraph,
    citation_format,
    fragments,
    run_format,
)
from .spell_line_edit import is_menu_key, keyboard_menu_event
from .suggest_typing import SuggestTyping

log = logging.getLogger(__name__)

MIME_RICH = "application/x-pipwriter-richtext"
_DEMIBOLD = int(QFont.Weight.DemiBold.value)
_UNDO, _REDO = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo
_COMMANDS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier |
             Qt.KeyboardModifier.MetaModifier)
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _fragment_rich(document: QTextDocument) -> RichText:
    paragraphs, block = [], document.begin()
    while block.isValid():
        paragraphs.append(block_to_paragraph(block))
        block = block.next()
    return RichText(paragraphs)


class TextEditor(QTextEdit):
    """A QTextEdit showing one section's live document."""

    quoteFlagged = Signal(str)
    hint = Signal(str)          # a word for the status bar (Flag as key quote with nothing picked)
    citationRequested = Signal()
    # Ctrl+Z (False) or Ctrl+Y (True) with nothing left to undo or redo in this text: the
    # window passes it on to Edit › Undo or Redo, which take back the article's last change
    undoElsewhere = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Article text")
        self.setPlaceholderText("Start writing here. The guidance beside you suggests what to cover.")
        self.spelling_menu_hook: Callable[[QMenu, object], None] | None = None
        self.suggest = SuggestTyping(self)      # Suggest mode (off until the window turns it on)
        self._typing_text = False               # inside the editor's own handling of a letter
        self._make_actions()

    def setDocument(self, document: QTextDocument) -> None:  # noqa: N802 - Qt API
        """Show another document; typing continues in the format found at the cursor in *that*
        document (QTextEdit otherwise carries bold or italic over from the previous one), with
        the text cursor as wide as before (Qt keeps its width with the document)."""
        width = self.cursorWidth()
        super().setDocument(document)
        self.setCursorWidth(width)
        self.setTextCursor(QTextCursor(document))

    def move_to_end(self) -> None:
        """Put the cursor after the last character, taking the format found there."""
        self.setTextCursor(QTextCursor(self.document()))
        self.moveCursor(QTextCursor.MoveOperation.End)

    def setTextCursor(self, cursor: QTextCursor) -> None:  # noqa: N802 - Qt API
        super().setTextCursor(cursor)
        self._update_action_states()

    # --- formatting -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text, shortcut, slot, checkable=False):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.addAction(act)
            return act
        self.bold_action = action("&Bold", QKeySequence.StandardKey.Bold, self.toggle_bold, True)
        self.italic_action = action("&Italic", QKeySequence.StandardKey.Italic,
                                    self.toggle_italic, True)
        self.bullet_action = action("Bulleted &list", "Ctrl+Shift+L", self.toggle_bullets, True)
        self.quote_action = action("Flag as &key quote", "Ctrl+Shift+Q", self.toggle_key_quote,
                                   True)    # on inside a flagged quote
        self.cite_action = action("Insert &citation…", "Ctrl+Shift+C",
                                  self.citationRequested.emit)
        self.cursorPositionChanged.connect(self._update_action_states)

    def _update_action_states(self) -> None:
        if self._typing_text:   # a letter typed takes the format and list it was typed in
            return
        bold, italic = self._marks_on()
        self.bold_action.setChecked(bold)
        self.italic_action.setChecked(italic)
        self.bullet_action.setChecked(self.textCursor().currentList() is not None)
        self.quote_action.setChecked(bool(quote_at(self.textCursor())))

    def _marks_on(self) -> tuple[bool, bool]:
        """(bold, italic): for a selection, on when every letter of it has it, whichever way
        it was selected (as Word shows it); else as typing at the cursor would be."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            fmt = self.currentCharFormat()
            return fmt.fontWeight() >= _DEMIBOLD, fmt.fontItalic()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        picked = [f.charFormat() for block in _blocks_in(cursor) for f in fragments(block)
                  if f.position() < end and f.position() + f.length() > start]
        return (all(fmt.fontWeight() >= _DEMIBOLD for fmt in picked),
                all(fmt.fontItalic() for fmt in picked))

    def toggle_bold(self) -> None:
        bold = not self._marks_on()[0]
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)
        self._update_action_states()

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self._marks_on()[1])
        self.mergeCurrentCharFormat(fmt)
        self._update_action_states()

    def toggle_bullets(self) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if current is not None:
            for block in _blocks_in(cursor):
                _leave_list(block)
        else:
            cursor.createList(QTextListFormat.Style.ListDisc)
        cursor.endEditBlock()
        self._update_action_states()

    # --- citations and quotes ---------------------------------------------------------------
    def insert_citation(self, ref_ids: list[str]) -> None:
        if self.suggest.active:
            self.suggest.insert(RichText([Paragraph([Citation(list(ref_ids))])]))
            return
        cursor = self.textCursor()
        base = QTextCharFormat()
        cursor.insertText(OBJECT_CHAR, citation_format(ref_ids, base))
        cursor.setCharFormat(QTextCharFormat())
        self.setTextCursor(cursor)

    def toggle_key_quote(self) -> str:
        """Flag the selection as a key quote, or unflag it (see :mod:`.key_quotes`); returns
        the new quote's id, or ""."""
        quote_id = toggle_key_quote(self)
        self._update_action_states()
        return quote_id

    # --- clipboard: keep only what the journal needs -----------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt API
        data = super().createMimeDataFromSelection()
        fragment = QTextDocument()
        QTextCursor(fragment).insertFragment(self.textCursor().selection())
        data.setData(MIME_RICH, json.dumps(_fragment_rich(fragment).to_json()).encode())
        return data

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        return source.hasFormat(MIME_RICH) or source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        if self.suggest.active:
            self.suggest.paste(rich_from_mime(source))
            return
        self.insert_rich(rich_from_mime(source))

    def set_suggesting(self, on: bool) -> None:
        """Turn Suggest mode on or off here (dragging words about is off while it is on: a
        move would delete them outright)."""
        self.suggest.on = on
        self.setAcceptDrops(not on)
        self.setAccessibleDescription("Suggest mode: what you type is a suggestion for your "
                                      "co-authors" if on else "")

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.suggest.active and event.commitString() and not event.preeditString():
            self.suggest.commit(event.commitString())
            event.accept()
            return
        super().inputMethodEvent(event)

    def insert_rich(self, rich: RichText) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        for index, paragraph in enumerate(rich.paragraphs):
            if index:
                cursor.insertBlock()
            if paragraph.style == "bullet" and cursor.currentList() is None:
                cursor.createList(QTextListFormat.Style.ListDisc)
            for item in paragraph.items:
                if hasattr(item, "refs"):
                    cursor.insertText(OBJECT_CHAR, citation_format(item.refs))
                else:
                    cursor.insertText(item.text, run_format(item))
        cursor.setCharFormat(QTextCharFormat())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # --- context menu ---------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The Menu key and Shift+F10 (Mac keyboards have no Menu key) open the context menu,
        with the spelling suggestions, at the text cursor. Ctrl+Z undoes typing in this text;
        when there is no typing left to undo here (after Replace all, say), it is passed on
        (``undoElsewhere``) to Edit › Undo, which undoes the article's last change."""
        text = event.text()
        letter = bool(text) and text.isprintable() and not event.modifiers() & _COMMANDS
        if not letter:          # (a letter typed is none of these: the typing path stays short)
            if not text and is_menu_key(event):
                event.accept()
                self.contextMenuEvent(keyboard_menu_event(self))
                return
            if self._undo_elsewhere(event) or self._unbullet(event):
                return
        if self.suggest.key(event, text):
            event.accept()
            return
        if text == " " and self._word_break(event):
            return
        self._typing_text = letter
        try:
            if not letter and event.key() in _RETURN_KEYS and self.textCursor().currentList():
                # Qt makes Return in a list two undo steps, the second showing no change: one
                cursor = self.textCursor()
                cursor.beginEditBlock()
                try:
                    super().keyPressEvent(event)
                finally:
                    cursor.endEditBlock()
            else:
                super().keyPressEvent(event)
        finally:
            self._typing_text = False
        if not letter:      # Return on an empty bullet leaves the list, the cursor unmoved
            self._update_action_states()

    def keyReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A key let go of here ends here. Qt passes it on to every box the editor sits in,
        four of which watch in Python for their size changing: at a person's typing pace that
        cost about 0.06 ms a key (issue 23). Nothing the editor sits in uses it (the menu
        bar sees Alt let go of before any box does)."""
        super().keyReleaseEvent(event)
        event.accept()

    def _unbullet(self, event) -> bool:
        """Backspace at the start of a bullet makes it a plain paragraph, not indented: Qt
        keeps the list's indent, a look the article has no place for (it would not show in
        the Word file)."""
        if event.key() != Qt.Key.Key_Backspace or event.modifiers() & _COMMANDS:
            return False
        cursor = self.textCursor()
        if self.suggest.active or cursor.hasSelection() or not cursor.atBlockStart() or \
                cursor.currentList() is None:
            return False
        cursor.beginEditBlock()
        _leave_list(cursor.block())
        cursor.endEditBlock()
        event.accept()
        self._update_action_states()
        return True

    def _undo_elsewhere(self, event) -> bool:
        undo = event.matches(_UNDO)
        if not undo and not event.matches(_REDO):
            return False
        document = self.document()
        if document.isUndoAvailable() if undo else document.isRedoAvailable():
            return False
        event.accept()
        self.undoElsewhere.emit(not undo)
        return True

    def _word_break(self, event) -> bool:
        """A space typed after a word starts a new undo step, so Ctrl+Z takes back one word at
        a time (as Word does) rather than everything typed since the cursor last moved."""
        if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return False
        cursor = self.textCursor()
        if cursor.charFormat().isImageFormat() or cursor.charFormat().objectType():
            return False
        cursor.beginEditBlock()
        cursor.insertText(" ")
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        event.accept()
        return True

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            event = keyboard_menu_event(self)   # at the text cursor, in viewport coordinates
        menu = self.createStandardContextMenu(event.pos())
        if self.spelling_menu_hook is not None:
            self.spelling_menu_hook(menu, event.pos())
        menu.addSeparator()
        for act in (self.bold_action, self.italic_action, self.bullet_action,
                    self.cite_action, self.quote_action):
            menu.addAction(act)
        menu.exec(event.globalPos())


def _leave_list(block: QTextBlock) -> None:
    """``block`` out of its list, as a plain paragraph with no indent (Qt keeps the list's
    indent, a look the article has no place for: the Word file would not show it)."""
    text_list = block.textList()
    if text_list is None:
        return
    text_list.remove(block)
    block_cursor = QTextCursor(block)
    fmt = block_cursor.blockFormat()
    fmt.setIndent(0)
    block_cursor.setBlockFormat(fmt)


def _blocks_in(cursor: QTextCursor):
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    while block.isValid():
        yield block
        if block == last:
            break
        block = block.next()


def rich_from_mime(source: QMimeData) -> RichText:
    """What a paste inserts: our own format, else HTML or plain text reduced to the subset."""
    if source.hasFormat(MIME_RICH):
        try:
            data = bytes(source.data(MIME_RICH).data())
            return RichText.from_json(json.loads(data.decode()), "paste")
        except Exception:  # noqa: BLE001 - fall back to the HTML/plain copy
            log.warning("pasted text in PiP Writer's own format could not be read; pasting "
                        "its HTML or plain copy", exc_info=True)
    if source.hasHtml():
        document = QTextDocument()
        document.setHtml(source.html())
        rich = _fragment_rich(document)
        for paragraph in rich.paragraphs:   # pasted HTML never carries our quotes or citations
            paragraph.items = [i for i in paragraph.items if not hasattr(i, "refs")]
            for item in paragraph.items:
                item.quote = ""
        return RichText([p for p in rich.paragraphs if p.items])
    return RichText.from_plain(source.text())
