"""Choose which square of a photo to keep: drag it, use the keys, the wheel or the slider.

The arithmetic lives in :mod:`pipwriter.model.article.crop_geometry`; this module only draws the picture
with the square and turns mouse, wheel and key presses into calls to it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..model.article import crop_geometry as geo
from ..model.article.media import MediaRef
from .media_widgets import small_picture_warning, warning_label

VIEW_SIDE = 480          # the picture is shown fitting inside this many pixels
MARGIN = 4               # room round the picture for the focus frame
WHEEL_NOTCH = 120        # angle delta of one click of a mouse wheel
SHADE = QColor(0, 0, 0, 150)

HOW_TO = ("The bright square is the part of the photo that is kept. Arrow keys move it (hold "
          "Shift for bigger steps); plus makes it bigger and minus smaller. You can also drag "
          "it with the mouse and turn the mouse wheel to change its size.")


class CropView(QWidget):
    """The picture with the square drawn over it; the area outside the square is darkened."""

    selectionChanged = Signal()

    def __init__(self, image: QImage, parent=None):
        super().__init__(parent)
        if image.isNull():
            raise ValueError("there is no picture to crop")
        self._width, self._height = image.width(), image.height()
        self.scale = geo.fit_scale(self._width, self._height, VIEW_SIDE)
        self._shown = QSize(max(1, round(self._width * self.scale)),
                            max(1, round(self._height * self.scale)))
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = QPixmap.fromImage(image.scaled(
            self._shown * ratio, Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(ratio)
        self._pixmap = pixmap
        self._square = geo.largest_centred(self._width, self._height)
        self._grab: tuple[float, float] | None = None    # source offset of the mouse in the square
        self._wheel = 0
        self.setFixedSize(self._shown + QSize(2 * MARGIN, 2 * MARGIN))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAccessibleName("Photo with the square to keep")
        self.setAccessibleDescription(HOW_TO)
        self.setToolTip(HOW_TO)

    # --- the square ---------------------------------------------------------------------------
    def picture_size(self) -> tuple[int, int]:
        return self._width, self._height

    def square(self) -> geo.Square:
        return self._square

    def set_square(self, square) -> None:
        square = geo.clamp(square, self._width, self._height)
        if square != self._square:
            self._square = square
            self.update()
            self.selectionChanged.emit()

    def move_by(self, dx: int, dy: int) -> None:
        self.set_square(geo.move(self._square, dx, dy, self._width, self._height))

    def resize_to(self, side: int) -> None:
        self.set_square(geo.resize(self._square, side, self._width, self._height))

    def reset(self) -> None:
        self.set_square(geo.largest_centred(self._width, self._height))

    def smallest_side(self) -> int:
        return geo.smallest_side(self._width, self._height)

    def largest_side(self) -> int:
        return min(self._width, self._height)

    def view_rect(self) -> QRectF:
        """Where the square is drawn, in widget coordinates."""
        x, y, side = geo.to_view(self._square, self.scale)
        return QRectF(x + MARGIN, y + MARGIN, side, side)

    def _source_point(self, pos: QPointF) -> tuple[float, float]:
        return geo.to_source(pos.x() - MARGIN, pos.y() - MARGIN, self.scale)

    # --- drawing ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        picture = QRectF(MARGIN, MARGIN, self._shown.width(), self._shown.height())
        painter.drawPixmap(picture.topLeft(), self._pixmap)
        square = self.view_rect()
        for shade in (QRectF(picture.left(), picture.top(), picture.width(),
                             square.top() - picture.top()),
                      QRectF(picture.left(), square.bottom(), picture.width(),
                             picture.bottom() - square.bottom()),
                      QRectF(picture.left(), square.top(), square.left() - picture.left(),
                             square.height()),
                      QRectF(square.right(), square.top(), picture.right() - square.right(),
                             square.height())):
            if shade.width() > 0 and shade.height() > 0:
                painter.fillRect(shade, SHADE)
        painter.setPen(QPen(QColor("black"), 3))
        painter.drawRect(square.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setPen(QPen(QColor("white"), 1))
        painter.drawRect(square.adjusted(0.5, 0.5, -0.5, -0.5))
        if self.hasFocus():
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- keys, mouse and wheel ----------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        small, big = geo.steps(self._width, self._height)
        step = big if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else small
        key = event.key()
        moves = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
                 Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step)}
        # "+" needs Shift on many keyboards, so plus and minus always use the same step
        if key in moves:
            self.move_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.resize_to(self._square.side + 2 * small)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.resize_to(self._square.side - 2 * small)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        x, y = self._source_point(event.position())
        if not geo.contains(self._square, x, y):     # a click outside brings the square there
            self.set_square(geo.centred_on(self._square, x, y, self._width, self._height))
        self._grab = (x - self._square.left, y - self._square.top)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._grab is None:
            super().mouseMoveEvent(event)
            return
        x, y = self._source_point(event.position())
        self.set_square((round(x - self._grab[0]), round(y - self._grab[1]), self._square.side))
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self._grab is not None and event.button() == Qt.MouseButton.LeftButton:
            self._grab = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event) -> None:
        self._wheel += event.angleDelta().y()
        notches = int(self._wheel / WHEEL_NOTCH)           # towards zero, both directions
        if notches:
            self._wheel -= notches * WHEEL_NOTCH
            small, _ = geo.steps(self._width, self._height)
            self.resize_to(self._square.side + 2 * small * notches)
        event.accept()


class CropDialog(QDialog):
    """Show a picture and let the user choose the square to keep (in source pixels).

    ``minimum_side`` is the short side under which a photo may print blurred; a smaller square is
    allowed but gets a warning (0: no warning).
    """

    def __init__(self, image: QImage, minimum_side: int = 0, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Crop photo")
        self.minimum_side = int(minimum_side)
        self.view = CropView(image, self)
        intro = QLabel("Choose the part of the photo to &keep:")
        intro.setBuddy(self.view)
        how = QLabel("Drag the square or use the arrow keys to move it. Turn the mouse wheel, "
                     "or press the + and - keys, to change its size.")
        how.setWordWrap(True)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName("Size of the square, in pixels of the photo")
        small, big = geo.steps(*self.view.picture_size())
        self.slider.setRange(self.view.smallest_side(), self.view.largest_side())
        self.slider.setSingleStep(small)
        self.slider.setPageStep(big)
        self.slider.setValue(self.view.square().side)
        self.slider.valueChanged.connect(self.view.resize_to)
        size_label = QLabel("Size of the &square:")
        size_label.setBuddy(self.slider)
        self.reset_button = QPushButton("&Reset")
        self.reset_button.setAccessibleName("Reset: the largest square in the middle")
        self.reset_button.setToolTip("Go back to the largest square in the middle of the photo")
        self.reset_button.clicked.connect(self.view.reset)
        size_row = QHBoxLayout()
        size_row.addWidget(size_label)
        size_row.addWidget(self.slider, 1)
        size_row.addWidget(self.reset_button)

        self.result_label = QLabel()
        self.result_label.setAccessibleDescription("Size of the cropped photo")
        self.warning = warning_label()
        self.warning.setAccessibleDescription("Warning about the size")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.crop_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.crop_button.setText("&Crop")
        self.crop_button.setAccessibleName("Crop the photo to this square")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setAccessibleName("Cancel: leave the photo as it is")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(how)
        layout.addLayout(size_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.view.selectionChanged.connect(self._update)
        self._update()
        from .screen_fit import fit_dialog
        fit_dialog(self)                # scrolls on a small screen or with big text
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def selection(self) -> tuple[int, int, int, int]:
        """(left, top, side, side) of the chosen square, in pixels of the original picture."""
        return self.view.square().rect()

    def set_selection(self, left: int, top: int, side: int) -> None:
        """Choose a square (moved and resized as needed to be allowed)."""
        self.view.set_square((left, top, side))

    def _update(self) -> None:
        side = self.view.square().side
        if self.slider.value() != side:
            self.slider.blockSignals(True)
            self.slider.setValue(side)
            self.slider.blockSignals(False)
        self.result_label.setText(f"The cropped photo will be {side:,} × {side:,} pixels.")
        text = small_picture_warning(MediaRef("", width=side, height=side), self.minimum_side)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self._fit_height()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Room for the wrapped text at the present width (a window's layout does not ask its
        word-wrapped labels how tall they need to be)."""
        from .screen_fit import content_layout, room_for
        layout = content_layout(self)
        if layout is None:
            return
        layout.activate()
        needed = min(layout.totalHeightForWidth(self.width()), room_for(self).height())
        if needed > 0 and self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
            if self.height() < needed:
                self.resize(self.width(), needed)
