"""A list at the side of the window that keeps up with the article without slowing typing.

The Comments and Suggested changes lists are each a dock widget that is brought up to date
when it is shown and once typing pauses (never at each key, and never while it is hidden).
:func:`side_list` finds a window's list of a kind, making and docking it the first time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QListWidget, QPushButton

from .timers import WhileShown

if TYPE_CHECKING:
    from .main_window import MainWindow

PAUSE_MS = 400                  # brought up to date this long after typing stops


class SideList(QDockWidget):
    """A docked list; a subclass builds its widgets (``self.list`` among them), then calls
    :meth:`keep_up`, and says how to :meth:`refresh`."""

    list: QListWidget

    def __init__(self, window: MainWindow, title: str = "") -> None:
        super().__init__(title, window)
        self.main_window = window

    def enter_presses_buttons(self) -> None:
        """Enter or Return on a focused button presses it (as Space does)."""
        for button in self.findChildren(QPushButton):
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if isinstance(watched, QPushButton) and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched.isEnabled():
            watched.click()
            return True
        return super().eventFilter(watched, event)

    def keep_up(self) -> None:
        self.enter_presses_buttons()
        # every keystroke changes the article: the list is brought up to date once typing
        # pauses, and only while it is shown, so typing never waits for it
        self.updates = WhileShown(self, self.main_window.session, PAUSE_MS, self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def show_rows(self, texts: Sequence[str]) -> None:
        """Make the list say ``texts``, one row each, touching only rows whose text changed
        (a list remade after every pause in typing was most of the update a key could wait
        behind, with 50 comments or suggestions; issue 23). The current row stays, or the
        nearest one."""
        rows = self.list
        if rows.count() == len(texts):
            for number, text in enumerate(texts):
                item = rows.item(number)
                if item.text() != text:
                    item.setText(text)
            return
        row = rows.currentRow()
        rows.clear()
        rows.addItems(texts)
        if texts:
            rows.setCurrentRow(min(max(row, 0), len(texts) - 1))


Kind = TypeVar("Kind", bound=SideList)


def side_list(window: MainWindow, kind: type[Kind]) -> Kind:
    """The window's list of this kind, made and docked at the right the first time."""
    found = window.findChild(kind)
    if found is None:
        found = kind(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, found)
    return found


def show_side_list(window: MainWindow, kind: type[SideList]) -> None:
    """Show the list and put the keyboard in it."""
    panel = side_list(window, kind)
    panel.show()
    panel.raise_()
    panel.list.setFocus()
