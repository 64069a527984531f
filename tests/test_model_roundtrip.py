"""Model → .pipw → model keeps everything, including formatting, citations, quotes and media."""

from __future__ import annotations

from pipwriter.model.article.media import Illustration, MediaClip, MediaRef, Photo
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.storage.project_file import load_project, save_project


def _fill(project):
    article = project.article
    ref = Reference("journal", authors=["Smith J", "Jones K"], title="A study", container="BMJ",
                    year="2020", volume="368", pages="m100", doi="10.1136/bmj.m100")
    article.references.append(ref)
    article.sections[0].body = RichText([
        Paragraph([Run("We ", False, False), Run("began", True), Run(" here", italic=True),
                   Citation([ref.id]), Run(" quoted words", quote="q1")]),
        Paragraph([Run("A point")], "bullet"),
    ])
    article.sections[0].ticked = ["aim"]
    article.key_messages = ["One", "Two"]
    photo = project.media.add_bytes(b"\xff\xd8\xff\xe0photo", "jpg")
    article.authors[0].photo = Photo(MediaRef(photo, "me.jpg", "image/jpeg", 9), consent=True)
    article.authors[1].handle = "@sam_j"
    for number in range(1, 14):
        article.authors[0].disclosure.item(number).answer = "none"
    item = article.authors[0].disclosure.item(2)
    item.answer = "entries"
    item.entries.append(DisclosureEntry("Stroke Charity", "grant", "organisation", "project"))
    article.authors[0].disclosure.certify("2026-11-21")
    fig = project.media.add_bytes(b"\x89PNG\r\n\x1a\nfig", "png")
    article.illustrations.append(Illustration(MediaRef(fig, "d.png", "image/png"), kind="diagram",
                                              caption="Cycle", alt_text="A circle"))
    article.clips.append(MediaClip(kind="audio", url="https://example.org/a.mp3", title="Voices"))
    return article


def test_save_then_load_gives_equal_article_and_media(tmp_path, small_project):
    article = _fill(small_project)
    path = save_project(small_project, tmp_path / "a.pipw")
    loaded = load_project(path)
    assert loaded.article == article
    assert loaded.warnings == []
    for ref in article.media_refs():
        assert loaded.media.read(ref.name) == small_project.media.read(ref.name)
    assert loaded.article.key_quotes()[0][2] == "quoted words"
    assert loaded.article.authors[0].disclosure.is_certified()


def test_resave_over_itself_keeps_media(tmp_path, small_project):
    _fill(small_project)
    path = save_project(small_project, tmp_path / "a.pipw")
    first = load_project(path)
    save_project(first, path)          # media are read from the file being replaced
    second = load_project(path)
    assert second.article == first.article
    for ref in second.article.media_refs():
        assert second.media.read(ref.name) == small_project.media.read(ref.name)


def test_unused_media_are_not_saved(tmp_path, small_project):
    article = _fill(small_project)
    article.illustrations.clear()
    path = save_project(small_project, tmp_path / "a.pipw")
    import zipfile
    names = zipfile.ZipFile(path).namelist()
    assert sum(n.startswith("media/") for n in names) == 1


def test_citation_keeps_pointing_at_its_reference_after_reordering(small_project):
    article = _fill(small_project)
    first = article.references[0]
    second = Reference("web", title="Site", url="https://example.org")
    article.references.insert(0, second)
    article.sections[1].body = RichText([Paragraph([Run("x"), Citation([second.id])])])
    numbers = article.reference_numbers()
    assert numbers[first.id] == 1 and numbers[second.id] == 2
