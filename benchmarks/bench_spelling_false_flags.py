"""Spelling false flags: how many correctly spelt words British health prose gets underlined.

The corpus, ``tests/data/british_health_prose.txt``, is about 3,900 words of British-English
health-service writing (patients, carers, nurses, doctors, managers), spelt correctly
throughout, so every flag on it is a false flag. Lines starting with '#' are not checked.
Checked with ``SpellEngine("en_GB", None)``: no personal dictionary, no authors' names.

Reports the words checked, the distinct words flagged, the flagged occurrences, the false-flag
rate (occurrences per word checked) and the flagged words themselves. docs/spelling.md keeps
the figures before and after the word lists were fixed.

    python benchmarks/bench_spelling_false_flags.py      or      python -m benchmarks bench_spelling_false_flags
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from pipwriter.model.language.spelling import SpellEngine  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "british_health_prose.txt"
# A "word" for the rate: a run of letters, digits, apostrophes and hyphens with a letter in it
# (what a reader would count; co-production is one word even though its parts are checked apart).
_WORD = re.compile(r"[\w'\u2019\-]*[^\W\d_][\w'\u2019\-]*")


def corpus_paragraphs(path: Path = CORPUS) -> list[str]:
    """The corpus's paragraphs (one per line), without blank lines and '#' comment lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def measure(engine: SpellEngine, paragraphs: list[str]) -> dict:
    """Words checked, flagged occurrences and the distinct flagged words (first seen first)."""
    words = sum(len(_WORD.findall(paragraph)) for paragraph in paragraphs)
    occurrences = [word for paragraph in paragraphs
                   for _start, _end, word in engine.misspelt_spans(paragraph)]
    return {"words": words, "occurrences": len(occurrences),
            "flagged": list(dict.fromkeys(occurrences))}


def run(quick: bool) -> list[dict]:  # noqa: ARG001 - one pass is already quick (~10 ms)
    result = measure(SpellEngine("en_GB", None), corpus_paragraphs())
    rate = 100 * result["occurrences"] / max(1, result["words"])
    return [
        {"name": "words checked (British health prose)", "value": result["words"],
         "unit": "words"},
        {"name": "distinct words flagged", "value": len(result["flagged"]), "unit": "words"},
        {"name": "flagged-word occurrences", "value": result["occurrences"], "unit": "flags"},
        {"name": "false-flag rate", "value": f"{rate:.2f}", "unit": "% of words"},
        {"name": "flagged words", "value": ", ".join(result["flagged"]) or "none", "unit": ""},
    ]


def main() -> int:
    print("Spelling false flags on British health prose (every flag is a false flag)")
    for row in run(quick=False):
        print(f"  {row['name']:<40} {row['value']} {row['unit']}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
