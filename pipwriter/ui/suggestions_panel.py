"""Suggested changes in the window: Edit › Suggest changes, and the list of them.

Edit › Suggest changes (Ctrl+Shift+E) turns Suggest mode on or off for the text of the sections
(:mod:`.suggest_typing` does the typing); the status bar says "Suggesting" while it is on. View ›
Suggested changes shows every suggestion still waiting — who made it, what it would do and where
— with Go to, Accept and Reject, and Accept all and Reject all; above the list, the article's
word count as it stands and as it would be with every suggestion accepted. Accepting or
rejecting is one undoable step of the article (:meth:`Session.change`). The model is
:mod:`pipwriter.model.coauthoring.suggestions`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model.coauthoring.suggestions import (
    Suggestion,
    accept,
    pending,
    reject,
    words_if_accepted,
)
from ..model.rules.findings import Where
from .live_figures import compute_figures
from .richtext_bridge import fragments, suggestion_marks
from .side_list import SideList, show_side_list, side_list

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)


class SuggestionsPanel(SideList):
    """The list of suggested changes, at the side of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "Suggested changes")
        self.setObjectName("suggestionsDock")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Suggested changes")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self.go_to())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        # access keys clear of the menu bar's (File, Edit, Article, View, Help)
        self.go_button = QPushButton("&Go to")
        self.accept_button = QPushButton("A&ccept")
        self.reject_button = QPushButton("&Reject")
        self.accept_all_button = QPushButton("Accept a&ll")
        self.reject_all_button = QPushButton("Re&ject all")
        self.go_button.clicked.connect(self.go_to)
        self.accept_button.clicked.connect(lambda: self.settle(True))
        self.reject_button.clicked.connect(lambda: self.settle(False))
        self.accept_all_button.clicked.connect(lambda: self.settle_all(True))
        self.reject_all_button.clicked.connect(lambda: self.settle_all(False))
        one, every = QHBoxLayout(), QHBoxLayout()
        for button in (self.go_button, self.accept_button, self.reject_button):
            one.addWidget(button)
        for button in (self.accept_all_button, self.reject_all_button):
            every.addWidget(button)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(one)
        layout.addLayout(every)
        self.setWidget(body)
        self.shown: list[Suggestion] = []
        self.keep_up()

    def refresh(self) -> None:
        session = self.main_window.session
        session.sync()
        article = session.article
        self.shown = pending(article)
        self.show_rows([self.describe(suggestion) for suggestion in self.shown])
        self.summary.setText(self._summary())
        self._update_buttons()

    def _summary(self) -> str:
        if not self.shown:
            return ("No suggested changes are waiting. To suggest a change instead of making "
                    "it, turn on Edit › Suggest changes.")
        window = self.main_window
        session = window.session
        now = compute_figures(session).words           # the figure the window shows
        then = words_if_accepted(session.article, session.template, now, session.counter)
        waiting = len(self.shown)
        return (f"{waiting} suggested change{'s are' if waiting != 1 else ' is'} waiting. "
                f"The article counts {now:,} words as it stands, and would count "
                f"{then:,} if all were accepted.")

    def describe(self, suggestion: Suggestion) -> str:
        section = self.main_window.session.article.section(suggestion.section_id)
        place = section.title if section and section.title.strip() else "a section"
        who = suggestion.author or "Someone"
        return f"{who} suggests: {suggestion.describe()}\nIn {place}"

    def current(self) -> Suggestion | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _update_buttons(self) -> None:
        one = self.current() is not None
        for button in (self.go_button, self.accept_button, self.reject_button):
            button.setEnabled(one)
        for button in (self.accept_all_button, self.reject_all_button):
            button.setEnabled(bool(self.shown))

    def go_to(self) -> bool:
        suggestion = self.current()
        if suggestion is None:
            return False
        window = self.main_window
        window.go_to(Where("section", suggestion.section_id, field="body"))
        editor = window.section_panel.editor
        found = find_suggestion(editor.document(), suggestion.id)
        if found is None:
            return False
        cursor = QTextCursor(editor.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        editor.setFocus()
        return True

    def settle(self, accepting: bool) -> bool:
        suggestion = self.current()
        if suggestion is None:
            return False
        target = suggestion.id
        self.main_window.commit_pending_edits()
        self.main_window.session.change(
            "Accept a suggested change" if accepting else "Reject a suggested change",
            lambda article: (accept if accepting else reject)(article, [target]))
        self.refresh()
        self.list.setFocus()            # the keyboard stays in the list, on the next one
        return True

    def settle_all(self, accepting: bool) -> bool:
        if not self.shown:
            return False
        count = len(self.shown)
        verb = "Accept" if accepting else "Reject"
        if not self.main_window.dialogs.confirm(
                f"{verb} all suggested changes",
                f"{verb} all {count} suggested change{'s' if count != 1 else ''}? "
                "You can undo this with Edit › Undo."):
            return False
        self.main_window.commit_pending_edits()
        self.main_window.session.change(
            f"{verb} all suggested changes",
            lambda article: (accept if accepting else reject)(article, None))
        self.refresh()
        self.list.setFocus()
        return True


def find_suggestion(document, suggestion_id: str) -> tuple[int, int] | None:
    """(start, end) in ``document`` of the words of a suggestion, or None."""
    first = last = -1
    block = document.begin()
    while block.isValid():
        for fragment in fragments(block):
            if suggestion_id in suggestion_marks(fragment.charFormat()):
                if first < 0:
                    first = fragment.position()
                last = fragment.position() + fragment.length()
        block = block.next()
    return (first, last) if first >= 0 else None


def show_list(window: MainWindow) -> None:
    """View › Suggested changes: the list, shown."""
    show_side_list(window, SuggestionsPanel)


def suggestions_panel(window: MainWindow) -> SuggestionsPanel:
    return side_list(window, SuggestionsPanel)

