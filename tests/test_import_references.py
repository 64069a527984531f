"""References in a Word draft are read into their parts (kind, authors, title, journal, year,
volume, issue, pages, DOI, web address, date accessed) when written in BMJ/Vancouver, APA,
Harvard or Chicago style, so they are set out in BMJ style; anything not understood is kept exactly as
written and the authors are told. Export -> import -> export keeps them structured and the
reference list word for word."""

from __future__ import annotations

import docx
import pytest

from pipwriter.export.article_docx import write_article_docx
from pipwriter.importer.docx_import import import_docx, plan_import
from pipwriter.importer.reference_parse import parse_reference
from pipwriter.model.article.reference import format_bmj
from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project


def fields(ref):
    return {k: v for k, v in ref.to_json().items() if k != "id" and v not in ("", [])}


@pytest.mark.parametrize("text, style, expected", [
    ("Smith J, Jones AB. Reviews after stroke. BMJ 2020;370(2):m1234. doi:10.1136/bmj.m1234",
     "BMJ (Vancouver)",
     {"kind": "journal", "authors": ["Smith J", "Jones AB"], "title": "Reviews after stroke",
      "container": "BMJ", "year": "2020", "volume": "370", "issue": "2", "pages": "m1234",
      "doi": "10.1136/bmj.m1234"}),
    ("NICE. Stroke rehabilitation in adults. 2023. https://www.nice.org.uk/guidance/ng236 "
     "(accessed 1 May 2024)", "BMJ (Vancouver)",
     {"kind": "web", "authors": ["NICE"], "title": "Stroke rehabilitation in adults",
      "year": "2023", "url": "https://www.nice.org.uk/guidance/ng236",
      "accessed": "2024-05-01"}),
    ("Coulter A. Engaging patients in healthcare. Open University Press, 2011.",
     "BMJ (Vancouver)",
     {"kind": "book", "authors": ["Coulter A"], "title": "Engaging patients in healthcare",
      "container": "Open University Press", "year": "2011"}),
    ("Smith, J., & Jones, A. B. (2020). Reviews after stroke: a qualitative study. "
     "BMJ Quality & Safety, 29(3), 45–67. https://doi.org/10.1136/bmjqs-2019-010000", "APA",
     {"kind": "journal", "authors": ["Smith J", "Jones AB"],
      "title": "Reviews after stroke: a qualitative study", "container": "BMJ Quality & Safety",
      "year": "2020", "volume": "29", "issue": "3", "pages": "45-67",
      "doi": "10.1136/bmjqs-2019-010000"}),
    ("Coulter, A. (2011). Engaging patients in healthcare. Open University Press.", "APA",
     {"kind": "book", "authors": ["Coulter A"], "title": "Engaging patients in healthcare",
      "container": "Open University Press", "year": "2011"}),
    ("Batalden, M. and Batalden, P. (2016) 'Coproduction of healthcare service', BMJ Quality "
     "and Safety, 25(7), pp. 509–517. doi:10.1136/bmjqs-2015-004315.", "Harvard",
     {"kind": "journal", "authors": ["Batalden M", "Batalden P"],
      "title": "Coproduction of healthcare service", "container": "BMJ Quality and Safety",
      "year": "2016", "volume": "25", "issue": "7", "pages": "509-517",
      "doi": "10.1136/bmjqs-2015-004315"}),
    ("National Institute for Health and Care Excellence (2023) Stroke rehabilitation in "
     "adults. Available at: https://www.nice.org.uk/guidance/ng236 (Accessed: 1 May 2024).",
     "Harvard",
     {"kind": "web", "authors": ["National Institute for Health and Care Excellence"],
      "title": "Stroke rehabilitation in adults", "year": "2023",
      "url": "https://www.nice.org.uk/guidance/ng236", "accessed": "2024-05-01"}),
    ('Smith, John, and Ann B. Jones. "Reviews after Stroke." Journal of Stroke Care 12, '
     'no. 3 (2020): 45–67. https://doi.org/10.1000/jsc.2020.12', "Chicago",
     {"kind": "journal", "authors": ["Smith J", "Jones AB"], "title": "Reviews after Stroke",
      "container": "Journal of Stroke Care", "year": "2020", "volume": "12", "issue": "3",
      "pages": "45-67", "doi": "10.1000/jsc.2020.12"}),
    ("Smith, John. 2020. \u201cReviews after Stroke.\u201d Journal of Stroke Care 12 (3): 45–67.",
     "Chicago",
     {"kind": "journal", "authors": ["Smith J"], "title": "Reviews after Stroke",
      "container": "Journal of Stroke Care", "year": "2020", "volume": "12", "issue": "3",
      "pages": "45-67"}),
])
def test_a_reference_in_a_known_style_is_read_into_its_parts(text, style, expected):
    parsed = parse_reference(text)
    assert (parsed.style, fields(parsed.reference)) == (style, expected)
    assert parsed.confidence >= 0.7


def test_a_bmj_reference_with_more_than_three_authors_is_set_out_with_et_al():
    parsed = parse_reference("Smith J, Jones A, Brown B, Green C. A study. BMJ 2020;370:m1.")
    assert parsed.style == "BMJ (Vancouver)"
    assert format_bmj(parsed.reference) == "Smith J, Jones A, Brown B, et al. A study. " \
                                           "BMJ 2020;370:m1."


@pytest.mark.parametrize("text", [
    "Personal communication with the ward manager, March 2024.",
    "See the leaflet we handed out at the clinic",
    "Smith J. Notes from our meeting (2019, unpublished)",
])
def test_a_reference_not_understood_is_kept_exactly_as_written(text):
    parsed = parse_reference(text)
    assert (parsed.style, parsed.confidence) == ("", 0.0)
    assert parsed.reference.kind == "other" and format_bmj(parsed.reference) == text


def test_a_drafts_mixed_reference_list_is_read_and_the_authors_are_told(tmp_path):
    entries = ["Smith J, Jones AB. Reviews after stroke. BMJ 2020;370:m1234.",
               "Coulter, A. (2011). Engaging patients in healthcare. Open University Press.",
               "Personal communication with the ward manager, March 2024."]
    d = docx.Document()
    d.add_heading("Background", level=1)
    d.add_paragraph("Reviews felt rushed [1] and people wanted a say [2,3].")
    d.add_heading("References", level=1)
    for number, entry in enumerate(entries, start=1):
        d.add_paragraph(f"{number}. {entry}")
    d.save(str(tmp_path / "refs.docx"))
    plan = plan_import(tmp_path / "refs.docx")
    article = import_docx(plan.source, plan).article
    assert [r.kind for r in article.references] == ["journal", "book", "other"]
    assert format_bmj(article.references[1]) == \
        "Coulter A. Engaging patients in healthcare. Open University Press, 2011."
    assert len(list(article.sections[0].body.citations())) == 2  # still linked
    assert any("1 in BMJ (Vancouver) style, 1 in APA style" in n for n in plan.notes)
    assert any(n.startswith("Reference 3 is kept as it was.") for n in plan.notes)

    plan = plan_import(tmp_path / "refs.docx")
    plan.read_references = False                                 # kept as written if asked
    article = import_docx(plan.source, plan).article
    assert [(r.kind, r.text) for r in article.references] == [("other", e) for e in entries]


def _export(project, path):
    template = get_template(project.article.template_id)
    write_article_docx(project, path, template,
                       count_article(project.article, template).to_json())
    return path


def _reference_list(path):
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    start = paragraphs.index("References")
    return [p for p in paragraphs[start + 1:] if p.strip()][:20]


def test_export_import_export_keeps_references_structured_and_word_for_word(tmp_path):
    original = demo_project()
    first = _export(original, tmp_path / "first.docx")
    imported = import_docx(first)
    again = _export(imported, tmp_path / "again.docx")

    before, after = original.article.references_in_order(), \
        imported.article.references_in_order()
    assert [r.kind for r in after] == [r.kind for r in before]
    for old, new in zip(before, after, strict=True):
        assert (new.title, new.container, new.year, new.volume, new.pages, new.doi, new.url,
                new.accessed) == (old.title, old.container, old.year, old.volume, old.pages,
                                  old.doi, old.url, old.accessed)
        assert new.authors == (old.authors if len(old.authors) <= 3
                               else old.authors[:3] + ["et al"])
    assert _reference_list(again) == _reference_list(first)


# --- citations a walk found misread ----------------------------------------------------------------
def _draft_with(tmp_path, build):
    import docx

    from pipwriter.importer.docx_import import import_docx, plan_import
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Why we did it", level=1)
    build(d.add_paragraph())
    d.add_heading("References", level=1)
    for n in range(1, 9):
        d.add_paragraph(f"Author{n} A. A study number {n}. BMJ 2020;370:m{n}.",
                        style="List Number")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    article = import_docx(path, plan).article
    section = next(s for s in article.sections if s.key == "rationale")
    listed = [r.id for r in article.references]     # in the order of the draft's list
    cited = [[listed.index(r) + 1 for r in c.refs] for c in section.body.citations()]
    return section.body.plain_text(), cited


def test_a_raised_number_after_a_unit_is_a_power_not_a_citation(tmp_path):
    """Found by a walk: "kg/m²" came in as "kg/m" with a citation of reference 2."""
    def build(p):
        p.add_run("People with a BMI over 30 kg/m")
        p.add_run("2").font.superscript = True
        p.add_run(" waited longest")
        p.add_run("1").font.superscript = True
        p.add_run(".")
    text, cited = _draft_with(tmp_path, build)
    assert "30 kg/m² waited longest" in text
    assert cited == [[1]]


def test_raised_text_written_by_libreoffice_is_read_as_superscript(tmp_path):
    """Found by a walk: LibreOffice writes superscript from a web page as raised text
    (w:position), and "area1" stayed as text with no citation."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(p):
        p.add_run("Diabetes affects one in ten adults in our area")
        raised = p.add_run("1")
        position = OxmlElement("w:position")
        position.set(qn("w:val"), "8")
        raised._r.get_or_add_rPr().append(position)
        p.add_run(".")
    text, cited = _draft_with(tmp_path, build)
    assert "in our area." in text and "area1" not in text
    assert cited == [[1]]


def test_a_range_written_as_two_bracketed_numbers_cites_every_number_in_it(tmp_path):
    """Found by a walk: "[6]-[8]" cited 6 and 8 only, and 7 was then said to be uncited."""
    text, cited = _draft_with(tmp_path, lambda p: p.add_run(
        "Others found the same [1], [6]-[8] and [2]–[3]."))
    assert sorted(n for c in cited for n in c) == [1, 2, 3, 6, 7, 8]
    assert "-" not in text.replace("–", "-").split("same")[1].replace("[", "").replace("]", "")


def test_a_numbered_list_keeps_its_numbers_in_the_words(tmp_path):
    """Found by a walk: a numbered list came in as bullets, its numbers gone, without a
    word. An article's lists have bullets only, so the numbers are written in and said."""
    import docx

    from pipwriter.importer.docx_import import import_docx, plan_import
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("How we set it up", level=1)
    d.add_paragraph("We agreed three rules:")
    for rule in ("Weekly debriefs", "A shared risk plan", "Supervision"):
        d.add_paragraph(rule, style="List Number")
    d.add_paragraph("Then two more:")
    for rule in ("Paid training", "Time off"):
        d.add_paragraph(rule, style="List Number")
    d.add_paragraph("A bullet stays a bullet", style="List Bullet")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    article = import_docx(path, plan).article
    section = next(s for s in article.sections if s.key == "design")
    got = [(p.style, "".join(getattr(i, "text", "") for i in p.items))
           for p in section.body.paragraphs]
    assert got == [("body", "We agreed three rules:"), ("body", "1. Weekly debriefs"),
                   ("body", "2. A shared risk plan"), ("body", "3. Supervision"),
                   ("body", "Then two more:"), ("body", "1. Paid training"),
                   ("body", "2. Time off"), ("bullet", "A bullet stays a bullet")]
    assert any("numbers written in" in note and "5 items" in note for note in plan.notes)


def test_the_advice_to_check_converted_references_is_given_only_when_some_were(tmp_path):
    """Found by a walk: "Check the ones that came in another style" was said when every
    reference was already in the BMJ's own style."""
    from pipwriter.importer.reference_parse import parse_reference
    from pipwriter.importer.references import reference_notes
    bmj = parse_reference("Smith J, Jones AB. Care after stroke. BMJ 2020;370:m1234.")
    apa = parse_reference("Smith, J., & Jones, A. B. (2020). Care after stroke. "
                          "Stroke Journal, 12(3), 45–67.")
    assert bmj.style.startswith("BMJ") and apa.style == "APA"
    [only_bmj] = [n for n in reference_notes([bmj, bmj]) if "split" in n]
    assert "Check the ones" not in only_bmj
    [mixed] = [n for n in reference_notes([bmj, apa]) if "split" in n]
    assert "Check the ones that came in APA style" in mixed
