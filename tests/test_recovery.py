"""Recovery copies: written beside nothing of the user's, found after a crash, discarded."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time

import pytest
from test_locks import dead_pid

from pipwriter.model.article.media import Illustration, MediaRef
from pipwriter.model.storage.project_file import load_project, media_snapshot, save_project
from pipwriter.model.storage.recovery import (
    claim,
    discard_recovery,
    find_recoveries,
    load_recovery,
    new_session_id,
    write_recovery,
)
from pipwriter.paths import recovery_dir


def _write(project, session_id=None, text_only=False):
    session_id = session_id or new_session_id()
    article = project.article
    names = [] if text_only else sorted({r.name for r in article.media_refs()})
    return write_recovery(session_id, json.dumps(article.to_json()),
                          media_snapshot(project.media, names), names, article.template_id,
                          article.id, article.title, project.path)


def _orphan(entry, **changes):
    """Make an entry look as if its app crashed (its process has gone)."""
    data = json.loads(entry.meta_path.read_text(encoding="utf-8"))
    data.update({"pid": dead_pid()}, **changes)
    entry.meta_path.write_text(json.dumps(data), encoding="utf-8")


def test_recovery_copy_and_its_description(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    before = path.read_bytes()
    small_project.article.title = "Unsaved title"
    entry = _write(small_project)
    assert entry.copy_path.parent == recovery_dir()
    meta = json.loads(entry.meta_path.read_text(encoding="utf-8"))
    assert meta["original"] == str(path) and meta["title"] == "Unsaved title"
    assert meta["pid"] == os.getpid() and meta["host"] and meta["session"] == entry.session_id
    assert dt.datetime.fromisoformat(meta["saved_at"]).tzinfo is not None
    assert load_project(entry.copy_path).article.title == "Unsaved title"
    assert path.read_bytes() == before                      # the user's file is untouched
    assert [p for p in tmp_path.iterdir()] == [path]


def test_live_sessions_are_not_offered(small_project):
    _write(small_project)
    assert find_recoveries() == []


def test_orphan_of_a_crashed_session_is_found_and_restored(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    os.utime(path, (time.time() - 60, time.time() - 60))
    small_project.article.title = "Unsaved title"
    entry = _write(small_project)
    _orphan(entry)
    found = find_recoveries()
    assert [e.session_id for e in found] == [entry.session_id]
    assert found[0].original == path and found[0].newer_than_original()
    assert "Unsaved title" in found[0].describe() and "walking.pipw" in found[0].describe()
    project = load_recovery(found[0])
    assert project.article.title == "Unsaved title" and project.path == path


def test_orphan_the_same_as_its_file_is_not_offered_and_is_removed(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    entry = _write(small_project)
    _orphan(entry)
    future = time.time() + 3600
    os.utime(path, (future, future))                        # the file was saved afterwards
    assert find_recoveries() == []
    assert not entry.copy_path.exists() and not entry.meta_path.exists()


def test_a_file_saved_with_newer_work_is_never_undone_by_an_old_orphan(tmp_path,
                                                                        small_project):
    """Found by a walk: a copy kept "just in case" while it matched its file was offered once
    the file was saved with newer work, as "unsaved work" that took the newer work away."""
    path = save_project(small_project, tmp_path / "walking.pipw")
    entry = _write(small_project)           # a crash left a copy with nothing unsaved in it
    _orphan(entry)
    assert find_recoveries() == []          # the next start: nothing to offer, and it goes
    small_project.article.title = "Draft two"
    save_project(small_project, path)       # work saved since
    assert find_recoveries() == []          # not offered as "unsaved work" afterwards


def test_never_saved_and_vanished_files_are_offered(tmp_path, small_project):
    unsaved = _write(small_project)
    _orphan(unsaved)
    path = save_project(small_project, tmp_path / "gone.pipw")
    vanished = _write(small_project)
    _orphan(vanished)
    path.unlink()
    found = {e.session_id: e for e in find_recoveries()}
    assert set(found) == {unsaved.session_id, vanished.session_id}
    assert found[unsaved.session_id].original is None
    assert "never saved" in found[unsaved.session_id].describe()
    assert "no longer" in found[vanished.session_id].describe()


def test_copy_from_another_computer_is_left_alone(small_project):
    entry = _write(small_project)
    _orphan(entry, host="another-laptop")
    assert find_recoveries() == []


def test_discard_and_claim(small_project):
    first, second = _write(small_project), _write(small_project)
    _orphan(first)
    _orphan(second)
    discard_recovery(first)
    assert not first.copy_path.exists() and not first.meta_path.exists()
    claimed = claim(second)                                  # opened again in this process
    assert claimed.pid == os.getpid() and find_recoveries() == []


def test_rewriting_the_same_session_replaces_its_copy(small_project):
    entry = _write(small_project)
    small_project.article.title = "Later"
    again = _write(small_project, entry.session_id)
    assert again.copy_path == entry.copy_path
    assert load_project(again.copy_path).article.title == "Later"
    assert sorted(p.suffix for p in recovery_dir().iterdir()) == [".json", ".pipw"]


def test_text_only_copy_takes_pictures_from_the_original(tmp_path, small_project):
    name = small_project.media.add_bytes(b"\x89PNG" + os.urandom(2000), "png")
    small_project.article.illustrations.append(Illustration(MediaRef(name)))
    save_project(small_project, tmp_path / "a.pipw")
    small_project.article.title = "Unsaved title"            # the copy holds something new
    entry = _write(small_project, text_only=True)
    _orphan(entry)
    project = load_recovery(find_recoveries()[0])
    assert project.missing_media() == [] and project.warnings == []
    assert project.media.read(name) == small_project.media.read(name)


def test_broken_or_partial_leftovers_are_ignored_or_tidied(small_project):
    folder = recovery_dir()
    entry = _write(small_project)
    _orphan(entry)
    lone = folder / f"{new_session_id()}.json"               # a copy that was never written
    lone.write_text(json.dumps({"pid": 1, "saved_at": "2025-01-01T00:00:00+00:00"}))
    broken = folder / f"{new_session_id()}.json"
    broken.write_text("{not json")
    broken.with_suffix(".pipw").write_bytes(b"PK")
    (folder / "../recovery/notes.json").write_text("[]")
    temp = folder / ".abc.pipw.123.tmp"
    temp.write_bytes(b"half")
    os.utime(temp, (time.time() - 7200, time.time() - 7200))
    assert [e.session_id for e in find_recoveries()] == [entry.session_id]
    assert not lone.exists() and not temp.exists()


def test_session_ids_are_checked(small_project):
    with pytest.raises(ValueError):
        _write(small_project, "../../escape")
    discard_recovery("../../escape")                          # does nothing, never deletes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads start times from /proc")
def test_copy_is_offered_when_its_process_id_now_belongs_to_another_program(small_project):
    """A power cut, a restart, and some other program now has the id the crashed app had: the
    copy must still be offered (with the id alone it was silently skipped)."""
    from pipwriter.model.storage.process_identity import process_key, process_start_time
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        entry = _write(small_project)
        assert json.loads(entry.meta_path.read_text(encoding="utf-8"))["process_started"]
        started = process_start_time(other.pid)
        _orphan(entry, pid=other.pid, process_started=started,
                process_key=process_key(other.pid))
        assert find_recoveries() == []                   # that program wrote it: still running
        _orphan(entry, pid=other.pid, process_started=started - 3600,
                process_key="an-earlier-boot/1")
        assert [e.session_id for e in find_recoveries()] == [entry.session_id]
    finally:
        other.kill()
        other.wait()


def test_copy_is_offered_when_the_file_looks_newer_than_this_computers_clock(tmp_path,
                                                                              small_project):
    """A network share, a sync client or a time-zone change puts the file's time ahead of this
    computer's clock: the copy holds words the file does not, so it is still offered (when the
    times were compared it was silently skipped)."""
    path = save_project(small_project, tmp_path / "walking.pipw")
    small_project.article.title = "Unsaved title"
    entry = _write(small_project)
    _orphan(entry)
    future = time.time() + 3 * 3600
    os.utime(path, (future, future))
    found = find_recoveries()
    assert [e.session_id for e in found] == [entry.session_id]
    assert load_recovery(found[0]).article.title == "Unsaved title"


def test_copy_the_same_as_its_file_is_not_offered_even_if_the_file_looks_older(tmp_path,
                                                                                 small_project):
    """Saved, then the copy's removal was cut short: the same words are not offered back,
    whatever the times say."""
    path = save_project(small_project, tmp_path / "walking.pipw")
    entry = _write(small_project)
    _orphan(entry)
    past = time.time() - 3600
    os.utime(path, (past, past))
    assert find_recoveries() == []
    assert not entry.copy_path.exists()                     # it held nothing the file lacks


def test_restored_work_is_measured_against_the_file_as_its_window_knew_it(tmp_path,
                                                                         small_project):
    """Found by a walk: a window crashed with unsaved work; another window had saved more
    words into the file since. Restored and saved, the later words were gone without a
    question. The copy now keeps what the file held when its window read it, and saving the
    restored work finds the file changed (and offers to put the two together)."""
    from pipwriter.model.article.text import Paragraph, Run
    from pipwriter.model.storage.safe_save import changed_on_disk
    path = save_project(small_project, tmp_path / "walking.pipw")
    crashed = load_project(path)
    crashed.article.title = "Unsaved title"
    article = crashed.article
    entry = write_recovery(new_session_id(), json.dumps(article.to_json()),
                           media_snapshot(crashed.media, []), [], article.template_id,
                           article.id, article.title, path,
                           original_content=crashed.disk.content)
    _orphan(entry)
    [found] = find_recoveries()
    assert not changed_on_disk(load_recovery(found))        # nobody saved since: no question
    other = load_project(path)
    other.article.sections[0].body.paragraphs.append(Paragraph([Run("Saved later.")]))
    save_project(other, path)
    [found] = find_recoveries()
    restored = load_recovery(found)
    assert restored.article.title == "Unsaved title" and restored.path == path
    assert changed_on_disk(restored)


def test_a_window_keeps_what_its_file_held_with_each_recovery_copy(controller, qtbot,
                                                                   tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    window = controller.open_path(path)
    qtbot.addWidget(window)
    autosaver = window.data_safety.autosaver
    assert autosaver.snapshot().original_content == window.session.project.disk.content != ""
