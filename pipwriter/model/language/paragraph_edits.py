"""After an edit to a long paragraph, re-check and recount only the words around it (issue 23).

A paragraph pasted from a PDF can be one line of 100,000 characters or more. Checking its
spelling again, converting every underline to Qt's UTF-16 positions and counting its words again
at each key made a key cost a tenth of a second of Python at 120,000 characters. Here the
paragraph before the edit and its results are kept; the new text is compared with the old (the
longest common start and end, found with string comparisons, no loop over the characters in
Python), and only a window around what differs is checked or counted again. The results before
the window are kept as they were, those after it are moved by the change in length.

Why that gives exactly what checking the whole paragraph gives:

* **Spelling.** No word and no skipped link, address or DOI runs across a run of spaces unless
  the character before the run is a colon (``doi: 10.1136/...``, the only pattern with a space
  inside), and no pattern looks past a space (``spelling_words.PIECE_END`` relies on the same for
  its pieces). So the misspellings of a text cut at the end of such a run are those of the part
  before plus those of the part after. The window starts and ends at such cuts whose characters
  (the run and the character before it) are all in the unchanged start, or all in the unchanged
  end, so they are cuts of the old text too; the results outside the window are the old text's.
* **Words.** Words are counted between spaces, each on its own (``wordcount``, the "word" profile,
  text without Chinese characters or kana): the count of a text cut at a space is the sum of its
  parts' counts. The window runs between spaces in the unchanged start and end.

Whatever the old text was (another paragraph's, even), the result is right: a poor guess only
makes the window larger. Tests compare both with checking and counting the whole text after
thousands of random edits (``tests/test_paragraph_edits.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .utf16 import Span, utf16_length, utf16_spans

# The end of a run of spaces a paragraph may be cut at for spelling: not after a colon.
SPELLING_CUT = re.compile(r"(?<=[^\s:])\s+(?=\S)")
SPACE = re.compile(r"\s")
NEAR = 256        # characters looked through for a cut first, before looking further


def changed_region(old: str, new: str) -> tuple[int, int]:
    """(same_start, same_end): how many characters ``old`` and ``new`` share at their start, and
    at their end after that (the two never overlap). Found by halving, so the characters are
    compared by Python's string comparison, never one by one in Python."""
    shortest = min(len(old), len(new))
    low, high = 0, shortest             # old[:low] == new[:low]; the answer is at most high
    if old[:high] == new[:high]:
        low = high
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    same_start = low
    old_end, new_end = len(old), len(new)
    low, high = 0, shortest - same_start    # the same, counted from the end
    if old[old_end - high:] == new[new_end - high:]:
        low = high
    while low < high:
        middle = (low + high + 1) // 2
        if old[old_end - middle:old_end - low] == new[new_end - middle:new_end - low]:
            low = middle
        else:
            high = middle - 1
    return same_start, low


def _last_before(pattern: re.Pattern[str], text: str, limit: int, end: bool) -> int:
    """The end (``end``) or start of the last match of ``pattern`` wholly before ``limit``
    (the text read only up to ``limit``), 0 if none; looked for near ``limit`` first."""
    low = limit
    while low > 0:
        low = max(0, low - NEAR) if low == limit else max(0, limit - 16 * (limit - low))
        found = -1
        for match in pattern.finditer(text, low, limit):
            found = match.end() if end else match.start()
        if found > 0:
            return found
    return 0


# --- spelling ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckedParagraph:
    """A paragraph's text and its misspelt words, as Python and as UTF-16 (Qt) spans."""
    text: str
    spans: tuple[Span, ...]
    utf16: tuple[Span, ...]


SpellCheck = Callable[[str], Sequence[Span]]


def check_whole(text: str, check: SpellCheck) -> CheckedParagraph:
    spans = tuple(check(text)) if text else ()
    return CheckedParagraph(text, spans, tuple(utf16_spans(text, spans)))


def recheck(previous: CheckedParagraph | None, text: str,
            check: SpellCheck) -> tuple[CheckedParagraph, int, int]:
    """``text`` checked, reusing ``previous`` (the same checker's results for an earlier text)
    outside the words around what changed. Also returns which of the results are new: those
    from the first to the last index given (results before are the previous ones, results
    after are the previous ones moved)."""
    if previous is None or not previous.text or not text:
        whole = check_whole(text, check)
        return whole, 0, len(whole.spans)
    old = previous.text
    if old == text:
        return previous, 0, 0
    same_start, same_end = changed_region(old, text)
    left = _last_before(SPELLING_CUT, text, same_start, end=True)
    found = SPELLING_CUT.search(text, len(text) - same_end + 1)
    right = found.end() if found else len(text)
    moved = len(text) - len(old)
    first = bisect_left(previous.spans, left, key=lambda span: span[0])
    after = bisect_left(previous.spans, right - moved, key=lambda span: span[0])
    window = text[left:right]
    found_spans = check(window) if window else ()
    # where the window starts in UTF-16: from the last result before it, if any
    anchor, anchor16 = (previous.spans[first - 1][0], previous.utf16[first - 1][0]) \
        if first else (0, 0)
    start16 = anchor16 + utf16_length(text[anchor:left])
    moved16 = utf16_length(text[same_start:len(text) - same_end]) - \
        utf16_length(old[same_start:len(old) - same_end])
    spans = (*previous.spans[:first],
             *((a + left, b + left, word) for a, b, word in found_spans),
             *((a + moved, b + moved, word) for a, b, word in previous.spans[after:]))
    spans16 = (*previous.utf16[:first],
               *((a + start16, b + start16, word)
                 for a, b, word in utf16_spans(window, found_spans)),
               *((a + moved16, b + moved16, word) for a, b, word in previous.utf16[after:]))
    return CheckedParagraph(text, spans, spans16), first, first + len(found_spans)


# --- counting ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CountedParagraph:
    """A paragraph's text and its word count, kept so that :func:`recount` can reuse it."""
    text: str
    words: int


def recount(previous: CountedParagraph | None, text: str,
            count: Callable[[str], int]) -> CountedParagraph:
    """``text``'s words, counting again only the words around what changed since ``previous``
    (counted by the same ``count``, which must count each run between spaces on its own)."""
    if previous is None or not previous.text or not text:
        return CountedParagraph(text, count(text) if text else 0)
    old = previous.text
    if old == text:
        return previous
    same_start, same_end = changed_region(old, text)
    left = _last_before(SPACE, text, same_start, end=False)
    found = SPACE.search(text, len(text) - same_end)
    right = found.start() if found else len(text)
    if left == 0 and right == len(text):
        return CountedParagraph(text, count(text))
    moved = len(text) - len(old)
    before = old[left:right - moved]
    words = previous.words - (count(before) if before else 0) + \
        (count(text[left:right]) if right > left else 0)
    return CountedParagraph(text, words)
