"""Where the keyboard goes: a new window types into the text, formats do not leak between
sections, and the start screen's buttons answer Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_support import fill_wizard

from pipwriter.model.article.text import RichText
from pipwriter.model.storage.project_file import save_project


def _activate(qtbot, window):
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.wait(5)       # let anything queued for the new window run first


def _saved_article(small_project, tmp_path):
    first = small_project.article.sections[0]
    first.body = RichText.from_plain("We met on the ward.")
    path = tmp_path / "walking.pipw"
    save_project(small_project, path)
    return path, first


def _assert_typing_goes_into_the_text(window, section_id, before):
    editor = window.section_panel.editor
    heading = window.section_panel.title_edit.text()
    assert QApplication.focusWidget() is editor
    QTest.keyClicks(QApplication.focusWidget(), " Typed")
    window.session.sync()
    assert window.session.article.section(section_id).body.plain_text() == before + " Typed"
    assert window.section_panel.title_edit.text() == heading


def test_new_article_window_puts_the_keyboard_in_the_text(controller, qtbot):
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    _activate(qtbot, window)
    _assert_typing_goes_into_the_text(window, window.current_section_id(), "")


@pytest.mark.parametrize("how", ["open", "recent list", "open dialog"])
def test_opened_article_window_puts_the_keyboard_at_the_end_of_the_text(
        controller, qtbot, small_project, tmp_path, how):
    path, first = _saved_article(small_project, tmp_path)
    if how == "open":
        window = controller.open_path(path)
    elif how == "recent list":
        window = controller.open_path(path)
        window.close()
        controller.start.refresh()
        controller.start.recent.itemActivated.emit(controller.start.recent.item(0))
        window = controller.windows[0]
    else:
        controller.dialogs.queue("open", path)
        window = controller.open_dialog()
    _activate(qtbot, window)
    assert window.current_section_id() == first.id
    _assert_typing_goes_into_the_text(window, first.id, "We met on the ward.")


def test_demo_window_puts_the_keyboard_in_the_text(controller, qtbot):
    window = controller.open_demo()
    _activate(qtbot, window)
    section_id = window.current_section_id()
    before = window.session.article.section(section_id).body.plain_text()
    _assert_typing_goes_into_the_text(window, section_id, before)


def test_navigator_keys_keep_the_focus_in_the_navigator(controller, qtbot):
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    _activate(qtbot, window)
    navigator = window.navigator
    navigator.setFocus()
    start = navigator.currentRow()
    QTest.keyClick(navigator, Qt.Key.Key_Down)
    assert navigator.currentRow() == start + 1
    assert window.stack.currentWidget() is window.section_panel
    assert QApplication.focusWidget() is navigator


def test_navigator_click_leaves_focus_in_the_navigator_not_the_heading(controller, qtbot):
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    _activate(qtbot, window)
    navigator = window.navigator
    target = window.session.article.sections[1]
    row = next(r for r in range(navigator.count())
               if navigator.item(r).data(Qt.ItemDataRole.UserRole) == f"section:{target.id}")
    rect = navigator.visualItemRect(navigator.item(row))
    QTest.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section_id() == target.id
    assert QApplication.focusWidget() is navigator


def test_bold_and_italic_do_not_carry_over_to_the_next_section(controller, qtbot):
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    _activate(qtbot, window)
    first, second = window.session.article.sections[:2]
    editor = window.section_panel.editor
    window.open_panel(f"section:{first.id}")
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "Loud")
    assert editor.bold_action.isChecked() and editor.italic_action.isChecked()

    window.open_panel(f"section:{second.id}")
    assert not editor.bold_action.isChecked()
    assert not editor.italic_action.isChecked()
    editor.setFocus()
    QTest.keyClicks(editor, "Quiet")
    window.session.sync()
    loud = [run for p in window.session.article.section(first.id).body.paragraphs
            for run in p.items]
    quiet = [run for p in window.session.article.section(second.id).body.paragraphs
             for run in p.items]
    assert [(r.text, r.bold, r.italic) for r in loud] == [("Loud", True, True)]
    assert [(r.text, r.bold, r.italic) for r in quiet] == [("Quiet", False, False)]
    assert not editor.bold_action.isChecked()
    assert not editor.italic_action.isChecked()


def test_going_back_to_bold_text_shows_bold_pressed(controller, qtbot):
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    _activate(qtbot, window)
    first, second = window.session.article.sections[:2]
    editor = window.section_panel.editor
    window.open_panel(f"section:{second.id}")
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "Strong")
    window.open_panel(f"section:{first.id}")
    assert not editor.bold_action.isChecked()
    window.open_panel(f"section:{second.id}")
    assert editor.bold_action.isChecked()      # the cursor sits in bold text again


@pytest.mark.parametrize("name, signal", [
    ("new_button", "newRequested"), ("open_button", "openRequested"),
    ("import_button", "importRequested"), ("demo_button", "demoRequested")])
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_start_screen_buttons_answer_enter(controller, qtbot, name, signal, key):
    start = controller.start
    for other in ("newRequested", "openRequested", "importRequested", "demoRequested"):
        getattr(start, other).disconnect()     # only the signal matters, not what it opens
    start.show()
    start.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is start)
    button = getattr(start, name)
    button.setFocus()
    with qtbot.waitSignal(getattr(start, signal), timeout=500):
        QTest.keyClick(button, key)
