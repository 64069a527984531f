"""Citations: how a group is written, BMJ numbering by first citation, and what goes wrong."""

from __future__ import annotations

import pytest

from pipwriter.model.article.article import Article, Section
from pipwriter.model.article.citations import analyse_citations, format_citation
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run


@pytest.mark.parametrize("numbers, expected", [
    ([1], "[1]"),
    ([1, 2], "[1,2]"),
    ([2, 1], "[1,2]"),
    ([1, 2, 3], "[1\u20133]"),
    ([3, 1, 2], "[1\u20133]"),
    ([1, 3, 4, 5], "[1,3\u20135]"),
    ([1, 2, 4, 5], "[1,2,4,5]"),
    ([1, 1, 2], "[1,2]"),
    ([1, 2, 3, 5, 6, 7, 9], "[1\u20133,5\u20137,9]"),
])
def test_format_citation_brackets(numbers, expected):
    assert format_citation(numbers) == expected


def test_format_citation_superscript_has_no_brackets_and_empty_is_empty():
    assert format_citation([4, 2, 3], "superscript") == "2\u20134"
    assert format_citation([]) == ""


def _article(refs: int, cites: list[list[int]], extra: list[str] | None = None) -> Article:
    """An article with ``refs`` references (listed in order) and one paragraph per citation
    group, each group naming references by their 0-based list index; ``extra`` adds unknown ids."""
    references = [Reference(title=f"Study {i + 1}") for i in range(refs)]
    paragraphs = [Paragraph([Run("Text "), Citation([references[i].id for i in group])])
                  for group in cites]
    if extra:
        paragraphs.append(Paragraph([Run("More "), Citation(list(extra))]))
    section = Section("One", body=RichText(paragraphs))
    return Article(sections=[section], references=references)


def test_numbering_follows_first_citation_not_list_order():
    article = _article(3, [[2], [0, 2], [1]])
    analysis = analyse_citations(article)
    refs = article.references
    assert analysis.numbers == {refs[2].id: 1, refs[0].id: 2, refs[1].id: 3}
    assert [r.id for r in article.references_in_order()] == [refs[2].id, refs[0].id, refs[1].id]
    assert analysis.citations == 3 and analysis.cited == 3
    assert analysis.label([refs[0].id, refs[2].id]) == "[1,2]"


def test_list_already_in_citation_order_keeps_its_numbers():
    article = _article(3, [[0], [1, 2]])
    analysis = analyse_citations(article)
    assert analysis.numbers == {r.id: n for n, r in enumerate(article.references, start=1)}
    assert analysis.uncited == () and analysis.missing == ()


def test_missing_and_uncited_references():
    article = _article(3, [[0]], extra=["ref-gone"])
    analysis = analyse_citations(article)
    assert [ref_id for _group, ref_id in analysis.missing] == ["ref-gone"]
    assert analysis.missing[0][0].section_id == article.sections[0].id
    assert analysis.uncited == (article.references[1].id, article.references[2].id)
    assert analysis.label(["ref-gone", article.references[0].id]) == "[1] [?]"
    assert analysis.label(["ref-gone"], "superscript") == "?"


def test_group_naming_one_reference_twice_is_found():
    article = _article(2, [[0, 0], [1]])
    analysis = analyse_citations(article)
    assert len(analysis.duplicates) == 1
    assert analysis.duplicates[0].paragraph == 0
