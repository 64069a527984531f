"""Drive the real Authors panel: byline order, the form, handles, photos, consent and undo."""

from __future__ import annotations

import pytest
from media_samples import SECRET_CAMERA, write_exif_jpeg, write_picture
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from ui_support import fill_wizard as _fill_wizard

from pipwriter import imaging


@pytest.fixture
def window(controller, qtbot):
    controller.run_wizard = _fill_wizard
    win = controller.new_article()
    qtbot.addWidget(win)
    win.open_panel("authors")
    return win


@pytest.fixture
def panel(window):
    return window.panels["authors"]


def _names(window):
    return [a.name for a in window.session.article.authors]


def _edit(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def _select(panel, name):
    author = next(a for a in panel.session.article.authors if a.name == name)
    panel.focus_item(author.id)
    return author.id


def test_list_shows_the_byline_in_order(window, panel):
    assert panel.list.count() == 2
    assert panel.list.item(0).text().startswith("1. Dr Asha Patel")
    assert panel.list.item(1).text().startswith("2. Sam Jones")
    assert "no photo yet" in panel.list.item(1).text()


def test_add_edit_reorder_and_remove_with_undo(window, panel):
    session = window.session
    panel.add_author()
    assert _names(window) == ["Dr Asha Patel", "Sam Jones", "New author"]
    assert panel.current_author().name == panel.name.text() == "New author"
    _edit(panel.name, "  Priya   Shah ")
    _edit(panel.credentials, "BSc")
    _edit(panel.role, "Carer and co-designer")
    _edit(panel.affiliation, "Leeds Carers Network")
    _edit(panel.email, "priya@example.org")
    panel.partner.setCurrentIndex(panel.partner.findData("carer"))
    author = session.article.authors[2]
    assert (author.name, author.credentials, author.role, author.affiliation, author.email,
            author.partner_type) == ("Priya Shah", "BSc", "Carer and co-designer",
                                     "Leeds Carers Network", "priya@example.org", "carer")
    assert panel.list.item(2).text().startswith("3. Priya Shah — Carer")

    # move her up to second in the byline, then undo and redo
    panel.up_button.click()
    assert _names(window) == ["Dr Asha Patel", "Priya Shah", "Sam Jones"]
    assert panel.current_author().name == "Priya Shah"
    assert panel.list.item(1).text().startswith("2. Priya Shah")
    session.undo_stack.undo()
    assert _names(window) == ["Dr Asha Patel", "Sam Jones", "Priya Shah"]
    session.undo_stack.redo()
    assert _names(window) == ["Dr Asha Patel", "Priya Shah", "Sam Jones"]
    _select(panel, "Dr Asha Patel")
    assert not panel.up_button.isEnabled()
    panel.down_button.click()
    assert _names(window) == ["Priya Shah", "Dr Asha Patel", "Sam Jones"]

    # she owns no viewpoint: removed without a question, and undo brings her back
    _select(panel, "Priya Shah")
    panel.remove_button.click()
    assert _names(window) == ["Dr Asha Patel", "Sam Jones"]
    assert not [a for a in window.dialogs.asked if a[0] == "confirm"]
    session.undo_stack.undo()
    assert _names(window) == ["Priya Shah", "Dr Asha Patel", "Sam Jones"]
    assert session.article.authors[0].role == "Carer and co-designer"
    assert panel.list.count() == 3


def test_each_edit_is_one_undo_step(window, panel):
    _select(panel, "Sam Jones")
    _edit(panel.credentials, "patient partner")
    _edit(panel.affiliation, "Stroke Association")
    window.session.undo_stack.undo()
    author = window.session.article.authors[1]
    assert (author.credentials, author.affiliation) == ("patient partner", "")
    assert panel.affiliation.text() == ""


def test_an_empty_name_is_explained_not_stored(window, panel):
    _select(panel, "Sam Jones")
    _edit(panel.name, "   ")
    assert window.session.article.authors[1].name == "Sam Jones"
    assert panel.name_problem.isVisibleTo(panel)
    assert "needs a name" in panel.name_problem.text()


def test_renaming_updates_generated_viewpoint_titles(window, panel):
    session = window.session
    sam, asha = session.article.authors[1], session.article.authors[0]
    sam_view = next(s for s in session.article.viewpoints() if s.author_ids == [sam.id])
    asha_view = next(s for s in session.article.viewpoints() if s.author_ids == [asha.id])
    assert sam_view.title == "Patient's viewpoint: Sam Jones"
    window.commands.rename_section(asha_view.id, "What I learnt")     # a heading of their own
    _select(panel, "Sam Jones")
    _edit(panel.name, "Samuel Jones")
    _select(panel, "Dr Asha Patel")
    _edit(panel.name, "Dr Asha Patel-Khan")
    assert session.article.section(sam_view.id).title == "Patient's viewpoint: Samuel Jones"
    assert session.article.section(asha_view.id).title == "What I learnt"
    assert any("Samuel Jones" in window.navigator.item(i).text()
               for i in range(window.navigator.count()))
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.article.section(sam_view.id).title == "Patient's viewpoint: Sam Jones"
    assert session.article.authors[1].name == "Sam Jones"


def test_removing_a_viewpoint_owner_asks_first(window, panel):
    session = window.session
    sam_id = _select(panel, "Sam Jones")
    view = next(s for s in session.article.viewpoints() if sam_id in s.author_ids)
    window.dialogs.queue("confirm", False)
    panel.remove_author()
    assert _names(window) == ["Dr Asha Patel", "Sam Jones"]
    title, text = window.dialogs.asked[-1][1]
    assert "Sam Jones" in text and view.title in text
    window.dialogs.queue("confirm", True)
    panel.remove_author()
    assert _names(window) == ["Dr Asha Patel"]
    assert session.article.section(view.id).author_ids == []
    assert session.article.section(view.id).title == session.template.viewpoint.title
    session.undo_stack.undo()
    assert _names(window) == ["Dr Asha Patel", "Sam Jones"]
    assert session.article.section(view.id).author_ids == [sam_id]
    assert session.article.section(view.id).title == "Patient's viewpoint: Sam Jones"


@pytest.mark.parametrize("typed", ["@pip_writer", "pip_writer", "https://x.com/pip_writer",
                                   "https://twitter.com/pip_writer?lang=en", "  @pip_writer "])
def test_handle_is_normalised_in_the_form(window, panel, typed):
    _select(panel, "Sam Jones")
    _edit(panel.handle, typed)
    assert window.session.article.authors[1].handle == "@pip_writer"
    assert panel.handle.text() == "@pip_writer"
    assert not panel.handle_problem.isVisibleTo(panel)


@pytest.mark.parametrize("typed, words", [
    ("https://www.facebook.com/sam", "not a Twitter/X profile"),
    ("@this_handle_is_far_too_long", "at most 15 characters"),
    ("sam jones!", "letters, numbers and the _ sign")])
def test_invalid_handle_is_explained_inline(window, panel, typed, words):
    _select(panel, "Sam Jones")
    _edit(panel.handle, "@sam")
    _edit(panel.handle, typed)
    assert window.session.article.authors[1].handle == "@sam"     # the last good one is kept
    assert panel.handle_problem.isVisibleTo(panel)
    assert words in panel.handle_problem.text()
    assert panel.handle.text() == typed                            # left for the user to fix
    assert window.dialogs.errors == []                             # no message box
    _edit(panel.affiliation, "Stroke Association")                 # another edit keeps it
    assert panel.handle.text() == typed and panel.handle_problem.isVisibleTo(panel)
    _edit(panel.handle, "")
    assert window.session.article.authors[1].handle == ""
    assert not panel.handle_problem.isVisibleTo(panel)


def test_only_one_corresponding_author(window, panel):
    _select(panel, "Dr Asha Patel")
    panel.corresponding.setChecked(True)
    assert [a.corresponding for a in window.session.article.authors] == [True, False]
    assert panel.email_hint.isVisibleTo(panel)          # the editors need an e-mail address
    _select(panel, "Sam Jones")
    assert not panel.corresponding.isChecked()
    panel.corresponding.setChecked(True)
    assert [a.corresponding for a in window.session.article.authors] == [False, True]
    assert "corresponding author" in panel.list.item(1).text()
    assert "corresponding author" not in panel.list.item(0).text()
    window.session.undo_stack.undo()
    assert [a.corresponding for a in window.session.article.authors] == [True, False]


# --- photos ---------------------------------------------------------------------------------
def _choose(window, panel, path):
    window.dialogs.queue("file", path)
    return panel.photo.choose_photo()


@pytest.mark.parametrize("ext", ["jpg", "png", "webp", "tif", "gif", "bmp"])
def test_choose_a_photo_of_each_format(window, panel, tmp_path, ext):
    _select(panel, "Sam Jones")
    path = write_picture(tmp_path / f"sam.{ext}", 900, 700)
    assert _choose(window, panel, path)
    kind, (title, file_filter) = window.dialogs.asked[-1]
    assert kind == "file" and "Sam Jones" in title
    assert file_filter == imaging.file_dialog_filter()
    photo = window.session.article.authors[1].photo
    assert photo is not None and not photo.consent
    ref = photo.media
    assert (ref.width, ref.height, ref.original_name) == (900, 700, f"sam.{ext}")
    stored = window.session.project.media.read(ref.name)
    assert len(stored) == ref.size and ref.mime == "image/jpeg"
    assert stored.startswith(b"\xff\xd8")
    assert not panel.photo.preview.pixmap().isNull()
    assert "900 × 700 pixels" in panel.photo.photo_info.text()
    assert panel.photo.crop_button.isEnabled() and panel.photo.consent.isEnabled()
    assert "no photo yet" not in panel.list.item(1).text()
    assert window.dialogs.errors == []


def test_exif_rotation_applied_and_metadata_removed(window, panel, tmp_path):
    _select(panel, "Sam Jones")
    path = write_exif_jpeg(tmp_path / "phone.jpg", 800, 600, orientation=6)
    assert SECRET_CAMERA in path.read_bytes()
    assert _choose(window, panel, path)
    ref = window.session.article.authors[1].photo.media
    assert (ref.width, ref.height) == (600, 800)                  # turned upright
    stored = window.session.project.media.read(ref.name)
    assert SECRET_CAMERA not in stored and b"Exif" not in stored


def _bad_files(tmp_path):
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 500)
    truncated = tmp_path / "cut.jpg"
    whole = write_picture(tmp_path / "whole.jpg", 900, 900).read_bytes()
    truncated.write_bytes(whole[:len(whole) // 2])
    text = tmp_path / "holiday.jpg"
    text.write_text("Dear Sam, here are the notes from the meeting.\n" * 20)
    return [(heic, "HEIC"), (truncated, "incomplete"), (text, "contains text"),
            (tmp_path / "gone.jpg", "could not be found"), (tmp_path, "folder")]


def test_bad_photos_get_a_clear_message_and_nothing_is_added(window, panel, tmp_path):
    _select(panel, "Sam Jones")
    steps = window.session.undo_stack.count()
    for path, words in _bad_files(tmp_path):
        assert not _choose(window, panel, path)
        title, message = window.dialogs.errors[-1]
        assert title == "Could not use this photo"
        assert words in message, message
        assert window.session.article.authors[1].photo is None
    assert window.session.undo_stack.count() == steps
    assert window.session.project.media.names() == []


def test_big_photo_is_scaled_and_small_one_warned(window, panel, tmp_path):
    _select(panel, "Sam Jones")
    assert _choose(window, panel, write_picture(tmp_path / "big.jpg", 6000, 4000))
    ref = window.session.article.authors[1].photo.media
    assert (ref.width, ref.height) == (2000, 1333)
    assert "too small" not in panel.photo.photo_warnings.text()
    assert _choose(window, panel, write_picture(tmp_path / "tiny.png", 300, 400))
    ref = window.session.article.authors[1].photo.media
    assert (ref.width, ref.height) == (300, 400)
    assert "blurred" in panel.photo.photo_warnings.text()
    window.session.undo_stack.undo()                       # back to the big one
    assert window.session.article.authors[1].photo.media.width == 2000


def test_consent_tick_is_undoable(window, panel, tmp_path):
    _select(panel, "Sam Jones")
    assert _choose(window, panel, write_picture(tmp_path / "sam.jpg", 900, 900))
    assert "Tick the consent box" in panel.photo.photo_warnings.text()
    panel.photo.consent.click()
    assert window.session.article.authors[1].photo.consent
    assert "Tick the consent box" not in panel.photo.photo_warnings.text()
    window.session.undo_stack.undo()
    assert not window.session.article.authors[1].photo.consent
    assert not panel.photo.consent.isChecked()
    # a new photo needs consent again
    panel.photo.consent.click()
    assert _choose(window, panel, write_picture(tmp_path / "other.jpg", 800, 800))
    assert not window.session.article.authors[1].photo.consent


def test_crop_to_square_and_remove_photo(window, panel, tmp_path):
    _select(panel, "Sam Jones")
    assert _choose(window, panel, write_picture(tmp_path / "wide.jpg", 1200, 800))
    panel.photo.consent.click()
    panel.photo.crop_button.click()
    photo = window.session.article.authors[1].photo
    assert (photo.media.width, photo.media.height) == (800, 800)
    assert photo.consent and photo.media.original_name == "wide.jpg"
    assert imaging.thumbnail(window.session.project.media.read(photo.media.name), 50).width() == 50
    panel.photo.remove_photo_button.click()
    assert window.session.article.authors[1].photo is None
    assert panel.photo.preview.pixmap().isNull() and not panel.photo.crop_button.isEnabled()
    window.session.undo_stack.undo()
    assert window.session.article.authors[1].photo.media.width == 800
    window.session.undo_stack.undo()
    assert window.session.article.authors[1].photo.media.width == 1200


def _file_mime(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_drop_a_photo_on_the_preview(window, panel, tmp_path):
    _select(panel, "Dr Asha Patel")
    assert panel.photo.drop_photo(_file_mime(write_picture(tmp_path / "asha.png", 700, 700)))
    assert window.session.article.authors[0].photo.media.original_name == "asha.png"
    # the preview widget itself passes a drop on to the panel
    path = write_picture(tmp_path / "asha2.webp", 650, 650)
    mime = _file_mime(path)          # the event does not own its data: keep a reference
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.photo.preview.dropEvent(event)
    assert window.session.article.authors[0].photo.media.original_name == "asha2.webp"
    # dropping a non-picture or something that is not a file gives a message
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert not panel.photo.drop_photo(_file_mime(text))
    assert window.session.article.authors[0].photo.media.original_name == "asha2.webp"
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/a.jpg")])
    assert not panel.photo.drop_photo(web)
    assert "Drop a picture file" in window.dialogs.errors[-1][1]


def test_demo_photos_are_shown(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel("authors")
    panel = window.panels["authors"]
    for row in range(panel.list.count()):
        panel.list.setCurrentRow(row)
        assert not panel.photo.preview.pixmap().isNull()
    window.go_to(type("Where", (), {"section_id": "", "panel": "authors",
                                    "author_id": window.session.article.authors[1].id,
                                    "item_id": ""})())
    assert panel.current_author().id == window.session.article.authors[1].id


def test_undo_after_saving_brings_the_removed_photo_back(window, panel, tmp_path):
    from pipwriter.model.storage.project_file import load_project
    _select(panel, "Sam Jones")
    assert _choose(window, panel, write_picture(tmp_path / "sam.jpg", 900, 900))
    name = window.session.article.authors[1].photo.media.name
    panel.photo.remove_photo_button.click()
    path = tmp_path / "a.pipw"
    window.dialogs.queue("save", str(path))
    assert window.save()
    assert name in load_project(path).media      # saved too, because undo may bring it back
    window.session.undo_stack.undo()
    assert window.session.article.authors[1].photo.media.name == name
    assert name in window.session.project.media
    assert not panel.photo.preview.pixmap().isNull()
    assert window.save()
    assert load_project(path).media.read(name)[:2] == b"\xff\xd8"


def test_a_new_author_left_unnamed_is_a_must_fix_and_the_side_is_said(window, panel):
    """Found by a walk: "Add an author" made a "New author" on the professional side without a
    word, and nothing flagged the name left as it was."""
    from pipwriter.model.rules.checks import run_checks
    panel.add_author()
    message = window.statusBar().currentMessage()
    assert "Added an author" in message and "Partner type" in message
    added = panel.current_author()
    side = window.session.template.partner_type(added.partner_type)
    assert side.label in message
    found = [f for f in run_checks(window.session.project, window.session.template)
             if f.code == "author-name-placeholder"]
    assert len(found) == 1 and found[0].where.author_id == added.id
    _edit(panel.name, "Priya Shah")
    assert not [f for f in run_checks(window.session.project, window.session.template)
                if f.code == "author-name-placeholder"]
