"""Comments: co-authors talk about the words inside the article, and the talk never reaches
the submission.

A comment is on some words of one field of the text surface (a paragraph of a section, a
caption, a key message...). It keeps those words (the *quote*), a few characters either side
and where they were, so that after edits around them it is found again: the quote is looked
for in its field, the place whose surroundings match best and that is nearest where it was
wins. If the words themselves were changed or deleted, the comment stays, shown with the words
it was about ("the words have changed"). Comments have replies, and can be resolved and
reopened; each entry has its author and UTC time. They are saved in the project file, merge by
id (nothing to choose: both copies' comments and replies are kept; resolving or reopening
takes the later), and no exporter reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..article.citations import group_label
from ..article.text import Citation
from ..article.text_surface import OBJECT, TextField, text_fields
from ..rules.findings import Where
from .comment_data import MAX_TEXT, Comment, Reply, now_utc

CONTEXT = 24            # characters kept either side of the quote


@dataclass(frozen=True)
class Anchor:
    """Where a comment's words are now."""

    field: TextField
    block: int
    start: int
    end: int


Fields = list[TextField] | dict[tuple[str, str], TextField]


def field_index(fields: list[TextField]) -> dict[tuple[str, str], TextField]:
    """The fields by place, for looking up many (the first of any two at one place, as
    :func:`find_field` finds it in the list)."""
    index: dict[tuple[str, str], TextField] = {}
    for found in fields:
        index.setdefault((found.where.key(), found.where.field), found)
    return index


def find_field(article: Any, where: Where, fields: Fields | None = None) -> TextField | None:
    """The field at ``where``; pass ``fields`` (the article's text fields, made once, or
    their :func:`field_index`) when looking up many."""
    if isinstance(fields, dict):
        return fields.get((where.key(), where.field))
    return next((f for f in (fields if fields is not None else text_fields(article))
                 if f.where.same_field(where)), None)


def add_comment(article: Any, where: Where, block: int, start: int, end: int, text: str,
                author: str) -> Comment:
    """Comment on characters ``start``–``end`` of line ``block`` of the field at ``where``.
    Raises ValueError when there is no such field or no words there."""
    found = find_field(article, where)
    if found is None or not 0 <= block < len(found.blocks):
        raise ValueError("there is no text there to comment on")
    line = found.blocks[block]
    quote = line[start:end]
    if not quote.strip():
        raise ValueError("select some words to comment on")
    comment = Comment(found.where, quote, text.strip()[:MAX_TEXT], author,
                      block, start, line[max(0, start - CONTEXT):start], line[end:end + CONTEXT])
    article.comments.append(comment)
    return comment


def locate(article: Any, comment: Comment, fields: Fields | None = None) -> Anchor | None:
    """Where the comment's words are now, or None if they were changed or deleted."""
    found = find_field(article, comment.where, fields)
    if found is None or not comment.quote:
        return None
    end = comment.start + len(comment.quote)
    if comment.block < len(found.blocks):     # most often the words have not moved
        line = found.blocks[comment.block]
        if line[comment.start:end] == comment.quote and \
                line[:comment.start].endswith(comment.before) and \
                line[end:].startswith(comment.after):
            return Anchor(found, comment.block, comment.start, end)
    best: tuple[tuple[int, int], Anchor] | None = None
    for number, line in enumerate(found.blocks):
        position = line.find(comment.quote)
        while position >= 0:
            end = position + len(comment.quote)
            context = _shared_suffix(line[:position], comment.before) + \
                _shared_prefix(line[end:], comment.after)
            distance = abs(number - comment.block) * 10_000 + abs(position - comment.start)
            key = (-context, distance)
            if best is None or key < best[0]:
                best = (key, Anchor(found, number, position, end))
            position = line.find(comment.quote, position + 1)
    return best[1] if best else None


def quote_as_read(article: Any, comment: Comment, anchor: Anchor | None,
                  numbers: dict[str, int] | None = None) -> str:
    """The comment's words as a reader sees them: each citation in them (kept as U+FFFC, as the
    editor has it) shown by its numbers in brackets, "[2]", as printed (in brackets even where
    the article raises them), or "[citation]" once the words are not found (``anchor``: what
    :func:`locate` gave; ``numbers``: the article's reference numbering, if known already).
    A citation was shown as a gap: "recovery ."."""
    if OBJECT not in comment.quote:
        return comment.quote
    labels = iter(_citation_labels(article, anchor, numbers) if anchor is not None else [])
    return "".join(next(labels, "[citation]") if ch == OBJECT else ch for ch in comment.quote)


def _citation_labels(article: Any, anchor: Anchor, numbers: dict[str, int] | None
                     ) -> list[str]:
    """The labels of the citations from the anchor's start on, in its paragraph."""
    if not anchor.field.rich:
        return []
    section = article.section(anchor.field.where.section_id)
    if section is None or anchor.block >= len(section.body.paragraphs):
        return []
    cites = [item for item in section.body.paragraphs[anchor.block].items
             if isinstance(item, Citation)]
    before = anchor.field.blocks[anchor.block][:anchor.start].count(OBJECT)
    numbers = article.reference_numbers() if numbers is None else numbers
    return [group_label(numbers, cite.refs) for cite in cites[before:]]


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _shared_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def reply(comment: Comment, text: str, author: str) -> Reply:
    """Add a reply (now, by ``author``)."""
    answer = Reply(text.strip()[:MAX_TEXT], author)
    comment.replies.append(answer)
    return answer


def set_resolved(comment: Comment, resolved: bool, who: str) -> None:
    comment.resolved = resolved
    comment.changed_at = now_utc()
    comment.changed_by = who


def open_comments(article: Any) -> list[Comment]:
    return [c for c in article.comments if not c.resolved]


# --- merging -------------------------------------------------------------------------------------
def merge_comment_json(mine: list[dict[str, Any]], theirs: list[dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """Both copies' comments by id, in the order first seen; replies pooled by id; of two
    resolve/reopen states, the later."""
    merged: dict[str, dict[str, Any]] = {}
    for comment in [*mine, *theirs]:
        known = merged.get(comment["id"])
        if known is None:
            merged[comment["id"]] = dict(comment, replies=list(comment.get("replies", [])))
            continue
        replies = {r["id"]: r for r in known["replies"]}
        said = {(r.get("author"), r.get("text")) for r in known["replies"]}
        theirs_new = []                 # replies only in ``comment``'s copy
        for answer in comment.get("replies", []):
            # the same words by the same person in one thread are one reply (a Word copy
            # brought in twice reads its replies again, with new ids)
            if answer["id"] not in replies and (answer.get("author"), answer.get("text")) in said:
                continue
            if answer["id"] not in replies:
                theirs_new.append(answer)
            replies.setdefault(answer["id"], answer)
        theirs_ids = {a["id"] for a in comment.get("replies", [])}
        mine_new = [r for r in known["replies"] if r["id"] not in theirs_ids]
        # by time; replies of the same second keep the order they were written in (lines
        # typed into one Word comment: found by a walk read back in a random order)
        known["replies"] = sorted(replies.values(), key=lambda r: str(r.get("at", "")))
        unseen = mine_new
        if str(comment.get("changed_at", "")) > str(known.get("changed_at", "")):
            for key in ("resolved", "changed_at", "changed_by"):
                known[key] = comment.get(key)
        else:
            unseen = theirs_new
        _reopen_for(known, unseen)
    return list(merged.values())


def _reopen_for(comment: dict[str, Any], unseen: list[dict[str, Any]]) -> None:
    """A resolved thread answered after it was resolved, in a copy its resolver had not seen,
    is open again, as Word and Google Docs reopen a thread someone answers (a walk found a
    co-author's objection brought in hidden under "Show resolved"). A reply written before
    the resolve leaves it resolved: the later state wins, as before."""
    resolved_at = str(comment.get("changed_at", ""))
    later = [r for r in unseen if str(r.get("at", "")) > resolved_at]
    if not comment.get("resolved") or not later:
        return
    latest = max(later, key=lambda r: str(r.get("at", "")))
    comment["resolved"] = False
    comment["changed_at"] = max(str(latest.get("at", "")), str(comment.get("changed_at", "")))
    comment["changed_by"] = latest.get("author", "")
