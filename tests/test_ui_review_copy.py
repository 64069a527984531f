"""File › Send for review as a Word document and File › Bring in a reviewed Word document, on
the real window: the copy is saved, and what the reviewer changed in Word comes back through the
merge dialog as one undoable step."""

from __future__ import annotations

import pytest
from test_review_copy import review_like_word

from pipwriter.model.storage.project_file import save_project
from pipwriter.ui.suggestions_panel import SuggestionsPanel


@pytest.fixture
def window(controller, tmp_path, qtbot):
    from pipwriter.model.storage.demo import demo_project
    win = controller.open_path(save_project(demo_project(), tmp_path / "demo.pipw"))
    qtbot.addWidget(win)
    return win


def action(window, text):
    return next(a for a in window.file_menu.actions() if a.text().replace("&", "") == text)


def test_send_for_review_and_bring_the_reviewed_copy_back(window, tmp_path):
    dialogs = window.dialogs
    window.session.change("title", lambda a: setattr(a, "title", "After a stroke: what next?"))
    dialogs.queue("text", "Sam Jones")
    dialogs.queue("save_word", str(tmp_path / "for Sam"))
    action(window, "Send for review as a Word document…").trigger()
    review = tmp_path / "for Sam.docx"
    assert review.is_file()
    assert dialogs.infos[-1][0] == "Word copy saved" and "Track Changes" in dialogs.infos[-1][1]
    suggested = next(args[1] for kind, args in dialogs.asked if kind == "save_word")
    assert suggested.endswith(" - for Sam-Jones.docx")
    assert not set(suggested) & set('<>:"/\\|?*'), suggested     # Windows accepts it

    edited = tmp_path / "back from Sam.docx"
    review_like_word(review, edited)
    seen = {}

    def run_dialog(dialog):
        seen["review"] = dialog.review.toPlainText()
        seen["title"] = dialog.windowTitle()
        return True
    window.run_dialog = run_dialog
    dialogs.queue("file", str(edited))
    action(window, "Bring in a reviewed Word document…").trigger()
    session = window.session
    session.sync()
    joined = "\n".join(s.body.accepted().plain_text() for s in session.article.sections)
    standing = "\n".join(s.body.plain_text() for s in session.article.sections)
    assert "Sam added this sentence." in joined and "A new paragraph Sam wrote." in joined
    assert "Sam added this sentence." not in standing          # suggested, not applied
    assert "their changes taken" in seen["review"]
    assert seen["title"] == "Bring in Sam Jones's copy"        # who it was for, not the file
    assert [c.author for c in session.article.comments] == ["Sam Jones"]
    # changes made without Track Changes too: by the person it was sent to ("The reviewer")
    assert {note.author for note in session.article.suggestions} == {"Sam Jones"}
    panel = window.findChild(SuggestionsPanel)                 # shown, to decide on each
    assert panel is not None and panel.isVisible() and panel.list.count() >= 4
    assert any("Sam Jones suggests: Add “Sam added this sentence.”" in
               panel.list.item(n).text() for n in range(panel.list.count()))
    dialogs.queue("confirm", True)
    assert panel.settle_all(True)
    session.sync()
    standing = "\n".join(s.body.plain_text() for s in session.article.sections)
    assert "Sam added this sentence." in standing and "A new paragraph Sam wrote." in standing
    session.undo_stack.undo()                                  # the accepting, undone
    session.undo_stack.undo()                                  # one step takes it all back
    session.sync()
    joined = "\n".join(s.body.accepted().plain_text() for s in session.article.sections)
    assert "Sam added this sentence." not in joined
    assert not session.article.comments


def test_a_word_file_that_is_not_a_review_copy_is_refused_plainly(window, tmp_path):
    import docx
    other = tmp_path / "other.docx"
    document = docx.Document()
    document.add_paragraph("Hello")
    document.save(str(other))
    dialogs = window.dialogs
    dialogs.queue("text", "Sam Jones")
    dialogs.queue("save_word", str(tmp_path / "copy.docx"))
    action(window, "Send for review as a Word document…").trigger()
    dialogs.queue("file", str(other))
    action(window, "Bring in a reviewed Word document…").trigger()
    assert "not a review copy" in dialogs.errors[-1][1]
