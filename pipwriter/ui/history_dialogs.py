"""File › Versions… and File › Backups…: earlier states of the article, to read, compare with
now, restore (undoable; the current text is kept as a backup first) or save as a separate copy.

The start screen's "Open a backup or version…" lists the same copies for a file chosen on disk
without opening that file (:class:`FileHistoryDialog`), so an article whose file will not open
can still be brought back from them.

None of these dialogs is modal: the window behind stays usable while it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from ..model.article.article import new_article_id
from ..model.coauthoring.compare import article_text, compare_articles
from ..model.errors import PipError
from ..model.storage.backups import (
    Backup,
    backups_of_file,
    kept_from,
    list_backups,
    open_backup,
)
from ..model.storage.history_store import local_time, project_key
from ..model.storage.project import Project
from ..model.storage.project_file import save_project
from ..model.storage.versions import (
    Version,
    delete_version,
    list_versions,
    open_version,
    versions_of_file,
)
from .data_safety import restore_into

if TYPE_CHECKING:
    from .main_window import MainWindow


class HistoryDialog(QDialog):
    """A list of kept copies; the selected one can be read, compared, restored or copied."""

    TITLE = ""
    INTRO = ""
    EMPTY = ""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main_window = window       # not `window`: QWidget.window() is the top-level widget
        self.setWindowTitle(self.TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._loaded: dict[str, Project] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.TITLE)
        self.list.currentRowChanged.connect(lambda _r: self.show_text())
        splitter.addWidget(self.list)
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setAccessibleName("Selected copy")
        splitter.addWidget(self.view)
        splitter.setSizes([300, 500])
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in self._button_specs():
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        from .screen_fit import fit_dialog
        fit_dialog(self, 900, 560)     # smaller on a small screen, scrolling
        self.refresh()

    def _button_specs(self):
        return [("read", "Read it", self.show_text),
                ("compare", "Compare with now", self.compare),
                ("restore", "Restore…", self.restore),
                ("copy", "Save as a separate copy…", self.save_copy)]

    # --- subclasses provide ----------------------------------------------------------------
    def entries(self) -> list:
        raise NotImplementedError

    def label(self, entry) -> str:
        return entry.label()

    def load(self, entry) -> Project:
        raise NotImplementedError

    def what(self, entry) -> str:
        raise NotImplementedError

    # --- common -----------------------------------------------------------------------------
    @property
    def key(self) -> str:
        return project_key(self.main_window.session.article)

    def refresh(self) -> None:
        self.items = self.entries()
        self.list.clear()
        for entry in self.items:
            self.list.addItem(QListWidgetItem(self.label(entry)))
        has = bool(self.items)
        for button in self.buttons.values():
            button.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)
        else:
            self.view.setPlainText(self.EMPTY)

    def current(self):
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def project_of(self, entry) -> Project | None:
        key = str(entry.path)
        if key not in self._loaded:
            try:
                self._loaded[key] = self.load(entry)
            except PipError as error:
                self.view.setPlainText(f"This copy cannot be opened: {error}")
                return None
        return self._loaded[key]

    def show_text(self) -> None:
        entry = self.current()
        project = self.project_of(entry) if entry else None
        if project is not None:
            self.view.setPlainText(article_text(project.article))

    def compare(self) -> str:
        entry = self.current()
        project = self.project_of(entry) if entry else None
        if project is None:
            return ""
        self.main_window.session.sync()
        text = compare_articles(project.article, self.main_window.session.article,
                                self.what(entry)[0].upper() + self.what(entry)[1:],
                                "the article now").text()
        self.view.setPlainText(text)
        return text

    def restore(self) -> bool:
        entry = self.current()
        project = self.project_of(entry) if entry else None
        if project is None:
            return False
        if not self.main_window.dialogs.confirm(
                "Restore", f"Replace the text in the window with {self.what(entry)}?\n\nThe "
                "text as it is now is kept in File › Backups, and Edit › Undo brings it back.",
                yes="Restore"):
            return False
        return restore_into(self.main_window, project, self.what(entry))

    def save_copy(self):
        """Save the selected copy as a separate article (with its own history)."""
        entry = self.current()
        project = self.project_of(entry) if entry else None
        if project is None:
            return None
        from ..export.names import safe_component
        stem = safe_component(f"{project.article.title or 'Article'} {self.what(entry)}")
        folder = self.main_window.session.path.parent if self.main_window.session.path else None
        suggested = str(folder / f"{stem}.pipw") if folder else f"{stem}.pipw"
        target = self.main_window.dialogs.ask_save_path(suggested)
        if not target:
            return None
        project.article.id = new_article_id()     # a separate article from now on
        try:
            written = save_project(project, target)
        except PipError as error:
            self.main_window.dialogs.error("Could not save the copy", str(error))
            return None
        finally:
            self._loaded.pop(str(entry.path), None)
        self.main_window.statusBar().showMessage(f"Saved a copy as {written.name}", 8000)
        return written


class VersionsDialog(HistoryDialog):
    TITLE = "Versions"
    INTRO = ("Versions of the article, newest first: those you kept with File › Save a "
             "version…, and those PiP Writer kept for you when you sent a copy, sent it for "
             "review or brought in a copy. Select one to read it, compare it with the article now, "
             "or bring it back.")
    EMPTY = ("No versions yet. Use File › Save a version… to keep the article as it is, for "
             "example before sending it to your co-author.")

    def _button_specs(self):
        return super()._button_specs() + [("delete", "Delete…", self.delete)]

    def entries(self) -> list[Version]:
        return list_versions(self.key)

    def load(self, entry: Version) -> Project:
        return open_version(entry)

    def what(self, entry: Version) -> str:
        return f"the version “{entry.name}”"

    def delete(self) -> bool:
        entry = self.current()
        if entry is None or not self.main_window.dialogs.confirm(
                "Delete version", f"Delete the version “{entry.name}”? This cannot be undone.",
                yes="Delete"):
            return False
        delete_version(entry)
        self._loaded.pop(str(entry.path), None)
        self.refresh()
        return True


class BackupsDialog(HistoryDialog):
    TITLE = "Backups"
    INTRO = ("Each time you save, PiP Writer keeps the version it replaces. Recent backups are "
             "all kept; older ones thin out to one an hour, then one a day, then one a week.")
    EMPTY = "No backups yet: they are made when you save over an earlier version."

    def entries(self) -> list[Backup]:
        return list_backups(self.key)

    def load(self, entry: Backup) -> Project:
        return open_backup(entry)

    def what(self, entry: Backup) -> str:
        return f"the backup from {local_time(entry.taken_at)}"



# --- from the start screen: the copies kept of a file, without opening it ---------------------------
class FileHistoryDialog(QDialog):
    """The named versions and backups of the article in one file, newest first (versions
    before backups). One can be read, then opened as a new, unsaved article; the file itself
    is never opened, so a damaged or vanished file does not get in the way."""

    def __init__(self, path: Path, open_copy: Callable[[Project, str], object], parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.open_copy = open_copy
        self.setWindowTitle(f"Backups and versions of {self.path.name}")
        self.items: list[Version | Backup] = [*versions_of_file(self.path),
                                              *backups_of_file(self.path)]
        layout = QVBoxLayout(self)
        others = any(e.source and not kept_from(e.source, self.path) for e in self.items)
        kept = ("Copies PiP Writer kept of this article (those from another file of it say "
                "which)" if others else f"Copies PiP Writer kept of “{self.path.name}”")
        self.intro = QLabel(
            f"{kept}: the versions you named, then a backup from each time the file was saved "
            "over. Choose one and open it. It opens as a new article, and “"
            + self.path.name + "” itself is left as it is."
            if self.items else
            f"PiP Writer has no backups or versions of “{self.path.name}” on this computer. "
            "A backup is kept each time a file is saved over, and a version each time you use "
            "File › Save a version…. A co-author may have a copy of the article.")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups and versions")
        for entry in self.items:
            self.list.addItem(QListWidgetItem(self.label(entry)))
        self.list.currentRowChanged.connect(lambda _r: self.show_text())
        self.list.itemActivated.connect(lambda _i: self.open_selected())
        splitter.addWidget(self.list)
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setAccessibleName("Selected copy")
        splitter.addWidget(self.view)
        splitter.setSizes([320, 520])
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open it as a new article")
        self.open_button.setToolTip("Opens the chosen copy in a window of its own; save it to "
                                    "keep it")
        self.open_button.clicked.connect(self.open_selected)
        self.open_button.setEnabled(bool(self.items))
        row.addWidget(self.open_button)
        row.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(900, 560)
        if self.items:
            self.list.setCurrentRow(0)
            self.open_button.setDefault(True)

    def label(self, entry: Version | Backup) -> str:
        kind = "Version" if isinstance(entry, Version) else "Backup"
        text = f"{kind}: {entry.label()}"
        if entry.source and not kept_from(entry.source, self.path):     # another file's
            text += f" (from “{Path(entry.source).name}”)"
        return text

    @staticmethod
    def what(entry: Version | Backup) -> str:
        if isinstance(entry, Version):
            return f"the version “{entry.name}”"
        return f"the backup from {local_time(entry.taken_at)}"

    def current(self) -> Version | Backup | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def load(self, entry: Version | Backup) -> Project | None:
        try:
            return open_version(entry) if isinstance(entry, Version) else open_backup(entry)
        except PipError as error:
            self.view.setPlainText(f"This copy cannot be opened: {error} Choose another one.")
            return None

    def show_text(self) -> None:
        entry = self.current()
        project = self.load(entry) if entry else None
        if project is not None:
            self.view.setPlainText(article_text(project.article))

    def open_selected(self):
        """Open the chosen copy as a new, unsaved article (what ``open_copy`` returns)."""
        entry = self.current()
        project = self.load(entry) if entry is not None else None
        if entry is None or project is None:
            return None
        opened = self.open_copy(project, self.what(entry))
        if opened is not None:
            self.close()
        return opened


def open_file_history(controller, path: Path | None = None) -> FileHistoryDialog | None:
    """Start screen › Open a backup or version…: ask for the article's file (it need not open,
    or even exist any more) and list the copies kept of it."""
    from .dialogs import PROJECT_FILTER
    from .settings import ARTICLES
    path = path or controller.dialogs.ask_file("Which article do you want a backup or version of?",
                                               PROJECT_FILTER, kind=ARTICLES)
    if not path:
        return None
    dialog = FileHistoryDialog(Path(path), lambda project, what:
                               open_copy_as_new(controller, project, what), controller.start)
    controller.history_dialog = dialog      # kept alive while shown (not modal)
    dialog.show()
    return dialog


def open_copy_as_new(controller, project: Project, what: str):
    """Open a kept copy in a window as a new article, unsaved until the user saves it."""
    project.path = None
    window = controller._window_for(project)
    window.session.set_modified(True)
    window.statusBar().showMessage(f"This is {what}. Save it (File › Save) to keep it.", 20000)
    return window
