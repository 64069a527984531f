"""The app tells the user when a photo carried where it was taken (or the camera), and the
copy kept in the article never does."""

from __future__ import annotations

import struct

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from pipwriter.model.article.photo_metadata import (
    CAMERA,
    LOCATION,
    hidden_details,
    removed_message,
)


def _jpeg(width=700, height=700) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(buffer.data())


def _exif(tags: list[int], order: str = "<") -> bytes:
    head = (b"II" if order == "<" else b"MM") + struct.pack(order + "HI", 42, 8)
    entries = b"".join(struct.pack(order + "HHII", tag, 4, 1, 0) for tag in tags)
    return b"Exif\x00\x00" + head + struct.pack(order + "H", len(tags)) + entries + b"\0\0\0\0"


def _with_exif(jpeg: bytes, tags: list[int], order: str = "<") -> bytes:
    body = _exif(tags, order)
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def test_location_and_camera_are_found_in_either_byte_order(qapp):
    plain = _jpeg()
    assert hidden_details(plain) == set()
    assert hidden_details(_with_exif(plain, [0x010F, 0x8825])) == {LOCATION, CAMERA}
    assert hidden_details(_with_exif(plain, [0x8825], ">")) == {LOCATION}
    assert hidden_details(_with_exif(plain, [0x0110])) == {CAMERA}
    assert hidden_details(b"not a picture") == set()
    assert hidden_details(_with_exif(plain, [0x8825])[:22]) == set()     # cut short


def test_the_message_is_plain_and_says_what_went(qapp):
    assert "location" in removed_message({LOCATION, CAMERA})
    assert "camera" in removed_message({CAMERA})
    assert removed_message(set()) == ""


def test_importing_a_photo_with_location_says_so_and_keeps_none(controller, qtbot, tmp_path):
    path = tmp_path / "phone.jpg"
    path.write_bytes(_with_exif(_jpeg(), [0x010F, 0x8825]))
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel("authors")
    panel = window.panels["authors"]
    panel.list.setCurrentRow(0)
    assert panel.photo.import_photo(path)
    assert "location data" in window.statusBar().currentMessage()
    author = window.session.article.authors[0]
    kept = window.session.project.media.read(author.photo.media.name)
    assert hidden_details(kept) == set()
