"""Plain language (readability, long sentences) and spelling."""

from __future__ import annotations

from collections.abc import Iterator

from ..language.readability import band
from .check_context import (
    CheckContext,
    at_article,
    at_section,
    section_name,
)
from .findings import TIP, WARNING, Finding
from .spelling_findings import NOT_CHECKED, spelling_findings


# --- plain language ----------------------------------------------------------------------------
def readability(ctx: CheckContext) -> Iterator[Finding]:
    plain = ctx.plain
    target = plain.reading_ease_target
    overall = plain.overall
    if overall.reading_ease is not None and overall.words >= plain.min_words and \
            overall.reading_ease < target:
        yield Finding(TIP, "readability-hard",
                      f"The article's reading ease is {overall.reading_ease:.0f} (reading "
                      f"age {overall.reading_age_text}). Plain English, which patients and "
                      f"carers read with ease, scores {target:.0f} or more. Short sentences and "
                      "everyday words help.", at_article())
    for section in ctx.article.sections:
        figures = plain.sections.get(section.id)
        if figures and figures.reading_ease is not None and \
                figures.words >= plain.min_words and figures.reading_ease < target:
            yield Finding(TIP, "readability-hard",
                          f"“{section_name(section)}” is "
                          f"{band(figures.reading_ease).lower()} to read (reading ease "
                          f"{figures.reading_ease:.0f}; aim for {target:.0f} or more). "
                          "Try shorter sentences and everyday words.", at_section(section))


def long_sentences(ctx: CheckContext) -> Iterator[Finding]:
    plain = ctx.plain
    for section in ctx.article.sections:
        long = plain.long_sentences.get(section.id, ())
        if not long:
            continue
        words, sentence = long[0]
        opening = " ".join(sentence.split()[:8])
        more = (f" Other sentences here are over {plain.long_sentence_words} words too."
                if len(long) > 1 else "")
        yield Finding(TIP, "sentence-long",
                      f"In “{section_name(section)}” a sentence of {words} words begins "
                      f"“{opening}…”. Splitting it makes it easier to read.{more}",
                      at_section(section))


# --- spelling (pipwriter/model/spelling_findings.py) -----------------------------------------
def spelling(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.speller is None:
        return
    damage = ctx.speller.lists.damage()     # a word list missing or damaged: nothing is judged
    if damage is not None:
        yield Finding(WARNING, NOT_CHECKED,
                      f"Spelling has not been checked: PiP Writer cannot use its word lists. "
                      f"{damage}", at_article())
        return
    yield from spelling_findings(ctx.article, ctx.speller, ctx.template.panels)
