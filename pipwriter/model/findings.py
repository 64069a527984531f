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

    def key(self) -> str:
        return "/".join(x for x in (self.panel, self.section_id, self.author_id, self.item_id) if x)

    def to_json(self) -> dict:
        return {k: v for k, v in (("panel", self.panel), ("section_id", self.section_id),
                                  ("author_id", self.author_id), ("item_id", self.item_id),
                                  ("label", self.label)) if v}


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    where: Where = Where()

    @property
    def key(self) -> str:
        """Stable identity used to remember a dismissed tip or warning per project."""
        return f"{self.code}@{self.where.key()}"

    def to_json(self) -> dict:
        return {"severity": self.severity, "code": self.code, "message": self.message,
                "where": self.where.to_json()}
