"""Conversion between the model's RichText and a QTextDocument, and how citations are drawn.

A citation is one object character in the document (deleted, moved and undone as a unit) whose
format holds the reference ids; it is drawn as "[2]" or a superscript from the current numbering,
so renumbering references only needs a repaint. A key quote is a character-format property, and
so is a suggested change: words a suggestion would add are underlined in green, words it would
remove struck through in red (the ids are the formats' properties; colours alone never carry the
meaning, and View › Suggested changes lists each in words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QLineF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPyTextObject,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextListFormat,
)

from ..model.article.text import Citation, Paragraph, RichText, Run, clean_text

CITATION_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CITE_PROP = QTextFormat.Property.UserProperty + 1   # "ref-a,ref-b"
QUOTE_PROP = QTextFormat.Property.UserProperty + 2  # key-quote id
INS_PROP = QTextFormat.Property.UserProperty + 3    # id of the suggestion that would add it
DEL_PROP = QTextFormat.Property.UserProperty + 4    # id of the suggestion that would remove it
HAS_SUGGESTIONS = "pipwriterSuggestions"            # document property: marks may be in it
INSERTED_COLOUR = QColor(0, 110, 40)    # 6.3:1 on white; with an underline
DELETED_COLOUR = QColor(178, 0, 0)      # 6.7:1 on white; struck through
OBJECT_CHAR = "\ufffc"
QUOTE_BACKGROUND = QColor(255, 236, 179)
QUOTE_FOREGROUND = QColor(20, 20, 20)   # stays readable on the highlight in dark mode
PARAGRAPH_GAP = 8                       # pixels between paragraphs on screen


def citation_format(ref_ids: list[str], base: QTextCharFormat | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setObjectType(CITATION_OBJECT)
    fmt.setProperty(CITE_PROP, ",".join(ref_ids))
    fmt.setToolTip("Citation: choose Insert citation to add another")
    return fmt


def citation_refs(fmt: QTextCharFormat) -> list[str]:
    value = fmt.property(CITE_PROP)
    return [r for r in str(value or "").split(",") if r]


def mark_suggestion(fmt: QTextCharFormat, ins: str = "", dele: str = "") -> QTextCharFormat:
    """``fmt`` showing (or, with neither id, no longer showing) a suggested change."""
    if ins:
        fmt.setProperty(INS_PROP, ins)
        fmt.setFontUnderline(True)
        fmt.setForeground(INSERTED_COLOUR)
        fmt.setToolTip("Suggested words to add. Say yes or no to them in View › Suggested "
                       "changes (Ctrl+Alt+G).")
    if dele:
        fmt.setProperty(DEL_PROP, dele)
        fmt.setFontStrikeOut(True)
        fmt.setForeground(DELETED_COLOUR)
        fmt.setToolTip("Suggested words to take out. Say yes or no to them in View › "
                       "Suggested changes (Ctrl+Alt+G).")
    if not ins and not dele:
        fmt.setToolTip("")
        for prop in (INS_PROP, DEL_PROP):
            fmt.clearProperty(prop)
        fmt.setFontUnderline(False)
        fmt.setFontStrikeOut(False)
        if fmt.property(QUOTE_PROP):
            fmt.setForeground(QUOTE_FOREGROUND)
        else:
            fmt.clearForeground()
    return fmt


def suggestion_marks(fmt: QTextCharFormat) -> tuple[str, str]:
    """(ins, dele) ids of a character format."""
    return str(fmt.property(INS_PROP) or ""), str(fmt.property(DEL_PROP) or "")


def run_format(run: Run) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    if run.quote:
        fmt.setProperty(QUOTE_PROP, run.quote)
        fmt.setBackground(QUOTE_BACKGROUND)
        fmt.setForeground(QUOTE_FOREGROUND)
    if run.ins or run.dele:
        mark_suggestion(fmt, run.ins, run.dele)
    return fmt


def rich_to_document(rich: RichText, document: QTextDocument) -> None:
    """Replace the document's content with ``rich`` (not an undoable edit)."""
    document.clear()
    document.setDocumentMargin(12)
    if rich.has_suggestions():
        document.setProperty(HAS_SUGGESTIONS, True)
    cursor = QTextCursor(document)
    block_format = cursor.blockFormat()
    block_format.setBottomMargin(PARAGRAPH_GAP)
    cursor.setBlockFormat(block_format)
    previous_list = None
    for index, paragraph in enumerate(rich.paragraphs):
        if index:
            cursor.insertBlock()
        current = cursor.block().textList()
        if paragraph.style == "bullet":
            if current is None:
                if previous_list is not None:
                    previous_list.add(cursor.block())
                else:
                    previous_list = cursor.createList(QTextListFormat.Style.ListDisc)
        else:
            previous_list = None
            if current is not None:
                current.remove(cursor.block())
                block_format = cursor.blockFormat()
                block_format.setIndent(0)
                cursor.setBlockFormat(block_format)
        for item in paragraph.items:
            if isinstance(item, Citation):
                fmt = citation_format(item.refs)
                if item.quote:
                    fmt.setProperty(QUOTE_PROP, item.quote)
                if item.ins or item.dele:
                    mark_suggestion(fmt, item.ins, item.dele)
                cursor.insertText(OBJECT_CHAR, fmt)
            else:
                cursor.insertText(item.text, run_format(item))
        cursor.setCharFormat(QTextCharFormat())
    document.clearUndoRedoStacks()
    document.setModified(False)


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The runs of one format (fragments) of a block, in order."""
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        if fragment.isValid():
            yield fragment


def block_to_paragraph(block: QTextBlock) -> Paragraph:
    items: list[Run | Citation] = []
    for fragment in fragments(block):
        fmt = fragment.charFormat()
        quote = str(fmt.property(QUOTE_PROP) or "")
        ins, dele = suggestion_marks(fmt)
        if fmt.objectType() == CITATION_OBJECT:
            refs = citation_refs(fmt)
            items.extend(Citation(list(refs), quote, ins, dele) for _ in fragment.text())
            continue
        text = clean_text(fragment.text().replace("\u2028", " ").replace(OBJECT_CHAR, ""))
        if text:
            items.append(Run(text, fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic(),
                             quote, ins, dele))
    style = "bullet" if block.textList() is not None else "body"
    return Paragraph(items, style).normalised()


def block_counted_text(block: QTextBlock) -> str:
    """The words of a block that count: its text, less any suggested insertion still waiting
    to be accepted (a suggested deletion still counts until it is accepted)."""
    if not block.document().property(HAS_SUGGESTIONS):
        return block.text()
    return "".join(f.text() for f in fragments(block) if not f.charFormat().property(INS_PROP))


def spelling_text(block: QTextBlock) -> str:
    """The block's text for the spelling check: words a suggestion would delete become blanks
    of the same length, so a deleted word and the word typed in its place are never read as
    one word ("strokebrain"), and what is going is not underlined."""
    if not block.document().property(HAS_SUGGESTIONS):
        return block.text()
    parts = []
    for fragment in fragments(block):
        text = fragment.text()
        if fragment.charFormat().property(DEL_PROP):
            text = "".join(" " if ord(c) < 0x10000 else "\U0001F300" for c in text)
        parts.append(text)
    return "".join(parts)


def standing_text(document: QTextDocument) -> str:
    """The document's words as the article stands (suggested insertions left out), one
    paragraph per line, citations as U+FFFC."""
    if not document.property(HAS_SUGGESTIONS):
        return document.toPlainText()
    lines, block = [], document.begin()
    while block.isValid():
        lines.append(block_counted_text(block))
        block = block.next()
    return "\n".join(lines)


def document_to_rich(document: QTextDocument) -> RichText:
    paragraphs = []
    block = document.begin()
    while block.isValid():
        paragraph = block_to_paragraph(block)
        if paragraph.items or paragraph.style == "bullet":
            paragraphs.append(paragraph)
        block = block.next()
    # drop empty paragraphs (blank lines between paragraphs are not content)
    return RichText([p for p in paragraphs if p.items])


SIZES_KEPT = 256    # citation sizes remembered (labels times fonts)
# set by Qt on the format of an object inside a selection, with the selection's colours merged
# in (qtextlayout.cpp: ObjectSelectionBrush, ForegroundBrush + 1)
OBJECT_SELECTED = QTextFormat.Property.ForegroundBrush + 1


class CitationRenderer(QPyTextObject):
    """Draws citation objects using the article's current numbering."""

    def __init__(self, label_for: Callable[[list[str]], str], superscript: Callable[[], bool],
                 parent=None, labels_version: Callable[[], object] | None = None):
        super().__init__(parent)
        self._label_for = label_for
        self._superscript = superscript
        # Qt asks for a citation's size about five times a key in the paragraph being typed.
        # Sizes are remembered while the default font and ``labels_version()`` (which changes
        # whenever a label or the superscript setting may) stay: by the citation's references
        # as stored, so the label is not even worked out (issue 23: a key in a paragraph with
        # a citation cost twice as much); without ``labels_version``, by label and setting.
        self._labels_version = labels_version
        self._seen: tuple[object, QFont | None] = (object(), None)
        self._known: dict[object, QSizeF] = {}

    def _font(self, document, fmt) -> QFont:
        font = QFont(fmt.font()) if fmt.hasProperty(QTextFormat.Property.FontFamilies) \
            else QFont(document.defaultFont())
        if self._superscript():
            font.setPointSizeF(max(font.pointSizeF() * 0.7, 6))
        return font

    def intrinsicSize(self, document, _pos, fmt) -> QSizeF:  # noqa: N802 - Qt API
        """The label's width, and the text's ascent (objects sit on the baseline). It depends
        only on the label, the superscript setting and the document's default font, unless the
        citation has a font of its own; those are remembered."""
        if fmt.hasProperty(QTextFormat.Property.FontFamilies):
            return self._size(document, fmt, self._label_for(citation_refs(fmt)))
        version = self._labels_version() if self._labels_version is not None else None
        seen = (version, document.defaultFont())
        if seen != self._seen:
            self._seen = seen
            self._known.clear()
        label = None
        if version is not None:
            key: object = fmt.property(CITE_PROP)
        else:
            label = self._label_for(citation_refs(fmt))
            key = (label, self._superscript())
        size = self._known.get(key)
        if size is None:
            if label is None:
                label = self._label_for(citation_refs(fmt))
            size = self._size(document, fmt, label)
            if len(self._known) > SIZES_KEPT:
                self._known.clear()
            self._known[key] = size
        return QSizeF(size)

    def _size(self, document, fmt, label: str) -> QSizeF:
        metrics = QFontMetricsF(self._font(document, fmt))
        return QSizeF(metrics.horizontalAdvance(label) + 1,
                      QFontMetricsF(document.defaultFont()).ascent())

    def drawObject(self, painter, rect, document, _pos, fmt) -> None:  # noqa: N802 - Qt API
        font = self._font(document, fmt)
        painter.save()
        painter.setFont(font)
        label = self._label_for(citation_refs(fmt))
        ins, dele = suggestion_marks(fmt)
        if fmt.hasProperty(OBJECT_SELECTED):    # selected: the selection's text colour
            colour = fmt.foreground().color()
        else:
            colour = DELETED_COLOUR if dele else INSERTED_COLOUR if ins else \
                QColor(200, 30, 30) if "?" in label else QColor(20, 80, 160)
        painter.setPen(colour)
        metrics = QFontMetricsF(font)
        y = rect.top() + metrics.ascent() if self._superscript() else rect.bottom()
        painter.drawText(rect.left(), y, label)
        if ins or dele:     # the citation is part of a suggested change: underlined / struck
            line = y + 2 if ins else y - metrics.ascent() * 0.35
            painter.drawLine(QLineF(rect.left(), line, rect.right(), line))
        painter.restore()


def install_citation_renderer(document: QTextDocument, renderer: CitationRenderer) -> None:
    document.documentLayout().registerHandler(CITATION_OBJECT, renderer)
