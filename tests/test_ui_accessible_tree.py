"""What a screen reader gets from the accessibility interface (QAccessible, which Qt hands to
AT-SPI on Linux, UI Automation on Windows and NSAccessibility on macOS): in every panel each
button, tick box and choice says its visible words, and nothing focusable is left unnamed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget
from ui_support import demo_window_on

from pipwriter.ui.navigator import ALL_PANELS


def _words(text: str) -> str:
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")
    return " ".join(text.split())


def _problems(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None:
            found.append(f"{type(widget).__name__}: no accessible interface")
            continue
        spoken = " ".join((iface.text(QAccessible.Text.Name),
                           iface.text(QAccessible.Text.Description))).casefold()
        if isinstance(widget, QAbstractButton) and _words(widget.text()):
            if _words(widget.text()).casefold() not in spoken:
                found.append(f"button {widget.text()!r} is spoken as {spoken!r}")
        elif not spoken.strip() and not iface.text(QAccessible.Text.Value).strip() and \
                iface.role() not in (QAccessible.Role.Client, QAccessible.Role.Pane):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} has no name "
                         f"(role {iface.role()!r})")
    return found


@pytest.mark.parametrize("panel", ["section", *ALL_PANELS])
def test_every_panel_speaks_its_visible_words(controller, qtbot, panel):
    window = demo_window_on(controller, qtbot, panel, section=0)
    assert _problems(window) == []


def test_the_start_screen_speaks_its_visible_words(controller, qtbot):
    controller.show_start()
    assert _problems(controller.start) == []
