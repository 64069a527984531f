"""Which widget shows each non-section panel of the navigator, and going to the text from any
of them."""

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


def go_to_text(window) -> None:
    """View › Go to the text: the keyboard into the text of the section on screen. From
    another panel the section shown last (else the first) is put on screen first: the text box
    used to take the keyboard out of sight, and what was typed went into a section nobody could
    see (found by a keyboard walk). Nothing happens in an article with no sections."""
    if not window.current_section_id():
        article = window.session.article
        shown = article.section(window.section_panel.section_id)
        section = shown or (article.sections[0] if article.sections else None)
        if section is None:
            return
        window.open_panel(f"section:{section.id}")
    window.section_panel.editor.setFocus()
