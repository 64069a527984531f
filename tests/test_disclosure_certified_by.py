"""Who confirmed an author's competing-interests answers, as far as PiP Writer knows. Found by a
walk: with nobody chosen in "I am", someone confirmed Dr Patel's answers and the declaration
said "Signed electronically by Dr Patel"."""

from __future__ import annotations

import copy

import docx

from pipwriter.export.disclosure_docx import write_disclosure_docx
from pipwriter.model.interests.disclosure import Disclosure
from pipwriter.model.jsonread import Obj
from pipwriter.model.storage.demo import demo_project


def _notes(article, tmp_path) -> list[str]:
    path = write_disclosure_docx(article, tmp_path / "ci.docx") or tmp_path / "ci.docx"
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.text.startswith(("Confirmed in PiP Writer", "Recorded in PiP Writer",
                                  "Signed electronically"))]


def test_the_declaration_names_who_confirmed_only_as_far_as_it_is_known(tmp_path):
    article = demo_project().article
    lloyd, reid = article.authors[0], article.authors[1]
    lloyd.disclosure.certified_by = ""                  # nobody chosen in "I am"
    reid.disclosure.certified_by = lloyd.id             # Bethan recorded it for Malcolm
    text = "\n".join(_notes(article, tmp_path))
    assert "Signed electronically" not in text
    assert "Confirmed in PiP Writer (" in text
    assert f"Recorded in PiP Writer by {lloyd.name} for {reid.name} (" in text
    lloyd.disclosure.certified_by = lloyd.id
    assert f"Confirmed in PiP Writer by {lloyd.name} (" in "\n".join(_notes(article, tmp_path))


def test_who_confirmed_is_kept_in_the_file_and_leaves_the_answers_certified():
    disclosure = copy.deepcopy(demo_project().article.authors[0].disclosure)
    assert disclosure.is_certified()
    disclosure.certified_by = "author-1234"
    again = Disclosure.from_json(Obj(disclosure.to_json()))
    assert again.certified_by == "author-1234" and again.is_certified()
    assert "certified_by" not in Disclosure.from_json(Obj({})).to_json()


def test_confirming_in_the_wizard_records_who_the_computer_knows(controller, qtbot,
                                                                 monkeypatch):
    from pipwriter.ui import disclosure_host, disclosure_wizard
    window = controller.open_demo()
    qtbot.addWidget(window)
    article = window.session.article
    lloyd, reid = article.authors[0], article.authors[1]
    answers = copy.deepcopy(reid.disclosure)
    answers.item(1).answer = "none" if answers.item(1).answer != "none" else "entries"
    answers = answers.cleaned()
    answers.certify("2026-12-06")

    class Wizard:
        def __init__(self, *args, **kwargs):
            pass

        def resume(self):
            pass

        def result_disclosure(self):
            return copy.deepcopy(answers)
    monkeypatch.setattr(disclosure_wizard, "DisclosureWizard", Wizard)
    monkeypatch.setattr(window, "run_dialog", lambda dialog: True)
    window.coauthoring.set_me(lloyd.id)
    assert disclosure_host.run_disclosure_wizard(window, reid.id)
    assert window.session.article.author(reid.id).disclosure.certified_by == lloyd.id
