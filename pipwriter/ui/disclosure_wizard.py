"""The competing-interests wizard: one author walks through the 13 ICMJE items, certifies, and
sees their statement and the article's combined declaration.

The wizard edits a COPY of the author's disclosure; the caller applies :meth:`result_disclosure`
when the wizard is accepted (so the change can be undone). Wording comes from the model
(:mod:`pipwriter.model.interests.statements`); item texts from ``resources/icmje/items.json``.
"""

from __future__ import annotations

import copy
import dataclasses
import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..model.article.author import Author
from ..model.interests.disclosure import Disclosure, DisclosureEntry
from ..model.interests.icmje import IcmjeItem, load_items, long_date, since_date
from ..model.interests.statements import (
    combined_statement,
    disclosure_form,
    disclosure_form_text,
    generated_statement,
)
from .keyboard import AsksBeforeCancel, ctrl_tab_types_tab
from .spell_line_edit import SpellLineEdit, attach_spelling, mark_field

PAID_CHOICES = (("Not stated", ""), ("To me", "me"), ("To my organisation", "organisation"),
                ("Not paid", "not_paid"))


def _label(text: str, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


def _named(widget, name: str):
    widget.setAccessibleName(name)
    return widget


class EntriesEditor(QWidget):
    """A list of entries (who, what, paid to, comments) with Add/Remove and fields for the
    selected entry. Edits the given list of DisclosureEntry objects in place."""

    changed = Signal()

    def __init__(self, number: int, parent=None, *, spelling=None, on_ignore=None):
        super().__init__(parent)
        self.entries: list[DisclosureEntry] = []
        self._loading = False
        self.list = _named(QListWidget(), f"Entries for item {number}")
        self.list.currentRowChanged.connect(self._show_current)
        self.add_button = _named(QPushButton("&Add an entry"), "Add an entry")
        self.remove_button = _named(QPushButton("Re&move entry"), "Remove entry")
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        # "who" names an organisation (not spell-checked); "what" and "comments" are prose
        self.who_edit = _named(mark_field(QLineEdit(), "entity"),
                               "Who: company, charity or organisation")
        self.who_edit.setPlaceholderText("e.g. Stroke Club, or Acme Drugs Ltd")
        self.what_edit = _named(SpellLineEdit(spelling, on_ignore, field="what"),
                                "What: your role, or what was paid or given")
        self.what_edit.setPlaceholderText("e.g. unpaid trustee, or speaker fee for one talk")
        self.paid_combo = _named(QComboBox(), "Paid to")
        for text, value in PAID_CHOICES:
            self.paid_combo.addItem(text, value)
        self.comments_edit = _named(SpellLineEdit(spelling, on_ignore, field="comments"),
                                    "Comments")
        self.comments_edit.setPlaceholderText("Anything else, e.g. when it started or ended")
        self.who_edit.textChanged.connect(lambda t: self._set_field("entity", t))
        self.what_edit.textChanged.connect(lambda t: self._set_field("what", t))
        self.comments_edit.textChanged.connect(lambda t: self._set_field("comments", t))
        self.paid_combo.currentIndexChanged.connect(
            lambda i: self._set_field("paid_to", self.paid_combo.itemData(i) or ""))
        form = QFormLayout()
        for text, field in (("&Who:", self.who_edit), ("W&hat:", self.what_edit),
                            ("&Paid to:", self.paid_combo), ("&Comments:", self.comments_edit)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)

    def set_entries(self, entries: list[DisclosureEntry]) -> None:
        self.entries = entries
        self.list.clear()
        for entry in entries:
            self.list.addItem(self._row_text(entry))
        self.list.setCurrentRow(0 if entries else -1)
        self._show_current(self.list.currentRow())

    @staticmethod
    def _row_text(entry: DisclosureEntry) -> str:
        who = entry.entity.strip() or "(who?)"
        return f"{who} — {entry.what.strip()}" if entry.what.strip() else who

    def current(self) -> DisclosureEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_current(self, _row: int = -1) -> None:
        entry = self.current()
        for field in (self.who_edit, self.what_edit, self.paid_combo, self.comments_edit,
                      self.remove_button):
            field.setEnabled(entry is not None)
        entry = entry or DisclosureEntry()
        self._loading = True
        self.who_edit.setText(entry.entity)
        self.what_edit.setText(entry.what)
        self.comments_edit.setText(entry.comments)
        self.paid_combo.setCurrentIndex(max(self.paid_combo.findData(entry.paid_to), 0))
        self._loading = False

    def _set_field(self, name: str, value: str) -> None:
        entry = self.current()
        if entry is None or self._loading:
            return
        setattr(entry, name, value)
        self.list.currentItem().setText(self._row_text(entry))
        self.changed.emit()

    def add_entry(self) -> None:
        self.entries.append(DisclosureEntry())
        self.list.addItem(self._row_text(self.entries[-1]))
        self.list.setCurrentRow(len(self.entries) - 1)
        self.who_edit.setFocus()
        self.changed.emit()

    def remove_entry(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            return
        del self.entries[row]
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, len(self.entries) - 1))
        self._show_current()
        self.changed.emit()


class IntroPage(QWizardPage):
    def __init__(self, wizard: DisclosureWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(f"Competing interests: {wizard.author.name}")
        self.setSubTitle("Each author does this, even with nothing to say.")
        title = wizard.article_title.strip() or "(no title yet)"
        about = _label(
            f"The BMJ asks each author 13 short questions about money and links that "
            f"readers should know of. This is for the article “{title}”. The questions come "
            "from a form made by the ICMJE (a group of medical journal editors).\n\n"
            "Tell the journal about any link with a company, charity or group that the article "
            "could touch. Saying so does not mean you did wrong.\n\n"
            f"Question 1 has no time limit. Questions 2 to 13 cover the past 3 years: "
            f"{since_date(wizard.today)}.")
        self.number_edit = _named(QLineEdit(wizard.working.manuscript_number),
                                  "Manuscript number, if the journal gave you one")
        self.number_edit.setPlaceholderText("Leave this empty if you have not sent it yet")
        self.number_edit.textChanged.connect(self._number_edited)
        number_label = QLabel("&Manuscript number (the journal's number for it):")
        number_label.setBuddy(self.number_edit)
        self.full_radio = _named(QRadioButton("&Go through each question"),
                                 "Go through each question")
        self.quick_radio = _named(QRadioButton("I have no&thing to declare"),
                                  "I have nothing to declare")
        self.questions = _label("<ol>" + "".join(f"<li>{html.escape(item.question)}</li>"
                                                 for item in wizard.items) + "</ol>", rich=True)
        self.questions.setAccessibleDescription("The 13 questions")
        self.quick_confirm = _named(
            QCheckBox("I have &read these 13 questions. None of them is true for me, and "
                      "this is complete and true."),
            "I have read these 13 questions. None of them is true for me, and this is "
            "complete and true.")
        self.quick_confirm.toggled.connect(self._quick_confirmed)
        self.quick_help = _label("")
        self.quick_help.setAccessibleDescription("What happens next")
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.quick_radio)
        self.full_radio.setChecked(True)
        self.quick_radio.toggled.connect(self._quick_chosen)
        if wizard.working.has_interests():
            self.quick_radio.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(number_label)
        layout.addWidget(self.number_edit)
        layout.addSpacing(8)
        layout.addWidget(self.full_radio)
        layout.addWidget(self.quick_radio)
        layout.addWidget(self.questions)
        layout.addWidget(self.quick_confirm)
        layout.addWidget(self.quick_help)
        layout.addStretch(1)
        self._show_quick()

    def _number_edited(self, text: str) -> None:
        self.wiz.working.manuscript_number = text.strip()

    def _quick_chosen(self, quick: bool) -> None:
        """Nothing to declare: every question is answered None at once; the author reads the
        list, ticks once and chooses Finish (three actions in all)."""
        self.wiz.set_quick(quick)
        if not quick:
            self.quick_confirm.setChecked(False)
        self._show_quick()
        self.completeChanged.emit()

    def _quick_confirmed(self, checked: bool) -> None:
        page = self.wiz.certify_page
        page.confirmed_fingerprint = (self.wiz.working.cleaned().fingerprint()
                                      if checked and self.wiz.quick else None)
        self._show_quick()
        self.completeChanged.emit()

    def _show_quick(self) -> None:
        quick = self.quick_radio.isChecked()
        self.questions.setVisible(quick)
        self.quick_confirm.setVisible(quick)
        if not self.quick_radio.isEnabled():
            text = "You have already declared something, so go through each question."
        elif not quick:
            text = ""
        elif self.quick_confirm.isChecked():
            text = ("Now choose Finish. Your statement will say you have nothing to declare. "
                    "Choose Next to read it first.")
        else:
            text = "Read the questions. If none is true for you, tick the box."
        self.quick_help.setText(text)
        self.quick_help.setVisible(bool(text))
        self.setFinalPage(quick and self.quick_confirm.isChecked())

    def isComplete(self) -> bool:
        return not self.quick_radio.isChecked() or self.quick_confirm.isChecked()

    def nextId(self) -> int:
        if self.quick_radio.isChecked():
            return self.wiz.summary_id
        return super().nextId()

    def validatePage(self) -> bool:
        self.wiz.set_quick(self.quick_radio.isChecked())
        return True


class ItemPage(QWizardPage):
    def __init__(self, wizard: DisclosureWizard, item: IcmjeItem):
        super().__init__()
        self.wiz, self.item = wizard, item
        # the wizard's title line never wraps, so a long item title would widen the wizard:
        # the page title stays short and the item's title is a wrapping heading in the page
        self.setTitle(f"Question {item.number} of 13")
        self.setSubTitle(f"Time frame: {item.period(wizard.today)}.")
        # headed by the plain question; the form's own title underneath, for those who need it
        self.heading = _label(f"<h3>{html.escape(item.question)}</h3>", rich=True)
        self.heading.setAccessibleDescription(f"Question {item.number} of 13")
        self.form_title = _label(f"<small>On the ICMJE form: {html.escape(item.title)}</small>",
                                 rich=True)
        explanation = _label(item.explanation)
        examples = _label("For example:<ul>" + "".join(f"<li>{html.escape(e)}</li>"
                                                       for e in item.examples) + "</ul>",
                          rich=True)
        self.quick_note = _label("You said you have nothing to declare. Read this question. "
                                 "If it is not true for you, keep “None” and choose Next.")
        self.quick_note.setAccessibleDescription("Note")
        self.none_radio = _named(QRadioButton("N&one"), f"None for question {item.number}")
        self.yes_radio = _named(QRadioButton("&Yes, I have something to declare"),
                                f"Yes, I have something to declare for question {item.number}")
        self.group = QButtonGroup(self)
        self.group.addButton(self.none_radio)
        self.group.addButton(self.yes_radio)
        self.none_radio.toggled.connect(self._answer_changed)
        self.yes_radio.toggled.connect(self._answer_changed)
        self.editor = EntriesEditor(item.number, spelling=wizard.spelling,
                                    on_ignore=wizard.on_ignore)
        self.editor.changed.connect(self.completeChanged)
        self.hint = _label("Add an entry, or choose None. Each entry needs at least who or "
                           "what.")
        self.hint.setAccessibleDescription("What is still needed")
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.form_title, explanation, examples, self.quick_note,
                       self.none_radio, self.yes_radio):
            layout.addWidget(widget)
        layout.addWidget(self.editor, 4)
        layout.addWidget(self.hint)
        layout.addStretch(1)   # keeps the text together at the top while the entries are hidden
        self.completeChanged.connect(self._update_state)

    def answer(self):
        return self.wiz.working.item(self.item.number)

    def initializePage(self) -> None:
        answer = self.answer()
        self.group.setExclusive(False)          # allow "neither ticked" for unanswered items
        for radio, value in ((self.none_radio, "none"), (self.yes_radio, "entries")):
            radio.blockSignals(True)
            radio.setChecked(answer.answer == value)
            radio.blockSignals(False)
        self.group.setExclusive(True)
        self.editor.set_entries(answer.entries)
        self.quick_note.setVisible(self.wiz.quick)
        self._update_state()

    def _answer_changed(self, checked: bool) -> None:
        if not checked:
            return
        answer = self.answer()
        answer.answer = "entries" if self.yes_radio.isChecked() else "none"
        self.completeChanged.emit()
        if answer.answer == "entries" and not answer.entries:
            self.editor.add_entry()         # an empty entry to fill in, with the cursor in it

    def isComplete(self) -> bool:
        answer = self.answer()
        if answer.answer == "none":
            return True
        return (answer.answer == "entries" and bool(answer.entries)
                and all(e.entity.strip() or e.what.strip() for e in answer.entries))

    def _update_state(self) -> None:
        yes = self.yes_radio.isChecked()
        self.editor.setVisible(yes)
        self.hint.setVisible(yes and not self.isComplete())
        confirm = self.wiz.quick and self.none_radio.isChecked()
        self.setButtonText(QWizard.WizardButton.NextButton,
                           "Confirm &none and continue" if confirm else self.wiz.next_text)


class CertifyPage(QWizardPage):
    def __init__(self, wizard: DisclosureWizard):
        super().__init__()
        self.wiz = wizard
        self.visited = False
        self.confirmed_fingerprint: str | None = None
        self.setTitle("Check and confirm your answers")
        self.setSubTitle("Read your answers below. Go Back to change any of them.")
        self.overview = _named(QPlainTextEdit(), "Your answers")
        self.overview.setReadOnly(True)
        self.note = _label("")
        self.note.setAccessibleDescription("Note")
        self.checkbox = _named(QCheckBox("I &confirm these answers are complete and true"),
                               "I confirm these answers are complete and true")
        self.checkbox.toggled.connect(self._toggled)
        self.date_label = _label("")
        self.date_label.setAccessibleDescription("Date of confirmation")
        layout = QVBoxLayout(self)
        layout.addWidget(self.overview, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.date_label)

    def initializePage(self) -> None:
        self.visited = True
        cleaned = self.wiz.working.cleaned()
        fingerprint = cleaned.fingerprint()
        form = disclosure_form(self.wiz.author_with(cleaned), self.wiz.items,
                               self.wiz.article_title, self.wiz.today)
        self.overview.setPlainText(disclosure_form_text(form))
        ticked = cleaned.is_certified() or self.confirmed_fingerprint == fingerprint
        self.checkbox.blockSignals(True)
        self.checkbox.setChecked(ticked)
        self.checkbox.blockSignals(False)
        self.confirmed_fingerprint = fingerprint if ticked else None
        if cleaned.needs_recertification():
            self.note.setText("Your answers have changed since you confirmed them on "
                              f"{_written(cleaned.certified_on)}. Please read them again and "
                              "confirm them again.")
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self._show_date()

    def _toggled(self, checked: bool) -> None:
        self.confirmed_fingerprint = (self.wiz.working.cleaned().fingerprint() if checked
                                      else None)
        self._show_date()
        self.completeChanged.emit()

    def _show_date(self) -> None:
        cleaned = self.wiz.working.cleaned()
        if self.checkbox.isChecked() and cleaned.is_certified():
            self.date_label.setText(f"Confirmed on {_written(cleaned.certified_on)}.")
        else:
            self.date_label.setText(f"Date: {long_date(self.wiz.today)}")

    def isComplete(self) -> bool:
        return self.checkbox.isChecked()


class SummaryPage(QWizardPage):
    def __init__(self, wizard: DisclosureWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Your statement")
        about = _label("This is the wording that goes into the article for you. You can "
                       "change it; your answers stay as they are.")
        self.statement_edit = _named(mark_field(QPlainTextEdit(), "statement"),
                                     "Your competing interests statement")
        attach_spelling(self.statement_edit, wizard.spelling, wizard.on_ignore)
        ctrl_tab_types_tab(self.statement_edit)     # Tab moves on; Ctrl+Tab types a tab
        self.statement_edit.textChanged.connect(self._edited)
        statement_label = QLabel("&Your statement:")
        statement_label.setBuddy(self.statement_edit)
        self.note = _label("")
        self.note.setAccessibleDescription("Note about your wording")
        self.regenerate_button = _named(QPushButton("&Regenerate wording"),
                                        "Regenerate wording from your answers")
        self.regenerate_button.clicked.connect(self.regenerate)
        self.combined_view = _named(QPlainTextEdit(), "The article's combined declaration")
        self.combined_view.setReadOnly(True)
        combined_label = QLabel("The article's &combined declaration (all authors):")
        combined_label.setBuddy(self.combined_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.regenerate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(statement_label)
        layout.addWidget(self.statement_edit, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(combined_label)
        layout.addWidget(self.combined_view, 1)

    def generated(self) -> str:
        return generated_statement(self.wiz.author_with(self.wiz.working), self.wiz.items)

    def initializePage(self) -> None:
        self.statement_edit.setPlainText(self.wiz.working.custom_statement or self.generated())
        self._edited()

    def regenerate(self) -> None:
        self.statement_edit.setPlainText(self.generated())

    def _edited(self) -> None:
        text = self.statement_edit.toPlainText().strip()
        generated = self.generated()
        self.wiz.working.custom_statement = "" if text == generated else text
        if not text:
            self.note.setText("If you leave this empty, the words made from your answers are used.")
        elif self.wiz.working.custom_statement:
            self.note.setText("You have changed the wording: your version is used. If you "
                              "change your answers later, choose Regenerate wording.")
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.regenerate_button.setEnabled(bool(self.wiz.working.custom_statement))
        self.combined_view.setPlainText(self.wiz.combined())


def _written(iso: str) -> str:
    try:
        return long_date(date.fromisoformat(iso))
    except ValueError:
        return iso


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
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
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

