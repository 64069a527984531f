"""Commenting and suggesting as they exist from the start: the menu entries for comments, and
the name a comment or a suggested change carries.

The comments list itself (:mod:`.comments_panel`) is imported when first used, so the main
window does not make its PySide6 classes before it is first painted (issue 23).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .main_window import MainWindow


def _comment_on_selection(window: MainWindow) -> None:
    from .comments_panel import comment_on_selection
    comment_on_selection(window)


def _show_comments(window: MainWindow) -> None:
    from .comments_panel import show_comments
    show_comments(window)


def install_comments(window: MainWindow, article_menu: QMenu, view_menu: QMenu) -> None:
    """The menu entries: Article › Comment on the selected words… and View › Comments."""
    comment = QAction("Comm&ent on the selected words…", window)
    comment.setShortcut(QKeySequence("Ctrl+Alt+M"))
    comment.setStatusTip("Write a note to your co-authors about the words you picked")
    comment.triggered.connect(lambda: _comment_on_selection(window))
    article_menu.addAction(comment)
    show = QAction("&Comments", window)
    show.setShortcut(QKeySequence("Ctrl+Shift+M"))
    show.setStatusTip("Show the comments on the article")
    show.triggered.connect(lambda: _show_comments(window))
    view_menu.addAction(show)


def my_name(window: MainWindow) -> str:
    """The name comments and replies carry: "I am", or asked once and remembered."""
    coauthoring = window.coauthoring
    me = coauthoring.me()
    authors = window.session.article.authors
    if not me and authors:
        index = window.dialogs.ask_choice(
            "Who are you?", "Comments and suggested changes carry the name of who made them. "
            "Who is using this computer?", [a.name for a in authors])
        if index is not None:
            me = authors[index].id
            coauthoring.set_me(me)
    author = window.session.article.author(me)
    return author.name if author is not None else "A co-author"
