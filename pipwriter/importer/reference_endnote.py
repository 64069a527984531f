"""EndNote's XML export (File › Export › XML) read into :class:`Record` objects.

EndNote writes ``<xml><records><record>…`` with each value inside ``<style>`` runs; the kind is
``<ref-type name="Journal Article">17</ref-type>``. Read with the standard library's parser: a
file that declares its own entities (how the "billion laughs" attack works) is refused before
it is parsed, and the parser never fetches anything from outside the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .reference_fields import Record, clean, page_range

ENDNOTE_KINDS = {
    "journal article": "journal", "electronic article": "journal",
    "magazine article": "journal",
    "web page": "web", "blog": "web", "online database": "web", "online multimedia": "web",
    "book": "book", "edited book": "book", "electronic book": "book", "book section": "book",
    "electronic book section": "book",
    "report": "report", "government document": "report", "thesis": "report",
    "standard": "report",
}
ENDNOTE_NUMBERS = {"17": "journal", "12": "web", "6": "book", "5": "book", "27": "report",
                   "32": "report"}
_ENTITY = re.compile(r"<!(?:ENTITY|DOCTYPE)", re.IGNORECASE)


class EndNoteFileError(ValueError):
    """The XML cannot be read (broken, or it declares its own entities)."""


def _text(record: ET.Element, path: str) -> str:
    found = record.find(path)
    return clean("".join(found.itertext())) if found is not None else ""


def _texts(record: ET.Element, path: str) -> list[str]:
    return [t for t in (clean("".join(e.itertext())) for e in record.findall(path)) if t]


def _record(element: ET.Element) -> Record:
    ref_type = element.find("ref-type")
    name = (ref_type.get("name", "") if ref_type is not None else "").strip()
    number = clean(ref_type.text or "") if ref_type is not None else ""
    kind = ENDNOTE_KINDS.get(name.lower()) or ENDNOTE_NUMBERS.get(number, "other")
    full = _text(element, "periodical/full-title") or _text(element, "titles/secondary-title")
    record = Record(
        kind=kind, authors=_texts(element, "contributors/authors/author"),
        title=_text(element, "titles/title"), year=_text(element, "dates/year"),
        volume=_text(element, "volume"), issue=_text(element, "number"),
        pages=page_range(_text(element, "pages")),
        doi=_text(element, "electronic-resource-num"),
        url=(_texts(element, "urls/related-urls/url") or
             _texts(element, "urls/web-urls/url") or [""])[0],
        # older EndNote keeps a web page's date accessed in "Number"
        accessed=_text(element, "access-date") or (_text(element, "number")
                                                   if kind == "web" else ""),
        type_name=name)
    if kind == "journal":
        record.journal_short = _text(element, "periodical/abbr-1") or \
            _text(element, "titles/alt-title")
        record.container = full
    elif kind == "web":
        record.container = _text(element, "publisher") or _text(element, "titles/secondary-title")
    else:
        record.container = _text(element, "publisher") or (full if kind == "other" else "")
        if name.lower().endswith("book section") and full:
            record.title = f"{record.title.rstrip('.')}. In: {full}"
    return record


def read_endnote_xml(text: str) -> tuple[list[Record], int]:
    """(the records, how many could not be read: always 0 once the XML itself is read), from
    the file's decoded text. Raises :class:`EndNoteFileError` when the XML is broken or
    declares entities."""
    if _ENTITY.search(text):
        raise EndNoteFileError("declares its own entities")
    try:
        root = ET.fromstring(text)
    except (ET.ParseError, ValueError) as error:
        raise EndNoteFileError(str(error)) from error
    return [_record(r) for r in root.iter("record")], 0
