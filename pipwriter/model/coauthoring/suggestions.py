"""Suggested changes: words a co-author would add or remove, waiting for the others to decide.

A suggestion lives in the text itself, as Word's tracked changes do: the runs (and citations) it
would add carry its id in ``ins``, those it would remove carry it in ``dele``
(:mod:`pipwriter.model.article.text`). Who made it and when is kept once per id in
``article.suggestions``. Until it is accepted, the article *stands* as if the suggestion had not
been made: counts, checks and the exported manuscript read the standing text. Accepting one
takes its insertions into the text and drops its deletions; rejecting does the opposite.

Suggestions are made in the section text (the article's body), by typing in Suggest mode or by
bringing in a reviewed Word document; headings, captions and other fields are edited directly.
They travel in the project file, merge by id (the marks are part of each paragraph's text, the
notes are pooled) and never reach the submission: a pending suggestion blocks an export for
submission (a draft export is allowed), as an open comment does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..article.ids import new_id
from ..article.text import Citation, Inline, Paragraph, RichText, Run
from ..jsonread import Obj
from .comment_data import now_utc

PREFIX = "sug"


@dataclass
class SuggestionNote:
    """Who made suggestion ``id``, and when (UTC)."""

    id: str
    author: str
    at: str = field(default_factory=now_utc)

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "author": self.author, "at": self.at}

    @classmethod
    def from_json(cls, o: Obj) -> SuggestionNote:
        return cls(o.text("id", required=True, max_len=64), o.text("author", max_len=200),
                   o.text("at", max_len=64))


@dataclass
class Suggestion:
    """One pending suggestion as found in the text."""

    id: str
    author: str
    at: str
    section_id: str
    paragraph: int              # index of the first paragraph it touches
    added: str                  # the words it would add ("" for none)
    removed: str                # the words it would remove ("" for none)

    def describe(self) -> str:
        """A short plain sentence: what it would do."""
        def cut(text: str) -> str:
            text = " ".join(text.split())
            return text if len(text) <= 80 else text[:77].rstrip() + "…"
        if self.added and self.removed:
            return f"Replace “{cut(self.removed)}” with “{cut(self.added)}”"
        if self.added:
            return f"Add “{cut(self.added)}”"
        return f"Delete “{cut(self.removed)}”"


def _text(item: Inline, numbers: dict[str, int]) -> str:
    if isinstance(item, Citation):
        found = sorted(numbers[r] for r in item.refs if r in numbers)
        return f"[{','.join(map(str, found)) or '?'}]"
    return item.text


def new_suggestion(article: Any, author: str) -> str:
    """Register a new suggestion by ``author`` (now) and return its id."""
    note = SuggestionNote(new_id(PREFIX), author)
    article.suggestions.append(note)
    return note.id


def pending(article: Any) -> list[Suggestion]:
    """Every suggestion still in the text, in reading order."""
    notes = {n.id: n for n in article.suggestions}
    numbers: dict[str, int] | None = None
    found: dict[str, Suggestion] = {}
    for section in article.sections:
        for number, paragraph in enumerate(section.body.paragraphs):
            for item in paragraph.items:
                for mark, added in ((item.ins, True), (item.dele, False)):
                    if not mark:
                        continue
                    entry = found.get(mark)
                    if entry is None:
                        note = notes.get(mark)
                        entry = found[mark] = Suggestion(
                            mark, note.author if note else "", note.at if note else "",
                            section.id, number, "", "")
                    if numbers is None:
                        numbers = article.reference_numbers()
                    if added:
                        entry.added += _text(item, numbers)
                    else:
                        entry.removed += _text(item, numbers)
    return list(found.values())


def live_ids(article: Any) -> set[str]:
    """The ids of the suggestions still in the text (a quick walk: nothing is described)."""
    return {mark for section in article.sections if section.body.has_suggestions()
            for paragraph in section.body.paragraphs for item in paragraph.items
            for mark in (item.ins, item.dele) if mark}


def pending_count(article: Any) -> int:
    return len(live_ids(article))


def _settle(rich: RichText, ids: set[str] | None, accept: bool) -> RichText:
    """``rich`` with the suggestions ``ids`` (None: all) accepted or rejected."""
    def chosen(mark: str) -> bool:
        return bool(mark) and (ids is None or mark in ids)
    paragraphs: list[Paragraph] = []
    for paragraph in rich.paragraphs:
        if not paragraph.has_suggestions():
            paragraphs.append(paragraph)
            continue
        items: list[Inline] = []
        gap = False                     # words were just taken out
        for item in paragraph.items:
            drops = chosen(item.dele) if accept else chosen(item.ins)
            if drops:
                gap = True
                continue
            if chosen(item.ins):
                item.ins = ""
            if chosen(item.dele):
                item.dele = ""
            if gap:
                _close_gap(items, item)
                gap = False
            items.append(item)
        kept = Paragraph(items, paragraph.style).normalised()
        if kept.items:
            paragraphs.append(kept)
    return RichText(paragraphs)


def as_it_stands(rich: RichText) -> RichText:
    """``rich`` as it stands: every suggestion left waiting, as rejecting them all would
    leave it (a copy; ``rich`` is not changed)."""
    if not any(p.has_suggestions() for p in rich.paragraphs):
        return rich
    import copy
    return _settle(copy.deepcopy(rich), None, accept=False)


def _close_gap(items: list[Inline], item: Inline) -> None:
    """Where words were taken out between two spaces, or before a full stop or comma, one
    space is left, or none (as Word does when a word is deleted): accepting the deletion of
    "politely" in "listened to politely and then" left two spaces (found by a walk)."""
    before = items[-1] if items else None
    if not isinstance(before, Run) or not isinstance(item, Run) or \
            not before.text.endswith(" "):
        return
    if item.text.startswith(" "):
        item.text = item.text[1:]
    elif item.text[:1] in ".,;:!?)":
        before.text = before.text[:-1]


def settle(article: Any, ids: Iterable[str] | None, accept: bool) -> int:
    """Accept (or reject) the suggestions ``ids`` — all of them when None — and return how
    many were settled. Their notes go; nothing else changes."""
    wanted = None if ids is None else set(ids)
    before = live_ids(article)
    settled = before if wanted is None else before & wanted
    if not settled:
        return 0
    for section in article.sections:
        if section.body.has_suggestions():
            section.body = _settle(section.body, settled, accept)
    article.suggestions[:] = [n for n in article.suggestions if n.id not in settled]
    return len(settled)


def accept(article: Any, ids: Iterable[str] | None = None) -> int:
    return settle(article, ids, True)


def reject(article: Any, ids: Iterable[str] | None = None) -> int:
    return settle(article, ids, False)


def tidy_notes(article: Any) -> None:
    """Forget the notes of suggestions no longer in the text (settled, or their words gone)."""
    live = live_ids(article)
    article.suggestions[:] = [n for n in article.suggestions if n.id in live]


def merge_suggestion_json(mine: list[dict[str, Any]], theirs: list[dict[str, Any]]
                          ) -> list[dict[str, Any]]:
    """Both copies' notes by id (the marks themselves merge with the paragraphs)."""
    merged: dict[str, dict[str, Any]] = {}
    for note in [*mine, *theirs]:
        merged.setdefault(note["id"], dict(note))
    return list(merged.values())


def accepted_article(article: Any) -> Any:
    """A copy of ``article`` with every suggestion accepted."""
    copy = type(article).from_json(article.to_json())
    accept(copy)
    return copy


def words_if_accepted(article: Any, template: Any, words_now: int,
                      counter: Any = None) -> int:
    """The counted words of the article with every suggestion accepted, from ``words_now``
    (its counted words as it stands): only the paragraphs holding suggestions are counted
    again, as :func:`~pipwriter.model.language.counts.count_article` counts a paragraph."""
    from ..article.text_surface import accepted_block, standing_block
    from ..language.counts import ParagraphCounter, section_counts_toward_limit
    from ..language.wordcount import countable
    counter = counter or ParagraphCounter()
    profile = article.settings.word_count_profile
    change = 0
    for section in article.sections:
        if not section_counts_toward_limit(section, template):
            continue
        for paragraph in section.body.paragraphs:
            if paragraph.has_suggestions():
                change += counter.count(countable(accepted_block(paragraph)),
                                        profile) - \
                    counter.count(countable(standing_block(paragraph)), profile)
    return words_now + change
