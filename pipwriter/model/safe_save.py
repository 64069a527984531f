"""Saving with a backup: the version being replaced is kept before the new one goes in."""

from __future__ import annotations

import logging
from pathlib import Path

from .backups import backup_file
from .history_store import key_of_file, project_key
from .project import Project
from .project_file import save_project

log = logging.getLogger(__name__)


def save_with_backup(project: Project, path: Path | str | None = None,
                     keep_media: set[str] | frozenset[str] = frozenset()) -> Path:
    """Back up the file about to be replaced, then save the project atomically (see
    :func:`~pipwriter.model.project_file.save_project`) and return where it was written.

    The backup goes under the project key of the file being replaced (read from its manifest),
    so saving over another article's file keeps that article's history apart. A backup that
    cannot be made (the user's data folder is full) never stops the save itself.
    """
    target = Path(path) if path else project.path
    if target is not None and target.name and target.is_file():
        try:
            backup_file(target, key_of_file(target, project_key(project.article)),
                        title=project.article.title)
        except OSError as error:
            log.warning("could not back up %s: %s", target, error)
    return save_project(project, path, keep_media)
