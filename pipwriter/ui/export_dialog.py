"""File › Export for submission: check the article, choose where, then write the bundle.

The checklist runs first. Problems that must be fixed are listed (Enter or double-click jumps to
one) and stop the export unless "Export as a draft" is ticked (every document then says DRAFT).
The bundle is written from a copy of the article in a worker thread, with progress and Cancel;
:func:`pipwriter.export.bundle.export_bundle` writes into a temporary folder and moves it into
place, so a failed or cancelled export leaves nothing behind, and an existing bundle is kept
(the new one gets the next free name) unless the user agrees to replace it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
)

from ..export.bundle import ExportResult, planned_folder
from ..export.plan import bundle_folder_name
from ..model.errors import PipError
from ..model.rules.report import build_report
from .export_worker import ExportWorker, snapshot
from .settings import EXPORT, Settings, documents_folder
from .wrapping_text import WrappingText

ROLE = Qt.ItemDataRole.UserRole


def default_folder(session, settings: Settings) -> Path:
    """The folder last exported to, else the article's folder, else Documents."""
    remembered = settings.export_folder
    if remembered is not None:
        return remembered
    if session.path is not None:
        return Path(session.path).parent
    return documents_folder()


class ExportDialog(QDialog):
    finished_export = Signal(object)     # the ExportResult, or the message saying what failed

    def __init__(self, window, parent=None):
        super().__init__(parent if parent is not None else window)
        self.window_ = window
        self.session = window.session
        self.settings: Settings = window.settings
        self.worker: ExportWorker | None = None
        self.export_result: ExportResult | None = None
        self._close_when_done = False
        self._showing_result = False      # the last export succeeded and nothing changed since
        self.setWindowTitle("Export for submission")
        self.setMinimumWidth(560)

        self.session.sync()
        self.report = build_report(self.session.project, self.session.template,
                                   speller=self.session.spelling)
        blocking = self.report.blocking()

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setSpacing(3)
        self.problems.setAlternatingRowColors(True)
        self.problems.setAccessibleName("What must be fixed before sending")
        self.problems.setAccessibleDescription("Press Enter on a problem to close this window "
                                               "and go to it.")
        self.problems.itemActivated.connect(self.go_to_problem)
        for finding in blocking:
            place = finding.where.label
            item = QListWidgetItem(finding.message + (f"\nWhere: {place}" if place else ""))
            item.setData(ROLE, finding)
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
            item.setToolTip("Double-click or press Enter to go there")
            self.problems.addItem(item)
        if blocking:
            self.problems_label.setText(
                f"<b>{len(blocking)} {'thing' if len(blocking) == 1 else 'things'} must be "
                "fixed before you send the article.</b> Choose one and press Enter (or "
                "double-click it) to go to it, or export a draft to share with your co-authors.")
        else:
            self.problems_label.setText("<b>The checklist found nothing that stops you sending "
                                        "the article.</b>")
        self.problems.setVisible(bool(blocking))

        self.folder_edit = QLineEdit(str(default_folder(self.session, self.settings)))
        self.folder_edit.setAccessibleName("Folder to save the bundle in")
        self.folder_edit.textChanged.connect(lambda _t: self._edited())
        folder_label = QLabel("Save the bundle &in:")
        folder_label.setBuddy(self.folder_edit)
        self.choose_button = QPushButton("C&hoose…")
        self.choose_button.clicked.connect(self.choose_folder)
        self.zip_box = QCheckBox("Also make a .&zip file (easier to attach to an email)")
        self.draft_box = QCheckBox("Export as a &draft (each file says DRAFT)")
        self.replace_box = QCheckBox("&Replace the existing bundle")
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._existing = False            # a bundle of the planned name is already there
        for box in (self.zip_box, self.draft_box, self.replace_box):
            box.toggled.connect(lambda _on: self._edited())

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Export progress")
        self.progress.hide()
        self.status = WrappingText("Export status")

        self.export_button = QPushButton("&Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton("&Open folder")
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)

        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addLayout(folder_row)
        layout.addWidget(self.name_label)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.zip_box)
        layout.addWidget(self.draft_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update()

    # --- fitting the text ---------------------------------------------------------------------
    def fit_contents(self) -> None:
        """Grow the dialog so every wrapped line of text shows (a dialog does not grow by itself
        when the text in it gets longer)."""
        layout = self.layout()
        if layout is None:
            return
        layout.invalidate()
        layout.activate()
        from .screen_fit import room_for
        room = room_for(self)           # never more than the screen has (bigger text)
        narrowest = min(max(560, layout.totalMinimumSize().width()), room.width())
        width = max(self.width(), narrowest)
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        needed = min(max(needed, layout.totalMinimumSize().height()), room.height())
        self.setMinimumSize(narrowest, needed)
        if self.height() < needed or self.width() < width:
            self.resize(width, max(needed, self.height()))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.fit_contents()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self, self.fit_contents)

    # --- state --------------------------------------------------------------------------------
    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def running(self) -> bool:
        return self.worker is not None

    def can_export(self) -> bool:
        return (not self.running() and bool(self.folder_edit.text().strip())
                and (self.draft_box.isChecked() or not self.report.blocking()))

    def _update(self) -> None:
        running = self.running()
        for widget in (self.folder_edit, self.choose_button, self.zip_box, self.draft_box,
                       self.replace_box, self.close_button):
            widget.setEnabled(not running)
        self.export_button.setEnabled(self.can_export())
        self.export_button.setText("&Export draft" if self.draft_box.isChecked() else "&Export")
        self.cancel_button.setEnabled(running)
        self.hint.setText("Fix the problems above first, or tick “Export as a draft”."
                          if self.report.blocking() and not self.draft_box.isChecked() else "")
        if not running:
            self._update_name()
        if self.isVisible():
            self.fit_contents()

    def _edited(self) -> None:
        """The user changed the folder or an option: what the next export would do counts
        again, rather than the result of the last one."""
        self._showing_result = False
        if self.worker is None:         # the last outcome (an error, say) is not this one's
            self.status.setText("")
        self.close_button.setDefault(False)
        self.export_button.setDefault(True)
        self._update()

    def _update_name(self) -> None:
        self._existing = False
        if self._showing_result:
            # the bundle just made would now read as "already there": show only the result
            self.name_label.hide()
            self.replace_box.hide()
            return
        self.name_label.show()
        if not self.folder_edit.text().strip():
            self.name_label.setText("Choose the folder to save the bundle in.")
        else:
            draft = self.draft_box.isChecked()
            try:
                target, self._existing = planned_folder(
                    self.session.project, self.folder(), draft=draft,
                    make_zip=self.zip_box.isChecked())
            except (OSError, PipError):
                target = None
            name = bundle_folder_name(self.session.article, draft)
            if target is None:
                self.name_label.setText("")
            elif not self._existing:
                self.name_label.setText(f"The bundle will be the folder “{target.name}”.")
            elif self.replace_box.isChecked():
                self.name_label.setText(f"A bundle called “{name}” is already there. It will "
                                        "be replaced once the new one is complete.")
            else:
                self.name_label.setText(f"A bundle called “{name}” is already there. It is "
                                        f"kept; the new one will be called “{target.name}”.")
        self.replace_box.setVisible(self._existing)

    # --- actions ------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = self.window_.dialogs.ask_folder("Where should the bundle go?",
                                                 self.folder_edit.text(), kind=EXPORT)
        if chosen:
            self.folder_edit.setText(str(chosen))

    def go_to_problem(self, item: QListWidgetItem) -> None:
        finding = item.data(ROLE) if item is not None else None
        if finding is None:
            return
        self.reject()
        self.window_.go_to(finding.where)

    def start_export(self) -> bool:
        """Start writing the bundle in the background; False if it cannot start."""
        if not self.can_export():
            return False
        overwrite = self._existing and self.replace_box.isChecked()
        if overwrite and not self.window_.dialogs.confirm(
                "Replace the bundle", "Replace the bundle that is already in this folder? The "
                                      "old one is deleted once the new one is complete.",
                "Replace"):
            return False
        folder = self.folder()
        self.export_result = None
        self._showing_result = False
        self.open_button.hide()
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Starting…")
        self.worker = ExportWorker(snapshot(self.session), self.session.template, folder,
                                   draft=self.draft_box.isChecked(),
                                   make_zip=self.zip_box.isChecked(), overwrite=overwrite,
                                   parent=self)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._worker_done)
        self._update()
        self.worker.start()
        return True

    def cancel(self) -> None:
        """Ask a running export to stop; it removes what it had written."""
        if self.worker is not None:
            self.worker.cancel_event.set()
            self.status.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def open_folder(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.folder)))

    # --- from the worker ----------------------------------------------------------------------
    def _progressed(self, percent: int, message: str) -> None:
        if self.worker is not None and not self.worker.cancel_event.is_set():
            self.progress.setValue(percent)
            self.status.setText(message)

    def _succeeded(self, result: ExportResult) -> None:
        self.export_result = result
        self.settings.export_folder = result.folder.parent
        self.progress.setValue(100)
        lines = [f"The bundle is ready in:\n{result.folder}"]
        if result.zip_path is not None:
            lines.append(f"and as one file:\n{result.zip_path}")
        if result.draft:
            lines.append("It is a draft: every document says DRAFT.")
        lines += result.warnings
        self.status.setText("\n".join(lines))
        from .announce import announce
        announce(self.status, " ".join(lines))      # the keyboard goes to Close
        self._showing_result = True
        self.open_button.show()
        # Enter must not make a second bundle: Close becomes the default, and gets the focus
        self.export_button.setDefault(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.finished_export.emit(result)

    def _failed(self, message: str, cancelled: bool) -> None:
        self.progress.hide()
        self.status.setText(message)
        from .announce import announce
        announce(self.status, message)
        self.finished_export.emit(message)

    def _worker_done(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        self._update()
        if self._showing_result:
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._close_when_done:
            super().reject()

    # --- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape or the close box: while exporting, cancel first and close when it stops."""
        if self.worker is not None:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()


def run_export(window) -> ExportDialog:
    """File › Export for submission: show the dialog (through window.run_dialog)."""
    dialog = ExportDialog(window)
    window.run_dialog(dialog)
    return dialog
