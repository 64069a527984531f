"""The edit journal: the last seconds of typing kept between two recovery copies, lines that
check themselves, and recovery from the copy and the journal together (or the journal alone)."""

from __future__ import annotations

import json
import threading
import time
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from test_locks import dead_pid

from pipwriter.model.article.text import RichText
from pipwriter.model.storage.journal import (
    JournalWriter,
    encode_line,
    journal_path,
    read_journal,
    replay,
)
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.recovery import find_recoveries, load_recovery, recovery_paths


def _body(text: str) -> list:
    return RichText.from_plain(text).to_json()


# --- lines and replay (no Qt) -------------------------------------------------------------------
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30)


@given(st.dictionaries(st.text(), JSON, max_size=5))
def test_a_line_is_the_json_of_its_entry_whatever_it_holds(entry):
    """Lines are encoded a piece at a time (other threads run between pieces); the result is
    byte for byte what one json.dumps gives."""
    line = encode_line(entry)
    payload = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert line == b"%08x %s\n" % (zlib.crc32(payload), payload)


def test_encoding_a_long_line_lets_another_thread_run():
    """A whole article on the journal's worker no longer holds Python's lock for the whole
    encoding: a thread that wants to run (the GUI thread) gets turns meanwhile."""
    sections = [{"id": f"sec-{n}", "body": _body("word " * 6_000)} for n in range(12)]
    entry = {"seq": 1, "kind": "full", "article": {"title": "Long", "sections": sections}}
    turns: list[float] = []
    done = threading.Event()

    def other() -> None:
        while not done.is_set():
            turns.append(time.perf_counter())
            time.sleep(0)
    thread = threading.Thread(target=other)
    thread.start()
    started = time.perf_counter()
    encode_line(entry)
    ended = time.perf_counter()
    done.set()
    thread.join()
    during = [t for t in turns if started < t < ended]
    assert len(during) >= 3                        # it ran between pieces (0 before)
def test_a_torn_or_damaged_line_is_left_out_and_the_rest_kept(tmp_path):
    path = tmp_path / "s.journal"
    writer = JournalWriter(path)
    for seq in (1, 2, 3):
        writer.append({"seq": seq, "at": seq, "kind": "edit", "sections": {"a": _body(str(seq))}})
    lines = path.read_bytes().splitlines(keepends=True)
    damaged = lines[1].replace(b'"2"', b'"X"')                # changed after its checksum
    torn = encode_line({"seq": 4, "kind": "edit", "sections": {}})[:-7]   # cut by a crash
    path.write_bytes(lines[0] + damaged + lines[2] + torn)
    assert [e["seq"] for e in read_journal(path)] == [1, 3]
    JournalWriter(path).append({"seq": 5, "kind": "edit", "sections": {}})   # after the crash
    assert [e["seq"] for e in read_journal(path)] == [1, 3, 5]
    assert read_journal(tmp_path / "none.journal") == []


def test_replay_builds_on_the_copy_and_restarts_at_a_whole_article():
    base = {"title": "T", "sections": [{"id": "a", "body": _body("copy a")},
                                       {"id": "b", "body": _body("copy b")}]}
    lines = [{"seq": 3, "at": 3.0, "kind": "edit", "sections": {"a": _body("old, in the copy")}},
             {"seq": 4, "at": 4.0, "kind": "edit", "sections": {"b": _body("typed b")}},
             {"seq": 5, "at": 5.0, "kind": "edit", "sections": {"a": _body("typed a"),
                                                                 "gone": _body("x")}}]
    article, seq, at = replay(base, 3, lines)
    assert [s["body"] for s in article["sections"]] == [_body("typed a"), _body("typed b")]
    assert (seq, at) == (5, 5.0)
    assert base["sections"][0]["body"] == _body("copy a")    # the copy itself is not changed

    whole = {"title": "Renamed", "sections": [{"id": "b", "body": _body("whole b")}]}
    lines.append({"seq": 6, "at": 6.0, "kind": "full", "article": whole})
    lines.append({"seq": 7, "at": 7.0, "kind": "edit", "sections": {"b": _body("last")}})
    article, seq, _at = replay(base, 3, lines)
    assert article["title"] == "Renamed" and article["sections"][0]["body"] == _body("last")
    assert seq == 7
    assert replay(None, 0, lines[:3]) == (None, 0, None)      # no copy and no whole article


def test_compacting_drops_what_the_copy_holds(tmp_path):
    path = tmp_path / "s.journal"
    writer = JournalWriter(path)
    for seq in (1, 2, 3):
        writer.append({"seq": seq, "kind": "edit", "sections": {}})
    writer.compact(2)
    assert [e["seq"] for e in read_journal(path)] == [3]
    writer.compact(3)
    assert not path.exists()


# --- in the app ---------------------------------------------------------------------------------
@pytest.fixture
def saved(tmp_path, small_project):
    return save_project(small_project, tmp_path / "walking.pipw")


@pytest.fixture
def window(controller, saved, qtbot):
    win = controller.open_path(saved)
    qtbot.addWidget(win)
    return win


def _editor(window, section_index=0):
    section = window.session.article.sections[section_index]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return section, editor


def _crash(window):
    """The app dies: nothing is cleaned up and its process is gone."""
    saver = window.data_safety.autosaver
    window.data_safety.shutdown(clean=False)
    copy, meta_path = recovery_paths(saver.session_id)
    journal = journal_path(copy)
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["pid"] = dead_pid()
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    lines = journal.read_bytes().splitlines(keepends=True) if journal.exists() else []
    rewritten = []
    for line in lines:
        entry = json.loads(line[9:])
        if "meta" in entry:
            entry["meta"]["pid"] = dead_pid()
        rewritten.append(encode_line(entry))
    if rewritten:
        journal.write_bytes(b"".join(rewritten))
    return copy, journal


def _type_steadily(qtbot, editor, text, every_ms=40):
    """Type ``text`` a character every ``every_ms``, never pausing; returns when all is typed."""
    keys = list(text)
    timer = QTimer()
    timer.setInterval(every_ms)
    timer.timeout.connect(lambda: QTest.keyClicks(editor, keys.pop(0)) if keys else None)
    timer.start()
    qtbot.waitUntil(lambda: not keys, timeout=60000)
    timer.stop()


def test_steady_typing_reaches_the_journal_within_seconds_before_any_copy(window, qtbot, saved):
    """Typing that never pauses long enough for a recovery copy is still kept: the journal
    gets it about once a second, and after a crash it is offered and restored on its own."""
    saver = window.data_safety.autosaver
    saver._debounce.setInterval(60_000)                    # no copy during this test
    saver._longest.setInterval(60_000)
    section, editor = _editor(window)
    typed = "Nobody asked me what I was frightened of, until the walking group."
    _type_steadily(qtbot, editor, typed)                   # about 2.7 s, no pause
    saver.append_journal()                                 # what the next tick would do
    saver.wait()
    copy, journal = _crash(window)
    assert not copy.exists() and journal.exists()
    lines = read_journal(journal)
    assert lines[0]["kind"] == "full" and any(e["kind"] == "edit" for e in lines)
    assert len(lines) >= 3                                  # written while typing went on
    found = find_recoveries()
    assert [e.session_id for e in found] == [saver.session_id] and not found[0].has_copy
    project = load_recovery(found[0])
    assert project.article.section(section.id).body.plain_text() == typed
    assert project.path == saved


def test_recovery_is_the_copy_with_the_journal_on_top(window, qtbot):
    saver = window.data_safety.autosaver
    section, editor = _editor(window)
    QTest.keyClicks(editor, "Kept in the copy.")
    saver.append_journal()
    assert saver.flush()
    saver.wait()
    copy, _meta = recovery_paths(saver.session_id)
    assert copy.exists()
    assert not journal_path(copy).exists()                 # the copy holds every line
    QTest.keyClicks(editor, " Only in the journal.")
    other, other_editor = _editor(window, 1)
    QTest.keyClicks(other_editor, "Another section.")
    saver.append_journal()
    saver.wait()
    copy, journal = _crash(window)
    assert read_journal(journal)[-1]["kind"] == "edit"
    project = load_recovery(find_recoveries()[0])
    article = project.article
    assert article.section(section.id).body.plain_text() == \
        "Kept in the copy. Only in the journal."
    assert article.section(other.id).body.plain_text() == "Another section."
    assert load_project(copy).article.section(other.id).body.plain_text() == ""


def test_a_change_that_is_not_typing_puts_the_whole_article_in_the_journal(window, qtbot):
    saver = window.data_safety.autosaver
    _editor(window)
    window.session.change("Title", lambda a: setattr(a, "title", "A new title"))
    assert saver.append_journal()
    saver.wait()
    copy, journal = _crash(window)
    assert read_journal(journal)[-1]["kind"] == "full"
    assert load_recovery(find_recoveries()[0]).article.title == "A new title"


def test_saving_removes_the_journal_and_closing_too(window, qtbot):
    saver = window.data_safety.autosaver
    section, editor = _editor(window)
    QTest.keyClicks(editor, "Words.")
    saver.append_journal()
    saver.wait()
    journal = journal_path(recovery_paths(saver.session_id)[0])
    assert journal.exists()
    assert window.save()
    saver.wait()
    assert not journal.exists() and not saver.journal_scheduled()
    QTest.keyClicks(editor, " More.")
    assert saver.journal_scheduled()
    saver.append_journal()
    saver.wait()
    assert read_journal(journal)[0]["kind"] == "full"     # no copy to build on after a save
    window.session.set_modified(False)
    window.close()
    saver.wait()
    assert not journal.exists()


def test_the_journal_timer_is_not_restarted_by_typing(window, qtbot):
    """Keys every 40 ms, a journal timer of 1 s: lines still arrive while the typing goes on
    (a timer restarted on each key would never fire)."""
    saver = window.data_safety.autosaver
    _section, editor = _editor(window)
    written = []
    real = saver.append_journal

    def counting():
        written.append(real())
    saver._journal_timer.timeout.disconnect()
    saver._journal_timer.timeout.connect(counting)
    _type_steadily(qtbot, editor, "a steady typist who never stops for breath at all")
    assert sum(1 for w in written if w) >= 1


def test_the_first_line_built_on_the_article_as_opened_is_the_whole_article(window, qtbot):
    """The journal's starting point is made while nobody types (half a second after opening or
    saving); the first line after typing is that, with the typed sections as they are now, and
    is exactly the whole article (issue 23: no 5-7 ms on a key at 50,000 words)."""
    saver = window.data_safety.autosaver
    qtbot.waitUntil(lambda: saver._base is not None, timeout=5_000)
    first, editor = _editor(window)
    QTest.keyClicks(editor, " Typed in the first.")
    third, third_editor = _editor(window, 2)
    QTest.keyClicks(third_editor, " And in the third.")
    assert saver._base is not None                         # typing does not drop it
    assert saver.append_journal()
    saver.wait()
    window.session.sync()
    whole = window.session.article.to_json()
    journal = journal_path(recovery_paths(saver.session_id)[0])
    [line] = read_journal(journal)
    assert line["kind"] == "full" and line["article"] == whole
    assert saver._base is None                             # used once
    assert window.save()                                   # saved: a new starting point
    qtbot.waitUntil(lambda: saver._base is not None, timeout=5_000)
    window.session.change("Title", lambda a: setattr(a, "title", "Not typing"))
    QTest.keyClicks(editor, " More.")
    assert saver.append_journal()
    saver.wait()
    window.session.sync()
    [line] = read_journal(journal)
    assert line["article"] == window.session.article.to_json()     # made again, not the base
    assert line["article"]["title"] == "Not typing"
    assert first.id != third.id
    window.session.set_modified(False)
