"""The documented JSON Schemas describe what the app really writes."""

from __future__ import annotations

import json
import zipfile

import jsonschema
import pytest

from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import save_project
from pipwriter.resources import resources_dir

SCHEMAS = resources_dir().parent / "docs" / "schema"


@pytest.fixture(scope="module")
def saved_demo(tmp_path_factory):
    return save_project(demo_project(), tmp_path_factory.mktemp("s") / "demo.pipw")


def _schema(name):
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def test_article_json_matches_schema(saved_demo):
    article = json.loads(zipfile.ZipFile(saved_demo).read("article.json"))
    jsonschema.validate(article, _schema("article.schema.json"))


def test_manifest_matches_schema(saved_demo):
    manifest = json.loads(zipfile.ZipFile(saved_demo).read("manifest.json"))
    jsonschema.validate(manifest, _schema("manifest.schema.json"))
    assert len(manifest["media"]) == 3


def test_schema_rejects_a_broken_article(saved_demo):
    article = json.loads(zipfile.ZipFile(saved_demo).read("article.json"))
    article["sections"][0]["body"][0]["runs"][0] = {"t": 5}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(article, _schema("article.schema.json"))
