"""Citations and references: BMJ numbering, the problems a checklist reports, and how an in-text
citation group is written ("[1]", "[1,2]", "[1–3]").

BMJ (Vancouver) numbers references in the order they are first cited. Citations store reference
ids, so the numbers in the text are always in first-citation order by construction. What can be
"out of order" is the reference *list* as the authors typed it: the app lists and numbers it in
order of first citation everywhere (the References panel, the preview, the export), so the order
it was typed in never shows. A citation group that names the same reference twice is reported
too; groups are always written with their numbers ascending.
"""

from __future__ import annotations

from dataclasses import dataclass

from .article import Article

EN_DASH = "\u2013"


def format_citation(numbers: list[int], style: str = "brackets") -> str:
    """One in-text citation group: ``[1]``, ``[1,2]``, ``[1–3]``, ``[1,3–5]``.

    Numbers are sorted and duplicates dropped; three or more consecutive numbers become a range
    with an en dash, two stay as a pair ("1,2"). ``style="superscript"`` gives the same text
    without brackets (the caller raises it). No numbers gives "".
    """
    values = sorted({int(n) for n in numbers})
    if not values:
        return ""
    parts: list[str] = []
    start = prev = values[0]
    for value in [*values[1:], None]:
        if value is not None and value == prev + 1:
            prev = value
            continue
        if prev - start >= 2:
            parts.append(f"{start}{EN_DASH}{prev}")
        elif prev == start:
            parts.append(str(start))
        else:
            parts.append(f"{start},{prev}")
        if value is not None:
            start = prev = value
    text = ",".join(parts)
    return text if style == "superscript" else f"[{text}]"


@dataclass(frozen=True)
class CitationPlace:
    """One citation group in the text: which section, which paragraph, which references."""

    section_id: str
    paragraph: int          # index of the paragraph within the section
    refs: tuple[str, ...]


@dataclass(frozen=True)
class CitationAnalysis:
    """The article's citations against its reference list: every citation group, the BMJ numbers,
    and the problems (references missing from the list, never cited, or named twice in a group)."""

    groups: tuple[CitationPlace, ...]            # every citation group, in reading order
    numbers: dict[str, int]                      # reference id -> BMJ number
    cited_order: tuple[str, ...]                 # known reference ids by first citation
    missing: tuple[tuple[CitationPlace, str], ...]   # (group, reference id not in the list)
    uncited: tuple[str, ...]                     # reference ids never cited, list order
    duplicates: tuple[CitationPlace, ...]        # groups naming one reference twice

    @property
    def citations(self) -> int:
        """How many citation groups the text has."""
        return len(self.groups)

    @property
    def cited(self) -> int:
        """How many different references are cited."""
        return len(self.cited_order)

    def label(self, ref_ids: list[str] | tuple[str, ...], style: str = "brackets") -> str:
        """The group as it will be printed; an unknown reference shows as "?"."""
        return group_label(self.numbers, ref_ids, style)


def group_label(numbers: dict[str, int], ref_ids: list[str] | tuple[str, ...],
                style: str = "brackets") -> str:
    """A citation group as it is printed, given the references' ``numbers``; an unknown
    reference shows as "?"."""
    found = [numbers[r] for r in ref_ids if r in numbers]
    text = format_citation(found, style)
    if any(r not in numbers for r in ref_ids):
        text = f"{text} [?]".strip() if style != "superscript" else f"{text},?".lstrip(",")
    return text


def citation_groups(article: Article) -> list[CitationPlace]:
    return [CitationPlace(section.id, index, tuple(citation.refs))
            for section in article.sections
            for index, paragraph in enumerate(section.body.paragraphs)
            for citation in paragraph.citations() if citation.refs]


def analyse_citations(article: Article) -> CitationAnalysis:
    groups = citation_groups(article)
    known = {r.id for r in article.references}
    cited: dict[str, None] = {}
    missing: list[tuple[CitationPlace, str]] = []
    duplicates: list[CitationPlace] = []
    for group in groups:
        if len(set(group.refs)) != len(group.refs):
            duplicates.append(group)
        for ref_id in group.refs:
            if ref_id in known:
                cited.setdefault(ref_id, None)
            elif (group, ref_id) not in missing:
                missing.append((group, ref_id))
    numbers = article.reference_numbers()
    uncited = tuple(r.id for r in article.references if r.id not in cited)
    return CitationAnalysis(tuple(groups), numbers, tuple(cited), tuple(missing), uncited,
                            tuple(duplicates))
