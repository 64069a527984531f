"""The live figures do not recount the parts outside the sections at each key, yet never show a
stale figure: changing the title, undoing it, changing the counting, all show at once."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from ui_support import opened

from pipwriter.model.language import counts
from pipwriter.model.storage.project_file import save_project


def test_typing_reuses_the_other_parts_counts_and_a_title_change_is_counted(
        controller, small_project, tmp_path, qtbot, monkeypatch):
    window = controller.open_path(save_project(small_project, tmp_path / "a.pipw"))
    qtbot.addWidget(window)
    calls = []
    real = counts.counted_extra_words
    monkeypatch.setattr(counts, "counted_extra_words",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    session = window.session
    section = session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, "a")
    window.update_figures()
    calls.clear()
    QTest.keyClicks(editor, "nd we met every week")
    window.update_figures()
    assert calls == []                                    # typing: no recount of the rest
    before = window.figures.words
    counted = "title" in session.template.counted
    session.change("title", lambda a: setattr(a, "title", a.title + " in three more words"))
    window.update_figures()
    assert calls, "a change outside the sections must be counted again"
    assert window.figures.words == before + (4 if counted else 0)
    session.undo_stack.undo()
    window.update_figures()
    assert window.figures.words == before


def test_keys_never_wait_for_the_figures_and_a_burst_is_counted_once(
        controller, small_project, tmp_path, qtbot, monkeypatch):
    """Typing never waits on counting (issue 23): the keys are handled, laid out and painted
    without the figures being worked out; they follow once, for all the keys, on a timer."""
    from PySide6.QtWidgets import QApplication

    from pipwriter.ui import main_window
    monkeypatch.setattr(main_window, "FIGURES_DELAY_MS", 1000)  # slow machines: keys < 1 s
    calls = []
    real = main_window.compute_figures
    monkeypatch.setattr(main_window, "compute_figures",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    window = controller.open_path(save_project(small_project, tmp_path / "a.pipw"))
    qtbot.addWidget(window)
    opened(window, qtbot)
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)  # the panel's own figures, on the timer
    before, calls[:] = window.figures.words, []
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " we met every week")
    QApplication.processEvents()                  # all the keys' own work, painting included
    assert calls == [] and window.figures.words == before
    qtbot.waitUntil(lambda: window.figures.words == before + 4, timeout=5000)
    assert calls == [1]


def test_opening_another_panel_shows_its_figures_at_once(
        controller, small_project, tmp_path, qtbot, monkeypatch):
    """Only typing waits for the figures: a panel opened shows its own "This section" figure
    (or none) at once, never the last panel's for a moment (Tab could land on a figure that
    then vanishes)."""
    from pipwriter.ui import main_window
    monkeypatch.setattr(main_window, "FIGURES_DELAY_MS", 1000)
    window = controller.open_path(save_project(small_project, tmp_path / "a.pipw"))
    qtbot.addWidget(window)
    opened(window, qtbot)
    session, bar = window.session, window.figures_bar
    for section in session.article.sections[:2]:
        window.open_panel(f"section:{section.id}")
        words = main_window.compute_figures(session, section.id).panel_words
        assert words is not None and window.figures.panel_words == words
        assert not bar.panel_words.isHidden()
        assert bar.panel_words.full_text == f"This section: {words:,} words"
    window.open_panel("key_messages")
    assert window.figures.panel_words is None and bar.panel_words.isHidden()
    assert window.figures == main_window.compute_figures(session, "")


def test_section_commands_are_greyed_out_away_from_a_section(controller, small_project,
                                                             tmp_path, qtbot):
    """Article › Rename, Remove and Move section act on the section shown: on another panel
    they are greyed out (they did nothing there, without a word: found by a walk of the app)."""
    window = controller.open_path(save_project(small_project, tmp_path / "a.pipw"))
    qtbot.addWidget(window)
    opened(window, qtbot)
    names = [a.text() for a in window.section_actions]
    assert names[0].startswith("&Rename") and len(names) == 9     # and the text's own five
    assert "Insert &citation…" in names
    window.open_panel("references")
    assert not any(a.isEnabled() for a in window.section_actions)
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    assert all(a.isEnabled() for a in window.section_actions)
