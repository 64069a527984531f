"""Someone's edit of a paragraph, turned into suggested changes on it.

When a reviewed Word copy comes back, each paragraph the reviewer changed is compared, word by
word, with the paragraph as it was sent: every stretch they removed becomes a suggested
deletion and every stretch they added a suggested insertion (a stretch they replaced is one
suggestion doing both), so nothing they did is applied until someone accepts it. Suggestions
already in the paragraph when it was sent are kept as they were: the reviewer saw, and edited,
the paragraph as it stood.

A change of words that a waiting suggestion already removes (the reviewer typed "£30,000" over
"£24,000" while someone's suggestion to make it "£25,000" waited) is not made a suggestion: one
word can carry only one suggested removal, and half of the change came back ("£2430,000" once
the other suggestion was turned down: found by a walk). It is returned as a clash, for the
person bringing the copy in to be told, with both wordings.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..article.text import Citation, Inline, Paragraph, Run

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class _Token:
    item: Inline                # a one-token run, or a citation
    standing: bool              # part of the paragraph as it stands (not a suggested insertion)

    def key(self) -> tuple[object, ...]:
        if isinstance(self.item, Citation):
            return ("cite", tuple(self.item.refs))
        return (self.item.text, self.item.bold, self.item.italic)


def _tokens(paragraph: Paragraph) -> list[_Token]:
    out: list[_Token] = []
    for item in paragraph.items:
        if isinstance(item, Citation):
            out.append(_Token(item, not item.ins))
            continue
        for piece in _TOKEN.findall(item.text):
            out.append(_Token(replace(item, text=piece), not item.ins))
    return out


def _added(tokens: list[_Token], suggestion: str) -> list[Inline]:
    return [replace(t.item, ins=suggestion, dele="", quote="") for t in tokens]


@dataclass(frozen=True)
class Clash:
    """A change that was not made a suggestion: the words as they stood, what the reviewer
    made of them, and the waiting suggestion already removing some of them."""

    before: str
    after: str
    waiting: str


def _text(items: list[Inline]) -> str:
    return "".join(i.text if isinstance(i, Run) else "[citation]" for i in items).strip()


def _clash(whole: list[_Token], standing: list[int], after: list[_Token],
           span: tuple[int, int, int, int], waiting: str) -> Clash:
    """The clash of one change, widened to whole words on both sides (the parts around a
    change are the same before and after it: "£24,000" to "£30,000", not "24" to "30")."""
    a1, a2, b1, b2 = span

    def word(token: _Token) -> bool:
        return not (isinstance(token.item, Run) and token.item.text.isspace())
    while a1 > 0 and b1 > 0 and word(whole[standing[a1 - 1]]):
        a1, b1 = a1 - 1, b1 - 1
    while a2 < len(standing) and b2 < len(after) and word(whole[standing[a2]]):
        a2, b2 = a2 + 1, b2 + 1
    return Clash(_text([whole[standing[k]].item for k in range(a1, a2)]),
                 _text([t.item for t in after[b1:b2]]), waiting)


def suggest_edit(sent: Paragraph, edited: Paragraph, new_suggestion: Callable[[], str],
                 clashes: list[Clash] | None = None) -> Paragraph:
    """``sent`` with the differences between it (as it stands) and ``edited`` marked as
    suggestions, each from ``new_suggestion()``; a difference touching words a waiting
    suggestion removes is left out, and added to ``clashes``."""
    whole = _tokens(sent)
    standing = [i for i, t in enumerate(whole) if t.standing]   # index in whole of each
    after = _tokens(edited)
    matcher = difflib.SequenceMatcher(None, [whole[i].key() for i in standing],
                                      [t.key() for t in after], autojunk=False)
    removed: dict[int, str] = {}            # index in whole -> suggestion removing it
    inserted: dict[int, list[Inline]] = {}  # index in whole -> items to put before it
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        waiting = [whole[standing[k]].item.dele for k in range(a1, a2)
                   if whole[standing[k]].item.dele]
        if waiting:
            if clashes is not None:
                clashes.append(_clash(whole, standing, after, (a1, a2, b1, b2), waiting[0]))
            continue
        suggestion = new_suggestion()
        for k in range(a1, a2):
            removed[standing[k]] = suggestion
        if b2 > b1:
            at = standing[a2] if a2 < len(standing) else len(whole)
            inserted.setdefault(at, []).extend(_added(after[b1:b2], suggestion))
    items: list[Inline] = []
    for index, token in enumerate(whole):
        items.extend(inserted.get(index, []))
        item = token.item
        if index in removed:
            item = replace(item, dele=removed[index])
        items.append(item)
    items.extend(inserted.get(len(whole), []))
    return Paragraph(items, sent.style).normalised()


def suggest_removal(sent: Paragraph, suggestion: str) -> Paragraph:
    """``sent`` with everything that stands in it suggested for deletion."""
    items: list[Inline] = [item if item.ins or item.dele else replace(item, dele=suggestion)
                           for item in sent.items]
    return Paragraph(items, sent.style).normalised()


def suggest_addition(added: Paragraph, suggestion: str) -> Paragraph:
    """A new paragraph, all of it a suggested insertion."""
    items: list[Inline] = [replace(item, ins=suggestion, dele="", quote="")
                           for item in added.items if isinstance(item, (Run, Citation))]
    return Paragraph(items, added.style).normalised()
