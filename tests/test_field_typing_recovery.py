"""Words typed in a form's box are safe before the keyboard leaves it: they reach the recovery
journal about once a second, and recovering after a crash puts them in their field
(``ui/field_typing.py``, ``model/storage/journal.py`` ``fields`` lines, ``model/article/
field_text.py``). The box itself is never touched while it is typed in.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kill_support import kill_once_used, recovered
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pipwriter.model.article.field_text import field_text, set_field_text
from pipwriter.model.article.limits import TITLE_MAX
from pipwriter.model.rules.findings import Where
from pipwriter.model.storage.journal import decode_line, encode_line, typed_fields
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.recovery import all_entries, load_recovery

ROOT = Path(__file__).resolve().parent.parent
STANDFIRST = Where("title", field="standfirst")


# --- the model: one field's text, by its place --------------------------------------------------
def test_a_fields_text_is_set_and_read_by_its_place(small_project):
    article = small_project.article
    author = article.authors[1]
    assert set_field_text(article, STANDFIRST, "A walk, a talk")
    assert article.standfirst == "A walk, a talk"
    assert field_text(article, STANDFIRST) == "A walk, a talk"
    role = Where("authors", author_id=author.id, field="role")
    assert set_field_text(article, role, "Patient partner")
    assert author.role == "Patient partner"
    heading = Where("section", article.sections[0].id, field="heading")
    assert set_field_text(article, heading, "Why we walk")
    assert article.sections[0].title == "Why we walk"


def test_a_field_is_cut_to_what_the_file_accepts_and_a_gone_item_is_refused(small_project):
    article = small_project.article
    assert set_field_text(article, Where("title", field="title"), "x" * (TITLE_MAX + 50))
    assert len(article.title) == TITLE_MAX
    assert not set_field_text(article, Where("authors", author_id="gone", field="role"), "x")
    assert not set_field_text(article, Where("references", item_id="gone", field="title"), "x")
    assert not set_field_text(article, Where("section", "s1", field="body"), "paragraphs")


# --- the journal's "fields" lines ---------------------------------------------------------------
def _line(seq, kind, **rest):
    return decode_line(encode_line({"seq": seq, "at": 1.0 + seq, "kind": kind, **rest}))


def test_the_last_fields_line_after_the_last_full_line_is_what_was_being_typed():
    typed = [{"where": STANDFIRST.to_json(), "text": "half a sent"}]
    later = [{"where": STANDFIRST.to_json(), "text": "half a sentence"}]
    lines = [_line(1, "full", article={}), _line(2, "fields", fields=typed),
             _line(3, "fields", fields=later)]
    assert all(lines)
    assert typed_fields(lines, 0) == [(STANDFIRST.to_json(), "half a sentence")]
    assert typed_fields(lines + [_line(4, "full", article={})], 0) == []   # since applied
    assert typed_fields(lines, 3) == []            # a copy holds everything up to line 3
    damaged = [_line(5, "fields", fields=[{"where": "nowhere", "text": 3}, "x"])]
    assert typed_fields(lines + damaged, 0) == []


# --- the real window ----------------------------------------------------------------------------
@pytest.fixture
def opened(controller, qtbot, tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    window = controller.open_path(path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def _journal_now(window) -> None:
    saver = window.data_safety.autosaver
    saver.append_journal()
    saver.wait()


def _recovered(path):
    """What recovering the window's copy would give (this process owns it, so it is read as
    the next start would, without waiting for the process to end)."""
    found = [e for e in all_entries() if e.original == path]
    assert found, "no recovery copy or journal"
    assert found[0].differs_from_original(), "it would not be offered: nothing differs"
    return load_recovery(found[0]).article


def _type_in(qtbot, box, text):
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5000)
    box.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(box, text)


def test_a_standfirst_being_typed_is_recovered_and_the_box_is_left_alone(opened, qtbot):
    window = opened
    window.open_panel("title")
    box = window.panels["title"].standfirst
    _type_in(qtbot, box, "Two people, one path ")     # the space last: never tidied away
    assert not window.session.is_modified()            # the article has not changed...
    assert window.session.article.standfirst == ""
    saver = window.data_safety.autosaver
    qtbot.waitUntil(saver.journal_scheduled, timeout=2000)   # ...but the journal will have it
    _journal_now(window)
    assert box.toPlainText() == "Two people, one path "
    assert box.textCursor().position() == len("Two people, one path ")
    recovered = _recovered(window.session.path)
    assert recovered.standfirst == "Two people, one path "


def test_a_references_title_being_typed_is_recovered_in_that_reference(opened, qtbot):
    from pipwriter.model.article.reference import Reference
    window = opened
    session = window.session
    session.change("Add references", lambda a: a.references.extend(
        [Reference(id="r1", title="First"), Reference(id="r2", title="Second")]))
    window.open_panel("references")
    panel = window.panels["references"]
    panel.focus_item("r2")
    _type_in(qtbot, panel.field("title"), ", revised")
    _journal_now(window)
    recovered = _recovered(session.path)
    assert [r.title for r in recovered.references] == ["First", "Second, revised"]


def test_a_box_showing_another_item_since_gives_its_words_to_no_item(opened, qtbot):
    from pipwriter.model.article.reference import Reference
    window = opened
    window.session.change("Add references", lambda a: a.references.extend(
        [Reference(id="r1", title="First"), Reference(id="r2", title="Second")]))
    window.open_panel("references")
    panel = window.panels["references"]
    panel.focus_item("r2")
    box = panel.field("title")
    _type_in(qtbot, box, ", revised")
    panel.focus_item("r1")                  # the same box now shows the first reference
    assert box.hasFocus()
    QTest.keyClicks(box, " again")
    _journal_now(window)
    recovered = _recovered(window.session.path)
    assert recovered.reference("r2").title in ("Second", "Second, revised")
    assert recovered.reference("r1").title in ("First", "First again")


def _box(window, field):
    from pipwriter.ui.field_locator import field_widget
    return field_widget(window, field)


def test_an_authors_role_and_a_sections_heading_being_typed_are_recovered(opened, qtbot):
    window = opened
    article = window.session.article
    sam, first = article.authors[1], article.sections[0]
    role = Where("authors", author_id=sam.id, field="role")
    typed = " and co-author" if sam.role else "Co-author"
    window.go_to(role)
    _type_in(qtbot, _box(window, role), typed)
    _journal_now(window)
    assert _recovered(window.session.path).author(sam.id).role == sam.role + typed
    heading = Where("section", first.id, field="heading")
    window.go_to(heading)                   # leaving the role box puts it in the article
    _type_in(qtbot, _box(window, heading), " (draft)")
    _journal_now(window)
    recovered = _recovered(window.session.path)
    assert recovered.sections[0].title == first.title + " (draft)"
    assert recovered.author(sam.id).role == sam.role + typed


def test_a_clips_caption_being_typed_is_recovered_in_that_clip(opened, qtbot):
    from pipwriter.model.article.media import MediaClip
    window = opened
    window.session.change("Add clips", lambda a: a.clips.extend(
        [MediaClip(id="c1", url="https://example.org/a", title="A"),
         MediaClip(id="c2", url="https://example.org/b", title="B")]))
    caption = Where("illustrations", item_id="c2", field="clip_caption")
    window.go_to(caption)
    _type_in(qtbot, _box(window, caption), "Sam explains the card")
    _journal_now(window)
    recovered = _recovered(window.session.path)
    assert [c.caption for c in recovered.clips] == ["", "Sam explains the card"]


def test_a_key_message_being_typed_in_its_list_is_recovered(opened, qtbot):
    window = opened
    window.session.change("Messages", lambda a: a.key_messages.extend(["One", "Two"]))
    window.open_panel("key_messages")
    messages = window.panels["key_messages"].messages
    messages.setCurrentRow(1)
    messages.editItem(messages.currentItem())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not messages, timeout=5000)
    editor = QApplication.focusWidget()         # the list's own editor for that message
    editor.setText("Two, and three")
    QTest.keyClicks(editor, "!")
    _journal_now(window)
    assert _recovered(window.session.path).key_messages == ["One", "Two, and three!"]


def test_after_the_box_is_left_its_words_are_in_the_article_and_in_the_copy(opened, qtbot):
    window = opened
    window.open_panel("title")
    box = window.panels["title"].standfirst
    _type_in(qtbot, box, "Walking")
    _journal_now(window)
    window.section_panel.editor.setFocus()             # leaving the box puts it in the article
    qtbot.waitUntil(lambda: window.session.article.standfirst == "Walking", timeout=5000)
    saver = window.data_safety.autosaver
    saver.flush()                                      # a recovery copy, the journal emptied
    saver.wait()
    assert _recovered(window.session.path).standfirst == "Walking"


def test_a_recovery_copy_written_meanwhile_does_not_drop_the_boxs_words(opened, qtbot):
    window = opened
    window.open_panel("title")
    heading = window.session.article.sections[0]
    window.session.change("Rename", lambda a: setattr(a.section(heading.id), "title", "New"))
    box = window.panels["title"].standfirst
    _type_in(qtbot, box, "Still typing")
    _journal_now(window)
    saver = window.data_safety.autosaver
    assert saver.last_result is None
    saver.flush()               # the copy holds the journal's lines so far: they are dropped
    saver.wait()
    qtbot.waitUntil(lambda: saver.last_result is not None, timeout=5000)   # told: written
    saver.wait()
    recovered = _recovered(window.session.path)
    assert recovered.standfirst == "Still typing"
    assert recovered.sections[0].title == "New"


def test_typing_nothing_new_writes_no_line(opened, qtbot):
    window = opened
    window.open_panel("title")
    box = window.panels["title"].standfirst
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5000)
    assert window.data_safety.field_typing.pending() == []
    assert not window.data_safety.autosaver.append_journal()


# --- the real app, killed ----------------------------------------------------------------------
TYPE_IN_THE_STANDFIRST = """
def use(window):
    window.open_panel("title")
    box = window.panels["title"].standfirst
    box.setFocus()
    QTimer.singleShot(50, lambda: type_in(box))

def type_in(box):
    box.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(box, {typed!r})
    print("typed" if box.hasFocus() else "no focus", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_killed_while_typing_a_standfirst_the_words_come_back(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "walking.pipw")
    typed = "What we learnt on the way"
    env = dict(os.environ, PIPWRITER_USER_DIR=str(tmp_path / "user"), QT_QPA_PLATFORM="offscreen")
    # the journal takes a box's words within about a second
    kill_once_used(TYPE_IN_THE_STANDFIRST.format(typed=typed), path, env, "typed", 3.0)
    assert load_project(path).article.standfirst == ""      # never saved
    assert recovered(env, "article.standfirst") == [typed]
