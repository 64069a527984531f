"""A quick look inside a project file without opening it: its article's title, for lists such
as the start screen's recent articles. Never raises: a file that cannot be read gives ""."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

log = logging.getLogger(__name__)

ARTICLE = "article.json"
PEEK_MAX_BYTES = 8 * 1024 * 1024     # an article.json bigger than this is not read for a title
TITLE_SHOWN = 120                    # characters of a title shown in a list


def peek_title(path: Path | str) -> str:
    """The article's title on one line (cut to TITLE_SHOWN), or "" if it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(ARTICLE)
            if info.file_size > PEEK_MAX_BYTES or info.flag_bits & 0x1:   # huge or encrypted
                return ""
            data = json.loads(archive.read(info).decode("utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError,
            NotImplementedError, EOFError) as error:
        log.info("no title read from %s: %s", path, error)
        return ""
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str):
        return ""
    title = " ".join(title.split())
    return title if len(title) <= TITLE_SHOWN else title[:TITLE_SHOWN - 1].rstrip() + "…"
