"""The exported Word documents open in LibreOffice and convert to PDF with the expected content
and number of pages (what an editor sees when opening them)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipwriter.export.bundle import export_bundle
from pipwriter.model.article.reference import format_bmj
from pipwriter.model.storage.demo import demo_project

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed"),
    pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
                       reason="poppler-utils (pdftotext, pdfinfo) not installed"),
]


def to_pdf(document: Path, out_dir: Path, profile: Path) -> Path:
    """Convert with a private LibreOffice profile, so parallel or user sessions do not clash."""
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(document)],
        capture_output=True, text=True, timeout=240)
    pdf = out_dir / f"{document.stem}.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    return pdf


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.split())


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    project = demo_project()
    root = tmp_path_factory.mktemp("pdf")
    result = export_bundle(project, root / "bundle")
    profile = root / "lo-profile"
    pdfs = {}
    for path in result.files:
        if path.suffix == ".docx":
            kind = "article" if "-article" in path.name else "disclosure"
            pdfs[kind] = to_pdf(path, root / "pdf", profile)
    return project, pdfs


def test_article_opens_with_its_content(converted):
    project, pdfs = converted
    text = pdf_text(pdfs["article"])
    article = project.article
    assert article.title in text
    assert article.standfirst in text
    for author in article.authors:
        assert author.name in text
    for ref in article.references:
        assert " ".join(format_bmj(ref).split()[:6]) in text
    order = [text.find(heading) for heading in ("Key messages", "Competing interests",
                                                "References", "Illustrations")]
    assert -1 not in order and order == sorted(order)


def test_article_has_a_plausible_number_of_pages(converted):
    _project, pdfs = converted
    assert 3 <= pdf_pages(pdfs["article"]) <= 8


def test_competing_interests_opens_with_one_form_per_author(converted):
    project, pdfs = converted
    text = pdf_text(pdfs["disclosure"])
    for author in project.article.authors:
        assert f"Disclosure of interest: {author.name}" in text
    assert text.count("Certified on 2 November 2026") == len(project.article.authors)
    assert pdf_pages(pdfs["disclosure"]) >= 1 + len(project.article.authors)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm not installed")
def test_first_page_renders_to_an_image(converted, tmp_path):
    _project, pdfs = converted
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdfs["article"]),
                    str(tmp_path / "page")], check=True, timeout=60)
    image = next(tmp_path.glob("page*.png"))
    data = image.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 5_000   # not a blank page
