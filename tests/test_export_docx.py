"""The exported Word documents, opened again with python-docx: text, order, styles, pictures,
alt text, links and document properties."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from pipwriter.export.article_docx import section_heading
from pipwriter.export.bundle import export_bundle
from pipwriter.export.docx_base import reference_docx
from pipwriter.model.article.media import Illustration, MediaClip, MediaRef
from pipwriter.model.article.reference import format_bmj
from pipwriter.model.interests.icmje import load_items
from pipwriter.model.interests.statements import combined_statement
from pipwriter.model.rules.report import build_report
from pipwriter.model.storage.demo import demo_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def demo():
    return demo_project()


@pytest.fixture(scope="module")
def bundle(demo, tmp_path_factory):
    return export_bundle(demo, tmp_path_factory.mktemp("export"))


def _doc(result, kind: str):
    """The bundle's "-article" or "-competing-interests" Word document (draft or not)."""
    path = next(p for p in result.files if kind in p.name and p.suffix == ".docx")
    return docx.Document(str(path)), path


@pytest.fixture(scope="module")
def article_doc(bundle):
    return _doc(bundle, "-article")[0]


def _texts(document, style: str | None = None) -> list[str]:
    return [p.text for p in document.paragraphs if style is None or p.style.name == style]


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def _style_ids(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """(style ids defined, (kind, id) of every style the document's parts use)."""
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        used: set[tuple[str, str]] = set()
        for name in archive.namelist():
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
                xml = archive.read(name).decode("utf-8")
                for kind in ("pStyle", "rStyle", "tblStyle"):
                    used |= {(kind, v) for v in re.findall(rf'<w:{kind} w:val="([^"]+)"', xml)}
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    return defined, used


# --- the article -------------------------------------------------------------------------------
def test_front_matter_in_order(article_doc, demo):
    article = demo.article
    paragraphs = [p for p in article_doc.paragraphs if p.text.strip()]
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == article.title
    assert paragraphs[1].style.name == "Standfirst" and paragraphs[1].text == article.standfirst
    bylines = [p.text for p in paragraphs if p.style.name == "Byline"]
    assert len(bylines) == len(article.authors)
    for author, line in zip(article.authors, bylines, strict=True):
        for part in (author.name, author.credentials, author.role, author.affiliation,
                     author.handle):
            assert part in line
    assert "Health professional" in bylines[0] and "Patient" in bylines[1]


def test_byline_and_correspondence_link(article_doc, demo):
    corresponding = next(a for a in demo.article.authors if a.corresponding)
    paragraph = next(p for p in article_doc.paragraphs if p.style.name == "Correspondence")
    assert corresponding.name in paragraph.text
    assert paragraph.hyperlinks[0].address == f"mailto:{corresponding.email}"


def test_key_messages_box(article_doc, demo):
    messages = _texts(article_doc, "Key Messages")
    assert messages == demo.article.key_messages     # the style's list gives the bullet
    assert _texts(article_doc, "Key Messages Heading") == ["Key messages"]
    style = article_doc.styles["Key Messages"].element
    ppr = style.find(qn("w:pPr"))
    assert ppr.find(qn("w:pBdr")) is not None and ppr.find(qn("w:shd")) is not None


def test_sections_and_viewpoints_in_article_order(article_doc, demo):
    article = demo.article
    headings = _texts(article_doc, "Heading 1")
    expected = [section_heading(article, s) for s in article.sections if not s.body.is_empty()]
    assert headings[:len(expected)] == expected
    assert headings[len(expected):] == ["Competing interests", "References", "Illustrations"]
    for section in article.viewpoints():
        heading = section_heading(article, section)
        for author_id in section.author_ids:
            assert article.author(author_id).name in heading


def test_viewpoint_heading_always_names_its_authors(demo):
    article = demo.article
    viewpoint = article.viewpoints()[0]
    original = viewpoint.title
    try:
        viewpoint.title = "Viewpoint"
        owner = article.author(viewpoint.author_ids[0]).name
        assert section_heading(article, viewpoint) == f"Viewpoint: {owner}"
    finally:
        viewpoint.title = original


def test_body_text_and_formatting(article_doc, demo):
    first = demo.article.sections[0].body.paragraphs[1]
    italic = next(item.text for item in first.items if getattr(item, "italic", False))
    paragraph = next(p for p in article_doc.paragraphs if first.text()[:40] in p.text)
    assert paragraph.style.name == "Body Text"
    assert any(run.italic and run.text == italic for run in paragraph.runs)
    bullets = _texts(article_doc, "List Bullet")
    assert len(bullets) == sum(1 for s in demo.article.sections for p in s.body.paragraphs
                               if p.style == "bullet")


def test_citations_are_numbered_in_order_of_first_citation(article_doc, demo):
    body = "\n".join(_texts(article_doc, "Body Text") + _texts(article_doc, "List Bullet"))
    numbers = [int(n) for group in re.findall(r"\[(\d[\d,\u2013]*)\]", body)
               for n in re.findall(r"\d+", group)]
    assert numbers and numbers[0] == 1
    first_seen = list(dict.fromkeys(numbers))
    assert first_seen == sorted(first_seen)
    cited_runs = [r for p in article_doc.paragraphs for r in p.runs
                  if r.style is not None and r.style.name == "Citation"]
    assert cited_runs and all(re.fullmatch(r"\[[\d,\u2013]+\]", r.text) for r in cited_runs)


def test_superscript_citation_style(demo, tmp_path):
    demo.article.settings.citation_style = "superscript"
    try:
        result = export_bundle(demo, tmp_path)
    finally:
        demo.article.settings.citation_style = "brackets"
    document = _doc(result, "-article")[0]
    runs = [r for p in document.paragraphs for r in p.runs
            if r.style is not None and r.style.name == "Citation Superscript"]
    assert runs and all(re.fullmatch(r"[\d,\u2013]+", r.text) for r in runs)
    assert document.styles["Citation Superscript"].font.superscript
    body = "\n".join(_texts(document, "Body Text"))
    assert not re.search(r"\[\d", body)


def test_references_in_bmj_style_with_links(article_doc, demo):
    article = demo.article
    refs = [p for p in article_doc.paragraphs if p.style.name == "Reference List"]
    assert len(refs) == len(article.references)
    for n, (paragraph, ref) in enumerate(zip(refs, article.references_in_order(), strict=True),
                                         start=1):
        assert paragraph.text == f"{n}\t{format_bmj(ref)}"
    addresses = [h.address for p in refs for h in p.hyperlinks]
    assert any(a.startswith("https://doi.org/10.") for a in addresses)
    assert "https://www.nice.org.uk/guidance/ng236" in addresses


def test_competing_interests_in_the_article_and_word_count_in_the_notes(article_doc, bundle,
                                                                         demo):
    text = _all_text(article_doc)
    assert combined_statement(demo.article.authors, load_items()) in text
    counts = build_report(demo).counts
    assert f"{counts['words_counted']:,} words" not in text
    notes = next(p for p in bundle.files if p.name.endswith("-notes-for-editors.txt"))
    assert f"The article: {counts['words_counted']:,} words" in notes.read_text("utf-8-sig")


def test_illustration_with_its_legend_and_alt_text_inside_the_picture(article_doc, demo):
    item = demo.article.illustrations[0]
    shapes = article_doc.inline_shapes
    assert len(shapes) == 1
    doc_pr = shapes[0]._inline.docPr
    assert doc_pr.get("descr") == item.alt_text
    assert doc_pr.get("title") == "Figure 1"
    assert shapes[0].width <= Cm(15) + 1 and shapes[0].height <= Cm(11) + 1
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    image = article_doc.part.related_parts[blip.embed]
    assert image.blob == demo.media.read(item.media.name)
    assert _texts(article_doc, "Caption") == [f"Figure 1. {item.caption}"]
    # credit, alt text as text and file name are for the editors: in their notes, not here
    assert _texts(article_doc, "Credit") == [] and _texts(article_doc, "Alt Text") == []


def test_core_properties(article_doc, demo):
    props = article_doc.core_properties
    assert props.title == demo.article.title
    assert props.author == "; ".join(a.name for a in demo.article.authors)
    assert props.language == "en-GB"
    assert props.content_status == "Ready for submission"


def test_page_setup_fonts_and_language(article_doc):
    section = article_doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.05)
    for margin in (section.left_margin, section.right_margin, section.top_margin,
                   section.bottom_margin):
        assert abs(margin - Cm(2.5)) < Cm(0.05)
    assert article_doc.styles["Normal"].font.name == "Arial"
    defaults = article_doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert "Page" in footer
    assert "NUMPAGES" in section.footer._element.xml


def test_every_style_used_is_defined(bundle):
    for path in [p for p in bundle.files if p.suffix == ".docx"] + [reference_docx()]:
        defined, used = _style_ids(path)
        assert used, path
        missing = {v for _kind, v in used if v not in defined}
        assert not missing, f"{path.name} uses undefined styles {missing}"


def test_reference_document_defines_the_styles_the_export_needs():
    document = docx.Document(str(reference_docx()))
    names = {s.name for s in document.styles}
    for name in ("Title", "Standfirst", "Byline", "Heading 1", "Heading 2", "Body Text",
                 "Key Messages", "Key Messages Heading", "Key Quote", "Caption", "Alt Text",
                 "List Bullet", "Reference List", "Hyperlink", "Draft Banner", "Table Grid"):
        assert name in names
    with zipfile.ZipFile(reference_docx()) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.namelist()


# --- competing interests -----------------------------------------------------------------------
def test_disclosure_document_is_laid_out_like_the_icmje_form(bundle, demo):
    document, _path = _doc(bundle, "-competing-interests")
    headings = _texts(document, "Heading 1")
    assert headings == [f"Disclosure of interest: {a.name}" for a in demo.article.authors]
    forms = [t for t in document.tables if len(t.rows) == 14]
    assert len(forms) == len(demo.article.authors)
    items = load_items()
    first = forms[0]
    for row, item in zip(list(first.rows)[1:], items, strict=True):
        assert row.cells[0].text == str(item.number)
        assert item.title in row.cells[1].text
    assert "Brackenlea Trust" in first.rows[1].cells[2].text
    assert "paid to my organisation" in first.rows[1].cells[3].text
    assert all(row.cells[2].text == "None" for row in list(forms[1].rows)[1:])
    signatures = _texts(document, "Signature Line")
    assert len(signatures) == 2 and all("Certified on 2 November 2026" in s for s in signatures)
    headers = [t for t in document.tables if len(t.rows) == 4]
    assert headers[0].rows[1].cells[1].text == demo.article.authors[0].name
    assert demo.article.title in headers[0].rows[2].cells[1].text
    assert combined_statement(demo.article.authors, items) in _all_text(document)


def test_disclosure_document_keeps_the_form_titles_not_the_plain_questions(bundle):
    """The confirm page's preview heads each item with its plain question; the exported form
    mirrors the official ICMJE form the editors expect, so it has the form's titles only."""
    document, _path = _doc(bundle, "-competing-interests")
    text = _all_text(document)
    for item in load_items():
        assert item.title in text
        assert item.question not in text
    assert "On the ICMJE form" not in text and "You confirmed" not in text


# --- awkward input -----------------------------------------------------------------------------
def test_control_characters_and_odd_unicode_are_handled(demo, tmp_path):
    project = demo_project()
    article = project.article
    article.title = "Bad\x07 title\x00 with \ud800 surrogate, \u202eRTL\u202c, emoji \U0001F600 " \
                    "and e\u0301"
    article.standfirst = "Tab\there\x0b and vertical tab"
    article.authors[0].name = "Siân\x1f O\u2019Brien"
    article.key_messages[0] = "Line\r\nbreak \ufffe message"
    result = export_bundle(project, tmp_path)
    document = _doc(result, "-article")[0]
    title = document.paragraphs[0].text
    # a lone surrogate is shown as U+FFFD, as in the saved file (it cannot be stored as itself)
    assert title == "Bad title with \ufffd surrogate, \u202eRTL\u202c, emoji \U0001F600 and \u00e9"
    assert document.core_properties.title == title
    assert "Siân O\u2019Brien" in "\n".join(_texts(document, "Byline"))
    assert any(p.name.startswith("Sian-OBrien") for p in result.files if "photos" in p.parts)
    assert result.folder.name.startswith("OBrien-Bad-title")


def test_picture_word_cannot_show_is_noted_not_fatal(tmp_path):
    project = demo_project()
    name = project.media.add_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 not really", "webp")
    project.article.illustrations.append(Illustration(
        MediaRef(name, "photo.webp", "image/webp"), caption="A WebP picture",
        alt_text="Something", permission=True))
    result = export_bundle(project, tmp_path)
    document = _doc(result, "-article")[0]
    assert len(document.inline_shapes) == 1
    assert any("Figure 2 could not be placed" in p.text for p in document.paragraphs)
    assert any("Figure 2" in w for w in result.warnings)
    copied = next(p for p in result.files if p.name.startswith("Figure-2"))
    assert copied.read_bytes() == project.media.read(name)


def test_empty_article_exports_as_draft(small_project, tmp_path):
    result = export_bundle(small_project, tmp_path, draft=True)
    document = _doc(result, "-article")[0]
    assert document.paragraphs[0].style.name == "Note"    # the DRAFT label is in the header
    assert document.sections[0].header.paragraphs[0].style.name == "Draft Banner"
    assert "(This section is still empty.)" in _texts(document, "Note")
    assert not document.inline_shapes
    with zipfile.ZipFile(io.BytesIO(next(p for p in result.files
                                         if p.suffix == ".docx").read_bytes())) as archive:
        assert archive.testzip() is None


def test_clips_are_named_with_caption_transcript_and_link(tmp_path):
    project = demo_project()
    name = project.media.add_bytes(b"\x00\x00\x00\x18ftypmp42 fake video", "mp4")
    project.article.clips.append(MediaClip(
        kind="video", media=MediaRef(name, "IMG_0042.MP4", "video/mp4"),
        url="https://example.org/clip", title="Malcolm on the card", caption="Why the card works",
        transcript="Malcolm: The card asks the right question.\nBethan: And we listen.",
        permission=True))
    result = export_bundle(project, tmp_path, draft=True)
    copied = next(p for p in result.files if p.parent.name == "media")
    assert copied.name == "Clip-1-Malcolm-on-the-card.mp4"
    assert copied.read_bytes() == project.media.read(name)
    document = _doc(result, "-article")[0]
    headings = _texts(document, "Heading 2")
    assert "Clip 1 (video): Malcolm on the card" in headings and "Transcript" in headings
    assert "media/Clip-1-Malcolm-on-the-card.mp4" not in _all_text(document)
    notes = next(p for p in result.files if "notes-for-editors" in p.name)
    assert "media/Clip-1-Malcolm-on-the-card.mp4 and https://example.org/clip" in \
        notes.read_text("utf-8-sig")
    source = next(p for p in document.paragraphs if p.text.startswith("Link: "))
    assert source.hyperlinks[0].address == "https://example.org/clip"
    assert "Clip 1. Why the card works" in _texts(document, "Caption")
    text = _all_text(document)
    assert "Malcolm: The card asks the right question." in text and "Bethan: And we listen." in text
