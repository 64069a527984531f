"""Pictures never depend on the original file: while an article is open its attached files are
kept in a private folder of the app's own, so pulling out the USB stick the file was on, or the
file being replaced, never stops Save As, and every picture arrives intact."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from pipwriter.model.article.media import Illustration, MediaClip, MediaRef
from pipwriter.model.storage import media_store as media_store_module
from pipwriter.model.storage.locks import host_name
from pipwriter.model.storage.project import OWNER_FILE, Project, remove_abandoned_media_folders
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.paths import data_dir

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
DIAGRAM = b"\x89PNG\r\n\x1a\n" + b"diagram" * 500
CLIP = b"\x00\x00\x00\x18ftypmp42" + os.urandom(300_000)


@pytest.fixture
def stick(tmp_path, small_project):
    """An article with two pictures and a clip, saved on a "USB stick"."""
    article, media = small_project.article, small_project.media
    photo = media.add_bytes(PHOTO, "jpg")
    diagram = media.add_bytes(DIAGRAM, "png")
    clip = media.add_bytes(CLIP, "mp4")
    article.illustrations.append(Illustration(MediaRef(photo, "ward.jpg", "image/jpeg"),
                                              caption="The ward"))
    article.illustrations.append(Illustration(MediaRef(diagram, "plan.png", "image/png"),
                                              kind="diagram", caption="The plan"))
    article.clips.append(MediaClip(media=MediaRef(clip, "talk.mp4", "video/mp4"), title="Talk"))
    folder = tmp_path / "USB"
    folder.mkdir()
    return save_project(small_project, folder / "walking.pipw")


def _media_of(path):
    project = load_project(path)
    return {ref.name: project.media.read(ref.name) for ref in project.article.media_refs()}


def _expected():
    return sorted([PHOTO, DIAGRAM, CLIP])


# --- the model ---------------------------------------------------------------------------------
def test_a_project_kept_private_saves_elsewhere_after_its_file_is_gone(stick, tmp_path):
    project = load_project(stick)
    folder = project.keep_media_private(tmp_path / "open")
    assert folder is not None and len([p for p in folder.iterdir() if p.name != OWNER_FILE]) == 3
    shutil.rmtree(stick.parent)                           # the stick is pulled out
    target = save_project(project, tmp_path / "rescued.pipw")
    assert sorted(_media_of(target).values()) == _expected()


def test_a_project_kept_private_saves_elsewhere_after_its_file_is_replaced(stick, tmp_path,
                                                                            small_project):
    project = load_project(stick)
    project.keep_media_private(tmp_path / "open")
    stick.write_bytes(b"PK\x03\x04 something else entirely")  # a sync client swapped it
    target = save_project(project, tmp_path / "rescued.pipw")
    assert sorted(_media_of(target).values()) == _expected()
    again = save_project(project, tmp_path / "rescued.pipw")   # and again over its own file
    assert sorted(_media_of(again).values()) == _expected()


def test_pictures_attached_later_are_kept_too_and_large_ones_leave_memory(tmp_path, stick,
                                                                          monkeypatch):
    monkeypatch.setattr(media_store_module, "SPILL_BYTES", 1000)
    project = load_project(stick)
    folder = project.keep_media_private(tmp_path / "open")
    outside = tmp_path / "camera.mp4"
    outside.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"new clip" * 1000)
    name = project.media.add_file(outside)
    big = project.media.add_bytes(b"\xff\xd8" + b"big photo" * 1000, "jpg")
    small = project.media.add_bytes(b"\xff\xd8tiny", "jpg")
    outside.unlink()
    assert (folder / name).is_file() and (folder / big).is_file()
    assert not (folder / small).exists()                  # small ones stay in memory
    assert project.media.read(name).endswith(b"new clip")


def test_the_folder_of_an_app_that_crashed_is_removed(tmp_path):
    root = tmp_path / "open"
    dead = root / "999999-abc"
    dead.mkdir(parents=True)
    (dead / OWNER_FILE).write_text(json.dumps({"pid": 999_999_999, "host": host_name(),
                                               "process_started": 1.0}))
    (dead / "abc.jpg").write_bytes(b"x")
    mine = root / "mine"
    mine.mkdir()
    (mine / OWNER_FILE).write_text(json.dumps({"pid": os.getpid(), "host": host_name()}))
    being_made = root / "being-made"                      # another app is making it just now
    being_made.mkdir()
    remove_abandoned_media_folders(root)
    assert not dead.exists() and mine.exists() and being_made.exists()


# --- the app -----------------------------------------------------------------------------------
def test_save_as_works_after_the_usb_stick_is_pulled_out(controller, stick, tmp_path, qtbot):
    window = controller.open_path(stick)
    qtbot.addWidget(window)
    shutil.rmtree(stick.parent)                           # pulled out while the article is open
    target = tmp_path / "Documents" / "walking.pipw"
    target.parent.mkdir()
    window.dialogs.queue("save", str(target))
    assert window.save_as()
    assert not window.dialogs.errors
    assert sorted(_media_of(target).values()) == _expected()


def test_save_as_works_after_the_file_is_replaced(controller, stick, tmp_path, qtbot,
                                                  small_project):
    window = controller.open_path(stick)
    qtbot.addWidget(window)
    other = Project(small_project.article)
    other.article.illustrations.clear()
    other.article.clips.clear()
    save_project(other, stick)                            # replaced: no pictures in it now
    target = tmp_path / "rescued.pipw"
    window.dialogs.queue("save", str(target))
    assert window.save_as()
    assert not window.dialogs.errors
    assert sorted(_media_of(target).values()) == _expected()


def test_the_private_folder_goes_when_the_window_closes(controller, stick, qtbot):
    window = controller.open_path(stick)
    qtbot.addWidget(window)
    folder = window.session.project.media.private_folder
    assert folder is not None and folder.is_dir() and folder.parent == data_dir() / "open"
    assert window.close()
    assert not folder.exists()
