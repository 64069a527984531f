"""The status bar, whose messages ("Saved", "Removed … Undo brings it back") are shown whole
and announced to a screen reader.

Qt draws a status bar's message on one line and cuts off what does not fit: at 1,024 pixels
wide, beside the saving state, a message such as "Brought in Sam's copy: 3 paragraphs changed
…" lost its end (found by a keyboard walk). Here the message is a label that wraps onto a
second line instead. Each new message is also sent as an accessibility announcement (polite:
it waits for the reader to finish what it is saying)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

log = logging.getLogger(__name__)


class AnnouncingStatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Status")
        self.announced: list[str] = []      # what was announced (for tests and support)
        self.message = QLabel(self)
        self.message.setObjectName("statusMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        # as wide as the bar leaves it, never wider: a long message wraps, the window stays
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addWidget(self.message, 1)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(self.clearMessage)
        self.messageChanged.connect(self._announce)

    # QStatusBar's own, so every caller keeps working (Qt's own status tips still use Qt's)
    def showMessage(self, message: str, timeout: int | None = 0) -> None:  # noqa: N802 - Qt
        """Show ``message`` (for ``timeout`` milliseconds, or until the next one)."""
        self.message.setText(message)
        if timeout and timeout > 0:
            self._clear.start(timeout)
        else:
            self._clear.stop()
        self.messageChanged.emit(message)

    def clearMessage(self) -> None:  # noqa: N802 - Qt API
        self._clear.stop()
        if self.message.text():
            self.message.clear()
            self.messageChanged.emit("")
        super().clearMessage()

    def currentMessage(self) -> str:  # noqa: N802 - Qt API
        return self.message.text() or super().currentMessage()

    def _announce(self, message: str) -> None:
        if not message.strip():
            return
        self.announced.append(message)
        del self.announced[:-20]
        from .announce import announce
        announce(self, message)
