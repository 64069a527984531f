"""Small drawn icons for the navigator's status marks (no image files needed)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..model.rules.progress import DONE, EMPTY, PROBLEM, STARTED
from .colours import HALO, MARK_DONE, MARK_EMPTY, MARK_PROBLEM, MARK_STARTED

# what a screen reader says after the panel's name (the marks are explained in Help)
STATUS_TEXT = {EMPTY: "nothing written yet", STARTED: "something to look at",
               DONE: "done", PROBLEM: "something to fix"}


def _halo(painter: QPainter) -> None:
    """A white disc under every mark, so it stays outlined on the dark selection colour."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(HALO))
    painter.drawEllipse(QRectF(1, 1, 30, 30))


@cache
def status_icon(status: str) -> QIcon:
    """The mark of ``status``; blank for "" (not worked out yet), so the names still line up."""
    pixmap = QPixmap(64, 64)          # drawn at twice the size: sharp when the text is big
    pixmap.fill(Qt.GlobalColor.transparent)
    if not status:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.scale(2, 2)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _halo(painter)
    rect = QRectF(4, 4, 24, 24)
    if status == EMPTY:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(MARK_EMPTY), 3))
        painter.drawEllipse(rect)
    elif status == PROBLEM:      # a red circle with an exclamation mark
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MARK_PROBLEM))
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor("white"), 3.5))
        painter.drawLine(QPointF(16, 9), QPointF(16, 18))
        painter.drawPoint(QPointF(16, 23))
    elif status == STARTED:
        painter.setPen(QPen(QColor(MARK_STARTED), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        painter.setBrush(QColor(MARK_STARTED))
        painter.drawPie(rect, 90 * 16, 180 * 16)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MARK_DONE))
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor("white"), 3.5))
        painter.drawPolyline([QPointF(10, 16.5), QPointF(14.5, 21), QPointF(22, 11)])
    painter.end()
    return QIcon(pixmap)


@cache
def checklist_icon() -> QIcon:
    """The submission checklist's mark: a small list with ticks, so its row lines up with the
    status marks above it."""
    pixmap = QPixmap(64, 64)          # drawn at twice the size: sharp when the text is big
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.scale(2, 2)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(HALO))
    painter.drawRoundedRect(QRectF(3, 1, 26, 30), 4, 4)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    blue = QColor(38, 92, 160)
    painter.setPen(QPen(blue, 2.5))
    painter.drawRoundedRect(QRectF(6, 4, 20, 24), 3, 3)
    for y in (11, 17, 23):
        painter.drawPolyline([QPointF(9.5, y - 0.5), QPointF(11.5, y + 1.5), QPointF(14.5, y - 2.5)])
        painter.drawLine(QPointF(17, y), QPointF(23, y))
    painter.end()
    return QIcon(pixmap)
