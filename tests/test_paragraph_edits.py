"""Re-checking and recounting a long paragraph around an edit only (issue 23) must give exactly
what checking and counting the whole paragraph gives: thousands of random edits (typing,
deleting, pasting, replacing) on prose with links, addresses, DOIs after "doi:", hashtags,
emoji, hyphens, apostrophes, odd spaces and colons, each result built on the one before."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipwriter.model.language.paragraph_edits import (
    changed_region,
    check_whole,
    recheck,
    recount,
)
from pipwriter.model.language.spelling import SpellEngine
from pipwriter.model.language.utf16 import utf16_length, utf16_spans
from pipwriter.model.language.wordcount import count_words

CORPUS = Path(__file__).resolve().parent / "data" / "british_health_prose.txt"
ODD = ["recieve", "teh", "pateint", "doi:", "doi: 10.1136/bmj.n123", "10.1000/xyz", ":", "::",
       "https://www.nhs.uk/a b", "www.example.org/x?y=z.", "jo.bloggs@nhs.net", "@PiPWriter",
       "#PatientVoice", "notes.docx", "nhs.uk", "co-desgin", "re-use", "patients'", "it’s",
       "😀", "😀recieve", "café", "naïve", "A.", "e.g.", "—", "-", "'", "\u00a0", "\t",
       "\u2028", "  ", "doi:\u00a0 10.1/x", "word:", "x:y", "a:\u00a0b", "病院", "かな病院 care",
       "…", "(", "—and"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return SpellEngine("en_GB", tmp_path_factory.mktemp("words") / "words.txt")


def _vocabulary() -> list[str]:
    words = [w for line in CORPUS.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for w in line.split()]
    return words[:3000]


def _text(rnd: random.Random, vocabulary: list[str], size: int) -> str:
    parts = [rnd.choice(ODD) if rnd.random() < 0.25 else rnd.choice(vocabulary)
             for _ in range(size)]
    return "".join(part + rnd.choice([" ", " ", " ", "", "  ", ": ", "\u00a0"])
                   for part in parts)


def _edited(rnd: random.Random, text: str, vocabulary: list[str]) -> str:
    at = rnd.randint(0, len(text))
    kind = rnd.random()
    if kind < 0.4:       # a character typed
        return text[:at] + rnd.choice("abcdefgrsty :.-'/@#😀\u00a0") + text[at:]
    if kind < 0.6:       # Backspace, or a selection deleted
        return text[:max(0, at - rnd.choice([1, 1, 2, 9, 40]))] + text[at:]
    if kind < 0.8:       # words pasted
        return text[:at] + _text(rnd, vocabulary, rnd.randint(1, 4)) + text[at:]
    end = min(len(text), at + rnd.randint(1, 30))   # a selection typed over
    return text[:at] + _text(rnd, vocabulary, rnd.randint(0, 2)) + text[end:]


def test_changed_region_is_the_longest_common_start_and_end():
    rnd = random.Random(5)
    for _ in range(2000):
        old = "".join(rnd.choice("ab ") for _ in range(rnd.randint(0, 12)))
        new = "".join(rnd.choice("ab ") for _ in range(rnd.randint(0, 12)))
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end = 0
        while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
            end += 1
        assert changed_region(old, new) == (start, end), (old, new)


def test_rechecking_around_edits_finds_what_checking_the_whole_paragraph_finds(engine):
    vocabulary = _vocabulary()
    rnd = random.Random(23)
    edits = 0
    for round_ in range(12):
        text = _text(rnd, vocabulary, rnd.choice([3, 40, 400]))
        checked = check_whole(text, engine.misspelt_spans)
        for _ in range(250):
            previous = checked
            if rnd.random() < 0.03:      # results of another paragraph: still right
                previous = check_whole(_text(rnd, vocabulary, 30), engine.misspelt_spans)
            text = _edited(rnd, text, vocabulary)
            checked, first, last = recheck(previous, text, engine.misspelt_spans)
            whole = engine._check(text)
            assert checked.spans == whole, (round_, text)
            assert checked.utf16 == tuple(utf16_spans(text, whole)), (round_, text)
            assert checked.spans[:first] == previous.spans[:first]
            kept = len(checked.spans) - last
            assert kept <= len(previous.spans) - first
            edits += 1
    assert edits == 3000


def test_a_typed_word_is_checked_without_checking_the_rest(engine):
    long = "The patient walked to the clinic with her daughter. " * 2000
    seen: list[str] = []

    def check(text: str):
        seen.append(text)
        return engine.misspelt_spans(text)

    checked = check_whole(long, check)
    at = long.index(" ", 50_000) + 1
    checked, first, last = recheck(checked, long[:at] + "recieve " + long[at:], check)
    assert max(len(text) for text in seen[1:]) < 200
    assert [word for _a, _b, word in checked.spans] == ["recieve"] and (first, last) == (0, 1)
    start = checked.spans[0][0]
    assert checked.text[start:start + 7] == "recieve"


def test_utf16_positions_after_emoji_far_before_the_edit(engine):
    text = "😀 recieve " + "care " * 5000
    checked = check_whole(text, engine.misspelt_spans)
    checked, _first, _last = recheck(checked, text + "pateint", engine.misspelt_spans)
    assert checked.utf16 == tuple(utf16_spans(checked.text, engine._check(checked.text)))
    assert checked.utf16[-1][:2] == (utf16_length(text), utf16_length(text) + 7)


@pytest.mark.parametrize("profile", ["word"])
def test_recounting_around_edits_gives_the_whole_count(profile):
    vocabulary = _vocabulary()
    rnd = random.Random(7)
    for _round in range(12):
        text = _text(rnd, vocabulary, rnd.choice([3, 40, 400]))
        counted = recount(None, text, lambda t: count_words(t, profile))
        for _ in range(250):
            previous = counted
            if rnd.random() < 0.03:
                previous = recount(None, _text(rnd, vocabulary, 30),
                                   lambda t: count_words(t, profile))
            text = _edited(rnd, text, vocabulary)
            counted = recount(previous, text, lambda t: count_words(t, profile))
            assert counted.words == count_words(text, profile), text
