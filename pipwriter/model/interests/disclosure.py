"""One author's competing-interests disclosure: answers to the 13 ICMJE items, and certification.

The wording of the items lives in ``resources/icmje/items.json``; statement wording is made by
:mod:`pipwriter.model.interests.statements`. Certification records a fingerprint of the answers, so any
later change to the answers means the author must certify again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ..jsonread import Obj

ITEM_NUMBERS = tuple(range(1, 14))
PAID_TO = ("me", "organisation", "not_paid", "")
ANSWERS = ("", "none", "entries")  # "" = not answered yet


@dataclass
class DisclosureEntry:
    """One relationship declared under an ICMJE item: with whom, what it is, who was paid, and any
    comments."""

    entity: str = ""     # who: company, charity, organisation
    what: str = ""       # what the relationship is
    paid_to: str = ""    # "me", "organisation", "not_paid" or "" (not said)
    comments: str = ""

    def to_json(self) -> dict:
        return {"entity": self.entity, "what": self.what, "paid_to": self.paid_to,
                "comments": self.comments}

    @classmethod
    def from_json(cls, o: Obj) -> DisclosureEntry:
        return cls(o.text("entity"), o.text("what"), o.text("paid_to", choices=PAID_TO),
                   o.text("comments"))


@dataclass
class DisclosureItem:
    """The answer to one ICMJE item: not answered yet, none, or the entries declared."""

    answer: str = ""  # see ANSWERS
    entries: list[DisclosureEntry] = field(default_factory=list)

    def declared(self) -> list[DisclosureEntry]:
        return [e for e in self.entries if e.entity.strip() or e.what.strip()] \
            if self.answer == "entries" else []


@dataclass
class Disclosure:
    """One author's disclosure: answers to the 13 ICMJE items, when and on what answers they
    certified it, their own wording of the statement if any, and the manuscript number."""

    items: dict[int, DisclosureItem] = field(
        default_factory=lambda: {n: DisclosureItem() for n in ITEM_NUMBERS})
    certified_on: str = ""        # ISO date the author certified
    certified_fingerprint: str = ""
    custom_statement: str = ""    # the author's own edit of the generated wording ("" = none)
    manuscript_number: str = ""
    # who confirmed the answers in PiP Writer, as the computer knew them ("I am"): the author
    # id, the author's own or a co-author's recording it for them; "" when nobody was chosen
    certified_by: str = ""

    def item(self, number: int) -> DisclosureItem:
        return self.items.setdefault(number, DisclosureItem())

    def answered(self) -> bool:
        return all(self.item(n).answer in ("none", "entries") for n in ITEM_NUMBERS)

    def has_interests(self) -> bool:
        return any(self.item(n).declared() for n in ITEM_NUMBERS)

    def fingerprint(self) -> str:
        data = json.dumps(self._items_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]

    def certify(self, iso_date: str) -> None:
        self.certified_on = iso_date
        self.certified_fingerprint = self.fingerprint()

    def is_certified(self) -> bool:
        """Answered, certified, and unchanged since certification."""
        return (self.answered() and bool(self.certified_on)
                and self.certified_fingerprint == self.fingerprint())

    def needs_recertification(self) -> bool:
        return bool(self.certified_on) and self.certified_fingerprint != self.fingerprint()

    def is_started(self) -> bool:
        return any(self.item(n).answer for n in ITEM_NUMBERS)

    def cleaned(self) -> Disclosure:
        """A separate copy without the entries of items answered other than "entries" and
        without entirely blank entries (so a Yes/None toggle does not change the fingerprint)."""
        copy = Disclosure.from_json(Obj(self.to_json()))
        for n in ITEM_NUMBERS:
            item = copy.item(n)
            item.entries = [e for e in item.entries if item.answer == "entries" and any(
                v.strip() for v in (e.entity, e.what, e.comments))]
        return copy

    def _items_json(self) -> dict:
        return {str(n): {"answer": self.item(n).answer,
                         "entries": [e.to_json() for e in self.item(n).entries]}
                for n in ITEM_NUMBERS}

    def to_json(self) -> dict:
        data = {"items": self._items_json(), "certified_on": self.certified_on,
                "certified_fingerprint": self.certified_fingerprint,
                "custom_statement": self.custom_statement,
                "manuscript_number": self.manuscript_number}
        if self.certified_by:
            data["certified_by"] = self.certified_by
        return data

    @classmethod
    def from_json(cls, o: Obj) -> Disclosure:
        items_obj = o.obj("items")
        items = {}
        for n in ITEM_NUMBERS:
            io = items_obj.obj(str(n))
            items[n] = DisclosureItem(io.text("answer", choices=ANSWERS),
                                      [DisclosureEntry.from_json(e) for e in io.objs("entries")])
        return cls(items, o.text("certified_on"), o.text("certified_fingerprint"),
                   o.text("custom_statement"), o.text("manuscript_number"),
                   o.text("certified_by", max_len=200))
