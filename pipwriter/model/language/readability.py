"""Readability: Flesch Reading Ease and Flesch–Kincaid grade, computed offline.

Everything here is our own: a rule-of-thumb syllable counter, a sentence splitter that knows
common abbreviations, and the two published formulas::

    FRE   = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
    grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

Words are the words of the ``"word"`` counting profile (a hyphenated compound is one word; its
syllables are those of its parts).  A line break always ends a sentence, so headings and bullet
points without a full stop are sentences of their own.

The figures are a guide for the authors, not a verdict: they reward short sentences and short
words, and know nothing about meaning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .wordcount import iter_words

# Plain-language targets (UK patient information; see docs/counting.md).
PLAIN_ENGLISH_FRE = (60.0, 70.0)   # Flesch Reading Ease band regarded as plain English
READING_AGE_TARGET = (9, 11)       # UK patient-information guidance: reading age 9 to 11
NHS_READING_AGE = (11, 14)         # NHS style: a reading age of 14 at the very most
US_GRADE_TARGET = (6, 8)           # the usual US equivalent, as a school grade
YOUNGEST_READING_AGE, OLDEST_READING_AGE = 5, 18   # a reading age is given within these
LONG_SENTENCE_WORDS = 25           # sentences longer than this are listed for the authors
LONGEST_SHOWN = 3

# ---------------------------------------------------------------------------- syllables

_VOWELS = "aeiouy"
_CONSONANT_BEFORE_VOWEL_Y = re.compile(r"y(?=[aeiou])")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs that are usually two syllables: media, trial, period, medium, situation, being.
_EXTRA_SYLLABLE = (
    re.compile(r"(?<![cstgxln])i[ao]"),
    re.compile(r"iu"),
    re.compile(r"(?<![cts])ien[ct]"),
    re.compile(r"(?<![qg])u[ao]"),
    re.compile(r"[aeiou]ing$"),
    re.compile(r"[^aeiouy]ism$"),
    re.compile(r"eum$"),
    re.compile(r"^co(?:o[pr]|e[rx])"),
)
_COMPARATIVE = re.compile(r"ie(?:r|st|rs)$")
_DIAERESIS = re.compile(r"(?<=\w)(?=[ëï])")  # Zoë, naïve: the marked vowel starts a syllable
# Common words the rules get wrong (many from health writing).
_EXCEPTIONS = {
    "area": 3, "areas": 3, "being": 2, "business": 2, "businesses": 3, "create": 2,
    "created": 3, "creates": 2, "creating": 3, "creation": 3, "creative": 3, "diabetes": 4,
    "diet": 2, "evening": 2, "idea": 3, "ideas": 3, "naive": 2, "poem": 2, "poems": 2,
    "quiet": 2, "recipe": 3, "science": 2, "scientific": 4, "scientist": 3, "scientists": 3,
    "society": 4, "variety": 4, "anxiety": 4, "wednesday": 2, "client": 2, "clients": 2,
    "real": 1, "really": 2, "reality": 4, "react": 2, "reaction": 3, "reactions": 3,
    "isle": 1, "aisle": 1,
}


def _is_vowel(ch: str) -> bool:
    return ch in _VOWELS


def _syllables_of_part(part: str) -> int:
    """Syllables of one run of lower-case ASCII letters (no hyphens)."""
    if part in _EXCEPTIONS:
        return _EXCEPTIONS[part]
    spelled = _CONSONANT_BEFORE_VOWEL_Y.sub("j", part)  # "y" before a vowel is a consonant
    if spelled.startswith("y"):
        spelled = "j" + spelled[1:]
    count = len(_VOWEL_GROUP.findall(spelled))
    if count > 1:
        count -= _silent_ending(spelled)
    if count >= 2 and _COMPARATIVE.search(spelled):
        count += 1  # happier, earliest
    count += sum(1 for rule in _EXTRA_SYLLABLE if rule.search(spelled))
    return max(1, count)


def _syllabic_le(word: str, end: int) -> bool:
    """True when ``word[:end]`` ends in "l" after a consonant other than "l" (table, settled)."""
    return end >= 2 and word[end - 1] == "l" and word[end - 2] not in _VOWELS + "l"


def _silent_ending(word: str) -> int:
    """1 when the final vowel group is not sounded: make, notes, walked (not table, wanted)."""
    if word.endswith("e") and len(word) > 2:
        before = word[-2]
        if word.endswith(("que", "gue")):
            return 1
        if not _is_vowel(before) and not _syllabic_le(word, len(word) - 1):
            return 1
        return 0
    if word.endswith("es") and len(word) > 3:
        before = word[-3]
        if _is_vowel(before) or before in "sxzcg" or word.endswith(("ches", "shes")):
            return 0
        return 0 if _syllabic_le(word, len(word) - 2) else 1
    if word.endswith("ed") and len(word) > 3:
        before = word[-3]
        if _is_vowel(before) or before in "td":
            return 0
        return 0 if _syllabic_le(word, len(word) - 2) else 1
    return 0


def _without_trailing_marks(piece: str) -> str:
    """``piece`` without the punctuation at its end ("café!" -> "café"); linear in its length."""
    end = len(piece)
    while end and not (piece[end - 1].isalnum() or piece[end - 1] == "_"):
        end -= 1
    return piece[:end]


@lru_cache(maxsize=16384)
def count_syllables(word: str) -> int:
    """Estimated syllables in one word (always at least 1).

    Vowel groups are counted, then adjusted: a silent final "e" (make), "-es" and "-ed" that add
    no syllable (notes, walked), syllabic "-le" (table), vowel pairs read as two (media,
    situation, being), a diaeresis (Zoë), a sounded final "é" (café) and a short list of
    exceptions.  Hyphenated words are the sum of their parts; a capitalised abbreviation
    without vowels is spelt out (NHS = 3).  A token with no letters (a number) counts as 1.
    """
    total = 0
    for piece in _DIAERESIS.sub("-", word).split("-"):
        letters = "".join(ch for ch in unicodedata.normalize("NFKD", piece)
                          if ch.isascii() and ch.isalpha())
        if not letters:
            continue
        if letters.isupper() and len(letters) > 1 and not any(map(_is_vowel, letters.lower())):
            total += len(letters)  # NHS, GP, BMJ are read letter by letter
            continue
        letters = letters.lower()
        total += _syllables_of_part(letters)
        if _without_trailing_marks(piece).lower().endswith("é") and _silent_ending(letters):
            total += 1  # café, résumé: the accent sounds the final e
    return max(1, total)


# ---------------------------------------------------------------------------- sentences

# Abbreviations after which a full stop does not end a sentence (compared in lower case).
_ABBREVIATIONS = frozenset({
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "rev", "sr", "jr", "hon", "sgt", "capt",
    "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "approx", "incl", "fig", "figs", "p", "pp",
    "vol", "eds", "al", "ref", "refs", "tel", "dept", "ca",
})
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# Possessive quantifiers and the look-behind (a run of marks is only tried from its start) keep
# this linear: a line of 60,000 full stops is read once, not 60,000 times.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]»]*+(?=\s)")
_SPACES_AND_OPENERS = re.compile(r"\s*+[\"'“‘(\[«]*+")


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the text after ``pos`` (spaces skipped) looks like the start of a sentence."""
    opening = _SPACES_AND_OPENERS.match(text, pos)  # never copies the rest of the text
    first = opening.end() if opening else pos       # (the pattern matches the empty text too)
    return first < len(text) and (text[first].isupper() or text[first].isdigit())


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial (Dr., e.g., J.)."""
    start = dot
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    token = line[start:dot].lstrip(_OPENERS)
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial: J. K. Rowling
    return token.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; blank or wordless pieces are dropped.

    A sentence ends at ".", "!", "?" or "…" (or runs of them, "?!", "...") followed by a space
    and a capital letter or digit, and always at a line break.  Decimals (3.5), abbreviations
    (Dr., Mr., e.g., p.) and initials do not end a sentence; closing quotes and brackets stay
    with the sentence they close.
    """
    return [sentence for line in text.splitlines() for sentence in _line_sentences(line)]


def _line_sentences(line: str) -> list[str]:
    """The sentences of one line (a sentence never runs across a line break)."""
    sentences: list[str] = []
    start = 0
    for end_mark in _SENTENCE_END.finditer(line):
        marks = end_mark.group().rstrip(_CLOSERS)
        if not _starts_sentence(line, end_mark.end()):
            continue
        if marks == "." and _is_abbreviation(line, end_mark.start()):
            continue
        sentences.append(line[start:end_mark.end()].strip())
        start = end_mark.end()
    sentences.append(line[start:].strip())
    return [s for s in sentences if s and next(iter_words(s), None) is not None]


@lru_cache(maxsize=8192)
def _line_figures(line: str) -> tuple[tuple[str, int, int], ...]:
    """(sentence, words, syllables) of each sentence of a line, remembered: the reading ease is
    worked out again when typing pauses, and by then only the paragraph typed in has changed."""
    figures = []
    for sentence in _line_sentences(line):
        spans = list(iter_words(sentence))
        figures.append((sentence, len(spans),
                        sum(count_syllables(sentence[start:end]) for start, end in spans)))
    return tuple(figures)


# ---------------------------------------------------------------------------- scores

@dataclass(frozen=True)
class Readability:
    """Figures for a text.  The two scores are None when there are no words."""

    words: int
    sentences: int
    syllables: int
    flesch_reading_ease: float | None
    fk_grade: float | None
    longest_sentences: tuple[tuple[str, int], ...] = ()  # (sentence, words), over 25 words

    @property
    def reading_ease(self) -> float | None:
        """The reading ease as people know its scale, from 0 (very hard) to 100 (very easy):
        the formula's value, which very short or very long words and sentences take below 0
        or past 100, held within it. What the app, the checklist and the checks show."""
        fre = self.flesch_reading_ease
        return None if fre is None else min(100.0, max(0.0, fre))

    @property
    def reading_age(self) -> float | None:
        """UK reading age in years, from the US grade (grade + 5)."""
        return None if self.fk_grade is None else round(self.fk_grade + 5, 1)

    @property
    def reading_age_text(self) -> str | None:
        """The reading age as words: "12", or "over 18" and "5 or under" where the formula
        runs past what a reading age means (very long words made it 50)."""
        age = self.reading_age
        if age is None:
            return None
        if age > OLDEST_READING_AGE:
            return f"over {OLDEST_READING_AGE}"
        return f"{YOUNGEST_READING_AGE} or under" if age <= YOUNGEST_READING_AGE else f"{age:.0f}"

    @property
    def is_plain_english(self) -> bool:
        """Whether the reading ease reaches the plain-English band (60 or more)."""
        return self.flesch_reading_ease is not None and \
            self.flesch_reading_ease >= PLAIN_ENGLISH_FRE[0]

    def to_json(self) -> dict:
        return {"words": self.words, "sentences": self.sentences, "syllables": self.syllables,
                "flesch_reading_ease": self.flesch_reading_ease,
                "reading_ease": self.reading_ease, "fk_grade": self.fk_grade,
                "reading_age": self.reading_age,
                "longest_sentences": [{"sentence": s, "words": n}
                                      for s, n in self.longest_sentences]}


def _scores(words: int, sentences: int, syllables: int) -> tuple[float | None, float | None]:
    if words == 0 or sentences == 0:
        return None, None
    per_sentence, per_word = words / sentences, syllables / words
    fre = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return round(fre, 1), round(grade, 1)


def _longest(candidates: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    long_ones = [pair for pair in candidates if pair[1] > LONG_SENTENCE_WORDS]
    long_ones.sort(key=lambda pair: -pair[1])  # stable: ties keep their order in the text
    return tuple(long_ones[:LONGEST_SHOWN])


def analyse(text: str) -> Readability:
    """Readability figures for ``text`` (several paragraphs may be joined by line breaks)."""
    words = syllables = 0
    per_sentence: list[tuple[str, int]] = []
    for line in text.splitlines():
        for sentence, sentence_words, sentence_syllables in _line_figures(line):
            words += sentence_words
            syllables += sentence_syllables
            per_sentence.append((sentence, sentence_words))
    fre, grade = _scores(words, len(per_sentence), syllables)
    return Readability(words, len(per_sentence), syllables, fre, grade, _longest(per_sentence))


def combine(parts: Iterable[Readability]) -> Readability:
    """Figures for several texts together (e.g. sections analysed separately and cached)."""
    parts = list(parts)
    words = sum(p.words for p in parts)
    sentences = sum(p.sentences for p in parts)
    syllables = sum(p.syllables for p in parts)
    fre, grade = _scores(words, sentences, syllables)
    longest = _longest(pair for p in parts for pair in p.longest_sentences)
    return Readability(words, sentences, syllables, fre, grade, longest)


def band(fre: float) -> str:
    """The name of a Flesch Reading Ease score's band ("Fairly difficult"), as
    :func:`describe` begins: the checklist's tips name it the same way."""
    return describe(fre).split(" — ", 1)[0]


def describe(fre: float | None) -> str:
    """One plain line saying what a Flesch Reading Ease score means for readers."""
    if fre is None:
        return "Not enough text to judge yet"
    if fre >= 90:
        return "Very easy — like a children's book"
    if fre >= 80:
        return "Easy — most readers will follow it at once"
    if fre >= 70:
        return "Fairly easy — comfortable for most readers"
    if fre >= 60:
        return "Plain English — easy for most readers"
    if fre >= 50:
        return "Fairly difficult — try shorter sentences and everyday words"
    if fre >= 30:
        return "Difficult — many readers will struggle"
    return "Very difficult — suited to specialists only"
