"""Making a new article from a template: the guidance sections and one viewpoint per partner."""

from __future__ import annotations

from ..rules.template import Template
from .article import Article, Section
from .author import Author
from .limits import HEADING_MAX


def viewpoint_title(template: Template, authors: list[Author]) -> str:
    """e.g. "Clinician's viewpoint: Dr Asha Patel" from the template's side label."""
    if not authors:
        return template.viewpoint.title
    side = template.side(template.side_of(authors[0].partner_type))
    label = side.viewpoint_label if side and side.viewpoint_label else template.viewpoint.title
    return f"{label}: {' and '.join(a.name for a in authors)}"


def make_viewpoint(template: Template, authors: list[Author]) -> Section:
    title = " ".join(viewpoint_title(template, authors).split())[:HEADING_MAX]
    return Section(title, kind="viewpoint",
                   key=template.viewpoint.key, author_ids=[a.id for a in authors])


def make_guidance_section(template: Template, key: str) -> Section:
    spec = template.section_spec(key)
    if spec is None:
        raise KeyError(key)
    return Section(spec.title, kind="guidance", key=key)


def new_article(template: Template, title: str = "", authors: list[Author] | None = None,
                viewpoint_groups: list[list[Author]] | None = None) -> Article:
    """An article laid out in the template's order.

    ``viewpoint_groups`` lists whose viewpoint each viewpoint section is; by default one
    viewpoint per author.
    """
    authors = list(authors or [])
    groups = viewpoint_groups if viewpoint_groups is not None else [[a] for a in authors]
    sections: list[Section] = []
    for key in template.order:
        if key == "@viewpoints":
            sections.extend(make_viewpoint(template, group) for group in groups)
        else:
            sections.append(make_guidance_section(template, key))
    return Article(template_id=template.id, title=title, authors=authors, sections=sections)
