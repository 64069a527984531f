"""Checks on writing together: comments still open and suggested changes not yet accepted or
rejected block an export for submission (a draft export is allowed), so talk between the authors
is settled before the editors see the article."""

from __future__ import annotations

from collections.abc import Iterator

from ..coauthoring.suggestions import pending
from .check_context import CheckContext, plural
from .findings import ERROR, Finding, Where


def open_comments(ctx: CheckContext) -> Iterator[Finding]:
    still_open = [c for c in ctx.article.comments if not c.resolved]
    if still_open:
        count = len(still_open)
        yield Finding(ERROR, "comments-open",
                      f"{plural(count, 'comment is', 'comments are')} still open. Answer or "
                      "resolve each one (View › Comments) before you export for submission. "
                      "A draft export is fine.", still_open[0].where)


def pending_suggestions(ctx: CheckContext) -> Iterator[Finding]:
    """One finding for each section holding suggestions, so each shows its mark."""
    by_section: dict[str, int] = {}
    for suggestion in pending(ctx.article):
        by_section[suggestion.section_id] = by_section.get(suggestion.section_id, 0) + 1
    total = sum(by_section.values())
    for section_id, count in by_section.items():
        section = ctx.article.section(section_id)
        here = "" if count == total else f" ({count} of them here)"
        yield Finding(ERROR, "suggestions-pending",
                      f"{plural(total, 'suggested change is', 'suggested changes are')} "
                      f"waiting{here}. Accept or reject each one (View › Suggested changes) "
                      "before you export for submission. A draft export is fine.",
                      Where("section", section_id,
                            label=section.title if section else "", field="body"))
