"""Checks on the article as a whole: title, words, sections, text not yet placed."""

from __future__ import annotations

from collections.abc import Iterator

from ..article.unplaced import is_unplaced_section
from .check_context import (
    CheckContext,
    at_article,
    at_section,
    at_title,
    plural,
    section_name,
)
from .findings import ERROR, WARNING, Finding


# --- the whole article ----------------------------------------------------------------------
def title_missing(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.article.title.strip():
        yield Finding(ERROR, "title-missing", "The article has no title yet. Give it a short "
                      "title that says what the partnership did.", at_title())


def _counted_parts_text(ctx: CheckContext) -> str:
    names = {"sections": "guidance sections", "viewpoints": "viewpoints"}
    parts = [names.get(p, p.replace("_", " ")) for p in ctx.counts.counted_parts]
    return " and ".join(parts) if len(parts) <= 2 else ", ".join(parts)


def word_band(ctx: CheckContext) -> Iterator[Finding]:
    band = ctx.limit("words")
    words = ctx.counts.words_counted
    tolerance = ctx.template.rules.words_tolerance_percent / 100
    aim = (f"{band.min:,}–{band.max:,}" if band.min is not None and band.max is not None
           else f"at least {band.min:,}" if band.min is not None else f"at most {band.max:,}")
    counted = f"{plural(words, 'word')} counted ({_counted_parts_text(ctx)})"
    if band.min is not None and words < band.min:
        severity = ERROR if words < band.min * (1 - tolerance) else WARNING
        yield Finding(severity, "words-under",
                      f"The article has {counted}; the series asks for about {aim}. "
                      f"Add about {plural(band.min - words, 'word')}.", at_article())
    elif band.max is not None and words > band.max:
        severity = ERROR if words > band.max * (1 + tolerance) else WARNING
        yield Finding(severity, "words-over",
                      f"The article has {counted}; the series asks for about {aim}. "
                      f"Cut about {plural(words - band.max, 'word')}.", at_article())


def empty_or_short_sections(ctx: CheckContext) -> Iterator[Finding]:
    for section in ctx.article.sections:
        figures = ctx.counts.section(section.id)
        words = figures.words if figures else 0
        if words == 0:
            if section.kind == "viewpoint":
                owner = ctx.article.viewpoint_owner_names(section) or "its author"
                message = (f"The viewpoint “{section_name(section)}” has no text yet. "
                           f"{owner} writes it in their own words; or remove the viewpoint.")
            else:
                message = (f"“{section_name(section)}” has no text yet. Write it, or remove "
                           "the section if it does not fit your project.")
            yield Finding(ERROR, "section-empty", message, at_section(section))
            continue
        spec = ctx.template.section_spec(section.key)
        if spec and spec.min_words and words < spec.min_words:
            yield Finding(WARNING, "section-short",
                          f"“{section_name(section)}” has {plural(words, 'word')}; most articles "
                          f"give this part at least {spec.min_words}. The questions beside the "
                          "text may help.", at_section(section))


# The section the Word import puts the text it could not place (pipwriter.importer): marked by
# its key; a project imported before the key existed is recognised by its kind and title.
def unplaced_imported_text(ctx: CheckContext) -> Iterator[Finding]:
    for section in ctx.article.sections:
        if not is_unplaced_section(section):
            continue
        held = sum(1 for p in section.body.paragraphs if p.text().strip() or p.citations())
        what = (f"still holds {plural(held, 'paragraph')} from the Word draft, which would go to "
                "the editors as it is. Move each where it belongs, or delete it, then remove "
                "the section." if held else "is empty: remove it.")
        yield Finding(ERROR, "imported-text-unplaced", f"“{section_name(section)}” {what}",
                      at_section(section))
