"""The navigator's marks worked out on a worker thread when typing pauses (issue 23): they are
those of the checks on the GUI thread, a result the article changed under is never shown, a
failure is worked out again where it can be reported, and closing the window meanwhile is safe."""

from __future__ import annotations

import threading

import pytest
from ui_support import opened

from pipwriter.model.rules import report


def _demo(controller, qtbot, keep: bool = True):
    window = controller.open_demo()
    if keep:                    # closed by qtbot at the end of the test
        qtbot.addWidget(window)
    window.show()
    opened(window, qtbot)
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    return window, editor, f"section:{section.id}"


def _checked_here(window) -> dict[str, str]:
    session = window.session
    session.sync()
    return report.marks(session.project, session.template, session.counter, session.spelling)


def _gated(monkeypatch, fail: bool = False):
    """report.marks held on the worker until the gate opens (or failing there)."""
    started, gate = threading.Event(), threading.Event()
    real = report.marks

    def held(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            started.set()
            gate.wait(10)
            if fail:
                raise ValueError("checks tripped up")
        return real(*args, **kwargs)
    monkeypatch.setattr(report, "marks", held)
    return started, gate


def test_typing_then_a_pause_gives_the_marks_of_the_checks(controller, qtbot):
    window, editor, key = _demo(controller, qtbot)
    before = window.navigator.statuses[key]
    shown: list[dict] = []
    window.marks_worker.ready.connect(shown.append)
    qtbot.keyClicks(editor, " We recieve a lott of help.")
    assert not shown                              # nothing while typing: after a pause
    with qtbot.waitSignal(window.marks_worker.ready, timeout=5000):
        pass
    assert window.navigator.statuses == shown[-1] == _checked_here(window)
    assert window.navigator.statuses[key] != before      # the misspellings count
    window.session.set_modified(False)


def test_a_result_the_article_changed_under_is_not_shown(controller, qtbot, monkeypatch):
    window, editor, key = _demo(controller, qtbot)
    started, gate = _gated(monkeypatch)
    shown: list[dict] = []
    window.marks_worker.ready.connect(shown.append)
    window.marks_worker.start()
    assert started.wait(5)
    qtbot.keyClicks(editor, " We recieve")        # typed while the checks run
    with qtbot.waitSignal(window.marks_worker.stale, timeout=5000):
        gate.set()
    assert not shown
    with qtbot.waitSignal(window.marks_worker.ready, timeout=5000):   # asked for again
        pass
    assert window.navigator.statuses == _checked_here(window)
    window.session.set_modified(False)


def test_checks_failing_on_the_worker_are_worked_out_on_the_gui_thread(controller, qtbot,
                                                                      monkeypatch):
    window, editor, key = _demo(controller, qtbot)
    qtbot.keyClicks(editor, " We recieve")
    window._marks_timer.stop()
    window.navigator.statuses = {}
    started, gate = _gated(monkeypatch, fail=True)
    gate.set()
    with qtbot.waitSignal(window.marks_worker.failed, timeout=5000):
        window.marks_worker.start()
    assert window.navigator.statuses and window.navigator.statuses == _checked_here(window)
    window.session.set_modified(False)


@pytest.mark.parametrize("late", [0.05, 0.3])
def test_closing_the_window_while_the_checks_run(controller, qtbot, monkeypatch, late):
    window, editor, key = _demo(controller, qtbot, keep=False)
    started, gate = _gated(monkeypatch)
    window.marks_worker.start()
    assert started.wait(5)
    threading.Timer(late, gate.set).start()
    window.session.set_modified(False)
    window.close()
    window.deleteLater()
    qtbot.wait(int(late * 1000) + 200)
    assert gate.is_set()


def test_the_worker_stops_at_the_next_check_once_the_article_changes(controller, qtbot,
                                                                    monkeypatch):
    """A key typed while the checks run would wait for Python's lock again and again, and
    the answer is dropped anyway: the worker runs no further check (issue 23)."""
    from pipwriter.model.rules import checks
    window, editor, key = _demo(controller, qtbot)
    window._marks_timer.stop()
    run_on_worker: list[str] = []

    def counted(rule):
        def check(ctx):
            if threading.current_thread() is not threading.main_thread():
                run_on_worker.append(rule.__name__)
            return rule(ctx)
        check.__name__ = rule.__name__
        return check
    wrapped = {rule: counted(rule) for rule in checks.RULES}
    marked = [rule for rule in checks.RULES if rule not in checks.TIP_RULES]
    monkeypatch.setattr(checks, "RULES", tuple(wrapped.values()))
    monkeypatch.setattr(checks, "TIP_RULES", frozenset(wrapped[r] for r in checks.TIP_RULES))
    started, gate = _gated(monkeypatch)
    with qtbot.waitSignal(window.marks_worker.ready, timeout=5000):   # nothing changed
        window.marks_worker.start()
        assert started.wait(5)
        gate.set()
    assert run_on_worker == [rule.__name__ for rule in marked]     # every check ran
    run_on_worker.clear()
    started.clear()
    gate.clear()
    window.marks_worker.start()
    assert started.wait(5)
    qtbot.keyClicks(editor, " We")                       # typed while the checks run
    with qtbot.waitSignal(window.marks_worker.stale, timeout=5000):
        gate.set()
    assert run_on_worker == []
    window._marks_timer.stop()
    window.session.set_modified(False)
