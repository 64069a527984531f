"""A bibliographic reference and its BMJ (Vancouver) rendering.

BMJ style: up to 3 authors, with 4 or more the first 3 then "et al"; surname and initials without
full stops; abbreviated journal title, year;volume:pages; doi; web pages with "(accessed D Month
YYYY)".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..jsonread import Obj
from .ids import new_id

REFERENCE_KINDS = ("journal", "web", "book", "report", "other")


@dataclass
class Reference:
    """One entry of the reference list as the authors typed it; citations name it by ``id`` and it
    is printed in BMJ (Vancouver) style by :func:`format_bmj`."""

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
        return cls(o.text("kind", "other", choices=REFERENCE_KINDS), o.text("id", required=True),
                   o.strs("authors"), o.text("title"), o.text("container"), o.text("year"),
                   o.text("volume"), o.text("issue"), o.text("pages"), o.text("doi"), o.text("url"),
                   o.text("accessed"), o.text("text"))


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


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def _month(name: str) -> int | None:
    """1–12 for a month's English name or its first three letters ("Sept" too)."""
    for number, month in enumerate(MONTHS, start=1):
        if len(name) >= 3 and month.startswith(name):
            return number
    return None


def parse_date(text: str) -> _dt.date | None:
    """A date as people type it, read the British way, or None if it is not a real date.

    "2024-05-01", "1 May 2024", "1st May 2024", "May 1, 2024", "1 Sept 2024" and, day first,
    "01/05/2024", "1.5.2024" or "1-5-2024" (all 1 May 2024). Two-digit years, a day the month
    lacks (31/02/2024) and anything else are refused, never guessed."""
    text = " ".join(text.strip().lower().split())
    month: int | None
    try:
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(g) for g in match.groups())
        elif match := _NUMERIC_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
        elif match := _DAY_MONTH_YEAR.fullmatch(text):
            day, month, year = int(match[1]), _month(match[2]), int(match[3])
        elif match := _MONTH_DAY_YEAR.fullmatch(text):
            month, day, year = _month(match[1]), int(match[2]), int(match[3])
        else:
            return None
        return _dt.date(year, month, day) if month else None
    except ValueError:
        return None


def long_date(day: _dt.date) -> str:
    """'1 May 2024': day without a leading zero, the month in English, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1].capitalize()} {day.year}"


def format_date(value: str) -> str:
    """A stored date written as D Month YYYY, or "" when it is not a date we can read (so a
    date typed in a form nobody can be sure of is never printed as typed)."""
    day = parse_date(value)
    return long_date(day) if day else ""


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
        accessed = format_date(ref.accessed)
        tail = f" (accessed {accessed})" if accessed else ""
        parts.append(ref.url.strip() + tail)
    return " ".join(p for p in parts if p and p != ".")
