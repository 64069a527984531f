"""The series template is data: it loads, and a broken one says exactly what is wrong."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil

import pytest

from pipwriter.model.article.factory import new_article
from pipwriter.model.errors import TemplateError
from pipwriter.model.rules.template import available_templates, get_template, load_template_file
from pipwriter.resources import resource

SOURCE = resource("templates", "partnership-in-practice.json")


def _write(tmp_path, data, name="t.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def data():
    return json.loads(SOURCE.read_text(encoding="utf-8"))


def test_bundled_template_has_the_series_rules(template):
    assert template.limit("words").min == 1250 and template.limit("words").max == 1500
    assert template.limit("references").max == 5
    assert (template.limit("key_messages").min, template.limit("key_messages").max) == (2, 3)
    assert template.limit("illustrations").max == 2
    assert {s.id for s in template.sides} == {"professional", "patient"}
    assert [s.key for s in template.sections] == ["rationale", "design", "implementation",
                                                   "evaluation", "learning", "future"]
    assert template.counted == {"sections", "viewpoints"}
    assert template.rules.author_photo_required is True
    assert template.rules.discouraged_illustration_kinds == ("chart", "table")
    assert template.side_of("carer") == "patient"


def test_new_article_follows_template_order(template):
    from pipwriter.model.article.author import Author
    doc, pat = Author("Dr A", "health_professional"), Author("P", "patient")
    article = new_article(template, "T", [doc, pat])
    kinds = [(s.kind, s.key) for s in article.sections]
    assert kinds[4:6] == [("viewpoint", "viewpoint"), ("viewpoint", "viewpoint")]
    assert article.sections[4].author_ids == [doc.id]
    assert article.sections[5].title.startswith("Patient's viewpoint")


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d.pop("sections"), "'sections' is missing"),
    (lambda d: d["limits"]["words"].__setitem__("max", "lots"),
     "'max' should be a whole number (at limits.words.max)"),
    (lambda d: d["limits"]["words"].__setitem__("min", 2000), "'min' is larger than 'max'"),
    (lambda d: d["sections"][1].pop("prompt"), "'prompt' is missing (at sections[1].prompt)"),
    (lambda d: d["order"].append("nonsense"), "unknown section 'nonsense'"),
    (lambda d: d["partner_types"][0].__setitem__("side", "moon"), "unknown side 'moon'"),
    (lambda d: d["counted"].append("footnotes"), "unknown part 'footnotes'"),
    (lambda d: d.__setitem__("schema", 99), "needs a newer PiP Writer"),
    (lambda d: d["sections"].append(copy.deepcopy(d["sections"][0])), "two sections share a key"),
    (lambda d: d["rules"].__setitem__("reading_ease_target", "easy"),
     "'reading_ease_target' should be a number (at rules.reading_ease_target)"),
    (lambda d: d["rules"].__setitem__("author_photo_required", "yes"),
     "'author_photo_required' should be true or false (at rules.author_photo_required)"),
    (lambda d: d["rules"].__setitem__("photo_min_short_side_px", 0),
     "'photo_min_short_side_px' should be at least 1 (at rules.photo_min_short_side_px)"),
    (lambda d: d["rules"].__setitem__("long_sentence_words", 3),
     "'long_sentence_words' should be at least 25"),
    (lambda d: d["rules"].__setitem__("words_tolerance_percent", 250),
     "'words_tolerance_percent' should be between 0 and 100"),
    (lambda d: d["rules"].__setitem__("discouraged_illustration_kinds", ["graph"]),
     "unknown kind 'graph' (known: photo"),
    (lambda d: d["rules"].__setitem__("photo_required", True),
     "unknown rule 'photo_required'"),
])
def test_invalid_template_names_the_problem(tmp_path, data, mutate, expected):
    mutate(data)
    with pytest.raises(TemplateError) as caught:
        load_template_file(_write(tmp_path, data))
    assert expected in str(caught.value)
    assert "t.json" in str(caught.value)


def test_rules_have_one_set_of_defaults(tmp_path, data):
    """A template that says nothing about a rule gets the one default in SeriesRules, and every
    reader of the rules (checks, export checklist, readability) sees that same value."""
    from pipwriter.model.rules.series_rules import SeriesRules
    data["rules"] = {}
    template = load_template_file(_write(tmp_path, data))
    assert template.rules == SeriesRules()
    with pytest.raises(dataclasses.FrozenInstanceError):
        template.rules.author_photo_required = True  # type: ignore[misc]


def test_template_that_is_not_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid JSON"):
        load_template_file(path)


def test_second_template_needs_no_code(tmp_path, data):
    """A new series is one more JSON file."""
    shutil.copy(SOURCE, tmp_path / "pip.json")
    other = copy.deepcopy(data)
    other.update(id="another-series", name="Another series")
    other["limits"]["words"] = {"min": 600, "max": 800}
    other["sections"] = other["sections"][:2]
    other["order"] = ["rationale", "@viewpoints", "design"]
    _write(tmp_path, other, "other.json")
    templates = available_templates(tmp_path)
    assert set(templates) == {"bmj-partnership-in-practice", "another-series"}
    article = new_article(templates["another-series"], "x")
    assert [s.key for s in article.sections] == ["rationale", "design"]
    assert templates["another-series"].limit("words").max == 800


def test_the_standfirst_is_offered_not_asked_for_as_the_guidance_does():
    """The panel said "Then a standfirst: …" as if one were needed, and its mark was ticked
    with none (found by a walk of the app). The series' guidance never asks for one."""
    from pathlib import Path

    guidance = Path(__file__).resolve().parents[2] / "shared" / "reference" / \
        "partnership-in-practice-guidance.txt"
    if not guidance.exists():
        pytest.skip("the series' guidance is not beside the project")
    assert "standfirst" not in guidance.read_text(encoding="utf-8").lower()
    prompt = get_template("bmj-partnership-in-practice").panels["title"].prompt
    assert "You may add a standfirst if you wish" in prompt
    assert "does not ask for one" in prompt
