"""The byline of a Word draft becomes the article's authors: full names, roles, qualifications
and affiliations, each on the right side of the partnership; a viewpoint headed with a first
name or "Dr Surname" is that author's, and no one is added twice."""

from __future__ import annotations

import docx
import pytest

from pipwriter.importer.docx_import import import_docx, plan_import
from pipwriter.model.rules.checks import UNPLACED_KEY


def draft(path, *front, headings=(("Background", "Why we started."),), title=True):
    d = docx.Document()
    if title:
        d.add_paragraph("Walking together", style="Title")
    for line in front:
        if isinstance(line, list):                    # runs: (text, superscript?)
            p = d.add_paragraph()
            for text, sup in line:
                p.add_run(text).font.superscript = sup
        else:
            d.add_paragraph(line)
    for heading, text in headings:
        d.add_heading(heading, level=1)
        d.add_paragraph(text)
    d.save(str(path))
    return path


def people(article):
    return [(a.name, a.partner_type, a.role, a.credentials, a.affiliation)
            for a in article.authors]


def unplaced(article):
    return "\n".join(s.body.plain_text() for s in article.sections if s.key == UNPLACED_KEY)


def test_by_names_with_roles_in_brackets(tmp_path):
    path = draft(tmp_path / "d.docx", "By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)")
    article = import_docx(path).article
    assert people(article) == [("Jane Doe", "carer", "carer", "", ""),
                               ("Ahmed Khan", "health_professional", "cardiologist", "", "")]
    assert "Jane Doe" not in unplaced(article) and article.title == "Walking together"


def test_without_a_title_style_the_first_line_is_the_title_and_the_byline_is_not(tmp_path):
    path = draft(tmp_path / "d.docx", "Walking together",
                 "Priya Shah (stroke survivor), Owen Hughes (GP) and Sam Jones (nurse)",
                 title=False)
    article = import_docx(path).article
    assert article.title == "Walking together"
    assert [(a.name, a.partner_type) for a in article.authors] == [
        ("Priya Shah", "patient"), ("Owen Hughes", "health_professional"),
        ("Sam Jones", "health_professional")]


def test_qualifications_and_roles_after_commas(tmp_path):
    path = draft(tmp_path / "d.docx",
                 "Jane Doe, patient partner; Ahmed Khan, MBChB, FRCP, consultant cardiologist")
    assert people(import_docx(path).article) == [
        ("Jane Doe", "patient", "patient partner", "", ""),
        ("Ahmed Khan", "health_professional", "consultant cardiologist", "MBChB, FRCP", "")]


def test_numbered_affiliations_under_the_names(tmp_path):
    path = draft(tmp_path / "d.docx",
                 [("Jane Doe", False), ("1", True), (", Ahmed Khan", False), ("2", True)],
                 [("1", True), ("Brackenlea Stroke Club, Leeds", False)],
                 "\u00b2 St Mary's Hospital, London")
    article = import_docx(path).article
    assert [(a.name, a.affiliation) for a in article.authors] == [
        ("Jane Doe", "Brackenlea Stroke Club, Leeds"), ("Ahmed Khan", "St Mary's Hospital, London")]
    assert unplaced(article) == ""          # the byline and affiliations were all placed


def test_viewpoints_belong_to_the_byline_authors(tmp_path):
    path = draft(tmp_path / "d.docx", "By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)",
                 headings=[("Jane's story", "I care for my husband."),
                           ("Dr Khan's perspective", "I learnt to listen.")])
    article = import_docx(path).article
    assert len(article.authors) == 2
    assert [[article.author(i).name for i in v.author_ids] for v in article.viewpoints()] == \
        [["Jane Doe"], ["Ahmed Khan"]]


def test_names_without_roles_are_authors_to_check(tmp_path):
    path = draft(tmp_path / "d.docx", "Authors: Priya Shah and Owen Hughes")
    plan = plan_import(path)
    article = import_docx(path, plan).article
    assert [a.name for a in article.authors] == ["Priya Shah", "Owen Hughes"]
    assert sum("Check whether" in note for note in plan.notes) == 2


@pytest.mark.parametrize("line", [
    "We thank Jane Doe and Ahmed Khan for their help.",
    "A note to my co-author: this is the second draft.",
    "Stroke Club",
])
def test_ordinary_lines_are_not_taken_for_a_byline(tmp_path, line):
    article = import_docx(draft(tmp_path / "d.docx", line)).article
    assert article.authors == [] and line in unplaced(article)


def test_a_byline_the_authors_say_is_not_one_is_kept_as_text(tmp_path):
    from pipwriter.importer.mapping import UNPLACED
    from pipwriter.importer.parts import BYLINE_PART, plan_parts, set_part_target
    path = draft(tmp_path / "d.docx", "By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)")
    plan = plan_import(path)
    [byline] = [p for p in plan_parts(plan) if p.kind == BYLINE_PART]
    set_part_target(plan, byline, UNPLACED)
    article = import_docx(path, plan).article
    assert article.authors == []
    assert "By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)" in unplaced(article)


def test_a_standfirst_in_the_subtitle_style_is_never_taken_for_a_byline(tmp_path):
    """Found by a walk: "Patients and nurses at Brackenlea describe…" in Word's Subtitle style
    was read as a byline naming an author "Patients"; the standfirst was left empty and the
    real byline below it went to the text not yet placed."""
    from pipwriter.importer.parts import mapping_lines
    d = docx.Document()
    d.add_heading("Carers at the table", 0)
    d.add_paragraph("Patients and nurses at Brackenlea describe a new discharge lounge",
                    style="Subtitle")
    d.add_paragraph("By Zoë Ménard (carer) and Dr Siobhán O’Connor (consultant nurse)")
    d.add_heading("Background", 1)
    d.add_paragraph("Discharge took too long and carers were left out of it.")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    lines = "\n".join(mapping_lines(plan))
    assert "Standfirst “Patients and nurses at Brackenlea" in lines
    article = import_docx(path, plan).article
    assert article.standfirst.startswith("Patients and nurses at Brackenlea")
    assert [(a.name, a.partner_type) for a in article.authors] == [
        ("Zoë Ménard", "carer"), ("Siobhán O’Connor", "health_professional")]
    assert all(s.title != "Imported text not yet placed" for s in article.sections)


def test_a_kind_of_person_is_not_an_authors_name(tmp_path):
    d = docx.Document()
    d.add_heading("Carers at the table", 0)
    d.add_paragraph("Patients and nurses at Brackenlea")
    d.add_heading("Background", 1)
    d.add_paragraph("Discharge took too long.")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    assert plan.byline == []
    assert import_docx(path, plan).article.authors == []
