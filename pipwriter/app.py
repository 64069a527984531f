"""Starting the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(argv: list[str]) -> int:
    from PySide6.QtGui import QFont, QIcon
    from PySide6.QtWidgets import QApplication

    from . import APP_NAME, __version__
    from .resources import resource
    from .ui.app_controller import AppController
    from .ui.settings import text_size

    app = QApplication.instance() or QApplication([sys.argv[0]])
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
    app._pip_controller = controller  # keep alive for the life of the app
    files = [a for a in argv if not a.startswith("-")]
    if files:
        if controller.open_path(Path(files[0])) is None:
            controller.show_start()
    else:
        controller.show_start()
    return app.exec()
