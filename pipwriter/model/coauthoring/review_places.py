"""Which paragraphs of a review copy a reviewer may change, in order (no Word here): the
title, the standfirst, the key messages and each section's heading and paragraphs. The review
copy marks each with a bookmark ``pip_<n>`` (``n`` its number in :func:`review_places`) and
every other paragraph with ``pipro_<k>_<print>`` (for reading only; ``print`` is
:func:`text_print` of the text written there, so a change made to it in Word can be told,
and said not to be brought in), so the copy can be read back
(:mod:`pipwriter.export.review_docx`, :mod:`pipwriter.importer.review_read`)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..article.article import Article
from ..article.text import Paragraph
from ..rules.findings import Where

BOOKMARK = "pip_"
READ_ONLY = "pipro_"


@dataclass(frozen=True)
class Place:
    """A paragraph of the review copy the reviewer may change, and the field it comes from."""

    style: str
    where: Where
    paragraph: int = 0                 # the paragraph of a section's text (else 0)
    text: str = ""                     # for a one-line field: its text
    body: Paragraph | None = None      # for a section's paragraph: the paragraph


def review_places(article: Article) -> list[Place]:
    """Every paragraph a reviewer may change, in the order the review copy shows them."""
    places = [Place("Title", Where("title", field="title"), text=article.title)]
    if article.standfirst.strip():
        places.append(Place("Standfirst", Where("title", field="standfirst"),
                            text=article.standfirst))
    for index, message in enumerate(article.key_messages):
        if message.strip():
            places.append(Place("Key Messages", Where("key_messages", item_id=str(index),
                                                      field="message"), text=message))
    for section in article.sections:
        places.append(Place("Heading 1", Where("section", section.id, field="title"),
                            text=section.title))
        for index, paragraph in enumerate(section.body.paragraphs):
            if paragraph.text().strip() or paragraph.citations():
                places.append(Place("List Bullet" if paragraph.style == "bullet" else
                                    "Body Text", Where("section", section.id, field="body"),
                                    index, body=paragraph))
    return places


def text_print(text: str) -> str:
    """A short fingerprint of ``text`` with its spaces and line breaks evened out (Word may
    split runs or turn a line break into a space; the words are what count)."""
    words = " ".join(text.split())
    return hashlib.sha1(words.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def read_only_name(number: int, text: str) -> str:
    """The bookmark of the ``number``-th paragraph written for reading only, holding ``text``."""
    return f"{READ_ONLY}{number}_{text_print(text)}"


_READ_ONLY_NAME = re.compile(rf"{READ_ONLY}(\d+)(?:_([0-9a-f]+))?$")


def read_only_print(name: str) -> str | None:
    """The fingerprint in a read-only paragraph's bookmark name: "" for a copy written before
    fingerprints were kept, or a name damaged on the way (still read only: never taken for
    text the reviewer added); None when ``name`` is not such a bookmark."""
    if not name.startswith(READ_ONLY):
        return None
    match = _READ_ONLY_NAME.match(name)
    return match.group(2) or "" if match is not None else ""
