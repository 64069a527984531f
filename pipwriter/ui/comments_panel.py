"""Comments in the window: Article › Comment on the selected words… and the Comments list.

The list (a panel at the side, View › Comments) shows every open comment — the words it is
about, what was said, who said it and when, and the replies — with Go to, Reply…, Resolve and
Reopen. "Show resolved" shows the rest. A comment whose words were changed says so. Every change
is one undoable step of the article (:meth:`Session.change`). The model is
:mod:`pipwriter.model.coauthoring.comments`.
"""

from __future__ import annotations

import datetime as _dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from .keyboard import typing_box
from .review_entry import my_name
from .side_list import SideList, show_side_list, side_list

if TYPE_CHECKING:
    from ..model.coauthoring.comment_data import Comment
    from ..model.coauthoring.comments import Fields
    from ..model.rules.findings import Where
    from .main_window import MainWindow

# The model's comments and the places they point at are imported where they are used: the
# window adds the two menu entries as it opens, and needs nothing else from here to show.

log = logging.getLogger(__name__)


def _when(stamp: str) -> str:
    try:
        moment = _dt.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return ""
    return moment.strftime("%d %b %Y, %H:%M").lstrip("0")


def selected_place(window: MainWindow) -> tuple[Where, int, int, int] | None:
    """(field, line, start, end) of the words selected in the focused text box, or None."""
    from ..model.language.utf16 import python_index, utf16_length
    from ..model.rules.findings import Where
    from .spell_line_edit import FIELD_PROPERTY
    widget = typing_box(window)
    if widget is None:
        return None
    name = widget.property(FIELD_PROPERTY)
    if widget is window.section_panel.editor:
        where = Where("section", window.current_section_id(), field="body")
    elif isinstance(name, str) and name:
        where = _field_showing(window, widget, name) or Where()
    else:
        return None
    if isinstance(widget, QLineEdit):
        if not widget.hasSelectedText():
            return None
        start = widget.selectionStart()
        text = widget.text()
        first = python_index(text, start)
        last = python_index(text, start + len(widget.selectedText()))
        return (where, 0, first, last) if where.field else None
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        cursor = widget.textCursor()
        if not cursor.hasSelection():
            return None
        begin = QTextCursor(cursor)
        begin.setPosition(cursor.selectionStart())
        end = QTextCursor(cursor)
        end.setPosition(cursor.selectionEnd())
        line = begin.block().text()
        stop = end.positionInBlock() if end.blockNumber() == begin.blockNumber() \
            else utf16_length(line)                        # a comment stays on one line
        return (where, begin.blockNumber(), python_index(line, begin.positionInBlock()),
                python_index(line, stop)) if where.field else None
    return None


def _field_showing(window: MainWindow, widget: QWidget, name: str) -> Where | None:
    """The field of the text surface the widget shows: in the open panel, with that name and
    the widget's text."""
    from ..model.article.text_surface import text_fields
    window.commit_pending_edits()
    window.session.sync()
    shown = widget.text() if isinstance(widget, QLineEdit) else \
        widget.toPlainText() if isinstance(widget, (QTextEdit, QPlainTextEdit)) else ""
    panel = window.navigator.current_key()
    for found in text_fields(window.session.article):
        if found.where.field == name and found.where.panel_key() == panel and \
                found.text == shown:
            return found.where
    return None


class CommentsPanel(SideList):
    """The list of comments, at the side of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "Comments")
        self.setObjectName("commentsDock")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.list = QListWidget()
        self.list.setAccessibleName("Comments")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self.go_to())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.show_resolved = QCheckBox("Show &resolved comments")
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.go_button = QPushButton("&Go to")
        self.reply_button = QPushButton("Re&ply…")
        self.resolve_button = QPushButton("Re&solve")
        self.go_button.clicked.connect(self.go_to)
        self.reply_button.clicked.connect(self.ask_reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.empty = QLabel("No comments yet. Select some words, then choose "
                            "Article › Comment on the selected words.")
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.go_button, self.reply_button, self.resolve_button):
            buttons.addWidget(button)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.show_resolved)
        self.setWidget(body)
        self.shown: list[Comment] = []
        self.refreshes = 0
        self._stamps: dict[str, str] = {}   # each stamp as shown (all shown again each pause)
        self.keep_up()

    def refresh(self) -> None:
        from ..model.article.text_surface import text_fields
        from ..model.coauthoring.comments import field_index
        self.refreshes += 1
        session = self.main_window.session
        session.sync()
        article = session.article
        self.shown = [c for c in article.comments
                      if self.show_resolved.isChecked() or not c.resolved]
        fields = field_index(list(text_fields(article)))    # made once for all the comments
        self.show_rows([self.describe(comment, fields) for comment in self.shown])
        self.empty.setVisible(not article.comments)
        self._update_buttons()

    def describe(self, comment: Comment, fields: Fields | None = None) -> str:
        from ..model.coauthoring.comments import locate, quote_as_read
        article = self.main_window.session.article
        place = comment.where.label or "the article"
        anchor = locate(article, comment, fields)
        quote = quote_as_read(article, comment, anchor,
                              self.main_window.session.reference_numbers())
        lines = [f"On “{quote.strip()}” ({place})"]     # not “tick box ” (a walk)
        if anchor is None:
            lines.append("The words have changed since.")
        when = self._when
        lines.append(f"{comment.author}, {when(comment.at)}: {comment.text}")
        lines += [f"  {r.author}, {when(r.at)}: {r.text}" for r in comment.replies]
        if comment.resolved:
            lines.append(f"Resolved by {comment.changed_by or 'someone'}")
        return "\n".join(lines)

    def _when(self, stamp: str) -> str:
        shown = self._stamps.get(stamp)
        if shown is None:
            shown = self._stamps[stamp] = _when(stamp)
        return shown

    def current(self) -> Comment | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _update_buttons(self) -> None:
        comment = self.current()
        for button in (self.go_button, self.reply_button, self.resolve_button):
            button.setEnabled(comment is not None)
        self.resolve_button.setText("Re&open" if comment and comment.resolved else "Re&solve")

    def go_to(self) -> bool:
        from ..model.coauthoring.comments import locate
        from .field_locator import show_place
        comment = self.current()
        if comment is None:
            return False
        anchor = locate(self.main_window.session.article, comment)
        if anchor is None:
            self.main_window.go_to(comment.where)
            return False
        return show_place(self.main_window, anchor.field.where, anchor.block, anchor.start,
                          anchor.end)

    def ask_reply(self) -> bool:
        from ..model.coauthoring.comments import reply
        comment = self.current()
        if comment is None:
            return False
        window = self.main_window
        text = window.dialogs.ask_text("Reply", f"Your reply to {comment.author}:")
        if not text:
            return False
        who = my_name(self.main_window)
        target = comment.id
        window.session.change("Reply to a comment", lambda article: reply(
            next(c for c in article.comments if c.id == target), text, who))
        self.refresh()
        return True

    def toggle_resolved(self) -> None:
        from ..model.coauthoring.comments import set_resolved
        comment = self.current()
        if comment is None:
            return
        who, target, resolved = my_name(self.main_window), comment.id, \
            not comment.resolved
        self.main_window.session.change(
            "Resolve a comment" if resolved else "Reopen a comment", lambda article: set_resolved(
                next(c for c in article.comments if c.id == target), resolved, who))
        self.refresh()


def comment_on_selection(window: MainWindow) -> bool:
    """Article › Comment on the selected words…"""
    from ..model.coauthoring.comments import add_comment
    place = selected_place(window)
    if place is None:
        window.dialogs.error("Comment", "First pick the words you want to talk about. "
                                        "Then try again.")
        return False
    where, block, start, end = place
    text = window.dialogs.ask_text("Comment", "Your comment on the selected words:")
    if not text:
        return False
    who = my_name(window)
    window.session.sync()
    try:
        window.session.change("Add a comment", lambda article: add_comment(
            article, where, block, start, end, text, who))
    except ValueError as error:
        window.dialogs.error("Comment", f"{str(error).capitalize()}.")
        return False
    panel = comments_panel(window)
    panel.show()
    panel.refresh()
    return True


def show_comments(window: MainWindow) -> None:
    """View › Comments."""
    show_side_list(window, CommentsPanel)


def comments_panel(window: MainWindow) -> CommentsPanel:
    return side_list(window, CommentsPanel)

