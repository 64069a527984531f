"""The live word count while typing (ui/live_figures.BlockTally) always equals a count of the
document from scratch. A letter a-z typed straight after another is not counted again (issue
23: most keys are letters inside a word): the first test holds both counting profiles to the
rule that makes that safe, the others type into real documents, with suggested changes, long
paragraphs and characters beyond U+FFFF, and compare after every key."""

from __future__ import annotations

import random
import string

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from pipwriter.model.language.counts import ParagraphCounter
from pipwriter.model.language.wordcount import PROFILES, count_words, countable
from pipwriter.ui.live_figures import LONG_PARAGRAPH, BlockTally
from pipwriter.ui.richtext_bridge import HAS_SUGGESTIONS, INS_PROP, block_counted_text

# letters, digits, spaces of several kinds, hyphens and dashes, a zero-width space, a soft
# hyphen, superscript two, Chinese, Thai, an emoji, punctuation
AWKWARD = list(string.ascii_letters[:8]) + ["1", "9", " ", " ", "\u00a0", "\t", "-", "--", "–",
                                            "—", "\u200b", "\u00ad", "²", "日", "ก", "😀", "…",
                                            "“", "&", ".", ","]


@pytest.mark.parametrize("profile", PROFILES)
def test_a_letter_after_a_letter_never_changes_the_count(profile):
    rnd = random.Random(f"{profile}-23")
    for _ in range(4000):
        text = "".join(rnd.choice(AWKWARD) for _ in range(rnd.randint(1, 14)))
        after = [i for i in range(1, len(text) + 1) if text[i - 1] in string.ascii_letters]
        if not after:
            continue
        at = rnd.choice(after)
        longer = text[:at] + rnd.choice(string.ascii_letters) + text[at:]
        assert count_words(longer, profile) == count_words(text, profile), (text, longer)


def _from_scratch(document: QTextDocument, profile: str) -> int:
    total, block = 0, document.begin()
    while block.isValid():
        total += count_words(countable(block_counted_text(block)), profile)
        block = block.next()
    return total


def _typed(document: QTextDocument, profile: str, steps) -> None:
    document.documentLayout()      # as in the app: Qt says what changed only once laid out
    tally = BlockTally(document, ParagraphCounter())
    document.contentsChange.connect(tally.changed)
    tally.total(profile)
    for position, text, fmt in steps:
        cursor = QTextCursor(document)
        cursor.setPosition(min(position, document.characterCount() - 1))
        cursor.insertText(text, fmt or QTextCharFormat())
        assert tally.total(profile) == _from_scratch(document, profile), document.toPlainText()


@pytest.mark.parametrize("profile", PROFILES)
def test_typing_anywhere_keeps_the_count_right(qapp, profile):
    rnd = random.Random(f"type-{profile}")
    document = QTextDocument()
    long = " ".join(rnd.choice(["word", "care", "日本", "a-b", "x"]) for _ in range(400))
    assert len(long) > LONG_PARAGRAPH
    document.setPlainText(f"Our first visit\n😀 ward round and then\n{long}\nlast")
    keys = list(string.ascii_letters) + [" ", " ", "-", "😀", "\u200b"]
    _typed(document, profile, [(rnd.randrange(document.characterCount()), rnd.choice(keys), None)
                               for _ in range(600)])


def test_a_counted_letter_typed_after_a_suggested_insertion_is_counted(qapp):
    document = QTextDocument()
    document.setPlainText("We met ")
    document.setProperty(HAS_SUGGESTIONS, True)
    suggested = QTextCharFormat()
    suggested.setProperty(INS_PROP, "sug-1")
    end = len("We met ")
    _typed(document, "word", [(end, "again", suggested),     # not counted until accepted
                              (end + 5, "s", None),          # counted: a word of its own
                              (end + 6, "o", None)])
