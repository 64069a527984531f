"""The count the editors will see: LibreOffice itself counts the counted parts of the exported
manuscript, and the only difference from the app's figure is what docs/bundle.md says — one
word per citation marker ("[1]") and one per list bullet taken out with the text.

The manuscript is converted to text by LibreOffice (so the paragraphs, list labels and citation
markers are LibreOffice's own reading of the .docx); the paragraphs of the counted sections are
converted again to a LibreOffice document, whose ``meta:word-count`` is LibreOffice's count.
Needs LibreOffice (``soffice``); skipped where it is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pipwriter.export.article_docx import section_heading
from pipwriter.export.bundle import export_bundle
from pipwriter.export.manuscript import Labeller as _Labeller
from pipwriter.model.language.counts import count_article, section_counts_toward_limit
from pipwriter.model.language.wordcount import count_words
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project

SOFFICE = shutil.which("soffice")
pytestmark = [pytest.mark.soffice,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")]


def _soffice(profile, target: str, infile, outdir, *extra: str) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", *extra, "--convert-to", target, "--outdir", str(outdir),
                    str(infile)], check=True, capture_output=True, timeout=300)


def _libreoffice_count_of_counted_parts(project, folder):
    """(LibreOffice's count of the counted sections' paragraphs in the exported manuscript,
    the paragraphs as LibreOffice read them)."""
    article = project.article
    template = get_template(article.template_id)
    result = export_bundle(project, folder / "bundle")
    manuscript = next(p for p in result.files if p.name.endswith("-article.docx"))
    profile = folder / "profile"
    _soffice(profile, "txt:Text (encoded):UTF8", manuscript, folder / "text")
    lines = (folder / "text" / manuscript.with_suffix(".txt").name).read_text(
        encoding="utf-8-sig").splitlines()
    counted = {section_heading(article, s): section_counts_toward_limit(s, template)
               for s in article.sections if not s.body.is_empty()}
    ends = {"Competing interests", "References", "Illustrations", "Video and audio clips"}
    keep, current = [], None
    for line in lines:
        if line in counted:
            current = line
        elif line in ends:
            current = None
        elif current is not None and counted[current] and line.strip():
            keep.append(line)
    assert keep, "no counted paragraphs found in LibreOffice's text of the manuscript"
    parts = folder / "counted.txt"
    parts.write_text("\n".join(keep) + "\n", encoding="utf-8")
    _soffice(profile, "fodt", parts, folder / "count", "--infilter=Text (encoded):UTF8,LF,,,")
    found = re.search(r'meta:word-count="(\d+)"',
                      (folder / "count" / "counted.fodt").read_text(encoding="utf-8"))
    assert found
    return int(found.group(1)), keep


def _markers_and_bullets(project) -> tuple[int, int]:
    """(words LibreOffice makes of the citation markers, bullets) in the counted sections."""
    article = project.article
    template = get_template(article.template_id)
    label = _Labeller(article)
    markers = bullets = 0
    for section in article.sections:
        if not section_counts_toward_limit(section, template) or section.body.is_empty():
            continue
        for paragraph in section.body.paragraphs:
            if not (paragraph.text().strip() or paragraph.citations()):
                continue
            bullets += paragraph.style == "bullet"
            markers += sum(count_words(label(c.refs), "libreoffice")
                           for c in paragraph.citations())
    return markers, bullets


@pytest.mark.parametrize("style", ["brackets", "superscript"])
def test_libreoffice_counts_the_app_figure_plus_markers_and_bullets(style, tmp_path):
    """The demo has no unspaced dashes, the one place Word and LibreOffice split words
    differently (docs/counting.md), so LibreOffice's count of the counted paragraphs is the
    figure the app shows plus exactly the citation markers and the list bullets."""
    project = demo_project()
    project.article.settings.citation_style = style
    template = get_template(project.article.template_id)
    seen, lines = _libreoffice_count_of_counted_parts(project, tmp_path)
    assert not any(re.search(r"\w[\u2013\u2014]\w", line) for line in lines)
    shown = count_article(project.article, template).words_counted     # the series figure
    markers, bullets = _markers_and_bullets(project)
    assert markers >= 4 and bullets == 5
    if style == "superscript":
        # a superscript number is attached to the word before it: it adds no word
        assert seen == shown + bullets
    else:
        assert seen == shown + markers + bullets


def test_the_libreoffice_profile_agrees_too(tmp_path):
    project = demo_project()
    project.article.settings.citation_style = "superscript"
    template = get_template(project.article.template_id)
    seen, _lines = _libreoffice_count_of_counted_parts(project, tmp_path)
    app = count_article(project.article, template, profile="libreoffice").words_counted
    assert seen == app + _markers_and_bullets(project)[1]


def test_the_notes_figures_are_the_manuscripts(tmp_path):
    """The notes' "own count of those paragraphs" is the app's figure plus the markers."""
    project = demo_project()
    result = export_bundle(project, tmp_path)
    notes = next(p for p in result.files if "notes-for-editors" in p.name).read_text("utf-8-sig")
    template = get_template(project.article.template_id)
    counted = count_article(project.article, template).words_counted
    markers = sum(len(p.citations()) for s in project.article.sections
                  for p in s.body.paragraphs)
    assert f"own count of those paragraphs in the manuscript: {counted + markers:,} words" \
        in notes


def test_libreoffice_counts_the_whole_document_as_the_app_says_word_will(tmp_path):
    """The figure the preview gives as "Word will show" (and the export writes into the
    document's properties) is LibreOffice's count of the whole manuscript's body, less what
    docs/bundle.md names: one word per list bullet, and one per X/Twitter handle (LibreOffice
    splits "X/Twitter" at the invisible word joiner that keeps it on one line; Word does not).
    LibreOffice reads the body of the .docx to text (no header or footer), then counts it."""
    from pipwriter.export.article_docx import write_article_docx
    from pipwriter.export.manuscript import manuscript_blocks, whole_document_words
    project = demo_project()
    article = project.article
    template = get_template(article.template_id)
    stats: dict = {}
    path = tmp_path / "article.docx"
    write_article_docx(project, path, template, count_article(article, template), stats=stats)
    assert stats["words"] == whole_document_words(manuscript_blocks(article, template))
    profile = tmp_path / "profile"
    _soffice(profile, "txt:Text (encoded):UTF8", path, tmp_path / "text")
    text = tmp_path / "text" / "article.txt"
    _soffice(profile, "fodt", text, tmp_path / "count", "--infilter=Text (encoded):UTF8,LF,,,")
    found = re.search(r'meta:word-count="(\d+)"',
                      (tmp_path / "count" / "article.fodt").read_text(encoding="utf-8"))
    assert found
    lines = text.read_text(encoding="utf-8-sig").splitlines()
    bullets = sum(1 for line in lines if line.strip().startswith("\u2022"))
    handles = sum(1 for a in article.authors if a.handle.strip())
    assert bullets == 8 and handles == 2
    assert int(found.group(1)) == stats["words"] + bullets + handles
