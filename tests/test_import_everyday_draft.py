"""The whole of issue 19's "done when", through `pipwriter import`: a draft written in Word by
pandoc, whose headings are everyday words (not the template's), with a byline, a named carer's
story and a clinician's perspective, a footnote, a link, and references in four styles, fills
the six guidance parts and both viewpoints, names both authors in full, keeps the footnote and
the link address, and reads journal, web, book and report references into their parts."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from pipwriter.model.rules.checks import UNPLACED_KEY
from pipwriter.model.storage.project_file import load_project

pytestmark = pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is missing")

URL = "https://www.nice.org.uk/guidance/ng106"
FOOTNOTE = "Survey of forty clinic members in spring."
MARKDOWN = f"""---
title: Heart failure clinic, together
---

By Jane Doe (carer) and Dr Ahmed Khan (consultant cardiologist)

# Introduction

People with heart failure told us clinic visits felt rushed [1].[^1]

# Our approach

We read the [national guidance]({URL}) and formed a group of carers and staff [2].

# What we actually did

We met monthly and rewrote the clinic letter together.

# Results so far

Missed appointments fell by a third [3].

# Jane's story

Caring for my husband taught me to ask questions.

# Dr Khan's perspective

I learnt to listen before prescribing [4].

# Reflections

Co-design takes time.

# Next steps

We will spread the approach to two more clinics.

# References

1. Smith J, Jones AB. Reviews after heart failure. BMJ 2020;370:m1234. doi:10.1136/bmj.m1234
2. National Institute for Health and Care Excellence (2018) Chronic heart failure in adults. Available at: {URL} (Accessed: 1 May 2024).
3. Coulter, A. (2011). Engaging patients in healthcare. Open University Press.
4. Healthwatch England. What people told us about hospital discharge: annual report. Healthwatch England, 2023.

[^1]: {FOOTNOTE}
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("everyday")
    source = folder / "draft.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    draft = folder / "draft.docx"
    subprocess.run(["pandoc", str(source), "-o", str(draft)], check=True, timeout=120)
    out = folder / "draft.pipw"
    result = subprocess.run([sys.executable, "-m", "pipwriter", "import", str(draft), "-o",
                             str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return load_project(out).article, result.stdout


def test_the_six_parts_and_both_viewpoints_are_filled(imported):
    article, _out = imported
    guidance = [s for s in article.sections if s.kind == "guidance"]
    assert [s.key for s in guidance] == ["rationale", "design", "implementation",
                                         "evaluation", "learning", "future"]
    assert all(s.body.plain_text() for s in guidance)
    assert [s.title.replace("’", "'") for s in article.viewpoints()] == \
        ["Jane's story", "Dr Khan's perspective"]
    assert all(v.body.plain_text() for v in article.viewpoints())
    assert not any(s.key == UNPLACED_KEY for s in article.sections)


def test_both_authors_are_named_in_full_with_their_roles(imported):
    article, _out = imported
    assert [(a.name, a.partner_type, a.role) for a in article.authors] == [
        ("Jane Doe", "carer", "carer"),
        ("Ahmed Khan", "health_professional", "consultant cardiologist")]
    assert [[article.author(i).name for i in v.author_ids] for v in article.viewpoints()] == \
        [["Jane Doe"], ["Ahmed Khan"]]


def test_the_footnote_and_the_link_address_are_kept(imported):
    article, _out = imported
    text = {s.key: s.body.plain_text() for s in article.sections if s.kind == "guidance"}
    assert f"[Footnote: {FOOTNOTE}]" in text["rationale"]
    assert f"national guidance ({URL})" in text["design"]


def test_journal_web_book_and_report_references_are_read_into_their_parts(imported):
    article, out = imported
    refs = article.references_in_order()
    assert [r.kind for r in refs] == ["journal", "web", "book", "report"]
    journal, web, book, report = refs
    assert (journal.authors, journal.container, journal.year, journal.volume, journal.pages,
            journal.doi) == (["Smith J", "Jones AB"], "BMJ", "2020", "370", "m1234",
                             "10.1136/bmj.m1234")
    assert (web.title, web.url, web.accessed, web.year) == (
        "Chronic heart failure in adults", URL, "2024-05-01", "2018")
    assert (book.authors, book.container, book.year) == (["Coulter A"],
                                                         "Open University Press", "2011")
    assert (report.authors, report.container) == (["Healthwatch England"],
                                                   "Healthwatch England")
    # every citation is linked to its reference
    cited = {r for s in article.sections for c in s.body.citations() for r in c.refs}
    assert cited == {r.id for r in refs}
    assert "References split into their parts: 2 in BMJ (Vancouver) style" in out
