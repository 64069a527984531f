"""Reading a Word document into simple blocks (:mod:`.blocks`): one per paragraph, in reading
order.

Paragraphs inside tables (one block per row, cells separated by " | ") and content controls
are read too; a text box (or a frame drawn as one) becomes paragraphs of its own after the
paragraph it is anchored to, rather than being glued onto that paragraph. What each paragraph
holds is read by :mod:`.docx_runs`.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from .. import APP_NAME
from ..model.article.text import Run
from .blocks import (  # noqa: F401 - the reader's public names, importable from here
    Block,
    DocxContent,
    DocxImportError,
    PendingCitation,
    Picture,
    parse_numbers,
)
from .docx_runs import TEXTBOX, note_texts, paragraph_items, skipped, style_chain

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

log = logging.getLogger(__name__)
_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


# --- opening -----------------------------------------------------------------------------------
def open_document(path: Path) -> DocxDocument:
    """The Word document at ``path``, or DocxImportError saying plainly what is wrong."""
    import docx
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise DocxImportError(f"'{path.name}' was not found.") from None
    except OSError as error:
        raise DocxImportError(f"'{path.name}' could not be opened: "
                              f"{error.strerror or error}.") from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if _has_password(path):
            raise DocxImportError(f"'{path.name}' is protected with a password, so PiP Writer "
                                  "cannot read it. Open it in Word, take the password off "
                                  "(File › Info › Protect Document › Encrypt with Password, "
                                  "then clear the password), save it, and import it again.")
        raise DocxImportError(f"'{path.name}' is an old-style Word document (.doc). Open it in "
                              "Word and save it as a Word Document (.docx), then import that.")
    if not head.startswith(b"PK"):
        raise DocxImportError(f"'{path.name}' is not a Word document (.docx).")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocxImportError(f"'{path.name}' is damaged and cannot be read.") from None
    if "word/document.xml" not in names:
        if "manifest.json" in names:
            raise DocxImportError(f"'{path.name}' is a PiP Writer project, not a Word "
                                  "document: open it with File › Open.")
        raise DocxImportError(f"'{path.name}' is not a Word document (.docx).")
    try:
        return docx.Document(str(path))
    except Exception:  # noqa: BLE001 - any parsing failure is one message
        log.warning("python-docx could not read %s", path, exc_info=True)
        raise DocxImportError(f"'{path.name}' is damaged and cannot be read. If Word can "
                              "still open it, save it there as a new Word Document (.docx) "
                              "and import that.") from None


# a Word document with a password is kept inside a compound file, in a part of this name
_ENCRYPTED_PART = "EncryptedPackage".encode("utf-16-le")
_LARGEST_SEARCHED = 200 * 1024 * 1024


def _has_password(path: Path) -> bool:
    """Whether a compound file (.doc's container) holds an encrypted Word document. Its
    directory may be anywhere in the file, so the file is searched whole (up to 200 MB)."""
    try:
        with path.open("rb") as handle:
            return _ENCRYPTED_PART in handle.read(_LARGEST_SEARCHED)
    except OSError:
        return False


# --- styles ------------------------------------------------------------------------------------
def _heading_level(paragraph: DocxParagraph, style_name: str) -> int:
    for style in style_chain(paragraph.style):
        match = _HEADING.match(style.name or "")
        if match:
            return max(int(match.group(1)), 1)
    ppr = paragraph._p.pPr
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None:
        try:
            level = int(outline.get(qn("w:val")))
        except (TypeError, ValueError):
            return 0
        return level + 1 if level < 9 else 0
    return 0


def _numbering_format(document, num_id: str, level: str) -> str:
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return ""
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) != num_id:
            continue
        abstract = num.find(qn("w:abstractNumId"))
        abstract_id = abstract.get(qn("w:val")) if abstract is not None else None
        for definition in numbering.findall(qn("w:abstractNum")):
            if definition.get(qn("w:abstractNumId")) != abstract_id:
                continue
            for lvl in definition.findall(qn("w:lvl")):
                if lvl.get(qn("w:ilvl")) == level:
                    fmt = lvl.find(qn("w:numFmt"))
                    return fmt.get(qn("w:val")) if fmt is not None else ""
    return ""


def _list_kind(document, paragraph: DocxParagraph, style_name: str) -> tuple[bool, bool]:
    """(listed, numbered)."""
    name = style_name.lower()
    if name.startswith("list number"):
        return True, True
    if name.startswith(("list bullet", "list paragraph")):
        listed, numbered = True, False
    else:
        listed, numbered = False, False
    ppr = paragraph._p.pPr
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num_pr is not None:
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        value = num_id.get(qn("w:val")) if num_id is not None else "0"
        if value != "0":
            fmt = _numbering_format(document, value, ilvl.get(qn("w:val")) if ilvl is not None
                                    else "0")
            return True, fmt not in ("bullet", "none", "")
    return listed, numbered


def _row_block(document, row, notes: dict[str, str]) -> Block:
    """A table row as one block: its cells' text separated by " | " (tables become text)."""
    block = Block("Table", in_table=True)
    for n, cell in enumerate(row.findall(qn("w:tc"))):
        paragraphs = [p for p in cell.iter(qn("w:p")) if not skipped(p, row)]
        for m, p in enumerate(paragraphs):
            if n or m:
                block.items.append(Run(" " if m else " | "))
            paragraph_items(document, DocxParagraph(p, document._body), block, notes)
    return block


def _block(document, paragraph: DocxParagraph, in_table: bool, notes: dict[str, str]
           ) -> Block:
    style = paragraph.style
    style_name = style.name if style is not None else ""
    block = Block(style_name, in_table=in_table)
    block.title = style_name == "Title"
    if not in_table and not block.title:
        block.level = _heading_level(paragraph, style_name)
    block.listed, block.numbered = _list_kind(document, paragraph, style_name)
    paragraph_items(document, paragraph, block, notes)
    block.textbox = skipped(paragraph._p, None, textboxes=True) if not in_table else False
    return block


def _paragraph_elements(container: Any, in_table: bool = False) -> Iterator[tuple[Any, bool]]:
    """(w:p element or table row w:tr, in a table?) in reading order, through tables and
    content controls."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield child, in_table
            for box in child.iter(TEXTBOX):          # its text boxes, each on its own
                if not skipped(box, child, textboxes=True):     # not nested, not a copy
                    yield from _paragraph_elements(box, in_table)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                if row.getparent() is child:           # nested tables are read in their cell
                    yield row, True
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _paragraph_elements(content, in_table)
        elif child.tag in (qn("w:ins"), qn("w:customXml")):
            yield from _paragraph_elements(child, in_table)


def read_docx(path: Path | str) -> DocxContent:
    """Every paragraph of the document as a :class:`Block` (raises DocxImportError)."""
    document = open_document(Path(path))
    props = document.core_properties
    own = (props.comments or "").startswith(f"Exported by {APP_NAME}")
    body = document.element.body
    notes = note_texts(document)
    blocks = [_row_block(document, p, notes) if p.tag == qn("w:tr") else
              _block(document, DocxParagraph(p, document._body), in_table, notes)
              for p, in_table in _paragraph_elements(body)]
    _number_lists(blocks)
    tables = len(body.findall(qn("w:tbl")))
    return DocxContent(blocks, own, (props.title or "").strip(), tables, notes,
                       (_tracked(body, "w:ins", "w:moveTo", text="w:t"),
                        _tracked(body, "w:del", "w:moveFrom", text="w:delText")))


def _number_lists(blocks: list[Block]) -> None:
    """Each item of a numbered list gets its number, counted from 1 again after any other
    text (the article's lists have bullets only, so the numbers are written in the words)."""
    number = 0
    for block in blocks:
        if block.listed and block.numbered:
            number += 1
            block.list_number = number
        elif block.raw_text.strip() or block.level:
            number = 0


def _tracked(body: Any, *tags: str, text: str) -> int:
    """Tracked changes of these kinds still waiting to be accepted or rejected, that hold
    words (a change of formatting alone is not counted)."""
    return sum(1 for change in body.iter(*(qn(t) for t in tags))
               if any((t.text or "").strip() for t in change.iter(qn(text), qn("w:t"))))
