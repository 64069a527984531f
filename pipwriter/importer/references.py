"""The reference list of a Word draft: each paragraph under "References" becomes a reference.

Numbers typed before an entry ("1.", "[1]", "1)") or given by Word's numbered list become the
reference's number, which the citations in the text ([1], [1,2], superscript numbers) point to.
The entry is read into its parts (kind, authors, title, journal, year, volume, pages, DOI...)
when its style is understood (:mod:`.reference_parse`: BMJ/Vancouver, APA, Harvard), else kept
as written (a DOI or web address in it is picked out).
"""

from __future__ import annotations

import re

from .blocks import Block
from .reference_parse import ParsedReference, as_written, parse_reference

_REF_NUMBER = re.compile(r"^\s*[\[(]?(\d{1,3})[\].)]?(?:\t|\s)+(\S.*)$", re.DOTALL)
URL = re.compile(r"https?://[^\s<>\"]+")


def reference_from_block(block: Block, taken: dict[int, str], read: bool = True
                         ) -> tuple[int, ParsedReference] | None:
    """(its number, the reference read) for one paragraph of the list; None for an empty one.
    ``taken``: the numbers already used (a repeated number gets the next free one); ``read``:
    False keeps the entry as written."""
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
    return number, parse_reference(text) if read else as_written(text)


def reference_notes(read: list[ParsedReference]) -> list[str]:
    """What the authors are told about the references read: how many were read into their
    parts in which style (converted ones to check), and which were kept as written."""
    notes = []
    styles: dict[str, int] = {}
    for parsed in read:
        if parsed.style:
            styles[parsed.style] = styles.get(parsed.style, 0) + 1
    if styles:
        told = ", ".join(f"{n} in {style} style" for style, n in styles.items())
        converted = [style for style in styles if not style.startswith("BMJ")]
        # the advice only where some were converted (found by a walk: it was given when every
        # reference was already in the BMJ's own style)
        check = (f" Check the ones that came in {' or '.join(converted)} style: a journal's "
                 "name is kept as it was, not made short.") if converted else ""
        notes.append(f"References split into their parts: {told}. They are now set out the "
                     f"BMJ way.{check}")
    kept = [i + 1 for i, parsed in enumerate(read) if not parsed.style]
    if len(kept) == 1:
        notes.append(f"Reference {kept[0]} is kept as it was. PiP Writer could not split it "
                     "into its parts. Open References and fill in its details.")
    elif kept:
        numbers = ", ".join(str(n) for n in kept[:-1]) + f" and {kept[-1]}"
        notes.append(f"References {numbers} are kept as they were. PiP Writer could not split "
                     "them into their parts. Open References and fill in their details.")
    return notes
