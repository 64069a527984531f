"""One undoable change to the article, kept as the article before and after it (JSON), and when
each change and each level of a section's typing was made and undone.

The article's changes and each section's typing have undo histories of their own (the typing
stays when a change is undone). Away from the text, Edit › Undo and Redo take the newest of the
two (:mod:`.edit_undo`), so the times are kept here: ``made`` and ``undone_at`` on each change,
and :class:`TypingTimes` beside each section's document. They are read from the monotonic
clock, which setting the computer's clock does not move.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument, QUndoCommand

if TYPE_CHECKING:
    from .session import Session

log = logging.getLogger(__name__)
def typing_kept_message(change: str, redo: bool, sections: list[str], kept: str = "") -> str:
    """What to tell the user when an undo (or redo) of ``change`` left the typing done since
    in ``sections``, and with it some of what the undo would have taken back (found by a walk:
    "Edit › Undo takes the merge back" did not, in a section typed in since, and nobody was
    told). ``kept``: where the article before the change is kept, said after an undo."""
    names = ", ".join(f"“{title}”" for title in sections)
    done = "done again" if redo else "taken back"
    text = (f"“{change}” was {done}, except where you have typed since: {names}. There the "
            "words stay as they are now, with your typing.")
    if kept and not redo:
        text += f" Your article as it was before it is kept: see {kept}."
    return text


class SnapshotCommand(QUndoCommand):
    """Undo goes back to the article before the change, redo to the article as it was just
    before the undo; each keeps the typing done in the sections since
    (``Session.restore_snapshot``).

    Redo does not go back to the article as the change first made it: words typed after the
    change are in the article the undo took away (in a section the change added, say), and
    redo brings them back."""

    def __init__(self, session: Session, text: str, before: str, after: str,
                 also: Callable[[bool], object] | None = None, kept: str = ""):
        """``also(done)``: what goes with the change outside the article (a merge's record
        in the project's history), put back on redo (True) and taken away on undo (False).
        ``kept``: where the article before the change is kept (a version, a backup), for an
        undo that cannot take all of it back to say."""
        super().__init__(text)
        self._also, self._kept = also, kept
        self._session, self._before = session, before
        self._left = after          # the article as the change, or the last redo, left it
        self._undone_from = after   # the article just before the last undo
        self._undone_to = before    # the article as the last undo left it
        self._first = True
        self.made = time.monotonic()        # when the change was made
        self.undone_at = 0.0                # when it was last undone

    def redo(self) -> None:
        if self._first:          # the change was already applied when the command was pushed
            self._first = False
            return
        self._tell(self._session.restore_snapshot(self._undone_from, self._undone_to), True)
        self._left = self._session.snapshot()
        if self._also is not None:
            self._also(True)

    def undo(self) -> None:
        self.undone_at = time.monotonic()
        self._undone_from = self._session.snapshot()
        self._tell(self._session.restore_snapshot(self._before, self._left), False)
        self._undone_to = self._session.snapshot()
        if self._also is not None:
            self._also(False)

    def _tell(self, kept: list[str], redo: bool) -> None:
        if kept:
            log.info("undo/redo of %r kept typing done since in %s", self.text(), kept)
            self._session.typingKept.emit(typing_kept_message(self.text(), redo, kept,
                                                              self._kept))


class TypingTimes(QObject):
    """When each level of a document's undo history was made (a word typed, a paste...), and
    when the levels now waiting to be redone were undone. Made with the document, so that no
    level goes unseen; found with ``document.findChild(TypingTimes)``."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        self._made: list[float] = []        # one per level, oldest first
        self._undone: list[float] = []      # one per level waiting to be redone, newest last
        self._steps = document.availableUndoSteps()
        self.moved_by_history = False       # the last change was an undo or a redo
        document.undoCommandAdded.connect(self._added)
        document.contentsChanged.connect(self._changed)

    def _added(self) -> None:
        steps = self._document.availableUndoSteps()
        earlier = self._made[:max(steps - 1, 0)]
        self._made = earlier + [0.0] * (steps - 1 - len(earlier)) + [time.monotonic()]
        self._undone.clear()                # a new level: nothing is left to redo
        self._steps = steps

    def _changed(self) -> None:
        document, now = self._document, time.monotonic()
        steps = document.availableUndoSteps()
        # a new level was counted by _added already (Qt says so before the change)
        self.moved_by_history = steps != self._steps
        if steps < self._steps:             # undone
            self._undone.extend([now] * (self._steps - steps))
        elif steps > self._steps:           # redone (a new level is _added's)
            del self._undone[max(len(self._undone) - (steps - self._steps), 0):]
        elif steps and not document.isRedoAvailable() and len(self._made) >= steps:
            self._made[steps - 1] = now     # more typing in the newest level
        self._steps = steps

    def newest_made(self) -> float | None:
        """When the level Undo would take back was made (0.0: before it was watched), or None
        when there is nothing to undo."""
        steps = self._document.availableUndoSteps()
        if not steps:
            return None
        return self._made[steps - 1] if steps <= len(self._made) else 0.0

    def last_undone(self) -> float | None:
        """When the level Redo would bring back was undone, or None when there is none."""
        if not self._document.isRedoAvailable():
            return None
        return self._undone[-1] if self._undone else 0.0
