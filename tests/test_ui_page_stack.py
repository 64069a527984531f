"""The panel shown scrolls for its own length only (``screen_fit.PageStack``).

Qt's stack of panels asked for the room of the longest panel opened so far: after the
Illustrations panel had been open, the Title panel scrolled on a 1366×768 laptop with its last
lines cut off, and the References form jumped sideways as the scroll bar came and went while
moving from one reference to the next. Now a panel takes the whole height shown when it fits
(its lists as short as they may be), and scrolls only when it does not.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import save_project

LAPTOP = (1366, 700)    # a 1366×768 screen less its taskbar and the window's title bar


@pytest.fixture
def window(controller, qtbot, tmp_path):
    opened = controller.open_path(save_project(demo_project(), tmp_path / "demo.pipw"))
    qtbot.addWidget(opened)
    opened.resize(*LAPTOP)
    opened.show()
    qtbot.waitExposed(opened)
    return opened


def _scroll_range(window) -> int:
    return window.stack_area.verticalScrollBar().maximum()


def test_a_short_panel_does_not_scroll_after_a_long_one_was_open(window, qtbot):
    window.open_panel("references")         # the longest panel, each reference's form shown
    references = window.panels["references"]
    for row in range(references.list.count()):
        references.list.setCurrentRow(row)
        qtbot.wait(20)
    for key in ("title", "authors", "competing_interests", "illustrations"):
        window.open_panel(key)
        qtbot.wait(20)
        panel = window.panels[key]
        assert _scroll_range(window) == 0, f"the {key} panel scrolls though it fits"
        assert panel.height() <= window.stack_area.viewport().height()


def test_the_references_form_stays_put_from_one_reference_to_the_next(window, qtbot):
    window.open_panel("references")
    panel = window.panels["references"]
    assert panel.list.count() >= 3
    places = set()
    for row in range(panel.list.count()):
        panel.list.setCurrentRow(row)
        qtbot.wait(20)
        assert _scroll_range(window) == 0, f"reference {row + 1} makes the panel scroll"
        places.add(panel.kind.mapTo(window, QPoint(panel.kind.width(), 0)).x())
    assert len(places) == 1, f"the form's right edge moved: {sorted(places)}"


def test_a_panel_too_long_for_the_window_still_scrolls_to_its_end(window, qtbot):
    window.resize(1366, 420)
    window.open_panel("references")
    qtbot.wait(20)
    panel = window.panels["references"]
    assert _scroll_range(window) > 0                         # it cannot fit: it scrolls...
    window.stack_area.verticalScrollBar().setValue(_scroll_range(window))
    qtbot.wait(20)
    bottom = panel.preview.mapTo(window.stack_area.viewport(),
                                 QPoint(0, panel.preview.height())).y()
    assert bottom <= window.stack_area.viewport().height()     # ...down to its last line


@pytest.fixture
def largest_text(window, qtbot):
    """View › Bigger text, pressed until the text is as big as it goes (as a walk did)."""
    from PySide6.QtWidgets import QApplication
    before = QApplication.font()
    for _ in range(15):
        window.scale_text(1)
    qtbot.wait(50)
    yield window
    window.scale_text(0)
    QApplication.setFont(before)


@pytest.mark.parametrize("key", ["authors", "references", "illustrations"])
def test_at_the_largest_text_a_form_never_scrolls_sideways_nor_squeezes_its_boxes(
        largest_text, qtbot, key):
    """Found by a walk: at the largest text the authors' form beside its list was squeezed to
    a few letters a box ("Jo Sm"), and the References panel scrolled sideways, its labels out
    of sight."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QScrollArea

    from pipwriter.ui.screen_fit import FIELD_CHARACTERS
    window = largest_text
    window.open_panel(key)
    qtbot.wait(50)
    assert window.stack_area.horizontalScrollBar().maximum() == 0
    panel = window.panels[key]
    boxes = [box for kind in (QLineEdit, QComboBox) for box in panel.findChildren(kind)
             if box.isVisibleTo(panel) and not isinstance(box.parentWidget(), QComboBox)]
    assert boxes
    for box in boxes:
        least = box.fontMetrics().averageCharWidth() * FIELD_CHARACTERS
        assert box.width() >= least, (box.accessibleName(), box.width(), least)
    for area in panel.findChildren(QScrollArea):
        if area.isVisibleTo(panel):
            assert area.horizontalScrollBar().maximum() == 0, area.objectName()


def test_at_the_largest_text_every_key_message_is_in_sight(largest_text, qtbot):
    """Found by a walk: at the largest text the key messages' list showed about one and a
    half of them, the first scrolled out of sight while the count below said "2 key
    messages". The page scrolls as a whole instead; each list shows all its rows."""
    window = largest_text
    window.open_panel("key_messages")
    qtbot.wait(50)
    panel = window.panels["key_messages"]
    assert panel.messages.count() == 3 and panel.quotes.count() >= 1
    for listed in (panel.messages, panel.quotes):
        assert listed.verticalScrollBar().maximum() == 0, listed.accessibleName()
        last = listed.visualItemRect(listed.item(listed.count() - 1))
        assert last.bottom() <= listed.viewport().height(), listed.accessibleName()


def test_at_the_largest_text_on_a_narrow_window_the_section_fits_its_width(largest_text, qtbot):
    """Found by a walk at 200 % with the largest text (a window 960 points wide): the section
    page scrolled sideways, its heading box showed "Why" and the guidance beside the text was
    cut off. Now "Written by" goes under the heading and the guidance under the text; on a
    wide window they are side by side again."""
    from PySide6.QtCore import Qt

    from pipwriter.ui.screen_fit import FIELD_CHARACTERS
    window = largest_text
    window.resize(960, 531)
    window.open_panel(f"section:{window.session.article.sections[0].id}")
    qtbot.wait(50)
    panel = window.section_panel
    assert window.stack_area.horizontalScrollBar().maximum() == 0
    assert panel.splitter.orientation() == Qt.Orientation.Vertical
    view = window.stack_area.viewport()
    for widget in (panel.title_edit, panel.assignee_combo, panel.editor, panel.guide_area):
        right = widget.mapTo(view, QPoint(widget.width(), 0)).x()
        assert right <= view.width(), widget.accessibleName() or widget.objectName()
    least = panel.title_edit.fontMetrics().averageCharWidth() * FIELD_CHARACTERS
    assert panel.title_edit.width() >= least
    window.resize(1900, 1000)
    qtbot.wait(50)
    assert panel.splitter.orientation() == Qt.Orientation.Horizontal
    heading_row = panel.title_edit.mapTo(window, QPoint(0, 0)).y()
    assert abs(panel.assignee_combo.mapTo(window, QPoint(0, 0)).y() - heading_row) < 10
