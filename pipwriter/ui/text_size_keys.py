"""Bigger and smaller text on the windows before an article is open (the start screen and the
new-article wizard), as View › Bigger text does in an article's window: the keys Ctrl++,
Ctrl+- and Ctrl+0, and, on the start screen, two buttons. Found by a walk: a low-vision user's
first screens had no way to make the text bigger. The size is remembered for the next start."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .settings import Settings


def change_text_size(step: int, settings: Settings) -> None:
    """One point bigger (1), smaller (-1) or the system's size (0), in every window."""
    from .main_window import LARGEST_TEXT
    from .text_scale import scale_app_text
    font = scale_app_text(step, LARGEST_TEXT)
    if font is not None:
        settings.text_size = font.pointSizeF() if step else 0


def add_text_size_keys(widget: QWidget, settings: Settings) -> list[QAction]:
    """Ctrl++, Ctrl+- and Ctrl+0 change the text size while ``widget``'s window is active."""
    actions = []
    for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1),
                       (QKeySequence.StandardKey.ZoomOut, -1), ("Ctrl+0", 0)):
        action = QAction(widget)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, s=step: change_text_size(s, settings))
        widget.addAction(action)
        actions.append(action)
    return actions
