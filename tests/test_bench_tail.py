"""`bench_typing_gui --tail` says where the slowest keys' time went: each event's own time,
by what received it, for the slowest keys against the typical ones (benchmarks/_tail.py).
The app's pause timers carry the name of the work they wait to do, so a timer falling due on a
key is named there."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import _tail  # noqa: E402


def test_the_slowest_keys_show_the_work_that_landed_on_them():
    keys = ["a"] * 19 + [" "]
    spans, events, samples = [], [], []
    for index in range(len(keys)):
        began = index * 1.0
        spans.append((began, began + 0.5))
        events.append((began + 0.01, 0.0002, "KeyPress: TextEditor"))
        slow = index == 19
        if slow:
            events.append((began + 0.02, 0.003, "Timer: QTimer 'Autosaver.append_journal'"))
        events.append((began + 0.6, 0.004, "Timer: QTimer 'between keys'"))   # after the key
        samples.append(0.004 if slow else 0.0003)
    lines = _tail.report(events, {"keys": samples, "spans": spans}, keys, "demo, burst")
    assert lines[0].startswith("demo, burst: 20 keys; slowest 2 (p95 and over)")
    assert "slow keys: letter 1, space 1;" in lines[1]
    assert lines[3].endswith("Timer: QTimer 'Autosaver.append_journal'")     # first: most
    slow_ms, typical_ms = (float(figure) for figure in lines[3].split()[:2])
    assert (slow_ms, typical_ms) == (1.5, 0.0)      # 3 ms on one of the two slowest keys
    assert not any("between keys" in line for line in lines)


def test_a_pause_timer_is_named_for_the_work_it_waits_to_do(qtbot):
    from PySide6.QtWidgets import QWidget

    from pipwriter.ui.timers import pause_timer

    class Figures(QWidget):
        def refresh(self) -> None:
            pass

    widget = Figures()
    qtbot.addWidget(widget)
    assert pause_timer(widget, 100, widget.refresh).objectName() == \
        "test_a_pause_timer_is_named_for_the_work_it_waits_to_do.<locals>.Figures.refresh"
