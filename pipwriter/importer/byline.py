"""The byline of a draft: the line that names its authors, before the first heading.

Recognised forms (a "By", "Written by" or "Authors:" in front is optional when the line is
clearly a list of names):

* ``By Jane Doe (carer) and Dr Ahmed Khan (consultant cardiologist)`` — a role in brackets;
* ``Jane Doe, patient partner; Ahmed Khan, MBChB, cardiologist`` — qualifications and roles
  after commas (a word in capitals such as "MBChB" or "FRCP" is a qualification);
* ``Jane Doe¹, Ahmed Khan²`` (or superscript 1, 2) with the numbered affiliations on the lines
  after it (``¹ Brackenlea Stroke Club, Leeds``).

Each person becomes an author with their full name (a title such as "Dr" is left out of the
name), qualifications, role and affiliation. The partner type comes from the role by the
template's ``role_words`` ("carer", "cardiologist"); "Dr" alone suggests a health professional;
when nothing says, the import asks the authors to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.rules.template import Template
from .blocks import Block, PendingCitation
from .mapping import normalise, only_role_words, role_of

_PREFIX = re.compile(r"^\s*(?:by|written by|authors?|article by)\s*[:\-\u2013]?\s+",
                     re.IGNORECASE)
_TITLE = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame|rev)\.?\s+",
                    re.IGNORECASE)
_SUPERSCRIPTS = str.maketrans("\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070",
                              "1234567890")
_TO_SUPERSCRIPT = str.maketrans("1234567890",
                                "\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070")
_MARK = re.compile(r"(?:[\u00b9\u00b2\u00b3\u2074-\u2079\u2070]+|\*|\u2020)")
_AFFILIATION = re.compile(r"^\s*(?:([\u00b9\u00b2\u00b3\u2074-\u2079\u2070]+)\s*|(\d{1,2})[.)]?\s+)"
                          r"(\S.*)$")
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]*[A-Z][A-Za-z()]*|PhD|MSc|BSc|MA|BA|RN|RGN|RMN)"
                         r"(?:\s*\([A-Za-z ]+\))?$")
_NAME_WORD = re.compile(r"^[A-Z\u00c0-\u00de][\w'\u2019.-]*$")


@dataclass
class BylinePerson:
    name: str                   # "Ahmed Khan"
    title: str = ""             # "Dr"
    credentials: str = ""       # "MBChB, FRCP"
    role: str = ""              # "consultant cardiologist"
    partner_type: str = ""      # from the role; "" when nothing says
    affiliation: str = ""
    marks: tuple[str, ...] = ()  # affiliation numbers ("1", "2")


def _top_level_split(text: str, separators: str) -> list[str]:
    """Split at ``separators`` (a regex) outside brackets."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"[()]|" + separators, text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(text[start:match.start()])
            start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _is_name(text: str) -> bool:
    words = _TITLE.sub("", text).split()
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(w) or w.lower() in
                                        ("van", "de", "der", "von", "da", "bin", "al")
                                        for w in words) and any(len(w) > 1 for w in words)


def _person(piece: str, template: Template) -> BylinePerson | None:
    """One person from "Dr Ahmed Khan (cardiologist)" or "Jane Doe, MBChB, carer"."""
    marks = tuple(m.translate(_SUPERSCRIPTS) for m in _MARK.findall(piece)
                  if m not in ("*", "\u2020"))
    piece = _MARK.sub(" ", piece)
    role = ""
    bracket = re.search(r"\(([^()]*)\)\s*$", piece)
    if bracket:
        role, piece = bracket.group(1).strip(), piece[:bracket.start()]
    first, *rest = [p.strip() for p in piece.split(",") if p.strip()] or [""]
    if not _is_name(first) or only_role_words(first, template):     # "Patients and nurses…"
        return None
    credentials = [r for r in rest if _CREDENTIAL.match(r)]
    roles = [r for r in rest if not _CREDENTIAL.match(r)]
    if roles and not role:
        role = ", ".join(roles)
    title_match = _TITLE.match(first)
    title = title_match.group(0).strip() if title_match else ""
    name = " ".join(_TITLE.sub("", first).split())
    partner = role_of(role, template) if role else ""
    if not partner and not role and credentials:
        partner = role_of(" ".join(credentials), template)
    if not partner and title.lower().rstrip(".") == "dr":
        partner = "health_professional"
    return BylinePerson(name, title, ", ".join(credentials), role, partner, "", marks)


def _numbered_marks(block: Block) -> str:
    """The block's text, with the numbers the reader took for citations (superscript digits
    after a name) written back as superscript digits, one mark per number."""
    out = []
    for item in block.items:
        if isinstance(item, PendingCitation):
            out.append(" ".join(str(n).translate(_TO_SUPERSCRIPT) for n in item.numbers))
        else:
            out.append(item.text)
    return "".join(out)


def parse_byline(block: Block, template: Template) -> list[BylinePerson]:
    """The people a byline paragraph names, or [] when it is not a byline."""
    text = " ".join(_numbered_marks(block).split())
    prefixed = bool(_PREFIX.match(text))
    if block.style in ("Subtitle", "Standfirst") and not prefixed:
        return []       # the standfirst (front_matter.py), however it reads
    body = _PREFIX.sub("", text, count=1) if prefixed else text
    if not body or body.endswith((".", "?", "!")) and not prefixed or len(body.split()) > 60:
        return []
    separator = r"\s*;\s*|\s+(?:and|&)\s+" if ";" in body else r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+"
    pieces = _top_level_split(body, separator)
    people: list[BylinePerson] = []
    for piece in pieces:
        person = _person(piece, template)
        if person is not None:
            people.append(person)
        elif people and ";" not in body and (_CREDENTIAL.match(piece) or not _is_name(piece)):
            last = people[-1]             # "Ahmed Khan, MBChB, cardiologist" split at commas
            if _CREDENTIAL.match(piece):
                last.credentials = ", ".join(p for p in (last.credentials, piece) if p)
            elif not last.role:
                last.role = piece
                last.partner_type = last.partner_type or role_of(piece, template)
            else:
                return []
        else:
            return []
    if not people or (not prefixed and not _looks_like_byline(people)):
        return []
    return people


def _looks_like_byline(people: list[BylinePerson]) -> bool:
    """Without "By" in front: at least two people, or anyone with a role, qualification or
    affiliation number (a lone capitalised phrase is more likely a heading or a title)."""
    return len(people) >= 2 or any(p.role or p.credentials or p.marks for p in people)


def affiliation_line(block: Block) -> tuple[str, str] | None:
    """("1", "Brackenlea Stroke Club, Leeds") from a numbered affiliation line."""
    match = _AFFILIATION.match(" ".join(_numbered_marks(block).split()))
    if not match:
        return None
    mark = (match.group(1) or match.group(2)).translate(_SUPERSCRIPTS)
    return mark, match.group(3).strip()


def strip_title(name: str) -> str:
    """"Dr Ahmed Khan" -> "Ahmed Khan"."""
    return " ".join(_TITLE.sub("", name.strip()).split())


def same_person(a: str, b: str) -> bool:
    """Whether two names are the same person: equal, or one is the other's first name, or
    "Dr Khan" for "Ahmed Khan" (titles set aside)."""
    x, y = (normalise(_TITLE.sub("", n.strip())).split() for n in (a, b))
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if len(short) != 1:
        return False
    titled = bool(_TITLE.match(a.strip()) or _TITLE.match(b.strip()))
    return short[0] == (long[-1] if titled else long[0])
