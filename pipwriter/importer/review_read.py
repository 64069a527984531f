"""Reading a review copy back (see :mod:`pipwriter.export.review_docx`): the reviewer's version
of the article, to merge against the article as it was sent.

Each paragraph marked ``pip_<n>`` is read with the reviewer's changes: tracked insertions
taken, tracked deletions left out, untracked edits as they are. In the text of the sections the
reviewer's changes become *suggested changes* by diff against the paragraph as it was sent
(:mod:`pipwriter.model.coauthoring.suggestion_diff`), each carrying the name Word recorded for
the tracked change (else the name the document was last saved under), so nothing is applied
until someone accepts it; a paragraph they added joins its section as a suggested insertion, a
marked paragraph that is gone or left empty is a suggested deletion. The title, standfirst,
headings and key messages are read as they are (the merge shows those changes). "[1]"-style numbers become
citations of the references as they were numbered when sent. New comments (Word's or
LibreOffice's) become comments on the same words; the article's own comments written into the
copy are recognised and not added twice. Works for files saved by Word and by LibreOffice.
What cannot be brought in (a change or a comment in the parts shown for reading only, text
added among them, a comment whose words are gone) is named, never dropped without a word
(:mod:`.review_left_out`).
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from .. import APP_NAME
from ..model.article.article import Article
from ..model.article.ids import new_id
from ..model.article.text import Citation, Inline, Paragraph, RichText, Run
from ..model.coauthoring.comment_data import Comment, now_utc
from ..model.coauthoring.review import review_base
from ..model.coauthoring.review_places import (
    BOOKMARK,
    read_only_print,
    review_places,
)
from ..model.coauthoring.suggestion_diff import (
    Clash,
    suggest_addition,
    suggest_edit,
    suggest_removal,
)
from ..model.coauthoring.suggestions import PREFIX, SuggestionNote
from ..model.errors import PipError
from ..model.rules.findings import Where
from ..model.storage.project import Project
from .docx_runs import child_text
from .review_comments import Landed, Talk, add_comments, add_replies
from .review_left_out import LeftOut
from .word_threads import reply_parents, resolved_ids

log = logging.getLogger(__name__)
_CITATION = re.compile(r"\[(\d+(?:\s*[,\u2013-]\s*\d+)*)\]")
_SKIPPED = {qn("w:del"), qn("w:moveFrom")}


@dataclass
class ReadParagraph:
    place: int | None               # the marked place it is, or None
    read_only: bool                 # a paragraph shown for reading only
    style: str
    items: list[Inline]
    text: str
    comments: list[tuple[str, str, str, int, int]] = field(default_factory=list)  # id, who,
    # what, span
    changed_by: str = ""            # who Word says made the first tracked change in it
    changed_at: str = ""
    sent_print: str = ""            # read only: the fingerprint of the text as sent ("": unknown)


@dataclass
class ReviewedCopy:
    article: Article                # the article as sent, with the reviewer's changes
    comments_added: int
    paragraphs_added: int
    replies_added: int = 0
    sent_to: str = ""               # who it was sent to for review ("" when not known)
    left_out: list[str] = field(default_factory=list)   # what could not be brought in, said


def _skipped(node: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag in _SKIPPED:
            return True
        parent = parent.getparent()
    return False


def _run_format(run: Any) -> tuple[bool, bool]:
    properties = run.find(qn("w:rPr"))
    if properties is None:
        return False, False
    def on(tag: str) -> bool:
        element = properties.find(qn(tag))
        return element is not None and element.get(qn("w:val")) not in ("0", "false", "off")
    return on("w:b"), on("w:i")


def read_paragraph(element: Any, numbers: dict[int, str], comment_text: dict[str, tuple[str, str]]
                    ) -> ReadParagraph:
    place, read_only, sent_print = None, False, ""
    for mark in element.iter(qn("w:bookmarkStart")):
        name = mark.get(qn("w:name")) or ""
        if name.startswith(BOOKMARK) and name[len(BOOKMARK):].isdigit():
            place = int(name[len(BOOKMARK):])
        found_print = read_only_print(name)
        if found_print is not None:
            read_only, sent_print = True, sent_print or found_print
    style_element = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style = style_element.get(qn("w:val")) if style_element is not None else ""
    pieces: list[tuple[str, bool, bool]] = []
    open_ranges: dict[str, int] = {}
    spans: list[tuple[str, int, int]] = []
    length = 0
    points: dict[str, int] = {}     # comments at a point (LibreOffice's): where the mark is
    for node in element.iter(qn("w:r"), qn("w:commentRangeStart"), qn("w:commentRangeEnd"),
                             qn("w:commentReference")):
        if node.tag == qn("w:commentReference"):
            points.setdefault(node.get(qn("w:id")), length)
            continue
        if node.tag == qn("w:commentRangeStart"):
            open_ranges[node.get(qn("w:id"))] = length
            continue
        if node.tag == qn("w:commentRangeEnd"):
            ident = node.get(qn("w:id"))
            if ident in open_ranges:
                spans.append((ident, open_ranges.pop(ident), length))
            continue
        if _skipped(node):
            continue
        bold, italic = _run_format(node)
        for child in node:
            text = child_text(child)
            if text:
                pieces.append((text, bold, italic))
                length += len(text)
    text = "".join(p[0] for p in pieces)
    spans = [s for s in spans if s[2] > s[1]]
    spanned = {s[0] for s in spans}
    for ident, at in points.items():    # no words marked: the word the comment is at
        word = None if ident in spanned else word_at(text, at)
        if word is not None:
            spans.append((ident, *word))
    found = [(i, comment_text[i][0], comment_text[i][1], a, b) for i, a, b in spans
             if i in comment_text]
    tracked = next(element.iter(qn("w:ins"), qn("w:del")), None)
    return ReadParagraph(place, read_only and place is None, style, _inlines(pieces, numbers),
                         text, found,
                         (tracked.get(qn("w:author")) or "") if tracked is not None else "",
                         (tracked.get(qn("w:date")) or "") if tracked is not None else "",
                         sent_print)


_WORD = re.compile(r"\w[\w'’-]*")


def word_at(text: str, at: int) -> tuple[int, int] | None:
    """The word a comment made at position ``at`` belongs to: the one just before it (a
    comment is usually made after the word it is about), else the first after it; None in a
    paragraph without words."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    before = [w for w in words if w[0] < at]
    after = [w for w in words if w[0] >= at]
    return before[-1] if before else after[0] if after else None


def _inlines(pieces: list[tuple[str, bool, bool]], numbers: dict[int, str]) -> list[Inline]:
    items: list[Inline] = []
    for text, bold, italic in pieces:
        position = 0
        for match in _CITATION.finditer(text):
            refs = _refs(match.group(1), numbers)
            if refs is None:
                continue
            if match.start() > position:
                items.append(Run(text[position:match.start()], bold, italic))
            items.append(Citation(refs))
            position = match.end()
        if position < len(text):
            items.append(Run(text[position:], bold, italic))
    return items


def _refs(label: str, numbers: dict[int, str]) -> list[str] | None:
    wanted: list[int] = []
    for part in re.split(r"\s*,\s*", label):
        ends = [int(n) for n in re.split(r"\s*[\u2013-]\s*", part)]
        wanted += list(range(ends[0], ends[-1] + 1)) if len(ends) == 2 else ends
    if not wanted or any(n not in numbers for n in wanted):
        return None                     # not one of the article's references: keep as text
    return [numbers[n] for n in wanted]


def _open(path: Path) -> Any:
    import docx
    try:
        return docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - any reading failure is one message
        log.warning("the review copy %s could not be read", path, exc_info=True)
        raise PipError(f"'{Path(path).name}' could not be read as a Word document. Ask for the "
                       "file again, saved as a Word document (.docx).") from error


def read_review(path: Path, sent: Article) -> ReviewedCopy:
    """The reviewer's version of ``sent`` (the article as it was sent for review)."""
    return _reviewed(_open(path), sent, Path(path).name)


def read_reviewed(mine: Project, path: Path) -> tuple[Project, ReviewedCopy]:
    """(the article as it was sent for review, the reviewer's version) for a review copy of
    ``mine`` — the file is read once; PipError with a message for the user when the article as
    sent is no longer kept here or the file is not a review copy."""
    document = _open(path)
    found = review_base(mine, document.core_properties.identifier or "")
    if found is None:
        raise PipError("PiP Writer cannot find the article as it was when you sent it. So it "
                       "cannot tell their changes from yours. Bring the copy in on the computer "
                       "you sent it from.")
    base, sent_to = found
    reviewed = _reviewed(document, base.article, Path(path).name, sent_to)
    reviewed.sent_to = sent_to
    return base, reviewed


def _reviewed(document: Any, sent: Article, name: str, sent_to: str = "") -> ReviewedCopy:
    comment_text = {str(c.comment_id): (c.author, c.text) for c in document.comments}
    numbers = {n: ref_id for ref_id, n in sent.reference_numbers().items()}
    read = [read_paragraph(p, numbers, comment_text)
            for p in document.element.body.iter(qn("w:p"))]
    if not any(p.place is not None for p in read):
        raise PipError(f"'{name}' is not a review copy of this article (PiP Writer's marks are "
                       "not in it). Bring in a copy made with File › Send for review.")
    properties = document.core_properties
    saved_by = (properties.last_modified_by or "").strip()      # the copy says "PiP Writer"
    # changes made without Track Changes: by whoever Word says saved it, else by the person
    # it was sent to (found by a walk: credited to "The reviewer" though the app knew)
    reviewer = saved_by if saved_by and saved_by != APP_NAME else sent_to or "The reviewer"
    dates = {str(c.comment_id): c.timestamp.isoformat() for c in document.comments
             if c.timestamp is not None}
    return _apply(sent, read, reviewer, Talk(comment_text, reply_parents(document), dates,
                                             resolved_ids(document)))


def _same_words(before: Paragraph, after: Paragraph) -> bool:
    """The same words, formatting and citations (however the runs are cut)."""
    def shape(paragraph: Paragraph) -> list[object]:
        out: list[object] = []
        for item in paragraph.items:
            if isinstance(item, Run):
                out += [(ch, bool(item.bold), bool(item.italic)) for ch in item.text]
            else:
                out.append(tuple(item.refs))
        return out
    return before.style == after.style and shape(before) == shape(after)


class _Suggester:
    """New suggestions, each noted with who made it (Word's name for the change, else the
    reviewer's) and when."""

    def __init__(self, article: Article, reviewer: str) -> None:
        self.article, self.reviewer = article, reviewer

    def maker(self, read: ReadParagraph | None) -> Callable[[], str]:
        def new() -> str:
            note = SuggestionNote(new_id(PREFIX), (read.changed_by if read else "") or
                                  self.reviewer, (read.changed_at if read else "") or now_utc())
            self.article.suggestions.append(note)
            return note.id
        return new


def _author_of(article: Article, suggestion: str) -> str:
    return next((note.author for note in article.suggestions if note.id == suggestion), "")


def _apply(sent: Article, read: list[ReadParagraph], reviewer: str = "The reviewer",
           talk: Talk | None = None) -> ReviewedCopy:
    article = Article.from_json(copy.deepcopy(sent.to_json()))
    places = review_places(sent)
    suggester = _Suggester(article, reviewer)
    bodies: dict[str, list[tuple[float, Paragraph]]] = {}   # (order, paragraph) per section
    seen: set[int] = set()
    landed: list[Landed] = []
    current: str | None = None          # the section a paragraph the reviewer added joins
    order = 0.0
    added = 0
    talk = talk or Talk()
    left_out = LeftOut(reviewer, set(talk.parents))
    started = False                     # past the copy's own note at the top
    for paragraph in read:
        if paragraph.read_only:
            started, current = True, None
            left_out.read_only(paragraph)
            continue
        if paragraph.place is None:     # added by the reviewer
            if current is None and started and paragraph.text.strip():
                left_out.added(paragraph.text, paragraph.changed_by)
            if current is not None and paragraph.text.strip():
                order += 1e-4
                new = suggest_addition(Paragraph(paragraph.items, "body"),
                                       suggester.maker(paragraph)())
                bodies[current].append((order, new))
                landed.append(Landed(paragraph, Where("section", current, field="body"), 0,
                                      new))
                added += 1
                if paragraph.style.lower().startswith("heading"):
                    section = article.section(current)
                    left_out.heading_as_text(paragraph.text, paragraph.changed_by,
                                             section.title if section else "")
            continue
        if not 0 <= paragraph.place < len(places):
            continue
        started = True
        place = places[paragraph.place]
        seen.add(paragraph.place)
        order = float(paragraph.place)
        where, text = place.where, paragraph.text.strip()
        if where.panel != "section":
            current = None
            if where.field == "title":
                article.title = text
            elif where.field == "standfirst":
                article.standfirst = text
            elif where.field == "message":
                article.key_messages[int(where.item_id)] = text
            landed.append(Landed(paragraph, where, 0))
            continue
        current = where.section_id
        bodies.setdefault(current, [])
        section = article.section(current)
        if section is None:
            continue
        if where.field == "title":
            section.title = text or section.title
            landed.append(Landed(paragraph, where, 0))
        elif place.body is None:
            continue
        elif text or any(isinstance(i, Citation) for i in paragraph.items):
            style = "bullet" if "bullet" in paragraph.style.lower() else "body"
            read_back = Paragraph(paragraph.items, style)
            # unchanged: the paragraph as it was, with what a Word copy cannot carry (the
            # key-quote marks, suggestions still waiting) intact
            clashes: list[Clash] = []
            body = copy.deepcopy(place.body) if _same_words(place.body.standing(), read_back) \
                else suggest_edit(place.body, read_back, suggester.maker(paragraph), clashes)
            for clash in clashes:
                left_out.clash(paragraph.changed_by, clash.before, clash.after,
                               _author_of(sent, clash.waiting), section.title)
            bodies[current].append((order, body))
            landed.append(Landed(paragraph, where, 0, body))
        else:                           # left empty: a suggested deletion
            bodies[current].append((order, suggest_removal(place.body,
                                                           suggester.maker(paragraph)())))
    for number, place in enumerate(places):     # gone: a suggested deletion
        if number not in seen and place.body is not None and place.where.field == "body":
            bodies.setdefault(place.where.section_id, []).append(
                (float(number), suggest_removal(place.body, suggester.maker(None)())))
    for section in article.sections:
        if section.id in bodies:
            section.body = RichText([p for _o, p in sorted(bodies[section.id],
                                                           key=lambda pair: pair[0])])
            lines = {id(p): n for n, p in enumerate(section.body.paragraphs)}
            for item in landed:
                if item.body is not None and id(item.body) in lines:
                    item.line = lines[id(item.body)]
    article.key_messages = [m for m in article.key_messages if m.strip()]
    threads: dict[str, Comment] = {}        # the copy's comment id -> the article's comment
    added_comments, typed_replies = add_comments(article, sent, landed, talk, threads, left_out)
    return ReviewedCopy(article, added_comments, added,
                        add_replies(talk, threads) + typed_replies, left_out=left_out.lines)
