"""Every question the app asks through one object, so tests can answer instead of a person.

Widgets call ``dialogs.ask_save_path(...)`` and so on; a test replaces the methods (or the whole
object) and no real modal dialog ever opens under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from .. import APP_NAME
from .settings import ARTICLES, EXPORT, WORD, Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from ..importer.plan import ImportPlan

PROJECT_FILTER = "PiP Writer articles (*.pipw)"

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
# room for the system's title bar beside the title: its buttons, icon and margins (pixels)
TITLE_BAR_EXTRA = 160


def title_width(dialog: QWidget) -> int:
    """How wide ``dialog`` must be for its whole title to show in the title bar, where the
    system adds the app's name ("Approve — PiP Writer"), within the screen's room. A small
    question box was sized to its text and its title cut off ("Approv… Writer")."""
    from .screen_fit import room_for
    title = f"{dialog.windowTitle()} — {APP_NAME}"
    return min(dialog.fontMetrics().horizontalAdvance(title) + TITLE_BAR_EXTRA,
               room_for(dialog).width())


AnyDialog = TypeVar("AnyDialog", bound=QDialog)


CHOICE_CHARACTERS = 40      # a choice box shows this many characters when the screen allows


def fit_title(dialog: AnyDialog) -> AnyDialog:
    """``dialog`` no narrower than :func:`title_width`. Message boxes and input dialogs size
    themselves to their layout when shown, so a message box is given an empty row that wide
    and an input dialog's label that minimum width."""
    from PySide6.QtWidgets import (
        QGridLayout,
        QInputDialog,
        QLabel,
        QMessageBox,
        QSizePolicy,
        QSpacerItem,
    )
    width = title_width(dialog)
    layout = dialog.layout()
    if isinstance(dialog, QMessageBox) and isinstance(layout, QGridLayout):
        layout.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Minimum,
                                   QSizePolicy.Policy.Fixed),
                       layout.rowCount(), 0, 1, layout.columnCount())
    elif isinstance(dialog, QInputDialog) and (label := dialog.findChild(QLabel)) is not None:
        label.setMinimumWidth(width)
    else:
        dialog.setMinimumWidth(width)
    return dialog


def _file_dialog() -> type[QFileDialog]:
    """Qt's file chooser, imported when first asked for (the input dialog likewise): making
    their PySide6 classes at start-up would delay the window's first paint (issue 23)."""
    from PySide6.QtWidgets import QFileDialog
    return QFileDialog


class Dialogs:
    """``settings``: where each kind of file chooser remembers the folder last chosen (the
    user's settings when not given)."""

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None):
        self.parent = parent
        self._settings = settings

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings()
        return self._settings

    def _open(self, kind: str, title: str, folder: str, file_filter: str) -> Path | None:
        """An open-a-file chooser for ``kind``, started in its folder (see start_folders)."""
        from .start_folders import remember_choice, start_folder
        name, _ = _file_dialog().getOpenFileName(
            self.parent, title, start_folder(self.settings, kind, folder), file_filter)
        if not name:
            return None
        remember_choice(self.settings, kind, Path(name))
        return Path(name)

    def _save(self, kind: str, title: str, suggested: str, file_filter: str,
              suffix: str) -> Path | None:
        """A save chooser for ``kind``; ``suffix`` is added when the name has another."""
        from .start_folders import remember_choice, start_file
        name, _ = _file_dialog().getSaveFileName(
            self.parent, title, start_file(self.settings, kind, suggested), file_filter)
        if not name:
            return None
        path = Path(name)
        remember_choice(self.settings, kind, path)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def ask_open_path(self, folder: str = "") -> Path | None:
        return self._open(ARTICLES, "Open an article", folder, PROJECT_FILTER)

    def ask_save_path(self, suggested: str = "", title: str = "Save the article") -> Path | None:
        """Where to save an article (".pipw" added when missing). ``suggested``: a path, or a
        name alone to offer in the folder articles were last saved or opened in (else
        Documents); ``title``: the chooser's title (a copy for a co-author is not "the
        article")."""
        return self._save(ARTICLES, title, suggested, PROJECT_FILTER, ".pipw")

    def ask_folder(self, title: str, folder: str = "", kind: str = EXPORT) -> Path | None:
        """A folder, the chooser started in ``folder`` while it is there, else in the folder
        last chosen for ``kind``."""
        from .start_folders import remember_choice, start_folder
        name = _file_dialog().getExistingDirectory(self.parent, title,
                                                   start_folder(self.settings, kind, folder))
        if not name:
            return None
        remember_choice(self.settings, kind, Path(name), is_folder=True)
        return Path(name)

    def ask_save_word(self, title: str, suggested: str = "") -> Path | None:
        """Where to save a Word document (".docx" added when missing)."""
        return self._save(WORD, title, suggested, "Word documents (*.docx)", ".docx")

    def ask_save_pdf(self, title: str, suggested: str = "") -> Path | None:
        """Where to save a PDF (".pdf" added when missing), in the folder documents were
        last saved in, as Word documents are."""
        return self._save(WORD, title, suggested, "PDF (*.pdf)", ".pdf")

    def ask_file(self, title: str, file_filter: str, folder: str = "",
                 kind: str = ARTICLES) -> Path | None:
        """A file to open; ``kind`` (:data:`~pipwriter.ui.settings.PICTURES` and so on) says
        which remembered folder the chooser starts in."""
        return self._open(kind, title, folder, file_filter)

    def ask_text(self, title: str, label: str, text: str = "",
                 max_length: int | None = None, *, lines: bool = False) -> str | None:
        """One line of text, trimmed (None if cancelled or empty). ``max_length`` stops the
        typing at that many characters (a section heading: ``limits.HEADING_MAX``); ``lines``:
        a box of several lines, shown whole (a pasted reference or several)."""
        dialog = self.text_dialog(title, label, text, max_length, lines=lines)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.textValue()[:max_length] if max_length is not None else \
            dialog.textValue()
        dialog.deleteLater()
        return value.strip() if ok and value.strip() else None

    def text_dialog(self, title: str, label: str, text: str = "",
                    max_length: int | None = None, *, lines: bool = False) -> QInputDialog:
        """The dialog :meth:`ask_text` shows."""
        from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        if lines:
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
            for shown in dialog.findChildren(QLabel):
                shown.setWordWrap(True)     # the whole question, however narrow
        if max_length is not None:
            text = text[:max_length]
            for edit in dialog.findChildren(QLineEdit):
                edit.setMaxLength(max_length)
        dialog.setTextValue(text)
        return fit_title(dialog)

    def ask_choice(self, title: str, label: str, choices: list[str]) -> int | None:
        dialog = self.choice_dialog(title, label, choices)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.textValue()
        dialog.deleteLater()
        return choices.index(value) if ok and value in choices else None

    def choice_dialog(self, title: str, label: str, choices: list[str]) -> QInputDialog:
        """The dialog :meth:`ask_choice` shows: a list to pick one from, the first picked."""
        from PySide6.QtWidgets import QComboBox, QInputDialog

        from .screen_fit import available_area
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(choices)
        dialog.setComboBoxEditable(False)
        if choices:
            dialog.setTextValue(choices[0])
        from PySide6.QtWidgets import QLabel
        for text in dialog.findChildren(QLabel):    # a long question wraps, never cut off
            text.setWordWrap(True)                  # (found by a walk at 1366 x 768)
        combo = dialog.findChild(QComboBox)
        if combo is not None:
            # as wide as the screen allows, not as the longest choice: a long reference made
            # the dialog wider than the screen, its buttons out of sight (found by a walk);
            # the list that opens shows each choice whole
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(CHOICE_CHARACTERS)
            room = available_area(self.parent).width() * 3 // 4
            combo.setMaximumWidth(max(room, 200))
            combo.view().setMinimumWidth(min(combo.view().sizeHintForColumn(0) + 24, room))
        return fit_title(dialog)

    def ask_unsaved(self, name: str) -> str:
        from PySide6.QtWidgets import QMessageBox
        answer = QMessageBox.StandardButton(self.unsaved_box(name).exec())
        return {QMessageBox.StandardButton.Save: SAVE,
                QMessageBox.StandardButton.Discard: DISCARD}.get(answer, CANCEL)

    def unsaved_box(self, name: str) -> QMessageBox:
        """The question :meth:`ask_unsaved` asks, each answer with an access key (Alt+S saves,
        Alt+W closes without saving; Escape cancels)."""
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes",
                          f"Save the changes to “{name}” before closing?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.parent)
        box.button(QMessageBox.StandardButton.Save).setText("&Save")
        box.button(QMessageBox.StandardButton.Discard).setText("Close &without saving")
        box.button(QMessageBox.StandardButton.Cancel).setText("&Cancel")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return fit_title(box)

    def message_box(self, icon: QMessageBox.Icon, title: str, text: str,
                    buttons: QMessageBox.StandardButton | None = None) -> QMessageBox:
        """A message or question box whose title shows whole (an OK button unless
        ``buttons`` says otherwise). Its class is made when a box is first asked for, not at
        start-up (issue 23)."""
        from PySide6.QtWidgets import QMessageBox
        ok = QMessageBox.StandardButton.Ok
        return fit_title(QMessageBox(icon, title, text, ok if buttons is None else buttons,
                                     self.parent))

    def confirm(self, title: str, text: str, yes: str = "Yes", *, no: str = "No",
                keep: bool = False) -> bool:
        """A yes-or-no question (True for ``yes``). ``keep``: the question is before throwing
        something away, so Return and Escape both answer ``no``."""
        from PySide6.QtWidgets import QMessageBox
        return self.confirm_box(title, text, yes, no=no, keep=keep).exec() == \
            QMessageBox.StandardButton.Yes

    def confirm_box(self, title: str, text: str, yes: str = "Yes", *, no: str = "No",
                    keep: bool = False) -> QMessageBox:
        """The box :meth:`confirm` shows."""
        from PySide6.QtWidgets import QMessageBox
        box = self.message_box(QMessageBox.Icon.Question, title, text,
                               QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText(no)
        if keep:
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

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
        from PySide6.QtWidgets import QMessageBox
        self.message_box(QMessageBox.Icon.Warning, title, text).exec()

    def info(self, title: str, text: str, details: str = "") -> None:
        """A message; ``details``, when given, behind "Show Details…" (it scrolls: a long list
        would otherwise push the box's OK button off a small screen)."""
        from PySide6.QtWidgets import QMessageBox
        box = self.message_box(QMessageBox.Icon.Information, title, text)
        if details:
            box.setDetailedText(details)
        box.exec()
