"""A lock marks an open project; a second running copy is warned, a crashed one is recognised."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from pipwriter.model.storage import locks
from pipwriter.model.storage.locks import (
    ProjectLockedError,
    acquire,
    holder,
    lock_file_for,
    pid_alive,
    read_lock,
)
from pipwriter.model.storage.process_identity import process_key, process_start_time
from pipwriter.paths import data_dir


def dead_pid() -> int:
    """The id of a process that has finished (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def as_process(pid):
    """What a lock written by process ``pid`` says about it."""
    return {"pid": pid, "process_started": process_start_time(pid),
            "process_key": process_key(pid)}


def _rewrite(path, **changes):
    lock_file = lock_file_for(path)
    data = json.loads(lock_file.read_text(encoding="utf-8"))
    data.update(changes)
    lock_file.write_text(json.dumps(data), encoding="utf-8")


def test_lock_records_pid_host_path_and_time(tmp_path):
    path = tmp_path / "a.pipw"
    lock = acquire(path)
    lock_file = lock_file_for(path)
    assert lock_file.parent == data_dir() / "locks"
    assert len(lock_file.stem) == 64                       # sha256 of the resolved path
    data = json.loads(lock_file.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid()
    assert data["host"] == locks.host_name()
    assert data["path"] == str(path.resolve())
    assert data["started"].endswith("+00:00")
    assert holder(path) is None                            # our own lock is no obstacle
    lock.release()
    assert not lock_file.exists()


def test_same_file_by_another_name_has_the_same_lock(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert lock_file_for("../a.pipw") == lock_file_for(tmp_path / "a.pipw")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "sub")
    assert lock_file_for(link / "b.pipw") == lock_file_for(tmp_path / "sub" / "b.pipw")
    assert lock_file_for(tmp_path / "a.pipw") != lock_file_for(tmp_path / "b.pipw")


def test_lock_of_a_running_process_is_respected(tmp_path, sleeper):
    path = tmp_path / "a.pipw"
    acquire(path)
    _rewrite(path, **as_process(sleeper.pid))
    found = holder(path)
    assert found is not None and found.pid == sleeper.pid
    with pytest.raises(ProjectLockedError) as caught:
        acquire(path)
    assert "a.pipw" in str(caught.value) and "already open" in str(caught.value)
    assert caught.value.holder.pid == sleeper.pid
    assert read_lock(path).pid == sleeper.pid               # refusing changed nothing


def test_open_anyway_takes_over_and_the_other_release_leaves_it(tmp_path, sleeper):
    path = tmp_path / "a.pipw"
    theirs = acquire(path)
    _rewrite(path, **as_process(sleeper.pid))
    ours = acquire(path, force=True)
    assert read_lock(path).pid == os.getpid()
    theirs.release()                     # the other window closing must not remove our lock
    assert ours.held() and lock_file_for(path).exists()
    ours.release()
    assert not lock_file_for(path).exists()


def test_lock_of_a_dead_process_is_stale_and_replaced(tmp_path):
    path = tmp_path / "a.pipw"
    acquire(path)
    _rewrite(path, pid=dead_pid())
    assert read_lock(path).is_stale()
    assert holder(path) is None
    lock = acquire(path)                                    # no question asked
    assert read_lock(path).pid == os.getpid() and lock.held()


def test_lock_from_another_computer_is_never_guessed_stale(tmp_path):
    path = tmp_path / "a.pipw"
    acquire(path)
    _rewrite(path, pid=dead_pid(), host="some-other-laptop")
    found = holder(path)
    assert found is not None and "some-other-laptop" in found.describe()
    with pytest.raises(ProjectLockedError):
        acquire(path)


def test_damaged_lock_file_does_not_block(tmp_path):
    path = tmp_path / "a.pipw"
    lock_file_for(path).write_text("{half a lock", encoding="utf-8")
    assert read_lock(path) is None and holder(path) is None
    acquire(path)
    assert read_lock(path).pid == os.getpid()


def test_pid_alive():
    assert pid_alive(os.getpid())
    assert not pid_alive(dead_pid())
    assert not pid_alive(0) and not pid_alive(-5)


def test_windows_check_is_conservative_where_it_cannot_look():
    if os.name == "nt":
        assert locks._windows_pid_alive(os.getpid())
    else:                      # no kernel32 here: unsure means "alive", never a stolen lock
        assert locks._windows_pid_alive(dead_pid())


def test_lock_held_by_another_process_then_it_crashes(tmp_path):
    """A real second process takes the lock; while it runs we are refused; once it is killed
    the lock is recognised as stale."""
    path = tmp_path / "a.pipw"
    script = textwrap.dedent(f"""
        import sys, time
        from pipwriter.model.storage.locks import acquire
        acquire({str(path)!r})
        print("locked", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(ProjectLockedError):
            acquire(path)
    finally:
        child.kill()
        child.wait()
    assert holder(path) is None
    acquire(path)
    assert read_lock(path).pid == os.getpid()


# --- telling a process from a later one with the same id ----------------------------------------
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads start times from /proc")


@linux_only
def test_start_time_of_a_process_and_of_none():
    import time
    before = time.time()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        started = process_start_time(child.pid)
        assert started is not None and before - 2 <= started <= time.time() + 2
        assert process_start_time(child.pid) == started           # the same every time
    finally:
        child.kill()
    deadline = time.monotonic() + 10
    while not locks.is_zombie(child.pid) and time.monotonic() < deadline:
        time.sleep(0.01)                              # the signal takes a moment to land
    assert locks.is_zombie(child.pid)                 # ended, not reaped yet…
    assert process_start_time(child.pid) is None
    assert not locks.owner_alive(child.pid, locks.host_name())   # …so not running
    child.wait()
    assert process_start_time(child.pid) is None


@linux_only
def test_lock_whose_id_now_belongs_to_another_process_is_stale(tmp_path, sleeper):
    """After a crash (or a restart of the computer) another process can get the same id."""
    path = tmp_path / "a.pipw"
    acquire(path)
    _rewrite(path, pid=sleeper.pid, process_started=process_start_time(sleeper.pid) - 3600,
             process_key="an-earlier-boot/1")
    assert read_lock(path).is_stale() and holder(path) is None
    acquire(path)                                     # taken over without a question
    assert read_lock(path).pid == os.getpid()


@linux_only
def test_our_own_id_from_an_earlier_run_is_not_ours(tmp_path):
    path = tmp_path / "a.pipw"
    acquire(path)
    _rewrite(path, process_started=process_start_time(os.getpid()) - 3600,
             process_key="an-earlier-boot/1")
    info = read_lock(path)
    assert info.pid == os.getpid() and not info.is_ours() and info.is_stale()


def test_old_locks_without_a_start_time_still_work(tmp_path, sleeper):
    path = tmp_path / "a.pipw"
    acquire(path)
    _rewrite(path, pid=sleeper.pid, process_started=None, process_key=None)
    assert holder(path).pid == sleeper.pid            # the id alone: running, so respected
