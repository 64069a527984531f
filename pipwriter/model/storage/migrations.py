"""Upgrading project files written by older versions of the format.

``MIGRATIONS[n]`` turns the article JSON of format ``n`` into format ``n + 1``. Loading applies
them in turn up to :data:`FORMAT_VERSION`, so an old file always opens in a new app.
"""

from __future__ import annotations

from collections.abc import Callable

FORMAT_VERSION = 1
FORMAT_NAME = "pipwriter-project"

Migration = Callable[[dict], dict]
MIGRATIONS: dict[int, Migration] = {
    # Format 1 is the first released format; add upgrades here as the format changes, e.g.
    # 1: _from_1_to_2,
}


def migrate(article: dict, from_version: int, to_version: int | None = None,
            migrations: dict[int, Migration] | None = None) -> dict:
    steps = MIGRATIONS if migrations is None else migrations
    for version in range(from_version, FORMAT_VERSION if to_version is None else to_version):
        if version not in steps:
            raise KeyError(version)
        article = steps[version](article)
    return article
