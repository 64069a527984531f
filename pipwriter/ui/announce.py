"""Saying something to a screen reader: a polite accessibility announcement (it waits for the
reader to finish what it is saying). Used for every message that appears in a label the
keyboard is not on: the status bar, Find and replace's result, the export's outcome (found by
a keyboard walk: those last two changed on screen and a screen reader said nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, message: str) -> None:
    """Announce ``message`` for ``widget`` (nothing for an empty message)."""
    if not message.strip():
        return
    # imported at the first message, not at start-up: making PySide6's accessibility
    # classes costs 2 ms before the window can first be painted (issue 23)
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
