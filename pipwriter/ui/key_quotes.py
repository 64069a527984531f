"""Edit › Flag as key quote in the article's text: words picked are flagged (shaded) as a key
quote, and flagged words are unflagged.

With nothing picked, the cursor inside a flagged quote unflags that whole quote; anywhere else
the status bar says to pick the words first (it did nothing at all, found by a walk of the app).
The menu item and toolbar button show "on" inside a flagged quote (:func:`quote_at`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor

from ..model.article.ids import new_id
from .richtext_bridge import QUOTE_BACKGROUND, QUOTE_FOREGROUND, QUOTE_PROP, fragments

if TYPE_CHECKING:
    from .text_editor import TextEditor

PICK_FIRST = "Pick the words of the quote first, then choose Flag as key quote."


def quote_at(cursor: QTextCursor) -> str:
    """The id of the key quote the cursor (or its selection's first letter) is in, or ""."""
    probe = QTextCursor(cursor)
    probe.setPosition(min(cursor.position(), cursor.anchor()) + 1 if cursor.hasSelection()
                      else cursor.position())
    return str(probe.charFormat().property(QUOTE_PROP) or "")


def quote_extent(editor: TextEditor, quote_id: str) -> QTextCursor:
    """A cursor selecting the flagged words of ``quote_id``, across paragraphs if the quote
    runs over more than one (a user action: the whole text is looked through)."""
    document = editor.document()
    blocks = (document.findBlockByNumber(n) for n in range(document.blockCount()))
    parts = [(f.position(), f.position() + f.length()) for block in blocks
             for f in fragments(block) if f.charFormat().property(QUOTE_PROP) == quote_id]
    extent = QTextCursor(editor.document())
    extent.setPosition(min(start for start, _end in parts))
    extent.setPosition(max(end for _start, end in parts), QTextCursor.MoveMode.KeepAnchor)
    return extent


def toggle_key_quote(editor: TextEditor) -> str:
    """Flag the words picked in ``editor`` as a key quote, or unflag them (or the quote the
    cursor is in); returns the new quote's id, or ""."""
    cursor = editor.textCursor()
    if not cursor.hasSelection():
        inside = quote_at(cursor)
        if not inside:
            editor.hint.emit(PICK_FIRST)
            return ""
        cursor = quote_extent(editor, inside)
    editor.hint.emit("")            # done: a "pick the words first" shown before is not true
    quote_id = ""
    if quote_at(cursor):
        # mergeCharFormat cannot remove properties: rewrite each letter's format
        cursor.beginEditBlock()
        walker = QTextCursor(editor.document())
        for pos in range(cursor.selectionStart(), cursor.selectionEnd()):
            walker.setPosition(pos)
            walker.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
            char_fmt = walker.charFormat()
            char_fmt.clearProperty(QUOTE_PROP)
            char_fmt.clearBackground()
            char_fmt.clearForeground()
            walker.setCharFormat(char_fmt)
        cursor.endEditBlock()
    else:
        quote_id = new_id("quote")
        fmt = QTextCharFormat()
        fmt.setProperty(QUOTE_PROP, quote_id)
        fmt.setBackground(QUOTE_BACKGROUND)
        fmt.setForeground(QUOTE_FOREGROUND)
        cursor.mergeCharFormat(fmt)
    editor.quoteFlagged.emit(quote_id)
    return quote_id
