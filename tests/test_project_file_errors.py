"""Every way a project file can be bad gives one clear message, never a traceback or a write."""

from __future__ import annotations

import json
import zipfile

import pytest

from pipwriter.model.errors import NewerFormatError, ProjectFileError
from pipwriter.model.storage import migrations
from pipwriter.model.storage.project_file import load_project, save_project


@pytest.fixture
def saved(tmp_path, small_project):
    return save_project(small_project, tmp_path / "good.pipw")


def _rewrite(src, dst, change):
    """Copy a project zip, letting ``change(name, data)`` alter or drop (None) members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def _message(path) -> str:
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    return str(caught.value)


def test_missing_file(tmp_path):
    assert "was not found" in _message(tmp_path / "nope.pipw")


def test_folder(tmp_path):
    assert "is a folder" in _message(tmp_path)


def test_empty_file(tmp_path):
    path = tmp_path / "e.pipw"
    path.write_bytes(b"")
    assert "is empty" in _message(path)


def test_foreign_file(tmp_path):
    path = tmp_path / "notes.pipw"
    path.write_text("just some notes")
    assert "not a PiP Writer project" in _message(path)


def test_foreign_zip(tmp_path):
    path = tmp_path / "other.pipw"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "not a PiP Writer project" in _message(path)


def test_word_document_gets_import_hint(tmp_path):
    path = tmp_path / "draft.pipw"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<x/>")
        z.writestr("word/document.xml", "<x/>")
    assert "Word document" in _message(path)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_file(tmp_path, saved, keep):
    data = saved.read_bytes()
    path = tmp_path / "cut.pipw"
    path.write_bytes(data[: int(len(data) * keep)])
    assert "damaged" in _message(path) or "not a PiP Writer" in _message(path)


def test_corrupt_article_json(tmp_path, saved):
    path = _rewrite(saved, tmp_path / "bad.pipw",
                    lambda n, d: b"{not json" if n == "article.json" else d)
    assert "damaged" in _message(path)


def test_article_json_with_wrong_types_names_the_place(tmp_path, saved):
    def change(name, data):
        if name != "article.json":
            return data
        article = json.loads(data)
        article["sections"][1]["title"] = 42
        return json.dumps(article).encode()
    message = _message(_rewrite(saved, tmp_path / "bad.pipw", change))
    assert "damaged" in message and "sections[1].title" in message


def test_newer_version(tmp_path, saved):
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["format_version"] = migrations.FORMAT_VERSION + 1
        manifest["app_version"] = "9.0"
        return json.dumps(manifest).encode()
    with pytest.raises(NewerFormatError) as caught:
        load_project(_rewrite(saved, tmp_path / "new.pipw", change))
    assert "newer PiP Writer" in str(caught.value) and "9.0" in str(caught.value)


def _app_version(version: str):
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["app_version"] = version
        return json.dumps(manifest).encode()
    return change


def test_a_newer_pip_writer_with_the_same_format_is_opened_with_a_warning(tmp_path, saved):
    """A walk added fields as a newer version might, kept the format number, and saving here
    dropped them without a word: opening now says so."""
    from pipwriter import __version__
    newer = ".".join(str(int(n) + 1) if i == 1 else n
                     for i, n in enumerate(__version__.split(".")))
    for version, warned in ((newer, True), ("0.0.9", False), (__version__, False),
                            ("99.0rc1", True), ("nonsense", False)):
        project = load_project(_rewrite(saved, tmp_path / "v.pipw", _app_version(version)))
        said = [w for w in project.warnings if "newer PiP Writer" in w]
        assert bool(said) == warned, version
        if warned:
            assert version in said[0] and __version__ in said[0] and "leaves them out" in said[0]


@pytest.mark.parametrize("bad_name", ["../evil.txt", "/etc/passwd", "media/../../x",
                                      "C:/windows/x", "media\\..\\x"])
def test_unsafe_member_names(tmp_path, saved, bad_name):
    path = _rewrite(saved, tmp_path / "evil.pipw", lambda n, d: d)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(zipfile.ZipInfo(bad_name), b"x")
    assert "unsafe file name" in _message(path)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_missing_media_loads_text_and_warns(tmp_path, small_project):
    from pipwriter.model.article.media import MediaRef, Photo
    name = small_project.media.add_bytes(b"\xff\xd8\xffdata", "jpg")
    small_project.article.authors[0].photo = Photo(MediaRef(name, "p.jpg"))
    saved = save_project(small_project, tmp_path / "m.pipw")
    path = _rewrite(saved, tmp_path / "gone.pipw",
                    lambda n, d: None if n.startswith("media/") else d)
    project = load_project(path)
    assert project.article.title == "Walking together"
    assert project.missing_media() == [name]
    assert any("missing" in w for w in project.warnings)


def test_zip_bomb_article_is_refused(tmp_path, saved):
    path = _rewrite(saved, tmp_path / "bomb.pipw",
                    lambda n, d: b" " * (70 * 1024 * 1024) if n == "article.json" else d)
    # rewrite with compression so the member is tiny on disk but huge when unpacked
    bomb = tmp_path / "bomb2.pipw"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
    assert bomb.stat().st_size < 1_000_000
    assert "implausibly large" in _message(bomb)


def test_older_format_is_migrated(tmp_path, saved, monkeypatch):
    """An older file is upgraded step by step on load."""
    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["format_version"] = 1
            return json.dumps(manifest).encode()
        if name == "article.json":
            article = json.loads(data)
            article["headline"] = article.pop("title")   # how a made-up format 1 stored it
            return json.dumps(article).encode()
        return data
    old = _rewrite(saved, tmp_path / "old.pipw", change)

    def one_to_two(article):
        article["title"] = article.pop("headline")
        return article
    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: one_to_two})
    monkeypatch.setattr("pipwriter.model.storage.project_file.FORMAT_VERSION", 2)
    assert load_project(old).article.title == "Walking together"


def test_unreadable_old_format_without_migration(tmp_path, saved, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    monkeypatch.setattr("pipwriter.model.storage.project_file.FORMAT_VERSION", 2)
    assert "old format" in _message(saved)


def test_loading_never_writes(tmp_path, saved):
    before = sorted(p.name for p in tmp_path.iterdir())
    load_project(saved)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
