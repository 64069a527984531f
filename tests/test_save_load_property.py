"""What is saved opens (issue 17, item 3).

* Any article the model accepts saves and loads back equal (Hypothesis builds the articles:
  any text in every field, lists longer than the app lets anyone make).
* A file that breaks a length limit (a title over 2,000 characters, a heading over 500, a name
  over 500, too many key messages, authors or sections) opens with all of it kept and a warning
  the app shows; it is not refused as damaged.
* Text fields under fuzzing (half characters, control characters, huge strings) always save,
  and load back as the model would have cleaned them.
"""

from __future__ import annotations

import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipwriter.model.article.article import Article, Section, Settings
from pipwriter.model.article.author import Author
from pipwriter.model.article.limits import (
    AUTHOR_NAME_MAX,
    AUTHORS_MAX,
    HEADING_MAX,
    KEY_MESSAGES_MAX,
    SECTIONS_MAX,
    TITLE_MAX,
)
from pipwriter.model.article.media import Illustration, MediaRef, Photo
from pipwriter.model.article.reference import REFERENCE_KINDS, Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run, clean_text
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import load_project, save_project

PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

# Any text a person could have in a field: every plane, control characters, no half characters
# (Python strings from the keyboard or a file never hold them once the model has them).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
long_text = st.one_of(any_text, st.text(st.characters(exclude_categories=["Cs"]),
                                        min_size=400, max_size=2600))
ids = st.from_regex(r"[a-z]{3,8}-[0-9a-f]{6}", fullmatch=True)


@st.composite
def paragraphs(draw, refs: list[str]) -> Paragraph:
    items = []
    for _ in range(draw(st.integers(0, 4))):
        if refs and draw(st.booleans()):
            items.append(Citation(draw(st.lists(st.sampled_from(refs), min_size=1,
                                                max_size=3))))
        else:     # text reaches a paragraph only through clean_text (typing, pasting, loading)
            items.append(Run(clean_text(draw(any_text)), draw(st.booleans()),
                             draw(st.booleans()), draw(st.sampled_from(["", "quote-1"]))))
    return Paragraph(items, draw(st.sampled_from(["body", "bullet"]))).normalised()


@st.composite
def articles(draw) -> tuple[Article, dict[str, bytes]]:
    media: dict[str, bytes] = {}
    authors = []
    for n in range(draw(st.integers(0, 4))):
        photo = None
        if draw(st.booleans()):
            name = f"{n:024x}.png"
            media[name] = PNG
            photo = Photo(MediaRef(name, draw(any_text), "image/png", len(PNG)),
                          consent=draw(st.booleans()))
        authors.append(Author(draw(long_text), draw(st.sampled_from(["patient", "carer",
                                                                    "health_professional"])),
                              id=f"author-{n}", credentials=draw(any_text), role=draw(any_text),
                              affiliation=draw(any_text), email=draw(any_text),
                              handle=draw(any_text), corresponding=draw(st.booleans()),
                              photo=photo))
    references = [Reference(draw(st.sampled_from(REFERENCE_KINDS)), f"ref-{n}",
                            draw(st.lists(any_text, max_size=3)), draw(any_text),
                            draw(any_text), draw(any_text), url=draw(any_text),
                            text=draw(any_text))
                  for n in range(draw(st.integers(0, 6)))]
    refs = [r.id for r in references]
    sections = []
    for n in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["guidance", "viewpoint", "other"]))
        owners = [a.id for a in authors[:1]] if kind == "viewpoint" else []
        sections.append(Section(draw(long_text), kind, draw(any_text), f"sec-{n}",
                                RichText(draw(st.lists(paragraphs(refs), max_size=4))),
                                owners, draw(st.lists(any_text, max_size=2)),
                                draw(st.sampled_from(["", *[a.id for a in authors]]))))
    illustrations = []
    for n in range(draw(st.integers(0, 2))):
        name = f"{100 + n:024x}.png"
        media[name] = PNG
        illustrations.append(Illustration(MediaRef(name, draw(any_text), "image/png", len(PNG)),
                                          f"fig-{n}",
                                          draw(st.sampled_from(["photo", "diagram", "other"])),
                                          draw(any_text), draw(any_text), draw(any_text),
                                          draw(st.booleans())))
    article = Article(
        title=draw(long_text), standfirst=draw(long_text), authors=authors, sections=sections,
        key_messages=draw(st.one_of(st.lists(any_text, max_size=5),
                                    st.lists(any_text, min_size=KEY_MESSAGES_MAX + 1,
                                             max_size=KEY_MESSAGES_MAX + 3))),
        references=references, illustrations=illustrations,
        settings=Settings(draw(st.sampled_from(["brackets", "superscript"])),
                          draw(st.sampled_from(["en_GB", "en_US"])),
                          draw(st.lists(any_text, max_size=3)),
                          draw(st.lists(any_text, max_size=3))),
        id=draw(st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)))
    return article, media


def _project(article: Article, media: dict[str, bytes]) -> Project:
    project = Project(article)
    for name, data in media.items():
        project.media._sources[name] = data     # stored under the name the article uses
    return project


@PROPERTY
@given(articles())
def test_any_article_the_model_accepts_saves_and_loads_back_equal(tmp_path, case):
    article, media = case
    path = save_project(_project(article, media), tmp_path / "a.pipw")
    loaded = load_project(path)
    assert loaded.article == article
    assert loaded.article.to_json() == article.to_json()
    for name, data in media.items():
        assert loaded.media.read(name) == data
    again = load_project(save_project(loaded, tmp_path / "b.pipw"))
    assert again.article == article


# --- over the limits: kept, with a warning -----------------------------------------------------
def _names(n: int) -> list[Author]:
    return [Author(f"Author {i}", id=f"author-{i}") for i in range(n)]


OVER = {
    "title": (lambda a: setattr(a, "title", "t" * (TITLE_MAX + 1)), "title"),
    "heading": (lambda a: setattr(a.sections[0], "title", "h" * (HEADING_MAX + 500)),
                "heading of section 1"),
    "name": (lambda a: setattr(a.authors[0], "name", "n" * (AUTHOR_NAME_MAX + 1)),
             "name of author 1"),
    "key messages": (lambda a: setattr(a, "key_messages", ["m"] * (KEY_MESSAGES_MAX + 1)),
                     "key messages"),
    "authors": (lambda a: setattr(a, "authors", _names(AUTHORS_MAX + 1)), "authors"),
    "sections": (lambda a: setattr(a, "sections", [Section(f"S{i}", id=f"sec-{i}")
                                                   for i in range(SECTIONS_MAX + 1)]),
                 "sections"),
}


@pytest.mark.parametrize("what", list(OVER))
def test_a_file_over_a_limit_opens_with_everything_kept_and_a_warning(tmp_path, what):
    """Before: "… is damaged and cannot be opened: 'title' is too long", and no way back in."""
    change, words = OVER[what]
    article = Article(title="Walking together", authors=_names(2),
                      sections=[Section("Why we did it", id="sec-a")])
    change(article)
    path = save_project(Project(article), tmp_path / "over.pipw")
    loaded = load_project(path)
    assert loaded.article == article                       # nothing cut
    [warning] = loaded.warnings
    assert words in warning and "kept" in warning and "\n" not in warning


def test_a_file_over_a_limit_written_by_hand_opens_too(tmp_path, small_project):
    path = save_project(small_project, tmp_path / "a.pipw")
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    data = json.loads(members["article.json"])
    data["title"] = "x" * 2500
    data["sections"][1]["title"] = "y" * 600
    data["authors"][0]["name"] = "z" * 501
    data["key_messages"] = ["key"] * 150
    members["article.json"] = json.dumps(data).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    project = load_project(path)
    assert len(project.article.title) == 2500 and len(project.article.key_messages) == 150
    assert len(project.warnings) == 4


# --- fuzzing text fields: half characters, control characters, huge strings -------------------
hostile_text = st.text(st.characters(codec=None, exclude_categories=[]), max_size=80)


def _repaired(text: str) -> str:
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=hostile_text, name=hostile_text, message=hostile_text, body=hostile_text,
       reference=hostile_text)
def test_any_text_in_any_field_saves_and_loads_back_repaired(tmp_path, title, name, message,
                                                             body, reference):
    article = Article(title=title, authors=[Author(name, id="author-a")], key_messages=[message],
                      sections=[Section("Body", id="sec-a", body=RichText.from_plain(body))],
                      references=[Reference(id="ref-a", title=reference)])
    loaded = load_project(save_project(Project(article), tmp_path / "fuzz.pipw")).article
    assert loaded.title == _repaired(title)
    assert loaded.authors[0].name == _repaired(name)
    assert loaded.key_messages == [_repaired(message)]
    assert loaded.references[0].title == _repaired(reference)
    assert loaded.sections[0].body.to_json() == RichText.from_plain(body).to_json()


@pytest.mark.parametrize("size", [TITLE_MAX * 10, 3_000_000])
def test_huge_text_in_every_field_saves_and_loads_back(tmp_path, size):
    line = "Ab\x00\ud800 \u200b\U0001F600 " * 99 + "\r\n"       # 1,000 characters a line
    huge = (line * (size // len(line) + 1))[:size]
    article = Article(title=huge, standfirst=huge, authors=[Author(huge, id="author-a")],
                      key_messages=[huge],
                      sections=[Section(huge, id="sec-a", body=RichText.from_plain(huge))])
    project = load_project(save_project(Project(article), tmp_path / "huge.pipw"))
    assert project.article.title == _repaired(huge)
    assert project.article.sections[0].body.plain_text() == \
        RichText.from_plain(huge).plain_text()
    assert any("title" in w for w in project.warnings)
