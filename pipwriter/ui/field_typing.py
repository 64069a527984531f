"""Words typed in a form's box, kept safe before they reach the article.

What is typed in a box of a form (the standfirst, a heading, a caption, a reference's title, an
author's details, a key message) goes into the article when the keyboard leaves the box: only
then is it tidied, checked and made one step of Edit › Undo. Until then a crash would lose it.
:class:`FieldTyping` follows the box the keyboard is in, in one window, and tells the autosave
what it holds that the article does not (:meth:`FieldTyping.pending`): the autosave puts that in
the recovery journal about once a second while typing goes on (``autosave.py``), and recovering
puts it in its field (``model/storage/recovery.py``). The box is never written to, and the
article is not changed: the typing, the cursor and Undo stay as they were.

A box is followed when it is a plain field of the text surface (its widget carries the
``pip_field`` property, and the panel it is in says which item it shows): see :meth:`place`.
The section's text has its own journal lines; it is not followed here.

A competing-interests wizard works on its own copy of one author's answers, which reaches the
article only when the wizard closes: while it is open (:meth:`FieldTyping.hold_declaration`)
those answers go in the journal too, about every second or two while they change, and
recovering gives them to the author as "Save and finish later" would have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ..model.article.field_text import declaration_place, field_text
from ..model.interests.disclosure import Disclosure
from ..model.rules.findings import Where
from .spell_line_edit import FIELD_PROPERTY

log = logging.getLogger(__name__)

WATCHED_PROPERTY = "pip_typing_watched"     # set on a box once its text changes are followed
AUTHOR_PANELS = ("authors", "competing_interests")
DECLARATION_MS = 1000       # how often an open wizard's answers are looked at


def box_text(widget: QWidget) -> str | None:
    """The text a box shows (None: not a box of text)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    return None


def _shown_item(widget: QWidget) -> str:
    """The id of the item (reference, picture, author...) the form around ``widget`` shows: the
    nearest holder with a ``current_id``; "" when none has."""
    holder = widget.parentWidget()
    while holder is not None:
        current = getattr(holder, "current_id", None)
        if callable(current):
            return str(current())
        holder = holder.parentWidget()
    return ""


class FieldTyping(QObject):
    """Follows the box the keyboard is in, in ``window``; ``typed`` when its text changes."""

    typed = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.widget: QWidget | None = None
        self.where: Where | None = None
        self._declaration: tuple[str, Callable[[], Disclosure]] | None = None
        self._declaration_timer = QTimer(self)
        self._declaration_timer.setInterval(DECLARATION_MS)
        self._declaration_timer.timeout.connect(self.typed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old, new) -> None:
        # the keyboard gone to another window (a right-click menu, a message) or nowhere: the
        # box is still being typed in; gone to anything else in this window: the box was left
        if not isinstance(new, QWidget) or new.window() is not self.window:
            return
        self.widget, self.where = None, None
        placed = self.place(new)
        if placed is None:
            return
        self.widget, self.where = new, placed[0]
        if not new.property(WATCHED_PROPERTY):
            signal = getattr(new, "textChanged", None)
            if signal is None:
                return
            signal.connect(self._text_changed)
            new.setProperty(WATCHED_PROPERTY, True)

    def _text_changed(self, *_args) -> None:
        if self.widget is not None and self.sender() is self.widget:
            self.typed.emit()

    def place(self, widget: QWidget) -> tuple[Where, str] | None:
        """The plain field of the text surface ``widget`` shows now, and the article's text
        there; None when it shows none (not a box of text, the section's text, or a place the
        article does not have)."""
        field = widget.property(FIELD_PROPERTY)
        if not isinstance(field, str) or not field or field == "body" \
                or box_text(widget) is None:
            return None
        window = self.window
        if window.section_panel.isAncestorOf(widget):
            where = Where("section", window.current_section_id(), field=field)
        else:
            key = next((k for k, panel in window.panels.items() if panel.isAncestorOf(widget)),
                       None)
            if key is None:
                return None
            ident = _shown_item(widget)
            where = Where(key, author_id=ident, field=field) if key in AUTHOR_PANELS \
                else Where(key, item_id=ident, field=field)
        saved = field_text(window.session.article, where)
        return None if saved is None else (where, saved)

    def hold_declaration(self, author_id: str, answers: Callable[[], Disclosure]) -> None:
        """A competing-interests wizard is open for this author: ``answers()``, the answers as
        they stand, are kept safe until :meth:`release_declaration`."""
        self._declaration = (author_id, answers)
        self._declaration_timer.start()

    def release_declaration(self) -> None:
        """The wizard has closed (its answers applied or not): they are no longer kept."""
        self._declaration = None
        self._declaration_timer.stop()
        self.typed.emit()               # the journal's next line says so

    def pending(self) -> list[dict]:
        """What the journal keeps of what is being typed and the article does not hold yet:
        the box's text and place, and an open wizard's answers ([] when there is none)."""
        return self._box_pending() + self._declaration_pending()

    def _declaration_pending(self) -> list[dict]:
        if self._declaration is None:
            return []
        author_id, answers = self._declaration
        author = self.window.session.article.author(author_id)
        try:
            held = answers().to_json()
        except RuntimeError:            # the wizard has been deleted meanwhile
            self._declaration = None
            return []
        if author is None or held == author.disclosure.to_json():
            return []
        return [{"where": declaration_place(author_id).to_json(), "declaration": held}]

    def _box_pending(self) -> list[dict]:
        widget, where = self.widget, self.where
        if widget is None or where is None:
            return []
        try:
            text = box_text(widget)
            placed = self.place(widget)
        except RuntimeError:            # the box has been deleted meanwhile
            self.widget, self.where = None, None
            return []
        if placed is None or not placed[0].same_field(where):    # it shows another item now
            self.widget, self.where = None, None
            return []
        if text is None or text == placed[1]:   # the article holds it already
            return []
        return [{"where": where.to_json(), "text": text}]
