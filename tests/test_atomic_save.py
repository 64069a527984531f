"""Saving replaces the file only when the new one is complete; failures leave the old file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from pipwriter.model.errors import ProjectFileError
from pipwriter.model.storage import atomic
from pipwriter.model.storage.project_file import load_project, save_project


def test_save_failing_part_way_leaves_old_file_intact(tmp_path, small_project, monkeypatch):
    path = save_project(small_project, tmp_path / "a.pipw")
    before = path.read_bytes()
    small_project.article.title = "Changed"
    small_project.media.add_bytes(b"x" * 10, "png")
    from pipwriter.model.article.media import MediaRef, Photo
    name = small_project.media.add_bytes(b"y" * 100, "jpg")
    small_project.article.authors[0].photo = Photo(MediaRef(name))

    def broken_copy(name, out):
        out.write(b"partial")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(small_project.media, "copy_to", broken_copy)
    with pytest.raises(ProjectFileError) as caught:
        save_project(small_project, path)
    assert "disk is full" in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.pipw"]   # no temp file left behind
    assert load_project(path).article.title == "Walking together"


def test_process_killed_while_saving_leaves_old_or_new(tmp_path, small_project):
    """A child process is killed in the middle of writing; the file still loads as the old one."""
    path = save_project(small_project, tmp_path / "a.pipw")
    script = textwrap.dedent(f"""
        import os, signal
        from pipwriter.model.storage.project_file import load_project, save_project
        project = load_project({str(path)!r})
        project.article.title = "New title"
        big = project.media.add_bytes(os.urandom(4_000_000), "bin")
        from pipwriter.model.article.media import Illustration, MediaRef
        project.article.illustrations.append(Illustration(MediaRef(big)))
        real = project.media.copy_to
        def dying(name, out):
            out.write(b"half")
            os.kill(os.getpid(), signal.SIGKILL)
        project.media.copy_to = dying
        save_project(project, {str(path)!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode != 0
    assert load_project(path).article.title == "Walking together"


def test_replace_retries_while_file_is_held(tmp_path):
    calls = []

    def flaky(src, dst):
        calls.append(1)
        if len(calls) < 3:
            raise PermissionError(13, "held by another program")
        os.replace(src, dst)
    src, dst = tmp_path / "s", tmp_path / "d"
    src.write_text("new")
    dst.write_text("old")
    atomic.replace_with_retry(src, dst, delay=0, replace=flaky)
    assert dst.read_text() == "new" and len(calls) == 3


def test_replace_gives_up_after_retries(tmp_path):
    def always(src, dst):
        raise PermissionError(13, "held")
    with pytest.raises(PermissionError):
        atomic.replace_with_retry(tmp_path / "s", tmp_path / "d", retries=2, delay=0,
                                  replace=always)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_gives_clear_message(tmp_path, small_project):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ProjectFileError) as caught:
            save_project(small_project, folder / "a.pipw")
        assert "Save As" in str(caught.value)
    finally:
        folder.chmod(0o700)


def test_save_to_missing_folder_is_a_clear_error(tmp_path, small_project):
    with pytest.raises(ProjectFileError) as caught:
        save_project(small_project, tmp_path / "gone" / "a.pipw")
    assert "could not be saved" in str(caught.value)


def test_permission_denied_gives_clear_message(tmp_path, small_project, monkeypatch):
    """As root the folder test above is skipped; the same path is driven by a refusing OS."""
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ProjectFileError) as caught:
        save_project(small_project, tmp_path / "a.pipw")
    # what went wrong and where; what to do next is the window's to say (it asks for another
    # place at once), so no "use Save As" that does not fit the command line or Save As itself
    assert "may not write to" in str(caught.value) and str(tmp_path) in str(caught.value)
    assert not (tmp_path / "a.pipw").exists()
