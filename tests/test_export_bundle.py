"""The bundle as a whole: its files, names, manifest and zip; never overwriting; cancelling and
failing without leaving anything half-written; the command line."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from pipwriter.export import docx_base, staging
from pipwriter.export.bundle import export_bundle, planned_folder
from pipwriter.export.errors import ExportCancelled, ExportError
from pipwriter.export.manifest import verify_bundle
from pipwriter.model.rules.report import build_report
from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import save_project


@pytest.fixture(scope="module")
def demo():
    return demo_project()


@pytest.fixture(scope="module")
def bundle(demo, tmp_path_factory):
    return export_bundle(demo, tmp_path_factory.mktemp("export"), make_zip=True)


def _rel(result, path: Path) -> str:
    return path.relative_to(result.folder).as_posix()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- what the bundle holds ---------------------------------------------------------------------
def test_bundle_is_named_from_first_author_and_title(bundle):
    assert bundle.folder.name == \
        "Lloyd-What-matters-after-a-stroke-redesigning-the-six-month"
    assert bundle.zip_path == bundle.folder.with_name(bundle.folder.name + ".zip")


def test_bundle_files(bundle, demo):
    names = [_rel(bundle, p) for p in bundle.files[:-1]]
    assert names == ["Lloyd-article.docx", "Lloyd-notes-for-editors.txt",
                     "Lloyd-competing-interests.docx",
                     "photos/Bethan-Lloyd.jpg", "photos/Malcolm-Reid.jpg",
                     "illustrations/Figure-1-co-design-cycle.png",
                     "Lloyd-submission-checklist.txt", "Lloyd-cover-note.txt", "manifest.json"]
    assert bundle.files[-1] == bundle.zip_path
    assert all(p.is_file() for p in bundle.files)
    on_disk = sorted(p.relative_to(bundle.folder).as_posix()
                     for p in bundle.folder.rglob("*") if p.is_file())
    assert on_disk == sorted(names)
    assert _leftovers(bundle.folder.parent) == sorted([bundle.folder.name, bundle.zip_path.name])


def test_an_illustrations_file_is_the_picture_in_the_article_and_says_so(bundle):
    """Found by a walk: the manifest called the illustration's file "the original file", but
    it is the app's cleaned copy (smaller, location details gone): the same picture as the
    one in the manuscript. It says what it is."""
    figure = bundle.folder / "illustrations" / "Figure-1-co-design-cycle.png"
    manuscript = docx.Document(str(bundle.folder / "Lloyd-article.docx"))
    pictures = [part.blob for part in manuscript.part.package.iter_parts()
                if part.partname.startswith("/word/media/")]
    assert figure.read_bytes() in pictures
    data = json.loads((bundle.folder / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [f for f in data["files"] if f["path"] == _rel(bundle, figure)]
    assert "as it is in the article" in entry["description"]
    assert "not the authors' original" in entry["description"]


def test_photos_and_illustrations_are_the_stored_pictures(bundle, demo):
    article = demo.article
    for author in article.authors:
        photo = bundle.folder / "photos" / f"{author.name.replace(' ', '-')}.jpg"
        assert photo.read_bytes() == demo.media.read(author.photo.media.name)
    figure = bundle.folder / "illustrations" / "Figure-1-co-design-cycle.png"
    assert figure.read_bytes() == demo.media.read(article.illustrations[0].media.name)


def test_manifest_lists_every_file_with_checksums(bundle):
    data = json.loads((bundle.folder / "manifest.json").read_text(encoding="utf-8"))
    listed = [f["path"] for f in data["files"]]
    assert listed == [_rel(bundle, p) for p in bundle.files[:-2]]
    assert data["draft"] is False and data["title"].startswith("What matters")
    assert verify_bundle(bundle.folder) == []


def test_manifest_detects_a_changed_missing_or_extra_file(bundle, tmp_path):
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(bundle.folder, copy)
    (copy / "Lloyd-cover-note.txt").write_text("changed", encoding="utf-8")
    (copy / "photos" / "Malcolm-Reid.jpg").unlink()
    (copy / "extra.txt").write_text("x", encoding="utf-8")
    problems = verify_bundle(copy)
    assert "Changed since export: Lloyd-cover-note.txt" in problems
    assert "Missing: photos/Malcolm-Reid.jpg" in problems
    assert "Not in the manifest: extra.txt" in problems


def test_zip_holds_the_same_files_under_the_folder_name(bundle):
    with zipfile.ZipFile(bundle.zip_path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        expected = [f"{bundle.folder.name}/{_rel(bundle, p)}" for p in bundle.files[:-1]]
        assert names == expected
        for path in bundle.files[:-1]:
            assert archive.read(f"{bundle.folder.name}/{_rel(bundle, path)}") == \
                path.read_bytes()


def test_checklist_states_requirements_figures_and_findings(bundle, demo):
    text = (bundle.folder / "Lloyd-submission-checklist.txt").read_text(encoding="utf-8-sig")
    assert demo.article.title in text
    assert "THE SERIES' REQUIREMENTS" in text and "FIGURES" in text and "STILL TO DO" in text
    assert "NOT MET" not in text
    assert "Met       Length: about 1,250\u20131,500 words" in text
    assert "A competing-interests declaration from every author \u2014 2 of 2 certified" in text
    assert "DRAFT" not in text
    raw = (bundle.folder / "Lloyd-submission-checklist.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw


def test_cover_note_says_what_the_piece_is_and_what_is_attached(bundle, demo):
    text = (bundle.folder / "Lloyd-cover-note.txt").read_text(encoding="utf-8-sig")
    article = demo.article
    assert f"\u201c{article.title}\u201d" in text
    for author in article.authors:
        assert author.name in text
    report_words = build_report(demo).counts["words_counted"]
    assert f"{report_words:,} words" in text
    for path in bundle.files[:-1]:
        if path.name != "Lloyd-cover-note.txt":
            assert _rel(bundle, path) in text
    assert "Please write to Bethan Lloyd (bethan.lloyd@" in text


def test_progress_rises_to_100(demo, tmp_path):
    seen: list[tuple[int, str]] = []
    export_bundle(demo, tmp_path, make_zip=True, progress=lambda p, m: seen.append((p, m)))
    percents = [p for p, _m in seen]
    assert percents == sorted(percents) and percents[-1] == 100 and percents[0] < 20
    assert all(m for _p, m in seen) and len(seen) >= 8


# --- never overwrite, never half-written ---------------------------------------------------------
def test_existing_bundle_is_never_overwritten(demo, tmp_path):
    first = export_bundle(demo, tmp_path)
    marker = first.folder / "Lloyd-cover-note.txt"
    marker.write_text("my own edits", encoding="utf-8")
    planned, exists = planned_folder(demo, tmp_path)
    assert exists and planned.name == f"{first.folder.name} (2)"
    second = export_bundle(demo, tmp_path)
    assert second.folder == planned
    assert marker.read_text(encoding="utf-8") == "my own edits"
    assert all(p.is_relative_to(second.folder) for p in second.files)


def test_overwrite_replaces_only_when_asked(demo, tmp_path):
    first = export_bundle(demo, tmp_path, make_zip=True)
    (first.folder / "stale.txt").write_text("old", encoding="utf-8")
    again = export_bundle(demo, tmp_path, make_zip=True, overwrite=True)
    assert again.folder == first.folder and again.zip_path == first.zip_path
    assert not (again.folder / "stale.txt").exists()
    assert verify_bundle(again.folder) == []
    assert _leftovers(tmp_path) == sorted([again.folder.name, again.zip_path.name])


def test_cancelling_leaves_nothing(demo, tmp_path):
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 4

    with pytest.raises(ExportCancelled, match="Nothing was written"):
        export_bundle(demo, tmp_path, make_zip=True, cancelled=cancelled)
    assert _leftovers(tmp_path) == []


def test_cancelling_before_the_start_leaves_nothing(demo, tmp_path):
    with pytest.raises(ExportCancelled):
        export_bundle(demo, tmp_path, cancelled=lambda: True)
    assert _leftovers(tmp_path) == []


def test_full_disk_leaves_nothing_and_says_so(demo, tmp_path, monkeypatch):
    calls = {"n": 0}
    real_save = docx_base.save

    def save(document, path):
        calls["n"] += 1
        if calls["n"] == 2:    # the article is written, the second document fails
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(document, path)

    monkeypatch.setattr(docx_base, "save", save)
    with pytest.raises(ExportError, match="not enough space"):
        export_bundle(demo, tmp_path)
    assert _leftovers(tmp_path) == []


def test_read_only_destination_says_so(demo, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(staging, "_mkdir", refuse)
    with pytest.raises(ExportError, match="not allowed to write"):
        export_bundle(demo, tmp_path / "out")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a real read-only folder (root may write anywhere)")
def test_really_read_only_folder(demo, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="not allowed to write"):
            export_bundle(demo, locked)
    finally:
        locked.chmod(0o755)


def test_destination_that_is_a_file(demo, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export_bundle(demo, target)


def test_old_bundle_open_in_word_is_kept(demo, tmp_path, monkeypatch):
    first = export_bundle(demo, tmp_path)
    original = {p: p.read_bytes() for p in first.files}
    real_rename = staging._rename

    def rename(source: Path, target: Path) -> None:
        if source == first.folder:     # Windows: a document in it is open in Word
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_rename(source, target)

    monkeypatch.setattr(staging, "_rename", rename)
    with pytest.raises(ExportError, match="open in another program"):
        export_bundle(demo, tmp_path, overwrite=True)
    assert {p: p.read_bytes() for p in first.files} == original
    assert _leftovers(tmp_path) == [first.folder.name]


def test_failure_while_moving_into_place_restores_the_old_bundle(demo, tmp_path, monkeypatch):
    first = export_bundle(demo, tmp_path, make_zip=True)
    before = first.zip_path.read_bytes()
    real_rename = staging._rename

    def rename(source: Path, target: Path) -> None:
        if target == first.zip_path and ".partial" in source.name:
            raise OSError(errno.EIO, "Input/output error")
        real_rename(source, target)

    monkeypatch.setattr(staging, "_rename", rename)
    with pytest.raises(ExportError, match="Input/output error"):
        export_bundle(demo, tmp_path, make_zip=True, overwrite=True)
    assert first.zip_path.read_bytes() == before
    assert verify_bundle(first.folder) == []
    assert _leftovers(tmp_path) == sorted([first.folder.name, first.zip_path.name])


# --- drafts and blocking findings ----------------------------------------------------------------
def test_blocked_article_is_not_exported_without_draft(small_project, tmp_path):
    with pytest.raises(ExportError, match="not ready to submit"):
        export_bundle(small_project, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_draft_says_draft_in_every_document(small_project, tmp_path):
    result = export_bundle(small_project, tmp_path, draft=True)
    assert result.folder.name.endswith("-DRAFT")
    for path in result.files:
        if path.suffix == ".docx":
            document = docx.Document(str(path))
            header = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
            assert "DRAFT" in header and "draft" in document.paragraphs[0].text
            assert document.core_properties.content_status == "Draft"
        elif path.suffix == ".txt":
            assert path.read_text(encoding="utf-8-sig").startswith("DRAFT")
        elif path.name == "manifest.json":
            assert json.loads(path.read_text(encoding="utf-8"))["draft"] is True
    checklist = next(p for p in result.files if "checklist" in p.name)
    assert "NOT MET" in checklist.read_text(encoding="utf-8-sig")
    assert "Must fix:" in checklist.read_text(encoding="utf-8-sig")


# --- no Qt, and the command line -----------------------------------------------------------------
def test_export_does_not_import_qt(tmp_path):
    code = ("import sys; from pathlib import Path;"
            "from pipwriter.model.storage.demo import demo_project;"
            "from pipwriter.export.bundle import export_bundle;"
            f"export_bundle(demo_project(), Path({str(tmp_path)!r}), make_zip=True);"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')));"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipwriter", *map(str, args)],
                          capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.pipw"
    result = run("demo", path)
    assert result.returncode == 0, result.stderr
    return path


def test_cli_export_prints_one_line_per_written_file(demo_file, tmp_path):
    out = tmp_path / "bundles"
    result = run("export", demo_file, "--out", out, "--zip")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 10
    assert all(Path(line).is_file() for line in lines)
    assert lines[-1].endswith(".zip")
    folder = Path(lines[0]).parent
    assert verify_bundle(folder) == []
    again = run("export", demo_file, "--out", out)
    assert again.returncode == 0
    assert Path(again.stdout.splitlines()[0]).parent.name == f"{folder.name} (2)"


def test_cli_blocked_article_writes_nothing_then_draft_writes(small_project, tmp_path):
    path = save_project(small_project, tmp_path / "empty.pipw")
    out = tmp_path / "out"
    blocked = run("export", path, "--out", out)
    assert blocked.returncode == 1
    assert "Must fix:" in blocked.stderr and blocked.stdout == ""
    assert not out.exists() or not any(out.iterdir())
    draft = run("export", path, "--out", out, "--draft")
    assert draft.returncode == 1, draft.stderr      # written, but still not ready to submit
    lines = draft.stdout.splitlines()
    assert lines and all(Path(line).is_file() for line in lines)
    assert all("-DRAFT" in Path(line).parent.as_posix() for line in lines)


def test_cli_unwritable_destination_exits_2_with_one_line(demo_file, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    result = run("export", demo_file, "--out", target)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "is a file, not a folder" in result.stderr


def test_a_missing_program_file_is_not_blamed_on_the_destination(tmp_path):
    from pipwriter.export import staging
    error = FileNotFoundError(2, "No such file or directory", "/opt/app/docx/default-header.xml")
    message = str(staging.explain(error, tmp_path / "out"))
    assert "missing one of its own files (default-header.xml)" in message
    inside = FileNotFoundError(2, "No such file or directory", str(tmp_path / "out" / "x"))
    assert "could not be written in" in str(staging.explain(inside, tmp_path / "out"))


def test_a_picture_that_is_a_photo_and_an_illustration_is_named_by_each_file(tmp_path):
    """Found by a walk: with one picture as an author's photo and as figure 2, the notes for
    the editors named the photo by the illustration's file."""
    import copy

    from pipwriter.model.article.media import Illustration
    project = demo_project()
    author = project.article.authors[0]
    project.article.illustrations.append(Illustration(media=copy.copy(author.photo.media),
                                                      caption="Bethan at home.",
                                                      alt_text="A woman smiling.",
                                                      permission=True))
    result = export_bundle(project, tmp_path)
    notes = next(result.folder.glob("*notes-for-editors.txt")).read_text(encoding="utf-8")
    photo = "photos/Bethan-Lloyd.jpg"
    figure = next(_rel(result, p) for p in result.files if _rel(result, p).startswith(
        "illustrations/Figure-2"))
    assert (result.folder / photo).is_file() and (result.folder / figure).is_file()
    assert f"  {photo}: Bethan Lloyd" in notes
    assert f"  Figure 2: {figure}" in notes


def test_the_cover_note_says_which_author_has_no_photo(tmp_path):
    """Found by a walk: an author without a photo was mentioned only in the authors' own
    checklist, though the warning's advice was to tell the editors why."""
    project = demo_project()
    project.article.authors[1].photo = None
    result = export_bundle(project, tmp_path)
    note = next(result.folder.glob("*cover-note.txt")).read_text(encoding="utf-8")
    assert "We have not attached a photo of Malcolm Reid." in note
    with_photos = export_bundle(demo_project(), tmp_path / "all")
    assert "We have not attached a photo" not in next(
        with_photos.folder.glob("*cover-note.txt")).read_text(encoding="utf-8")


def test_the_manifest_calls_the_cover_note_a_draft_only_in_a_draft_export(bundle, tmp_path):
    def cover(folder):
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return next(f["description"] for f in data["files"]
                    if "cover-note" in f["path"])
    assert "draft" not in cover(bundle.folder)
    draft = export_bundle(demo_project(), tmp_path, draft=True)
    assert "draft" in cover(draft.folder)
