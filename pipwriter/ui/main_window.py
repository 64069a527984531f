"""The main window: navigator, the panel being edited, live figures, menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from .article_commands import ArticleCommands
from .coauthor import Coauthoring
from .data_safety import DataSafety
from .dialogs import CANCEL, SAVE, Dialogs
from .edit_undo import EditUndo
from .figures_bar import Figures, FiguresBar
from .help_menu import HelpWindows
from .keyboard import commit_typing, keyboard_ready, menu_bar_showing_choice, remember_text_boxes
from .live_figures import compute_figures, explanation
from .marks_worker import MarksWorker
from .navigator import Navigator
from .panels import go_to_text, switch_page
from .review_entry import install_comments
from .saving import save_as, save_or_relocate
from .screen_fit import PageStack, room_for, scrolling
from .section_panel import SectionPanel
from .settings import Settings
from .spelling_controls import SpellingControls
from .suggest_mode import install_suggestions
from .timers import AfterFirstPaint, OncePainted, pause_timer
from .window_layout import WindowLayout

MINIMUM_SIZE = QSize(800, 500)      # smaller and the headings and guidance are cut off
# the live figures follow typing this long after a key (at most: not restarted by the next key),
# on a pass of their own: their count and the strip's relayout are off the key (issue 23)
FIGURES_DELAY_MS = 100
LARGEST_TEXT = 20.0     # points: every window still fits a 1024×600 screen (tests/fit_walk.py)
AFTER_PAINT_AT_LATEST_MS = 1000     # the first window's waiting work runs by then at latest


class MainWindow(QMainWindow):
    closed = Signal(object)
    openRequested = Signal()          # File › Open…  (handled by the app controller)
    newRequested = Signal()
    demoRequested = Signal()
    quitRequested = Signal()          # File › Quit: every window closes, then the app

    def __init__(self, session, dialogs: Dialogs | None = None, parent=None,
                 settings: Settings | None = None, *, starting: bool = False):
        super().__init__(parent)
        self.after_paint = AfterFirstPaint(self, starting, AFTER_PAINT_AT_LATEST_MS)  # issue 23
        self.session = session
        self.settings = settings or Settings()
        self.dialogs = dialogs or Dialogs(self, self.settings)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.navigator = Navigator(session)
        self.stack = PageStack()
        self.section_panel = SectionPanel(session)
        self.stack.addWidget(self.section_panel)
        self.panels: dict[str, QWidget] = {}
        self.figures_bar = FiguresBar()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.stack_area = scrolling(self.stack, sideways=True)   # held: see make_scrollable
        self.splitter.addWidget(self.stack_area)
        self.section_panel.turn.watch(self.stack_area)      # the room it has
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
        remember_text_boxes(self)       # for commands given after a menu was looked at
        from .status_bar import AnnouncingStatusBar
        self.setStatusBar(AnnouncingStatusBar())
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(room_for(self)))
        self.figures: Figures | None = None

        # the figures at most FIGURES_DELAY_MS after a change, never inside a key's handling
        # (fast typing is coalesced); reading ease and the navigator's marks when typing pauses
        self._figures_timer = pause_timer(self, FIGURES_DELAY_MS, self.update_figures)
        self._readability_timer = pause_timer(self, 800, self.section_panel.update_readability)
        self.marks_worker = MarksWorker(self.session, self)     # the checks off the GUI thread
        self._marks_timer = pause_timer(self, 400, self.marks_worker.start)
        self.marks_worker.ready.connect(self.navigator.set_statuses)
        self.marks_worker.stale.connect(self._marks_timer.start)
        self.marks_worker.failed.connect(self.update_marks)     # here, where errors are shown

        self.commands = ArticleCommands(self)   # the Article menu's structure commands
        self.help = HelpWindows(self)           # the Help menu's windows
        self._make_actions()
        self._connect()
        if self.session.spelling.lists.ready():
            self.update_marks()
        else:   # opened by the app: the text first; the word lists and the marks once painted
            self._opening = OncePainted(self, lambda: session.read_spelling_lists(
                then=self.marks_worker.start, owner=self))
        self.session.spelling.add_listener(self._spelling_changed)
        self.section_panel.readability_later = starting
        self.navigator.rebuild()
        self._update_title()
        self.layout_keeper = WindowLayout(self, [self.splitter, self.section_panel.splitter],
                                          self.settings)
        self.layout_keeper.restore()
        self.once_painted(self.fill_figures)
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
        self.navigator.sectionsReordered.connect(self.commands.reorder_sections)
        self.navigator.moveRequested.connect(self.commands.move_current)
        self.section_panel.renameRequested.connect(self.commands.rename_section)
        self.section_panel.tickedChanged.connect(self.commands.set_ticked)
        self.section_panel.editor.citationRequested.connect(self.commands.insert_citation)
        self.section_panel.editor.quoteFlagged.connect(lambda _q: self.schedule_figures())
        self.section_panel.editor.hint.connect(
            lambda words: self.statusBar().showMessage(words, 8000))
        # "Removed …: Undo brings it back" is untrue once undone: an undo or redo clears it
        s.restored.connect(self.statusBar().clearMessage)
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
        bar = menu_bar_showing_choice(self)
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
        # Ctrl+Z in a text box undoes typing there (the box takes the key first); anywhere else
        # (the navigator, a list, a button) the newer of the typing on the screen and the last
        # change to the article's parts. The menu items say which (edit_undo.py).
        self.edit_undo = EditUndo(self, self.session.undo_stack)
        self.undo_action, self.redo_action = self.edit_undo.undo_action, self.edit_undo.redo_action
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.edit_undo.watch_menu(edit)
        self.section_panel.editor.undoElsewhere.connect(
            lambda redo: (self.redo_action if redo else self.undo_action).trigger())
        edit.addSeparator()
        self._action(edit, "&Find and replace…", self.find_replace, QKeySequence.StandardKey.Find)
        editor = self.section_panel.editor
        text_actions = [editor.bold_action, editor.italic_action, editor.bullet_action,
                        editor.cite_action, editor.quote_action]
        edit.addActions(text_actions)

        self.article_menu = article = bar.addMenu("&Article")
        commands = self.commands
        self._action(article, "Add a &section…", commands.add_section, "Ctrl+Shift+N")
        self._action(article, "Add a &viewpoint…", commands.add_viewpoint, "Ctrl+Shift+V")
        # on a section only (greyed out on the other panels, where they would do nothing)
        self.section_actions = [
            self._action(article, "&Rename this section…", commands.rename_current, "F2"),
            self._action(article, "Re&move this section", commands.remove_current,
                         "Ctrl+Shift+Delete"),
            self._action(article, "Move section &up", lambda: commands.move_current(-1),
                         "Alt+Shift+Up"),
            self._action(article, "Move section &down", lambda: commands.move_current(1),
                         "Alt+Shift+Down"), *text_actions]   # these acted out of sight (19b)
        article.addSeparator()
        self.profile_actions = commands.add_counting_menu(article)
        self.spelling_controls = SpellingControls(self, article)
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
        self._action(view, "Go to the &text", lambda: go_to_text(self), "Ctrl+2")
        view.addSeparator()
        self._action(view, "&Preview the whole article", self.show_preview, "Ctrl+Shift+P")
        install_comments(self, article, view)
        self.suggest_mode = install_suggestions(self, edit, view)

        self.help_menu = help_menu = bar.addMenu("&Help")
        help_windows = self.help
        self._action(help_menu, "&Getting started", lambda: help_windows.show("start"),
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "The series' g&uidance", lambda: help_windows.show("guidance"))
        self._action(help_menu, "&Keyboard shortcuts", lambda: help_windows.show("keys"))
        help_menu.addSeparator()
        self._action(help_menu, "&Report a problem…", help_windows.report_problem,
                     tip="What to send whoever gave you PiP Writer: versions, system and the end "
                         "of the log (nothing is sent)")
        self._action(help_menu, f"&About {APP_NAME}", help_windows.about)

    def show_preview(self) -> None:     # View › Preview the whole article, as it will be exported
        from .preview import show_preview
        show_preview(self)

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
            switch_page(self.stack, self.section_panel)
        else:
            panel = self._panel(key)
            if hasattr(panel, "refresh"):
                panel.refresh()
            switch_page(self.stack, panel)
        if self.navigator.current_key() != key:
            self.navigator.select(key)
        for action in self.section_actions:
            action.setEnabled(key.startswith("section:"))
        self.edit_undo.update()     # another text, with its own typing to undo
        self.update_figures()       # at once: "This section" must not show the last panel's

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
        self.navigator.section_typed_in(section_id)
        if section_id == self.current_section_id():
            self._readability_timer.start()
        self._marks_timer.start()
        self.schedule_figures()

    def schedule_figures(self) -> None:
        if not self._figures_timer.isActive():
            self._figures_timer.start()

    def once_painted(self, work: Callable[[], object]) -> None:
        self.after_paint.add(work)      # now, or after the app's first window is painted

    def fill_figures(self) -> None:
        later, self.section_panel.readability_later = self.section_panel.readability_later, False
        self.update_figures()
        if later:
            self.section_panel.update_readability()

    def update_figures(self) -> None:
        if self.after_paint.pending:        # they come once the window is painted
            return
        self._figures_timer.stop()
        figures = compute_figures(self.session, self.current_section_id())
        if figures != self.figures:      # most keys change no figure: nothing to redraw
            self.figures = figures
            self.figures_bar.show_figures(figures)

    def _spelling_changed(self) -> None:
        self.marks_worker.note_spelling_change()
        self._marks_timer.start()

    def update_marks(self) -> None:
        """The navigator's marks, from the checks' findings (model/rules/progress.py)."""
        from ..model.rules.report import marks
        self._marks_timer.stop()
        self.session.sync()
        self.navigator.set_statuses(marks(self.session.project, self.session.template,
                                          self.session.counter, self.session.spelling))

    def _on_structure_changed(self) -> None:
        self.spelling_controls.show_language()
        self.commands.show_counting(self.profile_actions)
        self.update_marks()
        self._update_title()            # an undone Replace all may have changed the title
        self.navigator.rebuild()
        for panel in self.panels.values():
            if hasattr(panel, "refresh"):
                panel.refresh()
        if self.current_section_id():
            self.section_panel.show_section(self.current_section_id())
        self.update_figures()

    # --- files --------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else "Unsaved article"
        title = self.session.article.title or "Untitled article"
        self.setWindowTitle(f"{title} ({name})[*] — {APP_NAME}")
        self.setWindowModified(self.session.is_modified())

    def save(self) -> bool:
        """File › Save (see :func:`.saving.save_or_relocate`); True once saved."""
        return save_or_relocate(self)

    def save_as(self) -> bool:
        """File › Save as…; True once saved."""
        return save_as(self)

    def commit_pending_edits(self) -> None:
        """Apply a field still being typed in (panels apply edits when a field loses focus)."""
        commit_typing(self)

    def export(self) -> None:
        from .export_dialog import run_export
        self.commit_pending_edits()
        self.session.sync()
        run_export(self)

    def find_replace(self) -> None:
        from .find_replace import FindReplaceDialog
        if not hasattr(self, "_find_dialog"):
            self._find_dialog = FindReplaceDialog(self)
        self._find_dialog.show_ready()

    def run_dialog(self, dialog) -> bool:
        """Show a modal dialog or wizard; tests replace this to drive it without a modal loop."""
        from .disclosure_host import accepted
        return accepted(dialog)

    # --- text size and layout -----------------------------------------------------------------
    def scale_text(self, step: int) -> None:
        """View › Bigger text (1), Smaller text (-1) or Normal text size (0), in every window;
        remembered for the next start."""
        from .text_scale import scale_app_text  # its style classes: only when asked for
        font = scale_app_text(step, LARGEST_TEXT)
        if font is not None:
            self.session.set_text_font(font)
            self.settings.text_size = font.pointSizeF() if step else 0

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.layout_keeper.shown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.commit_pending_edits()     # a field still being typed in counts (Ctrl+Q from it)
        if self.session.is_modified():
            answer = self.dialogs.ask_unsaved(self.session.path.name if self.session.path
                                              else (self.session.article.title or "this article"))
            if answer == CANCEL or (answer == SAVE and not self.save()):
                event.ignore()
                return
        self.layout_keeper.save()
        self.after_paint.drop()         # closed before its first paint: nothing more to do
        event.accept()
        self.closed.emit(self)
