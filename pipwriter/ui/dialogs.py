"""Every question the app asks through one object, so tests can answer instead of a person.

Widgets call ``dialogs.ask_save_path(...)`` and so on; a test replaces the methods (or the whole
object) and no real modal dialog ever opens under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from ..importer.plan import ImportPlan

PROJECT_FILTER = "PiP Writer articles (*.pipw)"

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class Dialogs:
    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def ask_open_path(self, folder: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent, "Open an article", folder,
                                              PROJECT_FILTER)
        return Path(name) if name else None

    def ask_save_path(self, suggested: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, "Save the article", suggested,
                                              PROJECT_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pipw" else path.with_suffix(".pipw")

    def ask_folder(self, title: str, folder: str = "") -> Path | None:
        name = QFileDialog.getExistingDirectory(self.parent, title, folder)
        return Path(name) if name else None

    def ask_save_word(self, title: str, suggested: str = "") -> Path | None:
        """Where to save a Word document (".docx" added when missing)."""
        name, _ = QFileDialog.getSaveFileName(self.parent, title, suggested,
                                              "Word documents (*.docx)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".docx" else path.with_suffix(".docx")

    def ask_file(self, title: str, file_filter: str, folder: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent, title, folder, file_filter)
        return Path(name) if name else None

    def ask_text(self, title: str, label: str, text: str = "",
                 max_length: int | None = None) -> str | None:
        """One line of text, trimmed (None if cancelled or empty). ``max_length`` stops the
        typing at that many characters (a section heading: ``limits.HEADING_MAX``)."""
        dialog = self.text_dialog(title, label, text, max_length)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.textValue()[:max_length] if max_length is not None else \
            dialog.textValue()
        dialog.deleteLater()
        return value.strip() if ok and value.strip() else None

    def text_dialog(self, title: str, label: str, text: str = "",
                    max_length: int | None = None) -> QInputDialog:
        """The dialog :meth:`ask_text` shows."""
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        if max_length is not None:
            text = text[:max_length]
            for edit in dialog.findChildren(QLineEdit):
                edit.setMaxLength(max_length)
        dialog.setTextValue(text)
        return dialog

    def ask_choice(self, title: str, label: str, choices: list[str]) -> int | None:
        value, ok = QInputDialog.getItem(self.parent, title, label, choices, 0, False)
        return choices.index(value) if ok else None

    def ask_unsaved(self, name: str) -> str:
        answer = QMessageBox.StandardButton(self.unsaved_box(name).exec())
        return {QMessageBox.StandardButton.Save: SAVE,
                QMessageBox.StandardButton.Discard: DISCARD}.get(answer, CANCEL)

    def unsaved_box(self, name: str) -> QMessageBox:
        """The question :meth:`ask_unsaved` asks, each answer with an access key (Alt+S saves,
        Alt+W closes without saving; Escape cancels)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes",
                          f"Save the changes to “{name}” before closing?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.parent)
        box.button(QMessageBox.StandardButton.Save).setText("&Save")
        box.button(QMessageBox.StandardButton.Discard).setText("Close &without saving")
        box.button(QMessageBox.StandardButton.Cancel).setText("&Cancel")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return box

    def confirm(self, title: str, text: str, yes: str = "Yes") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.parent)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_recovery(self, entries: list, compare=None) -> list[tuple[object, str]]:
        """For each recovery entry: "restore", "discard" or "later" (see recovery_dialog)."""
        from .recovery_dialog import RecoveryDialog
        dialog = RecoveryDialog(entries, compare, self.parent)
        dialog.exec()
        return dialog.choices()

    def ask_crop_square(self, title: str, image_data: bytes,
                        minimum_side: int) -> tuple[int, int, int, int] | None:
        """Let the user choose the square of a picture to keep: (left, top, side, side) in the
        picture's own pixels, or None if they cancel. ``minimum_side``: see CropDialog."""
        from PySide6.QtGui import QImage

        from .crop_dialog import CropDialog
        image = QImage.fromData(bytes(image_data))
        if image.isNull():
            self.error(title, "The photo could not be read, so it can't be cropped. "
                              "Choose it again.")
            return None
        dialog = CropDialog(image, minimum_side, self.parent)
        dialog.setWindowTitle(title)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.selection() if accepted else None

    def review_import(self, plan: ImportPlan) -> bool:
        """The import review screen for a Word draft's plan (True on Import)."""
        from .import_review import review_import
        return review_import(plan, self.parent)

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)
