"""An error nobody foresaw: logged with its traceback, the user told calmly that their work is
safe (and it is: a recovery copy is written at once), the app stays up; Help › Report a
problem… shows what to send."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer, qInstallMessageHandler, qWarning
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest

from pipwriter import logs
from pipwriter.model.storage.project_file import save_project
from pipwriter.model.storage.recovery import all_entries, recovered_article
from pipwriter.ui.problem_report import (
    ERROR_TITLE,
    ProblemReport,
    error_message,
    install_error_handling,
)

pytestmark = pytest.mark.qt_no_exception_capture   # the app's own hooks are under test


@pytest.fixture
def hooks(monkeypatch):
    """The app's logging and hooks, as run_app installs them; put back afterwards."""
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)   # no console noise
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    path = logs.start_logging()
    assert path is not None
    installed = logs.install_excepthook()
    yield installed
    qInstallMessageHandler(None)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot):
    win = controller.open_path(save_project(small_project, tmp_path / "walking.pipw"))
    qtbot.addWidget(win)
    return win


def type_words(window, text: str) -> str:
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)
    return section.id


def test_an_error_in_a_slot_is_logged_told_calmly_and_loses_nothing(controller, window, hooks,
                                                                     qtbot):
    notice = install_error_handling(controller, hooks)
    section_id = type_words(window, "Words typed just before it went wrong")

    def broken_slot():
        raise RuntimeError("a slot that fails")
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(controller.dialogs.errors), timeout=5000)

    assert controller.dialogs.errors == [(ERROR_TITLE, error_message())]
    assert "Your work is safe" in error_message() and str(logs.log_file()) in error_message()
    text = logs.log_file().read_text(encoding="utf-8")
    assert "RuntimeError: a slot that fails" in text and "Traceback" in text
    assert "broken_slot" in text
    # the app is still up and the words are still there...
    assert window.isVisible() or not window.isHidden()
    body = window.session.article.section(section_id).body.plain_text()
    assert body.endswith("Words typed just before it went wrong")
    # ...and a recovery copy holding them was written at once, before any autosave pause
    window.data_safety.autosaver.wait()
    copies = all_entries()
    assert copies, "no recovery copy was written after the error"
    kept = recovered_article(copies[0]).section(section_id).body.plain_text()
    assert kept.endswith("Words typed just before it went wrong")
    # typing still works afterwards
    type_words(window, " and after")
    assert window.section_panel.editor.toPlainText().endswith("went wrong and after")
    assert notice.shown == 1


def test_an_error_in_a_worker_thread_is_told_on_the_gui_thread(controller, window, hooks, qtbot):
    install_error_handling(controller, hooks)
    type_words(window, "Typed before the worker failed")

    def work():
        raise ValueError("a worker that fails")
    worker = threading.Thread(target=work, name="test-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(controller.dialogs.errors), timeout=5000)
    assert controller.dialogs.errors[0][0] == ERROR_TITLE
    text = logs.log_file().read_text(encoding="utf-8")
    assert "test-worker" in text and "ValueError: a worker that fails" in text
    window.data_safety.autosaver.wait()
    assert all_entries()


def test_errors_while_the_message_is_open_are_logged_not_stacked(controller, window, hooks, qtbot):
    notice = install_error_handling(controller, hooks)
    notice.showing = True                  # as if the first message were still on screen
    notice.listener("the main thread", RuntimeError("second"))
    qtbot.wait(50)
    assert controller.dialogs.errors == []
    assert "while the message was open" in logs.log_file().read_text(encoding="utf-8")


def test_qt_warnings_go_to_the_log(controller, hooks):
    install_error_handling(controller, hooks)
    qWarning("a warning from Qt itself")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "pipwriter.qt: a warning from Qt itself" in logs.log_file().read_text(encoding="utf-8")


def test_report_a_problem_shows_versions_and_the_log_end_and_copies(hooks, qtbot):
    logging.getLogger("pipwriter.test").warning("something the helper should see")
    dialog = ProblemReport()
    qtbot.addWidget(dialog)
    shown = dialog.text.toPlainText()
    assert shown.startswith("PiP Writer ")
    assert "System: " in shown and "Qt " in shown and "Python " in shown
    assert "something the helper should see" in shown
    assert str(logs.log_file()) in shown
    assert dialog.text.isReadOnly()
    qtbot.mouseClick(dialog.copy_button, qtbot_left())
    assert QGuiApplication.clipboard().text() == shown
    assert "Copied" in dialog.status.text()


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def test_report_without_a_log_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("PIPWRITER_USER_DIR", str(tmp_path / "nobody"))
    details = logs.problem_details("9.9", "6.9.0")
    assert details.startswith("PiP Writer 9.9") and details.endswith("The log is empty.")
