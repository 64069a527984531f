"""A picture file before it is decoded (no Qt here): which kinds the app takes, the checks that
refuse a file early (missing, a folder, empty, too big, not a picture, a camera RAW or HEIC
file, cut short), and the plain messages that say so. :mod:`pipwriter.imaging` decodes and
cleans what passes, with Qt.
"""

from __future__ import annotations

import codecs
import mmap
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    "jpg", "jpeg", "jfif", "png", "webp", "tif", "tiff", "gif", "bmp")
"""File name endings (lower case, no dot) offered in file dialogs. Reading goes by content."""

PURPOSES = ("photo", "illustration", "diagram")
"""photo: JPEG unless the picture has transparency (then PNG). illustration: kept lossless (PNG)
unless it came as a JPEG or lossy WebP. diagram: always PNG."""

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_DECODE_BYTES = 192 * 1024 * 1024  # 48 megapixels at 4 bytes each
HEAD_BYTES = 512

_FORMAT_NAMES = {"jpeg": "JPEG", "png": "PNG", "webp": "WebP", "tiff": "TIFF", "gif": "GIF",
                 "bmp": "BMP"}
_RAW_EXTENSIONS = frozenset(
    "3fr arw cr2 cr3 crw dcr dng erf iiq k25 kdc mef mos mrw nef nrw orf pef raf raw rw2 rwl "
    "sr2 srf srw x3f".split())
_HEIF_BRANDS = frozenset(
    b"heic heix hevc hevx heim heis hevm hevs mif1 mif2 msf1".split())
_AVIF_BRANDS = frozenset({b"avif", b"avis"})

class ImageImportError(Exception):
    """A picture could not be used; ``str(error)`` is a message for the user."""

    @property
    def message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class ImportedImage:
    """A cleaned picture ready to store: ``data`` is a complete JPEG or PNG file."""

    data: bytes
    extension: str  # "jpg" or "png"
    mime: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    warnings: tuple[str, ...]
    original_name: str


# --- checks before decoding ------------------------------------------------------------------

def check_options(max_long_side: int, min_short_side: int, purpose: str) -> None:
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
    if max_long_side < 1 or min_short_side < 0:
        raise ValueError("max_long_side must be positive and min_short_side not negative")


def open_binary(path: Path) -> BinaryIO:
    """Open a file for reading (a seam so tests can simulate a file they may not read)."""
    return open(path, "rb")


def check_file(path: Path, name: str) -> int:
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: NUL in the name
        raise ImageImportError(
            f"The picture “{name}” could not be found. It may have been moved, renamed or "
            "deleted. Please choose it again.") from None
    except OSError as error:
        raise _os_error(error, name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImageImportError(
            f"“{name}” is a folder, not a picture. Open the folder and choose a picture "
            "inside it.")
    if not stat.S_ISREG(info.st_mode):
        raise ImageImportError(
            f"“{name}” is not an ordinary file, so it can't be used as a picture.")
    if info.st_size == 0:
        raise ImageImportError(empty_message(name))
    if info.st_size > MAX_FILE_BYTES:
        raise ImageImportError(too_big_file_message(name, info.st_size))
    return info.st_size


def inspect_file(path: Path, name: str) -> tuple[str, bytes]:
    """Sniff the kind and check completeness without reading the whole file into memory."""
    try:
        with open_binary(path) as stream:
            view: mmap.mmap | bytes
            try:
                view = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # no mmap on this drive, or the file was emptied
                view = stream.read(MAX_FILE_BYTES + 1)
            try:
                head = view[:HEAD_BYTES]
                if not head:
                    raise ImageImportError(empty_message(name))
                kind = sniff(head, name)
                check_complete(kind, view, name)
            finally:
                if isinstance(view, mmap.mmap):
                    view.close()
    except OSError as error:
        raise _os_error(error, name) from None
    return kind, head


def _os_error(error: OSError, name: str) -> ImageImportError:
    if isinstance(error, PermissionError):
        return ImageImportError(
            f"PiP Writer isn't allowed to open “{name}”. The file may be protected or open in "
            "another program. Try copying it to your Documents folder, then add the copy.")
    reason = error.strerror or error.__class__.__name__
    return ImageImportError(
        f"“{name}” could not be opened ({reason}). If it is on a network drive, USB stick or "
        "cloud folder, copy it to your Documents folder first, then add the copy.")


def empty_message(name: str) -> str:
    return (f"“{name}” is empty. It may not have finished copying or downloading. "
            "Please copy or download it again, then try again.")


def too_big_file_message(name: str, size: int) -> str:
    return (f"“{name}” is {size / (1024 * 1024):,.0f} MB, which is too big: pictures up to "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB can be added. Please save a smaller copy "
            "as JPEG (most photo programs have an Export or Resize option), then try again.")


def sniff(head: bytes, name: str) -> str:
    """The Qt format name of a supported picture, or an ImageImportError saying what to do."""
    ext = os.path.splitext(name)[1].lower().lstrip(".")
    if ext in _RAW_EXTENSIONS:  # many RAW files look like TIFF: check the name first
        raise ImageImportError(
            f"“{name}” is a camera RAW file, which can't be read here. Open it in your camera's "
            "or computer's photo program and export it as JPEG, then try again.")
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head[:2] == b"BM" and len(head) >= 26:
        return "bmp"
    raise ImageImportError(_unsupported_message(head, name))


def _unsupported_message(head: bytes, name: str) -> str:
    if head[4:8] == b"ftyp":
        brands = _ftyp_brands(head)
        if brands & _AVIF_BRANDS:
            return (f"“{name}” is an AVIF picture, which can't be read here. Open it and save or "
                    "export it as JPEG or PNG, then try again.")
        if brands & _HEIF_BRANDS:
            return (f"“{name}” is an iPhone photo in HEIC format, which can't be read here. "
                    "On the iPhone choose Settings › Camera › Formats › Most Compatible, or "
                    "export the photo as JPEG (on a Mac: open it in Preview, then File › "
                    "Export › JPEG), then try again.")
        return (f"“{name}” is a video or sound file, not a picture. Add it as a media clip "
                "instead, or choose a photo.")
    if head.startswith(b"%PDF"):
        return (f"“{name}” is a PDF document, not a picture. Save the page as a PNG or JPEG "
                "picture (or take a screenshot of it), then try again.")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return (f"“{name}” is a document or a compressed (zip) file, not a picture. If the "
                "picture is inside it, save the picture on its own as JPEG or PNG first.")
    if head.startswith(b"8BPS"):
        return (f"“{name}” is a Photoshop file. Please save a copy as JPEG or PNG, then try "
                "again.")
    if _looks_like_text(head):
        if b"<svg" in head.lower():
            return (f"“{name}” is an SVG drawing, which can't be added directly. Export it as "
                    "PNG from the program that made it, then try again.")
        return (f"“{name}” contains text, not a picture, even though its name may look like a "
                "picture's. Please choose the original picture file (JPEG, PNG, WebP, TIFF, "
                "GIF or BMP).")
    if Path(name).suffix.lower().lstrip(".") in PICTURE_NAMES:
        # named as a picture, and not one inside (found by a walk: "it is a JPEG!")
        return (f"“{name}” is named as a picture, but what is inside is not one PiP Writer "
                "can read: the file may be damaged, or only partly copied. Open it in "
                "another program to check, or choose the original picture again. PiP Writer "
                "reads JPEG, PNG, WebP, TIFF, GIF and BMP pictures.")
    return (f"“{name}” is not a kind of picture PiP Writer can read. Please use a JPEG, PNG, "
            "WebP, TIFF, GIF or BMP file: most programs can save or export a copy as JPEG.")


PICTURE_NAMES = {"jpg", "jpeg", "jpe", "png", "webp", "tif", "tiff", "gif", "bmp", "heic",
                 "heif", "avif"}


def _ftyp_brands(head: bytes) -> set[bytes]:
    box_size = int.from_bytes(head[:4], "big")
    end = min(len(head), box_size if box_size >= 16 else 16)
    brands = {head[8:12]}
    brands.update(head[i:i + 4] for i in range(16, end - 3, 4))
    return brands


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\t\r\n\f\ufeff" for ch in text)


def check_complete(kind: str, buf, name: str) -> None:
    """Refuse files cut short where Qt would return a picture with a grey or missing part.

    ``buf`` is the whole file as bytes or a read-only mmap.
    """
    if kind == "jpeg":
        complete = _jpeg_complete(buf)
    elif kind == "gif":
        complete = _gif_first_frame_complete(buf)
    elif kind == "bmp":
        expected = _bmp_expected_size(buf[:HEAD_BYTES])
        complete = expected is None or len(buf) >= expected
    else:  # Qt refuses incomplete PNG, WebP and TIFF files itself
        complete = True
    if not complete:
        raise ImageImportError(
            f"“{name}” is incomplete or damaged: only part of the picture is in the file. "
            "This often happens when a copy or download stops early. Please copy it again "
            "from where it came from (for example your phone or an email), then try again.")


def _jpeg_complete(buf) -> bool:
    """Walk the JPEG's segments and scans up to its end marker (data after it is ignored:
    phones append videos or extra pictures there)."""
    pos, size = 2, len(buf)
    while True:
        pos = buf.find(b"\xff", pos)
        while 0 <= pos < size and buf[pos] == 0xFF:  # a marker may be preceded by fill bytes
            pos += 1
        if pos < 0 or pos >= size:
            return False
        marker = buf[pos]
        pos += 1
        if marker == 0xD9:  # end of image
            return True
        if marker in (0x00, 0x01) or 0xD0 <= marker <= 0xD8:  # no length field
            continue
        if pos + 2 > size:
            return False
        pos += int.from_bytes(buf[pos:pos + 2], "big")
        if marker == 0xDA:  # start of scan: coded data up to the next real marker
            while True:
                pos = buf.find(b"\xff", pos)
                if pos < 0 or pos + 1 >= size:
                    return False
                following = buf[pos + 1]
                if following != 0x00 and not 0xD0 <= following <= 0xD7:
                    break
                pos += 1


def _gif_first_frame_complete(buf) -> bool:
    """True when the GIF's first picture is whole (later frames are not used)."""
    size = len(buf)
    if size < 13:
        return False
    flags, pos = buf[10], 13
    if flags & 0x80:  # global colour table
        pos += 3 * (2 << (flags & 7))
    while pos < size:
        block, pos = buf[pos], pos + 1
        if block == 0x21:  # extension: label, then data sub-blocks
            pos = _after_sub_blocks(buf, pos + 1)
        elif block == 0x2C and pos + 9 <= size:  # image descriptor
            flags, pos = buf[pos + 8], pos + 9
            if flags & 0x80:  # local colour table
                pos += 3 * (2 << (flags & 7))
            return _after_sub_blocks(buf, pos + 1) <= size  # skip the LZW code size byte
        else:
            return False
    return False


def _after_sub_blocks(buf, pos: int) -> int:
    """Position after a chain of GIF data sub-blocks, or past the end if it is cut short."""
    size = len(buf)
    while pos < size:
        length = buf[pos]
        pos += 1 + length
        if length == 0:
            return pos
    return size + 1


def _bmp_expected_size(head: bytes) -> int | None:
    """Bytes an uncompressed BMP must have, from its header (None when it can't be told)."""
    try:
        offset, header_size = struct.unpack_from("<IxxxxI", head, 10)
        if header_size == 12:
            width, height, _planes, bits = struct.unpack_from("<HHHH", head, 18)
            compression = 0
        elif header_size >= 40:
            width, height, _planes, bits, compression = struct.unpack_from("<iiHHI", head, 18)
        else:
            return None
    except struct.error:
        return None
    if compression not in (0, 3, 6) or bits == 0:
        return None
    row = (bits * abs(width) + 31) // 32 * 4
    return offset + row * abs(height)


def fit(width: int, height: int, long_side: int) -> tuple[int, int]:
    if max(width, height) <= long_side:
        return width, height
    scale = long_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))



def unreadable_message(name: str, kind: str) -> str:
    return (f"“{name}” looks like a {_FORMAT_NAMES[kind]} picture but could not be read. The "
            "file may be damaged, incomplete or too large. Try opening it in another program "
            "and saving a copy as JPEG or PNG, then add the copy.")


def output_extension(purpose: str, kind: str, head: bytes, transparent: bool) -> str:
    if transparent or purpose == "diagram":
        return "png"
    if purpose == "photo":
        return "jpg"
    lossy = kind == "jpeg" or (kind == "webp" and head[12:16] != b"VP8L")
    return "jpg" if lossy else "png"


def too_small(width: int, height: int, min_short_side: int) -> bool:
    """A picture of known size (0: not known) is smaller than ``min_short_side`` pixels on its
    shorter side: it may look blurred in print (the checks and every picture's note ask this)."""
    return 0 < min(width, height) < min_short_side


def small_warning_start(width: int, height: int) -> str:
    return f"This picture is only {width:,} × {height:,} pixels,"


def small_warning(width: int, height: int, min_short_side: int) -> str:
    if not too_small(width, height, min_short_side):
        return ""
    return (f"{small_warning_start(width, height)} so it may look blurred when printed. If you have a larger copy (at least {min_short_side:,} pixels on "
            "the shorter side), please use that instead.")


