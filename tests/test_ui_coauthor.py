"""Drive the real main window for writing together: send a copy, merge it back with a conflict,
approve and see the approval go out of date, who writes what, and File › Import a Word draft."""

from __future__ import annotations

import docx
import pytest
from coauthor_support import open_window, send_to_sam, type_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSizeGrip, QWidget

from pipwriter.importer.docx_import import plan_import
from pipwriter.model.article.reference import format_bmj
from pipwriter.model.article.text import RichText
from pipwriter.model.coauthoring.approval import (
    APPROVED,
    OUT_OF_DATE,
    approval_lines,
    approval_state,
)
from pipwriter.model.coauthoring.merge import THEIRS
from pipwriter.model.rules.findings import Where
from pipwriter.model.storage.history_store import project_key
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.versions import list_versions
from pipwriter.ui.merge_dialog import ONLY_THEIRS
from pipwriter.ui.navigator import ROLE


@pytest.fixture
def window(controller, qtbot, small_project, tmp_path):
    return open_window(controller, qtbot, small_project, tmp_path)


_type, _send_to_sam = type_in, send_to_sam


def test_send_to_a_co_author(window, tmp_path):
    article = window.session.article
    written = _send_to_sam(window, tmp_path)
    assert written == tmp_path / "for Sam.pipw"
    copy = load_project(written)
    assert copy.article.to_json() == article.to_json()
    [entry] = copy.ancestry
    assert (entry["sent_to"], entry["sent_to_id"], entry["note"]) == \
        ("Sam Jones", article.authors[1].id, "please check your viewpoint")
    assert entry["from_file"] == "Walking together.pipw"
    assert [v.name for v in list_versions(project_key(article))] == ["sent to Sam Jones"]
    assert window.dialogs.infos[-1][0] == "Copy saved"
    assert window.dialogs.save_titles[-1] == "Save the copy for Sam Jones"     # not "the article"
    assert "Sam Jones" in window.dialogs.asked[0][1][2]          # offered by name


def test_merge_a_copy_with_a_conflict_choosing_theirs(window, qtbot, tmp_path):
    session = window.session
    first, fourth = session.article.sections[0], session.article.sections[3]
    copy_path = _send_to_sam(window, tmp_path)

    theirs = load_project(copy_path)                     # Sam works on the copy at home
    theirs.article.section(first.id).body = RichText.from_plain("Sam wrote the start.")
    theirs.article.section(fourth.id).body = RichText.from_plain("Sam wrote this too.")
    save_project(theirs, copy_path)
    _type(qtbot, window, first, "Asha wrote the start.")  # meanwhile, on the hospital laptop

    seen = {}

    def run_dialog(dialog):
        seen["items"] = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        seen["theirs"] = dialog.theirs_view.toHtml()
        dialog.choose(0, THEIRS)
        seen["review"] = dialog.review.toPlainText()
        return True
    window.run_dialog = run_dialog
    window.dialogs.queue("file", str(copy_path))
    assert window.coauthoring.merge_copy()

    assert len(seen["items"]) == 1 and seen["items"][0].startswith(f"“{first.title}”")
    assert ONLY_THEIRS.split(";")[0].split(":")[1] in seen["theirs"]     # Sam's words marked
    assert f"“{first.title}”: took theirs" in seen["review"]
    assert f"“{fourth.title}”: their changes taken" in seen["review"]
    session.sync()
    assert session.article.section(first.id).body.plain_text() == "Sam wrote the start."
    assert session.article.section(fourth.id).body.plain_text() == "Sam wrote this too."
    assert window.isWindowModified()
    versions = {v.name: v for v in list_versions(project_key(session.article))}
    assert {"before bringing in Sam Jones's copy", "Sam Jones's copy as brought in"} <= \
        set(versions)
    kept = load_project(versions["before bringing in Sam Jones's copy"].path).article
    assert kept.section(first.id).body.plain_text() == "Asha wrote the start."
    assert session.project.ancestry[-1]["event"] == "merged"

    session.undo_stack.undo()                            # one step takes the merge back
    session.sync()
    assert session.article.section(first.id).body.plain_text() == "Asha wrote the start."
    assert session.article.section(fourth.id).body.plain_text() == ""


def test_merge_combining_and_editing_both_texts(window, qtbot, tmp_path):
    session = window.session
    first = session.article.sections[0]
    copy_path = _send_to_sam(window, tmp_path)
    theirs = load_project(copy_path)
    theirs.article.section(first.id).body = RichText.from_plain("Sam's sentence.")
    save_project(theirs, copy_path)
    _type(qtbot, window, first, "Asha's sentence.")

    def run_dialog(dialog):
        dialog.combine.setChecked(True)                  # as a click on "Combine them and edit"
        editor = dialog.combined_editor
        assert editor.toPlainText().split("\n") == ["Asha's sentence.", "Sam's sentence."]
        editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(editor, " Both agree.")
        dialog.accept()
        return True
    window.run_dialog = run_dialog
    assert window.coauthoring.merge_copy(copy_path)
    session.sync()
    assert session.article.section(first.id).body.plain_text() == \
        "Asha's sentence.\nSam's sentence. Both agree."


def test_merge_cancelled_changes_nothing(window, qtbot, tmp_path):
    session = window.session
    copy_path = _send_to_sam(window, tmp_path)
    theirs = load_project(copy_path)
    theirs.article.sections[2].body = RichText.from_plain("Their text.")
    save_project(theirs, copy_path)
    before = session.article.to_json()
    window.run_dialog = lambda dialog: False
    assert not window.coauthoring.merge_copy(copy_path)
    assert session.article.to_json() == before
    assert [v.name for v in list_versions(project_key(session.article))] == ["sent to Sam Jones"]


def test_approving_for_someone_else_asks_first(window):
    """Found by a walk: with "I am" set to one author, anyone could record another's approval
    without a word, and the editors were told that author approved."""
    session = window.session
    asha, sam = session.article.authors
    window.coauthoring.set_me(asha.id)
    window.dialogs.queue("choice", 1)                    # Sam Jones (Asha is listed first)
    window.dialogs.queue("confirm", False)               # "Cancel"
    assert not window.coauthoring.approve()
    assert approval_state(session.article, sam) != APPROVED
    kind, (title, text) = window.dialogs.asked[-1]
    assert (kind, title) == ("confirm", "Approve for someone else?")
    assert "knows you as Dr Asha Patel" in text and "Sam Jones has told you" in text
    assert window.dialogs.last_confirm["keep"]           # Return and Escape: do not record
    window.dialogs.queue("choice", 1, 0)                 # Sam; the whole article
    window.dialogs.queue("confirm", True, True)          # yes, Sam told me; approve
    assert window.coauthoring.approve()
    assert approval_state(session.article, sam) == APPROVED
    assert "checklist for the editors will say Sam Jones approved it, recorded by Dr Asha " \
        "Patel" in text
    assert approval_lines(session.article)[1].endswith("(recorded by Dr Asha Patel)")

    def someone_else() -> int:
        return sum(args[0] == "Approve for someone else?" for kind, args in window.dialogs.asked
                   if kind == "confirm")
    asked = someone_else()
    window.dialogs.queue("choice", 0, 0)                 # Asha herself: not asked
    window.dialogs.queue("confirm", True)
    assert window.coauthoring.approve()
    assert approval_state(session.article, asha) == APPROVED
    assert someone_else() == asked
    assert "recorded by" not in approval_lines(session.article)[0]      # her own


def test_approval_is_shown_and_goes_out_of_date(window, qtbot):
    session = window.session
    asha, sam = session.article.authors
    window.open_panel(f"section:{session.article.sections[0].id}")
    window.dialogs.queue("choice", 0, 0)                 # Asha; the whole article
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    assert window.coauthoring.approve()
    assert approval_state(session.article, asha) == APPROVED
    assert window.coauthoring.me() == asha.id            # remembered as "I am"
    bar = window.statusBar()                             # the message fits on a laptop screen
    message = bar.currentMessage()
    assert "Recorded: Dr Asha Patel approves" in message
    assert "now knows you as Dr Asha Patel" in message
    shown = [w for w in bar.findChildren(QWidget) if w.parentWidget() is bar and w.isVisible()
             and not isinstance(w, QSizeGrip) and w.width() > 0 and w is not bar.message]
    room = min((w.geometry().left() for w in shown), default=bar.width())
    assert bar.fontMetrics().horizontalAdvance(message) < room - 8

    window.open_panel("checklist")
    panel = window.panels["checklist"]
    assert "Dr Asha Patel: approved the article on" in panel.approvals.text()
    assert "Sam Jones: not approved yet" in panel.approvals.text()
    codes = {(f.code, f.where.author_id) for f in panel.report.findings}
    assert ("approval-missing", sam.id) in codes

    _type(qtbot, window, session.article.sections[1], "A later change.")
    session.sync()
    assert approval_state(session.article, asha) == OUT_OF_DATE
    window.open_panel("checklist")
    panel.recompute()
    assert "Dr Asha Patel: approval out of date" in panel.approvals.text()
    assert ("approval-out-of-date", asha.id) in \
        {(f.code, f.where.author_id) for f in panel.report.findings}


def _sam_writes_the_second_section(window):
    """Choose Sam in "Written by" on the second section, as a user does; (Sam, the section)."""
    article = window.session.article
    sam, target = article.authors[1], article.sections[1]
    window.open_panel(f"section:{target.id}")
    combo = window.section_panel.assignee_combo
    assert combo.currentData() == ""                     # "Nobody yet"
    combo.setCurrentIndex(combo.findData(sam.id))
    combo.activated.emit(combo.currentIndex())
    return sam, target


def test_who_writes_what_and_only_my_sections(window):
    session = window.session
    sam, target = _sam_writes_the_second_section(window)
    assert session.article.section(target.id).assignee == sam.id
    nav = window.navigator
    [item] = [nav.item(r) for r in range(nav.count())
              if nav.item(r).data(ROLE) == f"section:{target.id}"]
    assert item.text().endswith("words · Sam Jones")

    window.coauthoring.me_combo.setCurrentIndex(window.coauthoring.me_combo.findData(sam.id))
    window.coauthoring.me_combo.activated.emit(window.coauthoring.me_combo.currentIndex())
    assert window.coauthoring.me() == sam.id
    window.coauthoring.only_mine_action.setChecked(True)
    shown = [nav.item(r).data(ROLE) for r in range(nav.count()) if not nav.item(r).isHidden()]
    sams_view = next(s for s in session.article.viewpoints() if sam.id in s.author_ids)
    assert [k for k in shown if k.startswith("section:")] == \
        [f"section:{target.id}", f"section:{sams_view.id}"]
    assert "authors" in shown                            # the other panels stay
    note = window.coauthoring.only_mine_note             # it says so in words, not only a border
    hidden = len(session.article.sections) - 2
    assert not note.isHidden()
    assert note.text() == (f"Only the sections for {sam.name} are listed: {hidden} other "
                           f"section{'s' if hidden != 1 else ''} hidden for now.")
    window.coauthoring.only_mine_action.setChecked(False)
    assert all(not nav.item(r).isHidden() for r in range(nav.count()))
    assert note.isHidden()

    session.undo_stack.undo()
    assert session.article.section(target.id).assignee == ""


def test_import_a_word_draft_from_the_file_menu(controller, window, tmp_path):
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Background", level=1)
    d.add_paragraph("Why we started [1].")
    d.add_heading("Our team", level=1)
    d.add_paragraph("Eleven people.")
    d.add_heading("References", level=1)
    d.add_paragraph("1. Smith J. A study. BMJ 2020;1:1.")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    [unsure] = plan_import(path).unsure()
    key = next(k for k, label in plan_import(path).options(unsure)
               if label == "How it worked in practice")

    def answer(plan):
        [choice] = plan.unsure()
        assert choice.heading == "Our team"                 # shown as not sure
        plan.choose(choice.number, key)
        return True
    controller.dialogs.queue("file", str(path))
    controller.dialogs.queue("review", answer)

    window.coauthoring.import_action.trigger()

    new = controller.windows[-1]
    assert new is not window
    article = new.session.article
    assert article.title == "Our draft" and new.isWindowModified() and new.session.path is None
    assert next(s for s in article.sections if s.title == "Our team").key == "implementation"
    assert [format_bmj(r) for r in article.references] == ["Smith J. A study. BMJ 2020;1:1."]
    assert article.references[0].kind == "journal"          # read into its parts
    assert controller.dialogs.infos[-1][0] == "Word draft imported"


def test_start_screen_starts_from_a_word_draft(controller, qtbot, tmp_path):
    d = docx.Document()
    d.add_paragraph("Draft from the start screen", style="Title")
    d.add_heading("Why we did it", level=1)
    d.add_paragraph("Because people asked us to.")
    path = tmp_path / "start.docx"
    d.save(str(path))
    controller.show_start()
    start = controller.start
    assert start.import_button.isVisible() and start.import_button.accessibleName()
    controller.dialogs.queue("file", str(path))
    QTest.mouseClick(start.import_button, Qt.MouseButton.LeftButton)
    [window] = controller.windows
    qtbot.addWidget(window)
    assert window.session.article.title == "Draft from the start screen"
    assert not start.isVisible() and window.session.path is None
    texts = [s.body.plain_text() for s in window.session.article.sections]
    assert "Because people asked us to." in texts


def test_start_screen_import_cancelled_keeps_the_start_screen(controller, qtbot):
    controller.show_start()
    controller.dialogs.queue("file", None)
    QTest.mouseClick(controller.start.import_button, Qt.MouseButton.LeftButton)
    assert controller.windows == [] and controller.start.isVisible()


def test_approving_from_a_panel_with_no_section_asks_once_and_says_who_you_are(window):
    session = window.session
    asha = session.article.authors[0]
    window.open_panel("references")                      # no section: only the whole article
    window.dialogs.queue("choice", 0)                    # Asha
    window.dialogs.queue("confirm", True)                # yes, the whole article
    assert window.coauthoring.approve()
    assert [kind for kind, _args in window.dialogs.asked].count("choice") == 1
    assert approval_state(session.article, asha) == APPROVED
    assert "now knows you as Dr Asha Patel" in window.statusBar().currentMessage()


def _sam_wrote_in_the_fourth_section(window, tmp_path):
    """A copy sent to Sam, who wrote in the fourth section: (that section, the copy's path)."""
    fourth = window.session.article.sections[3]
    copy_path = _send_to_sam(window, tmp_path)
    theirs = load_project(copy_path)
    theirs.article.section(fourth.id).body = RichText.from_plain("Sam wrote this.")
    save_project(theirs, copy_path)
    return fourth, copy_path


def test_a_copy_already_merged_is_not_merged_again(window, qtbot, tmp_path):
    """Sam sends the same copy twice: the second time nothing of it comes back (what Asha
    removed since stays removed), and she is told why."""
    session = window.session
    fourth, copy_path = _sam_wrote_in_the_fourth_section(window, tmp_path)
    window.run_dialog = lambda dialog: True
    window.dialogs.queue("file", str(copy_path))
    assert window.coauthoring.merge_copy()
    session.sync()
    assert session.article.section(fourth.id).body.plain_text() == "Sam wrote this."
    session.change("remove Sam's line", lambda a: setattr(
        a.section(fourth.id), "body", RichText.from_plain("")))
    window.dialogs.queue("file", str(copy_path))
    assert not window.coauthoring.merge_copy()
    title, text = window.dialogs.infos[-1]
    assert title == "Already brought in" and "Bringing it in again would bring back" in text
    session.sync()
    assert session.article.section(fourth.id).body.plain_text() == ""


def test_a_merge_undone_can_be_merged_again_and_redo_brings_its_record_back(window, tmp_path):
    """Found by a walk: after Edit › Undo of a merge the same copy was refused as "already
    merged" (its record stayed in the article's history), so the co-author's changes could
    only come back by Redo, which nothing said."""
    session = window.session
    fourth, copy_path = _sam_wrote_in_the_fourth_section(window, tmp_path)
    window.run_dialog = lambda dialog: True
    assert window.coauthoring.merge_copy(copy_path)
    merges = [e for e in session.project.ancestry if e["event"] == "merged"]
    assert len(merges) == 1
    session.undo_stack.undo()
    assert [e for e in session.project.ancestry if e["event"] == "merged"] == []
    session.undo_stack.redo()                            # the merge and its record, back
    assert [e for e in session.project.ancestry if e["event"] == "merged"] == merges
    session.undo_stack.undo()
    infos = len(window.dialogs.infos)
    assert window.coauthoring.merge_copy(copy_path)      # merged again, not refused
    assert len(window.dialogs.infos) == infos
    session.sync()
    assert session.article.section(fourth.id).body.plain_text() == "Sam wrote this."
    assert len([e for e in session.project.ancestry if e["event"] == "merged"]) == 1


def test_show_only_my_sections_never_leaves_a_hidden_section_open(window):
    """Found by a walk of the app: turning it on while a section that is not yours was open
    left that section open, nothing highlighted, and "This section" counting a hidden one."""
    session = window.session
    article = session.article
    sam, target = _sam_writes_the_second_section(window)
    other = next(s for s in article.sections if s.id != target.id and not s.assignee
                 and sam.id not in s.author_ids)
    window.open_panel(f"section:{other.id}")                 # not Sam's
    coauthoring = window.coauthoring
    coauthoring.set_me(sam.id)
    coauthoring.only_mine_action.setChecked(True)
    nav = window.navigator
    assert not nav.currentItem().isHidden()
    assert window.current_section_id() == target.id          # Sam's first section opens
    assert window.section_panel.section_id == target.id
    assert window.figures.panel_words == session.section_words(target.id)
    coauthoring.only_mine_action.setChecked(False)
    assert window.current_section_id() == target.id          # and stays when all show again


def test_a_viewpoint_nobody_is_chosen_for_says_it_is_its_owners(window):
    """Found by a walk of the app: "This is the viewpoint of Malcolm Reid" above "Written by:
    Nobody yet", though "Show only my sections" lists it as his."""
    article = window.session.article
    viewpoint = next(s for s in article.sections if s.kind == "viewpoint")
    viewpoint.assignee = ""
    owner = article.viewpoint_owner_names(viewpoint)
    window.open_panel(f"section:{viewpoint.id}")
    combo = window.section_panel.assignee_combo
    assert combo.currentData() == ""
    assert combo.currentText() == f"{owner}, whose viewpoint it is"
    plain = next(s for s in article.sections if s.kind != "viewpoint" and not s.assignee)
    window.open_panel(f"section:{plain.id}")
    assert combo.currentText() == "Nobody yet"


def test_a_section_not_mine_opened_on_purpose_is_listed_while_it_is_open(window):
    """Found by a walk of the app: with "Show only my sections" on, going to a key quote in
    someone else's section opened it with nothing highlighted in the list."""
    article = window.session.article
    sam, target = _sam_writes_the_second_section(window)
    window.coauthoring.set_me(sam.id)
    window.coauthoring.only_mine_action.setChecked(True)
    other = next(s for s in article.sections if not s.assignee and sam.id not in s.author_ids)
    nav = window.navigator

    def row(section_id):
        return next(nav.item(r) for r in range(nav.count())
                    if nav.item(r).data(ROLE) == f"section:{section_id}")

    assert row(other.id).isHidden()
    window.go_to(Where(section_id=other.id))                 # as a checklist item or quote does
    assert window.section_panel.section_id == other.id
    assert nav.currentItem() is row(other.id) and not row(other.id).isHidden()
    window.open_panel(f"section:{target.id}")                # back to mine: hidden again
    assert row(other.id).isHidden()


def test_a_copy_opened_as_it_came_says_who_sent_it_and_shows_the_note(window, qtbot, tmp_path,
                                                                    controller):
    """Found by a walk: the note written for the co-author was kept in the file and shown
    nowhere when they opened it."""
    asha, sam = window.session.article.authors
    window.coauthoring.set_me(asha.id)
    window.dialogs.queue("choice", 0)                    # Sam Jones, the only other author
    window.dialogs.queue("text", "please check your viewpoint")
    window.dialogs.queue("save", str(tmp_path / "for Sam.pipw"))
    copy_path = window.coauthoring.send_copy()
    window.coauthoring.set_me("")                # Sam's computer does not know him yet
    theirs = controller.open_path(copy_path)
    qtbot.addWidget(theirs)
    theirs.show()
    qtbot.waitUntil(lambda: any(t == "A copy sent to you" for t, _ in theirs.dialogs.infos),
                    timeout=3000)
    text = next(x for t, x in theirs.dialogs.infos if t == "A copy sent to you")
    assert text.startswith("Dr Asha Patel sent this copy of the article on ")
    assert "to Sam Jones." in text and "Their note: “please check your viewpoint”" in text
    assert "now knows you as Sam Jones" in text
    assert theirs.coauthoring.me() == sam.id

    theirs.session.change("Sam's change", lambda a: setattr(a, "title", "Sam's title"))
    infos = len(theirs.dialogs.infos)
    assert not theirs.coauthoring.greet_received_copy()      # changed since: not "as it came"
    assert len(theirs.dialogs.infos) == infos
    assert not window.coauthoring.greet_received_copy()      # the article itself: no note
