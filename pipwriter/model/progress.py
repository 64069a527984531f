"""How far along each panel is, for the navigator's marks: empty, started or meets its guidance."""

from __future__ import annotations

from .article import Article, Section
from .template import Template

EMPTY, STARTED, DONE = "empty", "started", "done"


def section_status(section: Section, words: int, template: Template) -> str:
    if words == 0:
        return EMPTY
    spec = template.section_spec(section.key)
    minimum = spec.min_words if spec else 0
    questions = {q.id for q in spec.questions} if spec else set()
    if words >= minimum and (not questions or questions <= set(section.ticked) or
                             words >= 2 * minimum):
        return DONE
    return STARTED


def panel_status(article: Article, template: Template, panel: str) -> str:
    """Status of the non-text panels, from the same limits the checklist uses."""
    if panel == "title":
        return DONE if article.title.strip() and article.standfirst.strip() else \
            STARTED if article.title.strip() else EMPTY
    if panel == "key_messages":
        n = len([m for m in article.key_messages if m.strip()])
        return EMPTY if n == 0 else DONE if template.limit("key_messages").contains(n) \
            and article.key_quotes() else STARTED
    if panel == "references":
        n = len(article.references)
        cited = set(article.citation_order())
        ok = template.limit("references").contains(n) and all(r.id in cited
                                                              for r in article.references)
        return EMPTY if n == 0 else DONE if ok else STARTED
    if panel == "authors":
        if not article.authors:
            return EMPTY
        sides = {template.side_of(a.partner_type) for a in article.authors}
        ok = all(a.photo for a in article.authors) and all(s.id in sides for s in template.sides
                                                            if s.min_authors)
        return DONE if ok else STARTED
    if panel == "illustrations":
        n = len(article.illustrations) + len(article.clips)
        complete = all(i.caption and i.alt_text and i.permission for i in article.illustrations)
        return EMPTY if n == 0 else DONE if complete and template.limit(
            "illustrations").contains(len(article.illustrations)) else STARTED
    if panel == "competing_interests":
        certified = [a.disclosure.is_certified() for a in article.authors]
        return DONE if certified and all(certified) else STARTED if any(
            a.disclosure.is_started() for a in article.authors) else EMPTY
    return EMPTY
