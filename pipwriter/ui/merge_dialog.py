"""Merging a co-author's copy: the parts changed in both copies side by side, the differences
marked word by word, to keep yours, take theirs or combine and edit; then a review of everything
merging will do before anything is replaced.

The dialog only records choices in the :class:`~pipwriter.model.coauthoring.merge.MergeResult`; the caller
saves a version and applies the merge (one undoable step).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..model.article.citations import format_citation
from ..model.article.text import RichText
from ..model.coauthoring.merge import (
    COMBINED,
    MINE,
    THEIRS,
    Choice,
    Conflict,
    MergeResult,
    word_diff,
)
from ..model.coauthoring.merge_result import PartValue
from .richtext_bridge import (
    CitationRenderer,
    document_to_rich,
    install_citation_renderer,
    rich_to_document,
)
from .text_editor import TextEditor

if TYPE_CHECKING:
    from ..model.article.article import Article
    from .main_window import MainWindow

ONLY_YOURS = "background-color:#ffd7a8; text-decoration:underline"
ONLY_THEIRS = "background-color:#bdf0c0; text-decoration:underline"
ROLE = Qt.ItemDataRole.UserRole


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def diff_html(mine: str, theirs: str) -> tuple[str, str]:
    """Both texts as HTML, with the words only one side has marked (yours orange, theirs
    green, both underlined so the marks do not depend on colour alone)."""
    left, right = [], []
    for op, a, b in word_diff(mine, theirs):
        if op == "equal":
            left.append(_escape(a))
            right.append(_escape(b))
            continue
        if a:
            left.append(f'<span style="{ONLY_YOURS}">{_escape(a)}</span>')
        if b:
            right.append(f'<span style="{ONLY_THEIRS}">{_escape(b)}</span>')
    return "".join(left), "".join(right)


class MergeDialog(QDialog):
    def __init__(self, result: MergeResult, their_name: str = "your co-author", parent=None):
        super().__init__(parent)
        self.merge_result = result      # not `result`: QDialog.result() is the exit code
        self.their_name = their_name
        self.setWindowTitle(f"Bring in {their_name}'s copy")
        self._showing = -1
        preview = result.article()
        numbers = preview.reference_numbers()
        self._label = lambda refs: format_citation([numbers[r] for r in refs if r in numbers]) \
            or "[?]"

        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Parts changed in both copies")
        self.list.currentRowChanged.connect(self.select)

        self.mine_view = QTextBrowser()
        self.mine_view.setAccessibleName("Your copy")
        self.theirs_view = QTextBrowser()
        self.theirs_view.setAccessibleName(f"{their_name}'s copy")
        sides = QSplitter(Qt.Orientation.Horizontal)
        for title, view in (("Your copy", self.mine_view),
                            (f"{their_name}'s copy", self.theirs_view)):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            label = QLabel(f"<b>{html.escape(title)}</b>")
            label.setWordWrap(True)
            column.addWidget(label)
            column.addWidget(view, 1)
            sides.addWidget(holder)

        self.keep_mine = QRadioButton("Keep &yours")
        self.take_theirs = QRadioButton("Take &theirs")
        self.combine = QRadioButton("&Combine them and edit")
        self.buttons_group = QButtonGroup(self)
        for button, choice in ((self.keep_mine, MINE), (self.take_theirs, THEIRS),
                               (self.combine, COMBINED)):
            self.buttons_group.addButton(button)
            button.toggled.connect(lambda on, c=choice: self._toggled(on, c))
        legend = QLabel(f'<span style="{ONLY_YOURS}">Words only in your copy</span> and '
                        f'<span style="{ONLY_THEIRS}">words only in {html.escape(their_name)}'
                        "'s</span> are marked.")
        legend.setWordWrap(True)
        choice_row = QHBoxLayout()
        for button in (self.keep_mine, self.take_theirs, self.combine):
            choice_row.addWidget(button)
        choice_row.addStretch(1)

        # the combined text: a heading and rich text for a section, plain text otherwise
        self.combined_stack = QStackedWidget()
        self.combined_title = QLineEdit()
        self.combined_title.setAccessibleName("Combined heading")
        self.combined_editor = TextEditor()
        self.combined_editor.setAccessibleName("Combined text")
        section_box = QWidget()
        section_layout = QVBoxLayout(section_box)
        section_layout.setContentsMargins(0, 0, 0, 0)
        section_layout.addWidget(self.combined_title)
        section_layout.addWidget(self.combined_editor, 1)
        self.combined_plain = QPlainTextEdit()
        self.combined_plain.setAccessibleName("Combined text")
        self.combined_hint = QLabel("Both versions are in the box below, yours first. Make them "
                                    "into one: delete the words you do not want to keep.")
        self.combined_hint.setWordWrap(True)
        self.combined_hint.setVisible(False)
        self.combined_stack.addWidget(section_box)
        self.combined_stack.addWidget(self.combined_plain)
        self.combined_stack.setVisible(False)
        self._document = QTextDocument(self)
        install_citation_renderer(self._document,
                                  CitationRenderer(self._label, lambda: False, self))
        self.combined_editor.setDocument(self._document)
        # words typed into the combined text: Escape or Cancel asks before they are lost
        self.typed = False
        self._filling = False
        self._document.contentsChanged.connect(self._typed_in)
        self.combined_plain.textChanged.connect(self._typed_in)
        self.combined_title.textEdited.connect(self._typed_in)

        self.review = QPlainTextEdit()
        self.review.setReadOnly(True)
        self.review.setAccessibleName("What bringing their changes in will do")

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(sides, 3)
        right_layout.addWidget(legend)
        right_layout.addLayout(choice_row)
        right_layout.addWidget(self.combined_hint)
        right_layout.addWidget(self.combined_stack, 2)
        top.addWidget(right)
        top.setSizes([250, 750])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Bring in their changes")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(top, 3)
        layout.addWidget(QLabel("<b>What this will do</b>. Your article is kept as a version "
                                "first. Edit › Undo takes their changes back out."))
        layout.addWidget(self.review, 1)
        layout.addWidget(buttons)
        from .screen_fit import fit_dialog
        fit_dialog(self, 1000, 700)     # smaller on a small screen, scrolling

        for index in range(len(result.conflicts)):
            item = QListWidgetItem()
            item.setData(ROLE, index)
            self.list.addItem(item)
        self._refresh_list()
        if result.conflicts:
            self.list.setCurrentRow(0)
        else:
            for widget in (self.keep_mine, self.take_theirs, self.combine):
                widget.setEnabled(False)
        self._update_review()

    # --- text ------------------------------------------------------------------------------
    def _intro_text(self) -> str:
        result = self.merge_result
        asked = len(result.conflicts)
        if result.two_way:
            return (f"PiP Writer cannot find the version you sent to {self.their_name} (it may "
                    "have been sent from another computer), so it cannot tell which of you "
                    f"changed what. Each of the {asked} differences is listed: choose what to "
                    "keep. Anything you do not choose stays as in your copy.")
        # no count of what is taken: the list below says each (found by a walk: "1 change"
        # above a list of three things)
        return (f"What only {self.their_name} changed will be taken automatically: the list "
                "below says what. "
                + (f"{asked} part{'s were' if asked != 1 else ' was'} changed in both copies: "
                   "choose what to keep for each." if asked else
                   "Nothing was changed in both copies."))

    def _refresh_list(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            conflict = self.merge_result.conflicts[item.data(ROLE)]
            state = conflict.describe_choice() if conflict.reviewed else "not chosen yet"
            item.setText(f"{conflict.label}\n{state}")

    def _update_review(self) -> None:
        self.review.setPlainText("\n".join(f"• {line}" for line in self.merge_result.summary_lines()))

    # --- choosing ----------------------------------------------------------------------------
    def current(self) -> Conflict | None:
        if 0 <= self._showing < len(self.merge_result.conflicts):
            return self.merge_result.conflicts[self._showing]
        return None

    def select(self, row: int) -> None:
        """Show one conflict side by side."""
        self._store_combined()
        self._showing = row
        conflict = self.current()
        if conflict is None:
            return
        mine, theirs = diff_html(conflict.mine_text, conflict.theirs_text)
        self.mine_view.setHtml(mine)
        self.theirs_view.setHtml(theirs)
        self.combine.setEnabled(conflict.can_combine)
        button = {MINE: self.keep_mine, THEIRS: self.take_theirs,
                  COMBINED: self.combine}[conflict.choice]
        # an exclusive group ignores unchecking its checked button: without this, the last
        # part's choice stayed shown on a part with none, and clicking it did nothing (found
        # by a walk: their words were lost while "Take theirs" showed chosen)
        self.buttons_group.setExclusive(False)
        for each in (self.keep_mine, self.take_theirs, self.combine):
            each.blockSignals(True)
            each.setChecked(each is button and conflict.reviewed)
            each.blockSignals(False)
        self.buttons_group.setExclusive(True)
        self._show_combined(conflict)

    def _show_combined(self, conflict: Conflict) -> None:
        visible = conflict.choice == COMBINED and conflict.reviewed
        self.combined_stack.setVisible(visible)
        self.combined_hint.setVisible(visible)
        if not visible:
            return
        value = conflict.combined
        self._filling = True
        try:
            self._fill_combined(conflict, value)
        finally:
            self._filling = False

    def _fill_combined(self, conflict: Conflict, value: PartValue) -> None:
        if conflict.kind == "section" and isinstance(value, dict):
            self.combined_stack.setCurrentIndex(0)
            self.combined_title.setText(value.get("title", ""))
            rich_to_document(RichText.from_json(value.get("body", []), "combined.body"),
                             self._document)
            self.combined_editor.moveCursor(QTextCursor.MoveOperation.Start)
        else:
            self.combined_stack.setCurrentIndex(1)
            text = "\n".join(value) if isinstance(value, list) else str(value)
            self.combined_plain.setPlainText(text)

    def _store_combined(self) -> None:
        """Keep what was typed in the combined editor."""
        conflict = self.current()
        if conflict is None or conflict.choice != COMBINED or self.combined_stack.isHidden():
            return
        if conflict.kind == "section":
            mine = conflict.mine if isinstance(conflict.mine, dict) else {}
            conflict.combined = {"title": self.combined_title.text().strip()
                                 or mine.get("title", ""),
                                 "body": document_to_rich(self._document).to_json()}
        elif conflict.kind == "key_messages":
            conflict.combined = [line.strip() for line in
                                 self.combined_plain.toPlainText().split("\n") if line.strip()]
        else:
            conflict.combined = " ".join(self.combined_plain.toPlainText().split())

    def _toggled(self, on: bool, choice: Choice) -> None:
        if on:
            self._chosen(choice)

    def _chosen(self, choice: Choice) -> None:
        conflict = self.current()
        if conflict is None:
            return
        if choice == COMBINED and not conflict.can_combine:
            return
        self._store_combined()
        conflict.choose(choice, conflict.combined if choice == COMBINED and
                        conflict.combined is not None else None)
        self._show_combined(conflict)
        self._refresh_list()
        self._update_review()

    def choose(self, row: int, choice: Choice, combined: PartValue = None) -> None:
        """Choose for one conflict (what the radio buttons do; used by keyboard users' tests
        too). ``combined`` sets the combined text (JSON, as in the model)."""
        self.list.setCurrentRow(row)
        if self._showing != row:
            self.select(row)
        self._store_combined()
        self.merge_result.conflicts[row].choose(choice, combined)
        self._showing = -1                  # show the new choice without storing the old text
        self.select(row)
        self._refresh_list()
        self._update_review()

    def _typed_in(self) -> None:
        if not self._filling:
            self.typed = True

    def reject(self) -> None:  # noqa: D401 - Qt API
        """Cancel, Escape or closing: words typed in the combined text are not thrown away
        without a question (a keyboard walk lost them to Escape)."""
        dialogs = getattr(self.parent(), "dialogs", None)
        if self.typed and dialogs is not None and not dialogs.confirm(
                "Leave without bringing in their copy?",
                "You typed words in the combined text. If you leave now, those words are "
                "lost, and nothing of their copy is brought in.",
                yes="Leave", no="Go back", keep=True):
            return
        super().reject()

    def accept(self) -> None:  # noqa: D401 - Qt API
        self._store_combined()
        self._update_review()
        doubled = [row for row, c in enumerate(self.merge_result.conflicts) if c.doubles_up()]
        dialogs = getattr(self.parent(), "dialogs", None)
        if doubled and dialogs is not None:
            label = self.merge_result.conflicts[doubled[0]].label
            more = len(doubled) - 1
            also = f" (and {more} more part{'s' if more != 1 else ''})" if more else ""
            if not dialogs.confirm(
                    "Both versions are still there",
                    f"You chose to combine {label}{also}, but both versions are still in it, "
                    "one after the other. Brought in like that, the words would be in the "
                    "article twice.", yes="Bring in both", no="Go back and edit", keep=True):
                self.list.setCurrentRow(doubled[0])
                box = self.combined_editor if self.combined_stack.currentIndex() == 0 \
                    else self.combined_plain
                box.setFocus()          # straight into the text to edit
                return
        super().accept()


def ask_merge(window: MainWindow, result: MergeResult, name: str, *,
              title: str = "") -> Article | None:
    """Show the merge for the user to settle; the merged article, or None when they cancel or
    it cannot be made (then they are told why)."""
    from ..model.errors import PipError
    dialog = MergeDialog(result, name, window)
    if title:
        dialog.setWindowTitle(title)
    if not window.run_dialog(dialog):
        return None
    try:
        return result.article()
    except PipError as error:
        window.dialogs.error("Could not bring their changes in", str(error))
        return None
