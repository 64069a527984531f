"""Importing author photos and illustrations: checked, turned upright, shrunk and cleaned.

Every picture an author adds goes through :func:`import_image` (or :func:`import_image_bytes`).
It either returns an :class:`ImportedImage` ready to store, or raises :class:`ImageImportError`
with a message written for the user; nothing is written anywhere, so a failure leaves nothing
half-added.

What happens to a picture:

* The kind of file is worked out from its first bytes, not its name (only camera RAW files,
  many of which look like TIFF, are recognised by name). JPEG, PNG, WebP, TIFF, GIF and BMP are
  read. iPhone HEIC photos, AVIF, camera RAW files, PDFs, documents, videos and text
  files get a message that says what to do instead. HEIC is refused on every computer (even where
  Qt could read it) so that the advice is the same for everyone.
* Files over :data:`MAX_FILE_BYTES` are refused before anything is read. An incomplete JPEG, BMP
  or first GIF frame (Qt would silently fill the missing part with grey) is refused as damaged;
  Qt itself refuses incomplete PNG, WebP and TIFF files. Files are checked through a memory map,
  not read into memory.
* The size in the file's header is checked first. A picture bigger than ``max_long_side`` is
  decoded at reduced size (``QImageReader.setScaledSize`` before ``read()``): JPEG decoders do
  this while decoding (a 20,000 x 20,000 JPEG needs about 25 MB); the other formats are decoded
  whole and then scaled, so they are refused when the whole picture would need more than
  :data:`MAX_DECODE_BYTES`. Qt's own allocation limit is also set, as a second guard.
* The EXIF orientation is applied (``setAutoTransform``), so phone photos are upright.
* The picture is redrawn into a fresh image and encoded again, so no EXIF (location, camera make
  and model, date), XMP, comments, text chunks or colour profiles are kept. Colours are converted
  to sRGB first. The stored copy is JPEG (quality 90) or PNG, the formats python-docx accepts;
  it is marked as 300 dpi so that Word shows it at a sensible size.
* Pictures smaller than ``min_short_side`` on their shorter side get a warning.

No ``QGuiApplication`` is needed: QImage, QImageReader/QImageWriter and QPainter on a QImage work
without one (checked with ``QT_QPA_PLATFORM=offscreen`` and with no application object at all), and
nothing here draws text, which would need fonts. The functions may run in a worker thread;
decoding is serialised because Qt's allocation limit is one setting for the whole process.
"""

from __future__ import annotations

import codecs
import math
import mmap
import os
import stat
import struct
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QColorSpace, QImage, QImageReader, QImageWriter, QPainter

__all__ = [
    "ImageImportError", "ImportedImage", "import_image", "import_image_bytes", "crop_square",
    "thumbnail", "file_dialog_filter", "SUPPORTED_EXTENSIONS", "PURPOSES",
]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    "jpg", "jpeg", "jfif", "png", "webp", "tif", "tiff", "gif", "bmp")
"""File name endings (lower case, no dot) offered in file dialogs. Reading goes by content."""

PURPOSES = ("photo", "illustration", "diagram")
"""photo: JPEG unless the picture has transparency (then PNG). illustration: kept lossless (PNG)
unless it came as a JPEG or lossy WebP. diagram: always PNG."""

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_DECODE_BYTES = 192 * 1024 * 1024  # 48 megapixels at 4 bytes each
ALLOCATION_LIMIT_MB = 256
JPEG_QUALITY = 90
_DOTS_PER_METRE_300_DPI = 11811
_HEAD_BYTES = 512

_FORMAT_NAMES = {"jpeg": "JPEG", "png": "PNG", "webp": "WebP", "tiff": "TIFF", "gif": "GIF",
                 "bmp": "BMP"}
_RAW_EXTENSIONS = frozenset(
    "3fr arw cr2 cr3 crw dcr dng erf iiq k25 kdc mef mos mrw nef nrw orf pef raf raw rw2 rwl "
    "sr2 srf srw x3f".split())
_HEIF_BRANDS = frozenset(
    b"heic heix hevc hevx heim heis hevm hevs mif1 mif2 msf1".split())
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_DECODE_LOCK = threading.Lock()


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


def file_dialog_filter() -> str:
    """Name filters for a Qt file dialog (British English)."""
    patterns = " ".join(f"*.{ext}" for ext in SUPPORTED_EXTENSIONS)
    return f"Pictures ({patterns});;All files (*)"


def import_image(path: str | Path, *, max_long_side: int = 2000, min_short_side: int = 600,
                 purpose: str = "photo") -> ImportedImage:
    """Read the picture at ``path``, check it and return a cleaned copy (see the module notes)."""
    _check_options(max_long_side, min_short_side, purpose)
    path = Path(path)
    name = path.name or str(path)
    _check_file(path, name)
    kind, head = _inspect_file(path, name)
    reader = QImageReader(str(path), kind.encode("ascii"))
    return _import(reader, kind, head, name, max_long_side, min_short_side, purpose)


def import_image_bytes(data: bytes, name: str, *, max_long_side: int = 2000,
                       min_short_side: int = 600, purpose: str = "photo") -> ImportedImage:
    """Like :func:`import_image` for a picture already in memory (pasted, dropped, downloaded).

    ``name`` is used in messages and kept as ``original_name``.
    """
    _check_options(max_long_side, min_short_side, purpose)
    data = bytes(data)
    if not data:
        raise ImageImportError(_empty_message(name))
    if len(data) > MAX_FILE_BYTES:
        raise ImageImportError(_too_big_file_message(name, len(data)))
    kind = _sniff(data[:_HEAD_BYTES], name)
    _check_complete(kind, data, name)
    buffer = _read_buffer(data)
    reader = QImageReader(buffer, kind.encode("ascii"))
    return _import(reader, kind, data[:_HEAD_BYTES], name, max_long_side, min_short_side,
                   purpose)


def crop_square(image: ImportedImage, rect: tuple[int, int, int, int] | None = None, *,
                min_short_side: int = 600) -> ImportedImage:
    """Crop to a square: the largest centred one, or ``rect`` = (left, top, side, side).

    The result keeps the picture's format (JPEG stays JPEG, PNG stays PNG). The "too small"
    warning is worked out again for the cropped size; other warnings are kept. A ``rect`` that is
    not square or does not lie inside the picture raises ``ValueError`` (a programming error:
    the cropping tool should only offer valid squares).
    """
    source = _decode_stored(image.data)
    width, height = source.width(), source.height()
    if rect is None:
        side = min(width, height)
        left, top = (width - side) // 2, (height - side) // 2
    else:
        left, top, side, other = (int(v) for v in rect)
        if side != other:
            raise ValueError(f"crop rectangle is not square: {side} x {other}")
        if side <= 0 or left < 0 or top < 0 or left + side > width or top + side > height:
            raise ValueError(f"crop square {rect} lies outside the {width} x {height} picture")
    cropped = source.copy(left, top, side, side)
    old_warning = _small_warning_start(width, height)
    warnings = tuple(w for w in image.warnings if not w.startswith(old_warning))
    new_warning = _small_warning(side, side, min_short_side)
    if new_warning:
        warnings += (new_warning,)
    data = _encode(_clean_copy(cropped, image.extension == "png"), image.extension)
    return replace(image, data=data, width=side, height=side, warnings=warnings)


def thumbnail(data: bytes, size: int) -> QImage:
    """A preview of a picture in memory, fitting inside ``size`` x ``size`` pixels (never
    enlarged: a smaller picture comes back at its own size).

    Meant for stored copies (:attr:`ImportedImage.data`); any readable picture works, and the same
    memory guards apply. Raises :class:`ImageImportError` if ``data`` is not a readable picture.
    """
    if size < 1:
        raise ValueError("thumbnail size must be at least 1 pixel")
    data = bytes(data)
    kind = _sniff(data[:_HEAD_BYTES], "picture")
    buffer = _read_buffer(data)
    image, _ = _read(QImageReader(buffer, kind.encode("ascii")), kind, "picture", size)
    return image


# --- checks before decoding ------------------------------------------------------------------

def _check_options(max_long_side: int, min_short_side: int, purpose: str) -> None:
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
    if max_long_side < 1 or min_short_side < 0:
        raise ValueError("max_long_side must be positive and min_short_side not negative")


def _open_binary(path: Path):
    """Open a file for reading (a seam so tests can simulate a file they may not read)."""
    return open(path, "rb")


def _check_file(path: Path, name: str) -> int:
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
        raise ImageImportError(_empty_message(name))
    if info.st_size > MAX_FILE_BYTES:
        raise ImageImportError(_too_big_file_message(name, info.st_size))
    return info.st_size


def _inspect_file(path: Path, name: str) -> tuple[str, bytes]:
    """Sniff the kind and check completeness without reading the whole file into memory."""
    try:
        with _open_binary(path) as stream:
            try:
                view = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # no mmap on this drive, or the file was emptied
                view = stream.read(MAX_FILE_BYTES + 1)
            try:
                head = view[:_HEAD_BYTES]
                if not head:
                    raise ImageImportError(_empty_message(name))
                kind = _sniff(head, name)
                _check_complete(kind, view, name)
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


def _empty_message(name: str) -> str:
    return (f"“{name}” is empty. It may not have finished copying or downloading. "
            "Please copy or download it again, then try again.")


def _too_big_file_message(name: str, size: int) -> str:
    return (f"“{name}” is {size / (1024 * 1024):,.0f} MB, which is too big: pictures up to "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB can be added. Please save a smaller copy "
            "as JPEG (most photo programs have an Export or Resize option), then try again.")


def _sniff(head: bytes, name: str) -> str:
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
    return (f"“{name}” is not a kind of picture PiP Writer can read. Please use a JPEG, PNG, "
            "WebP, TIFF, GIF or BMP file: most programs can save or export a copy as JPEG.")


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


def _check_complete(kind: str, buf, name: str) -> None:
    """Refuse files cut short where Qt would return a picture with a grey or missing part.

    ``buf`` is the whole file as bytes or a read-only mmap.
    """
    if kind == "jpeg":
        complete = _jpeg_complete(buf)
    elif kind == "gif":
        complete = _gif_first_frame_complete(buf)
    elif kind == "bmp":
        expected = _bmp_expected_size(buf[:_HEAD_BYTES])
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


# --- decoding, cleaning, encoding -------------------------------------------------------------

def _read_buffer(data: bytes) -> QBuffer:
    """A buffer to read from. QImageReader does not own its device: keep a reference to the
    buffer for as long as the reader is used, or Python frees it under the reader's feet."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


@contextmanager
def _allocation_limit():
    with _DECODE_LOCK:
        previous = QImageReader.allocationLimit()
        QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
        try:
            yield
        finally:
            QImageReader.setAllocationLimit(previous)


def _fit(width: int, height: int, long_side: int) -> tuple[int, int]:
    if max(width, height) <= long_side:
        return width, height
    scale = long_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _decode_bytes(kind: str, width: int, height: int, target: tuple[int, int],
                  reader: QImageReader) -> int:
    """Estimated memory for decoding: JPEG shrinks by up to 8 while decoding, others do not."""
    if kind == "jpeg" and target != (width, height):
        denominator = 8
        while denominator > 1 and (math.ceil(width / denominator) < target[0]
                                   or math.ceil(height / denominator) < target[1]):
            denominator //= 2
        width, height = math.ceil(width / denominator), math.ceil(height / denominator)
    bits = QImage.toPixelFormat(reader.imageFormat()).bitsPerPixel()
    return width * height * max(bits, 32) // 8


def _read(reader: QImageReader, kind: str, name: str, long_side: int) -> tuple[QImage, int]:
    """Decode at most ``long_side`` on the long side; returns the image and its frame count."""
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        raise ImageImportError(_unreadable_message(name, kind))
    width, height = size.width(), size.height()
    target = _fit(width, height, long_side)
    if _decode_bytes(kind, width, height, target, reader) > MAX_DECODE_BYTES:
        raise ImageImportError(
            f"“{name}” is {width:,} × {height:,} pixels, which is too large to open safely. "
            "Please save a smaller copy (no more than about 6,000 pixels on the longer side) as "
            "JPEG or PNG, then try again.")
    if target != (width, height):
        reader.setScaledSize(QSize(*target))  # before read(): JPEG then decodes small
    frames = reader.imageCount() if kind in ("gif", "webp", "tiff") else 1
    with _allocation_limit():
        image = reader.read()
    if image.isNull():
        raise ImageImportError(_unreadable_message(name, kind))
    if max(image.width(), image.height()) > long_side:
        image = image.scaled(QSize(*_fit(image.width(), image.height(), long_side)),
                             Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image, frames


def _unreadable_message(name: str, kind: str) -> str:
    return (f"“{name}” looks like a {_FORMAT_NAMES[kind]} picture but could not be read. The "
            "file may be damaged, incomplete or too large. Try opening it in another program "
            "and saving a copy as JPEG or PNG, then add the copy.")


def _has_transparency(image: QImage) -> bool:
    if not image.hasAlphaChannel():
        return False
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    alpha = bytes(rgba.constBits())[3::4]
    return alpha.count(255) != len(alpha)


def _to_srgb(image: QImage) -> QImage:
    space = image.colorSpace()
    srgb = QColorSpace(QColorSpace.NamedColorSpace.SRgb)
    if not space.isValid() or space == srgb:
        return image
    target = (QImage.Format.Format_ARGB32 if image.hasAlphaChannel()
              else QImage.Format.Format_RGB32)
    converted = image.convertedToColorSpace(srgb, target)
    return image if converted.isNull() else converted


def _clean_copy(image: QImage, keep_alpha: bool) -> QImage:
    """Redraw into a brand-new image: no text, EXIF, colour profile or other metadata."""
    fmt = QImage.Format.Format_ARGB32 if keep_alpha else QImage.Format.Format_RGB32
    clean = QImage(image.width(), image.height(), fmt)
    clean.fill(QColor(0, 0, 0, 0) if keep_alpha else QColor("white"))
    clean.setDotsPerMeterX(_DOTS_PER_METRE_300_DPI)
    clean.setDotsPerMeterY(_DOTS_PER_METRE_300_DPI)
    painter = QPainter(clean)
    painter.drawImage(0, 0, image)
    painter.end()
    return clean


def _encode(image: QImage, extension: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"jpeg" if extension == "jpg" else b"png")
    if extension == "jpg":
        writer.setQuality(JPEG_QUALITY)
        writer.setOptimizedWrite(True)
    if not writer.write(image):
        raise ImageImportError(
            f"The picture could not be saved ({writer.errorString()}). The computer may be "
            "short of memory: close other programs and try again.")
    buffer.close()
    return bytes(data.data())


def _decode_stored(data: bytes) -> QImage:
    kind = _sniff(data[:_HEAD_BYTES], "picture")
    buffer = _read_buffer(data)
    image, _ = _read(QImageReader(buffer, kind.encode("ascii")), kind, "picture", 1 << 30)
    return image


def _output_extension(purpose: str, kind: str, head: bytes, transparent: bool) -> str:
    if transparent or purpose == "diagram":
        return "png"
    if purpose == "photo":
        return "jpg"
    lossy = kind == "jpeg" or (kind == "webp" and head[12:16] != b"VP8L")
    return "jpg" if lossy else "png"


def _small_warning_start(width: int, height: int) -> str:
    return f"This picture is only {width:,} × {height:,} pixels,"


def _small_warning(width: int, height: int, min_short_side: int) -> str:
    if min(width, height) >= min_short_side:
        return ""
    return (f"{_small_warning_start(width, height)} so it may look blurred when printed. If you have a larger copy (at least {min_short_side:,} pixels on "
            "the shorter side), please use that instead.")


def _import(reader: QImageReader, kind: str, head: bytes, name: str, max_long_side: int,
            min_short_side: int, purpose: str) -> ImportedImage:
    image, frames = _read(reader, kind, name, max_long_side)
    image = _to_srgb(image)
    transparent = _has_transparency(image)
    extension = _output_extension(purpose, kind, head, transparent)
    data = _encode(_clean_copy(image, transparent), extension)
    warnings: list[str] = []
    small = _small_warning(image.width(), image.height(), min_short_side)
    if small:
        warnings.append(small)
    if frames > 1:
        warnings.append(
            "This is a moving (animated) picture: only its first frame is used."
            if kind in ("gif", "webp") else
            f"This file holds {frames} pictures: only the first one is used.")
    return ImportedImage(data=data, extension=extension,
                         mime="image/jpeg" if extension == "jpg" else "image/png",
                         width=image.width(), height=image.height(),
                         warnings=tuple(warnings), original_name=name)
