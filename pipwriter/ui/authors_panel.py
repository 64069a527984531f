"""Authors and photos: the byline (in order) and a form for the chosen author, with their photo.

Every edit is one undoable step (``session.change``), applied when a field is left. The photo
is :class:`~.author_photo.AuthorPhotoBox` (``panel.photo``).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model.article import structure
from ..model.article.author import Author
from ..model.article.handles import HandleError, normalise_handle
from ..model.article.limits import AUTHOR_NAME_MAX
from ..model.article.ordering import move_item
from .author_photo import AuthorPhotoBox
from .form_guard import form_handler
from .id_list import current_id, fill_id_list
from .media_widgets import (
    problem_label,
    show_problem,
    wrapping_list,
)
from .screen_fit import ReadableForm, SideBySide
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

        self.photo = AuthorPhotoBox(window, self.current_author)
        self.photo.changed.connect(self.refresh)

        self.form_widgets = [self.name, self.credentials, self.partner, self.role,
                             self.affiliation, self.email, self.handle, self.corresponding,
                             self.photo.preview, self.photo.choose_button, self.remove_button]
        left = QVBoxLayout()
        left.addWidget(QLabel("The order of the list is the order of the byline."))
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(self.photo)
        right_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        self.form_parts = (form, right, right_layout, scroll)   # held: see ListFormTab.lay_out
        self.readable = ReadableForm(form, right)
        row = SideBySide()          # one above the other when there is no room for both
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
        author = Author(structure.NEW_AUTHOR_NAME, partner)
        try:
            self.session.change("Add author", lambda a: structure.add_author(a, author))
        except structure.LimitReached as error:
            self.dialogs.error("Add author", str(error))
            return
        self.refresh()
        self.focus_item(author.id)
        self.name.setFocus()
        self.name.selectAll()
        side = template.partner_type(partner)
        self.window_.statusBar().showMessage(
            f"Added an author ({side.label if side else partner}): type their name, and change "
            "“Partner type” if that is not their side.", 10000)

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
        self.photo.load(author)

    def _show_hints(self, author: Author | None) -> None:
        show_problem(self.email_hint, "The editors write to the corresponding author: add their "
                                      "e-mail address." if author and author.corresponding
                     and not author.email else "")

    @form_handler
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
