"""The title of a project file read without opening it (the start screen's recent list)."""

from __future__ import annotations

import zipfile

from pipwriter.model.storage.demo import write_demo
from pipwriter.model.storage.peek import TITLE_SHOWN, peek_title


def test_title_of_the_demo(tmp_path):
    path = write_demo(tmp_path / "demo.pipw")
    assert peek_title(path).startswith("What matters after a stroke")


def test_unreadable_files_give_no_title(tmp_path):
    missing = tmp_path / "missing.pipw"
    assert peek_title(missing) == ""
    not_zip = tmp_path / "text.pipw"
    not_zip.write_text("hello", encoding="utf-8")
    assert peek_title(not_zip) == ""
    no_article = tmp_path / "empty.pipw"
    with zipfile.ZipFile(no_article, "w") as archive:
        archive.writestr("manifest.json", "{}")
    assert peek_title(no_article) == ""
    odd = tmp_path / "odd.pipw"
    with zipfile.ZipFile(odd, "w") as archive:
        archive.writestr("article.json", '{"title": ["not", "text"]}')
    assert peek_title(odd) == ""


def test_long_or_multi_line_titles_are_one_short_line(tmp_path):
    path = tmp_path / "long.pipw"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.json", '{"title": "A\\nvery ' + "long " * 100 + '"}')
    title = peek_title(path)
    assert "\n" not in title and len(title) == TITLE_SHOWN and title.endswith("…")
