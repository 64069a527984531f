"""Merging a co-author's copy into the article: three-way, by id, part by part.

*Base* is the article as it was sent (kept as a named version when it was sent, see
:mod:`pipwriter.model.coauthoring.exchange`); *mine* is the article open now; *theirs* is the copy that came
back. Each part is matched by its id, so a renamed or moved section, author or reference is
still the same one:

* changed on one side only: that side's version is taken automatically;
* changed on both sides in the same way: taken;
* changed differently on both sides: a :class:`Conflict` to choose yours, theirs, or (for text)
  a combined text;
* added on one side: added; removed on one side and untouched on the other: removed; removed
  on one side but changed on the other: a conflict (keep it or leave it out).

The parts: the title, the standfirst and the key messages (each one unit); each section's
heading, and its text paragraph by paragraph (:mod:`.merge_paragraphs`: only a place both copies
changed differently is a conflict; who writes it merges quietly with your choice winning, and
both changing it is said); each author's details and, separately, their competing-interests answers; each
reference, illustration and clip. The order of sections, authors, references and pictures is
taken from the side that changed it (yours when both did). Approvals are pooled; whatever
changed since someone approved shows as out of date (see :mod:`pipwriter.model.coauthoring.approval`).
Citations store reference ids, so a reference renumbered on one side stays linked.

Without a base (the version sent cannot be found) every difference is a conflict: nothing is
taken without asking.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Literal

from ..article.article import Article
from .comments import merge_comment_json
from .merge_fields import by_field
from .merge_fields import pick as _pick
from .merge_paragraphs import merge_paragraphs
from .merge_result import (
    ABSENT,
    CHOICE_WORDS,
    COMBINED,
    LIST_KEYS,
    MINE,
    TEXT_KINDS,
    THEIRS,
    UNKNOWN,
    Choice,
    Conflict,
    JsonObject,
    Kind,
    Marker,
    MergeResult,
    PartValue,
    talk_added,
)
from .merge_text import (
    absent_text,
    author_text,
    body_text,
    by_id,
    combine_paragraphs,
    disclosure_text,
    format_bmj_json,
    media_text,
    reference_label,
    scalar_text,
    word_diff,
)
from .suggestions import merge_suggestion_json

__all__ = ["ABSENT", "CHOICE_WORDS", "COMBINED", "LIST_KEYS", "MINE", "TEXT_KINDS", "THEIRS",
           "UNKNOWN", "Choice", "Conflict", "MergeResult", "body_text", "combine_paragraphs",
           "merge_articles", "word_diff"]


Slot = JsonObject | Marker        # a part in one copy, or ABSENT / UNKNOWN


def _section_text(value: JsonObject) -> JsonObject:
    return {"title": value.get("title", ""), "body": value.get("body", [])}


def _merge_order(base_ids: list[str] | None, mine_ids: list[str], theirs_ids: list[str]
                 ) -> tuple[list[str], Literal["mine", "theirs", "both"]]:
    """The merged order of ids, and whose order it follows ("mine", "theirs" or "both")."""
    who: Literal["mine", "theirs", "both"] = "mine"
    skeleton, other = mine_ids, theirs_ids
    if base_ids is not None:
        common = set(base_ids) & set(mine_ids) & set(theirs_ids)
        start = [i for i in base_ids if i in common]
        mine_moved = [i for i in mine_ids if i in common] != start
        theirs_moved = [i for i in theirs_ids if i in common] != start
        if theirs_moved and not mine_moved:
            skeleton, other, who = theirs_ids, mine_ids, "theirs"
        elif theirs_moved and mine_moved:
            who = "both"
    order = list(skeleton)
    for index, item_id in enumerate(other):
        if item_id in order:
            continue
        before = next((other[j] for j in range(index - 1, -1, -1) if other[j] in order), None)
        order.insert(order.index(before) + 1 if before is not None else 0, item_id)
    return order, who


# --- the merge ---------------------------------------------------------------------------------
class _Merger:
    def __init__(self, base: Article | None, mine: Article, theirs: Article):
        self.base_article, self.mine_article, self.theirs_article = base, mine, theirs
        self.b = base.to_json() if base is not None else None
        self.m = mine.to_json()
        self.t = theirs.to_json()
        self.result = MergeResult(self.m, self.t, two_way=base is None)

    def run(self) -> MergeResult:
        self._scalars()
        self._lists()
        self._settings()
        self._approvals()
        self.result.comments = merge_comment_json(self.m.get("comments", []),
                                                  self.t.get("comments", []))
        self.result.suggestions = merge_suggestion_json(self.m.get("suggestions", []),
                                                        self.t.get("suggestions", []))
        self.result.taken += talk_added(self.m, self.t)
        return self.result

    def _base(self, key: str, default: Any = "") -> Any:
        """The base's value at ``key`` (UNKNOWN without a base)."""
        return UNKNOWN if self.b is None else self.b.get(key, default)

    # --- title, standfirst, key messages -------------------------------------------------
    def _scalars(self) -> None:
        labels: dict[Kind, str] = {"title": "The title", "standfirst": "The standfirst",
                                   "key_messages": "The key messages"}
        for key, label in labels.items():
            default: PartValue = [] if key == "key_messages" else ""
            mine, theirs = self.m.get(key, default), self.t.get(key, default)
            value, who = _pick(self._base(key, default), mine, theirs)
            self.result.scalars[key] = value
            if who == "theirs":
                self.result.taken.append(f"{label}: their changes taken")
            elif who == "conflict":
                self.result.conflicts.append(Conflict(
                    key, "", label, mine, theirs, self._base(key, default),
                    scalar_text(mine), scalar_text(theirs)))

    # --- settings and approvals (never asked about) ------------------------------------
    def _settings(self) -> None:
        base = self._base("settings", {})
        mine, theirs = self.m["settings"], self.t["settings"]
        merged: JsonObject = {}
        for key in mine:
            if isinstance(mine[key], list):
                merged[key] = list(mine[key]) + [v for v in theirs.get(key, [])
                                                 if v not in mine[key]]
                continue
            b = UNKNOWN if base is UNKNOWN else base.get(key, UNKNOWN)
            merged[key], _who = _pick(b, mine[key], theirs.get(key, mine[key]))
        self.result.settings = merged

    def _approvals(self) -> None:
        latest: dict[tuple[str, str], dict] = {}
        for approval in self.m.get("approvals", []) + self.t.get("approvals", []):
            key = (approval["author_id"], approval.get("scope", "article"))
            if key not in latest or str(approval.get("at", "")) > str(latest[key].get("at", "")):
                latest[key] = approval
        self.result.approvals = list(latest.values())

    # --- lists of parts with ids ------------------------------------------------------------
    def _lists(self) -> None:
        nouns = {"authors": "authors", "sections": "sections", "references": "references",
                 "illustrations": "illustrations", "clips": "clips"}
        handlers: dict[str, Callable[[str, Slot, Slot, Slot], JsonObject | None]] = {
            "authors": self._author, "sections": self._section,
            "references": lambda i, b, m, t: self._unit("reference", i, b, m, t),
            "illustrations": lambda i, b, m, t: self._unit("illustration", i, b, m, t),
            "clips": lambda i, b, m, t: self._unit("clip", i, b, m, t)}
        for key in LIST_KEYS:
            base_items = by_id(self.b, key) if self.b is not None else None
            mine_items, theirs_items = by_id(self.m, key), by_id(self.t, key)
            order, who = _merge_order(
                [i["id"] for i in self.b[key]] if self.b is not None else None,
                [i["id"] for i in self.m[key]], [i["id"] for i in self.t[key]])
            self.result.order[key] = order
            if who == "theirs":
                self.result.taken.append(f"The order of the {nouns[key]}: their order taken")
            elif who == "both":
                self.result.notes.append(f"Both copies changed the order of the {nouns[key]}; "
                                         "your order was kept.")
            merged: dict[str, JsonObject | None] = {}
            for item_id in order:
                base: Slot = UNKNOWN if base_items is None else base_items.get(item_id, ABSENT)
                merged[item_id] = handlers[key](item_id, base, mine_items.get(item_id, ABSENT),
                                                theirs_items.get(item_id, ABSENT))
            self.result.items[key] = merged

    def _label(self, kind: Kind, value: JsonObject) -> str:
        if kind == "section":
            return f"“{value.get('title') or 'Untitled section'}”"
        if kind == "author":
            return f"Author {value.get('name') or 'without a name'}"
        if kind == "disclosure":
            return f"{value.get('name') or 'An author'}'s competing-interests answers"
        if kind == "reference":
            return f"Reference “{reference_label(value)}”"
        if kind == "illustration":
            caption = value.get("caption") or value.get("alt_text") or "without a caption"
            return f"Illustration “{caption[:60]}”"
        return f"Clip “{(value.get('title') or value.get('caption') or 'untitled')[:60]}”"

    def _text(self, kind: Kind, value: Slot, article: Article) -> str:
        if not isinstance(value, dict):
            return str(value)
        if kind == "section":
            return f"{value.get('title', '')}\n\n{body_text(value.get('body', []), article)}"
        if kind == "author":
            return author_text(value)
        if kind == "disclosure":
            return disclosure_text(value)
        if kind == "reference":
            return format_bmj_json(value)
        return media_text(value)

    def _presence(self, kind: Kind, item_id: str, base: Slot, mine: Slot, theirs: Slot
                  ) -> tuple[bool, JsonObject | None]:
        """Handle a part missing from at least one copy: (handled, value)."""
        if isinstance(mine, dict) and isinstance(theirs, dict):
            return False, None
        if isinstance(mine, dict):
            there, side = mine, "your"
        elif isinstance(theirs, dict):
            there, side = theirs, "their"
        else:
            return True, None
        label = self._label(kind, there)
        if base is ABSENT:                                # added on one side
            if side == "their":
                self.result.taken.append(f"{label}: added in their copy")
            return True, copy.deepcopy(there)
        if base is not UNKNOWN and there == base:         # removed on the other side
            if side == "your":
                self.result.taken.append(f"{label}: removed in their copy")
            return True, None
        two_way = base is UNKNOWN
        mine_value = mine if isinstance(mine, dict) else None
        theirs_value = theirs if isinstance(theirs, dict) else None
        self.result.conflicts.append(Conflict(
            kind, item_id, label, mine_value, theirs_value,
            base if isinstance(base, dict) else None,
            self._text(kind, mine, self.mine_article) if mine_value else
            absent_text("your", two_way),
            self._text(kind, theirs, self.theirs_article) if theirs_value else
            absent_text("their", two_way), mode="whole"))
        return True, copy.deepcopy(mine_value)

    def _unit(self, kind: Kind, item_id: str, base: Slot, mine: Slot, theirs: Slot
              ) -> JsonObject | None:
        handled, value = self._presence(kind, item_id, base, mine, theirs)
        if handled or not isinstance(mine, dict) or not isinstance(theirs, dict):
            return value
        chosen, who, kept = by_field(base if isinstance(base, dict) else UNKNOWN, mine, theirs)
        if who == "theirs":
            also = ", and yours kept" if kept else ""
            self.result.taken.append(f"{self._label(kind, theirs)}: their changes taken{also}")
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                kind, item_id, self._label(kind, mine), mine, theirs,
                base if isinstance(base, dict) else None,
                self._text(kind, mine, self.mine_article),
                self._text(kind, theirs, self.theirs_article)))
        return copy.deepcopy(chosen)

    def _fields(self, base: Slot, mine: JsonObject, theirs: JsonObject, keys: tuple[str, ...]
                ) -> JsonObject:
        """Merge details quietly, field by field (yours wins when both changed one)."""
        out: JsonObject = {}
        for key in keys:
            b = base.get(key, UNKNOWN) if isinstance(base, dict) else UNKNOWN
            out[key], _who = _pick(b, mine.get(key), theirs.get(key))
        return out

    def _section(self, item_id: str, base: Slot, mine: Slot, theirs: Slot
                 ) -> JsonObject | None:
        handled, value = self._presence("section", item_id, base, mine, theirs)
        if handled or not isinstance(mine, dict) or not isinstance(theirs, dict):
            return value
        merged: JsonObject = {"id": item_id}
        merged.update(self._fields(base, mine, theirs,
                                   ("kind", "key", "author_ids", "ticked", "assignee")))
        self._writers(base, mine, theirs)
        label = self._label("section", mine)
        mine_text, theirs_text = _section_text(mine), _section_text(theirs)
        if not isinstance(base, dict):          # no base: the whole text is one choice
            chosen, who = _pick(UNKNOWN, mine_text, theirs_text)
            merged.update(copy.deepcopy(chosen))
            if who == "conflict":
                self._section_conflict(item_id, label, mine, theirs, None, None,
                                       mine_text, theirs_text)
            return merged
        base_text = _section_text(base)
        title, title_who = _pick(base_text["title"], mine_text["title"], theirs_text["title"])
        body = merge_paragraphs(base_text["body"], mine_text["body"], theirs_text["body"])
        merged.update(copy.deepcopy({"title": title, "body": body.merged}))
        if title_who == "conflict" or body.conflicts:
            # "yours" and "theirs" differ only where both changed: elsewhere both hold the merge
            theirs_first = merge_paragraphs(base_text["body"], theirs_text["body"],
                                            mine_text["body"])
            self._section_conflict(
                item_id, label, mine, theirs, base_text,
                {"title": title, "body": body.combined},
                {"title": title, "body": body.merged},
                {"title": theirs_text["title"] if title_who == "conflict" else title,
                 "body": theirs_first.merged})
            self.result.conflicts[-1].also_taken = (body.merged != mine_text["body"],
                                                    theirs_first.merged != theirs_text["body"])
        elif title_who == "theirs" or body.theirs_taken:
            # yours stay too when you changed other paragraphs of it (found by a walk: "their
            # changes taken" alone read as if yours had been replaced)
            kept = ", and yours kept" if mine_text != base_text else ""
            self.result.taken.append(f"{label}: their changes taken{kept}")
        return merged

    def _section_conflict(self, item_id: str, label: str, mine: JsonObject, theirs: JsonObject,
                          base_text: JsonObject | None, combined: JsonObject | None,
                          keep_mine: JsonObject, keep_theirs: JsonObject) -> None:
        """``keep_mine``/``keep_theirs``: the section's text when yours or theirs is chosen."""
        self.result.conflicts.append(Conflict(
            "section", item_id, label, keep_mine, keep_theirs, base_text,
            self._text("section", mine, self.mine_article),
            self._text("section", theirs, self.theirs_article), mode="overlay",
            suggested=copy.deepcopy(combined)))

    def _writers(self, base: Slot, mine: JsonObject, theirs: JsonObject) -> None:
        """Who writes a section merges quietly (yours wins), but both changing it is said."""
        if not isinstance(base, dict):
            return
        names = {a["id"]: a.get("name") or "an author" for a in [*self.m["authors"],
                                                                 *self.t["authors"]]}
        for key in ("author_ids", "assignee"):
            b, m, t = base.get(key), mine.get(key), theirs.get(key)
            if m != b and t != b and m != t:
                def who(value: Any) -> str:
                    ids = value if isinstance(value, list) else [value] if value else []
                    return " and ".join(names.get(i, "an author") for i in ids) or "nobody"
                self.result.notes.append(
                    f"Both copies changed who writes “{mine.get('title') or 'a section'}”: "
                    f"you chose {who(m)}, they chose {who(t)}. Yours was kept.")

    def _author(self, item_id: str, base: Slot, mine: Slot, theirs: Slot) -> JsonObject | None:
        handled, value = self._presence("author", item_id, base, mine, theirs)
        if handled or not isinstance(mine, dict) or not isinstance(theirs, dict):
            return value
        def details(v: JsonObject) -> JsonObject:
            return {k: x for k, x in v.items() if k != "disclosure"}
        b: JsonObject | Marker = details(base) if isinstance(base, dict) else UNKNOWN
        chosen, who, kept = by_field(b, details(mine), details(theirs))
        merged = copy.deepcopy(chosen)
        label = self._label("author", mine)
        if who == "theirs":
            self.result.taken.append(f"{label}: their changes taken"
                                     + (", and yours kept" if kept else ""))
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                "author", item_id, label, details(mine), details(theirs),
                b if isinstance(b, dict) else None, author_text(mine), author_text(theirs),
                mode="overlay"))
        bd: JsonObject | None | Marker = (base.get("disclosure") if isinstance(base, dict)
                                          else UNKNOWN)
        disclosure, who = _pick(bd, mine.get("disclosure"), theirs.get("disclosure"))
        merged["disclosure"] = copy.deepcopy(disclosure)
        dlabel = self._label("disclosure", mine)
        if who == "theirs":
            self.result.taken.append(f"{dlabel}: their changes taken")
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                "disclosure", item_id, dlabel, mine.get("disclosure"), theirs.get("disclosure"),
                bd if isinstance(bd, dict) else None, disclosure_text(mine.get("disclosure") or {}),
                disclosure_text(theirs.get("disclosure") or {}), mode="disclosure"))
        return merged


def merge_articles(base: Article | None, mine: Article, theirs: Article) -> MergeResult:
    """Merge ``theirs`` into ``mine`` using ``base`` (the article as it was sent), or ask about
    every difference when ``base`` is None. None of the articles is changed."""
    return _Merger(base, mine, theirs).run()


