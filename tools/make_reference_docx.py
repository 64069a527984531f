"""Build ``resources/export/reference.docx``: the styled document every exported .docx starts from.

Run after changing a style here::

    python tools/make_reference_docx.py

The export only ever uses the styles defined below (tests check that every style an exported
document names exists). The body of the reference document is a specimen showing each style, so a
designer can open it in Word and see them; the export removes it before writing.

Design: Arial (present on every Windows and Mac; LibreOffice substitutes the metric-compatible
Liberation Sans), 11 pt body, A4 with 2.5 cm margins, British English proofing language, navy
headings, a shaded and bordered key-messages box, and a red DRAFT banner.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "export" / "reference.docx"

FONT = "Arial"
LANG = "en-GB"
NAVY = "1F3864"
BLUE = "2E5C9A"
INK = "222222"
GREY = "595959"
BOX_FILL = "EAF1FB"
BOX_LINE = "2E5C9A"
RED = "C00000"
LINK = "0563C1"

# Table styles kept from python-docx's default template; the rest are removed.
KEEP_TABLE_STYLES = {"TableNormal", "TableGrid"}


# --- low-level helpers -----------------------------------------------------------------------
def _clear(element, *tags: str) -> None:
    for tag in tags:
        for child in element.findall(qn(tag)):
            element.remove(child)


def _set_fonts(rpr, font: str = FONT) -> None:
    _clear(rpr, "w:rFonts")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    rpr.insert(0, fonts)


def _border(side: str, size: int, color: str, space: int) -> OxmlElement:
    element = OxmlElement(f"w:{side}")
    element.set(qn("w:val"), "single")
    element.set(qn("w:sz"), str(size))        # eighths of a point
    element.set(qn("w:space"), str(space))    # points
    element.set(qn("w:color"), color)
    return element


def _pbdr(ppr, sides: dict[str, tuple[int, str, int]]) -> None:
    _clear(ppr, "w:pBdr")
    pbdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            pbdr.append(_border(side, *sides[side]))
    _insert_ppr_child(ppr, pbdr)


def _shading(ppr, fill: str) -> None:
    _clear(ppr, "w:shd")
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    _insert_ppr_child(ppr, shd)


# Schema order of the pPr children we use (Word is strict about element order).
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr",
              "pBdr", "shd", "tabs", "spacing", "ind", "contextualSpacing", "jc", "outlineLvl")


def _insert_ppr_child(ppr, child) -> None:
    name = child.tag.split("}")[1]
    rank = _PPR_ORDER.index(name)
    for index, existing in enumerate(ppr):
        other = existing.tag.split("}")[1]
        if other in _PPR_ORDER and _PPR_ORDER.index(other) > rank:
            ppr.insert(index, child)
            return
    ppr.append(child)


def _reset(style) -> None:
    """Remove every formatting property the template gave a style (theme fonts and colours)."""
    element = style.element
    _clear(element, "w:pPr", "w:rPr", "w:tblPr", "w:tcPr", "w:tblStylePr", "w:trPr")


_NEXT: dict[str, str] = {}


def _paragraph_style(doc, name: str, *, base: str | None = "Normal", next_style: str | None = None,
                     size: float = 11, bold: bool = False, italic: bool = False,
                     color: str = INK, before: float = 0, after: float = 6,
                     line: float | None = 1.15, keep_next: bool = False,
                     align=None, left: float = 0, right: float = 0, hanging: float = 0,
                     outline: int | None = None, quick: bool = True):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    keep = style.element.find(qn("w:pPr"))
    numpr = copy.deepcopy(keep.find(qn("w:numPr"))) if keep is not None and \
        keep.find(qn("w:numPr")) is not None else None
    _reset(style)
    style.base_style = styles[base] if base else None
    if next_style:
        _NEXT[name] = next_style
    style.quick_style = quick
    style.hidden = False
    style.unhide_when_used = False
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = RGBColor.from_string(color)
    _set_fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    fmt.widow_control = True
    if align is not None:
        fmt.alignment = align
    if left or hanging:
        fmt.left_indent = Cm(left)
    if right:
        fmt.right_indent = Cm(right)
    if hanging:
        fmt.first_line_indent = Cm(-hanging)
    ppr = style.element.get_or_add_pPr()
    if numpr is not None:
        _insert_ppr_child(ppr, numpr)
    if outline is not None:
        _clear(ppr, "w:outlineLvl")
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        _insert_ppr_child(ppr, level)
    return style


def _character_style(doc, name: str, *, color: str | None = None, underline: bool = False,
                     bold: bool | None = None, italic: bool | None = None,
                     superscript: bool = False):
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    _reset(style)
    style.hidden = False
    style.unhide_when_used = False
    font = style.font
    if color:
        font.color.rgb = RGBColor.from_string(color)
    font.underline = underline or None
    font.bold = bold
    font.italic = italic
    font.superscript = superscript or None
    return style


# --- document-wide settings ------------------------------------------------------------------
def _doc_defaults(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "264")


def _settings(doc) -> None:
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANG)
    _clear(settings, "w:proofState", "w:rsids")


def _theme_fonts(doc) -> None:
    """Point the theme's heading and body fonts at Arial too (used by styles not redefined)."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.THEME:
            part = rel.target_part
            xml = part.blob.decode("utf-8")
            xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\1{FONT}"', xml)
            part._blob = xml.encode("utf-8")


def _drop_template_extras(doc) -> None:
    """Remove the default template's thumbnail and duplicate styles part (stale previews)."""
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rel_id]


def _table_styles(doc) -> None:
    root = doc.styles.element
    for style in list(root.findall(qn("w:style"))):
        if style.get(qn("w:type")) == "table" and \
                style.get(qn("w:styleId")) not in KEEP_TABLE_STYLES:
            root.remove(style)
    grid = doc.styles["Table Grid"]
    tblpr = grid.element.find(qn("w:tblPr"))
    borders = tblpr.find(qn("w:tblBorders"))
    for edge in borders:
        edge.set(qn("w:color"), "8EA9C8")
        edge.set(qn("w:sz"), "4")


def _bullets(doc) -> None:
    """List Bullet: a plain round bullet in Arial (not the Symbol font), 0.63 cm hanging."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles["List Bullet"].element.find(qn("w:pPr")).find(qn("w:numPr"))
    num_id = style_num.find(qn("w:numId")).get(qn("w:val"))
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
    _set_fonts(level.find(qn("w:rPr")))
    ind = level.find(qn("w:pPr")).find(qn("w:ind"))
    ind.set(qn("w:left"), "357")
    ind.set(qn("w:hanging"), "357")
    level.find(qn("w:pPr")).find(qn("w:tabs")).find(qn("w:tab")).set(qn("w:pos"), "357")


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)


# --- the styles --------------------------------------------------------------------------------
def define_styles(doc) -> None:
    _paragraph_style(doc, "Normal", base=None, size=11, after=6)
    _paragraph_style(doc, "Body Text", size=11, after=8, line=1.2)
    _paragraph_style(doc, "Title", next_style="Standfirst", size=20, bold=True, color=NAVY,
                     after=10, line=1.0, keep_next=True)
    _paragraph_style(doc, "Standfirst", next_style="Byline", size=12.5, color=GREY, after=12,
                     line=1.2, keep_next=True)
    byline = _paragraph_style(doc, "Byline", size=9.5, color=INK, after=6, line=1.1)
    _pbdr(byline.element.get_or_add_pPr(), {"left": (12, BLUE, 6)})
    byline.paragraph_format.left_indent = Cm(0.3)
    _paragraph_style(doc, "Correspondence", size=9.5, color=GREY, before=2, after=12, line=1.1)
    _paragraph_style(doc, "Heading 1", next_style="Body Text", size=14, bold=True, color=NAVY,
                     before=16, after=6, line=1.0, keep_next=True, outline=0)
    _paragraph_style(doc, "Heading 2", next_style="Body Text", size=12, bold=True, color=BLUE,
                     before=12, after=4, line=1.0, keep_next=True, outline=1)
    box = {"top": (8, BOX_LINE, 6), "left": (8, BOX_LINE, 8), "bottom": (8, BOX_LINE, 6),
           "right": (8, BOX_LINE, 8)}
    for name, bold, size, after in (("Key Messages Heading", True, 11.5, 4),
                                    ("Key Messages", False, 10.5, 4)):
        # The heading has an outline level (Word's Navigation pane lists it); the messages are
        # a real bulleted list (List Bullet's numbering), not "•" and a tab typed as text.
        style = _paragraph_style(doc, name, size=size, bold=bold, color=NAVY, before=0,
                                 after=after, line=1.15, left=0.63, right=0.3, hanging=0.63,
                                 keep_next=bold, outline=0 if bold else None)
        # Both share one box only with the same indents; 0.63 cm is the bullet's own tab
        # (_bullets), so the text of a message starts there and wraps under itself.
        ppr = style.element.get_or_add_pPr()
        if not bold:
            _insert_ppr_child(ppr, copy.deepcopy(
                doc.styles["List Bullet"].element.find(qn("w:pPr")).find(qn("w:numPr"))))
        _pbdr(ppr, box)
        _shading(ppr, BOX_FILL)
    _NEXT["Key Messages Heading"] = "Key Messages"
    quote = _paragraph_style(doc, "Key Quote", size=12, italic=True, color=NAVY, before=6,
                             after=2, left=0.6, right=0.6, line=1.2, keep_next=True)
    _pbdr(quote.element.get_or_add_pPr(), {"left": (24, BLUE, 8)})
    _paragraph_style(doc, "Quote Source", size=9, color=GREY, after=10, left=0.6)
    _NEXT["Key Quote"] = "Quote Source"
    _paragraph_style(doc, "Figure", size=11, after=4, line=1.0, keep_next=True,
                     align=WD_ALIGN_PARAGRAPH.CENTER)
    caption = _paragraph_style(doc, "Caption", size=9.5, color=INK, after=2, line=1.15)
    caption.paragraph_format.keep_together = True     # a legend never splits across pages
    _paragraph_style(doc, "Credit", size=8.5, italic=True, color=GREY, after=2, line=1.1)
    _paragraph_style(doc, "Alt Text", size=8.5, color=GREY, after=12, line=1.1)
    _paragraph_style(doc, "Note", size=9, color=GREY, after=6, line=1.15)
    _paragraph_style(doc, "List Bullet", size=11, after=4, line=1.2)
    _paragraph_style(doc, "Reference List", size=9.5, after=4, line=1.15, left=0.75, hanging=0.75)
    _paragraph_style(doc, "Table Text", size=9.5, after=2, line=1.1)
    _paragraph_style(doc, "Table Heading", size=9.5, bold=True, color=NAVY, after=2, line=1.1)
    signature = _paragraph_style(doc, "Signature Line", size=10, before=10, after=4, line=1.2)
    _pbdr(signature.element.get_or_add_pPr(), {"top": (4, GREY, 6)})
    banner = _paragraph_style(doc, "Draft Banner", size=12, bold=True, color=RED, after=8,
                              line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)
    _pbdr(banner.element.get_or_add_pPr(),
          {"top": (12, RED, 3), "bottom": (12, RED, 3), "left": (12, RED, 6),
           "right": (12, RED, 6)})
    _paragraph_style(doc, "Header", size=8.5, color=GREY, after=0, line=1.0, quick=False)
    _paragraph_style(doc, "Footer", size=8.5, color=GREY, after=0, line=1.0, quick=False,
                     align=WD_ALIGN_PARAGRAPH.RIGHT)
    for name, next_name in _NEXT.items():
        doc.styles[name].next_paragraph_style = doc.styles[next_name]
    _character_style(doc, "Hyperlink", color=LINK, underline=True)
    _character_style(doc, "Strong", bold=True)
    _character_style(doc, "Emphasis", italic=True)
    _character_style(doc, "Citation")
    _character_style(doc, "Citation Superscript", superscript=True)


# --- the specimen body -------------------------------------------------------------------------
SPECIMEN = [
    ("Title", "Article title in the Title style"),
    ("Standfirst", "The standfirst: one or two sentences saying what the piece is about."),
    ("Byline", "Author Name, credentials — partner type; role; affiliation; @handle"),
    ("Correspondence", "Correspondence to: Author Name, author@example.org"),
    ("Key Messages Heading", "Key messages"),
    ("Key Messages", "A key message in the shaded box."),
    ("Key Messages", "Another key message."),
    ("Heading 1", "Heading 1: a section of the article"),
    ("Body Text", "Body text of the article, with a citation [1]."),
    ("List Bullet", "A bulleted point."),
    ("Heading 2", "Heading 2"),
    ("Key Quote", "\u201cA key quote flagged for the editors.\u201d"),
    ("Quote Source", "From: the section it comes from"),
    ("Caption", "Figure 1. A caption saying what the picture shows."),
    ("Credit", "Credit: who made the picture"),
    ("Alt Text", "Description for people who cannot see it (alt text): …"),
    ("Note", "A note in smaller grey type."),
    ("Reference List", "1\tSurname AB, Surname CD. Title. Journal 2024;1:1-2. doi:10/x"),
    ("Draft Banner", "DRAFT \u2014 not for submission"),
    ("Signature Line", "Certified by Author Name on 1 January 2026"),
]


def build() -> Document:
    doc = Document()
    _drop_template_extras(doc)
    _theme_fonts(doc)
    _doc_defaults(doc)
    _settings(doc)
    _table_styles(doc)
    _bullets(doc)
    define_styles(doc)
    _page(doc)
    for style, text in SPECIMEN:
        doc.add_paragraph(text, style=style)
    table = doc.add_table(rows=1, cols=2, style="Table Grid")
    table.cell(0, 0).paragraphs[0].text = "Table Heading"
    table.cell(0, 0).paragraphs[0].style = doc.styles["Table Heading"]
    table.cell(0, 1).paragraphs[0].text = "Table Text"
    table.cell(0, 1).paragraphs[0].style = doc.styles["Table Text"]
    props = doc.core_properties
    props.title = "PiP Writer reference document"
    props.author = "PiP Writer"
    props.last_modified_by = "PiP Writer"
    props.language = LANG
    props.comments = "Styles used by PiP Writer's export. Made by tools/make_reference_docx.py."
    props.revision = 1
    props.keywords = ""
    props.subject = ""
    import datetime as _dt
    fixed = _dt.datetime(2026, 1, 1, 0, 0, 0)
    props.created = props.modified = fixed
    return doc


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(OUT))
    print(f"Wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
