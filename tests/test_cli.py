"""The command line: stable subcommands and exit codes (0 ok, 1 blocked, 2 unreadable)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipwriter import __version__
from pipwriter.model.storage.project_file import save_project


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "pipwriter", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.pipw"
    result = run("demo", path)
    assert result.returncode == 0, result.stderr
    return path


def test_version():
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_then_check_json_is_valid_and_passes(demo_file):
    result = run("check", demo_file, "--json")
    data = json.loads(result.stdout)
    counts = data["counts"]
    for key in ("words_counted", "words_total", "references", "citations", "key_messages",
                "key_quotes", "illustrations", "authors", "sections", "readability"):
        assert key in counts
    assert 1250 <= counts["words_counted"] <= 1500
    assert counts["references"] == 4 and counts["authors"] == 2
    assert all(f["severity"] in ("error", "warning", "tip") for f in data["findings"])
    assert result.returncode == 0, [f for f in data["findings"] if f["severity"] == "error"]


def test_check_human_output(demo_file):
    result = run("check", demo_file)
    assert result.returncode == 0
    assert "Words counted:" in result.stdout


def test_check_blocked_article_exits_1(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "empty.pipw")
    result = run("check", path, "--json")
    assert result.returncode == 1
    assert any(f["severity"] == "error" for f in json.loads(result.stdout)["findings"])


@pytest.mark.parametrize("content", [None, b"", b"garbage", b"PK\x03\x04broken"])
def test_check_unreadable_file_exits_2_with_one_line(tmp_path, content):
    path = tmp_path / "x.pipw"
    if content is not None:
        path.write_bytes(content)
    result = run("check", path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_demo_to_unwritable_place_exits_2(tmp_path):
    result = run("demo", tmp_path / "no-such-folder" / "d.pipw")
    assert result.returncode == 2 and "could not be saved" in result.stderr


def test_self_test_passes():
    result = run("self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_unknown_option_is_a_usage_error():
    result = run("check")
    assert result.returncode == 2 and "usage" in result.stderr.lower()
