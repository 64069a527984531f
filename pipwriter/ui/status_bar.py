"""The status bar, whose messages ("Saved", "Removed … Undo brings it back") a screen reader
announces: each new message is sent as an accessibility announcement (polite: it waits for
the reader to finish what it is saying)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QStatusBar

log = logging.getLogger(__name__)


class AnnouncingStatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Status")
        self.announced: list[str] = []      # what was announced (for tests and support)
        self.messageChanged.connect(self._announce)

    def _announce(self, message: str) -> None:
        if not message.strip():
            return
        self.announced.append(message)
        del self.announced[:-20]
        from .announce import announce
        announce(self, message)
