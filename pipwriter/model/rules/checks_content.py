"""Checks on key messages, key quotes, references and citations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .check_context import (
    CheckContext,
    at_panel,
    at_reference,
    at_section,
    plural,
    reference_short,
    section_name,
)
from .findings import ERROR, TIP, WARNING, Finding


# --- key messages and quotes -------------------------------------------------------------------
def key_messages(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("key_messages")
    count = ctx.counts.key_messages
    where = at_panel(ctx, "key_messages", "Key messages")
    aim = (f"{limit.min}–{limit.max}" if limit.min is not None and limit.max is not None
           else str(limit.min if limit.min is not None else limit.max))
    if limit.min is not None and count < limit.min:
        yield Finding(ERROR, "key-messages-too-few",
                      f"There {'is' if count == 1 else 'are'} {plural(count, 'key message')}; "
                      f"the editors ask for {aim} short take-home messages. Add "
                      f"{limit.min - count} more.", where)
    elif limit.max is not None and count > limit.max:
        yield Finding(WARNING, "key-messages-too-many",
                      f"There are {plural(count, 'key message')}; the editors ask for {aim}. Keep "
                      "the strongest and remove the rest.", where)


# a quote running on past its sentence's end by a word or three ("…after a month. The")
_RUNS_ON = re.compile(r"[.!?][\"'”’)]?\s+(\S+(?:\s+\S+){0,2})$")


def key_quotes(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("key_quotes")
    if limit.min is not None and ctx.counts.key_quotes < limit.min:
        yield Finding(WARNING, "key-quote-missing",
                      "No key quote is flagged. Select a striking sentence anywhere in the "
                      "article and flag it as a key quote.",
                      at_panel(ctx, "key_messages", "Key messages"))
    for _quote, section_id, text in ctx.article.key_quotes():
        stray = _RUNS_ON.search(text.strip())
        section = ctx.article.section(section_id)
        if stray and stray.group(1)[-1] not in ".!?\"'”’)" and section is not None:
            # found by a walk: "…after a month. The" went to the editors as a key quote
            yield Finding(WARNING, "key-quote-runs-on",
                          f"A key quote ends with words from the next sentence "
                          f"(“{stray.group(1)}”). Flag the sentence again, from its first word "
                          "to its full stop.", at_section(section))


# --- references and citations ------------------------------------------------------------------
def reference_count(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("references")
    count = ctx.counts.references
    if limit.max is not None and count > limit.max:
        yield Finding(ERROR, "references-too-many",
                      f"There are {plural(count, 'reference')}; the series allows up to "
                      f"{limit.max}. Remove {count - limit.max}, keeping the ones that support "
                      "what matters most.", at_panel(ctx, "references", "References"))


def broken_citations(ctx: CheckContext) -> Iterator[Finding]:
    per_section: dict[str, int] = {}
    for group, _ref_id in ctx.citations.missing:
        per_section[group.section_id] = per_section.get(group.section_id, 0) + 1
    for section_id, count in per_section.items():
        section = ctx.article.section(section_id)
        if section is None:
            continue
        yield Finding(ERROR, "citation-missing-reference",
                      f"{'A citation' if count == 1 else plural(count, 'citation')} in "
                      f"“{section_name(section)}” {'points' if count == 1 else 'point'} to a "
                      "reference that is no longer in the list. It shows as [?]. Remove it, "
                      "or cite another reference.", at_section(section))
    for group in ctx.citations.duplicates:
        section = ctx.article.section(group.section_id)
        if section is not None:
            yield Finding(TIP, "citation-duplicate",
                          f"A citation in “{section_name(section)}” names the same reference "
                          "twice; it is printed once.", at_section(section))


def uncited_references(ctx: CheckContext) -> Iterator[Finding]:
    uncited = set(ctx.citations.uncited)      # a set: 50,000 references stay quick
    for ref in ctx.article.references:
        if ref.id in uncited:
            yield Finding(WARNING, "reference-uncited",
                          f"Reference “{reference_short(ref)}” is not cited in the text. Cite "
                          "it where it supports what you say, or remove it.",
                          at_reference(ctx, ref))


def incomplete_references(ctx: CheckContext) -> Iterator[Finding]:
    for ref in ctx.article.references:
        if not (ref.title.strip() or ref.text.strip() or ref.url.strip() or ref.doi.strip()):
            yield Finding(WARNING, "reference-incomplete",
                          "A reference has no title, text, link or DOI. Complete it so readers "
                          "can find it.", at_reference(ctx, ref))


def references_as_written(ctx: CheckContext) -> Iterator[Finding]:
    """A reference kept as typed (kind "other") cannot be set out in BMJ style by the app."""
    for ref in ctx.article.references:
        if ref.kind == "other" and ref.text.strip():
            yield Finding(WARNING, "reference-as-written",
                          "This reference is kept as it was typed, so it may not be in BMJ "
                          "style. Check it, or fill in its parts: authors, title, journal and "
                          "year.", at_reference(ctx, ref))

