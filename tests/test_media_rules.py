"""Clip size limits, clip file recognition, clip links and illustration rules (no Qt)."""

from __future__ import annotations

import pytest

from pipwriter.model.rules.media_rules import (
    CLIP_MAX_BYTES,
    MB,
    MediaRuleError,
    check_clip_file,
    clip_size_warning,
    clip_url_problem,
    format_size,
    media_limit_problem,
    media_limit_text,
    normalise_clip_url,
)

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"


def _write(path, head: bytes, size: int | None = None):
    with open(path, "wb") as handle:
        handle.write(head)
        if size is not None:
            handle.truncate(size)
    return path


@pytest.mark.parametrize("size, text", [(0, "0 bytes"), (820, "820 bytes"), (1024, "1 KB"),
                                        (14 * 1024 + 300, "14 KB"), (3 * MB + MB // 5, "3.2 MB"),
                                        (1536 * MB, "1.5 GB")])
def test_format_size(size, text):
    assert format_size(size) == text


def test_clip_size_warning_threshold():
    assert clip_size_warning(100 * MB, 100) == ""
    warning = clip_size_warning(100 * MB + 1, 100)
    assert "100 MB" in warning and "link" in warning
    assert clip_size_warning(20 * MB, 10) != ""


@pytest.mark.parametrize("name, head, kind", [
    ("talk.mp4", MP4_HEAD, "video"), ("talk.MOV", b"\x00\x00\x00\x14ftypqt  ", "video"),
    ("talk.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", "video"),
    ("voice.mp3", b"ID3\x04\x00\x00\x00\x00", "audio"), ("voice.mp3", b"\xff\xfb\x90\x64", "audio"),
    ("voice.wav", b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio"), ("voice.ogg", b"OggS\x00\x02", "audio"),
    ("voice.m4a", b"\x00\x00\x00\x20ftypM4A ", "audio")])
def test_recognised_clip_files(tmp_path, name, head, kind):
    check = check_clip_file(_write(tmp_path / name, head, 4096))
    assert check.kind == kind
    assert check.size == 4096
    assert check.mime.startswith(kind)
    assert check.warnings == []


def test_renamed_text_file_is_refused(tmp_path):
    path = tmp_path / "interview.mp4"
    path.write_text("These are my notes, not a video.")
    with pytest.raises(MediaRuleError, match="renamed or damaged"):
        check_clip_file(path)


def test_unknown_extension_missing_empty_and_folder(tmp_path):
    with pytest.raises(MediaRuleError, match="not a kind of clip"):
        check_clip_file(_write(tmp_path / "clip.avi", MP4_HEAD))
    with pytest.raises(MediaRuleError, match="not found"):
        check_clip_file(tmp_path / "gone.mp4")
    with pytest.raises(MediaRuleError, match="empty"):
        check_clip_file(_write(tmp_path / "empty.mp3", b""))
    (tmp_path / "folder.mp4").mkdir()
    with pytest.raises(MediaRuleError, match="folder"):
        check_clip_file(tmp_path / "folder.mp4")


def test_over_the_hard_limit_is_refused_without_reading(tmp_path):
    path = _write(tmp_path / "long.mp4", MP4_HEAD, 2 * 1024 ** 3)   # sparse: no disk used
    with pytest.raises(MediaRuleError) as error:
        check_clip_file(path)
    message = str(error.value)
    assert "2 GB" in message and "1 GB" in message and "link" in message
    assert CLIP_MAX_BYTES == 1024 ** 3


def test_big_clip_under_the_limit_is_accepted_with_a_warning(tmp_path):
    path = _write(tmp_path / "long.mp4", MP4_HEAD, 150 * MB)
    check = check_clip_file(path, warning_mb=100)
    assert check.size == 150 * MB
    assert len(check.warnings) == 1 and "150 MB" in check.warnings[0]


@pytest.mark.parametrize("text, url", [
    ("https://www.youtube.com/watch?v=abc", "https://www.youtube.com/watch?v=abc"),
    ("  http://vimeo.com/123 ", "http://vimeo.com/123"),
    ("youtu.be/abc", "https://youtu.be/abc")])
def test_clip_links_accepted(text, url):
    assert normalise_clip_url(text) == url
    assert clip_url_problem(text) == ""


@pytest.mark.parametrize("text, reason", [
    ("", "web address"), ("ftp://files.example.org/a.mp4", "http"),
    ("file:///C:/videos/a.mp4", "http"), ("javascript:alert(1)", "http"),
    ("https://my video.com", "spaces"), ("https://localhost/a", "does not look"),
    ("not a link", "spaces"), ("hello", "does not look")])
def test_clip_links_refused(text, reason):
    with pytest.raises(MediaRuleError, match=reason):
        normalise_clip_url(text)
    assert clip_url_problem(text)


def test_illustrations_and_clips_are_limited_together():
    assert media_limit_problem(0, 0, 2) == ""
    assert media_limit_problem(1, 0, 2) == media_limit_problem(0, 1, 2) == ""
    for pictures, clips in ((2, 0), (1, 1), (0, 2)):
        assert "up to 2 illustrations and clips in all" in media_limit_problem(pictures, clips, 2)
    assert "(1 picture and 1 clip)" in media_limit_problem(1, 1, 2)
    assert media_limit_problem(5, 5, None) == ""
    assert media_limit_text(1, 1, 2).startswith("2 of 2 illustrations and clips (1 picture and 1 clip)")
