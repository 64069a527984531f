"""Sending the article for review as a Word document, and finding, when the reviewed copy comes
back, the article as it was sent (the base its changes are merged against).

Sending keeps the article as a named version ("sent for review to Sam Jones") and writes that
version's name into the Word file's properties (its identifier). When the copy comes back, that
version is used if this computer still has it; if the identifier was lost (some programs drop
it), the newest version sent for review is used.
"""

from __future__ import annotations

import logging

from ..errors import PipError
from ..storage.history_store import project_key
from ..storage.project import Project
from ..storage.versions import Version, list_versions, open_version, save_project_version

log = logging.getLogger(__name__)
PREFIX = "pipwriter-review:"
NAME = "sent for review"


def keep_sent_for_review(project: Project, sent_to: str, words: int | None = None
                         ) -> tuple[Version, str]:
    """Keep the article as sent; returns the version and the identifier for the Word file."""
    name = f"{NAME} to {' '.join(sent_to.split())}" if sent_to.strip() else NAME
    version = save_project_version(project, name, words)
    return version, f"{PREFIX}{project_key(project.article)}/{version.path.stem}"


def review_base(project: Project, identifier: str) -> tuple[Project, str] | None:
    """The article as it was sent for review, and who it was sent to ("" when not known); None
    when this computer no longer keeps it."""
    key = project_key(project.article)
    versions = list_versions(key)
    wanted = identifier[len(PREFIX):] if identifier.startswith(PREFIX) else ""
    chosen = next((v for v in versions if f"{key}/{v.path.stem}" == wanted), None)
    if chosen is None:
        chosen = next((v for v in versions if v.name.startswith(NAME)), None)
    if chosen is None:
        return None
    sent_to = chosen.name[len(NAME):].removeprefix(" to ").strip()
    try:
        return open_version(chosen), sent_to
    except (PipError, OSError) as error:
        log.warning("the version sent for review cannot be read: %s", error)
        return None
