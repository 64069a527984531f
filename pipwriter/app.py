"""Starting the desktop app."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _remove_stale_temp_files(files: Iterable[Path]) -> None:
    """Remove the temporary copies crashed saves left beside these files (off the GUI thread:
    a folder on a network share that has gone away can take a minute to answer)."""
    from .model.storage.atomic import remove_stale_temp_files
    from .ui.worker_jobs import pause_collector, resume_collector

    def work() -> None:
        pause_collector()   # first: never collect Qt objects on this thread (worker_jobs.py)
        try:
            for path in files:
                try:
                    for removed in remove_stale_temp_files(path):
                        log.info("removed %s, left by a save that did not finish", removed)
                except Exception as error:  # noqa: BLE001 - tidying up must never stop the app
                    log.warning("could not tidy beside %s: %s", path, error)
        finally:
            resume_collector()
    threading.Thread(target=work, name="tidy-temp-files", daemon=True).start()


def _open_first(controller, path: Path) -> None:
    """Open the file the app was started with; whatever is wrong with it, the user gets a
    message and the start window, never an app that closes before it opens."""
    try:
        opened = controller.open_path(path, starting=True)
    except Exception:  # noqa: BLE001 - a file we did not foresee: say so, keep the app open
        log.exception("opening %s failed", path)
        controller.dialogs.error("Could not open the article",
                                 f"'{path.name}' could not be opened: it is damaged or not a "
                                 "PiP Writer project file. Nothing was changed. Try a backup "
                                 "copy.")
        opened = None
    if opened is None and not controller.windows:
        controller.show_start()


def _application_class() -> type:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    class PipApplication(QApplication):
        """Opens .pipw files the system hands over (double-click in the macOS Finder)."""

        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.controller: Any = None      # the AppController, once made

        def event(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if isinstance(event, QFileOpenEvent) and self.controller is not None:
                self.controller.open_path(Path(event.file()))
                return True
            return super().event(event)
    return PipApplication


class _CollectorPause:
    """Python's cyclic garbage collector stays off while the app starts, and comes back once
    the first window has been painted (issue 23: its ~60 collections cost 8 ms before the first
    paint, and a full collection then finds nothing to free: measured in docs/performance.md).
    Off through ``worker_jobs``' count, so a worker thread ending meanwhile leaves it off."""

    def __init__(self) -> None:
        from .ui.worker_jobs import pause_collector
        pause_collector()
        self.paused = True

    def resume(self) -> None:
        """On again (once, however often called)."""
        if self.paused:
            from .ui.worker_jobs import resume_collector
            self.paused = False
            resume_collector()

    def resume_later(self, window) -> None:
        """On again two event-loop turns after ``window``'s first paint, and in any case within
        two seconds (a dialog before it, a window closed before it was painted)."""
        from PySide6.QtCore import QTimer

        from .ui.timers import OncePainted
        # a turn after the paint's own turn, so what the window shows next (its figures) is
        # not held up by the collections put off until now; a child of the window: kept
        OncePainted(window, lambda: QTimer.singleShot(0, self.resume))
        QTimer.singleShot(LONGEST_PAUSE_MS, self.resume)


LONGEST_PAUSE_MS = 2000


def run_app(argv: list[str]) -> int:
    from .logs import install_excepthook, start_logging
    start_logging()           # the windowed app has no console: errors go to the log file
    hooks = install_excepthook()
    collector = _CollectorPause()
    from PySide6.QtGui import QFont, QIcon
    from PySide6.QtWidgets import QApplication

    from . import APP_NAME, __version__
    from .resources import resource
    from .ui.app_controller import AppController
    from .ui.problem_report import install_error_handling
    from .ui.settings import text_size

    existing = QApplication.instance()
    app: QApplication = (existing if isinstance(existing, QApplication)
                         else _application_class()([sys.argv[0]]))
    app.setApplicationName("pipwriter")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "pipwriter-256.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    size = text_size()
    if size:
        from .ui.main_window import LARGEST_TEXT
        from .ui.text_scale import remember_base_text_size, scale_marks
        font = QFont(app.font())
        base = font.pointSizeF()
        remember_base_text_size(app, base)      # Bigger/Normal text size work from it
        font.setPointSizeF(min(size, LARGEST_TEXT))     # an older version allowed bigger
        app.setFont(font)
        scale_marks(font.pointSizeF(), base)   # ticks and marks grow too
    controller = AppController()
    if hasattr(app, "controller"):
        app.controller = controller  # FileOpen events go to it
    notice = install_error_handling(controller, hooks)  # noqa: F841 - kept alive while the app runs
    from .ui.data_safety import check_recoveries
    from .ui.settings import recent_files
    check_recoveries(controller)      # unsaved work left by a crash is offered back first
    files = [a for a in argv if not a.startswith("-")]
    _remove_stale_temp_files([Path(f) for f in files[:1]] + recent_files())
    if files:
        _open_first(controller, Path(files[0]))
    elif not controller.windows:
        controller.show_start()
    collector.resume_later(controller.windows[0] if controller.windows else controller.start)
    return app.exec()
