"""Nothing to declare in three actions: choose "I have nothing to declare", tick that none of
the 13 questions (all on screen) is true, choose Finish. Every ICMJE item is still recorded as
None, the answers are certified with today's date, and the statement is the journal's wording."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QWizard

from pipwriter.model.article.author import Author
from pipwriter.model.interests.statements import combined_statement
from pipwriter.ui.disclosure_wizard import DisclosureWizard

TODAY = date(2026, 11, 21)


def click(qtbot, button) -> None:
    """A real mouse click on a visible, enabled control (what a user can do)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_three_clicks_declare_nothing_and_certify(qtbot):
    jo = Author("Jo Bloggs", "patient")
    wizard = DisclosureWizard(jo, "Walking together", [jo], today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    intro = wizard.intro_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isVisible()

    click(qtbot, intro.quick_radio)                          # 1
    text = intro.questions.text()
    assert text.count("<li>") == 13 and not intro.questions.isHidden()
    assert not finish.isVisible() or not finish.isEnabled()  # not before the tick
    click(qtbot, intro.quick_confirm)                        # 2
    assert intro.quick_confirm.isChecked()
    click(qtbot, finish)                                     # 3

    assert wizard.result() == QDialog.DialogCode.Accepted
    result = wizard.result_disclosure()
    assert [result.item(n).answer for n in range(1, 14)] == ["none"] * 13
    assert all(result.item(n).entries == [] for n in range(1, 14))
    assert result.certified_on == "2026-11-21" and result.is_certified()
    done = Author("Jo Bloggs", "patient", disclosure=result)
    assert combined_statement([done]) == (
        "We have read and understood BMJ policy on declaration of interests and declare no "
        "competing interests.")


def test_unticking_or_going_back_to_the_questions_certifies_nothing(qtbot):
    jo = Author("Jo Bloggs", "patient")
    wizard = DisclosureWizard(jo, "Walking together", [jo], today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    intro = wizard.intro_page
    click(qtbot, intro.quick_radio)
    click(qtbot, intro.quick_confirm)
    click(qtbot, intro.quick_confirm)                        # changed their mind
    assert not intro.isComplete()
    wizard.button(QWizard.WizardButton.CustomButton1).click()  # Save and finish later
    result = wizard.result_disclosure()
    assert not result.certified_on


def test_in_the_main_window_the_declaration_is_applied_and_undoable(controller, qtbot):
    window = controller.open_demo()
    author = next(a for a in window.session.article.authors
                  if not a.disclosure.has_interests())

    def run_dialog(wizard):
        wizard.show()
        click(qtbot, wizard.intro_page.quick_radio)
        click(qtbot, wizard.intro_page.quick_confirm)
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        return wizard.result() == QDialog.DialogCode.Accepted

    window.run_dialog = run_dialog
    from pipwriter.ui.disclosure_host import run_disclosure_wizard
    before = window.session.article.author(author.id).disclosure.to_json()
    assert run_disclosure_wizard(window, author.id)
    after = window.session.article.author(author.id).disclosure
    assert all(after.item(n).answer == "none" for n in range(1, 14))
    assert after.is_certified()
    window.session.undo_stack.undo()
    assert window.session.article.author(author.id).disclosure.to_json() == before
