"""Puts the competing-interests panel in the main window and applies wizard results undoably."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from ..model.article.article import Article


def make_disclosure_panel(window):
    from .disclosure_panel import DisclosurePanel

    def open_wizard(author) -> None:
        run_disclosure_wizard(window, author.id)
        panel.refresh()
        panel.focus_item(author.id)     # back on this author's (new) button, not a lost one

    panel = DisclosurePanel(window.session.article, open_wizard,
                            current_article=lambda: window.session.article)
    return panel


def run_disclosure_wizard(window, author_id: str) -> bool:
    from .disclosure_wizard import DisclosureWizard
    session = window.session
    author = session.article.author(author_id)
    if author is None:
        return False
    wizard = DisclosureWizard(author, session.article.title, session.article.authors,
                              parent=window)
    wizard.resume()
    # its answers reach the article when it closes: until then, the recovery journal keeps them
    keeping = window.data_safety.field_typing
    keeping.hold_declaration(author_id, wizard.result_disclosure)
    try:
        if not window.run_dialog(wizard):
            return False
        result = wizard.result_disclosure()
    finally:
        keeping.release_declaration()

    if result.is_certified() and result.certified_fingerprint != \
            author.disclosure.certified_fingerprint:
        # confirmed now: by whom, as far as this computer knows ("" when nobody is chosen
        # in "I am"); the declaration says so, never that the author signed it unasked
        result.certified_by = window.coauthoring.me()

    def apply(article: Article) -> None:
        target = article.author(author_id)
        if target is not None:
            target.disclosure = result
    session.change(f"Competing interests of {author.name}", apply)
    return True


def accepted(dialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted
