"""BibTeX and BibLaTeX files (Zotero, Mendeley, JabRef, Google Scholar) read into
:class:`Record` objects.

``bibtexparser`` splits the file into entries and names into their parts (it knows braces,
``@string`` abbreviations, ``#`` joins and "von" parts); ``pylatexenc`` turns LaTeX into letters
(``M{\\"u}ller`` -> Müller, ``\\&`` -> &). Web addresses and DOIs are never decoded: ``%`` and ``_``
are ordinary there. An entry bibtexparser could read only partly (a repeated key, a name it could
not split) is still used; one it could not read at all is counted.
"""

from __future__ import annotations

import logging
import re

import bibtexparser
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from bibtexparser.model import Block, Entry, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text  # type: ignore[import-untyped]  # untyped

from .reference_fields import MAX_FIELD, Record, Whole, clean, page_range

log = logging.getLogger(__name__)

BIBTEX_KINDS = {
    "article": "journal",
    "online": "web", "electronic": "web", "www": "web", "webpage": "web",
    "book": "book", "inbook": "book", "incollection": "book", "booklet": "book",
    "techreport": "report", "report": "report", "manual": "report", "phdthesis": "report",
    "mastersthesis": "report", "thesis": "report",
}
BIBTEX_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_URL_MACRO = re.compile(r"\\url\{([^}]*)\}")
_ACCESSED_NOTE = re.compile(r"(?:accessed|visited|viewed)\s*:?\s*([^\]};]+)", re.IGNORECASE)
_TO_TEXT = LatexNodes2Text()


def plain(value: object) -> str:
    """LaTeX made into letters; on LaTeX pylatexenc cannot read, the braces dropped."""
    text = value if isinstance(value, str) else ""
    text = text[:MAX_FIELD * 2]
    try:
        return clean(_TO_TEXT.latex_to_text(text))
    except Exception:           # noqa: BLE001  (deep nesting, odd macros: keep the letters)
        log.info("LaTeX not decoded; braces dropped", exc_info=True)
        return clean(re.sub(r"[{}\\]", "", text))


def raw(value: object) -> str:
    """A web address or DOI as written: braces and ``\\url{}`` taken off, never decoded."""
    text = value if isinstance(value, str) else ""
    text = _URL_MACRO.sub(r"\1", text)
    return clean(text.replace("{", "").replace("}", "").replace("\\_", "_").replace("\\%", "%"))


def _names(value: object) -> list[str]:
    """Each author as "Surname, Given" (a name in braces, an organisation, kept whole)."""
    if isinstance(value, str):
        value = [v for v in re.split(r"\s+and\s+", value) if v.strip()]
    names: list[str] = []
    for name in value if isinstance(value, list) else []:
        if isinstance(name, str):
            stripped = name.strip()
            whole = stripped.startswith("{") and stripped.endswith("}")
            names.append(Whole(plain(stripped)) if whole else plain(stripped))
            continue
        first = " ".join(getattr(name, "first", []))
        last = " ".join([*getattr(name, "von", []), *getattr(name, "last", [])])
        if not first and last.startswith("{") and last.endswith("}"):
            names.append(Whole(plain(last)))
        elif last:
            names.append(f"{plain(last)}, {plain(first)}" if first else plain(last))
    return names


def _record(entry: Entry) -> Record:
    fields = {f.key.lower(): f.value for f in entry.fields}

    def text(*keys: str) -> str:
        return next((plain(fields[k]) for k in keys if plain(fields.get(k))), "")
    entry_type = entry.entry_type.lower()
    url = raw(fields.get("url"))
    if not url and "\\url" in str(fields.get("howpublished", "")):
        url = raw(fields.get("howpublished"))
    kind = BIBTEX_KINDS.get(entry_type, "other")
    if entry_type == "misc" and url:
        kind = "web"        # Zotero and Mendeley write a web page as @misc with its address
    note = text("note", "addendum")
    accessed = raw(fields.get("urldate"))
    if not accessed and (found := _ACCESSED_NOTE.search(note)):
        accessed = found.group(1)
    record = Record(kind=kind, authors=_names(fields.get("author") or fields.get("editor")),
                    title=text("title"), year=text("year", "date"),
                    volume=text("volume"), issue=text("number", "issue"),
                    pages=page_range(text("pages")), doi=raw(fields.get("doi")), url=url,
                    accessed=accessed, type_name=entry_type)
    if kind == "journal":
        record.journal_short = text("shortjournal", "journalabbreviation")
        record.container = text("journal", "journaltitle")
    elif kind == "web":
        record.container = text("journal", "journaltitle", "organization", "publisher") or \
            ("" if url else text("howpublished"))
    else:
        record.container = text("publisher", "institution", "school", "organization",
                                "journal", "booktitle")
        if entry_type in ("inbook", "incollection") and text("booktitle"):
            record.title = f"{record.title.rstrip('.')}. In: {text('booktitle')}"
            record.container = text("publisher")
    return record


def _entry_of(block: Block) -> Entry | None:
    if isinstance(block, Entry):
        return block
    if isinstance(block, ParsingFailedBlock) and isinstance(block.ignore_error_block, Entry):
        return block.ignore_error_block       # a repeated key, a name not split: still used
    return None


def read_bibtex(text: str) -> tuple[list[Record], int]:
    """(the records, how many entries could not be read)."""
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(),
                                                                 SplitNameParts()])
    records, failed = [], 0
    for block in library.blocks:
        entry = _entry_of(block)
        if entry is not None:
            records.append(_record(entry))
        elif isinstance(block, ParsingFailedBlock):
            failed += 1
    return records, failed
