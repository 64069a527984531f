"""Sets of unsaved work offered back after a crash can be told apart: each line gives the words
the set holds, as the window counts them, and where two are for one article, which was kept
last (a walk found two lines that differed only by a time, the same minute)."""

from __future__ import annotations

import json
import time

from test_locks import dead_pid

from pipwriter.model.article.article import Article
from pipwriter.model.article.text import RichText
from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import media_snapshot, save_project
from pipwriter.model.storage.recovery import find_recoveries, load_recovery, write_recovery
from pipwriter.model.storage.recovery_notes import recovery_lines


def _kept(project, session_id: str):
    """A recovery copy of ``project`` as it is now, left as if its app had crashed."""
    article = project.article
    entry = write_recovery(session_id, json.dumps(article.to_json()),
                           media_snapshot(project.media, []), [],
                           article.template_id, article.id, article.title, project.path)
    data = json.loads(entry.meta_path.read_text(encoding="utf-8"))
    data["pid"] = dead_pid()
    entry.meta_path.write_text(json.dumps(data), encoding="utf-8")
    return entry


def _words(entry) -> int:
    article = load_recovery(entry).article
    return count_article(article, get_template(article.template_id)).words_counted


def test_two_sets_for_one_article_say_their_words_and_which_was_kept_last(tmp_path,
                                                                         small_project):
    save_project(small_project, tmp_path / "walking.pipw")
    section = small_project.article.sections[0]
    section.body = RichText.from_plain("We walked every week.")
    _kept(small_project, "a" * 32)
    time.sleep(0.01)
    section.body = RichText.from_plain("We walked every week, and then twice a week in summer.")
    _kept(small_project, "b" * 32)
    entries = sorted(find_recoveries(), key=lambda e: e.session_id)
    assert [e.session_id[0] for e in entries] == ["a", "b"]
    older, newer = recovery_lines(entries)
    assert f" {_words(entries[0]):,} words." in older
    assert f" {_words(entries[1]):,} words." in newer
    assert _words(entries[1]) > _words(entries[0])
    assert older.endswith("Of the 2 kept for this article, this is an older one.")
    assert newer.endswith("Of the 2 kept for this article, this is the newest.")
    # the order of the list does not decide which is called the newest
    assert recovery_lines(entries[::-1]) == [newer, older]


def test_one_set_for_its_article_says_its_words_only(tmp_path, small_project):
    save_project(small_project, tmp_path / "walking.pipw")
    small_project.article.sections[0].body = RichText.from_plain("One two three.")
    entry = _kept(small_project, "c" * 32)
    other = Project(Article.from_json(small_project.article.to_json()))
    other.article.title = "Another article, never saved"
    _kept(other, "d" * 32)
    lines = recovery_lines(sorted(find_recoveries(), key=lambda e: e.session_id))
    assert lines[0] == f"{entry.describe()}. {_words(entry):,} words."
    assert "kept for this article" not in lines[1]


def test_a_copy_that_cannot_be_read_still_has_its_line(tmp_path, small_project):
    save_project(small_project, tmp_path / "walking.pipw")
    small_project.article.sections[0].body = RichText.from_plain("Typed before the crash.")
    entry = _kept(small_project, "e" * 32)
    entry.copy_path.write_bytes(b"not a zip file")
    [line] = recovery_lines([entry])
    assert line == entry.describe() + "."


def test_the_recovery_dialog_shows_each_sets_line(qtbot, tmp_path, small_project):
    from PySide6.QtWidgets import QLabel

    from pipwriter.ui.recovery_dialog import RecoveryDialog
    save_project(small_project, tmp_path / "walking.pipw")
    small_project.article.sections[0].body = RichText.from_plain("First go.")
    _kept(small_project, "f" * 32)
    time.sleep(0.01)
    small_project.article.sections[0].body = RichText.from_plain("Second go, longer.")
    _kept(small_project, "0" * 32)
    entries = find_recoveries()
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    for line in recovery_lines(entries):
        assert line in shown
    assert sum("this is the newest" in text for text in shown) == 1
