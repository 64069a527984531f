"""Keystroke to idle: type into a Qt editor and time each key until the GUI thread is idle again.

Shared by ``bench_typing_gui`` (PiP Writer, PySide6) and the novelWriter child of
``bench_novelwriter`` (PyQt6), so that both apps are timed by the very same code. It imports no Qt
binding itself: the caller passes its ``QtCore`` and ``QtTest`` modules.

**What "idle" means here.** An application-wide event filter counts every event the GUI thread
delivers (key, paint, layout, posted calls and queued signals, timer events, deferred deletes).
After a key is sent (``QTest.keyClick``, which delivers the press and the release synchronously)
the event loop is run one pass at a time (``QCoreApplication.processEvents()``, which sends the
posted events, the window-system events and the timers that are due) until a whole pass delivers
no event at all and no zero-interval ``QTimer`` of the app's windows is waiting to fire. Repaints
are posted ``UpdateRequest`` events, so they are inside; anything a pass posts runs in the next
pass, and is inside too. The figure is the time from just before the key press to the end of the
last pass that had work in it (the empty pass that proves idleness is not counted). The GUI thread's
CPU time over the same span is kept too (``time.thread_time``): on a busy machine the wall time
includes waiting for a core, the CPU time does not, so it shows what each key costs the app.
The event filter itself costs about 2 microseconds an event (measured with PySide6 and PyQt6);
``events_per_key`` in a burst's result says how many events a key took after it was handled.

**Deferred work.** Timers with an interval (work an app puts off until typing pauses: PiP Writer's
navigator marks at 400 ms, reading ease at 800 ms, the journal every second, the recovery copy at
3 s; novelWriter's spell check at 300 ms, selection count at 500 ms, document count and garbage
collection at 5 s, its auto-saves) are not waited for after each key. Whenever one of them is due
while keys are being timed it runs in a pass, so its cost lands on the key that was being settled.
At human pace the time between keys is spent in the event loop (``processEvents`` with
``WaitForMoreEvents`` and a precise wake-up timer at the next key's time), and every stretch of
work the loop does there is timed too (from its first event until idle again): those are the
"busy stretches between keys". A key that is due while such a stretch runs has to wait for it, and
its time is counted from when it was due, not from when it could be sent: that is what the person
typing would feel.

Burst: keys one after the other with nothing in between (as fast as the app can take them).
Human pace: 8 keys a second, with a pause of 0.3-1.5 s after about one word in six (seeded), so
that the work each app defers to a pause in typing runs, sometimes just when the next key comes.
"""

from __future__ import annotations

import importlib
import math
import random
import statistics
import time

HUMAN_INTERVAL = 0.125          # 8 keys a second
STALL_MS = 16.0                 # one frame at 60 Hz
_perf = time.perf_counter
_cpu = time.thread_time          # CPU time of the calling (GUI) thread


# --- what is typed ----------------------------------------------------------------------------
def make_keys(count: int, rnd: random.Random, vocabulary: list[str]) -> list[str]:
    """What a person types: words and spaces, a Backspace now and then, Return after a while."""
    keys: list[str] = []
    while len(keys) < count:
        word = rnd.choice(vocabulary).strip(".,;:()[]") or "and"
        keys.extend(word)
        if rnd.random() < 0.1:
            keys.append("Backspace")
        keys.append("Return" if rnd.random() < 0.03 else " ")
    return keys[:count]


def human_gaps(keys: list[str], rnd: random.Random) -> list[float]:
    """Seconds to wait before each key at human pace: 1/8 s, and after about one word in six a
    pause of 0.3-1.5 s (the gap before the key that follows a space or Return)."""
    gaps = []
    previous = None
    for _key in keys:
        gap = HUMAN_INTERVAL
        if previous in (" ", "Return") and rnd.random() < 1 / 6:
            gap = rnd.uniform(0.3, 1.5)
        gaps.append(gap)
        previous = _key
    return gaps


# --- figures ----------------------------------------------------------------------------------
def _rank(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(name: str, samples_s: list[float], **extra) -> dict:
    """A benchmark row: median, p95, p99, max (ms), stalls over 16 ms and n."""
    ordered = sorted(samples_s)
    if not ordered:
        return {"name": name, "median_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0,
                "stalls_16ms": 0, "n": 0, **extra}
    return {"name": name, "median_ms": statistics.median(ordered) * 1000,
            "p95_ms": _rank(ordered, 0.95) * 1000, "p99_ms": _rank(ordered, 0.99) * 1000,
            "max_ms": ordered[-1] * 1000,
            "stalls_16ms": sum(1 for s in ordered if s * 1000 > STALL_MS), "n": len(ordered),
            **extra}


# --- the measuring ----------------------------------------------------------------------------
class ToIdle:
    """Runs a Qt application's event loop until idle, counting the events that showed work."""

    def __init__(self, QtCore, QtTest, app, roots=()):
        self.QtCore, self.QtTest, self.app = QtCore, QtTest, app
        self.wake = QtCore.QTimer()
        self.wake.setObjectName("bench-wake")          # the timing's own (benchmarks/_tail.py)
        self.wake.setSingleShot(True)
        self.wake.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        wake = self.wake
        Base = QtCore.QObject
        # the binding's QPaintEvent (its QtGui beside the QtCore given): an isinstance test is
        # far cheaper than event.type(), which makes a Python enum for every event
        binding = QtCore.__name__.rsplit(".", 1)[0]
        paint_event = importlib.import_module(f"{binding}.QtGui").QPaintEvent

        class _Probe(Base):
            """The application-wide event filter: counts events, notes when the first came, and
            adds up the area of every paint event (pixels a widget was asked to draw: the
            region's bounding rectangle, the same way in both bindings)."""

            def __init__(self):
                super().__init__()
                self.events = 0
                self.first = 0.0
                self.painted = 0

            def eventFilter(self, obj, event):   # noqa: N802 - Qt's name
                if obj is wake:
                    return False
                if not self.events:
                    self.first = _perf()
                self.events += 1
                if isinstance(event, paint_event):   # PyQt6's regions cannot be iterated
                    bounds = event.region().boundingRect()
                    self.painted += bounds.width() * bounds.height()
                return False

        self.probe = _Probe()
        app.installEventFilter(self.probe)
        self._wait_flags = QtCore.QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        self.timers: list = []
        self.delivered = 0              # events seen while settling (the filter's own cost)
        self.spans: list | None = None  # (sent, done) of each key, kept for benchmarks/_tail.py
        self.watch(roots)

    def watch(self, roots) -> None:
        """The app's windows (and the application object): their zero-interval timers are
        waited for."""
        timers = []
        for root in roots:
            timers.extend(root.findChildren(self.QtCore.QTimer))
        self.timers = timers

    def close(self) -> None:
        self.app.removeEventFilter(self.probe)

    def _zero_timer_pending(self) -> bool:
        for timer in self.timers:
            try:
                if timer.isActive() and timer.interval() == 0:
                    return True
            except RuntimeError:        # deleted on the C++ side
                continue
        return False

    def settle(self) -> float:
        """Run passes of the event loop until one delivers nothing; the time the last busy pass
        ended."""
        probe, process = self.probe, self.app.processEvents
        ended = _perf()
        for _ in range(10_000):
            probe.events = 0
            process()
            now = _perf()
            if probe.events:
                self.delivered += probe.events
                ended = now
                continue
            if not self._zero_timer_pending():
                return ended
        return ended

    def wait_until(self, deadline: float, stretches: list[float]) -> float:
        """Let the event loop run until ``deadline`` (perf_counter seconds), timing each stretch of
        work it does; return the time the last stretch ended (0 if none)."""
        probe, wake = self.probe, self.wake
        last_end = 0.0
        while True:
            remaining = deadline - _perf()
            if remaining <= 0:
                return last_end
            wake.start(max(0, math.ceil(remaining * 1000)))
            probe.events = 0
            self.app.processEvents(self._wait_flags)
            if probe.events:
                began = probe.first
                last_end = self.settle()
                stretches.append(last_end - began)
        return last_end

    # --- typing ---------------------------------------------------------------------------
    def _send(self, editor, key: str) -> None:
        Qt = self.QtCore.Qt
        if key == "Backspace":
            self.QtTest.QTest.keyClick(editor, Qt.Key.Key_Backspace)
        elif key == "Return":
            self.QtTest.QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            self.QtTest.QTest.keyClick(editor, key)

    def burst(self, editor, keys: list[str]) -> dict:
        """Each key straight after the previous one was settled: seconds from the key to idle
        (``keys``), and the GUI thread's CPU time in that span (``cpu``)."""
        samples, cpu = [], []
        self.delivered = 0
        self.probe.painted = 0
        for key in keys:
            cpu_started = _cpu()
            started = _perf()
            self._send(editor, key)
            done = self.settle()
            samples.append(done - started)
            cpu.append(_cpu() - cpu_started)
            if self.spans is not None:
                self.spans.append((started, done))
        return {"keys": samples, "cpu": cpu,
                "events_per_key": self.delivered / max(1, len(keys)),
                "painted_px_per_key": self.probe.painted / max(1, len(keys))}

    def human(self, editor, keys: list[str], gaps: list[float]) -> dict:
        """Keys at the times ``gaps`` give; seconds from when each key was due to idle, the GUI
        thread's CPU time from the key to idle, the busy stretches between keys, and how many
        keys had to wait behind one."""
        samples, cpu, stretches, waited = [], [], [], 0
        due = _perf()
        done = 0.0
        for key, gap in zip(keys, gaps, strict=True):
            due += gap                  # the typist's own rhythm: keys never wait for the app
            busy_until = max(done, self.wait_until(due, stretches))
            cpu_started = _cpu()
            sent = _perf()
            self._send(editor, key)
            done = self.settle()
            cpu.append(_cpu() - cpu_started)
            if self.spans is not None:
                self.spans.append((due if busy_until > due else sent, done))
            if busy_until > due:        # the loop was still busy when the key was due
                waited += 1
                samples.append(done - due)
            else:
                samples.append(done - sent)
        return {"keys": samples, "cpu": cpu, "between": stretches, "waited": waited}


def type_job(QtCore, QtTest, app, roots, editor, job: dict,  # noqa: N803
             label: str = "", keep_spans: bool = False) -> tuple[dict, dict | None]:
    """The job's keys typed into ``editor`` the same way for every app: settle, let the
    opening's own deferred work finish, warm up, a burst, a rest, then human pace. Returns
    (burst, human) as :meth:`ToIdle.burst` and :meth:`ToIdle.human` give them. Under
    ``bench_novelwriter --callgrind`` the burst also has ``instructions`` (see _callgrind).
    ``keep_spans``: each result also has ``spans``, every key's (start, end) perf_counter times
    (for ``benchmarks/_tail.py``)."""
    from _callgrind import counter
    probe = ToIdle(QtCore, QtTest, app, roots)
    probe.settle()
    probe.wait_until(_perf() + job.get("open_quiet_s", 1.5), [])
    probe.burst(editor, job["warmup"])
    counting = counter()
    if counting is not None:
        counting.start()
    probe.spans = [] if keep_spans else None
    burst = probe.burst(editor, job["burst"])
    if counting is not None:
        burst["instructions"] = counting.stop(label or "burst")
    if keep_spans:
        burst["spans"], probe.spans = probe.spans, []
    probe.wait_until(_perf() + job.get("between_runs_s", 1.0), [])
    human = probe.human(editor, job["human"], job["gaps"]) if job["human"] else None
    if keep_spans and human is not None:
        human["spans"] = probe.spans
    probe.close()
    return burst, human
