"""WCAG 2.2 AA contrast of the app's own colours, in every state: every status mark and the
word bar at least 3:1 against what surrounds them (white, light grey, or the selection with the
mark's white halo), text at least 4.5:1 (normal and selected, active and inactive window)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from pipwriter.model.rules.progress import DONE, EMPTY, PROBLEM, STARTED
from pipwriter.ui import colours
from pipwriter.ui.colours import contrast
from pipwriter.ui.status_icons import status_icon

MARKS = {DONE: colours.MARK_DONE, STARTED: colours.MARK_STARTED,
         PROBLEM: colours.MARK_PROBLEM, EMPTY: colours.MARK_EMPTY}


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # the colours the app used before this test existed fail, so the test can fail
    assert contrast("#d68910", "#ffffff") < 3 and contrast("#308cc6", "#ffffff") < 4.5


@pytest.mark.parametrize("status", list(MARKS))
def test_every_mark_stands_out_on_every_background(status):
    mark = MARKS[status]
    for background in colours.LIGHT_BACKGROUNDS:
        assert contrast(mark, background) >= 3, (status, background)
    # on the selected row the white halo outlines the mark, and the mark stands on its halo
    assert contrast(colours.HALO, colours.SELECTION) >= 3
    assert contrast(mark, colours.HALO) >= 3


@pytest.mark.parametrize("status", list(MARKS))
def test_the_drawn_icon_uses_its_colour_and_its_halo(qapp, status):
    image = status_icon(status).pixmap(32, 32).toImage()
    drawn = {image.pixelColor(x, y).name() for x in range(32) for y in range(32)
             if image.pixelColor(x, y).alpha() == 255}
    assert MARKS[status] in drawn and colours.HALO in drawn


def test_word_bar_colours_against_its_trough():
    for colour in colours.WORD_BAR.values():
        for background in colours.LIGHT_BACKGROUNDS:
            assert contrast(colour, background) >= 3


def test_text_in_every_state(qapp, controller):
    palette = QApplication.instance().palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.Text).name()
        base = palette.color(group, QPalette.ColorRole.Base).name()
        window_text = palette.color(group, QPalette.ColorRole.WindowText).name()
        window = palette.color(group, QPalette.ColorRole.Window).name()
        selected = palette.color(group, QPalette.ColorRole.HighlightedText).name()
        selection = palette.color(group, QPalette.ColorRole.Highlight).name()
        assert contrast(text, base) >= 4.5
        assert contrast(window_text, window) >= 4.5
        assert contrast(selected, selection) >= 4.5, group
        for mark in MARKS.values():     # the mark's halo on the selection (checked above)
            assert QColor(mark).isValid()


def test_coloured_text_the_app_draws(qapp):
    """Problem and warning labels on the window background, citations and key quotes in the
    text, the spelling underline on white (read from the code, so a change is checked)."""
    from pipwriter.ui import media_widgets, richtext_bridge, spell_highlighter
    problem = media_widgets.problem_label().styleSheet().split("color:")[1].strip(" ;")
    warning = media_widgets.warning_label().styleSheet().split("color:")[1].strip(" ;")
    for colour in (problem, warning):
        for background in colours.LIGHT_BACKGROUNDS:
            assert contrast(colour, background) >= 4.5, colour
    assert contrast(richtext_bridge.QUOTE_FOREGROUND.name(),
                    richtext_bridge.QUOTE_BACKGROUND.name()) >= 4.5
    assert contrast(spell_highlighter.UNDERLINE_COLOUR.name(), "#ffffff") >= 3


def test_a_pressed_formatting_button_shows_it(controller, qtbot):
    """Bold, Italic, Bulleted list and "Show only my sections" show when they are on: a border at least 3:1 against the
    toolbar and the button's fill, drawn only while the button is on (WCAG 1.4.11)."""
    for background in (*colours.LIGHT_BACKGROUNDS, colours.CHECKED_FILL):
        assert contrast(colours.CHECKED_BORDER, background) >= 3
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    panel = window.section_panel
    only_mine = window.coauthoring.only_mine_action       # "Show only my sections" too
    window.coauthoring.set_me(window.session.article.authors[0].id)   # (else it asks who)
    for action, button in ((panel.editor.bullet_action,
                            panel.toolbar.widgetForAction(panel.editor.bullet_action)),
                           (only_mine, window.coauthoring.only_mine_button)):

        def colours_drawn(button=button) -> set[str]:
            image = button.grab().toImage()
            return {image.pixelColor(x, y).name() for x in range(image.width())
                    for y in range(image.height())}
        action.setChecked(False)
        assert colours.CHECKED_BORDER not in colours_drawn(), action.text()
        action.setChecked(True)
        assert colours.CHECKED_BORDER in colours_drawn(), action.text()
        action.setChecked(False)


def test_words_with_a_comment_stay_readable_and_their_spelling_marks_show():
    from pipwriter.ui.spell_highlighter import UNDERLINE_COLOUR
    assert contrast("#000000", colours.COMMENTED) >= 4.5
    assert contrast(UNDERLINE_COLOUR.name(), colours.COMMENTED) >= 3
