"""What one paragraph of a Word document holds: its runs (bold, italic), citations, pictures,
footnote and endnote references, and links, turned into the items of a :class:`.Block`.

Nothing the reader can see is dropped, though the article has no place of its own for it:

* a footnote or endnote becomes a bracketed note where its number was, ``[Footnote: …]``;
* a link keeps its address after its words, ``national guidance (https://…)`` (the article's
  text has no link type);
* text deleted with tracked changes, and Word's "fallback" copy of a text box, are left out (the
  text box itself is read as paragraphs of its own, by :mod:`.docx_read`).

Citations are recognised as ``[1]``, ``[1,2]``, ``[1–3]`` in the text, as superscript numbers,
or (in documents PiP Writer exported) by their character style.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from ..model.article.text import Run, clean_text
from .blocks import BRACKET_CITATION, Block, Item, PendingCitation, Picture, parse_numbers

log = logging.getLogger(__name__)
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
VML_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_SKIPPED_PARENTS = {qn("w:del"), qn("w:moveFrom"), MC_FALLBACK}
TEXTBOX = qn("w:txbxContent")
_NOTE_KINDS = {qn("w:footnoteReference"): "Footnote", qn("w:endnoteReference"): "Endnote"}
_FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)


def style_chain(style: Any) -> list[Any]:
    """A style and the styles it is based on, nearest first (at most ten)."""
    chain: list[Any] = []
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = style.base_style
    return chain


def skipped(element, stop, textboxes: bool = False) -> bool:
    """Whether ``element`` is deleted text or Word's fallback copy (or, with ``textboxes``, in
    a text box), looking no further up than ``stop``."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIPPED_PARENTS or (textboxes and parent.tag == TEXTBOX):
            return True
        parent = parent.getparent()
    return False


def note_texts(document) -> dict[str, str]:
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
            log.warning("The %ss of the document could not be read", kind.lower(),
                        exc_info=True)
            continue
        for note in root:
            if note.tag not in (qn("w:footnote"), qn("w:endnote")) or note.get(qn("w:type")):
                continue            # separators, not notes
            paragraphs = []
            for p in note.iter(qn("w:p")):
                words = "".join(
                    t.text or "" if t.tag == qn("w:t") else " "
                    for t in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
                    if not skipped(t, note))
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


_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# a unit standing on its own (kg/m, 5 m, m/s), or ten: a raised number after it is a power
_UNIT = re.compile(r"(?:^|[\s/(·.\d])(?:mm|cm|km|µm|nm|m|ft|in|s)$")
_TEN = re.compile(r"(?:^|[\s×x*(])10$")


def is_power(before: str, number: str) -> bool:
    """Whether a superscript ``number`` after ``before`` is a power (m², 10⁹), not a
    citation: 2 or 3 after a unit, any number after ten."""
    if not number.isdigit():
        return False
    return bool(_TEN.search(before)) or (number in ("2", "3") and bool(_UNIT.search(before)))


def _run_flags(run: DocxRun) -> tuple[bool, bool, bool, str]:
    """(bold, italic, superscript, character style name)."""
    style = run.style
    style_name = style.name if style is not None else ""
    chain = style_chain(style) if style is not None else []
    bold = run.bold if run.bold is not None else any(s.font.bold for s in chain)
    italic = run.italic if run.italic is not None else any(s.font.italic for s in chain)
    sup = run.font.superscript
    if sup is None:
        sup = any(s.font.superscript for s in chain)
    if not sup:         # raised text, as LibreOffice writes superscript from a web page
        raised = run._r.find(f"{qn('w:rPr')}/{qn('w:position')}")
        try:
            sup = raised is not None and int(raised.get(qn("w:val")) or 0) > 0
        except ValueError:
            sup = False
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
            if skipped(holder, run_element.getparent(), textboxes=True):
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
        if skipped(imagedata, run_element.getparent(), textboxes=True):
            continue
        r_id = imagedata.get(qn("r:id"))
        part = related.get(r_id) if r_id else None
        if part is None:
            missing += 1
            continue
        found.append(Picture(part.blob, part.content_type))
    return found, missing


_RANGE_END = re.compile(r"\s*[-\u2013\u2014]\s*\[\s*(\d+)\s*\]")


def split_bracket_citations(text: str, bold: bool, italic: bool) -> list[Item]:
    out: list[Item] = []
    position = 0
    for match in BRACKET_CITATION.finditer(text):
        if match.start() < position:        # the end of a range already taken
            continue
        numbers = parse_numbers(match.group(1))
        if not numbers:
            continue
        ranged = _RANGE_END.match(text, match.end())    # "[6]–[8]": 6 to 8
        if ranged and len(numbers) == 1:
            whole = parse_numbers(f"{numbers[0]}-{ranged.group(1)}")
            if whole:
                if match.start() > position:
                    out.append(Run(text[position:match.start()], bold, italic))
                out.append(PendingCitation(whole, text[match.start():ranged.end()]))
                position = ranged.end()
                continue
        if match.start() > position:
            out.append(Run(text[position:match.start()], bold, italic))
        out.append(PendingCitation(numbers, match.group(0)))
        position = match.end()
    if position < len(text):
        out.append(Run(text[position:], bold, italic))
    return out


def paragraph_items(document, paragraph: DocxParagraph, block: Block,
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
        if skipped(r, p, textboxes=True):
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
    before = ""
    for text, bold, italic, sup, style_name in segments:
        cite = style_name in ("Citation", "Citation Superscript") or sup
        numbers = parse_numbers(text.strip("[] ")) if cite else None
        if numbers and sup and not style_name.startswith("Citation") and \
                is_power(before, text.strip()):
            numbers = None
            text = text.translate(_TO_SUPERSCRIPT)      # kg/m², 10⁹: a power, not a citation
        before = (before + text)[-12:]
        if numbers:
            block.items.append(PendingCitation(numbers, text))
        else:
            block.items.extend(split_bracket_citations(text, bold, italic))


# what a run's child other than w:t holds, as python-docx reads it (a walk found a
# reviewer's non-breaking hyphen dropped: "month‑follow up" came back "monthfollow up")
_MARKS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): " ", qn("w:cr"): " ",
          qn("w:noBreakHyphen"): "-"}
# Insert › Symbol in Word writes w:sym: a character of a symbol font, often moved into the
# private-use area (U+F000 + its code); the usual ones of the Symbol font, as Unicode
_SYMBOL_FONT = {0xB0: "°", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xA3: "≤", 0xB3: "≥", 0xB9: "≠",
                0xBB: "≈", 0xAE: "→", 0xAC: "←", 0x61: "α", 0x62: "β", 0x67: "γ", 0x64: "δ",
                0x6D: "μ", 0x70: "π", 0x73: "σ", 0xD6: "√", 0xA5: "∞", 0xB7: "•"}


def child_text(child: Any) -> str:
    """The text one child element of a run (``w:r``) shows: its words, a tab, a line break as
    a space, a non-breaking hyphen, a symbol inserted with Insert › Symbol."""
    if child.tag == qn("w:t"):
        return child.text or ""
    if child.tag == qn("w:sym"):
        try:
            code = int(child.get(qn("w:char")) or "", 16)
        except ValueError:
            return "\ufffd"
        if 0xF000 <= code <= 0xF0FF or "symbol" in (child.get(qn("w:font")) or "").lower():
            return _SYMBOL_FONT.get(code & 0xFF, "\ufffd")   # shown, not dropped unseen
        return chr(code)
    return _MARKS.get(child.tag, "")
