"""Drive the real Illustrations panel: the limit, the form, clips (files and links), save/reopen."""

from __future__ import annotations

import zipfile

import pytest
from media_samples import SECRET_CAMERA, write_clip, write_exif_jpeg, write_picture
from PySide6.QtCore import QMimeData, QUrl
from ui_support import edit_field as _edit
from ui_support import new_article_on

from pipwriter import imaging
from pipwriter.model.article.media import MediaClip
from pipwriter.model.rules.checks import run_checks
from pipwriter.model.rules.media_rules import MB, clip_file_filter
from pipwriter.model.storage.project_file import load_project, save_project


@pytest.fixture
def window(controller, qtbot):
    return new_article_on(controller, qtbot, "illustrations")


@pytest.fixture
def panel(window):
    return window.panels["illustrations"]


def _add_picture(window, panel, path):
    window.dialogs.queue("file", path)
    return panel.illustrations.add_illustration()


# --- illustrations --------------------------------------------------------------------------
def test_limit_of_two_illustrations(window, panel, tmp_path):
    tab = panel.illustrations
    limit = window.session.template.limit("illustrations").max
    assert limit == 2
    assert panel.tabs.tabText(0) == "Illustrations (0)"
    for n in range(limit):
        assert _add_picture(window, panel, write_picture(tmp_path / f"p{n}.png", 900, 700))
    assert len(window.session.article.illustrations) == 2
    assert tab.list.item(1).text().startswith("Figure 2: p1.png")
    assert "2 of 2" in tab.limit_label.text()
    assert not tab.add_button.isEnabled()
    asked = len(window.dialogs.asked)
    assert not tab.add_illustration()
    assert len(window.dialogs.asked) == asked           # no file was asked for
    title, message = window.dialogs.errors[-1]
    assert "up to 2 illustrations and clips in all" in message
    assert len(window.session.article.illustrations) == 2
    # dropping a third picture is refused the same way
    tab.list.setCurrentRow(-1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_picture(tmp_path / "p3.png", 900, 700)))])
    assert not tab.drop_image(mime)
    assert len(window.session.article.illustrations) == 2


def test_pictures_and_clips_share_the_limit_as_the_checklist_counts_them(window, panel,
                                                                          tmp_path):
    pictures, clips = panel.illustrations, panel.clips
    assert _add_picture(window, panel, write_picture(tmp_path / "p.png", 900, 700))
    window.dialogs.queue("text", "https://www.youtube.com/watch?v=abc")
    assert clips.add_clip_link()
    for tab in (pictures, clips):       # both tabs say it, the other one's count included
        assert tab.limit_label.text().startswith(
            "2 of 2 illustrations and clips (1 picture and 1 clip)")
    assert not pictures.add_button.isEnabled()
    assert not clips.link_button.isEnabled() and not clips.attach_button.isEnabled()
    pictures.list.setCurrentRow(-1)             # no picture shown: the preview says why
    assert pictures.preview.text().startswith("No more pictures or clips can be added")
    asked = len(window.dialogs.asked)
    assert not clips.add_clip_link()            # refused before anything is asked
    assert not clips.attach_clip_file()
    assert not pictures.add_illustration()
    assert len(window.dialogs.asked) == asked
    assert "(1 picture and 1 clip)" in window.dialogs.errors[-1][1]
    article = window.session.article
    assert (len(article.illustrations), len(article.clips)) == (1, 1)
    judged = [f.code for f in run_checks(window.session.project, window.session.template)]
    assert "illustrations-too-many" not in judged       # the judge agrees: not too many
    clips.list.setCurrentRow(0)
    clips.remove_current()                      # room again, in both tabs
    assert pictures.add_button.isEnabled() and clips.link_button.isEnabled()
    assert pictures.limit_label.text().startswith("1 of 2 illustrations and clips")
    pictures.list.setCurrentRow(-1)
    assert pictures.preview.text() == "Drop a picture here to add it."


def test_illustration_form_chart_warning_and_undo(window, panel, tmp_path):
    tab = panel.illustrations
    session = window.session
    assert _add_picture(window, panel, write_picture(tmp_path / "ward.jpg", 1600, 1200))
    kind, (title, file_filter) = window.dialogs.asked[-1]
    assert file_filter == imaging.file_dialog_filter()
    assert not tab.preview.pixmap().isNull()
    assert "1600 × 1200 pixels" in tab.info.text()
    _edit(tab.caption, "The ward team and patient partners at the first meeting")
    _edit(tab.alt_text, "Eight people round a table covered in sticky notes.")
    _edit(tab.credit, "Photo: Jane Smith")
    tab.permission.click()
    ill = session.article.illustrations[0]
    assert (ill.caption, ill.alt_text, ill.credit, ill.permission) == (
        "The ward team and patient partners at the first meeting",
        "Eight people round a table covered in sticky notes.", "Photo: Jane Smith", True)
    assert "characters" in tab.alt_count.text()
    assert "read aloud" in tab.alt_hint.text()
    assert [tab.kind.itemText(i) for i in range(tab.kind.count())][:3] == \
        ["Photograph", "Diagram", "Infographic"]

    assert not tab.kind_warning.isVisibleTo(panel)
    tab.kind.setCurrentIndex(tab.kind.findData("chart"))
    assert session.article.illustrations[0].kind == "chart"
    assert tab.kind_warning.isVisibleTo(panel)
    # the checklist's own words (one judge): the series' rule, then what to do
    checklist = [f.message for f in run_checks(session.project, session.template)
                 if f.code == "illustration-discouraged-kind"]
    assert [tab.kind_warning.text()] == checklist
    assert checklist[0].startswith(session.template.rules.discouraged_illustration_message)
    assert "⚠" in tab.list.item(0).text()
    tab.kind.setCurrentIndex(tab.kind.findData("table"))
    assert tab.kind_warning.isVisibleTo(panel)
    tab.kind.setCurrentIndex(tab.kind.findData("diagram"))
    assert not tab.kind_warning.isVisibleTo(panel)

    session.undo_stack.undo()                               # back to a table
    assert session.article.illustrations[0].kind == "table"
    assert tab.kind_warning.isVisibleTo(panel)
    for _ in range(3):
        session.undo_stack.undo()                           # table, chart, permission
    assert not session.article.illustrations[0].permission
    assert tab.credit.text() == "Photo: Jane Smith"


def test_remove_move_and_replace_illustration(window, panel, tmp_path):
    tab = panel.illustrations
    session = window.session
    assert _add_picture(window, panel, write_picture(tmp_path / "first.png", 800, 800))
    assert _add_picture(window, panel, write_picture(tmp_path / "second.png", 800, 800))
    first, second = [i.id for i in session.article.illustrations]
    panel.focus_item(second)
    tab.up_button.click()
    assert [i.id for i in session.article.illustrations] == [second, first]
    window.dialogs.queue("file", write_picture(tmp_path / "better.jpg", 1000, 900))
    assert tab.replace_image()
    assert session.article.illustrations[0].media.original_name == "better.jpg"
    assert session.article.illustrations[0].id == second
    tab.remove_button.click()
    assert [i.id for i in session.article.illustrations] == [first]
    assert tab.add_button.isEnabled()
    session.undo_stack.undo()
    assert [i.id for i in session.article.illustrations] == [second, first]
    assert session.article.illustrations[0].media.original_name == "better.jpg"


def test_bad_picture_is_refused_and_nothing_added(window, panel, tmp_path):
    text = tmp_path / "chart.png"
    text.write_text("year,patients\n2023,40\n2024,55\n")
    assert not _add_picture(window, panel, text)
    assert "contains text" in window.dialogs.errors[-1][1]
    broken = tmp_path / "scan.bmp"          # named as a picture, nothing of one inside
    broken.write_bytes(b"\x00" * 10)
    assert not _add_picture(window, panel, broken)
    assert "named as a picture, but what is inside is not" in window.dialogs.errors[-1][1]
    assert "damaged" in window.dialogs.errors[-1][1]
    odd = tmp_path / "scan.dat"             # not even named as one
    odd.write_bytes(b"\x00" * 10)
    assert not _add_picture(window, panel, odd)
    assert "not a kind of picture" in window.dialogs.errors[-1][1]
    assert window.session.article.illustrations == []
    assert window.session.project.media.names() == []


def test_small_illustration_warns(window, panel, tmp_path):
    tab = panel.illustrations
    assert _add_picture(window, panel, write_picture(tmp_path / "icon.png", 200, 150))
    assert "blurred" in tab.warnings.text()


# --- clips ----------------------------------------------------------------------------------
def _attach(window, panel, path):
    window.dialogs.queue("file", path)
    return panel.clips.attach_clip_file()


def test_clip_from_file_shows_its_size(window, panel, tmp_path):
    tab = panel.clips
    path = write_clip(tmp_path / "Our story.mp4", 3 * MB + MB // 5)
    assert _attach(window, panel, path)
    assert window.dialogs.asked[-1][1][1] == clip_file_filter()
    clip = window.session.article.clips[0]
    assert (clip.kind, clip.title, clip.media.size, clip.media.original_name, clip.media.mime) \
        == ("video", "Our story", path.stat().st_size, "Our story.mp4", "video/mp4")
    assert panel.tabs.currentIndex() == 1
    assert "3.2 MB" in tab.source.text()
    assert "3.2 MB" in tab.list.item(0).text()
    assert tab.warnings.text() == ""
    assert not tab.url.isEnabled()                         # a file has no web address
    _edit(tab.clip_title, "Malcolm on his first clinic visit")
    _edit(tab.caption, "Filmed in the clinic, March 2024")
    _edit(tab.transcript, "Malcolm: I didn't know what to expect.")
    tab.permission.click()
    clip = window.session.article.clips[0]
    assert (clip.title, clip.caption, clip.transcript, clip.permission) == (
        "Malcolm on his first clinic visit", "Filmed in the clinic, March 2024",
        "Malcolm: I didn't know what to expect.", True)
    tab.remove_button.click()
    assert window.session.article.clips == []
    window.session.undo_stack.undo()
    assert window.session.article.clips[0].transcript == "Malcolm: I didn't know what to expect."


def test_big_clip_is_attached_with_a_warning(window, panel, tmp_path):
    tab = panel.clips
    over = window.session.template.rules.clip_size_warning_mb + 1
    assert _attach(window, panel, write_clip(tmp_path / "long.mov", over * MB))
    assert f"{over} MB" in tab.warnings.text()
    assert "link" in tab.warnings.text()


def test_clip_over_the_hard_limit_is_refused(window, panel, tmp_path):
    path = write_clip(tmp_path / "whole-day.mp4", 2 * 1024 ** 3)     # sparse: no disk used
    assert not _attach(window, panel, path)
    title, message = window.dialogs.errors[-1]
    assert "2 GB" in message and "link" in message
    assert window.session.article.clips == []
    assert window.session.project.media.names() == []


def test_renamed_text_file_and_wrong_kind_refused_as_clips(window, panel, tmp_path):
    fake = tmp_path / "interview.mp3"
    fake.write_text("Interview notes\n")
    assert not _attach(window, panel, fake)
    assert "renamed or damaged" in window.dialogs.errors[-1][1]
    picture = write_picture(tmp_path / "photo.jpg", 700, 700)
    assert not _attach(window, panel, picture)
    assert "not a kind of clip" in window.dialogs.errors[-1][1]
    assert not _attach(window, panel, tmp_path / "gone.mp4")
    assert "not found" in window.dialogs.errors[-1][1]
    assert window.session.article.clips == []


def test_clip_as_a_link(window, panel):
    tab = panel.clips
    window.dialogs.queue("text", "ftp://example.org/clip.mp4")
    assert not tab.add_clip_link()
    assert "http" in window.dialogs.errors[-1][1]
    assert window.session.article.clips == []
    window.dialogs.queue("text", "youtu.be/abc123")
    assert tab.add_clip_link()
    clip = window.session.article.clips[0]
    assert clip.url == "https://youtu.be/abc123" and clip.media is None
    assert "link" in tab.list.item(0).text()
    assert tab.url.isEnabled() and tab.kind.isEnabled()
    tab.kind.setCurrentIndex(tab.kind.findData("audio"))
    assert window.session.article.clips[0].kind == "audio"
    # an invalid address typed in the form is explained inline and not stored
    _edit(tab.url, "my video")
    assert tab.url_problem.isVisibleTo(panel) and "spaces" in tab.url_problem.text()
    assert window.session.article.clips[0].url == "https://youtu.be/abc123"
    assert tab.url.text() == "my video"
    _edit(tab.url, "https://vimeo.com/42")
    assert window.session.article.clips[0].url == "https://vimeo.com/42"
    assert not tab.url_problem.isVisibleTo(panel)


# --- everything survives saving --------------------------------------------------------------
def test_save_and_reopen_keeps_photos_illustrations_and_clips(controller, window, panel,
                                                              tmp_path, qtbot):
    session = window.session
    window.open_panel("authors")
    authors = window.panels["authors"]
    authors.focus_item(session.article.authors[1].id)
    window.dialogs.queue("file", write_exif_jpeg(tmp_path / "sam.jpg", 900, 1200))
    assert authors.photo.choose_photo()
    authors.photo.consent.click()
    window.open_panel("illustrations")
    assert _add_picture(window, panel, write_picture(tmp_path / "ward.png", 1000, 800))
    _edit(panel.illustrations.alt_text, "The ward at night.")
    clip_path = write_clip(tmp_path / "voice.mp4", 5 * MB)
    with clip_path.open("r+b") as handle:                      # real content, not just zeros
        handle.seek(1000)
        handle.write(b"interview" * 1000)
    assert _attach(window, panel, clip_path)
    # a third item (a link) is past the series' limit of two in all, which the panel refuses;
    # an article may still hold one (an older file, a merge): the file must keep it too
    window.dialogs.queue("text", "https://vimeo.com/42")
    assert not panel.clips.add_clip_link()
    session.change("Add a link", lambda a: a.clips.append(
        MediaClip(kind="video", url="https://vimeo.com/42")))

    path = tmp_path / "walking.pipw"
    save_project(session.project, path)
    reopened = load_project(path)
    article = reopened.article
    assert article == session.article
    photo = article.authors[1].photo
    assert photo.consent
    assert (photo.media.width, photo.media.height) == (1200, 900)     # EXIF rotation applied
    stored_photo = reopened.media.read(photo.media.name)
    assert stored_photo.startswith(b"\xff\xd8")
    assert b"Exif" not in stored_photo and SECRET_CAMERA not in stored_photo
    assert article.illustrations[0].alt_text == "The ward at night."
    assert reopened.media.read(article.illustrations[0].media.name) == \
        session.project.media.read(article.illustrations[0].media.name)
    files = [c for c in article.clips if c.media]
    links = [c for c in article.clips if not c.media]
    assert reopened.media.read(files[0].media.name) == clip_path.read_bytes()
    assert links[0].url == "https://vimeo.com/42"
    with zipfile.ZipFile(path) as archive:
        assert {f"media/{ref.name}" for ref in article.media_refs()} <= set(archive.namelist())

    # and the panels show them after opening the file in the app
    window.session.set_modified(False)
    window.close()
    second = controller.open_path(path)
    qtbot.addWidget(second)
    second.open_panel("illustrations")
    again = second.panels["illustrations"]
    assert again.illustrations.list.count() == 1 and again.clips.list.count() == 2
    assert not again.illustrations.preview.pixmap().isNull()
    again.focus_item(files[0].id)
    assert "5 MB" in again.clips.source.text()
    second.open_panel("authors")
    second.panels["authors"].focus_item(article.authors[1].id)
    assert not second.panels["authors"].photo.preview.pixmap().isNull()
    assert second.panels["authors"].photo.consent.isChecked()


def test_undo_after_saving_brings_removed_media_back(window, panel, tmp_path):
    assert _add_picture(window, panel, write_picture(tmp_path / "ward.png", 900, 700))
    assert _attach(window, panel, write_clip(tmp_path / "voice.mp4", 2 * MB))
    names = {ref.name for ref in window.session.article.media_refs()}
    panel.illustrations.remove_button.click()
    panel.clips.remove_button.click()
    path = tmp_path / "a.pipw"
    window.dialogs.queue("save", str(path))
    assert window.save()
    assert set(load_project(path).media.names()) == names   # kept: undo may bring them back
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert {ref.name for ref in window.session.article.media_refs()} == names
    assert window.save()
    reopened = load_project(path)
    assert reopened.missing_media() == []
    assert {ref.name for ref in reopened.article.media_refs()} == names
