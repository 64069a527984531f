"""Three-way choices for one part of the article: the whole of it, or field by field.

An author's details, a reference, an illustration or a clip is one part; when the two copies
changed *different* fields of it (one the e-mail address, the other the role; one a
reference's title, the other its year) both changes are kept, as a section's fields already
were. Only the same field changed two ways is a choice for the person bringing the copy in
(found by a walk: either choice threw one person's change away).
"""

from __future__ import annotations

from typing import Literal, TypeVar

from .merge_result import UNKNOWN, JsonObject, Marker

T = TypeVar("T")
Who = Literal["same", "mine", "theirs", "conflict"]
_MISSING = Marker("MISSING")        # a field one copy does not have


def pick(base: T | Marker, mine: T, theirs: T) -> tuple[T, Who]:
    """(value, who) where who is "same", "mine", "theirs" or "conflict"."""
    if mine == theirs:
        return mine, "same"
    if base is not UNKNOWN:
        if mine == base:
            return theirs, "theirs"
        if theirs == base:
            return mine, "mine"
    return mine, "conflict"


def by_field(base: JsonObject | Marker, mine: JsonObject, theirs: JsonObject
             ) -> tuple[JsonObject, Who, bool]:
    """(value, who, yours kept too): the two copies' changes to different fields both taken;
    "conflict" (value: yours) when one field was changed two ways or the base is not known.
    "theirs" means something of theirs was taken; the flag says some change of yours stays."""
    if mine == theirs:
        return mine, "same", False
    if not isinstance(base, dict):
        return mine, "conflict", False
    out: JsonObject = {}
    took = kept = False
    for key in dict.fromkeys([*mine, *theirs, *base]):
        value, who = pick(base.get(key, _MISSING), mine.get(key, _MISSING),
                          theirs.get(key, _MISSING))
        if who == "conflict":
            return mine, "conflict", False
        took, kept = took or who == "theirs", kept or who == "mine"
        if value is not _MISSING:
            out[key] = value
    return (out, "theirs", kept) if took else (mine, "mine", False)
