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
        # a reply does not close a comment: say what does (found by a walk: "Answer or
        # resolve" left a comment answered, still open, and its author not knowing why)
        yield Finding(ERROR, "comments-open",
                      f"{plural(count, 'comment is', 'comments are')} still open. When you "
                      "have dealt with each one, mark it resolved (View › Comments) before you "
                      "export for submission. A draft export is fine.", still_open[0].where)


def pending_suggestions(ctx: CheckContext) -> Iterator[Finding]:
    """One finding for all the suggestions waiting, at every section holding some, so each
    shows its mark and the checklist and a draft's note say it once (they said it once for
    each section: found by a walk)."""
    by_section: dict[str, int] = {}
    for suggestion in pending(ctx.article):
        by_section[suggestion.section_id] = by_section.get(suggestion.section_id, 0) + 1
    if not by_section:
        return
    places = []
    for section_id in by_section:
        section = ctx.article.section(section_id)
        places.append(Where("section", section_id, label=section.title if section else "",
                            field="body"))
    total = sum(by_section.values())
    first = f"“{places[0].label}”" if places[0].label else "one section"
    where = first if len(places) == 1 else \
        f"{first} and {plural(len(places) - 1, 'other section')}"
    yield Finding(ERROR, "suggestions-pending",
                  f"{plural(total, 'suggested change is', 'suggested changes are')} waiting, "
                  f"in {where}. Accept or reject each one (View › Suggested changes) before "
                  "you export for submission. A draft export is fine.",
                  places[0], places=tuple(places))
