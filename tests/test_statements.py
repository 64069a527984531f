"""Competing-interests wording: one author, several, mixed; custom wording; status; the form."""

from __future__ import annotations

from datetime import date

import pytest

from pipwriter.model.article.author import Author
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.interests.icmje import load_items
from pipwriter.model.interests.statements import (
    author_statement,
    combined_statement,
    disclosure_form,
    disclosure_form_text,
    generated_statement,
    statement_status,
)

SHORT = ("We have read and understood BMJ policy on declaration of interests and declare no "
         "competing interests.")
LONG_OPENING = ("We have read and understood BMJ policy on declaration of interests and declare "
                "the following interests: ")


@pytest.fixture
def items():
    return load_items()


def none_author(name: str) -> Author:
    author = Author(name)
    for n in range(1, 14):
        author.disclosure.item(n).answer = "none"
    return author


def declare(author: Author, number: int, *entries: DisclosureEntry) -> Author:
    item = author.disclosure.item(number)
    item.answer = "entries"
    item.entries = list(entries)
    return author


def test_one_author_with_nothing_to_declare(items):
    assert author_statement(none_author("Jo Bloggs"), items) == \
        "Jo Bloggs declares no competing interests."
    assert combined_statement([none_author("Jo Bloggs")], items) == SHORT


def test_one_author_with_interests_in_several_items(items):
    jo = none_author("Jo Bloggs")
    declare(jo, 2, DisclosureEntry("NIHR", "evaluation of the clinic", "organisation"))
    declare(jo, 10, DisclosureEntry("Stroke Survivors Together", "trustee", "not_paid"))
    assert author_statement(jo, items) == (
        "Jo Bloggs has received a grant or contract from NIHR (evaluation of the clinic, paid "
        "to their organisation); has a leadership or trustee role in Stroke Survivors "
        "Together (trustee, unpaid).")
    assert combined_statement([jo], items) == LONG_OPENING + author_statement(jo, items)


def test_several_entries_in_one_item_are_listed_together(items):
    sam = declare(none_author("Sam Smith"), 5,
                  DisclosureEntry("Acme Pharma", "speaker fee.", "me", "one talk in 2025"),
                  DisclosureEntry("Diabetes Together", "", "", ""))
    assert author_statement(sam, items) == (
        "Sam Smith has received payment for lectures, presentations, writing or educational "
        "events from Acme Pharma (speaker fee, paid to them, one talk in 2025) and Diabetes "
        "Together.")


def test_entry_without_an_organisation_still_appears(items):
    sam = declare(none_author("Sam Smith"), 13,
                  DisclosureEntry("", "their partner works for a device maker"))
    assert author_statement(sam, items) == (
        "Sam Smith has another financial or non-financial interest (their partner works for a "
        "device maker).")


def test_several_authors_all_none_gives_the_short_form(items):
    authors = [none_author("Jo Bloggs"), none_author("Sam Smith"), none_author("Ana Costa")]
    assert combined_statement(authors, items) == SHORT


def test_mixed_authors_give_specifics_by_name_and_none_for_the_others(items):
    jo = declare(none_author("Jo Bloggs"), 7, DisclosureEntry("Acme", "train fare", "me"))
    sam = none_author("Sam Smith")
    assert combined_statement([jo, sam], items) == (
        LONG_OPENING + "Jo Bloggs has received support for attending meetings or travel from "
        "Acme (train fare, paid to them); Sam Smith has no interests to declare.")
    assert combined_statement([sam, jo], items).startswith(LONG_OPENING + "Sam Smith has no interests to declare; Jo")


def test_answer_none_ignores_leftover_entries(items):
    jo = none_author("Jo Bloggs")
    jo.disclosure.item(4).entries = [DisclosureEntry("Acme", "advice")]   # answer stays "none"
    assert author_statement(jo, items) == "Jo Bloggs declares no competing interests."


def test_custom_wording_replaces_the_generated_wording(items):
    jo = none_author("Jo Bloggs")
    sam = none_author("Sam Smith")
    sam.disclosure.custom_statement = "Sam Smith lives with the condition the article describes."
    assert author_statement(sam, items) == sam.disclosure.custom_statement
    assert generated_statement(sam, items) == "Sam Smith declares no competing interests."
    assert combined_statement([jo, sam], items) == (
        LONG_OPENING + "Jo Bloggs has no interests to declare; Sam Smith lives with the condition the article "
                       "describes.")


def test_custom_wording_identical_to_generated_counts_as_none(items):
    sam = none_author("Sam Smith")
    sam.disclosure.custom_statement = "Sam Smith declares no competing interests."
    assert combined_statement([sam], items) == SHORT


def test_author_who_has_not_finished_is_shown_not_hidden(items):
    jo = none_author("Jo Bloggs")
    sam = Author("Sam Smith")
    sam.disclosure.item(1).answer = "none"
    assert generated_statement(sam, items) == \
        "Sam Smith has not yet completed a declaration of interests."
    assert combined_statement([jo, sam], items) == (
        LONG_OPENING + "Jo Bloggs has no interests to declare; Sam Smith has not yet completed a declaration of "
                       "interests.")


def test_no_authors_gives_no_statement(items):
    assert combined_statement([], items) == ""


def test_icmje_form_all_none(items):
    text = combined_statement([none_author("Jo Bloggs"), none_author("Sam Smith")], items,
                              form="icmje")
    assert text == (
        "All authors have completed the ICMJE uniform disclosure form at "
        "www.icmje.org/disclosure-of-interest/ and declare: no support from any organisation "
        "for the submitted work; no financial relationships with any organisations that might "
        "have an interest in the submitted work in the previous three years; no other "
        "relationships or activities that could appear to have influenced the submitted work.")


def test_icmje_form_replaces_each_clause_with_the_specifics(items):
    jo = declare(none_author("Jo Bloggs"), 1, DisclosureEntry("NHS Charity", "project grant"))
    declare(jo, 10, DisclosureEntry("Walk Club", "chair", "not_paid"))
    sam = declare(none_author("Sam Smith"), 4, DisclosureEntry("Acme", "advice", "me"))
    text = combined_statement([jo, sam], items, form="icmje")
    support, financial, other = text.split(" and declare: ", 1)[1].rstrip(".").split("; ")
    assert support == ("Jo Bloggs has received support for the submitted work from NHS Charity "
                       "(project grant)")
    assert financial == "Sam Smith has received consulting fees from Acme (advice, paid to them)"
    assert other == "Jo Bloggs has a leadership or trustee role in Walk Club (chair, unpaid)"


def test_unknown_form_is_refused(items):
    with pytest.raises(ValueError):
        combined_statement([none_author("Jo")], items, form="research")


def test_status_moves_through_its_stages():
    author = Author("Jo Bloggs")
    assert statement_status(author) == "not started"
    author.disclosure.item(1).answer = "none"
    assert statement_status(author) == "in progress"
    for n in range(2, 14):
        author.disclosure.item(n).answer = "none"
    assert statement_status(author) == "in progress"      # answered but not certified
    author.disclosure.certify("2026-11-21")
    assert statement_status(author) == "certified on 21 November 2026"
    declare(author, 3, DisclosureEntry("Publisher", "book royalties", "me"))
    assert statement_status(author) == "needs re-certifying"


def test_form_lays_out_each_item_with_its_period(items):
    jo = declare(none_author("Jo Bloggs"), 10,
                 DisclosureEntry("Walk Club", "chair", "not_paid", "since 2024"))
    jo.disclosure.manuscript_number = "bmj-2026-0123"
    form = disclosure_form(jo, items, "Walking together", today=date(2026, 11, 21))
    assert dict(form.header) == {"Date": "21 November 2026", "Your name": "Jo Bloggs",
                                 "Manuscript title": "Walking together",
                                 "Manuscript number": "bmj-2026-0123"}
    assert [r.number for r in form.rows] == list(range(1, 14))
    assert form.rows[0].time_frame == "No time limit" and form.rows[0].answer == "None"
    row = form.rows[9]
    assert row.time_frame == "In the past 36 months (since 21 November 2023)"
    assert [(e.entity, e.specifications) for e in row.entries] == \
        [("Walk Club", "chair; not paid; since 2024")]
    assert form.certification == "Not yet certified."
    text = disclosure_form_text(form)
    assert "10. Leadership or fiduciary role" in text
    assert "   - Walk Club: chair; not paid; since 2024" in text


def test_form_of_a_certified_author_is_dated_on_certification(items):
    jo = none_author("Jo Bloggs")
    jo.disclosure.certify("2026-03-01")
    form = disclosure_form(jo, items, "", today=date(2026, 11, 21))
    assert ("Date", "1 March 2026") in form.header
    assert form.rows[1].time_frame.endswith("(since 1 March 2023)")
    assert form.certification == \
        "I confirm these answers are complete and true. Certified on 1 March 2026."


def test_form_shows_unanswered_items_and_changed_answers(items):
    jo = none_author("Jo Bloggs")
    jo.disclosure.certify("2026-03-01")
    jo.disclosure.item(6).answer = ""
    form = disclosure_form(jo, items, "T", today=date(2026, 11, 21))
    assert form.rows[5].answer == "Not answered"
    assert "changed after they were certified on 1 March 2026" in form.certification


def test_unpaid_is_not_said_twice(items):
    """Found by a walk of the app: "Leeds Heart Failure Support Group (Unpaid chair, unpaid)",
    in the statement printed in the article. What the author wrote already says it."""
    mary = declare(none_author("Mary Jones"), 10,
                   DisclosureEntry("Leeds Heart Failure Support Group", "Unpaid chair", "not_paid"))
    text = combined_statement([mary])
    assert "Leeds Heart Failure Support Group (Unpaid chair)" in text
    assert "unpaid)" not in text
    jo = declare(none_author("Jo Bloggs"), 10, DisclosureEntry("Walk Club", "chair", "not_paid"))
    assert "Walk Club (chair, unpaid)" in combined_statement([jo])      # said once, as before


def test_preview_heads_each_item_with_its_plain_question_and_keeps_the_form_title(items):
    """Found by a user walk: the confirm page listed each item by the ICMJE form's title alone
    ("Payment or honoraria for lectures, presentations, speakers bureaus, ..."), which a
    patient co-author was asked to check and sign. On screen each item is now headed by the
    plain question the wizard asked, with the form's title under it; the form's own text (as
    exported) is unchanged."""
    jo = declare(none_author("Jo Bloggs"), 5, DisclosureEntry("Acme", "one talk", "me"))
    jo.disclosure.certify("2026-12-05")
    form = disclosure_form(jo, items, "Walking together", today=date(2026, 12, 6))
    talks = items[4]
    assert form.rows[4].question == talks.question
    preview = disclosure_form_text(form, plain=True)
    assert f"5. {talks.question}\n   On the ICMJE form: {talks.title}\n" in preview
    assert f"10. {items[9].question}\n   On the ICMJE form: Leadership or " in preview
    assert "   - Acme: one talk; paid to me" in preview
    assert "   Your answer: None" in preview
    assert preview.endswith("\nYou confirmed these answers on 5 December 2026.")
    assert "Certification:" not in preview
    official = disclosure_form_text(form)
    assert f"5. {talks.title}\n" in official
    assert talks.question not in official and "On the ICMJE form" not in official
    assert official.endswith("\nCertification: I confirm these answers are complete and true. "
                             "Certified on 5 December 2026.")


@pytest.mark.parametrize("certified_on, changed, plain_line", [
    ("", False, "You have not confirmed these answers yet."),
    ("2026-03-01", True, "You changed these answers after you confirmed them on 1 March 2026. "
                         "They need to be confirmed again."),
])
def test_preview_says_in_plain_words_whether_the_answers_are_confirmed(
        items, certified_on, changed, plain_line):
    jo = none_author("Jo Bloggs")
    if certified_on:
        jo.disclosure.certify(certified_on)
    if changed:
        declare(jo, 3, DisclosureEntry("Publisher", "book royalties", "me"))
    form = disclosure_form(jo, items, "T", today=date(2026, 11, 21))
    assert disclosure_form_text(form, plain=True).endswith("\n" + plain_line)
    assert "Certification: " in disclosure_form_text(form)


def test_statements_in_the_article_never_say_fiduciary(items):
    """The article's wording for item 10 said "has a leadership or fiduciary role in ...":
    "fiduciary" is the ICMJE form's jargon (its title keeps it). The statement says "trustee",
    and no item's wording uses the word."""
    jo = declare(none_author("Jo Bloggs"), 10, DisclosureEntry("Walk Club", "chair", "not_paid"))
    statement = generated_statement(jo, items)
    assert statement == "Jo Bloggs has a leadership or trustee role in Walk Club (chair, unpaid)."
    for form in ("policy", "icmje"):
        assert "fiduciary" not in combined_statement([jo], items, form=form).lower()
    assert not [i.number for i in items if "fiduciary" in i.statement_verb.lower()]
    assert "fiduciary" in items[9].title.lower()     # the form's own title is kept
