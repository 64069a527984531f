"""A text box's cursor, reported to the spelling underlines of the document it shows: the word
being typed gets no underline until the cursor leaves it (``SpellHighlighter.cursor_at``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from .spell_highlighter import SpellHighlighter


class CursorReports(QObject):
    """Tells the highlighter of the document a text box shows where the box's text cursor is,
    and when the keyboard leaves the box (:meth:`SpellHighlighter.cursor_at`)."""

    def __init__(self, edit, highlighter_for: Callable[[], SpellHighlighter | None]):
        super().__init__(edit)
        self._edit = edit
        self._highlighter_for = highlighter_for
        edit.cursorPositionChanged.connect(self._moved)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _moved(self) -> None:
        highlighter = self._highlighter_for()
        if highlighter is not None:
            highlighter.cursor_at(self._edit.textCursor().position())

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is self._edit:
            self.left()
        elif new is self._edit:
            self._moved()

    def left(self) -> None:
        """The keyboard left the box, or it is about to show another document."""
        highlighter = self._highlighter_for()
        if highlighter is not None:
            highlighter.cursor_at(None)
