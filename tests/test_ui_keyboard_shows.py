"""Where the keyboard is shows on the screen.

- The menu bar: after Escape closes a menu opened with Alt, the menu's title is drawn as chosen
  until a second Escape takes the keyboard back to the text (a keyboard walk found the keys
  typed next going nowhere with nothing on the screen to say so).
- The text cursor is 2 pixels wide in every box one writes in (Qt's is 1: a low-vision walk
  lost it in a page of text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenuBar
from ui_support import first_section, look_at_a_menu, open_window


@pytest.fixture
def window(controller, small_project, tmp_path, qtbot):
    return open_window(controller, small_project, tmp_path, qtbot, "keyboard.pipw")


def highlighted_share(bar: QMenuBar, title: str) -> float:
    """How much of the menu title ``title`` is drawn in the highlight colour (0 to 1)."""
    action = next(a for a in bar.actions() if a.text().replace("&", "") == title)
    image = bar.grab(bar.actionGeometry(action)).toImage()
    colour = bar.palette().color(QPalette.ColorRole.Highlight).rgb()
    pixels = [image.pixel(x, y) for x in range(image.width()) for y in range(image.height())]
    return sum(p == colour for p in pixels) / max(1, len(pixels))


def test_the_menu_the_keyboard_is_on_is_drawn_chosen_until_a_second_escape(window, qtbot):
    _section, editor = first_section(window)
    bar = window.menuBar()
    assert highlighted_share(bar, "Article") == 0          # at rest: nothing chosen
    look_at_a_menu(editor, qtbot)                          # Alt+A, then Escape
    assert bar.activeAction().text().replace("&", "") == "Article"
    assert highlighted_share(bar, "Article") > 0.5         # the title shows it is chosen
    assert highlighted_share(bar, "File") == 0             # and no other
    QTest.keyClick(bar, Qt.Key.Key_Escape)                 # the second Escape
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert highlighted_share(bar, "Article") == 0
    QTest.keyClicks(editor, "Back")                        # the keys go to the text again
    assert editor.toPlainText().endswith("Back")


def test_arrow_keys_move_the_chosen_menu_along_the_bar(window, qtbot):
    _section, editor = first_section(window)
    bar = window.menuBar()
    look_at_a_menu(editor, qtbot)
    QTest.keyClick(bar, Qt.Key.Key_Left)                   # from Article to Edit
    assert bar.activeAction().text().replace("&", "") == "Edit"
    assert highlighted_share(bar, "Edit") > 0.5
    assert highlighted_share(bar, "Article") == 0


def test_the_keyboard_shortcuts_page_says_how_to_get_back_to_the_writing(window):
    from pipwriter.ui.help_dialogs import shortcuts_html
    assert "press Escape again to go back to your writing" in shortcuts_html(window)


def test_the_text_cursor_is_two_pixels_wide_in_the_writing_and_in_the_title_boxes(window):
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit
    _section, editor = first_section(window)
    assert editor.cursorWidth() == 2                       # Qt's own is 1
    window.open_panel("title")
    boxes = window.stack.currentWidget().findChildren(QTextEdit) + \
        window.stack.currentWidget().findChildren(QPlainTextEdit)
    assert len(boxes) >= 2 and all(box.cursorWidth() == 2 for box in boxes)
