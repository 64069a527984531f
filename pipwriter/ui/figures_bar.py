"""The live figures always in view: words against the band, references, key messages,
illustrations and the current panel's words. Clicking a figure explains what is counted.

The figures flow onto a second row when the window is narrow or the text is big, and a figure
too wide for a whole row shows a shorter form (elided if need be, with the full text as tooltip).

The strip shows nothing until its first figures, which the app's first window works out just
after it is painted (issue 23: cold start). Until then no button is shown, so nothing here asks
the style for a button's size or look before the first paint: ``QStyle`` and its options are
named only inside the methods that use them, since PySide makes a class's Python enums the first
time the class is named (``QStyle``'s eleven take about 5 ms).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..model.language.counts import WORDS_TOTAL_LABEL
from ..model.rules.check_context import plural
from .colours import WORD_BAR
from .keyboard import OWN_RING_PROPERTY

FOCUS_WIDTH = 2         # pixels: the focus ring round a figure (WCAG 2.4.13's two)

UNDER, IN_BAND, OVER = "under", "in_band", "over"
_COLOURS = {UNDER: WORD_BAR["under"], IN_BAND: WORD_BAR["in_band"], OVER: WORD_BAR["over"]}
_EXPLAIN_TIP = "Click to see what is counted"


@dataclass(frozen=True)
class Figures:
    """What the figures bar shows: words counted against the band, words in every part,
    references, key messages, illustrations and clips, and the current panel's words."""

    words: int
    words_min: int | None
    words_max: int | None
    words_total: int
    references: int
    references_max: int | None
    key_messages: int
    key_messages_min: int | None
    key_messages_max: int | None
    illustrations: int
    illustrations_max: int | None
    panel_words: int | None

    def word_state(self) -> str:
        if self.words_min is not None and self.words < self.words_min:
            return UNDER
        if self.words_max is not None and self.words > self.words_max:
            return OVER
        return IN_BAND


def word_band_text(words: int, lo: int | None, hi: int | None) -> tuple[str, str]:
    """The words figure in a full and a short form, e.g. "0 words — too short, aim for
    1,250–1,500" and "0 words, too short"."""
    count = f"{words:,} word" + ("" if words == 1 else "s")
    if lo is not None and words < lo:
        aim = f"{lo:,}–{hi:,}" if hi is not None else f"at least {lo:,}"
        return f"{count} — too short, aim for {aim}", f"{count}, too short"
    if hi is not None and words > hi:
        return f"{count} — over the limit of {hi:,}", f"{count}, over the limit"
    if lo is not None and hi is not None:
        return f"{count} — within {lo:,}–{hi:,}", f"{count}, within the limit"
    if hi is not None:
        return f"{count} — within the limit of {hi:,}", f"{count}, within the limit"
    return count, count


def _limit_text(value: int, lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{value:,} (aim {lo:,}–{hi:,})"
    if hi is not None:
        return f"{value:,} (up to {hi:,})"
    return f"{value:,}"


class FlowLayout(QLayout):
    """Lays its items out left to right, starting a new row when the next does not fit."""

    def __init__(self, parent=None, spacing: int = 12):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    def addItem(self, item) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        m = self.contentsMargins()
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._gap * max(len(visible) - 1, 0)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = max(min(hint.width(), area.width()), item.minimumSize().width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._gap // 3, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class FigureButton(QPushButton):
    """A flat button showing one figure; it asks for room for its full text and, when given
    less, shows the short form, elided if need be, with the full text in its tooltip.

    The figure is drawn by the button itself, not set with ``setText``: QPushButton's
    ``setText`` asks the whole window to be laid out again, every time a count changes by one
    while someone types. Here only a change of width does (``set_texts``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFlat(True)
        self.full_text = self.short_text = self._shown = ""
        self._widths: dict[str, int] = {}    # text -> width in this font (shaping is not free)
        self._pad: int | None = None         # the style's padding, known until font or style change
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(_EXPLAIN_TIP)
        self.setProperty(OWN_RING_PROPERTY, True)     # drawn in paintEvent: one ring, not two

    def _advance(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 64:
                self._widths.clear()
            width = self._widths[text] = self.fontMetrics().horizontalAdvance(text)
        return width

    def set_texts(self, full: str, short: str | None = None) -> bool:
        """Show new texts; True when the button asks for another size (the strip is laid out
        again only then: a figure that changed by a digit usually keeps its width)."""
        short = short or full
        if full == self.full_text and short == self.short_text:
            return False
        resized = self._advance(full) != self._advance(self.full_text)   # the hint's width
        self.full_text, self.short_text = full, short
        self.setAccessibleName(full)
        if resized:
            self.updateGeometry()
        self._fit()
        return resized

    def _padding(self) -> int:
        if self._pad is None:
            from PySide6.QtWidgets import QStyle, QStyleOptionButton
            option = QStyleOptionButton()
            self.initStyleOption(option)
            wide = 1000      # wide enough to be past any style's minimum button width
            size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                                 QSize(wide, self.fontMetrics().height()), self)
            self._pad = size.width() - wide
        return self._pad

    def _hint_for(self, text: str) -> QSize:
        from PySide6.QtWidgets import QStyle, QStyleOptionButton
        fm = self.fontMetrics()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        height = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                               QSize(fm.height(), fm.height()), self).height()
        return QSize(self._advance(text) + 4 + self._padding(), height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._hint_for(self.full_text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._hint_for("…" * 3)

    def _fit(self) -> None:
        room = self.width() - self._padding() - 2
        if self._advance(self.full_text) <= room:
            shown = self.full_text
        elif self._advance(self.short_text) <= room:
            shown = self.short_text
        else:
            shown = self.fontMetrics().elidedText(self.short_text, Qt.TextElideMode.ElideRight,
                                                  max(room, 0))
        if shown != self._shown:
            self._shown = shown
            self.update()
        tip = _EXPLAIN_TIP if shown == self.full_text else f"{self.full_text}\n{_EXPLAIN_TIP}"
        if tip != self.toolTip():
            self.setToolTip(tip)

    def text(self) -> str:
        """The text shown (the full or the short form, elided if need be)."""
        return self._shown

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtWidgets import QStyle, QStyleOptionButton, QStylePainter
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self._shown
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        if self.hasFocus():     # a flat button's own focus mark is faint: a ring in the text colour
            pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), FOCUS_WIDTH)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -FOCUS_WIDTH, -FOCUS_WIDTH))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Return or Enter explains the figure, as Space and a click do."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()
            self.click()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._widths.clear()
            self._pad = None
            self.updateGeometry()
            self._fit()


class FiguresBar(QWidget):
    explainRequested = Signal(str)   # "words", "references", "key_messages", "illustrations"...

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Article figures")
        self.setObjectName("figuresBar")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.flow = layout = FlowLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.words_button = self._button("words")
        self.words_bar = QProgressBar()
        self.words_bar.setAccessibleName("Words counted toward the limit")
        self.words_bar.setTextVisible(False)     # the figure is in the button beside it
        self.words_group = QWidget()
        group = QHBoxLayout(self.words_group)
        group.setContentsMargins(0, 0, 0, 0)
        group.addWidget(self.words_button)
        group.addWidget(self.words_bar)
        layout.addWidget(self.words_group)
        self.references = self._button("references")
        self.key_messages = self._button("key_messages")
        self.illustrations = self._button("illustrations")
        self.panel_words = self._button("panel")
        for widget in (self.references, self.key_messages, self.illustrations, self.panel_words):
            layout.addWidget(widget)
        for part in self._parts():
            part.setVisible(False)                  # until the first figures
        self._reserve_row()
        self.state = IN_BAND
        self._fill: tuple[int, int] | None = None     # (steps, filled) the bar shows
        self._bar_state: str | None = None           # the state its colour shows
        self._size_bar()

    def _reserve_row(self) -> None:
        """While the strip waits for its first figures, it is as tall as one row of them, so
        that their coming lays out the strip alone, not the window. QPushButton's own hint,
        worked out in Qt, is as tall as a figure's button (the style's button around a line of
        this font) and names no style class here."""
        if not self.words_group.isHidden():
            self.setMinimumHeight(0)
            return
        margins = self.flow.contentsMargins()
        self.setMinimumHeight(QPushButton.sizeHint(self.references).height() + margins.top()
                              + margins.bottom())

    def _parts(self) -> tuple[QWidget, ...]:
        return (self.words_group, self.references, self.key_messages, self.illustrations,
                self.panel_words)

    def labels(self) -> list[FigureButton]:
        """The figure labels shown, in order (for tests and accessibility checks)."""
        return [b for b in (self.words_button, self.references, self.key_messages,
                            self.illustrations, self.panel_words) if b.isVisibleTo(self)]

    def _button(self, key: str) -> FigureButton:
        button = FigureButton()
        button.clicked.connect(lambda: self.explainRequested.emit(key))
        return button

    def _size_bar(self) -> None:
        height = self.fontMetrics().height()
        self.words_bar.setFixedSize(height * 6, max(height * 2 // 3, 8))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._size_bar()
            self._reserve_row()
            self.updateGeometry()

    def show_figures(self, f: Figures) -> None:
        """Show new figures. Only what changed is set, and the strip is laid out again only
        when a figure needs another width or one is shown or hidden (typing changes the words
        about once a word, which is then a repaint of two buttons and the bar)."""
        self.state = f.word_state()
        top = max((f.words_max or f.words) * 6 // 5, f.words, 1)
        # in steps of the bar's own width: the bar is set (and QProgressBar repaints it at
        # once) only when its fill moves by a pixel, not at every word
        steps = max(self.words_bar.width(), 1)
        fill = (steps, min(f.words, top) * steps // top)
        if fill != self._fill:
            self._fill = fill
            self.words_bar.setRange(0, steps)
            self.words_bar.setValue(fill[1])
        full, short = word_band_text(f.words, f.words_min, f.words_max)
        if self._bar_state != self.state:   # a style sheet costs a relayout
            self._bar_state = self.state
            self.words_bar.setStyleSheet(
                f"QProgressBar::chunk {{ background-color: {_COLOURS[self.state]}; }}")
        description = f"{full}; {WORDS_TOTAL_LABEL.lower()}: {f.words_total:,}"
        if self.words_bar.accessibleDescription() != description:
            self.words_bar.setAccessibleDescription(description)
        resized = self.words_button.set_texts(full, short)
        self.words_button.setAccessibleName(f"{full}. Explain")
        refs = _limit_text(f.references, None, f.references_max)
        resized |= self.references.set_texts(f"References: {refs}", f"Refs: {refs}")
        messages = _limit_text(f.key_messages, f.key_messages_min, f.key_messages_max)
        resized |= self.key_messages.set_texts(f"Key messages: {messages}",
                                               f"Key messages: {f.key_messages:,}")
        pictures = _limit_text(f.illustrations, None, f.illustrations_max)
        resized |= self.illustrations.set_texts(f"Illustrations and clips: {pictures}",
                                                f"Illustrations: {pictures}")
        if self.words_group.isHidden():             # the first figures
            resized = True
            for part in self._parts()[:-1]:
                part.setVisible(True)
            self._reserve_row()
        shown = f.panel_words is not None
        resized |= shown == self.panel_words.isHidden()
        self.panel_words.setVisible(shown)
        words = f.panel_words or 0
        resized |= self.panel_words.set_texts(f"This section: {plural(words, 'word')}",
                                              f"Section: {words:,}")
        if resized:
            self.updateGeometry()
