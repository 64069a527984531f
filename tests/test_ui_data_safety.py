"""Data safety in the main window: autosave timing and the "save to the file itself" option,
the warning when another running PiP Writer has the file open, versions and backups, and
saving when the disk is full or the file or its folder has gone."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.storage import atomic
from pipwriter.model.storage.backups import list_backups
from pipwriter.model.storage.history_store import project_key
from pipwriter.model.storage.locks import acquire, lock_file_for, read_lock
from pipwriter.model.storage.process_identity import process_key, process_start_time
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.recovery import recovery_paths
from pipwriter.model.storage.versions import list_versions
from pipwriter.ui.autosave import Autosaver
from pipwriter.ui.session import Session
from pipwriter.ui.settings import Settings


@pytest.fixture
def saved(tmp_path, small_project):
    return save_project(small_project, tmp_path / "walking.pipw")


@pytest.fixture
def window(controller, saved, qtbot):
    win = controller.open_path(saved)
    qtbot.addWidget(win)
    return win


def _type(window, text, section_index=0):
    section = window.session.article.sections[section_index]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)
    return section


def _text(article, section):
    return article.section(section.id).body.plain_text()


# --- autosave timing ----------------------------------------------------------------------------
def test_autosave_waits_for_a_pause_but_not_for_ever(qtbot, small_project):
    session = Session(Project(small_project.article))
    saver = Autosaver(session, debounce_ms=150, max_interval_ms=400)
    writes = []
    saver.saved.connect(writes.append)

    # one change, then a pause: written once, shortly after
    session.set_modified(True)
    assert writes == [] and saver.is_scheduled()
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=20000)

    # changes every 40 ms (faster than the pause it waits for): still written, at least every
    # max interval, while the typing goes on (with no max interval, nothing would be written
    # until the typing stopped)
    typing = QTimer()
    typing.setInterval(40)
    typing.timeout.connect(lambda: session.set_modified(True))
    typing.start()
    qtbot.waitUntil(lambda: len(writes) >= 3, timeout=20000)
    assert typing.isActive()
    typing.stop()
    saver.shutdown()
    copy, _meta = recovery_paths(saver.session_id)
    assert load_project(copy).article.title == small_project.article.title


def test_saving_removes_the_recovery_copy(window, qtbot):
    _type(window, "Some words.")
    saver = window.data_safety.autosaver
    saver.flush()
    saver.wait()
    copy, meta = recovery_paths(saver.session_id)
    assert copy.exists()
    assert window.save()
    saver.wait()
    assert not copy.exists() and not meta.exists()
    assert not saver.is_scheduled()


def test_option_to_autosave_into_the_file_itself(window, qtbot, saved):
    window.settings.autosave_to_file = True
    section = _type(window, "Written straight to the file.")
    saver = window.data_safety.autosaver
    saver.flush()
    saver.wait()
    qtbot.waitUntil(lambda: not window.session.is_modified())
    assert _text(load_project(saved).article, section) == "Written straight to the file."
    assert len(list_backups(project_key(window.session.article))) == 1   # the old file kept
    saver.wait()
    assert not recovery_paths(saver.session_id)[0].exists()

    window.settings.autosave_to_file = False         # off again: the file is left alone
    before = saved.read_bytes()
    _type(window, " More.")
    saver.flush()
    saver.wait()
    qtbot.waitUntil(lambda: saver.last_result is not None and not saver.pending_changes())
    assert saved.read_bytes() == before and window.session.is_modified()


def test_the_setting_is_in_the_file_menu(window):
    action = window.data_safety.to_file_action
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    assert Settings().autosave_to_file          # remembered in the settings file
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    for text in ("Save a &version…", "Ve&rsions…", "&Backups…"):
        assert text in texts
    assert texts.index("&Backups…") < texts.index("&Close")


# --- another running copy ----------------------------------------------------------------------
@pytest.fixture
def other_app(saved):
    """Another running PiP Writer holding the file open."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    acquire(saved)
    data = json.loads(lock_file_for(saved).read_text(encoding="utf-8"))
    data["pid"] = child.pid
    data["process_started"] = process_start_time(child.pid)
    data["process_key"] = process_key(child.pid)
    lock_file_for(saved).write_text(json.dumps(data), encoding="utf-8")
    yield child
    child.kill()
    child.wait()


def test_file_open_in_another_running_copy_warns_and_can_be_left(controller, saved, other_app,
                                                                 qtbot):
    controller.dialogs.queue("confirm", False)
    window = controller.open_path(saved)
    title, text = controller.dialogs.asked[-1][1]
    assert title == "This article is already open" and "walking.pipw" in text
    qtbot.waitUntil(lambda: window not in controller.windows)
    assert read_lock(saved).pid == other_app.pid       # their lock is untouched


def test_file_open_in_another_running_copy_can_be_opened_anyway(controller, saved, other_app,
                                                                qtbot):
    controller.dialogs.queue("confirm", True)
    window = controller.open_path(saved)
    qtbot.addWidget(window)
    assert window in controller.windows
    assert read_lock(saved).pid != other_app.pid


# --- versions -------------------------------------------------------------------------------
def test_save_a_version_compare_and_restore_it(window, qtbot):
    section = _type(window, "The draft we sent.")
    window.dialogs.queue("text", "sent to my co-author for comments")
    version = window.data_safety.save_version()
    assert version.name == "sent to my co-author for comments"
    key = project_key(window.session.article)
    assert [v.name for v in list_versions(key)] == [version.name]

    _type(window, " Then we changed a lot more.")
    dialog = window.data_safety.show_versions()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert "The draft we sent." in dialog.view.toPlainText()      # read it, read-only
    assert dialog.view.isReadOnly()
    text = dialog.compare()
    assert f"{section.title}: changed (4 → 10 words)" in text

    window.dialogs.queue("confirm", True)
    assert dialog.restore()
    session = window.session
    session.sync()
    assert _text(session.article, section) == "The draft we sent."
    assert window.section_panel.editor.toPlainText().startswith("The draft we sent.")
    before = [b for b in list_backups(key) if "before restoring" in b.note]
    assert len(before) == 1                          # the text as it was is kept...
    session.undo_stack.undo()                         # ...and undo brings it back
    session.sync()
    assert _text(session.article, section) == "The draft we sent. Then we changed a lot more."


def test_a_version_saved_as_a_separate_copy(window, qtbot, tmp_path):
    window.data_safety.save_version("first")
    dialog = window.data_safety.show_versions()
    qtbot.addWidget(dialog)
    target = tmp_path / "copy.pipw"
    window.dialogs.queue("save", str(target))
    assert dialog.save_copy() == target
    copy = load_project(target)
    assert copy.article.title == window.session.article.title
    assert copy.article.id != window.session.article.id   # a separate article from now on


def test_deleting_a_version_asks_first(window, qtbot):
    window.data_safety.save_version("keep me")
    dialog = window.data_safety.show_versions()
    qtbot.addWidget(dialog)
    assert not dialog.delete()                       # no answer: not deleted
    window.dialogs.queue("confirm", True)
    assert dialog.delete()
    assert dialog.list.count() == 0 and "No versions yet" in dialog.view.toPlainText()


# --- backups ----------------------------------------------------------------------------------
def test_backups_listed_compared_and_restored(window, qtbot, saved):
    section = _type(window, "First saved text.")
    assert window.save()
    _type(window, " Second.")
    assert window.save()
    dialog = window.data_safety.show_backups()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2                  # the original file and the first save
    assert "walking.pipw" in dialog.list.item(0).text()
    dialog.select(0)
    assert "First saved text." in dialog.view.toPlainText()
    assert "changed (3 → 4 words)" in dialog.compare()
    window.dialogs.queue("confirm", True)
    assert dialog.restore()
    window.session.sync()
    assert _text(window.session.article, section) == "First saved text."
    assert window.session.is_modified()              # restored into the window, not the file
    assert _text(load_project(saved).article, section) == "First saved text. Second."


# --- failures: the text is never lost ---------------------------------------------------------
def test_file_removed_while_open(window, saved, tmp_path):
    section = _type(window, "Precious words.")
    saved.unlink()
    target = tmp_path / "somewhere else.pipw"
    window.dialogs.queue("save", str(target))
    assert window.save()
    title, text = window.dialogs.errors[-1]
    assert "no longer in" in text and "safe" in text
    assert _text(load_project(target).article, section) == "Precious words."
    assert window.session.path == target and not window.session.is_modified()


def test_usb_stick_pulled_out(controller, qtbot, small_project, tmp_path):
    stick = tmp_path / "USB"
    stick.mkdir()
    path = save_project(small_project, stick / "walking.pipw")
    window = controller.open_path(path)
    qtbot.addWidget(window)
    section = _type(window, "Written on the train.")
    shutil.rmtree(stick)
    assert not window.save()                          # the user cancels the question
    title, text = window.dialogs.errors[-1]
    assert "USB stick" in text and str(stick) in text
    assert window.session.is_modified()
    window.session.sync()
    assert _text(window.session.article, section) == "Written on the train."   # still here
    window.dialogs.queue("save", str(tmp_path / "rescued.pipw"))
    assert window.save()
    assert _text(load_project(tmp_path / "rescued.pipw").article, section) \
        == "Written on the train."


@pytest.mark.parametrize("number, words", [(errno.ENOSPC, "disk is full"),
                                           (errno.EROFS, "can only be read")])
def test_full_or_read_only_disk(window, saved, tmp_path, monkeypatch, number, words):
    section = _type(window, "Nearly lost.")
    before = saved.read_bytes()
    real = atomic.tempfile.mkstemp

    def refuse(*args, **kwargs):
        if kwargs.get("dir") == saved.parent:
            raise OSError(number, "refused")
        return real(*args, **kwargs)
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    other = tmp_path / "elsewhere"
    other.mkdir()
    window.dialogs.queue("save", str(other / "walking.pipw"))
    assert window.save()
    title, text = window.dialogs.errors[-1]
    assert title == "Could not save" and words in text and "another place" in text
    # advice that fits: room on the disk only when it is full, never "Save As" (the window
    # asks for another place itself), and "safe"/"still here" said once (found by a walk)
    assert ("room on the disk" in text) == (number == errno.ENOSPC)
    assert "Save As" not in text and "free some space" not in text
    assert text.count("safe") + text.count("still here") == 1
    assert saved.read_bytes() == before               # the old file is whole
    assert _text(load_project(other / "walking.pipw").article, section) == "Nearly lost."


def test_autosave_never_overwrites_a_newer_save_of_the_file(window, saved, small_project):
    """A snapshot taken before the file changed (saved again, or by another program) is kept
    only as a recovery copy; the newer file is left as it is."""
    from pipwriter.ui.autosave import write_snapshot
    window.settings.autosave_to_file = True
    section = _type(window, "Older text.")
    saver = window.data_safety.autosaver
    snapshot = saver.snapshot()
    assert snapshot.to_file and snapshot.file_state is not None
    small_project.article.title = "Saved in the meantime"
    save_project(small_project, saved)
    result = write_snapshot(snapshot, saver.session_id)
    assert result.ok and not result.wrote_file
    assert load_project(saved).article.title == "Saved in the meantime"
    assert _text(load_project(result.entry.copy_path).article, section) == "Older text."


def test_the_lock_follows_save_as(window, saved, tmp_path):
    target = tmp_path / "new name.pipw"
    window.dialogs.queue("save", str(target))
    assert window.save_as()
    assert not lock_file_for(saved).exists()
    assert read_lock(target) is not None and read_lock(target).path == str(target.resolve())


def test_the_versions_window_says_some_were_kept_for_the_user(window, qtbot):
    """A version kept when a copy was sent is listed; the window does not say every version
    was kept with File › Save a version… (found by a walk: all it listed were kept for the
    user, on sending and merging)."""
    from PySide6.QtWidgets import QLabel

    from pipwriter.model.storage.versions import save_project_version
    save_project_version(window.session.project, "sent to Bethan Lloyd", 10)
    dialog = window.data_safety.show_versions()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "sent to Bethan Lloyd" in dialog.list.item(0).text()
    intro = next(label.text() for label in dialog.findChildren(QLabel)
                 if label.text().startswith("Versions of the article"))
    assert "those PiP Writer kept for you when you sent a copy" in intro
