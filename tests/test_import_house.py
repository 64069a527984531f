"""The importer is a package a newcomer can find their way in: no module over 400 lines, and a
draft that python-docx cannot read leaves its traceback in the log while the user gets one
plain sentence."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest

from pipwriter.importer.docx_import import plan_import
from pipwriter.importer.docx_read import DocxImportError

IMPORTER = Path(__file__).resolve().parent.parent / "pipwriter" / "importer"


def test_no_importer_module_is_over_400_lines():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in IMPORTER.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_a_document_python_docx_cannot_read_is_logged_and_told_in_one_sentence(
        tmp_path, caplog):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:         # a package whose body is not XML
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "this is not XML")
    with caplog.at_level(logging.WARNING, logger="pipwriter.importer"):
        with pytest.raises(DocxImportError, match="damaged and cannot be read"):
            plan_import(path)
    [record] = [r for r in caplog.records if r.name.startswith("pipwriter.importer")]
    assert "broken.docx" in record.getMessage() and record.exc_info is not None
