"""Setting the computer's clock never makes a running window look crashed.

Found by CI on a virtual machine resumed mid-run: Linux works a process's start time out from
the boot time, and the boot time moves when the clock is set. The app's own recovery copy was
then offered as "left by a crash" while the window was open, and its own lock taken for a stale
one. Here the boot time is moved as the clock being set would move it.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from pipwriter.model.storage import process_identity
from pipwriter.model.storage.locks import acquire, holder, lock_file_for, read_lock
from pipwriter.model.storage.project import remove_abandoned_media_folders
from pipwriter.model.storage.project_file import media_snapshot
from pipwriter.model.storage.recovery import find_recoveries, new_session_id, write_recovery

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the boot time is Linux's; Windows and macOS keep "
                                       "the start time itself")


@pytest.fixture
def set_clock(monkeypatch):
    """Move the clock by ``seconds`` (the boot time Linux reports moves with it)."""
    real = process_identity._boot_time

    def move(seconds: float) -> None:
        monkeypatch.setattr(process_identity, "_boot_time", lambda: real() + seconds)
    return move


def _write(project):
    article = project.article
    return write_recovery(new_session_id(), json.dumps(article.to_json()),
                          media_snapshot(project.media, []), [], article.template_id,
                          article.id, article.title, project.path)


@pytest.mark.parametrize("seconds", [-3600, -90, 90, 86400])
def test_own_recovery_copy_is_not_offered_after_the_clock_is_set(small_project, set_clock,
                                                                 seconds):
    entry = _write(small_project)
    set_clock(seconds)
    assert process_identity.process_start_time(os.getpid()) != pytest.approx(
        entry.process_started, abs=2)                   # the start time alone would say crashed
    assert entry.owner_alive()
    assert find_recoveries() == []


def test_own_lock_stays_ours_after_the_clock_is_set(tmp_path, set_clock):
    path = tmp_path / "a.pipw"
    acquire(path)
    set_clock(600)
    info = read_lock(path)
    assert info.is_ours() and not info.is_stale()
    assert holder(path) is None


def test_another_running_window_still_holds_its_file_after_the_clock_is_set(tmp_path,
                                                                            set_clock,
                                                                            sleeper):
    path = tmp_path / "a.pipw"
    acquire(path)
    lock_file = lock_file_for(path)
    data = json.loads(lock_file.read_text(encoding="utf-8"))
    data.update(pid=sleeper.pid,
                process_started=process_identity.process_start_time(sleeper.pid),
                process_key=process_identity.process_key(sleeper.pid))
    lock_file.write_text(json.dumps(data), encoding="utf-8")
    set_clock(-600)
    assert holder(path) is not None and holder(path).pid == sleeper.pid


def test_private_media_folder_of_a_running_window_is_kept_after_the_clock_is_set(
        tmp_path, small_project, set_clock):
    folder = small_project.keep_media_private(tmp_path / "open")
    assert folder is not None and folder.is_dir()
    set_clock(3600)
    remove_abandoned_media_folders(tmp_path / "open")
    assert folder.is_dir()


def test_a_process_given_the_same_id_later_is_still_told_apart(tmp_path, sleeper):
    """The key decides where it is recorded: an id now held by another program is not ours."""
    path = tmp_path / "a.pipw"
    acquire(path)
    lock_file = lock_file_for(path)
    data = json.loads(lock_file.read_text(encoding="utf-8"))
    assert data["process_key"] == process_identity.process_key(os.getpid())
    data.update(pid=sleeper.pid)        # what we recorded is not that program's start
    lock_file.write_text(json.dumps(data), encoding="utf-8")
    assert read_lock(path).is_stale() and holder(path) is None
