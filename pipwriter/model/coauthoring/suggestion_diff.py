"""Someone's edit of a paragraph, turned into suggested changes on it.

When a reviewed Word copy comes back, each paragraph the reviewer changed is compared, word by
word, with the paragraph as it was sent: every stretch they removed becomes a suggested
deletion and every stretch they added a suggested insertion (a stretch they replaced is one
suggestion doing both), so nothing they did is applied until someone accepts it. Suggestions
already in the paragraph when it was sent are kept as they were: the reviewer saw, and edited,
the paragraph as it stood.
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


def suggest_edit(sent: Paragraph, edited: Paragraph, new_suggestion: Callable[[], str]
                 ) -> Paragraph:
    """``sent`` with the differences between it (as it stands) and ``edited`` marked as
    suggestions, each from ``new_suggestion()``."""
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
        if index in removed and not item.dele:
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
