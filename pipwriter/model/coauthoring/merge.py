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
heading and text (one unit; its other details, such as who writes it, merge quietly with your
choice winning); each author's details and, separately, their competing-interests answers; each
reference, illustration and clip. The order of sections, authors, references and pictures is
taken from the side that changed it (yours when both did). Approvals are pooled; whatever
changed since someone approved shows as out of date (see :mod:`pipwriter.model.coauthoring.approval`).
Citations store reference ids, so a reference renumbered on one side stays linked.

Without a base (the version sent cannot be found) every difference is a conflict: nothing is
taken without asking.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..article.article import Article
from ..article.citations import format_citation
from ..article.reference import format_bmj

MINE, THEIRS, COMBINED = "mine", "theirs", "combined"
CHOICE_WORDS = {MINE: "kept yours", THEIRS: "took theirs", COMBINED: "combined text"}
TEXT_KINDS = ("title", "standfirst", "key_messages", "section")
LIST_KEYS = ("authors", "sections", "references", "illustrations", "clips")


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


ABSENT = _Marker("ABSENT")      # not in that copy
UNKNOWN = _Marker("UNKNOWN")    # no base: what it was before is not known


def _present(value: object) -> bool:
    return value is not ABSENT and value is not UNKNOWN


# --- conflicts ---------------------------------------------------------------------------------
@dataclass
class Conflict:
    """A part changed differently in both copies. ``mine``/``theirs`` are JSON values (None when
    that copy does not have the part); ``choice`` is MINE until someone chooses."""

    kind: str           # title, standfirst, key_messages, section, author, disclosure, reference,
    #                     illustration or clip
    item_id: str        # the section, author, reference... id ("" for the title and such)
    label: str          # what it is, in words: "“How we set it up”", "Author Sam Jones"
    mine: object
    theirs: object
    base: object = None
    mine_text: str = ""     # both versions as readable text, for showing side by side
    theirs_text: str = ""
    mode: str = "whole"     # "whole": the value replaces the part (None removes it);
    #                         "overlay": the value's keys replace those of the merged part;
    #                         "disclosure": the value is the author's disclosure
    choice: str = MINE
    combined: object = None
    reviewed: bool = False

    @property
    def can_combine(self) -> bool:
        """Text both copies have can be combined and edited."""
        return self.kind in TEXT_KINDS and self.mine is not None and self.theirs is not None

    def choose(self, choice: str, combined: object = None) -> None:
        if choice not in (MINE, THEIRS, COMBINED):
            raise ValueError(choice)
        if choice == COMBINED:
            if not self.can_combine:
                raise ValueError("this part cannot be combined")
            self.combined = combined if combined is not None else self.default_combined()
        self.choice = choice
        self.reviewed = True

    def value(self) -> object:
        if self.choice == THEIRS:
            return copy.deepcopy(self.theirs)
        if self.choice == COMBINED:
            return copy.deepcopy(self.combined)
        return copy.deepcopy(self.mine)

    def default_combined(self) -> object:
        """A starting point for a combined text: yours, with what only theirs has added."""
        if self.kind == "section":
            return {"title": self.mine["title"],
                    "body": combine_paragraphs(self.mine["body"], self.theirs["body"])}
        if self.kind == "key_messages":
            return list(self.mine) + [m for m in self.theirs if m not in self.mine]
        return self.mine

    def describe_choice(self) -> str:
        if self.choice == MINE and self.mine is None:
            return "left out"
        if self.choice == THEIRS and self.theirs is None:
            return "removed"
        if self.choice == THEIRS and self.mine is None:
            return "kept from their copy"
        return CHOICE_WORDS[self.choice]


# --- the result --------------------------------------------------------------------------------
@dataclass
class MergeResult:
    mine: dict
    theirs: dict
    two_way: bool                                   # no base was found
    scalars: dict[str, object] = field(default_factory=dict)
    order: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, dict[str, dict | None]] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    approvals: list[dict] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)  # what was taken from their copy, in words
    notes: list[str] = field(default_factory=list)

    def unresolved(self) -> list[Conflict]:
        return [c for c in self.conflicts if not c.reviewed]

    def conflict(self, kind: str, item_id: str = "") -> Conflict | None:
        return next((c for c in self.conflicts if c.kind == kind and c.item_id == item_id),
                    None)

    def has_changes(self) -> bool:
        """Does their copy bring anything (automatically taken, or to choose)?"""
        if self.taken or self.conflicts:
            return True
        return self.article().to_json() != Article.from_json(self.mine).to_json()

    # --- building the merged article ------------------------------------------------------
    def _resolved(self, key: str, item_id: str, kinds: tuple[str, ...]) -> dict | None:
        value = copy.deepcopy(self.items[key][item_id])
        for conflict in self.conflicts:
            if conflict.item_id != item_id or conflict.kind not in kinds:
                continue
            chosen = conflict.value()
            if conflict.mode == "whole":
                value = chosen
            elif value is None:
                continue
            elif conflict.mode == "overlay":
                value.update(chosen)
            elif conflict.mode == "disclosure":
                value["disclosure"] = chosen
        return value

    def to_json(self) -> dict:
        """The merged article as JSON, with the choices made so far."""
        kinds = {"authors": ("author", "disclosure"), "sections": ("section",),
                 "references": ("reference",), "illustrations": ("illustration",),
                 "clips": ("clip",)}
        data: dict = {"id": self.mine["id"], "template_id": self.mine["template_id"]}
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
        self._tidy(data)
        return data

    def _tidy(self, data: dict) -> None:
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
                source = _by_id(self.mine, "references").get(item_id) or \
                    _by_id(self.theirs, "references").get(item_id)
                if item_id in missing and source is not None:
                    kept.append(copy.deepcopy(source))
                    note = (f"Kept the reference “{_reference_label(source)}”: the text still "
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
        lines += self.notes
        return lines or ["Their copy has nothing that yours does not already have."]


def _as_is(conflict: Conflict) -> str:
    return "left out as in your copy" if conflict.mine is None else "yours is kept"


# --- rendering parts as text ---------------------------------------------------------------------
def _paragraph_text(paragraph: dict, numbers: dict[str, int], style: str) -> str:
    parts = []
    for run in paragraph.get("runs", []):
        if "cite" in run:
            found = [numbers[r] for r in run["cite"] if r in numbers]
            label = format_citation(found, "brackets") if found else "[?]"
            parts.append(label if style != "superscript" else label.strip("[]"))
        else:
            parts.append(run.get("t", ""))
    text = "".join(parts)
    return f"• {text}" if paragraph.get("style") == "bullet" else text


def body_text(body: list, article: Article) -> str:
    """A section's paragraphs (JSON) as plain text, citations as numbers in ``article``."""
    numbers = article.reference_numbers()
    style = article.settings.citation_style
    return "\n\n".join(_paragraph_text(p, numbers, style) for p in body)


def _reference_label(ref: dict) -> str:
    text = format_bmj_json(ref) or "reference"
    return text if len(text) <= 70 else text[:69] + "…"


_AUTHOR_FIELDS = (("name", "Name"), ("credentials", "Qualifications"), ("partner_type", "Partner"),
                  ("role", "Role"), ("affiliation", "Affiliation"), ("email", "Email"),
                  ("handle", "X/Twitter"))


def _author_text(author: dict) -> str:
    lines = [f"{label}: {author.get(key)}" for key, label in _AUTHOR_FIELDS if author.get(key)]
    if author.get("corresponding"):
        lines.append("Corresponding author")
    if author.get("photo"):
        photo = author["photo"]
        lines.append("Photo: " + (photo.get("media", {}).get("original_name") or "attached")
                     + (" (agreed for publication)" if photo.get("consent") else ""))
    return "\n".join(lines)


def _disclosure_text(disclosure: dict) -> str:
    lines = []
    for number, item in sorted(disclosure.get("items", {}).items(), key=lambda x: int(x[0])):
        answer = item.get("answer") or "not answered"
        entries = [e for e in item.get("entries", []) if e.get("entity") or e.get("what")]
        detail = "; ".join(f"{e.get('entity', '')} {e.get('what', '')}".strip() for e in entries)
        lines.append(f"Item {number}: {answer}" + (f" ({detail})" if detail else ""))
    if disclosure.get("custom_statement"):
        lines.append(f"Own wording: {disclosure['custom_statement']}")
    if disclosure.get("certified_on"):
        lines.append(f"Certified on {disclosure['certified_on']}")
    return "\n".join(lines)


def _media_text(item: dict) -> str:
    lines = []
    for key, label in (("title", "Title"), ("kind", "Kind"), ("caption", "Caption"),
                       ("alt_text", "Description"), ("credit", "Credit"), ("url", "Link"),
                       ("transcript", "Transcript")):
        if item.get(key):
            lines.append(f"{label}: {item[key]}")
    media = item.get("media")
    if media:
        lines.append(f"File: {media.get('original_name') or media.get('name')}")
    lines.append("Cleared for publication" if item.get("permission") else
                 "Not yet cleared for publication")
    return "\n".join(lines)


def _scalar_text(value: object) -> str:
    return "\n".join(f"• {m}" for m in value) if isinstance(value, list) else str(value)


def _absent_text(side: str, two_way: bool) -> str:
    if two_way:
        return f"(not in {side} copy)"
    return f"(removed in {side} copy)"


# --- three-way choice for one unit --------------------------------------------------------------
def _pick(base: object, mine: object, theirs: object) -> tuple[object, str]:
    """(value, who) where who is "same", "mine", "theirs" or "conflict"."""
    if mine == theirs:
        return mine, "same"
    if base is not UNKNOWN:
        if mine == base:
            return theirs, "theirs"
        if theirs == base:
            return mine, "mine"
    return mine, "conflict"


def _by_id(data: dict | None, key: str) -> dict[str, dict]:
    return {item["id"]: item for item in (data or {}).get(key, [])}


def _merge_order(base_ids: list[str] | None, mine_ids: list[str], theirs_ids: list[str]
                 ) -> tuple[list[str], str]:
    """The merged order of ids, and whose order it follows ("mine", "theirs" or "both")."""
    who = "mine"
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
        return self.result

    def _base(self, key: str, default: object = "") -> object:
        return UNKNOWN if self.b is None else self.b.get(key, default)

    # --- title, standfirst, key messages -------------------------------------------------
    def _scalars(self) -> None:
        labels = {"title": "The title", "standfirst": "The standfirst",
                  "key_messages": "The key messages"}
        for key, label in labels.items():
            default: object = [] if key == "key_messages" else ""
            mine, theirs = self.m.get(key, default), self.t.get(key, default)
            value, who = _pick(self._base(key, default), mine, theirs)
            self.result.scalars[key] = value
            if who == "theirs":
                self.result.taken.append(f"{label}: their changes taken")
            elif who == "conflict":
                self.result.conflicts.append(Conflict(
                    key, "", label, mine, theirs, self._base(key, default),
                    _scalar_text(mine), _scalar_text(theirs)))

    # --- settings and approvals (never asked about) ------------------------------------
    def _settings(self) -> None:
        base = self._base("settings", {})
        mine, theirs = self.m["settings"], self.t["settings"]
        merged = {}
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
        handlers: dict[str, Callable] = {
            "authors": self._author, "sections": self._section,
            "references": lambda i, b, m, t: self._unit("reference", i, b, m, t),
            "illustrations": lambda i, b, m, t: self._unit("illustration", i, b, m, t),
            "clips": lambda i, b, m, t: self._unit("clip", i, b, m, t)}
        for key in LIST_KEYS:
            base_items = _by_id(self.b, key) if self.b is not None else None
            mine_items, theirs_items = _by_id(self.m, key), _by_id(self.t, key)
            order, who = _merge_order(
                [i["id"] for i in self.b[key]] if self.b is not None else None,
                [i["id"] for i in self.m[key]], [i["id"] for i in self.t[key]])
            self.result.order[key] = order
            if who == "theirs":
                self.result.taken.append(f"The order of the {nouns[key]}: their order taken")
            elif who == "both":
                self.result.notes.append(f"Both copies changed the order of the {nouns[key]}; "
                                         "your order was kept.")
            merged = {}
            for item_id in order:
                base = UNKNOWN if base_items is None else base_items.get(item_id, ABSENT)
                merged[item_id] = handlers[key](item_id, base, mine_items.get(item_id, ABSENT),
                                                theirs_items.get(item_id, ABSENT))
            self.result.items[key] = merged

    def _label(self, kind: str, value: dict) -> str:
        if kind == "section":
            return f"“{value.get('title') or 'Untitled section'}”"
        if kind == "author":
            return f"Author {value.get('name') or 'without a name'}"
        if kind == "disclosure":
            return f"{value.get('name') or 'An author'}'s competing-interests answers"
        if kind == "reference":
            return f"Reference “{_reference_label(value)}”"
        if kind == "illustration":
            caption = value.get("caption") or value.get("alt_text") or "without a caption"
            return f"Illustration “{caption[:60]}”"
        return f"Clip “{(value.get('title') or value.get('caption') or 'untitled')[:60]}”"

    def _text(self, kind: str, value: object, article: Article) -> str:
        if not isinstance(value, dict):
            return str(value)
        if kind == "section":
            return f"{value.get('title', '')}\n\n{body_text(value.get('body', []), article)}"
        if kind == "author":
            return _author_text(value)
        if kind == "disclosure":
            return _disclosure_text(value)
        if kind == "reference":
            return format_bmj_json(value)
        return _media_text(value)

    def _presence(self, kind: str, item_id: str, base: object, mine: object, theirs: object
                  ) -> tuple[bool, dict | None]:
        """Handle a part missing from at least one copy: (handled, value)."""
        if _present(mine) and _present(theirs):
            return False, None
        if not _present(mine) and not _present(theirs):
            return True, None
        present = mine if _present(mine) else theirs
        side = "your" if _present(mine) else "their"
        label = self._label(kind, present)
        if base is ABSENT:                                # added on one side
            if side == "their":
                self.result.taken.append(f"{label}: added in their copy")
            return True, copy.deepcopy(present)
        if base is not UNKNOWN and present == base:       # removed on the other side
            if side == "your":
                self.result.taken.append(f"{label}: removed in their copy")
            return True, None
        two_way = base is UNKNOWN
        mine_value = mine if _present(mine) else None
        theirs_value = theirs if _present(theirs) else None
        self.result.conflicts.append(Conflict(
            kind, item_id, label, mine_value, theirs_value,
            None if base is UNKNOWN else base,
            self._text(kind, mine, self.mine_article) if mine_value else
            _absent_text("your", two_way),
            self._text(kind, theirs, self.theirs_article) if theirs_value else
            _absent_text("their", two_way), mode="whole"))
        return True, copy.deepcopy(mine_value)

    def _unit(self, kind: str, item_id: str, base: object, mine: object, theirs: object
              ) -> dict | None:
        handled, value = self._presence(kind, item_id, base, mine, theirs)
        if handled:
            return value
        chosen, who = _pick(base if _present(base) else UNKNOWN, mine, theirs)
        if who == "theirs":
            self.result.taken.append(f"{self._label(kind, theirs)}: their changes taken")
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                kind, item_id, self._label(kind, mine), mine, theirs,
                base if _present(base) else None, self._text(kind, mine, self.mine_article),
                self._text(kind, theirs, self.theirs_article)))
        return copy.deepcopy(chosen)

    def _fields(self, base: object, mine: dict, theirs: dict, keys) -> dict:
        """Merge details quietly, field by field (yours wins when both changed one)."""
        out = {}
        for key in keys:
            b = base.get(key, UNKNOWN) if isinstance(base, dict) else UNKNOWN
            out[key], _who = _pick(b, mine.get(key), theirs.get(key))
        return out

    def _section(self, item_id: str, base: object, mine: object, theirs: object) -> dict | None:
        handled, value = self._presence("section", item_id, base, mine, theirs)
        if handled:
            return value
        merged = {"id": item_id}
        merged.update(self._fields(base, mine, theirs,
                                   ("kind", "key", "author_ids", "ticked", "assignee")))
        def text(v):
            return {"title": v.get("title", ""), "body": v.get("body", [])}
        b = text(base) if isinstance(base, dict) else UNKNOWN
        chosen, who = _pick(b, text(mine), text(theirs))
        merged.update(copy.deepcopy(chosen))
        label = self._label("section", mine)
        if who == "theirs":
            self.result.taken.append(f"{label}: their changes taken")
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                "section", item_id, label, text(mine), text(theirs),
                b if b is not UNKNOWN else None,
                self._text("section", mine, self.mine_article),
                self._text("section", theirs, self.theirs_article), mode="overlay"))
        return merged

    def _author(self, item_id: str, base: object, mine: object, theirs: object) -> dict | None:
        handled, value = self._presence("author", item_id, base, mine, theirs)
        if handled:
            return value
        def details(v):
            return {k: x for k, x in v.items() if k != "disclosure"}
        b = details(base) if isinstance(base, dict) else UNKNOWN
        chosen, who = _pick(b, details(mine), details(theirs))
        merged = copy.deepcopy(chosen)
        label = self._label("author", mine)
        if who == "theirs":
            self.result.taken.append(f"{label}: their changes taken")
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                "author", item_id, label, details(mine), details(theirs),
                b if b is not UNKNOWN else None, _author_text(mine), _author_text(theirs),
                mode="overlay"))
        bd = base.get("disclosure") if isinstance(base, dict) else UNKNOWN
        disclosure, who = _pick(bd, mine.get("disclosure"), theirs.get("disclosure"))
        merged["disclosure"] = copy.deepcopy(disclosure)
        dlabel = self._label("disclosure", mine)
        if who == "theirs":
            self.result.taken.append(f"{dlabel}: their changes taken")
        elif who == "conflict":
            self.result.conflicts.append(Conflict(
                "disclosure", item_id, dlabel, mine.get("disclosure"), theirs.get("disclosure"),
                None if bd is UNKNOWN else bd, _disclosure_text(mine.get("disclosure") or {}),
                _disclosure_text(theirs.get("disclosure") or {}), mode="disclosure"))
        return merged


def format_bmj_json(ref: dict) -> str:
    from ..article.reference import Reference
    from ..jsonread import Obj
    try:
        return format_bmj(Reference.from_json(Obj(ref)))
    except Exception:  # noqa: BLE001 - shown only
        return str(ref.get("title") or ref.get("text") or "")


def merge_articles(base: Article | None, mine: Article, theirs: Article) -> MergeResult:
    """Merge ``theirs`` into ``mine`` using ``base`` (the article as it was sent), or ask about
    every difference when ``base`` is None. None of the articles is changed."""
    return _Merger(base, mine, theirs).run()


# --- helpers for showing and combining texts -----------------------------------------------------
_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """The differences between two texts word by word: (operation, text in a, text in b) with
    operation "equal", "delete" (only in a), "insert" (only in b) or "replace"."""
    left, right = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    return [(op, "".join(left[i1:i2]), "".join(right[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def combine_paragraphs(mine: list, theirs: list) -> list:
    """Paragraphs (JSON) of both texts: yours, with their new or changed paragraphs after the
    ones they replace, so nothing either side wrote is lost."""
    key = [json.dumps(p, sort_keys=True) for p in mine]
    other = [json.dumps(p, sort_keys=True) for p in theirs]
    matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += mine[i1:i2]
        else:
            out += mine[i1:i2] + theirs[j1:j2]
    return copy.deepcopy(out)
