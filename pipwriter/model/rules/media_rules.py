"""Rules for attaching illustrations and media clips, without Qt.

Clip sizes:

* ``CLIP_MAX_BYTES`` (1 GB) is a hard limit. Bigger files are refused with a message suggesting a
  link instead: a project file that large is hard to e-mail, back up or open on an old laptop.
* Over the template's ``rules.clip_size_warning_mb`` (100 MB in the Partnership in Practice
  template; ``DEFAULT_CLIP_WARNING_MB`` if a template does not say) the clip is attached but a
  warning says it may be too big to send, and suggests a link.

Clip files are recognised by their extension (``CLIP_TYPES``) *and* by their first bytes, so a
renamed text file is refused with a clear message rather than attached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import PipError
from .series_rules import SeriesRules

CLIP_MAX_BYTES = 1024 ** 3
DEFAULT_CLIP_WARNING_MB = SeriesRules.clip_size_warning_mb
MB = 1024 * 1024

# extension -> (kind, mime)
CLIP_TYPES: dict[str, tuple[str, str]] = {
    "mp4": ("video", "video/mp4"), "m4v": ("video", "video/x-m4v"),
    "mov": ("video", "video/quicktime"), "webm": ("video", "video/webm"),
    "mp3": ("audio", "audio/mpeg"), "m4a": ("audio", "audio/mp4"),
    "wav": ("audio", "audio/wav"), "ogg": ("audio", "audio/ogg"),
}


class MediaRuleError(PipError):
    """A clip, link or illustration cannot be added; str() says why and what to do."""


# --- sizes ------------------------------------------------------------------------------------
def format_size(size: int) -> str:
    """A size as people read it: "820 bytes", "14 KB", "3.2 MB", "1.5 GB"."""
    if size < 1024:
        return f"{size} bytes"
    for unit, factor in (("GB", 1024 ** 3), ("MB", MB), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            return f"{text.removesuffix('.0')} {unit}"
    return f"{size} bytes"  # pragma: no cover - the loop always returns


def clip_size_warning(size: int, warning_mb: int = DEFAULT_CLIP_WARNING_MB) -> str:
    """A warning for a big attached clip, or "" if its size is fine."""
    if size <= warning_mb * MB:
        return ""
    return (f"This clip is {format_size(size)}, more than {warning_mb} MB. The project file and "
            "the submission may be too big to e-mail; consider putting the clip online "
            "(for example on your organisation's video channel) and adding a link instead.")


# --- clip files -------------------------------------------------------------------------------
def clip_file_filter() -> str:
    patterns = " ".join(f"*.{ext}" for ext in CLIP_TYPES)
    return f"Audio and video clips ({patterns});;All files (*)"


def _looks_like(extension: str, head: bytes) -> bool:
    if extension in ("mp4", "m4v", "mov", "m4a"):
        box = head[4:8]
        return box in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
    if extension == "webm":
        return head.startswith(b"\x1a\x45\xdf\xa3")
    if extension == "mp3":
        return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF
                                          and head[1] & 0xE0 == 0xE0)
    if extension == "wav":
        return head.startswith(b"RIFF") and head[8:12] == b"WAVE"
    if extension == "ogg":
        return head.startswith(b"OggS")
    return False


@dataclass
class ClipCheck:
    """A clip file that passed :func:`check_clip_file`: its kind, MIME type, size in bytes and any
    warnings for the user."""

    kind: str          # "video" or "audio"
    mime: str
    size: int
    warnings: list[str] = field(default_factory=list)


def check_clip_file(path: Path | str, warning_mb: int = DEFAULT_CLIP_WARNING_MB,
                    max_bytes: int = CLIP_MAX_BYTES) -> ClipCheck:
    """Check a file chosen as a clip (reading only its first bytes) or raise MediaRuleError."""
    path = Path(path)
    name = path.name
    extension = path.suffix.lower().lstrip(".")
    if extension not in CLIP_TYPES:
        known = ", ".join(e.upper() for e in CLIP_TYPES)
        raise MediaRuleError(f"'{name}' is not a kind of clip PiP Writer can attach. Use an audio "
                             f"or video file ({known}), or add a link to the clip instead.")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MediaRuleError(f"'{name}' was not found. It may have been moved or deleted.") \
            from None
    except OSError as error:
        raise MediaRuleError(f"'{name}' could not be read: {error.strerror or error}.") from None
    if not path.is_file():
        raise MediaRuleError(f"'{name}' is a folder, not a clip.")
    size = info.st_size
    if size > max_bytes:
        raise MediaRuleError(
            f"'{name}' is {format_size(size)}, over the {format_size(max_bytes)} that PiP Writer "
            "can keep in a project. Put the clip online (for example on your organisation's "
            "video channel) and add a link to it instead, or attach a shorter clip.")
    if size == 0:
        raise MediaRuleError(f"'{name}' is empty. It may have been damaged when it was copied.")
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise MediaRuleError(f"'{name}' could not be read: {error.strerror or error}. "
                             "Check that you may open it, or copy it to your computer "
                             "first.") from None
    kind, mime = CLIP_TYPES[extension]
    if not _looks_like(extension, head):
        raise MediaRuleError(f"'{name}' is named like a {extension.upper()} {kind} clip but its "
                             "contents are not. It may have been renamed or damaged; attach the "
                             "original clip.")
    warnings = [w for w in [clip_size_warning(size, warning_mb)] if w]
    return ClipCheck(kind, mime, size, warnings)


# --- links ------------------------------------------------------------------------------------
def normalise_clip_url(text: str) -> str:
    """Return the web address of a clip ("https://" added if missing) or raise MediaRuleError."""
    value = text.strip()
    if not value:
        raise MediaRuleError("Type or paste the web address of the clip, for example "
                             "https://www.youtube.com/watch?v=….")
    if any(ch.isspace() for ch in value):
        raise MediaRuleError("A web address cannot contain spaces. Copy it again from the "
                             "address bar of your browser.")
    if "://" not in value:
        if value.lower().startswith(("mailto:", "file:", "javascript:", "data:")):
            raise MediaRuleError("Only web addresses starting http:// or https:// can be "
                                 "used for a clip.")
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise MediaRuleError("Only web addresses starting http:// or https:// can be used for "
                             "a clip, so that the editors can open it.")
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith("."):
        raise MediaRuleError(f"'{text.strip()}' does not look like a web address. Copy it from "
                             "the address bar of your browser.")
    return value


def clip_url_problem(text: str) -> str:
    """Why a clip's web address is not usable, or "" if it is fine."""
    try:
        normalise_clip_url(text)
    except MediaRuleError as error:
        return str(error)
    return ""


# --- illustrations and clips, counted together ------------------------------------------------
# The series welcomes "1-2 illustrations, short video or audio clips": pictures and clips are
# counted together, here and by the checklist (checks_media.illustration_count, which counts
# ArticleCounts.media_items: the same two lists).
def _both(pictures: int, clips: int) -> str:
    picture_words = f"{pictures} picture" + ("" if pictures == 1 else "s")
    clip_words = f"{clips} clip" + ("" if clips == 1 else "s")
    return f"{picture_words} and {clip_words}"


def media_limit_problem(pictures: int, clips: int, maximum: int | None) -> str:
    """Why another illustration or clip cannot be added, or "" if it can."""
    count = pictures + clips
    if maximum is None or count < maximum:
        return ""
    return (f"The series welcomes up to {maximum} illustrations and clips in all, and this "
            f"article has {count} ({_both(pictures, clips)}). Remove one before adding another.")


def media_limit_text(pictures: int, clips: int, maximum: int | None) -> str:
    """How many illustrations and clips there are, against the series' limit."""
    count = pictures + clips
    if maximum is None:
        return f"{count} illustrations and clips ({_both(pictures, clips)})."
    return (f"{count} of {maximum} illustrations and clips ({_both(pictures, clips)}); the "
            f"series welcomes up to {maximum} in all.")
