"""The competing-interests wizard: one author walks through the 13 ICMJE items, certifies, and
sees their statement and the article's combined declaration.

The wizard edits a COPY of the author's disclosure; the caller applies :meth:`result_disclosure`
when the wizard is accepted (so the change can be undone). Wording comes from the model
(:mod:`pipwriter.model.interests.statements`); item texts from ``resources/icmje/items.json``.
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QWizard,
)

from ..model.article.author import Author
from ..model.interests.disclosure import Disclosure
from ..model.interests.icmje import load_items
from ..model.interests.statements import (
    combined_statement,
)
from .disclosure_pages import CertifyPage, IntroPage, ItemPage, SummaryPage
from .wizard_cancel import AsksBeforeCancel


class DisclosureWizard(AsksBeforeCancel):
    """Walks one author through the disclosure. Never changes ``author``; see
    :meth:`result_disclosure`. "Save and finish later" accepts with the answers so far."""

    def __init__(self, author: Author, article_title: str, authors: list[Author],
                 today: date | None = None, parent=None, *, spelling=None, on_ignore=None):
        """``spelling`` (a SpellEngine) checks the prose fields, and ``on_ignore(word)`` keeps
        "Ignore in this article"; both default to the parent window's open article."""
        super().__init__(parent)
        session = getattr(parent, "session", None)
        self.spelling = spelling if spelling is not None else getattr(session, "spelling", None)
        self.on_ignore = on_ignore if on_ignore is not None else \
            getattr(session, "ignore_word", None)
        self.author = author
        self.article_title = article_title
        self.authors = list(authors)
        self.today = today or date.today()
        self.items = load_items()
        self.working: Disclosure = copy.deepcopy(author.disclosure)
        self.quick = False
        self._quick_filled: set[int] = set()
        self.saved_for_later = False
        self.setWindowTitle(f"Competing interests — {author.name}")
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        # Back stays (greyed) on the first page, so the buttons keep their places from page to
        # page: without it "Save and finish later" moved, and a walk pressed Back by mistake
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, False)
        self.setButtonText(QWizard.WizardButton.CustomButton1, "&Save and finish later")
        self.customButtonClicked.connect(self._custom_button)
        self.next_text = self.buttonText(QWizard.WizardButton.NextButton)
        for which, name in ((QWizard.WizardButton.NextButton, "Next"),
                            (QWizard.WizardButton.BackButton, "Back"),
                            (QWizard.WizardButton.FinishButton, "Finish"),
                            (QWizard.WizardButton.CommitButton, "Commit"),
                            (QWizard.WizardButton.CancelButton, "Cancel without saving"),
                            (QWizard.WizardButton.CustomButton1, "Save and finish later")):
            self.button(which).setAccessibleName(name)
        self.intro_page = IntroPage(self)
        self.item_pages = [ItemPage(self, item) for item in self.items]
        self.certify_page = CertifyPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.intro_page, *self.item_pages, self.certify_page):
            self.addPage(page)
        self.summary_id = self.addPage(self.summary_page)
        self.setMinimumWidth(720)    # the pages' text wraps, so the width stays put
        from .screen_fit import fit_wizard
        fit_wizard(self, 760, 640)     # smaller on a small screen, its pages scrolling
        self.ask_before_cancel()       # Escape or Cancel asks first once an answer changed
        self.currentIdChanged.connect(self._page_shown)

    def resume(self) -> None:
        """Continuing a declaration saved for later: open at the first question not answered
        yet (or at the confirmation, all answered), the pages before it behind Back. Found by
        a walk: "Continue declaration" started again at the first page."""
        if self.working.is_certified() or not self.working.is_started():
            return
        target = next((page for page in self.item_pages if not page.isComplete()),
                      self.certify_page)
        self.restart()
        while self.currentPage() is not target and self.currentPage().isComplete():
            before = self.currentId()
            self.next()
            if self.currentId() == before:      # a page that would not let us on: stay there
                break

    def has_typed_content(self) -> bool:
        """True once an answer, entry or the statement differs from what the author had."""
        return self.working != self.author.disclosure

    # --- helpers used by the pages ---------------------------------------------------------
    def set_quick(self, quick: bool) -> None:
        """The quick path pre-answers "None" for every question not yet answered; leaving it
        clears those pre-answers again (answers the author gave are never touched)."""
        if quick == self.quick:
            return
        self.quick = quick
        if quick:
            for number in range(1, 14):
                item = self.working.item(number)
                if not item.answer:
                    item.answer = "none"
                    self._quick_filled.add(number)
        else:
            for number in self._quick_filled:
                if self.working.item(number).answer == "none":
                    self.working.item(number).answer = ""
            self._quick_filled.clear()

    def author_with(self, disclosure: Disclosure) -> Author:
        return dataclasses.replace(self.author, disclosure=disclosure)

    def combined(self) -> str:
        mine = self.author_with(self.working)
        authors = [mine if a.id == self.author.id else a for a in self.authors]
        return combined_statement(authors, self.items)

    def _page_shown(self, _id: int) -> None:
        """On the last page the statement box would take the focus, and Enter would add a
        blank line to it: start on Finish instead (Tab reaches the box)."""
        if self.currentPage() is self.summary_page:
            finish = self.button(QWizard.WizardButton.FinishButton)
            if finish.isVisible() and finish.isEnabled():
                finish.setFocus(Qt.FocusReason.OtherFocusReason)

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.saved_for_later = True
            self.accept()

    # --- result ----------------------------------------------------------------------------
    def result_disclosure(self) -> Disclosure:
        """The answers as they stand: certified today if the author ticked the confirmation for
        exactly these answers (an earlier certification of the same answers keeps its date)."""
        result = self.working.cleaned()
        page = self.certify_page
        if page.confirmed_fingerprint is not None and \
                page.confirmed_fingerprint == result.fingerprint():
            if not result.is_certified():
                result.certify(self.today.isoformat())
        elif page.visited and not page.checkbox.isChecked() and result.is_certified():
            result.certified_on = result.certified_fingerprint = ""   # confirmation withdrawn
        return result

