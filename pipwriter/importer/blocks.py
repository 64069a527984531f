"""What the reader makes of a Word document: one :class:`Block` per paragraph, in reading order.

A block knows its style, whether it is a heading (and its level) or part of a list, its text as
runs with bold and italic, the citations found in it (kept as :class:`PendingCitation` until the
reference list has been read) and the pictures it holds (with their alt text). It also counts
what it kept although the article has no place of its own for it (footnotes, link addresses,
text-box paragraphs), so the import can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.article.text import Run
from ..model.errors import PipError

_NUMBERS = (r"\d{1,3}(?:\s*[-\u2013\u2014]\s*\d{1,3})?"
            r"(?:\s*,\s*\d{1,3}(?:\s*[-\u2013\u2014]\s*\d{1,3})?)*")
BRACKET_CITATION = re.compile(r"\[(\s*" + _NUMBERS + r"\s*)\]")
_BARE_NUMBERS = re.compile(r"^\s*(" + _NUMBERS + r")\s*$")
MAX_RANGE = 50


class DocxImportError(PipError):
    """The Word document could not be read; the message says why and what to do."""


@dataclass
class PendingCitation:
    """A citation by number, linked to a reference once the reference list is read."""

    numbers: list[int]
    original: str           # the text as it was in the document, kept if it cannot be linked


Item = Run | PendingCitation


@dataclass
class Picture:
    data: bytes
    content_type: str
    alt: str = ""
    title: str = ""


@dataclass
class Block:
    style: str
    items: list[Item] = field(default_factory=list)    # in reading order
    level: int = 0             # 1-9 for a heading, 0 otherwise
    title: bool = False        # the Title style
    listed: bool = False       # part of a bulleted or numbered list
    numbered: bool = False     # a numbered list
    list_number: int = 0       # its number there (1, 2, ...: counted again after other text)
    pictures: list[Picture] = field(default_factory=list)
    in_table: bool = False
    bold_only: bool = False    # every word is bold (a heading typed by hand?)
    missing_pictures: int = 0  # pictures linked to files outside the document
    footnotes: int = 0         # footnotes and endnotes kept as "[Footnote: …]"
    links: int = 0             # link addresses kept as "(https://…)"
    textbox: bool = False      # a paragraph of a text box

    @property
    def text(self) -> str:
        """The words, citations left out."""
        return "".join(i.text for i in self.items if isinstance(i, Run))

    @property
    def raw_text(self) -> str:
        """Everything as written, citations included."""
        return "".join(i.text if isinstance(i, Run) else i.original for i in self.items)

    def is_empty(self) -> bool:
        return not self.raw_text.strip() and not self.pictures


@dataclass
class DocxContent:
    blocks: list[Block]
    own_export: bool           # written by PiP Writer's export
    core_title: str = ""
    tables: int = 0
    notes: dict[str, str] = field(default_factory=dict)    # "Footnote 2" -> its text
    tracked: tuple[int, int] = (0, 0)   # tracked changes not yet accepted: (added, removed)


def parse_numbers(text: str) -> list[int] | None:
    """"1,3–5" -> [1, 3, 4, 5]; None when it is not a list of citation numbers."""
    match = _BARE_NUMBERS.match(text)
    if not match:
        return None
    numbers: list[int] = []
    for part in match.group(1).split(","):
        ends = re.split(r"[-\u2013\u2014]", part)
        low, high = int(ends[0]), int(ends[-1])
        if low < 1 or high < low or high - low > MAX_RANGE:
            return None
        numbers.extend(n for n in range(low, high + 1) if n not in numbers)
    return numbers
