"""What a merge found and what the user chose: the conflicts and the merged article.

:mod:`.merge` fills a :class:`MergeResult`; the merge dialog records choices in its conflicts;
:meth:`MergeResult.article` applies them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from ..article.article import Article
from ..article.text import RichText
from ..errors import DataError
from .merge_text import by_id, combine_paragraphs, reference_label

Choice = Literal["mine", "theirs", "combined"]
Kind = Literal["title", "standfirst", "key_messages", "section", "author", "disclosure",
               "reference", "illustration", "clip"]
Mode = Literal["whole", "overlay", "disclosure"]
JsonObject = dict[str, Any]
# a part as the article's JSON has it: text (title, standfirst), a list (key messages) or an
# object (a section, author, reference...); None where that copy does not have it
PartValue = str | list[Any] | JsonObject | None

MINE: Choice = "mine"
THEIRS: Choice = "theirs"
COMBINED: Choice = "combined"
CHOICE_WORDS: dict[Choice, str] = {MINE: "kept yours", THEIRS: "took theirs",
                                    COMBINED: "combined text"}
TEXT_KINDS: tuple[Kind, ...] = ("title", "standfirst", "key_messages", "section")
LIST_KEYS = ("authors", "sections", "references", "illustrations", "clips")


class Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


ABSENT = Marker("ABSENT")      # not in that copy
UNKNOWN = Marker("UNKNOWN")    # no base: what it was before is not known


# --- conflicts ---------------------------------------------------------------------------------
@dataclass
class Conflict:
    """A part changed differently in both copies. ``mine``/``theirs`` are JSON values (None when
    that copy does not have the part); ``choice`` is MINE until someone chooses."""

    kind: Kind          # title, standfirst, key_messages, section, author, disclosure, reference,
    #                     illustration or clip
    item_id: str        # the section, author, reference... id ("" for the title and such)
    label: str          # what it is, in words: "“How we set it up”", "Author Sam Jones"
    mine: PartValue
    theirs: PartValue
    base: PartValue = None
    mine_text: str = ""     # both versions as readable text, for showing side by side
    theirs_text: str = ""
    mode: Mode = "whole"    # "whole": the value replaces the part (None removes it);
    #                         "overlay": the value's keys replace those of the merged part;
    #                         "disclosure": the value is the author's disclosure
    choice: Choice = MINE
    combined: PartValue = None
    reviewed: bool = False
    suggested: PartValue = None  # the merge's own starting point for a combined text
    # a section: (choosing yours still takes their changes elsewhere in it, choosing theirs
    # still keeps yours elsewhere): the choice is only where you both changed it
    also_taken: tuple[bool, bool] = (False, False)

    @property
    def can_combine(self) -> bool:
        """Text both copies have can be combined and edited."""
        return self.kind in TEXT_KINDS and self.mine is not None and self.theirs is not None

    def choose(self, choice: Choice, combined: PartValue = None) -> None:
        if choice not in (MINE, THEIRS, COMBINED):
            raise ValueError(choice)
        if choice == COMBINED:
            if not self.can_combine:
                raise ValueError("this part cannot be combined")
            self.combined = combined if combined is not None else self.default_combined()
        self.choice = choice
        self.reviewed = True

    def value(self) -> PartValue:
        if self.choice == THEIRS:
            return copy.deepcopy(self.theirs)
        if self.choice == COMBINED:
            return copy.deepcopy(self.combined)
        return copy.deepcopy(self.mine)

    def default_combined(self) -> PartValue:
        """A starting point for a combined text: what merged cleanly, with each version of a
        paragraph both changed given once (without a base: yours, with what only theirs has)."""
        if self.suggested is not None:
            return copy.deepcopy(self.suggested)
        mine, theirs = self.mine, self.theirs
        if isinstance(mine, dict) and isinstance(theirs, dict):        # a section's text
            return {"title": mine["title"],
                    "body": combine_paragraphs(mine["body"], theirs["body"])}
        if isinstance(mine, list) and isinstance(theirs, list):        # the key messages
            return list(mine) + [m for m in theirs if m not in mine]
        return mine

    def doubles_up(self) -> bool:
        """Combined, with the combined text still the starting point offered, in which both
        versions stand whole one after the other: merged like that, the part would hold its
        text twice (found by a walk: 84 words doubled, the count over the limit)."""
        if self.choice != COMBINED or self.combined is None:
            return False
        offered = self.default_combined()
        if _readable(offered) in (_readable(self.mine), _readable(self.theirs)):
            return False                                # nothing in it twice
        return _readable(self.combined) == _readable(offered)

    def describe_choice(self) -> str:
        if self.choice == MINE and self.mine is None:
            return "left out"
        if self.choice == THEIRS and self.theirs is None:
            return "removed"
        if self.choice == THEIRS and self.mine is None:
            return "kept from their copy"
        if self.choice == MINE and self.also_taken[0]:     # found by a walk: "kept yours"
            return "kept yours where you both changed it; their other changes taken"
        if self.choice == THEIRS and self.also_taken[1]:
            return "took theirs where you both changed it; your other changes kept"
        return CHOICE_WORDS[self.choice]


def talk_added(mine: JsonObject, theirs: JsonObject) -> list[str]:
    """The comments and replies only their copy has, in words (found by a walk: the review
    listed the sections and never these). Suggested changes: :func:`suggestions_said`."""
    def ids(items: list) -> set[str]:
        return {str(item.get("id")) for item in items}

    def said(items: list) -> set[tuple]:      # a reply is its words, by whom, in which thread
        return {(str(item.get("id")), r.get("author"), r.get("text"))
                for item in items for r in item.get("replies", [])}
    mine_c, theirs_c = mine.get("comments", []), theirs.get("comments", [])
    counts = ((len(ids(theirs_c) - ids(mine_c)), "comment", "comments"),
              (len(said(theirs_c) - said(mine_c)), "reply", "replies"))
    return [f"{count} {one if count == 1 else many} from their copy added"
            for count, one, many in counts if count]


def _marks(data: JsonObject) -> set[str]:
    """The suggested changes marked in the sections' text of an article's JSON."""
    return {str(run[key]) for section in data.get("sections", [])
            for paragraph in section.get("body", []) for run in paragraph.get("runs", [])
            for key in ("ins", "del") if run.get(key)}


def suggestions_said(mine: JsonObject, theirs: JsonObject, merged: JsonObject) -> list[str]:
    """Their suggested changes that the merged article, as chosen so far, brings in, and
    those it leaves out (a part where yours is kept): counted from the text, not their list
    (found by a walk: "6 suggested changes ... added" after Keep yours, and 5 came)."""
    new = _marks(theirs) - _marks(mine)
    came, lost = len(new & _marks(merged)), len(new - _marks(merged))
    lines = [f"{came} suggested change{'' if came == 1 else 's'} from their copy added"] \
        if came else []
    if lost:
        lines.append(f"{lost} suggested change{'' if lost == 1 else 's'} from their copy left "
                     "out, in the parts where yours is kept")
    return lines


def _readable(value: PartValue) -> str:
    """A part's words as a reader sees them (a section's heading and paragraphs, the key
    messages one a line), so a text that went through an editor unchanged compares equal."""
    if isinstance(value, dict):
        try:
            body = RichText.from_json(value.get("body") or [], "part").plain_text()
        except DataError:
            body = ""
        value = f"{value.get('title', '')}\n{body}"
    elif isinstance(value, list):
        value = "\n".join(str(v) for v in value)
    return "\n".join(" ".join(line.split()) for line in str(value or "").split("\n")
                     if line.strip())


# --- the result --------------------------------------------------------------------------------
NOTHING_NEW = "Their copy has nothing new. All of it is in yours already."


@dataclass
class MergeResult:
    mine: JsonObject
    theirs: JsonObject
    two_way: bool                                   # no base was found
    scalars: dict[str, PartValue] = field(default_factory=dict)
    order: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, dict[str, JsonObject | None]] = field(default_factory=dict)
    settings: JsonObject = field(default_factory=dict)
    approvals: list[JsonObject] = field(default_factory=list)
    comments: list[JsonObject] = field(default_factory=list)
    suggestions: list[JsonObject] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)  # what was taken from their copy, in words
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)   # in their copy, not brought in (Word)

    def conflict(self, kind: Kind, item_id: str = "") -> Conflict | None:
        return next((c for c in self.conflicts if c.kind == kind and c.item_id == item_id),
                    None)

    def has_changes(self) -> bool:
        """Does their copy bring anything (automatically taken, or to choose)?"""
        if self.taken or self.conflicts:
            return True
        return self.article().to_json() != Article.from_json(self.mine).to_json()

    # --- building the merged article ------------------------------------------------------
    def _resolved(self, key: str, item_id: str, kinds: tuple[Kind, ...]) -> JsonObject | None:
        value = copy.deepcopy(self.items[key][item_id])
        for conflict in self.conflicts:
            if conflict.item_id != item_id or conflict.kind not in kinds:
                continue
            chosen = conflict.value()
            if conflict.mode == "whole":
                value = chosen if isinstance(chosen, dict) else None
            elif value is None:
                continue
            elif conflict.mode == "overlay" and isinstance(chosen, dict):
                value.update(chosen)
            elif conflict.mode == "disclosure":
                value["disclosure"] = chosen
        return value

    def to_json(self) -> dict:
        """The merged article as JSON, with the choices made so far."""
        kinds: dict[str, tuple[Kind, ...]] = {"authors": ("author", "disclosure"), "sections": ("section",),
                 "references": ("reference",), "illustrations": ("illustration",),
                 "clips": ("clip",)}
        data: JsonObject = {"id": self.mine["id"], "template_id": self.mine["template_id"]}
        for key in ("title", "standfirst", "key_messages"):
            conflict = self.conflict(key)
            data[key] = conflict.value() if conflict else copy.deepcopy(self.scalars[key])
        for key in LIST_KEYS:
            out = []
            for item_id in self.order[key]:
                value = self._resolved(key, item_id, kinds[key])
                if value is not None:
                    out.append(value)
            data[key] = out
        data["settings"] = copy.deepcopy(self.settings)
        data["approvals"] = copy.deepcopy(self.approvals)
        if self.comments:
            data["comments"] = copy.deepcopy(self.comments)
        if self.suggestions:
            data["suggestions"] = copy.deepcopy(self.suggestions)
        self._tidy(data)
        return data

    def _tidy(self, data: JsonObject) -> None:
        """Keep the merged article consistent: links to removed authors dropped, references
        still cited by either copy kept."""
        authors = {a["id"] for a in data["authors"]}
        for section in data["sections"]:
            section["author_ids"] = [i for i in section.get("author_ids", []) if i in authors]
            if section.get("assignee") not in authors:
                section["assignee"] = ""
        data["approvals"] = [a for a in data["approvals"] if a.get("author_id") in authors]
        cited = {ref_id for section in data["sections"] for paragraph in section["body"]
                 for run in paragraph["runs"] for ref_id in run.get("cite", [])}
        known = {r["id"] for r in data["references"]}
        missing = cited - known
        if missing:
            kept = []
            for item_id in self.order["references"]:
                if item_id in known:
                    kept.append(next(r for r in data["references"] if r["id"] == item_id))
                    continue
                source = by_id(self.mine, "references").get(item_id) or \
                    by_id(self.theirs, "references").get(item_id)
                if item_id in missing and source is not None:
                    kept.append(copy.deepcopy(source))
                    note = (f"Kept the reference “{reference_label(source)}”: the text still "
                            "cites it.")
                    if note not in self.notes:
                        self.notes.append(note)
            data["references"] = kept

    def article(self) -> Article:
        """The merged article (the choices made so far applied)."""
        return Article.from_json(self.to_json())

    def summary_lines(self) -> list[str]:
        """What merging does, in words, for the review before anything is replaced."""
        lines = list(self.taken)
        lines += [f"{c.label}: {c.describe_choice()}" if c.reviewed else
                  f"{c.label}: not chosen yet, so {_as_is(c)}" for c in self.conflicts]
        lines += suggestions_said(self.mine, self.theirs, self.to_json())
        lines += self.notes
        lines += self.left_out
        return lines or [NOTHING_NEW]


def _as_is(conflict: Conflict) -> str:
    return "left out as in your copy" if conflict.mine is None else "yours is kept"


