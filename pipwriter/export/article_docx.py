"""The manuscript: the article as a Word document, and nothing else.

Order: title, standfirst, byline (each author's name, credentials, partner type and role,
affiliation and handle), correspondence, the key-messages box (a real Word bulleted list), the
sections and viewpoints in the article's order (each viewpoint headed with whose it is), the
combined competing-interests statement, the references (BMJ style, numbered in order of first
citation), the illustrations (the picture, with its alt text inside the picture, and its legend)
and the clips (link, legend and transcript).

What is for the editors only — the word count and how it was made, file names, alt text as
text, credits, permissions, the flagged key quotes — is in the notes for the editors
(:mod:`.editor_notes`), so that Word's count of this file is the article's and nothing in it
speaks to the authors. docs/bundle.md says what is where.

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

from ..model.article.article import Article, Section
from ..model.article.author import Author
from ..model.article.citations import analyse_citations
from ..model.article.reference import Reference, format_bmj
from ..model.article.text import Citation, Paragraph
from ..model.interests.statements import combined_statement
from ..model.rules.template import Template
from ..model.storage.project import Project
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
def handle_text(handle: str) -> str:
    """"X/Twitter @name" that Word keeps on one line: a non-breaking space, and a word joiner
    (U+2060) after the slash, where Word would otherwise allow a line break."""
    return f"X/\u2060Twitter\u00a0{base.one_line(handle)}"


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
            place.append(handle_text(author.handle))
        if place:
            base.add_run(paragraph, "\n" + base.SEPARATOR.join(place))
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
    for message in messages:    # the style's numbering (a bullet list) gives the bullet
        base.add_paragraph(document, message, style="Key Messages")


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


def exported_text(paragraph: Paragraph, label) -> str:
    """The paragraph's text as the manuscript prints it: citation markers included (a
    superscript marker attached to the word before it), no list label."""
    out = ""
    superscript = label.style == "superscript"
    for item in paragraph.normalised().items:
        if isinstance(item, Citation):
            if superscript:
                out = out.rstrip(" \u00a0")
            out += label(item.refs)
        else:
            out += base.safe_text(item.text)
    return out


def counted_section_texts(article: Article, template: Template) -> list[str]:
    """The paragraphs of the sections counted toward the limit, as the manuscript prints them
    (headings left out): what an editor's word processor counts for the series' figure."""
    from ..model.language.counts import section_counts_toward_limit
    label = _Labeller(article)
    return [exported_text(p, label) for s in article.sections
            if section_counts_toward_limit(s, template) and not s.body.is_empty()
            for p in s.body.paragraphs if p.text().strip() or p.citations()]


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
        if clip.url.strip():
            source = document.add_paragraph(style="Note")
            base.add_run(source, "Link: ")
            base.add_hyperlink(source, clip.url, clip.url)
        caption = document.add_paragraph(style="Caption")
        base.add_run(caption, f"Clip {n}. ", style="Strong")
        base.add_run(caption, base.one_line(clip.caption) or "(no caption yet)")
        base.add_paragraph(document, "Transcript", style="Heading 2")
        lines = [line for line in base.safe_text(clip.transcript).split("\n") if line.strip()]
        for line in lines or ["(no transcript yet)"]:
            base.add_paragraph(document, line)


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
    base.add_paragraph(document, title, style="Title")
    if article.standfirst.strip():
        base.add_paragraph(document, base.one_line(article.standfirst), style="Standfirst")
    _byline(document, article, template)
    _key_messages(document, article)
    _body(document, article, options.draft)
    _competing_interests(document, article)
    _references(document, article)
    _illustrations(document, project, options, warnings)
    _clips(document, project, options)
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
