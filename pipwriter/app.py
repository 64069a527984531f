"""Starting the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path


def _application_class():
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    class PipApplication(QApplication):
        """Opens .pipw files the system hands over (double-click in the macOS Finder)."""

        controller = None

        def event(self, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.FileOpen and self.controller is not None:
                self.controller.open_path(Path(event.file()))
                return True
            return super().event(event)
    return PipApplication


def run_app(argv: list[str]) -> int:
    from PySide6.QtGui import QFont, QIcon
    from PySide6.QtWidgets import QApplication

    from . import APP_NAME, __version__
    from .resources import resource
    from .ui.app_controller import AppController
    from .ui.settings import text_size

    app = QApplication.instance() or _application_class()([sys.argv[0]])
    app.setApplicationName("pipwriter")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "pipwriter-256.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    size = text_size()
    if size:
        font = QFont(app.font())
        font.setPointSizeF(size)
        app.setFont(font)
    controller = AppController()
    app.controller = controller  # keeps it alive; FileOpen events go to it
    from .ui.data_safety import check_recoveries
    check_recoveries(controller)      # unsaved work left by a crash is offered back first
    files = [a for a in argv if not a.startswith("-")]
    if files:
        if controller.open_path(Path(files[0])) is None and not controller.windows:
            controller.show_start()
    elif not controller.windows:
        controller.show_start()
    return app.exec()
