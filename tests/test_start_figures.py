"""The window the app starts with shows the article's text first; its figures, the section's
reading ease, keeping its attached files and listing it in the recent files come on the
event-loop turn after its first paint (issue 23: together they cost the first paint about
12 ms; ``MainWindow.once_painted``). Windows opened later do all of it at once."""

from __future__ import annotations

from start_support import BENCHMARKS, ROOT, run_start_script

from pipwriter.model.storage.demo import write_demo
from pipwriter.ui.live_figures import compute_figures
from pipwriter.ui.main_window import AFTER_PAINT_AT_LATEST_MS

SCRIPT = """
import json, os, sys
sys.path[:0] = [{root!r}, {bench!r}]
from _first_paint import when_painted
from PySide6 import QtCore
from PySide6.QtWidgets import QApplication
from pipwriter.ui.text_editor import TextEditor
seen = {{}}

def window():
    return QApplication.instance().controller.windows[0]

def recent():
    from pipwriter.ui.settings import recent_files
    return [str(path) for path in recent_files()]

def painted(now):
    seen["figures at first paint"] = window().figures is not None
    seen["strip at first paint"] = [b.text() for b in window().figures_bar.labels()]
    seen["reading ease at first paint"] = window().section_panel.readability.text()
    seen["media kept at first paint"] = window().session.project.media.private_folder is not None
    seen["recent at first paint"] = recent()
    QtCore.QTimer.singleShot(0, next_turns)

def next_turns():
    from pipwriter.ui.live_figures import compute_figures
    shown = window()
    seen["figures soon after"] = shown.figures == compute_figures(
        shown.session, shown.current_section_id())
    seen["strip soon after"] = [b.full_text for b in shown.figures_bar.labels()]
    seen["words bar soon after"] = shown.figures_bar.words_group.isVisible()
    seen["reading ease soon after"] = shown.section_panel.readability.text()
    seen["media kept soon after"] = shown.session.project.media.private_folder is not None
    seen["recent soon after"] = recent()
    print(json.dumps(seen), flush=True)
    os._exit(0)

watcher = when_painted(QtCore, TextEditor, painted,
                       armed=lambda: "figures at first paint" not in seen)
QtCore.QTimer.singleShot(60_000, lambda: os._exit(3))
from pipwriter.app import run_app
run_app({argv!r})
os._exit(4)
"""


def test_the_first_window_paints_its_text_then_its_figures_and_reading_ease(tmp_path):
    article = tmp_path / "demo.pipw"
    write_demo(article)
    script = SCRIPT.format(root=str(ROOT), bench=str(BENCHMARKS), argv=[str(article)])
    seen = run_start_script(script, tmp_path / "u")
    assert seen["figures at first paint"] is False and seen["reading ease at first paint"] == ""
    assert seen["figures soon after"] is True
    # the strip shows no figure until it has them (no blank buttons), then every figure
    assert seen["strip at first paint"] == []
    strip = seen["strip soon after"]
    assert strip[0].endswith(" words — within 1,250–1,500")
    assert [text.split(":")[0] for text in strip[1:]] == [
        "References", "Key messages", "Illustrations and clips", "This section"]
    assert seen["words bar soon after"] is True
    assert seen["reading ease soon after"].startswith("<b>Reading ease ")
    assert (seen["media kept at first paint"], seen["media kept soon after"]) == (False, True)
    assert seen["recent at first paint"] == [] and seen["recent soon after"] == [str(article)]


def test_a_window_opened_later_has_its_figures_at_once(controller, tmp_path):
    window = controller.open_path(write_demo(tmp_path / "demo.pipw"))
    assert window.figures == compute_figures(window.session, window.current_section_id())
    assert window.section_panel.readability.text().startswith("<b>Reading ease ")
    assert window.session.project.media.private_folder is not None


def test_a_first_window_never_painted_has_its_figures_within_a_second(controller, qtbot,
                                                                     tmp_path):
    window = controller.open_path(write_demo(tmp_path / "demo.pipw"), starting=True)
    window.hide()                       # as if minimised before it was painted
    qtbot.wait(10)
    assert window.figures is None and window.section_panel.readability.text() == ""
    assert window.session.project.media.private_folder is None
    qtbot.waitUntil(lambda: window.figures is not None, timeout=AFTER_PAINT_AT_LATEST_MS + 1000)
    assert window.figures == compute_figures(window.session, window.current_section_id())
    assert window.section_panel.readability.text().startswith("<b>Reading ease ")
    assert window.session.project.media.private_folder is not None


def test_a_first_window_closed_before_it_is_painted_leaves_nothing_behind(controller, qtbot,
                                                                          tmp_path):
    """Closed at once (the file is open elsewhere and the user chose not to open it here):
    the work waiting for its paint is dropped, so no private copy of its files is made after
    it has gone."""
    window = controller.open_path(write_demo(tmp_path / "demo.pipw"), starting=True)
    window.close()
    qtbot.wait(AFTER_PAINT_AT_LATEST_MS + 200)
    assert window.session.project.media.private_folder is None
    assert not window.after_paint.pending
