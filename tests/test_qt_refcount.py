"""Guard against a PySide6 build that leaks references to None (6.12.0 on Python 3.11 aborts the
app with "none_dealloc" after a few thousand Qt calls, i.e. after some minutes of typing)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(3000):
        label.setText("typing")
    assert sys.getrefcount(None) - before < 100
