"""Readability: syllables, sentences, Flesch Reading Ease and Flesch–Kincaid grade.

Expected scores are worked out by hand from the published formulas:
    FRE   = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
    grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
"""

from __future__ import annotations

import pytest

from pipwriter.model.language.readability import (
    LONG_SENTENCE_WORDS,
    NHS_READING_AGE,
    PLAIN_ENGLISH_FRE,
    READING_AGE_TARGET,
    Readability,
    analyse,
    combine,
    count_syllables,
    describe,
    split_sentences,
)


@pytest.mark.parametrize(("word", "syllables"), [
    ("the", 1), ("cat", 1), ("make", 1), ("are", 1), ("whole", 1), ("table", 2), ("people", 2),
    ("little", 2), ("walked", 1), ("played", 1), ("stayed", 1), ("used", 1), ("wanted", 2),
    ("needed", 2), ("studied", 2), ("agreed", 2), ("designed", 2), ("settled", 2),
    ("called", 1), ("notes", 1), ("makes", 1), ("boxes", 2), ("changes", 2), ("services", 3),
    ("nurses", 2), ("value", 2), ("issue", 2), ("continue", 3), ("true", 1), ("unique", 2),
    ("media", 3), ("trial", 2), ("social", 2), ("period", 3), ("medium", 3), ("situation", 4),
    ("actual", 3), ("quality", 3), ("language", 2), ("various", 3), ("conscious", 2),
    ("being", 2), ("doing", 2), ("saying", 2), ("player", 2), ("yes", 1), ("happier", 3),
    ("experience", 4), ("patient", 2), ("hospital", 3), ("together", 3), ("family", 3),
    ("beautiful", 3), ("cooperate", 4), ("area", 3), ("idea", 3), ("diabetes", 4),
])
def test_syllables_of_known_words(word, syllables):
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(("word", "syllables"), [
    ("Together,", 3),           # capitals and punctuation around the word are ignored
    ("“listened.”", 2),
    ("don’t", 1),               # curly apostrophe
    ("patients’", 2),
    ("co-production", 4),       # hyphenated: the parts added up
    ("state-of-the-art", 4),
    ("NHS", 3),                 # spelt out
    ("GP", 2),
    ("Zoë", 2),                 # the diaeresis starts a syllable
    ("naïve", 2),
    ("café", 2),                # the accent sounds the final e
    ("1,250", 1),               # no letters: at least one
    ("", 1),
    ("—", 1),
])
def test_syllables_of_awkward_tokens(word, syllables):
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(("text", "sentences"), [
    ("Dr. Patel met Mr. Jones. They talked.", ["Dr. Patel met Mr. Jones.", "They talked."]),
    ("We tried e.g. walking. It helped.", ["We tried e.g. walking.", "It helped."]),
    ("The dose rose from 2.5 to 3.5 mg. Then it fell.",
     ["The dose rose from 2.5 to 3.5 mg.", "Then it fell."]),
    ("Wait... what happened? Nobody knew!", ["Wait... what happened?", "Nobody knew!"]),
    ("I waited… Then she came.", ["I waited…", "Then she came."]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("“We were heard.” Then things changed.", ["“We were heard.”", "Then things changed."]),
    ("(Prof. Smith agreed.) Then we left.", ["(Prof. Smith agreed.)", "Then we left."]),
    ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
    ("Smith et al. reported it. See p. 5 too.", ["Smith et al. reported it.", "See p. 5 too."]),
    ("It cost £5. 20 people came.", ["It cost £5.", "20 people came."]),
    ("Key points\nAccess matters\n\n• Trust matters", ["Key points", "Access matters",
                                                       "• Trust matters"]),
    ("No full stop at the end", ["No full stop at the end"]),
    ("", []),
    ("  \n … \n", []),
])
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_analyse_two_sentences_by_hand():
    # Patients(2) and(1) nurses(2) designed(2) the(1) clinic(2) together(3) = 7 words, 13
    # It(1) worked(1) well(1) = 3 words, 3.   10 words, 2 sentences, 16 syllables:
    # FRE = 206.835 - 1.015*5 - 84.6*1.6 = 66.4;  grade = 0.39*5 + 11.8*1.6 - 15.59 = 5.24
    result = analyse("Patients and nurses designed the clinic together. It worked well.")
    assert (result.words, result.sentences, result.syllables) == (10, 2, 16)
    assert result.flesch_reading_ease == 66.4
    assert result.fk_grade == 5.2
    assert result.reading_age == 10.2
    assert result.is_plain_english
    assert result.longest_sentences == ()


def test_analyse_one_long_word_sentence_by_hand():
    # Hospital(3) communication(5) improved(2) = 3 words, 10 syllables, 1 sentence:
    # FRE = 206.835 - 3.045 - 282.0 = -78.21;  grade = 1.17 + 39.333... - 15.59 = 24.913...
    result = analyse("Hospital communication improved.")
    assert (result.words, result.sentences, result.syllables) == (3, 1, 10)
    assert result.flesch_reading_ease == -78.2
    assert result.fk_grade == 24.9
    assert not result.is_plain_english
    assert result.reading_ease == 0.0       # what is shown: the scale people know ends at 0
    assert (result.reading_age, result.reading_age_text) == (29.9, "over 18")


def test_very_short_words_and_sentences_show_a_reading_ease_of_100_not_more():
    # 6 words of one syllable in 3 sentences: FRE = 206.835 - 2.03 - 84.6 = 120.2
    result = analyse("We go. It is. I am.")
    assert result.flesch_reading_ease == 120.2
    assert result.reading_ease == 100.0
    assert result.to_json()["reading_ease"] == 100.0
    assert analyse("We met on the ward. The staff were kind to us.").reading_age_text == "5 or under"


def test_empty_text_has_no_scores_and_does_not_divide_by_zero():
    for text in ("", "   ", "\n\n", "— … —"):
        result = analyse(text)
        assert (result.words, result.sentences, result.syllables) == (0, 0, 0)
        assert result.flesch_reading_ease is None
        assert result.fk_grade is None
        assert result.reading_age is None
    assert combine([]).flesch_reading_ease is None
    assert describe(None) == "Not enough text to judge yet"


def _sentence(words: int, word: str = "word") -> str:
    return " ".join([word.capitalize()] + [word] * (words - 1)) + "."


def test_longest_sentences_lists_the_three_longest_over_25_words():
    text = " ".join([_sentence(30), _sentence(10), _sentence(26), _sentence(25), _sentence(40),
                     _sentence(28)])
    result = analyse(text)
    assert [n for _, n in result.longest_sentences] == [40, 30, 28]
    assert result.longest_sentences[0][0] == _sentence(40)
    assert all(n > LONG_SENTENCE_WORDS for _, n in result.longest_sentences)
    assert analyse(_sentence(25)).longest_sentences == ()


def test_combine_equals_analysing_everything_together():
    first = "Patients and nurses designed the clinic together. It worked well."
    second = _sentence(27, "appointment") + " Short one."
    combined = combine([analyse(first), analyse(second)])
    whole = analyse(first + "\n" + second)
    assert combined == whole
    assert [n for _, n in combined.longest_sentences] == [27]


def test_to_json_is_plain_data():
    data = analyse("It worked well.").to_json()
    assert data["words"] == 3 and data["sentences"] == 1 and data["syllables"] == 3
    assert data["longest_sentences"] == []
    assert set(data) >= {"flesch_reading_ease", "fk_grade", "reading_age"}


@pytest.mark.parametrize(("fre", "start"), [
    (95.0, "Very easy"), (85.0, "Easy"), (75.0, "Fairly easy"), (65.0, "Plain English"),
    (60.0, "Plain English"), (59.9, "Fairly difficult"), (40.0, "Difficult"),
    (10.0, "Very difficult"), (-20.0, "Very difficult"),
])
def test_describe_bands(fre, start):
    assert describe(fre).startswith(start)


def test_plain_language_targets():
    assert PLAIN_ENGLISH_FRE == (60.0, 70.0)
    assert READING_AGE_TARGET == (9, 11)
    assert NHS_READING_AGE == (11, 14)


def test_readability_is_frozen():
    result = analyse("It worked well.")
    assert isinstance(result, Readability)
    with pytest.raises(AttributeError):
        result.words = 4  # type: ignore[misc]
