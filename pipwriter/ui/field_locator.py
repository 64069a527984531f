"""Going to a place of the text surface: open its panel, choose its item, select text in its field.

Each field's widget carries the Qt property ``pip_field`` with the field's name in the text
surface (:mod:`pipwriter.model.article.text_surface`); the section editor is the section's "body".
Used by Find and replace and by the checklist's spelling findings.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ..model.language.spelling import utf16_spans
from ..model.rules.findings import Where

log = logging.getLogger(__name__)


def field_widget(window, where: Where) -> QWidget | None:
    """The visible widget showing this field once its panel is open, or None."""
    if where.panel == "section":
        if where.field == "body":
            return window.section_panel.editor
        root: QWidget | None = window.section_panel
    else:
        root = window.panels.get(where.panel)
    if root is None:
        return None
    for widget in root.findChildren(QWidget):
        if widget.property("pip_field") == where.field and widget.isVisibleTo(root):
            return widget
    return None


def _utf16(text: str, start: int, end: int) -> tuple[int, int]:
    [(first, last, _w)] = utf16_spans(text, [(start, end, "")])
    return first, last


def select_in(widget: QWidget, block: int, start: int, end: int) -> bool:
    """Select ``start``–``end`` (Python indices) of the ``block``-th paragraph or line."""
    if isinstance(widget, QLineEdit):
        first, last = _utf16(widget.text(), start, end)
        widget.setSelection(first, last - first)
        return True
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        found = document.findBlockByNumber(block)
        if not found.isValid():
            return False
        first, last = _utf16(found.text(), start, end)
        cursor = QTextCursor(found)
        cursor.setPosition(found.position() + first)
        cursor.setPosition(found.position() + last, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
        return True
    return False


def show_place(window, where: Where, block: int = -1, start: int = -1, end: int = -1,
               word: str = "") -> bool:
    """Open the place and select the text there (a span, or the first ``word`` in the field).
    False when the field could not be shown (the place is still opened where it can be)."""
    window.go_to(where)
    widget = field_widget(window, where)
    if widget is None:
        log.info("no widget shows %s", where.key() + "/" + where.field)
        return False
    widget.setFocus()
    if block < 0 and word:
        block, start, end = _find_word(widget, word)
    return block >= 0 and select_in(widget, block, start, end)


def _text_blocks(widget: QWidget) -> list[str]:
    if isinstance(widget, QLineEdit):
        return [widget.text()]
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.document().toPlainText().split("\n")
    text = widget.property("text")
    return [text] if isinstance(text, str) else []


def _find_word(widget: QWidget, word: str) -> tuple[int, int, int]:
    for number, text in enumerate(_text_blocks(widget)):
        index = text.casefold().find(word.casefold())
        if index >= 0:
            return number, index, index + len(word)
    return -1, -1, -1
