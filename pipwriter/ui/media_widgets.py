"""Pieces shared by the Authors and Illustrations panels: a picture preview that takes dropped
files, inline problem labels, importing and storing pictures, and keeping removed media so undo
still finds them after a save.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QListWidget

from ..model.article.media import MediaRef
from ..model.article.picture_files import too_small

PREVIEW_PX = 160


def dropped_file(mime: QMimeData) -> Path | None:
    """The first local file in dropped data, or None."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


PROBLEM_COLOUR = "#a61b1b"       # a problem to put right (7.3:1 on white)
WARNING_COLOUR = "#8a5300"       # something to look at (6.4:1 on white)


def problem_label() -> QLabel:
    """An inline message shown under a field (hidden while empty)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
    label.setVisible(False)
    return label


def show_problem(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def warning_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {WARNING_COLOUR};")
    return label


ALL_ROWS_MOST = 12      # rows a list that shows all its rows asks room for, at most...
ALL_ROWS_LEAST = 4      # ...and will not be squeezed below (the page scrolls instead)


class AllRowsList(QListWidget):
    """A list that asks for the room of all its rows (up to ALL_ROWS_MOST): where the page it
    is on must scroll (the largest text), the page scrolls as a whole rather than the list
    showing a row and a half of three (found by a walk: the first key message was out of
    sight while the count under the list said "2 key messages")."""

    def __init__(self) -> None:
        super().__init__()
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.dataChanged):
            signal.connect(self._rows_changed)

    def _rows_changed(self, *_args) -> None:
        self.updateGeometry()

    def _rows_height(self, most: int) -> int:
        rows = sum(self.sizeHintForRow(row) + 2 * self.spacing()
                   for row in range(min(self.count(), most)))
        return max(rows, 3 * self.fontMetrics().lineSpacing()) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().sizeHint().width(), self._rows_height(ALL_ROWS_MOST))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().minimumSizeHint().width(), self._rows_height(ALL_ROWS_LEAST))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():   # its rows wrap again
            self.updateGeometry()


def wrapping_list(all_rows: bool = False) -> QListWidget:
    """A list whose long entries wrap instead of scrolling sideways; ``all_rows``: one that
    asks for the room of all its rows (:class:`AllRowsList`)."""
    widget = AllRowsList() if all_rows else QListWidget()
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    return widget


def read_media(session, ref: MediaRef) -> bytes | None:
    """The stored bytes of a picture, or None if the file is missing from the project."""
    if ref.name not in session.project.media:
        return None
    try:
        return session.project.media.read(ref.name)
    except (OSError, KeyError, ValueError):
        return None


class ImageDrop(QLabel):
    """A picture preview that also takes an image file dropped onto it."""

    CACHE = 12   # previews kept, so refreshing a panel does not decode the picture again

    def __init__(self, on_drop: Callable[[QMimeData], bool], empty_text: str,
                 size: int = PREVIEW_PX, parent=None):
        super().__init__(parent)
        self._on_drop = on_drop
        self._empty_text = empty_text
        self._size = size
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(size, size)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.show_media(None, None)

    def set_empty_text(self, text: str) -> None:
        """What it says with no picture in it (shown now if there is none)."""
        self._empty_text = text
        if self.pixmap().isNull():
            self.setText(text)

    def show_media(self, session, ref: MediaRef | None, missing: str = "",
                   spoken: str = "") -> None:
        """Show a stored picture, the "missing" text, or (no picture) the "drop here" text.
        A screen reader hears the text shown, or ``spoken`` (what the picture is) with it."""
        from .. import imaging
        self.setPixmap(QPixmap())
        self.setAccessibleName("")          # text is read as it stands
        self.setAccessibleDescription("You can drop a picture file here.")
        if ref is None:
            self.setText(self._empty_text)
            return
        pixmap = self._cache.get(ref.name)
        if pixmap is None:
            data = read_media(session, ref)
            if data is None:
                self.setText(missing)
                return
            try:
                image = imaging.thumbnail(data, self._size)
            except (imaging.ImageImportError, ValueError):
                image = None
            if image is None or image.isNull():
                self.setText("The picture cannot be shown.")
                return
            pixmap = QPixmap.fromImage(image)
            self._cache[ref.name] = pixmap
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
        self._cache.move_to_end(ref.name)
        self.setText("")
        self.setPixmap(pixmap)
        self.setAccessibleName(spoken or "The picture")

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent  # noqa: N815 - Qt API

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        event.acceptProposedAction()
        self._on_drop(mime)


def import_picture(window, path: Path, purpose: str, title: str):
    """Import an image file (checked, upright, cleaned, scaled), or tell the user why not.

    Returns an :class:`~pipwriter.imaging.ImportedImage` or None.
    """
    from .. import imaging
    rules = window.session.template.rules
    try:
        image = imaging.import_image(Path(path),
                                     max_long_side=rules.image_max_long_side_px,
                                     min_short_side=rules.photo_min_short_side_px,
                                     purpose=purpose)
        _say_what_was_removed(window, Path(path))
        return image
    except imaging.ImageImportError as error:
        window.dialogs.error(title, str(error))
    except OSError as error:
        window.dialogs.error(title, f"“{Path(path).name}” could not be read: "
                                    f"{error.strerror or error}.")
    return None


def _say_what_was_removed(window, path: Path) -> None:
    """Tell the user when the photo carried its location or camera (both are never kept)."""
    from ..model.article.photo_metadata import hidden_details, removed_message
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return
    message = removed_message(hidden_details(head))
    if message:
        window.statusBar().showMessage(message, 12000)


def store_picture(session, image) -> MediaRef:
    name = session.project.media.add_bytes(image.data, image.extension)
    return MediaRef(name, image.original_name, image.mime, len(image.data), image.width,
                    image.height)


def picture_info(ref: MediaRef) -> str:
    from ..model.rules.media_rules import format_size
    # the app's cleaned copy, not the file chosen (a walk read "522 KB from 'big.jpg'" as
    # the size of the 6 MB photo it chose)
    original = f", a cleaned copy of “{ref.original_name}”" if ref.original_name else ""
    return f"{ref.width} × {ref.height} pixels, {format_size(ref.size)}{original}."


def small_picture_warning(ref: MediaRef, min_short_side: int) -> str:
    if too_small(ref.width, ref.height, min_short_side):
        return (f"This picture is {ref.width} × {ref.height} pixels, which may look blurred "
                f"when printed (at least {min_short_side} pixels on the shorter side is "
                "better).")
    return ""

