"""The article preview: the whole article as the manuscript will hold it, read-only, kept current.

Drawn from the same blocks as the exported Word document (:mod:`pipwriter.export.manuscript`),
as a draft export shows it (empty sections say so). It follows the typing: a change schedules
one rebuild for when the typing pauses, and only while the preview is open, so a keystroke
never waits for it. Go to (the button, Enter or a double-click) opens the paragraph under the
cursor in its panel; "Mark the words that count" shades the paragraphs counted toward the
series' limit; "Larger text" is for reading aloud; Print… and Save as PDF… use Qt's printing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from ..export.manuscript import Block, manuscript_blocks, whole_document_words
from ..export.preview_html import MEDIA_SCHEME, preview_html
from ..model.article.text_surface import text_fields
from ..model.coauthoring.comments import locate
from ..model.coauthoring.suggestions import (
    accepted_article,
    pending_count,
    words_if_accepted,
)
from .field_locator import show_place
from .live_figures import compute_figures
from .timers import WhileShown

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

PAUSE_MS = 500                  # rebuild this long after the last change
LARGER_TEXT = 1.5               # "Larger text" multiplies the text size by this
PICTURE_WIDTH = 480             # pixels, at normal text size


class PreviewBrowser(QTextBrowser):
    """A read-only view whose pictures come from the open project."""

    def __init__(self, preview: ArticlePreview) -> None:
        super().__init__()
        self.preview = preview
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setAccessibleName("The article as it will be exported")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt API
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() == MEDIA_SCHEME:
            return self.preview.picture(url.path())
        return super().loadResource(kind, name)


class ArticlePreview(QDialog):
    """A window beside the main window; closing it stops the rebuilding."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setWindowTitle("Preview of the article")
        self.setModal(False)
        self.blocks: list[Block] = []
        self.shown = window.session.article     # what is shown (as it stands, or accepted)
        self.waiting = 0                        # suggestions waiting, at the last refresh
        self.builds = 0
        self.commented = 0              # open comments underlined in the view
        self._pictures: dict[str, QImage] = {}

        self.browser = PreviewBrowser(self)
        self.browser.installEventFilter(self)
        self.browser.viewport().installEventFilter(self)
        self.browser.anchorClicked.connect(self._link_clicked)
        self.go_button = QPushButton("&Go to this part")
        self.go_button.setToolTip("Go to this part of the article to change it. You can "
                                  "also press Enter or double-click it.")
        self.go_button.clicked.connect(self.go_to_cursor)
        self.mark_box = QCheckBox("&Mark the words that count")
        self.mark_box.setToolTip("Shade the paragraphs whose words count toward the limit")
        self.mark_box.toggled.connect(self.refresh)
        self.accepted_box = QCheckBox("As if all s&uggestions were taken")
        self.accepted_box.setToolTip("See how it reads if you say yes to every change")
        self.accepted_box.toggled.connect(self.refresh)
        self.larger_box = QCheckBox("&Larger text")
        self.larger_box.setToolTip("Bigger text, for reading the article aloud")
        self.larger_box.toggled.connect(self._apply_text_size)
        self.print_button = QPushButton("&Print…")
        self.print_button.clicked.connect(self.print_article)
        self.pdf_button = QPushButton("Save as P&DF…")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        bar = QHBoxLayout()
        for widget in (self.go_button, self.mark_box, self.accepted_box, self.larger_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.pdf_button, close):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        self._base_size = self.browser.font().pointSizeF()
        # rebuilt when the typing pauses, and only while the preview is open
        self.updates = WhileShown(self, window.session, PAUSE_MS, self.refresh)
        self.resize(min(760, max(480, window.width() // 2)), max(400, window.height() - 40))

    # --- keeping current ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        session = self.main_window.session
        session.sync()
        self.waiting = waiting = pending_count(session.article)
        self.accepted_box.setVisible(bool(waiting) or self.accepted_box.isChecked())
        self.shown = accepted_article(session.article) \
            if waiting and self.accepted_box.isChecked() else session.article
        self.blocks = manuscript_blocks(self.shown, session.template, draft=True)
        self._pictures.clear()
        bar = self.browser.verticalScrollBar()
        position, cursor = bar.value(), self.browser.textCursor().position()
        self.browser.setHtml(preview_html(self.blocks, mark_counted=self.mark_box.isChecked()))
        text_cursor = self.browser.textCursor()
        text_cursor.setPosition(min(cursor, self.browser.document().characterCount() - 1))
        self.browser.setTextCursor(text_cursor)
        bar.setValue(position)
        self.commented = self._mark_comments()
        self.builds += 1
        self.status.setText(self.figures_text())

    def _mark_comments(self) -> int:
        """Underline the words open comments are about; hovering shows the comment."""
        article = self.shown
        document = self.browser.document()
        marked = 0
        fields = list(text_fields(article)) if article.comments else []
        for comment in article.comments:
            anchor = None if comment.resolved else locate(article, comment, fields)
            if anchor is None:
                continue
            where = anchor.field.where
            for number, block in enumerate(self.blocks):
                if block.where is None or not block.where.same_field(where) or \
                        max(block.paragraph, 0) != anchor.block:
                    continue
                text_block = document.findBlockByNumber(number)
                at = text_block.text().find(comment.quote)
                if at < 0:
                    continue
                cursor = QTextCursor(text_block)
                cursor.setPosition(text_block.position() + at)
                cursor.setPosition(text_block.position() + at + len(comment.quote),
                                   QTextCursor.MoveMode.KeepAnchor)
                mark = QTextCharFormat()
                mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                mark.setToolTip(f"Comment from {comment.author}: {comment.text}")
                cursor.mergeCharFormat(mark)
                marked += 1
                break
        return marked

    def figures_text(self) -> str:
        """The series' figure beside what Word will show for the whole exported document."""
        session = self.main_window.session
        counted = compute_figures(session).words        # the figure the window shows
        article = session.article
        if self.shown is not article:                   # ...with every suggestion accepted
            counted = words_if_accepted(article, session.template, counted, session.counter)
        # the final manuscript leaves out empty sections; otherwise it is what is shown
        final = manuscript_blocks(self.shown, session.template) \
            if any(s.body.is_empty() for s in self.shown.sections) else self.blocks
        whole = whole_document_words(final)
        lead = ("Words in the shaded parts count toward the limit. The title, headings, list "
                "of references and captions do not count." if self.mark_box.isChecked() else
                "This is how the article will look when it is exported. Changes show here "
                "when you pause typing.")
        waiting = self.waiting             # counted once, at the refresh
        later = "" if not waiting else (
            f" This shows the article as if all {waiting} suggested changes were accepted. "
            "It is not sent like this until someone accepts them (View › Suggested changes)."
            if self.shown is not article else
            f" {waiting} suggested change{'s are' if waiting != 1 else ' is'} waiting. They "
            "are not shown here until someone accepts them (View › Suggested changes).")
        return (f"{lead} The series counts {counted:,} words. Word will show {whole:,} for "
                f"the whole document exported for submission, because it counts every part, "
                f"headings and names too (a draft shows more: its notes to the co-authors count too)."
                f"{later}")

    def picture(self, media_name: str) -> QImage:
        """A picture of the article, scaled for the preview (an empty image if unreadable)."""
        if media_name not in self._pictures:
            image = QImage()
            try:
                image.loadFromData(self.main_window.session.project.media.read(media_name))
            except (OSError, KeyError, ValueError) as error:
                log.info("the preview could not read the picture %s: %s", media_name, error)
            width = int(PICTURE_WIDTH * (LARGER_TEXT if self.larger_box.isChecked() else 1))
            if not image.isNull() and image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            self._pictures[media_name] = image
        return self._pictures[media_name]

    def _apply_text_size(self, larger: bool) -> None:
        font = self.browser.font()
        font.setPointSizeF(self._base_size * (LARGER_TEXT if larger else 1))
        self.browser.setFont(font)
        self.refresh()

    # --- going to the text ----------------------------------------------------------------------
    def block_at_cursor(self) -> Block | None:
        number = self.browser.textCursor().blockNumber()
        return self.blocks[number] if 0 <= number < len(self.blocks) else None

    def go_to_cursor(self) -> bool:
        block = self.block_at_cursor()
        if block is None or block.where is None:
            return False
        if block.paragraph >= 0:
            show_place(self.main_window, block.where, block=block.paragraph, start=0, end=0)
        else:
            show_place(self.main_window, block.where)
        self.main_window.activateWindow()
        self._out_of_the_way()
        return True

    def _out_of_the_way(self) -> None:
        """The preview stays above the main window: if it covers the box the keyboard went
        to, it steps aside (found by a walk at 1024 x 600: typing went into a box hidden
        behind the preview)."""
        from PySide6.QtCore import QRect
        from PySide6.QtWidgets import QApplication
        box = QApplication.focusWidget()
        if box is None or box.window() is not self.main_window or not self.isVisible():
            return
        where = QRect(box.mapToGlobal(box.rect().topLeft()), box.size())
        if self.frameGeometry().intersects(where):
            self.hide()
            self.main_window.statusBar().showMessage(
                "The preview is put away so you can see where you are writing. View › "
                "Preview the whole article (Ctrl+Shift+P) brings it back.", 10000)

    def _link_clicked(self, url: QUrl) -> None:
        self.status.setText(f"Link: {url.toString()}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and watched is self.browser and \
                isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.go_to_cursor()
        if event.type() == QEvent.Type.MouseButtonDblClick and \
                watched is self.browser.viewport():
            QTimer.singleShot(0, self.go_to_cursor)     # after the click placed the cursor
        return super().eventFilter(watched, event)

    # --- printing -------------------------------------------------------------------------------
    def _document_for_paper(self) -> QTextDocument:
        document = self.browser.document().clone(self)
        document.setDefaultFont(self.browser.font())
        return document

    def print_article(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._document_for_paper().print_(printer)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            path = self.main_window.dialogs.ask_save_pdf("Save the article as PDF", "article.pdf")
            if path is None:
                return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self._document_for_paper().print_(printer)
        if not path.is_file():
            self.status.setText(f"The PDF could not be saved in {path.parent}. Choose another "
                                "folder, such as your Documents folder.")
            return None
        self.status.setText(f"Saved as {path}")
        return path


def show_preview(window: MainWindow) -> ArticlePreview:
    """Open (or bring forward) the window's preview."""
    preview = window.findChild(ArticlePreview)
    if preview is None:
        preview = ArticlePreview(window)
    preview.show()
    preview.raise_()
    preview.activateWindow()
    return preview
