"""What the spelling checker treats as a word, and the small rules about words it uses:
tokens, what is skipped (links, addresses, numbers), acronyms, inner capitals, name parts, the
one-letter edits suggestions are made from, and matching the typed word's capitals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from .utf16 import Span

ACRONYM_MAX = 6  # ALL-CAPS words up to this length are taken to be acronyms

# Parts of hyphenated words that are not words on their own (co-production, pre-eclampsia).
HYPHEN_PREFIXES = frozenset("""
    co pre non anti multi inter intra post sub semi ex mid neo pro trans bi tri uni mono poly
    micro macro mini hyper hypo peri para pseudo quasi ultra socio bio psycho neuro cardio gastro
    immuno de re un self cross counter vice extra infra supra over under well
""".split())

APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "\\-\u2010\u2011"  # escaped: used inside [...] classes
WORD_CHAR = r"[\w\u0300-\u036f]"
TOKEN = re.compile(rf"{WORD_CHAR}+(?:[{APOSTROPHES}{HYPHENS}]{WORD_CHAR}+)*")
HYPHEN_SPLIT = re.compile(f"[{HYPHENS}]")
SKIP = re.compile(r"""
      (?i:(?:https?|ftp)://|www\.)[^\s<>"]+                               # web addresses
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+                           # e-mail addresses
    | \b(?i:doi:\s*)?10\.\d{4,9}/[^\s<>"]+                                # DOIs
    | (?<![\w@])@\w+                                                      # @handles
    | (?<![\w&#])\#\w+                                                    # #hashtags
    | (?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|nhs|uk|io|int|eu|info|ac)\b
      (?:/[^\s<>"]*)?                                                      # bare domains
    | (?<![\w.-])[\w-]+\.(?i:docx?|pdf|txt|xlsx?|pptx?|csv|png|jpe?g|gif|tiff?|zip|pipw)\b  # file names
""", re.VERBOSE)
# Every pattern of SKIP needs one of these; a paragraph without any is not searched for them.
SKIP_HINT = re.compile(r"[@#/]|\.\S")
NAME_PART = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{APOSTROPHES}](?=[^\W\d_]))*")
LETTERS = "abcdefghijklmnopqrstuvwxyz'"

# Where a paragraph may be cut to be checked in pieces: at the spaces after the end of a sentence
# or after a word ending in d, g or y (about one word in five in English prose, so pieces of a few
# words, cut by what the text says: an edit changes one piece and leaves the others as they were,
# cached, even in a long sentence). No token or skipped span (links, addresses, DOIs) runs across
# such spaces (only "doi: 10..." has a space inside, after a colon), and no pattern looks past a
# space, so each piece checked on its own gives what checking the whole paragraph gives.
PIECE_END = re.compile(r"[.!?dgy]\s+")


def in_pieces(paragraph: str, check: Callable[[str], tuple[Span, ...]]) -> tuple[Span, ...]:
    """``check`` (misspelt spans of a text) run on each piece of ``paragraph`` (see PIECE_END),
    the spans moved to where the piece is in the paragraph."""
    spans: list[Span] = []
    start = 0
    for match in PIECE_END.finditer(paragraph):
        end = match.end()
        found = check(paragraph[start:end])
        if found:
            spans.extend((a + start, b + start, word) for a, b, word in found)
        start = end
    if start < len(paragraph) or not paragraph:
        spans.extend((a + start, b + start, word) for a, b, word in check(paragraph[start:]))
    return tuple(spans)


# --- rules ------------------------------------------------------------------------------------
def normalise(word: str) -> str:
    return unicodedata.normalize("NFC", word).replace("\u2019", "'").replace("\u02bc", "'")


def is_acronym(word: str) -> bool:
    """NHS, ICU, GPs, NSAIDs, NHS's: capitals, up to ACRONYM_MAX letters (plus a plural s)."""
    if word.endswith("'s") or word.endswith("'S"):
        word = word[:-2]
    elif len(word) >= 3 and word.endswith("s"):
        word = word[:-1]
    return word.isupper() and len(word) <= ACRONYM_MAX


def has_inner_capital(word: str) -> bool:
    return not word.isupper() and any(ch.isupper() for ch in word[1:])


def edits1(word: str) -> list[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return deletes + transposes + replaces + inserts


def match_case(typed: str, suggestion: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return suggestion.upper()
    if typed[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def name_words(names: Iterable[str]) -> set[str]:
    """The separate words of people's names ("Dr Asha O’Brien-Smith" -> Dr, Asha, O'Brien, Smith)."""
    return {normalise(m.group()) for name in names for m in NAME_PART.finditer(name or "")}




def plural_stem(lower: str) -> str | None:
    """The singular a lower-case word would be the regular plural of (-s, -es after s/x/z/ch/sh,
    -ies after a consonant), or None. The caller checks that the stem is itself a word, so
    "occurences" or "patinets" are still misspelt."""
    if len(lower) < 5 or not lower.endswith("s") or lower.endswith(("ss", "'s")):
        return None
    if lower.endswith("ies") and lower[-4] not in "aeiou":
        return lower[:-3] + "y"
    if lower.endswith("es") and lower[:-2].endswith(("s", "x", "z", "ch", "sh")):
        stem = lower[:-2]
        return None if stem.endswith("is") else stem   # diagnosis -> diagnoses, not -isises
    stem = lower[:-1]
    if stem.endswith(("s", "x", "z", "ch", "sh")) or (stem.endswith("y") and stem[-2] not in "aeiou"):
        return None   # would be -es or -ies
    return stem
