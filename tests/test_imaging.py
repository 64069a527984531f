"""The picture import service: formats, rotation, privacy, size limits and bad files.

Every test picture is made here (QImage/QPainter, or bytes built by hand with struct/zlib for what
Qt cannot write: GIF, EXIF, enormous blank pictures); nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QColorSpace, QImage, QImageReader, QImageWriter, QPainter

from pipwriter import imaging
from pipwriter.imaging import (
    ImageImportError,
    crop_square,
    file_dialog_filter,
    import_image,
    import_image_bytes,
    thumbnail,
)
from pipwriter.model.article import picture_files

REPO = Path(__file__).resolve().parent.parent
RED, BACKGROUND = QColor(255, 0, 0), QColor(60, 140, 200)
CAMERA_MAKE, CAMERA_MODEL = b"SnoopCam", b"Model-X100"
GPS_LATITUDE = struct.pack("<IIIIII", 51, 1, 30, 1, 1234, 100)


# --- making test pictures ---------------------------------------------------------------------

def picture(width: int, height: int, marker: int = 0) -> QImage:
    """A blue picture with a red square of ``marker`` pixels in its top-left corner."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(BACKGROUND)
    if marker:
        painter = QPainter(image)
        painter.fillRect(0, 0, marker, marker, RED)
        painter.end()
    return image


def encode(image: QImage, fmt: str, progressive: bool = False) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt.encode())
    writer.setProgressiveScanWrite(progressive)
    assert writer.write(image), writer.errorString()
    buffer.close()
    return bytes(data)


def gif(width: int, height: int, frames: int = 1) -> bytes:
    """A GIF (Qt cannot write them): left half red, right half blue, 8-bit LZW codes."""
    palette = b"\xff\x00\x00" + b"\x00\x00\xff" + bytes(3 * 126)
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF6, 0, 0) + palette
    if frames > 1:
        out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    pixels = bytes(0 if x < width // 2 else 1 for _ in range(height) for x in range(width))
    for _ in range(frames):
        codes = bytearray()
        for start in range(0, len(pixels), 100):  # a clear code every 100 keeps codes 8 bits
            codes.append(128)
            codes.extend(pixels[start:start + 100])
        codes.append(129)
        blocks = b"".join(bytes([len(codes[i:i + 255])]) + codes[i:i + 255]
                          for i in range(0, len(codes), 255))
        out += (b"\x21\xf9\x04\x00\x0a\x00\x00\x00" + b"\x2c"
                + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x07" + blocks + b"\x00")
    return out + b"\x3b"


def _ifd(entries: list[tuple[int, int, int, bytes]], start: int) -> bytes:
    """One little-endian TIFF directory at offset ``start``, values too long to inline after it."""
    size = 2 + 12 * len(entries) + 4
    table, extra = struct.pack("<H", len(entries)), b""
    for tag, kind, count, value in sorted(entries):
        if len(value) <= 4:
            table += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            table += struct.pack("<HHII", tag, kind, count, start + size + len(extra))
            extra += value + b"\x00" * (len(value) % 2)
    return table + struct.pack("<I", 0) + extra


def exif_segment(orientation: int) -> bytes:
    """An APP1 Exif segment: camera make and model, Orientation, and a GPS directory."""
    def ifd0(gps_offset: int) -> bytes:
        return _ifd([(0x010F, 2, len(CAMERA_MAKE) + 1, CAMERA_MAKE + b"\x00"),
                     (0x0110, 2, len(CAMERA_MODEL) + 1, CAMERA_MODEL + b"\x00"),
                     (0x0112, 3, 1, struct.pack("<H", orientation)),
                     (0x8825, 4, 1, struct.pack("<I", gps_offset))], 8)
    gps_offset = 8 + len(ifd0(0))
    gps = _ifd([(0, 1, 4, bytes([2, 3, 0, 0])), (1, 2, 2, b"N\x00"), (2, 5, 3, GPS_LATITUDE),
                (3, 2, 2, b"W\x00"), (4, 5, 3, struct.pack("<IIIIII", 0, 1, 7, 1, 3999, 100))],
               gps_offset)
    payload = b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd0(gps_offset) + gps
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def with_segments(jpeg: bytes, *segments: bytes) -> bytes:
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def comment_segment(text: bytes) -> bytes:
    return b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a JPEG's header segments, up to the first scan."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos < len(data):
        assert data[pos] == 0xFF
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:
            return markers
        pos += 2 + struct.unpack(">H", data[pos + 2:pos + 4])[0]
    raise AssertionError("no scan in JPEG")


def png_chunks(data: bytes) -> list[bytes]:
    chunks, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        chunks.append(data[pos + 4:pos + 8])
        pos += 12 + length
    return chunks


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def blank_png(width: int, height: int) -> bytes:
    """An all-black RGB PNG of any size in little time and memory.

    Each row is compressed once and ended with a full flush, which makes the compressed row
    independent of what came before, so the same bytes can be repeated for every row. All the
    data are zeros, so the Adler-32 checksum is known without computing it.
    """
    row = bytes(1 + 3 * width)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(row) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = ((len(row) * height) % 65521) << 16 | 1
    stream = b"\x78\xda" + block * height + compressor.flush() + struct.pack(">I", adler)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", stream)
            + png_chunk(b"IEND", b""))


def blank_jpeg(width: int, height: int) -> bytes:
    """A grey baseline greyscale JPEG of any size: every 8x8 block is 'no change, end of block'.

    One-symbol Huffman tables make each block two zero bits, so 20,000 x 20,000 is 1.5 MB.
    """
    def segment(marker: int, body: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body
    one_code = bytes([1] + [0] * 15) + b"\x00"
    blocks = -(-width // 8) * -(-height // 8)
    return (b"\xff\xd8" + segment(0xDB, b"\x00" + bytes([1] * 64))
            + segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
            + segment(0xC4, b"\x00" + one_code + b"\x10" + one_code)
            + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
            + bytes(-(-blocks * 2 // 8)) + b"\xff\xd9")


def bmp_header_only(width: int, height: int) -> bytes:
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54 + 3 * width * height, 0, 0, 54) + header


def decoded(result: imaging.ImportedImage) -> QImage:
    image = QImage.fromData(result.data)
    assert not image.isNull()
    assert (image.width(), image.height()) == (result.width, result.height)
    return image


def is_red(colour: QColor) -> bool:
    return colour.red() > 200 and colour.green() < 60 and colour.blue() < 60


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --- reading the accepted formats ----------------------------------------------------------

@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp", "tiff", "bmp"])
def test_each_format_qt_writes_is_read_upright_and_stored_as_jpeg(tmp_path, fmt):
    path = write(tmp_path, f"portrait.{fmt}", encode(picture(900, 700, marker=80), fmt))
    result = import_image(path)
    assert (result.extension, result.mime) == ("jpg", "image/jpeg")
    assert result.data.startswith(b"\xff\xd8")
    assert (result.width, result.height, result.warnings) == (900, 700, ())
    assert result.original_name == f"portrait.{fmt}"
    image = decoded(result)
    assert is_red(image.pixelColor(20, 20)) and not is_red(image.pixelColor(500, 500))


def test_gif_is_read_and_an_animation_is_reduced_to_its_first_frame(tmp_path):
    still = import_image(write(tmp_path, "still.gif", gif(800, 640)))
    assert (still.width, still.height, still.warnings) == (800, 640, ())
    image = decoded(still)
    assert is_red(image.pixelColor(10, 10)) and image.pixelColor(790, 10).blue() > 200
    moving = import_image(write(tmp_path, "moving.gif", gif(800, 640, frames=3)))
    assert moving.warnings and "first frame" in moving.warnings[0]


def test_the_content_decides_not_the_name(tmp_path):
    path = write(tmp_path, "really-a-png.jpg", encode(picture(700, 650), "png"))
    assert import_image(path).width == 700


def test_bytes_and_files_give_the_same_picture(tmp_path):
    data = encode(picture(1200, 800, marker=100), "png")
    from_file = import_image(write(tmp_path, "a.png", data))
    from_bytes = import_image_bytes(data, "pasted.png")
    assert from_bytes.data == from_file.data
    assert from_bytes.original_name == "pasted.png"


# --- rotation and privacy -----------------------------------------------------------------------

def test_exif_rotation_is_applied_and_camera_and_location_are_removed(tmp_path):
    # Stored 1200 wide x 800 high with the marker top-left; Orientation 6 means "turn a quarter
    # clockwise to view", which puts the marker top-right of an upright 800 x 1200 photo.
    jpeg = encode(picture(1200, 800, marker=120), "jpeg")
    original = with_segments(jpeg, exif_segment(6), comment_segment(b"Taken at 10 Acacia Avenue"))
    assert CAMERA_MAKE in original and GPS_LATITUDE in original  # the test file really has them
    result = import_image(write(tmp_path, "IMG_0042.JPG", original))
    assert (result.width, result.height) == (800, 1200)
    image = decoded(result)
    assert is_red(image.pixelColor(780, 20))
    assert not is_red(image.pixelColor(20, 20)) and not is_red(image.pixelColor(780, 1180))
    markers = jpeg_markers(result.data)
    assert not [m for m in markers if 0xE1 <= m <= 0xEF or m == 0xFE], [hex(m) for m in markers]
    for secret in (b"Exif", CAMERA_MAKE, CAMERA_MODEL, GPS_LATITUDE, b"Acacia"):
        assert secret not in result.data


def test_colour_profile_is_converted_to_srgb_and_not_stored(tmp_path):
    image = picture(800, 800)
    image.fill(QColor(200, 100, 50))
    image.setColorSpace(QColorSpace(QColorSpace.NamedColorSpace.DisplayP3))
    original = encode(image, "jpeg")
    assert b"ICC_PROFILE" in original
    result = import_image(write(tmp_path, "p3.jpg", original))
    assert 0xE2 not in jpeg_markers(result.data) and b"ICC_PROFILE" not in result.data
    expected = QColorSpace(QColorSpace.NamedColorSpace.DisplayP3).transformationToColorSpace(
        QColorSpace(QColorSpace.NamedColorSpace.SRgb)).map(QColor(200, 100, 50))
    assert expected.getRgb()[:3] != (200, 100, 50)  # the conversion really changes the values
    got = decoded(result).pixelColor(400, 400)
    for channel in ("red", "green", "blue"):
        assert abs(getattr(got, channel)() - getattr(expected, channel)()) <= 4, channel


def test_transparent_picture_stays_png_without_its_text_chunks(tmp_path):
    image = QImage(800, 700, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.fillRect(100, 100, 300, 300, RED)
    painter.end()
    image.setText("Location", "Ward 7, St Elsewhere")
    original = encode(image, "png")
    assert b"St Elsewhere" in original
    result = import_image(write(tmp_path, "logo.png", original))
    assert (result.extension, result.mime) == ("png", "image/png")
    assert not {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"} & set(png_chunks(result.data))
    assert b"St Elsewhere" not in result.data
    stored = decoded(result)
    assert stored.pixelColor(10, 10).alpha() == 0
    assert is_red(stored.pixelColor(200, 200)) and stored.pixelColor(200, 200).alpha() == 255


@pytest.mark.parametrize(("purpose", "fmt", "extension"), [
    ("photo", "png", "jpg"), ("illustration", "png", "png"), ("illustration", "jpeg", "jpg"),
    ("diagram", "jpeg", "png"), ("diagram", "png", "png")])
def test_purpose_chooses_the_stored_format(tmp_path, purpose, fmt, extension):
    path = write(tmp_path, f"picture.{fmt}", encode(picture(800, 600), fmt))
    assert import_image(path, purpose=purpose).extension == extension


def test_unknown_purpose_is_a_programming_error(tmp_path):
    path = write(tmp_path, "a.png", encode(picture(800, 600), "png"))
    with pytest.raises(ValueError):
        import_image(path, purpose="selfie")


# --- size ------------------------------------------------------------------------------------

def test_large_picture_is_scaled_to_the_long_side_limit(tmp_path):
    path = write(tmp_path, "wide.png", encode(picture(3000, 1500, marker=300), "png"))
    result = import_image(path)
    assert (result.width, result.height) == (2000, 1000)
    assert is_red(decoded(result).pixelColor(100, 100))
    narrower = import_image(path, max_long_side=900)
    assert (narrower.width, narrower.height) == (900, 450)


def test_small_photo_gets_a_warning_and_is_not_enlarged(tmp_path):
    path = write(tmp_path, "tiny.jpg", encode(picture(500, 400), "jpeg"))
    result = import_image(path)
    assert (result.width, result.height) == (500, 400)
    assert len(result.warnings) == 1 and "500 × 400" in result.warnings[0]
    assert "print" in result.warnings[0]
    assert import_image(path, min_short_side=400).warnings == ()
    fine = write(tmp_path, "fine.jpg", encode(picture(800, 600), "jpeg"))
    assert import_image(fine).warnings == ()


def test_20000_pixel_jpeg_is_decoded_small(tmp_path):
    path = write(tmp_path, "scan.jpg", blank_jpeg(20000, 20000))
    # Decoding it whole would need 400 MB, which the reader's allocation limit refuses ...
    previous = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(imaging.ALLOCATION_LIMIT_MB)
    try:
        assert QImageReader(str(path)).read().isNull()
    finally:
        QImageReader.setAllocationLimit(previous)
    # ... so this can only succeed by decoding at reduced size (setScaledSize before read).
    result = import_image(path)
    assert (result.width, result.height) == (2000, 2000)
    assert QImageReader.allocationLimit() == previous


def test_20000_pixel_png_is_refused_before_decoding(tmp_path):
    assert import_image_bytes(blank_png(700, 640), "check.png").width == 700  # helper is valid
    path = write(tmp_path, "poster.png", blank_png(20000, 20000))
    with pytest.raises(ImageImportError, match="20,000 × 20,000 pixels.*too large"):
        import_image(path)


_MEMORY_PROBE = """
import json, resource, sys
from PySide6.QtCore import QCoreApplication
from pipwriter.imaging import ImageImportError, import_image
try:
    result = import_image(sys.argv[1])
    outcome = [result.width, result.height]
except ImageImportError as error:
    outcome = str(error)
def peak_mb():
    # ru_maxrss survives exec on Linux (it would report the parent's peak): read VmHWM instead
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "app": QCoreApplication.instance() is not None,
                  "peak_mb": peak_mb()}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="peak memory is read with the resource module")
@pytest.mark.parametrize(("name", "make"), [("big.jpg", blank_jpeg), ("big.png", blank_png)])
def test_huge_pictures_keep_memory_bounded_without_a_gui_application(tmp_path, name, make):
    """In a fresh process: no QGuiApplication is created, and the peak stays far below the
    1.6 GB a whole 20,000 x 20,000 decode would need."""
    path = write(tmp_path, name, make(20000, 20000))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    run = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path)], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["app"] is False
    assert report["peak_mb"] < 300, report
    if name.endswith(".jpg"):
        assert report["outcome"] == [2000, 2000]
    else:
        assert "too large" in report["outcome"]


# --- bad input ---------------------------------------------------------------------------------

def _refused(path: Path, *phrases: str) -> str:
    folder = path.parent if path.parent.exists() else None
    before = sorted(folder.iterdir()) if folder else None
    with pytest.raises(ImageImportError) as caught:
        import_image(path)
    message = str(caught.value)
    assert path.name in message
    for phrase in phrases:
        assert phrase in message, message
    if folder:
        assert sorted(folder.iterdir()) == before  # nothing written beside the picture
    return message


def test_renamed_text_file(tmp_path):
    path = write(tmp_path, "holiday.jpg", b"Dear Sam,\nhere are the notes from Tuesday.\n")
    _refused(path, "contains text, not a picture")


def test_binary_file_of_an_unknown_kind(tmp_path):
    _refused(write(tmp_path, "mystery.png", bytes(range(256)) * 8), "JPEG, PNG")
    _refused(write(tmp_path, "mystery.png", bytes(range(256)) * 8), "may be damaged")
    _refused(write(tmp_path, "mystery.bin", bytes(range(256)) * 8), "not a kind of picture")


def test_truncated_jpeg(tmp_path):
    data = encode(picture(1000, 800, marker=100), "jpeg")
    _refused(write(tmp_path, "cut.jpg", data[: len(data) // 2]), "incomplete")
    _refused(write(tmp_path, "cut-end.jpg", data[:-2]), "incomplete")


def test_truncated_progressive_jpeg(tmp_path):
    data = encode(picture(1000, 800, marker=100), "jpeg", progressive=True)
    assert data.count(b"\xff\xda") > 1  # really several scans
    assert import_image(write(tmp_path, "whole.jpg", data)).width == 1000
    _refused(write(tmp_path, "cut.jpg", data[: len(data) * 3 // 4]), "incomplete")


def test_data_after_the_end_of_a_jpeg_is_fine(tmp_path):
    """Phones append a video or a second picture after the photo ("motion photos")."""
    data = encode(picture(1000, 800, marker=100), "jpeg")
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8000
    assert import_image(write(tmp_path, "PXL_MP.jpg", data + video)).width == 1000


def test_truncated_gif_and_bmp(tmp_path):
    data = gif(800, 640)
    _refused(write(tmp_path, "cut.gif", data[: len(data) // 2]), "incomplete")
    data = encode(picture(800, 640), "bmp")
    _refused(write(tmp_path, "cut.bmp", data[: len(data) - 100]), "incomplete")


def test_corrupt_png_and_webp(tmp_path):
    for fmt in ("png", "webp"):
        data = encode(picture(800, 640, marker=50), fmt)
        _refused(write(tmp_path, f"cut.{fmt}", data[: len(data) // 2]), "could not be read")


def test_20000_pixel_bmp_header_without_pixels(tmp_path):
    _refused(write(tmp_path, "header.bmp", bmp_header_only(20000, 20000)), "incomplete")


def test_missing_file_and_folder(tmp_path):
    _refused(tmp_path / "gone.jpg", "could not be found")
    folder = tmp_path / "Photos"
    folder.mkdir()
    _refused(folder, "is a folder")


def test_empty_file(tmp_path):
    _refused(write(tmp_path, "empty.jpg", b""), "is empty")


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "enormous.tif"
    with open(path, "wb") as handle:  # a sparse file: takes no real disk space
        handle.truncate(imaging.MAX_FILE_BYTES + 1)
    _refused(path, "too big", "200 MB")


def test_unreadable_file_when_opening_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.jpg", encode(picture(800, 600), "jpeg"))

    def refuse(_path):
        raise PermissionError(13, "Permission denied", str(_path))

    monkeypatch.setattr(picture_files, "open_binary", refuse)
    _refused(path, "isn't allowed to open")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="file permissions need a normal user (root may read anything)")
def test_unreadable_file_by_permissions(tmp_path):
    path = write(tmp_path, "locked.jpg", encode(picture(800, 600), "jpeg"))
    path.chmod(0)
    try:
        _refused(path, "isn't allowed to open")
    finally:
        path.chmod(0o600)


def test_heic_photo_gets_advice(tmp_path):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(4000)
    message = _refused(write(tmp_path, "IMG_1234.HEIC", heic), "HEIC", "Most Compatible")
    assert "JPEG" in message
    # The same file with a JPEG name is still recognised for what it is.
    _refused(write(tmp_path, "IMG_1234.jpg", heic), "HEIC")


@pytest.mark.parametrize(("name", "data", "phrase"), [
    ("photo.avif", b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "AVIF"),
    ("clip.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "video"),
    ("poster.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00", "document"),
    ("DSC_0001.NEF", b"MM\x00*\x00\x00\x00\x08" + bytes(100), "RAW"),
    ("chart.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
])
def test_other_kinds_of_file_say_what_to_do(tmp_path, name, data, phrase):
    _refused(write(tmp_path, name, data), phrase)


# --- cropping and previews ----------------------------------------------------------------------

def striped(width: int, height: int) -> bytes:
    """Red left quarter, blue middle, green right quarter."""
    image = picture(width, height)
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 4, height, RED)
    painter.fillRect(width - width // 4, 0, width // 4, height, QColor(0, 200, 0))
    painter.end()
    return encode(image, "png")


def test_crop_square_centred(tmp_path):
    original = import_image(write(tmp_path, "wide.png", striped(1600, 800)))
    square = crop_square(original)
    assert (square.width, square.height, square.extension) == (800, 800, "jpg")
    image = decoded(square)
    for x in (5, 400, 795):  # the red and green quarters are cut away
        colour = image.pixelColor(x, 400)
        assert colour.blue() > 150 and colour.red() < 100 and colour.green() < 180


def test_crop_square_given_and_warning_recomputed(tmp_path):
    original = import_image(write(tmp_path, "wide.png", striped(1600, 800)))
    square = crop_square(original, (0, 100, 500, 500))
    assert (square.width, square.height) == (500, 500)
    assert is_red(decoded(square).pixelColor(20, 250))
    assert len(square.warnings) == 1 and "500 × 500" in square.warnings[0]
    assert crop_square(square, (0, 0, 300, 300), min_short_side=200).warnings == ()


def test_crop_square_rejects_bad_rectangles(tmp_path):
    original = import_image(write(tmp_path, "wide.png", striped(1600, 800)))
    for rect in ((0, 0, 500, 400), (1200, 0, 600, 600), (-1, 0, 300, 300), (0, 0, 0, 0)):
        with pytest.raises(ValueError):
            crop_square(original, rect)


def test_crop_square_keeps_transparency(tmp_path):
    image = QImage(900, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    original = import_image(write(tmp_path, "clear.png", encode(image, "png")))
    square = crop_square(original)
    assert square.extension == "png" and decoded(square).pixelColor(5, 5).alpha() == 0


def test_thumbnail_fits_and_never_enlarges(tmp_path):
    stored = import_image(write(tmp_path, "wide.png", striped(1600, 800)))
    small = thumbnail(stored.data, 200)
    assert (small.width(), small.height()) == (200, 100)
    assert is_red(small.pixelColor(10, 50))
    assert thumbnail(encode(picture(120, 90), "png"), 200).size().toTuple() == (120, 90)
    with pytest.raises(ImageImportError):
        thumbnail(b"not a picture at all", 200)


def test_file_dialog_filter_lists_every_supported_ending():
    text = file_dialog_filter()
    pictures, everything = text.split(";;")
    assert pictures.startswith("Pictures (") and everything == "All files (*)"
    patterns = pictures.removeprefix("Pictures (").removesuffix(")").split()
    for ext in ("jpg", "jpeg", "png", "webp", "tif", "tiff", "gif", "bmp"):
        assert ext in imaging.SUPPORTED_EXTENSIONS
        assert f"*.{ext}" in patterns
