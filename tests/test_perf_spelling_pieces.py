"""The spelling engine checks a paragraph sentence by sentence, remembering each sentence and
each word's verdict, so typing re-checks only the sentence it changed (issue 23). What it finds
must be exactly what checking the whole paragraph at once finds, links and addresses included."""

from __future__ import annotations

import random
from pathlib import Path

from pipwriter.model.language.spelling import SpellEngine

CORPUS = Path(__file__).resolve().parent / "data" / "british_health_prose.txt"
TRICKY = [
    "See https://www.nhs.uk/conditions. Then recieve it. www.example.org/a?b=c. Done.",
    "Email jo.bloggs@nhs.net. Or @PiPWriter! #PatientVoice? doi: 10.1136/bmj.n123. Seen.",
    "The file notes.docx. The site nhs.uk. Next pateint co-design, co-desgin and re-use.",
    "e.g. the Dr. said ok! Wait?  Twice.   Thrice... teh end. It's the patients' view.",
    "doi:10.1000/xyz123 and DOI: 10.1000/abc. Then 10.1000/def. Seperate words.",
    "One.Two. Three!Four ?Five. Café naïve résumé. Emoji 🙂. Accomodation.",
    "", " ", ".", ". . .", "Trailing space. ",
]


def _whole(engine: SpellEngine, text: str) -> list:
    return list(engine._check(text))


def test_pieces_find_what_the_whole_paragraph_finds(tmp_path):
    engine = SpellEngine("en_GB", tmp_path / "words.txt")
    words = CORPUS.read_text(encoding="utf-8").split()
    rnd = random.Random(23)
    texts = list(TRICKY)
    for _ in range(300):
        chosen = rnd.choices(words + ["recieve", "teh", "www.nhs.uk.", "a@b.org.", "doi:"], k=40)
        texts.append(" ".join(chosen))
    for text in texts:
        engine.clear_cache()
        assert engine.misspelt_spans(text) == _whole(engine, text), text
    # and again with every sentence already remembered from other paragraphs
    for text in texts:
        assert engine.misspelt_spans(text + " Extra.") == _whole(engine, text + " Extra.")


def test_a_word_added_to_the_dictionary_is_no_longer_flagged_in_remembered_text(tmp_path):
    engine = SpellEngine("en_GB", tmp_path / "words.txt")
    text = "We met. The Pipwriterish team met. Then we left."
    assert [w for _s, _e, w in engine.misspelt_spans(text)] == ["Pipwriterish"]
    engine.add_user_word("Pipwriterish")
    assert engine.misspelt_spans(text) == []
