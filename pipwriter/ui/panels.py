"""Which widget shows each non-section panel of the navigator."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def make_panel(key: str, window) -> QWidget:
    if key == "title":
        from .title_panel import TitlePanel
        return TitlePanel(window)
    if key == "key_messages":
        from .key_messages_panel import KeyMessagesPanel
        return KeyMessagesPanel(window)
    if key == "references":
        from .references_panel import ReferencesPanel
        return ReferencesPanel(window)
    if key == "authors":
        from .authors_panel import AuthorsPanel
        return AuthorsPanel(window)
    if key == "illustrations":
        from .illustrations_panel import IllustrationsPanel
        return IllustrationsPanel(window)
    if key == "competing_interests":
        from .disclosure_host import make_disclosure_panel
        return make_disclosure_panel(window)
    if key == "checklist":
        from .checklist_panel import ChecklistPanel
        return ChecklistPanel(window)
    raise KeyError(key)
