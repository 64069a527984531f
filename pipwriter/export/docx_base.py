"""What every exported Word document shares: the styled reference document, text made safe for
Word, hyperlinks, page numbers, the DRAFT banner and the document's properties.

Only styles defined in ``resources/export/reference.docx`` (made by
``tools/make_reference_docx.py``) are used; python-docx raises KeyError for any other, and the
tests check every style an exported document names.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from .. import APP_NAME, __version__
from ..model.text import clean_text
from ..resources import resource
from .errors import ExportError

LANGUAGE = "en-GB"
DRAFT_LABEL = "DRAFT \u2014 not ready for submission"

# Characters XML 1.0 cannot hold (after clean_text removed the control characters): lone
# surrogates and the non-characters U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LINKABLE = re.compile(r"^(https?://|mailto:)[^\s<>\"]+$", re.IGNORECASE)


def reference_docx() -> Path:
    return resource("export", "reference.docx")


def new_document() -> Document:
    """An empty document with all our styles, A4 pages and British English proofing."""
    path = reference_docx()
    try:
        document = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - a missing or damaged file is one message
        raise ExportError("The Word styles file that comes with PiP Writer "
                          f"({path.name}) is missing or damaged. Reinstall PiP Writer.") from error
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def safe_text(text: object) -> str:
    """Text Word can store: no control characters (tab and new line kept), no lone surrogates,
    composed accents (NFC)."""
    value = clean_text(str(text or ""))
    value = _NOT_XML.sub("", value)
    return unicodedata.normalize("NFC", value)


def one_line(text: object) -> str:
    return " ".join(safe_text(text).split())


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


def linkable(url: str) -> bool:
    return bool(_LINKABLE.match(url.strip()))


def add_hyperlink(paragraph: Paragraph, text: str, url: str):
    """A clickable link in the Hyperlink character style; plain text if the address is unusual."""
    url = one_line(url)
    if not linkable(url):
        return add_run(paragraph, text)
    style_id = paragraph.part.document.styles["Hyperlink"].style_id
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
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("text", placeholder), ("end", None)):
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
            add_run(footer, f"{footer_text}   \u00b7   ")
        add_run(footer, "Page ")
        _field(footer, "PAGE", "1")
        add_run(footer, " of ")
        _field(footer, "NUMPAGES", "1")


def draft_banner(document, explanation: str) -> None:
    add_paragraph(document, DRAFT_LABEL, style="Draft Banner")
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


def save(document, path: Path) -> None:
    document.save(str(path))
