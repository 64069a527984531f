"""References: a numbered list (BMJ order of first citation) and a form for the chosen one."""

from __future__ import annotations

import copy
import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model.article.reference import (
    REFERENCE_KINDS,
    Reference,
    format_bmj,
    format_date,
    long_date,
    parse_date,
)
from . import reference_form
from .id_list import current_id, fill_id_list
from .keyboard import ctrl_tab_types_tab
from .list_form_tab import PlainEdit, form_handler, replace_in_article
from .media_widgets import wrapping_list
from .reference_import import bring_in_from_file, paste_references
from .screen_fit import ReadableForm
from .spell_line_edit import SpellLineEdit, mark_field, session_spelling

ROLE = Qt.ItemDataRole.UserRole
LINE_FIELDS = ("title", "container", "year", "volume", "issue", "pages", "doi", "url",
               "accessed")
PROSE = {"title"}       # spell-checked; the rest are names, numbers and addresses


class ReferencesPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        panel = self.session.template.panels.get("references")
        intro = QLabel(panel.prompt if panel else "")
        intro.setWordWrap(True)
        self.list = wrapping_list()
        self.list.setAccessibleName("References, numbered as cited")
        self.list.currentItemChanged.connect(lambda *_: self._load_form())
        self.add_button = QPushButton("Add a refere&nce")
        self.remove_button = QPushButton("&Remove reference")
        self.add_button.clicked.connect(self.add_reference)
        self.remove_button.clicked.connect(self.remove_reference)
        self.style_box = QComboBox()
        self.style_box.addItems(["Numbers in brackets [1]", "Superscript numbers¹"])
        self.style_box.setAccessibleName("How citations look")
        self.style_box.currentIndexChanged.connect(self._style_changed)

        self.kind = QComboBox()
        for kind in REFERENCE_KINDS:
            self.kind.addItem(reference_form.KIND_LABELS[kind], kind)
        self.kind.setAccessibleName("Kind of reference")
        self.kind.setToolTip(reference_form.KIND_TIP)
        self.authors = mark_field(PlainEdit(), "authors")
        ctrl_tab_types_tab(self.authors)    # Tab moves on; Ctrl+Tab types a tab
        self.authors.setMaximumHeight(80)
        self.inputs: dict[str, QLineEdit | SpellLineEdit] = {}
        for name in LINE_FIELDS:
            edit: QLineEdit | SpellLineEdit
            if name in PROSE:
                edit = SpellLineEdit(self.session.spelling, self.session.ignore_word)
            else:
                edit = QLineEdit()
            mark_field(edit, name)
            edit.editingFinished.connect(self._apply_form)
            self.inputs[name] = edit
        self.date_problem = QLabel("")
        self.date_problem.setWordWrap(True)
        self.date_problem.setVisible(False)
        self.inputs["accessed"].setAccessibleDescription("")
        self.text = mark_field(PlainEdit(), "text")
        ctrl_tab_types_tab(self.text)
        session_spelling(self.text, self.session)
        self.text.setMaximumHeight(70)
        self.form = form = QFormLayout()
        form.addRow("&Kind:", self.kind)
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}     # the widget each row holds, by field
        for name in reference_form.FIELD_NAMES:
            box = self.field(name)
            row: QWidget = box
            if name == "accessed":          # the box with its problem, if any, underneath
                row = QWidget()
                stack = QVBoxLayout(row)
                stack.setContentsMargins(0, 0, 0, 0)
                stack.addWidget(box)
                stack.addWidget(self.date_problem)
            label = QLabel()
            label.setBuddy(box)
            self.labels[name], self.rows[name] = label, row
            form.addRow(label, row)
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.authors.editingFinished.connect(self._apply_form)
        self.text.editingFinished.connect(self._apply_form)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleDescription("How the reference will appear")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        # the way citations are shown on a row of its own: beside the buttons it made the
        # panel wider than the window at the largest text, its labels scrolled away (a walk)
        style_row = QHBoxLayout()
        style_row.addWidget(QLabel("Citations:"))
        style_row.addWidget(self.style_box)
        style_row.addStretch(1)
        self.file_button = QPushButton("&Bring in references from a file…")
        self.file_button.setToolTip("Add references saved by Zotero, Mendeley, EndNote or "
                                    "PubMed. Save them as a file there first.")
        self.file_button.clicked.connect(lambda: bring_in_from_file(self))
        self.paste_button = QPushButton("Pa&ste a reference…")
        self.paste_button.setToolTip("Copy a reference from an article or a web page, then "
                                     "paste it here. PiP Writer sets it out the BMJ way.")
        self.paste_button.clicked.connect(lambda: paste_references(self))
        more = QHBoxLayout()
        more.addWidget(self.file_button)
        more.addWidget(self.paste_button)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>References</h2>"))
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addLayout(style_row)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>As it will appear:</b>"))
        layout.addWidget(self.preview)
        self.readable = ReadableForm(form, self)
        self._loading = False
        self._show_kind("journal")      # once the rows have their parent (else each is a window)
        self.refresh()

    # --- list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        self.session.sync()
        article = self.session.article
        cited = set(article.citation_order())
        numbers = article.reference_numbers()
        fill_id_list(self.list, [
            (ref.id, f"{numbers[ref.id]}. {format_bmj(ref) or 'New reference'}"
                     + ("" if ref.id in cited else "   (not cited yet)"))
            for ref in article.references_in_order()])
        self.style_box.setCurrentIndex(1 if article.settings.citation_style == "superscript"
                                       else 0)
        self._loading = False
        self._load_form()

    def current_id(self) -> str:
        return current_id(self.list)

    def focus_item(self, ref_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE) == ref_id:
                self.list.setCurrentRow(row)

    def field(self, name: str) -> QWidget:
        """The box for the field ``name`` (authors, text, or one of :data:`LINE_FIELDS`)."""
        return self.authors if name == "authors" else self.text if name == "text" \
            else self.inputs[name]

    def _show_kind(self, kind: str) -> None:
        """Only the boxes a reference of ``kind`` has, each labelled and explained for it."""
        for name in reference_form.FIELD_NAMES:
            box = self.field(name)
            text = reference_form.label(name, kind)
            self.labels[name].setText(text + ":")
            box.setAccessibleName(text.replace("&", ""))
            box.setToolTip(reference_form.tip(name, kind))
            if isinstance(box, (QLineEdit, QPlainTextEdit)):
                box.setPlaceholderText(reference_form.hint(name, kind))
            self.form.setRowVisible(self.rows[name], reference_form.shown(name, kind))

    def _kind_changed(self) -> None:
        self._show_kind(self.kind.currentData())
        self._apply_form()

    def add_reference(self) -> None:
        ref = Reference("journal")
        self.session.change("Add reference", lambda a: a.references.append(ref))
        self.refresh()
        self.focus_item(ref.id)
        self.authors.setFocus()

    def remove_reference(self) -> None:
        ref_id = self.current_id()
        if not ref_id:
            return
        cited = ref_id in self.session.article.citation_order()
        if cited and not self.window_.dialogs.confirm(
                "Remove reference", "This reference is cited in the text. Remove it and its "
                                    "citations? (You can undo this.)", "Remove"):
            return

        def remove(article):
            article.references[:] = [r for r in article.references if r.id != ref_id]
            for section in article.sections:
                section.body.remove_citations_to(ref_id)
        self.session.change("Remove reference", remove)     # the open texts follow
        self.refresh()

    def _style_changed(self, index: int) -> None:
        if self._loading:
            return
        style = "superscript" if index == 1 else "brackets"

        def apply(article):
            article.settings.citation_style = style
        self.session.change("Change citation style", apply)
        self.session.refresh_citations()

    # --- form -------------------------------------------------------------------------------
    def _load_form(self) -> None:
        if self._loading:
            return
        ref = self.session.article.reference(self.current_id())
        enabled = ref is not None
        for widget in (self.kind, self.authors, self.text, *self.inputs.values(),
                       self.remove_button):
            widget.setEnabled(enabled)
        if ref is None:
            self.preview.setText("")
            return
        self._loading = True
        self.kind.setCurrentIndex(REFERENCE_KINDS.index(ref.kind))
        self._show_kind(ref.kind)
        self.authors.setPlainText("\n".join(ref.authors))
        for name, edit in self.inputs.items():
            edit.setText(getattr(ref, name))
        self.inputs["accessed"].setText(format_date(ref.accessed) or ref.accessed)
        self._show_date_problem(date_problem(ref.accessed) if ref.accessed else "")
        self.text.setPlainText(ref.text)
        self.preview.setText(format_bmj(ref))
        self._loading = False

    def _accessed(self, old: str) -> str:
        """The typed date, stored as YYYY-MM-DD and shown as D Month YYYY; a date that cannot
        be read for sure is refused (the old one kept) and the problem shown by the box."""
        edit = self.inputs["accessed"]
        typed = edit.text().strip()
        if not typed:
            self._show_date_problem("")
            return ""
        problem = date_problem(typed)
        day = parse_date(typed)
        if problem or day is None:
            self._show_date_problem(problem)
            return old
        self._show_date_problem("")
        if edit.text() != long_date(day):
            edit.setText(long_date(day))
        return day.isoformat()

    def _show_date_problem(self, text: str) -> None:
        self.date_problem.setText(text)
        self.date_problem.setVisible(bool(text))
        self.inputs["accessed"].setAccessibleDescription(text)

    @form_handler
    def _apply_form(self) -> None:
        if self._loading:
            return
        ref = self.session.article.reference(self.current_id())
        if ref is None:
            return
        edited = copy.deepcopy(ref)
        edited.kind = self.kind.currentData()
        edited.authors = [a.strip() for a in self.authors.toPlainText().splitlines() if a.strip()]
        for name, edit in self.inputs.items():
            setattr(edited, name, edit.text().strip())
        edited.accessed = self._accessed(ref.accessed)
        edited.text = self.text.toPlainText().strip()
        if edited == ref:
            return
        replace_in_article(self.session, "references", edited, "Edit reference")
        self.preview.setText(format_bmj(edited))
        row = self.list.currentRow()
        numbers = self.session.article.reference_numbers()
        if row >= 0:
            self.list.item(row).setText(f"{numbers[ref.id]}. {format_bmj(edited)}")


def date_problem(typed: str) -> str:
    """What is wrong with a typed date accessed, in plain words, or "" when it is right."""
    day = parse_date(typed)
    if day is None:
        return f"“{typed}” is not a date PiP Writer can read. Type it like 1 May 2024."
    if day > datetime.date.today():
        return (f"{long_date(day)} has not come yet. Type the day you last looked at the "
                "page, like 1 May 2024.")
    return ""
