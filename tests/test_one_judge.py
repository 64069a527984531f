"""One judge: the navigator's marks, the report's panels, the exported checklist and
`pipwriter check --json` all follow the checks' findings, and never say "done" or "Met" where a
finding says otherwise.

The property tests build random articles by breaking the demo in many ways at once (sections
removed, emptied or shortened; title, standfirst, photos, consent, permissions, captions,
transcripts, references, citations, declarations and key messages taken away; a clip added;
misspellings typed into random fields; random warnings dismissed) and check:

(a) a panel is "empty" exactly when nothing is written there, "problem" exactly when an error
    points into it, "started" when only an open warning does, else "done"; and what was broken
    shows (a photo without consent makes "authors" a problem, whatever else happened);
(b) ``marks(...)`` equals ``build_report(...).panels`` (tip-only rules never change a mark);
(c) the checklist says NOT MET exactly when an open finding fails that requirement, every open
    error or warning fails some requirement, and its code is one ``requirement_codes()`` lists;
(d) ``pipwriter check --json`` reports the same panels as the navigator.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import re
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipwriter import cli
from pipwriter.export.checklist import (
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    OPTIONAL,
    _judged,
    checklist_text,
    requirement_codes,
    requirements,
)
from pipwriter.model.article.article import Article
from pipwriter.model.article.media import MediaClip
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Paragraph, RichText, Run
from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.checks import all_findings
from pipwriter.model.rules.findings import ERROR, TIP, WARNING
from pipwriter.model.rules.progress import DONE, EMPTY, PROBLEM, STARTED, panel_keys, panel_statuses
from pipwriter.model.rules.report import build_report, marks
from pipwriter.model.rules.spelling_findings import CODE as SPELLING
from pipwriter.model.rules.spelling_findings import article_spell_engine
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.media_store import MediaStore
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import save_project

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = get_template("bmj-partnership-in-practice")
MISSPELT = ["recieve", "begining", "accomodation", "wierd", "definately", "seperate",
            "occured", "goverment", "untill", "tommorow"]


@cache
def _demo():
    project = demo_project()
    pictures = {name: project.media.read(name) for name in project.media.names()}
    return project.article.to_json(), pictures


def fresh_demo() -> Project:
    """A new copy of the demo project (read once)."""
    data, pictures = _demo()
    media = MediaStore()
    for name, content in pictures.items():
        assert media.add_bytes(content, Path(name).suffix) == name
    return Project(Article.from_json(copy.deepcopy(data)), media)


def words_in(text: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9]", text))


def shorten(section, keep: int) -> None:
    """Keep the first ``keep`` words of a section (citations and formatting among them kept)."""
    left = keep
    paragraphs = []
    for paragraph in section.body.paragraphs:
        if left <= 0:
            break
        items = []
        for item in paragraph.items:
            if left <= 0:
                break
            if isinstance(item, Run):
                tokens = list(re.finditer(r"\S+", item.text))
                if len(tokens) > left:
                    item = Run(item.text[:tokens[left - 1].end()], item.bold, item.italic,
                               item.quote)
                left -= min(left, len(tokens))
            items.append(item)
        paragraphs.append(Paragraph(items, paragraph.style).normalised())
    section.body = RichText(paragraphs)


def section_words(project, section_id) -> int:
    figures = count_article(project.article, TEMPLATE).section(section_id)
    return figures.words if figures else 0


@cache
def _engine():
    return article_spell_engine(fresh_demo().article)


def speller(project):
    """The engine the app would use for this article (the demo's: the random changes keep its
    language, ignored words and authors' names), made once."""
    article = project.article
    assert article.settings.spell_ignore == ["Northdale", "Brackenlea"]
    assert [a.name for a in article.authors] == ["Bethan Lloyd", "Malcolm Reid"]
    return _engine()


def open_findings(project, engine, tips=True):
    dismissed = set(project.article.settings.dismissed_findings)
    found = all_findings(project, TEMPLATE, speller=engine, tips=tips)
    return [f for f in found if f.severity == ERROR or f.key not in dismissed]


def has_content(article: Article, key: str) -> bool:
    """What the authors have written or added in a panel, judged here from the article."""
    if key.startswith("section:"):
        section = article.section(key.split(":", 1)[1])
        return words_in(section.body.plain_text())
    return {
        "title": words_in(article.title) or words_in(article.standfirst),
        "key_messages": any(m.strip() for m in article.key_messages)
        or any(text for _q, _s, text in article.key_quotes()),
        "references": bool(article.references),
        "authors": bool(article.authors),
        "illustrations": bool(article.illustrations or article.clips),
        "competing_interests": any(a.disclosure.is_started()
                                   or a.disclosure.custom_statement.strip()
                                   for a in article.authors),
    }[key]


# --- random articles ----------------------------------------------------------------------------
def add_misspelling(article: Article, rnd: random.Random, word: str) -> str:
    """Type ``word`` into a random prose field; the navigator key of the panel it went to."""
    choices = ["title", "standfirst", "key_message", "body", "heading", "caption", "alt_text",
               "role", "reference", "statement", "clip"]
    while True:
        where = rnd.choice(choices)
        if where == "title":
            article.title += f" {word}"
            return "title"
        if where == "standfirst":
            article.standfirst += f" {word}"
            return "title"
        if where == "key_message" and article.key_messages:
            i = rnd.randrange(len(article.key_messages))
            article.key_messages[i] += f" {word}"
            return "key_messages"
        if where in ("body", "heading") and article.sections:
            section = rnd.choice(article.sections)
            if where == "heading":
                section.title += f" {word}"
            elif section.body.paragraphs:
                section.body.paragraphs[-1].items.append(Run(f" {word}"))
            else:
                section.body.paragraphs.append(Paragraph([Run(f"Then {word}.")]))
            return f"section:{section.id}"
        if where in ("caption", "alt_text") and article.illustrations:
            item = rnd.choice(article.illustrations)
            setattr(item, where, getattr(item, where) + f" {word}")
            return "illustrations"
        if where == "clip" and article.clips:
            article.clips[0].transcript += f" {word}"
            return "illustrations"
        if where == "role" and article.authors:
            rnd.choice(article.authors).role += f" {word}"
            return "authors"
        if where == "reference" and article.references:
            rnd.choice(article.references).title += f" {word}"
            return "references"
        if where == "statement" and article.authors:
            rnd.choice(article.authors).disclosure.custom_statement += f" {word}"
            return "competing_interests"


@st.composite
def broken_demos(draw):
    """(project, expectations): the demo broken in random ways; ``expectations`` maps a panel
    key to the marks it may have, from what was broken (not from the checks)."""
    project = fresh_demo()
    article = project.article
    rnd = draw(st.randoms(use_true_random=False))
    expect: dict[str, set[str]] = {}

    warned: list[tuple[str, str]] = []

    def must(key: str, *allowed: str) -> None:
        expect[key] = expect.get(key, {EMPTY, STARTED, DONE, PROBLEM}) & set(allowed)

    def warn(key: str, code: str) -> None:
        """A warning of ``code`` should keep this panel from "done" unless it is dismissed."""
        warned.append((key, code))

    for section in list(article.sections):
        action = draw(st.sampled_from(["keep"] * 4 + ["remove", "empty", "shorten", "tiny"]))
        if action == "remove":
            article.sections.remove(section)
        elif action == "empty":
            section.body = RichText()
        elif action == "shorten":
            shorten(section, draw(st.integers(1, 200)))
        elif action == "tiny":
            shorten(section, draw(st.integers(1, 20)))   # below every guide minimum
            warn(f"section:{section.id}", "section-short")
    if draw(st.booleans()):
        article.title = ""
    if draw(st.integers(0, 3)) == 0:
        article.standfirst = ""
    for author in article.authors:
        photo = draw(st.sampled_from(["keep", "keep", "remove", "no consent"]))
        if photo == "remove":
            author.photo = None
        elif photo == "no consent" and author.photo:
            author.photo.consent = False
            must("authors", PROBLEM)
        disclosure = draw(st.sampled_from(["keep", "keep", "changed", "reset"]))
        if disclosure == "changed":
            author.disclosure.item(5).answer = "entries"
        elif disclosure == "reset":
            author.disclosure = type(author.disclosure)()
        if draw(st.integers(0, 4)) == 0:
            author.handle = "@not a handle!"
    if any(a.disclosure.needs_recertification() for a in article.authors):
        must("competing_interests", PROBLEM)
    if draw(st.integers(0, 3)) == 0:
        article.illustrations.clear()
    for item in article.illustrations:
        if draw(st.booleans()):
            item.permission = False
            must("illustrations", PROBLEM)
        if draw(st.booleans()):
            item.caption = ""
            warn("illustrations", "illustration-caption-missing")
        if draw(st.integers(0, 3)) == 0:
            item.kind = "chart"
            warn("illustrations", "illustration-discouraged-kind")
    if draw(st.booleans()):
        clip = MediaClip(url=draw(st.sampled_from(["", "https://example.org/film"])),
                         title="Our film", caption=draw(st.sampled_from(["", "We meet."])),
                         transcript=draw(st.sampled_from(["", "Hello."])),
                         permission=draw(st.booleans()))
        article.clips.append(clip)
        if not clip.permission or not clip.url:
            must("illustrations", PROBLEM)
        if not clip.caption:
            warn("illustrations", "clip-caption-missing")
        if not clip.transcript:
            warn("illustrations", "clip-transcript-missing")
    references = draw(st.sampled_from(["keep", "keep", "drop one", "uncite one", "add blank",
                                       "none"]))
    if references == "drop one":
        gone = article.references.pop(rnd.randrange(len(article.references)))
        for section in article.sections:
            if any(gone.id in c.refs for c in section.body.citations()) and \
                    words_in(section.body.plain_text()):
                must(f"section:{section.id}", PROBLEM)
    elif references == "uncite one":
        ref = rnd.choice(article.references)
        for section in article.sections:
            section.body.remove_citations_to(ref.id)
        warn("references", "reference-uncited")
    elif references == "add blank":
        article.references.append(Reference(kind="other"))
        warn("references", "reference-incomplete")
    elif references == "none":
        article.references.clear()
        for section in article.sections:
            for paragraph in section.body.paragraphs:
                paragraph.items[:] = [i for i in paragraph.items if isinstance(i, Run)]
        must("references", EMPTY)
    messages = draw(st.sampled_from(["keep", "keep", "one", "none", "blank", "many"]))
    if messages == "one":
        article.key_messages = article.key_messages[:1]
        must("key_messages", PROBLEM)
    elif messages == "none":
        article.key_messages = []
    elif messages == "blank":
        article.key_messages = ["  ", ""]
    elif messages == "many":
        article.key_messages += ["Another message.", "And one more."]
        warn("key_messages", "key-messages-too-many")
    if draw(st.integers(0, 4)) == 0 and article.viewpoints():
        rnd.choice(article.viewpoints()).author_ids = []
    # misspellings last, so nothing above takes them away again
    misspelt: dict[str, str] = {}
    for word in rnd.sample(MISSPELT, draw(st.integers(0, 4))):
        misspelt[word] = add_misspelling(article, rnd, word)
    if not article.title.strip():
        must("title", PROBLEM if article.standfirst.strip() else EMPTY)
    # the authors dismiss some warnings (and try to dismiss some errors)
    found = all_findings(project, TEMPLATE, speller=speller(project), tips=False)
    keys = sorted({f.key for f in found})
    article.settings.dismissed_findings = [k for k in keys if draw(st.booleans())]
    dismissed = {(f.code, place.panel_key()) for f in found
                 if f.severity != ERROR and f.key in article.settings.dismissed_findings
                 for place in f.all_places()}
    warned += [(key, SPELLING) for key in misspelt.values()]
    for key, code in warned:
        if (code, key) not in dismissed:
            must(key, EMPTY, STARTED, PROBLEM)
    return project, expect


PROPERTY = settings(max_examples=50, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- (a) the marks follow the findings ----------------------------------------------------------
@PROPERTY
@given(broken_demos())
def test_marks_follow_the_findings(case):
    project, expect = case
    article = project.article
    engine = speller(project)
    statuses = marks(project, TEMPLATE, speller=engine)
    assert list(statuses) == panel_keys(article)
    errors: set[str] = set()
    warnings: set[str] = set()
    for finding in open_findings(project, engine):
        for place in finding.all_places():
            {ERROR: errors, WARNING: warnings}.get(finding.severity, set()).add(
                place.panel_key())
    for key, status in statuses.items():
        written = has_content(article, key)
        assert (status == EMPTY) == (not written), (key, status)
        if key in errors:
            assert status in (PROBLEM, EMPTY), (key, status)
        elif key in warnings:
            assert status in (STARTED, EMPTY), (key, status)
        else:
            assert status in (DONE, EMPTY), (key, status)
        assert status in expect.get(key, {status}), (key, status, expect[key])


# --- (b) the navigator and the report agree -----------------------------------------------------
@PROPERTY
@given(broken_demos())
def test_marks_equal_the_reports_panels(case):
    project, _expect = case
    engine = speller(project)
    report = build_report(project, TEMPLATE, speller=engine)
    assert marks(project, TEMPLATE, speller=engine) == report.panels
    assert report.to_json()["panels"] == report.panels
    # the tips the report holds point somewhere, but a mark never depends on them
    without_tips = [f for f in report.findings if f.severity != TIP]
    assert panel_statuses(project.article, report.figures, without_tips) == report.panels


# --- (c) the checklist ----------------------------------------------------------------------------
@PROPERTY
@given(broken_demos())
def test_checklist_not_met_exactly_when_a_finding_says_so(case):
    project, _expect = case
    engine = speller(project)
    report = build_report(project, TEMPLATE, speller=engine)
    reqs = requirements(project, TEMPLATE, report.counts, report.findings)
    judged = _judged(project, TEMPLATE, report.counts)
    assert [r.label for r in reqs] == [label for label, *_ in judged]
    for req, (_label, judge, _detail, otherwise) in zip(reqs, judged, strict=True):
        failing = [f for f in report.findings if judge.fails(f)]
        assert (req.status == NOT_MET) == bool(failing), req
        if not failing:
            assert req.status == otherwise and otherwise in (MET, OPTIONAL, NOT_APPLICABLE)
    # no second judgement: with no findings nothing is NOT MET ...
    assert all(r.status != NOT_MET for r in requirements(project, TEMPLATE, report.counts, []))
    # ... every must-fix or warning fails some requirement, on its own ...
    union: set[str] = set()
    codes = requirement_codes()
    for finding in report.findings:
        alone = {r.label for r in requirements(project, TEMPLATE, report.counts, [finding])
                 if r.status == NOT_MET}
        union |= alone
        if finding.severity in (ERROR, WARNING):
            assert alone, finding
            assert finding.code in codes, finding.code
    # ... and the whole checklist is the sum of them
    assert {r.label for r in reqs if r.status == NOT_MET} == union
    text = checklist_text(project, TEMPLATE, report.counts, report.findings)
    assert (NOT_MET in text) == bool(union)
    if report.blocking():
        assert NOT_MET in text


def test_every_must_fix_and_warning_code_has_a_requirement():
    """Every code the checks can give as an error or a warning (read from their source) is
    one a requirement answers to."""
    source = "\n".join(f.read_text(encoding="utf-8")
                       for f in sorted((ROOT / "pipwriter/model/rules").glob("*.py")))
    found = set(re.findall(r'Finding\(\s*(?:ERROR|WARNING|severity),\s*"([a-z0-9-]+)"', source))
    assert {"title-missing", "words-under", "author-photo-consent", "clip-permission-missing",
            "section-short"} <= found
    assert found | {SPELLING} <= requirement_codes()


# --- (d) check --json -------------------------------------------------------------------------------
def run_check_json(path: Path) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["check", str(path), "--json"])
    data = json.loads(out.getvalue())
    assert code == (1 if any(f["severity"] == ERROR for f in data["findings"]) else 0)
    return data


@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(broken_demos())
def test_check_json_reports_the_navigators_panels(case):
    project, _expect = case
    expected = marks(project, TEMPLATE, speller=speller(project))
    with tempfile.TemporaryDirectory() as folder:
        path = save_project(project, Path(folder) / "a.pipw")
        data = run_check_json(path)
        assert data["panels"] == expected
        assert marks(project, TEMPLATE, speller=speller(project)) == expected


def test_check_json_panels_on_a_broken_demo(tmp_path):
    project = fresh_demo()
    project.article.authors[0].photo.consent = False
    project.article.key_messages = project.article.key_messages[:1]
    expected = marks(project, TEMPLATE, speller=speller(project))
    data = run_check_json(save_project(project, tmp_path / "a.pipw"))
    assert data["panels"]["authors"] == PROBLEM
    assert data["panels"]["key_messages"] == PROBLEM
    assert data["panels"] == expected


# --- concrete cases from the issue --------------------------------------------------------------
def report_and_checklist(project):
    engine = speller(project)
    report = build_report(project, TEMPLATE, speller=engine)
    reqs = {r.label: r for r in requirements(project, TEMPLATE, report.counts,
                                              report.findings)}
    return report, reqs, marks(project, TEMPLATE, speller=engine)


def test_the_demo_is_all_done_without_spelling_findings():
    project = fresh_demo()
    report, reqs, statuses = report_and_checklist(project)
    assert set(statuses.values()) == {DONE}
    assert statuses == report.panels
    assert not [f for f in report.findings if f.code == SPELLING]
    assert not [f for f in report.findings if f.severity in (ERROR, WARNING)]
    assert NOT_MET not in {r.status for r in reqs.values()}
    assert reqs["Spelling checked (British English)"].status == MET


def test_a_photo_without_consent_makes_authors_a_problem():
    project = fresh_demo()
    project.article.authors[1].photo.consent = False
    report, reqs, statuses = report_and_checklist(project)
    assert statuses["authors"] == PROBLEM
    assert {k for k, v in statuses.items() if v != DONE} == {"authors"}
    photo = reqs["A photo of each author (with their agreement)"]
    assert photo.status == NOT_MET and photo.detail == "1 of 2"
    assert [f.code for f in report.blocking()] == ["author-photo-consent"]


def test_a_missing_photo_is_a_warning_that_can_be_dismissed():
    project = fresh_demo()
    project.article.authors[0].photo = None
    report, reqs, statuses = report_and_checklist(project)
    assert statuses["authors"] == STARTED
    assert reqs["A photo of each author (with their agreement)"].status == NOT_MET
    [finding] = [f for f in report.findings if f.code == "author-photo-missing"]
    project.article.settings.dismissed_findings.append(finding.key)
    report, reqs, statuses = report_and_checklist(project)
    assert statuses["authors"] == DONE
    assert reqs["A photo of each author (with their agreement)"].status == MET


def test_a_clip_without_caption_transcript_or_permission_is_not_done():
    project = fresh_demo()
    project.article.clips.append(MediaClip(url="https://example.org/film", title="Our film"))
    report, reqs, statuses = report_and_checklist(project)
    assert statuses["illustrations"] == PROBLEM
    codes = {f.code for f in report.findings}
    assert {"clip-caption-missing", "clip-transcript-missing",
            "clip-permission-missing"} <= codes
    assert reqs["Permission to publish each illustration and clip"].status == NOT_MET
    assert reqs["Captions, and descriptions or transcripts"].status == NOT_MET
    # with permission, the missing caption and transcript still keep it from "done"
    project.article.clips[0].permission = True
    _report, reqs, statuses = report_and_checklist(project)
    assert statuses["illustrations"] == STARTED
    assert reqs["Permission to publish each illustration and clip"].status == MET
    assert reqs["Captions, and descriptions or transcripts"].status == NOT_MET
    project.article.clips[0].caption = "We meet."
    project.article.clips[0].transcript = "Hello."
    _report, reqs, statuses = report_and_checklist(project)
    assert statuses["illustrations"] == STARTED          # the text does not mention it yet
    assert reqs["Captions, and descriptions or transcripts"].status == MET
    first = project.article.sections[0].body.paragraphs[0]
    first.items.append(Run(" We filmed one meeting (clip 1)."))
    _report, reqs, statuses = report_and_checklist(project)
    assert statuses["illustrations"] == DONE


def test_a_short_viewpoint_is_started_and_says_why():
    project = fresh_demo()
    section = project.article.section("sec-viewpoint-clinician")
    assert TEMPLATE.section_spec(section.key).min_words == 150
    original = copy.deepcopy(section.body)
    for keep in range(130, 160):
        section.body = copy.deepcopy(original)
        shorten(section, keep)
        if section_words(project, section.id) == 140:
            break
    assert section_words(project, section.id) == 140
    report, reqs, statuses = report_and_checklist(project)
    key = f"section:{section.id}"
    assert statuses[key] == STARTED
    [short] = [f for f in report.findings if f.code == "section-short"]
    assert short.severity == WARNING and short.where.section_id == section.id
    assert "140 words" in short.message and "150" in short.message
    views = reqs["Every partner's viewpoint, one after another (at least 2)"]
    assert views.status == NOT_MET and views.because == (short,)
    # the exported checklist says why under the line (a walk read it as untrue without)
    lines = checklist_text(project, TEMPLATE, report.counts, report.findings).splitlines()
    at = next(i for i, line in enumerate(lines) if views.label in line)
    assert lines[at].lstrip().startswith(NOT_MET)
    assert lines[at + 1].split()[:1] == ["Warning:"] and "140 words" in lines[at + 1]
    # at 150 words it is done again
    for keep in range(150, 175):
        section.body = copy.deepcopy(original)
        shorten(section, keep)
        if section_words(project, section.id) >= 150:
            break
    _report, _reqs, statuses = report_and_checklist(project)
    assert statuses[key] == DONE


def test_an_emptied_section_is_empty_and_a_misspelling_is_started():
    project = fresh_demo()
    article = project.article
    article.section("sec-future").body = RichText()
    article.key_messages[0] += " definately"
    report, reqs, statuses = report_and_checklist(project)
    assert statuses["section:sec-future"] == EMPTY
    assert statuses["key_messages"] == STARTED
    [spelling] = [f for f in report.findings if f.code == SPELLING]
    assert spelling.subject == "definately"
    assert reqs["Spelling checked (British English)"].status == NOT_MET
    assert reqs["Covers: What happens next"].status == NOT_MET
    # ignoring the word (dismissing its finding) makes the key messages done again
    article.settings.dismissed_findings.append(spelling.key)
    _report, reqs, statuses = report_and_checklist(project)
    assert statuses["key_messages"] == DONE
    assert reqs["Spelling checked (British English)"].status == MET


def test_the_checklist_names_the_language_spelling_was_checked_in():
    project = fresh_demo()
    project.article.settings.spelling_language = "en_US"
    _report, reqs, _statuses = report_and_checklist(project)
    assert [label for label in reqs if label.startswith("Spelling")] == [
        "Spelling checked (American English)"]


def test_errors_cannot_be_dismissed():
    project = fresh_demo()
    project.article.title = ""
    report, _reqs, statuses = report_and_checklist(project)
    [missing] = [f for f in report.findings if f.code == "title-missing"]
    project.article.settings.dismissed_findings.append(missing.key)
    _report, reqs, statuses = report_and_checklist(project)
    assert statuses["title"] == PROBLEM           # the standfirst is still there
    assert reqs["A title"].status == NOT_MET


def test_tip_only_rules_never_change_a_mark():
    project = fresh_demo()
    engine = speller(project)
    everything = all_findings(project, TEMPLATE, speller=engine)
    assert any(f.severity == TIP for f in everything)            # the demo has tips
    without = all_findings(project, TEMPLATE, speller=engine, tips=False)
    assert [f for f in everything if f.severity != TIP] == \
        [f for f in without if f.severity != TIP]


def test_marks_and_report_agree_with_their_defaults():
    project = fresh_demo()
    project.article.key_messages[0] += " definately"
    assert marks(project, TEMPLATE) == build_report(project, TEMPLATE).panels


def test_a_photo_smaller_than_the_series_asks_is_a_warning_not_a_tick():
    """A walk ticked a 400 × 300 author photo everywhere but in the Authors page's own note: the
    size is now judged by the checks, and the tick, the checklist and that note follow."""
    from pipwriter.ui.media_widgets import small_picture_warning
    project = fresh_demo()
    author = next(a for a in project.article.authors if a.photo is not None)
    least = TEMPLATE.rules.photo_min_short_side_px
    _report, reqs, statuses = report_and_checklist(project)
    assert statuses["authors"] == DONE
    author.photo.media.width, author.photo.media.height = 400, 300
    report, reqs, statuses = report_and_checklist(project)
    [small] = [f for f in report.findings if f.code == "author-photo-small"]
    assert small.severity == WARNING and author.name in small.message
    assert "400 × 300" in small.message and f"{least:,}" in small.message
    assert statuses["authors"] == STARTED
    photos = reqs["A photo of each author (with their agreement)"]
    assert photos.status == NOT_MET and photos.because == (small,)
    assert small_picture_warning(author.photo.media, least)
    author.photo.media.width = author.photo.media.height = least      # big enough again
    report, _reqs, statuses = report_and_checklist(project)
    assert not [f for f in report.findings if f.code == "author-photo-small"]
    assert statuses["authors"] == DONE
    assert not small_picture_warning(author.photo.media, least)
