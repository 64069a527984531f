"""Suggest mode in the writing area: what is typed is proposed, not applied.

With Suggest mode on, typed or pasted words are added as a *suggested insertion* (underlined in
green) and deleted or cut words stay, struck through in red, as a *suggested deletion*; each
suggestion carries the id of a note saying who made it (:mod:`pipwriter.model.coauthoring.
suggestions`). Typing next to your own suggestion adds to it, so a word typed is one suggestion,
and typing over a selection is one suggestion that replaces it. Deleting your own suggested
words takes them away at once; someone else's suggestion is not changed here (accept or reject
it instead). A paragraph break is made at once (the words in it are suggestions). With Suggest
mode off, typing is never marked as a suggestion, even next to one.

This module only edits the editor's document; the notes (who, when) come from ``hooks``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from ..model.article.text import Citation, RichText
from .richtext_bridge import (
    DEL_PROP,
    HAS_SUGGESTIONS,
    OBJECT_CHAR,
    QUOTE_BACKGROUND,
    QUOTE_PROP,
    citation_format,
    fragments,
    mark_suggestion,
    run_format,
    suggestion_marks,
)

log = logging.getLogger(__name__)
Move = QTextCursor.MoveOperation

_REMOVALS = {
    QKeySequence.StandardKey.Delete: (Move.NextCharacter, False),
    QKeySequence.StandardKey.DeleteEndOfWord: (Move.NextWord, False),
    QKeySequence.StandardKey.DeleteStartOfWord: (Move.PreviousWord, True),
}


class SuggestHooks(Protocol):
    def new_suggestion(self) -> str:
        """Register a new suggestion by the person at this computer; its id."""
        ...

    def is_mine(self, suggestion_id: str) -> bool:
        ...


class SuggestTyping:
    """Suggest mode for one :class:`QTextEdit` (the editor calls :meth:`key` and friends)."""

    def __init__(self, editor: QTextEdit) -> None:
        self.editor = editor
        self.hooks: SuggestHooks | None = None
        self.on = False
        self.notice: Callable[[str], None] = lambda _message: None

    @property
    def active(self) -> bool:
        return self.on and self.hooks is not None and not self.editor.isReadOnly()

    # --- keys ----------------------------------------------------------------------------------
    def key(self, event: QKeyEvent, text: str) -> bool:
        """Handle a key (``text``: what it types) in Suggest mode; False leaves it to the
        editor (moves, shortcuts)."""
        if not self.active:
            self.plain_typing(text)
            return False
        cursor = self.editor.textCursor()
        if event.matches(QKeySequence.StandardKey.Cut):
            if cursor.hasSelection():
                self.editor.copy()
                self.remove(cursor.selectionStart(), cursor.selectionEnd(), True)
            return True
        removal = self._removal(event, cursor)
        if removal is not None:
            start, end, backwards = removal
            if end > start:
                self.remove(start, end, backwards)
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._new_paragraph()
            return True
        typing = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier |
                                       Qt.KeyboardModifier.KeypadModifier |
                                       Qt.KeyboardModifier.GroupSwitchModifier)
        if text and text.isprintable() and not typing:
            self.insert(None, text)
            return True
        return False

    def _removal(self, event: QKeyEvent, cursor: QTextCursor) -> tuple[int, int, bool] | None:
        if event.key() == Qt.Key.Key_Backspace and not event.modifiers() & \
                Qt.KeyboardModifier.ControlModifier:
            move, backwards = Move.PreviousCharacter, True
        else:
            found = next((v for k, v in _REMOVALS.items() if event.matches(k)), None)
            if found is None:
                return None
            move, backwards = found
        if cursor.hasSelection():
            return cursor.selectionStart(), cursor.selectionEnd(), backwards
        probe = QTextCursor(cursor)
        probe.movePosition(move, QTextCursor.MoveMode.KeepAnchor)
        return probe.selectionStart(), probe.selectionEnd(), backwards

    def plain_typing(self, text: str) -> None:
        """Outside Suggest mode, typed words never carry on a suggestion's marks."""
        if text and text.isprintable():
            fmt = self.editor.currentCharFormat()
            if any(suggestion_marks(fmt)):
                self.editor.setCurrentCharFormat(mark_suggestion(QTextCharFormat(fmt)))

    # --- the edits ----------------------------------------------------------------------------
    def _mark_at(self, position: int) -> tuple[str, str]:
        """(ins, dele) of the character at ``position`` (none outside the text)."""
        document = self.editor.document()
        if position < 0 or position >= document.characterCount() - 1:
            return "", ""
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        return suggestion_marks(cursor.charFormat())

    def _mine(self, suggestion_id: str) -> bool:
        return bool(suggestion_id) and self.hooks is not None and \
            self.hooks.is_mine(suggestion_id)

    def _new(self) -> str:
        assert self.hooks is not None
        self.editor.document().setProperty(HAS_SUGGESTIONS, True)
        return self.hooks.new_suggestion()

    def remove(self, start: int, end: int, backwards: bool, suggestion: str = "") -> str:
        """Suggest removing ``start``–``end``; returns the suggestion's id ("" if none)."""
        document = self.editor.document()
        pieces = self._pieces(start, end)
        if not pieces:          # only a paragraph break: joined at once, as Enter splits
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self.editor.setTextCursor(cursor)
            return suggestion
        if not suggestion:
            after, before = self._mark_at(end)[1], self._mark_at(start - 1)[1]
            suggestion = next((s for s in (after, before) if self._mine(s)), "")
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        removed, refused = 0, False
        for a, b, ins, dele in reversed(pieces):
            if dele:
                continue
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            if ins:
                if self._mine(ins):
                    cursor.removeSelectedText()
                    removed += b - a
                else:
                    refused = True
                continue
            suggestion = suggestion or self._new()
            mark = QTextCharFormat()
            mark.setProperty(DEL_PROP, suggestion)
            cursor.mergeCharFormat(mark_suggestion(mark, dele=suggestion))
        cursor.endEditBlock()
        if refused:
            self.notice("Someone else suggested those words. To take them out, reject their "
                        "suggestion (View › Suggested changes).")
        place = QTextCursor(document)
        place.setPosition(start if backwards else end - removed)
        self.editor.setTextCursor(place)
        return suggestion

    def _pieces(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """(start, end, ins, dele) of each stretch of text in the range, block by block."""
        document = self.editor.document()
        out: list[tuple[int, int, str, str]] = []
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            for fragment in fragments(block):
                a = max(fragment.position(), start)
                b = min(fragment.position() + fragment.length(), end)
                if b > a:
                    out.append((a, b, *suggestion_marks(fragment.charFormat())))
            block = block.next()
        return out

    def _typing_format(self, cursor: QTextCursor, suggestion: str) -> QTextCharFormat:
        """Bold, italic and key quote as at the cursor; marked as suggestion ``suggestion``."""
        here = cursor.charFormat()
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if here.fontWeight() >= QFont.Weight.DemiBold
                          else QFont.Weight.Normal)
        fmt.setFontItalic(here.fontItalic())
        quote = here.property(QUOTE_PROP)
        if quote:
            fmt.setProperty(QUOTE_PROP, quote)
            fmt.setBackground(QUOTE_BACKGROUND)
        return mark_suggestion(fmt, ins=suggestion)

    def insert(self, rich: RichText | None, plain: str = "") -> None:
        """Suggest adding ``rich`` (or the spaces in ``plain``) at the cursor, in place of the
        selection if there is one."""
        editor = self.editor
        cursor = editor.textCursor()
        step = QTextCursor(editor.document())      # one undo step: a word typed, a paste
        suggestion = before = ""
        position = cursor.position()
        if not cursor.hasSelection():
            before, after = self._mark_at(position - 1)[0], self._mark_at(position)[1]
            suggestion = next((s for s in (before, after) if self._mine(s)), "")
        if rich is None and plain.strip() and suggestion and suggestion == before and \
                not self._mark_at(position - 1)[1]:
            step.joinPreviousEditBlock()            # the next letter of the same word
        else:
            step.beginEditBlock()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            suggestion = self.remove(start, end, False, self._new())
            cursor = editor.textCursor()
        suggestion = suggestion or self._new()
        if rich is None:
            cursor.insertText(plain, self._typing_format(cursor, suggestion))
        else:
            for index, paragraph in enumerate(rich.paragraphs):
                if index:
                    cursor.insertBlock()
                for item in paragraph.items:
                    if isinstance(item, Citation):
                        fmt = mark_suggestion(citation_format(item.refs), ins=suggestion)
                        cursor.insertText(OBJECT_CHAR, fmt)
                    else:
                        item.quote = ""
                        cursor.insertText(item.text, mark_suggestion(run_format(item),
                                                                     ins=suggestion))
        step.endEditBlock()
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    def _new_paragraph(self) -> None:
        editor = self.editor
        cursor = editor.textCursor()
        if cursor.hasSelection():
            self.remove(cursor.selectionStart(), cursor.selectionEnd(), False)
            cursor = editor.textCursor()
        cursor.insertBlock()
        fmt = cursor.charFormat()
        if any(suggestion_marks(fmt)) or fmt.objectType():
            cursor.setCharFormat(mark_suggestion(QTextCharFormat()))
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    def paste(self, rich: RichText) -> None:
        self.insert(rich)

    def commit(self, text: str) -> None:
        """Text an input method (a Chinese or Japanese keyboard, dictation) has finished."""
        self.insert(None, text)

