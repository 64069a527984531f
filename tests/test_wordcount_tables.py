"""The Word profile reads characters from a table filled one at a time (cheap at start-up).

Until December 2026 it was a pair of regular expressions whose character classes were built by
scanning the whole Basic Multilingual Plane (about 50 ms before the window could show its first
count). The table must say exactly what those classes said, for every code point, and the
words found must be the ones those expressions found.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterator

from pipwriter.model.language import wordcount
from pipwriter.model.language.wordcount import _is_silent, count_words, iter_words


@functools.cache
def _silent_set() -> frozenset[int]:
    """The characters the Word profile treats as never a word on their own, built as the
    earlier regular expressions' classes were."""
    marks = wordcount._cats("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cc", "Cf")
    marks -= wordcount._spaces()
    marks |= {ord(wordcount._ZWSP)}
    marks |= {cp for low, high in wordcount._TAGS for cp in range(low, high + 1)}
    return frozenset(marks | wordcount._spaces())


def _earlier_spans(text: str) -> Iterator[tuple[int, int]]:
    """The earlier ``_word_spans``, regular expressions and all."""
    silent_set = _silent_set()
    leading = wordcount._char_class(silent_set - wordcount._spaces())
    silent = wordcount._char_class(silent_set)
    words = re.compile(rf"(?<!\S)[{leading}]*[^{silent}]\S*")
    countable = re.compile(f"[^{silent}]")
    cjk = wordcount._ranges(wordcount._WORD_CJK)
    one, split = re.compile(f"[{cjk}]"), re.compile(f"[{cjk}]|[^{cjk}]+")
    has_cjk = one.search(text) is not None
    for match in words.finditer(text):
        first, last = match.span()
        if has_cjk and one.search(text, first, last):
            for part in split.finditer(text, first, last):
                if countable.search(text, *part.span()):
                    yield part.span()
        else:
            yield first, last


def test_the_character_table_agrees_with_the_classes_for_every_code_point():
    silent = _silent_set()
    wrong = [hex(cp) for cp in range(0x110000)
             if not 0xD800 <= cp <= 0xDFFF and _is_silent(chr(cp)) != (cp in silent)]
    assert wrong == []


AWKWARD = ("a", "Z", "1", "é", "-", "–", "—", "…", ".", "“", "”", "&", "•", "£", "+", "©",
           "😀", "\u00ad", "\u200b", "\u200e", "\ufeff", "\U000e0067", "\U000e007f", "\U00010100",
           "日", "本", "ひ", "カ", "한", "\u3000", "\u3040", " ", "\u00a0", "\t", "\n", "\u2009",
           "\ufffc", "/", "%", "'", "’", "(", ")", "\u0301", "²", "½")


def test_the_words_found_are_the_ones_the_regular_expressions_found():
    chooser = random.Random(23)
    texts = ["", " ", "“Co-production” — it works… 45% of us & you. – ", "a 日本x, “ ”",
             "ひらがな", "😀 — 😀", "state-of-the-art e.g. 1,250 @handle #tag"]
    texts += ["".join(chooser.choice(AWKWARD) for _ in range(chooser.randint(1, 30)))
              for _ in range(3000)]
    for text in texts:
        spans = list(_earlier_spans(text))
        assert list(iter_words(text)) == spans, repr(text)
        assert count_words(text) == len(spans), repr(text)


def test_counting_without_asian_text_builds_no_regular_expression_tables():
    """The first count at start-up needs neither the classes nor the Chinese-character rules."""
    wordcount._cjk_rules.cache_clear()
    wordcount._categories.cache_clear()
    text = "“Co-production” — it works… 45% of us & you. – "
    assert count_words(text) == 7
    assert len(list(iter_words(text))) == 7
    assert wordcount._cjk_rules.cache_info().currsize == 0
    assert wordcount._categories.cache_info().currsize == 0
