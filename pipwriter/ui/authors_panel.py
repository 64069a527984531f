"""Authors and photos: the byline (in order) and a form for the chosen author, with their photo.

Every edit is one undoable step (``session.change``), applied when a field is left. Photos are
imported by :mod:`pipwriter.imaging` (checked, rotated, stripped of metadata, scaled) and stored
in the project's media store; the article holds only a reference to the stored copy.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model.article import structure
from ..model.article.article import Article
from ..model.article.author import Author
from ..model.article.handles import HandleError, normalise_handle
from ..model.article.limits import AUTHOR_NAME_MAX
from ..model.article.media import Photo
from ..model.article.ordering import move_item
from .id_list import current_id, fill_id_list
from .media_widgets import (
    ImageDrop,
    dropped_file,
    import_picture,
    picture_info,
    problem_label,
    read_media,
    show_problem,
    small_picture_warning,
    store_picture,
    warning_label,
    wrapping_list,
)
from .spell_line_edit import SpellLineEdit, mark_field

ROLE = Qt.ItemDataRole.UserRole
NAME_MAX = min(200, AUTHOR_NAME_MAX)    # the project file refuses longer names


class AuthorsPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        self._loading = False
        self._loaded_id = ""
        self._import_warnings: dict[str, list[str]] = {}   # stored name -> warnings on import
        template = self.session.template
        panel = template.panels.get("authors")
        intro = QLabel(panel.prompt if panel else "")
        intro.setWordWrap(True)

        self.list = wrapping_list()
        self.list.setAccessibleName("Authors in byline order")
        self.list.currentItemChanged.connect(lambda *_: self._load_form())
        self.add_button = QPushButton("Add an au&thor")
        self.remove_button = QPushButton("Re&move author")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        self.add_button.clicked.connect(self.add_author)
        self.remove_button.clicked.connect(self.remove_author)
        self.up_button.clicked.connect(lambda: self.move_author(-1))
        self.down_button.clicked.connect(lambda: self.move_author(1))
        buttons = QGridLayout()
        for i, button in enumerate((self.add_button, self.remove_button, self.up_button,
                                    self.down_button)):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button, i // 2, i % 2)

        # the form
        self.name = self._line("Name, as it should appear in the byline", "name")
        self.name.setMaxLength(NAME_MAX)
        self.name_problem = problem_label()
        self.credentials = self._line("Credentials, for example MBChB, MRCGP or patient partner",
                                      "credentials")
        self.partner = QComboBox()
        self.partner.setAccessibleName("Partner type")
        for partner_type in template.partner_types:
            self.partner.addItem(partner_type.label, partner_type.id)
        self.partner.currentIndexChanged.connect(lambda *_: self._apply_form())
        self.role = self._line("Role in the project", "role", prose=True)
        self.affiliation = self._line("Affiliation (organisation, town)", "affiliation")
        self.email = self._line("E-mail address", "email")
        self.handle = self._line("Twitter/X handle, for example @NHSEngland", "handle")
        self.handle.setPlaceholderText("@name, name or a profile link")
        self.handle_problem = problem_label()
        self.corresponding = QCheckBox("Co&rresponding author (the editors write to them)")
        self.corresponding.toggled.connect(lambda *_: self._apply_form())
        self.email_hint = problem_label()
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("", self.name_problem)
        form.addRow("Cre&dentials:", self.credentials)
        form.addRow("Partner t&ype:", self.partner)
        form.addRow("R&ole in the project:", self.role)
        form.addRow("Affi&liation:", self.affiliation)
        form.addRow("E-ma&il:", self.email)
        form.addRow("Twitter/&X:", self.handle)
        form.addRow("", self.handle_problem)
        form.addRow("", self.corresponding)
        form.addRow("", self.email_hint)

        # the photo
        self.preview = ImageDrop(self.drop_photo, "No photo yet.\nDrop a picture here, or "
                                                  "choose one.")
        self.choose_button = QPushButton("Choo&se photo…")
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
        photo_box = QGroupBox("Photo")
        photo_layout = QVBoxLayout(photo_box)
        photo_layout.addLayout(photo_row)
        photo_layout.addWidget(self.photo_info)
        photo_layout.addWidget(self.consent)
        photo_layout.addWidget(self.photo_warnings)

        self.form_widgets = [self.name, self.credentials, self.partner, self.role,
                             self.affiliation, self.email, self.handle, self.corresponding,
                             self.preview, self.choose_button, self.remove_button]
        left = QVBoxLayout()
        left.addWidget(QLabel("The order of the list is the order of the byline."))
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(photo_box)
        right_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        row = QHBoxLayout()
        row.addLayout(left, 2)
        row.addWidget(scroll, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Authors and photos</h2>"))
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        self.refresh()

    def _line(self, accessible: str, field: str,
              prose: bool = False) -> QLineEdit | SpellLineEdit:
        """A field of the form named ``field`` (as the text surface names it); ``prose``:
        its spelling is checked (names, organisations and addresses are not)."""
        edit: QLineEdit | SpellLineEdit
        if prose:
            edit = SpellLineEdit(self.session.spelling, self.session.ignore_word)
        else:
            edit = QLineEdit()
        mark_field(edit, field)
        edit.setAccessibleName(accessible)
        edit.editingFinished.connect(self._apply_form)
        return edit

    @property
    def dialogs(self):
        return self.window_.dialogs

    # --- list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        template = self.session.template
        rows = []
        for number, author in enumerate(self.session.article.authors, start=1):
            partner = template.partner_type(author.partner_type)
            notes = [partner.label if partner else author.partner_type]
            if author.corresponding:
                notes.append("corresponding author")
            if author.photo is None:
                notes.append("no photo yet")
            rows.append((author.id, f"{number}. {author.name or '(no name yet)'} — "
                                    f"{', '.join(notes)}"))
        fill_id_list(self.list, rows)
        self._loading = False
        self._load_form()

    def current_id(self) -> str:
        return current_id(self.list)

    def current_author(self) -> Author | None:
        return self.session.article.author(self.current_id())

    def focus_item(self, author_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE) == author_id:
                self.list.setCurrentRow(row)

    def add_author(self) -> None:
        template = self.session.template
        partner = template.partner_types[0].id if template.partner_types else "health_professional"
        author = Author("New author", partner)
        try:
            self.session.change("Add author", lambda a: structure.add_author(a, author))
        except structure.LimitReached as error:
            self.dialogs.error("Add author", str(error))
            return
        self.refresh()
        self.focus_item(author.id)
        self.name.setFocus()
        self.name.selectAll()

    def remove_author(self) -> None:
        author = self.current_author()
        if author is None:
            return
        owned = structure.viewpoints_of(self.session.article, author.id)
        if owned:
            titles = ", ".join(f"“{s.title}”" for s in owned)
            if not self.dialogs.confirm(
                    "Remove author",
                    f"{author.name} is named as the author of {titles}. Remove {author.name} "
                    "from the article and from that viewpoint? The viewpoint's text stays. "
                    "(You can undo this.)", "Remove"):
                return
        row = self.list.currentRow()
        author_id = author.id

        template = self.session.template
        self.session.change(f"Remove author {author.name}",
                            lambda a: structure.remove_author(a, template, author_id))
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.window_.statusBar().showMessage(
            f"Removed {author.name}. Edit › Undo (Ctrl+Z) brings it back.", 8000)

    def move_author(self, delta: int) -> None:
        author = self.current_author()
        if author is None:
            return
        index = [a.id for a in self.session.article.authors].index(author.id)
        if move_item(list(self.session.article.authors), index, delta) is None:
            return
        self.session.change("Move author", lambda a: move_item(a.authors, index, delta))
        self.refresh()
        self.focus_item(author.id)

    # --- form -------------------------------------------------------------------------------
    def _load_form(self) -> None:
        if self._loading:
            return
        author = self.current_author()
        for widget in self.form_widgets:
            widget.setEnabled(author is not None)
        index = self.list.currentRow()
        self.up_button.setEnabled(author is not None and index > 0)
        self.down_button.setEnabled(author is not None and 0 <= index < self.list.count() - 1)
        self._loading = True
        same = author is not None and author.id == self._loaded_id
        if author is None:
            for edit in (self.name, self.credentials, self.role, self.affiliation, self.email,
                         self.handle):
                edit.clear()
            self.corresponding.setChecked(False)
            show_problem(self.name_problem, "")
            show_problem(self.handle_problem, "")
        else:
            # a field the user is still correcting keeps what they typed and the message
            if not (same and self.name_problem.isVisible()):
                self.name.setMaxLength(max(NAME_MAX, len(author.name)))   # never cut it
                self.name.setText(author.name)
                show_problem(self.name_problem, "")
            if not (same and self.handle_problem.isVisible()):
                self.handle.setText(author.handle)
                show_problem(self.handle_problem, "")
            self.credentials.setText(author.credentials)
            self.role.setText(author.role)
            self.affiliation.setText(author.affiliation)
            self.email.setText(author.email)
            found = self.partner.findData(author.partner_type)
            self.partner.setCurrentIndex(max(found, 0))
            self.corresponding.setChecked(author.corresponding)
        self._loaded_id = author.id if author else ""
        self._loading = False
        self._show_hints(author)
        self._load_photo(author)

    def _show_hints(self, author: Author | None) -> None:
        show_problem(self.email_hint, "The editors write to the corresponding author: add their "
                                      "e-mail address." if author and author.corresponding
                     and not author.email else "")

    def _apply_form(self) -> None:
        if self._loading:
            return
        author = self.current_author()
        if author is None:
            return
        edited = copy.deepcopy(author)
        name = " ".join(self.name.text().split())
        if name:
            edited.name = name
            show_problem(self.name_problem, "")
        else:
            show_problem(self.name_problem, f"Every author needs a name; it is still "
                                            f"“{author.name}” until you type one.")
        edited.credentials = self.credentials.text().strip()
        edited.partner_type = self.partner.currentData() or author.partner_type
        edited.role = self.role.text().strip()
        edited.affiliation = self.affiliation.text().strip()
        edited.email = self.email.text().strip()
        try:
            edited.handle = normalise_handle(self.handle.text())
        except HandleError as error:
            show_problem(self.handle_problem, str(error))
        else:
            show_problem(self.handle_problem, "")
            if self.handle.text() != edited.handle:
                self._set_quietly(self.handle, edited.handle)
        edited.corresponding = self.corresponding.isChecked()
        if edited == author:
            return
        template = self.session.template
        self.session.change(f"Edit author {edited.name}",
                            lambda a: structure.replace_author(a, template, edited))
        self.refresh()

    def _set_quietly(self, edit: QLineEdit | SpellLineEdit, text: str) -> None:
        self._loading = True
        edit.setText(text)
        self._loading = False

    # --- photo ------------------------------------------------------------------------------
    def _load_photo(self, author: Author | None) -> None:
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
                                     imaging.file_dialog_filter())
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
        self.refresh()

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
        self.refresh()

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
        self.refresh()
