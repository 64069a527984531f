"""New article: title, the authors (at least one on each side of the partnership), viewpoints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..model.article.author import Author
from ..model.article.factory import new_article
from ..model.article.limits import TITLE_MAX
from ..model.rules.template import Template
from .author_rows import AuthorRows, PartBox
from .wizard_cancel import AsksBeforeCancel


def _explanation(text: str) -> QLabel:
    """The page's explanation as a wrapping label in the page itself: a wizard's subtitle is
    not given the height its wrapped lines need, so its end gets cut off."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("explanation")
    return label


class _TitlePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("What is your article called?")
        explanation = _explanation("A working title is fine: you can change it at any time.")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Article title")
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText("e.g. Planning stroke care with the people "
                                           "who use it")
        label = QLabel("&Title:")
        label.setBuddy(self.title_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(label)
        layout.addWidget(self.title_edit)
        self.registerField("title*", self.title_edit)


def _speak_name(item) -> None:
    """What a screen reader says for an author's name cell: which author, and the name typed
    (an empty cell would otherwise say nothing at all)."""
    text = item.text().strip() or "no name typed yet"
    spoken = f"Name of author {item.row() + 1}: {text}"
    if item.data(Qt.ItemDataRole.AccessibleTextRole) != spoken:
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)


class _AuthorsPage(QWizardPage):
    def __init__(self, template: Template):
        super().__init__()
        self.template = template
        self.setTitle("Who is writing it?")
        explanation = _explanation(
            "The series needs both sides of the partnership. Add at least one health worker or "
            "manager, and at least one patient, carer or community partner. You can add "
            "details and photos later.")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Name", "Taking part as"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.setAccessibleName("Authors")
        # Tab leaves the table (to each row's "taking part as" box, then Add and Remove);
        # the arrow keys move between its cells
        self.table.setTabKeyNavigation(False)
        self.rows = AuthorRows(self.table)      # a name, its part, the next name (author_rows.py)
        self.table.itemChanged.connect(lambda *_: self.completeChanged.emit())
        self.table.itemChanged.connect(_speak_name)
        self.add_button = QPushButton("&Add an author")
        self.remove_button = QPushButton("&Remove author")
        self.add_button.clicked.connect(lambda: self.add_author())
        self.remove_button.clicked.connect(self.remove_author)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleDescription("What is still needed")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        self.add_author()      # no side is assumed: a patient may be the one starting
        self.add_author()

    def add_author(self, name: str = "", partner_type: str = "") -> None:
        from PySide6.QtWidgets import QTableWidgetItem
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setToolTip("Type the author's name as it should be printed")
        self.table.setItem(row, 0, item)
        _speak_name(item)
        combo = PartBox()        # Return chooses the highlighted part (author_rows.py)
        combo.setAccessibleName(f"How author {row + 1} takes part")
        for p in self.template.partner_types:
            combo.addItem(p.label, p.id)
        combo.setPlaceholderText("Choose…")
        combo.setCurrentIndex(combo.findData(partner_type) if partner_type else -1)
        combo.currentIndexChanged.connect(lambda *_: self.completeChanged.emit())
        self.table.setCellWidget(row, 1, combo)
        self.rows.watch(combo)
        self._order_tabs()
        self.completeChanged.emit()

    def _order_tabs(self) -> None:
        """Tab goes from the table to each row's "taking part as" box, then Add and Remove."""
        chain = [self.table, *(self.table.cellWidget(r, 1) for r in range(self.table.rowCount())),
                 self.add_button, self.remove_button]
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)

    def remove_author(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._order_tabs()
            self.completeChanged.emit()

    def authors(self) -> list[Author]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            name = item.text().strip() if item else ""
            if name:
                combo = self.table.cellWidget(row, 1)
                kind = combo.currentData() if isinstance(combo, QComboBox) else ""
                out.append(Author(name, kind or ""))
        return out

    def missing(self) -> str:
        authors = self.authors()
        sides = {self.template.side_of(a.partner_type) for a in authors}
        needed = [s.label.lower() for s in self.template.sides
                  if s.min_authors and s.id not in sides]
        if not authors:
            return "Type the name of each author."
        unsaid = [a.name for a in authors if not a.partner_type]
        if unsaid:
            return f"Say how {unsaid[0]} takes part: choose from the list beside the name."
        if needed:
            return "Still needed: at least one author from " + " and ".join(needed) + "."
        return ""

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        message = self.missing()
        self.problem.setText(message)
        return not message


class _ViewpointsPage(QWizardPage):
    def __init__(self, authors_page: _AuthorsPage, template: Template):
        super().__init__()
        self.authors_page = authors_page
        self.template = template
        self.setTitle("Whose viewpoints will the article include?")
        explanation = _explanation(
            "Each partner writes a viewpoint in their own voice. At first every author has one. "
            "Untick any who will not write one.")
        self.list = QListWidget()
        self.list.setAccessibleName("Viewpoints")
        self.list.itemChanged.connect(lambda *_: self.completeChanged.emit())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.list.clear()
        for author in self.authors_page.authors():
            label = self.template.partner_type(author.partner_type)
            item = QListWidgetItem(f"{author.name} ({label.label if label else ''})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)

    def chosen(self) -> list[int]:
        return [r for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        minimum = self.template.limit("viewpoints").min or 1
        ok = len(self.chosen()) >= minimum
        self.problem.setText("" if ok else f"Choose at least {minimum} viewpoints.")
        return ok


class NewArticleWizard(AsksBeforeCancel):
    def __init__(self, template: Template, parent=None):
        super().__init__(parent)
        self.template = template
        self.setWindowTitle("New article")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.title_page = _TitlePage()
        self.authors_page = _AuthorsPage(template)
        self.viewpoints_page = _ViewpointsPage(self.authors_page, template)
        for page in (self.title_page, self.authors_page, self.viewpoints_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Start writing")
        from .screen_fit import fit_wizard
        fit_wizard(self, 640, 480)      # smaller on a small screen, its pages scrolling
        self.ask_before_cancel()        # Escape or Cancel asks first once something is typed
        from .settings import Settings
        from .text_size_keys import add_text_size_keys
        self.size_keys = add_text_size_keys(self, Settings())   # Ctrl++ for bigger text

    def has_typed_content(self) -> bool:
        return bool(self.title_page.title_edit.text().strip() or self.authors_page.authors())

    def result_article(self):
        authors = self.authors_page.authors()
        chosen = self.viewpoints_page.chosen()
        groups = [[authors[i]] for i in chosen if i < len(authors)]
        return new_article(self.template, self.title_page.title_edit.text().strip(), authors,
                           groups)
