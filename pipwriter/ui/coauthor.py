"""Writing together offline: who writes what, sending a copy to a co-author, merging the copy
that comes back, approving the article, and importing a Word draft.

:class:`Coauthoring` is made at the end of ``MainWindow.__init__`` (``window.coauthoring``). It adds:

* File › Send to a co-author… / Bring in a co-author's copy… / Import a Word draft…;
* Article › Approve…;
* above the navigator, "I am" (remembered per article) and "Show only my sections";
* "Written by" in the section panel: assigning a section is an undoable change.

Questions go through ``window.dialogs`` and the merge dialog through ``window.run_dialog``, so
tests can answer them. The rules live in the model: :mod:`pipwriter.model.coauthoring.exchange`,
:mod:`pipwriter.model.coauthoring.merge` and :mod:`pipwriter.model.coauthoring.approval`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..model.errors import PipError
from ..model.rules.check_context import plural
from .colours import CHECKED_BUTTONS

if TYPE_CHECKING:
    from ..model.coauthoring.merge import MergeResult
    from ..model.storage.project import Project
    from .main_window import MainWindow

# What sending, merging, approving and importing need is imported in the method that needs it:
# none of it is needed to open the window, and the window opens sooner without it.

DOCX_FILTER = "Word documents (*.docx)"


class Coauthoring(QObject):
    """Everything for writing with co-authors in one window; reachable as
    ``window.coauthoring``."""

    importRequested = Signal()          # File › Import a Word draft… (the app controller opens it)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self._make_actions()
        self._make_filter_bar()
        window.section_panel.assigneeChanged.connect(self.assign)
        self.session.structureChanged.connect(self._fill_me)
        from .timers import OncePainted
        # a turn after the paint's own (the window's figures come first)
        self._greeting = OncePainted(
            window, lambda: QTimer.singleShot(0, self, self.greet_received_copy))

    def greet_received_copy(self) -> bool:
        """A copy sent to a co-author, opened as it came: say who sent it and show their note
        (found by a walk: the note was kept in the file and shown nowhere). The copy was for
        one author: "I am" is set to them when this computer knows nobody yet."""
        from ..model.coauthoring.exchange import received_copy
        from .merging import on_day
        sent = received_copy(self.session.project)
        if sent is None:
            return False
        who = str(sent.get("sent_by") or "") or "A co-author"
        for_whom = str(sent.get("sent_to") or "")
        text = f"{who} sent this copy of the article{on_day(sent.get('sent_at'))}"
        text += f" to {for_whom}." if for_whom else "."
        note = str(sent.get("note") or "")
        text += f"\n\nTheir note: “{note}”" if note else ""
        recipient = self.session.article.author(str(sent.get("sent_to_id") or ""))
        if recipient is not None and not self.me():
            self.set_me(recipient.id)
            text += f"\n\nThis computer now knows you as {recipient.name} (see “I am”)."
        text += ("\n\nWhen you have made your changes, send it back with File › Send to a "
                 "co-author…")
        self.window.dialogs.info("A copy sent to you", text)
        return True

    # --- menus ----------------------------------------------------------------------------------
    def _action(self, text: str, slot, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        window = self.window
        file_menu, close = window.file_menu, window.close_action
        self.send_action = self._action("Send &to a co-author…", self.send_copy,
                                        "Save a copy for a co-author to work on")
        self.merge_action = self._action("Bring in a co-author's co&py…", self.merge_copy,
                                         "Bring a co-author's changes into this article")
        self.import_action = self._action("&Import a Word draft…", self.importRequested.emit,
                                          "Make a new article from a Word document")
        from .review_copy import review_actions
        for action in (self.send_action, self.merge_action, *review_actions(window),
                       self.import_action):
            file_menu.insertAction(close, action)
        file_menu.insertSeparator(close)

        article_menu = window.article_menu
        self.approve_action = self._action("&Approve…", self.approve,
                                           "Record that an author approves the article as it "
                                           "stands (or one section)")
        article_menu.addSeparator()
        article_menu.addAction(self.approve_action)

        self.only_mine_action = QAction("Show only &my sections", window)
        self.only_mine_action.setCheckable(True)
        self.only_mine_action.setToolTip("List only the sections you are writing")
        self.only_mine_action.toggled.connect(self.show_only_mine)
        window.view_menu.addAction(self.only_mine_action)

    # --- who am I, and my sections -------------------------------------------------------------
    def me(self) -> str:
        """The author using this computer, as chosen in "I am" ("" when not chosen)."""
        value = self.window.settings.me(self.session.article.id)
        return value if self.session.article.author(value) is not None else ""

    def set_me(self, author_id: str) -> None:
        self.window.settings.set_me(self.session.article.id, author_id)
        self._fill_me()
        if self.only_mine_action.isChecked():
            self.window.navigator.set_only_author(self.me())

    def _make_filter_bar(self) -> None:
        window = self.window
        navigator = window.navigator
        self.me_combo = QComboBox()
        self.me_combo.setAccessibleName("I am")
        self.me_combo.setToolTip("Who is writing on this computer (kept for this article)")
        self.me_combo.activated.connect(
            lambda _i: self.set_me(self.me_combo.currentData() or ""))
        self.only_mine_button = QToolButton()
        self.only_mine_button.setDefaultAction(self.only_mine_action)
        self.only_mine_button.setStyleSheet(CHECKED_BUTTONS)   # on or off, clearly
        bar = QWidget()
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(6, 4, 0, 0)
        row = QHBoxLayout()
        label = QLabel("I am:")          # reached with Tab; its letters are taken by the panels
        label.setBuddy(self.me_combo)
        row.addWidget(label)
        row.addWidget(self.me_combo, 1)
        layout.addLayout(row)
        layout.addWidget(self.only_mine_button)
        self.only_mine_note = QLabel()      # while on, it says so in words (not only a border)
        self.only_mine_note.setWordWrap(True)
        self.only_mine_note.hide()
        layout.addWidget(self.only_mine_note)
        navigator.filtered.connect(self._show_filter_note)
        index = window.splitter.indexOf(navigator)
        if index >= 0:
            window.splitter.replaceWidget(index, bar)
            layout.addWidget(navigator, 1)
            navigator.show()
        self.filter_bar = bar
        self._fill_me()

    def _show_filter_note(self, hidden: int) -> None:
        author = self.session.article.author(self.window.navigator.only_author)
        self.only_mine_note.setVisible(author is not None)
        self.only_mine_note.setText(f"Only the sections for {author.name} are listed: "
                                    f"{plural(hidden, 'other section')} hidden for now."
                                    if author is not None else "")

    def _fill_me(self) -> None:
        combo = self.me_combo
        me = self.me()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("(choose)", "")
        for author in self.session.article.authors:
            combo.addItem(author.name or "Unnamed author", author.id)
        combo.setCurrentIndex(max(combo.findData(me), 0))
        combo.blockSignals(False)

    def show_only_mine(self, on: bool) -> None:
        me = self.me()
        if on and not me:
            authors = self.session.article.authors
            index = self.window.dialogs.ask_choice(
                "Show only my sections", "Who are you?", [a.name for a in authors]) \
                if authors else None
            if index is None:
                self.only_mine_action.setChecked(False)
                return
            self.set_me(authors[index].id)
            me = authors[index].id
        self.window.navigator.set_only_author(me if on else "")

    def assign(self, section_id: str, author_id: str) -> None:
        """Choose who writes a section (undoable)."""
        section = self.session.article.section(section_id)
        if section is None:
            return
        writer = self.session.article.author(author_id)

        def apply(article) -> None:
            article.section(section_id).assignee = author_id if writer else ""
        what = f"Assign “{section.title}” to {writer.name}" if writer else \
            f"Unassign “{section.title}”"
        self.session.change(what, apply)

    # --- sending --------------------------------------------------------------------------------
    def send_copy(self) -> Path | None:
        """File › Send to a co-author…: save a copy for them, keeping a version of what was
        sent so their changes can be merged later."""
        from ..export.names import safe_component
        from ..model.coauthoring.exchange import send_copy
        from ..model.language.counts import total_words
        window, dialogs = self.window, self.window.dialogs
        window.commit_pending_edits()
        self.session.sync()
        article = self.session.article
        me = self.me()
        others = [a for a in article.authors if a.id != me]
        index = dialogs.ask_choice("Send to a co-author", "Who is this copy for?",
                                   [a.name for a in others] + ["Someone else…"])
        if index is None:
            return None
        if index < len(others):
            name, author_id = others[index].name, others[index].id
        else:
            name = dialogs.ask_text("Send to a co-author", "Their name:")
            author_id = ""
            if not name:
                return None
        note = dialogs.ask_text("Send to a co-author", f"A note for {name} (you may leave it "
                                "empty), for example “please check your viewpoint”:") or ""
        # beside the article's file, else where articles were last saved (see ask_save_path)
        suggested = (f"{safe_component(article.title or 'My article')} - for "
                     f"{safe_component(name)}.pipw")
        target = dialogs.ask_save_path(str(self.session.path.parent / suggested)
                                       if self.session.path else suggested,
                                       f"Save the copy for {name}")
        if not target:
            return None
        try:
            sender = article.author(me)
            written, version = send_copy(self.session.project, target, name, note, author_id,
                                         total_words(article), sender.name if sender else "")
        except (PipError, OSError) as error:
            dialogs.error("Could not save the copy", str(error))
            return None
        window.statusBar().showMessage(f"Saved a copy for {name}: {written.name}", 8000)
        dialogs.info("Copy saved",
                     f"“{written.name}” is ready for {name}: send it by email or on a USB "
                     f"stick. Your article as you sent it is kept as the version "
                     f"“{version.name}”. So when {name} sends their copy back, File › Bring in a "
                     "co-author's copy… can tell what each of you changed.")
        return written

    # --- merging (merging.py) ---------------------------------------------------------------
    def merge_copy(self, path: Path | None = None) -> bool:
        """File › Bring in a co-author's copy… (see :func:`.merging.merge_copy`)."""
        from .merging import merge_copy
        return merge_copy(self, path)

    def apply_merge(self, result: MergeResult, theirs: Project, entry: dict | None,
                    name: str) -> bool:
        """Show what merging brings and put it in (see :func:`.merging.apply_merge`)."""
        from .merging import apply_merge
        return apply_merge(self, result, theirs, entry, name)

    # --- approving ------------------------------------------------------------------------------
    def approval_text(self) -> str:
        from ..model.coauthoring.approval import approval_lines
        return "\n".join(approval_lines(self.session.article)) or "No authors yet."

    def approve(self) -> bool:
        """Article › Approve…: record that an author approves the article as it stands (or the
        section being edited)."""
        from ..model.coauthoring import approval
        window, dialogs = self.window, self.window.dialogs
        window.commit_pending_edits()
        self.session.sync()
        article = self.session.article
        if not article.authors:
            dialogs.error("Approve", "Add the authors first (Authors and photos).")
            return False
        me = self.me()
        authors = sorted(article.authors, key=lambda a: a.id != me)
        index = dialogs.ask_choice("Approve", f"Where things stand:\n{self.approval_text()}\n\n"
                                   "Who is approving?", [a.name for a in authors])
        if index is None:
            return False
        author = authors[index]
        mine = article.author(me)
        if mine is not None and author.id != me and not dialogs.confirm(
                "Approve for someone else?",
                f"This computer knows you as {mine.name}. Record {author.name}'s approval only "
                f"if {author.name} has told you they approve the article as it is now. The "
                f"checklist for the editors will say {author.name} approved it, recorded by "
                f"{mine.name}.", f"Record {author.name}'s approval",
                no="Cancel", keep=True):
            return False        # found by a walk: anyone could approve for anyone, unasked
        scopes = [(approval.ARTICLE_SCOPE, "I approve the whole article as it stands now")]
        section = article.section(window.current_section_id())
        if section is not None:
            scopes.append((section.id, f"I approve only the section “{section.title}”"))
        choice = 0 if len(scopes) == 1 else dialogs.ask_choice(
            "Approve", f"{author.name}, what do you approve?", [label for _s, label in scopes])
        if choice is None:
            return False
        if len(scopes) == 1 and not dialogs.confirm(
                "Approve", f"{author.name}, do you approve the whole article as it stands "
                "now? Any later change will show that it needs approving again.", "Approve"):
            return False
        scope = scopes[choice][0]
        what = "the article" if scope == approval.ARTICLE_SCOPE else f"“{section.title}”"
        by = mine.id if mine is not None else ""
        self.session.change(f"{author.name} approves {what}",
                            lambda a: approval.approve(a, author.id, scope, recorded_by=by))
        told = ""
        if not me:
            self.set_me(author.id)
            told = f" This computer now knows you as {author.name}."
        # one line that fits the status bar of a 1366-pixel screen (it was cut off)
        window.statusBar().showMessage(
            f"Recorded: {author.name} approves {what}. A later change will show it as out of "
            f"date.{told}", 15000)
        return True


# --- importing a Word draft (used by the app controller) ------------------------------------------
def run_import(dialogs, path: Path | None = None) -> tuple[Project, list[str]] | None:
    """Ask for a .docx, show where each part of it goes (the review screen, where the authors
    can change any), and import it: (project, notes), or None when cancelled or the document
    cannot be read (the user has been told why)."""
    from ..importer.docx_import import import_docx, plan_import
    from .settings import WORD
    path = path or dialogs.ask_file("Import a Word draft", DOCX_FILTER, kind=WORD)
    if not path:
        return None
    try:
        plan = plan_import(path)
    except PipError as error:
        dialogs.error("Could not import the Word draft", str(error))
        return None
    if not _review(dialogs, plan):
        return None
    try:
        project = import_docx(path, plan)
    except PipError as error:
        dialogs.error("Could not import the Word draft", str(error))
        return None
    return project, list(plan.notes)


def _review(dialogs, plan) -> bool:
    """The review screen (import_review): where each part of the draft goes, changed as the
    user chooses; False if they cancel."""
    return bool(dialogs.review_import(plan))


def import_summary(project: Project, notes: list[str]) -> str:
    article = project.article
    filled = sum(1 for s in article.sections if not s.body.is_empty())
    lines = [f"Imported “{article.title or 'Untitled article'}”: {filled} sections with text, "
             f"{len(article.references)} references, {len(article.illustrations)} pictures.",
             "Save it to keep it (File › Save)."]
    if notes:
        lines += ["", "Please check:"] + [f"• {note}" for note in notes]
    return "\n".join(lines)
