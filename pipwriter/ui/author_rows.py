"""Tab through the new article's table of authors a row at a time: a name, then how that author
takes part, then the next author's name (already being edited, so typing goes into it).

A walk of the app found the old order, the table then every row's "taking part as" box: after
choosing the first author's part, Tab went to the second row's box, skipping its name, and a
name typed then went nowhere (the box took the letters as a search). Shift+Tab goes back the
same way. From the last row's box Tab goes on (to Add an author).

Each row's part is a :class:`PartBox`: opened with nothing chosen, its first entry shows
highlighted, and Return or Enter chooses it (see the class)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QTableWidget,
    QWidget,
)

_TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def _backwards(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Backtab or \
        bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)


class PartBox(QComboBox):
    """How an author takes part. Opened (Space, F4, Alt+Down) while nothing is chosen yet, the
    list shows its first entry highlighted, and Return or Enter chooses the highlighted entry
    and closes the list, as after an arrow key; the keyboard stays on the box.

    Found by a walk of the app by keyboard: Qt opened the list with no entry highlighted, and
    its list takes Return only when an entry is its current one. Whether one was depended on a
    side effect of the list getting the keyboard (an unseen current entry, the first), so on
    some systems Return did nothing and the list stayed open; where it did choose, the user
    could not see what, and Down went to the second entry."""

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        super().showPopup()
        view = self.view()
        if self.currentIndex() >= 0 or self.count() == 0 or \
                view.selectionModel().hasSelection():
            return
        first = self.model().index(0, self.modelColumn(), self.rootModelIndex())
        view.setCurrentIndex(first)       # current and highlighted: what Return chooses


class _NameDelegate(QStyledItemDelegate):
    """Edits a name; Tab in the box keeps the name and goes to that row's part."""

    def __init__(self, rows: AuthorRows) -> None:
        super().__init__(rows.table)
        self.rows = rows

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        editor = super().createEditor(parent, option, index)
        editor.installEventFilter(self.rows)
        editor.setProperty("pip_author_row", index.row())
        # a screen reader said only "text" here (found by a keyboard walk)
        editor.setAccessibleName(f"Name of author {index.row() + 1}")
        return editor


class AuthorRows(QObject):
    """Installed on ``table`` (column 0 the name, column 1 a QComboBox for the part)."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        table.setItemDelegateForColumn(0, _NameDelegate(self))
        table.installEventFilter(self)

    def watch(self, combo: QComboBox) -> None:
        """A new row's part box."""
        combo.installEventFilter(self)

    def name(self, row: int) -> None:
        """The keyboard in ``row``'s name, being edited."""
        table = self.table
        table.setFocus(Qt.FocusReason.TabFocusReason)
        table.setCurrentCell(row, 0)
        item = table.item(row, 0)
        if item is not None:
            table.editItem(item)

    def part(self, row: int) -> None:
        widget = self.table.cellWidget(row, 1)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.TabFocusReason)

    def _row_of(self, widget: QWidget) -> int:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 1) is widget:
                return row
        return -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress \
                or event.key() not in _TABS:
            return False
        back = _backwards(event)
        table = self.table
        if isinstance(watched, QComboBox):
            row = self._row_of(watched)
            if row < 0 or (not back and row + 1 >= table.rowCount()):
                return False            # the last box: on to Add an author
            self.name(row if back else row + 1)
            return True
        if watched is table:
            row = table.currentRow()
            if back or row < 0:
                return False
            self.part(row)
            return True
        row = watched.property("pip_author_row")          # a name being edited
        if not isinstance(row, int) or back:
            return False
        delegate = table.itemDelegateForColumn(0)
        if isinstance(delegate, QStyledItemDelegate) and isinstance(watched, QWidget):
            delegate.commitData.emit(watched)
            delegate.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
        self.part(row)
        return True
