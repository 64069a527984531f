"""Finer merge inside a section: by paragraph, so only places both copies changed conflict; the
text offered for a real conflict holds each version once; who writes a section is reported when
both changed it (issue 21)."""

from __future__ import annotations

import copy

import pytest

from pipwriter.model.article.article import Article
from pipwriter.model.article.text import Paragraph, RichText, Run
from pipwriter.model.coauthoring.merge import COMBINED, merge_articles
from pipwriter.model.coauthoring.merge_paragraphs import merge_paragraphs

P1, P2, P3 = "We met weekly.", "Patients chose the topics.", "We changed the clinic times."


def body(*texts: str) -> RichText:
    return RichText([Paragraph([Run(t)]) for t in texts])


def paragraphs(article: Article, index: int = 0) -> list[str]:
    return [p.plain_text() if hasattr(p, "plain_text") else "".join(
        i.text for i in p.items) for p in article.sections[index].body.paragraphs]


@pytest.fixture
def base(small_project) -> Article:
    small_project.article.sections[0].body = body(P1, P2, P3)
    return small_project.article


def clone(article: Article) -> Article:
    return Article.from_json(copy.deepcopy(article.to_json()))


def test_edits_to_different_paragraphs_of_one_section_both_go_in(base):
    mine, theirs = clone(base), clone(base)
    mine.sections[0].body = body(P1 + " Then monthly.", P2, P3)
    theirs.sections[0].body = body(P1, P2, P3 + " It worked.")
    result = merge_articles(base, mine, theirs)
    assert result.conflicts == []
    assert paragraphs(result.article()) == [P1 + " Then monthly.", P2, P3 + " It worked."]
    assert any("their changes taken" in line for line in result.taken)


def test_added_and_removed_paragraphs_on_each_side_both_apply(base):
    mine, theirs = clone(base), clone(base)
    mine.sections[0].body = body(P1, P2, P3, "A new closing line.")
    theirs.sections[0].body = body(P1, P3)                       # they removed P2
    result = merge_articles(base, mine, theirs)
    assert result.conflicts == []
    assert paragraphs(result.article()) == [P1, P3, "A new closing line."]


def test_the_same_change_on_both_sides_is_taken_once(base):
    mine, theirs = clone(base), clone(base)
    for side in (mine, theirs):
        side.sections[0].body = body(P1, P2 + " Always.", P3)
    result = merge_articles(base, mine, theirs)
    assert result.conflicts == []
    assert paragraphs(result.article()) == [P1, P2 + " Always.", P3]


def test_one_paragraph_changed_differently_is_the_only_conflict_and_each_version_shows_once(base):
    mine, theirs = clone(base), clone(base)
    mine.sections[0].body = body(P1, "Patients chose every topic.", P3 + " Mine.")
    theirs.sections[0].body = body("We met each week.", "Patients picked the topics.", P3)
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    # until someone chooses, yours stands where both changed; their other change is taken
    assert paragraphs(result.article()) == ["We met each week.", "Patients chose every topic.",
                                            P3 + " Mine."]
    conflict.choose(COMBINED)
    texts = paragraphs(result.article())
    assert texts == ["We met each week.", "Patients chose every topic.",
                     "Patients picked the topics.", P3 + " Mine."]
    assert P2 not in texts                                  # the base wording is not repeated
    assert len(texts) == len(set(texts))


def test_both_adding_at_the_same_place_is_a_conflict_that_keeps_both(base):
    mine, theirs = clone(base), clone(base)
    mine.sections[0].body = body(P1, P2, P3, "Mine at the end.")
    theirs.sections[0].body = body(P1, P2, P3, "Theirs at the end.")
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    conflict.choose(COMBINED)
    assert paragraphs(result.article()) == [P1, P2, P3, "Mine at the end.", "Theirs at the end."]


def test_a_heading_changed_by_both_is_a_conflict_but_paragraph_edits_still_merge(base):
    mine, theirs = clone(base), clone(base)
    mine.sections[0].title, theirs.sections[0].title = "Our reasons", "Why we began"
    mine.sections[0].body = body(P1 + " Mine.", P2, P3)
    theirs.sections[0].body = body(P1, P2, P3 + " Theirs.")
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    conflict.choose(COMBINED)
    merged = result.article().sections[0]
    assert merged.title == "Our reasons"
    assert paragraphs(result.article()) == [P1 + " Mine.", P2, P3 + " Theirs."]


def test_both_changing_who_writes_a_section_is_reported(base):
    mine, theirs = clone(base), clone(base)
    first, second = base.authors[0].id, base.authors[1].id
    mine.sections[0].assignee, theirs.sections[0].assignee = first, second
    result = merge_articles(base, mine, theirs)
    assert result.article().sections[0].assignee == first
    [note] = [n for n in result.summary_lines() if "who writes" in n]
    assert base.authors[0].name in note and base.authors[1].name in note


@pytest.mark.parametrize("mine,theirs,expected,conflicts", [
    (["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c"], 0),
    (["a", "B", "c"], ["a", "b", "c"], ["a", "B", "c"], 0),
    (["a", "b", "c"], ["x", "a", "b", "c"], ["x", "a", "b", "c"], 0),
    ([], ["a", "b", "c"], [], 0),                          # I removed all: taken
    (["b", "c"], ["a", "b", "C"], ["b", "C"], 0),
    (["A", "b", "c"], ["A2", "b", "c"], ["A", "b", "c"], 1),
])
def test_merge_paragraphs_cases(mine, theirs, expected, conflicts):
    result = merge_paragraphs(["a", "b", "c"], mine, theirs)
    assert result.merged == expected and result.conflicts == conflicts


def test_choosing_theirs_takes_theirs_only_where_both_changed(base):
    from pipwriter.model.coauthoring.merge import MINE, THEIRS
    mine, theirs = clone(base), clone(base)
    mine.sections[0].body = body(P1 + " Mine.", "Mine in the middle.", P3)
    theirs.sections[0].body = body(P1, "Theirs in the middle.", P3 + " Theirs.")
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    conflict.choose(THEIRS)
    assert paragraphs(result.article()) == [P1 + " Mine.", "Theirs in the middle.",
                                            P3 + " Theirs."]
    conflict.choose(MINE)
    assert paragraphs(result.article()) == [P1 + " Mine.", "Mine in the middle.",
                                            P3 + " Theirs."]
