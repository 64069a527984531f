"""References: a numbered list (BMJ order of first citation) and a form for the chosen one."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from .id_list import current_id, fill_id_list
from .keyboard import ctrl_tab_types_tab
from .list_form_tab import PlainEdit, replace_in_article
from .media_widgets import wrapping_list
from .spell_line_edit import SpellLineEdit, mark_field, session_spelling

ROLE = Qt.ItemDataRole.UserRole
KIND_LABELS = {"journal": "Journal article", "web": "Web page", "book": "Book",
               "report": "Report", "other": "Other (type it as it should appear)"}
FIELDS = (("title", "&Title"), ("container", "&Journal, website or publisher"),
          ("year", "&Year"), ("volume", "V&olume"), ("issue", "&Issue"), ("pages", "&Pages"),
          ("doi", "&DOI"), ("url", "&Web address"), ("accessed", "Date you last looked at it (a&ccessed)"))
# examples shown in the empty boxes, and what the harder words mean
HINTS = {"title": "e.g. Patients as partners in care",
         "container": "e.g. BMJ, or NHS website",
         "year": "e.g. 2024", "volume": "e.g. 372", "issue": "e.g. 8", "pages": "e.g. n71",
         "doi": "e.g. 10.1136/bmj.n71",
         "url": "e.g. https://www.nhs.uk/conditions/stroke/",
         "accessed": "e.g. 1 May 2024"}
TIPS = {"doi": "A DOI is a code that leads to an article online. It is often on the "
               "article's first page, and starts with 10.",
        "accessed": "The day you last read the web page. Type it as you like, such as "
                    "1 May 2024 or 01/05/2024 (day first)."}
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
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setAccessibleName("Kind of reference")
        self.authors = mark_field(PlainEdit(), "authors")
        ctrl_tab_types_tab(self.authors)    # Tab moves on; Ctrl+Tab types a tab
        self.authors.setAccessibleName("Authors, one per line, surname then initials")
        self.authors.setPlaceholderText("One per line, e.g.\nRichards T\nCoulter A")
        self.authors.setMaximumHeight(80)
        self.inputs: dict[str, QLineEdit | SpellLineEdit] = {}
        form = QFormLayout()
        form.addRow("&Kind:", self.kind)
        form.addRow("A&uthors:", self.authors)
        for name, label in FIELDS:
            edit: QLineEdit | SpellLineEdit
            if name in PROSE:
                edit = SpellLineEdit(self.session.spelling, self.session.ignore_word)
            else:
                edit = QLineEdit()
            mark_field(edit, name)
            edit.setAccessibleName(label.replace("&", ""))
            edit.setPlaceholderText(HINTS.get(name, ""))
            edit.setToolTip(TIPS.get(name, ""))
            edit.editingFinished.connect(self._apply_form)
            self.inputs[name] = edit
            form.addRow(label + ":", edit)
        self.date_problem = QLabel("")
        self.date_problem.setWordWrap(True)
        self.date_problem.setVisible(False)
        self.inputs["accessed"].setAccessibleDescription("")
        form.addRow("", self.date_problem)
        self.text = mark_field(PlainEdit(), "text")
        ctrl_tab_types_tab(self.text)
        session_spelling(self.text, self.session)
        self.text.setAccessibleName("Reference text")
        self.text.setMaximumHeight(70)
        form.addRow("Reference te&xt:", self.text)
        self.kind.currentIndexChanged.connect(lambda *_: self._apply_form())
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
        buttons.addWidget(QLabel("Citations:"))
        buttons.addWidget(self.style_box)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>References</h2>"))
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>As it will appear:</b>"))
        layout.addWidget(self.preview)
        self._loading = False
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
        self.authors.setPlainText("\n".join(ref.authors))
        for name, edit in self.inputs.items():
            edit.setText(getattr(ref, name))
        self.inputs["accessed"].setText(format_date(ref.accessed) or ref.accessed)
        self._show_date_problem("")
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
        day = parse_date(typed)
        if day is None:
            self._show_date_problem(f"“{typed}” is not a date PiP Writer can read. Type it "
                                    "like 1 May 2024.")
            return old
        self._show_date_problem("")
        if edit.text() != long_date(day):
            edit.setText(long_date(day))
        return day.isoformat()

    def _show_date_problem(self, text: str) -> None:
        self.date_problem.setText(text)
        self.date_problem.setVisible(bool(text))
        self.inputs["accessed"].setAccessibleDescription(text)

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
