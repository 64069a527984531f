"""A project in memory: the article, its stored media, and where it lives on disk.

A project loaded from a file remembers what the file held (``disk``, see
:func:`pipwriter.model.storage.safe_save.disk_state`), so a save can tell when someone else changed the
file since. While an article is open in the app its attached files are kept in a private folder
(:meth:`Project.keep_media_private`), so they never depend on the user's file staying there.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..article.article import Article
from .media_store import MediaStore

if TYPE_CHECKING:
    from .safe_save import DiskState

log = logging.getLogger(__name__)
OWNER_FILE = "owner.json"


@dataclass
class Project:
    """An open project: the article, its stored media, the file it lives in (None until saved),
    problems found on loading, and what that file held when last read or written."""

    article: Article
    media: MediaStore = field(default_factory=MediaStore)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)  # problems found on loading
    ancestry: list[dict] = field(default_factory=list)  # copies this file was made from
    # what the file at ``path`` held when it was read or last written by this project (None:
    # not known), and the article as it was then (JSON text; the base for merging a change
    # someone else made to the file)
    disk: DiskState | None = field(default=None, compare=False, repr=False)
    disk_article: str | None = field(default=None, compare=False, repr=False)
    saved_at: str = field(default="", compare=False)   # when the file was saved (its manifest)

    def __post_init__(self) -> None:
        if self.path is not None and self.disk is None:   # just loaded from this file
            from .safe_save import disk_state
            self.disk = disk_state(self.path)

    def missing_media(self) -> list[str]:
        return [ref.name for ref in self.article.media_refs() if ref.name not in self.media]

    def remember_disk_article(self) -> None:
        """Record the article as it is now as what the file holds (just opened or saved)."""
        self.disk_article = json.dumps(self.article.to_json(), ensure_ascii=False)

    # --- media while the article is open --------------------------------------------------------
    def keep_media_private(self, root: Path | None = None) -> Path | None:
        """Copy the attached files into a folder of the app's own (under ``root``, by default
        the user's data folder), so Save As works even when the file they came from has gone.
        Returns the folder, or None when it could not be made (media then stay where they
        were). Folders left by a crashed app are removed here."""
        if self.media.private_folder is not None:
            return self.media.private_folder
        try:
            if root is None:
                from ...paths import data_dir
                root = data_dir() / "open"
            root.mkdir(parents=True, exist_ok=True)
            remove_abandoned_media_folders(root)
            # six random bytes: the first twelve hex digits of a uuid4, without importing uuid
            folder = root / f"{os.getpid()}-{os.urandom(6).hex()}"
            folder.mkdir()
            from .locks import own_mark
            (folder / OWNER_FILE).write_text(json.dumps(own_mark()), encoding="utf-8")
        except OSError as error:
            log.warning("could not make a private media folder: %s", error)
            return None
        failed = self.media.keep_private(folder)
        if failed:
            log.warning("attached files still read from where they were: %s", failed)
        return folder

    def release_media(self) -> None:
        """The article is closed: remove its private media folder."""
        folder = self.media.private_folder
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned_media_folders(root: Path) -> None:
    """Remove private media folders whose app is no longer running (it crashed)."""
    from .locks import owner_alive, recorded_start
    for folder in root.iterdir():
        try:
            owner = json.loads((folder / OWNER_FILE).read_text(encoding="utf-8"))
            alive = owner_alive(int(owner["pid"]), str(owner["host"]),
                                *recorded_start(owner))
        except (OSError, ValueError, KeyError, TypeError):
            try:                # no readable owner: being made now, or never finished
                alive = time.time() - folder.stat().st_mtime < 3600
            except OSError:
                continue
        if not alive:
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
