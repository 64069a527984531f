"""The review screen after choosing a Word draft: every part of the draft (title, byline, each
heading, the pictures) is listed with where it goes, a dropdown changes it, the text of the
chosen part is shown, Import makes the article as chosen and Cancel makes nothing. Driven on
real widgets."""

from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Cm
from fake_dialogs import FakeDialogs
from media_samples import encode, picture
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pipwriter.importer.docx_import import import_docx, plan_import
from pipwriter.importer.mapping import OWN
from pipwriter.model.rules.checks import UNPLACED_KEY
from pipwriter.ui.import_review import ImportReviewDialog


def draft(path):
    d = docx.Document()
    d.add_paragraph("Heart failure clinic, together", style="Title")
    d.add_paragraph("By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)")
    d.add_heading("Introduction", level=1)
    d.add_paragraph("People told us clinic visits felt rushed.")
    d.add_heading("Our team", level=1)
    d.add_paragraph("Eleven people took part.")
    d.add_paragraph("We met in the library.")
    d.add_heading("Jane's story", level=1)
    d.add_paragraph("Caring for my husband taught me to ask questions.")
    d.add_paragraph().add_run().add_picture(io.BytesIO(encode(picture(700, 500), "PNG")),
                                            width=Cm(6))
    d.add_paragraph("Figure 1: The group")
    d.add_heading("Acknowledgements", level=1)
    d.add_paragraph("We thank the Brackenlea Trust.")
    d.save(str(path))
    return path


@pytest.fixture
def review(qtbot, tmp_path):
    plan = plan_import(draft(tmp_path / "draft.docx"))
    dialog = ImportReviewDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog, col):
    return [dialog.table.item(r, 0).text().splitlines()[0] if col == 0 else
            dialog.combos[r].currentText() for r in range(dialog.table.rowCount())]


def test_every_part_of_the_draft_is_listed_with_where_it_goes(review):
    assert column(review, 0) == [
        "Title: Heart failure clinic, together",
        "Byline: By Jane Doe (carer) and Dr Ahmed Khan (cardiologist)",
        "“Introduction”", "“Our team”", "“Jane's story”", "“Acknowledgements”", "1 picture"]
    assert column(review, 1) == [
        "The article's title", "The authors (Authors and photos)",
        "Why we did it: aim and scope", "A section of its own, headed “Our team”",
        "A partner's viewpoint", "“Imported text not yet placed” (place it later)",
        "Illustrations (pictures and captions)"]
    unsure = review.table.item(3, 0).text()
    assert "Not sure:" in unsure and review.table.item(3, 0).font().bold()
    assert all(combo.accessibleName() for combo in review.combos)


def test_the_first_unsure_part_is_shown_with_its_text(review):
    assert review.table.currentRow() == 3
    assert review.preview.toPlainText() == "Eleven people took part.\nWe met in the library."


def test_choosing_a_part_shows_its_text_and_who_a_viewpoint_belongs_to(review):
    review.table.setCurrentCell(4, 0)
    text = review.preview.toPlainText()
    assert text.startswith("Whose viewpoint: Jane Doe")
    assert "Caring for my husband taught me to ask questions." in text
    review.table.setCurrentCell(1, 0)
    assert "Ahmed Khan (cardiologist; Health professional)" in review.preview.toPlainText()


def test_a_dropdown_changes_where_a_part_goes_and_import_makes_it_so(review):
    combo = review.combos[3]
    combo.setCurrentIndex(combo.findText("How we set it up"))
    assert review.table.currentRow() == 3            # the changed part is the one shown
    title = review.combos[0]
    title.setCurrentIndex(title.findData(title.itemData(1)))     # not the title after all
    QTest.mouseClick(review.ok_button, Qt.MouseButton.LeftButton)
    assert review.result() == review.DialogCode.Accepted
    review.apply()

    plan = review.plan
    assert plan.unsure() == []
    article = import_docx(plan.source, plan).article
    [design] = [s for s in article.sections if s.key == "design"]
    assert design.title == "Our team"
    assert design.body.plain_text() == "Eleven people took part.\nWe met in the library."
    assert article.title == ""
    [aside] = [s for s in article.sections if s.key == UNPLACED_KEY]
    assert "Heart failure clinic, together" in aside.body.plain_text()
    assert [a.name for a in article.authors] == ["Jane Doe", "Ahmed Khan"]
    assert len(article.illustrations) == 1


def test_cancel_changes_nothing(review):
    combo = review.combos[3]
    combo.setCurrentIndex(combo.findText("How we set it up"))
    QTest.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)
    assert review.result() == review.DialogCode.Rejected
    assert review.plan.headings[1].target == OWN and review.plan.headings[1].unsure


# --- hooked into File › Import a Word draft… --------------------------------------------------
class ReviewingDialogs(FakeDialogs):
    """Answers the review screen by working the real one: ``changes`` maps a heading to the
    label to pick; ``cancel`` presses Cancel."""

    def __init__(self, changes=None, cancel=False):
        super().__init__()
        self.changes, self.cancel, self.reviewed = changes or {}, cancel, []

    def review_import(self, plan):
        dialog = ImportReviewDialog(plan)
        self.reviewed.append([dialog.table.item(r, 0).text().splitlines()[0]
                              for r in range(dialog.table.rowCount())])
        for heading, label in self.changes.items():
            combo = dialog.combos[dialog.row_of(heading)]
            combo.setCurrentIndex(combo.findText(label))
        button = dialog.cancel_button if self.cancel else dialog.ok_button
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        accepted = dialog.result() == dialog.DialogCode.Accepted
        if accepted:
            dialog.apply()
        dialog.deleteLater()
        return accepted


def test_the_import_shows_the_review_and_makes_the_article_as_chosen(qtbot, tmp_path):
    from pipwriter.ui.app_controller import AppController
    dialogs = ReviewingDialogs({"Our team": "How it worked in practice"})
    controller = AppController(dialogs)
    qtbot.addWidget(controller.start)
    dialogs.queue("file", str(draft(tmp_path / "draft.docx")))
    window = controller.import_docx_dialog()
    qtbot.addWidget(window)
    assert "“Our team”" in dialogs.reviewed[0]
    article = window.session.article
    [section] = [s for s in article.sections if s.key == "implementation"]
    assert section.title == "Our team"
    assert dialogs.infos[-1][0] == "Word draft imported"
    assert not any(kind == "choice" for kind, _args in dialogs.asked)   # no question per heading
    window.session.set_modified(False)
    window.close()


def test_cancelling_the_review_imports_nothing(qtbot, tmp_path):
    from pipwriter.ui.app_controller import AppController
    dialogs = ReviewingDialogs(cancel=True)
    controller = AppController(dialogs)
    qtbot.addWidget(controller.start)
    dialogs.queue("file", str(draft(tmp_path / "draft.docx")))
    assert controller.import_docx_dialog() is None
    assert controller.windows == [] and dialogs.infos == []


def test_the_apps_own_dialogs_show_the_review_screen(qtbot, tmp_path):
    """With the app's real Dialogs, the review screen opens (modal) and its Import is used."""
    from pipwriter.ui.coauthor import run_import
    from pipwriter.ui.dialogs import Dialogs
    seen = []

    def press_import():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ImportReviewDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, press_import)
            return
        seen.append(dialog.table.rowCount())
        combo = dialog.combos[dialog.row_of("Our team")]
        combo.setCurrentIndex(combo.findText("What we learnt"))
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_import)
    project, _notes = run_import(Dialogs(None), draft(tmp_path / "draft.docx"))
    assert seen == [7]
    assert [s.title for s in project.article.sections if s.key == "learning"] == ["Our team"]


def test_the_references_can_be_kept_as_written(qtbot, tmp_path):
    d = docx.Document()
    d.add_heading("Background", level=1)
    d.add_paragraph("Reviews felt rushed [1].")
    d.add_heading("References", level=1)
    d.add_paragraph("1. Smith J. Reviews after stroke. BMJ 2020;370:m1.")
    d.save(str(tmp_path / "refs.docx"))
    for tick, expected in ((True, ("journal", "")),
                           (False, ("other", "Smith J. Reviews after stroke. BMJ 2020;370:m1."))):
        dialog = ImportReviewDialog(plan_import(tmp_path / "refs.docx"))
        qtbot.addWidget(dialog)
        dialog.show()
        box = dialog.read_references
        assert box.isVisible() and box.isChecked()
        if not tick:
            QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        dialog.apply()
        [ref] = import_docx(dialog.plan.source, dialog.plan).article.references
        assert (ref.kind, ref.text) == expected


def test_without_a_reference_list_there_is_no_tick_box(review):
    assert not review.read_references.isVisible()


def test_tab_goes_from_one_dropdown_to_the_next_showing_each_parts_text(review, qtbot):
    review.activateWindow()
    review.table.setFocus()
    reached = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        reached.append(widget.accessibleName())
    assert reached == [
        "Where Title: Heart failure clinic, together goes",
        "Where Byline: By Jane Doe (carer) and Dr Ahmed Khan (cardiologist) goes",
        "Where “Introduction” goes", "Where “Our team” goes"]
    assert review.table.currentRow() == 3
    assert review.preview.toPlainText().startswith("Eleven people took part.")
