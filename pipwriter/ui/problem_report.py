"""When something goes wrong inside the app: keep the work safe, tell the user calmly, and
Help › Report a problem… (what to send to whoever helps them; nothing is sent anywhere).

An error nobody foresaw is logged with its traceback by :mod:`pipwriter.logs`. Here it is
turned into: a recovery copy of every open article written at once, and one message that says
the work is safe and where the log is. The app stays open. Qt's own warnings go to the log
too, instead of a console the installed app does not have.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..logs import ErrorHooks, log_dir, log_file, problem_details

if TYPE_CHECKING:
    from .app_controller import AppController

log = logging.getLogger(__name__)
qt_log = logging.getLogger("pipwriter.qt")

ERROR_TITLE = "Something went wrong"


def error_message() -> str:
    """The calm message shown after an unexpected error (plain words)."""
    return ("Something unexpected went wrong inside PiP Writer.\n\n"
            "Your work is safe. What you typed is still here, and a recovery copy has just "
            "been kept. You can carry on.\n\n"
            "If it keeps happening, choose Help › Report a problem… to see what to send to "
            f"the person who helps you with the app. The details are in this file:\n{log_file()}")


class ErrorNotice(QObject):
    """Turns an uncaught error (from any thread) into a recovery copy and one message."""

    happened = Signal(str, str)

    def __init__(self, controller: AppController) -> None:
        super().__init__()
        self.controller = controller
        self.showing = False
        self.shown = 0
        # queued: an error in a worker thread is reported on the GUI thread
        self.happened.connect(self._on_error)

    def listener(self, where: str, error: BaseException) -> None:
        """For :class:`~pipwriter.logs.ErrorHooks`; safe to call from any thread."""
        self.happened.emit(where, type(error).__name__)

    def _on_error(self, where: str, kind: str) -> None:
        keep_work_safe(self.controller)
        if self.showing:            # one message at a time; the log has every error
            log.info("a further %s in %s while the message was open", kind, where)
            return
        self.showing = True
        try:
            self.shown += 1
            self.controller.dialogs.error(ERROR_TITLE, error_message())
        finally:
            self.showing = False


def keep_work_safe(controller: AppController) -> None:
    """Write a recovery copy of every open article with unsaved changes, now."""
    for window in list(controller.windows):
        try:
            window.data_safety.autosaver.flush()
        except Exception:  # noqa: BLE001 - one window failing must not stop the others
            log.exception("keeping a recovery copy after an error failed")


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def install_error_handling(controller: AppController, hooks: ErrorHooks) -> ErrorNotice:
    """Send Qt's messages to the log and uncaught errors to the user, calmly."""
    qInstallMessageHandler(_qt_message)
    notice = ErrorNotice(controller)
    hooks.listeners.append(notice.listener)
    return notice


class ProblemReport(QDialog):
    """Help › Report a problem…: the version, the system, Qt's version and the end of the log,
    with Copy and Open log folder. Nothing is sent anywhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox  # made when first shown (issue 23)
        super().__init__(parent)
        self.setWindowTitle("Report a problem")
        self.details = problem_details(__version__, qVersion())
        layout = QVBoxLayout(self)
        intro = QLabel("If PiP Writer went wrong, copy what is below and send it to the person "
                       "who helps you with the app. It holds no words of your article. "
                       "Nothing is sent from here.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(self.details)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Details of the problem")
        intro.setBuddy(self.text)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setToolTip("Copy the details, to paste into an email")
        self.folder_button = QPushButton("&Open log folder")
        self.folder_button.setToolTip(str(log_dir()))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.folder_button.clicked.connect(self.open_folder)
        layout.addWidget(buttons)
        self.status = QLabel("")
        layout.addWidget(self.status)
        self.resize(640, 420)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.details)
        self.status.setText("Copied. Paste it into an email.")

    def open_folder(self) -> bool:
        folder = log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("could not make the log folder %s: %s", folder, error)
        # imported here, not made at every start (issue 23)
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        if not opened:
            self.status.setText(f"The log folder is: {folder}")
        return opened


def show_problem_report(parent: QWidget) -> None:
    ProblemReport(parent).exec()
