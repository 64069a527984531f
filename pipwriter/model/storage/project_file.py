"""Reading and writing ``.pipw`` project files (see docs/file-format.md).

A project file is a zip holding ``manifest.json``, ``article.json`` and ``media/<name>``. Saving
is atomic: the whole new file is written beside the old one and swapped in only when complete.
Loading checks everything and fails with one clear :class:`ProjectFileError` sentence: never a
traceback, and nothing is written while loading.
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import itertools
import json
import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from ... import __version__
from ..article.article import Article, over_limits
from ..article.text import REPLACEMENT, repair_surrogates
from ..errors import DamagedProjectError, DataError, NewerFormatError, ProjectFileError
from ..rules.media_rules import CLIP_MAX_BYTES
from .atomic import atomic_writer
from .media_store import MediaStore, Writable
from .migrations import FORMAT_NAME, FORMAT_VERSION, migrate
from .project import Project

MANIFEST = "manifest.json"
ARTICLE = "article.json"
MEDIA_DIR = "media/"
MAX_JSON_BYTES = 64 * 1024 * 1024      # article.json or manifest uncompressed
MAX_MEMBERS = 10_000
MAX_RATIO = 200                         # uncompressed / compressed: more is a "zip bomb"
MAX_MEDIA_BYTES = CLIP_MAX_BYTES        # no attached file the app accepts is bigger (1 GiB)
MAX_INFLATED_MEDIA = 256 * 1024 * 1024  # all media compressed more than MAX_RATIO, together
_STORED_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "mp4", "m4a", "mp3", "mov", "zip"}


def _problem(path: Path, what: str) -> ProjectFileError:
    return ProjectFileError(f"'{path.name}' {what}")


def _shown(name: str) -> str:
    """A name from inside a file, fit for a message: one line, printable, not too long."""
    return "".join(c if c.isprintable() else "?" for c in name[:80])


def _safe_member(name: str) -> bool:
    if not name or "\\" in name or name.startswith("/") or ":" in name.split("/")[0]:
        return False
    parts = name.split("/")
    return ".." not in parts and posixpath.normpath(name) == name.rstrip("/")


# Where a JSON text can hold half a character: an escape \uD800-\uDFFF, or its UTF-8 bytes
# written one by one (ED A0-BF ..). A text without any is returned as it is, unwalked.
_HALF_CHARACTER = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")


def _repaired(data: object) -> tuple[object, bool]:
    """``data`` (parsed JSON) with every string's broken UTF-16 halves repaired (see
    :func:`~pipwriter.model.article.text.repair_surrogates`), and whether anything was repaired."""
    changed = False

    def fix(value: object) -> object:
        nonlocal changed
        if isinstance(value, str):
            fixed = repair_surrogates(value)
            changed = changed or fixed is not value
            return fixed
        if isinstance(value, list):
            return [fix(item) for item in value]
        if isinstance(value, dict):
            return {fix(key): fix(item) for key, item in value.items()}
        return value
    return fix(data), changed


def _read_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path,
               repair: bool = False) -> tuple[object, bool]:
    """The parsed member, and (with ``repair``) whether broken characters were repaired."""
    if info.flag_bits & 0x1:
        raise _locked(path)
    # Only the size counts, not how well it compressed: the app itself writes text that repeats
    # (and compresses 1000:1), and never more than MAX_JSON_BYTES is unpacked anyway.
    if info.file_size > MAX_JSON_BYTES:
        raise _problem(path, f"is damaged: '{_shown(info.filename)}' is implausibly large.")
    with archive.open(info) as handle:     # never unpack more than the size it declares
        raw = handle.read(min(info.file_size, MAX_JSON_BYTES) + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise _problem(path, f"is damaged: '{_shown(info.filename)}' is implausibly large.")
    try:
        # surrogatepass: halves of a character written one by one (as some tools do) are read,
        # then joined or replaced by _repaired
        data = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _problem(path, f"is damaged: '{_shown(info.filename)}' cannot be read.") from None
    if repair and _HALF_CHARACTER.search(raw):
        return _repaired(data)
    return data, False


def _locked(path: Path) -> ProjectFileError:
    return _problem(path, "is locked with a password (encrypted), which PiP Writer never does, "
                          "so it was not opened. Ask whoever sent it for the original file.")


def _check_members(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse what PiP Writer never writes and no reader should guess at: unsafe or repeated
    names, encrypted members, and attached files too big to be real (a "zip bomb")."""
    if len(infos) > MAX_MEMBERS:
        raise _problem(path, "is damaged: it holds far too many files.")
    seen: set[str] = set()
    inflated = 0
    for info in infos:
        name = info.filename
        if not _safe_member(name):
            raise _problem(path, f"contains an unsafe file name ('{_shown(name)}') "
                                 "and was not opened, to protect your computer.")
        if name in seen:        # zip readers disagree on which copy counts: read neither
            raise DamagedProjectError(f"'{path.name}' is damaged: it holds '{_shown(name)}' "
                                      "twice, so which one is right cannot be told.")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise _locked(path)
        if not name.startswith(MEDIA_DIR):
            continue
        if info.file_size > MAX_MEDIA_BYTES:
            raise _problem(path, f"is damaged: '{_shown(name)}' is implausibly large.")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            inflated += info.file_size
            if inflated > MAX_INFLATED_MEDIA:
                raise _problem(path, f"is damaged: '{_shown(name)}' is implausibly large.")


def load_project(path: Path | str) -> Project:
    """Open a project file, or raise ProjectFileError with a message for the user."""
    path = Path(path)
    if path.is_dir():
        raise _problem(path, "is a folder, not a PiP Writer project file.")
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except FileNotFoundError:
        raise _problem(path, "was not found. It may have been moved, renamed or deleted.") from None
    except OSError as error:
        raise _problem(path, f"could not be opened: {error.strerror or error}.") from None
    if not head:
        raise _problem(path, "is empty. It may have been damaged when it was copied or saved.")
    if not head.startswith(b"PK"):
        raise _problem(path, "is not a PiP Writer project file.")
    try:
        return _load_zip(path)
    except ProjectFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
            ValueError, RuntimeError):      # RuntimeError: zipfile's "password required";
        # RecursionError (a RuntimeError) for JSON nested thousands deep
        raise DamagedProjectError(f"'{path.name}' is damaged or incomplete (perhaps cut short "
                                  "while copying) and cannot be opened.") from None
    except OSError as error:
        raise _problem(path, f"could not be read: {error.strerror or error}.") from None


def _load_zip(path: Path) -> Project:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        _check_members(path, infos)
        members = {info.filename: info for info in infos}
        if MANIFEST not in members:
            if "word/document.xml" in members:
                raise _problem(path, "is a Word document, not a PiP Writer project. "
                                     "Use File › Import a Word draft… to bring it in.")
            raise _problem(path, "is not a PiP Writer project file.")
        manifest, _ = _read_json(archive, members[MANIFEST], path)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise _problem(path, "is not a PiP Writer project file.")
        version = manifest.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _problem(path, "is damaged: its format version is unreadable.")
        if version > FORMAT_VERSION:
            raise NewerFormatError(
                f"'{path.name}' was saved by a newer PiP Writer "
                f"({manifest.get('app_version', 'unknown version')}). Install the latest "
                f"PiP Writer to open it; this copy is version {__version__}.")
        if ARTICLE not in members:
            raise _problem(path, "is damaged: the article text is missing from it.")
        data, repaired = _read_json(archive, members[ARTICLE], path, repair=True)
        if version < FORMAT_VERSION:
            if not isinstance(data, dict):
                raise _problem(path, "is damaged: the article text cannot be read.")
            try:
                data = migrate(data, version, FORMAT_VERSION)
            except (KeyError, TypeError, ValueError):
                raise _problem(path, f"uses an old format (version {version}) that this "
                                     "PiP Writer cannot upgrade.") from None
        try:
            article = Article.from_json(data)
        except DataError as error:
            raise _problem(path, f"is damaged and cannot be opened: {error}.") from None
        project = Project(article, path=path)
        saved_at = manifest.get("saved_at")
        project.saved_at = saved_at if isinstance(saved_at, str) else ""
        project.warnings.extend(over_limits(article))
        saved_by = manifest.get("app_version")
        if isinstance(saved_by, str) and _release(saved_by) > _release(__version__):
            project.warnings.append(
                f"'{path.name}' was saved by a newer PiP Writer ({saved_by[:20]}); this one is "
                f"{__version__}. If the newer one added things this one does not know about, "
                "saving here leaves them out. To keep them, save the article in the newer "
                "PiP Writer, or install it here.")
        if repaired:
            project.warnings.append(
                f"Some characters in '{path.name}' were broken and could not be kept; each is "
                f"shown as {REPLACEMENT}. Check the text around them before you send the article.")
        ancestry = manifest.get("ancestry", [])
        project.ancestry = [a for a in ancestry if isinstance(a, dict)] \
            if isinstance(ancestry, list) else []
        for name, info in members.items():
            if name.startswith(MEDIA_DIR) and not name.endswith("/"):
                project.media.add_zip_member(name[len(MEDIA_DIR):], path, name, info.file_size)
    for name in project.missing_media():
        project.warnings.append(f"An attached file ({name}) is missing from the project. "
                                "Attach the picture or clip again.")
    return project


def _release(version: str) -> tuple[int, ...]:
    """"0.10.2" -> (0, 10, 2); what is not a number ends it ("1.2rc1" -> (1, 2))."""
    numbers = []
    for part in version.split("."):
        digits = "".join(itertools.takewhile(str.isdigit, part))
        if not digits:
            break
        numbers.append(int(digits))
        if digits != part:
            break
    return tuple(numbers)


def _manifest(template_id: str, article_id: str, ancestry: list[dict],
              media: list[tuple[str, int, str]]) -> dict:
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "app_version": __version__,
            "saved_at": now, "template_id": template_id, "article_id": article_id,
            "article": ARTICLE, "ancestry": ancestry,
            "media": [{"name": n, "size": s, "sha256": h} for n, s, h in media]}


class _HashingWriter:
    def __init__(self, out: Writable) -> None:
        self.out, self.size, self.digest = out, 0, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self.digest.update(data)
        return self.out.write(data)


def save_project(project: Project, path: Path | str | None = None,
                 keep_media: set[str] | frozenset[str] = frozenset()) -> Path:
    """Write the project atomically to ``path`` (default: its own path) and return the path.

    Media the article uses are written, plus ``keep_media`` (files an open editor's undo history
    may bring back); the rest are dropped. On failure the old file is untouched and
    ProjectFileError says why in plain words.
    """
    target = Path(path or project.path or "")
    missing = set(project.missing_media())
    used = {ref.name for ref in project.article.media_refs()} - missing
    names = sorted(used | {n for n in keep_media if n in project.media})
    article_json = json.dumps(project.article.to_json(), ensure_ascii=False, indent=1)
    written = _write(target, article_json, project.media, names, project.article.template_id,
                     project.article.id, project.ancestry)
    for name, size, _digest in written:
        project.media.add_zip_member(name, target, MEDIA_DIR + name, size)
    project.media.forget_except(set(names) | missing)
    project.path = target
    return target


def write_project_json(target: Path | str, article_json: str, media: MediaStore,
                       media_names: list[str], template_id: str, article_id: str,
                       ancestry: list[dict] | None = None) -> Path:
    """Write a project file from an article already turned into JSON text (atomically).

    For writing from a worker thread: the caller takes the snapshot (the JSON text and a
    :func:`media_snapshot`) on its own thread; nothing here touches a live Project.
    """
    target = Path(target)
    _write(target, article_json, media, sorted(media_names), template_id, article_id,
           list(ancestry or []))
    return target


def media_snapshot(media: MediaStore, names: list[str] | set[str]) -> MediaStore:
    """A new store sharing the (immutable) sources of ``names``: safe to read on another thread
    while the original store keeps changing."""
    copy = MediaStore()
    sources = media._sources  # same package; each source is an immutable value
    copy._sources = {name: sources[name] for name in names if name in sources}
    return copy


def read_manifest(path: Path | str) -> dict | None:
    """The manifest of a project file, or None when it cannot be read (never raises)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MANIFEST)
            data, _ = _read_json(archive, info, Path(path))
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile,
            zlib.error, NotImplementedError, ProjectFileError):
        return None
    return data if isinstance(data, dict) else None


def _write(target: Path, article_json: str, media: MediaStore, names: list[str],
           template_id: str, article_id: str, ancestry: list[dict]) -> list[tuple[str, int, str]]:
    if not target.name:
        raise ProjectFileError("Choose where to save the article first.")
    article_json = repair_surrogates(article_json)   # a broken character never stops a save
    try:
        with atomic_writer(target) as handle, zipfile.ZipFile(handle, "w") as archive:
            archive.writestr(ARTICLE, article_json, compress_type=zipfile.ZIP_DEFLATED)
            written = []
            for name in names:
                ext = name.rsplit(".", 1)[-1].lower()
                method = zipfile.ZIP_STORED if ext in _STORED_EXTENSIONS else zipfile.ZIP_DEFLATED
                info = zipfile.ZipInfo(MEDIA_DIR + name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = method
                with archive.open(info, "w", force_zip64=True) as member:
                    counter = _HashingWriter(member)
                    _copy_media(media, name, counter, target)
                written.append((name, counter.size, counter.digest.hexdigest()))
            manifest = _manifest(template_id, article_id, ancestry, written)
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1),
                             compress_type=zipfile.ZIP_DEFLATED)
    except PermissionError:
        raise ProjectFileError(
            f"PiP Writer may not write to '{target.parent}', or '{target.name}' is open in "
            "another program.") from None
    except OSError as error:
        # what to do is the caller's to say (the window offers another place at once); found
        # by a walk: "free some space" for a disk that can only be read, "use Save As" in Save
        # As itself, and "your text is safe" twice in one message
        room = " Making room on the disk would let it save there." \
            if getattr(error, "errno", None) == errno.ENOSPC else ""
        raise ProjectFileError(f"'{target.name}' could not be saved: {_reason(error, target)}."
                               f"{room}") from None
    return written


def _copy_media(media: MediaStore, name: str, out: _HashingWriter, target: Path) -> None:
    """Copy one attached file; a source that is damaged or gone is named, not a traceback."""
    damaged = (f"An attached picture or clip ({name}) is damaged where it is kept and could "
               f"not be copied, so '{target.name}' was not saved. Remove it from the article "
               "and attach it again.")
    try:
        media.copy_to(name, out)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, NotImplementedError,
            ValueError):
        raise ProjectFileError(damaged) from None
    except OSError as error:
        source = getattr(error, "filename", None)
        if source and Path(str(source)).parent != target.parent:
            raise ProjectFileError(
                f"An attached picture or clip could not be read from '{source}' (it may have "
                f"been moved or deleted), so '{target.name}' was not saved. Attach it again, "
                "or remove it from the article.") from None
        raise


def _reason(error: OSError, target: Path) -> str:
    """Why a write failed, in words for the user."""
    number = getattr(error, "errno", None)
    if number == errno.ENOSPC:
        return "the disk is full"
    if number == errno.EROFS:
        return "the disk can only be read, not written to (a locked USB stick or a shared folder?)"
    if number == errno.ENOENT:
        return (f"the folder '{target.parent}' is no longer there (was it on a USB stick that "
                "was removed, or was it moved?)")
    if number == errno.EIO:
        return "the disk stopped responding (was a USB stick or network drive removed?)"
    return error.strerror or str(error)
