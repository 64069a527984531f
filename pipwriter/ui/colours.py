"""The app's own colours, chosen to meet WCAG 2.2 AA, and the contrast sums that prove it.

* Status marks (the navigator) and the word bar are dark colours, each at least 3:1 against
  the white and light-grey backgrounds. Every mark is drawn with a white halo, so on the dark
  selection colour the halo (at least 3:1 against it) outlines the mark and the mark stands out
  against its halo.
* The selection is a dark blue with white text (over 4.5:1), in the active and inactive window
  alike (Qt's default light blue with white text is 3.7:1, and its inactive selection is grey).
* A formatting button that is on (checked) has a border of the selection's blue.

``tests/test_contrast.py`` computes every pair.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

MARK_DONE = "#1b6e20"       # green
MARK_STARTED = "#8a4b00"    # dark amber
MARK_PROBLEM = "#b0001e"    # red
MARK_EMPTY = "#5f6368"      # grey ring
HALO = "#ffffff"
SELECTION = "#1d4f91"
SELECTION_TEXT = "#ffffff"
WORD_BAR = {"under": MARK_STARTED, "in_band": MARK_DONE, "over": MARK_PROBLEM}

# the backgrounds a mark or a bar can sit on (besides the selection)
LIGHT_BACKGROUNDS = ("#ffffff", "#efefef", "#f7f7f7")
# a pressed (checked) formatting button: Bold, Italic or Bulleted list is on where the cursor
# is. The style's own pressed look is a faint grey box (under 1.5:1), so the state is drawn
# with a dark border (3:1 or more against the fill and the toolbar) on a pale blue fill.
CHECKED_BORDER = SELECTION
CHECKED_FILL = "#dce7f5"
# the words an open comment is on, in a section's text (ui/comment_marks.py): pale amber,
# black text on it 17:1, the red spelling underline on it 5.3:1 (6.5:1 on white)
COMMENTED = "#ffe7b3"
CHECKED_BUTTONS = (f"QToolButton:checked {{ background-color: {CHECKED_FILL}; "
                   f"border: 2px solid {CHECKED_BORDER}; border-radius: 3px; }}")


def relative_luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of an sRGB colour such as "#1b6e20"."""
    value = QColor(colour)

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(value.redF()) + 0.7152 * channel(value.greenF())
            + 0.0722 * channel(value.blueF()))


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio (1 to 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def apply_accessible_selection(palette: QPalette) -> QPalette:
    """The selection colours above, for the active and the inactive window."""
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTION))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(SELECTION_TEXT))
    return palette
