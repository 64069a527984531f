"""Python's garbage collector is off while the app starts and on again once its first window
has been painted (issue 23: cold start; ``app._CollectorPause``)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from start_support import BENCHMARKS, run_start_script

from pipwriter.app import LONGEST_PAUSE_MS, _CollectorPause
from pipwriter.model.storage.demo import write_demo
from pipwriter.ui.worker_jobs import pause_collector, resume_collector

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import gc, json, os, sys
sys.path[:0] = [{root!r}, {bench!r}]
from _first_paint import when_painted
from PySide6 import QtCore
from pipwriter.ui.text_editor import TextEditor
seen = {{"before_start": gc.isenabled()}}

def painted(now):
    seen["at_first_paint"] = gc.isenabled()
    QtCore.QTimer.singleShot(200, after)

def after():
    seen["after_first_paint"] = gc.isenabled()
    print(json.dumps(seen), flush=True)
    os._exit(0)

watcher = when_painted(QtCore, TextEditor, painted, armed=lambda: "at_first_paint" not in seen)
QtCore.QTimer.singleShot(60_000, lambda: os._exit(3))
from pipwriter.app import run_app
run_app({argv!r})
os._exit(4)
"""


def _start(tmp_path, argv: list[str]) -> dict:
    script = SCRIPT.format(root=str(ROOT), bench=str(BENCHMARKS), argv=argv)
    return run_start_script(script, tmp_path / "u")


def test_off_while_the_article_opens_and_on_once_its_window_is_painted(tmp_path):
    article = tmp_path / "demo.pipw"
    write_demo(article)
    seen = _start(tmp_path, [str(article)])
    assert seen == {"before_start": True, "at_first_paint": False, "after_first_paint": True}


@pytest.fixture
def collector_on():
    """Leaves the collector on, as the test process had it, whatever the test did."""
    yield
    while not gc.isenabled():
        resume_collector()


def test_on_again_after_a_window_is_painted(qtbot, collector_on):
    label = QLabel("Hello")
    qtbot.addWidget(label)
    pause = _CollectorPause()
    assert not gc.isenabled()
    pause.resume_later(label)
    qtbot.wait(50)
    assert not gc.isenabled()        # not shown, so not painted yet
    label.show()
    qtbot.waitUntil(gc.isenabled, timeout=LONGEST_PAUSE_MS // 2)


def test_on_again_within_the_longest_pause_when_nothing_is_painted(qtbot, collector_on):
    label = QLabel("Never shown")
    qtbot.addWidget(label)
    pause = _CollectorPause()
    pause.resume_later(label)
    qtbot.wait(LONGEST_PAUSE_MS // 2)
    assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=LONGEST_PAUSE_MS)


def test_a_worker_ending_meanwhile_leaves_it_off(qtbot, collector_on):
    pause = _CollectorPause()
    pause_collector()           # what a worker thread does as it starts...
    resume_collector()          # ...and as it ends
    assert not gc.isenabled()
    pause.resume()
    assert gc.isenabled()
    pause.resume()              # once only: a second call does not upset the count
    pause_collector()
    assert not gc.isenabled()
    resume_collector()
    assert gc.isenabled()
