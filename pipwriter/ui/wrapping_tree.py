"""A tree whose long entries wrap onto as many lines as they need.

QTreeView wraps the text it paints but works out each row's height as if the text did not wrap,
so a long finding was cut short ("…") and its last line lost. The delegate here measures the text
wrapped at the width the row really has, and the rows are measured again when the width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

TALL = 1_000_000


def _depth(index) -> int:
    depth, parent = 0, index.parent()
    while parent.isValid():
        depth, parent = depth + 1, parent.parent()
    return depth


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint(option, index)
        view = self.view
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        levels = _depth(index) + (1 if view.rootIsDecorated() else 0)
        width = max(view.columnWidth(index.column()) - view.indentation() * levels, 60)
        item.rect = QRect(0, 0, width, TALL)
        text = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, view)
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, item, view) + 1
        wrapped = item.fontMetrics.boundingRect(
            QRect(0, 0, max(text.width() - 2 * margin, 20), TALL),
            Qt.TextFlag.TextWordWrap, item.text)
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 2 * margin + 2))


class WrappingTree(QTreeWidget):
    """A one-column tree (header hidden) whose rows grow to hold their wrapped text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(WrappingDelegate(self))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()   # heights depend on the width
