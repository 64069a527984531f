"""Red wavy underlines under misspelt words, in any QTextDocument.

The checking itself is :class:`pipwriter.model.language.spelling.SpellEngine` (cached per paragraph), so
typing re-checks only the paragraph being typed. The engine reports Python string offsets; Qt
counts UTF-16 code units, so spans are converted (an emoji before a word shifts it by one).

Re-highlighting for reasons other than typing (a word added to the dictionary, the language
changed, spelling switched off) is done with the document's signals blocked: underlines are not
edits, and must not make the project look modified.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from ..model.language.spelling import Span, SpellEngine, python_index, utf16_spans

UNDERLINE_COLOUR = QColor(200, 0, 0)


def misspelling_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE_COLOUR)
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspellings found by ``engine`` in ``document``."""

    def __init__(self, document: QTextDocument, engine: SpellEngine):
        super().__init__(document)  # owned by the document; Qt schedules a first pass
        self._engine = engine
        self._enabled = True
        self._format = misspelling_format()
        engine.add_listener(self._engine_changed)
        self.refresh()  # now, quietly (this also cancels Qt's own delayed, noisy first pass)

    # --- public -------------------------------------------------------------------------------
    @property
    def engine(self) -> SpellEngine:
        return self._engine

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Show or hide underlines in this document (the engine's switch covers all of them)."""
        if bool(enabled) != self._enabled:
            self._enabled = bool(enabled)
            self.refresh()

    def active(self) -> bool:
        return self._enabled and self._engine.enabled

    def refresh(self) -> None:
        """Re-check every paragraph without signalling a document change."""
        document = self.document()
        if document is None:
            return
        was_blocked = document.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            document.blockSignals(was_blocked)

    def misspelling_at(self, block: QTextBlock, position_in_block: int) -> Span | None:
        """The misspelt word at a UTF-16 position inside ``block``, as a UTF-16 span, or None."""
        if not self.active() or not block.isValid():
            return None
        text = block.text()
        index = python_index(text, position_in_block)
        for start, end, word in self._engine.misspelt_spans(text):
            if start <= index <= end:
                return utf16_spans(text, [(start, end, word)])[0]
        return None

    # --- Qt -----------------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        if not self.active() or not text:
            return
        spans = self._engine.misspelt_spans(text)
        for start, end, _word in utf16_spans(text, spans):
            self.setFormat(start, end - start, self._format)

    def _engine_changed(self) -> None:
        try:
            self.refresh()
        except RuntimeError:  # the C++ object is gone (window closed)
            self._engine.remove_listener(self._engine_changed)
