"""Structured rich text without Qt: paragraphs of runs (bold/italic) and citation markers.

A citation stores reference *ids*, never numbers, so renumbering references can never break it.
A run may carry a key-quote id: the quote is whatever text carries that id, so the flag follows
the words as they are edited.

A run or citation may also be part of a *suggested change* (:mod:`pipwriter.model.coauthoring.
suggestions`): ``ins`` holds the id of a suggestion that would add it, ``dele`` the id of one that
would remove it. Until a suggestion is accepted the article *stands* as if it had not been made:
:meth:`Paragraph.text`, :meth:`Paragraph.citations` and :meth:`Paragraph.standing` leave out
suggested insertions and keep suggested deletions; :meth:`Paragraph.accepted` shows it with every
suggestion taken.

JSON form of one paragraph::

    {"style": "body", "runs": [{"t": "Hello ", "b": true}, {"cite": ["ref-1a2b"]},
                               {"t": " again", "ins": "sug-3c4d"}]}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..jsonread import Obj

PARAGRAPH_STYLES = ("body", "bullet")

# C0/C1 control characters that Word and python-docx reject; tab is kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def repair_surrogates(text: str) -> str:
    """``text`` with UTF-16 halves joined or replaced, so it can always be saved as UTF-8.

    A character outside the basic plane can reach Python as two halves (a surrogate pair, from
    a JSON escape or a clipboard); a pair is joined into the character it stands for, and a half
    on its own (which no file can hold) becomes U+FFFD, the replacement character "�".
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_text(text: str) -> str:
    """Remove characters that cannot be stored in a Word document (control characters), and
    repair broken UTF-16 halves (see :func:`repair_surrogates`)."""
    return _CONTROL.sub("", repair_surrogates(text).replace("\r\n", "\n").replace("\r", "\n"))


@dataclass
class Run:
    """A stretch of a paragraph's text in one format: bold, italic, the key quote it is part of,
    and the suggestions that would add or remove it."""

    text: str
    bold: bool = False
    italic: bool = False
    quote: str = ""  # key-quote id, "" when not part of a key quote
    ins: str = ""    # id of the suggestion that would add these words
    dele: str = ""   # id of the suggestion that would remove them

    def same_format(self, other: Run) -> bool:
        return (self.bold, self.italic, self.quote, self.ins, self.dele) == \
            (other.bold, other.italic, other.quote, other.ins, other.dele)


@dataclass
class Citation:
    """A citation in a paragraph: the ids of the references it cites (never their numbers), with
    the same key-quote and suggestion marks as a run."""

    refs: list[str]
    quote: str = ""
    ins: str = ""
    dele: str = ""


Inline = Run | Citation


@dataclass
class Paragraph:
    """One paragraph: its runs and citations in order, and its style ("body" or "bullet")."""

    items: list[Inline] = field(default_factory=list)
    style: str = "body"

    def text(self) -> str:
        """The words of the paragraph as it stands, citations left out (what is counted and
        checked): a suggested insertion is not in it yet, a suggested deletion still is."""
        return "".join(item.text for item in self.items if isinstance(item, Run) and not item.ins)

    def citations(self) -> list[Citation]:
        """The citations of the paragraph as it stands."""
        return [item for item in self.items if isinstance(item, Citation) and not item.ins]

    def has_suggestions(self) -> bool:
        return any(item.ins or item.dele for item in self.items)

    def standing(self) -> Paragraph:
        """The paragraph with no suggestion taken (what is exported and judged)."""
        if not self.has_suggestions():
            return self.normalised()
        return Paragraph([replace(item, dele="") for item in self.items if not item.ins],
                         self.style).normalised()

    def accepted(self) -> Paragraph:
        """The paragraph with every suggestion taken."""
        if not self.has_suggestions():
            return self.normalised()
        return Paragraph([replace(item, ins="") for item in self.items if not item.dele],
                         self.style).normalised()

    def normalised(self) -> Paragraph:
        """Adjacent runs with the same formatting merged, empty runs dropped."""
        out: list[Inline] = []
        for item in self.items:
            if isinstance(item, Run):
                if not item.text:
                    continue
                if out and isinstance(out[-1], Run) and out[-1].same_format(item):
                    out[-1] = replace(out[-1], text=out[-1].text + item.text)
                    continue
                out.append(replace(item))
            elif item.refs:
                out.append(Citation(list(item.refs), item.quote, item.ins, item.dele))
        return Paragraph(out, self.style)


@dataclass
class RichText:
    """Formatted text without Qt (a section's body, for one): its paragraphs in order."""

    paragraphs: list[Paragraph] = field(default_factory=list)

    @classmethod
    def from_plain(cls, text: str) -> RichText:
        """Paragraphs from plain text; blank lines are dropped, lines starting '- ' become bullets."""
        paragraphs = []
        for line in clean_text(text).split("\n"):
            if not line.strip():
                continue
            if line.startswith(("- ", "• ")):
                paragraphs.append(Paragraph([Run(line[2:])], "bullet"))
            else:
                paragraphs.append(Paragraph([Run(line)]))
        return cls(paragraphs)

    def plain_text(self) -> str:
        """All words as they stand, one paragraph per line, citations left out (a paragraph
        that is all a suggested insertion is not there yet)."""
        return "\n".join(p.text() for p in self.paragraphs
                         if not p.items or not all(i.ins for i in p.items))

    def is_empty(self) -> bool:
        return not any(p.text().strip() for p in self.paragraphs)

    def has_suggestions(self) -> bool:
        return any(p.has_suggestions() for p in self.paragraphs)

    def standing(self) -> RichText:
        """The text with no suggestion taken (paragraphs left empty are dropped)."""
        return RichText([p for p in (q.standing() for q in self.paragraphs) if p.items])

    def accepted(self) -> RichText:
        """The text with every suggestion taken (paragraphs left empty are dropped)."""
        return RichText([p for p in (q.accepted() for q in self.paragraphs) if p.items])

    def citations(self) -> Iterator[Citation]:
        for paragraph in self.paragraphs:
            yield from paragraph.citations()

    def quotes(self) -> dict[str, str]:
        """Key-quote id -> the text flagged with it, in reading order."""
        found: dict[str, list[str]] = {}
        for paragraph in self.paragraphs:
            for item in paragraph.items:
                if isinstance(item, Run) and item.quote and not item.ins:
                    found.setdefault(item.quote, []).append(item.text)
        return {qid: "".join(parts).strip() for qid, parts in found.items()}

    def remove_citations_to(self, ref_id: str) -> None:
        for paragraph in self.paragraphs:
            for item in paragraph.citations():
                if ref_id in item.refs:
                    item.refs.remove(ref_id)
            paragraph.items[:] = paragraph.normalised().items

    # --- JSON -------------------------------------------------------------------------
    def to_json(self) -> list[dict]:
        """Each paragraph as :meth:`Paragraph.normalised` leaves it, in the JSON form above
        (written without making the normalised copies: the journal writes a section's text
        about once a second while someone types; issue 23)."""
        return [_paragraph_json(paragraph) for paragraph in self.paragraphs]

    @classmethod
    def from_json(cls, data: list, path: str) -> RichText:
        holder = Obj({"p": data}, path.rsplit(".", 1)[0] if "." in path else "")
        paragraphs: list[Paragraph] = []
        for pobj in holder.objs("p"):
            pobj.path = f"{path}[{len(paragraphs)}]"
            items: list[Inline] = []
            for robj in pobj.objs("runs"):
                marks = (robj.text("ins", max_len=64), robj.text("del", max_len=64))
                if robj.has("cite"):
                    items.append(Citation(robj.strs("cite"), robj.text("q"), *marks))
                else:
                    items.append(Run(clean_text(robj.text("t")), robj.flag("b"), robj.flag("i"),
                                     robj.text("q"), *marks))
            style = pobj.text("style", "body", choices=PARAGRAPH_STYLES)
            paragraphs.append(Paragraph(items, style).normalised())
        return cls(paragraphs)


def _marks(entry: dict, item: Inline) -> dict:
    if item.quote:
        entry["q"] = item.quote
    if item.ins:
        entry["ins"] = item.ins
    if item.dele:
        entry["del"] = item.dele
    return entry


def _paragraph_json(paragraph: Paragraph) -> dict:
    """``paragraph.normalised()`` in JSON: empty runs and citations left out, neighbouring
    runs in the same format as one."""
    runs: list[dict] = []
    last: Run | None = None         # the run whose entry is last in ``runs``
    texts: list[str] = []           # its text and that of the runs merged into it
    for item in paragraph.items:
        if isinstance(item, Run):
            if not item.text:
                continue
            if last is not None and last.same_format(item):
                texts.append(item.text)
                continue
            if last is not None:
                runs[-1]["t"] = "".join(texts)
            last, texts = item, [item.text]
            entry: dict = {"t": ""}
            if item.bold:
                entry["b"] = True
            if item.italic:
                entry["i"] = True
            runs.append(_marks(entry, item))
        elif item.refs:
            if last is not None:
                runs[-1]["t"] = "".join(texts)
                last = None
            runs.append(_marks({"cite": list(item.refs)}, item))
    if last is not None:
        runs[-1]["t"] = "".join(texts)
    return {"style": paragraph.style, "runs": runs}
