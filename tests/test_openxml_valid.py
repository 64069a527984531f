"""Every Word document the export writes passes the Open XML schema checks with no errors.

The checker is ``openxml-audit`` (PyPI, pure Python), a port of the Open XML SDK's validator:
schema, package and semantic checks, as Word's own tooling applies them. It is in the ``test``
extra; where it is not installed these tests are skipped.

Documents checked: the demo's manuscript and competing-interests forms, their drafts, and an
article with everything an export can hold (a clip with a link, bullets, superscript
citations, an author still to certify, odd characters), plus the reference document itself.
"""

from __future__ import annotations

import pytest

from pipwriter.export.bundle import export_bundle
from pipwriter.export.docx_base import reference_docx
from pipwriter.model.article.media import MediaClip, MediaRef
from pipwriter.model.interests.disclosure import DisclosureEntry
from pipwriter.model.storage.demo import demo_project

openxml_audit = pytest.importorskip("openxml_audit", reason="openxml-audit is not installed")


@pytest.fixture(scope="module")
def validator():
    return openxml_audit.OpenXmlValidator()


def _everything_project():
    project = demo_project()
    article = project.article
    article.settings.citation_style = "superscript"
    name = project.media.add_bytes(b"\x00\x00\x00\x18ftypmp42 fake video", "mp4")
    article.clips.append(MediaClip(kind="video", media=MediaRef(name, "IMG_0042.MP4",
                                                                "video/mp4"),
                                   url="https://example.org/clip?a=1&b=<2>", title="Malcolm",
                                   caption="Why the card works", transcript="Malcolm: Yes.\n\nNo.",
                                   permission=False))
    malcolm = article.authors[1]
    malcolm.disclosure.certified_on = ""
    malcolm.disclosure.item(13).answer = "entries"
    malcolm.disclosure.item(13).entries = [DisclosureEntry("Stroke & Co <charity>", "trustee")]
    article.title = "A title with \u201cquotes\u201d & <angle> brackets, \u00e9 and \U0001F600"
    return project


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    documents = []
    for name, project, draft in (("demo", demo_project(), False),
                                 ("demo-draft", demo_project(), True),
                                 ("everything", _everything_project(), True)):
        result = export_bundle(project, tmp_path_factory.mktemp(name), draft=draft)
        documents += [(f"{name}/{p.name}", p) for p in result.files if p.suffix == ".docx"]
    return documents


def _errors(validator, path) -> list[str]:
    result = validator.validate(str(path))
    return [str(e) for e in result.errors]


def test_every_exported_document_is_valid_open_xml(validator, exported):
    assert len(exported) == 6
    problems = {label: errors[:5] for label, path in exported
                if (errors := _errors(validator, path))}
    assert problems == {}


def test_the_reference_document_is_valid_open_xml(validator):
    assert _errors(validator, reference_docx()) == []


def test_on_off_row_flags_carry_no_true_value(exported):
    """w:cantSplit and w:tblHeader: present means on (w:val="true" was 28 schema errors)."""
    import zipfile
    for label, path in exported:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        assert 'w:val="true"' not in xml, label
        if "competing-interests" in label:
            assert "<w:cantSplit/>" in xml and "<w:tblHeader/>" in xml
