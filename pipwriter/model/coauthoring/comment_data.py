"""A comment and its replies as the project file holds them (see :mod:`.comments`)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ..article.ids import new_id
from ..jsonread import Obj
from ..rules.findings import Where

MAX_TEXT = 10_000       # characters of one comment or reply


def now_utc() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def _where_json(where: Where) -> dict[str, str]:
    return {k: v for k, v in (("panel", where.panel), ("section_id", where.section_id),
                              ("author_id", where.author_id), ("item_id", where.item_id),
                              ("field", where.field), ("label", where.label)) if v}


def _where_from(o: Obj) -> Where:
    return Where(o.text("panel", max_len=64), o.text("section_id", max_len=64),
                 o.text("author_id", max_len=64), o.text("item_id", max_len=64),
                 o.text("label", max_len=500), o.text("field", max_len=64))


@dataclass
class Reply:
    """A reply to a comment: its text, who wrote it and when (UTC)."""

    text: str
    author: str
    at: str = field(default_factory=now_utc)
    id: str = field(default_factory=lambda: new_id("reply"))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "author": self.author, "at": self.at, "text": self.text}

    @classmethod
    def from_json(cls, o: Obj) -> Reply:
        return cls(o.text("text", max_len=MAX_TEXT), o.text("author", max_len=200),
                   o.text("at", max_len=64), o.text("id", required=True, max_len=64))


@dataclass
class Comment:
    """A comment on some words of one field: the words, where they were and what surrounded them,
    who wrote it and when, its replies, and whether it is resolved."""

    where: Where                # the field the words are in
    quote: str                  # the words commented on
    text: str
    author: str
    block: int = 0              # where they were: the paragraph (line) of the field...
    start: int = 0              # ...and the character in it
    before: str = ""            # what came just before and after them
    after: str = ""
    at: str = field(default_factory=now_utc)
    replies: list[Reply] = field(default_factory=list)
    resolved: bool = False
    changed_at: str = ""        # when it was last resolved or reopened
    changed_by: str = ""
    id: str = field(default_factory=lambda: new_id("comment"))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "where": _where_json(self.where), "quote": self.quote,
                "block": self.block, "start": self.start, "before": self.before,
                "after": self.after, "text": self.text, "author": self.author, "at": self.at,
                "replies": [r.to_json() for r in self.replies], "resolved": self.resolved,
                "changed_at": self.changed_at, "changed_by": self.changed_by}

    @classmethod
    def from_json(cls, o: Obj) -> Comment:
        return cls(_where_from(o.obj("where", required=True)), o.text("quote", max_len=MAX_TEXT),
                   o.text("text", max_len=MAX_TEXT), o.text("author", max_len=200),
                   o.integer("block", minimum=0), o.integer("start", minimum=0),
                   o.text("before", max_len=200), o.text("after", max_len=200),
                   o.text("at", max_len=64),
                   [Reply.from_json(r) for r in o.objs("replies", max_items=1000)],
                   o.flag("resolved"), o.text("changed_at", max_len=64),
                   o.text("changed_by", max_len=200), o.text("id", required=True, max_len=64))
