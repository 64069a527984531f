"""The review screen of File › Import a Word draft…: before anything is made, one list shows
where each part of the draft will go — its title, its byline (the authors), each heading (a
part of the series, a viewpoint, the key messages, the reference list, a section of its own,
or "Imported text not yet placed") and its pictures — with a dropdown to change each, and the
text of the chosen part below so the authors can see what they are moving. Parts PiP Writer
is not sure of come first in the reader's eye: they say "Not sure" and why.

When the draft has a reference list, a tick box (on unless unticked) reads each reference into
its parts so it is set out in BMJ style; untick it to keep them as written.

Import applies the choices to the plan (:mod:`pipwriter.importer.parts`); Cancel changes
nothing. The screen holds no rules: the places and their names come from the importer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..importer.mapping import REFERENCES
from ..importer.parts import (
    BYLINE_PART,
    HEADING_PART,
    PICTURES_PART,
    TITLE_PART,
    PlanPart,
    part_options,
    plan_parts,
    set_part_target,
)
from ..importer.plan import ImportPlan

INTRO = ("Here is where each part of “{name}” will go. Change any that are wrong: choose a "
         "part of the list to see its text below. Nothing is made until you press Import.")
_KIND = {TITLE_PART: "Title", BYLINE_PART: "Byline", PICTURES_PART: "Pictures"}


def _what(part: PlanPart) -> str:
    """The first column: what the part is in the draft."""
    if part.kind == HEADING_PART:
        text = f"“{part.text}”"
    else:
        first = part.text.splitlines()[0] if part.text else ""
        text = f"{_KIND[part.kind]}: {first}" if part.kind != PICTURES_PART else \
            first.capitalize()
    return f"{text}\nNot sure: {part.reason}" if part.unsure else text


class ImportReviewDialog(QDialog):
    """Where each part of a planned import goes, with a dropdown for each and a preview."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.parts = plan_parts(plan)
        self.setWindowTitle("Check where each part goes")
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO.format(name=plan.source.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self.parts), 2)
        self.table.setHorizontalHeaderLabels(["In the draft", "Goes to"])
        self.table.setAccessibleName("Parts of the draft and where each goes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)       # Tab goes from one dropdown to the next
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for row, part in enumerate(self.parts):
            self._add_row(row, part)
        self.table.resizeRowsToContents()
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        layout.addWidget(self.table, 2)

        self.preview_label = QLabel("Text of the chosen part:")
        layout.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Text of the chosen part")
        self.preview_label.setBuddy(self.preview)
        layout.addWidget(self.preview, 1)

        self.read_references = QCheckBox("Split each reference into its parts and set it "
                                          "out the BMJ way")
        self.read_references.setChecked(plan.read_references)
        self.read_references.setToolTip("Untick this to keep the references just as they "
                                         "are in the draft.")
        self.read_references.setVisible(any(p.target == REFERENCES for p in self.parts))
        layout.addWidget(self.read_references)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Import")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._tab_order([self.table, *self.combos, self.preview, self.read_references,
                         self.ok_button, self.cancel_button])
        if self.parts:
            first_unsure = next((i for i, p in enumerate(self.parts) if p.unsure), 0)
            self.table.setCurrentCell(first_unsure, 1)
            self._show(first_unsure)
        from .screen_fit import fit_dialog
        fit_dialog(self, 760, 560)

    def _add_row(self, row: int, part: PlanPart) -> None:
        item = QTableWidgetItem(_what(part))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if part.unsure:
            item.setToolTip(part.reason)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, 0, item)
        combo = QComboBox()
        for target, label in part_options(self.plan, part):
            combo.addItem(label, target)
        combo.setAccessibleName(f"Where {_what(part).splitlines()[0]} goes")
        combo.setEnabled(combo.count() > 1)
        combo.currentIndexChanged.connect(lambda _i, r=row: self._picked(r))
        combo.installEventFilter(self)
        self.table.setCellWidget(row, 1, combo)
        self.combos.append(combo)

    @staticmethod
    def _tab_order(widgets: list[QWidget]) -> None:
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A dropdown reached by Tab shows its part's text, as a click on its row does."""
        if event.type() == QEvent.Type.FocusIn and watched in self.combos:
            self._picked(self.combos.index(watched))
        return super().eventFilter(watched, event)

    def _picked(self, row: int) -> None:
        self.table.setCurrentCell(row, 1)
        self._show(row)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.parts):
            part = self.parts[row]
            self.preview_label.setText(f"Text of {_what(part).splitlines()[0]}:")
            self.preview.setPlainText(part.preview or "(no text)")

    def row_of(self, text: str) -> int:
        """The row of the part whose draft text (a heading's words) is ``text``."""
        return next(i for i, p in enumerate(self.parts) if p.text == text)

    def choices(self) -> list[tuple[PlanPart, str]]:
        """Each part with the place chosen for it now."""
        return [(part, combo.currentData()) for part, combo in zip(self.parts, self.combos,
                                                                   strict=True)]

    def apply(self) -> None:
        """Write the choices into the plan (what Import does)."""
        self.plan.read_references = self.read_references.isChecked()
        for part, target in self.choices():
            if target != part.target or part.unsure:
                set_part_target(self.plan, part, target)


def review_import(plan: ImportPlan, parent: QWidget | None = None) -> bool:
    """Show the review screen; True (and the plan changed as chosen) on Import, False on
    Cancel (the plan unchanged)."""
    dialog = ImportReviewDialog(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    dialog.apply()
    return True
