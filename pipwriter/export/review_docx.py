"""A review copy: the article as a Word document for a co-author who does not have PiP Writer.

They change it with Word's Track Changes (or without) and add comments, then send it back;
:mod:`pipwriter.importer.review_read` reads it against the article as it was sent and the
changes are merged like a co-author's copy (nothing is applied without the user's say).

What makes that possible: every paragraph the reviewer may change — the title, the standfirst,
the key messages, each section's heading and paragraphs — is marked with a Word bookmark named
``pip_<n>`` (Word and LibreOffice keep bookmarks when they save), where ``n`` is the paragraph's
number in the list :func:`review_places` makes from the article; citations are written "[1]" so
they can be read back. The article's open comments go in as real Word comments on their words,
their replies inside them. The rest (byline, statement, references) is shown for reading only.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from ..model.article.article import Article
from ..model.article.text import Citation
from ..model.coauthoring.comment_data import Comment
from ..model.coauthoring.comments import locate
from ..model.coauthoring.review_places import BOOKMARK, Place, read_only_name, review_places
from ..model.rules.template import Template
from . import docx_base as base
from .manuscript import Labeller, manuscript_blocks


def _bookmark(paragraph: DocxParagraph, number: int, read_only: str | None = None) -> None:
    """Mark a paragraph the reviewer may change (``pip_<number>``), or one for reading only
    holding the text ``read_only`` (its fingerprint in the name: a change to it is told)."""
    ident = str(number + (100_000 if read_only is not None else 0))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), ident)
    start.set(qn("w:name"), read_only_name(number, read_only) if read_only is not None
              else f"{BOOKMARK}{number}")
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), ident)
    element = paragraph._p
    properties = element.find(qn("w:pPr"))
    element.insert(1 if properties is not None else 0, start)
    element.append(end)


def _cuts(comments: list[tuple[Comment, int, int]]) -> set[int]:
    return {edge for _c, start, end in comments for edge in (start, end)}


def _write_text(paragraph: DocxParagraph, text: str, offset: int, cuts: set[int]
                ) -> Iterator[tuple[int, int, DocxRun]]:
    """Write ``text`` (starting at ``offset`` of its field line) as runs split at ``cuts``."""
    edges = sorted({0, len(text), *(c - offset for c in cuts if 0 < c - offset < len(text))})
    for a, b in zip(edges, edges[1:], strict=False):
        yield offset + a, offset + b, base.add_run(paragraph, text[a:b])


def _write_place(document, place: Place, label: Labeller, cuts: set[int]
                 ) -> tuple[DocxParagraph, list[tuple[int, int, DocxRun]]]:
    paragraph = document.add_paragraph(style=place.style)
    runs: list[tuple[int, int, DocxRun]] = []
    if place.body is None:
        runs += _write_text(paragraph, base.safe_text(place.text), 0, cuts)
        return paragraph, runs
    offset = 0
    for item in place.body.items:
        if item.ins:            # a suggestion still waiting: not in the copy (the article
            offset += 1 if isinstance(item, Citation) else len(item.text)   # stands without it)
            continue
        if isinstance(item, Citation):
            run = base.add_run(paragraph, label(item.refs), style="Citation")
            runs.append((offset, offset + 1, run))
            offset += 1
        else:
            text = base.safe_text(item.text)
            for start, end, run in _write_text(paragraph, text, offset, cuts):
                run.bold, run.italic = item.bold or None, item.italic or None
                runs.append((start, end, run))
            offset += len(text)
    return paragraph, runs


def _anchored(article: Article, places: list[Place]) -> dict[int, list[tuple[Comment, int, int]]]:
    """Open comments by the number of the place their words are in now."""
    found: dict[int, list[tuple[Comment, int, int]]] = {}
    for comment in article.comments:
        if comment.resolved:
            continue
        anchor = locate(article, comment)
        if anchor is None:
            continue
        for number, place in enumerate(places):
            line = place.paragraph if place.body is not None else 0
            if place.where.same_field(anchor.field.where) and line == anchor.block:
                found.setdefault(number, []).append((comment, anchor.start, anchor.end))
    return found


def write_review_copy(article: Article, template: Template, path: Path, *, sender: str,
                      sent_to: str = "", identifier: str = "") -> Path:
    """Write the review copy of ``article`` to ``path``; ``identifier`` names the version kept
    as sent (:mod:`pipwriter.model.coauthoring.review`)."""
    document = base.new_document()
    document.core_properties.identifier = identifier
    document.core_properties.title = base.one_line(article.title)
    label = Labeller(article)
    label.style = "brackets"            # read back from "[1]" whatever the article shows
    places = review_places(article)
    comments = _anchored(article, places)
    today = _dt.date.today().strftime("%d %B %Y").lstrip("0")
    base.add_paragraph(
        document, f"Review copy of the article, sent by {sender or 'a co-author'}"
        + (f" to {sent_to}" if sent_to else "") + f" on {today}. Please turn on Track Changes "
        "(Review › Track Changes) before you change anything. Add comments where you want to say "
        "something (Review › New Comment). Keep the headings in their order. Then save the file "
        "and send it back.", style="Note")
    by_place = {(p.where.key(), p.where.field, p.paragraph if p.body else 0): n
                for n, p in enumerate(places)}
    read_only_count = 0
    for block in manuscript_blocks(article, template, draft=True):
        where = block.where
        number = None
        if where is not None and block.style != "Note":
            line = block.paragraph if where.field == "body" else 0
            number = by_place.get((where.key(), where.field, line))
            if where.field == "title" and where.panel == "section" and \
                    block.text() != places[number or 0].text:
                number = None           # a viewpoint's heading with names added: read only
        if number is None or block.picture is not None:
            if block.picture is None:
                paragraph = document.add_paragraph(style=block.style)
                for span in block.spans:
                    base.add_run(paragraph, span.text, bold=span.bold, italic=span.italic,
                                 style=span.style or None)
                _bookmark(paragraph, read_only_count,
                          read_only="".join(span.text for span in block.spans))
                read_only_count += 1
            continue
        place = places[number]
        on_it = comments.get(number, [])
        paragraph, runs = _write_place(document, place, label, _cuts(on_it))
        _bookmark(paragraph, number)
        for comment, start, end in on_it:
            covered = [run for a, b, run in runs if a >= start and b <= end]
            if not covered:
                continue
            note = document.add_comment(covered, text=comment.text, author=comment.author,
                                        initials="".join(w[:1] for w in comment.author.split()))
            _date(note, comment.at)
            for answer in comment.replies:
                note.add_paragraph(f"{answer.author}: {answer.text}")
    base.save(document, path)
    return path


def _date(note, iso: str) -> None:
    """The Word comment dated when the comment was written (python-docx dates it now: found by
    a walk, a comment written at 22:06 said 22:11 in Word). Its element, as python-docx keeps
    no public setter for the date."""
    try:
        when = _dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    note._comment_elm.date = when.astimezone(_dt.timezone.utc)
