"""Every author's competing-interests answers as a Word document laid out like the ICMJE form.

One part per author, each starting on a new page: the form's header (date, name, manuscript title,
manuscript number), a table of the 13 items (time frame, the answer, each entity with its
specifications), and the certification with its date. The document opens with the combined
statement that goes into the article.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ..model.article.article import Article
from ..model.article.author import Author
from ..model.interests.icmje import IcmjeItem, load_items
from ..model.interests.statements import combined_statement, disclosure_form
from . import docx_base as base

COLUMN_WIDTHS = (Cm(0.9), Cm(5.6), Cm(4.6), Cm(4.9))
HEADER_FILL = "EAF1FB"


def _cell(cell, text: str, style: str = "Table Text", bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style          # by name: the id is looked up once per document
    lines = base.safe_text(text).split("\n")
    for n, line in enumerate(lines):
        if n:
            paragraph = cell.add_paragraph(style=style)
        base.add_run(paragraph, line, bold=bold)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _row_flag(row, tag: str) -> None:
    """w:cantSplit (keep a row on one page) or w:tblHeader (repeat the row on each page).

    Both are on/off elements: present means on. They are written without ``w:val`` (the
    schema's ST_OnOff has no "true" in the transitional form Word validates against)."""
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _widths(table, widths) -> None:
    """Column widths both in the grid (LibreOffice) and on every cell (Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def certified_by_words(author: Author, article: Article, when: str) -> str:
    """Who confirmed the answers in PiP Writer, as far as it knows (found by a walk: the
    declaration said "Signed electronically by Dr Patel" when someone else had ticked the box
    on a computer that did not know who was using it)."""
    by = article.author(author.disclosure.certified_by)
    name = base.one_line(author.name)
    if by is None:          # nobody chosen in "I am": who it was is not claimed
        return f"Confirmed in PiP Writer ({when})."
    if by.id == author.id:
        return f"Confirmed in PiP Writer by {name} ({when})."
    return f"Recorded in PiP Writer by {base.one_line(by.name)} for {name} ({when})."


def _author_form(document, author: Author, items: list[IcmjeItem], title: str,
                 today: date, article: Article) -> None:
    form = disclosure_form(author, items, title, today)
    heading = base.add_paragraph(document,
                                 f"Disclosure of interest: {base.one_line(author.name)}",
                                 style="Heading 1")
    heading.paragraph_format.page_break_before = True
    header = document.add_table(rows=0, cols=2, style="Table Grid")
    for label, value in form.header:
        row = header.add_row()
        _cell(row.cells[0], label, "Table Heading")
        _cell(row.cells[1], value)
    _widths(header, (Cm(4.5), Cm(11.5)))
    base.add_paragraph(document, "The form asks about the work submitted (item 1, no time "
                       "limit) and about relationships in the past 36 months (items 2\u201313). "
                       "\u201cRelated\u201d means any third party, for-profit or not, whose "
                       "interests the article may affect.", style="Note"
                       ).paragraph_format.space_before = Cm(0.2)
    table = document.add_table(rows=1, cols=4, style="Table Grid")
    for cell, text in zip(table.rows[0].cells,
                          ("#", "Item and time frame",
                           "Name all entities with whom you have this relationship, or \u201cNone\u201d",
                           "Specifications and comments (e.g. paid to you or to your institution)"),
                          strict=True):
        _cell(cell, text, "Table Heading")
        _shade(cell, HEADER_FILL)
    _row_flag(table.rows[0], "w:tblHeader")
    for row in form.rows:
        table_row = table.add_row()
        _row_flag(table_row, "w:cantSplit")
        cells = table_row.cells
        _cell(cells[0], str(row.number))
        _cell(cells[1], f"{row.title}\n{row.time_frame}")
        if row.entries:
            _cell(cells[2], "\n".join(e.entity for e in row.entries))
            _cell(cells[3], "\n".join(e.specifications or "\u2014" for e in row.entries))
        else:
            _cell(cells[2], row.answer, bold=row.answer == "Not answered")
            _cell(cells[3], "")
    _widths(table, COLUMN_WIDTHS)
    certified = author.disclosure.is_certified()
    signature = document.add_paragraph(style="Signature Line")
    base.add_run(signature, "Certification: ", style="Strong")
    base.add_run(signature, form.certification)
    if certified:
        base.add_paragraph(document, certified_by_words(author, article, form.header[0][1]),
                           style="Note")
    else:
        base.add_paragraph(document, "NOT YET CERTIFIED: this author still needs to check and "
                           "certify these answers.", style="Draft Banner")


def _draft_explanation(article: Article) -> str:
    """Why this copy is a draft, saying who (if anyone) has still to certify."""
    waiting = [base.one_line(a.name) or "an unnamed author" for a in article.authors
               if not a.disclosure.is_certified()]
    if not article.authors:
        return "Exported as a draft: no authors have been added yet."
    if not waiting:
        return ("Exported as a draft of the article; every author has certified their "
                "answers below.")
    names = waiting[0] if len(waiting) == 1 else \
        f"{', '.join(waiting[:-1])} and {waiting[-1]}"
    return f"Exported as a draft: still to certify their answers: {names}."


def build_disclosure_document(article: Article, *, draft: bool = False,
                              today: date | None = None):
    items = load_items()
    today = today or date.today()
    document = base.new_document()
    title = base.one_line(article.title) or "Untitled article"
    if draft:
        base.draft_banner(document, _draft_explanation(article))
    base.add_paragraph(document, "Competing interests", style="Title")
    base.add_paragraph(document, f"For \u201c{title}\u201d. Each author's answers to the ICMJE "
                       "disclosure form (2021 revision), as they certified them in PiP Writer.",
                       style="Standfirst")
    base.add_paragraph(document, "Statement for the article", style="Heading 2")
    base.add_paragraph(document, combined_statement(article.authors) if article.authors
                       else "No authors have been added yet.")
    for author in article.authors:
        _author_form(document, author, items, title, today, article)
    base.page_furniture(document, "Competing interests \u00b7 ICMJE disclosure form",
                        title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + "\u2026",
                        draft)
    base.set_properties(document, title=f"Competing interests: {title}",
                        authors=[a.name for a in article.authors],
                        subject="ICMJE disclosure of interest", draft=draft,
                        keywords="competing interests; ICMJE")
    return document


def write_disclosure_docx(article: Article, path: Path, *, draft: bool = False,
                          today: date | None = None) -> None:
    base.save(build_disclosure_document(article, draft=draft, today=today), path)
