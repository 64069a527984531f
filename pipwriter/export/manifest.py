"""``manifest.json``: every file of the bundle with its size and SHA-256, so a co-author can check
that what they received is complete and unchanged (:func:`verify_bundle`).

Paths are relative to the bundle folder, with "/" separators on every system. The manifest does
not list itself.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import APP_NAME, __version__
from .errors import ExportCancelled

MANIFEST_NAME = "manifest.json"
FORMAT = "pipwriter-bundle"
FORMAT_VERSION = 1
CHUNK = 1 << 20


@dataclass(frozen=True)
class FileEntry:
    path: str        # relative, "/"-separated
    size: int
    sha256: str
    description: str = ""

    def to_json(self) -> dict:
        entry = {"path": self.path, "size": self.size, "sha256": self.sha256}
        if self.description:
            entry["description"] = self.description
        return entry


def file_digest(path: Path, cancelled: Callable[[], bool] | None = None) -> tuple[int, str]:
    """(size, sha256 hex) of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with Path(path).open("rb") as handle:
        while chunk := handle.read(CHUNK):
            if cancelled and cancelled():
                raise ExportCancelled
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def entry_for(folder: Path, path: Path, description: str = "",
              cancelled: Callable[[], bool] | None = None) -> FileEntry:
    size, digest = file_digest(path, cancelled)
    return FileEntry(path.relative_to(folder).as_posix(), size, digest, description)


def manifest_json(entries: Iterable[FileEntry], *, title: str, authors: list[str],
                  draft: bool, created: _dt.datetime | None = None) -> str:
    created = (created or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0)
    data = {"format": FORMAT, "format_version": FORMAT_VERSION,
            "made_by": f"{APP_NAME} {__version__}", "created": created.isoformat(),
            "title": title, "authors": authors, "draft": draft,
            "how_to_check": "Each file's size and SHA-256 checksum are listed. Compare them "
                            "with any checksum tool, for example 'certutil -hashfile FILE "
                            "SHA256' on Windows or 'shasum -a 256 FILE' on a Mac.",
            "files": [e.to_json() for e in entries]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def verify_bundle(folder: Path) -> list[str]:
    """Problems found comparing the bundle folder with its manifest ([] when all is well)."""
    folder = Path(folder)
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return [f"The bundle has no readable {MANIFEST_NAME}, so it cannot be checked."]
    problems = []
    listed = set()
    for item in files:
        rel = str(item.get("path", ""))
        listed.add(rel)
        target = folder / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            problems.append(f"The manifest names an unsafe path: {rel}")
            continue
        if not target.is_file():
            problems.append(f"Missing: {rel}")
            continue
        size, digest = file_digest(target)
        if size != item.get("size") or digest != item.get("sha256"):
            problems.append(f"Changed since export: {rel}")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel != MANIFEST_NAME and rel not in listed:
            problems.append(f"Not in the manifest: {rel}")
    return problems
