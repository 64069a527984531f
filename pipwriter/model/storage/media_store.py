"""The bytes of attached files, named by content so the same photo is stored once.

A stored file comes from memory (just imported), from a file on disk (a big clip, copied only
when the project is saved) or from a member of the project's zip (read only when needed, so
opening a project with 50 MB of media stays quick and light).

While an article is open in the app, :meth:`MediaStore.keep_private` copies every attached file
into a private folder of the app's own (and every file attached later goes there too), so the
pictures never depend on the user's file: a USB stick pulled out, or the file replaced by a
sync client, cannot stop Save As. Large files held in memory are spilled there too.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

CHUNK = 1 << 20
SPILL_BYTES = 4 << 20   # in private mode, files held in memory above this size go to disk

log = logging.getLogger(__name__)


class HasMedia(Protocol):
    """An article, as far as the media store needs it: the stored files it uses."""

    def media_refs(self) -> list[Any]: ...


class Writable(Protocol):
    """Where :meth:`MediaStore.copy_to` writes: a file, a zip member, a hashing wrapper."""

    def write(self, data: bytes, /) -> int: ...


@dataclass(frozen=True)
class _InZip:
    """A stored file read from a member of a project file (a zip): the zip's path, the member's
    name and its size in bytes."""

    zip_path: Path
    member: str
    size: int


class MediaStore:
    def __init__(self) -> None:
        self._sources: dict[str, bytes | Path | _InZip] = {}
        self._private: Path | None = None     # see keep_private
        self._checked: dict[str, tuple[object, object, str]] = {}   # see damage()

    # --- keeping media where the app can always reach them ------------------------------
    @property
    def private_folder(self) -> Path | None:
        return self._private

    def keep_private(self, folder: Path) -> list[str]:
        """Copy every attached file that lives in another file (the project's zip, a clip on
        disk) or is large and in memory into ``folder``, and read it from there from now on;
        files attached later are copied there as they come. Returns the names that could not
        be copied (they are still read from where they were; the disk may be full)."""
        self._private = Path(folder)
        self._private.mkdir(parents=True, exist_ok=True)
        failed = []
        for name in list(self._sources):
            if not self._keep(name):
                failed.append(name)
        return failed

    def _is_private(self, source: object) -> bool:
        return isinstance(source, Path) and self._private is not None \
            and source.parent == self._private

    def _keep(self, name: str) -> bool:
        """Copy one stored file into the private folder (True when it is there)."""
        source = self._sources[name]
        if self._private is None or self._is_private(source):
            return True
        if isinstance(source, bytes) and len(source) <= SPILL_BYTES:
            return True
        target = self._private / name
        part = target.with_name(f".{name}.part")
        try:
            with part.open("wb") as out:
                self.copy_to(name, out)
            os.replace(part, target)
        except (OSError, zipfile.BadZipFile, ValueError, EOFError, KeyError,
                NotImplementedError) as error:
            log.warning("could not keep %s in %s: %s", name, self._private, error)
            with contextlib.suppress(OSError):
                part.unlink()
            return False
        self._sources[name] = target
        return True

    # --- adding ---------------------------------------------------------------------
    @staticmethod
    def _name(digest: str, extension: str) -> str:
        ext = "".join(ch for ch in extension.lower().lstrip(".") if ch.isalnum())[:8] or "bin"
        return f"{digest[:24]}.{ext}"

    def add_bytes(self, data: bytes, extension: str) -> str:
        name = self._name(hashlib.sha256(data).hexdigest(), extension)
        if name not in self._sources:
            self._sources[name] = bytes(data)
            self._keep(name)
        return name

    def add_file(self, path: Path, extension: str | None = None) -> str:
        """Refer to a file on disk (hashed in chunks, not read into memory)."""
        path = Path(path)
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        name = self._name(digest.hexdigest(), extension or path.suffix)
        if name not in self._sources:
            self._sources[name] = path
            self._keep(name)
        return name

    def add_zip_member(self, name: str, zip_path: Path, member: str, size: int) -> None:
        """Read ``name`` from a member of a project file. A file already kept privately stays
        where it is (names are content hashes: the member holds the same bytes)."""
        if self._is_private(self._sources.get(name)):
            return
        self._sources[name] = _InZip(Path(zip_path), member, size)
        self._keep(name)

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

    def copy_to(self, name: str, out: Writable) -> None:
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

    def damage(self, name: str, picture: bool) -> str:
        """Why the stored file ``name`` cannot be used, or "" when it can.

        "damaged": it cannot be read back whole (a member of the project file whose checksum
        is wrong, cut short or unreadable); "not a picture": ``picture`` is set and its first
        bytes are not those of a JPEG, PNG, GIF, WebP, TIFF or BMP. The whole file is read
        once, in pieces (memory stays small); the answer is kept until the file changes.
        """
        source = self._sources[name]
        stamp = _stamp(source)
        cached = self._checked.get(name)
        if cached is not None and cached[0] is source and cached[1] == stamp:
            return cached[2]
        try:
            head = _read_through(source)
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, RuntimeError,
                NotImplementedError, ValueError):
            problem = "damaged"
        else:
            problem = "not a picture" if picture and not is_picture(head) else ""
        self._checked[name] = (source, stamp, problem)
        return problem

    def forget_except(self, keep: set[str]) -> None:
        for name in [n for n in self._sources if n not in keep]:
            del self._sources[name]


_PICTURE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a",
                  b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


def is_picture(head: bytes) -> bool:
    """Whether ``head`` (a file's first 16 bytes) starts a picture the app stores."""
    return head.startswith(_PICTURE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") \
        or (head[:2] == b"BM" and len(head) >= 14)


def _stamp(source: bytes | Path | _InZip) -> tuple[float, int] | None:
    """What changes when a stored file's bytes may have changed (its file's time and size)."""
    if isinstance(source, bytes):
        return None
    path = source if isinstance(source, Path) else source.zip_path
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def _read_through(source: bytes | Path | _InZip) -> bytes:
    """The first 16 bytes of a stored file. A member of a zip is read to its end, so that its
    checksum is checked; a file on disk or in memory has none, and only its start is read."""
    if isinstance(source, bytes):
        return source[:16]
    if isinstance(source, Path):
        with source.open("rb") as handle:
            return handle.read(16)
    with zipfile.ZipFile(source.zip_path) as archive, archive.open(source.member) as member:
        head = member.read(16)
        while member.read(CHUNK):       # zipfile checks the CRC-32 at the end
            pass
    return head


def carry_media(article: HasMedia, source: MediaStore, target: MediaStore) -> None:
    """Copy into ``target`` the attached files ``article`` uses that only ``source`` has (a
    photo their copy added, a picture of a version being restored)."""
    for ref in article.media_refs():
        if ref.name not in target and ref.name in source:
            suffix = ref.name.rsplit(".", 1)[-1] if "." in ref.name else "bin"
            target.add_bytes(source.read(ref.name), suffix)
