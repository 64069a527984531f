"""The main window: navigator, the panel being edited, live figures, menus and shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..model.article import structure
from ..model.article.limits import HEADING_MAX
from ..model.errors import PipError
from .coauthor import Coauthoring
from .data_safety import DataSafety
from .dialogs import CANCEL, SAVE, Dialogs
from .figures_bar import Figures, FiguresBar
from .keyboard import keyboard_ready
from .live_figures import compute_figures, explanation
from .navigator import Navigator
from .screen_fit import available_area, fit_to_screen, room_for, scrolling
from .section_panel import SectionPanel
from .settings import Settings, documents_folder

MINIMUM_SIZE = QSize(800, 500)      # smaller and the headings and guidance are cut off
PREFERRED_SIZE = QSize(1200, 780)   # less where the screen has less room (screen_fit)
LARGEST_TEXT = 20.0     # points: every window still fits a 1024×600 screen (tests/fit_walk.py)


class MainWindow(QMainWindow):
    closed = Signal(object)
    openRequested = Signal()          # File › Open…  (handled by the app controller)
    newRequested = Signal()
    demoRequested = Signal()
    quitRequested = Signal()          # File › Quit: every window closes, then the app

    def __init__(self, session, dialogs: Dialogs | None = None, parent=None,
                 settings: Settings | None = None):
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs or Dialogs(self)
        self.settings = settings or Settings()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.navigator = Navigator(session)
        self.stack = QStackedWidget()
        self.section_panel = SectionPanel(session)
        self.stack.addWidget(self.section_panel)
        self.panels: dict[str, QWidget] = {}
        self._help_dialogs: dict[str, QWidget] = {}
        self.figures_bar = FiguresBar()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        # on a small screen or with big text a panel scrolls rather than being cut off
        self.splitter.addWidget(scrolling(self.stack, sideways=True))
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        # the figures sit in their own strip above the status bar, so status messages have room
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.figures_bar)
        self.setCentralWidget(central)
        keyboard_ready(self)
        from .status_bar import AnnouncingStatusBar
        self.setStatusBar(AnnouncingStatusBar())
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(room_for(self)))
        self.figures: Figures | None = None

        self._figures_timer = QTimer(self)
        self._figures_timer.setSingleShot(True)
        self._figures_timer.setInterval(0)      # next event-loop turn: coalesces fast typing
        self._figures_timer.timeout.connect(self.update_figures)
        self._dirty_sections: set[str] = set()
        self._readability_timer = QTimer(self)     # reading ease: when typing pauses
        self._readability_timer.setSingleShot(True)
        self._readability_timer.setInterval(800)
        self._readability_timer.timeout.connect(self.section_panel.update_readability)
        self._marks_timer = QTimer(self)           # the navigator's marks: when typing pauses
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(400)
        self._marks_timer.timeout.connect(self.update_marks)

        self._make_actions()
        self._connect()
        self.update_marks()
        self.session.spelling.add_listener(self._spelling_changed)
        self.navigator.rebuild()
        self._update_title()
        self._restore_layout()
        self.update_figures()
        # the window's two helpers add their own menu items, so they come once the menus exist
        self.data_safety = DataSafety(self)     # autosave, the lock, versions and backups
        self.coauthoring = Coauthoring(self)    # sending, merging, approving, who writes what

    # --- wiring -----------------------------------------------------------------------------
    def _connect(self) -> None:
        s = self.session
        s.textChanged.connect(self._on_text_changed)
        s.structureChanged.connect(self._on_structure_changed)
        s.modifiedChanged.connect(lambda _m: self._update_title())
        s.pathChanged.connect(self._update_title)
        self.navigator.panelChosen.connect(self.open_panel)
        self.navigator.sectionsReordered.connect(self.reorder_sections)
        self.navigator.moveRequested.connect(self.move_current)
        self.section_panel.renameRequested.connect(self.rename_section)
        self.section_panel.tickedChanged.connect(self._set_ticked)
        self.section_panel.editor.citationRequested.connect(self.insert_citation)
        self.section_panel.editor.quoteFlagged.connect(lambda _q: self._schedule_figures())
        self.figures_bar.explainRequested.connect(
            lambda key: self.dialogs.info("What is counted", explanation(self.session, key)))

    def _action(self, menu, text, slot, shortcut=None, tip="") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("&File")
        self._action(file_menu, "&New article…", self.newRequested.emit, QKeySequence.StandardKey.New)
        self._action(file_menu, "&Open…", self.openRequested.emit, QKeySequence.StandardKey.Open)
        self._action(file_menu, "Open the &demo article", self.demoRequested.emit)
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(file_menu, "Save &as…", self.save_as,
                                           QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, "&Export for submission…", self.export,
                                          "Ctrl+E", "Make the bundle to send to the editors")
        file_menu.addSeparator()
        # data safety and co-authoring put their File items above Close
        self.close_action = self._action(file_menu, "&Close", self.close,
                                         QKeySequence.StandardKey.Close)
        quit_action = self._action(file_menu, f"&Quit {APP_NAME}", self.quitRequested.emit,
                                   QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        # Ctrl+Z in a text box undoes typing there (the box takes the key first); anywhere else
        # (the navigator, a list, a button) it undoes the last change to the article's parts.
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo),
                                       QKeySequence("Ctrl+Alt+Z")])
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                                       QKeySequence("Ctrl+Alt+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._action(edit, "&Find and replace…", self.find_replace, QKeySequence.StandardKey.Find)
        editor = self.section_panel.editor
        for action in (editor.bold_action, editor.italic_action, editor.bullet_action,
                       editor.cite_action, editor.quote_action):
            edit.addAction(action)

        self.article_menu = article = bar.addMenu("&Article")
        self._action(article, "Add a &section…", self.add_section, "Ctrl+Shift+N")
        self._action(article, "Add a &viewpoint…", self.add_viewpoint, "Ctrl+Shift+V")
        self._action(article, "&Rename this section…", self.rename_current, "F2")
        self._action(article, "Re&move this section", self.remove_current, "Ctrl+Shift+Delete")
        self._action(article, "Move section &up", lambda: self.move_current(-1), "Alt+Shift+Up")
        self._action(article, "Move section &down", lambda: self.move_current(1),
                     "Alt+Shift+Down")
        article.addSeparator()
        counting = article.addMenu("Count &words as")
        self.profile_actions = {}
        for profile, label in (("word", "&Microsoft Word does"), ("libreoffice",
                                                                   "&LibreOffice Writer does")):
            action = self._action(counting, label,
                                  lambda _c=False, p=profile: self.set_word_count_profile(p))
            action.setCheckable(True)
            action.setChecked(self.session.article.settings.word_count_profile == profile)
            self.profile_actions[profile] = action
        spelling = article.addMenu("S&pelling")
        self.spelling_action = self._action(spelling, "&Check spelling as I type",
                                            self.toggle_spelling, "Ctrl+Shift+S")
        self.spelling_action.setCheckable(True)
        self.spelling_action.setChecked(self.session.spelling.enabled)
        self._action(spelling, "&Suggest spellings for this word", self.suggest_spellings,
                     tip="The spelling menu for the word at the text cursor (also Shift+F10 or "
                         "the Menu key)")
        self.language_actions = {}
        for code, label in (("en_GB", "&British English"), ("en_US", "&American English")):
            action = self._action(spelling, label,
                                  lambda _c=False, c=code: self.session.set_spelling_language(c))
            action.setCheckable(True)
            action.setChecked(self.session.article.settings.spelling_language == code)
            self.language_actions[code] = action
        article.addSeparator()
        self._action(article, "Submission &checklist", lambda: self.open_panel("checklist"),
                     "Ctrl+Shift+K")

        self.view_menu = view = bar.addMenu("&View")
        self._action(view, "&Bigger text", lambda: self.scale_text(1),
                     QKeySequence.StandardKey.ZoomIn)
        self._action(view, "&Smaller text", lambda: self.scale_text(-1),
                     QKeySequence.StandardKey.ZoomOut)
        self._action(view, "&Normal text size", lambda: self.scale_text(0), "Ctrl+0")
        self._action(view, "Go to the na&vigator", self.navigator.setFocus, "Ctrl+1")
        self._action(view, "Go to the &text", lambda: self.section_panel.editor.setFocus(),
                     "Ctrl+2")

        self.help_menu = help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Getting started", lambda: self.show_help("start"),
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "The series' g&uidance", lambda: self.show_help("guidance"))
        self._action(help_menu, "&Keyboard shortcuts", lambda: self.show_help("keys"))
        help_menu.addSeparator()
        self._action(help_menu, "&Report a problem…", self.report_problem,
                     tip="What to send whoever gave you PiP Writer: versions, system and the end "
                         "of the log (nothing is sent)")
        self._action(help_menu, f"&About {APP_NAME}", self.about)

    # --- panels -----------------------------------------------------------------------------
    def _panel(self, key: str) -> QWidget:
        if key not in self.panels:
            from .panels import make_panel
            widget = make_panel(key, self)
            keyboard_ready(widget)          # Tab leaves its text boxes; its focus shows
            self.panels[key] = widget
            self.stack.addWidget(widget)
        return self.panels[key]

    def open_panel(self, key: str) -> None:
        if key.startswith("section:"):
            self.section_panel.show_section(key.split(":", 1)[1])
            self.stack.setCurrentWidget(self.section_panel)
        else:
            panel = self._panel(key)
            if hasattr(panel, "refresh"):
                panel.refresh()
            self.stack.setCurrentWidget(panel)
        if self.navigator.current_key() != key:
            self.navigator.select(key)
        self._schedule_figures()

    def current_section_id(self) -> str:
        key = self.navigator.current_key()
        return key.split(":", 1)[1] if key.startswith("section:") else ""

    def go_to(self, where) -> None:
        """Jump to the place a checklist finding points at (findings about the whole article,
        or a place with no panel of its own, leave the window where it is)."""
        from .navigator import ALL_PANELS
        if where.section_id and self.session.article.section(where.section_id) is not None:
            self.open_panel(f"section:{where.section_id}")
        elif where.panel in ALL_PANELS:
            self.open_panel(where.panel)
            panel = self.panels.get(where.panel)
            if panel is not None and hasattr(panel, "focus_item"):
                panel.focus_item(where.author_id or where.item_id)

    # --- live figures ---------------------------------------------------------------------
    def _on_text_changed(self, section_id: str) -> None:
        self._dirty_sections.add(section_id)
        if section_id == self.current_section_id():
            self._readability_timer.start()
        self._marks_timer.start()
        self._schedule_figures()

    def _schedule_figures(self) -> None:
        if not self._figures_timer.isActive():
            self._figures_timer.start()

    def update_figures(self) -> None:
        for section_id in self._dirty_sections:
            self.navigator.refresh_section(section_id)
        self._dirty_sections.clear()
        figures = compute_figures(self.session, self.current_section_id())
        if figures != self.figures:      # most keys change no figure: nothing to redraw
            self.figures = figures
            self.figures_bar.show_figures(figures)

    def _spelling_changed(self) -> None:
        self._marks_timer.start()

    def update_marks(self) -> None:
        """The navigator's marks, from the checks' findings (model/rules/progress.py)."""
        from ..model.rules.report import marks
        self._marks_timer.stop()
        self.session.sync()
        self.navigator.set_statuses(marks(self.session.project, self.session.template,
                                          self.session.counter, self.session.spelling))

    def _on_structure_changed(self) -> None:
        language = self.session.article.settings.spelling_language
        for code, action in self.language_actions.items():
            action.setChecked(code == language)
        profile = self.session.article.settings.word_count_profile
        for key, action in self.profile_actions.items():
            action.setChecked(key == profile)
        self.update_marks()
        self.navigator.rebuild()
        for panel in self.panels.values():
            if hasattr(panel, "refresh"):
                panel.refresh()
        if self.current_section_id():
            self.section_panel.show_section(self.current_section_id())
        self._schedule_figures()

    # --- structure edits (undoable) ---------------------------------------------------------
    def add_section(self) -> None:
        template = self.session.template
        keys = structure.missing_guidance_sections(self.session.article, template)
        labels = [template.section_spec(k).title for k in keys] + ["A section of our own…"]
        index = self.dialogs.ask_choice("Add a section", "Which section?", labels)
        if index is None:
            return
        key, title = (keys[index], "") if index < len(keys) else ("", "")
        if not key:
            title = self.dialogs.ask_text("Add a section", "Heading of the new section:",
                                         max_length=HEADING_MAX) or ""
            if not title.strip():
                return
        current = self.current_section_id()
        try:
            section = self.session.change(
                f"Add “{title or labels[index]}”",
                lambda a: structure.add_section(a, template, key, title, current))
        except structure.LimitReached as error:
            self.dialogs.error("Add a section", str(error))
            return
        self.open_panel(f"section:{section.id}")

    def add_viewpoint(self) -> None:
        authors = self.session.article.authors
        if not authors:
            self.dialogs.error("Add a viewpoint", "Add the authors first (Authors and photos).")
            return
        index = self.dialogs.ask_choice("Add a viewpoint", "Whose viewpoint is it?",
                                        [a.name for a in authors])
        if index is None:
            return
        author_id, current = authors[index].id, self.current_section_id()
        try:
            section = self.session.change(
                f"Add {authors[index].name}'s viewpoint",
                lambda a: structure.add_viewpoint(a, self.session.template, [author_id],
                                                  current))
        except structure.LimitReached as error:
            self.dialogs.error("Add a viewpoint", str(error))
            return
        self.open_panel(f"section:{section.id}")

    def rename_section(self, section_id: str, title: str) -> None:
        self.session.change("Rename section",
                            lambda a: structure.rename_section(a, section_id, title))

    def rename_current(self) -> None:
        section = self.session.article.section(self.current_section_id())
        if section is None:
            return
        title = self.dialogs.ask_text("Rename section", "New heading:", section.title,
                                     max_length=HEADING_MAX)
        if title:
            self.rename_section(section.id, title)

    def remove_current(self) -> None:
        section = self.session.article.section(self.current_section_id())
        if section is None:
            return
        index = self.session.change(f"Remove “{section.title}”",
                                    lambda a: structure.remove_section(a, section.id))
        remaining = self.session.article.sections
        self.statusBar().showMessage(f"Removed “{section.title}”. Edit › Undo (Ctrl+Z) brings it back.", 8000)
        if remaining:
            self.open_panel(f"section:{remaining[min(index, len(remaining) - 1)].id}")

    def move_current(self, delta: int) -> None:
        section_id = self.current_section_id()
        if section_id:
            self.session.change("Move section",
                                lambda a: structure.move_section(a, section_id, delta))
            self.navigator.select(f"section:{section_id}")

    def reorder_sections(self, order: list[str]) -> None:
        current = self.navigator.current_key()
        self.session.change("Move section", lambda a: structure.reorder_sections(a, order))
        self.navigator.select(current)

    def set_word_count_profile(self, profile: str) -> None:
        """Count as the editors' word processor does (Word by default)."""
        def apply(article):
            article.settings.word_count_profile = profile
        self.session.change("Change how words are counted", apply)

    def suggest_spellings(self) -> bool:
        """Article › Spelling › Suggest spellings: the text box being typed in opens its menu
        at the text cursor, as the Menu key would (for keyboards without one)."""
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        from .spell_line_edit import keyboard_menu_event
        widget = QApplication.focusWidget()
        if not isinstance(widget, (QPlainTextEdit, QTextEdit)) or not self.isAncestorOf(widget):
            self.statusBar().showMessage("Put the text cursor in a word first, then choose "
                                         "Suggest spellings again.", 8000)
            return False
        QApplication.postEvent(widget.viewport(), keyboard_menu_event(widget))
        return True

    def toggle_spelling(self) -> None:
        self.session.spelling.set_enabled(self.spelling_action.isChecked())

    def _set_ticked(self, section_id: str, ticked: list[str]) -> None:
        section = self.session.article.section(section_id)
        if section is not None and section.ticked != ticked:
            section.ticked = list(ticked)
            self.session.set_modified(True)
            self.navigator.refresh_section(section_id)

    # --- citations --------------------------------------------------------------------------
    def insert_citation(self) -> None:
        references = self.session.article.references_in_order()
        if not references:
            self.dialogs.error("Insert citation", "There are no references yet. Add them in "
                                                  "the References panel, then cite them here.")
            return
        from ..model.article.reference import format_bmj
        numbers = self.session.article.reference_numbers()
        labels = [f"{numbers[r.id]}. {format_bmj(r)[:120]}" for r in references]
        index = self.dialogs.ask_choice("Insert citation", "Which reference?", labels)
        if index is None:
            return
        self.section_panel.editor.insert_citation([references[index].id])
        self.session.sync()
        self.session.refresh_citations()
        self._schedule_figures()

    # --- files --------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else "Unsaved article"
        title = self.session.article.title or "Untitled article"
        self.setWindowTitle(f"{title} ({name})[*] — {APP_NAME}")
        self.setWindowModified(self.session.is_modified())

    def save(self) -> bool:
        from .data_safety import save_or_relocate
        return save_or_relocate(self)

    def save_as(self) -> bool:
        from ..export.names import safe_component
        suggested = safe_component(self.session.article.title or "My article") + ".pipw"
        folder = self.session.path.parent if self.session.path else documents_folder()
        path = self.dialogs.ask_save_path(str(folder / suggested))
        return self._save_to(path) if path else False

    def commit_pending_edits(self) -> None:
        """Apply a field still being typed in (panels apply edits when a field loses focus)."""
        widget = QApplication.focusWidget()
        if widget is not None and self.isAncestorOf(widget):
            widget.clearFocus()
            widget.setFocus()

    def _save_to(self, path: Path) -> bool:
        self.commit_pending_edits()
        try:
            written = self.session.save(path)
        except PipError as error:
            from .data_safety import save_failed
            return save_failed(self, str(error))
        self.settings.add_recent_file(written)
        self.statusBar().showMessage(f"Saved {written.name}", 4000)
        return True

    def export(self) -> None:
        from .export_dialog import run_export
        self.commit_pending_edits()
        self.session.sync()
        run_export(self)

    def find_replace(self) -> None:
        from .find_replace import FindReplaceDialog
        if not hasattr(self, "_find_dialog"):
            self._find_dialog = FindReplaceDialog(self)
        self._find_dialog.show()
        self._find_dialog.raise_()

    def run_dialog(self, dialog) -> bool:
        """Show a modal dialog or wizard; tests replace this to drive it without a modal loop."""
        from .disclosure_host import accepted
        return accepted(dialog)

    def show_help(self, page: str) -> QWidget:
        """Help › Getting started (F1), the series' guidance, or the keyboard shortcuts, in a
        window that can stay open beside the article."""
        from .help_dialogs import (
            HelpDialog,
            getting_started_html,
            guidance_html,
            shortcuts_html,
        )
        pages = {"start": ("Getting started", getting_started_html),
                 "guidance": ("The series' guidance",
                              lambda: guidance_html(self.session.template)),
                 "keys": ("Keyboard shortcuts", lambda: shortcuts_html(self))}
        title, make = pages[page]
        dialog = self._help_dialogs.get(page)
        if dialog is None:
            dialog = self._help_dialogs[page] = HelpDialog(title, make(), self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def report_problem(self) -> None:
        """Help › Report a problem…: the details to send, with Copy and Open log folder."""
        from .problem_report import show_problem_report
        show_problem_report(self)

    def about(self) -> None:
        from .. import __version__
        from ..resources import resource
        licences = resource("dictionaries", "LICENCES.md")
        self.dialogs.info(
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nWrite a Partnership in Practice article for The BMJ "
            "with your co-authors. Then make all the editors need.\n\n"
            "Your work stays on this computer. PiP Writer sends nothing over the internet.\n\n"
            "Free software under the MIT licence. The spelling word lists keep their own "
            f"licences, listed in {licences}.\n\n"
            "If something goes wrong, tell whoever gave you PiP Writer what you were doing, "
            "and send them the log file named below." +
            _log_line())

    # --- text size and layout -----------------------------------------------------------------
    def scale_text(self, step: int) -> None:
        from .text_scale import base_text_size, scale_marks
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        font = QFont(app.font())
        base = base_text_size(app)
        size = base if step == 0 else min(max(font.pointSizeF() + step, 7.0), LARGEST_TEXT)
        font.setPointSizeF(size)
        app.setFont(font)
        scale_marks(size, base)             # tick boxes and marks grow with the text
        self.session.set_text_font(font)
        self.settings.text_size = size if step else 0

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
            area = available_area(self)
            if not self.isMaximized() and (self.width() > area.width()
                                           or self.height() > area.height()):
                fit_to_screen(self, self.size())    # saved on a bigger screen: fit this one
        else:
            fit_to_screen(self, PREFERRED_SIZE)
        # splitters are restored once the window has its real size (see showEvent)
        self._pending_splitters = {
            splitter: self.settings.splitter_state(splitter.objectName())
            for splitter in (self.splitter, self.section_panel.splitter)}

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if getattr(self, "_pending_splitters", None):
            QTimer.singleShot(0, self._restore_splitters)

    def _restore_splitters(self) -> None:
        pending, self._pending_splitters = self._pending_splitters, {}
        for splitter, state in pending.items():
            if state is not None:
                splitter.restoreState(state)

    def _save_layout(self) -> None:
        self.settings.save_window_layout(
            self.saveGeometry(), {splitter.objectName(): splitter.saveState()
                                  for splitter in (self.splitter, self.section_panel.splitter)})

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.session.is_modified():
            answer = self.dialogs.ask_unsaved(self.session.path.name if self.session.path
                                              else (self.session.article.title or "this article"))
            if answer == CANCEL or (answer == SAVE and not self.save()):
                event.ignore()
                return
        self._save_layout()
        event.accept()
        self.closed.emit(self)


def _log_line() -> str:
    """Where the app's log is kept, when the app keeps one."""
    try:
        from ..logs import LOG_NAME, log_dir
    except ImportError:
        return ""
    return f"\n\nLog file: {log_dir() / LOG_NAME}"


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label
