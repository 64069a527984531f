"""Readability and spelling on odd text: time in proportion to the text (issue 17).

    python -m benchmarks bench_hostile_text [--quick]

For 60,000 characters of each odd kind (full stops, "A. " repeated, one long word, hyphens and
at signs inside a word) prints the processor time of readability and of spelling, and the
largest ratio to ordinary prose of the same length. Before the fix, 60,000 full stops took
readability over 30 s (the sentence-end pattern retried every full stop against the rest of
the line); a ratio under 10 is the test's bound (tests/test_hostile_files.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipwriter.model.language.readability import analyse  # noqa: E402
from pipwriter.model.language.spelling import SpellEngine  # noqa: E402

NORMAL = "The patient walked to the clinic with her daughter, who had asked the nurse. "
ODD = {"full stops": ".", "A. repeated": "A. ", "one long word": "x", "hyphens in a word": "a-",
       "at signs in a word": "a@", "question marks": "?!"}


def _cost(function, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


def run(quick: bool = False) -> list[dict]:
    size, repeat = (6_000, 1) if quick else (60_000, 3)
    engine = SpellEngine("en_GB")
    engine.warm_up()
    normal = (NORMAL * (size // len(NORMAL) + 1))[:size]
    rows, worst = [], 0.0
    for name, function in (("readability", analyse), ("spelling", engine._check)):
        baseline = _cost(function, normal, repeat)
        rows.append({"name": f"{name}: ordinary prose, {size:,} chars",
                     "median_ms": baseline * 1000, "p95_ms": baseline * 1000, "n": repeat})
        for kind, unit in ODD.items():
            odd = (unit * (size // len(unit) + 1))[:size]
            cost = _cost(function, odd, repeat)
            worst = max(worst, cost / max(baseline, 1e-4))
            rows.append({"name": f"{name}: {kind}", "median_ms": cost * 1000,
                         "p95_ms": cost * 1000, "n": repeat})
    rows.append({"name": "worst odd / ordinary (bound 10)", "value": round(worst, 2),
                 "unit": "x"})
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
