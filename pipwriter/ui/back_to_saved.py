"""An undo or redo that brings the article back to exactly what is in its file makes it
unmodified again: the title bar's "*" and the question on closing go.

Found by a walk: after undoing back to the saved text, the title still showed "*" and closing
asked to save words that were already saved. Only undo and redo are looked at (a change to the
article's parts, or a step back or forward in a section's typing): typing new words always
leaves the article modified. The article is compared with the JSON it was saved or opened as
(``Project.disk_article``), once the undo is over, so nothing is worked out while typing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from .snapshot_undo import TypingTimes

if TYPE_CHECKING:
    from .session import Session

log = logging.getLogger(__name__)


class BackToSaved(QObject):
    """Watches ``session`` for undo and redo; ``busy()`` is true while a form's box holds
    typing the article does not have yet (then the article is not as saved, whatever it says)."""

    def __init__(self, session: Session, busy: Callable[[], object]) -> None:
        super().__init__(session)
        self._session, self._busy = session, busy
        self._times: dict[str, TypingTimes | None] = {}      # by section id
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.check)
        session.undo_stack.indexChanged.connect(lambda _index: self._timer.start())
        session.textChanged.connect(self._text_changed)

    def _text_changed(self, section_id: str) -> None:
        """On every key: one dictionary look-up and one attribute."""
        if not self._session.is_modified():
            return
        times = self._times.get(section_id)
        if times is None or not isValid(times):
            times = self._times[section_id] = \
                self._session.document(section_id).findChild(TypingTimes)
        if times is not None and times.moved_by_history:
            self._timer.start()

    def check(self) -> None:
        """Unmodified again if the article is exactly as its file holds it."""
        session = self._session
        saved = session.project.disk_article
        if not session.is_modified() or saved is None or self._busy():
            return
        session.sync()
        if json.dumps(session.article.to_json(), ensure_ascii=False) == saved:
            log.info("an undo or redo brought the article back to its file: not modified")
            session.set_modified(False)
