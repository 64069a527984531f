"""Word counting: the "word" (Microsoft Word) and "libreoffice" profiles.

The libreoffice figures below were produced by LibreOffice 7.4.7 (meta:word-count of the
converted document); tests/test_wordcount_libreoffice.py re-checks a larger corpus live.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipwriter.model.language.wordcount import PROFILES, count_words, iter_words

# (text, word profile, libreoffice profile)
EXAMPLES = [
    ("state-of-the-art", 1, 1),
    ("co-production", 1, 1),
    ("party—then", 1, 2),
    ("party — then", 2, 2),
    ("2019–2021", 1, 2),
    ("2019-2021", 1, 1),
    ("a - b", 2, 3),
    ("a – b", 2, 2),
    ("a — b", 2, 2),
    ("a--b", 1, 2),
    ("--a", 1, 2),
    ("-", 0, 1),
    ("–", 0, 0),
    ("—", 0, 0),
    ("…", 0, 1),
    ("...", 0, 1),
    ("Hello… world", 2, 2),
    ("don’t", 1, 1),
    ("don't", 1, 1),
    ("rock ’n’ roll", 3, 3),
    ("“ ”", 0, 2),
    ("“quoted”", 1, 1),
    ("e.g.", 1, 1),
    ("(e.g. walking, swimming)", 3, 3),
    ("1,250", 1, 1),
    ("45%", 1, 1),
    ("45 %", 1, 2),
    ("3.5mg", 1, 1),
    ("2019/20", 1, 1),
    ("and/or", 1, 1),
    ("a / b", 2, 3),
    ("£5", 1, 1),
    ("£ 5", 2, 2),
    ("https://www.bmj.com/content/384/bmj-2023-077321", 1, 1),
    ("doi:10.1136/bmj.q123", 1, 1),
    ("jo@example.org", 1, 1),
    ("@NHSEngland", 1, 1),
    ("#PatientsIncluded", 1, 1),
    ("😀", 1, 1),
    ("I 😀 it", 3, 3),
    ("m²", 1, 2),
    ("CO₂", 1, 2),
    ("1½ hours", 2, 3),
    ("• bullet point", 2, 3),
    ("&", 0, 1),
    ("a & b", 2, 3),
    ("3 × 4 = 12", 5, 5),
    ("Zoë Ó Súilleabháin", 3, 3),
    ("שלום עולם", 2, 2),
    ("مرحبا بالعالم", 2, 2),
    ("日本語", 3, 3),
    ("a\u00a0b", 2, 2),
    ("10\u00a0mg", 2, 2),
    ("a\u2009b", 2, 2),
    ("co\u00adoperate", 1, 1),
    ("ab\u200b c d", 3, 1),
    ("a\tb", 2, 2),
    ("We asked 1,250 patients (45%) – about a third – whether the 3.5mg dose helped.", 13, 13),
    ("The nurse-led clinic ran Mon–Fri, 9am–5pm; see Table 1.", 9, 11),
    ("“It felt like a light-bulb moment,” said Pat, a carer… “finally, someone listened.”",
     13, 13),
]


@pytest.mark.parametrize(("text", "word", "libreoffice"), EXAMPLES)
def test_examples_in_both_profiles(text, word, libreoffice):
    assert count_words(text) == word
    assert count_words(text, "word") == word
    assert count_words(text, "libreoffice") == libreoffice


def test_profiles_are_listed_and_word_is_the_default():
    assert PROFILES == ("word", "libreoffice")
    assert count_words("party—then") == count_words("party—then", "word") == 1


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u00a0\t\u2009"])
def test_empty_and_blank_text_has_no_words(text, profile):
    assert count_words(text, profile) == 0
    assert list(iter_words(text, profile)) == []


def test_unknown_profile_is_refused():
    with pytest.raises(ValueError, match="libreoffice"):
        count_words("text", "pages")
    with pytest.raises(ValueError):
        list(iter_words("text", "Word"))


def _words(text: str, profile: str) -> list[str]:
    return [text[start:end] for start, end in iter_words(text, profile)]


def test_spans_show_which_words_are_counted():
    text = "A co-produced clinic — open Mon–Fri - see https://x.org/a-b."
    assert _words(text, "word") == ["A", "co-produced", "clinic", "open", "Mon–Fri", "see",
                                    "https://x.org/a-b."]
    assert _words(text, "libreoffice") == ["A", "co-produced", "clinic", "open", "Mon", "Fri",
                                           "-", "see", "https://x.org/a-b."]


def test_libreoffice_splits_at_doubled_hyphens_and_stray_symbols():
    assert _words("a--b x-y-- --z", "libreoffice") == ["a--", "b", "x-y--", "--", "z"]
    assert _words("m² 1½ H₂O", "libreoffice") == ["m", "²", "1", "½", "H", "₂", "O"]


def test_chinese_and_japanese_characters_are_words_in_both_profiles():
    assert _words("abc日本", "word") == ["abc", "日", "本"]
    assert _words("abc日本", "libreoffice") == ["abc", "日", "本"]
    assert count_words("日本語の文章です。", "word") == 8  # the full stop 。 is not a word
    assert count_words("한국어 문장", "word") == 2  # Korean is spaced like English


def test_zero_width_space_stops_libreoffice_only_for_its_paragraph():
    text = "ab\u200b cd ef\ngh ij"
    assert count_words(text, "libreoffice") == 1 + 2
    assert _words(text, "libreoffice") == ["ab", "gh", "ij"]
    assert count_words("ab \u200bcd ef", "libreoffice") == 3  # after a space it is harmless
    assert count_words(text, "word") == 5


def test_paragraphs_add_up():
    paragraphs = ["First—second - third.", "m² … 日本", "“Quoted” e.g. 1,250"]
    for profile in PROFILES:
        total = sum(count_words(p, profile) for p in paragraphs)
        assert count_words("\n".join(paragraphs), profile) == total


# Characters chosen to exercise every rule: spaces of several kinds, the dashes, punctuation,
# symbols, superscripts, CJK, Thai, combining and invisible characters, paragraph breaks.
_ALPHABET = list("ab Z9 -–—.,'’“”…/()&•²½日カก\u00a0\u2009\t\n\u00ad\u200b\u200c\u200e\u0300😀")
_texts = st.lists(st.sampled_from(_ALPHABET + ["ab", "x-y", "--", "  "]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts, st.sampled_from(PROFILES))
def test_count_agrees_with_spans(text, profile):
    spans = list(iter_words(text, profile))
    assert count_words(text, profile) == len(spans)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start:end].isspace()
        previous_end = end


def _cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u9fff"


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_word_profile_words_are_whole_space_separated_runs(text):
    for start, end in iter_words(text, "word"):
        word = text[start:end]
        assert not any(ch.isspace() for ch in word)
        # A word runs from space to space, except that CJK characters stand alone.
        assert start == 0 or text[start - 1].isspace() or _cjk(text[start - 1]) or _cjk(word[0])
        assert end == len(text) or text[end].isspace() or _cjk(text[end]) or _cjk(word[-1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "co-op", "a--b", "--", "-", "—", "–", "x—y", "1,250",
                                 "“q”", "…", " ", "  ", "\n", "\u00a0", "\t"]),
                max_size=30).map("".join))
def test_libreoffice_quick_count_matches_full_rules(text):
    # Text without unusual characters is counted without the full rules; the spans always use
    # them, so the two must agree.
    assert count_words(text, "libreoffice") == len(list(iter_words(text, "libreoffice")))


def test_a_removed_citation_leaves_no_stranded_punctuation():
    from pipwriter.model.language.wordcount import countable
    assert countable("It helped \ufffc.") == "It helped."
    assert countable("It helped \ufffc, and more") == "It helped, and more"
    assert countable("It helped \ufffc and more").split() == ["It", "helped", "and", "more"]
    assert countable("It helped\ufffc.") == "It helped."
    for profile in ("word", "libreoffice"):
        assert count_words(countable("It helped \ufffc."), profile) == 2
