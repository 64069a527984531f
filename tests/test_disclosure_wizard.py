"""The competing-interests wizard and panel, driven through their real widgets (never exec())."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWizard,
)

from pipwriter.model.article.author import Author
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.interests.statements import combined_statement
from pipwriter.ui.disclosure_panel import DisclosurePanel
from pipwriter.ui.disclosure_wizard import DisclosureWizard

TODAY = date(2026, 11, 21)
NEXT = QWizard.WizardButton.NextButton
SHORT_FORM = ("We have read and understood BMJ policy on declaration of interests and declare "
              "no competing interests.")


def none_author(name: str, certified_on: str = "") -> Author:
    author = Author(name)
    for n in range(1, 14):
        author.disclosure.item(n).answer = "none"
    if certified_on:
        author.disclosure.certify(certified_on)
    return author


@pytest.fixture
def open_wizard(qtbot):
    def make(author: Author, others: list[Author] = (), title: str = "Walking together"):
        wizard = DisclosureWizard(author, title, [author, *others], today=TODAY)
        qtbot.addWidget(wizard)
        wizard.show()
        return wizard
    return make


def go_next(wizard: DisclosureWizard) -> None:
    """What a user can do: press Next, which only works when the button is enabled."""
    assert wizard.button(NEXT).isEnabled(), f"Next is disabled on {wizard.currentPage().title()}"
    wizard.next()


def fill_entry(page, who: str, what: str, paid_to: str = "", comments: str = "") -> None:
    editor = page.editor
    editor.who_edit.setText(who)
    editor.what_edit.setText(what)
    editor.paid_combo.setCurrentIndex(editor.paid_combo.findData(paid_to))
    editor.comments_edit.setText(comments)


def answer_none_until(wizard: DisclosureWizard, page) -> None:
    while wizard.currentPage() is not page:
        wizard.currentPage().none_radio.setChecked(True)
        go_next(wizard)


def test_nothing_to_declare_lists_every_question_then_certifies(open_wizard):
    jo = Author("Jo Bloggs")
    wizard = open_wizard(jo, [none_author("Sam Smith", "2026-10-01")])
    intro = wizard.intro_page
    assert wizard.currentPage() is intro
    assert intro.questions.isHidden() and intro.quick_confirm.isHidden()
    intro.quick_radio.setChecked(True)
    for item in wizard.items:                          # every question is on screen
        assert item.question in intro.questions.text().replace("&#x27;", "'")
    assert not intro.quick_confirm.isHidden() and not intro.quick_confirm.isChecked()
    assert not wizard.button(NEXT).isEnabled()         # the tick is needed first
    intro.quick_confirm.setChecked(True)
    go_next(wizard)                                    # Next shows the statement
    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert summary.statement_edit.toPlainText() == "Jo Bloggs declares no competing interests."
    assert summary.combined_view.toPlainText() == SHORT_FORM
    wizard.accept()
    result = wizard.result_disclosure()
    assert all(result.item(n).answer == "none" for n in range(1, 14))
    assert result.certified_on == "2026-11-21" and result.is_certified()
    assert not jo.disclosure.is_started()          # the wizard worked on a copy


def test_item_pages_give_the_time_frame_with_the_date_written_out(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    assert wizard.item_pages[0].subTitle() == "Time frame: No time limit."
    assert wizard.item_pages[6].subTitle() == \
        "Time frame: In the past 36 months (since 21 November 2023)."


def test_entries_in_several_items(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"), [none_author("Sam Smith", "2026-10-01")])
    go_next(wizard)                                   # the full path is the default
    first = wizard.item_pages[0]
    assert not first.none_radio.isChecked() and not first.yes_radio.isChecked()
    assert not wizard.button(NEXT).isEnabled()        # an unanswered item blocks Next
    answer_none_until(wizard, wizard.item_pages[1])

    grants = wizard.item_pages[1]
    grants.yes_radio.setChecked(True)
    assert grants.editor.list.count() == 1            # an empty entry ready to fill in
    assert not wizard.button(NEXT).isEnabled() and not grants.hint.isHidden()
    fill_entry(grants, "NIHR", "evaluation of the clinic", "organisation")
    assert grants.editor.list.item(0).text() == "NIHR — evaluation of the clinic"
    assert grants.hint.isHidden()
    go_next(wizard)

    answer_none_until(wizard, wizard.item_pages[4])
    talks = wizard.item_pages[4]
    talks.yes_radio.setChecked(True)
    fill_entry(talks, "Acme Pharma", "speaker fee", "me", "one talk")
    talks.editor.add_button.click()
    assert not wizard.button(NEXT).isEnabled()        # the new entry is still blank
    fill_entry(talks, "Diabetes Together", "gift voucher", "me")
    go_next(wizard)

    answer_none_until(wizard, wizard.item_pages[9])
    roles = wizard.item_pages[9]
    roles.yes_radio.setChecked(True)
    fill_entry(roles, "Stroke Survivors Together", "trustee", "not_paid")
    go_next(wizard)
    answer_none_until(wizard, wizard.certify_page)

    overview = wizard.certify_page.overview.toPlainText()
    assert "   - NIHR: evaluation of the clinic; paid to my organisation" in overview
    # each item headed by the question the wizard asked, the form's own title under it
    talks_item = wizard.items[4]
    assert f"5. {talks_item.question}\n   On the ICMJE form: {talks_item.title}" in overview
    wizard.certify_page.checkbox.setChecked(True)
    go_next(wizard)
    statement = wizard.summary_page.statement_edit.toPlainText()
    assert statement.startswith("Jo Bloggs has received a grant or contract from NIHR "
                                "(evaluation of the clinic, paid to their organisation); ")
    assert "from Acme Pharma (speaker fee, paid to them, one talk) and Diabetes Together" \
        in statement
    assert statement.endswith("in Stroke Survivors Together (trustee, unpaid).")
    combined = wizard.summary_page.combined_view.toPlainText()
    assert combined.endswith(f"{statement.rstrip('.')}; Sam Smith has no interests to declare.")
    wizard.accept()

    result = wizard.result_disclosure()
    assert [n for n in range(1, 14) if result.item(n).answer == "entries"] == [2, 5, 10]
    assert result.item(2).entries == [DisclosureEntry("NIHR", "evaluation of the clinic",
                                                      "organisation", "")]
    assert [e.entity for e in result.item(5).entries] == ["Acme Pharma", "Diabetes Together"]
    assert result.item(10).entries[0].paid_to == "not_paid"
    assert result.is_certified()


def test_removing_the_only_entry_asks_for_an_entry_or_none(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    go_next(wizard)
    page = wizard.item_pages[0]
    page.yes_radio.setChecked(True)
    fill_entry(page, "A charity", "fee for my time", "me")
    assert wizard.button(NEXT).isEnabled()
    page.editor.remove_button.click()
    assert page.editor.list.count() == 0
    assert not wizard.button(NEXT).isEnabled()
    assert not page.editor.who_edit.isEnabled()
    page.none_radio.setChecked(True)
    assert wizard.button(NEXT).isEnabled()


def test_entries_typed_then_answered_none_are_not_kept(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    go_next(wizard)
    page = wizard.item_pages[0]
    page.yes_radio.setChecked(True)
    fill_entry(page, "A charity", "fee", "me")
    page.none_radio.setChecked(True)
    result = wizard.result_disclosure()
    assert result.item(1).answer == "none" and result.item(1).entries == []


def test_quick_path_is_not_offered_once_something_is_declared(open_wizard):
    jo = Author("Jo Bloggs")
    item = jo.disclosure.item(3)
    item.answer, item.entries = "entries", [DisclosureEntry("A publisher", "book royalties")]
    wizard = open_wizard(jo)
    assert not wizard.intro_page.quick_radio.isEnabled()
    assert "already declared" in wizard.intro_page.quick_help.text()
    go_next(wizard)
    answer_none_until(wizard, wizard.item_pages[2])
    page = wizard.item_pages[2]
    assert wizard.currentPage() is page
    assert page.yes_radio.isChecked()
    assert page.editor.who_edit.text() == "A publisher"
    assert wizard.result_disclosure().item(3).entries[0].what == "book royalties"


def test_leaving_the_quick_path_clears_its_none_answers(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    wizard.intro_page.quick_radio.setChecked(True)
    wizard.intro_page.quick_confirm.setChecked(True)
    go_next(wizard)
    wizard.back()
    wizard.intro_page.full_radio.setChecked(True)
    assert not wizard.intro_page.quick_confirm.isChecked()
    go_next(wizard)
    page = wizard.item_pages[0]
    assert not page.none_radio.isChecked() and not page.yes_radio.isChecked()
    assert page.quick_note.isHidden()
    assert not wizard.button(NEXT).isEnabled()


def certified_author() -> Author:
    jo = none_author("Jo Bloggs")
    item = jo.disclosure.item(10)
    item.answer = "entries"
    item.entries = [DisclosureEntry("Walk Club", "chair", "not_paid", "")]
    jo.disclosure.certify("2026-03-01")
    return jo


def test_reopening_prefills_and_unchanged_answers_keep_their_certification(open_wizard):
    jo = certified_author()
    wizard = open_wizard(jo)
    go_next(wizard)
    assert wizard.item_pages[0].none_radio.isChecked()
    answer_none_until(wizard, wizard.item_pages[9])
    roles = wizard.item_pages[9]
    assert roles.yes_radio.isChecked()
    assert roles.editor.who_edit.text() == "Walk Club"
    assert roles.editor.paid_combo.currentData() == "not_paid"
    go_next(wizard)
    answer_none_until(wizard, wizard.certify_page)
    page = wizard.certify_page
    assert page.checkbox.isChecked() and page.note.isHidden()
    assert page.date_label.text() == "Confirmed on 1 March 2026."
    go_next(wizard)
    wizard.accept()
    assert wizard.result_disclosure().certified_on == "2026-03-01"


def test_changed_answers_must_be_certified_again(open_wizard):
    jo = certified_author()
    wizard = open_wizard(jo)
    go_next(wizard)
    answer_none_until(wizard, wizard.item_pages[3])
    fees = wizard.item_pages[3]
    fees.yes_radio.setChecked(True)
    fill_entry(fees, "Acme", "advice on an inhaler", "me")
    go_next(wizard)
    answer_none_until(wizard, wizard.certify_page)
    page = wizard.certify_page
    assert not page.checkbox.isChecked()
    assert not page.note.isHidden()
    assert "changed since you confirmed them on 1 March 2026" in page.note.text()
    assert not wizard.button(NEXT).isEnabled()
    assert wizard.result_disclosure().needs_recertification()   # e.g. saved for later now
    page.checkbox.setChecked(True)
    go_next(wizard)
    wizard.accept()
    result = wizard.result_disclosure()
    assert result.is_certified() and result.certified_on == "2026-11-21"
    assert result.item(4).entries[0].entity == "Acme"
    assert jo.disclosure.item(4).answer == "none"   # the author is changed only by the caller


def test_ticking_then_going_back_and_changing_does_not_certify_the_change(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    go_next(wizard)
    answer_none_until(wizard, wizard.certify_page)
    wizard.certify_page.checkbox.setChecked(True)
    wizard.back()
    last = wizard.item_pages[12]
    last.yes_radio.setChecked(True)
    fill_entry(last, "", "my partner works for a device maker")
    wizard.button(QWizard.WizardButton.CustomButton1).click()      # Save and finish later
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.saved_for_later
    result = wizard.result_disclosure()
    assert result.item(13).answer == "entries" and not result.certified_on


def test_save_and_finish_later_keeps_partial_answers_uncertified(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    wizard.intro_page.number_edit.setText("bmj-2026-0042")
    go_next(wizard)
    answer_none_until(wizard, wizard.item_pages[3])
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    result = wizard.result_disclosure()
    assert [result.item(n).answer for n in range(1, 6)] == ["none", "none", "none", "", ""]
    assert result.manuscript_number == "bmj-2026-0042"
    assert not result.certified_on and not result.answered()


def test_continuing_a_declaration_opens_at_the_first_question_not_answered(qtbot):
    """Found by a walk: "Continue declaration" started again at the first page."""
    jo = Author("Jo Bloggs")
    for number in (1, 2, 3):
        jo.disclosure.item(number).answer = "none"
    wizard = DisclosureWizard(jo, "Walking together", [jo], today=TODAY)
    qtbot.addWidget(wizard)
    wizard.resume()
    wizard.show()
    assert wizard.currentPage() is wizard.item_pages[3]      # question 4
    wizard.back()                                           # the answered ones are behind Back
    assert wizard.currentPage() is wizard.item_pages[2]
    assert wizard.currentPage().none_radio.isChecked()
    fresh = Author("Sam Smith")                             # not started: the first page
    second = DisclosureWizard(fresh, "Walking together", [fresh], today=TODAY)
    qtbot.addWidget(second)
    second.resume()
    second.show()
    assert second.currentPage() is second.intro_page


def test_the_buttons_keep_their_places_from_the_first_page_to_the_next(open_wizard):
    """Found by a walk: "Save and finish later" sat elsewhere on the first page (Back was
    hidden there), and the walker pressed Back by mistake on the next."""
    wizard = open_wizard(Author("Jo Bloggs"))
    later = wizard.button(QWizard.WizardButton.CustomButton1)
    back = wizard.button(QWizard.WizardButton.BackButton)
    first = later.geometry()
    assert back.isVisible() and not back.isEnabled()
    go_next(wizard)
    assert later.geometry() == first and back.isEnabled()


def test_edited_wording_is_kept_apart_from_the_answers_and_can_be_regenerated(open_wizard):
    jo = none_author("Jo Bloggs", "2026-03-01")
    sam = none_author("Sam Smith", "2026-03-01")
    wizard = open_wizard(jo, [sam])
    for _ in range(15):
        go_next(wizard)
    summary = wizard.summary_page
    assert not summary.regenerate_button.isEnabled()
    own = "Jo Bloggs is a member of the hospital's patient panel."
    summary.statement_edit.setPlainText(own)
    assert summary.regenerate_button.isEnabled() and not summary.note.isHidden()
    assert summary.combined_view.toPlainText().endswith(
        "the following interests: Jo Bloggs is a member of the hospital's patient panel; "
        "Sam Smith has no interests to declare.")
    result = wizard.result_disclosure()
    assert result.custom_statement == own
    assert result.is_certified() and result.certified_on == "2026-03-01"   # wording only

    jo.disclosure = result                                   # the caller applies it ...
    again = open_wizard(jo, [sam])                           # ... and the author reopens
    for _ in range(15):
        go_next(again)
    assert again.summary_page.statement_edit.toPlainText() == own
    again.summary_page.regenerate_button.click()
    assert again.summary_page.statement_edit.toPlainText() == \
        "Jo Bloggs declares no competing interests."
    assert again.result_disclosure().custom_statement == ""
    assert again.summary_page.combined_view.toPlainText() == SHORT_FORM


def test_every_control_is_named_and_reachable_by_keyboard(open_wizard):
    wizard = open_wizard(Author("Jo Bloggs"))
    kinds = (QAbstractButton, QLineEdit, QComboBox, QListWidget, QPlainTextEdit)
    controls = [w for kind in kinds for w in wizard.findChildren(kind)]
    assert len(controls) > 13 * 9
    unnamed = [w for w in controls if not w.accessibleName()]
    assert unnamed == []
    from PySide6.QtCore import Qt
    untabbable = [w.accessibleName() for w in controls
                  if not w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert untabbable == []


# --- the panel -----------------------------------------------------------------------------
class _Article:
    def __init__(self, authors):
        self.authors = authors


def test_panel_lists_each_author_with_status_and_opens_their_wizard(qtbot):
    jo, sam, ana = Author("Jo Bloggs"), none_author("Sam Smith", "2026-11-21"), Author("Ana")
    ana.disclosure.item(1).answer = "none"
    opened = []
    panel = DisclosurePanel(_Article([jo, sam, ana]), opened.append)
    qtbot.addWidget(panel)
    assert panel.status_labels[jo.id].text() == "Not started"
    assert panel.status_labels[sam.id].text() == "Certified on 21 November 2026"
    assert panel.status_labels[ana.id].text() == "In progress"
    assert panel.buttons[jo.id].text() == "Complete declaration"
    assert panel.buttons[jo.id].accessibleName() == "Complete declaration for Jo Bloggs"
    assert panel.buttons[ana.id].text() == "Continue declaration"     # started, not finished
    assert panel.buttons[sam.id].text() == "Review declaration"
    panel.buttons[sam.id].click()
    assert opened == [sam]
    assert panel.combined.toPlainText() == combined_statement([jo, sam, ana])


def test_panel_refresh_shows_a_change_that_needs_certifying_again(qtbot):
    sam = none_author("Sam Smith", "2026-11-21")
    article = _Article([sam])
    panel = DisclosurePanel(article, lambda _a: None)
    qtbot.addWidget(panel)
    sam.disclosure.item(2).answer = "entries"
    sam.disclosure.item(2).entries = [DisclosureEntry("Acme", "grant")]
    panel.refresh()
    assert panel.status_labels[sam.id].text() == "Needs re-certifying"
    assert panel.buttons[sam.id].text() == "Review declaration"
    article.authors.append(Author("Ana Costa"))
    panel.refresh()
    assert list(panel.buttons) == [sam.id, article.authors[1].id]


def test_wizard_keeps_its_width_and_long_question_titles_wrap(open_wizard, qtbot):
    from PySide6.QtWidgets import QApplication, QLabel
    wizard = open_wizard(Author("Bethan Lloyd"))
    width = wizard.width()
    headings = {}
    while wizard.currentPage() is not wizard.certify_page:
        if wizard.currentPage() in wizard.item_pages:
            wizard.currentPage().none_radio.setChecked(True)
        go_next(wizard)
        QApplication.processEvents()
        page = wizard.currentPage()
        assert wizard.width() == width, page.title()   # question 5's long title must not widen it
        if page in wizard.item_pages:                  # its title wraps, shown in full
            headings[page.title()] = [(h.wordWrap(), h.height() >= h.heightForWidth(h.width()))
                                      for h in page.findChildren(QLabel)
                                      if page.item.title in h.text()]
    assert headings == {f"Question {n} of 13": [(True, True)] for n in range(1, 14)}
    assert wizard.item_pages[4].title() == "Question 5 of 13"


def test_last_page_starts_on_finish_so_enter_finishes(open_wizard, qtbot):
    from PySide6.QtCore import Qt
    jo = Author("Jo Bloggs")
    wizard = open_wizard(jo)
    go_next(wizard)
    answer_none_until(wizard, wizard.certify_page)
    wizard.certify_page.checkbox.setChecked(True)
    go_next(wizard)
    assert wizard.currentPage() is wizard.summary_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert wizard.focusWidget() is finish
    statement = wizard.summary_page.statement_edit.toPlainText()
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.summary_page.statement_edit.toPlainText() == statement   # no blank line


def test_panel_buttons_are_told_apart_by_a_screen_reader(qtbot):
    from PySide6.QtGui import QAccessible
    bethan, sam = Author("Bethan Lloyd"), none_author("Sam Smith", "2026-11-21")
    nameless = Author("")
    panel = DisclosurePanel(_Article([bethan, sam, nameless]), lambda _a: None)
    qtbot.addWidget(panel)
    spoken = [QAccessible.queryAccessibleInterface(panel.buttons[a.id]).text(QAccessible.Text.Name)
              for a in (bethan, sam, nameless)]
    assert spoken == ["Complete declaration for Bethan Lloyd",
                      "Review declaration for Sam Smith",
                      "Complete declaration for author 3 (no name yet)"]


def test_the_forms_own_title_is_at_the_texts_own_size(open_wizard):
    """Found by a walk: the "On the ICMJE form" line stayed small at the largest text."""
    wizard = open_wizard(Author("Jo Bloggs"))
    label = wizard.item_pages[0].form_title
    assert "<small>" not in label.text() and "On the ICMJE form: " in label.text()


def test_nothing_to_declare_fits_a_screen_at_200_percent_with_the_largest_text(open_wizard):
    """Found by a walk at 200 % (960 points across) with the largest text: the one long
    line of the tick box made the page scroll sideways, the tick square out of sight. The
    sentence now wraps above a short tick box."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from pipwriter.ui.main_window import LARGEST_TEXT
    before = QApplication.font()
    font = QFont(before)
    font.setPointSizeF(LARGEST_TEXT)
    QApplication.setFont(font)
    try:
        wizard = open_wizard(Author("Jo Bloggs"))
        intro = wizard.intro_page
        intro.quick_radio.setChecked(True)
        assert intro.quick_statement.isVisibleTo(wizard) and intro.quick_statement.wordWrap()
        assert intro.quick_confirm.sizeHint().width() <= 960 - 60
        # the name holds the words on the box (WCAG 2.5.3 label in name; found by a walk)
        shown = intro.quick_confirm.text().replace("&", "")
        assert intro.quick_confirm.accessibleName().startswith(shown.rstrip("."))
        from PySide6.QtWidgets import QAbstractButton
        for button in wizard.findChildren(QAbstractButton):
            words = " ".join(re.findall(r"[\w']+", button.text().replace("&", "")))
            name = " ".join(re.findall(r"[\w']+", button.accessibleName()))
            if words and name:
                assert words.lower() in name.lower(), button.text()
    finally:
        QApplication.setFont(before)


def test_each_question_puts_the_keyboard_on_the_answer_given_in_view_and_says_the_question(
        open_wizard, qtbot):
    """Keyboard walk: the keyboard went to "None" whatever the answer (Space there changed a
    "Yes"), below the fold at the largest text on a small screen, and a screen reader heard
    "None for question 10" without the question."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QScrollArea
    jo = certified_author()                      # "Yes" to question 10, "None" to the rest
    wizard = open_wizard(jo)
    wizard.resize(520, 330)                      # the answers are below the page's fold
    wizard.activateWindow()
    go_next(wizard)
    answer_none_until(wizard, wizard.item_pages[9])
    page = wizard.item_pages[9]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.yes_radio, timeout=2000)
    assert page.yes_radio.isChecked()
    assert page.item.question == page.yes_radio.accessibleDescription()
    area = next(a for a in wizard.findChildren(QScrollArea)
                if a.widget() is not None and a.widget().isAncestorOf(page.yes_radio))
    viewport = area.viewport()
    top = page.yes_radio.mapTo(viewport, QPoint(0, 0))
    assert area.verticalScrollBar().maximum() > 0            # it does scroll here
    assert 0 <= top.y() and top.y() + page.yes_radio.height() <= viewport.height()
    go_next(wizard)
    page = wizard.item_pages[10]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.none_radio, timeout=2000)
