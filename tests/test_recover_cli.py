"""`pipwriter recover`: the unsaved work kept for an article, listed and written out without a
window; a word that is neither a command nor a file is refused in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from test_locks import dead_pid

from pipwriter.model.article.text import RichText
from pipwriter.model.storage.journal import JournalWriter, journal_path
from pipwriter.model.storage.project_file import load_project, media_snapshot, save_project
from pipwriter.model.storage.recovery import meta_for, new_session_id, write_recovery


def _cli(*args, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "pipwriter", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env)


def _kept(project, session_id=None, crashed=True):
    """A recovery copy of ``project`` as the app keeps it (by a crashed app, by default)."""
    session_id = session_id or new_session_id()
    article = project.article
    names = sorted({r.name for r in article.media_refs()})
    entry = write_recovery(session_id, json.dumps(article.to_json()),
                           media_snapshot(project.media, names), names, article.template_id,
                           article.id, article.title, project.path)
    if crashed:
        data = json.loads(entry.meta_path.read_text(encoding="utf-8"))
        data["pid"] = dead_pid()
        entry.meta_path.write_text(json.dumps(data), encoding="utf-8")
    return entry


def test_recover_lists_the_copies_and_how_they_differ(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    first = small_project.article.sections[0]
    first.body = RichText.from_plain("We met every month in the community centre.")
    older = _kept(small_project)
    time.sleep(0.01)
    small_project.article.sections[1].body = RichText.from_plain("Two new words.")
    _kept(small_project)
    result = _cli("recover", path, "--list")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("1. kept at") < out.index("2. kept at")
    assert "left by a crash" in out and "“Walking together”" in out
    assert f"{first.title}: +8 / -0 words" in out
    assert f"{small_project.article.sections[1].title}: +3 / -0 words" in out
    assert "words" in out.splitlines()[2]
    assert load_project(path).article.sections[0].body.plain_text() == ""   # untouched
    assert older.copy_path.exists()


def test_recover_writes_the_newest_or_a_chosen_copy_as_an_ordinary_file(tmp_path,
                                                                        small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    section = small_project.article.sections[0]
    section.body = RichText.from_plain("The older unsaved text.")
    _kept(small_project)
    time.sleep(0.01)
    section.body = RichText.from_plain("The newest unsaved text.")
    _kept(small_project)
    result = _cli("recover", path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "walking (recovered).pipw"
    assert str(written) in result.stdout
    assert load_project(written).article.sections[0].body.plain_text() == \
        "The newest unsaved text."
    out = tmp_path / "older.pipw"
    assert _cli("recover", path, "--number", "2", "--out", out).returncode == 0
    assert load_project(out).article.sections[0].body.plain_text() == "The older unsaved text."
    again = _cli("recover", path, "--out", out)                 # never overwrites
    assert again.returncode == 2 and "already exists" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert _cli("recover", path, "--number", "5").returncode == 2


def test_recover_includes_the_journal_typed_after_the_last_copy(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    article = small_project.article
    session_id = new_session_id()
    meta = meta_for(session_id, path, article.title, article.id)
    meta["pid"] = dead_pid()
    article.sections[0].body = RichText.from_plain("Typed just before the crash.")
    copy = tmp_path / "unused"
    from pipwriter.model.storage.recovery import recovery_paths
    copy, _meta = recovery_paths(session_id)
    writer = JournalWriter(journal_path(copy))
    writer.append({"seq": 1, "at": time.time(), "kind": "full", "article": article.to_json(),
                   "meta": meta})
    result = _cli("recover", path, "--list")
    assert result.returncode == 0, result.stderr
    assert "journal only" in result.stdout and "+5 / -0 words" in result.stdout
    out = tmp_path / "back.pipw"
    assert _cli("recover", path, "--out", out).returncode == 0
    assert load_project(out).article.sections[0].body.plain_text() == \
        "Typed just before the crash."


def test_recover_with_nothing_kept(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    listed = _cli("recover", path, "--list")
    assert listed.returncode == 0 and "No unsaved work is kept" in listed.stdout
    written = _cli("recover", path)
    assert written.returncode == 2 and written.stdout == ""
    assert len(written.stderr.strip().splitlines()) == 1


def test_recover_help_is_help_not_a_window():
    result = _cli("recover", "--help")
    assert result.returncode == 0 and "--list" in result.stdout and "--out" in result.stdout


def test_an_unknown_command_word_is_refused_in_one_line(tmp_path):
    """Not a command and not a file: one line and exit 2 (it used to open the app's window on a
    file of that name)."""
    for word in ("frobnicate", "recovr", str(tmp_path / "missing.pipw")):
        result = _cli(word, timeout=30)
        assert result.returncode == 2, (word, result.stderr)
        assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert "not a command" in _cli("frobnicate", timeout=30).stderr
