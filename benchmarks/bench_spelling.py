"""Spell checking: start-up cost, checking a 1,500-word article, suggestions.

- loading the word lists from disk (gzip -> Python sets), and the whole engine start-up;
  pyspellchecker's own ``SpellChecker()`` start-up for comparison (it is not used at run time);
- checking a 1,500-word article with an empty cache (opening a project) and after one keystroke
  (one paragraph re-checked, the rest cached), and highlighting it in a QTextDocument;
- suggestions at edit distance 1 (the right-click menu) and 2 (worker thread, bounded).

    python benchmarks/bench_spelling.py [--quick]      or      python -m benchmarks bench_spelling
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pipwriter.model.language.spelling import (  # noqa: E402
    SpellEngine,
    clear_wordlist_cache,
    default_dictionaries_dir,
    read_plain_words,
    read_wordlist,
)

_SENTENCES = [
    "We met every month in the outpatient clinic and talked about what mattered most to the "
    "people who use the diabetes service.",
    "Co-production took time, but the patient partners changed how we ran the ward and the "
    "staff learnt to listen first.",
    "Her GP had prescribed metformin 500mg twice daily and atorvastatin, and her HbA1c fell by "
    "12% in 2019/20.",
    "The paediatric team, the dietitian and the physiotherapist organised a programme of "
    "sessions in the community centre.",
    "Carers told us that the waiting room felt unwelcoming and that nobody explained the "
    "recieve letters they were sent.",
    "We recognised that our behaviour as clinicians had made some people feel judged rather "
    "than supported.",
    "The practice nurse and a patient partner co-designed a leaflet about hypoglycaemia, "
    "written in plain English.",
    "Afterwards fewer people missed appointments, and A&E attendances for low blood sugar fell "
    "over the following year.",
    "One patient wrote that it was the first time anyone had asked what a good day looked like "
    "for her.",
    "We shared the findings at https://www.example.nhs.uk/diabetes and in doi:10.1136/bmj.n1234 "
    "with our ICB.",
    "The pateint partners were paid for their time at the NIHR rate and reimbursed for travel "
    "and childcare.",
    "Staff from the ICU and the stroke unit asked to join the next round of workshops.",
]
_MISSPELT = ["recieve", "pateint", "hospitel", "accomodation", "seperate", "occured",
             "perscription", "diabetis", "metfornin", "definately", "Wich", "beleive"]
_FAR = ["accomodatoin", "definatly", "embarassment", "neccessary", "psycology", "recievd"]


def article(words: int = 1500) -> list[str]:
    """Paragraphs of about 100 words, each different, adding up to exactly ``words``."""
    paragraphs, total, index = [], 0, 0
    while total < words:
        chosen = " ".join(_SENTENCES[(index + k) % len(_SENTENCES)] for k in range(6)).split()
        chosen = chosen[:words - total]
        paragraphs.append(" ".join(chosen))
        total += len(chosen)
        index += 1
    return paragraphs


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def _time(action: Callable[[], object], repeats: int,
          before: Callable[[], object] | None = None) -> list[float]:
    samples = []
    for _ in range(repeats):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def _highlight_rows(paragraphs: list[str], repeats: int) -> list[dict]:
    try:
        from PySide6.QtGui import QGuiApplication, QTextDocument

        from pipwriter.ui.spell_highlighter import SpellHighlighter
    except ImportError:
        return []
    _app = QGuiApplication.instance() or QGuiApplication(["bench"])  # noqa: F841 - keep alive
    engine = SpellEngine("en_GB", None)
    document = QTextDocument()
    document.setPlainText("\n".join(paragraphs))
    highlighter = SpellHighlighter(document, engine)
    return [_summary("QTextDocument highlight, empty cache",
                     _time(highlighter.refresh, repeats, before=engine.clear_cache)),
            _summary("QTextDocument highlight, cached",
                     _time(highlighter.refresh, repeats))]


def run(quick: bool) -> list[dict]:
    folder = default_dictionaries_dir()
    loads = 2 if quick else 15
    checks = 3 if quick else 50
    rows = [
        _summary("load en_GB list (gzip -> sets)",
                 _time(lambda: read_wordlist(folder / "en_GB.words.gz"), loads)),
        _summary("load health list",
                 _time(lambda: read_plain_words(folder / "health.words"), loads)),
        _summary("engine start-up (lists read from disk)",
                 _time(lambda: SpellEngine("en_GB", None), loads, before=clear_wordlist_cache)),
    ]
    fresh: list = []
    rows.append(_summary("frequency scores parsed (first suggestion)",
                         _time(lambda: fresh[-1].scores(), loads, before=lambda: fresh.append(
                             read_wordlist(folder / "en_GB.words.gz")))))
    try:
        from spellchecker import SpellChecker
        rows.append(_summary("pyspellchecker SpellChecker() (comparison)",
                             _time(SpellChecker, 1 if quick else 5)))
    except ImportError:
        pass

    engine = SpellEngine("en_GB", None)
    engine.warm_up()
    paragraphs = article(1500)
    words = sum(len(p.split()) for p in paragraphs)

    def check_all() -> None:
        for paragraph in paragraphs:
            engine.misspelt_spans(paragraph)

    rows.append(_summary(f"check {words:,}-word article, empty cache",
                         _time(check_all, checks, before=engine.clear_cache)))
    edited = list(paragraphs)

    def keystroke() -> None:
        edited[len(edited) // 2] += "a"
        for paragraph in edited:
            engine.misspelt_spans(paragraph)

    rows.append(_summary(f"re-check {words:,} words after a keystroke",
                         _time(keystroke, checks * 4)))
    rows.append(_summary("every paragraph checked again (cached)",
                         _time(lambda: [engine.misspelt_spans(p) for p in paragraphs], checks)))
    rows.extend(_highlight_rows(paragraphs, 2 if quick else 20))
    near = _MISSPELT[:3] if quick else _MISSPELT
    rows.append(_summary("suggest, edit distance 1 (per word)",
                         [s for w in near for s in _time(lambda w=w: engine.suggest(w), 3)]))
    far = _FAR[:1] if quick else _FAR
    rows.append(_summary("suggest_more, distance 2, bounded (per word)",
                         [s for w in far for s in _time(lambda w=w: engine.suggest_more(w), 1)]))
    return rows


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    print(f"Spelling benchmarks{' (quick)' if quick else ''}")
    for row in run(quick):
        print(f"  {row['name']:<48} median {row['median_ms']:8.3f} ms   "
              f"p95 {row['p95_ms']:8.3f} ms   n={row['n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
