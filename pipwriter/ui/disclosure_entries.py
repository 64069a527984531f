"""The entries of one competing-interests question (who, what, paid to, comments), edited in
place by :class:`EntriesEditor`, and the small helpers the wizard's pages share."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model.interests.disclosure import DisclosureEntry
from .spell_line_edit import SpellLineEdit, mark_field

PAID_CHOICES = (("Not stated", ""), ("To me", "me"), ("To my organisation", "organisation"),
                ("Not paid", "not_paid"))


def text_label(text: str, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    widget.setAccessibleName(name)
    return widget


class EntriesEditor(QWidget):
    """A list of entries (who, what, paid to, comments) with Add/Remove and fields for the
    selected entry. Edits the given list of DisclosureEntry objects in place."""

    changed = Signal()

    def __init__(self, number: int, parent=None, *, spelling=None, on_ignore=None):
        super().__init__(parent)
        self.entries: list[DisclosureEntry] = []
        self._loading = False
        self.list = named(QListWidget(), f"Entries for item {number}")
        self.list.currentRowChanged.connect(self._show_current)
        self.add_button = named(QPushButton("&Add an entry"), "Add an entry")
        self.remove_button = named(QPushButton("Re&move entry"), "Remove entry")
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        # "who" names an organisation (not spell-checked); "what" and "comments" are prose
        self.who_edit = named(mark_field(QLineEdit(), "entity"),
                               "Who: company, charity or organisation")
        self.who_edit.setPlaceholderText("e.g. Stroke Club, or Acme Drugs Ltd")
        self.what_edit = named(SpellLineEdit(spelling, on_ignore, field="what"),
                                "What: your role, or what was paid or given")
        self.what_edit.setPlaceholderText("e.g. unpaid trustee, or speaker fee for one talk")
        self.paid_combo = named(QComboBox(), "Paid to")
        for text, value in PAID_CHOICES:
            self.paid_combo.addItem(text, value)
        self.comments_edit = named(SpellLineEdit(spelling, on_ignore, field="comments"),
                                    "Comments")
        self.comments_edit.setPlaceholderText("Anything else, e.g. when it started or ended")
        self.who_edit.textChanged.connect(lambda t: self._set_field("entity", t))
        self.what_edit.textChanged.connect(lambda t: self._set_field("what", t))
        self.comments_edit.textChanged.connect(lambda t: self._set_field("comments", t))
        self.paid_combo.currentIndexChanged.connect(
            lambda i: self._set_field("paid_to", self.paid_combo.itemData(i) or ""))
        form = QFormLayout()
        for text, field in (("&Who:", self.who_edit), ("W&hat:", self.what_edit),
                            ("&Paid to:", self.paid_combo), ("&Comments:", self.comments_edit)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        # the words go into a sentence about the author (found by a walk: "Jo Smith has
        # received support ... (Paid my travel ...)")
        self.voice_note = QLabel("Your words go into a sentence about you in the statement. "
                                 "Write “travel to group meetings”, not “my travel”.")
        self.voice_note.setWordWrap(True)
        layout.addWidget(self.voice_note)
        self.form_parts = (form, buttons)   # held: see ListFormTab.lay_out

    def set_entries(self, entries: list[DisclosureEntry]) -> None:
        self.entries = entries
        self.list.clear()
        for entry in entries:
            self.list.addItem(self._row_text(entry))
        self.list.setCurrentRow(0 if entries else -1)
        self._show_current(self.list.currentRow())

    @staticmethod
    def _row_text(entry: DisclosureEntry) -> str:
        who = entry.entity.strip() or "(who?)"
        return f"{who} — {entry.what.strip()}" if entry.what.strip() else who

    def current(self) -> DisclosureEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_current(self, _row: int = -1) -> None:
        entry = self.current()
        for field in (self.who_edit, self.what_edit, self.paid_combo, self.comments_edit,
                      self.remove_button):
            field.setEnabled(entry is not None)
        entry = entry or DisclosureEntry()
        self._loading = True
        self.who_edit.setText(entry.entity)
        self.what_edit.setText(entry.what)
        self.comments_edit.setText(entry.comments)
        self.paid_combo.setCurrentIndex(max(self.paid_combo.findData(entry.paid_to), 0))
        self._loading = False

    def _set_field(self, name: str, value: str) -> None:
        entry = self.current()
        if entry is None or self._loading:
            return
        setattr(entry, name, value)
        self.list.currentItem().setText(self._row_text(entry))
        self.changed.emit()

    def add_entry(self) -> None:
        self.entries.append(DisclosureEntry())
        self.list.addItem(self._row_text(self.entries[-1]))
        self.list.setCurrentRow(len(self.entries) - 1)
        self.who_edit.setFocus()
        self.changed.emit()

    def remove_entry(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            return
        del self.entries[row]
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, len(self.entries) - 1))
        self._show_current()
        self.changed.emit()
