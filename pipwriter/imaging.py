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

import math
import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QColorSpace, QImage, QImageReader, QImageWriter, QPainter

from .model.article.picture_files import (
    HEAD_BYTES,
    MAX_DECODE_BYTES,
    MAX_FILE_BYTES,
    PURPOSES,
    SUPPORTED_EXTENSIONS,
    ImageImportError,
    ImportedImage,
    check_complete,
    check_file,
    check_options,
    empty_message,
    fit,
    inspect_file,
    output_extension,
    small_warning,
    small_warning_start,
    sniff,
    too_big_file_message,
    unreadable_message,
)

__all__ = [
    "ImageImportError", "ImportedImage", "import_image", "import_image_bytes", "crop_square",
    "thumbnail", "file_dialog_filter", "SUPPORTED_EXTENSIONS", "PURPOSES",
]

JPEG_QUALITY = 90
ALLOCATION_LIMIT_MB = 256
_DOTS_PER_METRE_300_DPI = 11811
_DECODE_LOCK = threading.Lock()


def file_dialog_filter() -> str:
    """Name filters for a Qt file dialog (British English)."""
    patterns = " ".join(f"*.{ext}" for ext in SUPPORTED_EXTENSIONS)
    return f"Pictures ({patterns});;All files (*)"


def import_image(path: str | Path, *, max_long_side: int = 2000, min_short_side: int = 600,
                 purpose: str = "photo") -> ImportedImage:
    """Read the picture at ``path``, check it and return a cleaned copy (see the module notes)."""
    check_options(max_long_side, min_short_side, purpose)
    path = Path(path)
    name = path.name or str(path)
    check_file(path, name)
    kind, head = inspect_file(path, name)
    reader = QImageReader(str(path), kind.encode("ascii"))
    return _import(reader, kind, head, name, max_long_side, min_short_side, purpose)


def import_image_bytes(data: bytes, name: str, *, max_long_side: int = 2000,
                       min_short_side: int = 600, purpose: str = "photo") -> ImportedImage:
    """Like :func:`import_image` for a picture already in memory (pasted, dropped, downloaded).

    ``name`` is used in messages and kept as ``original_name``.
    """
    check_options(max_long_side, min_short_side, purpose)
    data = bytes(data)
    if not data:
        raise ImageImportError(empty_message(name))
    if len(data) > MAX_FILE_BYTES:
        raise ImageImportError(too_big_file_message(name, len(data)))
    kind = sniff(data[:HEAD_BYTES], name)
    check_complete(kind, data, name)
    buffer = _read_buffer(data)
    reader = QImageReader(buffer, kind.encode("ascii"))
    return _import(reader, kind, data[:HEAD_BYTES], name, max_long_side, min_short_side,
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
    old_warning = small_warning_start(width, height)
    warnings = tuple(w for w in image.warnings if not w.startswith(old_warning))
    new_warning = small_warning(side, side, min_short_side)
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
    kind = sniff(data[:HEAD_BYTES], "picture")
    buffer = _read_buffer(data)
    image, _ = _read(QImageReader(buffer, kind.encode("ascii")), kind, "picture", size)
    return image


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
        raise ImageImportError(unreadable_message(name, kind))
    width, height = size.width(), size.height()
    target = fit(width, height, long_side)
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
        raise ImageImportError(unreadable_message(name, kind))
    if max(image.width(), image.height()) > long_side:
        image = image.scaled(QSize(*fit(image.width(), image.height(), long_side)),
                             Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image, frames


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
    kind = sniff(data[:HEAD_BYTES], "picture")
    buffer = _read_buffer(data)
    image, _ = _read(QImageReader(buffer, kind.encode("ascii")), kind, "picture", 1 << 30)
    return image


def _import(reader: QImageReader, kind: str, head: bytes, name: str, max_long_side: int,
            min_short_side: int, purpose: str) -> ImportedImage:
    image, frames = _read(reader, kind, name, max_long_side)
    image = _to_srgb(image)
    transparent = _has_transparency(image)
    extension = output_extension(purpose, kind, head, transparent)
    data = _encode(_clean_copy(image, transparent), extension)
    warnings: list[str] = []
    small = small_warning(image.width(), image.height(), min_short_side)
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
