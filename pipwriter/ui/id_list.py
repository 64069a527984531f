"""Lists whose rows stand for model items by id: refill them and keep the chosen row."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

ROLE = Qt.ItemDataRole.UserRole


def current_id(widget: QListWidget) -> str:
    item = widget.currentItem()
    return item.data(ROLE) if item else ""


def fill_id_list(widget: QListWidget, rows: Iterable[tuple[str, str]]) -> None:
    """Replace the rows with ``(id, text)`` pairs; the same id stays chosen. When it has gone
    (removed), the row now in its place is chosen (the last, if it was last), as lists do: it
    was the first row, so a second Remove took away another, filled-in item (found by a walk
    of the app)."""
    keep, row = current_id(widget), widget.currentRow()
    widget.clear()
    for item_id, text in rows:
        item = QListWidgetItem(text)
        item.setData(ROLE, item_id)
        widget.addItem(item)
        if item_id == keep:
            widget.setCurrentItem(item)
    if widget.currentItem() is None and widget.count():
        widget.setCurrentRow(min(max(row, 0), widget.count() - 1))
