"""An author of the article: who they are, which side of the partnership, photo and disclosure."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..interests.disclosure import Disclosure
from ..jsonread import Obj
from .ids import new_id
from .media import Photo


@dataclass
class Author:
    """One author: name, partner type (and so side of the partnership), how they are presented,
    their photo and their competing-interests disclosure."""

    name: str
    partner_type: str = "health_professional"  # an id from the template's partner_types
    id: str = field(default_factory=lambda: new_id("author"))
    credentials: str = ""      # e.g. "MBChB, MRCGP" or "patient partner"
    role: str = ""             # role in the project
    affiliation: str = ""
    email: str = ""
    handle: str = ""           # stored normalised, "@name"
    corresponding: bool = False
    photo: Photo | None = None
    disclosure: Disclosure = field(default_factory=Disclosure)

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "partner_type": self.partner_type,
                "credentials": self.credentials, "role": self.role,
                "affiliation": self.affiliation, "email": self.email, "handle": self.handle,
                "corresponding": self.corresponding,
                "photo": self.photo.to_json() if self.photo else None,
                "disclosure": self.disclosure.to_json()}

    @classmethod
    def from_json(cls, o: Obj) -> Author:
        photo = Photo.from_json(o.obj("photo")) if o.data.get("photo") else None
        return cls(name=o.text("name", required=True),   # a longer name is kept (over_limits)
                   partner_type=o.text("partner_type", "health_professional"),
                   id=o.text("id", required=True), credentials=o.text("credentials"),
                   role=o.text("role"), affiliation=o.text("affiliation"), email=o.text("email"),
                   handle=o.text("handle"), corresponding=o.flag("corresponding"), photo=photo,
                   disclosure=Disclosure.from_json(o.obj("disclosure")))
