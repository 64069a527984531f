"""The manuscript as a list of blocks: what the exported article holds, in order, decided once.

The Word document (:mod:`.article_docx`) and the app's article preview are both drawn from these
blocks, so the preview shows what will be exported. Each block names its Word paragraph style,
its text as spans (bold, italic, a character style, a link), the place in the app it comes from
(for Go to), and whether its words count toward the series' limit. No Qt and no python-docx here.

Order: title, standfirst, byline (each author's name, credentials, partner type and role,
affiliation and handle), correspondence, the key-messages box, the sections and viewpoints in
the article's order (each viewpoint headed with whose it is), the combined competing-interests
statement, the references (BMJ style, numbered in order of first citation), the illustrations
(the picture and its legend) and the clips (link, legend and transcript).

What is for the editors only — the word count, file names, alt text as text, credits,
permissions, the flagged key quotes — is in the notes for the editors (:mod:`.editor_notes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model.article.article import Article, Section
from ..model.article.author import Author
from ..model.article.citations import analyse_citations
from ..model.article.reference import Reference, format_bmj
from ..model.article.text import Citation, Paragraph
from ..model.interests.statements import combined_statement
from ..model.language.counts import section_counts_toward_limit
from ..model.rules.findings import Where
from ..model.rules.template import Template
from .plain_text import SEPARATOR, linkable, one_line, safe_text

SERIES = "Partnership in Practice"






@dataclass(frozen=True)
class Span:
    """A piece of a block's text."""

    text: str
    bold: bool = False
    italic: bool = False
    style: str = ""         # a Word character style: "Strong", "Citation", "Citation Superscript"
    link: str = ""          # the address, when the text is a link


@dataclass(frozen=True)
class Picture:
    """An illustration placed in the manuscript."""

    number: int
    media_name: str         # in the project's media store
    alt_text: str
    file_name: str          # the picture's name in the bundle, or its original name


@dataclass(frozen=True)
class Block:
    """One paragraph of the manuscript."""

    style: str                          # the Word paragraph style: "Title", "Body Text"...
    spans: tuple[Span, ...] = ()
    where: Where | None = None          # where in the app it comes from (Go to)
    paragraph: int = -1                 # which paragraph of that field, when it is one
    counted: bool = False               # its words count toward the series' limit
    picture: Picture | None = None      # style "Figure": the picture to place

    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def _block(style: str, text: str, where: Where | None = None, paragraph: int = -1) -> Block:
    return Block(style, (Span(text),) if text else (), where, paragraph)


def section_heading(article: Article, section: Section) -> str:
    """The section's title; a viewpoint's title always says whose it is."""
    title = one_line(section.title) or ("Viewpoint" if section.kind == "viewpoint"
                                        else "Untitled section")
    if section.kind != "viewpoint":
        return title
    owners = [a.name for a in (article.author(i) for i in section.author_ids) if a]
    missing = [name for name in owners if one_line(name) not in title]
    if missing:
        title = f"{title}: {' and '.join(one_line(n) for n in missing)}"
    return title


def partner_label(template: Template, author: Author) -> str:
    partner = template.partner_type(author.partner_type)
    return partner.label if partner else author.partner_type.replace("_", " ").capitalize()


def handle_text(handle: str) -> str:
    """"X/Twitter @name" that Word keeps on one line: a non-breaking space, and a word joiner
    (U+2060) after the slash, where Word would otherwise allow a line break."""
    return f"X/\u2060Twitter\u00a0{one_line(handle)}"


class Labeller:
    """Citation markers as the article's settings write them ("[1,2]" or superscript)."""

    def __init__(self, article: Article):
        self.analysis = analyse_citations(article)
        self.style = article.settings.citation_style

    def __call__(self, refs: Iterable[str]) -> str:
        return self.analysis.label(list(refs), self.style)


# --- front matter ------------------------------------------------------------------------------
def _front(article: Article, template: Template) -> Iterator[Block]:
    yield _block("Title", one_line(article.title) or "Untitled article",
                 Where("title", field="title"))
    if article.standfirst.strip():
        yield _block("Standfirst", one_line(article.standfirst),
                     Where("title", field="standfirst"))
    for author in article.authors:
        spans = [Span(one_line(author.name) or "Unnamed author", style="Strong")]
        if author.credentials.strip():
            spans.append(Span(f", {one_line(author.credentials)}"))
        role = one_line(author.role)
        spans.append(Span("\n" + partner_label(template, author) +
                          (f" \u2014 {role}" if role else "")))
        place = [one_line(author.affiliation)] if author.affiliation.strip() else []
        if author.handle.strip():
            place.append(handle_text(author.handle))
        if place:
            spans.append(Span("\n" + SEPARATOR.join(place)))
        yield Block("Byline", tuple(spans), Where("authors", author_id=author.id, field="name"))
    corresponding = [a for a in article.authors if a.corresponding and a.email.strip()]
    if corresponding:
        spans = [Span("Correspondence to: ")]
        for n, author in enumerate(corresponding):
            if n:
                spans.append(Span("; "))
            email = one_line(author.email)
            spans += [Span(f"{one_line(author.name)}, "), Span(email, link=f"mailto:{email}")]
        yield Block("Correspondence", tuple(spans),
                    Where("authors", author_id=corresponding[0].id, field="email"))
    messages = [(i, one_line(m)) for i, m in enumerate(article.key_messages) if m.strip()]
    if messages:
        yield _block("Key Messages Heading", "Key messages", Where("key_messages"))
        for index, message in messages:     # the style's numbering gives the bullet
            yield _block("Key Messages", message,
                         Where("key_messages", item_id=str(index), field="message"))


# --- the body ----------------------------------------------------------------------------------
def paragraph_spans(paragraph: Paragraph, label: Labeller) -> tuple[Span, ...]:
    """A paragraph's runs and citation markers; a superscript marker is attached to the word
    before it (the space before it dropped)."""
    spans: list[Span] = []
    superscript = label.style == "superscript"
    for item in paragraph.standing().items:       # suggestions still waiting are not sent
        if isinstance(item, Citation):
            if superscript and spans and spans[-1].text.endswith((" ", "\u00a0")):
                last = spans[-1]
                spans[-1] = Span(last.text.rstrip(" \u00a0"), last.bold, last.italic, last.style,
                                 last.link)
            spans.append(Span(label(item.refs),
                              style="Citation Superscript" if superscript else "Citation"))
        else:
            spans.append(Span(safe_text(item.text), bold=item.bold, italic=item.italic))
    return tuple(spans)


def _body(article: Article, template: Template, draft: bool) -> Iterator[Block]:
    label = Labeller(article)
    for section in article.sections:
        empty = section.body.is_empty()
        if empty and not draft:
            continue
        where = Where("section", section.id, field="body")
        yield _block("Heading 1", section_heading(article, section),
                     Where("section", section.id, field="title"))
        if empty:
            yield _block("Note", "(This section is still empty.)", where, paragraph=0)
            continue
        counted = section_counts_toward_limit(section, template)
        for index, paragraph in enumerate(section.body.paragraphs):
            if paragraph.text().strip() or paragraph.citations():
                yield Block("List Bullet" if paragraph.style == "bullet" else "Body Text",
                            paragraph_spans(paragraph, label), where, index, counted)


# --- end matter --------------------------------------------------------------------------------
def _reference_spans(number: int, ref: Reference) -> tuple[Span, ...]:
    text = one_line(format_bmj(ref))
    url = one_line(ref.url)
    doi = one_line(ref.doi).removeprefix("https://doi.org/")
    link = None
    if doi and f"doi:{doi}" in text:
        link = (f"doi:{doi}", f"https://doi.org/{doi}")
    elif url and url in text and linkable(url):
        link = (url, url)
    if not link:
        return Span(f"{number}\t"), Span(text)
    before, _, after = text.partition(link[0])
    return Span(f"{number}\t"), Span(before), Span(link[0], link=link[1]), Span(after)


def _end(article: Article, file_names: dict[str, str]) -> Iterator[Block]:
    yield _block("Heading 1", "Competing interests", Where("competing_interests"))
    statement = combined_statement(article.authors) if article.authors else ""
    yield _block("Body Text", statement or "No authors have been added yet.",
                 Where("competing_interests"))
    refs = article.references_in_order()
    if refs:
        numbers = article.reference_numbers()
        yield _block("Heading 1", "References", Where("references"))
        for ref in refs:
            yield Block("Reference List", _reference_spans(numbers[ref.id], ref),
                        Where("references", item_id=ref.id, field="title"))
    if article.illustrations:
        yield _block("Heading 1", "Illustrations", Where("illustrations"))
    for n, item in enumerate(article.illustrations, start=1):
        where = Where("illustrations", item_id=item.id, field="caption")
        name = file_names.get(item.id, item.media.original_name)
        yield Block("Figure", (), where,
                    picture=Picture(n, item.media.name, item.alt_text, name))
        yield Block("Caption", (Span(f"Figure {n}. ", style="Strong"),
                                Span(one_line(item.caption) or "(no caption yet)")), where)
    if article.clips:
        yield _block("Heading 1", "Video and audio clips", Where("illustrations"))
    for n, clip in enumerate(article.clips, start=1):
        where = Where("illustrations", item_id=clip.id, field="clip_caption")
        kind = "video" if clip.kind == "video" else "audio"
        title = one_line(clip.title)
        yield _block("Heading 2", f"Clip {n} ({kind})" + (f": {title}" if title else ""), where)
        if clip.url.strip():
            yield Block("Note", (Span("Link: "), Span(clip.url, link=clip.url)), where)
        yield Block("Caption", (Span(f"Clip {n}. ", style="Strong"),
                                Span(one_line(clip.caption) or "(no caption yet)")), where)
        yield _block("Heading 2", "Transcript", where)
        lines = [line for line in safe_text(clip.transcript).split("\n") if line.strip()]
        transcript = Where("illustrations", item_id=clip.id, field="clip_transcript")
        for line in lines or ["(no transcript yet)"]:
            yield _block("Body Text", line, transcript)


def whole_document_words(blocks: Iterable[Block]) -> int:
    """What Word's Review › Word Count shows for the manuscript made of these blocks: every
    word of the body (title, byline, headings, references, captions too), counted as Word
    does. The export writes the same figure into the document's properties."""
    from ..model.language.wordcount import count_words
    return sum(count_words(text, "word") for text in (b.text() for b in blocks) if text.strip())


def manuscript_blocks(article: Article, template: Template, *, draft: bool = False,
                      file_names: dict[str, str] | None = None) -> list[Block]:
    """Every paragraph of the manuscript, in order (the draft banner aside)."""
    return [*_front(article, template), *_body(article, template, draft),
            *_end(article, dict(file_names or {}))]
