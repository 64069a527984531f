"""Key messages (2–3 take-home points) edited as a list, and the key quotes flagged in the text."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ..model.article.limits import TEXT_MAX
from ..model.article.ordering import move_item
from .media_widgets import wrapping_list
from .spell_line_edit import SpellLineEdit, mark_field

ROLE = Qt.ItemDataRole.UserRole


class MessageDelegate(QStyledItemDelegate):
    """Edits a key message in a box of one paragraph with spelling underlines and the spelling
    menu, its words wrapped as the list shows them; Enter (or leaving the box) keeps the edit,
    Escape drops it."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

    def createEditor(self, parent, _option, _index):  # noqa: N802 - Qt API
        editor = SpellLineEdit(self.session.spelling, self.session.ignore_word, parent,
                               field="message", accessible_name="Key message")
        editor.setMaxLength(TEXT_MAX)
        editor.setPlaceholderText("Type the key message, then press Enter")
        # wrapped like the row it covers: a message longer than the list is wide showed only
        # its end, on one line, over half of its row (found by a walk of the app)
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

        def done() -> None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        editor.returnPressed.connect(done)
        return editor

    @staticmethod
    def _around(widget) -> int:
        """What the editing box adds around its words: its frame, its inner margins (1 pixel
        each side) and its text's margins (2 pixels each side)."""
        frame = widget.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
        return 2 * frame + 2 + 4

    def _words_height(self, metrics, width: int, text: str) -> int:
        return metrics.boundingRect(QRect(0, 0, max(width, 1), 1_000_000),
                                    int(Qt.TextFlag.TextWordWrap), text).height()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        """Each row as tall as its message needs inside the editing box, so the box, when it
        opens, covers its row and no other (found by a walk: it hid half the next message)."""
        hint = super().sizeHint(option, index)
        view = option.widget
        if view is None:
            return hint
        around = self._around(view)
        width = (option.rect.width() or view.viewport().width()) - around
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        return QSize(hint.width(), max(hint.height(),
                                       self._words_height(option.fontMetrics, width, text)
                                       + around))

    def updateEditorGeometry(self, editor, option, _index) -> None:  # noqa: N802 - Qt API
        """Over the row, and as tall as its words need at the row's width, never lower than
        one line of text: a row's height cut off the bottom of the letters (found by a walk).
        It grows as its message does, so the message's start stays in view."""
        first = not hasattr(editor, "row")
        editor.row = QRect(option.rect)         # the row it covers, kept for fit_editor
        self.fit_editor(editor)
        if first:
            editor.textChanged.connect(lambda _text: self.fit_editor(editor))

    def fit_editor(self, editor) -> None:
        row = editor.row
        around = self._around(editor)
        needed = self._words_height(editor.fontMetrics(), row.width() - around,
                                    editor.text()) + around
        editor.setGeometry(QRect(row.topLeft(), QSize(row.width(), max(
            row.height(), editor.sizeHint().height(), needed))))

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()
        editor.verticalScrollBar().setValue(0)  # the message from its start

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class KeyMessagesPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        panel = self.session.template.panels.get("key_messages")
        intro = QLabel(panel.prompt if panel else "")
        intro.setWordWrap(True)
        self.messages = wrapping_list(all_rows=True)
        self.messages.setAccessibleName("Key messages")
        mark_field(self.messages, "message")     # its editor is marked too
        self.delegate = MessageDelegate(self.session, self.messages)
        self.messages.setItemDelegate(self.delegate)
        self.delegate.closeEditor.connect(lambda *_: self._editor_closed())
        self.messages.itemChanged.connect(self._edited)
        self.add_button = QPushButton("Add a &key message")
        self.remove_button = QPushButton("&Remove")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move &down")
        self.add_button.clicked.connect(self.add_message)
        self.remove_button.clicked.connect(self.remove_message)
        self.up_button.clicked.connect(lambda: self.move_message(-1))
        self.down_button.clicked.connect(lambda: self.move_message(1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            b.setAccessibleName(b.text().replace("&", ""))
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.limit_label = QLabel()
        self.quotes = wrapping_list(all_rows=True)
        self.quotes.setAccessibleName("Key quotes flagged in the text")
        self.quotes.itemActivated.connect(self._go_to_quote)
        self.quotes.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.messages.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.unflag_button = QPushButton("&Take off the quote flag")
        self.unflag_button.setToolTip("The words stay in the text; they are no longer a key "
                                      "quote.")
        self.unflag_button.clicked.connect(self.remove_quote)
        quotes_help = QLabel("<b>Key quotes</b> — select words in any section and choose "
                             "Flag as key quote (Ctrl+Shift+Q). Press Enter on a quote to go "
                             "to it.")
        quotes_help.setWordWrap(True)
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Key messages</h2>")
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.messages, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.limit_label)
        layout.addWidget(quotes_help)
        layout.addWidget(self.quotes, 1)
        quote_buttons = QHBoxLayout()
        quote_buttons.addWidget(self.unflag_button)
        quote_buttons.addStretch(1)
        layout.addLayout(quote_buttons)
        self._loading = False
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        row = self.messages.currentRow()
        self.messages.clear()
        for text in self.session.article.key_messages:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.messages.addItem(item)
        if 0 <= row < self.messages.count():
            self.messages.setCurrentRow(row)
        limit = self.session.template.limit("key_messages")
        count = len(self.session.article.key_messages)
        noun = "key message" if count == 1 else "key messages"
        self.limit_label.setText(f"{count} {noun} (the series asks for {limit.min}–{limit.max}).")
        self.session.sync()
        self.quotes.clear()
        for quote_id, section_id, text in self.session.article.key_quotes():
            section = self.session.article.section(section_id)
            item = QListWidgetItem(f"“{text}” — {section.title if section else ''}")
            item.setData(ROLE, (quote_id, section_id))
            self.quotes.addItem(item)
        self._loading = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Remove and Move work on the chosen message; nothing to act on, nothing enabled."""
        row, count = self.messages.currentRow(), self.messages.count()
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.unflag_button.setEnabled(self.quotes.currentRow() >= 0)

    def remove_quote(self) -> None:
        item = self.quotes.currentItem()
        if item is None:
            return
        quote_id, _section_id = item.data(ROLE)
        from ..model.article.structure import remove_key_quote
        self.session.change("Take off a key-quote flag",
                            lambda a: remove_key_quote(a, quote_id))
        self.refresh()

    def _set_messages(self, description: str, messages: list[str]) -> None:
        def apply(article):
            article.key_messages[:] = messages
        self.session.change(description, apply)
        self.refresh()

    def _current(self) -> list[str]:
        return [self.messages.item(r).text().strip() for r in range(self.messages.count())]

    def add_message(self) -> None:
        from ..model.article.structure import LimitReached, check_room
        try:
            check_room(self.session.article, "key_messages")
        except LimitReached as error:
            self.window_.dialogs.error("Add a key message", str(error))
            return
        # an empty row to type in: the article has the message once there are words in it
        # (found by a walk: a "New key message" left as it was counted as a key message, and
        # was printed in the article)
        item = QListWidgetItem("")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self._loading = True
        self.messages.addItem(item)
        self._loading = False
        self.messages.setCurrentItem(item)
        self.messages.editItem(item)

    def remove_message(self) -> None:
        row = self.messages.currentRow()
        if row < 0:
            return
        messages = self._current()
        del messages[row]
        self._set_messages("Remove key message", messages)

    def move_message(self, delta: int) -> None:
        messages = self._current()
        target = move_item(messages, self.messages.currentRow(), delta)
        if target is None:
            return
        self._set_messages("Move key message", messages)
        self.messages.setCurrentRow(target)

    def _edited(self, _item) -> None:
        if not self._loading:
            messages = [m for m in self._current() if m]
            if messages != self.session.article.key_messages:
                self._set_messages("Edit key message", messages)
            elif len(messages) != self.messages.count():
                self.refresh()          # a row left empty goes

    def _editor_closed(self) -> None:
        """A new row's box closed with nothing typed (Escape): the empty row goes."""
        if any(not text for text in self._current()):
            QTimer.singleShot(0, self, self.refresh)

    def _go_to_quote(self, item) -> None:
        _quote_id, section_id = item.data(ROLE)
        self.window_.open_panel(f"section:{section_id}")

    def current_id(self) -> str:
        """The key message chosen (its place in the list, as the text surface names it)."""
        row = self.messages.currentRow()
        return str(row) if row >= 0 else ""

    def focus_item(self, index: str) -> None:
        """Choose key message ``index`` (its place in the list, as the text surface names it)."""
        if index.isdigit() and int(index) < self.messages.count():
            self.messages.setCurrentRow(int(index))
            self.messages.setFocus()
