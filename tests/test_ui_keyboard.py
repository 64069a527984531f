"""By keyboard alone: Tab leaves every box, Escape asks before typed answers are lost, the focus
comes back where it was after a dialog, and the Unsaved changes question answers to Alt keys."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from pipwriter.model.article import structure
from pipwriter.model.article.author import Author
from pipwriter.ui.dialogs import CANCEL, DISCARD, SAVE, Dialogs
from pipwriter.ui.disclosure_wizard import DisclosureWizard
from pipwriter.ui.keyboard import show_focus_ring
from pipwriter.ui.new_article_wizard import NewArticleWizard
from pipwriter.ui.screen_fit import scroll_area_of

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _active(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _tab(backwards: bool = False) -> QWidget:
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    QTest.keyClick(QApplication.focusWidget(), key)
    return QApplication.focusWidget()


@pytest.fixture
def wizard(qtbot, template):
    wizard = _active(qtbot, NewArticleWizard(template))
    yield wizard
    wizard.confirm_discard = lambda: True


# --- the new-article wizard ------------------------------------------------------------------
def test_tab_leaves_the_author_table_for_add_and_remove(wizard):
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    page = wizard.authors_page
    table = page.table
    table.setCurrentCell(0, 0)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    # a row at a time: the first part, the second name (being edited), its part, then on
    assert _tab() is table.cellWidget(0, 1)
    name = _tab()
    assert isinstance(name, QLineEdit) and table.isAncestorOf(name)   # the name, edited
    assert (table.currentRow(), table.currentColumn()) == (1, 0)
    reached = [_tab() for _ in range(3)]
    assert reached == [table.cellWidget(1, 1), page.add_button, page.remove_button]
    page.add_button.click()                         # a new row joins the order
    table.cellWidget(1, 1).setFocus(Qt.FocusReason.TabFocusReason)
    assert [_tab() for _ in range(3)][1:] == [table.cellWidget(2, 1), page.add_button]



def _key(key: Qt.Key) -> QWidget:
    """``key`` pressed where the keyboard is (the open list, while one is open)."""
    QTest.keyClick(QApplication.focusWidget(), key)
    return QApplication.focusWidget()


@pytest.mark.parametrize("enter", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_return_chooses_the_highlighted_part_and_tab_goes_on_to_the_next_name(
        wizard, qtbot, enter):
    """Found by a walk of the app by keyboard: Space opened an author's "taking part as" list
    with no entry highlighted, and Return without an arrow key first did nothing on some
    systems (the list stayed open). The list now opens with its first entry highlighted, Return
    or Enter chooses it, and the keyboard stays on the box, so Tab goes on to the next name."""
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    table = wizard.authors_page.table
    wizard.authors_page.rows.name(0)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=5000)
    QTest.keyClicks(QApplication.focusWidget(), "Mary Jones")
    combo = _key(Qt.Key.Key_Tab)
    assert combo is table.cellWidget(0, 1) and combo.currentIndex() == -1
    _key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=5000)
    highlighted = combo.view().selectionModel().selectedIndexes()
    assert [i.row() for i in highlighted] == [0]                 # shown, not just current
    assert combo.view().currentIndex() == highlighted[0]
    assert _key(enter) is combo                                  # the keyboard stays on it
    assert not combo.view().isVisible()
    assert combo.currentText() == highlighted[0].data() and combo.currentIndex() == 0
    name = _key(Qt.Key.Key_Tab)                                  # on to the next name
    assert isinstance(name, QLineEdit) and table.isAncestorOf(name)
    assert (table.currentRow(), table.currentColumn()) == (1, 0)

def test_escape_in_an_empty_wizard_closes_it_without_asking(wizard):
    asked = []
    wizard.confirm_discard = lambda: asked.append(True) or True
    QTest.keyClick(wizard.title_page.title_edit, Qt.Key.Key_Escape)
    assert asked == [] and not wizard.isVisible()


@pytest.mark.parametrize("how", ["Escape", "Cancel"])
def test_escape_or_cancel_asks_before_typed_answers_are_lost(wizard, how):
    asked = []
    wizard.confirm_discard = lambda: asked.append(True) or False      # "Keep writing"
    QTest.keyClicks(wizard.title_page.title_edit, "Walking together")

    def cancel():
        if how == "Escape":
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        else:
            wizard.button(QWizard.WizardButton.CancelButton).click()
    cancel()
    assert asked == [True] and wizard.isVisible()
    assert wizard.title_page.title_edit.text() == "Walking together"
    wizard.confirm_discard = lambda: asked.append(True) or True       # "Close and lose it"
    cancel()
    assert len(asked) == 2 and not wizard.isVisible()


def test_the_question_offers_keep_writing_first(wizard, qtbot):
    QTest.keyClicks(wizard.title_page.title_edit, "T")
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):            # not up yet (a slow machine)
            QTimer.singleShot(20, answer)
            return
        seen.append([b.text() for b in box.buttons()])
        seen.append(box.defaultButton().text())
        QTest.keyClick(box, Qt.Key.Key_Escape)           # Escape again: keep writing
    QTimer.singleShot(50, answer)
    assert wizard.confirm_discard() is False
    assert "&Keep writing" in seen[0] and seen[1] == "&Keep writing"


# --- text boxes: Tab moves on, Ctrl+Tab types a tab -------------------------------------------
def test_tab_moves_on_from_a_references_authors_box_and_ctrl_tab_types_a_tab(controller, qtbot):
    window = _active(qtbot, controller.open_demo())
    window.open_panel("references")
    panel = window.panels["references"]
    for box in (panel.authors, panel.text):
        if not box.isVisible():
            continue
        box.setFocus(Qt.FocusReason.TabFocusReason)
        box.setPlainText("Smith J")
        box.moveCursor(box.textCursor().MoveOperation.End)
        QTest.keyClick(box, Qt.Key.Key_Tab, CTRL)
        assert box.toPlainText() == "Smith J\t"
        assert QApplication.focusWidget() is box
        QTest.keyClick(box, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not box      # Tab went on to the next field


def test_tab_moves_on_from_the_statement_box_and_ctrl_tab_types_a_tab(qtbot):
    author = Author("Sam Jones", "patient")
    wizard = _active(qtbot, DisclosureWizard(author, "Walking together", [author],
                                             today=date(2026, 5, 1)))
    wizard.confirm_discard = lambda: True
    while wizard.currentPage() is not wizard.summary_page:
        page = wizard.currentPage()
        if hasattr(page, "none_radio"):
            page.none_radio.setChecked(True)
        if page is wizard.certify_page:
            page.checkbox.setChecked(True)
        wizard.next()
    box = wizard.summary_page.statement_edit
    box.setFocus(Qt.FocusReason.TabFocusReason)
    box.moveCursor(box.textCursor().MoveOperation.End)
    before = box.toPlainText()
    QTest.keyClick(box, Qt.Key.Key_Tab, CTRL)
    assert box.toPlainText() == before + "\t"
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not box
    assert box.toPlainText() == before + "\t"


# --- focus after a dialog ------------------------------------------------------------------------
@pytest.mark.parametrize("finished", [True, False])
def test_after_the_competing_interests_wizard_the_focus_is_on_that_authors_button(
        controller, qtbot, finished):
    window = _active(qtbot, controller.open_demo())
    window.run_dialog = lambda wizard: finished        # Finish, or Cancel with nothing typed
    window.open_panel("competing_interests")
    panel = window.panels["competing_interests"]
    author = window.session.article.authors[1]
    button = panel.buttons[author.id]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.wait(10)
    focus = QApplication.focusWidget()
    assert focus is panel.buttons[author.id]
    assert focus.isVisible() and focus.width() > 0
    assert author.name in focus.accessibleName()



def _answer_by_keys(qtbot, how: str, meanwhile=lambda: None):
    """A ``run_dialog`` that shows the competing-interests wizard as a window of its own with
    the keyboard in it, calls ``meanwhile()``, and answers it with keys: Finish (nothing to
    declare), Save and finish later (Alt+S), or Cancel (Escape)."""
    def run_dialog(wizard) -> bool:
        wizard.confirm_discard = lambda: True            # no question left open
        wizard.show()
        wizard.activateWindow()
        qtbot.waitUntil(lambda: wizard.isAncestorOf(QApplication.focusWidget()), timeout=5000)
        meanwhile()
        if how == "Cancel":
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        elif how == "Save and finish later":
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, ALT)   # pressed shortly
        else:
            intro = wizard.intro_page
            for box in (intro.quick_radio, intro.quick_confirm,
                        wizard.button(QWizard.WizardButton.FinishButton)):
                box.setFocus(Qt.FocusReason.TabFocusReason)
                QTest.keyClick(box, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
        return wizard.result() == QDialog.DialogCode.Accepted
    return run_dialog


@pytest.mark.parametrize("how", ["Finish", "Save and finish later", "Cancel"])
def test_when_the_competing_interests_wizard_closes_the_keyboard_is_back_on_that_authors_button(
        controller, qtbot, how):
    """Found by a walk of the app by keyboard: after an author's declaration the keyboard was
    on the figures strip's word count, at the bottom of the window. The panel's buttons are
    made again when the wizard closes, and the new one was given the keyboard before Qt had
    shown it: the window kept the old button, deleted soon after, as the one to give the
    keyboard back to when the dialog had gone."""
    window = _active(qtbot, controller.open_demo())
    window.run_dialog = _answer_by_keys(qtbot, how)
    window.open_panel("competing_interests")
    panel = window.panels["competing_interests"]
    author = next(a for a in window.session.article.authors
                  if not a.disclosure.has_interests())
    button = panel.buttons[author.id]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(button, Qt.Key.Key_Space)            # the wizard opens, and closes
    window.activateWindow()         # as the window system does once the dialog has gone
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.wait(20)                  # the old buttons are deleted
    focus = QApplication.focusWidget()
    assert focus is panel.buttons[author.id], focus.accessibleName()
    assert focus.isVisible() and author.name in focus.accessibleName()


def test_with_the_author_gone_when_the_wizard_closes_the_keyboard_is_on_the_panels_first_author(
        controller, qtbot):
    window = _active(qtbot, controller.open_demo())
    session = window.session
    author = session.article.authors[1]

    def remove_the_author() -> None:        # as an Undo, or a co-author's copy merged, might
        session.change("Remove author",
                       lambda a: structure.remove_author(a, session.template, author.id))
    window.run_dialog = _answer_by_keys(qtbot, "Cancel", remove_the_author)
    window.open_panel("competing_interests")
    panel = window.panels["competing_interests"]
    button = panel.buttons[author.id]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(button, Qt.Key.Key_Space)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.wait(20)
    assert author.id not in panel.buttons
    first = session.article.authors[0]
    assert QApplication.focusWidget() is panel.buttons[first.id]

# --- Unsaved changes ---------------------------------------------------------------------------
@pytest.mark.parametrize("key, answer", [(Qt.Key.Key_S, SAVE), (Qt.Key.Key_W, DISCARD),
                                         (Qt.Key.Key_C, CANCEL), (Qt.Key.Key_Escape, CANCEL)])
def test_unsaved_changes_answers_to_its_access_keys(qtbot, key, answer):
    dialogs = Dialogs()
    box = dialogs.unsaved_box("Walking together")
    qtbot.addWidget(box)

    tries, holder = [0], []

    def press():
        # the box up and the active window (its access keys work only there); on a slow
        # machine a key sent sooner is lost and the box waits for ever
        if not (box.isVisible() and box.isActiveWindow()) and tries[0] < 250:
            tries[0] += 1
            box.activateWindow()
            QTimer.singleShot(20, press)
            return
        holder.append(QApplication.activeWindow())
        modifiers = Qt.KeyboardModifier.NoModifier if key == Qt.Key.Key_Escape else \
            Qt.KeyboardModifier.AltModifier
        QTest.keyClick(box, key, modifiers)
        QTimer.singleShot(5000, box, lambda: box.isVisible() and box.done(-1))  # fail, not hang
    dialogs.unsaved_box = lambda _name: box
    QTimer.singleShot(50, press)
    assert dialogs.ask_unsaved("Walking together") == answer, f"active window: {holder}"
    texts = [b.text() for b in box.buttons()]
    assert sorted(texts) == ["&Cancel", "&Save", "Close &without saving"]
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)


# --- where the focus is can be seen, and scrolls into view ------------------------------------
def test_the_focused_control_shows_a_ring_even_when_its_own_look_does_not_change(qtbot):
    show_focus_ring()
    window = QWidget()
    layout = QVBoxLayout(window)
    empty, other = QListWidget(), QListWidget()       # an empty list draws no focus of its own
    layout.addWidget(empty)
    layout.addWidget(other)
    _active(qtbot, window)

    def look():
        corner = empty.mapTo(window, QPoint(0, 0))
        return window.grab(QRect(corner, empty.size()).adjusted(-3, -3, 3, 3)).toImage()
    other.setFocus(Qt.FocusReason.TabFocusReason)
    unfocused = look()
    empty.setFocus(Qt.FocusReason.TabFocusReason)
    assert look() != unfocused


def test_tab_into_a_page_too_tall_for_the_screen_scrolls_the_field_into_view(qtbot):
    author = Author("Sam Jones", "patient")
    wizard = _active(qtbot, DisclosureWizard(author, "Walking together", [author],
                                             today=date(2026, 5, 1)))
    wizard.confirm_discard = lambda: True
    wizard.next()                                     # question 1: a long page
    wizard.resize(wizard.minimumWidth(), 320)       # a very small screen
    qtbot.wait(10)
    page = wizard.currentPage()
    area = scroll_area_of(page)
    assert area is not None
    assert area.verticalScrollBar().maximum() > 0   # the page scrolls
    page.yes_radio.setFocus(Qt.FocusReason.TabFocusReason)
    target = page.yes_radio
    viewport = area.viewport()
    corner = target.mapTo(viewport, QPoint(0, 0))
    assert viewport.rect().contains(QRect(corner, target.size()))


# --- marks grow with the text -------------------------------------------------------------------
def test_tick_boxes_and_navigator_marks_grow_with_bigger_text_and_shrink_back(controller, qtbot):
    from PySide6.QtWidgets import QCheckBox, QStyle
    window = _active(qtbot, controller.open_demo())
    box = QCheckBox("Consent")
    qtbot.addWidget(box)
    metric = QStyle.PixelMetric

    def sizes():
        style = QApplication.style()
        return (style.pixelMetric(metric.PM_IndicatorWidth, None, box),
                style.pixelMetric(metric.PM_ListViewIconSize, None, window.navigator))
    tick, icon = sizes()
    base = QApplication.font().pointSizeF()
    try:
        for _ in range(int(base)):                 # View › Bigger text, to about double
            window.scale_text(1)
        qtbot.wait(20)                             # the lists lay themselves out again
        big_tick, big_icon = sizes()
        assert big_tick >= 1.8 * tick and big_icon >= 1.8 * icon
        assert box.sizeHint().height() >= big_tick
        # the list lays its rows out again on its own time (slower on a busy machine)
        qtbot.waitUntil(lambda: window.navigator.visualItemRect(
            window.navigator.item(0)).height() >= big_icon, timeout=10000)
    finally:
        window.scale_text(0)                       # View › Normal text size
    assert sizes() == (tick, icon)


# --- Titles -----------------------------------------------------------------------------------
@pytest.mark.parametrize("make", ["choice", "text", "message", "unsaved"])
def test_a_small_dialog_is_wide_enough_for_its_whole_title(qtbot, make):
    """Found by a walk of the app: "Show only my sections — PiP Writer" and "Approve — PiP
    Writer" were cut off ("Show … Writer") in the title bar of a box sized to its text."""
    from pipwriter import APP_NAME
    from pipwriter.ui.dialogs import TITLE_BAR_EXTRA

    dialogs = Dialogs()
    dialog = {"choice": lambda: dialogs.choice_dialog("Show only my sections", "Who are you?",
                                                      ["Sam", "Asha"]),
              "text": lambda: dialogs.text_dialog("Add a section", "Heading:"),
              "message": lambda: dialogs.message_box(QMessageBox.Icon.Information,
                                                     "What is counted", "Words."),
              "unsaved": lambda: dialogs.unsaved_box("A")}[make]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = f"{dialog.windowTitle()} — {APP_NAME}"
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) + TITLE_BAR_EXTRA


def test_no_two_commands_share_a_shortcut(controller, qtbot):
    """Found by a walk of the app: Ctrl+Shift+S was both File › Save as… and Article ›
    Spelling › Check spelling as I type, so it did neither (Qt calls that ambiguous)."""
    from collections import defaultdict

    from PySide6.QtGui import QAction

    from pipwriter.ui.navigator import PANELS

    window = controller.open_demo()
    qtbot.addWidget(window)
    for key in PANELS:                       # every panel's own actions too
        window.open_panel(key)
    keys = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                keys[sequence.toString()].append(action.text())
    assert {k: names for k, names in keys.items() if len(names) > 1} == {}


def test_next_by_its_alt_letter_keeps_a_name_still_being_typed(wizard, qtbot):
    """Found by a walk of the app: a name changed in the table, then Alt+N (Next) without
    leaving the cell, and the viewpoints page showed the old name."""
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    page = wizard.authors_page
    table = page.table
    table.item(0, 0).setText("Mary Jones A")
    table.item(1, 0).setText("Sam Patel")
    for row, partner in ((0, "patient"), (1, "health_professional")):
        combo = table.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(partner))
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5000)
    page.rows.name(0)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=5000)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, "Mary Jones")
    QTest.keyClick(editor, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.viewpoints_page, timeout=5000)
    shown = [wizard.viewpoints_page.list.item(r).text()
             for r in range(wizard.viewpoints_page.list.count())]
    assert any("Mary Jones" in text and "Mary Jones A" not in text for text in shown), shown


def test_tab_goes_through_the_authors_declaration_buttons_before_the_combined_declaration(
        controller, qtbot):
    """Found by a walk of the app: Tab from the navigator went to the combined declaration
    first (the buttons are made after it), skipping every author's button."""
    window = _active(qtbot, controller.open_demo())
    window.open_panel("competing_interests")
    panel = window.panels["competing_interests"]
    qtbot.wait(20)                                      # buttons of earlier refreshes go
    buttons = [panel.buttons[a.id] for a in window.session.article.authors]
    for _ in range(2):                                  # and again after the panel is refreshed
        window.navigator.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(window.navigator.hasFocus, timeout=5000)
        seen = []
        for _step in range(len(buttons) + 1):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        assert seen == [*buttons, panel.combined]
        panel.refresh()
        qtbot.wait(20)                                  # the old buttons are deleted
        buttons = [panel.buttons[a.id] for a in window.session.article.authors]


def test_a_long_question_above_a_list_of_choices_wraps_and_is_all_shown(qtbot):
    """Found by a walk: "The file has changed" ended "…Saving now would replace those char" at
    1366 x 768; the rest of the question was cut off."""
    from PySide6.QtWidgets import QLabel

    from pipwriter.ui.dialogs import Dialogs
    from pipwriter.ui.saving import CHANGED_CHOICES
    question = ("“walking-together-after-a-stroke.pipw” was changed by another program or "
                "another PiP Writer window since you opened it or last saved it. Saving now "
                "would replace those changes with yours.\n\nWhat would you like to do?")
    dialog = Dialogs().choice_dialog("The file has changed", question, CHANGED_CHOICES)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    [label] = [w for w in dialog.findChildren(QLabel) if "Saving now" in w.text()]
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())     # every line shown
    assert label.width() <= dialog.width()
