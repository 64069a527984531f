"""Word counting with two documented profiles (pure Python; runs on every keystroke).

``"word"`` (the default) follows what Microsoft Word shows, which is what the series editors
see when they open the submission:

* a word is a run of characters between spaces; every Unicode space is a space (ordinary, tab,
  line break, non-breaking U+00A0, thin, narrow no-break, ideographic ...);
* nothing inside a run splits it: "state-of-the-art", "co-production", "and/or", "e.g.",
  "1,250", "45%", "3.5mg", URLs, e-mail addresses, @handles and #hashtags are one word each;
* en and em dashes typed *without* spaces do not split either: Word looks only for spaces, so
  "party—then" and "2019–2021" are one word each ("party — then" is two);
* a run made only of punctuation or invisible formatting characters is not a word: a lone
  "-", "–", "—", "…", "...", quotation marks, "&" or a bullet "•" count 0.  A run holding a
  letter, digit or symbol (emoji, "+", "£", "©") counts 1;
* each Chinese character and each kana counts as a word, as in Word.

``"libreoffice"`` reproduces LibreOffice Writer 7.4 (Tools ▸ Word Count, and the
``meta:word-count`` it writes into ODF files).  It was tuned against the installed ``soffice``
on a corpus of awkward sentences (``tests/test_wordcount_libreoffice.py``):

* spaces as above, and the en dash "–" and em dash "—" act as spaces too (LibreOffice's
  default "additional separators"): "party—then" = 2, "2019–2021" = 2, a lone "–" = 0;
* the ASCII hyphen "-" joins letters ("state-of-the-art" = 1) and on its own is a word
  ("a - b" = 3); a doubled hyphen ends a word ("a--b" = 2, "--a" = 2);
* any other punctuation or symbol belongs to the word it touches and on its own is a word:
  "…" = 1, "“ ”" = 2, "&" = 1, "•" = 1, "😀" = 1;
* superscript and subscript digits, fractions and circled numbers stand alone even inside a
  word: "m²" = 2, "CO₂" = 2, "1½" = 2; so does each Thai or Lao letter;
* each Chinese, Japanese or Korean character is a word ("abc日本" = 3);
* invisible formatting characters (soft hyphen, left-to-right mark ...) join the letters either
  side but are a word of their own at the edge of a word;
* a zero-width space straight after a non-space character makes LibreOffice stop counting the
  rest of that paragraph ("ab\\u200b c d" = 1).  That is a LibreOffice quirk, reproduced so that
  the profile agrees with what a LibreOffice user sees.

Known gaps of the LibreOffice profile (none seen in ordinary writing): a combining mark that
*starts* a word, and characters outside the Basic Multilingual Plane other than emoji and CJK
(historic scripts, mathematical digits), which are taken as letters.

Paragraphs are separated by "\\n".  The Word profile looks each character up in
:mod:`unicodedata` the first time it meets it, so the first count at start-up costs nothing
extra.  The Chinese-character rules and the LibreOffice profile's tables are regular
expressions built from :mod:`unicodedata` on first use (a few hundredths of a second each);
:func:`warm_up` pays that in advance instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

PROFILES = ("word", "libreoffice")
DEFAULT_PROFILE = "word"

_ZWSP = "\u200b"
_CITATION = "\ufffc"        # a citation in a paragraph's text, as in the editor
_ZWNJ = "\u200c"
_LO_DASH_SEPARATORS = "\u2013\u2014"  # en dash, em dash: LibreOffice's "additional separators"
# Blocks LibreOffice treats as Asian script: every code point there is a word of its own.
_ASIAN_RANGES = (
    (0x1100, 0x11FF), (0x2E80, 0x2FFF), (0x3001, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF), (0x20000, 0x3FFFF),
)
# Hiragana and Katakana are outside ICU's "letter" class in LibreOffice's counting rules.
_HIRAGANA = ((0x3041, 0x3096), (0x309D, 0x309F))
_KATAKANA = ((0x30A1, 0x30FA), (0x30FC, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))
# Word counts each Chinese character and each kana as a word.
_WORD_CJK = ((0x3041, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
             (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x20000, 0x3FFFF))
_THAI_LAO = ((0x0E00, 0x0EFF),)  # letters and digits of these scripts each stand alone
_TAGS = ((0xE0020, 0xE007F),)  # emoji tag characters (flags of Scotland, Wales) extend a word
_VARIATION_SUPPLEMENT = ((0xE0100, 0xE01EF),)
_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))
# Character categories are read for the Basic Multilingual Plane only (beyond it the few
# ranges above are listed by hand): regex classes stay bitmaps, which keeps matching fast.
# Blocks holding only letters, surrogates or private use are skipped by the scan.
_UNIFORM_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xD800, 0xF8FF))

# LibreOffice: a zero-width space right after a non-space ends counting for the paragraph.
_ZWSP_STOP = re.compile(rf"[^\s{_LO_DASH_SEPARATORS}{_ZWSP}]{_ZWSP}")
_PARAGRAPH_END = re.compile(r"[\n\r]")
_DOUBLE_HYPHEN_BREAK = re.compile(rf"--+(?=[^\s{_LO_DASH_SEPARATORS}-])")


def _range(first: int, last: int) -> str:
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def _ranges(pairs) -> str:
    return "".join(_range(low, high) for low, high in pairs)


def _char_class(codepoints) -> str:
    """The inside of a regex character class matching exactly ``codepoints``."""
    parts = []
    for _, run in groupby(enumerate(sorted(codepoints)), key=lambda pair: pair[1] - pair[0]):
        values = [cp for _, cp in run]
        parts.append(_range(values[0], values[-1]))
    return "".join(parts)


@lru_cache(maxsize=1)
def _categories() -> dict[str, list[int]]:
    """Code points of the BMP (bar _UNIFORM_BLOCKS) grouped by general category."""
    by_cat: dict[str, list[int]] = {}
    start = 0
    for low, high in (*_UNIFORM_BLOCKS, (0x10000, 0x10000)):
        for cp, cat in enumerate(map(unicodedata.category, map(chr, range(start, low))), start):
            by_cat.setdefault(cat, []).append(cp)
        start = high + 1
    return by_cat


def _cats(*names: str) -> set[int]:
    cats = _categories()
    return {cp for name in names for cp in cats.get(name, ())}


@lru_cache(maxsize=1)
def _space_set() -> frozenset[int]:
    return frozenset(cp for cp in range(0x3001) if chr(cp).isspace())


def _spaces() -> set[int]:
    """Every character regex ``\\s`` and str.split() treat as a space (all below U+3001)."""
    return set(_space_set())


# ----------------------------------------------------------------------------- Word profile

_SILENT_CATEGORIES = frozenset(("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cc", "Cf"))
# UTF-8 bytes below the lead byte of U+3000: a text whose encoding holds nothing else has no
# character at or above U+3000, so no Chinese character or kana (the first is U+3041).
_BELOW_U3000_UTF8 = bytes(range(0xE3))


def _is_silent(char: str) -> bool:
    """Whether ``char`` never makes a word on its own: a space, punctuation or an invisible
    formatting character of the Basic Multilingual Plane (as :func:`_categories` reads it), the
    zero-width space, or an emoji tag character."""
    cp = ord(char)
    if cp >= 0x10000:
        return any(low <= cp <= high for low, high in _TAGS)
    if cp == ord(_ZWSP) or (cp < 0x3001 and char.isspace()):
        return True
    if any(low <= cp <= high for low, high in _UNIFORM_BLOCKS):
        return False
    return unicodedata.category(char) in _SILENT_CATEGORIES


@lru_cache(maxsize=1)
def _silent_table() -> dict[str, bool]:
    """:func:`_is_silent` of each character met so far (see :func:`_count_word_profile`).

    Building the whole set up front cost a scan of the Basic Multilingual Plane, tens of
    milliseconds at start-up; an article meets a few dozen characters."""
    return {}


def _learn(table: dict[str, bool], text: str) -> None:
    table.update((char, _is_silent(char)) for char in set(text) if char not in table)


# A run between spaces (\s is exactly str.isspace()); group 1 holds its first character unless
# that is a letter or digit, which is countable for certain (the common case, left to the C code).
_RUN = re.compile(r"(?:[^\W_]|(\S))\S*")


@dataclass(frozen=True)
class _CjkRules:
    """The Word profile's compiled patterns for Chinese characters and kana (:func:`_cjk_rules`)."""
    cjk: re.Pattern[str]        # one Chinese character or kana
    cjk_split: re.Pattern[str]  # one Chinese character or kana, or a run of anything else


@lru_cache(maxsize=1)
def _cjk_rules() -> _CjkRules:
    """Compiled only once a text holds a character at or above U+3000 (each class spans tens of
    thousands of code points, which the regular-expression compiler walks one by one)."""
    cjk = _ranges(_WORD_CJK)
    return _CjkRules(re.compile(f"[{cjk}]"), re.compile(f"[{cjk}]|[^{cjk}]+"))


def _has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character or kana (encoding is quicker than ``max``)."""
    if text.isascii():
        return False
    if _CITATION in text:           # a citation (U+FFFC) is never one
        text = text.replace(_CITATION, " ")
    if not text.encode("utf-8", "surrogatepass").translate(None, _BELOW_U3000_UTF8):
        return False
    return _cjk_rules().cjk.search(text) is not None


def _runs(text: str, silent: dict[str, bool]) -> list[tuple[int, int]]:
    """The spans of the runs between spaces that hold a countable character (KeyError for a
    character ``silent`` has not met)."""
    return [match.span() for match in _RUN.finditer(text)
            if not (match.lastindex and silent[match.group(1)]
                    and all(silent[c] for c in match.group()))]


def _word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Each run between spaces that holds a countable character (one not silent); within a
    run holding Chinese characters or kana, each of those and each countable stretch between."""
    silent = _silent_table()
    try:
        runs = _runs(text, silent)
    except KeyError:        # a character not met before: learn the text's
        _learn(silent, text)
        runs = _runs(text, silent)
    if not _has_cjk(text):
        yield from runs
        return
    rules = _cjk_rules()
    _learn(silent, text)
    for first, last in runs:
        if rules.cjk.search(text, first, last):
            # Each Chinese character or kana is a word; so is each countable run between them.
            for part in rules.cjk_split.finditer(text, first, last):
                if not all(silent[c] for c in part.group()):
                    yield part.span()
        else:
            yield first, last


def _count_word_profile(text: str) -> int:
    if _has_cjk(text):
        return sum(1 for _ in _word_spans(text))
    silent = _silent_table()
    tokens = text.split()
    # Only a run starting with punctuation can lack a countable character: check just those.
    try:
        return len(tokens) - sum(1 for token in tokens
                                 if silent[token[0]] and all(silent[c] for c in token))
    except KeyError:        # a character not met before: learn the text's, then count
        _learn(silent, text)
        return _count_word_profile(text)


# ---------------------------------------------------------------------- LibreOffice profile

@dataclass(frozen=True)
class _LibreOfficeRules:
    """The LibreOffice profile's compiled patterns (see :func:`_libreoffice_rules`)."""
    words: re.Pattern[str]    # LibreOffice's ICU segments (before Asian characters are split)
    special: re.Pattern[str]  # a character that needs the full rules (see _count_libreoffice)
    asian: re.Pattern[str]    # one Asian character
    split: re.Pattern[str]    # one Asian character, or a run of anything else


@lru_cache(maxsize=1)
def _libreoffice_rules() -> _LibreOfficeRules:
    spaces = _spaces() | {ord(ch) for ch in _LO_DASH_SEPARATORS}
    marks = _char_class(_cats("Mn", "Me")) + _ranges(_VARIATION_SUPPLEMENT)
    # The zero-width non-joiner and emoji tags are format characters that also combine: they
    # attach to the character before them, yet on their own each is a word.
    dual = re.escape(_ZWNJ) + _ranges(_TAGS)
    extend = marks + dual
    hiragana, katakana = _ranges(_HIRAGANA), _ranges(_KATAKANA)
    thai_lao = {cp for low, high in _THAI_LAO for cp in range(low, high + 1)} - _cats("Mn")
    other = _char_class(_cats("No") | thai_lao) + _ranges(_PRIVATE_USE)
    fmt = _char_class(_cats("Cf", "Cc") - spaces - {ord(_ZWSP), ord(_ZWNJ)})
    blank = _char_class(spaces | {ord("-"), ord(_ZWSP)})
    asian = _ranges(_ASIAN_RANGES)
    # Spaces that are not control characters carry combining marks in ICU's rules.
    base_blank = _char_class(_cats("Zs") | {ord(ch) for ch in _LO_DASH_SEPARATORS + _ZWSP})

    letter = f"[^{blank}{hiragana}{katakana}{other}{fmt}{extend}]"
    letter_ext = f"[^{blank}{hiragana}{katakana}{other}{fmt}]"  # a letter or a combining mark
    ext, fmt_ext = f"[{extend}]", f"[{fmt}{extend}]"
    run = f"{letter}{letter_ext}*"  # letters with their marks
    seq = f"{run}(?:[{fmt}]{fmt_ext}*{run})*"  # ICU's LetterSequence: runs joined by formats
    words = "|".join((
        # a word starting with a letter: hyphenated (state-of-the-art, a-b--), ending in
        # hyphens (a--), or letters joined by invisible format characters (co\xadoperate)
        f"{run}(?:(?:-{seq})+-*|-+|(?:[{fmt}]{fmt_ext}*{run})*)",
        # a word starting with a hyphen: -a-, a hyphen with a combining mark, hyphens alone
        f"-(?:{seq}(?:-{seq})*-*|{ext}+|-*)",
        f"[{katakana}](?:[{katakana}{extend}]|[{fmt}]{fmt_ext}*[{katakana}])*",
        f"[{hiragana}]{ext}*",
        f"[{other}{marks}]{ext}*",       # ², ½, a Thai letter, a stray combining mark
        f"(?<=[{base_blank}]){ext}+",    # combining characters carried by a (skipped) space
        f"[{fmt}{dual}]",                # a format character not between letters
    ))
    special_set = _cats("No", "Mn", "Me", "Cf") | (_cats("Cc") - spaces)
    special = (f"[{_char_class(special_set)}{_ranges(_THAI_LAO)}{asian}"
               f"{_ranges(_PRIVATE_USE + _TAGS)}{re.escape(_ZWSP)}]")
    return _LibreOfficeRules(re.compile(words), re.compile(special), re.compile(f"[{asian}]"),
                             re.compile(f"[{asian}]|[^{asian}]+"))


def _libreoffice_stretches(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` LibreOffice counts: all of it unless a zero-width space stops it."""
    if _ZWSP not in text:
        return [(0, len(text))]
    stretches, start = [], 0
    while True:
        stop = _ZWSP_STOP.search(text, start)
        if stop is None:
            stretches.append((start, len(text)))
            return stretches
        stretches.append((start, stop.start() + 1))
        paragraph_end = _PARAGRAPH_END.search(text, stop.end())
        if paragraph_end is None:
            return stretches
        start = paragraph_end.end()


def _libreoffice_spans(text: str) -> Iterator[tuple[int, int]]:
    rules = _libreoffice_rules()
    has_asian = rules.asian.search(text) is not None
    for start, end in _libreoffice_stretches(text):
        for match in rules.words.finditer(text, start, end):
            first, last = match.span()
            if has_asian and rules.asian.search(text, first, last):
                # LibreOffice makes each Asian character a word and keeps the runs between.
                for part in rules.split.finditer(text, first, last):
                    yield part.span()
            else:
                yield first, last


def _count_libreoffice_plain(text: str) -> int:
    """Count text holding no character of ``_LibreOfficeRules.special``, without the full rules.

    Every run between spaces and en/em dashes is one word, except that two or more hyphens
    followed by more text end a word ("a--b" = 2, "--a" = 2).
    """
    runs = text.replace("\u2013", " ").replace("\u2014", " ").split()
    return len(runs) + len(_DOUBLE_HYPHEN_BREAK.findall(text))


def _count_libreoffice(text: str) -> int:
    special = _libreoffice_rules().special
    total, done = 0, 0
    # Paragraphs with an unusual character get the full rules; the rest the quick count.
    while (found := special.search(text, done)) is not None:
        start = max(done, text.rfind("\n", done, found.start()) + 1)
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        total += _count_libreoffice_plain(text[done:start])
        total += sum(1 for _ in _libreoffice_spans(text[start:end]))
        done = end
    return total + _count_libreoffice_plain(text[done:])


# -------------------------------------------------------------------------------- public API

def _check(profile: str) -> None:
    if profile not in PROFILES:
        raise ValueError(f"unknown word-count profile {profile!r}; use one of {PROFILES}")


def iter_words(text: str, profile: str = DEFAULT_PROFILE) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) span of each counted word of ``text``, in order."""
    _check(profile)
    if profile == "word":
        yield from _word_spans(text)
    else:
        yield from _libreoffice_spans(text)


_CITATION_BEFORE_PUNCTUATION = re.compile("[ \u00a0]*\ufffc+(?=[.,;:!?)\\]])")


def countable(text: str) -> str:
    """A paragraph's text (citations as U+FFFC) as it is counted: citations are not words, so
    they are taken out, and so is the space before one that punctuation follows ("helped [1]."
    is counted as "helped.", not "helped ." whose full stop LibreOffice would count)."""
    if _CITATION not in text:
        return text
    return _CITATION_BEFORE_PUNCTUATION.sub("", text).replace(_CITATION, " ")


def count_words(text: str, profile: str = DEFAULT_PROFILE) -> int:
    """Number of words in ``text`` as the chosen profile counts them."""
    _check(profile)
    if not text:
        return 0
    if profile == "word":
        return _count_word_profile(text)
    return _count_libreoffice(text)


def warm_up() -> None:
    """Build the character tables now rather than on the first keystroke."""
    _cjk_rules()
    _libreoffice_rules()
