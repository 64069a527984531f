"""Typing speed of the model's figures: one keystroke, then the live figures brought up to date.

A keystroke appends one character to one paragraph (every fifth character is a space, so the
count really changes). Then the live figures are recomputed the way the app does it: every
section's words through the shared :class:`ParagraphCounter` (one paragraph is new, the rest are
cache look-ups) and the words outside the sections. Measured in a 1,500-word and a 50,000-word
article; also the changed section alone, and the whole checklist (counts, citations, readability,
every rule) that runs when the checklist is opened or the article exported, never while typing.

    python -m benchmarks bench_typing_model
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipwriter.model.article.author import Author  # noqa: E402
from pipwriter.model.article.factory import new_article  # noqa: E402
from pipwriter.model.article.reference import Reference  # noqa: E402
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run  # noqa: E402
from pipwriter.model.language.counts import (  # noqa: E402
    ParagraphCounter,
    count_article,
    counted_extra_words,
    section_counts_toward_limit,
    section_words,
)
from pipwriter.model.language.wordcount import warm_up  # noqa: E402
from pipwriter.model.rules.checks import run_checks  # noqa: E402
from pipwriter.model.rules.template import get_template  # noqa: E402
from pipwriter.model.storage.project import Project  # noqa: E402

_WORDS = ("we met every month in the clinic and talked about what mattered most to the "
          "people who use the service co-production took time but the patient partners "
          "changed how we ran the ward and the staff learnt to listen first").split()
_PARAGRAPH_WORDS = 80


def make_project(words: int) -> Project:
    template = get_template("bmj-partnership-in-practice")
    authors = [Author("Dr Asha Patel", "health_professional"), Author("Sam Jones", "patient")]
    article = new_article(template, "Walking together", authors)
    refs = [Reference(title=f"Study {i}", container="BMJ", year="2020") for i in range(4)]
    article.references = refs
    article.key_messages = ["Listen first.", "Share the decisions.", "Keep going."]
    paragraphs = max(1, words // _PARAGRAPH_WORDS)
    bodies: list[list[Paragraph]] = [[] for _ in article.sections]
    for n in range(paragraphs):
        start = (n * 7) % len(_WORDS)
        text = " ".join(_WORDS[(start + i) % len(_WORDS)] for i in range(_PARAGRAPH_WORDS))
        items = [Run(text[:40]), Citation([refs[n % len(refs)].id]), Run(text[40:] + ".")]
        bodies[n % len(bodies)].append(Paragraph(items))
    for section, body in zip(article.sections, bodies, strict=True):
        section.body = RichText(body)
    return Project(article)


def live_figures(project: Project, template, counter: ParagraphCounter) -> tuple[int, int]:
    """What the app's live figures do after a keystroke (without Qt)."""
    article = project.article
    counted = total = 0
    for section in article.sections:
        words = section_words(section, article.settings.word_count_profile, counter)
        total += words
        if section_counts_toward_limit(section, template):
            counted += words
    extra_counted, extra_total = counted_extra_words(article, template, None, counter)
    return counted + extra_counted, total + extra_total


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def _typing(project: Project, template, keystrokes: int, whole: bool) -> list[float]:
    counter = ParagraphCounter()
    live_figures(project, template, counter)          # the article was open already
    sections = [s for s in project.article.sections if s.body.paragraphs]
    section = sections[len(sections) // 2]
    run = section.body.paragraphs[len(section.body.paragraphs) // 2].items[-1]
    samples = []
    for i in range(keystrokes):
        started = time.perf_counter()
        run.text += " " if i % 5 == 4 else "a"
        if whole:
            live_figures(project, template, counter)
        else:
            section_words(section, "word", counter)
        samples.append(time.perf_counter() - started)
    return samples


def _checklist(project: Project, template, repeats: int) -> list[float]:
    counter = ParagraphCounter()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        counts = count_article(project.article, template, cache=counter)
        run_checks(project, template, counts)
        samples.append(time.perf_counter() - started)
    return samples


def run(quick: bool) -> list[dict]:
    warm_up()
    template = get_template("bmj-partnership-in-practice")
    keystrokes = 30 if quick else 1000
    rows = []
    for words in (1500, 50000):
        project = make_project(words)
        label = f"{words:,} words"
        rows.append(_summary(f"keystroke -> live figures, {label}",
                             _typing(project, template, keystrokes, whole=True)))
        rows.append(_summary(f"keystroke -> changed section only, {label}",
                             _typing(project, template, keystrokes, whole=False)))
        repeats = 2 if quick else (20 if words <= 1500 else 5)
        rows.append(_summary(f"checklist (counts + every rule), {label}",
                             _checklist(make_project(words), template, repeats)))
    return rows


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    for row in run(quick):
        print(f"{row['name']:<50} median {row['median_ms']:8.3f} ms   "
              f"p95 {row['p95_ms']:8.3f} ms   n={row['n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
