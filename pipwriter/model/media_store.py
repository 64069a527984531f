"""The bytes of attached files, named by content so the same photo is stored once.

A stored file comes from memory (just imported), from a file on disk (a big clip, copied only
when the project is saved) or from a member of the project's zip (read only when needed, so
opening a project with 50 MB of media stays quick and light).
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


@dataclass(frozen=True)
class _InZip:
    zip_path: Path
    member: str
    size: int


class MediaStore:
    def __init__(self) -> None:
        self._sources: dict[str, bytes | Path | _InZip] = {}

    # --- adding ---------------------------------------------------------------------
    @staticmethod
    def _name(digest: str, extension: str) -> str:
        ext = "".join(ch for ch in extension.lower().lstrip(".") if ch.isalnum())[:8] or "bin"
        return f"{digest[:24]}.{ext}"

    def add_bytes(self, data: bytes, extension: str) -> str:
        name = self._name(hashlib.sha256(data).hexdigest(), extension)
        self._sources.setdefault(name, bytes(data))
        return name

    def add_file(self, path: Path, extension: str | None = None) -> str:
        """Refer to a file on disk (hashed in chunks, not read into memory)."""
        path = Path(path)
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        name = self._name(digest.hexdigest(), extension or path.suffix)
        self._sources.setdefault(name, path)
        return name

    def add_zip_member(self, name: str, zip_path: Path, member: str, size: int) -> None:
        self._sources[name] = _InZip(Path(zip_path), member, size)

    # --- reading --------------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self._sources)

    def __contains__(self, name: object) -> bool:
        return name in self._sources

    def size(self, name: str) -> int:
        source = self._sources[name]
        if isinstance(source, bytes):
            return len(source)
        if isinstance(source, Path):
            return source.stat().st_size
        return source.size

    def read(self, name: str) -> bytes:
        source = self._sources[name]
        if isinstance(source, bytes):
            return source
        if isinstance(source, Path):
            return source.read_bytes()
        with zipfile.ZipFile(source.zip_path) as archive:
            return archive.read(source.member)

    def copy_to(self, name: str, out: BinaryIO) -> None:
        """Stream one stored file into ``out`` without holding it all in memory."""
        source = self._sources[name]
        if isinstance(source, bytes):
            out.write(source)
        elif isinstance(source, Path):
            with source.open("rb") as handle:
                shutil.copyfileobj(handle, out, CHUNK)
        else:
            with zipfile.ZipFile(source.zip_path) as archive, archive.open(source.member) as src:
                shutil.copyfileobj(src, out, CHUNK)

    def export_file(self, name: str, target: Path) -> None:
        with Path(target).open("wb") as out:
            self.copy_to(name, out)

    def forget_except(self, keep: set[str]) -> None:
        for name in [n for n in self._sources if n not in keep]:
            del self._sources[name]
