"""References pasted into the app: one or several, typed in any style, or copied straight out
of a reference manager or a search site (Google Scholar's "Cite › BibTeX", a RIS record).

Text that is a reference file's contents is read as that file (:mod:`.reference_files`).
Otherwise it is split into references — at numbers ("1.", "[2]", "3)") when the list is
numbered, else at blank lines, else one a line — and each is read by
:func:`.reference_parse.parse_reference` (BMJ/Vancouver, APA, Harvard, Chicago), or kept as
written when its style is not understood.
"""

from __future__ import annotations

import re

from .reference_fields import ReadReference, clean
from .reference_files import (
    MAX_BYTES,
    MAX_REFERENCES,
    ReferenceFileError,
    detect,
    read_reference_bytes,
)
from .reference_parse import parse_reference

_NUMBERED = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+")


def split_pasted(text: str) -> list[str]:
    """The references in pasted text, each on one line, their numbers taken off."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if sum(1 for line in lines if _NUMBERED.match(line)) >= 2:
        chunks: list[list[str]] = []
        for line in lines:
            if _NUMBERED.match(line) or not chunks:
                chunks.append([])
            chunks[-1].append(_NUMBERED.sub("", line, count=1))
        pieces = [" ".join(chunk) for chunk in chunks]
    elif re.search(r"\n\s*\n", text.strip()):
        pieces = re.split(r"\n\s*\n", text)
    else:
        pieces = lines
    return [p for p in (clean(piece) for piece in pieces) if p]


def read_pasted(text: str) -> list[ReadReference]:
    """Each reference in ``text``, read into its parts or kept as written.
    Raises :class:`.reference_files.ReferenceFileError` for text far too long to be a few
    references, or a pasted file's contents that cannot be read."""
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise ReferenceFileError("That is far too much text to be the references for one "
                                 "article. Paste a few references at a time.")
    if detect(text):
        return read_reference_bytes(data, "the pasted text").references
    pieces = split_pasted(text)
    if len(pieces) > MAX_REFERENCES:
        raise ReferenceFileError(f"That text has {len(pieces):,} lines. Paste only the "
                                 "references you cite, a few at a time.")
    read = []
    for piece in pieces:
        parsed = parse_reference(piece)
        read.append(ReadReference(parsed.reference, not parsed.style))
    return read
