"""The competing-interests panel: each author's declaration status and a button to complete it,
and the article's combined declaration as it stands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ..model.article.article import Article
from ..model.article.author import Author
from ..model.interests.statements import combined_statement, statement_status


def _button_text(disclosure) -> str:
    """What choosing the author's button does, by how far their declaration has got (their
    status beside it says the same: not started, in progress, certified or needs
    re-certifying)."""
    if disclosure.is_certified() or disclosure.needs_recertification():
        return "Review declaration"
    return "Continue declaration" if disclosure.is_started() else "Complete declaration"


class DisclosurePanel(QWidget):
    def __init__(self, article: Article, open_wizard: Callable[[Author], None], parent=None,
                 *, current_article: Callable[[], Article] | None = None):
        """``current_article``, when given, is asked for the article at each refresh (the
        window's article object changes after an undo)."""
        super().__init__(parent)
        self.article = article
        self.current_article = current_article
        self.open_wizard = open_wizard
        self.status_labels: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        intro = QLabel("Each author answers some questions about money and links. They do it "
                       "even with nothing to declare. Each can do it on their own: choose "
                       "Complete declaration next to their name. Once they start, the button "
                       "says Continue declaration. When it is done, it says Review declaration.")
        intro.setWordWrap(True)
        self.rows = QGridLayout()
        self.combined = QPlainTextEdit()
        self.combined.setReadOnly(True)
        self.combined.setAccessibleName("The article's combined declaration")
        combined_label = QLabel("The article's &combined declaration:")
        combined_label.setBuddy(self.combined)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Competing interests</h2>"))
        layout.addWidget(intro)
        layout.addLayout(self.rows)
        layout.addWidget(combined_label)
        layout.addWidget(self.combined, 1)
        self.refresh()

    def refresh(self) -> None:
        if self.current_article is not None:
            self.article = self.current_article()
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.status_labels.clear()
        self.buttons.clear()
        for row, author in enumerate(self.article.authors):
            status = statement_status(author)
            who = author.name.strip() or f"author {row + 1} (no name yet)"
            name = QLabel(author.name or "(no name)")
            name.setTextFormat(Qt.TextFormat.PlainText)
            label = QLabel(status[:1].upper() + status[1:])
            label.setAccessibleDescription(f"Declaration of {who}: {status}")
            button = QPushButton(_button_text(author.disclosure))
            # a screen reader must tell the authors' buttons apart
            button.setAccessibleName(f"{button.text()} for {who}")
            button.setToolTip(f"{button.text()} for {who}")
            button.clicked.connect(lambda _=False, a=author: self.open_wizard(a))
            for column, widget in enumerate((name, label, button)):
                self.rows.addWidget(widget, row, column)
                widget.show()       # now, not on Qt's next turn: see focus_item
            self.status_labels[author.id] = label
            self.buttons[author.id] = button
        # Tab goes through the authors' buttons, then the combined declaration: made after it,
        # the buttons came last (Tab from the navigator reached the declaration first)
        first = self.combined.previousInFocusChain()
        chain: list[QWidget] = [*([first] if first is not None else []),
                                *self.buttons.values(), self.combined]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.combined.setPlainText(combined_statement(self.article.authors))

    def focus_item(self, author_id: str) -> None:
        """Put the keyboard on this author's button (the checklist, and after the wizard), or,
        with no such author now, on the first author's button (the combined declaration if
        there are no authors).

        Also while the window is not the active one (the wizard has just closed): the window
        gives the keyboard back to it when it is. Qt notes that only for a control already
        shown, so :meth:`refresh` shows its controls at once; a child added to a shown panel
        is otherwise shown on Qt's next turn, and the window kept the old button, deleted
        soon after, and the keyboard went to the figures strip's word count instead."""
        target: QWidget | None = self.buttons.get(author_id)
        if target is None:
            target = next(iter(self.buttons.values()), self.combined)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
