"""The live figures always in view: words against the band, references, key messages,
illustrations and the current panel's words. Clicking a figure explains what is counted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

UNDER, IN_BAND, OVER = "under", "in_band", "over"
_COLOURS = {UNDER: "#d68910", IN_BAND: "#228b22", OVER: "#c0392b"}


@dataclass(frozen=True)
class Figures:
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


def _limit_text(value: int, lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{value} (aim {lo}–{hi})"
    if hi is not None:
        return f"{value} of {hi}"
    return str(value)


class FiguresBar(QWidget):
    explainRequested = Signal(str)   # "words", "references", "key_messages", "illustrations"...

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Article figures")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.words_bar = QProgressBar()
        self.words_bar.setAccessibleName("Words counted toward the limit")
        self.words_bar.setTextVisible(True)
        self.words_bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words_bar.setMinimumWidth(220)
        self.words_button = self._button("words")
        layout.addWidget(self.words_button)
        layout.addWidget(self.words_bar, 2)
        self.references = self._button("references")
        self.key_messages = self._button("key_messages")
        self.illustrations = self._button("illustrations")
        self.panel_words = self._button("panel")
        for widget in (self.references, self.key_messages, self.illustrations, self.panel_words):
            layout.addWidget(widget)
        self.state = IN_BAND

    def _button(self, key: str) -> QPushButton:
        button = QPushButton()
        button.setFlat(True)
        button.setToolTip("Click to see what is counted")
        button.clicked.connect(lambda: self.explainRequested.emit(key))
        return button

    def show_figures(self, f: Figures) -> None:
        self.state = f.word_state()
        top = max((f.words_max or f.words) * 6 // 5, f.words, 1)
        self.words_bar.setRange(0, top)
        self.words_bar.setValue(min(f.words, top))
        band = f"{f.words_min}–{f.words_max}" if f.words_min is not None else ""
        verdict = {UNDER: "under the limit", IN_BAND: "within the limit",
                   OVER: "over the limit"}[self.state]
        self.words_bar.setFormat(f"{f.words} words ({band}, {verdict})")
        self.words_bar.setStyleSheet(
            f"QProgressBar::chunk {{ background-color: {_COLOURS[self.state]}; }}")
        self.words_bar.setAccessibleDescription(f"{f.words} words counted, {verdict}; "
                                                f"{f.words_total} words in everything")
        self.words_button.setText("Words:")
        self.words_button.setAccessibleName(f"Words: {f.words}, {verdict}. Explain")
        self.references.setText(
            f"References: {_limit_text(f.references, None, f.references_max)}")
        self.references.setAccessibleName(self.references.text())
        self.key_messages.setText("Key messages: " + _limit_text(
            f.key_messages, f.key_messages_min, f.key_messages_max))
        self.key_messages.setAccessibleName(self.key_messages.text())
        self.illustrations.setText(
            f"Illustrations and clips: {_limit_text(f.illustrations, None, f.illustrations_max)}")
        self.illustrations.setAccessibleName(self.illustrations.text())
        self.panel_words.setVisible(f.panel_words is not None)
        self.panel_words.setText(f"This section: {f.panel_words or 0} words")
        self.panel_words.setAccessibleName(self.panel_words.text())
