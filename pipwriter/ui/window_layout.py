"""The main window's size, place and splitters, kept between runs and fitted to this screen.

The window opens as it was last closed (:class:`~.settings.Settings` keeps its geometry and
each splitter's state by object name). A window saved on a bigger screen is fitted to this
one; the first time, it is :data:`PREFERRED_SIZE` where the screen has room. The splitters are
restored once the window is shown, when it has its real size.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter

from .screen_fit import available_area, fit_to_screen
from .settings import Settings

PREFERRED_SIZE = QSize(1200, 780)   # less where the screen has less room (screen_fit)


class WindowLayout:
    """Restores and saves one main window's geometry and the states of its ``splitters``."""

    def __init__(self, window: QMainWindow, splitters: list[QSplitter], settings: Settings):
        self.window = window
        self.splitters = splitters
        self.settings = settings
        self._pending: dict[QSplitter, QByteArray | None] = {}

    def restore(self) -> None:
        """The window's size and place as last saved (fitted to this screen); its splitters
        follow when it is shown (:meth:`shown`)."""
        window = self.window
        geometry = self.settings.window_geometry
        if geometry is not None:
            window.restoreGeometry(geometry)
            area = available_area(window)
            if not window.isMaximized() and (window.width() > area.width()
                                             or window.height() > area.height()):
                fit_to_screen(window, window.size())    # saved on a bigger screen: fit this one
        else:
            fit_to_screen(window, PREFERRED_SIZE)
        self._pending = {splitter: self.settings.splitter_state(splitter.objectName())
                         for splitter in self.splitters}

    def shown(self) -> None:
        """Call from the window's ``showEvent``: the splitters are restored once it has its
        real size (on the next turn of the event loop)."""
        if self._pending:
            QTimer.singleShot(0, self._restore_splitters)

    def _restore_splitters(self) -> None:
        pending, self._pending = self._pending, {}
        for splitter, state in pending.items():
            if state is not None:       # its sizes: the room decides which way it goes
                orientation = splitter.orientation()    # (screen_fit.SplitterTurn)
                splitter.restoreState(state)
                splitter.setOrientation(orientation)

    def save(self) -> None:
        self.settings.save_window_layout(
            self.window.saveGeometry(),
            {splitter.objectName(): splitter.saveState() for splitter in self.splitters})
