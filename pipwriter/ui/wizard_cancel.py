"""A wizard that asks before Escape, Cancel or its close box throws typed answers away.

Kept apart from :mod:`.keyboard` so the main window does not make PySide6's wizard classes at
start-up (they are needed only when a wizard opens: issue 23).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard


class AsksBeforeCancel(QWizard):
    """A QWizard whose Escape, Cancel and window close box ask before throwing away what
    the user typed (:meth:`has_typed_content`). Call :meth:`ask_before_cancel` once its
    buttons exist. Tests replace :meth:`confirm_discard` to answer the question."""

    def has_typed_content(self) -> bool:
        return False

    def confirm_discard(self) -> bool:
        """True to throw the answers away."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          "Close without keeping what you have typed?", parent=self)
        keep = box.addButton("&Keep writing", QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton("&Close and lose it", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def may_cancel(self) -> bool:
        return not self.has_typed_content() or self.confirm_discard()

    def ask_before_cancel(self) -> None:
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.clicked.disconnect()
        cancel.clicked.connect(self._cancel_clicked)

    def _cancel_clicked(self) -> None:
        if self.may_cancel():
            self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier and not self.may_cancel():
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.spontaneous() and self.isVisible() and not self.may_cancel():
            event.ignore()
            return
        super().closeEvent(event)
