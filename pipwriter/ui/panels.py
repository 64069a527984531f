"""Which widget shows each non-section panel of the navigator, and going to the text from any
of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget


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


def switch_page(stack: QStackedWidget, page: QWidget) -> None:
    """Show ``page`` in ``stack``. When the keyboard was on the page being left it goes
    straight to the new one: Qt first moved it to the next control after the stack (the word
    count) as the old page was hidden, and a screen reader said that button at every change of
    panel (keyboard walk 19b)."""
    old, focus = stack.currentWidget(), QApplication.focusWidget()
    if old is not None and old is not page and focus is not None and old.isAncestorOf(focus):
        page.show()                 # beside the old page for a moment, never painted so
        target = page.focusWidget() or _first_control(page)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
    stack.setCurrentWidget(page)


def _first_control(page: QWidget) -> QWidget | None:
    """The first control on ``page`` that Tab stops at."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page) and \
                widget.isEnabled():
            return widget
        widget = widget.nextInFocusChain()
    return None
