"""Letting go of a key in the article text ends there: Qt would pass the release on to each box
the editor sits in, some of which watch for changes of size in Python, at every key (issue
23). The keys themselves still type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest


class _Releases(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyRelease:
            self.seen += 1
        return False


def test_a_key_let_go_of_in_the_text_goes_no_further(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    watchers = []
    box = editor.parentWidget()
    while box is not None:
        watcher = _Releases()
        box.installEventFilter(watcher)
        watchers.append((box, watcher))
        box = box.parentWidget()
    assert len(watchers) >= 4
    before = editor.document().characterCount()
    QTest.keyClicks(editor, "ward")
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.document().characterCount() == before + 3
    assert [watcher.seen for _box, watcher in watchers] == [0] * len(watchers)
    for box, watcher in watchers:
        box.removeEventFilter(watcher)
