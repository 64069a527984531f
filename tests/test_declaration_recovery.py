"""Answers given in a competing-interests wizard are safe while it is still open.

The wizard works on its own copy of one author's answers, which reaches the article only when
it closes. Until then the recovery journal keeps those answers (``ui/field_typing.py``
``hold_declaration``, the ``fields`` line's ``declaration`` items in
``model/storage/journal.py``), and recovering after a crash gives them to the author as "Save
and finish later" would have (``model/article/field_text.py`` ``set_declaration``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from coauthor_support import open_window
from kill_support import kill_once_used, recovered

from pipwriter.model.article.field_text import (
    declaration_place,
    set_declaration,
    with_typed_fields,
)
from pipwriter.model.interests.disclosure import Disclosure, DisclosureEntry
from pipwriter.model.storage.journal import typed_declarations, typed_fields
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.recovery import all_entries, load_recovery
from pipwriter.ui.disclosure_host import run_disclosure_wizard

ROOT = Path(__file__).resolve().parent.parent


def _answers(*entries: tuple[int, str, str]) -> Disclosure:
    """Every question answered "None" except those given an entry (number, who, what)."""
    disclosure = Disclosure()
    for number in range(1, 14):
        disclosure.item(number).answer = "none"
    for number, who, what in entries:
        item = disclosure.item(number)
        item.answer = "entries"
        item.entries.append(DisclosureEntry(who, what))
    return disclosure


def _line(seq, kind, **rest):
    return {"seq": seq, "at": 0.0, "kind": kind, **rest}


# --- the journal and the model -------------------------------------------------------------------
def test_the_last_fields_line_gives_the_open_wizards_answers():
    held = _answers((2, "NIHR", "a grant")).to_json()
    place = declaration_place("author-1").to_json()
    lines = [_line(1, "full", article={}),
             _line(2, "fields", fields=[{"where": place, "declaration": {"items": {}}}]),
             _line(3, "fields", fields=[{"where": place, "declaration": held},
                                        {"where": {"panel": "title", "field": "standfirst"},
                                         "text": "half a sentence"}])]
    assert typed_declarations(lines, 0) == [(place, held)]          # the last line's
    assert typed_fields(lines, 0) == [({"panel": "title", "field": "standfirst"},
                                       "half a sentence")]          # each kind apart
    assert typed_declarations(lines + [_line(4, "full", article={})], 0) == []   # applied
    assert typed_declarations(lines, 3) == []                    # a copy holds it all
    damaged = [_line(5, "fields", fields=[{"where": place, "declaration": "not an object"},
                                          {"where": "nowhere", "declaration": held}])]
    assert typed_declarations(lines + damaged, 0) == []


def test_recovering_gives_the_author_the_answers_and_leaves_out_what_cannot_be_read(
        small_project, caplog):
    caplog.set_level(logging.INFO)
    article = small_project.article
    author = article.authors[0]
    held = _answers((5, "Acme Pharma", "speaker fee"))
    place = declaration_place(author.id).to_json()
    with_typed_fields(article, [], [(place, held.to_json())])
    assert author.disclosure.to_json() == held.to_json()
    assert not author.disclosure.is_certified()

    before = author.disclosure.to_json()
    assert not set_declaration(article, declaration_place("gone"), held.to_json())
    assert not set_declaration(article, declaration_place(author.id), ["not", "answers"])
    wrong_answer = {"items": {"1": {"answer": "maybe", "entries": []}}}
    with_typed_fields(article, [], [(place, wrong_answer)])
    assert author.disclosure.to_json() == before                  # nothing half-applied
    assert "not recovered" in caplog.text


# --- the app: a wizard open in a window ---------------------------------------------------------
@pytest.fixture
def opened(controller, qtbot, tmp_path, small_project):
    window = open_window(controller, qtbot, small_project, tmp_path)
    window.show()
    return window


def _recovered(path):
    """What recovering the window's copy would give now, or None when nothing is offered."""
    found = [e for e in all_entries() if e.original == path and e.differs_from_original()]
    return load_recovery(found[0]).article if found else None


def _answer_first_questions(wizard) -> None:
    """Through the real pages: the full path, question 1 "None", question 2 an entry."""
    wizard.show()                       # as the window's run_dialog does
    wizard.next()
    first, second = wizard.item_pages[0], wizard.item_pages[1]
    first.none_radio.setChecked(True)
    wizard.next()
    second.yes_radio.setChecked(True)
    second.editor.who_edit.setText("NIHR")
    second.editor.what_edit.setText("evaluation of the clinic")


def test_answers_in_an_open_wizard_reach_the_journal_and_leave_it_when_cancelled(opened, qtbot):
    window = opened
    author_id = window.session.article.authors[0].id
    saver = window.data_safety.autosaver
    seen: dict = {}

    def drive(wizard) -> bool:
        _answer_first_questions(wizard)
        assert not window.session.is_modified()     # the article has not changed...
        qtbot.waitUntil(saver.journal_scheduled, timeout=3000)     # ...the journal will
        saver.append_journal()
        saver.wait()
        seen["while open"] = _recovered(window.session.path)
        wizard.reject()
        return False                                # then: Cancel without saving

    window.run_dialog = drive
    assert not run_disclosure_wizard(window, author_id)
    during = seen["while open"]
    assert during is not None, "nothing would be offered while the wizard was open"
    answers = during.author(author_id).disclosure
    assert answers.item(1).answer == "none"
    assert answers.item(2).answer == "entries"
    assert [(e.entity, e.what) for e in answers.item(2).entries] == \
        [("NIHR", "evaluation of the clinic")]
    assert answers.item(3).answer == ""             # not answered yet: left unanswered

    # cancelled: the answers were not kept, so a crash now gives nothing back
    qtbot.waitUntil(saver.journal_scheduled, timeout=3000)
    saver.append_journal()
    saver.wait()
    assert _recovered(window.session.path) is None
    assert window.data_safety.field_typing.pending() == []


def test_a_wizard_left_unchanged_adds_nothing_to_the_journal(opened, qtbot):
    window = opened
    saver = window.data_safety.autosaver

    def drive(wizard) -> bool:
        wizard.show()
        wizard.next()
        qtbot.wait(1200)                            # a look round, nothing answered
        assert window.data_safety.field_typing.pending() == []
        assert not saver.append_journal()
        wizard.reject()
        return False

    window.run_dialog = drive
    run_disclosure_wizard(window, window.session.article.authors[0].id)


# --- the real app, killed while the wizard is open -----------------------------------------------
ANSWER_IN_THE_WIZARD = """
def use(window):
    window.open_panel("competing_interests")
    panel = window.panels["competing_interests"]
    QTimer.singleShot(100, answer)
    panel.buttons[window.session.article.authors[0].id].click()     # opens the wizard

def answer():
    wizard = QApplication.activeModalWidget()
    if wizard is None:
        QTimer.singleShot(50, answer)
        return
    wizard.next()
    wizard.item_pages[0].yes_radio.setChecked(True)
    editor = wizard.item_pages[0].editor
    editor.who_edit.setText({who!r})
    editor.what_edit.setText({what!r})
    print("answered", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_killed_with_the_wizard_open_the_answers_come_back(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    who, what = "Heart Research Fund", "a grant for the clinic"
    env = dict(os.environ, PIPWRITER_USER_DIR=str(tmp_path / "user"), QT_QPA_PLATFORM="offscreen")
    # the answers are looked at every second, then journaled
    kill_once_used(ANSWER_IN_THE_WIZARD.format(who=who, what=what), path, env, "answered", 4.0)
    assert not load_project(path).article.authors[0].disclosure.is_started()   # never saved
    item = "article.authors[0].disclosure.item(1)"
    assert recovered(env, f"[{item}.answer, [[e.entity, e.what] for e in {item}.entries]]") \
        == [["entries", [[who, what]]]]
