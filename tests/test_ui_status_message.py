"""A status message is shown whole, even on a 1,024-pixel-wide screen beside the saving state
(Qt's own status bar cut the end off one line), is announced to a screen reader, and goes
away after its time."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

LONG = ("Brought in Samira Okafor's copy: 3 paragraphs changed, 2 comments and 1 suggested "
        "change came with it. Undo takes it all back. Nothing of yours was changed.")


def _shown_whole(label) -> bool:
    room = label.contentsRect()
    needed = QFontMetrics(label.font()).boundingRect(
        QRect(0, 0, room.width(), 10_000), int(Qt.TextFlag.TextWordWrap), label.text())
    return label.isVisible() and label.text() == LONG and needed.height() <= room.height() \
        and needed.width() <= room.width()


def test_a_long_message_is_shown_whole_at_1024_pixels_and_announced(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.show()
    for width, height in ((1024, 600), (1366, 768)):
        window.resize(width, height)
        bar = window.statusBar()
        bar.showMessage(LONG, 300)
        qtbot.waitUntil(lambda bar=bar: _shown_whole(bar.message), timeout=2000)
        assert bar.currentMessage() == LONG and bar.announced[-1] == LONG
        assert window.width() <= width               # the window did not grow to fit it
        qtbot.waitUntil(lambda bar=bar: bar.currentMessage() == "", timeout=2000)
        assert not bar.message.text()
