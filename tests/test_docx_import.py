"""Importing a Word draft: the document our own export writes comes back as the same article, a
hand-made draft (headings, lists, a reference list, a picture) is mapped onto the series'
structure, nothing is dropped, and `pipwriter import` writes a project file."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from media_samples import encode, picture

from pipwriter.export.article_docx import write_article_docx
from pipwriter.importer.docx_import import import_docx, plan_import
from pipwriter.importer.docx_read import DocxImportError
from pipwriter.importer.mapping import OWN, UNPLACED_TITLE, VIEWPOINT
from pipwriter.model.article.reference import format_bmj
from pipwriter.model.article.text import Citation
from pipwriter.model.language.counts import count_article
from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import load_project


def export_docx(project, path):
    from pipwriter.model.rules.template import get_template
    template = get_template(project.article.template_id)
    write_article_docx(project, path, template, count_article(project.article, template)
                       .to_json())
    return path


def body_view(article, section, quotes=True):
    """A section's text as comparable data: runs with their formatting, citations as the
    references they point to (ids differ between the two articles), quotes as flags."""
    out = []
    for paragraph in section.body.paragraphs:
        items = []
        for item in paragraph.items:
            if isinstance(item, Citation):
                items.append(("cite", tuple(format_bmj(article.reference(r)) for r in item.refs)))
            else:
                items.append((item.text, item.bold, item.italic, quotes and bool(item.quote)))
        merged = []     # runs that differ only in a quote flag left out are one run
        for item in items:
            if merged and item[0] != "cite" and merged[-1][0] != "cite" and \
                    merged[-1][1:] == item[1:]:
                merged[-1] = (merged[-1][0] + item[0], *item[1:])
            else:
                merged.append(item)
        out.append((paragraph.style, merged))
    return out


def owners(article, section):
    return [article.author(i).name for i in section.author_ids]


# --- our own export comes back -----------------------------------------------------------------
@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    original = demo_project()
    path = export_docx(original, tmp_path_factory.mktemp("rt") / "article.docx")
    plan = plan_import(path)
    return original, import_docx(path, plan), plan


def test_round_trip_gives_the_same_article(round_trip):
    original, imported, plan = round_trip
    a, b = original.article, imported.article
    assert plan.unsure() == []
    assert b.title == a.title and b.standfirst == a.standfirst
    assert b.key_messages == a.key_messages
    assert [(s.title, s.kind, s.key) for s in b.sections] == \
        [(s.title, s.kind, s.key) for s in a.sections]
    for old, new in zip(a.sections, b.sections, strict=True):
        assert body_view(b, new, False) == body_view(a, old, False), old.title
        assert owners(b, new) == owners(a, old)
    assert [format_bmj(r) for r in b.references_in_order()] == \
        [format_bmj(r) for r in a.references_in_order()]
    # the flagged key quotes are for the editors: in the bundle's notes, not the manuscript
    assert b.key_quotes() == [] and a.key_quotes()


def test_round_trip_brings_back_the_people_and_pictures(round_trip):
    original, imported, plan = round_trip
    a, b = original.article, imported.article
    fields = ("name", "partner_type", "credentials", "role", "affiliation", "handle",
              "corresponding")
    assert [[getattr(x, f) for f in fields] for x in b.authors] == \
        [[getattr(x, f) for f in fields] for x in a.authors]
    for old, new in zip(a.authors, b.authors, strict=True):
        if old.corresponding:
            assert new.email == old.email
    # the alt text comes back from inside the picture; credit and file name are for the
    # editors (in the bundle's notes), not in the manuscript
    assert [(i.caption, i.alt_text, i.media.name) for i in b.illustrations] == \
        [(i.caption, i.alt_text, i.media.name) for i in a.illustrations]
    assert all(i.credit == "" for i in b.illustrations)
    for item in b.illustrations:        # the very same picture, byte for byte
        assert imported.media.read(item.media.name) == original.media.read(item.media.name)
    assert any("competing-interests statement" in note for note in plan.notes)


def test_round_trip_with_superscript_citations(tmp_path):
    original = demo_project()
    original.article.settings.citation_style = "superscript"
    imported = import_docx(export_docx(original, tmp_path / "sup.docx")).article
    cited = [[tuple(format_bmj(art.reference(r)) for r in c.refs)
              for s in art.sections for c in s.body.citations()]
             for art in (original.article, imported)]
    assert cited[0] == cited[1] and cited[0]


# --- a hand-made draft ----------------------------------------------------------------------------
PNG = encode(picture(900, 700), "PNG")
REFERENCES = ["Smith J. Reviews after stroke. BMJ 2020;370:m1.",
              "Jones A, Brown B. Co-design in practice. BMJ Qual Saf 2021;30:2. "
              "doi:10.1136/bmjqs-2021-2",
              "NICE. Stroke rehabilitation in adults. https://www.nice.org.uk/guidance/ng236"]


def hand_made_draft(path):
    d = docx.Document()
    d.add_paragraph("Walking together after a stroke", style="Title")
    d.add_paragraph("A note to my co-author: this is the second draft.")
    d.add_heading("Key points", level=1)
    d.add_paragraph("Ask people what matters to them.", style="List Bullet")
    d.add_paragraph("Share the chair.", style="List Bullet")
    d.add_heading("1. Background", level=1)
    p = d.add_paragraph("Many people feel ")
    p.add_run("abandoned").bold = True
    p.add_run(" after a stroke [1]. Reviews were a ")
    p.add_run("tick box").italic = True
    p.add_run(" exercise [1,2].")
    d.add_heading("Setting it up", level=1)
    d.add_paragraph("We met monthly [2–3] in the community centre.")
    d.add_paragraph("Short sessions", style="List Bullet")
    d.add_paragraph("Papers in advance", style="List Bullet")
    d.add_heading("Our timetable", level=2)
    d.add_paragraph("It took nine months.")
    run = d.add_paragraph().add_run()
    shape = run.add_picture(io.BytesIO(PNG), width=Cm(8))
    shape._inline.docPr.set("descr", "Six people around a table")
    d.add_paragraph("Figure 1: The working group at its first meeting")
    d.add_heading("Our team", level=1)
    d.add_paragraph("Eleven people took part.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Survivors"
    table.cell(0, 1).text = "Six"
    d.add_heading("Patient's viewpoint: Sam Jones", level=1)
    p = d.add_paragraph("I was nervous at first")
    sup = p.add_run("3")
    sup.font.superscript = True
    p.add_run(".")
    d.add_heading("What we learned", level=1)
    d.add_paragraph("Listening comes first.")
    d.add_heading("References", level=1)
    d.add_paragraph(REFERENCES[0], style="List Number")
    d.add_paragraph(REFERENCES[1], style="List Number")
    d.add_paragraph("3. " + REFERENCES[2])
    d.save(str(path))
    return path


@pytest.fixture
def draft(tmp_path):
    return hand_made_draft(tmp_path / "draft.docx")


def test_a_hand_made_draft_is_mapped(draft):
    plan = plan_import(draft)
    assert plan.title == "Walking together after a stroke"
    assert [(h.heading, h.target, h.unsure) for h in plan.headings] == [
        ("Key points", "@key_messages", False), ("1. Background", "rationale", False),
        ("Setting it up", "design", False), ("Our team", OWN, True),
        ("Patient's viewpoint: Sam Jones", VIEWPOINT, False),
        ("What we learned", "learning", False), ("References", "@references", False)]
    article = import_docx(draft, plan).article

    assert article.title == "Walking together after a stroke"
    assert article.key_messages == ["Ask people what matters to them.", "Share the chair."]
    by_key = {s.key: s for s in article.sections if s.key}
    background = by_key["rationale"].body.paragraphs[0]
    assert [(r.text, r.bold, r.italic) for r in background.items
            if not isinstance(r, Citation) and (r.bold or r.italic)] == \
        [("abandoned", True, False), ("tick box", False, True)]
    numbers = article.reference_numbers()
    cites = [[numbers[r] for r in c.refs] for c in background.citations()]
    assert cites == [[1], [1, 2]]
    assert "[1]" not in background.text()

    design = by_key["design"].body.paragraphs
    assert [[numbers[r] for r in c.refs] for c in design[0].citations()] == [[2, 3]]
    assert [(p.style, p.text()) for p in design[1:]] == [
        ("bullet", "Short sessions"), ("bullet", "Papers in advance"),
        ("body", "Our timetable"), ("body", "It took nine months.")]
    assert design[3].items[0].bold            # a sub-heading is kept as a bold line

    [viewpoint] = article.viewpoints()
    assert viewpoint.title == "Patient's viewpoint: Sam Jones"
    [sam] = [article.author(i) for i in viewpoint.author_ids]
    assert (sam.name, sam.partner_type) == ("Sam Jones", "patient")
    assert [[numbers[r] for r in c.refs] for c in viewpoint.body.citations()] == [[3]]
    assert viewpoint.body.plain_text() == "I was nervous at first."

    # read into their parts, and set out in BMJ style exactly as they were written
    refs = article.references_in_order()
    assert [format_bmj(r).rstrip(".") for r in refs] == [r.rstrip(".") for r in REFERENCES]
    assert [r.kind for r in refs] == ["journal", "journal", "web"]
    assert (refs[0].authors, refs[0].title, refs[0].container, refs[0].year, refs[0].volume,
            refs[0].pages) == (["Smith J"], "Reviews after stroke", "BMJ", "2020", "370", "m1")
    assert refs[1].doi == "10.1136/bmjqs-2021-2"
    assert refs[2].url == "https://www.nice.org.uk/guidance/ng236"

    [figure] = article.illustrations
    assert (figure.caption, figure.alt_text) == ("The working group at its first meeting",
                                                 "Six people around a table")
    assert (figure.media.width, figure.media.height) == (900, 700)

    own = next(s for s in article.sections if s.title == "Our team")
    assert own.kind == "other" and "Eleven people took part." in own.body.plain_text()


def test_missing_parts_are_added_and_unplaced_text_is_kept(draft):
    article = import_docx(draft).article
    keys = [s.key for s in article.sections]
    for spec_key in ("rationale", "design", "implementation", "evaluation", "learning",
                     "future"):
        assert spec_key in keys
    assert keys.index("design") < keys.index("implementation") < keys.index("learning") < \
        keys.index("future")
    last = article.sections[-1]
    assert last.title == UNPLACED_TITLE and last.kind == "other"
    assert "A note to my co-author: this is the second draft." in last.body.plain_text()
    assert "Survivors | Six" in last.body.plain_text()


def test_nothing_in_the_draft_is_dropped(draft):
    article = import_docx(draft).article
    everything = " ".join([article.title, *article.key_messages,
                           *(s.title + " " + s.body.plain_text() for s in article.sections),
                           *(format_bmj(r) for r in article.references),
                           *(i.caption for i in article.illustrations)])
    document = docx.Document(str(draft))
    words = [w for p in document.paragraphs for w in re.findall(r"[A-Za-z]{3,}", p.text)]
    words += [w for t in document.tables for c in t._cells for w in c.text.split()]
    # the headings of the parts with a place of their own, and the caption's label, go
    missing = sorted({w for w in words if w not in everything} -
                     {"Key", "points", "References", "Figure"})
    assert missing == []


def test_choosing_where_an_unsure_heading_goes(draft):
    plan = plan_import(draft)
    [unsure] = plan.unsure()
    assert unsure.heading == "Our team" and unsure.reason
    targets = [t for t, _label in plan.options(unsure)]
    assert targets[0] == OWN and "implementation" in targets
    plan.choose(unsure.number, "implementation")
    article = import_docx(draft, plan).article
    [section] = [s for s in article.sections if s.key == "implementation"]
    assert section.title == "Our team"
    assert "Eleven people took part." in section.body.plain_text()
    with pytest.raises(ValueError):
        plan.choose(unsure.number, "nowhere")


def test_bold_lines_act_as_headings_when_there_are_none(tmp_path):
    d = docx.Document()
    d.add_paragraph().add_run("Background").bold = True
    d.add_paragraph("Why we started.")
    d.add_paragraph().add_run("What we learnt").bold = True
    d.add_paragraph("To listen.")
    d.save(str(tmp_path / "bold.docx"))
    plan = plan_import(tmp_path / "bold.docx")
    assert [(h.heading, h.target) for h in plan.headings] == [("Background", "rationale"),
                                                              ("What we learnt", "learning")]
    assert all(h.unsure for h in plan.headings)        # a bold line may not be a heading
    article = import_docx(tmp_path / "bold.docx", plan).article
    assert {s.key: s.body.plain_text() for s in article.sections if s.body.plain_text()} == \
        {"rationale": "Why we started.", "learning": "To listen."}


def test_a_citation_without_a_reference_stays_as_text(tmp_path):
    d = docx.Document()
    d.add_heading("Background", level=1)
    d.add_paragraph("As shown before [7].")
    d.save(str(tmp_path / "x.docx"))
    plan = plan_import(tmp_path / "x.docx")
    article = import_docx(tmp_path / "x.docx", plan).article
    section = next(s for s in article.sections if s.key == "rationale")
    assert section.body.plain_text() == "As shown before [7]."
    assert any("7" in note for note in plan.notes)


@pytest.mark.parametrize("content, expected", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-style Word document"),
    (b"just some text", "not a Word document"),
    (b"PK\x03\x04broken", "damaged"),
])
def test_unreadable_files_get_one_clear_message(tmp_path, content, expected):
    path = tmp_path / "draft.docx"
    path.write_bytes(content)
    with pytest.raises(DocxImportError, match=expected):
        plan_import(path)


def test_a_draft_with_a_password_is_called_that_not_an_old_document():
    """Found by a walk: a .docx protected with a password (Word keeps it in the same kind of
    container as an old .doc) was called an old-style document, and saving it again as .docx,
    as advised, keeps the password. The file was made with msoffcrypto-tool (password
    "secret") from a one-paragraph python-docx document."""
    path = Path(__file__).parent / "data" / "password-protected.docx"
    with pytest.raises(DocxImportError) as caught:
        plan_import(path)
    said = str(caught.value)
    assert "password" in said and "old-style" not in said


def test_a_damaged_draft_is_described_without_a_programmers_word(tmp_path):
    import zipfile
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/content-types"><Override '
                         'PartName="/word/document.xml" ContentType="application/vnd.'
                         'openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                         '</Types>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                         'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships/officeDocument" Target="word/document.xml"/>'
                         '</Relationships>')
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")   # cut off
    with pytest.raises(DocxImportError) as caught:
        plan_import(path)
    said = str(caught.value)
    assert "damaged" in said and "Error" not in said and "Syntax" not in said


def test_a_project_file_is_not_a_word_draft(tmp_path):
    from pipwriter.model.storage.project_file import save_project
    path = save_project(demo_project(), tmp_path / "demo.pipw")
    with pytest.raises(DocxImportError, match="File › Open"):
        plan_import(path)


# --- the command line ----------------------------------------------------------------------------
def run(*args):
    return subprocess.run([sys.executable, "-m", "pipwriter", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_cli_import_writes_a_project(draft, tmp_path):
    out = tmp_path / "imported.pipw"
    result = run("import", draft, "-o", out)
    assert result.returncode == 0, result.stderr
    article = load_project(out).article
    assert article.title == "Walking together after a stroke"
    assert len(article.references) == 3 and len(article.illustrations) == 1


def test_cli_import_of_a_bad_file_exits_2(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document", encoding="utf-8")
    result = run("import", bad, "-o", tmp_path / "out.pipw")
    assert result.returncode == 2
    assert "not a Word document" in result.stderr and result.stdout == ""
    assert not (tmp_path / "out.pipw").exists()


# --- text not yet placed must be placed before it reaches the editors ----------------------------
def _unplaced_findings(project):
    from pipwriter.model.rules.checks import all_findings
    from pipwriter.model.rules.template import get_template
    return [f for f in all_findings(project, get_template(project.article.template_id))
            if f.code == "imported-text-unplaced"]


def test_text_not_yet_placed_is_a_must_fix_with_go_to(draft):
    project = import_docx(draft)
    [section] = [s for s in project.article.sections if s.title == UNPLACED_TITLE]
    assert section.key == "imported-unplaced"           # the import marks it
    [finding] = _unplaced_findings(project)
    assert finding.severity == "error"
    assert finding.where.section_id == section.id       # Go to opens that section
    assert "paragraph" in finding.message

    project.article.sections.remove(section)            # placed (or removed): no finding
    assert _unplaced_findings(project) == []


def test_a_project_imported_before_the_key_existed_is_recognised(draft):
    project = import_docx(draft)
    [section] = [s for s in project.article.sections if s.title == UNPLACED_TITLE]
    section.key = ""
    assert len(_unplaced_findings(project)) == 1


def test_the_exported_checklist_says_text_is_not_yet_placed(draft):
    from pipwriter.export.checklist import NOT_MET, requirements
    from pipwriter.model.rules.checks import all_findings
    from pipwriter.model.rules.template import get_template
    project = import_docx(draft)
    template = get_template(project.article.template_id)
    findings = all_findings(project, template)
    counts = count_article(project.article, template).to_json()
    [req] = [r for r in requirements(project, template, counts, findings)
             if r.label == "Text brought in from a Word draft all placed"]
    assert req.status == NOT_MET


def test_check_blocks_while_text_is_not_yet_placed(draft, tmp_path):
    from pipwriter.model.storage.project_file import save_project
    path = save_project(import_docx(draft), tmp_path / "imported.pipw")
    result = run("check", path, "--json")
    assert result.returncode != 0
    import json
    found = [f for f in json.loads(result.stdout)["findings"]
             if f["code"] == "imported-text-unplaced"]
    assert [f["severity"] for f in found] == ["error"]
