"""Comparing two states of an article section by section, in plain words."""

from __future__ import annotations

import copy

import pytest

from pipwriter.model.article.article import Section
from pipwriter.model.article.author import Author
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.coauthoring.compare import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    article_text,
    compare_articles,
)


@pytest.fixture
def before(small_project):
    article = small_project.article
    for n, section in enumerate(article.sections):
        section.body = RichText.from_plain(" ".join(["word"] * (10 + n)))
    article.references = [Reference(title="Study A", container="BMJ", year="2020"),
                          Reference(title="Study B", container="BMJ", year="2021")]
    article.key_messages = ["Listen first."]
    return article


def test_identical_articles_are_the_same(before):
    comparison = compare_articles(before, copy.deepcopy(before))
    assert comparison.is_same()
    assert {s.status for s in comparison.sections} == {SAME}
    assert "No differences" in comparison.text()


def test_section_statuses_and_word_counts(before):
    after = copy.deepcopy(before)
    first, second, third = after.sections[0], after.sections[1], after.sections[2]
    first.body = RichText.from_plain("Now only four words.")
    removed_title = third.title
    after.sections.remove(third)
    new = Section("Our own section", kind="other", body=RichText.from_plain("Three new words"))
    after.sections.insert(1, new)
    second.title = "A better heading"

    comparison = compare_articles(before, after, "The version", "now")
    status = {s.section_id: s for s in comparison.sections}
    assert status[first.id].status == CHANGED
    assert (status[first.id].words_before, status[first.id].words_after) == (10, 4)
    assert status[new.id].status == ADDED and status[new.id].words_after == 3
    assert status[third.id].status == REMOVED and status[third.id].words_before == 12
    assert status[second.id].status == CHANGED and status[second.id].old_title
    assert all(s.status == SAME for s in comparison.sections
               if s.section_id not in {first.id, new.id, third.id, second.id})
    text = comparison.text()
    assert text.startswith("The version compared with now:")
    assert f"{first.title}: changed (10 → 4 words)" in text
    assert "Our own section: added (3 words)" in text
    assert f"{removed_title}: removed (it had 12 words)" in text
    assert "A better heading (was “" in text
    # removed sections are listed where they were
    ids = [s.section_id for s in comparison.sections]
    assert ids.index(third.id) == 3
    assert len(comparison.changed()) == 4


def test_citations_alone_make_a_section_changed_but_not_its_words(before):
    after = copy.deepcopy(before)
    ref = after.references[0].id
    after.sections[0].body.paragraphs[0].items.append(Citation([ref]))
    change = compare_articles(before, after).sections[0]
    assert change.status == CHANGED and change.words_before == change.words_after == 10


def test_other_parts_are_summarised(before):
    after = copy.deepcopy(before)
    after.title = "A new title"
    after.standfirst = "Two words"
    after.authors.append(Author("Kim Lee", "patient"))
    after.authors[0].affiliation = "Somewhere"
    after.references.pop(0)
    after.references[0].year = "1999"
    after.references.append(Reference(title="Study C"))
    after.key_messages.append("Share decisions.")
    after.sections.reverse()
    notes = compare_articles(before, after).notes
    assert "Title changed: “Walking together” → “A new title”" in notes
    assert "Standfirst changed (0 → 2 words)" in notes
    assert "Authors added: Kim Lee" in notes
    assert f"Author details changed: {after.authors[0].name}" in notes
    assert "References: 1 added, 1 removed, 1 changed" in notes
    assert "Key messages changed (1 → 2)" in notes
    assert "The sections are in a different order." in notes


def test_reworded_key_messages_are_named_by_number(before):
    """Found by a walk: "Key messages changed (3 → 3)" did not say what had changed."""
    before.key_messages = ["Listen first.", "Share decisions.", "Keep it short."]
    after = copy.deepcopy(before)
    after.key_messages[1] = "Share every decision."
    assert "Key message 2 reworded" in compare_articles(before, after).notes
    after.key_messages[2] = "Keep it shorter."
    assert "Key messages 2 and 3 reworded" in compare_articles(before, after).notes


def test_comparing_leaves_both_articles_unchanged(before):
    after = copy.deepcopy(before)
    after.sections.pop()
    snapshot = (before.to_json(), after.to_json())
    compare_articles(before, after).text()
    assert (before.to_json(), after.to_json()) == snapshot


def test_article_text_reads_like_the_article(before):
    ref = before.references[1].id
    before.sections[0].body = RichText([Paragraph([Run("We met"), Citation([ref]),
                                                   Run(" monthly.")])])
    text = article_text(before)
    assert text.splitlines()[0] == "Walking together"
    assert f"— {before.sections[0].title} —" in text
    assert "We met[1] monthly." in text                    # cited first, so numbered 1
    assert "• Listen first." in text
    assert "2. " in text and "Study A" in text


def test_a_long_title_changed_near_its_end_shows_what_changed():
    """Found by a walk of the app: the recovery copy's "What is different" showed a long title
    changed near its end as two identical cut-off titles."""
    from pipwriter.model.article.article import Article
    start = "Listening to the people who use our stroke service: what changed when patients "
    before = Article(title=start + "and nurses planned it together")
    after = Article(title=start + "and nurses planned the discharge together")
    notes = [n for n in compare_articles(before, after).text().splitlines() if "Title" in n]
    assert len(notes) == 1
    was, now = notes[0].split("” → “")
    assert was != now and "planned it" in was and "planned the discharge" in now
    assert len(was) < 100 and len(now) < 100 and "…" in was    # still short
    short = compare_articles(Article(title="A walk"), Article(title="A long walk")).text()
    assert "“A walk” → “A long walk”" in short
