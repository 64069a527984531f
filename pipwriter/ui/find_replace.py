"""Find and replace across every section of the article, in article order."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)


class FindReplaceDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Find and replace")
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName("Replace with")
        self.case = QCheckBox("&Match capitals")
        self.whole = QCheckBox("W&hole words only")
        self.status = QLabel()
        self.status.setAccessibleName("Result")
        form = QFormLayout()
        form.addRow("&Find:", self.find_edit)
        form.addRow("Replace &with:", self.replace_edit)
        self.next_button = QPushButton("Find &next")
        self.replace_button = QPushButton("&Replace")
        self.all_button = QPushButton("Replace &all")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.all_button.clicked.connect(self.replace_all)
        buttons = QHBoxLayout()
        for b in (self.next_button, self.replace_button, self.all_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.case)
        layout.addWidget(self.whole)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _flags(self) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.whole.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        return flags

    def find_next(self) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        window, session = self.window_, self.window_.session
        ids = [s.id for s in session.article.sections]
        if not ids:
            return False
        current = window.current_section_id()
        start = ids.index(current) if current in ids else 0
        editor = window.section_panel.editor
        for step in range(len(ids) + 1):
            section_id = ids[(start + step) % len(ids)]
            document = session.document(section_id)
            cursor = editor.textCursor() if step == 0 and section_id == current \
                else QTextCursor(document)
            found = document.find(needle, cursor, self._flags())
            if not found.isNull():
                if section_id != window.current_section_id():
                    window.open_panel(f"section:{section_id}")
                editor.setTextCursor(found)
                title = session.article.section(section_id).title
                self.status.setText(f"Found in “{title}”.")
                return True
        self.status.setText(f"“{needle}” is not in the article.")
        return False

    def replace_one(self) -> None:
        editor = self.window_.section_panel.editor
        cursor = editor.textCursor()
        needle = self.find_edit.text()
        same = (cursor.selectedText() == needle if self.case.isChecked()
                else cursor.selectedText().lower() == needle.lower())
        if cursor.hasSelection() and same:
            cursor.insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        if not needle:
            return 0
        session, total = self.window_.session, 0
        for section in session.article.sections:
            document = session.document(section.id)
            cursor = QTextCursor(document)
            edit = QTextCursor(document)
            edit.beginEditBlock()
            while True:
                cursor = document.find(needle, cursor, self._flags())
                if cursor.isNull():
                    break
                cursor.insertText(replacement)
                total += 1
            edit.endEditBlock()
        self.status.setText(f"Replaced {total} time{'s' if total != 1 else ''}. "
                            "Undo in each section with Ctrl+Z.")
        return total
