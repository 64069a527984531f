"""Named versions: kept under the article's id, listed, opened read-only, deleted."""

from __future__ import annotations

import os

import pytest

from pipwriter.model.article.media import Illustration, MediaRef
from pipwriter.model.article.text import RichText
from pipwriter.model.errors import PipError
from pipwriter.model.storage.history_store import project_key
from pipwriter.model.storage.project_file import load_project, save_project
from pipwriter.model.storage.versions import (
    delete_version,
    list_versions,
    open_version,
    save_project_version,
    versions_dir,
)
from pipwriter.paths import data_dir


def test_save_list_and_open_a_version(tmp_path, small_project):
    article = small_project.article
    article.sections[0].body = RichText.from_plain("The draft we sent.")
    path = save_project(small_project, tmp_path / "walking.pipw")
    version = save_project_version(small_project, "  sent to my   co-author  ", words=4)
    assert version.path.parent == data_dir() / "versions" / project_key(article)
    article.sections[0].body = RichText.from_plain("After their comments.")
    save_project_version(small_project, "after comments")

    listed = list_versions(project_key(article))
    assert [v.name for v in listed] == ["after comments", "sent to my co-author"]
    assert listed[1].words == 4 and listed[1].source == str(path)
    assert "sent to my co-author" in listed[1].label() and "4 words" in listed[1].label()
    opened = open_version(listed[1])
    assert opened.path is None                       # read-only: never saved over anything
    assert opened.article.sections[0].body.plain_text() == "The draft we sent."
    assert opened.article.id == article.id
    assert load_project(path).article.sections[0].body.plain_text() == "The draft we sent."


def test_a_version_needs_a_name(small_project):
    with pytest.raises(PipError, match="name"):
        save_project_version(small_project, "   ")
    assert list_versions(project_key(small_project.article)) == []


def test_versions_keep_their_pictures(small_project):
    data = b"\xff\xd8" + os.urandom(3000)
    name = small_project.media.add_bytes(data, "jpg")
    small_project.article.illustrations.append(Illustration(MediaRef(name)))
    version = save_project_version(small_project, "with the photo")
    small_project.article.illustrations.clear()
    small_project.media.forget_except(set())
    opened = open_version(version)
    assert opened.missing_media() == [] and opened.media.read(name) == data


def test_versions_follow_the_article_through_a_rename(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "a.pipw")
    save_project_version(small_project, "first")
    moved = tmp_path / "elsewhere.pipw"
    os.replace(path, moved)
    reopened = load_project(moved)
    save_project_version(reopened, "second")
    assert [v.name for v in list_versions(project_key(reopened.article))] == ["second", "first"]


def test_delete_a_version(small_project):
    keep = save_project_version(small_project, "keep")
    gone = save_project_version(small_project, "gone")
    delete_version(gone)
    assert [v.name for v in list_versions(project_key(small_project.article))] == ["keep"]
    assert not gone.path.exists() and not gone.meta_path.exists() and keep.path.exists()


def test_unreadable_side_file_still_lists_the_version(small_project):
    version = save_project_version(small_project, "named")
    version.meta_path.write_text("{broken", encoding="utf-8")
    (versions_dir(project_key(small_project.article)) / "stray.pipw").write_bytes(b"x")
    listed = list_versions(project_key(small_project.article))
    assert [v.path for v in listed] == [version.path]
    assert listed[0].name == "Unnamed version"
