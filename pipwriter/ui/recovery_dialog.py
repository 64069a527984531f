"""The dialog shown at start after a crash: for each article with unsaved work, restore it,
compare it with the saved file, or discard it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

RESTORE, COMPARE, DISCARD, LATER = "restore", "compare", "discard", "later"

INTRO = ("Some work was never saved to its article's file: PiP Writer was stopped before it "
         "could be (perhaps the computer crashed, lost power or was shut down). It was kept "
         "safe for the articles below. Choose what to do with each one.")


class RecoveryDialog(QDialog):
    def __init__(self, entries: list, compare: Callable[[object], str] | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.entries = list(entries)
        self._compare = compare
        self.groups: list[QButtonGroup] = []
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        holder = QWidget()
        rows = QVBoxLayout(holder)
        from ..model.storage.recovery_notes import recovery_lines
        for index, (entry, said) in enumerate(zip(self.entries, recovery_lines(self.entries),
                                                  strict=True)):
            rows.addWidget(self._row(index, entry, said))
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText("Press “Compare” to see what is different.")
        self.details.setAccessibleName("What is different")
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Carry on")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        from .screen_fit import fit_dialog
        fit_dialog(self, 720, 560)     # smaller on a small screen, scrolling

    def _row(self, index: int, entry, said: str) -> QGroupBox:
        box = QGroupBox(f"Article {index + 1}")
        layout = QVBoxLayout(box)
        label = QLabel(said)
        label.setWordWrap(True)
        layout.addWidget(label)
        line = QHBoxLayout()
        group = QButtonGroup(box)
        choices = (("Restore it", RESTORE), ("Discard it", DISCARD), ("Decide later", LATER))
        for text, action in choices:
            button = QRadioButton(text)
            button.setProperty("action", action)
            group.addButton(button)
            line.addWidget(button)
            if action == RESTORE:
                button.setChecked(True)   # never losing work is the safe default
        compare = QPushButton("Compare…")
        compare.setToolTip("Show, part by part, what the text you got back would change")
        compare.clicked.connect(lambda _c=False, e=entry: self.show_comparison(e))
        line.addStretch(1)
        line.addWidget(compare)
        layout.addLayout(line)
        self.groups.append(group)
        return box

    def show_comparison(self, entry) -> None:
        self.details.setPlainText(self._compare(entry) if self._compare else "")

    def choose(self, index: int, action: str) -> None:
        for button in self.groups[index].buttons():
            button.setChecked(button.property("action") == action)

    def choices(self) -> list[tuple[object, str]]:
        result = []
        for entry, group in zip(self.entries, self.groups, strict=True):
            checked = group.checkedButton()
            result.append((entry, checked.property("action") if checked else LATER))
        return result

    def reject(self) -> None:       # Escape or the close box: nothing is lost, ask next time
        for index in range(len(self.groups)):
            self.choose(index, LATER)
        super().reject()
