"""The reference list of a Word draft: each paragraph under "References" becomes a reference.

Numbers typed before an entry ("1.", "[1]", "1)") or given by Word's numbered list become the
reference's number, which the citations in the text ([1], [1,2], superscript numbers) point to.
The entry is kept as written (a DOI or web address in it is picked out).
"""

from __future__ import annotations

import re

from ..model.article.reference import Reference
from .blocks import Block

_REF_NUMBER = re.compile(r"^\s*[\[(]?(\d{1,3})[\].)]?(?:\t|\s)+(\S.*)$", re.DOTALL)
URL = re.compile(r"https?://[^\s<>\"]+")
_DOI = re.compile(r"\bdoi:\s*(10\.\S+)", re.IGNORECASE)


def reference_from_block(block: Block, taken: dict[int, str]) -> tuple[int, Reference] | None:
    """(its number, the reference) for one paragraph of the list; None for an empty one.
    ``taken``: the numbers already used (a repeated number gets the next free one)."""
    # Word numbers a numbered list itself: then the text holds no number of its own
    match = None if block.numbered else _REF_NUMBER.match(block.raw_text)
    if match:
        number, text = int(match.group(1)), match.group(2)
    else:
        number, text = max(taken, default=0) + 1, block.raw_text
    text = " ".join(text.split())
    if not text:
        return None
    if number in taken:
        number = max(taken) + 1
    ref = Reference(kind="other", text=text)
    doi = _DOI.search(text)
    if doi:
        ref.doi = doi.group(1).rstrip(".,;")
    url = URL.search(text)
    if url:
        ref.url = url.group(0).rstrip(".,;)")
    return number, ref
