"""A citation's size in the text (what Qt lays it out with) is remembered between the several
times Qt asks for it while a paragraph is typed in (issue 23); its size and its drawing are
always what working them out afresh gives: after its label changes, after the superscript
setting or the text size changes, and for a citation with a font of its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter, QTextCursor, QTextDocument

from pipwriter.ui.richtext_bridge import (
    OBJECT_CHAR,
    CitationRenderer,
    citation_format,
    install_citation_renderer,
)


@pytest.mark.parametrize("by_references", [False, True])
def test_a_remembered_size_is_always_the_measured_one(qtbot, by_references):
    """Also when sizes are remembered by the citation's references, as the session's renderer
    does, told when the labels may change (``labels_version``)."""
    label = ["[1]"]
    superscript = [False]

    def renderer(version=None) -> CitationRenderer:
        return CitationRenderer(lambda _refs: label[0], lambda: superscript[0],
                                labels_version=version)
    kept = renderer(lambda: (label[0], superscript[0])) if by_references else renderer()
    document = QTextDocument()
    install_citation_renderer(document, kept)
    cursor = QTextCursor(document)
    cursor.insertText("Seen by a nurse ")
    cursor.insertText(OBJECT_CHAR, citation_format(["ref-1"]))
    fmt = document.begin().begin()
    while not fmt.atEnd() and fmt.fragment().text() != OBJECT_CHAR:
        fmt += 1
    position, char_format = fmt.fragment().position(), fmt.fragment().charFormat()

    def both():
        return (kept.intrinsicSize(document, position, char_format),
                renderer().intrinsicSize(document, position, char_format))

    def drawn(by: CitationRenderer, size) -> bytes:
        image = QImage(int(size.width()) + 4, int(size.height()) + 4,
                       QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        by.drawObject(painter, QRectF(2, 2, size.width(), size.height()), document, position,
                      char_format)
        painter.end()
        return bytes(image.constBits())
    sizes = []
    for change in (lambda: None, lambda: label.__setitem__(0, "[1-12]"),
                   lambda: superscript.__setitem__(0, True),
                   lambda: document.setDefaultFont(QFont("DejaVu Sans", 22)),
                   lambda: superscript.__setitem__(0, False), lambda: label.__setitem__(0, "[1]")):
        change()
        for _ in range(3):                       # asked again: the remembered size
            remembered, measured = both()
            assert remembered == measured
            assert drawn(kept, measured) == drawn(renderer(), measured)   # label, font, place
        sizes.append(remembered)
    assert len({(s.width(), s.height()) for s in sizes}) >= 4   # the changes did change it
    own = citation_format(["ref-1"])
    own.setFontFamilies(["DejaVu Serif"])
    own.setFontPointSize(30)
    assert kept.intrinsicSize(document, position, own) == \
        renderer().intrinsicSize(document, position, own)
    assert kept.intrinsicSize(document, position, own).width() > sizes[-1].width()
