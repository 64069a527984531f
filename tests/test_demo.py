"""The bundled demo article: complete, within the series' limits, and safe to save and reopen."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtGui import QImage

from pipwriter.model.article.article import Article
from pipwriter.model.errors import PipError
from pipwriter.model.rules.progress import DONE, panel_keys
from pipwriter.model.rules.report import build_report
from pipwriter.model.storage.demo import demo_dir, demo_project, write_demo
from pipwriter.model.storage.project_file import load_project, save_project

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"


@pytest.fixture(scope="module")
def demo():
    return demo_project()


def words(section) -> int:
    return len(section.body.plain_text().split())


def decoded(project, ref) -> QImage:
    data = project.media.read(ref.name)
    assert data.startswith(PNG_SIGNATURE if ref.mime == "image/png" else JPEG_SIGNATURE)
    assert ref.mime in ("image/png", "image/jpeg")
    assert ref.size == len(data)
    image = QImage.fromData(data)
    assert not image.isNull(), f"{ref.original_name} cannot be decoded"
    assert (image.width(), image.height()) == (ref.width, ref.height)
    return image


def test_demo_loads_with_all_its_pictures(demo):
    assert demo.article.template_id == "bmj-partnership-in-practice"
    assert demo.article.title and demo.article.standfirst
    assert demo.missing_media() == []
    assert demo.path is None  # a new, unsaved project: saving asks where


def test_counted_words_are_within_the_series_range(demo, template):
    assert template.counted == {"sections", "viewpoints"}
    counted = sum(words(s) for s in demo.article.sections if s.kind in ("guidance", "viewpoint"))
    assert 1300 <= counted <= 1500
    assert template.limit("words").contains(counted)


def test_every_panel_shows_as_done_and_nothing_is_misspelt(demo, template):
    report = build_report(demo, template)
    assert report.panels == {key: DONE for key in panel_keys(demo.article)}
    assert [f for f in report.findings if "spell" in f.code] == []


def test_one_viewpoint_for_each_side_of_the_partnership(demo, template):
    viewpoints = demo.article.viewpoints()
    assert len(viewpoints) == 2
    sides = []
    for section in viewpoints:
        assert len(section.author_ids) == 1 and words(section) >= template.viewpoint.min_words
        sides.append(template.side_of(demo.article.author(section.author_ids[0]).partner_type))
    assert sorted(sides) == ["patient", "professional"]


def test_four_references_all_cited_in_list_order(demo, template):
    article = demo.article
    assert len(article.references) == 4
    assert template.limit("references").contains(len(article.references))
    assert article.citation_order() == [r.id for r in article.references]
    for ref in article.references:
        assert ref.title and ref.year
        assert ref.doi or (ref.url.startswith("https://") and ref.accessed)


def test_three_key_messages_and_a_key_quote_from_the_patient(demo):
    article = demo.article
    assert len(article.key_messages) == 3 and all(m.strip() for m in article.key_messages)
    quotes = article.key_quotes()
    assert len(quotes) == 1
    _quote_id, section_id, text = quotes[0]
    section = article.section(section_id)
    assert section.kind == "viewpoint"
    assert article.author(section.author_ids[0]).partner_type == "patient"
    assert len(text.split()) >= 5 and text in section.body.plain_text()


def test_both_authors_have_a_printable_photo(qapp, demo, template):
    minimum = template.rules.photo_min_short_side_px
    for author in demo.article.authors:
        assert author.photo is not None and author.photo.consent, author.name
        assert author.photo.media.name in demo.media
        image = decoded(demo, author.photo.media)
        assert min(image.width(), image.height()) >= minimum


def test_both_authors_have_certified_disclosures(demo):
    by_type = {a.partner_type: a for a in demo.article.authors}
    assert set(by_type) == {"health_professional", "patient"}
    assert sum(a.corresponding for a in demo.article.authors) == 1
    for author in demo.article.authors:
        assert author.disclosure.is_certified(), author.name
    clinician = by_type["health_professional"].disclosure
    assert [n for n in range(1, 14) if clinician.item(n).declared()] == [1, 10]   # the grant: item 1
    assert clinician.item(1).declared()[0].paid_to == "organisation"
    assert not by_type["patient"].disclosure.has_interests()


def test_one_illustration_with_caption_and_alt_text(qapp, demo, template):
    illustrations = demo.article.illustrations
    assert len(illustrations) == 1
    figure = illustrations[0]
    assert figure.kind == "diagram" and figure.permission
    assert figure.caption.strip() and figure.alt_text.strip() and figure.credit.strip()
    image = decoded(demo, figure.media)
    assert max(image.width(), image.height()) <= template.rules.image_max_long_side_px


def test_save_and_reopen_keeps_everything(tmp_path):
    project = demo_project()
    path = save_project(project, tmp_path / "demo.pipw")
    again = load_project(path)
    assert again.article == demo_project().article
    assert again.warnings == [] and again.missing_media() == []
    fresh = demo_project()
    for ref in fresh.article.media_refs():
        assert again.media.read(ref.name) == fresh.media.read(ref.name)


def test_write_demo_makes_a_project_file(tmp_path):
    path = write_demo(tmp_path / "My demo.pipw")
    assert path == tmp_path / "My demo.pipw"
    assert load_project(path).article == demo_project().article


def test_demo_json_is_exactly_what_the_model_writes():
    text = (demo_dir() / "article.json").read_text(encoding="utf-8")
    article = Article.from_json(json.loads(text))
    expected = json.dumps(article.to_json(), ensure_ascii=False, indent=2) + "\n"
    assert text == expected, "resources/demo is out of date: run python tools/make_demo.py"


@pytest.fixture
def demo_copy(tmp_path, monkeypatch):
    folder = tmp_path / "resources"
    shutil.copytree(demo_dir(), folder / "demo")
    monkeypatch.setenv("PIPWRITER_RESOURCES", str(folder))
    return folder / "demo"


def test_a_changed_picture_is_reported_not_shown(demo_copy, demo):
    name = demo.article.authors[0].photo.media.name
    target = demo_copy / "media" / name
    target.write_bytes(target.read_bytes()[:-10])
    with pytest.raises(PipError, match="Reinstall PiP Writer"):
        demo_project()


def test_a_missing_picture_or_text_is_reported(demo_copy, demo):
    (demo_copy / "media" / demo.article.illustrations[0].media.name).unlink()
    with pytest.raises(PipError, match="missing"):
        demo_project()
    (demo_copy / "article.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PipError, match="article.json"):
        demo_project()
