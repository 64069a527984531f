"""Make every app icon from one drawing: ``resources/icons/pipwriter.svg``.

    python tools/make_icons.py            (writes into resources/icons/)
    python tools/make_icons.py --out DIR

Writes ``pipwriter-<size>.png`` (16-512), ``pipwriter.ico`` (Windows: small sizes as 32-bit
bitmaps, 256 as PNG, the layout every Windows tool reads) and ``pipwriter.icns`` (macOS: PNG
entries 16-1024). The containers are written here with struct around PNGs rendered by QtSvg;
no other tool is needed. Run it again after editing the SVG and commit the results.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "pipwriter.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# icns entry type -> pixel size (the @2x types hold the double-size image of a point size).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128),
              ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024))


def _app():
    # A full QApplication (not QGuiApplication), so that a test process can still make widgets.
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication(["make_icons"])


def render(svg: Path, size: int):
    """The drawing as a square QImage (ARGB32, transparent background) of ``size`` pixels."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG drawing")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def bmp_icon_entry(image) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER, BGRA rows bottom-up, then an all-clear AND mask."""
    width, height = image.width(), image.height()
    row = width * 4
    pixels = bytes(image.constBits())[: row * height]  # ARGB32 in memory = B, G, R, A bytes
    if sys.byteorder != "little":
        raise RuntimeError("bitmap icons are written for little-endian machines only")
    xor = b"".join(pixels[y * row:(y + 1) * row] for y in reversed(range(height)))
    mask_row = ((width + 31) // 32) * 4
    mask = bytes(mask_row * height)
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0,
                         len(xor) + len(mask), 0, 0, 0, 0)
    return header + xor + mask


def ico_bytes(entries: list[tuple[int, bytes]]) -> bytes:
    """An .ico file from (size, entry data) pairs; a 256-pixel size is stored as 0."""
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    body = b""
    for size, data in entries:
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        body += data
    return directory + body


def icns_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """An .icns file: 'icns', total length, then (type, length incl. 8-byte header, data)."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
                    for kind, data in entries)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def generate(svg: Path = SOURCE, out: Path = ICONS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES})
    images = {size: render(svg, size) for size in sizes}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    written = []
    for size in PNG_SIZES:
        path = out / f"pipwriter-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = [(size, pngs[size] if size >= 256 else bmp_icon_entry(images[size]))
           for size in ICO_SIZES]
    (out / "pipwriter.ico").write_bytes(ico_bytes(ico))
    (out / "pipwriter.icns").write_bytes(icns_bytes([(k, pngs[s]) for k, s in ICNS_TYPES]))
    written += [out / "pipwriter.ico", out / "pipwriter.icns"]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/make_icons.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--svg", type=Path, default=SOURCE, help="the source drawing")
    parser.add_argument("--out", type=Path, default=ICONS, help="where the icons go")
    args = parser.parse_args(argv)
    for path in generate(args.svg, args.out):
        print(f"{path.stat().st_size:8d}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
