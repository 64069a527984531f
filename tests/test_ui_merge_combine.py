"""Combining both versions of a paragraph when merging a co-author's copy.

Found by a walk: "Combine them and edit" put both whole versions in the box with no word
about it, and pressing Merge put the paragraph in the article twice (the count went over the
limit); opening the box also pushed Merge and Cancel off a 1366×768 screen.
"""

from __future__ import annotations

import pytest
from coauthor_support import open_window, send_to_sam, type_in
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from pipwriter.model.article.text import RichText
from pipwriter.model.coauthoring.merge import COMBINED, MINE
from pipwriter.model.storage.project_file import load_project, save_project


@pytest.fixture
def window(controller, qtbot, small_project, tmp_path):
    return open_window(controller, qtbot, small_project, tmp_path)


def _conflict(window, qtbot, tmp_path):
    """Both change the first section's paragraph: one conflict."""
    first = window.session.article.sections[0]
    copy_path = send_to_sam(window, tmp_path)
    theirs = load_project(copy_path)
    theirs.article.section(first.id).body = RichText.from_plain("Sam's sentence.")
    save_project(theirs, copy_path)
    type_in(qtbot, window, first, "Asha's sentence.")
    return first, copy_path


def test_merging_both_versions_unedited_asks_first_and_going_back_keeps_the_dialog(
        window, qtbot, tmp_path):
    first, copy_path = _conflict(window, qtbot, tmp_path)
    seen = {}

    def run_dialog(dialog):
        dialog.combine.setChecked(True)                  # "Combine them and edit"
        seen["hint"] = dialog.combined_hint.isVisibleTo(dialog)
        window.dialogs.queue("confirm", False)           # "Go back and edit"
        dialog.accept()
        seen["still open"] = dialog.result() != dialog.DialogCode.Accepted
        seen["asked"] = [args for kind, args in window.dialogs.asked if kind == "confirm"]
        dialog.combined_editor.selectAll()               # edited into one, then merged
        dialog.combined_editor.insertPlainText("One sentence we agree on.")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    window.run_dialog = run_dialog
    assert window.coauthoring.merge_copy(copy_path)
    assert seen["hint"] and seen["still open"]
    [(title, text)] = seen["asked"]
    assert title == "Both versions are still there" and first.title in text
    assert "twice" in text
    window.session.sync()
    assert window.session.article.section(first.id).body.plain_text() == \
        "One sentence we agree on."


def test_merging_both_versions_on_purpose_keeps_both(window, qtbot, tmp_path):
    first, copy_path = _conflict(window, qtbot, tmp_path)

    def run_dialog(dialog):
        dialog.combine.setChecked(True)
        window.dialogs.queue("confirm", True)            # "Bring in both"
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    window.run_dialog = run_dialog
    assert window.coauthoring.merge_copy(copy_path)
    window.session.sync()
    assert window.session.article.section(first.id).body.plain_text().split("\n") == \
        ["Asha's sentence.", "Sam's sentence."]


def test_an_edited_combination_or_another_choice_is_merged_without_a_question(
        window, qtbot, tmp_path):
    _first, copy_path = _conflict(window, qtbot, tmp_path)

    def run_dialog(dialog):
        dialog.combine.setChecked(True)
        dialog.combined_editor.insertPlainText("Also: ")
        conflict = dialog.merge_result.conflicts[0]
        dialog.accept()
        assert not conflict.doubles_up()
        dialog.choose(0, MINE)
        assert conflict.choice == MINE and not conflict.doubles_up()
        dialog.choose(0, COMBINED)
        assert conflict.doubles_up()                     # the starting point again
        return True

    window.run_dialog = run_dialog
    assert window.coauthoring.merge_copy(copy_path)
    assert [args for kind, args in window.dialogs.asked if kind == "confirm"] == []


def test_the_merge_buttons_stay_in_sight_with_the_combined_text_open(window, qtbot, tmp_path):
    _first, copy_path = _conflict(window, qtbot, tmp_path)
    seen = {}

    def run_dialog(dialog):
        dialog.resize(1000, 560)                         # a 1366×768 laptop's room, or less
        dialog.show()
        dialog.combine.setChecked(True)
        qtbot.wait(50)
        box = dialog.findChild(QDialogButtonBox)
        merge = box.button(QDialogButtonBox.StandardButton.Ok)
        inside = merge.mapTo(dialog, merge.rect().bottomRight())
        seen["in sight"] = merge.isVisible() and dialog.rect().contains(inside)
        seen["scrolled"] = any(area.widget().isAncestorOf(box)
                               for area in dialog.findChildren(QScrollArea) if area.widget())
        dialog.reject()
        return False

    window.run_dialog = run_dialog
    window.coauthoring.merge_copy(copy_path)
    assert seen == {"in sight": True, "scrolled": False}


def test_a_damaged_copy_to_merge_says_to_ask_for_it_again(window, tmp_path):
    """Found by a walk: a damaged co-author's copy said "Try a backup copy", which only they
    can have."""
    copy_path = send_to_sam(window, tmp_path)
    copy_path.write_bytes(copy_path.read_bytes()[:200])        # cut short on the way
    assert not window.coauthoring.merge_copy(copy_path)
    title, text = window.dialogs.errors[-1]
    assert title == "Could not open their copy"
    assert "damaged or incomplete" in text and "Ask them to send it again." in text
    assert "backup" not in text



def test_a_merge_day_is_written_as_the_model_writes_dates():
    """Dates in messages come from the model's one writer of dates (English months whatever
    the system's language), not strftime's %B."""
    from pipwriter.ui.merging import on_day
    assert on_day("2026-12-05T12:00:00+00:00") == " on 5 December 2026"
    assert on_day("not a date") == ""


def test_each_part_starts_with_no_choice_shown_and_a_click_chooses_it(window, qtbot,
                                                                      tmp_path):
    """Found by a walk: after "Take theirs" on one part, the next part showed "Take theirs"
    chosen although nothing was chosen for it; clicking it did nothing, and their words were
    lost (yours was kept)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from pipwriter.model.coauthoring.merge import THEIRS, merge_articles
    from pipwriter.ui.merge_dialog import MergeDialog
    article = window.session.article
    first, second = article.sections[0], article.sections[1]
    base = type(article).from_json(article.to_json())
    mine = type(article).from_json(article.to_json())
    theirs = type(article).from_json(article.to_json())
    for section, words in ((first, "one"), (second, "two")):
        mine.section(section.id).body = RichText.from_plain(f"Asha's {words}.")
        theirs.section(section.id).body = RichText.from_plain(f"Sam's {words}.")
    result = merge_articles(base, mine, theirs)
    assert len(result.conflicts) == 2
    dialog = MergeDialog(result, "Sam")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(0)
    QTest.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert result.conflicts[0].choice == THEIRS and result.conflicts[0].reviewed
    dialog.list.setCurrentRow(1)                        # the next part: nothing chosen yet
    assert not any(b.isChecked() for b in (dialog.keep_mine, dialog.take_theirs,
                                           dialog.combine))
    QTest.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert result.conflicts[1].choice == THEIRS and result.conflicts[1].reviewed
    dialog.list.setCurrentRow(0)                        # back: its choice is shown
    assert dialog.take_theirs.isChecked()
    merged = result.article()
    assert [merged.section(s.id).body.plain_text() for s in (first, second)] == \
        ["Sam's one.", "Sam's two."]


def test_escape_after_typing_in_the_combined_text_asks_before_the_words_go(
        window, qtbot, tmp_path):
    """A keyboard walk typed in the combined text, pressed Escape, and the words were gone."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    first, copy_path = _conflict(window, qtbot, tmp_path)
    seen = {}

    def run_dialog(dialog):
        dialog.show()
        dialog.combine.setChecked(True)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)        # chosen, nothing typed: just closes
        seen["closed untyped"] = not dialog.isVisible()
        dialog.show()
        dialog.combine.setChecked(True)
        QTest.keyClicks(dialog.combined_editor, "My careful combined words. ")
        window.dialogs.queue("confirm", False)           # "Go back"
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        seen["still open"] = dialog.isVisible()
        seen["asked"] = [args for kind, args in window.dialogs.asked if kind == "confirm"]
        seen["words kept"] = "My careful combined words." in dialog.combined_editor.toPlainText()
        window.dialogs.queue("confirm", True)            # "Leave"
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        seen["left"] = not dialog.isVisible()
        return False

    window.run_dialog = run_dialog
    assert not window.coauthoring.merge_copy(copy_path)
    assert seen == {"closed untyped": True, "still open": True, "words kept": True,
                    "left": True, "asked": seen["asked"]}
    [(title, text)] = seen["asked"]
    assert title == "Leave without bringing in their copy?" and "typed" in text
    window.session.sync()
    assert window.session.article.section(first.id).body.plain_text() == "Asha's sentence."
