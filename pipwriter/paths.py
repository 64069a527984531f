"""Per-user folders (Qt-free): settings, personal dictionary, recovery copies and backups.

PlatformDirs without a version in the path, so data survives upgrades. PIPWRITER_USER_DIR puts
everything under one folder instead (used by the tests and by portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("pipwriter", appauthor=False)


def _base(kind: str) -> Path:
    override = os.environ.get("PIPWRITER_USER_DIR")
    if override:
        return Path(override) / kind
    return Path(_DIRS.user_config_dir if kind == "config" else _DIRS.user_data_dir)


def config_dir() -> Path:
    path = _base("config")
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    path = _base("data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_dictionary_path() -> Path:
    return data_dir() / "dictionary.txt"


def recovery_dir() -> Path:
    path = data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_file() -> Path:
    return config_dir() / "settings.ini"
