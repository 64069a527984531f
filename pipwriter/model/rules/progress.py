"""The navigator's marks, derived from the checks' findings (never judged again here).

Each panel is

* ``empty``: nothing written or added there yet;
* ``problem``: something there must be fixed before the article is sent (an error points to it);
* ``started``: something there should still be looked at (a warning points to it);
* ``done``: written, and no error or warning points to it (tips are advice and never change a
  mark; a warning the authors dismissed no longer counts).

``pipwriter check --json`` reports the same statuses under ``"panels"``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..article.article import Article
from ..language.counts import ArticleCounts
from .findings import ERROR, WARNING, Finding

EMPTY, STARTED, DONE, PROBLEM = "empty", "started", "done", "problem"
STATUSES = (EMPTY, STARTED, DONE, PROBLEM)
TOP_PANELS = ("title",)                                       # above the sections
LOWER_PANELS = ("key_messages", "references", "authors", "illustrations",
                "competing_interests")                        # below them


def panel_keys(article: Article) -> list[str]:
    """Every panel with a mark, in the navigator's order."""
    return [*TOP_PANELS, *(f"section:{s.id}" for s in article.sections), *LOWER_PANELS]


def has_content(article: Article, counts: ArticleCounts, key: str) -> bool:
    """Whether anything has been written or added in this panel."""
    if key.startswith("section:"):
        figures = counts.section(key.split(":", 1)[1])
        return bool(figures and figures.words)
    if key == "title":
        return bool(article.title.strip() or article.standfirst.strip())
    if key == "key_messages":
        return any(m.strip() for m in article.key_messages) or bool(counts.key_quotes)
    if key == "references":
        return bool(article.references)
    if key == "authors":
        return bool(article.authors)
    if key == "illustrations":
        return bool(article.illustrations or article.clips)
    if key == "competing_interests":
        return any(a.disclosure.is_started() or a.disclosure.custom_statement.strip()
                   for a in article.authors)
    return False


def panel_statuses(article: Article, counts: ArticleCounts,
                   findings: Iterable[Finding]) -> dict[str, str]:
    """Each panel's status from the findings still open (dismissed ones left out)."""
    severities: dict[str, set[str]] = {}
    for finding in findings:
        for place in finding.all_places():
            severities.setdefault(place.panel_key(), set()).add(finding.severity)
    out = {}
    for key in panel_keys(article):
        found = severities.get(key, set())
        out[key] = (EMPTY if not has_content(article, counts, key) else
                    PROBLEM if ERROR in found else STARTED if WARNING in found else DONE)
    return out
