"""Crash recovery driven through the real windows: edit, autosave, "crash", start again, then
restore, compare or discard what was kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fake_dialogs import FakeDialogs
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from test_locks import dead_pid

from pipwriter.model.storage.backups import list_backups
from pipwriter.model.storage.history_store import project_key
from pipwriter.model.storage.locks import lock_file_for, read_lock
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.recovery import find_recoveries, recovery_paths
from pipwriter.ui.app_controller import AppController
from pipwriter.ui.data_safety import check_recoveries

TYPED = "I was nervous at first but the nurses listened."


def _controller(qtbot) -> AppController:
    controller = AppController(FakeDialogs())
    qtbot.addWidget(controller.start)
    return controller


@pytest.fixture
def controllers(qtbot):
    made = []

    def make():
        made.append(_controller(qtbot))
        return made[-1]
    yield make
    for controller in made:
        for window in list(controller.windows):
            window.session.set_modified(False)
            window.close()


@pytest.fixture
def saved(tmp_path, small_project):
    return save_project(small_project, tmp_path / "walking.pipw")


def _type(qtbot, window, text, section_index=0):
    section = window.session.article.sections[section_index]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)
    return section


def _autosave(qtbot, window):
    autosaver = window.data_safety.autosaver
    autosaver.last_result = None
    assert autosaver.flush()
    autosaver.wait()
    qtbot.waitUntil(lambda: autosaver.last_result is not None)
    assert autosaver.last_result.ok, autosaver.last_result.message
    return autosaver.last_result.entry


def _crash(window):
    """The app dies: nothing is cleaned up, and its process is gone (its window with it)."""
    safety = window.data_safety
    safety.shutdown(clean=False)
    window.hide()
    copy, meta_path = recovery_paths(safety.autosaver.session_id)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["pid"] = dead_pid()
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    if window.session.path is not None and lock_file_for(window.session.path).exists():
        lock = json.loads(lock_file_for(window.session.path).read_text(encoding="utf-8"))
        lock["pid"] = meta["pid"]
        lock_file_for(window.session.path).write_text(json.dumps(lock), encoding="utf-8")
    return copy


def _edit_and_crash(controllers, qtbot, saved):
    first = controllers()
    window = first.open_path(saved)
    qtbot.addWidget(window)
    assert read_lock(saved).pid == os.getpid()            # the open file is marked
    section = _type(qtbot, window, TYPED)
    assert window.data_safety.autosaver.is_scheduled()    # typing schedules an autosave
    _autosave(qtbot, window)
    return section, _crash(window)


def test_autosave_keeps_a_copy_and_never_touches_the_file(controllers, qtbot, saved):
    before = saved.read_bytes(), saved.stat().st_mtime_ns
    window = controllers().open_path(saved)
    qtbot.addWidget(window)
    section = _type(qtbot, window, TYPED)
    entry = _autosave(qtbot, window)
    assert load_project(entry.copy_path).article.section(section.id).body.plain_text() == TYPED
    assert (saved.read_bytes(), saved.stat().st_mtime_ns) == before
    assert window.session.is_modified()
    assert "kept safe" in window.data_safety.status.text()
    assert find_recoveries() == []                        # ours, and we are still running


def test_crash_then_restore(controllers, qtbot, saved):
    section, copy = _edit_and_crash(controllers, qtbot, saved)
    assert [e.copy_path for e in find_recoveries()] == [copy]

    second = controllers()
    second.dialogs.queue("recovery", ["restore"])
    done = check_recoveries(second)
    assert [action for _e, action in done] == ["restore"]
    window = second.windows[0]
    qtbot.addWidget(window)
    session = window.session
    assert session.path == saved and session.is_modified()
    assert session.article.section(section.id).body.plain_text() == TYPED
    assert second.dialogs.errors == []                    # the stale lock was simply replaced
    assert read_lock(saved).pid == os.getpid()
    assert find_recoveries() == []                        # the copy now belongs to this window
    assert copy.exists()

    assert window.save()
    window.data_safety.autosaver.wait()
    assert load_project(saved).article.section(section.id).body.plain_text() == TYPED
    assert not copy.exists()                              # saved: the copy is gone
    backups = list_backups(project_key(session.article))
    assert len(backups) == 1                              # the file before the restore
    assert load_project(backups[0].path).article.section(section.id).body.plain_text() == ""


def test_two_sets_of_unsaved_work_for_one_file_never_overwrite_each_other(controllers, qtbot,
                                                                         saved):
    """Found by a walk: both restored into windows on the one file, and saving either wrote
    over the other's work without a word. The second now opens as an untitled copy."""
    first_section, first_copy = _edit_and_crash(controllers, qtbot, saved)
    again = controllers()
    window = again.open_path(saved)                       # opened again, typed, crashed again
    qtbot.addWidget(window)
    _type(qtbot, window, "Second thoughts.", section_index=1)
    _autosave(qtbot, window)
    _crash(window)
    assert len(find_recoveries()) == 2

    third = controllers()
    third.dialogs.queue("recovery", ["restore", "restore"])
    assert [action for _e, action in check_recoveries(third)] == ["restore", "restore"]
    for restored in third.windows:
        qtbot.addWidget(restored)
    paths = [w.session.path for w in third.windows]
    assert sorted(paths, key=str) == sorted([saved, None], key=str)   # one on the file, one not
    copy = next(w for w in third.windows if w.session.path is None)
    assert copy.session.is_modified()
    assert "open in another window" in copy.statusBar().currentMessage()
    assert "walking.pipw" in copy.statusBar().currentMessage()
    # and Save as… onto that file is refused while the other window has it open (a walk saved
    # the copy over it, then the other window over the copy, each without a word)
    before = saved.read_bytes()
    third.dialogs.queue("save", saved)
    copy.show()
    assert not copy.save_as()
    assert "open in another window" in third.dialogs.errors[-1][1]
    kind, (suggested,) = third.dialogs.asked[-1]        # offered beside the original file
    assert kind == "save" and Path(suggested).parent == saved.parent
    assert saved.read_bytes() == before and copy.session.path is None


def test_crash_then_compare_then_discard(controllers, qtbot, saved):
    section, copy = _edit_and_crash(controllers, qtbot, saved)
    before = saved.read_bytes()
    second = controllers()
    second.dialogs.queue("recovery", ["compare"], ["discard"])
    done = check_recoveries(second)
    assert [action for _e, action in done] == ["discard"]
    title, text = second.dialogs.infos[0]
    assert title == "What is different"
    assert f"{section.title}: changed (0 → 9 words)" in text
    other = second.windows                                # nothing was opened
    assert other == []
    assert not copy.exists() and find_recoveries() == []
    assert saved.read_bytes() == before


def test_decide_later_keeps_the_copy(controllers, qtbot, saved):
    _section, copy = _edit_and_crash(controllers, qtbot, saved)
    second = controllers()
    assert [a for _e, a in check_recoveries(second)] == ["later"]   # no answer: later
    assert copy.exists() and len(find_recoveries()) == 1
    third = controllers()
    third.dialogs.queue("recovery", ["discard"])
    check_recoveries(third)
    assert find_recoveries() == []


def test_never_saved_article_is_recovered(controllers, qtbot, small_project):
    first = controllers()
    window = first._window_for(Project(small_project.article))
    qtbot.addWidget(window)
    window.session.set_modified(True)
    section = _type(qtbot, window, TYPED, 1)
    _autosave(qtbot, window)
    _crash(window)
    second = controllers()
    found = find_recoveries()
    assert len(found) == 1 and found[0].original is None
    second.dialogs.queue("recovery", ["compare"], ["restore"])
    check_recoveries(second)
    assert "never saved" in second.dialogs.infos[0][1]
    restored = second.windows[0]
    qtbot.addWidget(restored)
    assert restored.session.path is None and restored.session.is_modified()
    assert restored.session.article.section(section.id).body.plain_text() == TYPED


def test_file_moved_after_the_crash(controllers, qtbot, saved, tmp_path):
    section, _copy = _edit_and_crash(controllers, qtbot, saved)
    saved.rename(tmp_path / "renamed by the cloud.pipw")
    second = controllers()
    second.dialogs.queue("recovery", ["restore"])
    check_recoveries(second)
    window = second.windows[0]
    qtbot.addWidget(window)
    # saving explains what happened and asks where to put it
    target = tmp_path / "safe place.pipw"
    second.dialogs.queue("save", str(target))
    assert window.save()
    assert "no longer" in second.dialogs.errors[-1][1]
    assert load_project(target).article.section(section.id).body.plain_text() == TYPED


def test_close_without_saving_discards_the_copy(controllers, qtbot, saved):
    window = controllers().open_path(saved)
    qtbot.addWidget(window)
    _type(qtbot, window, TYPED)
    entry = _autosave(qtbot, window)
    assert entry.copy_path.exists()
    window.dialogs.queue("unsaved", "discard")
    assert window.close()
    assert not entry.copy_path.exists() and not entry.meta_path.exists()
    assert not lock_file_for(saved).exists()              # the lock is released too


def test_cancelled_close_keeps_the_copy(controllers, qtbot, saved):
    window = controllers().open_path(saved)
    qtbot.addWidget(window)
    _type(qtbot, window, TYPED)
    entry = _autosave(qtbot, window)
    window.dialogs.queue("unsaved", "cancel")
    assert not window.close()
    window.data_safety.autosaver.wait()
    assert entry.copy_path.exists() and lock_file_for(saved).exists()


def test_recovery_dialog_offers_restore_compare_discard(qtbot, small_project, saved):
    from pipwriter.model.storage.recovery import RecoveryEntry
    from pipwriter.ui.recovery_dialog import RecoveryDialog
    entries = [RecoveryEntry("a" * 32, saved, saved, saved, "One", _now(), 1, "h"),
               RecoveryEntry("b" * 32, saved, saved, None, "Two", _now(), 1, "h")]
    compared = []
    dialog = RecoveryDialog(entries, lambda e: compared.append(e) or f"diff of {e.title}")
    qtbot.addWidget(dialog)
    assert [a for _e, a in dialog.choices()] == ["restore", "restore"]   # safe default
    from PySide6.QtWidgets import QPushButton
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Compare…"]
    buttons[1].click()
    assert compared == [entries[1]] and dialog.details.toPlainText() == "diff of Two"
    dialog.choose(0, "discard")
    assert [a for _e, a in dialog.choices()] == ["discard", "restore"]
    dialog.reject()
    assert [a for _e, a in dialog.choices()] == ["later", "later"]      # nothing is lost


def _now():
    import datetime as dt
    return dt.datetime.now(dt.timezone.utc)
