"""Reading a reference typed in a draft into its parts (kind, authors, title, journal or
publisher, year, volume, issue, pages, DOI, web address, date accessed), so it is set out in
BMJ style like a reference entered in the app.

Styles understood, each with how sure the reading is:

* **BMJ / Vancouver** — ``Smith J, Jones AB, et al. Title. BMJ 2020;370:m1234. doi:…``, a web
  page ``NICE. Title. 2023. https://… (accessed 1 May 2024)``, a book or report ``Author A.
  Title. Publisher, 2020.`` Taken only when the parts, set out again in BMJ style, give back
  the very text that was read (sure: 1.0).
* **APA** — ``Smith, J., & Jones, A. B. (2020). Title. Journal, 12(3), 45–67. https://doi.org/…``
* **Harvard** — ``Smith, J. and Jones, A. (2020) 'Title', Journal, 12(3), pp. 45–67.``, and web
  pages with ``Available at: … (Accessed: 1 May 2024)``.

* **Chicago** journal articles — ``Smith, John, and Ann Jones. "Title." Journal 12, no. 3
  (2020): 45–67.`` and the author-date form ``Smith, John. 2020. "Title." Journal 12 (3): 45–67.``

APA, Harvard and Chicago entries are converted (0.7–0.9: the journal's name stays as written, not
abbreviated). Anything else — or a reading missing its title or year — is kept as written, as
free text (kind "other", confidence 0), with any DOI or web address picked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.article.reference import (
    Reference,
    format_author,
    format_authors,
    format_bmj,
    parse_date,
)

SURE = 0.7          # a reading less sure than this is kept as free text
URL = re.compile(r"https?://[^\s<>\"]+")
_DOI = re.compile(r"(?:\bdoi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\S+)", re.IGNORECASE)
_ACCESSED = re.compile(r"[(\[]?\s*(?:accessed|cited|viewed)\s*:?\s*([^)\]]+?)\s*[)\]]\.?",
                       re.IGNORECASE)
_DASH = str.maketrans({"\u2013": "-", "\u2014": "-"})

_VANCOUVER_NAME = r"[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)* [A-Z]{1,3}"
_VANCOUVER_AUTHORS = re.compile(rf"^{_VANCOUVER_NAME}(?:, {_VANCOUVER_NAME})*(?:, et al)?$")
_VANCOUVER_JOURNAL = re.compile(
    r"^(?P<container>.+?) (?P<year>\d{4})(?: [A-Z][a-z]{2}(?: \d{1,2})?)?;"
    r"(?P<volume>[\w-]+)?(?:\((?P<issue>[^)]+)\))?:(?P<pages>[\w-]+)$")
_CONTAINER_YEAR = re.compile(r"^(?:(?P<container>.+?), )?(?P<year>\d{4})$")

_APA_NAME = re.compile(r"([A-Z][\w'\u2019 -]*?), ((?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s?)+)")
_APA = re.compile(r"^(?P<authors>.+?) \((?P<year>\d{4})[a-z]?(?:, [^)]*)?\)\. (?P<rest>.+)$")
_HARVARD = re.compile(r"^(?P<authors>.+?),? \((?P<year>\d{4})[a-z]?\),? (?P<rest>.+)$")
_JOURNAL_TAIL = re.compile(
    r"^(?P<container>[^,]+?),? (?:vol\. ?)?(?P<volume>\d+)(?:\s?\((?:no\. ?)?(?P<issue>[^)]+)\))?"
    r"(?:, (?:pp?\. ?)?(?P<pages>[\w-]+))?\.?$")
_QUOTED_TITLE = re.compile(r"^['\u2018\"\u201c](?P<title>.+?)[.,]?['\u2019\"\u201d],? (?P<rest>.+)$")


@dataclass
class ParsedReference:
    reference: Reference
    style: str              # "BMJ (Vancouver)", "APA", "Harvard", or "" when kept as written
    confidence: float       # 0 (kept as written) to 1 (sure)


def _clean(text: str) -> str:
    return " ".join(text.translate(_DASH).split())


def _segments(text: str) -> list[str]:
    """Split at a full stop (or ? !) followed by a space, keeping the ? or !."""
    out, start = [], 0
    for match in re.finditer(r"(?<=[.?!]) (?=\S)", text):
        out.append(text[start:match.start()])
        start = match.end()
    out.append(text[start:])
    return [s[:-1] if s.endswith(".") else s for s in out if s.strip(" .")]


def _tails(text: str) -> tuple[str, str, str, str]:
    """(text without its DOI, web address and date accessed; doi; url; accessed ISO date)."""
    doi = url = accessed = ""
    found = _ACCESSED.search(text)
    if found:
        day = parse_date(found.group(1).strip(" .:"))
        if day:
            accessed = day.isoformat()
            text = text[:found.start()] + text[found.end():]
    found_doi = _DOI.search(text)
    if found_doi:
        doi = found_doi.group(1).rstrip(".,;)")
        text = text[:found_doi.start()] + text[found_doi.end():]
    found_url = URL.search(text)
    if found_url:
        url = found_url.group(0).rstrip(".,;)")
        text = text[:found_url.start()] + text[found_url.end():]
    text = re.sub(r"\b(?:available (?:at|from)|retrieved from)\s*:?\s*$", "", text.strip(),
                  flags=re.IGNORECASE)
    return _clean(text).rstrip(" .,;"), doi, url, accessed


def _kind_for(title: str, container: str, url: str) -> str:
    words = f" {title} {container} ".lower()
    if " report" in words or "guideline" in words or " white paper" in words:
        return "report" if not url else "web"
    return "web" if url else "book"


# --- BMJ / Vancouver ---------------------------------------------------------------------------
def _vancouver(core: str, doi: str, url: str, accessed: str) -> Reference | None:
    parts = _segments(core)
    if not parts:
        return None
    authors: list[str] = []
    if len(parts) > 1 and (_VANCOUVER_AUTHORS.match(parts[0]) or _organisation(parts[0])):
        authors = [a.strip() for a in parts[0].split(",")]
        parts = parts[1:]
    journal = _VANCOUVER_JOURNAL.match(parts[-1]) if len(parts) >= 2 else None
    if journal:
        return Reference("journal", authors=authors, title=". ".join(parts[:-1]),
                         container=journal["container"], year=journal["year"],
                         volume=journal["volume"] or "", issue=journal["issue"] or "",
                         pages=journal["pages"], doi=doi, url=url, accessed=accessed)
    tail = _CONTAINER_YEAR.match(parts[-1]) if len(parts) >= 2 else None
    title = ". ".join(parts[:-1]) if tail else ". ".join(parts)
    container, year = (tail["container"] or "", tail["year"]) if tail else ("", "")
    if not title or (not tail and not url):
        return None
    return Reference(_kind_for(title, container, url), authors=authors, title=title,
                     container=container, year=year, doi=doi, url=url, accessed=accessed)


def _organisation(text: str) -> bool:
    """Whether ``text`` looks like an organisation as author ("NICE", "Department of
    Health"): a few words, each capitalised but for small joining words."""
    words = text.split()
    return 1 <= len(words) <= 8 and all(w[:1].isupper() or w in _JOINING for w in words) \
        and not text.startswith("(")


_JOINING = ("of", "and", "for", "the", "in", "on", "&")


def _renders_as(ref: Reference, original: str) -> bool:
    """Whether the reference set out in BMJ style is ``original`` (where BMJ style shortens a
    list of more than three authors to "et al", the full list counts as the same)."""
    def norm(text: str) -> str:
        return _clean(text).rstrip(". ")
    rendered = format_bmj(ref)
    if len(ref.authors) > 3:
        rendered = rendered.replace(format_authors(ref.authors),
                                    ", ".join(format_author(a) for a in ref.authors), 1)
    return norm(rendered) == norm(original)


# --- APA and Harvard ---------------------------------------------------------------------------
def _names(text: str) -> list[str]:
    """"Smith, J., & Jones, A. B." -> ["Smith J", "Jones AB"]; an organisation stays whole."""
    text = text.replace("&", " and ").strip(" ,")
    found = _APA_NAME.findall(text)
    if not found:
        text = text.strip(" .")
        return [text] if text else []
    names = []
    for surname, initials in found:
        surname = re.sub(r"^(?:and\s+)", "", surname.strip())
        names.append(f"{surname} {''.join(c for c in initials if c.isupper())}")
    if re.search(r"\bet al\b", text):
        names.append("et al")
    return names


def _author_year(core: str) -> tuple[str, list[str], str, str] | None:
    """(style, authors, year, rest) for "Authors (2020). Rest" (APA) or "Authors (2020) Rest"
    (Harvard)."""
    for style, pattern in (("APA", _APA), ("Harvard", _HARVARD)):
        match = pattern.match(core)
        if match:
            return style, _names(match["authors"]), match["year"], match["rest"]
    return None


def _author_year_reference(core: str, doi: str, url: str,
                           accessed: str) -> tuple[Reference, str, float] | None:
    found = _author_year(core)
    if found is None:
        return None
    style, authors, year, rest = found
    quoted = _QUOTED_TITLE.match(rest)
    if quoted:
        title, tail = quoted["title"], quoted["rest"]
    else:
        parts = _segments(rest)
        title, tail = parts[0], ". ".join(parts[1:])
    title = title.strip(" .,")
    tail = tail.strip(" .,")
    journal = _JOURNAL_TAIL.match(tail) if tail else None
    if journal and title:
        ref = Reference("journal", authors=authors, title=title,
                        container=journal["container"].strip(), year=year,
                        volume=journal["volume"], issue=journal["issue"] or "",
                        pages=journal["pages"] or "", doi=doi, url=url, accessed=accessed)
        return ref, style, 0.9 if journal["pages"] else 0.8
    if not title:
        return None
    publisher = tail.rpartition(":")[2].strip() if tail else ""
    kind = _kind_for(title, publisher, url)
    ref = Reference(kind, authors=authors, title=title, container=publisher, year=year,
                    doi=doi, url=url, accessed=accessed)
    return ref, style, 0.8 if (url or publisher) else 0.5


# --- Chicago ----------------------------------------------------------------------------------
_Q = "[\"\u201c](?P<title>.+?)[.,]?[\"\u201d]"
_CHICAGO_NOTES = re.compile(
    rf"^(?P<authors>.+?)\. {_Q} (?P<container>.+?) (?P<volume>\d+)(?:, no\. (?P<issue>[\w-]+))?"
    r" \((?:[A-Za-z]+ )?(?P<year>\d{4})\)(?:: (?P<pages>[\w-]+))?\.?$")
_CHICAGO_DATE = re.compile(
    rf"^(?P<authors>.+?)\. (?P<year>\d{{4}})\. {_Q} (?P<container>.+?) (?P<volume>\d+)"
    r"(?: \((?P<issue>[\w-]+)\))?(?:: (?P<pages>[\w-]+))?\.?$")


def _chicago_names(text: str) -> list[str]:
    """"Smith, John, and Ann B. Jones" -> ["Smith J", "Jones AB"] (the first name inverted)."""
    first, _, others = text.partition(", and ") if ", and " in text else \
        text.partition(" and ")
    surname, _, given = first.partition(", ")
    people = [(surname, given)]
    for other in re.split(r",\s*(?:and\s+)?", others) if others else []:
        words = other.split()
        if words:
            people.append((words[-1], " ".join(words[:-1])))
    names = []
    for surname, given in people:
        initials = "".join(w[0] for w in re.split(r"[\s.-]+", given) if w[:1].isupper())
        names.append(f"{surname.strip()} {initials}".strip())
    return names


def _chicago(core: str, doi: str, url: str, accessed: str) -> Reference | None:
    for pattern in (_CHICAGO_NOTES, _CHICAGO_DATE):
        match = pattern.match(core)
        if match and "," in match["authors"]:
            return Reference("journal", authors=_chicago_names(match["authors"]),
                             title=match["title"].strip(), container=match["container"].strip(),
                             year=match["year"], volume=match["volume"],
                             issue=match["issue"] or "", pages=match["pages"] or "", doi=doi,
                             url=url, accessed=accessed)
    return None


# --- all together ------------------------------------------------------------------------------
def parse_reference(text: str) -> ParsedReference:
    """The reference ``text`` read into its parts, or kept as written when it cannot be read
    with confidence (kind "other", with any DOI or web address picked out)."""
    original = _clean(text)
    core, doi, url, accessed = _tails(original)
    if core:
        converted = _author_year_reference(core, doi, url, accessed)
        if converted is not None and converted[2] >= SURE:
            return ParsedReference(*converted)
        chicago = _chicago(core, doi, url, accessed) if converted is None else None
        if chicago is not None:
            return ParsedReference(chicago, "Chicago", 0.8)
        vancouver = _vancouver(core, doi, url, accessed) if converted is None else None
        if vancouver is not None and _renders_as(vancouver, original):
            return ParsedReference(vancouver, "BMJ (Vancouver)", 1.0)
    return as_written(text)


def as_written(text: str) -> ParsedReference:
    """The reference kept as written (kind "other"), its DOI and web address picked out."""
    _core, doi, url, _accessed = _tails(_clean(text))
    free = Reference(kind="other", text=" ".join(text.split()), doi=doi, url=url)
    return ParsedReference(free, "", 0.0)
