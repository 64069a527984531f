"""What the app has loaded when its window is first painted (issue 23: cold start).

The window's first paint waits for every module imported before it, and for the PySide6 classes
those modules name (PySide6 makes a class's Python enums the first time it is named). Screens
the user has not opened yet are loaded when first asked for. This starts the real app in a new
process on the demo article, stops at the end of the first paint (``benchmarks/_first_paint``,
as ``bench_startup`` does) and checks what had been loaded by then. No timing: the benchmark
measures the time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipwriter.model.storage.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, os, sys
sys.path[:0] = [{root!r}, {bench!r}]
from _first_paint import when_painted
from PySide6 import QtCore
from pipwriter.ui.text_editor import TextEditor

def painted(now):
    from PySide6 import QtWidgets
    made = [name for name in ("QFileDialog", "QInputDialog", "QMessageBox", "QDialogButtonBox",
                              "QWizard", "QTextBrowser", "QRadioButton", "QProxyStyle",
                              "QStyle", "QStyleOptionButton")
            if name in QtWidgets.__dict__]
    print(json.dumps({{"modules": sorted(m for m in sys.modules if m.startswith("pipwriter")),
                      "qt": made}}), flush=True)
    os._exit(0)

watcher = when_painted(QtCore, TextEditor, painted)
QtCore.QTimer.singleShot(60_000, lambda: os._exit(3))
from pipwriter.app import run_app
run_app([{article!r}])
os._exit(4)
"""

# screens and helpers loaded when first asked for, never before the first paint
NOT_BEFORE_PAINT = [
    "pipwriter.ui.comments_panel",      # View › Comments (its menu entries: review_entry)
    "pipwriter.ui.help_dialogs",        # the Help pages (the menu: help_menu)
    "pipwriter.ui.recovery_dialog",     # only when a crash left a recovery copy
    "pipwriter.ui.wizard_cancel",       # the wizards
    "pipwriter.ui.text_scale",          # View › Bigger text
    "pipwriter.ui.export_dialog",
    "pipwriter.ui.preview",
    "pipwriter.ui.find_replace",
    "pipwriter.ui.suggestions_panel",   # View › Suggested changes (the menu: suggest_mode)
    "pipwriter.ui.side_list",
    "pipwriter.ui.list_form_tab",       # the list panels (sections' forms: form_guard)
    "pipwriter.export",
    "pipwriter.importer",
]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("start")
    article = write_demo(folder / "Demo article.pipw")
    script = SCRIPT.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), article=str(article))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=str(folder / "user"))
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=folder,
                          capture_output=True, text=True, timeout=180)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines, (done.returncode, done.stderr[-2000:])
    return json.loads(lines[-1])


def test_the_window_was_painted_with_the_article_open(loaded):
    # the check below means something only if the start really went as far as the window
    assert "pipwriter.ui.main_window" in loaded["modules"]
    assert "pipwriter.ui.section_panel" in loaded["modules"]


@pytest.mark.parametrize("module", NOT_BEFORE_PAINT)
def test_a_screen_not_yet_opened_is_not_loaded_before_the_first_paint(loaded, module):
    early = [m for m in loaded["modules"] if m == module or m.startswith(module + ".")]
    assert early == [], f"{module} is imported before the window is first painted"


def test_dialog_classes_are_made_when_first_used(loaded):
    """File choosers, input dialogs, message boxes, dialog buttons, wizards, help browsers,
    radio buttons, the bigger-text style, and the style the figures strip measures and draws its
    buttons with (the strip is empty until its figures come, after the paint): none of their
    PySide6 classes is made before the first paint."""
    assert loaded["qt"] == []
