"""RIS files (Zotero, Mendeley, EndNote, PubMed's "RIS" export) and PubMed's MEDLINE files
(``.nbib``, ``.txt`` from "Send to › Citation manager"), read into :class:`Record` objects.

RIS is read by ``rispy`` (well kept, and it knows the tags' meanings and the continuation
lines); MEDLINE, which rispy does not read, by the few lines below: a tag of up to four
letters, a dash, the value, and lines that go on with six spaces.
"""

from __future__ import annotations

import re

import rispy  # type: ignore[import-untyped]  # rispy ships no type information

from .reference_fields import Record, Whole, clean, doi_of, page_range

# RIS's kinds (the "TY" tag) and the form each gets; any other is kept as written
RIS_KINDS = {
    "JOUR": "journal", "JFULL": "journal", "EJOUR": "journal", "INPR": "journal",
    "ABST": "journal", "MGZN": "journal",
    "ELEC": "web", "WEB": "web", "BLOG": "web", "ICOMM": "web", "DBASE": "web",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "book", "ECHAP": "book",
    "RPRT": "report", "GOVDOC": "report", "STAND": "report", "THES": "report",
}
RIS_START = re.compile(r"^TY  -", re.MULTILINE)


def _first(entry: dict, *keys: str) -> str:
    """The first of ``keys`` the entry has a value for (a list gives its first item)."""
    for key in keys:
        value = entry.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), "")
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _ris_record(entry: dict) -> Record:
    code = clean(entry.get("type_of_reference", "")).upper()
    kind = RIS_KINDS.get(code, "other")
    authors = [a for key in ("authors", "first_authors") for a in entry.get(key) or []
               if isinstance(a, str)]
    title = _first(entry, "title", "primary_title", "translated_title")
    # Zotero and EndNote put the journal's full name in T2 and its short name in J2; the old
    # tags are JF (full), JO and JA (short)
    full = _first(entry, "secondary_title", "alternate_title3", "journal_name")
    record = Record(kind=kind, authors=authors, title=title, year=_first(
        entry, "year", "publication_year", "date"), volume=_first(entry, "volume"),
        issue=_first(entry, "number"), pages=page_range(_first(entry, "start_page"),
                                                        _first(entry, "end_page")),
        doi=_first(entry, "doi") or doi_of(_first(entry, "type_of_work", "note")),
        url=_first(entry, "urls"), accessed=_first(entry, "access_date"),
        type_name=code)
    if kind == "journal":
        record.journal_short = _first(entry, "alternate_title2", "alternate_title1") or \
            (_first(entry, "journal_name") if full != _first(entry, "journal_name") else "")
        record.container = full
    elif kind == "web":
        record.container = _first(entry, "secondary_title", "publisher")
    else:
        record.container = _first(entry, "publisher") or (full if kind == "other" else "")
        if code in ("CHAP", "ECHAP") and full:
            record.title = f"{clean(title).rstrip('.')}. In: {full}"
    return record


def read_ris(text: str) -> tuple[list[Record], int]:
    """(the records, how many entries could not be read): an entry cut short (no "ER" line
    at the end of the file) counts as one not read."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    entries = rispy.loads(text, skip_unknown_tags=True)
    started = len(RIS_START.findall(text))
    return [_ris_record(e) for e in entries if isinstance(e, dict)], max(0, started - len(entries))


# --- PubMed MEDLINE (.nbib) ---------------------------------------------------------------------
MEDLINE_START = re.compile(r"^PMID- ", re.MULTILINE)
_MEDLINE_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3}) *- ?(.*)$")
_LISTS = {"AU", "FAU", "CN", "AID", "LID", "PT"}


def _medline_entries(text: str) -> list[dict[str, list[str]]]:
    entries: list[dict[str, list[str]]] = []
    entry: dict[str, list[str]] | None = None
    tag = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _MEDLINE_LINE.match(line)
        if match and line[4:6] == "- ":
            tag, value = match.group(1), match.group(2).strip()
            if tag == "PMID":
                entry = {}
                entries.append(entry)
            if entry is not None:
                entry.setdefault(tag, []).append(value)
        elif line.startswith("      ") and entry is not None and tag in entry:
            entry[tag][-1] += " " + line.strip()     # the value goes on
        elif not line.strip():
            tag = ""
    return entries


def _medline_record(entry: dict[str, list[str]]) -> Record:
    def one(tag: str) -> str:
        return entry.get(tag, [""])[0]
    ids = entry.get("LID", []) + entry.get("AID", [])
    doi = next((doi_of(i) for i in ids if i.endswith("[doi]")), "")
    # PubMed writes authors the BMJ way already ("Smith J"); a group is "CN"
    authors = entry.get("AU") or entry.get("FAU") or []
    authors = authors + [Whole(group) for group in entry.get("CN", [])]
    kinds = " ".join(entry.get("PT", [])).lower()
    if "BTI" in entry or ("book" in kinds and not one("TA")):
        return Record(kind="book", authors=authors, title=one("TI") or one("BTI"),
                      container=one("PB"), year=one("DP"), doi=doi)
    pmid = one("PMID").strip()
    return Record(kind="journal", authors=authors, title=one("TI"), journal_short=one("TA"),
                  container=one("JT"), year=one("DP"), volume=one("VI"), issue=one("IP"),
                  pages=one("PG"), doi=doi,
                  url="" if doi or not pmid.isdigit() else f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/")


def read_medline(text: str) -> tuple[list[Record], int]:
    """(the records, how many could not be read: always 0, as any entry has some text)."""
    return [_medline_record(e) for e in _medline_entries(text)], 0
