"""Bundle file and folder names are safe on Windows, macOS and in zips, whatever the input."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipwriter.export.names import (
    RESERVED,
    numbered_free_name,
    safe_component,
    safe_filename,
    surname,
    to_ascii,
    unique_name,
)

SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@pytest.mark.parametrize("name", ["CON", "prn", "Aux", "nul", "COM1", "com9", "LPT1", "lpt9",
                                  "COM\u00b9", "con.txt"])
def test_windows_reserved_names_are_changed(name):
    result = safe_component(name)
    assert result.split(".")[0].upper() not in RESERVED
    assert safe_filename(name, "docx").split(".")[0].upper() not in RESERVED


def test_reserved_stem_with_extension_is_changed():
    assert safe_filename("con", "txt") == "con_.txt"
    assert safe_filename("Console", "txt") == "Console.txt"   # only whole names are reserved


@pytest.mark.parametrize("text, expected", [
    ("Siân O\u2019Brien", "Sian-OBrien"),
    ("Jürgen Weiß", "Jurgen-Weiss"),
    ("Zoe\u0308 Ærø", "Zoe-AEro"),               # decomposed diacritic, Æ and ø
    ("Łukasz Dąbrowski", "Lukasz-Dabrowski"),
    ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),
    ("  ..hidden name.. ", "hidden-name"),
    ("Smith & Jones", "Smith-and-Jones"),
    ("2019\u20132021 results", "2019-2021-results"),
])
def test_transliteration_and_forbidden_characters(text, expected):
    assert safe_component(text) == expected


def test_composed_and_decomposed_forms_give_the_same_name():
    composed = unicodedata.normalize("NFC", "Zoë Łęcka")
    decomposed = unicodedata.normalize("NFD", "Zoë Łęcka")
    assert composed != decomposed
    assert safe_component(composed) == safe_component(decomposed) == "Zoe-Lecka"


def test_text_with_no_ascii_spelling_uses_the_fallback():
    assert safe_component("王芳", fallback="author-2") == "author-2"
    assert safe_component("\u200b\u202e", fallback="") == "untitled"
    assert safe_filename("Ольга", "jpg", fallback="author-1") == "author-1.jpg"


def test_long_names_are_cut_at_a_word_boundary():
    title = "What matters after a stroke: redesigning the six month review with the people"
    name = safe_component(title, 40)
    assert len(name) <= 40
    assert title.replace(":", "").replace(" ", "-").startswith(name)
    assert not name.endswith("-")
    assert len(safe_component("x" * 500, 80)) == 80
    assert len(safe_filename("y" * 500, "docx", 60)) == 60


@given(st.text(max_size=300), st.integers(min_value=2, max_value=120))
def test_any_text_gives_a_safe_bounded_name(text, max_len):
    name = safe_component(text, max_len)
    assert SAFE.match(name), name
    assert len(name) <= max_len
    assert name.split(".")[0].upper() not in RESERVED
    assert name == to_ascii(name)


@given(st.text(max_size=100), st.text(max_size=10))
def test_any_file_name_is_safe(stem, extension):
    name = safe_filename(stem, extension)
    assert len(name) <= 80
    assert not any(ch in name for ch in '<>:"/\\|?* ') and name.isascii()
    assert not name.endswith((".", " ")) and not name.startswith((".", "-"))
    assert name.split(".")[0].upper() not in RESERVED


def test_unique_names_ignore_case_like_windows_and_macos():
    taken: set[str] = set()
    names = [unique_name(n, taken) for n in ("Photo.jpg", "photo.JPG", "PHOTO.jpg", "other.jpg")]
    assert names == ["Photo.jpg", "photo-2.JPG", "PHOTO-3.jpg", "other.jpg"]
    assert len({n.lower() for n in names}) == 4


def test_numbered_free_name_avoids_existing_folder_and_zip(tmp_path):
    assert numbered_free_name(tmp_path, "Bundle") == "Bundle"
    (tmp_path / "bundle").mkdir()           # another case counts as taken
    assert numbered_free_name(tmp_path, "Bundle") == "Bundle (2)"
    (tmp_path / "Bundle (2).zip").write_bytes(b"")
    assert numbered_free_name(tmp_path, "Bundle", ("", ".zip")) == "Bundle (3)"
    assert numbered_free_name(tmp_path, "Bundle", ("",)) == "Bundle (2)"


@pytest.mark.parametrize("name, expected", [("Dr Asha Patel", "Patel"), ("Sam", "Sam"),
                                            ("  ", ""), ("Jo Bloggs.", "Bloggs")])
def test_surname(name, expected):
    assert surname(name) == expected
