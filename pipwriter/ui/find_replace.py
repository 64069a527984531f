"""Find and replace across everything the authors write (the text surface), in article order.

The searching and replacing is the model's (:mod:`pipwriter.model.article.search`); this dialog shows
each match in its panel and field, and hands Replace and Replace all to the undo stack as one
step each.
"""

from __future__ import annotations

from collections.abc import Callable

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
from shiboken6 import isValid

from ..model.article.search import Hit, find_all, replace_all, replace_hit
from .field_locator import show_place
from .screen_fit import fit_dialog, grow_to_fit


def _times(n: int) -> str:
    return f"{n} time{'s' if n != 1 else ''}"


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
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription("Result")
        self.form = form = QFormLayout()     # held: see ListFormTab.lay_out
        form.addRow("&Find:", self.find_edit)
        form.addRow("Replace &with:", self.replace_edit)
        self.next_button = QPushButton("Find &next")
        self.replace_button = QPushButton("&Replace")
        self.all_button = QPushButton("Replace &all")
        self.undo_button = QPushButton("&Undo replace all")
        self.undo_button.setEnabled(False)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.all_button.clicked.connect(self.replace_all)
        self.undo_button.clicked.connect(self.undo_replace_all)
        buttons = QHBoxLayout()
        for b in (self.next_button, self.replace_button, self.all_button, self.undo_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        intro = QLabel("Looks in all you write: the title and the lines under it, each part, "
                       "key messages, references and captions. It looks at the authors too.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.case)
        layout.addWidget(self.whole)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        fit_dialog(self)                # scrolls on a small screen or with big text
        self.current: Hit | None = None
        self._replaced: object = None   # the last Replace all's step on the undo stack
        for edit in (self.find_edit,):
            edit.textChanged.connect(self._forget)
        self.case.toggled.connect(self._forget)
        self.whole.toggled.connect(self._forget)
        window.session.undo_stack.indexChanged.connect(self._undo_moved)

    def show_ready(self) -> None:
        """Show the dialog (again) with the cursor in Find, its text selected."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _after_replaced(self) -> int:
        """The undo stack's index just after the last Replace all's step; -1 when there is
        none (none yet, or undone and then another change took its place)."""
        stack = self.window_.session.undo_stack
        if self._replaced is not None:
            for number in range(stack.count()):
                if stack.command(number) is self._replaced:
                    return number + 1
        self._replaced = None
        return -1

    def _undo_moved(self, index: int) -> None:
        """Edit › Undo or Redo (or Ctrl+Z in a text) moved past the last Replace all: the
        dialog says so, and offers its own Undo only while that is the last change."""
        if self._replaced is None or not isValid(self.window_.session.undo_stack):
            return      # (none, or the window is closing: its stack is emptied as it goes)
        after = self._after_replaced()
        self.undo_button.setEnabled(index == after)
        if index < after or after < 0:
            self._say("The replacements were undone.")
        elif index == after:
            self._say("The replacements are back. Undo replace all (or Edit › Undo) "
                                "puts every one back at once.")
        else:
            self._say("You have made other changes since. Use Edit › Undo to "
                                "go back one step at a time.")

    # --- finding ------------------------------------------------------------------------------
    def _options(self) -> dict:
        return {"match_case": self.case.isChecked(), "whole_words": self.whole.isChecked()}

    def _forget(self, *_args) -> None:
        self.current = None

    def _hits(self) -> list[Hit]:
        window = self.window_
        window.commit_pending_edits()
        window.session.sync()
        return find_all(window.session.article, self.find_edit.text(),
                        panels=window.session.template.panels, **self._options())

    def _next_after(self, hits: list[Hit]) -> int:
        if self.current is not None:
            keys = [(h.where, h.block, h.start) for h in hits]
            here = (self.current.where, self.current.block, self.current.start)
            if here in keys:
                return (keys.index(here) + 1) % len(hits)
        current = self.window_.current_section_id()
        return next((i for i, h in enumerate(hits) if h.where.section_id == current), 0) \
            if current else 0

    def find_next(self) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        hits = self._hits()
        if not hits:
            self.current = None
            self._say(f"“{needle}” is not in the article.")
            return False
        index = self._next_after(hits)
        self.current = hits[index]
        show_place(self.window_, self.current.where, self.current.block, self.current.start,
                   self.current.end)
        self._say(f"Found in {self.current.where.label} ({index + 1} of "
                            f"{len(hits)}).")
        self.raise_()
        return True

    # --- replacing ----------------------------------------------------------------------------
    def _suggest(self) -> Callable[[], str] | None:
        """In Suggest mode, a replacement in the sections' text is a suggestion."""
        mode = getattr(self.window_, "suggest_mode", None)
        return mode.new_suggestion if mode is not None and mode.on else None

    def replace_one(self) -> bool:
        """Replace the match shown (if its text is still there), then show the next."""
        hit, session = self.current, self.window_.session
        if hit is None:
            return self.find_next()
        self.window_.commit_pending_edits()
        done = session.change(
            f"Replace “{self.find_edit.text()}”",
            lambda a: replace_hit(a, hit, self.find_edit.text(), self.replace_edit.text(),
                                  template=session.template, suggest=self._suggest(),
                                  **self._options()))
        self.current = None
        found = self.find_next()
        if not done:
            self._say("That text has changed since it was found; showing the next "
                                "match instead.")
        return found

    def _say(self, message: str) -> None:
        """The result under the buttons; the box grows so all of it shows (it was cut off
        behind a scroll bar at 1366×768, found by a walk of the app)."""
        self.status.setText(message)
        grow_to_fit(self)
        from .announce import announce
        announce(self.status, message)      # the keyboard is on a button, not on this line

    def replace_all(self) -> int:
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        if not needle:
            return 0
        window, session = self.window_, self.window_.session
        window.commit_pending_edits()
        result = session.change(
            f"Replace all “{needle}”",
            lambda a: replace_all(a, needle, replacement, template=session.template,
                                  suggest=self._suggest(), **self._options()))
        self.current = None
        message = f"Replaced {_times(result.count)}."
        if result.count:
            self._replaced = session.undo_stack.command(session.undo_stack.index() - 1)
            self.undo_button.setEnabled(True)
            message += " Undo replace all (or Edit › Undo) puts every one back at once."
        if result.empty_names:
            message += " An author's name cannot be left empty, so it was kept."
        if result.too_long:
            places = "; ".join(w.label for w in result.too_long[:3])
            message += (f" Not replaced where the text would become too long: {places}"
                        + ("…" if len(result.too_long) > 3 else "."))
        self._say(message)
        return result.count

    def undo_replace_all(self) -> None:
        stack = self.window_.session.undo_stack
        if stack.index() == self._after_replaced() > 0:
            stack.undo()                # the status follows (_undo_moved)
        else:
            self._say("You have made other changes since. Use Edit › Undo to "
                                "go back one step at a time.")
            self.undo_button.setEnabled(False)
