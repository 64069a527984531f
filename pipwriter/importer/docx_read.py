"""Reading a Word document into simple blocks: one per paragraph, in reading order.

A block knows its style, whether it is a heading (and its level) or part of a list, its text as
runs with bold and italic, the citations found in it and the pictures it holds (with their alt
text). Paragraphs inside tables and content controls are read too; text deleted with tracked
changes, and the duplicate "fallback" copy Word keeps of text boxes, are not.

Nothing the reader can see is dropped, though the article has no place of its own for it:

* a footnote or endnote becomes a bracketed note where its number was, ``[Footnote: …]``;
* a link keeps its address after its words, ``national guidance (https://…)`` (the article's
  text has no link type);
* a text box (or frame drawn as one) becomes paragraphs of its own after the paragraph it is
  anchored to, rather than being glued onto that paragraph.

Each block counts what it holds of these, so the import can say so.

Citations are recognised as ``[1]``, ``[1,2]``, ``[1–3]`` in the text, as superscript numbers,
or (in documents PiP Writer exported) by their character style. They are kept as
:class:`PendingCitation` until the reference list has been read.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from .. import APP_NAME
from ..model.article.text import Run, clean_text
from ..model.errors import PipError

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
VML_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_SKIPPED_PARENTS = {qn("w:del"), qn("w:moveFrom"), MC_FALLBACK}
TEXTBOX = qn("w:txbxContent")
_NOTE_KINDS = {qn("w:footnoteReference"): "Footnote", qn("w:endnoteReference"): "Endnote"}
_FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_NUMBERS = r"\d{1,3}(?:\s*[-\u2013\u2014]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-\u2013\u2014]\s*\d{1,3})?)*"
BRACKET_CITATION = re.compile(r"\[(\s*" + _NUMBERS + r"\s*)\]")
_BARE_NUMBERS = re.compile(r"^\s*(" + _NUMBERS + r")\s*$")
MAX_RANGE = 50


class DocxImportError(PipError):
    """The Word document could not be read; the message says why and what to do."""


@dataclass
class PendingCitation:
    """A citation by number, linked to a reference once the reference list is read."""

    numbers: list[int]
    original: str           # the text as it was in the document, kept if it cannot be linked


@dataclass
class Picture:
    data: bytes
    content_type: str
    alt: str = ""
    title: str = ""


@dataclass
class Block:
    style: str
    items: list = field(default_factory=list)    # Run and PendingCitation, in order
    level: int = 0             # 1-9 for a heading, 0 otherwise
    title: bool = False        # the Title style
    listed: bool = False       # part of a bulleted or numbered list
    numbered: bool = False     # a numbered list
    pictures: list[Picture] = field(default_factory=list)
    in_table: bool = False
    bold_only: bool = False    # every word is bold (a heading typed by hand?)
    missing_pictures: int = 0  # pictures linked to files outside the document
    footnotes: int = 0         # footnotes and endnotes kept as "[Footnote: …]"
    links: int = 0             # link addresses kept as "(https://…)"
    textbox: bool = False      # a paragraph of a text box

    @property
    def text(self) -> str:
        """The words, citations left out."""
        return "".join(i.text for i in self.items if isinstance(i, Run))

    @property
    def raw_text(self) -> str:
        """Everything as written, citations included."""
        return "".join(i.text if isinstance(i, Run) else i.original for i in self.items)

    def is_empty(self) -> bool:
        return not self.raw_text.strip() and not self.pictures


@dataclass
class DocxContent:
    blocks: list[Block]
    own_export: bool           # written by PiP Writer's export
    core_title: str = ""
    tables: int = 0
    notes: dict[str, str] = field(default_factory=dict)    # "Footnote 2" -> its text


def parse_numbers(text: str) -> list[int] | None:
    """"1,3–5" -> [1, 3, 4, 5]; None when it is not a list of citation numbers."""
    match = _BARE_NUMBERS.match(text)
    if not match:
        return None
    numbers: list[int] = []
    for part in match.group(1).split(","):
        ends = re.split(r"[-\u2013\u2014]", part)
        low, high = int(ends[0]), int(ends[-1])
        if low < 1 or high < low or high - low > MAX_RANGE:
            return None
        numbers.extend(n for n in range(low, high + 1) if n not in numbers)
    return numbers


# --- opening -----------------------------------------------------------------------------------
def open_document(path: Path):
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
    except Exception as error:  # noqa: BLE001 - any parsing failure is one message
        raise DocxImportError(f"'{path.name}' is damaged and cannot be read "
                              f"({type(error).__name__}).") from None


# --- styles ------------------------------------------------------------------------------------
def _style_chain(style) -> list:
    chain = []
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = style.base_style
    return chain


def _heading_level(paragraph: DocxParagraph, style_name: str) -> int:
    for style in _style_chain(paragraph.style):
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


# --- runs --------------------------------------------------------------------------------------
def _skipped(element, stop, textboxes: bool = False) -> bool:
    """Whether ``element`` is deleted text or Word's fallback copy (or, with ``textboxes``, in
    a text box), looking no further up than ``stop``."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIPPED_PARENTS or (textboxes and parent.tag == TEXTBOX):
            return True
        parent = parent.getparent()
    return False


def _note_texts(document) -> dict[str, str]:
    """Every footnote's and endnote's text by "Footnote <id>" / "Endnote <id>"."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree
    texts: dict[str, str] = {}
    for rel in document.part.rels.values():
        kind = {RT.FOOTNOTES: "Footnote", RT.ENDNOTES: "Endnote"}.get(rel.reltype)
        if kind is None or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except (etree.XMLSyntaxError, ValueError):
            continue
        for note in root:
            if note.tag not in (qn("w:footnote"), qn("w:endnote")) or note.get(qn("w:type")):
                continue            # separators, not notes
            paragraphs = []
            for p in note.iter(qn("w:p")):
                words = "".join(
                    t.text or "" if t.tag == qn("w:t") else " "
                    for t in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
                    if not _skipped(t, note))
                if words.strip():
                    paragraphs.append(" ".join(clean_text(words).split()))
            texts[f"{kind} {note.get(qn('w:id'))}"] = " ".join(paragraphs)
    return texts


def _link_of(element, stop, part) -> tuple[object, str]:
    """(the link element holding ``element`` below ``stop``, or None; its web address)."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == qn("w:hyperlink"):
            r_id = parent.get(qn("r:id"))
            rel = part.rels.get(r_id) if r_id else None
            return parent, (rel.target_ref if rel is not None and rel.is_external else "")
        if parent.tag == qn("w:fldSimple"):
            match = _FIELD_LINK.match(parent.get(qn("w:instr")) or "")
            return parent, match.group(1) if match else ""
        parent = parent.getparent()
    return None, ""


def _shown(url: str, words: str) -> bool:
    """Whether a link's words already show its address."""
    bare = re.sub(r"^(?:(?:https?://(?:dx\.)?doi\.org/)|https?://|mailto:)", "", url.strip(),
                  flags=re.IGNORECASE).rstrip("/")
    return not bare or bare.lower() in words.lower()


def _run_flags(run: DocxRun) -> tuple[bool, bool, bool, str]:
    """(bold, italic, superscript, character style name)."""
    style = run.style
    style_name = style.name if style is not None else ""
    chain = _style_chain(style) if style is not None else []
    bold = run.bold if run.bold is not None else any(s.font.bold for s in chain)
    italic = run.italic if run.italic is not None else any(s.font.italic for s in chain)
    sup = run.font.superscript
    if sup is None:
        sup = any(s.font.superscript for s in chain)
    if style_name == "Strong":
        bold = True
    if style_name == "Emphasis":
        italic = True
    return bool(bold), bool(italic), bool(sup), style_name


def _pictures(document, run_element, paragraph: DocxParagraph) -> tuple[list[Picture], int]:
    found, missing = [], 0
    related = paragraph.part.related_parts
    for tag in (qn("wp:inline"), qn("wp:anchor")):
        for holder in run_element.iter(tag):
            if _skipped(holder, run_element.getparent(), textboxes=True):
                continue
            doc_pr = holder.find(qn("wp:docPr"))
            alt = doc_pr.get("descr", "") if doc_pr is not None else ""
            title = doc_pr.get("title", "") if doc_pr is not None else ""
            for blip in holder.iter(qn("a:blip")):
                r_id = blip.get(qn("r:embed"))
                part = related.get(r_id) if r_id else None
                if part is None:
                    missing += 1
                    continue
                found.append(Picture(part.blob, part.content_type, clean_text(alt).strip(),
                                     clean_text(title).strip()))
    for imagedata in run_element.iter(VML_IMAGEDATA):
        if _skipped(imagedata, run_element.getparent(), textboxes=True):
            continue
        r_id = imagedata.get(qn("r:id"))
        part = related.get(r_id) if r_id else None
        if part is None:
            missing += 1
            continue
        found.append(Picture(part.blob, part.content_type))
    return found, missing


def _split_bracket_citations(text: str, bold: bool, italic: bool) -> list:
    out: list = []
    position = 0
    for match in BRACKET_CITATION.finditer(text):
        numbers = parse_numbers(match.group(1))
        if not numbers:
            continue
        if match.start() > position:
            out.append(Run(text[position:match.start()], bold, italic))
        out.append(PendingCitation(numbers, match.group(0)))
        position = match.end()
    if position < len(text):
        out.append(Run(text[position:], bold, italic))
    return out


def _paragraph_items(document, paragraph: DocxParagraph, block: Block,
                     notes: dict[str, str] | None = None) -> None:
    p = paragraph._p
    segments: list[tuple[str, bool, bool, bool, str]] = []
    link, url, link_words = None, "", ""
    fields: list[str] = []          # the web address of each complex field still open

    def plain(text: str) -> None:
        segments.append((text, False, False, False, ""))

    def end_link() -> None:
        if url and not _shown(url, link_words):
            plain(f" ({url})")
            block.links += 1

    for r in p.iter(qn("w:r")):
        if _skipped(r, p, textboxes=True):
            continue
        holder, address = _link_of(r, p, paragraph.part)
        if holder is not link:
            end_link()
            link, url, link_words = holder, address, ""
        for mark in r.iter(qn("w:fldChar"), qn("w:instrText")):
            if mark.tag == qn("w:instrText"):
                found = _FIELD_LINK.match(mark.text or "")
                if found and fields:
                    fields[-1] = found.group(1)
            elif mark.get(qn("w:fldCharType")) == "begin":
                fields.append("")
            elif mark.get(qn("w:fldCharType")) == "end" and fields:
                address = fields.pop()
                if address and not link:
                    plain(f" ({address})")
                    block.links += 1
        run = DocxRun(r, paragraph)
        pictures, missing = _pictures(document, r, paragraph)
        block.pictures.extend(pictures)
        block.missing_pictures += missing
        for reference in r:
            kind = _NOTE_KINDS.get(reference.tag)
            if kind is not None:
                note = (notes or {}).get(f"{kind} {reference.get(qn('w:id'))}", "")
                space = "" if not segments or segments[-1][0][-1:].isspace() else " "
                plain(f"{space}[{kind}: {note}]" if note else f"{space}[{kind}]")
                block.footnotes += 1
        text = clean_text(run.text)
        if not text:
            continue
        link_words += text
        bold, italic, sup, style_name = _run_flags(run)
        cite = style_name in ("Citation", "Citation Superscript")
        if segments and segments[-1][1:] == (bold, italic, sup, style_name) and not cite:
            segments[-1] = (segments[-1][0] + text, bold, italic, sup, style_name)
        else:
            segments.append((text, bold, italic, sup, style_name))
    end_link()
    words = [s for s in segments if s[0].strip()]
    block.bold_only = bool(words) and all(s[1] for s in words)
    for text, bold, italic, sup, style_name in segments:
        cite = style_name in ("Citation", "Citation Superscript") or sup
        numbers = parse_numbers(text.strip("[] ")) if cite else None
        if numbers:
            block.items.append(PendingCitation(numbers, text))
        else:
            block.items.extend(_split_bracket_citations(text, bold, italic))


def _row_block(document, row, notes: dict[str, str]) -> Block:
    """A table row as one block: its cells' text separated by " | " (tables become text)."""
    block = Block("Table", in_table=True)
    for n, cell in enumerate(row.findall(qn("w:tc"))):
        paragraphs = [p for p in cell.iter(qn("w:p")) if not _skipped(p, row)]
        for m, p in enumerate(paragraphs):
            if n or m:
                block.items.append(Run(" " if m else " | "))
            _paragraph_items(document, DocxParagraph(p, document._body), block, notes)
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
    _paragraph_items(document, paragraph, block, notes)
    block.textbox = _skipped(paragraph._p, None, textboxes=True) if not in_table else False
    return block


def _paragraph_elements(container, in_table: bool = False):
    """(w:p element or table row w:tr, in a table?) in reading order, through tables and
    content controls."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield child, in_table
            for box in child.iter(TEXTBOX):          # its text boxes, each on its own
                if not _skipped(box, child, textboxes=True):     # not nested, not a copy
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
    notes = _note_texts(document)
    blocks = [_row_block(document, p, notes) if p.tag == qn("w:tr") else
              _block(document, DocxParagraph(p, document._body), in_table, notes)
              for p, in_table in _paragraph_elements(body)]
    tables = len(body.findall(qn("w:tbl")))
    return DocxContent(blocks, own, (props.title or "").strip(), tables, notes)
