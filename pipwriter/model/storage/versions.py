"""Named versions: a copy of the article the user chose to keep ("sent to my co-author").

``data_dir()/versions/<project key>/<UTC time>.pipw`` with ``.json`` beside it::

    {"name": "sent to my co-author for comments", "title": "...", "source": "/path/file.pipw",
     "words": 1432}

Versions are never thinned; the user deletes them.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path

from ...paths import data_dir
from ..errors import PipError
from .history_store import (
    free_stamp,
    local_time,
    parse_stamp,
    project_key,
    read_meta,
    remove_old_temp_files,
    remove_quietly,
    utc_now,
    write_meta,
)
from .media_store import MediaStore
from .project import Project
from .project_file import load_project, media_snapshot, write_project_json

MAX_NAME = 200


@dataclass(frozen=True)
class Version:
    path: Path
    created: _dt.datetime        # UTC
    name: str
    title: str = ""
    source: str = ""
    words: int | None = None

    @property
    def meta_path(self) -> Path:
        return self.path.with_suffix(".json")

    def label(self) -> str:
        words = f" · {self.words:,} words" if self.words is not None else ""
        return f"{self.name} — {local_time(self.created)}{words}"


def versions_root() -> Path:
    return data_dir() / "versions"


def versions_dir(key: str) -> Path:
    return versions_root() / key


def clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise PipError("Give the version a name, for example “sent to my co-author”.")
    return name[:MAX_NAME]


def save_version(key: str, name: str, article_json: str, media: MediaStore,
                 media_names: list[str], template_id: str, article_id: str, title: str = "",
                 source: str = "", words: int | None = None) -> Version:
    """Keep the article (already turned into JSON text) as a named version."""
    name = clean_name(name)
    folder = versions_dir(key)
    folder.mkdir(parents=True, exist_ok=True)
    now = utc_now()
    stem = free_stamp(folder, now)
    target = write_project_json(folder / f"{stem}.pipw", article_json, media, media_names,
                                template_id, article_id)
    write_meta(target.with_suffix(".json"), {"name": name, "title": title, "source": source,
                                             "words": words})
    return Version(target, parse_stamp(stem) or now, name, title, source, words)


def save_project_version(project: Project, name: str, words: int | None = None) -> Version:
    """Keep a project as it is in memory as a named version."""
    article = project.article
    names = sorted({r.name for r in article.media_refs()} & set(project.media.names()))
    return save_version(project_key(article), name,
                        json.dumps(article.to_json(), ensure_ascii=False),
                        media_snapshot(project.media, names), names, article.template_id,
                        article.id, article.title, str(project.path or ""), words)


def list_versions(key: str) -> list[Version]:
    """The article's named versions, newest first."""
    folder = versions_dir(key)
    if not folder.is_dir():
        return []
    remove_old_temp_files(folder)
    found = []
    for path in folder.glob("*.pipw"):
        created = parse_stamp(path.stem)
        if created is None:
            continue
        meta = read_meta(path.with_suffix(".json"))
        words = meta.get("words")
        found.append(Version(path, created, str(meta.get("name") or "Unnamed version"),
                             str(meta.get("title") or ""), str(meta.get("source") or ""),
                             words if isinstance(words, int) and not isinstance(words, bool)
                             else None))
    return sorted(found, key=lambda v: v.created, reverse=True)


def versions_of_file(path: Path | str) -> list[Version]:
    """Every named version of the article in the file at ``path`` (found even when the file
    cannot be read, see :func:`pipwriter.model.storage.backups.keys_of_file`), newest first."""
    from .backups import keys_of_file
    found = [v for key in keys_of_file(path) for v in list_versions(key)]
    return sorted(found, key=lambda v: v.created, reverse=True)


def open_version(version: Version) -> Project:
    """Load a version (ProjectFileError if it cannot be read); its path is left unset so it
    can never be saved over anything by accident."""
    project = load_project(version.path)
    project.path = None
    return project


def delete_version(version: Version) -> None:
    remove_quietly(version.path, version.meta_path)
