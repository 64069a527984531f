"""The start screen reaches the backups and versions of a file without opening it, so a user
whose file will not open (damaged, cut short, or gone) is never locked out of their article."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pipwriter.model.article.text import RichText
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.safe_save import save_with_backup
from pipwriter.model.storage.versions import save_project_version


def _history(tmp_path, small_project):
    """A file saved three times (two backups) with one named version; then it is damaged."""
    path = tmp_path / "walking.pipw"
    project = small_project
    first = project.article.sections[0]
    for text in ("First draft.", "Second draft.", "Third draft."):
        first.body = RichText.from_plain(text)
        save_with_backup(project, path)
        if text == "Second draft.":
            save_project_version(project, "sent to Sam")
    return path, first.id


def _open_history(controller, qtbot, path):
    controller.show_start()
    controller.dialogs.queue("file", str(path))
    qtbot.mouseClick(controller.start.history_button, Qt.MouseButton.LeftButton)
    dialog = controller.history_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_a_damaged_file_is_rescued_from_its_backup_on_the_start_screen(controller, qtbot,
                                                                        tmp_path, small_project):
    path, first = _history(tmp_path, small_project)
    path.write_bytes(path.read_bytes()[:300])          # cut short while copying
    assert controller.open_path(path) is None           # it will not open
    assert "damaged" in controller.dialogs.errors[-1][1]

    controller.show_start()
    button = controller.start.history_button
    assert button.isVisible() and button.isEnabled()
    assert button.accessibleName() == "Open a backup or version"
    dialog = _open_history(controller, qtbot, path)
    assert dialog.isVisible()
    labels = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert labels[0].startswith("Version: sent to Sam")
    assert [label.split(":")[0] for label in labels] == ["Version", "Backup", "Backup"]
    assert "Second draft." in dialog.view.toPlainText()  # the first is shown straight away

    dialog.select(1)                                     # the newest backup
    assert "Second draft." in dialog.view.toPlainText()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    window = controller.windows[-1]
    qtbot.addWidget(window)
    window.session.sync()
    assert window.session.article.section(first).body.plain_text() == "Second draft."
    assert window.session.path is None and window.session.is_modified()
    assert "backup from" in window.statusBar().currentMessage()
    assert path.read_bytes()[:2] == b"PK" and len(path.read_bytes()) == 300   # left alone

    target = tmp_path / "walking rescued.pipw"           # saving asks where (a new article)
    window.dialogs.queue("save", str(target))
    assert window.save()
    assert load_project(target).article.section(first).body.plain_text() == "Second draft."


def test_a_file_that_has_gone_still_finds_its_versions(controller, qtbot, tmp_path,
                                                       small_project):
    path, first = _history(tmp_path, small_project)
    path.unlink()
    dialog = _open_history(controller, qtbot, path)
    assert dialog.list.count() == 3
    window = dialog.open_selected()                      # the version
    qtbot.addWidget(window)
    window.session.sync()
    assert window.session.article.section(first).body.plain_text() == "Second draft."
    assert "version “sent to Sam”" in window.statusBar().currentMessage()


def test_a_file_with_no_copies_says_so(controller, qtbot, tmp_path, small_project):
    path = save_project(small_project, tmp_path / "new.pipw")
    dialog = _open_history(controller, qtbot, path)
    assert dialog.list.count() == 0 and not dialog.open_button.isEnabled()
    assert "no backups or versions" in dialog.intro.text()
    assert dialog.open_selected() is None and not controller.windows


def test_a_copy_that_cannot_be_read_is_explained_and_another_can_be_chosen(
        controller, qtbot, tmp_path, small_project):
    path, first = _history(tmp_path, small_project)
    dialog = _open_history(controller, qtbot, path)
    broken = dialog.items[1]
    broken.path.write_bytes(b"not a zip")
    dialog.select(1)
    assert "cannot be opened" in dialog.view.toPlainText()
    assert dialog.open_selected() is None and not controller.windows
    dialog.select(2)
    window = dialog.open_selected()
    qtbot.addWidget(window)
    window.session.sync()
    assert window.session.article.section(first).body.plain_text() == "First draft."


def test_cancelling_the_file_choice_shows_nothing(controller, qtbot):
    controller.show_start()
    qtbot.mouseClick(controller.start.history_button, Qt.MouseButton.LeftButton)
    assert getattr(controller, "history_dialog", None) is None


def test_a_file_that_will_not_open_offers_its_copies(controller, qtbot, tmp_path, small_project):
    path, first = _history(tmp_path, small_project)
    path.write_bytes(b"PK\x03\x04 cut short")
    controller.dialogs.queue("confirm", True)
    assert controller.open_path(path) is None
    title, text = [a for a in controller.dialogs.asked if a[0] == "confirm"][-1][1]
    assert "3 earlier copies" in text
    dialog = controller.history_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.list.count() == 3


def test_another_file_of_the_article_that_will_not_open_says_whose_copies_they_are(
        controller, qtbot, tmp_path, small_project):
    """Found by a walk: a co-author's copy saved by a newer PiP Writer offered "16 earlier
    copies of “newer.pipw”", which were the backups of the user's own file of the article."""
    import json
    import zipfile
    own, _first = _history(tmp_path, small_project)
    theirs = tmp_path / "newer.pipw"
    with zipfile.ZipFile(own) as source, zipfile.ZipFile(theirs, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["format_version"] = 99
                data = json.dumps(manifest).encode()
            copy.writestr(item, data)
    controller.dialogs.queue("confirm", True)
    assert controller.open_path(theirs) is None
    _title, text = [a for a in controller.dialogs.asked if a[0] == "confirm"][-1][1]
    assert "3 earlier copies of this article" in text and "“newer.pipw”" in text
    assert "of “newer.pipw”" not in text and "your own copy" in text
    dialog = controller.history_dialog
    qtbot.addWidget(dialog)
    labels = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(labels) == 3 and all(label.endswith("(from “walking.pipw”)") for label in labels)
    assert "of this article" in dialog.intro.text()
    assert "of “walking.pipw”" in _own_copies_text(controller, own)


def _own_copies_text(controller, path) -> str:
    """What the dialog says about the file's own copies (none from another file)."""
    from pipwriter.ui.history_dialogs import FileHistoryDialog
    dialog = FileHistoryDialog(path, lambda *_args: None)
    labels = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert not any("(from “" in label for label in labels)
    text = dialog.intro.text()
    dialog.deleteLater()
    return text
