"""A paragraph pasted whole from a PDF (tens of thousands of characters) is checked again at each
pause by the marks; the spelling engine must not keep a copy of every version of it (issue 23:
memory grew by about half a megabyte each time)."""

from __future__ import annotations

import tracemalloc

from pipwriter.model.language.spelling import SpellEngine


def test_checking_versions_of_a_long_paragraph_keeps_no_copy_of_each(tmp_path):
    engine = SpellEngine(user_words_path=tmp_path / "words.txt")
    paragraph = "recieve patient care with the team " * 600        # 21,000 characters
    first = engine.misspelt_spans(paragraph)
    tracemalloc.start()
    try:
        before, _peak = tracemalloc.get_traced_memory()
        for number in range(30):                    # 30 pauses, a word more each time
            paragraph += f" word{number}"
            spans = engine.misspelt_spans(paragraph)
        after, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert spans[:len(first)] == first and len(spans) == len(first)     # still checked right
    assert after - before < 2_000_000           # kept, they took ~15 MB
