"""What every exported Word document shares: the styled reference document, text made safe for
Word, hyperlinks, page numbers, the DRAFT banner and the document's properties.

Only styles defined in ``resources/export/reference.docx`` (made by
``tools/make_reference_docx.py``) are used; python-docx raises KeyError for any other, and the
tests check every style an exported document names.
"""

from __future__ import annotations

import datetime as _dt
import logging
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from .. import APP_NAME, __version__
from ..resources import resource
from .errors import ExportError
from .plain_text import SEPARATOR, linkable, one_line, safe_text

log = logging.getLogger(__name__)

LANGUAGE = "en-GB"
DRAFT_LABEL = "DRAFT \u2014 not ready for submission"



def reference_docx() -> Path:
    return resource("export", "reference.docx")


def new_document() -> Document:
    """An empty document with all our styles, A4 pages and British English proofing."""
    path = reference_docx()
    try:
        document = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - a missing or damaged file is one message
        log.error("the Word styles file %s could not be read", path, exc_info=True)
        raise ExportError("The Word styles file that comes with PiP Writer "
                          f"({path.name}) is missing or damaged. Reinstall PiP Writer.") from error
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _style_ids_once(document)
    return document


def _style_ids_once(document: Document) -> None:
    """Each style looked up once per document. python-docx finds a style's id by scanning every
    style in the document, and again for the default style, each time a paragraph, run or
    table is given a style (about 250 table cells in the competing-interests document: more
    than half of the export's time); the styles do not change while a document is written.
    The same answer as python-docx's ``Styles.get_style_id``: None for the default style, an
    error for an unknown name or a style of another type."""
    part = document.part
    styles = document.styles
    known: dict[tuple[str, object], str | None] = {}
    defaults: dict[object, object] = {}

    def get_style_id(style_or_name, style_type):
        if style_or_name is None:
            return None
        name = style_or_name if isinstance(style_or_name, str) else style_or_name.name
        if (name, style_type) not in known:
            style = styles[name]
            if style.type != style_type:
                raise ValueError(f"Style {name!r} is not of type {style_type}")
            if style_type not in defaults:
                defaults[style_type] = styles.default(style_type)
            known[name, style_type] = None if style == defaults[style_type] else style.style_id
        return known[name, style_type]
    part.get_style_id = get_style_id  # type: ignore[method-assign]  # headers, footers ask it too






def add_run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
            style: str | None = None):
    run = paragraph.add_run(safe_text(text), style=style)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def add_paragraph(document, text: str = "", style: str = "Body Text", **run_format) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    if text:
        add_run(paragraph, text, **run_format)
    return paragraph




def add_hyperlink(paragraph: Paragraph, text: str, url: str):
    """A clickable link in the Hyperlink character style; plain text if the address is unusual."""
    url = one_line(url)
    if not linkable(url):
        return add_run(paragraph, text)
    style_id = paragraph.part.get_style_id("Hyperlink", WD_STYLE_TYPE.CHARACTER) or "Hyperlink"
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rstyle = OxmlElement("w:rStyle")
    rstyle.set(qn("w:val"), style_id)
    rpr.append(rstyle)
    run.append(rpr)
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = one_line(text)
    run.append(node)
    link.append(run)
    paragraph._p.append(link)
    return link


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    parts: tuple[tuple[str, str], ...] = (("begin", ""), ("instr", instruction), ("separate", ""),
                                          ("text", placeholder), ("end", ""))
    for kind, text in parts:
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def page_furniture(document, header_text: str, footer_text: str, draft: bool) -> None:
    """Header (the DRAFT banner when ``draft``) and "text · Page X of Y" footer on every page."""
    for section in document.sections:
        header = section.header.paragraphs[0]
        header.text = ""
        if draft:
            header.style = document.styles["Draft Banner"]
            add_run(header, DRAFT_LABEL)
        else:
            header.style = document.styles["Header"]
            add_run(header, header_text)
        footer = section.footer.paragraphs[0]
        footer.text = ""
        footer.style = document.styles["Footer"]
        if footer_text:
            add_run(footer, f"{footer_text}{SEPARATOR}")
        add_run(footer, "Page ")
        _field(footer, "PAGE", "1")
        add_run(footer, " of ")
        _field(footer, "NUMPAGES", "1")


def draft_banner(document, explanation: str) -> None:
    """Why the document is a draft, at the top of the body. The DRAFT label itself is in the
    header of every page (:func:`page_furniture`), so page 1 shows it once."""
    if explanation:
        add_paragraph(document, explanation, style="Note")


def set_properties(document, *, title: str, authors: list[str], subject: str, draft: bool,
                   keywords: str = "", now: _dt.datetime | None = None) -> None:
    props = document.core_properties
    now = (now or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0, tzinfo=None)
    props.title = one_line(title)[:255]
    props.author = "; ".join(one_line(a) for a in authors if a.strip())[:255]
    props.subject = one_line(subject)[:255]
    props.keywords = keywords
    props.language = LANGUAGE
    props.category = "Partnership in Practice"
    props.content_status = "Draft" if draft else "Ready for submission"
    props.comments = f"Exported by {APP_NAME} {__version__}" + (" as a DRAFT" if draft else "")
    props.last_modified_by = APP_NAME
    props.created = props.modified = now
    props.revision = 1


_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            '2006/docPropsVTypes"><Words>{words}</Words><Application>{app}</Application>'
            '<DocSecurity>0</DocSecurity><Paragraphs>{paragraphs}</Paragraphs>'
            '<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>'
            '<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>'
            '</Properties>')


def body_texts(document) -> list[str]:
    """The text of every paragraph of the body, tables included, in order (no header or
    footer): what Word's status bar counts."""
    texts = []
    breaks = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
    for element in document.element.body.iter(qn("w:p")):
        texts.append("".join(node.text or "" if node.tag == qn("w:t") else breaks[node.tag]
                             for node in element.iter(qn("w:t"), *breaks)))
    return texts


def set_app_properties(document) -> int:
    """Replace the template's docProps/app.xml ("Microsoft Macintosh Word", Words 0) with this
    document's own: PiP Writer as the application, and the words and paragraphs of the body as
    Word counts them. Returns the word count."""
    from ..model.language.wordcount import count_words
    texts = body_texts(document)
    words = sum(count_words(t, "word") for t in texts if t.strip())
    paragraphs = sum(1 for t in texts if t.strip())
    # escaped as xml.sax.saxutils.escape does (that module imports urllib and http: 50 ms)
    app = APP_NAME.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    blob = _APP_XML.format(words=words, paragraphs=paragraphs, app=app).encode()
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = blob
    return words


def save(document, path: Path) -> int:
    """Save with its own docProps/app.xml; returns Word's count of the body's words."""
    words = set_app_properties(document)
    document.save(str(path))
    return words
