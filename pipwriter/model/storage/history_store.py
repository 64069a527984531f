"""Shared helpers for the app's own copies of articles (recovery copies, backups, versions).

Each article has a *project key*, its stable ``Article.id``: it names the folder holding the
article's backups and versions, so they follow the article when its file is renamed or moved.
Copies of one file (Save As) keep the same id and so share their history.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import re
import time
from pathlib import Path

from ..article.article import ARTICLE_ID, Article
from .atomic import write_bytes_atomic
from .project_file import read_manifest

STAMP = "%Y%m%dT%H%M%S-%fZ"             # 20250304T140502-123456Z (UTC), sorts by time
STAMP_RE = re.compile(r"\d{8}T\d{6}-\d{6}Z")
TEMP_MAX_AGE = 3600.0                   # seconds before a left-over temporary file is removed


def project_key(article: Article | str) -> str:
    """The folder name for an article's history: its id, or a hash of an unusual id."""
    ident = article.id if isinstance(article, Article) else str(article)
    if ARTICLE_ID.fullmatch(ident):
        return ident
    return hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def key_of_file(path: Path, fallback: str) -> str:
    """The project key recorded in a project file's manifest, else ``fallback``."""
    manifest = read_manifest(path)
    ident = manifest.get("article_id") if manifest else None
    return project_key(ident) if isinstance(ident, str) and ident else fallback


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def stamp(when: _dt.datetime) -> str:
    return when.astimezone(_dt.timezone.utc).strftime(STAMP)


def parse_stamp(text: str) -> _dt.datetime | None:
    if not STAMP_RE.fullmatch(text):
        return None
    try:
        return _dt.datetime.strptime(text, STAMP).replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return None


def free_stamp(folder: Path, when: _dt.datetime, suffix: str = ".pipw") -> str:
    """A time stamp for a new file in ``folder`` that no existing file uses."""
    while (folder / f"{stamp(when)}{suffix}").exists():
        when += _dt.timedelta(microseconds=1)
    return stamp(when)


def read_meta(path: Path) -> dict:
    """A small JSON side file, or {} when missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_meta(path: Path, data: dict) -> None:
    write_bytes_atomic(path, json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8"))


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def remove_old_temp_files(folder: Path, max_age: float = TEMP_MAX_AGE) -> None:
    """Temporary files left by a write that was cut short (a crash) are removed after a while."""
    limit = time.time() - max_age
    with contextlib.suppress(OSError):
        for item in folder.iterdir():
            if item.name.startswith(".") and item.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if item.stat().st_mtime < limit:
                        item.unlink()


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def local_time(when: _dt.datetime) -> str:
    """'14:05 on Tuesday 4 March 2025' in the computer's time zone."""
    local = when.astimezone()
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"
