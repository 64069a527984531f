"""The manuscript is the article: nothing for the editors in it (that is in the notes for the
editors), and the small things an editor notices in Word are right (issue 20)."""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pipwriter.export.article_docx import draft_explanation
from pipwriter.export.bundle import export_bundle
from pipwriter.export.cover_note import cover_note_text
from pipwriter.export.docx_base import DRAFT_LABEL, body_texts
from pipwriter.model.article.text import RichText
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.interests.icmje import load_items
from pipwriter.model.interests.statements import combined_statement
from pipwriter.model.language.counts import count_article
from pipwriter.model.language.wordcount import count_words
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def demo():
    return demo_project()


@pytest.fixture(scope="module")
def bundle(demo, tmp_path_factory):
    return export_bundle(demo, tmp_path_factory.mktemp("manuscript"))


@pytest.fixture(scope="module")
def draft(demo, tmp_path_factory):
    return export_bundle(demo, tmp_path_factory.mktemp("draft"), draft=True)


def _file(result, part: str) -> Path:
    return next(p for p in result.files if part in p.name)


def _everything(path: Path) -> str:
    """Every piece of text in a .docx: body, tables, headers and footers, and the pictures'
    descriptions are not text (they are attributes), so they are not here."""
    document = docx.Document(str(path))
    texts = body_texts(document)
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(texts)


# --- (1) the manuscript is the article --------------------------------------------------------
EDITOR_ONLY = ("Word count", "alt text", "File:", "illustrations/", "photos/", "Key quotes",
               "for the editors", "Credit:", "Permission", "you added", "Microsoft Word",
               "counted or not", "the series asks for")


def test_the_manuscript_holds_nothing_for_the_editors_only(bundle, demo):
    text = _everything(_file(bundle, "-article"))
    for words in EDITOR_ONLY:
        assert words.lower() not in text.lower(), words
    figure = demo.article.illustrations[0]
    assert figure.credit not in text and figure.alt_text not in text
    quote = demo.article.key_quotes()[0][2]
    assert text.count(quote) == 1          # once, in the viewpoint where it stands


def test_the_notes_for_the_editors_hold_what_left_the_manuscript(bundle, demo):
    notes = _file(bundle, "-notes-for-editors").read_text("utf-8-sig")
    counts = bundle_counts(demo)
    figure = demo.article.illustrations[0]
    for words in (f"The article: {counts['words_counted']:,} words", figure.alt_text,
                  figure.credit, "illustrations/Figure-1-co-design-cycle.png",
                  "Permission to publish: yes", "photos/Bethan-Lloyd.jpg",
                  demo.article.key_quotes()[0][2], "Citation markers such as [1] are not"):
        assert words in notes, words
    cover = _file(bundle, "-cover-note").read_text("utf-8-sig")
    assert "Lloyd-notes-for-editors.txt: notes for the editors" in cover


def test_the_notes_say_what_word_will_show_for_the_whole_manuscript(bundle):
    notes = _file(bundle, "-notes-for-editors").read_text("utf-8-sig")
    document = docx.Document(str(_file(bundle, "-article")))
    whole = sum(count_words(t, "word") for t in body_texts(document))
    assert f"Word's count of the whole manuscript (Review \u203a Word Count): {whole:,} words" \
        in notes
    assert re.search(r"Microsoft Word's own count of those paragraphs in the manuscript: "
                     r"[\d,]+ words \(the \d+ more are the citation markers\)", notes)


def bundle_counts(project):
    template = get_template(project.article.template_id)
    return count_article(project.article, template).to_json()


def test_docs_say_what_is_where():
    text = (Path(__file__).parents[1] / "docs" / "bundle.md").read_text(encoding="utf-8")
    for words in ("notes-for-editors", "manuscript", "alt text", "key quotes", "cover note"):
        assert words in text.lower(), words


# --- (4) the small things ---------------------------------------------------------------------
def test_the_draft_label_is_on_page_one_once(draft):
    for part in ("-article", "-competing-interests"):
        text = _everything(_file(draft, part))
        assert text.count(DRAFT_LABEL) == 1, part     # in the header only


def test_draft_reasons_are_joined_without_a_full_stop_before_each_semicolon():
    text = draft_explanation(["Add a title.", "Write the \u201cWhy\u201d section.",
                              "Certify your answers"])
    assert ".;" not in text
    assert text.endswith("Add a title; Write the \u201cWhy\u201d section; "
                         "Certify your answers.")
    many = draft_explanation([f"Fix {n}." for n in range(8)])
    assert many.endswith("Fix 4; and 3 more.") and ".;" not in many


def test_a_draft_disclosure_document_says_who_has_still_to_certify(draft, demo, tmp_path):
    text = _everything(_file(draft, "-competing-interests"))
    assert all(a.disclosure.is_certified() for a in demo.article.authors)
    assert "not every author may have certified" not in text
    assert "every author has certified" in text
    project = demo_project()
    malcolm = project.article.authors[1]
    malcolm.disclosure.certified_on = ""
    assert not malcolm.disclosure.is_certified()
    result = export_bundle(project, tmp_path, draft=True)
    text = _everything(_file(result, "-competing-interests"))
    assert "still to certify their answers: Malcolm Reid." in text


def test_an_entity_in_brackets_takes_the_details_inside_them(demo):
    statement = combined_statement(demo.article.authors, load_items())
    assert ") (" not in statement
    assert "Brackenlea Trust (charity; Grant of \u00a324,000" in statement


def test_an_author_declaring_nothing_among_others_is_said_in_words(demo):
    statement = combined_statement(demo.article.authors, load_items())
    assert "Malcolm Reid none" not in statement
    assert statement.endswith("Malcolm Reid has no interests to declare.")


def test_an_entity_without_brackets_keeps_its_own(demo):
    project = demo_project()
    bethan = project.article.authors[0]
    bethan.disclosure.item(4).answer = "entries"
    bethan.disclosure.item(4).entries = [DisclosureEntry("Acme", "advice", "me")]
    assert "Acme (advice, paid to them)" in combined_statement(project.article.authors)


def test_the_cover_note_does_not_say_the_statement_is_at_the_end(demo):
    template = get_template(demo.article.template_id)
    text = cover_note_text(demo.article, template, bundle_counts(demo), [])
    assert "at the end" not in text
    assert "under \u201cCompeting interests\u201d, after its last section" in text


def test_competing_interests_come_after_the_last_section_and_before_the_references(bundle):
    document = docx.Document(str(_file(bundle, "-article")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-3:] == ["Competing interests", "References", "Illustrations"]


def _style_ppr(document, name: str):
    return document.styles[name].element.find(qn("w:pPr"))


def test_a_picture_keeps_with_its_legend_and_a_legend_never_splits(bundle):
    document = docx.Document(str(_file(bundle, "-article")))
    figure, caption = _style_ppr(document, "Figure"), _style_ppr(document, "Caption")
    assert figure.find(qn("w:keepNext")) is not None
    keep = caption.find(qn("w:keepLines"))
    assert keep is not None and keep.get(qn("w:val")) in (None, "1", "on", "true")
    picture = next(p for p in document.paragraphs if p.style.name == "Figure")
    assert picture._p.getnext() is not None
    following = docx.text.paragraph.Paragraph(picture._p.getnext(), picture._parent)
    assert following.style.name == "Caption"


def test_the_handle_stays_on_one_line_with_x_twitter(bundle, demo):
    document = docx.Document(str(_file(bundle, "-article")))
    bylines = [p.text for p in document.paragraphs if p.style.name == "Byline"]
    for author, line in zip(demo.article.authors, bylines, strict=True):
        if author.handle:
            assert f"X/\u2060Twitter\u00a0{author.handle}" in line
            assert f"X/Twitter {author.handle}" not in line


def test_one_space_either_side_of_the_middle_dot(bundle, draft):
    for result in (bundle, draft):
        for path in result.files:
            if path.suffix == ".docx":
                text = _everything(path)
                assert "\u00b7" in text
                assert not re.search(r"\s{2,}\u00b7|\u00b7\s{2,}", text), path.name


def test_key_messages_are_a_real_word_list(bundle, demo):
    path = _file(bundle, "-article")
    document = docx.Document(str(path))
    messages = [p for p in document.paragraphs if p.style.name == "Key Messages"]
    assert [p.text for p in messages] == demo.article.key_messages
    assert not any(p.text.startswith(("\u2022", "\t")) for p in messages)
    num_id = _style_ppr(document, "Key Messages").find(qn("w:numPr")).find(qn("w:numId"))
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num"))
               if n.get(qn("w:numId")) == num_id.get(qn("w:val")))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "\u2022"


def test_the_key_messages_heading_is_in_the_navigation_pane(bundle):
    document = docx.Document(str(_file(bundle, "-article")))
    level = _style_ppr(document, "Key Messages Heading").find(qn("w:outlineLvl"))
    assert level is not None and level.get(qn("w:val")) == "0"


def test_app_properties_are_the_documents_own(bundle):
    for path in (p for p in bundle.files if p.suffix == ".docx"):
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("docProps/app.xml").decode("utf-8")
        assert "Microsoft" not in xml and "<Application>PiP Writer</Application>" in xml
        document = docx.Document(str(path))
        words = sum(count_words(t, "word") for t in body_texts(document))
        assert words > 100 and f"<Words>{words}</Words>" in xml, path.name


@pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX")
def test_the_bundle_folder_follows_the_umask(demo, tmp_path):
    old = os.umask(0o022)
    try:
        result = export_bundle(demo, tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(result.folder.stat().st_mode) == 0o755
    for path in result.files:
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o755


def test_the_cover_note_reads_right_with_one_viewpoint(demo):
    """Found by a walk of the app: "The article gives 1 viewpoint, one after another: Mary
    Jones." With two or more it lists them in turn."""
    template = get_template(demo.article.template_id)
    text = cover_note_text(demo.article, template, bundle_counts(demo), [])
    assert "2 viewpoints, one after another: Bethan Lloyd and Malcolm Reid." in text
    second = [s for s in demo.article.viewpoints()][1]
    second.body = RichText()
    text = cover_note_text(demo.article, template, bundle_counts(demo), [])
    assert "The article gives one viewpoint, by Bethan Lloyd." in text
    assert "one after another" not in text
