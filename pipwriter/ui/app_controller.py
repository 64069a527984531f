"""Opens and tracks windows: the start screen and one main window per open article."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from ..model.errors import PipError
from ..model.rules.template import get_template
from ..model.storage.project import Project
from .dialogs import Dialogs
from .main_window import MainWindow
from .session import Session
from .settings import Settings

if TYPE_CHECKING:
    from .start_window import StartWindow

DEFAULT_TEMPLATE = "bmj-partnership-in-practice"


class AppController(QObject):
    def __init__(self, dialogs: Dialogs | None = None, parent=None,
                 settings: Settings | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QApplication

        from .colours import apply_accessible_selection
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(apply_accessible_selection(app.palette()))
        self.settings = settings or Settings()
        self.dialogs = dialogs or Dialogs(settings=self.settings)
        self.windows: list[MainWindow] = []
        self._quitting = False
        self._start: StartWindow | None = None

    @property
    def start(self) -> StartWindow:
        """The start screen, made the first time it is wanted: opening a file from the
        command line (a double-click) shows the article without it."""
        if self._start is None:
            from .start_window import StartWindow
            start = self._start = StartWindow(self.settings)
            start.newRequested.connect(self.new_article)
            start.openRequested.connect(self.open_dialog)
            start.demoRequested.connect(self.open_demo)
            start.importRequested.connect(lambda: self.import_docx_dialog())
            start.recentRequested.connect(self.open_path)
            start.historyRequested.connect(lambda: self.open_history())
        return self._start

    def _hide_start(self) -> None:
        if self._start is not None:
            self._start.hide()

    # --- windows ----------------------------------------------------------------------------
    def show_start(self) -> None:
        self.start.refresh()
        self.start.show()
        self.start.raise_()

    def _window_for(self, project: Project, starting: bool = False) -> MainWindow:
        """A window for ``project``; ``starting``: the one the app starts with, which shows
        the article's text before its figures (see ``MainWindow``)."""
        session = Session(project, get_template(project.article.template_id),
                          spelling_later=True)    # read once the window is shown
        window = MainWindow(session, self.dialogs, settings=self.settings, starting=starting)
        self.dialogs.parent = window
        window.openRequested.connect(self.open_dialog)
        window.newRequested.connect(self.new_article)
        window.demoRequested.connect(self.open_demo)
        window.quitRequested.connect(self.quit_all)
        window.coauthoring.importRequested.connect(self.import_docx_dialog)
        window.closed.connect(self._closed)
        self.windows.append(window)
        window.show()
        if window.stack.currentWidget() is window.section_panel:
            window.section_panel.focus_editor()    # typing goes into the text, not the heading
        self._hide_start()
        for warning in project.warnings:
            self.dialogs.error("About this file", warning)
        return window

    def _closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
        if not self.windows and not self._quitting:
            self.show_start()

    def quit_all(self) -> bool:
        """File › Quit: close every window (each asks about unsaved changes), then leave the
        app. False, with everything still open that was not closed, if the user cancels."""
        self._quitting = True
        try:
            for window in list(self.windows):
                if not window.close():
                    return False
        finally:
            self._quitting = False
        self._hide_start()
        QApplication.quit()
        return True

    # --- actions ----------------------------------------------------------------------------
    def open_dialog(self) -> MainWindow | None:
        path = self.dialogs.ask_open_path()
        return self.open_path(path) if path else None

    def open_path(self, path: Path, *, starting: bool = False) -> MainWindow | None:
        from ..model.storage.project_file import load_project
        for window in self.windows:
            if window.session.path and window.session.path.resolve() == Path(path).resolve():
                window.raise_()
                window.activateWindow()
                return window
        try:
            project = load_project(path)
        except PipError as error:
            self.dialogs.error("Could not open the article", str(error))
            self._offer_history(Path(path))
            if not Path(path).exists():
                self.settings.remove_recent_file(Path(path))
                if self._start is not None:     # made later, it lists the files as they are
                    self._start.refresh()
            return None
        window = self._window_for(project, starting)
        window.once_painted(lambda: self.settings.add_recent_file(project.path or Path(path)))
        return window

    def _offer_history(self, path: Path) -> None:
        """A file would not open: offer the copies PiP Writer kept of it, if there are any."""
        from ..model.storage.backups import backups_of_file, kept_from
        from ..model.storage.versions import versions_of_file
        try:
            sources = [v.source for v in versions_of_file(path)] + \
                [b.source for b in backups_of_file(path)]
        except OSError:
            return
        count = len(sources)
        copies = f"{count} earlier cop{'ies' if count != 1 else 'y'}"
        if all(kept_from(source, path) for source in sources):
            text = f"PiP Writer kept {copies} of “{path.name}” (backups and versions)."
        else:
            # copies of the same article from another file (found by a walk: a co-author's
            # copy offered the backups of the user's own file as copies "of" it)
            text = (f"PiP Writer kept {copies} of this article (backups and versions), not all "
                    f"of them from “{path.name}”: some are from another file of it, such as "
                    "your own copy. They may not have the latest changes.")
        if count and self.dialogs.confirm("Could not open the article",
                                          f"{text} Look at them and open one?",
                                          yes="Look at the copies"):
            self.open_history(path)

    def open_history(self, path: Path | None = None):
        """Start screen › Open a backup or version…: the copies kept of a file, listed
        without opening it."""
        from .history_dialogs import open_file_history
        return open_file_history(self, path)

    def open_demo(self) -> MainWindow:
        from ..model.storage.demo import demo_project
        return self._window_for(demo_project())

    def import_docx_dialog(self, path: Path | None = None) -> MainWindow | None:
        """File › Import a Word draft…: the draft becomes a new, unsaved article in a window."""
        from .coauthor import import_summary, run_import
        imported = run_import(self.dialogs, path)
        if imported is None:
            return None
        project, notes = imported
        window = self._window_for(project)
        window.session.set_modified(True)
        self.dialogs.info("Word draft imported", import_summary(project, notes))
        return window

    def run_wizard(self, wizard) -> bool:
        """Shows the wizard; tests replace this to fill it in without a modal loop."""
        return wizard.exec() == QDialog.DialogCode.Accepted

    def new_article(self) -> MainWindow | None:
        from .new_article_wizard import NewArticleWizard
        wizard = NewArticleWizard(get_template(DEFAULT_TEMPLATE))
        if not self.run_wizard(wizard):
            return None
        window = self._window_for(Project(wizard.result_article()))
        window.session.set_modified(True)
        return window
