"""Findings: what the checklist tells the user, each with a severity, a stable code and a place."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, TIP = "error", "warning", "tip"   # blocks submission / should fix / nice to do
SEVERITIES = (ERROR, WARNING, TIP)


@dataclass(frozen=True)
class Where:
    """The place a finding points to; ``panel`` is a navigator panel key or a section id."""

    panel: str = ""          # "section", "authors", "references", "key_messages", ...
    section_id: str = ""
    author_id: str = ""
    item_id: str = ""        # reference, illustration or clip id
    label: str = ""          # human name of the place, e.g. "Authors › Jo Bloggs"
    field: str = ""          # the text field within the panel ("caption", "standfirst"...)

    def key(self) -> str:
        return "/".join(x for x in (self.panel, self.section_id, self.author_id, self.item_id) if x)

    def to_json(self) -> dict:
        return {k: v for k, v in (("panel", self.panel), ("section_id", self.section_id),
                                  ("author_id", self.author_id), ("item_id", self.item_id),
                                  ("field", self.field), ("label", self.label)) if v}

    @classmethod
    def from_json(cls, data: dict) -> Where:
        """The place :meth:`to_json` wrote (anything not a known name with a text is left out:
        the data may come from a damaged file)."""
        names = ("panel", "section_id", "author_id", "item_id", "label", "field")
        return cls(**{name: value for name in names
                      if isinstance(value := data.get(name), str)})

    def same_field(self, other: Where) -> bool:
        """The same field of the same item (the labels aside)."""
        return self.key() == other.key() and self.field == other.field

    def panel_key(self) -> str:
        """The navigator panel this place is in ("section:<id>", "authors"...), or ""."""
        if self.section_id:
            return f"section:{self.section_id}"
        return self.panel if self.panel != "section" else ""


@dataclass(frozen=True)
class Finding:
    """One thing the checklist tells the user: its severity, a stable code, the message, and the
    place (or places) it concerns."""

    severity: str
    code: str
    message: str
    where: Where = Where()
    places: tuple[Where, ...] = ()   # every place it concerns, when more than ``where``
    subject: str = ""                # what it is about when that is not a place (a word)

    @property
    def key(self) -> str:
        """Stable identity used to remember a dismissed tip or warning per project."""
        return f"{self.code}@{self.subject or self.where.key()}"

    def all_places(self) -> tuple[Where, ...]:
        return self.places or (self.where,)

    def to_json(self) -> dict:
        data = {"severity": self.severity, "code": self.code, "message": self.message,
                "where": self.where.to_json()}
        if self.places:
            data["places"] = [w.to_json() for w in self.places]
        if self.subject:
            data["subject"] = self.subject
        return data
