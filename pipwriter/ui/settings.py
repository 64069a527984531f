"""Remembered preferences (window layout, text size, recent files) in an ini file under the
platformdirs config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..paths import settings_file

MAX_RECENT = 10


def documents_folder() -> Path:
    """Where a first save or export is offered: the user's Documents folder (the home folder
    only where a system has none)."""
    from PySide6.QtCore import QStandardPaths
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def app_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    value = app_settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in value] if isinstance(value, list) else []


def add_recent_file(path: Path) -> None:
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    settings = app_settings()
    settings.setValue("recent", [str(p) for p in items[:MAX_RECENT]])
    settings.sync()


def remove_recent_file(path: Path) -> None:
    settings = app_settings()
    settings.setValue("recent", [str(p) for p in recent_files() if p != Path(path)])
    settings.sync()


def text_size() -> float:
    value = app_settings().value("text_size", 0)
    try:
        return float(value or 0) if isinstance(value, (str, int, float)) else 0.0
    except ValueError:
        return 0.0


def set_text_size(points: float) -> None:
    settings = app_settings()
    settings.setValue("text_size", points)
    settings.sync()
