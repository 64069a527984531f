"""Help › Getting started, the series' guidance and the keyboard shortcuts: what they say is what
the app really has."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pipwriter.ui.help_dialogs import getting_started_html, shortcut_rows


def _window(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    return window


def _menu_commands(window) -> dict[tuple[str, str], list[str]]:
    """(menu, command) -> shortcuts, for every command in the menu bar."""
    found = {}
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            key = (top.text().replace("&", ""), action.text().replace("&", "").rstrip("…"))
            found[key] = [s.toString() for s in action.shortcuts()]
    return found


def test_f1_opens_getting_started_beside_the_article(controller, qtbot):
    window = _window(controller, qtbot)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_F1)
    dialog = window.help.pages["start"]
    assert dialog.isVisible() and not dialog.isModal()
    assert "Getting started" in dialog.browser.toPlainText()
    assert dialog.browser.accessibleName()
    assert window.help.show("start") is dialog          # asked again: the same window


def test_the_guide_names_only_menu_commands_and_keys_that_exist(controller, qtbot):
    window = _window(controller, qtbot)
    commands = _menu_commands(window)
    html = getting_started_html()
    text = re.sub(r"<[^>]+>", "", html)
    named = [b.split(" › ") for b in re.findall(r"<b>([^<]*›[^<]*)</b>", html)]
    assert len(named) >= 5
    for menu, command in named:
        assert (menu, command) in commands, (menu, command)
    keys = set(re.findall(r"\b(?:Ctrl|Alt|Shift)(?:\+[A-Z0-9][a-z]*)+", text))
    assert keys >= {"Ctrl+S", "Ctrl+E", "Ctrl+Shift+Q", "Ctrl+Shift+C", "Ctrl+Shift+K"}
    every_shortcut = {k for shortcuts in commands.values() for k in shortcuts}
    editor = window.section_panel.editor
    every_shortcut |= {s.toString() for a in editor.actions() for s in a.shortcuts()}
    for key in keys:
        assert key in every_shortcut, key


def test_shortcut_list_is_read_from_the_menus(controller, qtbot):
    window = _window(controller, qtbot)
    rows = shortcut_rows(window)
    commands = {command for _menu, command, _keys in rows}
    assert {"Save", "Export for submission", "Find and replace", "Getting started"} <= commands
    dialog = window.help.show("keys")
    shown = dialog.browser.toPlainText()
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert save in shown
    for _menu, command, keys in rows:
        assert command in shown and keys in shown


def test_guidance_page_follows_the_template(controller, qtbot):
    window = _window(controller, qtbot)
    template = window.session.template
    shown = window.help.show("guidance").browser.toPlainText()
    for spec in template.sections:
        assert spec.title in shown and spec.prompt in shown
        for question in spec.questions:
            assert question.text in shown
    assert template.viewpoint.prompt in shown
    words = template.limit("words")
    assert f"{words.min:,}" in shown and f"{words.max:,}" in shown


def test_help_menu_reports_a_problem_for_this_window(controller, qtbot, monkeypatch):
    from pipwriter.ui import problem_report
    shown = []
    monkeypatch.setattr(problem_report, "show_problem_report", shown.append)
    window = _window(controller, qtbot)
    action = next(a for a in window.help_menu.actions()
                  if a.text().replace("&", "") == "Report a problem…")
    action.trigger()
    assert shown == [window]


def test_the_shortcut_list_names_only_keys_most_keyboards_have(controller, qtbot):
    """Found by a walk: Undo was listed as "Ctrl+Z, F14, Undo" (the system's whole list, with
    keys of old Sun keyboards)."""
    window = _window(controller, qtbot)
    keys = {command: keys for _menu, command, keys in shortcut_rows(window)}
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert keys["Undo"].split(", ")[0] == undo
    for listed in keys.values():
        for key in listed.split(", "):
            assert key not in ("F14", "Undo", "Copy", "Paste", "Cut", "Redo"), listed
