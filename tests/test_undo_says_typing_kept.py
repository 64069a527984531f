"""An undo (or redo) of a change to the article that leaves typing done since in place says
so: where a paragraph was typed in after the change, the typing stays and so does that part of
the change. A walk found "Edit › Undo takes the merge back" leave the merged words in a
paragraph typed in since, with nothing on the screen to say so."""

from __future__ import annotations

import copy

from ui_support import type_in_last_paragraph

from pipwriter.model.article.text import Paragraph, RichText, Run

KEPT = "Your typing was kept"


def _shouted(article, section_id: str):
    changed = copy.deepcopy(article)
    target = changed.section(section_id)
    target.body = RichText([Paragraph([Run(p.text().upper())]) for p in target.body.paragraphs])
    return changed


def _said(window) -> list[str]:
    return [text for title, text in window.dialogs.infos if title == KEPT]


def test_undoing_a_merge_over_a_paragraph_typed_in_since_says_what_stayed(
        controller, qtbot, small_project, tmp_path):
    """A real merge of a co-author's copy: the version it kept is named."""
    from test_ui_coauthor import _sam_wrote_in_the_fourth_section
    from ui_support import open_window
    window = open_window(controller, small_project, tmp_path, qtbot)
    session = window.session
    fourth, copy_path = _sam_wrote_in_the_fourth_section(window, tmp_path)
    window.run_dialog = lambda dialog: True
    assert window.coauthoring.merge_copy(copy_path)
    type_in_last_paragraph(window, fourth.id, " typed since")
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(_said(window)))
    [text] = _said(window)
    assert text.startswith("“Bring in Sam Jones's copy” was taken back, except where you have "
                           f"typed since: “{fourth.title}”.")
    assert text.endswith("Your article as it was before it is kept: see File › Versions…, the "
                         "version “before bringing in Sam Jones's copy”.")
    session.sync()
    assert session.article.section(fourth.id).body.plain_text() == \
        "Sam wrote this. typed since"                      # as the message says


def test_undoing_a_restore_over_typing_since_names_the_backup(controller, qtbot):
    from pipwriter.model.storage.project import Project
    from pipwriter.ui.data_safety import restore_into
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    section = session.article.sections[1]
    assert restore_into(window, Project(_shouted(session.article, section.id)),
                        "the version “sent to Sam”")
    type_in_last_paragraph(window, section.id, " typed since")
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(_said(window)))
    [text] = _said(window)
    assert text.endswith("Your article as it was before it is kept: see File › Backups…, the "
                         "copy kept before restoring the version “sent to Sam”.")


def test_redo_over_typing_since_says_so_too(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    section = session.article.sections[1]
    session.change("Replace all", lambda a: setattr(
        a.section(section.id), "body", _shouted(a, section.id).section(section.id).body))
    session.undo_stack.undo()                              # nothing typed: nothing to say
    type_in_last_paragraph(window, section.id, " more")
    session.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(_said(window)))
    [text] = _said(window)
    assert text.startswith("“Replace all” was done again, except where you have typed since")
    assert "Versions" not in text                          # only a merge keeps a version


def test_an_undo_that_keeps_typing_elsewhere_says_nothing(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    session = window.session
    changed, other = session.article.sections[1], session.article.sections[3]
    session.change("Replace all", lambda a: setattr(
        a.section(changed.id), "body", _shouted(a, changed.id).section(changed.id).body))
    type_in_last_paragraph(window, other.id, " elsewhere")
    session.undo_stack.undo()
    qtbot.wait(50)
    assert _said(window) == []                         # the change was wholly taken back
    session.sync()
    assert not session.article.section(changed.id).body.plain_text().isupper()


def test_what_it_says_is_plain():
    from test_plain_words import score

    from pipwriter.ui.snapshot_undo import typing_kept_message
    said = [typing_kept_message("Merge Sam Jones's copy", redo, ["Why we did it", "What next"],
                                "File › Versions…, the version “before merging Sam's copy”")
            for redo in (False, True)]
    failures, scored = score(("undo", text) for text in said)
    assert scored == 2 and not failures, failures
