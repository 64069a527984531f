"""The figures shown while typing, from the live documents (recounting only changed paragraphs)."""

from __future__ import annotations

import string

from PySide6.QtGui import QTextCharFormat

from ..model.article.text import Paragraph, RichText
from ..model.language.paragraph_edits import CountedParagraph, recount
from ..model.language.wordcount import count_words, countable
from .figures_bar import Figures
from .richtext_bridge import (
    CITATION_OBJECT,
    HAS_SUGGESTIONS,
    OBJECT_CHAR,
    block_counted_text,
    block_to_paragraph,
)

# A paragraph this long (in characters) is recounted around each edit only, keeping its text (a
# paragraph pasted from a PDF can be 100,000 characters: counting all of it at each key took
# milliseconds, and the counter's cache kept a copy of it per key); shorter ones go through the
# shared counter. Only the "word" profile (words between spaces) is counted this way.
LONG_PARAGRAPH = 1_000
_LETTERS = frozenset(string.ascii_letters)


def _word_profile(text: str) -> int:
    return count_words(text, "word")


class BlockTally:
    """The counted words, the citations and the model's paragraph of each paragraph (block) of
    one live document, kept up to date from the document's ``contentsChange``: a keystroke
    recounts only the blocks it changed, never the whole section, and bringing the model up to
    date converts only those blocks. Text set with the document's signals blocked is not seen,
    so whoever does that calls :meth:`reset` (the next :meth:`total` counts every block again)."""

    def __init__(self, document, counter):
        self._document = document
        self._counter = counter
        self._profile = ""
        self._words: list[int] = []
        self._long: list[CountedParagraph | None] = []       # long paragraphs' counted text
        self._cites: list[tuple[QTextCharFormat, ...]] = []  # each block's citations' formats
        self._paragraphs: list[Paragraph | None] = []        # None: converted when next asked
        self._total = 0
        self._valid = False
        self.citations_changed = False   # a citation was added, removed or moved
        self.total_changed = False       # the words may have changed (a figure to show again)

    def reset(self) -> None:
        self._valid = False
        self.total_changed = True

    def total(self, profile: str) -> int:
        if not self._valid or profile != self._profile or \
                len(self._words) != self._document.blockCount():
            self._count_all(profile)
        return self._total

    def _count_all(self, profile: str) -> None:
        self._profile, self._words, self._cites, self._long = profile, [], [], []
        block = self._document.begin()
        while block.isValid():
            words, cites, counted = self._measure(block, None)
            self._words.append(words)
            self._cites.append(cites)
            self._long.append(counted)
            block = block.next()
        self._total = sum(self._words)
        self._paragraphs = [None] * len(self._words)
        self._valid = True

    def rich(self, profile: str) -> RichText:
        """The document as the model's text (what ``richtext_bridge.document_to_rich`` makes),
        converting only the blocks changed since it was last asked for."""
        self.total(profile)                     # one entry a block, up to date
        paragraphs = self._paragraphs
        missing = [index for index, known in enumerate(paragraphs) if known is None]
        if len(missing) > 16:                   # many: walk the blocks once
            block, number = self._document.begin(), 0
            for index in missing:
                while number < index:
                    block, number = block.next(), number + 1
                paragraphs[index] = block_to_paragraph(block)
        else:
            for index in missing:
                paragraphs[index] = block_to_paragraph(self._document.findBlockByNumber(index))
        return RichText([p for p in paragraphs if p is not None and p.items])

    def _measure(self, block, before: CountedParagraph | None
                 ) -> tuple[int, tuple[QTextCharFormat, ...], CountedParagraph | None]:
        """The block's words and citations; for a long paragraph also its counted text, counted
        again around what changed since ``before`` (what was kept for it, or for the paragraph
        it came from)."""
        text = countable(block_counted_text(block))
        counted = None
        if len(text) >= LONG_PARAGRAPH and self._profile == "word":
            counted = recount(before, text, _word_profile)
            words = counted.words
        else:
            words = self._counter.count(text, self._profile)
        if OBJECT_CHAR not in block.text():
            return words, (), counted
        cites = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            fmt = fragment.charFormat()
            if fragment.isValid() and fmt.objectType() == CITATION_OBJECT:
                cites.extend([fmt] * fragment.length())    # its references, and any mark
        return words, tuple(cites), counted

    def _extends_word(self, block, position: int) -> bool:
        """The one character added at ``position`` is a letter a-z or A-Z straight after
        another, outside any suggested change: it lengthens a word already counted, and in
        either counting profile the count stays as it was (so the paragraph need not be
        counted again at this key; ``tests/test_live_figures_typing.py`` holds the counter to
        that). Paragraphs holding characters beyond U+FFFF are left to the full recount."""
        if self._document.property(HAS_SUGGESTIONS):
            return False
        text = block.text()
        at = position - block.position()
        return len(text) == block.length() - 1 and 0 < at < len(text) and \
            text[at] in _LETTERS and text[at - 1] in _LETTERS

    def changed(self, position: int, removed: int, added: int) -> None:
        """The document's ``contentsChange``: the blocks from the one holding ``position`` to
        the one holding ``position + added`` are new; they replace as many old blocks as make
        the block count come out (the blocks before and after them are unchanged)."""
        if not self._valid:
            self.citations_changed = self.total_changed = True
            return
        document = self._document
        count = document.blockCount()
        first_block = document.findBlock(position)
        last_block = document.findBlock(position + added)
        first = first_block.blockNumber() if first_block.isValid() else -1
        last = last_block.blockNumber() if last_block.isValid() else count - 1
        new_n = last - first + 1
        old_n = new_n - (count - len(self._words))
        if new_n == old_n == 1 and added == 1 and not removed \
                and self._extends_word(first_block, position):
            # its model form is made again when asked; a long paragraph's counted text stays
            # as it was, and its next recount starts from there (any difference will do)
            self._paragraphs[first] = None
            return
        if first < 0 or new_n < 1 or old_n < 1 or first + old_n > len(self._words):
            self._valid = False                 # not understood: count everything next time
            self.citations_changed = self.total_changed = True
            return
        words, cites, long = [], [], []
        block = first_block
        before = self._long[first:first + old_n]
        for index in range(new_n):      # a paragraph split in two: both start from it
            measured = self._measure(block, before[min(index, old_n - 1)])
            words.append(measured[0])
            cites.append(measured[1])
            long.append(measured[2])
            block = block.next()
        old_cites = [c for c in self._cites[first:first + old_n] if c]
        if old_cites != [c for c in cites if c]:
            self.citations_changed = True
        change = sum(words) - sum(self._words[first:first + old_n])
        if change:
            self._total += change
            self.total_changed = True
        self._words[first:first + old_n] = words
        self._cites[first:first + old_n] = cites
        self._long[first:first + old_n] = long
        self._paragraphs[first:first + old_n] = [None] * new_n


def _fixed_parts(session) -> tuple:
    """What the figures take from the article's structure and the template: each section with
    whether it counts toward the limit, and the limits. Worked out again only when something
    other than a section's text changed (as ``Session.extra_words``): not at every key."""
    from ..model.language.counts import section_counts_toward_limit
    article, template = session.article, session.template
    key = (session.outside_generation, article, template)
    known = session.figures_memo
    if known is None or known[0] != key[0] or known[1] is not article or known[2] is not template:
        sections = tuple((s.id, section_counts_toward_limit(s, template))
                         for s in article.sections)
        limits = tuple(template.limit(name) for name in
                       ("words", "references", "key_messages", "illustrations"))
        known = session.figures_memo = (*key, sections, limits)
    return known[3], known[4]


def compute_figures(session, current_section_id: str = "") -> Figures:
    """The figures now; the same object as last time when no word count and nothing but the
    sections' text changed since (most keys are letters inside a word: nothing to recount)."""
    article = session.article
    key = (session.outside_generation, session.words_version, current_section_id)
    known = session.figures_result
    if known is not None and known[0] == key and known[1] is article and \
            known[2] is session.template:
        return known[3]
    figures = _compute(session, current_section_id)
    session.figures_result = (key, article, session.template, figures)
    return figures


def _compute(session, current_section_id: str) -> Figures:
    article = session.article
    sections, (words, refs, messages, illustrations) = _fixed_parts(session)
    counted = total = 0
    for section_id, counts in sections:
        section_words = session.section_words(section_id)
        total += section_words
        if counts:
            counted += section_words
    extra_counted, extra_total = session.extra_words()
    return Figures(
        words=counted + extra_counted, words_min=words.min, words_max=words.max,
        words_total=total + extra_total, references=len(article.references),
        references_max=refs.max,
        key_messages=len([m for m in article.key_messages if m.strip()]),
        key_messages_min=messages.min, key_messages_max=messages.max,
        illustrations=len(article.illustrations) + len(article.clips),
        illustrations_max=illustrations.max,
        panel_words=session.section_words(current_section_id) if current_section_id else None)


def explanation(session, key: str) -> str:
    from ..model.language.counts import counting_explanation
    template = session.template
    if key in ("words", "panel"):
        return counting_explanation(template)
    if key == "references":
        limit = template.limit("references")
        return (f"The series allows up to {limit.max} references. They are numbered in the "
                "order they are first cited in the text, as The BMJ does.")
    if key == "key_messages":
        limit = template.limit("key_messages")
        counted = ("They count toward the article's words." if "key_messages" in
                   template.counted else "They do not count toward the article's words.")
        return (f"The editors ask for {limit.min}–{limit.max} short take-home messages. "
                f"They are listed apart from the article. {counted}")
    if key == "illustrations":
        limit = template.limit("illustrations")
        return (f"Up to {limit.max} illustrations, photos or short clips are welcome, each "
                "with a caption and a description for people who cannot see it. Author "
                "photos are separate and not counted here.")
    return ""
