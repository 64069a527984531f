"""Work off the GUI thread never runs Python's garbage collector (worker_jobs.py): collecting a Qt
object's wrapper there deletes the Qt object on the wrong thread, which crashed the spelling
suggestions' worker in the test suite. The collector is off while any worker runs, and on again
when the last one ends."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QThreadPool

from pipwriter.ui.worker_jobs import pause_collector, resume_collector, run_on


def test_work_on_a_pool_runs_with_the_collector_off_and_leaves_it_on(qtbot):
    assert gc.isenabled()
    seen: list[bool] = []
    pool = QThreadPool()
    run_on(pool, lambda: seen.append(gc.isenabled()))
    assert pool.waitForDone(5000)
    assert seen == [False]
    assert gc.isenabled()


def test_overlapping_workers_turn_it_on_only_when_the_last_ends():
    first_in, second_in, first_may_end, second_may_end = (threading.Event() for _ in range(4))
    after_first: list[bool] = []

    def first() -> None:
        pause_collector()
        try:
            first_in.set()
            first_may_end.wait(5)
        finally:
            resume_collector()

    def second() -> None:
        pause_collector()
        try:
            second_in.set()
            second_may_end.wait(5)
        finally:
            resume_collector()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    first_in.wait(5)
    threads[1].start()
    second_in.wait(5)
    first_may_end.set()
    threads[0].join(5)
    after_first.append(gc.isenabled())         # the second still runs: still off
    second_may_end.set()
    threads[1].join(5)
    assert after_first == [False]
    assert gc.isenabled()


def test_a_collection_due_when_work_starts_or_ends_runs_on_the_gui_thread():
    """A collection that is due (many objects made while the collector was off) starts at the
    next allocation on any thread. The pool's thread must make none while the collector is on:
    with a ``with`` block (a context manager) in ``run_on`` a pool thread collected as it started, and a
    garbage QTextEdit whose deleteLater() was pending was then deleted twice on the GUI thread
    (SIGSEGV in shiboken's BindingManager::runDeletionInMainThread, the test suite)."""
    threads: list[str] = []

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    kept: list[list[list[int]]] = []
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    gc.callbacks.append(seen)
    try:
        for _ in range(10):
            # each piece of work leaves a collection due for the next (more than gen 0's
            # threshold of objects made while the collector is off, and kept)
            run_on(pool, lambda: kept.append([[i] for i in range(2000)]))
            run_on(pool, lambda: None)
            assert pool.waitForDone(5000)
            [[] for _ in range(10)]         # the GUI thread allocates: collects here
    finally:
        gc.callbacks.remove(seen)
    assert threads and set(threads) == {threading.main_thread().name}
