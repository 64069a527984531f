"""The live figures and the status bar in a real main window: status messages can be read,
the figures never overlap (narrow window, bigger text), the words figure says what it means,
and the window cannot be shrunk until its fields are cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QSizeGrip, QWidget
from ui_support import fill_wizard

from pipwriter.ui.figures_bar import word_band_text
from pipwriter.ui.text_scale import recorded_base_text_size

MESSAGE = "Removed the clip. Edit › Undo (Ctrl+Z) brings it back."


@pytest.fixture
def window(controller, qtbot):
    controller.run_wizard = fill_wizard
    win = controller.new_article()
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if recorded_base_text_size(QApplication.instance()) is not None:
        win.scale_text(0)           # the application font is shared by every test


def _settle(qtbot, window, width=1024, height=600):
    window.resize(width, height)
    qtbot.wait(20)
    QApplication.processEvents()


def _figure_widgets(window) -> list[QWidget]:
    bar = window.figures_bar
    widgets = [bar.words_button, bar.words_bar, bar.references, bar.key_messages,
               bar.illustrations, bar.panel_words]
    return [w for w in widgets if w.isVisible()]


def _rect_in_window(widget: QWidget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _message_room(status_bar) -> int:
    """Width left for the message: up to the first widget the status bar shows beside it."""
    widgets = [w for w in status_bar.findChildren(QWidget) if w.parentWidget() is status_bar
               and w.isVisible() and not isinstance(w, QSizeGrip) and w.width() > 0
               and w is not status_bar.message]
    left = min((w.geometry().left() for w in widgets), default=status_bar.width())
    return left


def test_status_message_has_room_to_be_read(window, qtbot):
    status = window.statusBar()
    status.showMessage(MESSAGE)
    _settle(qtbot, window)
    assert status.isVisible() and status.height() > 0
    assert status.currentMessage() == MESSAGE
    needed = status.fontMetrics().horizontalAdvance(MESSAGE)
    assert _message_room(status) >= needed + 6
    # the figures are not drawn over the message either
    message_area = QRect(status.mapTo(window, QPoint(0, 0)), status.size())
    for widget in _figure_widgets(window):
        assert not _rect_in_window(widget, window).intersects(message_area), widget


@pytest.mark.parametrize("bigger", [0, 4])
def test_figures_do_not_overlap_when_narrow_or_with_bigger_text(window, qtbot, bigger):
    for _ in range(bigger):
        window.scale_text(1)
    _settle(qtbot, window)
    app_size = QApplication.instance().font().pointSizeF()
    widgets = _figure_widgets(window)
    assert len(widgets) >= 5
    rects = [_rect_in_window(w, window) for w in widgets]
    for i, first in enumerate(rects):
        assert first.width() > 0 and first.left() >= 0 and first.right() < window.width()
        for second in rects[i + 1:]:
            assert not first.intersects(second), (widgets[i], first, second)
    for label in window.figures_bar.labels():
        assert label.font().pointSizeF() == pytest.approx(app_size)   # follows View › text size
        shown = label.text()
        fits = label.fontMetrics().horizontalAdvance(shown) <= label.width()
        elided = shown != label.full_text and label.full_text in label.toolTip()
        assert shown and (fits or elided), (shown, label.width())


def test_a_figure_too_wide_for_the_row_is_shortened_with_full_text_in_tooltip(window, qtbot):
    _settle(qtbot, window)
    button = window.figures_bar.illustrations
    full = button.full_text
    button.resize(button.fontMetrics().horizontalAdvance(full) // 3, button.height())
    shown = button.text()
    assert shown != full
    assert button.fontMetrics().horizontalAdvance(shown) <= button.width()
    assert full in button.toolTip()
    button.resize(button.sizeHint())
    assert button.text() == full


def test_words_figure_says_too_short_with_the_aim(window, qtbot):
    _settle(qtbot, window)
    limit = window.session.template.limit("words")
    shown = window.figures_bar.words_button.full_text
    assert window.figures.words < limit.min
    assert "too short" in shown and "under the limit" not in shown
    assert f"aim for {limit.min:,}–{limit.max:,}" in shown


def test_word_band_wording():
    full, short = word_band_text(0, 1250, 1500)
    assert full == "0 words — too short, aim for 1,250–1,500"
    assert short == "0 words, too short"
    assert word_band_text(1, 1250, 1500)[0].startswith("1 word — ")
    assert word_band_text(1300, 1250, 1500)[0] == "1,300 words — within 1,250–1,500"
    full, short = word_band_text(1620, 1250, 1500)
    assert full == "1,620 words — over the limit of 1,500"
    assert "over the limit" in short
    assert word_band_text(40, None, 1500)[0] == "40 words — within the limit of 1,500"
    assert word_band_text(40, None, None)[0] == "40 words"


def test_window_cannot_be_shrunk_until_fields_are_cut_off(window, qtbot):
    from fit_checks import fit_problems
    window.resize(300, 200)
    qtbot.wait(10)
    room = window.screen().availableGeometry()      # 800 × 600 offscreen
    assert window.width() >= min(800, room.width() - 16) and window.height() >= 500
    assert fit_problems(window) == []               # what does not fit scrolls


def test_word_bar_fill_follows_the_words_to_the_pixel(qtbot):
    """The bar is set only when its fill moves by a pixel (issue 23), and then shows the
    words against its top (the limit and a fifth) as closely as its width can."""
    from pipwriter.ui.figures_bar import Figures, FiguresBar
    bar = FiguresBar()
    qtbot.addWidget(bar)
    bar.show()
    width = bar.words_bar.width()
    for words in (0, 1, 17, 640, 1249, 1500, 1799, 1800, 4000):
        bar.show_figures(Figures(words, 1250, 1500, words, 0, 5, 0, 3, 5, 0, 2, None))
        top = max(1800, words)
        shown = bar.words_bar.value() / bar.words_bar.maximum()
        assert bar.words_bar.maximum() == width
        assert abs(shown - min(words, top) / top) <= 1 / width, words
        assert f"{words:,} word" in bar.words_bar.accessibleDescription()


def test_a_figure_with_the_keyboard_shows_a_clear_ring_and_return_explains_it(window, qtbot):
    """Found by a walk of the app: the words figure's focus mark was faint, and Return on a
    figure did nothing (Space and a click explain it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtTest import QTest

    from pipwriter.ui.colours import contrast

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.figures_bar.words_button
    _settle(qtbot, window)
    plain = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    ringed = button.grab().toImage()
    text = button.palette().color(QPalette.ColorRole.WindowText)
    dpr = ringed.devicePixelRatio()
    y = int(button.height() / 2 * dpr)
    edge = QColor(ringed.pixel(int(1 * dpr), y))       # on the ring, half-way down the left
    before = QColor(plain.pixel(int(1 * dpr), y))
    assert edge.rgb() == text.rgb()
    assert contrast(edge.name(), before.name()) >= 3           # WCAG 2.4.11/2.4.13: the mark shows
    asked = []
    window.dialogs.info = lambda title, text: asked.append(title)
    QTest.keyClick(button, Qt.Key.Key_Return)
    assert asked == ["What is counted"]
    # one ring, not two (the app's focus frame stays off it), and none once the keyboard left
    from PySide6.QtWidgets import QFocusFrame
    frame = window.findChild(QFocusFrame, "focusRing")
    assert frame is None or frame.widget() is not button
    window.figures_bar.references.setFocus()
    qtbot.waitUntil(lambda: not button.hasFocus())
    left = QColor(button.grab().toImage().pixel(int(1 * dpr), y))
    assert left.rgb() == before.rgb()


@pytest.mark.parametrize("bigger", [0, 4])
def test_an_empty_strip_is_already_as_tall_as_one_row_of_figures(qtbot, bigger):
    """The app's first window is painted before its figures are worked out (issue 23): the
    strip waits for them empty, but as tall as it will be, so their coming lays out the strip
    alone and not the window (when they fit on one row)."""
    from PySide6.QtGui import QFont

    from pipwriter.ui.figures_bar import Figures, FiguresBar
    bar = FiguresBar()
    qtbot.addWidget(bar)
    font = QFont(bar.font())
    font.setPointSizeF(font.pointSizeF() + bigger)
    bar.setFont(font)
    bar.resize(3000, 10)
    bar.show()
    assert bar.labels() == []
    empty = bar.sizeHint().height(), bar.minimumSizeHint().height(), bar.heightForWidth(3000)
    empty_height = max(empty[0], bar.minimumHeight())
    bar.show_figures(Figures(1430, 1250, 1500, 1430, 3, 5, 3, 3, 5, 1, 2, 120))
    assert len(bar.labels()) == 5
    assert bar.heightForWidth(3000) == empty_height
    assert bar.minimumHeight() == 0          # the reserved room goes with the first figures
