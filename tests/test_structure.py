"""Structure changes as model operations (model/structure.py): removing and replacing authors and
what that touches, viewpoint headings following names, where new viewpoints and sections go,
renaming, removing, moving and reordering sections; and (a property) any sequence of these
leaves an article that saves and loads again, so the app never writes a file it will not open."""

from __future__ import annotations

import copy
import json
import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipwriter.model.article.article import Article, Section
from pipwriter.model.article.author import Author
from pipwriter.model.article.factory import new_article
from pipwriter.model.article.limits import AUTHOR_NAME_MAX, AUTHORS_MAX, HEADING_MAX, SECTIONS_MAX
from pipwriter.model.article.structure import (
    LimitReached,
    add_author,
    add_section,
    add_viewpoint,
    fit,
    keeping_viewpoint_titles,
    missing_guidance_sections,
    move_section,
    remove_author,
    remove_section,
    rename_section,
    reorder_sections,
    replace_author,
    viewpoint_position,
    viewpoints_of,
)
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project


def saved_and_loaded(article: Article) -> Article:
    again = Article.from_json(json.loads(json.dumps(article.to_json())))
    assert again.to_json() == article.to_json()
    return again


def ids(article: Article) -> list[str]:
    return [s.id for s in article.sections]


@pytest.fixture
def demo():
    return demo_project().article


@pytest.fixture
def trio(template):
    """Three authors; a joint patient-and-carer viewpoint (generated heading), the clinician's
    viewpoint with a heading typed by hand; the carer writes the design section."""
    clinician = Author("Dr Asha Patel", "health_professional", corresponding=True)
    patient = Author("Sam Jones", "patient")
    carer = Author("Kim Jones", "carer")
    article = new_article(template, "T", [clinician, patient, carer],
                          viewpoint_groups=[[clinician], [patient, carer]])
    typed, joint = article.viewpoints()
    typed.title = "In my words: Dr Asha Patel"
    article.section(ids(article)[1]).assignee = carer.id
    return article, clinician, patient, carer


# --- authors ----------------------------------------------------------------------------------
def test_generated_headings(trio):
    article, *_ = trio
    assert article.viewpoints()[1].title == "Patient's viewpoint: Sam Jones and Kim Jones"


def test_remove_author_from_viewpoints_assignees_and_generated_headings(trio, template):
    article, clinician, patient, carer = trio
    typed, joint = article.viewpoints()
    text_before = joint.body.to_json()
    remove_author(article, template, carer.id)
    assert [a.id for a in article.authors] == [clinician.id, patient.id]
    assert joint.author_ids == [patient.id]
    assert joint.title == "Patient's viewpoint: Sam Jones"
    assert joint.body.to_json() == text_before
    assert all(s.assignee != carer.id for s in article.sections)
    assert article.section(ids(article)[1]).assignee == ""
    assert viewpoints_of(article, carer.id) == []
    # the typed heading is kept, though its author goes
    remove_author(article, template, clinician.id)
    assert typed.title == "In my words: Dr Asha Patel" and typed.author_ids == []
    # the last author of the joint viewpoint: the template's plain title
    remove_author(article, template, patient.id)
    assert joint.title == template.viewpoint.title and joint.author_ids == []
    assert len(article.viewpoints()) == 2        # the viewpoints and their text stay
    saved_and_loaded(article)


def test_remove_unknown_author_changes_nothing(trio, template):
    article, *_ = trio
    before = article.to_json()
    remove_author(article, template, "author-nobody")
    assert article.to_json() == before


def test_replace_author_keeps_one_corresponding_author(trio, template):
    article, clinician, patient, carer = trio
    edited = copy.deepcopy(patient)
    edited.corresponding = True
    replace_author(article, template, edited)
    assert [a.corresponding for a in article.authors] == [False, True, False]
    assert article.author(patient.id) is edited
    # making someone not corresponding leaves the others alone
    edited_carer = copy.deepcopy(carer)
    edited_carer.corresponding = False
    replace_author(article, template, edited_carer)
    assert [a.corresponding for a in article.authors] == [False, True, False]


def test_replace_author_headings_follow_the_new_name(trio, template):
    article, clinician, patient, carer = trio
    typed, joint = article.viewpoints()
    edited = copy.deepcopy(carer)
    edited.name = "  Kim   Jones-Smith \n"
    replace_author(article, template, edited)
    assert edited.name == "Kim Jones-Smith"
    assert joint.title == "Patient's viewpoint: Sam Jones and Kim Jones-Smith"
    renamed = copy.deepcopy(clinician)
    renamed.name = "Dr Asha Patel-Khan"
    replace_author(article, template, renamed)
    assert typed.title == "In my words: Dr Asha Patel"


def test_replace_author_name_is_cut_and_never_empty(trio, template):
    article, clinician, *_ = trio
    edited = copy.deepcopy(clinician)
    edited.name = "x" * (AUTHOR_NAME_MAX + 50)
    replace_author(article, template, edited)
    assert len(article.authors[0].name) == AUTHOR_NAME_MAX
    blank = copy.deepcopy(clinician)
    blank.name = "  \n "
    replace_author(article, template, blank)
    assert article.authors[0].name == "Unnamed author"
    saved_and_loaded(article)


def test_keeping_viewpoint_titles_returns_the_result(trio, template):
    article, *_ = trio
    assert keeping_viewpoint_titles(article, template, lambda a: 42) == 42


# --- viewpoints and sections ------------------------------------------------------------------
def test_add_viewpoint_goes_after_the_last_viewpoint(demo, template):
    current = "sec-rationale"
    before = ids(demo)
    section = add_viewpoint(demo, template, ["author-patient"], current)
    last = max(i for i, s in enumerate(before) if s.startswith("sec-viewpoint"))
    assert ids(demo).index(section.id) == last + 1
    assert section.kind == "viewpoint" and section.author_ids == ["author-patient"]
    assert section.title == "Patient's viewpoint: Malcolm Reid"
    # and the next goes after that one
    other = add_viewpoint(demo, template, ["author-clinician"], "sec-future")
    assert ids(demo).index(other.id) == last + 2


def test_add_viewpoint_with_none_goes_after_the_current_section(demo, template):
    for v in demo.viewpoints():
        remove_section(demo, v.id)
    assert viewpoint_position(demo, "sec-design") == 2
    section = add_viewpoint(demo, template, ["author-clinician", "nobody"], "sec-design")
    assert ids(demo)[2] == section.id
    assert section.author_ids == ["author-clinician"]
    # with no current section (or an unknown one): at the end
    for v in demo.viewpoints():
        remove_section(demo, v.id)
    end = add_viewpoint(demo, template, [], "sec-gone")
    assert ids(demo)[-1] == end.id and end.title == template.viewpoint.title


def test_add_section_after_the_current_one(demo, template):
    removed = remove_section(demo, "sec-learning")
    assert removed == 6
    assert missing_guidance_sections(demo, template) == ["learning"]
    section = add_section(demo, template, key="learning", current_section_id="sec-design")
    assert ids(demo)[2] == section.id
    assert (section.kind, section.key, section.title) == ("guidance", "learning",
                                                          "What we learnt")
    assert missing_guidance_sections(demo, template) == []
    own = add_section(demo, template, title="  Our   budget\n", current_section_id="sec-future")
    assert ids(demo)[-1] == own.id and own.title == "Our budget" and own.kind == "other"
    untitled = add_section(demo, template, title=" ", current_section_id="")
    assert ids(demo)[-1] == untitled.id and untitled.title == "New section"
    long = add_section(demo, template, title="y" * 900, current_section_id="sec-rationale")
    assert ids(demo)[1] == long.id and len(long.title) == HEADING_MAX
    with pytest.raises(KeyError):
        add_section(demo, template, key="no-such-section")
    saved_and_loaded(demo)


def test_rename_section(demo):
    section = demo.section("sec-design")
    assert rename_section(demo, section.id, "  How   we\nbegan  ")
    assert section.title == "How we began"
    assert not rename_section(demo, section.id, "How we began")      # no change
    assert not rename_section(demo, section.id, " \n\t ")
    assert section.title == "How we began"
    assert not rename_section(demo, "sec-none", "Title")
    assert rename_section(demo, section.id, "z" * (HEADING_MAX + 1))
    assert section.title == "z" * HEADING_MAX
    saved_and_loaded(demo)


def test_remove_move_and_reorder(demo):
    order = ids(demo)
    assert remove_section(demo, "sec-none") == -1 and ids(demo) == order
    assert move_section(demo, "sec-future", -1)
    assert ids(demo)[-2:] == ["sec-future", "sec-learning"]
    assert not move_section(demo, "sec-learning", 1)
    assert not move_section(demo, order[0], -1)
    assert not move_section(demo, "sec-none", 1)
    assert not move_section(demo, order[0], 0)
    assert move_section(demo, order[0], 3) and ids(demo)[3] == order[0]
    reorder_sections(demo, ["sec-future", "sec-none", "sec-rationale"])
    assert ids(demo)[:2] == ["sec-future", "sec-rationale"]
    assert sorted(ids(demo)) == sorted(order)
    reorder_sections(demo, list(reversed(order)))
    assert ids(demo) == list(reversed(order))
    assert remove_section(demo, order[0]) == len(order) - 1
    assert order[0] not in ids(demo)
    saved_and_loaded(demo)


def test_fit():
    assert fit("  a \n b\t c ", 100) == "a b c"
    assert fit("abcdef", 3) == "abc"


# --- known gaps ---------------------------------------------------------------------------------
def test_a_generated_heading_cut_to_the_limit_still_follows_the_names(template):
    first, second = Author("A" * 300, "patient"), Author("B" * 300, "patient")
    article = new_article(template, "T", [first, second], viewpoint_groups=[])
    section = add_viewpoint(article, template, [first.id, second.id])
    assert len(section.title) == HEADING_MAX
    edited = copy.deepcopy(first)
    edited.name = "Ann"
    replace_author(article, template, edited)
    assert section.title.startswith("Patient's viewpoint: Ann and B")


def test_a_new_article_keeps_its_headings_within_the_limit(template):
    first, second = Author("A" * 300, "patient"), Author("B" * 300, "patient")
    article = new_article(template, "T", [first, second], viewpoint_groups=[[first, second]])
    assert all(len(s.title) <= HEADING_MAX for s in article.sections)
    saved_and_loaded(article)


def test_sections_and_authors_stop_at_the_limit(template):
    article = new_article(template, "T", [])
    while len(article.sections) < SECTIONS_MAX:
        add_section(article, template, title="More")
    with pytest.raises(LimitReached):
        add_section(article, template, title="One too many")
    with pytest.raises(LimitReached):
        add_viewpoint(article, template, [])
    assert len(article.sections) == SECTIONS_MAX
    remove_section(article, article.sections[0].id)
    add_viewpoint(article, template, [])
    assert len(article.sections) == SECTIONS_MAX
    while len(article.authors) < AUTHORS_MAX:
        add_author(article, Author("  Someone \n"))
    assert article.authors[0].name == "Someone"
    with pytest.raises(LimitReached):
        add_author(article, Author("Late"))
    assert len(article.authors) == AUTHORS_MAX
    saved_and_loaded(article)


# --- the property: any sequence of changes leaves a file the app opens --------------------------
names = st.sampled_from(["", "  ", "x" * (AUTHOR_NAME_MAX + 3), "Ann\nLee", "Bethan Lloyd",
                         "y" * 300]) | st.text(st.characters(blacklist_categories=("Cs",)),
                                               max_size=40)
titles = st.sampled_from(["", " \n ", "h" * (HEADING_MAX + 7), "What we learnt",
                          "  Two\nlines  "]) | st.text(st.characters(blacklist_categories=("Cs",)),
                                                      max_size=40)


@st.composite
def operations(draw):
    return draw(st.lists(st.tuples(
        st.sampled_from(["remove_author", "replace_author", "add_author", "add_viewpoint",
                         "add_section", "add_own_section", "rename", "remove", "move",
                         "reorder"]),
        st.integers(0, 1_000), st.integers(-4, 4), names, titles, st.booleans(),
        st.randoms(use_true_random=False)), min_size=1, max_size=25))


def _pick(items, n, missing="nothing"):
    return items[n % len(items)] if items else missing


def apply(article: Article, template, op) -> None:
    kind, n, delta, name, title, flag, rnd = op
    author_ids = [a.id for a in article.authors]
    section_ids = ids(article)
    if kind == "remove_author":
        remove_author(article, template, _pick(author_ids, n))
    elif kind == "replace_author" and article.authors:
        edited = copy.deepcopy(_pick(article.authors, n))
        edited.name, edited.corresponding = name, flag
        edited.partner_type = rnd.choice(["patient", "carer", "health_professional"])
        replace_author(article, template, edited)
    elif kind == "add_author" and len(article.authors) < 20:
        add_author(article, Author(name, flag and "patient" or "manager"))
    elif kind == "add_viewpoint":
        chosen = rnd.sample(author_ids, min(len(author_ids), delta % 3)) + ["author-gone"]
        add_viewpoint(article, template, chosen, _pick(section_ids, n))
    elif kind == "add_section":
        missing = missing_guidance_sections(article, template)
        if missing:
            add_section(article, template, key=_pick(missing, n),
                        current_section_id=_pick(section_ids, delta))
    elif kind == "add_own_section":
        add_section(article, template, title=title, current_section_id=_pick(section_ids, n))
    elif kind == "rename":
        rename_section(article, _pick(section_ids, n), title)
    elif kind == "remove":
        remove_section(article, _pick(section_ids, n))
    elif kind == "move":
        move_section(article, _pick(section_ids, n), delta)
    elif kind == "reorder":
        order = rnd.sample(section_ids, rnd.randint(0, len(section_ids))) + ["sec-gone"]
        reorder_sections(article, order)


LONG_CHANGES = [("rename", 3, 0, "", "h" * (HEADING_MAX + 7), False, random.Random(1)),
                ("replace_author", 1, 0, "x" * (AUTHOR_NAME_MAX + 3), "", True,
                 random.Random(2)),
                ("add_own_section", 0, 0, "", "t" * (HEADING_MAX + 1), False, random.Random(3)),
                ("remove_author", 0, 0, "", "", False, random.Random(4))]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations())
@example(LONG_CHANGES)
def test_any_sequence_of_changes_saves_and_loads(ops):
    article = demo_project().article
    template = get_template(article.template_id)
    for n, section in enumerate(article.sections):      # some sections have a writer
        section.assignee = ["", "author-clinician", "author-patient"][n % 3]
    for op in ops:
        before = sorted(ids(article))
        apply(article, template, op)
        known = {a.id for a in article.authors}
        assert all(set(s.author_ids) <= known for s in article.sections)
        assert all(s.assignee in known or s.assignee == "" for s in article.sections)
        assert sum(a.corresponding for a in article.authors) <= 1
        assert all(len(s.title) <= HEADING_MAX for s in article.sections)
        assert all(len(a.name) <= AUTHOR_NAME_MAX for a in article.authors)
        assert len(set(ids(article))) == len(article.sections)
        if op[0] in ("move", "reorder", "rename", "replace_author", "remove_author",
                     "add_author"):
            assert sorted(ids(article)) == before       # no section lost or made
    again = saved_and_loaded(article)
    assert [s.title for s in again.sections] == [s.title for s in article.sections]
    # and it is still a valid section list for the navigator
    assert all(isinstance(s, Section) for s in again.sections)
