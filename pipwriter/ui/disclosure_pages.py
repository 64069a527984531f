"""The pages of the competing-interests wizard (:mod:`.disclosure_wizard`): the introduction
(the full or the quick path), one page per ICMJE question, the confirmation, and the summary with
the author's statement and the article's combined declaration. Each page reads and changes the
wizard's working copy (``wizard.working``)."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..model.interests.icmje import IcmjeItem, long_date, since_date
from ..model.interests.statements import (
    disclosure_form,
    disclosure_form_text,
    generated_statement,
)
from .disclosure_entries import EntriesEditor, named, text_label
from .keyboard import ctrl_tab_types_tab
from .screen_fit import show_in_view
from .spell_line_edit import attach_spelling, mark_field

if TYPE_CHECKING:
    from .disclosure_wizard import DisclosureWizard


class IntroPage(QWizardPage):
    def __init__(self, wizard: DisclosureWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(f"Competing interests: {wizard.author.name}")
        self.setSubTitle("Each author does this, even with nothing to say.")
        title = wizard.article_title.strip() or "(no title yet)"
        about = text_label(
            f"The BMJ asks each author 13 short questions about money and links that "
            f"readers should know of. This is for the article “{title}”. The questions come "
            "from a form made by the ICMJE (a group of medical journal editors).\n\n"
            "Tell the journal about any link with a company, charity or group that the article "
            "could touch. Saying so does not mean you did wrong.\n\n"
            f"Question 1 has no time limit. Questions 2 to 13 cover the past 3 years: "
            f"{since_date(wizard.today)}.")
        self.number_edit = named(QLineEdit(wizard.working.manuscript_number),
                                  "Manuscript number, if the journal gave you one")
        self.number_edit.setPlaceholderText("Leave this empty if you have not sent it yet")
        self.number_edit.textChanged.connect(self._number_edited)
        number_label = QLabel("&Manuscript number (the journal's number for it):")
        number_label.setBuddy(self.number_edit)
        self.full_radio = named(QRadioButton("&Go through each question"),
                                 "Go through each question")
        self.quick_radio = named(QRadioButton("I have no&thing to declare"),
                                  "I have nothing to declare")
        self.questions = text_label("<ol>" + "".join(f"<li>{html.escape(item.question)}</li>"
                                                 for item in wizard.items) + "</ol>", rich=True)
        self.questions.setAccessibleDescription("The 13 questions")
        # the sentence wraps above a short tick box: one long line made the page wider than
        # the window at the largest text, the tick square out of sight (found by a walk)
        self.quick_statement = text_label("None of these 13 questions is true for me.")
        # the name begins with the words on the box, so speaking them (voice control) finds it
        # (WCAG 2.5.3; found by a walk), and then says what "them" is
        self.quick_confirm = named(
            QCheckBox("I have &read them, and this is complete and true."),
            "I have read them, and this is complete and true: none of these 13 questions is "
            "true for me.")
        self.quick_confirm.toggled.connect(self._quick_confirmed)
        self.quick_help = text_label("")
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
        layout.addWidget(self.quick_statement)
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
        self.quick_statement.setVisible(quick)
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
        self.heading = text_label(f"<h3>{html.escape(item.question)}</h3>", rich=True)
        self.heading.setAccessibleDescription(f"Question {item.number} of 13")
        # at the text's own size: <small> stayed small at the largest text (found by a walk)
        self.form_title = text_label(f"<i>On the ICMJE form: {html.escape(item.title)}</i>",
                                     rich=True)
        explanation = text_label(item.explanation)
        examples = text_label("For example:<ul>" + "".join(f"<li>{html.escape(e)}</li>"
                                                       for e in item.examples) + "</ul>",
                          rich=True)
        self.quick_note = text_label("You said you have nothing to declare. Read this question. "
                                 "If it is not true for you, keep “None” and choose Next.")
        self.quick_note.setAccessibleDescription("Note")
        self.none_radio = named(QRadioButton("N&one"), f"None for question {item.number}")
        self.yes_radio = named(QRadioButton("&Yes, I have something to declare"),
                                f"Yes, I have something to declare for question {item.number}")
        for radio in (self.none_radio, self.yes_radio):   # what a screen reader says with it
            radio.setAccessibleDescription(item.question)
        self.group = QButtonGroup(self)
        self.group.addButton(self.none_radio)
        self.group.addButton(self.yes_radio)
        self.none_radio.toggled.connect(self._answer_changed)
        self.yes_radio.toggled.connect(self._answer_changed)
        self.editor = EntriesEditor(item.number, spelling=wizard.spelling,
                                    on_ignore=wizard.on_ignore)
        self.editor.changed.connect(self.completeChanged)
        self.hint = text_label("Add an entry, or choose None. Each entry needs at least who or "
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
        QTimer.singleShot(0, self, self._focus_answer)

    def _focus_answer(self) -> None:
        """The keyboard on the answer given (Qt put it on "None" whatever the answer, where
        Space changed a "Yes"), in view: at the largest text on a small screen it sat below the
        page's fold, unseen (both found by a keyboard walk)."""
        if not self.isVisible():
            return
        chosen = self.yes_radio if self.yes_radio.isChecked() else self.none_radio
        chosen.setFocus(Qt.FocusReason.OtherFocusReason)
        show_in_view(chosen)

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
        self.overview = named(QPlainTextEdit(), "Your answers")
        self.overview.setReadOnly(True)
        self.note = text_label("")
        self.note.setAccessibleDescription("Note")
        self.checkbox = named(QCheckBox("I &confirm these answers are complete and true"),
                               "I confirm these answers are complete and true")
        self.checkbox.toggled.connect(self._toggled)
        self.date_label = text_label("")
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
        self.overview.setPlainText(disclosure_form_text(form, plain=True))
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
        about = text_label("This is the wording that goes into the article for you. You can "
                       "change it; your answers stay as they are.")
        self.statement_edit = named(mark_field(QPlainTextEdit(), "statement"),
                                     "Your competing interests statement")
        attach_spelling(self.statement_edit, wizard.spelling, wizard.on_ignore)
        ctrl_tab_types_tab(self.statement_edit)     # Tab moves on; Ctrl+Tab types a tab
        self.statement_edit.textChanged.connect(self._edited)
        statement_label = QLabel("&Your statement:")
        statement_label.setBuddy(self.statement_edit)
        self.note = text_label("")
        self.note.setAccessibleDescription("Note about your wording")
        self.regenerate_button = named(QPushButton("&Regenerate wording"),
                                        "Regenerate wording from your answers")
        self.regenerate_button.clicked.connect(self.regenerate)
        self.combined_view = named(QPlainTextEdit(), "The article's combined declaration")
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
