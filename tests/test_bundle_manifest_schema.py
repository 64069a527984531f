"""The bundle's manifest.json follows its documented schema (docs/schema/bundle-manifest.schema.json)
and lists every file of the bundle, with sizes and checksums that match the files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from pipwriter.export.bundle import export_bundle
from pipwriter.model.storage.demo import demo_project

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schema" / "bundle-manifest.schema.json"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    result = export_bundle(demo_project(), tmp_path_factory.mktemp("out"))
    return result.folder


def test_the_manifest_follows_its_schema(bundle):
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(manifest, schema, format_checker=jsonschema.FormatChecker())


def test_the_manifest_lists_every_file_with_its_true_size_and_checksum(bundle):
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert set(listed) == on_disk - {"manifest.json"}
    for path, entry in listed.items():
        data = (bundle / path).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_the_schema_refuses_a_path_that_leaves_the_bundle(bundle):
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for bad in ("../outside.txt", "/etc/passwd", "photos\\me.jpg", "a/../../b"):
        manifest["files"][0]["path"] = bad
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(manifest, schema)
