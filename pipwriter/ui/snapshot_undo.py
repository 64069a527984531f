"""One undoable change to the article, kept as the article before and after it (JSON)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .session import Session


class SnapshotCommand(QUndoCommand):
    """Undo goes back to ``before`` and redo to ``after``, each keeping the typing done in the
    sections since (``Session.restore_snapshot``)."""

    def __init__(self, session: Session, text: str, before: str, after: str):
        super().__init__(text)
        self._session, self._before, self._after = session, before, after
        self._first = True

    def redo(self) -> None:
        if self._first:          # the change was already applied when the command was pushed
            self._first = False
            return
        self._session.restore_snapshot(self._after, self._before)

    def undo(self) -> None:
        self._session.restore_snapshot(self._before, self._after)
