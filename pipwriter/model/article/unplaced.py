"""The section a Word import puts the text it could not place in ("Imported text not yet
placed"): the authors move that text where it belongs. It never counts toward the word limit,
and the checks make it a must-fix (``imported-text-unplaced``)."""

from __future__ import annotations

from .article import Section

UNPLACED_KEY = "imported-unplaced"
UNPLACED_TITLE = "Imported text not yet placed"


def is_unplaced_section(section: Section) -> bool:
    """Whether this is the import's section of text not yet placed."""
    return section.key == UNPLACED_KEY or (section.kind == "other" and not section.key and
                                           section.title.strip() == UNPLACED_TITLE)
