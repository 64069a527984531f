"""What hidden details a photo file carries (read from its bytes, without Qt), so the app can
tell the user what it removed: where the photo was taken (GPS) and the camera or phone.

Reads the EXIF block of a JPEG (APP1 "Exif") or a PNG (eXIf chunk): the first directory's tags
for GPS (0x8825) and camera make or model (0x010F, 0x0110). Anything it cannot read counts as
nothing found; the picture itself is always re-encoded without any of it (see imaging.py).
"""

from __future__ import annotations

import struct

LOCATION, CAMERA = "location", "camera"
_GPS_IFD, _MAKE, _MODEL = 0x8825, 0x010F, 0x0110
_SCAN_LIMIT = 1 << 20      # EXIF sits near the start of a file


def _exif_block(data: bytes) -> bytes:
    if data[:2] == b"\xff\xd8":                        # JPEG: walk the segments
        position = 2
        while position + 4 <= min(len(data), _SCAN_LIMIT):
            if data[position] != 0xFF:
                return b""
            marker = data[position + 1]
            if marker in (0xD9, 0xDA):                 # end of image / start of scan
                return b""
            length = struct.unpack(">H", data[position + 2:position + 4])[0]
            body = data[position + 4:position + 2 + length]
            if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
                return body[6:]
            position += 2 + length
        return b""
    if data[:8] == b"\x89PNG\r\n\x1a\n":               # PNG: walk the chunks
        position = 8
        while position + 8 <= min(len(data), _SCAN_LIMIT):
            length, kind = struct.unpack(">I4s", data[position:position + 8])
            if kind == b"eXIf":
                return data[position + 8:position + 8 + length]
            if kind == b"IDAT":
                return b""
            position += 12 + length
    return b""


def hidden_details(data: bytes) -> set[str]:
    """{"location", "camera"} or fewer: what the file's EXIF block holds."""
    tiff = _exif_block(data)
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return set()
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        offset = struct.unpack(order + "I", tiff[4:8])[0]
        count = struct.unpack(order + "H", tiff[offset:offset + 2])[0]
        tags = {struct.unpack(order + "H", tiff[offset + 2 + 12 * i:offset + 4 + 12 * i])[0]
                for i in range(min(count, 512))}
    except struct.error:
        return set()
    found = set()
    if _GPS_IFD in tags:
        found.add(LOCATION)
    if tags & {_MAKE, _MODEL}:
        found.add(CAMERA)
    return found


def removed_message(found: set[str]) -> str:
    """A plain sentence saying what was taken out of the photo, or ""."""
    if LOCATION in found:
        return ("Where this photo was taken (its location data) was removed from the copy "
                "kept in the article" + (", and so was the camera's name." if CAMERA in found
                                         else "."))
    if CAMERA in found:
        return "The camera's name was removed from the copy of the photo kept in the article."
    return ""
