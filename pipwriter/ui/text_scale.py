"""Ticks, round marks and icons that grow with the app's text size (View › Bigger text).

Qt sizes check boxes, radio buttons and list icons in pixels, whatever the font, so at a big
text size a tick box stays a small square beside big words. While the text is bigger than the
system's, the app's style is wrapped in one that scales those sizes by the same factor as the
text; at the normal size the system's own style is used unchanged (and nothing is slowed).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

# the sizes that belong to marks drawn beside text
SCALED = frozenset({
    QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    QStyle.PixelMetric.PM_SmallIconSize, QStyle.PixelMetric.PM_ListViewIconSize,
    QStyle.PixelMetric.PM_ButtonIconSize, QStyle.PixelMetric.PM_TabBarIconSize,
})


class ScaledMarksStyle(QProxyStyle):
    """The system's style with tick boxes, radio buttons and small icons ``factor`` times as
    big."""

    def __init__(self, base_name: str, factor: float):
        super().__init__(QStyleFactory.create(base_name))
        self.factor = factor

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt API
        value = super().pixelMetric(metric, option, widget)
        return round(value * self.factor) if metric in SCALED else value


# Kept on the application as Qt dynamic properties (one value per application).
BASE_SIZE_PROPERTY = "pip_base_text_size"     # the system's text size, in points
BASE_STYLE_PROPERTY = "pip_base_style"        # the system's style name


def recorded_base_text_size(app: QApplication) -> float | None:
    """The system's text size recorded before the app's text size was first changed, or None
    while it never was."""
    value = app.property(BASE_SIZE_PROPERTY)
    return float(value) if value else None


def remember_base_text_size(app: QApplication, points: float) -> None:
    """Record ``points`` as the system's text size (before the app's text size changes it)."""
    app.setProperty(BASE_SIZE_PROPERTY, float(points))


def base_text_size(app: QApplication) -> float:
    """The system's text size: the recorded one, else the application's font now (recorded)."""
    base = recorded_base_text_size(app)
    if base is None:
        base = app.font().pointSizeF()
        remember_base_text_size(app, base)
    return base


def scale_marks(points: float, base_points: float) -> None:
    """Marks and icons sized for text of ``points`` when the system's text is ``base_points``
    (the system's own style again at, or below, the normal size)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or base_points <= 0:
        return
    current = app.style()
    base_name = str(app.property(BASE_STYLE_PROPERTY) or current.name())
    app.setProperty(BASE_STYLE_PROPERTY, base_name)
    factor = points / base_points
    if factor <= 1.05:
        if isinstance(current, ScaledMarksStyle):
            app.setStyle(QStyleFactory.create(base_name))
        return
    if isinstance(current, ScaledMarksStyle) and abs(current.factor - factor) < 0.01:
        return
    app.setStyle(ScaledMarksStyle(base_name, factor))


def scale_app_text(step: int, largest: float) -> QFont | None:
    """One point bigger (``step`` 1) or smaller (-1), between 7 points and ``largest``, or the
    system's size again (0): the application's font, with the marks beside text scaled to
    match. Returns the font now used (None without an application)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    font = QFont(app.font())
    base = base_text_size(app)
    size = base if step == 0 else min(max(font.pointSizeF() + step, 7.0), largest)
    font.setPointSizeF(size)
    app.setFont(font)
    scale_marks(size, base)             # tick boxes and marks grow with the text
    return font
