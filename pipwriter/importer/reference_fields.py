"""One record of a reference manager's file, made into a :class:`Reference`.

Each file reader (RIS, MEDLINE, BibTeX, EndNote XML) fills a :class:`Record` with what the file
says, in the file's own words (authors as "Smith, John A.", dates as "2020/05/01/", a DOI as a
link), and :func:`to_reference` makes the reference the app keeps: authors as "Surname AB", the
journal's short name where the file gives one, the year alone, the date accessed as YYYY-MM-DD,
a DOI without its link.

A record whose kind the app has no form for (a patent, a conference talk, a film), or which
lacks what its kind needs to be set out in BMJ style (a journal article without its journal, a
web page without its address, anything without a title), is kept as written: kind "other", its
text made from what the record holds, so nothing is lost and the checks warn
``reference-as-written``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model.article.reference import Reference, format_author, parse_date

MAX_FIELD = 2000        # characters kept of one field (a title, a journal's name)
MAX_AUTHORS = 100       # names kept of one record (BMJ style prints three)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_DOI = re.compile(r"(10\.\d{4,9}/\S+)")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")  # RIS: 2024/05/01/ or 2024/05/01/14:03


class Whole(str):
    """A name to keep as it is: an organisation ("World Health Organization") the file marks
    as one, never turned into a surname and initials."""


@dataclass
class Record:
    """What one entry of a file says, before it is made into a reference."""
    kind: str = "other"          # journal, web, book, report or other
    authors: list[str] = field(default_factory=list)   # as the file writes them
    title: str = ""
    journal_short: str = ""      # the journal's abbreviation, when the file has one
    container: str = ""          # full journal name, website, publisher or institution
    year: str = ""               # any text holding the year ("2020/05/01/", "2020 May")
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    url: str = ""
    accessed: str = ""           # any date text ("2024/05/01/14:03:12", "1 May 2024")
    type_name: str = ""          # the file's own name for its kind ("CONF", "Patent")


@dataclass
class ReadReference:
    """A reference read from a file, and whether it had to be kept as written."""
    reference: Reference
    kept_as_written: bool

    @property
    def label(self) -> str:
        """A few words that name it for the person (its title, or the start of its text)."""
        text = self.reference.title or self.reference.text
        return text if len(text) <= 60 else text[:57].rstrip() + "…"


def clean(value: object) -> str:
    """Text fit to keep: control characters gone, spaces tidied, cut at :data:`MAX_FIELD`."""
    if not isinstance(value, str):
        value = " ".join(str(v) for v in value) if isinstance(value, list) else ""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", value))
    return " ".join(text.split())[:MAX_FIELD]


def person(name: str) -> str:
    """'Smith, John A.' or 'John A. Smith' -> 'Smith JA'; 'Smith J' stays; an organisation
    ('World Health Organization', 'NHS England') stays whole."""
    whole = isinstance(name, Whole)
    name = clean(name).strip(" ,;")
    if not name or whole:
        return name
    if "," in name:
        surname, _, given = name.partition(",")
        given = given.strip()
        if given and not given.startswith(("Jr", "Sr")):
            return f"{surname.strip()} {_initials(given)}".strip()
        return surname.strip()
    words = name.split()
    if len(words) == 1 or _looks_vancouver(words):
        return format_author(name)
    if all(w[:1].isupper() for w in words) and len(words) <= 4 and not _organisation(words):
        return f"{words[-1]} {_initials(' '.join(words[:-1]))}"
    return name


def _initials(given: str) -> str:
    """'John Andrew' or 'J. A.' or 'Jean-Paul' -> 'JA' / 'JA' / 'JP'."""
    parts = [p for p in re.split(r"[\s.\-]+", given) if p]
    letters = []
    for part in parts:
        if part.isupper() and len(part) <= 3 and len(parts) == 1:
            letters.append(part)        # "AB" already initials
        elif part[:1].isalpha() and part[:1].isupper():
            letters.append(part[0])
    return "".join(letters)


def _looks_vancouver(words: list[str]) -> bool:
    """'Smith AB' or 'van der Berg J': initials, in capitals, last."""
    last = words[-1].replace(".", "")
    return 1 <= len(last) <= 3 and last.isalpha() and last.isupper()


_ORGANISATION_WORDS = {"of", "and", "for", "the", "in", "on", "&", "nhs", "council", "society",
                       "organization", "organisation", "institute", "department", "college",
                       "group", "trust", "foundation", "association", "agency", "england",
                       "health", "care", "university", "committee", "centre", "center",
                       "service", "services", "board", "office", "network"}


def _organisation(words: list[str]) -> bool:
    return any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in words)


def year_of(text: str) -> str:
    found = _YEAR.search(text)
    return found.group(1) if found else ""


def iso_date(text: str) -> str:
    """YYYY-MM-DD for a date as files write it ('2024/05/01/14:03:12', '2024-05-01',
    '1 May 2024', 'May 1, 2024'), or "" when it is not a whole date."""
    text = clean(text)
    slashed = _SLASHED.match(text)
    if slashed:
        text = "-".join(slashed.groups())
    else:
        text = re.sub(r"[T ]\d{1,2}:\d\d(:\d\d)?.*$", "", text)   # a time after the date
    day = parse_date(text.strip(" .,"))
    return day.isoformat() if day else ""


def doi_of(text: str) -> str:
    """'https://doi.org/10.1136/bmj.m1234' or 'doi:10.1136/bmj.m1234 [doi]' -> '10.1136/…'."""
    found = _DOI.search(clean(text))
    return found.group(1).rstrip(".,;)]") if found else ""


def page_range(start: str, end: str = "") -> str:
    start, end = clean(start), clean(end)
    pages = f"{start}-{end}" if start and end and end != start else start or end
    return pages.replace("\u2013", "-").replace("\u2014", "-").replace("--", "-")


def _container(record: Record) -> str:
    """The journal's short name without full stops ("N. Engl. J. Med." -> "N Engl J Med"), as
    BMJ style has it, when the file gives one (unless it is only the full name in other
    capitals, "Bmj"); else the full name, website, publisher or institution."""
    full = clean(record.container).rstrip(" .")
    short = " ".join(clean(record.journal_short).replace(".", " ").split())
    if short and short.lower() != full.lower().replace(".", ""):
        return short
    return full


def _needs(record: Record, ref: Reference) -> bool:
    """Whether the record holds what its kind needs to be set out in BMJ style."""
    if not ref.title:
        return False
    if ref.kind == "journal":
        return bool(ref.container and ref.year)
    if ref.kind == "web":
        return bool(ref.url)
    if ref.kind in ("book", "report"):
        return bool(ref.year or ref.container)
    return False


def to_reference(record: Record) -> ReadReference:
    """The reference for ``record``; kept as written (kind "other") when its kind has no form
    or it lacks what its kind needs."""
    authors = [a for a in (person(n) for n in record.authors[:MAX_AUTHORS]) if a]
    doi = doi_of(record.doi)
    url = clean(record.url)
    if url.startswith("https://doi.org/") and not doi:
        doi = doi_of(url)
    ref = Reference(record.kind, authors=authors, title=clean(record.title).rstrip(" ."),
                    container=_container(record),
                    year=year_of(record.year), volume=clean(record.volume),
                    issue=clean(record.issue), pages=page_range(record.pages), doi=doi,
                    url="" if doi and "doi.org/" in url else url,
                    accessed=iso_date(record.accessed) if record.kind != "journal" else "")
    if ref.kind == "web":
        ref.volume = ref.issue = ref.pages = ""      # a web page has none (EndNote's quirks)
    if record.kind != "other" and _needs(record, ref):
        return ReadReference(ref, False)
    return ReadReference(_as_written(record, ref), True)


# the files' names for kinds the app has no form for, in the words BMJ style puts in brackets
OTHER_KINDS = {"conf": "conference paper", "cpaper": "conference paper",
               "inproceedings": "conference paper", "conference": "conference paper",
               "conference paper": "conference paper",
               "conference proceedings": "conference paper", "pat": "patent",
               "patent": "patent", "unpb": "unpublished", "unpublished": "unpublished",
               "unpublished work": "unpublished", "news": "newspaper",
               "newspaper article": "newspaper", "video": "video", "advs": "video",
               "film or broadcast": "video", "audiovisual material": "video",
               "sound": "audio", "pcomm": "personal communication",
               "personal communication": "personal communication"}


def _as_written(record: Record, ref: Reference) -> Reference:
    """Kind "other", its text made from every part the record has, in the usual order."""
    kind = OTHER_KINDS.get(record.type_name.lower(), "")
    title = f"{ref.title.rstrip(' .')} [{kind}]" if ref.title and kind else ref.title
    pieces = [", ".join(ref.authors), title, clean(record.container or record.journal_short),
              ref.year or clean(record.year)]
    numbers = ref.volume + (f"({ref.issue})" if ref.issue else "")
    if numbers or ref.pages:
        pieces.append(":".join(x for x in (numbers, ref.pages) if x))
    text = ". ".join(p.rstrip(" .") for p in pieces if p.strip(" ."))
    if ref.doi:
        text += f". doi:{ref.doi}"
    elif ref.url:
        text += f". {ref.url}"
    text = (text + ".") if text and not text.endswith((".", "/")) else text
    return Reference("other", id=ref.id, authors=ref.authors, title=ref.title,
                     container=ref.container, year=ref.year, volume=ref.volume, issue=ref.issue,
                     pages=ref.pages, doi=ref.doi, url=ref.url, accessed=ref.accessed,
                     text=text or "A reference with no details")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def same_reference(a: Reference, b: Reference) -> bool:
    """Whether two references are the same work: the same DOI, else the same title and year
    (or, for references kept as written, the same text), whatever the capitals and marks."""
    if a.doi and b.doi:
        return a.doi.strip().casefold() == b.doi.strip().casefold()
    if a.title.strip() and b.title.strip():
        return _key(a.title) == _key(b.title) and a.year.strip() == b.year.strip()
    return bool(a.text.strip()) and _key(a.text) == _key(b.text)
