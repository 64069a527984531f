"""Which Word comment answers which: the threads of a reviewed copy.

Word (2013 and later, and Word on the web) saves a reply to a comment as a comment of its own
and records the thread in ``word/commentsExtended.xml``: each comment is named there by the
``w14:paraId`` of its last paragraph, and a reply names its parent's with ``w15:paraIdParent``.
LibreOffice writes the same part when it saves replies in a .docx.
"""

from __future__ import annotations

import logging
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn

log = logging.getLogger(__name__)
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def _part_xml(document: Any, name: str) -> Any | None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == name:
            element = getattr(part, "element", None)
            return element if element is not None else parse_xml(part.blob)
    return None


def _threads(document: Any) -> tuple[dict[str, str], list[Any]]:
    """(the last paragraph's w14:paraId -> comment id, every w15:commentEx entry)."""
    try:
        comments = _part_xml(document, "/word/comments.xml")
        extended = _part_xml(document, "/word/commentsExtended.xml")
    except Exception as error:  # noqa: BLE001 - a damaged part loses the threads, not the copy
        log.warning("the comment threads of a reviewed copy cannot be read: %s", error)
        return {}, []
    if comments is None or extended is None:
        return {}, []
    by_paragraph: dict[str, str] = {}
    for comment in comments.iter(qn("w:comment")):
        paragraphs = comment.findall(qn("w:p"))
        if paragraphs and paragraphs[-1].get(f"{W14}paraId"):
            by_paragraph[paragraphs[-1].get(f"{W14}paraId")] = comment.get(qn("w:id"))
    return by_paragraph, list(extended.iter(f"{W15}commentEx"))


def reply_parents(document: Any) -> dict[str, str]:
    """Comment id -> the id of the comment it replies to (only replies are in it)."""
    by_paragraph, entries = _threads(document)
    parents: dict[str, str] = {}
    for entry in entries:
        own, parent = entry.get(f"{W15}paraId"), entry.get(f"{W15}paraIdParent")
        if own in by_paragraph and parent in by_paragraph and own != parent:
            parents[by_paragraph[own]] = by_paragraph[parent]
    return parents


def resolved_ids(document: Any) -> set[str]:
    """The ids of the comments marked done (resolved) in Word."""
    by_paragraph, entries = _threads(document)
    return {by_paragraph[entry.get(f"{W15}paraId")] for entry in entries
            if entry.get(f"{W15}done") in ("1", "true") and
            entry.get(f"{W15}paraId") in by_paragraph}
