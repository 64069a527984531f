"""Where the slowest keys' time goes: a diagnosis for issue 23, not a benchmark of its own.

The p95 of keystroke to idle is set by the keys on which more than the key's own work lands:
a timer falling due, a pass of spelling, a repaint of something else. This module times every
event the GUI thread delivers while PiP Writer types ``bench_typing_gui``'s keys: an application
whose ``notify`` notes when each event began and its own time (its time less the events
delivered inside it), under a label saying what received it (the receiver's class and object
name, which for the app's timers is the work they wait to do: ``ui/timers.pause_timer``). Then,
for the slowest keys (at or above the 95th percentile) and the typical ones (40th to 60th), the
mean time a key spent in each label, and how often it came. Timing every event slows each key
by a few per cent; compare the two groups with each other, not with ``bench_typing_gui``.

    python benchmarks/bench_typing_gui.py --tail [--only demo|stress] [--top 25]
"""

from __future__ import annotations

import bisect
import gc
import statistics
import time
from collections import Counter, defaultdict

_perf = time.perf_counter


def traced_application(base, argv: list[str]):
    """A ``base`` (QApplication) that notes every event's own time while ``tracing`` is set."""

    class Traced(base):
        def __init__(self, args: list[str]) -> None:
            super().__init__(args)
            self.tracing = False
            self.events: list[tuple[float, float, str]] = []    # (began, own seconds, label)
            self._inner: list[float] = []
            self._collecting = 0.0
            gc.callbacks.append(self._collector)

        def _collector(self, phase: str, info: dict) -> None:
            """Python's collector: its runs are listed too (their time is also inside the own
            time of the event during which they ran)."""
            if not self.tracing:
                return
            if phase == "start":
                self._collecting = _perf()
            else:
                self.events.append((self._collecting, _perf() - self._collecting,
                                    f"(inside the above) Python collector, generation "
                                    f"{info.get('generation')}"))

        def notify(self, receiver, event):  # noqa: D102 - Qt's own
            if not self.tracing:
                return super().notify(receiver, event)
            began = _perf()
            self._inner.append(0.0)
            try:
                return super().notify(receiver, event)
            finally:
                spent = _perf() - began
                inner = self._inner.pop()
                if self._inner:
                    self._inner[-1] += spent
                self.events.append((began, spent - inner, _label(receiver, event)))

    return Traced(argv)


def _label(receiver, event) -> str:
    try:
        kind = event.type().name
    except (AttributeError, ValueError):
        kind = str(int(event.type()))
    owner = type(receiver).__name__
    try:
        name = receiver.objectName() if hasattr(receiver, "objectName") else ""
        if not name and hasattr(receiver, "parent") and receiver.parent() is not None:
            owner = f"{owner} in {type(receiver.parent()).__name__}"
    except RuntimeError:            # deleted on the C++ side as its last event came
        name = "(deleted)"
    return f"{kind}: {owner}" + (f" '{name}'" if name else "")


def _per_key(events: list[tuple[float, float, str]], spans: list[tuple[float, float]],
             picked: list[int]) -> tuple[dict[str, float], dict[str, float]]:
    """Mean own seconds and mean count a key, by label, over the keys ``picked``."""
    starts = [e[0] for e in events]
    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, float] = defaultdict(float)
    for index in picked:
        began, ended = spans[index]
        at = bisect.bisect_left(starts, began)
        while at < len(events) and events[at][0] <= ended:
            _began, own, label = events[at]
            if "bench-wake" not in label:
                seconds[label] += own
                counts[label] += 1
            at += 1
    keys = max(1, len(picked))
    return ({k: v / keys for k, v in seconds.items()}, {k: v / keys for k, v in counts.items()})


def _kind(key: str) -> str:
    return key if len(key) > 1 else ("space" if key == " " else "letter")


def report(events: list[tuple[float, float, str]], timed: dict, keys: list[str], title: str,
           top: int = 25) -> list[str]:
    """Lines: the slowest keys against the typical ones, label by label (``keys``: what was
    typed, to say which kinds of key were slow)."""
    events = sorted(events)
    samples, spans = timed["keys"], timed["spans"]
    order = sorted(range(len(samples)), key=samples.__getitem__)
    n = len(order)
    slow = order[int(0.95 * (n - 1)):]
    typical = order[int(0.40 * (n - 1)):int(0.60 * (n - 1)) + 1]
    slow_s, slow_n = _per_key(events, spans, slow)
    typ_s, typ_n = _per_key(events, spans, typical)
    ms = 1000.0
    lines = [f"{title}: {n} keys; slowest {len(slow)} (p95 and over) median "
             f"{statistics.median(samples[i] for i in slow) * ms:.2f} ms, typical "
             f"{len(typical)} (p40-p60) median {statistics.median(samples[i] for i in typical) * ms:.2f} ms",
             "  slow keys: " + ", ".join(f"{k} {v}" for k, v in sorted(
                 Counter(_kind(keys[i]) for i in slow).items())) + "; all keys: " + ", ".join(
                 f"{k} {v}" for k, v in sorted(Counter(_kind(k) for k in keys).items())),
             f"  {'own ms a key: slow':>20}{'typical':>9}{'slow-typ':>9}{'n slow':>8}{'n typ':>7}  "
             "received by"]
    labels = sorted(set(slow_s) | set(typ_s),
                    key=lambda k: -(slow_s.get(k, 0.0) - typ_s.get(k, 0.0)))
    for label in labels[:top]:
        a, b = slow_s.get(label, 0.0) * ms, typ_s.get(label, 0.0) * ms
        lines.append(f"  {a:20.3f}{b:9.3f}{a - b:9.3f}{slow_n.get(label, 0):8.2f}"
                     f"{typ_n.get(label, 0):7.2f}  {label}")
    lines.append(f"  {'total':>20}{sum(slow_s.values()) * ms:.3f} / "
                 f"{sum(typ_s.values()) * ms:.3f} ms inside events (the rest is the timing loop)")
    return lines
