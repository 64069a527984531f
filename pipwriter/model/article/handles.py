"""Twitter/X handles: accept what people paste ("@name", "name", a profile link) and store "@name"."""

from __future__ import annotations

import re

_PROFILE_URL = re.compile(
    r"^(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/(?:#!/)?@?([^/?#\s]*)", re.I)
_VALID = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_RESERVED = {"home", "search", "intent", "share", "i", "settings", "explore", "login"}


class HandleError(ValueError):
    """The text is not a valid handle; str() says why in plain words."""


def normalise_handle(text: str) -> str:
    """Return "@name" for any accepted form, "" for empty input, or raise HandleError."""
    value = text.strip()
    if not value:
        return ""
    match = _PROFILE_URL.match(value)
    if match:
        value = match.group(1)
    elif "/" in value or "." in value:
        raise HandleError("That looks like a web address but not a Twitter/X profile link. "
                          "Type the handle, for example @NHSEngland.")
    value = value.lstrip("@")
    if not value:
        raise HandleError("The handle is empty after the @. Type it like @NHSEngland.")
    if len(value) > 15:
        raise HandleError(f"Twitter/X handles have at most 15 characters; '{value}' has {len(value)}.")
    if not _VALID.match(value):
        raise HandleError("A Twitter/X name can only use letters, numbers and the _ sign.")
    if value.lower() in _RESERVED:
        raise HandleError(f"'{value}' is part of a Twitter/X web address, not someone's handle.")
    return "@" + value


def handle_problem(text: str) -> str:
    """The reason a handle is invalid, or "" if it is fine (or empty)."""
    try:
        normalise_handle(text)
    except HandleError as error:
        return str(error)
    return ""
