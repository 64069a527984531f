"""Find and replace over the whole text surface (model/search.py): every field kind is searched
and replaced; match case and whole words; a match never crosses a citation; replacing keeps the
format of the run where the match starts, the citations and the key-quote flags; a replacement
too long for its field is skipped and reported; author names carry generated viewpoint headings
along; replace_hit checks the text is still there; and (a property) after replacing, the needle
is gone and the article still saves and loads."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipwriter.model.article.article import Article, Section
from pipwriter.model.article.author import Author
from pipwriter.model.article.factory import new_article
from pipwriter.model.article.limits import HEADING_MAX, TITLE_MAX
from pipwriter.model.article.media import Illustration, MediaClip, MediaRef
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.search import compile_needle, find_all, replace_all, replace_hit
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.article.text_surface import OBJECT, text_fields
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project


@pytest.fixture
def demo():
    project = demo_project()
    project.article.clips.append(MediaClip(id="clip-one", url="https://example.org/v",
                                           title="Our film", caption="The group meets.",
                                           transcript="We talk about the card.",
                                           permission=True))
    return project.article


def hit_text(hit) -> str:
    return hit.field.blocks[hit.block][hit.start:hit.end]


def roundtrip(article: Article) -> Article:
    again = Article.from_json(json.loads(json.dumps(article.to_json())))
    assert again.to_json() == article.to_json()
    return again


# --- finding ----------------------------------------------------------------------------------
@pytest.mark.parametrize("needle, panel, field, item", [
    ("simple card", "key_messages", "message", "0"),
    ("stroke survivor", "title", "standfirst", ""),
    ("took about two months", "illustrations", "caption", "fig-codesign-cycle"),
    ("Coproduction of healthcare", "references", "title", "ref-batalden-2016"),
    ("since 2022", "competing_interests", "item10.0.comments", ""),
    ("Brackenlea Trust", "competing_interests", "item1.0.entity", ""),
    ("about the card", "illustrations", "clip_transcript", "clip-one"),
    ("Bethan Lloyd", "authors", "name", ""),
])
def test_find_in_each_kind_of_field(demo, needle, panel, field, item):
    hits = [h for h in find_all(demo, needle) if h.where.field == field]
    assert hits, needle
    hit = hits[0]
    assert hit.where.panel == panel and (not item or hit.where.item_id == item)
    assert hit_text(hit).lower() == needle.lower()


def test_the_hit_positions_are_in_the_block(demo):
    [hit] = [h for h in find_all(demo, "papers in advance") if h.where.panel == "key_messages"]
    message = demo.key_messages[1]
    assert hit.where.item_id == "1" and hit.block == 0
    assert (hit.start, hit.end) == (message.index("papers"), message.index("papers") + 17)


def test_match_case(demo):
    loose = find_all(demo, "stroke")
    strict = find_all(demo, "Stroke", match_case=True)
    assert strict and len(strict) < len(loose)
    assert all(hit_text(h) == "Stroke" for h in strict)
    assert {hit_text(h) for h in loose} >= {"stroke", "Stroke"}


def test_whole_words(demo):
    loose = find_all(demo, "care")
    words = find_all(demo, "care", whole_words=True)
    assert words and len(words) < len(loose)
    for hit in words:
        block = hit.field.blocks[hit.block]
        assert not re.match(r"\w", block[hit.start - 1:hit.start]) if hit.start else True
        assert not re.match(r"\w", block[hit.end:hit.end + 1]), block
    # "carers" and "healthcare" are found only without whole words
    longer = {re.search(r"\w*$", h.field.blocks[h.block][:h.start]).group(0).lower() + "care"
              + re.match(r"\w*", h.field.blocks[h.block][h.end:]).group(0).lower()
              for h in loose}
    assert {"care", "carers", "healthcare"} <= longer
    assert find_all(demo, "carer", whole_words=True) == [
        h for h in find_all(demo, "carer")
        if not re.match(r"\w", h.field.blocks[h.block][h.end:h.end + 1])]


def test_a_match_never_spans_a_citation():
    ref = Reference(title="R")
    paragraph = Paragraph([Run("the care"), Citation([ref.id]), Run("rs came")])
    article = Article(sections=[Section("S", body=RichText([paragraph]))], references=[ref])
    assert not find_all(article, "carers")
    assert not find_all(article, "care" + OBJECT + "rs")
    assert len(find_all(article, "care", whole_words=True)) == 1   # a citation ends a word
    [hit] = find_all(article, "rs came")
    assert (hit.start, hit.end) == (9, 16)


def test_empty_needle_finds_nothing(demo):
    assert find_all(demo, "") == [] and find_all(demo, OBJECT) == []
    assert replace_all(demo, "", "x").count == 0


# --- replacing in the sections' text ----------------------------------------------------------
def formatted_article():
    ref = Reference(title="R")
    paragraph = Paragraph([Run("hello wor", bold=True), Run("ld and more", italic=True),
                           Citation([ref.id]), Run(" the world", quote="quote-1"),
                           Run(" ends", bold=True, italic=True)])
    return Article(sections=[Section("S", body=RichText([paragraph]))], references=[ref]), ref


def test_replace_keeps_the_format_where_the_match_starts_and_the_citations():
    article, ref = formatted_article()
    result = replace_all(article, "world", "earth")
    assert result.count == 2 and result.too_long == []
    items = article.sections[0].body.paragraphs[0].items
    assert items == [Run("hello earth", bold=True), Run(" and more", italic=True),
                     Citation([ref.id]), Run(" the earth", quote="quote-1"),
                     Run(" ends", bold=True, italic=True)]
    assert article.sections[0].body.quotes() == {"quote-1": "the earth"}
    roundtrip(article)


def test_replace_across_runs_and_into_a_quote():
    article, ref = formatted_article()
    assert replace_all(article, "more", "less").count == 1
    assert replace_all(article, "wor" + "ld and", "big").count == 1
    items = article.sections[0].body.paragraphs[0].items
    assert items[0] == Run("hello big", bold=True)
    assert items[1] == Run(" less", italic=True)
    assert items[2] == Citation([ref.id])
    # a match starting in the quote keeps the quote's flag
    assert replace_all(article, "world ends", "end").count == 1
    assert article.sections[0].body.paragraphs[0].items[3:] == [Run(" the end", quote="quote-1")]


def test_replace_never_removes_a_citation(demo):
    citations = [len(list(s.body.citations())) for s in demo.sections]
    quotes = [qid for qid, _s, _t in demo.key_quotes()]
    # "guidance expects their health" is split by nothing; "recovery ." holds a citation
    result = replace_all(demo, "recovery", "")
    assert result.count >= 1
    assert [len(list(s.body.citations())) for s in demo.sections] == citations
    assert [qid for qid, _s, _t in demo.key_quotes()] == quotes
    roundtrip(demo)


def test_replace_in_the_demo_keeps_italic_runs(demo):
    section = demo.section("sec-rationale")
    replace_all(demo, "tick box", "box ticking")
    italic = [i for p in section.body.paragraphs for i in p.items
              if isinstance(i, Run) and i.italic]
    assert [r.text for r in italic] == ["a box ticking exercise"]


# --- replacing in every field kind ------------------------------------------------------------
TOKEN = "zqxtoken"


def every_kind_article(template):
    """An article with TOKEN once in every kind of field."""
    authors = [Author(f"Ann {TOKEN}", "patient", credentials=TOKEN, role=TOKEN,
                      affiliation=TOKEN),
               Author("Bob Smith", "health_professional")]
    article = new_article(template, TOKEN, authors)
    article.standfirst = TOKEN
    ref = Reference(authors=[TOKEN, "Other A"], title=TOKEN, container=TOKEN, text=TOKEN)
    article.references = [ref]
    guidance = article.sections[0]
    guidance.title = f"Heading {TOKEN}"
    guidance.body = RichText([Paragraph([Run(f"Some {TOKEN} here"), Citation([ref.id])])])
    article.key_messages = [TOKEN, "Another"]
    media = MediaRef("0123456789abcdef01234567.png", "a.png", "image/png")
    article.illustrations = [Illustration(media, caption=TOKEN, alt_text=TOKEN, credit=TOKEN)]
    article.clips = [MediaClip(title=TOKEN, caption=TOKEN, transcript=TOKEN,
                               url="https://example.org")]
    item = authors[0].disclosure.item(3)
    item.answer = "entries"
    item.entries = [DisclosureEntry(TOKEN, TOKEN, "me", TOKEN)]
    authors[1].disclosure.custom_statement = TOKEN
    return article


EVERY_KIND = {("title", "title"), ("title", "standfirst"), ("section", "heading"),
              ("section", "body"), ("key_messages", "message"), ("references", "authors"),
              ("references", "title"), ("references", "container"), ("references", "text"),
              ("illustrations", "caption"), ("illustrations", "alt_text"),
              ("illustrations", "credit"), ("illustrations", "clip_title"),
              ("illustrations", "clip_caption"), ("illustrations", "clip_transcript"),
              ("authors", "name"), ("authors", "credentials"), ("authors", "role"),
              ("authors", "affiliation"), ("competing_interests", "item3.0.entity"),
              ("competing_interests", "item3.0.what"), ("competing_interests", "item3.0.comments"),
              ("competing_interests", "statement")}


@pytest.mark.parametrize("with_template", [True, False])
def test_replace_all_in_every_field_kind(template, with_template):
    article = every_kind_article(template)
    hits = find_all(article, TOKEN)
    assert {(h.where.panel, h.where.field) for h in hits} == EVERY_KIND
    # the generated viewpoint heading holds the name too
    assert sum(1 for h in hits if h.where.panel == "section") == 3
    result = replace_all(article, TOKEN, "swapped", template=template if with_template else None)
    assert result.count == len(hits) and result.too_long == []
    assert find_all(article, TOKEN) == []
    swapped = {(h.where.panel, h.where.field) for h in find_all(article, "swapped")}
    assert swapped == EVERY_KIND
    assert article.authors[0].name == "Ann swapped"
    assert article.references[0].authors == ["swapped", "Other A"]
    assert article.authors[0].disclosure.item(3).entries[0].comments == "swapped"
    roundtrip(article)


def test_replace_hit_in_every_field_kind(template):
    article = every_kind_article(template)
    hits = find_all(article, TOKEN)
    # right to left, so earlier hits in the same block keep their positions; the generated
    # viewpoint heading followed the name already, so its own hit no longer matches
    refused = [hit.where for hit in reversed(hits)
               if not replace_hit(article, hit, TOKEN, "one", template=template)]
    assert [(w.panel, w.field) for w in refused] == [("section", "heading")]
    assert article.section(refused[0].section_id).title == "Patient's viewpoint: Ann one"
    assert find_all(article, TOKEN) == []
    assert {(h.where.panel, h.where.field) for h in find_all(article, "one")} == EVERY_KIND
    roundtrip(article)


def test_too_long_replacement_is_skipped_and_reported(template):
    article = every_kind_article(template)
    heading = article.sections[0]
    heading.title = "h" * (HEADING_MAX - len(TOKEN)) + TOKEN
    article.title = "t" * (TITLE_MAX - len(TOKEN)) + TOKEN
    before = len(find_all(article, TOKEN))
    result = replace_all(article, TOKEN, TOKEN.upper() + "-longer")
    places = {(w.panel, w.field) for w in result.too_long}
    assert places == {("section", "heading"), ("title", "title")}
    assert heading.title.endswith(TOKEN) and len(heading.title) == HEADING_MAX
    assert article.title.endswith(TOKEN)
    assert result.count == before - 2
    assert {(h.where.panel, h.where.field) for h in find_all(article, TOKEN,
                                                             match_case=True)} == places
    roundtrip(article)
    # replace_hit refuses too
    [hit] = [h for h in find_all(article, TOKEN, match_case=True)
             if h.where.field == "heading"]
    assert not replace_hit(article, hit, TOKEN, "x" * 10, match_case=True)
    assert heading.title.endswith(TOKEN)


def test_whole_word_replace_leaves_longer_words(demo):
    carers = len(find_all(demo, "carers"))
    result = replace_all(demo, "care", "support", whole_words=True)
    assert result.count >= 1
    assert len(find_all(demo, "carers")) == carers
    assert find_all(demo, "care", whole_words=True) == []


def test_match_case_replace(demo):
    lower = len(find_all(demo, "stroke", match_case=True))
    result = replace_all(demo, "Stroke", "STROKE", match_case=True)
    assert result.count >= 1
    assert find_all(demo, "Stroke", match_case=True) == []
    assert len(find_all(demo, "stroke", match_case=True)) == lower


# --- author names and viewpoint headings ------------------------------------------------------
def test_replacing_a_name_updates_a_generated_heading_not_a_typed_one(template):
    article = demo_project().article
    clinician, patient = article.authors
    typed = article.section("sec-viewpoint-patient")
    typed.title = "In my own words, Malcolm Reid"
    generated = article.section("sec-viewpoint-clinician")
    assert generated.title == "Clinician's viewpoint: Bethan Lloyd"
    for name in ("Bethan Lloyd", "Malcolm Reid"):
        [hit] = [h for h in find_all(article, name) if h.where.panel == "authors"]
        assert replace_hit(article, hit, name, name.replace(" ", " Q "), template=template)
    assert clinician.name == "Bethan Q Lloyd" and patient.name == "Malcolm Q Reid"
    assert generated.title == "Clinician's viewpoint: Bethan Q Lloyd"
    assert typed.title == "In my own words, Malcolm Reid"


def test_replacing_a_name_without_the_template_leaves_headings():
    article = demo_project().article
    generated = article.section("sec-viewpoint-clinician")
    [hit] = [h for h in find_all(article, "Bethan") if h.where.panel == "authors"]
    assert replace_hit(article, hit, "Bethan", "Beth")
    assert article.authors[0].name == "Beth Lloyd"
    assert generated.title == "Clinician's viewpoint: Bethan Lloyd"


def test_replace_all_of_a_name_changes_name_and_heading_together(template):
    article = demo_project().article
    result = replace_all(article, "Malcolm", "Mal", whole_words=True, template=template)
    assert result.count >= 2
    assert article.authors[1].name == "Mal Reid"
    assert article.section("sec-viewpoint-patient").title == "Patient's viewpoint: Mal Reid"


def test_a_name_replacement_that_is_not_made_is_not_counted(template):
    article = demo_project().article
    result = replace_all(article, "Bethan Lloyd", "", template=template)
    still_there = find_all(article, "Bethan Lloyd")
    assert result.count + len(still_there) == 2
    assert not still_there or still_there[0].where in result.empty_names


# --- replace_hit --------------------------------------------------------------------------------
def test_replace_hit_only_where_the_text_still_matches(demo):
    hits = [h for h in find_all(demo, "card") if h.where.panel == "key_messages"]
    [hit] = hits
    demo.key_messages[0] = "A different message about a card."
    assert not replace_hit(demo, hit, "card", "postcard")
    assert demo.key_messages[0] == "A different message about a card."
    [fresh] = [h for h in find_all(demo, "card") if h.where.panel == "key_messages"]
    assert replace_hit(demo, fresh, "card", "postcard")
    assert demo.key_messages[0] == "A different message about a postcard."
    # the same hit again: the text there is now "post", not "card"
    assert not replace_hit(demo, fresh, "card", "postcard")
    # whole words: a hit found inside "cards" is refused when whole words are asked for
    demo.key_messages[0] = "cards"
    [part] = [h for h in find_all(demo, "card") if h.where.panel == "key_messages"]
    assert not replace_hit(demo, part, "card", "x", whole_words=True)
    assert replace_hit(demo, part, "card", "post")
    assert demo.key_messages[0] == "posts"


def test_replace_hit_replaces_only_that_match(demo):
    hits = find_all(demo, "carers")
    body_hits = [h for h in hits if h.where.field == "body"]
    target = body_hits[1]
    assert replace_hit(demo, target, "carers", "families")
    after = find_all(demo, "carers")
    assert len(after) == len(hits) - 1
    assert len(find_all(demo, "families")) >= 1


def test_replace_hit_in_a_body_keeps_citations_and_quotes(demo):
    quote_section = demo.section("sec-viewpoint-patient")
    [hit] = [h for h in find_all(demo, "what I was frightened of")
             if h.where.section_id == quote_section.id]
    assert replace_hit(demo, hit, "what I was frightened of", "what I was scared of")
    assert demo.key_quotes()[0][2] == ("Nobody asked me what I was scared of. Now the first "
                                       "question on the card does.")
    cited = demo.section("sec-rationale")
    [hit] = [h for h in find_all(demo, "obstacles to recovery") if h.where.section_id == cited.id]
    assert replace_hit(demo, hit, "obstacles to recovery", "barriers")
    assert len(cited.body.paragraphs[0].citations()) == 1
    assert cited.body.paragraphs[0].items[-2:] == [Citation(["ref-nice-ng236"]), Run(".")]


def test_replace_hit_with_another_needle_is_refused(demo):
    demo.key_messages[0] = "cards on the table"
    [hit] = [h for h in find_all(demo, "card") if h.where.panel == "key_messages"]
    assert not replace_hit(demo, hit, "cards", "x")       # not the match that was found
    assert not replace_hit(demo, hit, "table", "x")
    assert demo.key_messages[0] == "cards on the table"


def test_a_replacement_never_adds_a_line_or_a_citation(demo):
    result = replace_all(demo, "six month review", "first\nreview" + OBJECT)
    assert result.count >= 2
    assert demo.title == ("What matters after a stroke: redesigning the first review with "
                          "the people who use it")
    for section in demo.sections:
        for paragraph in section.body.paragraphs:
            assert all("\n" not in i.text and OBJECT not in i.text
                       for i in paragraph.items if isinstance(i, Run))
    roundtrip(demo)


def test_replace_hit_gone_field_or_block(demo):
    [hit] = [h for h in find_all(demo, "Our film", match_case=True)
             if h.where.item_id == "clip-one"]
    demo.clips.clear()
    assert not replace_hit(demo, hit, "Our film", "x")


# --- the property -------------------------------------------------------------------------------
_WORDS = sorted({w for f in text_fields(demo_project().article)
                 for b in f.blocks for w in re.findall(r"[A-Za-z]{2,}", b)})
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéß "


@st.composite
def needles_and_replacements(draw):
    word = draw(st.sampled_from(_WORDS))
    start = draw(st.integers(0, len(word) - 1))
    end = draw(st.integers(start + 1, len(word)))
    needle = word[start:end]
    # replacement text that cannot make a new match: none of the needle's letters (in any
    # case), so any match after replacing lies wholly in text that did not match before
    banned = [compile_needle(c) for c in set(needle)]
    allowed = [c for c in _LETTERS + ".,-'’" if not any(p.search(c) for p in banned)]
    replacement = draw(st.text(alphabet=allowed, max_size=12))
    return needle, replacement


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(needles_and_replacements(), st.booleans(), st.booleans(), st.booleans())
def test_after_replace_all_the_needle_is_gone_and_the_article_loads(
        pair, match_case, whole_words, with_template):
    needle, replacement = pair
    article = demo_project().article
    template = get_template(article.template_id) if with_template else None
    citations = [[c.refs for c in s.body.citations()] for s in article.sections]
    quotes = [qid for qid, _s, _t in article.key_quotes()]
    before = find_all(article, needle, match_case=match_case, whole_words=whole_words)
    result = replace_all(article, needle, replacement, match_case=match_case,
                         whole_words=whole_words, template=template)
    assert result.too_long == []
    assert find_all(article, needle, match_case=match_case, whole_words=whole_words) == []
    assert result.count == len(before)
    assert [[c.refs for c in s.body.citations()] for s in article.sections] == citations
    assert set(quotes) >= {qid for qid, _s, text in article.key_quotes() if text}
    roundtrip(article)
