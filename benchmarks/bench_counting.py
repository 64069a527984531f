"""How long counting and readability take (they run while the author types).

    python benchmarks/bench_counting.py [--quick] [--json OUT]

Prints median and 95th-percentile times for counting one paragraph after an edit, a whole
1,500-word article and a 50,000-word text, in both counting profiles, and for the readability
figures of 1,500 words.  ``--quick`` makes the runs tiny (to check the script still works).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipwriter.model.language.readability import analyse, count_syllables  # noqa: E402
from pipwriter.model.language.wordcount import PROFILES, count_words, warm_up  # noqa: E402

# Words and punctuation typical of a co-written health article, with the characters that make
# counting hard: dashes, curly quotes, ellipses, numbers, a web address.
_VOCABULARY = (
    "the patients and staff we our clinic nurse-led co-production together listened changed "
    "appointments waiting months hospital carers felt heard trust community project team "
    "learnt a of to in was were that with for it this on but not they had would it’s don’t "
    "1,250 45% 3.5mg 2019–2021 e.g. NHS GP https://www.bmj.com/content/384 @PatientVoice "
    "#PatientsIncluded state-of-the-art light-bulb well-being decision-making"
).split()
_PUNCTUATION = [",", ",", ".", ".", ".", "?", "…", " —", ";", ":"]


def make_text(words: int, seed: int = 1) -> str:
    """A deterministic article-like text of about ``words`` words in paragraphs of ~120."""
    rnd = random.Random(seed)
    paragraphs, sentence, paragraph = [], [], []
    for index in range(words):
        word = rnd.choice(_VOCABULARY)
        if not sentence:
            word = word[:1].upper() + word[1:]
        if rnd.random() < 0.05:
            word = f"“{word}”"
        sentence.append(word)
        if len(sentence) > rnd.randint(6, 24):
            sentence[-1] += rnd.choice(_PUNCTUATION)
            paragraph.append(" ".join(sentence))
            sentence = []
        if len(paragraph) >= 6 or index == words - 1:
            paragraph.append(" ".join(sentence))
            paragraphs.append(" ".join(part for part in paragraph if part))
            paragraph, sentence = [], []
    return "\n".join(paragraphs)


def _measure(name: str, action: Callable[[int], object], repeats: int) -> dict:
    times = []
    for i in range(repeats):
        started = time.perf_counter_ns()
        action(i)
        times.append((time.perf_counter_ns() - started) / 1e6)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"name": name, "median_ms": round(times[len(times) // 2], 4), "p95_ms": round(p95, 4),
            "n": repeats}


def run(quick: bool) -> list[dict]:
    warm_up()
    repeats = 5 if quick else 200
    big_repeats = 2 if quick else 20
    article = make_text(1_500)
    long_text = make_text(50_000, seed=2)
    paragraph = article.split("\n")[0]
    # An edit: the paragraph with one more character typed each time.
    edits = [paragraph[: len(paragraph) // 2] + "abcdefghij"[i % 10] + paragraph[len(paragraph) // 2:]
             for i in range(repeats)]
    unusual = article.replace("clinic", "m²", 1)  # that paragraph needs the full rules
    rows = []
    for profile in PROFILES:
        rows.append(_measure(f"count one paragraph edit ({profile})",
                             lambda i, p=profile: count_words(edits[i], p), repeats))
        rows.append(_measure(f"count 1,500 words ({profile})",
                             lambda i, p=profile: count_words(article, p), repeats))
        rows.append(_measure(f"count 50,000 words ({profile})",
                             lambda i, p=profile: count_words(long_text, p), big_repeats))
    rows.append(_measure("count 1,500 words with one m² (libreoffice)",
                         lambda i: count_words(unusual, "libreoffice"), repeats))

    def readability_cold(_: int) -> None:
        count_syllables.cache_clear()
        analyse(article)

    rows.append(_measure("readability 1,500 words (first time)", readability_cold, big_repeats))
    rows.append(_measure("readability 1,500 words (again)", lambda i: analyse(article),
                         big_repeats))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_counting", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny runs, to check they work")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write results as JSON")
    args = parser.parse_args(argv)
    rows = run(args.quick)
    for row in rows:
        print(f"{row['name']:<58} median {row['median_ms']:8.3f} ms   "
              f"p95 {row['p95_ms']:8.3f} ms   n={row['n']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
