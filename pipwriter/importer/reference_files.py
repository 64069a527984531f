"""Bringing in references from the files reference managers export.

=============  =====================================  ==========================================
Format         Written by                             Read by
=============  =====================================  ==========================================
RIS            Zotero, Mendeley, EndNote, Papers      :mod:`.reference_ris` (rispy)
BibTeX         Zotero, Mendeley, JabRef, Scholar      :mod:`.reference_bibtex` (bibtexparser)
EndNote XML    EndNote (File › Export › XML)          :mod:`.reference_endnote` (standard XML)
PubMed         PubMed "Citation manager" (.nbib)      :mod:`.reference_ris` (MEDLINE lines)
=============  =====================================  ==========================================

The format is told from the file's contents, not its name (a ``.txt`` from PubMed, a ``.ris``
that is really BibTeX). Each entry becomes a reference in the app's form
(:func:`.reference_fields.to_reference`); one that cannot be set out in BMJ style is kept as
written, kind "other", and reported.

Nothing here crashes on a bad file: a file too big (over :data:`MAX_BYTES`), not text, with no
references, broken, or with more than :data:`MAX_REFERENCES` entries raises
:class:`ReferenceFileError`, whose message says in plain words what to do.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..model.errors import PipError
from .reference_bibtex import BIBTEX_START, read_bibtex
from .reference_endnote import EndNoteFileError, read_endnote_xml
from .reference_fields import ReadReference, Record, to_reference
from .reference_ris import MEDLINE_START, RIS_START, read_medline, read_ris

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024     # a few thousand references; far more than one article needs
MAX_REFERENCES = 500            # the series allows 5: more than this is a whole library
FILE_FILTER = ("Reference files (*.ris *.bib *.bibtex *.xml *.nbib *.txt *.medline);;"
               "All files (*)")
ASK_AGAIN = ("Go to the program where you keep your references. Save the ones for this "
             "article to a file, as RIS, BibTeX, EndNote XML or PubMed. Then try again.")


class ReferenceFileError(PipError):
    """A file of references could not be read; the message says why and what to do."""


@dataclass
class ReferenceFile:
    """The references read from one file."""
    format: str                                   # "RIS", "BibTeX", "EndNote XML", "PubMed"
    references: list[ReadReference] = field(default_factory=list)
    not_read: int = 0                             # entries too broken to read at all

    @property
    def kept_as_written(self) -> list[ReadReference]:
        return [r for r in self.references if r.kept_as_written]


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a byte order mark), UTF-16 with its mark, or
    the Windows code page older reference managers write. Raises :class:`ReferenceFileError`
    for a file that is not text (a PDF, a picture, a Word file)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise ReferenceFileError("This file is not a list of references that PiP Writer can "
                             "read. " + ASK_AGAIN)


def detect(text: str) -> str:
    """The file's format told from its text, or "" when it is none of them."""
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("<") and "<record" in text:
        return "EndNote XML"
    if MEDLINE_START.search(text):
        return "PubMed"
    if RIS_START.search(text):
        return "RIS"
    if BIBTEX_START.search(text):
        return "BibTeX"
    return ""


_READERS = {"RIS": read_ris, "PubMed": read_medline, "BibTeX": read_bibtex,
            "EndNote XML": read_endnote_xml}


def read_reference_bytes(data: bytes, name: str = "this file") -> ReferenceFile:
    """The references in a file's contents (``name`` is used in messages only)."""
    if len(data) > MAX_BYTES:
        raise ReferenceFileError(
            f"{name} is too big. It is over {MAX_BYTES // (1024 * 1024)} MB, far more than "
            "the references for one article need. " + ASK_AGAIN)
    text = decode(data)
    kind = detect(text)
    if not kind:
        raise ReferenceFileError(f"There are no references in {name} that PiP Writer can "
                                 "read. " + ASK_AGAIN)
    try:
        records, not_read = _READERS[kind](text)
    except EndNoteFileError as error:
        log.info("EndNote XML not read: %s", error)
        raise ReferenceFileError(
            f"PiP Writer cannot read {name}: it is broken. Save it from EndNote again. Use "
            "File, then Export, then XML.") from error
    except Exception as error:          # a reader's bug on odd input: a message, not a crash
        log.exception("%s file not read", kind)
        raise ReferenceFileError(f"There are no references in {name} that PiP Writer can "
                                 "read. " + ASK_AGAIN) from error
    return _result(kind, name, records, not_read)


def _result(kind: str, name: str, records: list[Record], not_read: int) -> ReferenceFile:
    if len(records) > MAX_REFERENCES:
        raise ReferenceFileError(
            f"{name} holds {len(records):,} references. An article in this series has at most "
            "a few. Choose only the ones you cite, save them to a new file, and try again.")
    if not records:
        raise ReferenceFileError(f"There are no references in {name} that PiP Writer can "
                                 "read. " + ASK_AGAIN)
    return ReferenceFile(kind, [to_reference(r) for r in records], not_read)


def read_reference_file(path: Path) -> ReferenceFile:
    """The references in the file at ``path``; :class:`ReferenceFileError` if it cannot be
    read, with a message for the person."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)       # never more, whatever the file claims
    except OSError as error:
        log.info("Reference file not opened: %s", error)
        raise ReferenceFileError(f"PiP Writer could not open {path.name}. Check that the file "
                                 "is still there, then try again.") from error
    return read_reference_bytes(data, path.name)
