"""Red wavy underlines under misspelt words, in any QTextDocument.

The checking itself is :class:`pipwriter.model.language.spelling.SpellEngine` (cached per paragraph), so
typing re-checks only the paragraph being typed. The engine reports Python string offsets; Qt
counts UTF-16 code units, so spans are converted (an emoji before a word shifts it by one).

The underlines are the paragraphs' layout formats (drawn over the text, never part of it), set as
QSyntaxHighlighter sets them, on the document's ``contentsChange``, for the paragraphs changed;
but a paragraph's formats are set again only when its underlines differ. (QSyntaxHighlighter sets
them again at every key in any paragraph with an underline in it, which makes Qt lay out and
repaint the whole paragraph again: about 0.7 ms a key, half of what a key cost; issue 23.)

Each paragraph's text and underlines are kept (by paragraph number) between edits, so an edit
re-checks only the words around it and moves the underlines after it
(:mod:`pipwriter.model.language.paragraph_edits`): in a paragraph of 120,000 characters pasted
from a PDF a key re-checked, converted and compared every word of it (issue 23).

An edit that leaves every underline shown still right (each still lies inside a misspelt
word: typing after the last misspelling of a paragraph, or a word being typed that is still
misspelt) does not wait for the new underlines: they are set at most UNDERLINE_DELAY_MS later,
on a pass of their own, for all the paragraphs typed in since (setting them makes Qt lay out
and repaint the paragraph again: about 0.3 ms of a key's 1.2 ms in the demo; issue 23).
Typing past a cut after a paragraph's last underline (or in a paragraph with none) is not
even checked until then: the words before a cut are checked the same whatever follows it.
An edit that would leave an underline in the wrong place, or under a word now right, is
underlined before the key is drawn.

The word being typed is not underlined until the typist leaves it (Word and LibreOffice wait
for a word to be finished too): "colla", on the way to "collaboration", is not misspelt, and an
underline drawn under it at one key and taken away a few keys later made Qt lay out and repaint
the whole paragraph at each of those keys (the slowest keys at 50,000 words; issue 23). It is the
word a key has just typed up to the text cursor; it is checked once the cursor leaves its end or
the keyboard leaves the box. Only documents whose view reports its cursor (``cursor_reports``)
hold it back; the others underline as before.

Re-highlighting for reasons other than typing (a word added to the dictionary, the language
changed, spelling switched off) is done with the document's signals blocked: underlines are not
edits, and must not make the project look modified.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from ..model.language.paragraph_edits import SPELLING_CUT, CheckedParagraph, recheck
from ..model.language.spelling import Span, SpellEngine, python_index, utf16_spans
from ..model.language.utf16 import utf16_length
from .richtext_bridge import spelling_text

UNDERLINE_COLOUR = QColor(200, 0, 0)
SPELL_UNDERLINE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
UNDERLINE_DELAY_MS = 150    # new underlines at most this long after the key (not restarted)
TYPED_AT_ONCE = 2           # characters a key adds (an accent composed with its letter)


def keep_shaped(block: QTextBlock) -> None:
    """Let a paragraph being typed in keep its shaped text between laying it out and drawing it.

    By default Qt throws a paragraph's glyphs away once it is laid out, so every repaint after a
    keystroke (the paragraph, and the text cursor's line) shapes its text again with HarfBuzz:
    under callgrind, 38 % of all the work of a keystroke at the demo's middle paragraph. Kept,
    a key costs about 40 % fewer instructions (785 to 489 million for 100 keys). Only paragraphs
    edited since the document was opened keep them, which is a few kilobytes each."""
    layout = block.layout()
    if layout is not None and not layout.cacheEnabled():
        layout.setCacheEnabled(True)


def misspelling_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(SPELL_UNDERLINE)
    fmt.setUnderlineColor(UNDERLINE_COLOUR)
    return fmt


class SpellHighlighter(QObject):
    """Underlines misspellings found by ``engine`` in ``document`` (owned by the document)."""

    def __init__(self, document: QTextDocument, engine: SpellEngine):
        super().__init__(document)
        self._engine = engine
        self._enabled = True
        self._format = misspelling_format()
        # each paragraph (by number): its text and underlines as last checked, with the engine's
        # generation then, and the format ranges made for them (reused while they stay)
        self._kept: dict[int, tuple[CheckedParagraph, int,
                                    list[QTextLayout.FormatRange] | None]] = {}
        self._blocks = document.blockCount()
        # the word being typed, held back: (paragraph number, UTF-16 position of its end in
        # it), and where the view showing the document last said its cursor was
        self._held: tuple[int, int] | None = None
        self._cursor: int | None = None
        # paragraphs (by number) whose new underlines wait for the timer; the ones shown are
        # still right (see the module's notes)
        self._pending: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDERLINE_DELAY_MS)
        self._timer.timeout.connect(self._set_pending)
        document.contentsChange.connect(self._on_change)
        engine.add_listener(self._engine_changed)
        self.refresh()  # now, quietly

    # --- public -------------------------------------------------------------------------------
    @property
    def engine(self) -> SpellEngine:
        return self._engine

    def document(self) -> QTextDocument:
        # the parent, asked each time: a Python wrapper kept from when the box was made can be
        # invalidated by PySide while the document lives on (a key message's box in its list)
        return self.parent()  # type: ignore[return-value]

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Show or hide underlines in this document (the engine's switch covers all of them)."""
        if bool(enabled) != self._enabled:
            self._enabled = bool(enabled)
            self.refresh()

    def active(self) -> bool:
        """Underlining: on here, on for the app, and the word lists read and sound (until they
        are in, a window being opened shows its text without waiting; the engine says when they
        are; a missing or damaged list leaves spelling off, and the window says why)."""
        return self._enabled and self._engine.enabled and self._engine.lists.loaded()

    def refresh(self) -> None:
        """Re-check every paragraph without signalling a document change."""
        document = self.document()
        self._kept.clear()
        self._pending.clear()
        self._timer.stop()
        self._blocks = document.blockCount()
        was_blocked = document.blockSignals(True)
        try:
            first = last = -1
            block = document.begin()
            while block.isValid():
                keep_shaped(block)
                if self._underline(block):
                    first = block.position() if first < 0 else first
                    last = block.position() + block.length()
                block = block.next()
            if first >= 0:
                document.markContentsDirty(first, last - first)   # laid out and drawn again
        finally:
            document.blockSignals(was_blocked)

    def cursor_at(self, position: int | None) -> None:
        """A view's text cursor is at ``position`` in this document (None: the keyboard has
        left the box, or the view shows another document). The word typed up to the cursor
        stays without an underline while the cursor stays at its end; once it leaves, the word
        is checked (at most UNDERLINE_DELAY_MS later)."""
        self._cursor = position
        held = self._held
        if held is None:
            return
        if position is not None:
            block = self.document().findBlock(position)
            if block.blockNumber() == held[0] and position - block.position() == held[1]:
                return
        self._held = None
        self._pending.add(held[0])
        if not self._timer.isActive():
            self._timer.start()

    def held_word(self) -> tuple[int, int] | None:
        """The word being typed, held back: (paragraph number, UTF-16 end), or None."""
        return self._held

    def misspelling_at(self, block: QTextBlock, position_in_block: int) -> Span | None:
        """The misspelt word at a UTF-16 position inside ``block``, as a UTF-16 span, or None."""
        if not self.active() or not block.isValid():
            return None
        text = spelling_text(block)
        index = python_index(text, position_in_block)
        for start, end, word in self._engine.misspelt_spans(text):
            if start <= index <= end:
                return utf16_spans(text, [(start, end, word)])[0]
        return None

    # --- underlining ---------------------------------------------------------------------------
    def _on_change(self, position: int, removed: int, added: int) -> None:
        """The paragraphs an edit touched (as QSyntaxHighlighter picks them) are checked again;
        those whose underlines changed are laid out again with the edit. Typing (an edit inside
        one paragraph) may leave new underlines to the timer."""
        document = self.document()
        block = document.findBlock(position)
        changed = document.findBlock(position + added)
        paragraphs = self._blocks
        held, self._held = self._held, None
        if held is not None:        # checked again, unless it is still being typed (below)
            self._pending.add(held[0])
        self._renumber(block.blockNumber(), changed.blockNumber() if changed.isValid()
                       else document.blockCount() - 1)
        last = document.findBlock(position + added + (1 if removed > 0 else 0))
        end = last.position() + last.length() if last.isValid() else document.characterCount()
        # typing: the edit stays inside one paragraph (Backspace too: the next paragraph,
        # which QSyntaxHighlighter's rule adds for a removal, is unchanged then)
        typing = paragraphs == self._blocks and changed == block
        if typing and added <= TYPED_AT_ONCE and self._cursor in (position, position + removed):
            # a key typed at the view's cursor (told before the cursor moves on with the key)
            self._held = (block.blockNumber(), position + added - block.position())
        if typing and self._cannot_be_wrong(block, position - block.position()):
            keep_shaped(block)                  # checked when the timer comes
            self._pending.add(block.blockNumber())
        else:
            while block.isValid() and block.position() < end:
                keep_shaped(block)
                if self._underline(block, wait=typing):
                    document.markContentsDirty(block.position(), block.length())
                block = block.next()
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def _cannot_be_wrong(self, block: QTextBlock, at: int) -> bool:
        """No underline drawn in ``block`` can be made wrong by an edit at UTF-16 position
        ``at``: there is none, or a cut lies between the last one and the edit (words before a
        cut are checked the same whatever follows it: see paragraph_edits), so the paragraph
        can be checked later. Never while an input method composes."""
        layout = block.layout()
        if not self.active() or layout.preeditAreaText():
            return False
        present = layout.formats()
        if not present:
            return True
        end = max(fmt_range.start + fmt_range.length for fmt_range in present)
        if end >= at:
            return False
        text = spelling_text(block)
        return SPELLING_CUT.search(text, python_index(text, end), python_index(text, at)) \
            is not None

    def waiting(self) -> bool:
        """Some new underlines wait for the timer (each one shown is right meanwhile)."""
        return bool(self._pending)

    def _set_pending(self) -> None:
        """The underlines that waited, set quietly (underlines are not edits)."""
        document = self.document()
        was_blocked = document.blockSignals(True)
        try:
            for number in sorted(self._pending):
                block = document.findBlockByNumber(number)
                if block.isValid() and self._underline(block):
                    document.markContentsDirty(block.position(), block.length())
        finally:
            self._pending.clear()
            document.blockSignals(was_blocked)

    def _renumber(self, first: int, last: int) -> None:
        """Paragraphs were added or removed by an edit of paragraphs ``first``-``last`` (now):
        what is kept for those after moves with them; each changed one starts from what was
        kept for the first it replaces (splitting a paragraph in two: both halves)."""
        count = self.document().blockCount()
        added, self._blocks = count - self._blocks, count
        if not added or first < 0:
            return
        kept = self._kept
        replaced = last - added                 # the last old paragraph the edit replaced

        def moved_to(number: int) -> int | None:
            """Where an untouched paragraph is now (None: the edit replaced it)."""
            if number < first:
                return number
            return number + added if number > replaced else None
        # those waiting move too; the edited ones wait if one they replace did
        waiting = {moved_to(number) for number in self._pending}
        if None in waiting:
            waiting.update(range(first, last + 1))
        self._pending = {n for n in waiting if n is not None and n < count}
        start = kept.get(first) if replaced >= first else None
        moved = {new: entry for new, entry in ((moved_to(n), e) for n, e in kept.items())
                 if new is not None}
        if start is not None:     # its format ranges stay with the first (they are changed)
            moved.update((number, (*start[:2], None)) for number in range(first + 1, last + 1))
            moved[first] = start
        self._kept = {number: entry for number, entry in moved.items() if number < count}

    def _underline(self, block: QTextBlock, wait: bool = False) -> bool:
        """Set the block's underlines; False when they were already right (nothing set).
        ``wait``: new underlines may wait for the timer while those shown stay right."""
        text = spelling_text(block)
        number = block.blockNumber()
        layout = block.layout()
        if not (text and self.active()):
            self._kept.pop(number, None)
            self._pending.discard(number)
            return self._set(layout, (), [], False)
        kept = self._kept.get(number)
        generation = self._engine.generation
        previous = kept[0] if kept is not None and kept[1] == generation else None
        checked, first, last = recheck(previous, text, self._engine.misspelt_spans)
        spans = checked.utf16
        old_ranges = kept[2] if previous is not None and kept is not None else None
        if old_ranges is not None:
            tail = old_ranges[len(old_ranges) - (len(spans) - last):]
            if tail and spans[last][0] != tail[0].start:
                moved = spans[last][0] - tail[0].start
                for fmt_range in tail:
                    fmt_range.start += moved
            ranges = old_ranges[:first] + \
                [self._range(a, b - a) for a, b, _word in spans[first:last]] + tail
        else:
            ranges = [self._range(a, b - a) for a, b, _word in spans]
        self._kept[number] = (checked, generation, ranges)
        spans, ranges = self._shown(number, spans, ranges)
        if wait and self._still_right(layout, spans):
            self._pending.add(number)
            return False
        as_before = previous is not None and number not in self._pending and \
            (checked is previous or checked.utf16 == previous.utf16)
        self._pending.discard(number)
        return self._set(layout, spans, ranges, as_before)

    def _shown(self, number: int, spans: tuple[Span, ...],
               ranges: list[QTextLayout.FormatRange]
               ) -> tuple[tuple[Span, ...], list[QTextLayout.FormatRange]]:
        """The paragraph's misspellings and their ranges less the word being typed."""
        held = self._held
        if held is None or held[0] != number:
            return spans, ranges
        keep = [index for index, span in enumerate(spans) if span[1] != held[1]]
        if len(keep) == len(spans):
            return spans, ranges
        return tuple(spans[i] for i in keep), [ranges[i] for i in keep]

    def _still_right(self, layout: QTextLayout, spans: tuple[Span, ...]) -> bool:
        """Every underline the layout shows lies inside one of ``spans`` (sorted, apart), and
        some span is not yet underlined as it is; never while an input method composes."""
        present = layout.formats()
        if len(present) > len(spans) or layout.preeditAreaText():
            return False
        at, exact = 0, len(present) == len(spans)
        for fmt_range in present:
            start, end = fmt_range.start, fmt_range.start + fmt_range.length
            while at < len(spans) and spans[at][1] < end:
                at += 1
            if at == len(spans) or spans[at][0] > start or fmt_range.format != self._format:
                return False
            exact = exact and spans[at][0] == start and spans[at][1] == end
            at += 1
        return not exact

    def _set(self, layout: QTextLayout, spans: tuple[Span, ...],
             ranges: list[QTextLayout.FormatRange], as_before: bool) -> bool:
        """Give the layout these underlines; False when it has them already (nothing set).
        ``as_before``: the same as were set last time, so only checked for having been
        replaced since (by an input method, or a new paragraph at this number)."""
        present = layout.formats()
        preedit = layout.preeditAreaText()
        if not preedit and len(present) == len(spans) and (not spans or (
                self._same(present[0], spans[0]) and self._same(present[-1], spans[-1]) and (
                    as_before or [(r.start, r.length) for r in present] ==
                    [(start, end - start) for start, end, _word in spans]))):
            return False
        if preedit:     # text being composed with an input method keeps its own formats
            at, size = layout.preeditAreaPosition(), utf16_length(preedit)
            ranges = [r for r in present if r.start >= at and r.start + r.length <= at + size]
            for start, end, _word in spans:
                length = end - start
                if start >= at:
                    start += size
                elif end >= at:
                    length += size
                ranges.append(self._range(start, length))
        layout.setFormats(ranges)
        return True

    def _same(self, fmt_range: QTextLayout.FormatRange, span: Span) -> bool:
        return fmt_range.start == span[0] and fmt_range.length == span[1] - span[0] and \
            fmt_range.format == self._format

    def _range(self, start: int, length: int) -> QTextLayout.FormatRange:
        fmt_range = QTextLayout.FormatRange()
        fmt_range.start, fmt_range.length, fmt_range.format = start, length, self._format
        return fmt_range

    def _engine_changed(self) -> None:
        try:
            self.refresh()
        except RuntimeError:  # the C++ object is gone (window closed)
            self._engine.remove_listener(self._engine_changed)

