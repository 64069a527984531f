"""A bibliographic reference and its BMJ (Vancouver) rendering.

BMJ style: up to 3 authors, with 4 or more the first 3 then "et al"; surname and initials without
full stops; abbreviated journal title, year;volume:pages; doi; web pages with "(accessed D Month
YYYY)".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .ids import new_id
from .jsonread import Obj

REFERENCE_KINDS = ("journal", "web", "book", "report", "other")


@dataclass
class Reference:
    kind: str = "journal"
    id: str = field(default_factory=lambda: new_id("ref"))
    authors: list[str] = field(default_factory=list)  # "Surname AB" each
    title: str = ""
    container: str = ""   # journal abbreviation, website or publisher
    year: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    url: str = ""
    accessed: str = ""    # ISO date a web page was read
    text: str = ""        # free text used as is for kind "other"

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "authors": list(self.authors),
                "title": self.title, "container": self.container, "year": self.year,
                "volume": self.volume, "issue": self.issue, "pages": self.pages, "doi": self.doi,
                "url": self.url, "accessed": self.accessed, "text": self.text}

    @classmethod
    def from_json(cls, o: Obj) -> Reference:
        return cls(o.str("kind", "other", choices=REFERENCE_KINDS), o.str("id", required=True),
                   o.strs("authors"), o.str("title"), o.str("container"), o.str("year"),
                   o.str("volume"), o.str("issue"), o.str("pages"), o.str("doi"), o.str("url"),
                   o.str("accessed"), o.str("text"))


def format_author(name: str) -> str:
    """'Smith, J. A.' or 'Smith J.A.' -> 'Smith JA' (surname then initials, no full stops)."""
    name = name.strip()
    if "," in name:
        surname, _, rest = name.partition(",")
        initials = "".join(ch for ch in rest if ch.isupper())
        return f"{surname.strip()} {initials}".strip()
    return re.sub(r"(?<=[A-Z])\.\s?", "", name).strip()


def format_authors(authors: list[str]) -> str:
    names = [format_author(a) for a in authors if a.strip()]
    if len(names) > 3:
        return ", ".join(names[:3]) + ", et al"
    return ", ".join(names)


def format_date(iso: str) -> str:
    try:
        day = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def format_bmj(ref: Reference) -> str:
    """The reference as it appears in a BMJ reference list (without its number)."""
    if ref.kind == "other" and ref.text.strip():
        return ref.text.strip()
    parts: list[str] = []
    authors = format_authors(ref.authors)
    if authors:
        parts.append(_end(authors))
    if ref.title:
        parts.append(_end(ref.title))
    if ref.kind == "journal":
        source = ref.container.strip()
        detail = ref.year
        if ref.volume:
            detail += f";{ref.volume}"
            if ref.issue:
                detail += f"({ref.issue})"
        if ref.pages:
            detail += f":{ref.pages}"
        parts.append(_end(" ".join(x for x in (source, detail) if x)))
    elif ref.kind in ("book", "report"):
        parts.append(_end(", ".join(x for x in (ref.container, ref.year) if x)))
    else:  # web, or other without free text
        parts.append(_end(", ".join(x for x in (ref.container, ref.year) if x)))
    if ref.doi:
        parts.append(_end(f"doi:{ref.doi.strip().removeprefix('https://doi.org/')}"))
    if ref.url and not ref.doi:
        tail = f" (accessed {format_date(ref.accessed)})" if ref.accessed else ""
        parts.append(ref.url.strip() + tail)
    return " ".join(p for p in parts if p and p != ".")
