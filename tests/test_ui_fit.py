"""Every window fits a small screen and works by keyboard alone.

The walk (tests/fit_walk.py) opens the start screen, every page of the new-article wizard,
every panel and tab of the main window, every page of the competing-interests wizard and every
other dialog, on a screen of the size a user has, and asserts each window fits the screen's
available area, every control can be seen or scrolled to, and (with the keyboard) that Tab
reaches every control, can leave every one and shows where it is. The screen is fixed when Qt
starts, so each screen is a fresh process; a taskbar is taken off the screen's height.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fit_checks import fit_problems, tab_problems
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from pipwriter.ui.main_window import LARGEST_TEXT

HERE = Path(__file__).parent
TASKBAR = 40

# name: (screen width, height in pixels, scale factor, text size in points, keyboard walk)
SCREENS = {
    "1366x768 laptop": (1366, 768, 1, 0, True),
    "1024x600 netbook": (1024, 600, 1, 0, False),
    "200 % on 1920x1080": (1920, 1080, 2, 0, True),
    "150 % on 1920x1080": (1920, 1080, 1.5, 0, False),
    "largest text on 1366x768": (1366, 768, 1, LARGEST_TEXT, False),
    "largest text on 1024x600": (1024, 600, 1, LARGEST_TEXT, False),
    "largest text at 200 %": (1920, 1080, 2, LARGEST_TEXT, False),
}

EVERYTHING = [  # a few of the places the walk must reach, so a shortened walk fails
    "start screen", "new article › Who is writing it?", "main window › authors",
    "main window › illustrations › Audio and video clips (0)", "main window › checklist",
    "competing interests › Question 13 of 13", "competing interests › Your statement",
    "export", "find and replace", "help › keys", "Versions", "merge", "crop photo",
    "recover unsaved work", "unsaved changes", "insert citation"]


def _walk(tmp_path, width, height, scale, text_size, keyboard) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height - TASKBAR * scale,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=str(scale), PIPWRITER_USER_DIR=str(tmp_path / "user"),
               PYTHONPATH=os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")]))
    args = [sys.executable, str(HERE / "fit_walk.py"), "--text-size", str(text_size)]
    if keyboard:
        args.append("--keyboard")
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_window_fits_and_every_control_is_reachable(tmp_path, name):
    width, height, scale, text_size, keyboard = SCREENS[name]
    report = _walk(tmp_path, width, height, scale, text_size, keyboard)
    assert report["screen"][3] == int((height - TASKBAR * scale) / scale)
    assert [place for place in EVERYTHING if place not in report["seen"]] == []
    assert report["problems"] == []


# --- the checks themselves catch what a user would run into --------------------------------------
def _window(qtbot, *widgets) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_the_checks_find_a_window_bigger_than_the_screen(qtbot):
    window = _window(qtbot, QPushButton("OK"))
    window.setMinimumSize(900, 700)
    problems = fit_problems(window, QRect(0, 0, 800, 560))
    assert any("not inside the screen's available area" in p for p in problems)
    assert any("cannot be made smaller" in p for p in problems)


def test_the_checks_find_a_button_cut_off(qtbot):
    holder = QWidget()
    holder.setFixedSize(100, 40)
    button = QPushButton("A long button label that does not fit", holder)
    button.move(60, 0)
    window = _window(qtbot, holder)
    assert any("cut off" in p or "squashed" in p for p in fit_problems(window))


def test_the_checks_find_a_keyboard_trap_and_an_invisible_stop(qtbot):
    trap = QPlainTextEdit()
    trap.setAccessibleName("Trap")
    empty = QPushButton()
    empty.setFixedSize(0, 0)
    window = _window(qtbot, QPushButton("First"), trap, QPushButton("Last"), empty)
    problems = tab_problems(window)
    assert any("Tab cannot leave QPlainTextEdit 'Trap'" in p for p in problems)
    assert any("Tab never reaches QPushButton 'Last'" in p for p in problems)
