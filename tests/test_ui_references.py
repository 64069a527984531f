"""The References panel on the real widgets: a form that shows only the boxes of its kind and
explains each, a date accessed that is checked, and references brought in from a reference
manager's file or pasted, each as one change that Undo takes back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ui_support import fill_wizard

from pipwriter.model.article.reference import format_bmj
from pipwriter.model.language.readability import analyse

DATA = Path(__file__).parent / "data" / "references"


@pytest.fixture
def window(controller, qtbot):
    """A new article (no references yet), shown on the References panel."""
    controller.run_wizard = fill_wizard
    window = controller.new_article()
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    window.open_panel("references")
    qtbot.wait(5)
    return window


def _panel(window):
    return window.panels["references"]


def _shown(panel) -> set[str]:
    return {name for name, row in panel.rows.items() if row.isVisible()}


def _choose_kind(panel, kind: str) -> None:
    panel.kind.setCurrentIndex(panel.kind.findData(kind))


def _plain_enough(text: str) -> None:
    """Each paragraph of a message reads at reading age 11 or under (as test_plain_words)."""
    for paragraph in text.split("\n\n"):
        paragraph = re.sub(r"“[^”]*”", "it", paragraph)
        figures = analyse(paragraph)
        if figures.words >= 8:
            assert figures.flesch_reading_ease >= 60 and figures.reading_age <= 11, paragraph


# --- the form ----------------------------------------------------------------------------------
def test_the_form_shows_only_the_boxes_of_its_kind(window):
    panel = _panel(window)
    panel.add_reference()
    assert _shown(panel) == {"authors", "title", "container", "year", "volume", "issue",
                             "pages", "doi", "url"}        # a journal article: no date accessed
    assert panel.labels["container"].text() == "&Journal:"
    _choose_kind(panel, "web")
    assert _shown(panel) == {"authors", "title", "container", "year", "url", "accessed"}
    assert panel.labels["container"].text() == "Website or &group:"
    assert window.session.article.references[0].kind == "web"
    _choose_kind(panel, "book")
    assert "volume" not in _shown(panel) and panel.labels["container"].text() == "Pub&lisher:"
    _choose_kind(panel, "other")
    assert _shown(panel) == {"text"}


def test_each_box_explains_itself_in_plain_words(window):
    panel = _panel(window)
    panel.add_reference()
    for kind in ("journal", "web", "book", "report", "other"):
        _choose_kind(panel, kind)
        for name in _shown(panel):
            box = panel.field(name)
            assert box.toolTip(), (kind, name)
            assert box.placeholderText(), (kind, name)
            assert box.accessibleName() == panel.labels[name].text().replace("&", "")[:-1]
            _plain_enough(box.toolTip())
    assert panel.kind.toolTip()


def test_a_wrong_date_accessed_is_said_plainly_and_never_kept(window):
    panel = _panel(window)
    panel.add_reference()
    _choose_kind(panel, "web")
    ref_id = panel.current_id()
    accessed = panel.inputs["accessed"]
    for typed, stored, shown in (("01/05/2024", "2024-05-01", "1 May 2024"),
                                 ("31/02/2024", "2024-05-01", None),
                                 ("1 May 2999", "2024-05-01", None),
                                 ("2 June 2024", "2024-06-02", "2 June 2024")):
        accessed.setText(typed)
        accessed.editingFinished.emit()
        assert window.session.article.reference(ref_id).accessed == stored, typed
        if shown is None:
            assert panel.date_problem.isVisible() and panel.date_problem.text()
            assert accessed.accessibleDescription() == panel.date_problem.text()
            _plain_enough(panel.date_problem.text())
        else:
            assert not panel.date_problem.isVisible() and accessed.text() == shown
    assert "not come yet" not in panel.date_problem.text()


def test_a_stored_date_that_cannot_be_read_is_pointed_out_when_shown(window):
    from pipwriter.model.article.reference import Reference
    ref = Reference("web", title="Stroke", url="https://www.nhs.uk/", accessed="01/05/24")
    window.session.change("Add", lambda a: a.references.append(ref))
    panel = _panel(window)
    panel.refresh()
    panel.focus_item(ref.id)
    assert panel.date_problem.isVisible() and "01/05/24" in panel.date_problem.text()


# --- from a file -------------------------------------------------------------------------------
def test_a_zotero_file_comes_in_as_one_change_that_undo_takes_back(window):
    panel = _panel(window)
    session = window.session
    window.dialogs.queue("file", DATA / "zotero.ris")
    panel.file_button.click()
    refs = session.article.references
    assert len(refs) == 5
    assert format_bmj(refs[0]) == ("Richards T, Montori VM, Godlee F, et al. Let the patient "
                                   "revolution begin. BMJ 2013;346:f2614. "
                                   "doi:10.1136/bmj.f2614.")
    assert [r.kind for r in refs] == ["journal", "web", "report", "book", "other"]
    [(title, message)] = window.dialogs.infos
    assert "5 new references are in your list now. They came from the file zotero.ris." in \
        message
    assert "Co-producing a stroke service with patients" in message     # kept as written
    _plain_enough(message)
    assert panel.list.count() == 5
    assert panel.current_id() == refs[4].id          # the one to check is chosen
    assert _shown(panel) == {"text"}
    session.undo_stack.undo()
    assert session.article.references == []
    session.undo_stack.redo()
    assert len(session.article.references) == 5


def test_the_same_file_twice_adds_nothing_new(window):
    panel = _panel(window)
    window.dialogs.queue("file", DATA / "zotero.bib", DATA / "pubmed.nbib")
    panel.file_button.click()
    before = len(window.session.article.references)
    panel.file_button.click()         # PubMed's copy of "Let the patient revolution begin"
    assert len(window.session.article.references) == before + 1
    assert "1 was in your list already" in window.dialogs.infos[-1][1]


@pytest.mark.parametrize("name", ["endnote.xml", "endnote.ris", "mendeley.ris",
                                  "pubmed.nbib", "zotero.bib"])
def test_every_format_comes_in_from_the_panel(window, name):
    window.dialogs.queue("file", DATA / name)
    _panel(window).file_button.click()
    assert window.session.article.references and not window.dialogs.errors


def test_a_file_that_is_not_references_is_a_plain_message_not_a_crash(window, tmp_path):
    broken = tmp_path / "photo.ris"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    window.dialogs.queue("file", broken, tmp_path / "gone.bib")
    panel = _panel(window)
    panel.file_button.click()
    panel.file_button.click()
    assert window.session.article.references == []
    assert len(window.dialogs.errors) == 2
    for _title, message in window.dialogs.errors:
        _plain_enough(message)
    assert not window.session.undo_stack.canUndo()


def test_cancelling_the_file_question_changes_nothing(window):
    _panel(window).file_button.click()                  # no answer: cancelled
    assert window.session.article.references == [] and not window.dialogs.infos


def test_many_references_are_asked_about_first(window, tmp_path):
    many = tmp_path / "library.ris"
    many.write_text("".join(f"TY  - JOUR\nTI  - Study {n}\nT2  - BMJ\nPY  - 2020\nER  - \n"
                            for n in range(12)), encoding="utf-8")
    window.dialogs.queue("file", many, many)
    window.dialogs.queue("confirm", False, True)
    panel = _panel(window)
    panel.file_button.click()
    assert window.session.article.references == []      # said no
    panel.file_button.click()
    assert len(window.session.article.references) == 12
    assert "The series allows 5" in window.dialogs.infos[-1][1]


# --- pasted ------------------------------------------------------------------------------------
def test_a_pasted_reference_is_read_into_its_parts(window):
    panel = _panel(window)
    window.dialogs.queue("text", "Coulter, A., & Ellins, J. (2007). Effectiveness of "
                                 "strategies for informing, educating, and involving patients. "
                                 "BMJ, 335(7609), 24-27. https://doi.org/10.1136/bmj.39246.581169.80")
    panel.paste_button.click()
    [ref] = window.session.article.references
    assert (ref.kind, ref.authors, ref.container, ref.year, ref.pages) == \
        ("journal", ["Coulter A", "Ellins J"], "BMJ", "2007", "24-27")
    assert panel.inputs["title"].text().startswith("Effectiveness of strategies")
    assert panel.preview.text() == format_bmj(ref)
    assert window.dialogs.infos[-1][1] == "1 new reference is in your list now."
    window.session.undo_stack.undo()
    assert window.session.article.references == []


def test_a_pasted_reference_that_cannot_be_read_is_kept_as_written_and_said(window):
    panel = _panel(window)
    window.dialogs.queue("text", "1. My nurse told me about it on the ward in May.\n"
                                 "2. Richards T, Montori VM, Godlee F, Lapsley P, Paul D. Let "
                                 "the patient revolution begin. BMJ 2013;346:f2614.")
    panel.paste_button.click()
    assert window.dialogs.text_lines[-1] is True        # a box of several lines (a walk)
    first, second = window.session.article.references
    assert first.kind == "other" and first.text == "My nurse told me about it on the ward in May."
    assert second.kind == "journal"
    message = window.dialogs.infos[-1][1]
    assert "2 new references" in message and "“My nurse told me about it on the ward in May.”" \
        in message
    _plain_enough(message)
    assert panel.current_id() == first.id and _shown(panel) == {"text"}
    assert panel.text.toPlainText() == first.text


def test_a_pasted_bibtex_entry_is_read_as_bibtex(window):
    window.dialogs.queue("text", "@article{a, title={Hello there}, journal={BMJ}, year=2020, "
                                 "author={Smith, Jo and Jones, Ann B.}}")
    _panel(window).paste_button.click()
    [ref] = window.session.article.references
    assert ref.authors == ["Smith J", "Jones AB"] and ref.container == "BMJ"


def test_the_paste_box_holds_several_lines_and_shows_its_whole_question(window, qtbot):
    """Found by a walk: the paste box was one line, showing only the end of what was pasted,
    and its question was cut short ("...or on a web")."""
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    from pipwriter.ui.dialogs import Dialogs
    dialog = Dialogs(window).text_dialog("Paste a reference", "Paste the reference here, as "
                                         "it is written in an article or on a web page.",
                                         lines=True)
    qtbot.addWidget(dialog)
    dialog.show()
    box = next(b for b in dialog.findChildren(QPlainTextEdit) if b.isVisible())
    box.setPlainText("First reference.\nSecond reference.")
    assert dialog.textValue() == "First reference.\nSecond reference."
    assert all(label.wordWrap() for label in dialog.findChildren(QLabel))
