"""Save looks before it overwrites: a file changed by someone else since it was opened or saved
is never silently replaced (merge, save as a new file, or overwrite, as the user chooses); what
counts is the file's content, not its clock; a read-only file is left alone with a clear message
and Save As; saving keeps the file's permissions and writes through a symbolic link."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.model.article.text import RichText
from pipwriter.model.errors import ProjectFileError
from pipwriter.model.storage.backups import list_backups
from pipwriter.model.storage.history_store import project_key
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.safe_save import FileChangedError, changed_on_disk, save_with_backup
from pipwriter.ui.saving import CHANGED_CHOICES, MERGE, OVERWRITE, SAVE_NEW


@pytest.fixture
def saved(tmp_path, small_project):
    return save_project(small_project, tmp_path / "walking.pipw")


def _someone_else_writes(path, section_index=3, text="Sam wrote this at home."):
    """Another program (or another PiP Writer window) saves its own edit into the file."""
    theirs = load_project(path)
    section = theirs.article.sections[section_index]
    section.body = RichText.from_plain(text)
    save_project(theirs, path)
    return section.id


# --- the model: content, not clocks --------------------------------------------------------------
def test_saving_over_a_file_someone_else_changed_is_refused_and_nothing_is_written(saved):
    mine = load_project(saved)
    _someone_else_writes(saved)
    theirs_bytes = saved.read_bytes()
    mine.article.title = "Mine"
    assert changed_on_disk(mine)
    with pytest.raises(FileChangedError) as caught:
        save_with_backup(mine)
    assert "changed by another program" in str(caught.value)
    assert saved.read_bytes() == theirs_bytes

    save_with_backup(mine, overwrite=True)             # the user chose to overwrite
    assert load_project(saved).article.title == "Mine"
    kept = load_project(list_backups(project_key(mine.article))[0].path)
    assert kept.article.sections[3].body.plain_text() == "Sam wrote this at home."
    mine.article.title = "Mine again"                  # and it now knows the file is its own
    save_with_backup(mine)


def test_a_new_time_with_the_same_content_is_not_a_change(saved, small_project):
    mine = load_project(saved)
    info = saved.stat()
    os.utime(saved, ns=(info.st_atime_ns, info.st_mtime_ns + 7_200 * 10**9))  # clock ahead
    assert not changed_on_disk(mine)
    save_project(load_project(saved), saved)           # saved again, same text, new time
    assert not changed_on_disk(mine)
    mine.article.title = "Mine"
    save_with_backup(mine)


def _rewrite_stored(path, change=lambda name, data: data):
    """Write the project file again with every member stored (not compressed), so a change of
    one letter keeps the file's size exactly."""
    import zipfile
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for info, data in members:
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, change(info.filename, data))


def test_a_change_with_the_same_size_and_time_is_still_seen(saved):
    _rewrite_stored(saved)
    mine = load_project(saved)
    before = saved.stat()
    _rewrite_stored(saved, lambda name, data: data.replace(b"Walking together",
                                                           b"Walking togethez")
                    if name == "article.json" else data)
    assert saved.stat().st_size == before.st_size
    assert load_project(saved).article.title != mine.article.title
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))   # and the same time
    assert changed_on_disk(mine)
    with pytest.raises(FileChangedError):
        save_with_backup(mine)


def test_saving_keeps_the_files_permissions(saved):
    os.chmod(saved, 0o640)
    project = load_project(saved)
    project.article.title = "Changed"
    save_with_backup(project)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640


def test_saving_through_a_symbolic_link_updates_the_file_it_points_to(tmp_path, saved):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "article.pipw"
    saved.rename(real)
    link = tmp_path / "walking.pipw"
    link.symlink_to(real)
    project = load_project(link)
    project.article.title = "Through the link"
    save_with_backup(project)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_project(real).article.title == "Through the link"
    assert project.path == link
    assert not [p for p in shared.iterdir() if p.name != "article.pipw"]


def test_a_read_only_file_is_not_saved_over(saved):
    before = saved.read_bytes()
    os.chmod(saved, 0o444)                 # read-only (refused even for an administrator)
    project = load_project(saved)
    project.article.title = "Changed"
    with pytest.raises(ProjectFileError) as caught:
        save_with_backup(project)
    assert "read-only" in str(caught.value) and "Save As" in str(caught.value)
    assert saved.read_bytes() == before


# --- the window: say so, offer merge, a new file, or overwrite -----------------------------------
@pytest.fixture
def window(controller, saved, qtbot):
    win = controller.open_path(saved)
    qtbot.addWidget(win)
    return win


def _type(window, text, section_index=0):
    section = window.session.article.sections[section_index]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, text)
    return section


def _asked_choice(window):
    kind, args = [a for a in window.dialogs.asked if a[0] == "choice"][-1]
    return args


def test_save_merges_their_changes_with_mine(window, saved):
    mine = _type(window, "Asha typed this.")
    theirs_id = _someone_else_writes(saved)
    seen = {}

    def run_dialog(dialog):
        seen["title"] = dialog.windowTitle()
        seen["intro"] = dialog.intro.text()
        return True
    window.run_dialog = run_dialog
    window.dialogs.queue("choice", MERGE)
    assert window.save()
    title, text, choices = _asked_choice(window)
    assert title == "The file has changed" and "another program" in text
    assert list(choices) == CHANGED_CHOICES
    assert "walking.pipw" in seen["title"] and "taken automatically" in seen["intro"]
    article = load_project(saved).article
    assert article.section(mine.id).body.plain_text() == "Asha typed this."
    assert article.section(theirs_id).body.plain_text() == "Sam wrote this at home."
    assert not window.session.is_modified()
    window.session.sync()
    assert window.session.article.section(theirs_id).body.plain_text() == \
        "Sam wrote this at home."
    _type(window, " More.")                  # the next save is an ordinary one
    assert window.save()
    assert len([a for a in window.dialogs.asked if a[0] == "choice"]) == 1


def test_save_as_a_new_file_leaves_theirs_alone(window, saved, tmp_path):
    mine = _type(window, "Asha typed this.")
    _someone_else_writes(saved)
    theirs_bytes = saved.read_bytes()
    window.dialogs.queue("choice", SAVE_NEW)
    window.dialogs.queue("save", str(tmp_path / "walking (mine).pipw"))
    assert window.save()
    save_asked = [a for a in window.dialogs.asked if a[0] == "save"][-1]
    assert save_asked[1][0].endswith("walking (mine).pipw")
    assert saved.read_bytes() == theirs_bytes
    assert load_project(tmp_path / "walking (mine).pipw").article.section(mine.id) \
        .body.plain_text() == "Asha typed this."
    assert window.session.path == tmp_path / "walking (mine).pipw"


def test_overwrite_replaces_theirs_and_keeps_it_as_a_backup(window, saved):
    mine = _type(window, "Asha typed this.")
    theirs_id = _someone_else_writes(saved)
    window.dialogs.queue("choice", OVERWRITE)
    assert window.save()
    article = load_project(saved).article
    assert article.section(mine.id).body.plain_text() == "Asha typed this."
    assert article.section(theirs_id).body.plain_text() == ""
    backup = load_project(list_backups(project_key(article))[0].path).article
    assert backup.section(theirs_id).body.plain_text() == "Sam wrote this at home."


def test_cancelling_the_question_saves_nothing(window, saved):
    _type(window, "Asha typed this.")
    _someone_else_writes(saved)
    theirs_bytes = saved.read_bytes()
    assert not window.save()                           # no answer: the question was cancelled
    assert saved.read_bytes() == theirs_bytes and window.session.is_modified()


def test_a_read_only_file_gets_a_clear_message_and_save_as(window, saved, tmp_path):
    mine = _type(window, "Asha typed this.")
    before = saved.read_bytes()
    os.chmod(saved, 0o444)
    window.dialogs.queue("save", str(tmp_path / "walking (copy).pipw"))
    assert window.save()
    title, text = window.dialogs.errors[-1]
    assert title == "This file is read-only" and "Save As" in text
    assert saved.read_bytes() == before
    assert load_project(tmp_path / "walking (copy).pipw").article.section(mine.id) \
        .body.plain_text() == "Asha typed this."


def test_autosave_into_the_file_never_writes_over_someone_elses_change(window, saved):
    window.settings.autosave_to_file = True
    _type(window, "Asha typed this.")
    _someone_else_writes(saved)
    theirs_bytes = saved.read_bytes()
    saver = window.data_safety.autosaver
    assert not saver.snapshot().to_file
    saver.flush()
    saver.wait()
    assert saved.read_bytes() == theirs_bytes


def test_autosave_into_the_file_is_not_mistaken_for_someone_elses_change(window, saved, qtbot):
    window.settings.autosave_to_file = True
    _type(window, "Asha typed this.")
    saver = window.data_safety.autosaver
    saver.flush()
    qtbot.waitUntil(lambda: not window.session.is_modified(), timeout=10000)
    assert not changed_on_disk(window.session.project)
    _type(window, " And this.")
    assert window.save()
    assert not [a for a in window.dialogs.asked if a[0] == "choice"]


def test_a_copy_sent_to_a_co_author_saved_over_the_file_keeps_what_you_wrote_since(
        window, saved, tmp_path):
    """Found by a walk: Sam's copy landed on the article's file (an email attachment saved
    with Replace). Put together against what the file held before, the paragraph Asha had
    saved after sending looked removed by Sam, and went."""
    import shutil

    from pipwriter.model.coauthoring.exchange import send_copy
    copy, _version = send_copy(window.session.project, tmp_path / "for-sam.pipw", "Sam Jones")
    sams = _someone_else_writes(copy, 3, "Sam's edit of his part.")
    first = _type(window, " Asha saved this after sending.")
    assert window.save()                              # saved into the file, after sending
    _type(window, " And typed this, not saved yet.", 1)
    shutil.copy(copy, saved)                          # Sam's copy lands on the file
    window.run_dialog = lambda dialog: True
    window.dialogs.queue("choice", MERGE)
    assert window.save()
    article = load_project(saved).article
    assert "Asha saved this after sending." in article.section(first.id).body.plain_text()
    assert "And typed this, not saved yet." in article.sections[1].body.plain_text()
    assert article.section(sams).body.plain_text() == "Sam's edit of his part."
