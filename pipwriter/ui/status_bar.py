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
        # imported at the first message, not at start-up: making PySide6's accessibility
        # classes costs 2 ms before the window can first be painted (issue 23)
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
        event = QAccessibleAnnouncementEvent(self, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
