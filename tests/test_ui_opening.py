"""A window opened by the app shows the article before the spelling lists are read and the marks
worked out (issue 23, cold start), and nothing it shows meanwhile is wrong: no mark until the
checks have given them, no underline until the lists are in; then both are those of the checks.
The lists themselves are read once, by whichever thread asks first (language_lists.py)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from ui_support import underlines_settled

from pipwriter.model.language.language_lists import LanguageLists
from pipwriter.model.language.spelling import HEALTH_FILE, DictionaryError, SpellEngine
from pipwriter.model.language.wordlists import clear_wordlist_cache, default_dictionaries_dir
from pipwriter.model.rules import report
from pipwriter.ui.status_icons import status_icon

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _underlined(block) -> list[str]:
    underlines_settled(block.document())
    text = block.text()
    return [text[r.start:r.start + r.length] for r in block.layout().formats()
            if r.format.underlineStyle() == WAVY]


def _marks_of_the_checks(window) -> dict[str, str]:
    session = window.session
    session.sync()
    return report.marks(session.project, session.template, session.counter, session.spelling)


def test_the_window_shows_the_text_first_then_underlines_and_marks(controller, qtbot):
    clear_wordlist_cache()                 # as in a new process: the lists are not read yet
    window = controller.open_demo()
    session, navigator = window.session, window.navigator
    assert not session.spelling.lists.ready()        # the window did not wait for them
    assert navigator.statuses == {}
    for row in range(navigator.count()):              # no mark is shown before it is known
        item = navigator.item(row)
        assert not item.icon().isNull()                # a blank one: the names line up
        if item.data(Qt.ItemDataRole.UserRole) != "checklist":
            assert item.icon().cacheKey() == status_icon("").cacheKey()
        spoken = item.data(Qt.ItemDataRole.AccessibleTextRole)
        assert not spoken.endswith(("done", "started", "not started", "something to fix"))
    editor = window.section_panel.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.textCursor().insertText(" We recieve help.")      # typed before the lists are in
    assert _underlined(editor.document().lastBlock()) == []
    qtbot.waitUntil(lambda: bool(navigator.statuses), timeout=10_000)
    assert session.spelling.lists.ready()
    assert _underlined(editor.document().lastBlock()) == ["recieve"]
    assert navigator.statuses == _marks_of_the_checks(window)
    key = f"section:{window.section_panel.section_id}"
    assert navigator.statuses[key] != "done"          # the misspelling typed early counts
    session.set_modified(False)


def test_a_window_made_with_its_lists_read_has_its_marks_at_once(controller, qtbot):
    from pipwriter.model.storage.demo import demo_project
    from pipwriter.ui.main_window import MainWindow
    from pipwriter.ui.session import Session
    window = MainWindow(Session(demo_project()))
    qtbot.addWidget(window)
    assert window.session.spelling.lists.ready()
    assert window.navigator.statuses == _marks_of_the_checks(window)


def test_the_lists_are_read_once_by_whoever_asks_first(tmp_path):
    clear_wordlist_cache()
    lists = LanguageLists.of(default_dictionaries_dir(), "en_GB", HEALTH_FILE)
    assert not lists.ready()
    got: list[tuple] = []
    threads = [threading.Thread(target=lambda: got.append(lists.get())) for _ in range(4)]
    threading.Thread(target=lists.load).start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert lists.ready() and len(got) == 4
    assert all(result is got[0] for result in got)        # one reading, shared
    assert "patient" in got[0][0] and "gastroenterologist" in got[0][1]


def test_an_engine_with_its_lists_later_checks_as_one_made_with_them(tmp_path):
    later = SpellEngine(user_words_path=tmp_path / "later.txt", lists_later=True)
    now = SpellEngine(user_words_path=tmp_path / "now.txt")
    text = "The patinet had a colonoscopy and we recieve his colour photos."
    told: list[int] = []
    later.add_listener(lambda: told.append(1))
    later.lists.load()
    later.lists_loaded()
    assert told == [1]                                    # the underlines are drawn then
    assert later.misspelt_spans(text) == now.misspelt_spans(text)
    unread = SpellEngine(user_words_path=tmp_path / "unread.txt", lists_later=True)
    assert unread.misspelt_spans(text) == now.misspelt_spans(text)   # read there, waited for


def test_a_damaged_list_read_later_is_reported_when_asked_for(tmp_path):
    for name in ("en_GB.words.gz", HEALTH_FILE):
        (tmp_path / name).write_bytes(b"not a word list")
    engine = SpellEngine(user_words_path=tmp_path / "u.txt", dictionaries_dir=tmp_path,
                         lists_later=True)
    engine.lists.load()                                   # on the worker: kept, not raised
    assert engine.lists.ready()
    with pytest.raises(DictionaryError, match="could not be read"):
        engine.misspelt_spans("Any words")
    missing = SpellEngine(dictionaries_dir=tmp_path / "nowhere", lists_later=True)
    assert not missing.lists.ready()                      # found out when read, as above
    assert "missing" in str(missing.lists.damage())
    with pytest.raises(DictionaryError, match="missing"):
        missing.misspelt_spans("Any words")


def test_a_window_deleted_before_its_lists_are_in_is_not_told(controller, qtbot, monkeypatch):
    import time

    import shiboken6
    gate = threading.Event()
    real_load = LanguageLists.load

    def held(self):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        real_load(self)
    monkeypatch.setattr(LanguageLists, "load", held)
    clear_wordlist_cache()
    window = controller.open_demo()
    qtbot.waitExposed(window)
    qtbot.wait(50)                            # painted: the lists are being read
    session = window.session
    session.set_modified(False)
    window.close()
    gate.set()
    deadline = time.monotonic() + 5
    while not session.spelling.lists.ready() and time.monotonic() < deadline:
        time.sleep(0.01)                      # read; the news waits in the event queue
    assert session.spelling.lists.ready()
    shiboken6.delete(window)                  # as Python's collector would, meanwhile
    qtbot.wait(100)                           # the news is not delivered: no error
