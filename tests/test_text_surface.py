"""The text surface (model/text_surface.py): every field the authors write is enumerated once, with
the right place, field name, label, prose flag, countable part and limit; citations stand as
U+FFFC where they are; ``bodies=False`` leaves out only the sections' paragraphs; and (a property)
no string the authors can type in the article's JSON is missing from the surface."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipwriter.model.article.article import Article, Section
from pipwriter.model.article.author import Author
from pipwriter.model.article.limits import AUTHOR_NAME_MAX, HEADING_MAX, TEXT_MAX, TITLE_MAX
from pipwriter.model.article.media import Illustration, MediaClip, MediaRef
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.article.text_surface import OBJECT, paragraph_block, part_fields, text_fields
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.storage.demo import demo_project

PANELS_ORDER = ["title", "section", "key_messages", "references", "illustrations", "authors",
                "competing_interests"]


@pytest.fixture
def demo():
    """The demo article with a clip and a custom competing-interests statement added."""
    project = demo_project()
    article = project.article
    article.clips.append(MediaClip(id="clip-one", url="https://example.org/v", title="Our film",
                                   caption="The group meets.", transcript="Hello, everyone.",
                                   permission=True))
    article.authors[1].disclosure.custom_statement = "Malcolm declares nothing."
    return project


def by_place(article, **kwargs):
    return {(f.where.panel, f.where.section_id, f.where.author_id, f.where.item_id,
             f.where.field): f for f in text_fields(article, **kwargs)}


def test_every_field_kind_is_enumerated_with_its_place(demo, template):
    article = demo.article
    fields = by_place(article, panels=template.panels)
    clinician, patient = article.authors
    ref = article.references[0]
    fig = article.illustrations[0]
    expected = {
        ("title", "", "", "", "title"): (article.title, "Title and standfirst › Title"),
        ("title", "", "", "", "standfirst"): (article.standfirst,
                                              "Title and standfirst › Standfirst"),
        ("section", "sec-design", "", "", "heading"): ("How we set it up",
                                                       "How we set it up › Heading"),
        ("key_messages", "", "", "1", "message"): (article.key_messages[1],
                                                  "Key messages and quotes › Message 2"),
        ("references", "", "", ref.id, "title"): (ref.title, "References › 1. Title"),
        ("references", "", "", ref.id, "container"): (ref.container,
                                                     "References › 1. Journal or publisher"),
        ("references", "", "", ref.id, "text"): ("", "References › 1. Text"),
        ("illustrations", "", "", fig.id, "caption"): (
            fig.caption, "Illustrations and clips › Illustration 1 › Caption"),
        ("illustrations", "", "", fig.id, "alt_text"): (
            fig.alt_text, "Illustrations and clips › Illustration 1 › Description (alt text)"),
        ("illustrations", "", "", fig.id, "credit"): (
            fig.credit, "Illustrations and clips › Illustration 1 › Credit"),
        ("illustrations", "", "", "clip-one", "clip_title"): (
            "Our film", "Illustrations and clips › Clip 1 › Title"),
        ("illustrations", "", "", "clip-one", "clip_caption"): (
            "The group meets.", "Illustrations and clips › Clip 1 › Caption"),
        ("illustrations", "", "", "clip-one", "clip_transcript"): (
            "Hello, everyone.", "Illustrations and clips › Clip 1 › Transcript"),
        ("authors", "", clinician.id, "", "name"): (
            "Bethan Lloyd", "Authors and photos › Bethan Lloyd › Name"),
        ("authors", "", clinician.id, "", "credentials"): (
            "RN, MSc", "Authors and photos › Bethan Lloyd › Qualifications"),
        ("authors", "", clinician.id, "", "role"): (
            clinician.role, "Authors and photos › Bethan Lloyd › Role in the project"),
        ("authors", "", clinician.id, "", "affiliation"): (
            clinician.affiliation, "Authors and photos › Bethan Lloyd › Organisation"),
        ("competing_interests", "", clinician.id, "", "item1.0.entity"): (
            "Brackenlea Trust (charity)", "Competing interests › Bethan Lloyd › Item 1 › Who"),
        ("competing_interests", "", clinician.id, "", "item1.0.what"): (
            clinician.disclosure.item(1).entries[0].what,
            "Competing interests › Bethan Lloyd › Item 1 › What"),
        ("competing_interests", "", clinician.id, "", "item10.0.comments"): (
            "since 2022", "Competing interests › Bethan Lloyd › Item 10 › Comments"),
        ("competing_interests", "", patient.id, "", "statement"): (
            "Malcolm declares nothing.", "Competing interests › Malcolm Reid › Statement"),
    }
    for key, (text, label) in expected.items():
        assert key in fields, key
        assert fields[key].text == text, key
        assert fields[key].where.label == label, key
    body = fields[("section", "sec-design", "", "", "body")]
    assert body.where.label == "How we set it up" and body.rich
    assert body.blocks == tuple(paragraph_block(p)
                                for p in article.section("sec-design").body.paragraphs)
    # reference authors are one block per name
    named = next(r for r in article.references if r.authors)
    assert fields[("references", "", "", named.id, "authors")].blocks == tuple(named.authors)


def test_default_labels_without_the_template_panels(demo):
    fields = by_place(demo.article)
    assert fields[("title", "", "", "", "title")].where.label == "Title and standfirst › Title"
    assert fields[("key_messages", "", "", "0", "message")].where.label == \
        "Key messages › Message 1"
    patient = demo.article.authors[1]
    assert fields[("competing_interests", "", patient.id, "", "statement")].where.label == \
        "Competing interests › Malcolm Reid › Statement"


def test_panel_keys_are_the_navigators(demo):
    for f in text_fields(demo.article):
        key = f.where.panel_key()
        if f.where.panel == "section":
            assert key == f"section:{f.where.section_id}"
        else:
            assert key == f.where.panel


def test_fields_come_in_reading_order(demo):
    panels = [f.where.panel for f in text_fields(demo.article)]
    order = [p for p, _ in itertools.groupby(panels)]
    assert order == PANELS_ORDER


PROSE = {"title", "standfirst", "heading", "body", "message", "caption", "alt_text",
         "clip_title", "clip_caption", "clip_transcript", "role", "statement"}
NOT_PROSE = {"name", "credentials", "affiliation", "container", "credit"}


def test_prose_flags(demo):
    for f in text_fields(demo.article):
        name = f.where.field
        if f.where.panel == "references":
            assert f.prose == (name in ("title", "text")), name
        elif f.where.panel == "competing_interests" and name != "statement":
            assert f.prose == (not name.endswith(".entity")), name
        elif name in PROSE:
            assert f.prose, name
        else:
            assert name in NOT_PROSE and not f.prose, name


def test_parts_and_limits(demo):
    parts = {}
    for f in text_fields(demo.article):
        parts.setdefault(f.part, set()).add(f.where.field)
        limit = {("title", "title"): TITLE_MAX, ("section", "heading"): HEADING_MAX,
                 ("authors", "name"): AUTHOR_NAME_MAX}.get((f.where.panel, f.where.field),
                                                           TEXT_MAX)
        assert f.max_len == limit, f.where
    assert parts["title"] == {"title"} and parts["standfirst"] == {"standfirst"}
    assert parts["sections"] == {"body"} and parts["viewpoints"] == {"body"}
    assert parts["key_messages"] == {"message"}
    assert parts["captions"] == {"caption", "clip_caption"}
    assert [f.text for f in part_fields(demo.article, "captions")] == [
        demo.article.illustrations[0].caption, "The group meets."]
    viewpoint_bodies = [f.where.section_id for f in text_fields(demo.article)
                        if f.part == "viewpoints"]
    assert viewpoint_bodies == [s.id for s in demo.article.viewpoints()]


def test_citations_stand_as_object_characters_at_their_offsets():
    refs = [Reference(title="A"), Reference(title="B")]
    paragraph = Paragraph([Run("ab", bold=True), Citation([refs[0].id]), Run("cd"),
                           Citation([refs[1].id]), Citation([refs[0].id]), Run("e", quote="q")])
    section = Section("S", body=RichText([paragraph, Paragraph([Citation([refs[1].id])])]))
    article = Article(sections=[section], references=refs)
    [body] = [f for f in text_fields(article) if f.where.field == "body"]
    assert body.blocks == ("ab" + OBJECT + "cd" + OBJECT + OBJECT + "e", OBJECT)
    assert [i for i, ch in enumerate(body.blocks[0]) if ch == OBJECT] == [2, 5, 6]
    # the demo: the first paragraph's citation sits right after its first run
    demo = demo_project().article
    [first] = [f for f in text_fields(demo) if f.where.section_id == "sec-rationale"
               and f.where.field == "body"]
    run = demo.sections[0].body.paragraphs[0].items[0].text
    assert first.blocks[0].index(OBJECT) == len(run)
    assert first.blocks[0] == run + OBJECT + "."


def test_plain_fields_are_split_into_lines():
    article = Article(title="One\nTwo", standfirst="")
    fields = by_place(article)
    assert fields[("title", "", "", "", "title")].blocks == ("One", "Two")
    assert fields[("title", "", "", "", "standfirst")].blocks == ("",)


def test_bodies_false_leaves_out_only_the_bodies(demo):
    every = list(text_fields(demo.article))
    without = list(text_fields(demo.article, bodies=False))
    assert without == [f for f in every if f.where.field != "body"]
    assert len(every) - len(without) == len(demo.article.sections)


def test_unnamed_sections_and_authors_get_a_readable_label():
    author = Author("", "patient")
    article = Article(authors=[author], sections=[Section("  ")])
    labels = [f.where.label for f in text_fields(article)]
    assert "Untitled section › Heading" in labels
    assert "Authors › Unnamed author › Name" in labels
    assert "Competing interests › Unnamed author › Statement" in labels


# --- nothing the authors type is missed -------------------------------------------------------
# Keys whose strings are not text the authors write: identities, choices from a list, links,
# addresses, handles, dates, file references, and the bibliographic numbers of a reference.
NOT_TEXT = {"id", "template_id", "kind", "key", "partner_type", "style", "author_ids", "ticked",
            "assignee", "cite", "q", "answer", "paid_to", "url", "email", "handle",
            "accessed", "certified_on", "certified_fingerprint", "year", "volume", "issue",
            "pages", "doi", "manuscript_number"}
NOT_TEXT_OBJECTS = {"settings", "media", "approvals"}


def _typed_strings(data, path=()):
    """(path, value) of every string the authors type, in the article's JSON."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in NOT_TEXT or key in NOT_TEXT_OBJECTS:
                continue
            yield from _typed_strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _typed_strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _stamp(data, counter, path=()):
    """Every typed string replaced by a unique token (so each one can be looked for)."""
    if isinstance(data, dict):
        return {k: (v if k in NOT_TEXT or k in NOT_TEXT_OBJECTS else _stamp(v, counter))
                for k, v in data.items()}
    if isinstance(data, list):
        return [_stamp(v, counter) for v in data]
    if isinstance(data, str):
        return f"tok{next(counter)}x"
    return data


@st.composite
def shaped_articles(draw):
    """An article of random shape with something in every kind of place."""
    refs = [Reference(kind=draw(st.sampled_from(["journal", "web", "other"])),
                      authors=["x"] * draw(st.integers(0, 3)))
            for _ in range(draw(st.integers(0, 3)))]
    authors = []
    for _ in range(draw(st.integers(0, 3))):
        author = Author("x", draw(st.sampled_from(["patient", "health_professional"])))
        for number in draw(st.lists(st.integers(1, 13), max_size=3, unique=True)):
            item = author.disclosure.item(number)
            item.answer = "entries"
            item.entries = [DisclosureEntry("x", "x", "me", "x")
                            for _ in range(draw(st.integers(1, 2)))]
        authors.append(author)
    sections = []
    for _ in range(draw(st.integers(0, 4))):
        paragraphs = []
        for _ in range(draw(st.integers(0, 3))):
            items = []
            for _ in range(draw(st.integers(1, 4))):
                if refs and draw(st.booleans()):
                    items.append(Citation([refs[0].id]))
                items.append(Run("x", bold=draw(st.booleans()), italic=draw(st.booleans())))
            paragraphs.append(Paragraph(items))
        sections.append(Section("x", kind=draw(st.sampled_from(["guidance", "viewpoint",
                                                                  "other"])),
                                body=RichText(paragraphs)))
    media = MediaRef("0123456789abcdef01234567.png", "a.png", "image/png")
    article = Article(title="x", standfirst="x", authors=authors, sections=sections,
                      key_messages=["x"] * draw(st.integers(0, 4)), references=refs,
                      illustrations=[Illustration(media, caption="x", alt_text="x", credit="x")
                                     for _ in range(draw(st.integers(0, 2)))],
                      clips=[MediaClip(url="https://example.org/c", title="x", caption="x",
                                       transcript="x")
                             for _ in range(draw(st.integers(0, 2)))])
    return article


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shaped_articles())
def test_every_typed_string_of_the_file_is_on_the_surface(article):
    data = _stamp(article.to_json(), itertools.count())
    stamped = Article.from_json(data)
    blocks = [block for f in text_fields(stamped) for block in f.blocks]
    surface = "\n".join(blocks)
    typed = list(_typed_strings(stamped.to_json()))
    assert typed, "nothing was stamped"
    for path, value in typed:
        # a run of a paragraph is part of a block; any other text is a whole block or field
        if "runs" in path:
            assert value in surface, path
        else:
            assert value in blocks, path
    # and nothing on the surface is invented: every token seen comes from the file
    tokens = {value for _path, value in typed}
    assert set(re.findall(r"tok\d+x", surface)) <= tokens


_items = st.lists(st.one_of(
    st.builds(Run, st.text(alphabet="ab \ufffc\n", max_size=4), st.booleans(), st.booleans(),
              ins=st.sampled_from(["", "s1"]), dele=st.sampled_from(["", "s2"])),
    st.builds(Citation, st.lists(st.sampled_from(["r1", "r2"]), max_size=2),
              ins=st.sampled_from(["", "s1"]), dele=st.sampled_from(["", "s2"]))),
    max_size=8)


@given(_items)
def test_the_standing_and_accepted_blocks_are_those_of_the_copied_paragraphs(items):
    """``standing_block`` and ``accepted_block`` build the text straight from the items (the
    Suggested changes list's figure after each pause; issue 23): always the text of the
    paragraph as ``standing()`` and ``accepted()`` make it."""
    from pipwriter.model.article.text_surface import accepted_block, standing_block
    paragraph = Paragraph(items)
    as_it_stands = paragraph.standing() if paragraph.has_suggestions() else paragraph
    assert standing_block(paragraph) == paragraph_block(as_it_stands)
    assert accepted_block(paragraph) == paragraph_block(paragraph.accepted())
