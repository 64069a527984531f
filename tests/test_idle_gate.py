"""The gate a worker waits at while the GUI thread has work (issue 23: the navigator's marks,
worked out on a worker, made a key typed meanwhile cost two to four times as much)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QObject, QTimer

from pipwriter.ui import idle_gate
from pipwriter.ui.idle_gate import IdleGate


def _give_way_on_a_thread(gate: IdleGate) -> threading.Event:
    through = threading.Event()

    def work() -> None:
        gate.give_way()
        through.set()
    threading.Thread(target=work, daemon=True).start()
    return through


def _wait_for_events(ms: int) -> None:
    """The GUI thread's loop waits for events, as the app's does between keys."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def test_the_worker_waits_while_the_gui_thread_is_busy_then_goes_on(qapp, monkeypatch):
    monkeypatch.setattr(idle_gate, "PATIENCE_S", 30.0)
    owner = QObject()
    gate = IdleGate(owner)
    gate.watch()                                  # called from an event: the loop is busy
    through = _give_way_on_a_thread(gate)
    assert not through.wait(0.2)                  # the GUI thread is busy: the worker waits
    _wait_for_events(200)                         # the loop waits for events: it goes on
    assert through.wait(5)
    gate.unwatch()


def test_the_worker_never_waits_for_ever(qapp):
    """A GUI thread that stays busy (or a loop that never waits) holds it up only a moment."""
    owner = QObject()
    gate = IdleGate(owner)
    gate.watch()
    through = _give_way_on_a_thread(gate)
    assert through.wait(5)                        # no event loop ran at all
    gate.unwatch()


def test_unwatched_or_opened_it_does_not_wait(qapp, monkeypatch):
    monkeypatch.setattr(idle_gate, "PATIENCE_S", 30.0)
    owner = QObject()
    gate = IdleGate(owner)
    assert _give_way_on_a_thread(gate).wait(5)    # never watched
    gate.watch()
    gate.open()                                   # the GUI thread is about to wait for it
    assert _give_way_on_a_thread(gate).wait(5)
    gate.watch()
    gate.unwatch()
    assert _give_way_on_a_thread(gate).wait(5)
