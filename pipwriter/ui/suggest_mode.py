"""Suggest mode in the window, and the menu entries for suggested changes: Edit › Suggest
changes (Ctrl+Shift+E) and View › Suggested changes. The list itself
(:mod:`.suggestions_panel`) is loaded when first shown, not before the window is first painted
(issue 23)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from ..model.coauthoring.suggestions import new_suggestion
from .review_entry import my_name

if TYPE_CHECKING:
    from .main_window import MainWindow


class SuggestMode:
    """Suggest mode for the window: who suggests (the author chosen as "I am", asked the first
    time), and the notes of new suggestions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.name = ""                          # who suggests, when no author is "I am"
        self.on = False
        self.action: QAction | None = None     # Edit › Suggest changes
        self.status = QLabel("")
        self.status.setAccessibleName("Suggest mode")
        window.statusBar().addPermanentWidget(self.status)
        self.status.hide()

    def who(self) -> str:
        """The name new suggestions carry: "I am" as it is now."""
        author = self.window.session.article.author(self.window.coauthoring.me())
        return author.name if author is not None else self.name

    def new_suggestion(self) -> str:
        return new_suggestion(self.window.session.article, self.who())

    def is_mine(self, suggestion_id: str) -> bool:
        note = next((n for n in self.window.session.article.suggestions
                     if n.id == suggestion_id), None)
        return note is not None and bool(note.author) and note.author == self.who()

    def set_on(self, on: bool) -> None:
        window = self.window
        editor = window.section_panel.editor
        if on and not self.who():
            chosen = window.coauthoring.me() or not window.session.article.authors
            name = my_name(window)
            if not chosen and not window.coauthoring.me():     # "Who are you?" cancelled
                self._set_action(False)
                window.statusBar().showMessage("Suggest mode is off: choose who you are "
                                               "first.", 8000)
                return
            self.name = name
        self.on = on
        self._set_action(on)
        editor.suggest.hooks = self
        editor.suggest.notice = lambda message: window.statusBar().showMessage(message, 8000)
        editor.set_suggesting(on)
        self.status.setText("Suggesting" if on else "")
        self.status.setVisible(on)
        window.statusBar().showMessage(
            "Suggest mode is on: what you type or delete is kept as a suggestion. New "
            "paragraphs, bold and italic change the text at once." if on else
            "Suggest mode is off: what you type changes the article.", 10000)

    def _set_action(self, on: bool) -> None:
        if self.action is not None and self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)


def install_suggestions(window: MainWindow, edit_menu: QMenu, view_menu: QMenu) -> SuggestMode:
    """The menu entries: Edit › Suggest changes and View › Suggested changes."""
    mode = SuggestMode(window)
    toggle = QAction("Su&ggest changes", window)
    toggle.setCheckable(True)
    toggle.setShortcut(QKeySequence("Ctrl+Shift+E"))
    toggle.setStatusTip("What you type or delete is kept as a suggestion. The others can take "
                        "it or leave it.")
    toggle.toggled.connect(mode.set_on)
    edit_menu.addSeparator()
    edit_menu.addAction(toggle)
    mode.action = toggle
    show = QAction("Su&ggested changes", window)
    show.setShortcut(QKeySequence("Ctrl+Alt+G"))
    show.setStatusTip("See the suggested changes that wait for a yes or a no")
    show.triggered.connect(lambda: _show_list(window))
    view_menu.addAction(show)
    return mode


def _show_list(window: MainWindow) -> None:
    from .suggestions_panel import show_list
    show_list(window)
