"""Attached media as the article describes it: author photos, illustrations and clips.

The bytes themselves live in a :class:`~pipwriter.model.storage.media_store.MediaStore`; the article
only holds a :class:`MediaRef` naming the stored file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..jsonread import Obj
from .ids import new_id

ILLUSTRATION_KINDS = ("photo", "diagram", "infographic", "drawing", "chart", "table", "other")
CLIP_KINDS = ("video", "audio")


@dataclass
class MediaRef:
    """A stored file as the article names it: its name in the media store, the name it had, its
    MIME type, size in bytes and, for a picture, its width and height in pixels (0 if unknown)."""

    name: str  # member name inside the project's media folder, e.g. "3fa9...c1.jpg"
    original_name: str = ""
    mime: str = "application/octet-stream"
    size: int = 0
    width: int = 0
    height: int = 0

    def to_json(self) -> dict:
        return {"name": self.name, "original_name": self.original_name, "mime": self.mime,
                "size": self.size, "width": self.width, "height": self.height}

    @classmethod
    def from_json(cls, o: Obj) -> MediaRef:
        return cls(o.text("name", required=True, max_len=200), o.text("original_name"),
                   o.text("mime", "application/octet-stream"), o.integer("size", minimum=0),
                   o.integer("width", minimum=0), o.integer("height", minimum=0))


@dataclass
class Photo:
    """An author's photo: the stored picture, and whether the person agreed to its publication."""

    media: MediaRef
    consent: bool = False  # "this person agreed to publication of this photo"

    def to_json(self) -> dict:
        return {"media": self.media.to_json(), "consent": self.consent}

    @classmethod
    def from_json(cls, o: Obj) -> Photo:
        return cls(MediaRef.from_json(o.obj("media", required=True)), o.flag("consent"))


@dataclass
class Illustration:
    """A picture in the article (photo, diagram, chart, table...) with its caption, alternative
    text and credit, and whether there is permission to publish it."""

    media: MediaRef
    id: str = field(default_factory=lambda: new_id("fig"))
    kind: str = "photo"
    caption: str = ""
    alt_text: str = ""
    credit: str = ""
    permission: bool = False

    def to_json(self) -> dict:
        return {"id": self.id, "media": self.media.to_json(), "kind": self.kind,
                "caption": self.caption, "alt_text": self.alt_text, "credit": self.credit,
                "permission": self.permission}

    @classmethod
    def from_json(cls, o: Obj) -> Illustration:
        return cls(MediaRef.from_json(o.obj("media", required=True)), o.text("id", required=True),
                   o.text("kind", "other", choices=ILLUSTRATION_KINDS), o.text("caption"),
                   o.text("alt_text"), o.text("credit"), o.flag("permission"))


@dataclass
class MediaClip:
    """A video or audio clip, attached as a file or given as a link, with its title, caption,
    transcript and whether everyone in it agreed to its publication."""

    id: str = field(default_factory=lambda: new_id("clip"))
    kind: str = "video"
    media: MediaRef | None = None  # an attached file, or
    url: str = ""                  # a link to where the clip is hosted
    title: str = ""
    caption: str = ""
    transcript: str = ""
    permission: bool = False

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind,
                "media": self.media.to_json() if self.media else None, "url": self.url,
                "title": self.title, "caption": self.caption, "transcript": self.transcript,
                "permission": self.permission}

    @classmethod
    def from_json(cls, o: Obj) -> MediaClip:
        media = MediaRef.from_json(o.obj("media")) if o.has("media") and o.data["media"] else None
        return cls(o.text("id", required=True), o.text("kind", "video", choices=CLIP_KINDS), media,
                   o.text("url"), o.text("title"), o.text("caption"), o.text("transcript"),
                   o.flag("permission"))
