"""Drive the real crop dialog: keys, mouse, wheel and slider move and size the square, it never
leaves the picture, and the chosen square is what the Authors panel crops to."""

from __future__ import annotations

import re

import pytest
from media_samples import encode
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QSlider
from ui_support import fill_wizard

from pipwriter.ui.crop_dialog import MARGIN, CropDialog
from pipwriter.ui.dialogs import Dialogs
from pipwriter.ui.screen_fit import content_layout

RED, GREEN, BLUE, YELLOW = "#cc2222", "#22aa33", "#2233cc", "#ddcc22"
LEFT, SHIFT, NONE = Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier(0)


def quadrants(width: int = 1200, height: int = 800) -> QImage:
    """A picture whose four quarters have different colours."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    half_w, half_h = width // 2, height // 2
    painter = QPainter(image)
    for x, y, colour in ((0, 0, RED), (half_w, 0, GREEN), (0, half_h, BLUE),
                         (half_w, half_h, YELLOW)):
        painter.fillRect(x, y, width - half_w if x else half_w,
                         height - half_h if y else half_h, QColor(colour))
    painter.end()
    return image


@pytest.fixture
def dialog(qtbot):
    box = CropDialog(quadrants(), minimum_side=600)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def _keys(widget, key, times=1, modifier=NONE):
    for _ in range(times):
        QTest.keyClick(widget, key, modifier)


def _point(dialog, x: float, y: float) -> QPoint:
    """The widget point over source pixel (x, y)."""
    scale = dialog.view.scale
    return QPoint(round(x * scale) + MARGIN, round(y * scale) + MARGIN)


def _wheel(widget, notches: int) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


# --- the dialog on its own -------------------------------------------------------------------

def test_starts_with_the_largest_centred_square(dialog):
    assert dialog.selection() == (200, 0, 800, 800)
    assert (dialog.slider.minimum(), dialog.slider.maximum()) == (64, 800)
    assert dialog.slider.value() == 800
    assert dialog.result_label.text() == "The cropped photo will be 800 × 800 pixels."
    assert dialog.warning.isHidden()
    assert dialog.view.hasFocus()


def test_arrow_keys_move_and_stop_at_the_edges(dialog):
    view = dialog.view
    dialog.set_selection(0, 0, 200)
    _keys(view, LEFT)
    _keys(view, Qt.Key.Key_Up)
    assert dialog.selection() == (0, 0, 200, 200)                       # already at the corner
    _keys(view, Qt.Key.Key_Right)
    _keys(view, Qt.Key.Key_Down)
    assert dialog.selection() == (16, 16, 200, 200)                     # 2% of the short side
    _keys(view, Qt.Key.Key_Right, modifier=SHIFT)
    _keys(view, Qt.Key.Key_Down, modifier=SHIFT)
    assert dialog.selection() == (96, 96, 200, 200)                     # Shift: 10%
    _keys(view, Qt.Key.Key_Right, 20, SHIFT)
    _keys(view, Qt.Key.Key_Down, 20, SHIFT)
    assert dialog.selection() == (1000, 600, 200, 200)                  # stopped at the edges
    _keys(view, LEFT, 30, SHIFT)
    assert dialog.selection() == (0, 600, 200, 200)


def test_plus_and_minus_resize_around_the_centre_within_limits(dialog):
    view = dialog.view
    dialog.set_selection(500, 300, 200)                                  # centre (600, 400)
    _keys(view, Qt.Key.Key_Plus)
    assert dialog.selection() == (484, 284, 232, 232)
    _keys(view, Qt.Key.Key_Minus, 2)
    assert dialog.selection() == (516, 316, 168, 168)
    assert dialog.slider.value() == 168
    _keys(view, Qt.Key.Key_Minus, 20)
    assert dialog.selection() == (568, 368, 64, 64)                     # never below 64 pixels
    _keys(view, Qt.Key.Key_Equal, 40)                                    # "=" is the unshifted "+"
    assert dialog.selection() == (200, 0, 800, 800)                     # never beyond the picture


def test_dragging_with_the_mouse_moves_the_square(dialog):
    view = dialog.view
    dialog.set_selection(400, 200, 400)
    start = _point(dialog, 600, 400)                                     # the middle of the square
    QTest.mousePress(view, Qt.MouseButton.LeftButton, NONE, start)
    QTest.mouseMove(view, _point(dialog, 700, 450))
    assert dialog.selection() == (500, 250, 400, 400)
    QTest.mouseMove(view, QPoint(view.width() + 300, view.height() + 300))   # far outside
    assert dialog.selection() == (800, 400, 400, 400)                   # still inside the picture
    QTest.mouseMove(view, _point(dialog, 300, 300))
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, NONE, _point(dialog, 300, 300))
    assert dialog.selection() == (100, 100, 400, 400)
    QTest.mouseMove(view, _point(dialog, 900, 600))                      # released: no longer drags
    assert dialog.selection() == (100, 100, 400, 400)


def test_clicking_outside_the_square_brings_it_there(dialog):
    view = dialog.view
    dialog.set_selection(0, 0, 200)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, NONE, _point(dialog, 900, 500))
    assert dialog.selection() == (800, 400, 200, 200)


def test_mouse_wheel_resizes(dialog):
    view = dialog.view
    dialog.set_selection(500, 300, 200)
    _wheel(view, 1)
    assert dialog.selection() == (484, 284, 232, 232)
    _wheel(view, -3)
    assert dialog.selection()[2] == 136
    assert dialog.slider.value() == 136


def test_slider_resizes_and_follows_the_square(dialog):
    dialog.set_selection(500, 300, 200)
    dialog.slider.setValue(400)
    assert dialog.selection() == (400, 200, 400, 400)
    dialog.slider.setFocus()
    QTest.keyClick(dialog.slider, Qt.Key.Key_PageDown)                    # one page: 10% smaller
    assert dialog.selection()[2] == 320
    assert dialog.result_label.text() == "The cropped photo will be 320 × 320 pixels."
    _keys(dialog.view, Qt.Key.Key_Plus)
    assert dialog.slider.value() == 352


def test_reset_goes_back_to_the_largest_centred_square(dialog):
    dialog.set_selection(10, 20, 100)
    dialog.reset_button.click()
    assert dialog.selection() == (200, 0, 800, 800)
    assert dialog.slider.value() == 800


def test_selection_is_in_source_pixels_for_a_big_tall_picture(qtbot):
    box = CropDialog(quadrants(1500, 3000))
    qtbot.addWidget(box)
    box.show()
    view = box.view
    assert view.scale == pytest.approx(0.16)                            # 3000 px shown as 480
    assert (view.width(), view.height()) == (240 + 2 * MARGIN, 480 + 2 * MARGIN)
    assert box.selection() == (0, 750, 1500, 1500)
    box.set_selection(300, 600, 500)
    rect = view.view_rect()
    assert (rect.x(), rect.y(), rect.width()) == pytest.approx((48 + MARGIN, 96 + MARGIN, 80))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, NONE, QPoint(88 + MARGIN, 136 + MARGIN))
    QTest.mouseMove(view, QPoint(88 + 16 + MARGIN, 136 + 32 + MARGIN))   # 16, 32 view pixels
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, NONE,
                       QPoint(88 + 16 + MARGIN, 136 + 32 + MARGIN))
    assert box.selection() == (400, 800, 500, 500)                      # 100, 200 source pixels


def test_small_square_is_warned_with_the_minimum(dialog):
    dialog.set_selection(0, 0, 500)
    assert not dialog.warning.isHidden()
    assert "500 × 500 pixels" in dialog.warning.text()
    assert "at least 600 pixels" in dialog.warning.text()
    dialog.set_selection(0, 0, 700)
    assert dialog.warning.isHidden()


def _rows(dialog):
    """The geometry of each visible row of the dialog's layout, top to bottom."""
    layout = content_layout(dialog)       # inside the scroll area it has on a small screen
    items = [layout.itemAt(i) for i in range(layout.count())]
    return [item.geometry() for item in items
            if item.layout() is not None or (item.widget() and item.widget().isVisible())]


def test_wrapped_text_gets_room_when_the_warning_appears(dialog, qtbot):
    assert dialog.warning.isHidden()
    dialog.set_selection(0, 0, 500)                                      # the warning shows
    qtbot.wait(10)
    assert dialog.warning.isVisible()
    rows = _rows(dialog)
    assert len(rows) == 6           # the buttons stay under what scrolls (fit_dialog)
    for upper, lower in zip(rows, rows[1:], strict=False):
        assert upper.bottom() < lower.top(), (upper, lower)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_small_picture_cannot_go_below_its_whole_side(qtbot):
    box = CropDialog(quadrants(50, 40))
    qtbot.addWidget(box)
    assert box.selection() == (5, 0, 40, 40)
    _keys(box.view, Qt.Key.Key_Minus, 5)
    assert box.selection() == (5, 0, 40, 40)
    assert box.warning.isHidden()                                        # minimum 0: no warning


def test_every_control_is_named_and_reachable_by_keyboard(dialog, qtbot):
    view = dialog.view
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    description = view.accessibleDescription()
    assert "Arrow keys" in description and "Shift" in description and "plus" in description
    controls = [view, dialog.slider, dialog.reset_button, dialog.crop_button,
                dialog.cancel_button]
    for control in controls:
        assert control.accessibleName().strip(), control
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert view in buddies and dialog.slider in buddies
    assert any(isinstance(b, QSlider) for b in buddies)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    view.setFocus()
    reached = []
    for _ in range(len(controls)):
        reached.append(QApplication.focusWidget())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert set(reached) == set(controls)


def test_focus_frame_is_drawn(dialog):
    view = dialog.view
    corner = QPoint(1, view.height() // 2)                               # in the margin
    highlight = view.palette().highlight().color()
    view.setFocus()
    assert view.grab().toImage().pixelColor(corner) == highlight
    dialog.slider.setFocus()
    assert view.grab().toImage().pixelColor(corner) != highlight


def test_outside_of_the_square_is_darkened(dialog):
    dialog.set_selection(0, 0, 400)                                      # the red quarter
    shot = dialog.view.grab().toImage()
    inside = shot.pixelColor(_point(dialog, 200, 200))
    outside = shot.pixelColor(_point(dialog, 500, 200))                 # red too, but shaded
    assert inside.red() > 150
    assert outside.red() < inside.red() * 0.6


# --- through the Authors panel ---------------------------------------------------------------

@pytest.fixture
def window(controller, qtbot):
    controller.run_wizard = fill_wizard
    win = controller.new_article()
    qtbot.addWidget(win)
    win.open_panel("authors")
    return win


@pytest.fixture
def panel(window, tmp_path):
    """The Authors panel with Sam Jones chosen and given the four-colour photo (consent ticked)."""
    panel = window.panels["authors"]
    author = next(a for a in window.session.article.authors if a.name == "Sam Jones")
    panel.focus_item(author.id)
    path = tmp_path / "sam.png"
    path.write_bytes(encode(quadrants(), "PNG"))
    window.dialogs.queue("file", path)
    assert panel.photo.choose_photo()
    panel.photo.consent.click()
    return panel


def _real_dialog(window, qtbot, monkeypatch, drive):
    """Ask through the app's real Dialogs, with exec() replaced by showing the dialog and letting
    ``drive`` work it as a person would (no modal loop under test)."""
    def fake_exec(box):
        qtbot.addWidget(box)
        box.show()
        drive(box)
        return box.result()
    monkeypatch.setattr(CropDialog, "exec", fake_exec)
    window.dialogs.ask_crop_square = Dialogs(window).ask_crop_square


def _close(colour: QColor, expected: str) -> bool:
    want = QColor(expected)
    pairs = zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    return all(abs(a - b) <= 24 for a, b in pairs)


def test_crop_keeps_the_chosen_square(window, panel, qtbot, monkeypatch):
    session = window.session
    steps = session.undo_stack.count()
    seen = []

    def top_left(box):
        seen.append((box.windowTitle(), box.minimum_side))
        _keys(box.view, Qt.Key.Key_Minus, 13)                            # 800 - 13 * 32 = 384
        _keys(box.view, LEFT, 10, SHIFT)
        _keys(box.view, Qt.Key.Key_Up, 10, SHIFT)
        assert box.selection() == (0, 0, 384, 384)
        qtbot.mouseClick(box.crop_button, Qt.MouseButton.LeftButton)

    _real_dialog(window, qtbot, monkeypatch, top_left)
    panel.photo.crop_button.click()
    assert seen == [("Crop the photo of Sam Jones", 600)]
    photo = session.article.authors[1].photo
    assert (photo.media.width, photo.media.height) == (384, 384)
    assert photo.consent and photo.media.original_name == "sam.png"
    stored = QImage.fromData(session.project.media.read(photo.media.name))
    for x, y in ((2, 2), (192, 192), (381, 381), (381, 2), (2, 381)):
        assert _close(stored.pixelColor(x, y), RED), (x, y, stored.pixelColor(x, y).name())
    assert session.undo_stack.count() == steps + 1
    assert "384 × 384" in panel.photo.photo_info.text()
    assert "blurred" in panel.photo.photo_warnings.text()                     # under 600 pixels
    session.undo_stack.undo()
    assert session.article.authors[1].photo.media.width == 1200


def test_crop_a_square_across_the_quarters(window, panel, qtbot, monkeypatch):
    def bottom_right(box):
        box.set_selection(700, 500, 200)
        box.crop_button.click()

    _real_dialog(window, qtbot, monkeypatch, bottom_right)
    assert panel.photo.crop_photo()
    photo = window.session.article.authors[1].photo
    stored = QImage.fromData(window.session.project.media.read(photo.media.name))
    assert stored.size().toTuple() == (200, 200)
    assert _close(stored.pixelColor(100, 100), YELLOW)
    assert _close(stored.pixelColor(198, 1), YELLOW)


def test_cancel_leaves_the_photo_alone(window, panel, qtbot, monkeypatch):
    session = window.session
    before = session.article.authors[1].photo
    steps = session.undo_stack.count()

    def move_then_cancel(box):
        _keys(box.view, Qt.Key.Key_Minus, 5)
        _keys(box.view, LEFT, 3, SHIFT)
        qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)

    _real_dialog(window, qtbot, monkeypatch, move_then_cancel)
    assert not panel.photo.crop_photo()
    assert session.article.authors[1].photo == before
    assert session.undo_stack.count() == steps
    assert window.dialogs.errors == []


def test_cancel_from_the_fake_dialog_too(window, panel):
    before = window.session.article.authors[1].photo.media
    window.dialogs.queue("crop", None)
    panel.photo.crop_button.click()
    assert window.session.article.authors[1].photo.media == before
    kind, (title, minimum) = window.dialogs.asked[-1]
    assert kind == "crop" and "Sam Jones" in title and minimum == 600


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def test_crop_button_text_and_its_mnemonic_is_not_shared(window, panel):
    assert panel.photo.crop_button.text() == "&Crop photo…"
    assert panel.photo.crop_button.accessibleName() == "Crop photo…"
    others = [w.text() for w in panel.findChildren(QAbstractButton) if w is not panel.photo.crop_button]
    others += [label.text() for label in panel.findChildren(QLabel) if label.buddy()]
    others += [action.text() for action in window.menuBar().actions()]
    assert "Cre&dentials:" in others                                     # moved off C for Crop
    assert _mnemonic(panel.photo.crop_button.text()) == "c"
    assert "c" not in {_mnemonic(text) for text in others}
