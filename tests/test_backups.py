"""Every save keeps the version it replaces; old backups thin out by age."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from pipwriter.model.article.media import Illustration, MediaRef
from pipwriter.model.storage import safe_save
from pipwriter.model.storage.backups import (
    MAX_BACKUPS,
    backup_file,
    backup_folder,
    choose_kept,
    list_backups,
    open_backup,
    thin_backups,
)
from pipwriter.model.storage.history_store import project_key, stamp
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.safe_save import save_with_backup
from pipwriter.paths import backups_dir

UTC = dt.timezone.utc


def test_each_save_keeps_the_version_it_replaces(tmp_path, small_project):
    path = tmp_path / "walking.pipw"
    key = project_key(small_project.article)
    save_with_backup(small_project, path)
    assert list_backups(key) == []                      # nothing was replaced
    first = path.read_bytes()
    small_project.article.title = "Second"
    save_with_backup(small_project)
    small_project.article.title = "Third"
    save_with_backup(small_project)
    backups = list_backups(key)
    assert [b.path.parent for b in backups] == [backups_dir() / key] * 2
    assert backups[0].taken_at > backups[1].taken_at   # newest first
    assert backups[1].path.read_bytes() == first
    assert [open_backup(b).article.title for b in backups] == ["Second", "Walking together"]
    assert open_backup(backups[0]).path is None         # never saved over by accident
    assert load_project(path).article.title == "Third"
    assert "walking.pipw" in backups[0].label()


def test_backups_follow_the_article_when_its_file_is_renamed(tmp_path, small_project):
    path = save_with_backup(small_project, tmp_path / "draft.pipw")
    save_with_backup(small_project)
    renamed = tmp_path / "final name.pipw"
    os.replace(path, renamed)
    project = load_project(renamed)
    project.article.title = "Renamed"
    save_with_backup(project)
    sources = [b.source for b in list_backups(project_key(small_project.article))]
    assert sources == [str(renamed), str(path)]


def test_saving_over_another_articles_file_backs_it_up_under_that_article(tmp_path,
                                                                          small_project,
                                                                          template):
    from pipwriter.model.article.factory import new_article
    from pipwriter.model.storage.project import Project
    other = Project(new_article(template, "Someone else's article", []))
    target = save_project(other, tmp_path / "other.pipw")
    save_with_backup(small_project, target)
    assert [open_backup(b).article.title for b in list_backups(project_key(other.article))] \
        == ["Someone else's article"]
    assert list_backups(project_key(small_project.article)) == []


def test_an_unchanged_file_is_not_backed_up_twice(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "a.pipw")
    key = project_key(small_project.article)
    assert backup_file(path, key) is not None
    assert backup_file(path, key) is None
    assert len(list_backups(key)) == 1


def test_min_interval_spaces_out_backups(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "a.pipw")
    key = project_key(small_project.article)
    backup_file(path, key, min_interval=600)
    save_project(small_project, path)                   # the file changed...
    assert backup_file(path, key, min_interval=600) is None   # ...but too soon
    assert backup_file(path, key) is not None


def test_backup_failing_never_stops_the_save(tmp_path, small_project, monkeypatch):
    path = save_project(small_project, tmp_path / "a.pipw")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(safe_save, "backup_file", full)
    small_project.article.title = "Kept anyway"
    save_with_backup(small_project, path)
    assert load_project(path).article.title == "Kept anyway"


def test_backups_hold_the_media_of_the_version(tmp_path, small_project):
    name = small_project.media.add_bytes(b"\x89PNG" + os.urandom(5000), "png")
    small_project.article.illustrations.append(Illustration(MediaRef(name)))
    path = save_with_backup(small_project, tmp_path / "a.pipw")
    original = small_project.media.read(name)
    small_project.article.illustrations.clear()
    save_with_backup(small_project, path)
    restored = open_backup(list_backups(project_key(small_project.article))[0])
    assert restored.missing_media() == [] and restored.media.read(name) == original


# --- thinning -------------------------------------------------------------------------------
NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def _every(minutes: int, days: int) -> list[dt.datetime]:
    count = days * 24 * 60 // minutes
    return [NOW - dt.timedelta(minutes=minutes * i) for i in range(count)]


def test_policy_keeps_recent_ones_and_thins_old_ones():
    times = _every(10, 60)                                # a backup every 10 minutes, 60 days
    kept = choose_kept([(t, 1000) for t in times], NOW, max_count=10_000, max_bytes=10**12)
    age = {t: NOW - t for t in kept}
    last_hour = [t for t in times if NOW - t < dt.timedelta(hours=1)]
    assert set(last_hour) <= kept                        # everything from the last hour
    day = [t for t in kept if dt.timedelta(hours=1) <= age[t] < dt.timedelta(days=1)]
    assert len({t.replace(minute=0) for t in day}) == len(day)   # one an hour
    assert 22 <= len(day) <= 24
    month = [t for t in kept if dt.timedelta(days=1) <= age[t] < dt.timedelta(days=30)]
    assert len({t.date() for t in month}) == len(month)          # one a day
    assert 28 <= len(month) <= 30
    older = [t for t in kept if age[t] >= dt.timedelta(days=30)]
    assert len({t.isocalendar()[:2] for t in older}) == len(older)   # one a week
    assert 4 <= len(older) <= 6
    assert max(times) in kept
    assert len(kept) < len(times) / 50


def test_policy_respects_count_and_size_limits_oldest_first():
    times = _every(60, 400)
    kept = choose_kept([(t, 1000) for t in times], NOW, max_count=20, max_bytes=10**12)
    assert len(kept) == 20 and max(times) in kept
    everything = choose_kept([(t, 1000) for t in times], NOW, max_count=10**6,
                             max_bytes=10**12)
    assert kept == set(sorted(everything, reverse=True)[:20])
    small = choose_kept([(t, 1000) for t in times], NOW, max_count=1000, max_bytes=5500)
    assert len(small) == 5
    huge = choose_kept([(NOW, 10**12)], NOW, max_count=1000, max_bytes=10)
    assert huge == {NOW}                                 # the newest is never removed


def test_thinning_removes_files_on_disk(tmp_path):
    key = "abc123"
    folder = backup_folder(key)
    times = [NOW - dt.timedelta(hours=h) for h in range(0, 24 * 40, 3)]
    for t in times:
        (folder / f"{stamp(t)}.pipw").write_bytes(b"PK")
        (folder / f"{stamp(t)}.json").write_text("{}", encoding="utf-8")
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    removed = thin_backups(key, NOW)
    left = list_backups(key)
    assert len(left) + len(removed) == len(times)
    assert {b.taken_at for b in left} == choose_kept([(t, 2) for t in times], NOW)
    for backup in removed:
        assert not backup.path.exists() and not backup.meta_path.exists()
    assert (folder / "notes.txt").exists()
    assert len(left) <= MAX_BACKUPS


@pytest.mark.parametrize("weird", ["../../escape", "a/b", "C:\\x", "x" * 300])
def test_project_key_is_always_a_plain_folder_name(weird):
    key = project_key(weird)
    assert "/" not in key and "\\" not in key and ".." not in key and len(key) <= 64
    assert (backups_dir() / key).resolve().parent == backups_dir().resolve()


def test_saving_clears_temporary_files_left_by_a_crash(tmp_path, small_project):
    import time
    path = save_with_backup(small_project, tmp_path / "a.pipw")
    torn = tmp_path / ".a.pipw.x1y2.tmp"             # what a save cut short leaves behind
    recent = tmp_path / ".a.pipw.z3.tmp"              # perhaps a save under way elsewhere
    other = tmp_path / ".b.pipw.q9.tmp"               # another article's
    for item in (torn, recent, other):
        item.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(torn, (old, old))
    os.utime(other, (old, old))
    save_with_backup(small_project, path)
    assert not torn.exists() and recent.exists() and other.exists()
