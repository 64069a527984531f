"""Checks on writing together: comments still open block an export for submission (a draft
export is allowed), so talk between the authors is settled before the editors see the article."""

from __future__ import annotations

from collections.abc import Iterator

from .check_context import CheckContext, plural
from .findings import ERROR, Finding


def open_comments(ctx: CheckContext) -> Iterator[Finding]:
    still_open = [c for c in ctx.article.comments if not c.resolved]
    if still_open:
        count = len(still_open)
        yield Finding(ERROR, "comments-open",
                      f"{plural(count, 'comment is', 'comments are')} still open. Answer or "
                      "resolve each one (View › Comments) before you export for submission. "
                      "A draft export is fine.", still_open[0].where)
