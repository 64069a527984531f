"""The article as a Word document, laid out for the editors.

Order: title, standfirst, byline (each author's name, credentials, partner type and role,
affiliation and handle), correspondence, the key-messages box, the sections and viewpoints in the
article's order (each viewpoint headed with whose it is), the combined competing-interests
statement, the word count as the series counts it, the references (BMJ style, numbered in order
of first citation), the illustrations (picture, caption, credit and alt text), the clips (file or
link, caption and transcript) and the key quotes listed for the editors.

Citations are written ``[1]`` / ``[1,2]`` / ``[1–3]`` or as superscript numbers, as chosen in
``article.settings.citation_style``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docx.shared import Cm

from ..model.article import Article, Section
from ..model.author import Author
from ..model.citations import analyse_citations
from ..model.counts import counting_explanation
from ..model.project import Project
from ..model.reference import Reference, format_bmj
from ..model.statements import combined_statement
from ..model.template import Template
from ..model.text import Citation, Paragraph
from . import docx_base as base

SERIES = "Partnership in Practice"
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
    file_names: Mapping[str, str] = field(default_factory=dict)  # media name -> bundle path


def section_heading(article: Article, section: Section) -> str:
    """The section's title; a viewpoint's title always says whose it is."""
    title = base.one_line(section.title) or ("Viewpoint" if section.kind == "viewpoint"
                                             else "Untitled section")
    if section.kind != "viewpoint":
        return title
    owners = [a.name for a in (article.author(i) for i in section.author_ids) if a]
    missing = [name for name in owners if base.one_line(name) not in title]
    if missing:
        title = f"{title}: {' and '.join(base.one_line(n) for n in missing)}"
    return title


def partner_label(template: Template, author: Author) -> str:
    partner = template.partner_type(author.partner_type)
    return partner.label if partner else author.partner_type.replace("_", " ").capitalize()


# --- front matter ------------------------------------------------------------------------------
def _byline(document, article: Article, template: Template) -> None:
    for author in article.authors:
        paragraph = document.add_paragraph(style="Byline")
        base.add_run(paragraph, base.one_line(author.name) or "Unnamed author", style="Strong")
        if author.credentials.strip():
            base.add_run(paragraph, f", {base.one_line(author.credentials)}")
        role = base.one_line(author.role)
        base.add_run(paragraph, "\n" + partner_label(template, author) + (f" \u2014 {role}"
                                                                           if role else ""))
        place = [base.one_line(author.affiliation)] if author.affiliation.strip() else []
        if author.handle.strip():
            place.append(f"X/Twitter {base.one_line(author.handle)}")
        if place:
            base.add_run(paragraph, "\n" + "   \u00b7   ".join(place))
    corresponding = [a for a in article.authors if a.corresponding and a.email.strip()]
    if corresponding:
        paragraph = document.add_paragraph(style="Correspondence")
        base.add_run(paragraph, "Correspondence to: ")
        for n, author in enumerate(corresponding):
            if n:
                base.add_run(paragraph, "; ")
            base.add_run(paragraph, f"{base.one_line(author.name)}, ")
            email = base.one_line(author.email)
            base.add_hyperlink(paragraph, email, f"mailto:{email}")


def _key_messages(document, article: Article) -> None:
    messages = [base.one_line(m) for m in article.key_messages if m.strip()]
    if not messages:
        return
    base.add_paragraph(document, "Key messages", style="Key Messages Heading")
    for message in messages:
        base.add_paragraph(document, f"\u2022\t{message}", style="Key Messages")


# --- the body ----------------------------------------------------------------------------------
def _write_paragraph(document, paragraph: Paragraph, label) -> None:
    style = "List Bullet" if paragraph.style == "bullet" else "Body Text"
    out = document.add_paragraph(style=style)
    superscript = label.style == "superscript"
    for item in paragraph.normalised().items:
        if isinstance(item, Citation):
            if superscript and out.runs and out.runs[-1].text.endswith((" ", "\u00a0")):
                out.runs[-1].text = out.runs[-1].text.rstrip(" \u00a0")
            base.add_run(out, label(item.refs),
                         style="Citation Superscript" if superscript else "Citation")
        else:
            base.add_run(out, item.text, bold=item.bold, italic=item.italic)


class _Labeller:
    def __init__(self, article: Article):
        self.analysis = analyse_citations(article)
        self.style = article.settings.citation_style

    def __call__(self, refs) -> str:
        return self.analysis.label(list(refs), self.style)


def _body(document, article: Article, draft: bool) -> None:
    label = _Labeller(article)
    for section in article.sections:
        empty = section.body.is_empty()
        if empty and not draft:
            continue
        base.add_paragraph(document, section_heading(article, section), style="Heading 1")
        if empty:
            base.add_paragraph(document, "(This section is still empty.)", style="Note")
            continue
        for paragraph in section.body.paragraphs:
            if paragraph.text().strip() or paragraph.citations():
                _write_paragraph(document, paragraph, label)


# --- end matter --------------------------------------------------------------------------------
def _competing_interests(document, article: Article) -> None:
    base.add_paragraph(document, "Competing interests", style="Heading 1")
    statement = combined_statement(article.authors) if article.authors else ""
    base.add_paragraph(document, statement or "No authors have been added yet.")


def _word_count(document, article: Article, template: Template, counts: Mapping) -> None:
    base.add_paragraph(document, "Word count", style="Heading 1")
    counted = int(counts.get("words_counted", 0))
    total = int(counts.get("words_total", counted))
    paragraph = document.add_paragraph(style="Body Text")
    base.add_run(paragraph, f"{counted:,} words", style="Strong")
    limit = template.limit("words")
    if limit.min is not None and limit.max is not None:
        base.add_run(paragraph, f" (the series asks for about {limit.min:,}\u2013{limit.max:,}).")
    base.add_run(paragraph, f" All text, counted or not: {total:,} words.")
    profile = str(counts.get("profile") or article.settings.word_count_profile)
    base.add_paragraph(document, counting_explanation(template, profile), style="Note")


def _reference(document, number: int, ref: Reference) -> None:
    paragraph = document.add_paragraph(style="Reference List")
    text = base.one_line(format_bmj(ref))
    base.add_run(paragraph, f"{number}\t")
    url = base.one_line(ref.url)
    doi = base.one_line(ref.doi).removeprefix("https://doi.org/")
    link = None
    if doi and f"doi:{doi}" in text:
        link = (f"doi:{doi}", f"https://doi.org/{doi}")
    elif url and url in text and base.linkable(url):
        link = (url, url)
    if link:
        before, _, after = text.partition(link[0])
        base.add_run(paragraph, before)
        base.add_hyperlink(paragraph, link[0], link[1])
        base.add_run(paragraph, after)
    else:
        base.add_run(paragraph, text)


def _references(document, article: Article) -> None:
    refs = article.references_in_order()
    if not refs:
        return
    numbers = article.reference_numbers()
    base.add_paragraph(document, "References", style="Heading 1")
    for ref in refs:
        _reference(document, numbers[ref.id], ref)


def _picture(document, project: Project, name: str, alt: str, title: str) -> str:
    """Place a picture with its alt text (wp:docPr descr); "" when placed, else why not (words
    that finish "could not be placed in the Word document (…)")."""
    try:
        if project.media.size(name) > MAX_PLACED_PICTURE_BYTES:
            return "it is too large a file to place there"
        if project.media.damage(name, picture=True) == "damaged":
            return "its file is damaged"
        data = project.media.read(name)
    except (OSError, KeyError, ValueError, RuntimeError, EOFError, zipfile.BadZipFile):
        return "its file could not be read"
    paragraph = document.add_paragraph(style="Figure")
    try:
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=MAX_PICTURE_WIDTH)
    except Exception:  # noqa: BLE001 - unsupported (WebP, HEIC) or damaged: say so, go on
        paragraph._p.getparent().remove(paragraph._p)
        return "its format is not one Word reads"
    if shape.height > MAX_PICTURE_HEIGHT:
        ratio = MAX_PICTURE_HEIGHT / shape.height
        shape.height = MAX_PICTURE_HEIGHT
        shape.width = int(shape.width * ratio)
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", base.one_line(alt))
    doc_pr.set("title", base.one_line(title))
    return ""


def _illustrations(document, project: Project, options: ArticleOptions,
                   warnings: list[str]) -> None:
    items = project.article.illustrations
    if not items:
        return
    base.add_paragraph(document, "Illustrations", style="Heading 1")
    for n, item in enumerate(items, start=1):
        file_name = options.file_names.get(item.media.name, item.media.original_name)
        why = _picture(document, project, item.media.name, item.alt_text, f"Figure {n}")
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
        caption = document.add_paragraph(style="Caption")
        base.add_run(caption, f"Figure {n}. ", style="Strong")
        base.add_run(caption, base.one_line(item.caption) or "(no caption yet)")
        if item.credit.strip():
            base.add_paragraph(document, f"Credit: {base.one_line(item.credit)}", style="Credit")
        base.add_paragraph(document, "Description for people who cannot see the picture "
                                     f"(alt text): {base.one_line(item.alt_text) or '(none yet)'}"
                                     f"   \u00b7   File: {file_name}", style="Alt Text")


def _clips(document, project: Project, options: ArticleOptions) -> None:
    clips = project.article.clips
    if not clips:
        return
    base.add_paragraph(document, "Video and audio clips", style="Heading 1")
    for n, clip in enumerate(clips, start=1):
        kind = "Video" if clip.kind == "video" else "Audio"
        title = base.one_line(clip.title)
        base.add_paragraph(document, f"Clip {n} ({kind.lower()})" + (f": {title}" if title else ""),
                           style="Heading 2")
        source = document.add_paragraph(style="Note")
        if clip.media is not None:
            name = options.file_names.get(clip.media.name, clip.media.original_name)
            base.add_run(source, f"File: {name}")
        if clip.url.strip():
            base.add_run(source, ("   \u00b7   " if clip.media is not None else "") + "Link: ")
            base.add_hyperlink(source, clip.url, clip.url)
        caption = document.add_paragraph(style="Caption")
        base.add_run(caption, f"Clip {n}. ", style="Strong")
        base.add_run(caption, base.one_line(clip.caption) or "(no caption yet)")
        base.add_paragraph(document, "Transcript", style="Heading 2")
        lines = [line for line in base.safe_text(clip.transcript).split("\n") if line.strip()]
        for line in lines or ["(no transcript yet)"]:
            base.add_paragraph(document, line)


def _key_quotes(document, article: Article) -> None:
    quotes = [(sid, text) for _qid, sid, text in article.key_quotes() if text.strip()]
    if not quotes:
        return
    base.add_paragraph(document, "Key quotes (for the editors)", style="Heading 1")
    base.add_paragraph(document, "The authors flagged these words in the text as key quotes.",
                       style="Note")
    for section_id, text in quotes:
        base.add_paragraph(document, f"\u201c{base.one_line(text)}\u201d", style="Key Quote")
        section = article.section(section_id)
        where = section_heading(article, section) if section else "the article"
        base.add_paragraph(document, f"From \u201c{where}\u201d", style="Quote Source")


# --- the document ------------------------------------------------------------------------------
def build_article_document(project: Project, template: Template, counts: Mapping,
                           options: ArticleOptions | None = None, warnings: list[str] | None = None):
    """The article as a python-docx Document (not yet saved)."""
    options = options or ArticleOptions()
    warnings = warnings if warnings is not None else []
    article = project.article
    document = base.new_document()
    title = base.one_line(article.title) or "Untitled article"
    if options.draft:
        reasons = "; ".join(options.draft_reasons[:5])
        base.draft_banner(document, "Exported as a draft for the co-authors to read. "
                          + (f"Still to fix before submission: {reasons}" if reasons else ""))
    base.add_paragraph(document, title, style="Title")
    if article.standfirst.strip():
        base.add_paragraph(document, base.one_line(article.standfirst), style="Standfirst")
    _byline(document, article, template)
    _key_messages(document, article)
    _body(document, article, options.draft)
    _competing_interests(document, article)
    _word_count(document, article, template, counts)
    _references(document, article)
    _illustrations(document, project, options, warnings)
    _clips(document, project, options)
    _key_quotes(document, article)
    short = title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + "\u2026"
    base.page_furniture(document, f"{SERIES} \u00b7 {template.journal or 'The BMJ'}", short,
                        options.draft)
    base.set_properties(document, title=title, authors=[a.name for a in article.authors],
                        subject=f"{SERIES} article for {template.journal or 'The BMJ'}",
                        keywords="Partnership in Practice; co-production; patient partnership",
                        draft=options.draft)
    return document


def write_article_docx(project: Project, path: Path, template: Template, counts: Mapping,
                       options: ArticleOptions | None = None) -> list[str]:
    """Write the article to ``path``; returns warnings (e.g. a picture Word cannot show)."""
    warnings: list[str] = []
    document = build_article_document(project, template, counts, options, warnings)
    base.save(document, path)
    return warnings
