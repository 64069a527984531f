"""Read-only text that is always shown in full (a path, a message): :class:`WrappingText`."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit


class WrappingText(QTextEdit):
    """Read-only text that is always shown in full: it wraps between words where it can and
    anywhere inside a word where it must (a Windows path has no spaces or slashes to break at),
    takes the height its text needs, and can be selected and copied exactly."""

    def __init__(self, accessible_name: str, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setDocumentMargin(0)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # no Tab stop while it is empty
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - same name as QLabel's
        self.setPlainText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if text else Qt.FocusPolicy.NoFocus)
        self.setToolTip(text if len(text) > 80 else "")
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        if not self.toPlainText():
            return 0
        document = self.document().clone()
        document.setTextWidth(max(width - 2 * self.frameWidth(), 1))
        return int(document.size().height() + 0.999) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = self.width() if self.width() > 1 else 400
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(100, self.heightForWidth(self.width() if self.width() > 1 else 400))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()
