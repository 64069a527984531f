"""A citation's number stays readable when it is selected: drawn in the selection's text colour
on the selection's background, as the words beside it are (it was drawn in its own dark blue on
the blue highlight)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QTextEdit

from pipwriter.ui.richtext_bridge import (
    OBJECT_CHAR,
    CitationRenderer,
    citation_format,
    install_citation_renderer,
)

CITATION_BLUE = QColor(20, 80, 160)


def _colours_of_the_citation(qtbot, selected: bool) -> tuple[set[tuple[int, int, int]], QPalette]:
    edit = QTextEdit()
    qtbot.addWidget(edit)
    document = edit.document()
    install_citation_renderer(document, CitationRenderer(lambda _refs: "[88]", lambda: False,
                                                         edit))
    cursor = QTextCursor(document)
    cursor.insertText("Seen by a nurse ")
    at = cursor.position()
    cursor.insertText(OBJECT_CHAR, citation_format(["ref-1"]))
    cursor.insertText(" every week.")
    edit.resize(500, 200)
    edit.show()
    qtbot.waitExposed(edit)
    if selected:
        pick = QTextCursor(document)
        pick.setPosition(at)
        pick.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(pick)
    edit.setFocus()
    before, after = QTextCursor(document), QTextCursor(document)
    before.setPosition(at)
    after.setPosition(at + 1)
    left, right = edit.cursorRect(before), edit.cursorRect(after)
    image = edit.viewport().grab().toImage()
    colours = set()
    for x in range(left.center().x() + 1, right.center().x()):
        for y in range(left.top(), left.bottom() + 1):
            colour = image.pixelColor(x, y)
            colours.add((colour.red(), colour.green(), colour.blue()))
    return colours, edit.palette()


def _near(colours, colour: QColor, within: int = 40) -> bool:
    return any(abs(r - colour.red()) + abs(g - colour.green()) + abs(b - colour.blue()) <= within
               for r, g, b in colours)


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_a_selected_citation_is_drawn_in_the_selection_text_colour(qtbot):
    plain, _palette = _colours_of_the_citation(qtbot, selected=False)
    assert _near(plain, CITATION_BLUE)                  # the number, in its own blue
    picked, palette = _colours_of_the_citation(qtbot, selected=True)
    group = QPalette.ColorGroup.Active
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    assert _near(picked, highlight, 0)                  # on the selection's background
    # the number stands out from the highlight as the selected words' white does (Qt lays a
    # half-see-through highlight over a selected object, so not pure white): 3:1 at least
    lightest = max(picked, key=_luminance)
    background = _luminance((highlight.red(), highlight.green(), highlight.blue()))
    assert (_luminance(lightest) + 0.05) / (background + 0.05) >= 3
