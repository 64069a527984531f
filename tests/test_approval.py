"""Approval: who approved what and when, against a fingerprint of the content; any later change
to what they approved makes the approval out of date; the checklist and the export's checklist
show each author's state."""

from __future__ import annotations

import json
import zipfile

import jsonschema
import pytest

from pipwriter.export.checklist import MET, NOT_MET, OPTIONAL, requirements
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.coauthoring.approval import (
    APPROVED,
    NOT_YET,
    OUT_OF_DATE,
    approval_lines,
    approval_state,
    approve,
    withdraw,
)
from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.checks import all_findings
from pipwriter.model.rules.findings import TIP, WARNING
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.resources import resources_dir


@pytest.fixture
def project(small_project):
    article = small_project.article
    ref = Reference(title="Working together", container="BMJ", year="2021")
    article.references = [ref]
    for n, section in enumerate(article.sections):
        section.body = RichText([Paragraph([Run(f"Section {n} says something. ")])])
    article.sections[0].body.paragraphs[0].items.append(Citation([ref.id]))
    return small_project


def _approval_findings(project, template):
    return [f for f in all_findings(project, template) if f.code.startswith("approval-")]


def test_approving_then_changing_the_text_makes_the_approval_out_of_date(project):
    article = project.article
    asha, sam = article.authors
    assert approval_state(article, asha) == NOT_YET
    approval = approve(article, asha.id, at="2026-05-03T10:00:00+00:00")
    assert (approval.author_id, approval.scope) == (asha.id, "article")
    assert approval_state(article, asha) == APPROVED
    assert approval_state(article, sam) == NOT_YET

    article.sections[2].body.paragraphs[0].items[0].text = "Section 2 now says more."
    assert approval_state(article, asha) == OUT_OF_DATE
    approve(article, asha.id)                              # approving again brings it up to date
    assert approval_state(article, asha) == APPROVED
    assert len(article.approvals) == 1                     # replaced, not added


@pytest.mark.parametrize("change", [
    lambda a: setattr(a, "title", "A new title"),
    lambda a: a.key_messages.append("Listen first."),
    lambda a: setattr(a.references[0], "year", "2022"),           # how the reference prints
    lambda a: setattr(a.authors[1], "role", "Co-chair"),          # how an author is presented
    lambda a: setattr(a.sections[1], "title", "How we began"),
    lambda a: a.sections.reverse(),
    lambda a: setattr(a.settings, "citation_style", "superscript"),
])
def test_any_change_to_what_is_published_invalidates(project, change):
    article = project.article
    approve(article, article.authors[0].id)
    change(article)
    assert approval_state(article, article.authors[0]) == OUT_OF_DATE


@pytest.mark.parametrize("change", [
    lambda a: setattr(a.sections[1], "assignee", a.authors[1].id),
    lambda a: a.sections[1].ticked.append("aim"),
    lambda a: a.settings.dismissed_findings.append("section-short@section/x"),
    lambda a: a.settings.spell_ignore.append("Brackenlea"),
])
def test_changes_that_are_not_published_keep_the_approval(project, change):
    article = project.article
    approve(article, article.authors[0].id)
    change(article)
    assert approval_state(article, article.authors[0]) == APPROVED


def test_section_approval_follows_only_that_section(project):
    article = project.article
    sam = article.authors[1]
    first, second = article.sections[0], article.sections[1]
    approve(article, sam.id, first.id)
    second.body.paragraphs[0].items[0].text = "Changed elsewhere."
    assert approval_state(article, sam, first.id) == APPROVED
    assert approval_state(article, sam) == NOT_YET          # a section is not the article
    article.references[0].title = "Working together again"  # a reference the section cites
    assert approval_state(article, sam, first.id) == OUT_OF_DATE
    assert withdraw(article, sam.id, first.id)
    assert approval_state(article, sam, first.id) == NOT_YET


def test_approving_an_unknown_author_or_section_is_refused(project):
    with pytest.raises(KeyError):
        approve(project.article, "author-nobody")
    with pytest.raises(KeyError):
        approve(project.article, project.article.authors[0].id, "sec-gone")


def test_approvals_are_saved_and_match_the_schema(project, tmp_path):
    article = project.article
    approve(article, article.authors[0].id, at="2026-05-03T10:00:00+00:00")
    path = save_project(project, tmp_path / "a.pipw")
    again = load_project(path).article
    assert again.approvals == article.approvals
    assert approval_state(again, again.authors[0]) == APPROVED
    schema = json.loads((resources_dir().parent / "docs" / "schema" /
                         "article.schema.json").read_text(encoding="utf-8"))
    data = json.loads(zipfile.ZipFile(path).read("article.json"))
    assert data["approvals"][0]["author_id"] == article.authors[0].id
    jsonschema.validate(data, schema)
    data["approvals"][0]["author_id"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_lines_say_each_authors_state(project):
    article = project.article
    asha, sam = article.authors
    approve(article, asha.id, at="2026-05-03T10:00:00+00:00")
    lines = approval_lines(article)
    assert lines[0].startswith("Dr Asha Patel: approved the article on ")
    assert "May 2026" in lines[0]
    assert lines[1] == "Sam Jones: not approved yet"
    article.title = "Changed"
    assert "out of date" in approval_lines(article)[0]


# --- the checklist -----------------------------------------------------------------------------
def test_checklist_is_quiet_until_anyone_approves(project, template):
    assert _approval_findings(project, template) == []


def test_checklist_lists_missing_and_out_of_date_approvals(project, template):
    article = project.article
    asha, sam = article.authors
    approve(article, asha.id)
    [missing] = _approval_findings(project, template)
    assert (missing.code, missing.severity) == ("approval-missing", WARNING)
    assert missing.where.author_id == sam.id and "Sam Jones" in missing.message

    approve(article, sam.id, article.sections[0].id)       # Sam approved their own section only
    [tip] = _approval_findings(project, template)
    assert (tip.code, tip.severity) == ("approval-missing", TIP)
    assert "1 section" in tip.message

    article.sections[0].body = RichText.from_plain("Rewritten.")
    found = {(f.code, f.severity, f.where.author_id or f.where.section_id)
             for f in _approval_findings(project, template)}
    assert found == {("approval-out-of-date", WARNING, asha.id),
                     ("approval-out-of-date", WARNING, article.sections[0].id),
                     ("approval-missing", WARNING, sam.id)}

    approve(article, asha.id)
    approve(article, sam.id)
    assert _approval_findings(project, template) == []


def test_export_checklist_shows_each_authors_approval(project, template):
    article = project.article

    def line():
        counts = count_article(article, template).to_json()
        findings = all_findings(project, template)
        [req] = [r for r in requirements(project, template, counts, findings)
                 if "approved" in r.label]
        return req

    assert line().status == OPTIONAL
    assert "Dr Asha Patel: not approved yet; Sam Jones: not approved yet" in line().detail
    assert "with Article › Approve…" in line().detail       # how, said while it is optional
    approve(article, article.authors[0].id)
    assert line().status == NOT_MET and "Article › Approve" not in line().detail
    assert "Dr Asha Patel: approved the article on" in line().detail
    approve(article, article.authors[1].id)
    assert line().status == MET
    article.standfirst = "Something new."
    assert line().status == NOT_MET and line().detail.count("out of date") == 2


def test_an_approval_recorded_for_someone_else_says_who_recorded_it(project, template, tmp_path):
    """Found by a walk: Malcolm could record Bethan's approval, and nothing kept or said that
    he had; the confirmation said "The editors will be told they did"."""
    article = project.article
    asha, sam = article.authors
    approve(article, asha.id, at="2026-05-03T10:00:00+00:00", recorded_by=sam.id)
    approve(article, sam.id, at="2026-05-03T10:00:00+00:00", recorded_by=sam.id)  # his own
    lines = approval_lines(article)
    assert lines[0].startswith("Dr Asha Patel: approved the article on ") and \
        lines[0].endswith(" (recorded by Sam Jones)")
    assert "recorded by" not in lines[1]
    path = save_project(project, tmp_path / "a.pipw")
    data = json.loads(zipfile.ZipFile(path).read("article.json"))
    assert [a.get("recorded_by") for a in data["approvals"]] == [sam.id, None]
    jsonschema.validate(data, json.loads((resources_dir().parent / "docs" / "schema" /
                                          "article.schema.json").read_text(encoding="utf-8")))
    again = load_project(path).article
    assert approval_lines(again) == lines
    counts = count_article(again, template).to_json()
    [req] = [r for r in requirements(load_project(path), template, counts,
                                     all_findings(load_project(path), template))
             if "approved" in r.label]
    assert "Dr Asha Patel: approved the article on 3 May 2026 (recorded by Sam Jones)" in \
        req.detail


def test_turning_a_suggestion_down_keeps_an_approval_and_taking_one_does_not(project):
    """Found by a walk: rejecting a waiting suggestion made an approval "out of date, the
    article has changed since", though what would be published had not changed."""
    from pipwriter.model.coauthoring.suggestions import accept, reject
    article = project.article
    asha = article.authors[0]
    section = article.sections[0]
    section.body = RichText([Paragraph([Run("We met "), Run("every week ", ins="s1"),
                                        Run("in the hall. "), Run("It was cold.", dele="s2"),
                                        Run(" It helped.", ins="s3")])])
    approve(article, asha.id)
    assert approval_state(article, asha) == APPROVED
    reject(article, ["s1"])                  # the text as it stands is as it was
    assert approval_state(article, asha) == APPROVED
    reject(article, ["s2"])                  # a deletion turned down: the words stay, as before
    assert approval_state(article, asha) == APPROVED
    accept(article, ["s3"])                  # published text changed
    assert approval_state(article, asha) == OUT_OF_DATE
