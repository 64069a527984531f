"""Sample pictures and clips made on the fly for the panel tests (nothing is downloaded)."""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
SECRET_CAMERA = b"SecretCam 3000"


def picture(width: int, height: int, colour: str = "#3a7") -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    for x in range(min(width, height) // 2):      # a diagonal, so crops and rotations show
        image.setPixelColor(x, x, QColor("black"))
    return image


def encode(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt), fmt
    buffer.close()
    return bytes(data)


def _gif(width: int, height: int) -> bytes:
    """An uncompressed-style GIF (a clear code every 100 pixels keeps every LZW code 8 bits)."""
    palette = b"".join(bytes((i * 2, 255 - i * 2, 90)) for i in range(128))
    codes = bytearray()
    pixels = [(x // 10 + y // 10) % 128 for y in range(height) for x in range(width)]
    for start in range(0, len(pixels), 100):
        codes.append(128)                     # clear code
        codes.extend(pixels[start:start + 100])
    codes.append(129)                         # end of information
    blocks = b"".join(bytes((len(codes[i:i + 255]),)) + bytes(codes[i:i + 255])
                      for i in range(0, len(codes), 255))
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF6, 0, 0) + palette
            + b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x07" + blocks
            + b"\x00\x3b")


def write_picture(path: Path, width: int, height: int) -> Path:
    """A picture file in the format its extension names (jpg, png, webp, tif, gif, bmp)."""
    ext = path.suffix.lower().lstrip(".")
    if ext == "gif":
        path.write_bytes(_gif(width, height))
    else:
        fmt = {"jpg": "JPEG", "jpeg": "JPEG", "tif": "TIFF", "tiff": "TIFF"}.get(ext, ext.upper())
        path.write_bytes(encode(picture(width, height), fmt))
    return path


def _exif_segment(orientation: int) -> bytes:
    """An APP1 EXIF segment naming a camera and giving an orientation."""
    make = SECRET_CAMERA + b"\x00"
    ifd_offset, entries = 8, 2
    data_offset = ifd_offset + 2 + 12 * entries + 4
    tiff = b"II*\x00" + struct.pack("<I", ifd_offset) + struct.pack("<H", entries)
    tiff += struct.pack("<HHII", 0x010F, 2, len(make), data_offset)          # Make
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)            # Orientation
    tiff += struct.pack("<I", 0) + make
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def write_exif_jpeg(path: Path, width: int, height: int, orientation: int = 6) -> Path:
    """A JPEG with camera metadata; orientation 6 means "turn 90° clockwise to view"."""
    jpeg = encode(picture(width, height), "JPEG")
    path.write_bytes(jpeg[:2] + _exif_segment(orientation) + jpeg[2:])
    return path


def write_clip(path: Path, size: int) -> Path:
    """An MP4-looking file of ``size`` bytes (sparse: big sizes use no disk)."""
    with path.open("wb") as handle:
        handle.write(MP4_HEAD)
        handle.truncate(size)
    return path
