"""Speed of adding a photo: a 12-megapixel phone-style JPEG imported the way the app does it.

The photo (4,000 x 3,000, EXIF "rotate a quarter turn", made with QPainter so it has gradients
and edges like a real picture) is written to a temporary folder, then imported: header check,
decode at reduced size, rotation, sRGB, clean re-encode at 2,000 px. Also timed: the same photo
from memory (pasted/dropped), a preview thumbnail of the stored copy, and a blank 20,000 x 20,000
JPEG (the reduced-size decode path). ``--quick`` uses a 1,200 x 900 photo and two runs each.

    python -m benchmarks bench_imaging
"""

from __future__ import annotations

import os
import random
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter  # noqa: E402

from pipwriter.imaging import import_image, import_image_bytes, thumbnail  # noqa: E402


def make_photo(width: int, height: int) -> bytes:
    """A photo-like JPEG with an EXIF Orientation of 6 (shown rotated a quarter turn)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor(30, 60, 110))
    gradient.setColorAt(1, QColor(230, 190, 140))
    painter.fillRect(0, 0, width, height, gradient)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    rnd = random.Random(12)
    for _ in range(400):
        painter.setBrush(QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256), 120))
        size = rnd.randrange(width // 40, width // 6)
        painter.drawEllipse(rnd.randrange(width), rnd.randrange(height), size, size // 2 + 1)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 92)
    buffer.close()
    tiff = (b"II*\x00" + struct.pack("<IH", 8, 1) + struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0)
            + struct.pack("<I", 0))
    exif = b"Exif\x00\x00" + tiff
    jpeg = bytes(data)
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:]


def blank_jpeg(side: int) -> bytes:
    """A grey greyscale JPEG of any size (each 8x8 block coded in two bits)."""
    def segment(marker: int, body: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body
    one_code = bytes([1] + [0] * 15) + b"\x00"
    blocks = (-(-side // 8)) ** 2
    return (b"\xff\xd8" + segment(0xDB, b"\x00" + bytes([1] * 64))
            + segment(0xC0, struct.pack(">BHHB", 8, side, side, 1) + b"\x01\x11\x00")
            + segment(0xC4, b"\x00" + one_code + b"\x10" + one_code)
            + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
            + bytes(-(-blocks * 2 // 8)) + b"\xff\xd9")


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def _time(action, repeats: int) -> list[float]:
    action()  # warm-up: loads the image plug-ins
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def run(quick: bool) -> list[dict]:
    width, height = (1200, 900) if quick else (4000, 3000)
    repeats = 2 if quick else 15
    megapixels = width * height / 1e6
    photo = make_photo(width, height)
    huge = blank_jpeg(20000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "IMG_4032.jpg"
        path.write_bytes(photo)
        huge_path = Path(folder) / "scan.jpg"
        huge_path.write_bytes(huge)
        stored = import_image(path)
        rows = [
            _summary(f"import {megapixels:.1f} MP JPEG photo from file",
                     _time(lambda: import_image(path), repeats)),
            _summary(f"import {megapixels:.1f} MP JPEG photo from memory",
                     _time(lambda: import_image_bytes(photo, "pasted.jpg"), repeats)),
            _summary(f"thumbnail 256 px of stored {stored.width}x{stored.height}",
                     _time(lambda: thumbnail(stored.data, 256), repeats * 2)),
            _summary("import 20000x20000 JPEG (reduced-size decode)",
                     _time(lambda: import_image(huge_path), max(2, repeats // 3))),
        ]
    return rows


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    for row in run(quick):
        print(f"{row['name']:<48} median {row['median_ms']:9.1f} ms   "
              f"p95 {row['p95_ms']:9.1f} ms   n={row['n']}")


if __name__ == "__main__":
    main()
