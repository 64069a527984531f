"""Where a Word draft's headings go: matched whole to the series' parts by the template's own
words and the everyday headings it lists for each (never by a part of a heading), a person's
story as their viewpoint, acknowledgements and the like kept aside, no empty part added beside
a matched one; `pipwriter import` says where each heading went and takes `--map`."""

from __future__ import annotations

import shutil
import subprocess
import sys

import docx
import pytest

from pipwriter.importer.docx_import import import_docx, plan_import
from pipwriter.importer.mapping import OWN, UNPLACED, VIEWPOINT, classify
from pipwriter.importer.plan import ImportMapError
from pipwriter.model.rules.checks import UNPLACED_KEY
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.project_file import load_project

TEMPLATE = get_template("bmj-partnership-in-practice")
GUIDANCE = ("rationale", "design", "implementation", "evaluation", "learning", "future")

# everyday headings, none of them the template's own words, with one sentence each
EVERYDAY = [
    ("Introduction", "People with heart failure told us clinic visits felt rushed."),
    ("Our approach", "We formed a group of six carers and four staff."),
    ("What we actually did", "We met monthly and redesigned the clinic letter."),
    ("Results so far", "Missed appointments fell by a third."),
    ("Jane's story", "Caring for my husband taught me to ask questions."),
    ("Dr Khan's perspective", "I learnt to listen before prescribing."),
    ("Reflections", "Codesign takes time and patience."),
    ("Next steps", "We will spread the approach to two more clinics."),
    ("Acknowledgements", "We thank the Brackenlea Trust for the room."),
]
BYLINE = "By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)"


def everyday_draft(path, headings=EVERYDAY, byline=BYLINE):
    d = docx.Document()
    d.add_paragraph("Heart failure clinic, together", style="Title")
    if byline:
        d.add_paragraph(byline)
    for heading, text in headings:
        d.add_heading(heading, level=1)
        d.add_paragraph(text)
    d.save(str(path))
    return path


@pytest.mark.parametrize("heading, key", [
    ("Introduction", "rationale"), ("Background", "rationale"), ("Context", "rationale"),
    ("2. Background & aims", "rationale"), ("Background: where we started", "rationale"),
    ("Why we did it", "rationale"), ("Our approach", "design"), ("Setting it up", "design"),
    ("What we did", "implementation"), ("What happened", "implementation"),
    ("Outcomes", "evaluation"), ("RESULTS SO FAR", "evaluation"),
    ("Evaluation/impact", "evaluation"), ("Reflections", "learning"),
    ("Lessons learnt", "learning"), ("Next steps", "future"), ("What’s next?", "future"),
    ("Future directions", "future"), ("What happens next", "future"),
    ("How we set it up", "design"),
])
def test_everyday_headings_go_to_their_part(heading, key):
    assert classify(heading, TEMPLATE)[:2] == (key, False)


@pytest.mark.parametrize("heading", [
    "What happened to the money", "Our team", "Results of the survey in detail",
    "Background reading", "Next", "A story about the clinic",
])
def test_a_heading_is_never_matched_by_a_part_of_it(heading):
    target, unsure, reason = classify(heading, TEMPLATE)
    assert (target, unsure) == (OWN, True) and reason


@pytest.mark.parametrize("heading", [
    "Jane's story", "Dr Khan's perspective", "The carer's view", "Patients’ experience",
    "Owen's viewpoint", "My story", "Priya's story: living with heart failure",
])
def test_a_persons_story_view_or_perspective_is_a_viewpoint(heading):
    assert classify(heading, TEMPLATE)[:2] == (VIEWPOINT, False)


@pytest.mark.parametrize("heading", ["Acknowledgements", "Acknowledgments", "Funding",
                                     "Competing interests: none declared", "Contributors"])
def test_acknowledgements_and_declarations_are_set_aside_with_a_reason(heading):
    target, unsure, reason = classify(heading, TEMPLATE)
    assert (target, unsure) == (UNPLACED, False) and reason


def test_synonyms_are_data_in_the_template():
    """A heading the template lists for a part is matched; take it out of the data and the
    same heading is no longer matched (the words are not in the code)."""
    import dataclasses
    assert classify("Results so far", TEMPLATE)[0] == "evaluation"
    sections = tuple(dataclasses.replace(s, synonyms=tuple(w for w in s.synonyms
                                                           if w != "Results so far"))
                     for s in TEMPLATE.sections)
    trimmed = dataclasses.replace(TEMPLATE, sections=sections)
    assert classify("Results so far", trimmed)[0] == OWN


def test_a_draft_in_everyday_words_fills_every_part_and_both_viewpoints(tmp_path):
    plan = plan_import(everyday_draft(tmp_path / "draft.docx"))
    assert plan.unsure() == []
    article = import_docx(plan.source, plan).article

    guidance = [s for s in article.sections if s.kind == "guidance"]
    assert [s.key for s in guidance] == list(GUIDANCE)          # one each, none added empty
    assert all(s.body.plain_text() for s in guidance)
    texts = {s.key: s.body.plain_text() for s in guidance}
    assert texts["implementation"] == "We met monthly and redesigned the clinic letter."
    assert texts["future"] == "We will spread the approach to two more clinics."

    jane, khan = article.viewpoints()
    assert [article.author(i).name for i in jane.author_ids] == ["Jane Doe"]
    assert [article.author(i).name for i in khan.author_ids] == ["Ahmed Khan"]
    assert [(a.name, a.partner_type, a.role) for a in article.authors] == [
        ("Jane Doe", "carer", "carer"), ("Ahmed Khan", "health_professional", "cardiologist")]

    [aside] = [s for s in article.sections if s.key == UNPLACED_KEY]
    assert "We thank the Brackenlea Trust for the room." in aside.body.plain_text()


def test_a_second_heading_for_a_part_joins_it_and_no_empty_part_is_added(tmp_path):
    headings = [("What we did", "We met monthly."), ("What happened", "Attendance doubled."),
                ("Next steps", "More clinics.")]
    plan = plan_import(everyday_draft(tmp_path / "two.docx", headings, byline=""))
    [second] = plan.unsure()
    assert (second.heading, second.target) == ("What happened", "implementation")
    article = import_docx(plan.source, plan).article
    [implementation] = [s for s in article.sections if s.key == "implementation"]
    assert implementation.body.plain_text() == "We met monthly.\nWhat happened\nAttendance doubled."
    assert [s.key for s in article.sections if s.key == "future"] == ["future"]
    # the parts the draft has no heading for are added once, empty, in their place
    assert [s.key for s in article.sections if s.kind == "guidance"] == list(GUIDANCE)


def test_map_sends_a_heading_where_the_authors_say(tmp_path):
    headings = [("Our team", "Eleven people took part."), ("What happened", "It went well.")]
    plan = plan_import(everyday_draft(tmp_path / "map.docx", headings, byline=""))
    plan.apply_map(["our team = design", "What happened=own"])
    article = import_docx(plan.source, plan).article
    [design] = [s for s in article.sections if s.key == "design"]
    assert design.title == "Our team" and design.body.plain_text() == "Eleven people took part."
    [own] = [s for s in article.sections if s.title == "What happened"]
    assert own.kind == "other"
    with pytest.raises(ImportMapError, match="no heading “Nowhere”"):
        plan.apply_map(["Nowhere=design"])
    with pytest.raises(ImportMapError, match="not a part of the article"):
        plan.apply_map(["Our team=middle"])


# --- the command line ------------------------------------------------------------------------
def run(*args):
    return subprocess.run([sys.executable, "-m", "pipwriter", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_cli_import_prints_where_each_heading_went(tmp_path):
    draft = everyday_draft(tmp_path / "draft.docx",
                           [*EVERYDAY, ("Our team", "Eleven people took part.")])
    out = tmp_path / "out.pipw"
    result = run("import", draft, "-o", out)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  “Results so far” → What changed: evaluation and impact" in lines
    assert "  “Next steps” → What happens next" in lines
    assert any(line.startswith("  “Jane's story” → A partner's viewpoint; whose: Jane Doe")
               for line in lines)
    assert any(line.startswith("  Byline “By Jane Doe (carer)") and "Ahmed Khan" in line
               for line in lines)
    [team] = [line for line in lines if line.startswith("  “Our team”")]
    assert "not sure" in team and '--map "Our team=KEY"' in team
    assert load_project(out).article.title == "Heart failure clinic, together"


def test_cli_import_map_and_a_wrong_map(tmp_path):
    draft = everyday_draft(tmp_path / "draft.docx", [("Our team", "Eleven people.")], "")
    out = tmp_path / "out.pipw"
    result = run("import", draft, "-o", out, "--map", "Our team=design")
    assert result.returncode == 0, result.stderr
    assert "  “Our team” → How we set it up" in result.stdout.splitlines()
    assert [s.title for s in load_project(out).article.sections if s.key == "design"] == \
        ["Our team"]
    bad = tmp_path / "bad.pipw"
    result = run("import", draft, "-o", bad, "--map", "Our team=elsewhere")
    assert result.returncode == 2 and result.stdout == ""
    assert "“elsewhere” is not a part of the article" in result.stderr
    assert not bad.exists()


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_a_pandoc_draft_in_everyday_words_is_mapped_the_same(tmp_path):
    markdown = "\n\n".join(["% Heart failure clinic, together", BYLINE] +
                           [f"# {h}\n\n{t}" for h, t in EVERYDAY])
    source = tmp_path / "draft.md"
    source.write_text(markdown, encoding="utf-8")
    path = tmp_path / "pandoc.docx"
    subprocess.run(["pandoc", str(source), "-o", str(path)], check=True, timeout=120)
    plan = plan_import(path)
    assert [(h.heading.replace("’", "'"), h.target) for h in plan.headings] == [
        ("Introduction", "rationale"), ("Our approach", "design"),
        ("What we actually did", "implementation"), ("Results so far", "evaluation"),
        ("Jane's story", VIEWPOINT), ("Dr Khan's perspective", VIEWPOINT),
        ("Reflections", "learning"), ("Next steps", "future"), ("Acknowledgements", UNPLACED)]
    article = import_docx(path, plan).article
    assert [a.name for a in article.authors] == ["Jane Doe", "Ahmed Khan"]
    assert article.title == "Heart failure clinic, together"


def test_a_template_with_an_empty_synonym_is_refused_with_its_place():
    import json

    from pipwriter.model.errors import DataError
    from pipwriter.model.rules.template import parse_template
    data = json.loads(open(TEMPLATE.source, encoding="utf-8").read())
    data["sections"][1]["synonyms"].append("  ")
    with pytest.raises(DataError, match=r"sections\[1\]\.synonyms\[\d+\]"):
        parse_template(data)


def test_the_side_in_a_viewpoint_heading_is_the_authors_side(tmp_path):
    """Found by a walk: "Patient viewpoint: Jane Doe" under a byline that gave no sides left
    Jane Doe filed as a health professional, and the check then said no author was from the
    patients' side. The heading says her side; the plan says where it came from."""
    from pipwriter.importer.parts import mapping_lines
    d = docx.Document()
    d.add_paragraph("Listening first", style="Title")
    d.add_paragraph("Jane Doe, Ahmed Khan")
    d.add_heading("Why we did it", level=1)
    d.add_paragraph("People in crisis waited hours.")
    d.add_heading("Patient viewpoint: Jane Doe", level=1)
    d.add_paragraph("I had been there myself.")
    d.add_heading("Clinician viewpoint: Ahmed Khan", level=1)
    d.add_paragraph("I worried about risk.")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    lines = "\n".join(mapping_lines(plan))
    assert "Jane Doe (Patient, from the heading “Patient viewpoint: Jane Doe”" in lines
    assert "side not given" not in lines
    article = import_docx(path, plan).article
    assert {a.name: a.partner_type for a in article.authors} == {
        "Jane Doe": "patient", "Ahmed Khan": "health_professional"}
    assert not any("patient or a professional" in note for note in plan.notes)


def test_a_draft_of_bold_lines_keeps_its_first_line_as_the_title(tmp_path):
    """Found by a walk: in a draft whose headings are bold lines (no heading styles), the first
    line, the title, became an empty section of its own and the article had no title."""
    d = docx.Document()
    for line, text in (("Peer support after cardiac surgery", None),
                       ("Background", "Many people leave hospital frightened."),
                       ("Our approach", "We paired each patient with a volunteer.")):
        d.add_paragraph().add_run(line).bold = True
        if text:
            d.add_paragraph(text)
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    article = import_docx(path, plan).article
    assert article.title == "Peer support after cardiac surgery"
    assert [h.heading for h in plan.headings] == ["Background", "Our approach"]
    assert all(s.title != "Peer support after cardiac surgery" for s in article.sections)
