"""Spelling in any text box: red underlines and the spelling menu, from the mouse or the keyboard.

:func:`attach_spelling` gives an existing QPlainTextEdit or QTextEdit what the section editor
has: a :class:`~.spell_highlighter.SpellHighlighter` on its document, and a context menu with
suggestions, "Add to my dictionary" and "Ignore in this article" above the usual Cut/Copy/Paste
(:func:`.spell_menu.add_spelling_actions`). The menu opens on a right-click, on the Menu key and
on Shift+F10 (Mac keyboards have no Menu key), at the text cursor when opened from the keyboard.

:class:`SpellLineEdit` is a one-line box built on QPlainTextEdit (a QLineEdit has no document to
underline in) that behaves like a line edit for the user: one line, no line breaks (pasted ones
become spaces), Tab leaves it, Enter says ``returnPressed`` and ``editingFinished`` and adds no
line, leaving it says ``editingFinished``, a length limit stops typing, and its height is one
line of its font. It offers QLineEdit's ``text``/``setText``/``textChanged(str)``/
``setMaxLength``, so a panel swaps it in with no other change.

:func:`mark_field` names a field widget (the Qt property ``pip_field``) with the field name the
model's text surface uses (:mod:`pipwriter.model.article.text_surface`), so the app can go to a field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QPainter,
    QPen,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ..model.language.spelling import SpellEngine
from .cursor_reports import CursorReports
from .spell_highlighter import SpellHighlighter

FIELD_PROPERTY = "pip_field"
LINE_BREAKS = ("\r\n", "\r", "\n", "\u2028", "\u2029", "\x0b", "\x0c")
FOCUS_WIDTH = 2      # pixels of the focus frame drawn round a focused SpellLineEdit

FieldWidget = TypeVar("FieldWidget", bound=QWidget)


def mark_field(widget: FieldWidget, name: str) -> FieldWidget:
    """Name ``widget`` as the place of the text surface's field ``name`` (returns it)."""
    widget.setProperty(FIELD_PROPERTY, name)
    return widget


def field_widgets(root: QWidget, name: str) -> list[QWidget]:
    """The widgets under ``root`` marked as field ``name``."""
    return [w for w in root.findChildren(QWidget) if w.property(FIELD_PROPERTY) == name]


def is_menu_key(event: QKeyEvent) -> bool:
    """The keys that open a context menu: the Menu key, and Shift+F10 (as on Windows)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.key() == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier) or \
        (event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier)


def keyboard_menu_event(edit: QPlainTextEdit | QTextEdit) -> QContextMenuEvent:
    """A context-menu event at the text cursor, as the Menu key would send (viewport coordinates,
    so the spelling menu finds the word the cursor is in)."""
    pos = edit.cursorRect().center()
    return QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos,
                             edit.viewport().mapToGlobal(pos))


def one_line(text: str) -> str:
    """``text`` on one line: each line break (and tab) becomes a space."""
    for brk in LINE_BREAKS:
        text = text.replace(brk, " ")
    return text.replace("\t", " ")


log = logging.getLogger(__name__)


class SpellCheck(QObject):
    """Underlines and the spelling menu for one text box (made by :func:`attach_spelling`)."""

    def __init__(self, edit: QPlainTextEdit | QTextEdit, engine: SpellEngine,
                 on_ignore: Callable[[str], None] | None = None, *, watch_viewport: bool = True):
        super().__init__(edit)
        self.edit = edit
        self.engine = engine
        self.on_ignore = on_ignore
        self.highlighter = SpellHighlighter(edit.document(), engine)
        edit.installEventFilter(self)
        if watch_viewport:      # where a right-click lands; a SpellLineEdit takes it itself
            edit.viewport().installEventFilter(self)
        highlighter = self.highlighter
        self.cursor_reports = CursorReports(edit, lambda: highlighter)
        edit.destroyed.connect(lambda *_: engine.remove_listener(highlighter._engine_changed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and watched is self.edit and is_menu_key(event):
            self.show_menu(keyboard_menu_event(self.edit))
            return True
        if isinstance(event, QContextMenuEvent):
            # from the system (keyboard) on the box itself: put it at the cursor
            self.show_menu(keyboard_menu_event(self.edit) if watched is self.edit else event)
            return True
        return False

    def build_menu(self, pos: QPoint) -> QMenu:
        """The context menu for viewport position ``pos``: spelling items, then the usual."""
        from .spell_menu import add_spelling_actions
        menu = self.edit.createStandardContextMenu(pos)
        add_spelling_actions(menu, self.edit, self.engine, self.highlighter, pos,
                             on_ignore=self.on_ignore or (lambda _word: None))
        return menu

    def show_menu(self, event: QContextMenuEvent) -> None:
        menu = self.build_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()


def attach_spelling(edit: QPlainTextEdit | QTextEdit, engine: SpellEngine | None,
                    on_ignore: Callable[[str], None] | None = None, *,
                    watch_viewport: bool = True) -> SpellCheck | None:
    """Check the spelling in ``edit`` with ``engine`` (None: leave it unchecked).

    ``on_ignore(word)`` records "Ignore in this article" in the project (the engine already
    ignores the word everywhere). ``watch_viewport`` False: ``edit`` passes its right-clicks
    to :meth:`SpellCheck.show_menu` itself (as :class:`SpellLineEdit` does)."""
    if engine is None:
        return None
    existing = edit.findChild(SpellCheck, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(existing, SpellCheck):
        return existing
    # a child of edit: found above next time
    return SpellCheck(edit, engine, on_ignore, watch_viewport=watch_viewport)


def session_spelling(edit: QPlainTextEdit | QTextEdit, session) -> SpellCheck | None:
    """Check ``edit`` with the open article's engine ("Ignore" is kept in the article)."""
    if session is None or getattr(session, "spelling", None) is None:
        return None
    return attach_spelling(edit, session.spelling, session.ignore_word)


class SpellLineEdit(QPlainTextEdit):
    """A one-line text box with spelling underlines (see the module docstring)."""

    textChanged = Signal(str)       # noqa: N815 - QLineEdit's name; the text, as QLineEdit
    returnPressed = Signal()        # noqa: N815
    editingFinished = Signal()      # noqa: N815

    def __init__(self, engine: SpellEngine | None = None,
                 on_ignore: Callable[[str], None] | None = None, parent: QWidget | None = None,
                 *, field: str = "", accessible_name: str = ""):
        super().__init__(parent)
        self._max_length = 32767          # as QLineEdit
        self._last_text = ""
        self.spell_check: SpellCheck | None = None
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(2)
        self.setViewportMargins(1, 1, 1, 1)            # room for the focus frame
        self.document().contentsChanged.connect(self._contents_changed)
        if field:
            mark_field(self, field)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        if engine is not None:
            self.set_spelling(engine, on_ignore)

    def set_spelling(self, engine: SpellEngine | None,
                     on_ignore: Callable[[str], None] | None = None) -> SpellCheck | None:
        """Underline misspellings found by ``engine`` and offer the spelling menu."""
        self.spell_check = attach_spelling(self, engine, on_ignore, watch_viewport=False)
        return self.spell_check

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        """A right-click (Qt sends the viewport's here): the spelling menu. Taken here rather
        than by watching the viewport, because the first viewport PySide6 hands to Python makes
        it look through every widget class: 4 ms before the window's first paint (issue 23)."""
        if self.spell_check is not None:
            self.spell_check.show_menu(event)
        else:
            super().contextMenuEvent(event)

    # --- QLineEdit's API ------------------------------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit API
        """Show ``text`` on one line, cut to the length limit, the cursor at its end. The same
        text again changes nothing (the cursor and the undo history stay). A box the keyboard
        is not in shows the text from its start (found by a walk: a long caption showed its
        end); typing there brings the cursor back into view."""
        text = one_line(text or "")[:self._max_length]
        if text == self.toPlainText():
            return
        super().setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        if not self.hasFocus():
            self.horizontalScrollBar().setValue(0)

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt API
        self.setText(text)

    def maxLength(self) -> int:  # noqa: N802 - QLineEdit API
        return self._max_length

    def setMaxLength(self, length: int) -> None:  # noqa: N802 - QLineEdit API
        """At most ``length`` characters: typing and pasting stop there; longer text is cut."""
        self._max_length = max(0, int(length))
        if len(self.toPlainText()) > self._max_length:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._max_length)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()

    def _room(self) -> int:
        """How many characters may still be typed in place of the selection."""
        selected = len(self.textCursor().selectedText())
        return self._max_length - (len(self.toPlainText()) - selected)

    def _contents_changed(self) -> None:
        text = self.toPlainText()
        if text != self._last_text:
            self._last_text = text
            self.textChanged.emit(text)

    # --- one line -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            self.editingFinished.emit()
            event.ignore()           # as QLineEdit: a dialog's default button still gets Enter
            return
        typed = event.text()
        if typed and typed.isprintable() and \
                not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.MetaModifier):
            if len(typed) > self._room():
                event.accept()       # at the limit: the key does nothing, as in a QLineEdit
                QApplication.beep()
                return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """Paste or drop text on one line (line breaks become spaces), up to the limit."""
        text = one_line(source.text())[:max(self._room(), 0)]
        if text:
            cursor = self.textCursor()
            cursor.insertText(text)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.commitString() and len(one_line(event.commitString())) > self._room():
            event.setCommitString(one_line(event.commitString())[:max(self._room(), 0)])
        super().inputMethodEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not isValid(self):       # losing the focus as it is destroyed: nothing to finish
            return
        try:
            super().focusOutEvent(event)
            popup = QApplication.activePopupWidget()
            own_menu = event.reason() == Qt.FocusReason.PopupFocusReason and \
                popup is not None and popup.parentWidget() is self
            if not own_menu:         # its own context menu opening is not "finished"
                self.editingFinished.emit()
            self.update()
        except RuntimeError:
            # the box (or its form) is being taken down as the focus moves: an error leaving
            # this method would reach PySide's own error handling mid-event, which crashes
            log.info("a text box lost the focus while it was being taken down", exc_info=True)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not isValid(self):
            return
        try:
            super().focusInEvent(event)
            self.update()
        except RuntimeError:
            log.info("a text box took the focus while it was being taken down", exc_info=True)

    # --- size and look --------------------------------------------------------------------------
    def _line_height(self) -> int:
        margins = self.contentsMargins()
        viewport = self.viewportMargins()
        return (self.fontMetrics().lineSpacing() + 2 * int(self.document().documentMargin())
                + margins.top() + margins.bottom() + viewport.top() + viewport.bottom() + 2)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(max(super().sizeHint().width(), 160), self._line_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(60, self._line_height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()    # one line of the new font

    def event(self, event: QEvent) -> bool:
        if not isValid(self):       # an event while it is being destroyed
            return False
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self.hasFocus():
            painter = QPainter(self)     # a frame round the box, in the highlight colour
            colour = QColor(self.palette().highlight().color())
            pen = QPen(colour, FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = FOCUS_WIDTH // 2
            painter.drawRect(self.rect().adjusted(half, half, -half, -half))
            painter.end()
        return handled
