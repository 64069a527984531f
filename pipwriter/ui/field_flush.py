"""What is typed in a form field reaches the article while the typing goes on.

A field of a panel (an author's name, a reference, a caption, the title, a section's heading)
hands its text to the article when the keyboard leaves it: one undoable step per edit. Until
then the words were only in the box, so the recovery copy written as the user types did not have
them, and a crash or a power cut lost them. Now, :data:`PAUSE_MS` after the typing in such a
field pauses (and at least every :data:`LONGEST_MS` while it goes on), the field says it is
finished, as leaving it does: its panel stores it the usual way, the keyboard stays where it is,
and autosave takes it from the article like any change.

The fields are the ones marked with their text-surface name (:func:`.spell_line_edit.mark_field`)
that say when an edit is done (``editingFinished``). The section's text is not one: it reaches
the article as it is typed (:mod:`.autosave`'s journal).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from shiboken6 import isValid

from .spell_line_edit import FIELD_PROPERTY
from .timers import pause_timer

log = logging.getLogger(__name__)

PAUSE_MS = 2000          # after typing in a field pauses, the field is stored
LONGEST_MS = 10_000      # and at least this often while the typing goes on


def _stores_on_finishing(widget: QWidget) -> bool:
    """A panel's field, stored when it says its edit is finished (not an item's editor in a
    list, which closes when it says so)."""
    if not widget.property(FIELD_PROPERTY) or not hasattr(widget, "editingFinished"):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return False
        parent = parent.parentWidget()
    return True


class FieldFlush(QObject):
    """Stores the field of ``window`` being typed in (see the module docstring)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._field: QWidget | None = None
        self._pause = pause_timer(self, PAUSE_MS, self.flush)
        self._longest = pause_timer(self, LONGEST_MS, self.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self) or not isValid(self._window):
            return
        self._forget()
        if new is not None and self._window.isAncestorOf(new) and _stores_on_finishing(new):
            self._field = new
            new.textChanged.connect(self._typed)    # type: ignore[attr-defined]

    def _forget(self) -> None:
        self._pause.stop()
        self._longest.stop()
        field, self._field = self._field, None
        if field is not None and isValid(field):
            try:
                field.textChanged.disconnect(self._typed)   # type: ignore[attr-defined]
            except (RuntimeError, TypeError):
                log.debug("the field was no longer connected", exc_info=True)

    def _typed(self, *_text) -> None:
        self._pause.start()                 # restarted by each key: fires when typing pauses
        if not self._longest.isActive():
            self._longest.start()           # not restarted: fires while typing goes on

    def flush(self) -> bool:
        """Store the field being typed in now (True if there was one)."""
        self._pause.stop()
        self._longest.stop()
        field = self._field
        if field is None or not isValid(field) or not field.hasFocus():
            return False
        field.editingFinished.emit()        # type: ignore[attr-defined]
        return True
