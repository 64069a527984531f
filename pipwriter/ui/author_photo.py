"""The chosen author's photo in the Authors panel: the picture (drop one on it), Choose, Crop and
Remove, the consent tick, and what is known about the picture.

Photos are imported by :mod:`pipwriter.imaging` (checked, rotated, stripped of metadata,
scaled) and stored in the project's media store; the article holds only a reference to the
stored copy. Each change is one undoable step (``session.change``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..model.article.article import Article
from ..model.article.author import Author
from ..model.article.media import Photo
from .media_widgets import (
    ImageDrop,
    dropped_file,
    import_picture,
    picture_info,
    read_media,
    small_picture_warning,
    store_picture,
    warning_label,
)
from .settings import PICTURES
from .spell_line_edit import mark_field


class AuthorPhotoBox(QGroupBox):
    """The photo of the author ``current_author()`` returns; says ``changed`` after each
    change to the article (the panel then shows it again)."""

    changed = Signal()

    def __init__(self, window, current_author: Callable[[], Author | None], parent=None):
        super().__init__("Photo", parent)
        self.window_ = window
        self.session = window.session
        self.current_author = current_author
        self._loading = False
        self._import_warnings: dict[str, list[str]] = {}   # stored name -> warnings on import
        self.preview = ImageDrop(self.drop_photo, "No photo yet.\nDrop a picture here, or "
                                                  "choose one.")
        self.choose_button = QPushButton("Choo&se photo…")
        mark_field(self.choose_button, "photo")   # where "There is no photo of …" goes
        self.crop_button = QPushButton("&Crop photo…")
        self.remove_photo_button = QPushButton("Remove &photo")
        self.choose_button.clicked.connect(self.choose_photo)
        self.crop_button.clicked.connect(self.crop_photo)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.consent = QCheckBox("This person a&grees this photo can be printed")
        self.consent.setAccessibleDescription("Consent: tick when this person has agreed that "
                                              "this photo can be printed")
        self.consent.toggled.connect(self._consent_toggled)
        self.photo_info = QLabel()
        self.photo_info.setWordWrap(True)
        self.photo_warnings = warning_label()
        photo_buttons = QVBoxLayout()
        for button in (self.choose_button, self.crop_button, self.remove_photo_button):
            button.setAccessibleName(button.text().replace("&", ""))
            photo_buttons.addWidget(button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.preview)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        photo_layout = QVBoxLayout(self)
        photo_layout.addLayout(photo_row)
        photo_layout.addWidget(self.photo_info)
        photo_layout.addWidget(self.consent)
        photo_layout.addWidget(self.photo_warnings)

    @property
    def dialogs(self):
        return self.window_.dialogs

    def load(self, author: Author | None) -> None:
        """Show ``author``'s photo (None: no author chosen)."""
        photo = author.photo if author else None
        for widget in (self.crop_button, self.remove_photo_button, self.consent):
            widget.setEnabled(photo is not None)
        self._loading = True
        self.consent.setChecked(bool(photo and photo.consent))
        self._loading = False
        if photo is None:
            self.preview.show_media(self.session, None)
            self.photo_info.setText("")
            self.photo_warnings.setText("")
            return
        ref = photo.media
        self.preview.show_media(self.session, ref, "The photo is missing from the project file. "
                                                   "Choose it again.",
                                spoken=f"Photo of {author.name}" if author else "")
        self.photo_info.setText(picture_info(ref))
        warnings = list(self._import_warnings.get(ref.name, []))
        if not warnings:
            minimum = self.session.template.rules.photo_min_short_side_px
            warnings = [w for w in [small_picture_warning(ref, minimum)] if w]
        if not photo.consent:
            warnings.append("Tick the consent box once this person has agreed to publication "
                            "of this photo.")
        self.photo_warnings.setText("\n".join(warnings))

    def choose_photo(self) -> bool:
        from .. import imaging
        author = self.current_author()
        if author is None:
            return False
        path = self.dialogs.ask_file(f"Choose a photo of {author.name}",
                                     imaging.file_dialog_filter(), kind=PICTURES)
        return self.import_photo(path) if path else False

    def drop_photo(self, mime: QMimeData) -> bool:
        """Drag-and-drop onto the preview: use the dropped file as the photo."""
        if self.current_author() is None:
            return False
        path = dropped_file(mime)
        if path is None:
            self.dialogs.error("Add a photo", "Drop a picture file from your computer, "
                                              "such as a JPEG or PNG.")
            return False
        return self.import_photo(path)

    def import_photo(self, path: Path) -> bool:
        """Make the picture at ``path`` the current author's photo (one undoable step)."""
        author = self.current_author()
        if author is None:
            return False
        image = import_picture(self.window_, path, "photo", "Could not use this photo")
        if image is None:
            return False
        self._set_photo(author.id, image, consent=False, description="Add photo")
        return True

    def _set_photo(self, author_id: str, image, consent: bool, description: str) -> None:
        ref = store_picture(self.session, image)
        self._import_warnings[ref.name] = list(image.warnings)
        photo = Photo(ref, consent)

        def apply(article: Article) -> None:
            target = article.author(author_id)
            if target is not None:
                target.photo = photo
        self.session.change(description, apply)
        self.changed.emit()

    def crop_photo(self) -> bool:
        """Ask which square of the photo to keep, then crop to it (one undoable step)."""
        from .. import imaging
        author = self.current_author()
        if author is None or author.photo is None:
            return False
        data = read_media(self.session, author.photo.media)
        if data is None:
            self.dialogs.error("Crop photo", "The photo is missing from the project file. "
                                             "Choose it again.")
            return False
        ref = author.photo.media
        minimum = self.session.template.rules.photo_min_short_side_px
        rect = self.dialogs.ask_crop_square(f"Crop the photo of {author.name}", data, minimum)
        if rect is None:
            return False
        extension = "jpg" if ref.name.lower().endswith((".jpg", ".jpeg")) else "png"
        stored = imaging.ImportedImage(data, extension, ref.mime,
                                       ref.width, ref.height, (), ref.original_name)
        try:
            image = imaging.crop_square(stored, rect, min_short_side=minimum)
        except (imaging.ImageImportError, ValueError) as error:
            self.dialogs.error("Crop photo", f"The photo could not be cropped: {error}")
            return False
        self._set_photo(author.id, image, consent=author.photo.consent,
                        description="Crop photo to square")
        return True

    def remove_photo(self) -> None:
        author = self.current_author()
        if author is None or author.photo is None:
            return
        author_id = author.id

        def apply(article: Article) -> None:
            target = article.author(author_id)
            if target is not None:
                target.photo = None
        self.session.change(f"Remove photo of {author.name}", apply)
        self.changed.emit()

    def _consent_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        author = self.current_author()
        if author is None or author.photo is None or author.photo.consent == checked:
            return
        author_id = author.id

        def apply(article: Article) -> None:
            target = article.author(author_id)
            if target is not None and target.photo is not None:
                target.photo.consent = checked
        self.session.change("Photo consent", apply)
        self.changed.emit()
