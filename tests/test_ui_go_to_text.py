"""View › Go to the text (Ctrl+2) from a panel that is not a section puts a section on screen
before the keyboard goes into its text: it used to go into the text box out of sight, and what
was typed went into a section nobody could see (keyboard walk)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def _go_to_text(window) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == "Go to the &text")


def test_going_to_the_text_from_references_shows_the_section_typed_in(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    article = window.session.article
    second = article.sections[1]
    window.open_panel(f"section:{second.id}")
    window.open_panel("references")
    assert _go_to_text(window).shortcut().toString() == "Ctrl+2"
    _go_to_text(window).trigger()
    assert window.stack.currentWidget() is window.section_panel
    assert window.current_section_id() == second.id
    editor = window.section_panel.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=2000)
    assert editor.isVisible()
    QTest.keyClicks(QApplication.focusWidget(), "zq")
    window.session.sync()
    assert "zq" in article.section(second.id).body.plain_text()


def test_from_the_checklist_of_a_new_window_the_first_section_is_shown(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel("checklist")
    window.section_panel.section_id = ""        # no section shown yet in this window
    _go_to_text(window).trigger()
    assert window.current_section_id() == window.session.article.sections[0].id
    assert window.stack.currentWidget() is window.section_panel


def test_the_texts_own_commands_are_greyed_out_away_from_a_section(controller, qtbot):
    """Keyboard walk: Edit › Insert citation… on the References page put a citation at the
    start of a section out of sight, and renumbered every reference."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    editor = window.section_panel.editor
    own = [editor.bold_action, editor.italic_action, editor.bullet_action, editor.cite_action,
           editor.quote_action]
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    assert all(action.isEnabled() for action in own)
    numbers = window.session.article.reference_numbers()
    window.open_panel("references")
    assert not any(action.isEnabled() for action in own)
    window.dialogs.queue("choice", 0)            # were a reference asked for
    editor.cite_action.trigger()
    assert window.session.article.reference_numbers() == numbers
    assert not window.session.is_modified()


def test_changing_panel_takes_the_keyboard_straight_to_the_new_one(controller, qtbot):
    """Keyboard walk: at every change of panel a screen reader first said the word-count
    button, where Qt put the keyboard as the page holding it was hidden."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    editor = window.section_panel.editor
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=2000)
    seen = []
    QApplication.instance().focusChanged.connect(lambda _old, new: seen.append(new))
    window.open_panel("checklist")
    checklist = window.panels["checklist"]
    assert seen and all(w is not None and checklist.isAncestorOf(w) for w in seen), seen
    seen.clear()
    window.open_panel(f"section:{window.session.article.sections[1].id}")
    assert seen and all(window.section_panel.isAncestorOf(w) for w in seen), seen
