"""The start screen: new article, open, the demo article, recent files, and the backups and
versions of a file (reachable without opening it, so a file that will not open never locks its
author out)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from .media_widgets import wrapping_list
from .settings import Settings

ROLE = Qt.ItemDataRole.UserRole


class StartWindow(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    importRequested = Signal()
    historyRequested = Signal()
    recentRequested = Signal(Path)

    def __init__(self, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(f"{APP_NAME} start screen")
        title = QLabel(f"<h1>{APP_NAME}</h1>")
        intro = QLabel("Write a <i>Partnership in Practice</i> article for The BMJ with "
                       "your co-authors. It takes you through each part. It counts "
                       "words and references, and makes all the editors need.")
        intro.setWordWrap(True)
        self.new_button = QPushButton("&New article…")
        self.open_button = QPushButton("&Open an article…")
        self.import_button = QPushButton("Start from a &Word draft…")
        self.demo_button = QPushButton("Look at the &demo article")
        self.history_button = QPushButton("Open a &backup or version…")
        for button, signal, tip in (
                (self.new_button, self.newRequested, "Start a new article with a short wizard"),
                (self.open_button, self.openRequested, "Open a .pipw file from your computer"),
                (self.import_button, self.importRequested,
                 "Bring a draft written in Word (.docx) into a new article, part by part"),
                (self.demo_button, self.demoRequested,
                 "A finished example article to explore"),
                (self.history_button, self.historyRequested,
                 "Choose an article's file to see the copies PiP Writer kept of it. This works "
                 "even if the file will not open")):
            button.setMinimumHeight(44)
            button.setAutoDefault(True)     # Enter presses the focused button, as Space does
            button.setToolTip(tip)
            button.setAccessibleName(button.text().replace("&", "").replace("…", ""))
            button.clicked.connect(signal.emit)
        self.recent = wrapping_list()     # long titles wrap: no sideways scrolling (a walk)
        self.recent.setAccessibleName("Recent articles")
        self.recent.itemActivated.connect(self._open_recent)
        recent_label = QLabel("&Recent articles:")
        recent_label.setBuddy(self.recent)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.import_button, self.demo_button,
                       self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # bigger text from the first screen (Ctrl++ too): see text_size_keys.py
        from .text_size_keys import add_text_size_keys, change_text_size
        self.bigger_button = QPushButton("&Larger text")
        self.smaller_button = QPushButton("&Smaller text")
        sizes = QHBoxLayout()
        for button, step in ((self.bigger_button, 1), (self.smaller_button, -1)):
            button.setToolTip("Makes all the text in PiP Writer bigger or smaller (Ctrl++ and "
                              "Ctrl+- do it too). It is remembered.")
            button.clicked.connect(lambda _c=False, s=step: change_text_size(s, self.settings))
            sizes.addWidget(button)
        buttons.addLayout(sizes)
        self.size_keys = add_text_size_keys(self, self.settings)
        right = QVBoxLayout()
        right.addWidget(recent_label)
        right.addWidget(self.recent)
        row = QHBoxLayout()
        row.addLayout(buttons, 1)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        from .screen_fit import fit_dialog
        fit_dialog(self, 760, 440)     # smaller on a small screen, scrolling
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        from ..model.storage.peek import peek_title
        for path in self.settings.recent_files:
            title = peek_title(path) if path.exists() else ""
            shown = f"{title}\n{path.name} in {path.parent}" if title else \
                f"{path.stem}    ({path.parent})"
            item = QListWidgetItem(shown)
            item.setData(ROLE, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                item.setText(f"{path.stem}    (not found: {path.parent})")
            self.recent.addItem(item)
        if not self.recent.count():
            placeholder = QListWidgetItem("Articles you open will be listed here.")
            # in the text's own colour, not greyed out as a disabled entry (too pale to read
            # for a walk's low-vision user); it cannot be chosen
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(placeholder)

    def _open_recent(self, item) -> None:
        path = item.data(ROLE)
        if path:
            self.recentRequested.emit(Path(path))
