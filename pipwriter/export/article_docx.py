"""The manuscript as a Word document: the blocks of :mod:`.manuscript` written with their
named styles, pictures placed with their alt text, and the DRAFT banner and page furniture.

What is for the editors only — the word count and how it was made, file names, alt text as
text, credits, permissions, the flagged key quotes — is in the notes for the editors
(:mod:`.editor_notes`), so that Word's count of this file is the article's and nothing in it
speaks to the authors. docs/bundle.md says what is where.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docx.shared import Cm

from ..model.article.article import Article
from ..model.article.text import Paragraph
from ..model.language.counts import section_counts_toward_limit
from ..model.rules.template import Template
from ..model.storage.project import Project
from . import docx_base as base
from .manuscript import (
    SERIES,
    Block,
    Labeller,
    Picture,
    handle_text,
    manuscript_blocks,
    paragraph_spans,
    partner_label,
    section_heading,
)

__all__ = ["ArticleOptions", "build_article_document", "counted_section_texts",
           "draft_explanation", "exported_text", "handle_text", "partner_label",
           "section_heading", "write_article_docx"]

log = logging.getLogger(__name__)
MAX_PICTURE_WIDTH = Cm(15)
MAX_PICTURE_HEIGHT = Cm(11)
# Pictures are read whole to place them in the document. The app stores pictures re-encoded to
# at most 2,000 pixels a side (a few MB); anything bigger is only copied into the bundle (in
# pieces), so a hostile file cannot make the export take gigabytes of memory.
MAX_PLACED_PICTURE_BYTES = 64 * 1024 * 1024


@dataclass
class ArticleOptions:
    draft: bool = False
    draft_reasons: list[str] = field(default_factory=list)   # blocking findings, for the banner
    file_names: Mapping[str, str] = field(default_factory=dict)  # item id -> bundle path


def exported_text(paragraph: Paragraph, label: Labeller) -> str:
    """The paragraph's text as the manuscript prints it: citation markers included (a
    superscript marker attached to the word before it), no list label."""
    return "".join(base.safe_text(span.text) for span in paragraph_spans(paragraph, label))


def counted_section_texts(article: Article, template: Template) -> list[str]:
    """The paragraphs of the sections counted toward the limit, as the manuscript prints them
    (headings left out): what an editor's word processor counts for the series' figure."""
    label = Labeller(article)
    return [exported_text(p, label) for s in article.sections
            if section_counts_toward_limit(s, template) and not s.body.is_empty()
            for p in s.body.paragraphs if p.text().strip() or p.citations()]


# --- writing blocks ------------------------------------------------------------------------------
def _write(document, block: Block) -> None:
    paragraph = document.add_paragraph(style=block.style)
    for span in block.spans:
        if span.link:
            base.add_hyperlink(paragraph, span.text, span.link)
        else:
            base.add_run(paragraph, span.text, bold=span.bold, italic=span.italic,
                         style=span.style or None)


def _place_picture(document, project: Project, picture: Picture) -> str:
    """Place a picture with its alt text (wp:docPr descr); "" when placed, else why not (words
    that finish "could not be placed in the Word document (…)")."""
    name = picture.media_name
    try:
        if project.media.size(name) > MAX_PLACED_PICTURE_BYTES:
            return "it is too large a file to place there"
        if project.media.damage(name, picture=True) == "damaged":
            return "its file is damaged"
        data = project.media.read(name)
    except (OSError, KeyError, ValueError, RuntimeError, EOFError, zipfile.BadZipFile):
        log.warning("the picture %s could not be read for the manuscript", name, exc_info=True)
        return "its file could not be read"
    paragraph = document.add_paragraph(style="Figure")
    try:
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=MAX_PICTURE_WIDTH)
    except Exception:  # noqa: BLE001 - unsupported (WebP, HEIC) or damaged: say so, go on
        log.info("Word cannot show the picture %s", name, exc_info=True)
        paragraph._p.getparent().remove(paragraph._p)
        return "its format is not one Word reads"
    if shape.height > MAX_PICTURE_HEIGHT:
        ratio = MAX_PICTURE_HEIGHT / shape.height
        shape.height = MAX_PICTURE_HEIGHT
        shape.width = int(shape.width * ratio)
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", base.one_line(picture.alt_text))
    doc_pr.set("title", f"Figure {picture.number}")
    return ""


def _figure(document, project: Project, picture: Picture, warnings: list[str]) -> None:
    n, file_name = picture.number, picture.file_name
    why = _place_picture(document, project, picture)
    if why == "its file is damaged":    # the bundle leaves it out too (bundle.py)
        base.add_paragraph(document, f"[Figure {n} is missing: its file is damaged.]",
                           style="Note")
        warnings.append(f"Figure {n} was left out: its file is damaged. Remove it and add "
                        "the picture again.")
    elif why:
        base.add_paragraph(document, f"[Figure {n} could not be placed in this document; "
                                     f"the picture is in the bundle as {file_name}.]",
                           style="Note")
        warnings.append(f"Figure {n} could not be placed in the Word document ({why}); it "
                        f"is in the bundle as {file_name}.")


# --- the document ------------------------------------------------------------------------------
def draft_explanation(reasons: list[str], shown: int = 5) -> str:
    """The sentence under the DRAFT label: the reasons joined with semicolons, each without its
    own full stop (no ".;"), and how many more there are."""
    text = "Exported as a draft for the co-authors to read."
    parts = [base.one_line(r).rstrip(" .;") for r in reasons]
    parts = [p for p in parts if p]
    if not parts:
        return text
    more = len(parts) - shown
    listed = "; ".join(parts[:shown]) + (f"; and {more} more" if more > 0 else "")
    return f"{text} Still to fix before submission: {listed}."


def build_article_document(project: Project, template: Template, counts: Mapping,
                           options: ArticleOptions | None = None, warnings: list[str] | None = None):
    """The article as a python-docx Document (not yet saved)."""
    options = options or ArticleOptions()
    warnings = warnings if warnings is not None else []
    article = project.article
    document = base.new_document()
    title = base.one_line(article.title) or "Untitled article"
    if options.draft:
        base.draft_banner(document, draft_explanation(options.draft_reasons))
    for block in manuscript_blocks(article, template, draft=options.draft,
                                   file_names=dict(options.file_names)):
        if block.picture is not None:
            _figure(document, project, block.picture, warnings)
        else:
            _write(document, block)
    short = title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + "\u2026"
    base.page_furniture(document, f"{SERIES} \u00b7 {template.journal or 'The BMJ'}", short,
                        options.draft)
    base.set_properties(document, title=title, authors=[a.name for a in article.authors],
                        subject=f"{SERIES} article for {template.journal or 'The BMJ'}",
                        keywords="Partnership in Practice; co-production; patient partnership",
                        draft=options.draft)
    return document


def write_article_docx(project: Project, path: Path, template: Template, counts: Mapping,
                       options: ArticleOptions | None = None,
                       stats: dict | None = None) -> list[str]:
    """Write the article to ``path``; returns warnings (e.g. a picture Word cannot show).
    ``stats``, when given, receives "words": Word's count of the whole manuscript's body."""
    warnings: list[str] = []
    document = build_article_document(project, template, counts, options, warnings)
    words = base.save(document, path)
    if stats is not None:
        stats["words"] = words
    return warnings
