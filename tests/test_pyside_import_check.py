"""PySide6 does not read the source of the app's modules as they are imported (issue 23: cold
start), and the answer filled in for them changes nothing (``ui/pyside_import_check.py``).

The first test starts the real app on the demo in a new process and records every module whose
source PySide reads, from the moment the interface package has been loaded to the end of the
first paint. No timing: ``bench_startup`` measures the time.
"""

from __future__ import annotations

import pkgutil
import re
import sys
from pathlib import Path

import pytest
from start_support import BENCHMARKS, run_start_script

import pipwriter
from pipwriter.model.storage.demo import write_demo
from pipwriter.ui.pyside_import_check import (
    LEAVE_ALONE,
    USES_PYSIDE,
    import_table,
    package_module_names,
)

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, os, sys
sys.path[:0] = [{root!r}, {bench!r}]
from PySide6 import QtCore
feature = sys.modules.get("shibokensupport.feature")
check = getattr(feature, "_mod_uses_pyside", None)
if check is None or not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
    print(json.dumps({{"error": "PySide6 has no import table or check we know"}}), flush=True)
    os._exit(0)
read = []

def watched(module):
    read.append(module.__name__)
    return check(module)

feature._mod_uses_pyside = watched
import pipwriter.ui        # fills the table
read.clear()
from _first_paint import when_painted
from pipwriter.ui.text_editor import TextEditor

def painted(now):
    print(json.dumps({{"read": read, "loaded": sorted(sys.modules)}}), flush=True)
    os._exit(0)

watcher = when_painted(QtCore, TextEditor, painted)
QtCore.QTimer.singleShot(60_000, lambda: os._exit(3))
from pipwriter.app import run_app
run_app([{article!r}])
os._exit(4)
"""


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("source-reads")
    article = folder / "demo.pipw"
    write_demo(article)
    script = SCRIPT.format(root=str(ROOT), bench=str(BENCHMARKS), article=str(article))
    result = run_start_script(script, folder / "user")
    assert "error" not in result, (
        f"{result.get('error')}: PySide6 changed how it checks imports; see "
        "ui/pyside_import_check.py and docs/performance.md")
    return result


def test_pyside_reads_no_source_of_ours_before_the_window_is_painted(first_paint):
    ours = [name for name in first_paint["read"] if name.split(".")[0] == "pipwriter"]
    assert ours == []
    # ...while the app's own modules were imported in that time (the test would pass idly
    # if they had all been loaded before)
    assert "pipwriter.ui.main_window" in first_paint["loaded"]


def test_pyside_reads_no_top_level_standard_library_source(first_paint):
    """Modules of the standard library's packages not yet loaded when the table is filled
    (``encodings.ascii``, say) are still read: naming them all would mean listing folders."""
    standard = [name for name in first_paint["read"] if name in sys.stdlib_module_names]
    assert standard == []


def test_the_names_filled_in_are_the_apps_modules_exactly():
    """From the file names alone, the same names Python's own package walk imports."""
    folder = Path(pipwriter.__file__).parent
    walked = {"pipwriter"} | {info.name for info in
                              pkgutil.walk_packages([str(folder)], prefix="pipwriter.")}
    assert set(package_module_names("pipwriter", str(folder))) == walked


def test_the_table_holds_pysides_own_answers_for_our_modules():
    """The interface's modules: "uses PySide", the answer PySide gives them on reading; the
    model's and the export's: "leave alone", as reading says."""
    import pipwriter.ui  # noqa: F401 - fills the table
    table = import_table()
    if table is None:
        pytest.fail("PySide6 keeps no import table we know: see ui/pyside_import_check.py")
    assert table["pipwriter.ui.main_window"] == USES_PYSIDE
    assert table["pipwriter.ui.text_editor"] == USES_PYSIDE
    assert table["pipwriter.model.article.article"] == LEAVE_ALONE
    assert table["pipwriter.export.bundle"] == LEAVE_ALONE


def test_no_module_of_ours_selects_a_pyside_feature():
    """What makes "leave alone" the same as PySide's own answer: with no feature selected by
    any module, PySide keeps the plain feature set whichever it is told."""
    selects = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.M)
    folder = Path(pipwriter.__file__).parent
    users = [str(path) for path in folder.rglob("*.py")
             if selects.search(path.read_text(encoding="utf-8"))]
    assert users == []
