"""Where the bundled data files are, both from a source checkout and in a frozen (PyInstaller) app."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder. PIPWRITER_RESOURCES overrides it (used by tests and tools)."""
    override = os.environ.get("PIPWRITER_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    installed = Path(sys.prefix) / "share" / "pipwriter" / "resources"   # pip install .
    for candidate in (here.parent / "resources", installed):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
