"""The figures: what counts toward the limit (from the template), the total of everything, and
recounting only the paragraph that changed."""

from __future__ import annotations

import dataclasses

import pytest

from pipwriter.model.article.article import Section
from pipwriter.model.article.media import Illustration, MediaRef
from pipwriter.model.article.reference import Reference, format_bmj
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.language.counts import (
    ParagraphCounter,
    count_article,
    counted_extra_words,
    counting_explanation,
    section_counts_toward_limit,
    section_words,
)


def _words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


@pytest.fixture
def article(small_project):
    """Guidance sections of 10, 20, 30... words, viewpoints of 7 and 9, and every other part."""
    article = small_project.article
    guidance = [s for s in article.sections if s.kind == "guidance"]
    for i, section in enumerate(guidance, start=1):
        section.body = RichText.from_plain(_words(10 * i))
    article.viewpoints()[0].body = RichText.from_plain(_words(7))
    article.viewpoints()[1].body = RichText.from_plain(_words(9))
    article.title = "Four words of title"
    article.standfirst = "Two more"
    article.key_messages = ["Message one here", "Message two"]
    ref = Reference(title="A study", container="BMJ", year="2020")
    article.references.append(ref)
    article.illustrations.append(Illustration(MediaRef("x.png"), caption="A caption of five"))
    for author in article.authors:
        author.disclosure.custom_statement = f"{author.name} declares nothing at all."
    return article


def test_only_the_template_parts_count_toward_the_limit(article, template):
    counts = count_article(article, template)
    guidance = sum(10 * i for i in range(1, 7))
    assert counts.words_by_part["sections"] == guidance
    assert counts.words_by_part["viewpoints"] == 16
    assert counts.words_counted == guidance + 16           # title, messages... left out
    parts = counts.words_by_part
    assert parts["title"] == 4 and parts["standfirst"] == 2 and parts["key_messages"] == 5
    assert parts["captions"] == 4
    assert parts["references"] == len(format_bmj(article.references[0]).split())
    assert parts["competing_interests"] > 0
    assert counts.words_total == sum(n for part, n in parts.items() if part != "key_quotes")
    assert counts.counted_parts == ("sections", "viewpoints")
    assert [s.words for s in counts.sections if s.kind == "viewpoint"] == [7, 9]
    assert all(s.counted for s in counts.sections)


def test_counted_parts_follow_the_template(article, template):
    only_views = dataclasses.replace(template, counted=frozenset({"viewpoints", "title"}))
    counts = count_article(article, only_views)
    assert counts.words_counted == 16 + 4
    guidance = next(s for s in article.sections if s.kind == "guidance")
    assert not section_counts_toward_limit(guidance, only_views)
    assert section_counts_toward_limit(guidance, template)
    assert not next(s for s in counts.sections if s.kind == "guidance").counted


def test_key_quotes_are_never_counted_twice(article, template):
    section = article.sections[0]
    section.body = RichText([Paragraph([Run("plain words "), Run("three quoted words", quote="q1")])])
    with_quotes = dataclasses.replace(template, counted=template.counted | {"key_quotes"})
    base = count_article(article, template)
    assert base.words_by_part["key_quotes"] == 3
    assert count_article(article, with_quotes).words_counted == base.words_counted
    # in a section that is not itself counted, the quote's words are added
    views_and_quotes = dataclasses.replace(template, counted=frozenset({"viewpoints",
                                                                       "key_quotes"}))
    assert count_article(article, views_and_quotes).words_counted == 16 + 3
    assert base.words_total == count_article(article, with_quotes).words_total


def test_citations_are_not_words(template):
    section = Section("S", body=RichText([Paragraph([Run("As shown "), Citation(["r1"]),
                                                     Run(" before.")])]))
    assert section_words(section) == 3


def test_live_figures_agree_with_the_report(article, template):
    counter = ParagraphCounter()
    counts = count_article(article, template, cache=counter)
    sections_counted = sum(section_words(s, "word", counter) for s in article.sections
                           if section_counts_toward_limit(s, template))
    sections_total = sum(section_words(s, "word", counter) for s in article.sections)
    extra_counted, extra_total = counted_extra_words(article, template, "word", counter)
    assert sections_counted + extra_counted == counts.words_counted
    assert sections_total + extra_total == counts.words_total


def test_profile_changes_how_dashes_count(template, article):
    article.sections[0].body = RichText.from_plain("From 2019\u20132021 the party\u2014then more")
    word = count_article(article, template, "word").section(article.sections[0].id).words
    office = count_article(article, template, "libreoffice").section(article.sections[0].id)
    assert (word, office.words) == (5, 7)


def test_a_keystroke_recounts_only_the_changed_paragraph(article, template):
    counter = ParagraphCounter()
    count_article(article, template, cache=counter)
    misses = counter.misses
    paragraph = article.sections[2].body.paragraphs[0]
    paragraph.items[0].text += " extra"
    counts = count_article(article, template, cache=counter)
    assert counter.misses == misses + 1
    assert counts.section(article.sections[2].id).words == 31


def test_paragraph_counter_forgets_least_recently_used():
    counter = ParagraphCounter(max_entries=2)
    assert counter.count("one two") == 2
    assert counter.count("three") == 1
    counter.count("one two")                 # now the most recent
    counter.count("four five six")           # "three" is dropped
    assert len(counter) == 2
    misses = counter.misses
    counter.count("one two")
    assert counter.misses == misses
    counter.count("three")
    assert counter.misses == misses + 1


def test_paragraph_counter_keeps_profiles_apart():
    counter = ParagraphCounter()
    assert counter.count("2019\u20132021", "word") == 1
    assert counter.count("2019\u20132021", "libreoffice") == 2


def test_other_figures(article, template):
    article.key_messages.append("   ")
    counts = count_article(article, template)
    assert counts.key_messages == 2
    assert counts.references == 1 and counts.citations == 0 and counts.cited_references == 0
    assert counts.illustrations == 1 and counts.media_items == 1 and counts.authors == 2
    assert counts.viewpoints == 2
    article.viewpoints()[0].body = RichText()
    assert count_article(article, template).viewpoints == 1
    assert counts.to_json()["limits"]["words"] == {"min": 1250, "max": 1500}


def test_counting_explanation_says_what_counts(template):
    text = counting_explanation(template)
    assert "1,250\u20131,500" in text
    counted, _, not_counted = text.partition("Not counted:")
    assert "viewpoints" in counted and "guidance sections" in counted
    assert "title" in not_counted and "references" in not_counted
    assert "captions" in not_counted and "competing-interests" in not_counted
    # it said the total "is shown as well", beside a strip that does not show it
    assert "The submission checklist also gives a total: all words, counted or not, except names, alt text and credits." \
        in text
    other = dataclasses.replace(template, counted=frozenset({"sections", "viewpoints",
                                                             "key_messages"}))
    counted, _, _ = counting_explanation(other).partition("Not counted:")
    assert "key messages" in counted
    assert "LibreOffice" in counting_explanation(template, "libreoffice")
