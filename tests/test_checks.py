"""The submission checklist: a valid article has no findings; breaking one thing brings exactly
the rule that says so, with its severity and place. Also dismissal, limits from the template,
and the JSON report used by `pipwriter check --json`."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from pipwriter.model.article.article import Section
from pipwriter.model.article.author import Author
from pipwriter.model.article.factory import new_article
from pipwriter.model.article.media import Illustration, MediaClip, MediaRef, Photo
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.interests.disclosure import Disclosure, DisclosureEntry
from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.checks import all_findings, dismissed_findings, run_checks
from pipwriter.model.rules.findings import ERROR, TIP, WARNING
from pipwriter.model.rules.report import build_report
from pipwriter.model.rules.template import Range
from pipwriter.model.storage.project import Project

ROOT = Path(__file__).resolve().parent.parent

# Short sentences of plain words (ten or eleven each): easy to read, so the valid article has no tips either.
_SENTENCES = [
    "We met at the clinic each week to talk and plan.",
    "The patients told us what was hard for them at home.",
    "We changed the times of the visits so more could come.",
    "Staff and patients made the new leaflet side by side.",
    "Some days were slow, but we kept on with the work.",
]


def words(n: int) -> RichText:
    """Plain text of exactly ``n`` words, in short sentences and paragraphs of 50 words."""
    tokens = " ".join(_SENTENCES[i % len(_SENTENCES)] for i in range(n // 10 + 1)).split()[:n]
    if tokens and not tokens[-1].endswith("."):
        tokens[-1] += "."
    return RichText([Paragraph([Run(" ".join(tokens[i:i + 50]))])
                     for i in range(0, len(tokens), 50)])


def certified() -> Disclosure:
    disclosure = Disclosure()
    for number in range(1, 14):
        disclosure.item(number).answer = "none"
    disclosure.certify("2026-11-21")
    return disclosure


def photo(project: Project, seed: bytes) -> Photo:
    name = project.media.add_bytes(b"\xff\xd8\xff\xe0" + seed, "jpg")
    return Photo(MediaRef(name, "me.jpg", "image/jpeg"), consent=True)


@pytest.fixture
def project(template) -> Project:
    """A complete article that breaks no rule: 1,400 counted words, two partners' viewpoints,
    photos, certified declarations, two key messages, a key quote, two cited references and
    one illustration with caption, description and permission."""
    authors = [Author("Dr Asha Patel", "health_professional", handle="@asha_p"),
               Author("Sam Jones", "patient")]
    project = Project(new_article(template, "Walking together", authors))
    article = project.article
    for i, author in enumerate(authors):
        author.photo = photo(project, bytes([i]))
        author.disclosure = certified()
    for section in article.sections:
        section.body = words(250 if section.kind == "viewpoint" else 150)
    refs = [Reference(title="A study of partnership", container="BMJ", year="2020"),
            Reference(title="Working together", container="BMJ", year="2021")]
    article.references = refs
    first = article.sections[0].body.paragraphs[0]
    first.items += [Citation([refs[0].id])]
    article.sections[1].body.paragraphs[0].items += [Citation([refs[0].id, refs[1].id])]
    article.sections[2].body.paragraphs[0].items += [Run(" Listen first.", quote="q1")]
    article.sections[2].body.paragraphs[1].items[0].text = " ".join(
        article.sections[2].body.paragraphs[1].items[0].text.split()[2:])
    mention = article.sections[3].body.paragraphs[0].items[0]     # two words become "(fig 1)"
    mention.text = "(fig 1) " + " ".join(mention.text.split()[2:])
    article.key_messages = ["Listen to patients first.", "Share the decisions."]
    name = project.media.add_bytes(b"\x89PNG\r\n\x1a\nfig", "png")
    article.illustrations.append(Illustration(MediaRef(name, "ward.png", "image/png"),
                                              caption="The team on the ward.",
                                              alt_text="Six people smiling by a bed.",
                                              permission=True))
    return project


def findings(project, template, **kwargs):
    return run_checks(project, template, **kwargs)


def codes(project, template) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in run_checks(project, template):
        found.setdefault(finding.code, []).append(finding)
    return found


def only(project, template, code: str, severity: str):
    """The findings of ``code``, after checking they are all of ``severity``."""
    found = codes(project, template).get(code, [])
    assert found, f"{code} not reported"
    assert {f.severity for f in found} == {severity}
    assert all(f.message and f.where.label for f in found)
    return found


def test_the_valid_article_has_no_findings(project, template):
    assert count_article(project.article, template).words_counted == 1400
    assert findings(project, template) == []


# --- the whole article ----------------------------------------------------------------------
def test_title_missing(project, template):
    project.article.title = "   "
    [finding] = only(project, template, "title-missing", ERROR)
    assert finding.where.panel == "title"


def _set_counted_words(project, template, target: int) -> None:
    """Lengthen or shorten the last paragraph of each guidance section to reach ``target``."""
    guidance = [s for s in project.article.sections if s.kind == "guidance"]
    delta = target - count_article(project.article, template).words_counted
    for i, section in enumerate(guidance):
        share = delta // len(guidance) + (1 if i < delta % len(guidance) else 0)
        run = section.body.paragraphs[-1].items[-1]
        tokens = run.text.split()
        tokens = tokens + words(share).plain_text().split() if share >= 0 else tokens[:share]
        run.text = " ".join(tokens)
    assert count_article(project.article, template).words_counted == target


@pytest.mark.parametrize("target, code, severity", [
    (1200, "words-under", WARNING),      # within 10 % of 1,250
    (1100, "words-under", ERROR),
    (1600, "words-over", WARNING),       # within 10 % of 1,500
    (1700, "words-over", ERROR),
])
def test_words_outside_the_band(project, template, target, code, severity):
    _set_counted_words(project, template, target)
    [finding] = only(project, template, code, severity)
    assert f"{target:,} words" in finding.message
    assert f"{abs(target - (1250 if target < 1250 else 1500)):,} word" in finding.message


@pytest.mark.parametrize("target", [1250, 1500])
def test_words_at_the_edges_of_the_band_are_fine(project, template, target):
    _set_counted_words(project, template, target)
    assert findings(project, template) == []


def test_tolerance_comes_from_the_template(project, template):
    _set_counted_words(project, template, 1200)
    strict = dataclasses.replace(template, rules=dataclasses.replace(
        template.rules, words_tolerance_percent=0))
    assert only(project, strict, "words-under", ERROR)


def test_section_empty(project, template):
    section = project.article.sections[3]
    section.body = RichText([Paragraph([Run("   ")])])
    [finding] = only(project, template, "section-empty", ERROR)
    assert finding.where.section_id == section.id and section.title in finding.message


def test_empty_viewpoint_names_its_author(project, template):
    view = project.article.viewpoints()[1]
    view.body = RichText()
    [finding] = only(project, template, "section-empty", ERROR)
    assert "Sam Jones" in finding.message and finding.where.section_id == view.id


def test_section_short_is_a_warning(project, template):
    project.article.sections[4].body = words(20) if project.article.sections[4].kind != \
        "viewpoint" else words(100)
    found = only(project, template, "section-short", WARNING)
    assert found[0].where.section_id == project.article.sections[4].id


# --- partners, viewpoints, authors ----------------------------------------------------------
def test_authors_too_few(project, template):
    project.article.authors.pop()
    assert only(project, template, "authors-too-few", ERROR)
    assert only(project, template, "authors-side-missing", ERROR)


def test_authors_side_missing(project, template):
    project.article.authors[1].partner_type = "manager"
    [finding] = only(project, template, "authors-side-missing", ERROR)
    assert "Patients, carers" in finding.message
    assert "authors-too-few" not in codes(project, template)


def test_viewpoints_too_few(project, template):
    article = project.article
    views = article.viewpoints()
    views[0].author_ids = [a.id for a in article.authors]
    views[0].body = words(500)
    article.sections.remove(views[1])
    [finding] = only(project, template, "viewpoints-too-few", ERROR)
    assert "side-without-viewpoint" not in codes(project, template)


def test_side_without_viewpoint(project, template):
    article = project.article
    article.viewpoints()[1].author_ids = [article.authors[0].id]
    [finding] = only(project, template, "side-without-viewpoint", ERROR)
    assert "Sam Jones" in finding.message
    assert "viewpoints-too-few" not in codes(project, template)


def test_viewpoint_author_missing(project, template):
    project.article.viewpoints()[0].author_ids = [project.article.authors[1].id]
    project.article.viewpoints()[1].author_ids = []
    only(project, template, "viewpoint-author-missing", WARNING)


def test_author_photo_missing_is_a_warning_when_the_series_asks(project, template):
    author = project.article.authors[1]
    author.photo = None
    [finding] = only(project, template, "author-photo-missing", WARNING)
    assert finding.where.author_id == author.id and finding.where.panel == "authors"
    relaxed = dataclasses.replace(template, rules=dataclasses.replace(
        template.rules, author_photo_required=False))
    assert findings(project, relaxed) == []


def test_author_photo_consent(project, template):
    project.article.authors[0].photo.consent = False
    [finding] = only(project, template, "author-photo-consent", ERROR)
    assert finding.where.author_id == project.article.authors[0].id


def test_author_disclosure_missing(project, template):
    author = project.article.authors[1]
    author.disclosure = Disclosure()
    [finding] = only(project, template, "author-disclosure-missing", ERROR)
    assert finding.where.panel == "competing_interests" and finding.where.author_id == author.id
    assert "not started" in finding.message
    author.disclosure.item(1).answer = "none"
    [finding] = only(project, template, "author-disclosure-missing", ERROR)
    assert "not finished" in finding.message


def test_author_disclosure_recertify(project, template):
    project.article.authors[0].disclosure.item(4).answer = "entries"
    project.article.authors[0].disclosure.item(4).entries.append(
        DisclosureEntry("Pharma Ltd", "advice", "me"))
    only(project, template, "author-disclosure-recertify", ERROR)
    assert "author-disclosure-missing" not in codes(project, template)


def test_handle_invalid(project, template):
    project.article.authors[0].handle = "@this_handle_is_far_too_long"
    [finding] = only(project, template, "handle-invalid", WARNING)
    assert "15 characters" in finding.message


# --- key messages and quotes ----------------------------------------------------------------
def test_key_messages_too_few_ignores_blank_ones(project, template):
    project.article.key_messages = ["Listen first.", "  "]
    [finding] = only(project, template, "key-messages-too-few", ERROR)
    assert finding.where.panel == "key_messages"


def test_key_messages_too_many(project, template):
    project.article.key_messages = ["One.", "Two.", "Three.", "Four."]
    only(project, template, "key-messages-too-many", WARNING)


def test_key_quote_missing(project, template):
    for paragraph in project.article.sections[2].body.paragraphs:
        for item in paragraph.items:
            if isinstance(item, Run):
                item.quote = ""
    only(project, template, "key-quote-missing", WARNING)


# --- references and citations ---------------------------------------------------------------
def test_references_too_many(project, template):
    article = project.article
    extra = [Reference(title=f"Report {i}", container="NHS", year="2022") for i in range(4)]
    article.references += extra
    article.sections[3].body.paragraphs[0].items.append(Citation([r.id for r in extra]))
    [finding] = only(project, template, "references-too-many", ERROR)
    assert "6 references" in finding.message and "up to 5" in finding.message


def test_reference_limit_comes_from_the_template(project, template):
    tight = dataclasses.replace(template, limits={**template.limits, "references": Range(max=1)})
    [finding] = only(project, tight, "references-too-many", ERROR)
    assert "up to 1" in finding.message


def test_citation_missing_reference(project, template):
    section = project.article.sections[4]
    section.body.paragraphs[0].items.append(Citation(["ref-deleted"]))
    [finding] = only(project, template, "citation-missing-reference", ERROR)
    assert finding.where.section_id == section.id


def test_reference_uncited(project, template):
    ref = Reference(title="Never cited", container="BMJ", year="2019")
    project.article.references.append(ref)
    [finding] = only(project, template, "reference-uncited", WARNING)
    assert finding.where.item_id == ref.id and "Never cited" in finding.message


def test_reference_incomplete(project, template):
    ref = project.article.references[1]
    ref.title = ""
    [finding] = only(project, template, "reference-incomplete", WARNING)
    assert finding.where.item_id == ref.id


def test_references_listed_out_of_cited_order_give_no_tip(project, template):
    """The app numbers and lists references in the order they are first cited everywhere
    (the References panel, the text, the preview, the export), so a tip saying "listed 2
    becomes 1" was untrue beside a panel already showing 1 and 2 (found by a walk)."""
    project.article.references.reverse()
    assert "citation-order" not in {f.code for f in all_findings(project, template)}


def test_citation_duplicate(project, template):
    ref = project.article.references[0]
    project.article.sections[5].body.paragraphs[0].items.append(Citation([ref.id, ref.id]))
    only(project, template, "citation-duplicate", TIP)


# --- illustrations, clips, media ------------------------------------------------------------
def _illustration(project, **changes) -> Illustration:
    name = project.media.add_bytes(b"\x89PNG\r\n\x1a\n" + repr(changes).encode(), "png")
    values = {"caption": "A drawing.", "alt_text": "Hands joined.", "permission": True}
    values.update(changes)
    item = Illustration(MediaRef(name, "x.png", "image/png"), **values)
    project.article.illustrations.append(item)
    return item


def _clip(project, **changes) -> MediaClip:
    values = {"url": "https://example.org/clip", "title": "Our story", "caption": "Sam talks.",
              "transcript": "Sam: we did it.", "permission": True}
    values.update(changes)
    clip = MediaClip(kind="audio", **values)
    project.article.clips.append(clip)
    return clip


def test_illustrations_too_many(project, template):
    _illustration(project)
    _illustration(project, caption="Another.")
    only(project, template, "illustrations-too-many", WARNING)


def test_clips_count_with_illustrations(project, template):
    _illustration(project)
    _clip(project)
    [finding] = only(project, template, "illustrations-too-many", WARNING)
    assert "3 illustrations and clips" in finding.message


@pytest.mark.parametrize("field, value, code, severity", [
    ("caption", "", "illustration-caption-missing", WARNING),
    ("alt_text", " ", "illustration-alt-missing", WARNING),
    ("alt_text", "Picture of", "illustration-alt-picture-of", WARNING),
    ("alt_text", "An image showing two people at a table", "illustration-alt-picture-of",
     WARNING),
    ("permission", False, "illustration-permission-missing", ERROR),
    ("kind", "chart", "illustration-discouraged-kind", WARNING),
])
def test_illustration_details(project, template, field, value, code, severity):
    item = project.article.illustrations[0]
    setattr(item, field, value)
    [finding] = only(project, template, code, severity)
    assert finding.where.item_id == item.id and finding.where.panel == "illustrations"


def test_missing_permission_names_the_picture_or_clip_in_plain_words(project, template):
    """Found by a user walk: "An illustration is not marked as cleared for publication" did
    not say which picture, nor which tick. The message names it by its caption (or figure
    number), a clip by its title or caption (or number), and quotes the tick's own words."""
    project.article.illustrations[0].permission = False
    project.article.illustrations[0].caption = ("Sam and Asha walking by the canal on a wet "
                                                "Tuesday in March.")
    _illustration(project, caption="", permission=False)
    _clip(project, permission=False)
    _clip(project, title="", caption="Sam talks about the first walk.", permission=False)
    _clip(project, title="", caption="", permission=False)
    pictures = [f.message for f in only(project, template, "illustration-permission-missing",
                                        ERROR)]
    assert pictures == [
        "The picture “Sam and Asha walking by the canal on…” is not marked as OK to publish. "
        "Check that you may publish it (or you made it) and that anyone in it agreed. Then tick "
        "“We have permission to publish this picture”.",
        "The picture in figure 2 is not marked as OK to publish. Check that you may publish it "
        "(or you made it) and that anyone in it agreed. Then tick “We have permission to "
        "publish this picture”."]
    clips = [f.message for f in only(project, template, "clip-permission-missing", ERROR)]
    assert [m.split(" is not marked")[0] for m in clips] == [
        "The clip “Our story”", "The clip “Sam talks about the first walk”", "Clip 3"]
    assert all(m.endswith("Check that everyone heard or seen in it agreed. Then tick "
                          "“Everyone in the clip agreed to its publication”.") for m in clips)
    assert not any("cleared" in m for m in pictures + clips)


def test_discouraged_kinds_come_from_the_template(project, template):
    project.article.illustrations[0].kind = "diagram"
    strict = dataclasses.replace(template, rules=dataclasses.replace(
        template.rules, discouraged_illustration_kinds=("diagram",)))
    assert "illustration-discouraged-kind" not in codes(project, template)
    only(project, strict, "illustration-discouraged-kind", WARNING)


@pytest.mark.parametrize("field, value, code, severity", [
    ("caption", "", "clip-caption-missing", WARNING),
    ("transcript", "", "clip-transcript-missing", WARNING),
    ("permission", False, "clip-permission-missing", ERROR),
    ("url", "", "clip-source-missing", ERROR),
])
def test_clip_details(project, template, field, value, code, severity):
    project.article.illustrations.clear()
    clip = _clip(project, **{field: value})
    [finding] = only(project, template, code, severity)
    assert finding.where.item_id == clip.id


def test_media_missing(project, template):
    author = project.article.authors[0]
    author.photo = Photo(MediaRef("0000notstored.jpg"), consent=True)
    [finding] = only(project, template, "media-missing", ERROR)
    assert finding.where.author_id == author.id


# --- plain language -------------------------------------------------------------------------
HARD = ("Organisational transformation necessitated comprehensive multidisciplinary "
        "collaboration, incorporating representatives, institutional stakeholders, "
        "administrative personnel and individuals experiencing considerable disadvantage. ")


def test_readability_hard_points_to_the_panel(project, template):
    section = project.article.sections[1]
    section.body = RichText([Paragraph([Run(HARD * 8)])])
    found = only(project, template, "readability-hard", TIP)
    assert section.id in {f.where.section_id for f in found}
    assert any("reading ease" in f.message for f in found)


def test_readability_tip_names_the_band_as_the_side_panel_does(project, template):
    """The tip said "hard going" where the panel beside the text said "Fairly difficult"."""
    from pipwriter.model.language.readability import analyse, band, describe

    section = project.article.sections[1]
    section.body = RichText([Paragraph([Run(HARD * 8)])])
    [tip] = [f for f in only(project, template, "readability-hard", TIP)
             if f.where.section_id == section.id]
    fre = analyse(section.body.plain_text()).reading_ease
    assert describe(fre).startswith(band(fre))                       # the panel's words
    assert f"is {band(fre).lower()} to read (reading ease {fre:.0f};" in tip.message


def test_readability_tips_give_the_scale_people_know(project, template):
    """The formula gives these words a reading ease of -199 and a reading age of 50; the
    tips said so. A reading ease runs from 0 to 100, and a reading age past 18 means little."""
    for section in project.article.sections:
        section.body = RichText([Paragraph([Run(HARD * 8)])])
    found = only(project, template, "readability-hard", TIP)
    [article_tip] = [f for f in found if not f.where.section_id]
    assert "reading ease is 0 (reading age over 18)." in article_tip.message
    assert all("(reading ease 0;" in f.message for f in found if f is not article_tip)
    assert "-" not in article_tip.message.split("Plain English")[0]


def test_sentence_long_quotes_the_longest(project, template):
    section = project.article.sections[2]
    long_sentence = ("When we first met the patients in the old day room we did not know "
                     "that the room itself, with its hard chairs and its noise, was one of "
                     "the reasons so few of them came back to the group the next week.")
    section.body.paragraphs.append(Paragraph([Run(long_sentence)]))
    [finding] = only(project, template, "sentence-long", TIP)
    assert finding.where.section_id == section.id
    assert f"{len(long_sentence.split())} words" in finding.message
    assert "When we first met the patients" in finding.message


def test_plain_language_targets_come_from_the_template(project, template):
    project.article.sections[1].body = RichText([Paragraph([Run(HARD * 8)])])
    sentence = " ".join(["We walked to the ward"] * 6) + "."          # 30 words
    project.article.sections[3].body.paragraphs.append(Paragraph([Run(sentence)]))
    found = codes(project, template)
    assert "readability-hard" in found and "sentence-long" in found
    relaxed = dataclasses.replace(template, rules=dataclasses.replace(
        template.rules, reading_ease_target=-500, long_sentence_words=30))
    found = codes(project, relaxed)
    assert "readability-hard" not in found
    assert project.article.sections[3].id not in {f.where.section_id
                                                  for f in found.get("sentence-long", [])}


# --- dismissing, order, template data -------------------------------------------------------
def test_dismissed_warning_or_tip_is_left_out_but_errors_stay(project, template):
    article = project.article
    article.key_messages = ["One.", "Two.", "Three.", "Four."]        # warning
    article.sections[2].body.paragraphs.append(Paragraph([Run(           # tip
        "When we first met the patients in the old day room we did not know that the room "
        "itself, with its hard chairs and its noise, was one of the reasons so few of them "
        "came back to the group the next week.")]))
    article.title = ""                                                # error
    every = all_findings(project, template)
    article.settings.dismissed_findings = [f.key for f in every]
    left = run_checks(project, template)
    assert [f.code for f in left] == ["title-missing"]
    assert {f.code for f in dismissed_findings(project, template)} == {
        "key-messages-too-many", "sentence-long"}
    article.settings.dismissed_findings = []
    assert len(run_checks(project, template)) == 3


def test_dismissal_is_per_place(project, template):
    first, second = project.article.authors
    first.photo = second.photo = None
    found = run_checks(project, template)
    project.article.settings.dismissed_findings = [found[0].key]
    assert [f.where.author_id for f in run_checks(project, template)] == [second.id]


def test_errors_come_first_then_warnings_then_tips(project, template):
    project.article.title = ""
    project.article.key_messages.append("Third.")
    project.article.key_messages.append("Fourth.")
    project.article.sections[1].body = RichText([Paragraph([Run(HARD * 8)])])    # a tip
    severities = [f.severity for f in run_checks(project, template)]
    assert severities == sorted(severities, key=[ERROR, WARNING, TIP].index)
    assert severities[0] == ERROR and severities[-1] == TIP


def test_a_new_empty_article_is_blocked(template, small_project):
    found = {f.code for f in run_checks(small_project, template) if f.severity == ERROR}
    assert {"words-under", "section-empty", "key-messages-too-few",
            "author-disclosure-missing"} <= found


def test_every_code_is_documented():
    source = "\n".join(f.read_text(encoding="utf-8")
                       for f in sorted((ROOT / "pipwriter/model/rules").glob("*.py")))
    emitted = set(re.findall(r'Finding\(\s*(?:ERROR|WARNING|TIP|severity),\s*"([a-z-]+)"',
                             source))
    documented = set(re.findall(r"^\| `([a-z-]+)`", (ROOT / "docs/cli.md").read_text(
        encoding="utf-8"), re.M))
    documented |= {"words-over"}        # shares a row with words-under
    assert len(emitted) >= 30
    assert emitted <= documented, emitted - documented


# --- the report -----------------------------------------------------------------------------
def test_report_json_shape(project, template):
    project.article.authors[1].photo = None
    project.article.sections.append(Section("Our own part", kind="other",
                                            body=words(12)))
    report = build_report(project, template)
    data = json.loads(json.dumps(report.to_json()))
    counts = data["counts"]
    for key in ("words_counted", "words_total", "references", "citations", "key_messages",
                "key_quotes", "illustrations", "authors"):
        assert isinstance(counts[key], int), key
    assert counts["words_counted"] == 1412 and counts["words_total"] > 1412
    assert counts["references"] == 2 and counts["citations"] == 2 and counts["key_quotes"] == 1
    assert [s["title"] for s in counts["sections"]][-1] == "Our own part"
    for section in counts["sections"]:
        assert {"id", "title", "kind", "words"} <= set(section)
    assert set(counts["readability"]) >= {"flesch_reading_ease", "fk_grade"}
    assert counts["readability"]["flesch_reading_ease"] > 60
    assert counts["limits"]["words"] == {"min": 1250, "max": 1500}
    assert counts["words_by_part"]["sections"] + counts["words_by_part"]["viewpoints"] == 1412
    [finding] = [f for f in data["findings"] if f["code"] == "author-photo-missing"]
    assert finding["severity"] == "warning"
    assert finding["where"]["author_id"] == project.article.authors[1].id
    assert data["summary"] == {"errors": 0, "warnings": 1, "tips": 0, "dismissed": 0}
    assert report.blocking() == []


def test_report_blocking_and_dismissed(project, template):
    project.article.title = ""
    project.article.authors[0].photo = None
    key = next(f.key for f in all_findings(project, template)
               if f.code == "author-photo-missing")
    project.article.settings.dismissed_findings = [key]
    report = build_report(project, template)
    assert [f.code for f in report.blocking()] == ["title-missing"]
    assert [f.code for f in report.dismissed] == ["author-photo-missing"]
    assert report.to_json()["summary"]["dismissed"] == 1


def test_every_place_the_figures_are_written_gives_the_reading_ease_people_know(project,
                                                                              template):
    """The checklist panel's line, the bundle's checklist and the command line's report all
    read the report's shown figures, not the formula's (-199 and 50 here)."""
    from pipwriter.cli import _human_report
    from pipwriter.export.checklist import checklist_text
    from pipwriter.ui.checklist_panel import figures_summary

    for section in project.article.sections:
        section.body = RichText([Paragraph([Run(HARD * 8)])])
    report = build_report(project, template)
    readability = report.counts["readability"]
    assert readability["flesch_reading_ease"] < 0 and readability["reading_age"] > 18
    assert (readability["reading_ease"], readability["reading_age_text"]) == (0.0, "over 18")
    assert "Reading ease: 0 (plain English is 60 or more)" in figures_summary(report.counts)
    assert "  Reading ease: 0.0   " in checklist_text(project, template, report.counts,
                                                    report.findings)
    assert "Reading ease: 0.0   Reading age: over 18" in _human_report(report)


def test_a_statement_in_the_authors_own_voice_is_pointed_out(project, template):
    """Found by a walk: "Jo Smith has received support ... (Paid my travel to the group
    meetings, paid to them)" went into the article as it was typed in the wizard."""
    author = project.article.authors[0]
    item = author.disclosure.item(1)
    item.answer = "entries"
    item.entries.append(DisclosureEntry("Stroke Association", "Paid my travel to the group "
                                        "meetings", "organisation"))
    [tip] = only(project, template, "statement-first-person", TIP)
    assert "“my”" in tip.message and author.name in tip.message
    assert (tip.where.panel, tip.where.author_id) == ("competing_interests", author.id)


@pytest.mark.parametrize("what", ["Grant from the US National Institutes of Health",
                                  "Advice on a phase I trial of a new inhaler",
                                  "Chair of the ME support group",
                                  "Trustee of Our Lady's Hospice"])
def test_capitals_and_phase_i_are_not_the_authors_voice(project, template, what):
    item = project.article.authors[0].disclosure.item(1)
    item.answer = "entries"
    item.entries.append(DisclosureEntry("Acme", what, "me"))
    assert "statement-first-person" not in codes(project, template)


def test_the_authors_own_words_starting_with_a_capital_are_pointed_out(project, template):
    item = project.article.authors[0].disclosure.item(1)
    item.answer = "entries"
    item.entries.append(DisclosureEntry("Acme", "Travel", "me", comments="We were paid twice"))
    [tip] = only(project, template, "statement-first-person", TIP)
    assert "“We”" in tip.message


def test_alt_text_that_repeats_the_caption_is_a_warning(project, template):
    """Found by a walk: the advice beside the box says not to repeat the caption, but a
    description identical to it had a green tick and "Met" in the checklist."""
    item = project.article.illustrations[0]
    item.caption = "Sam and Asha on the canal path."
    item.alt_text = "sam and asha on the canal path"
    [finding] = only(project, template, "illustration-alt-repeats-caption", WARNING)
    assert finding.where.item_id == item.id and finding.where.field == "alt_text"
    item.alt_text = "Two women in raincoats walk side by side along a canal towpath."
    assert not [f for f in run_checks(project, template)
                if f.code.startswith("illustration-alt")]


def test_a_key_quote_running_on_into_the_next_sentence_is_a_warning(project, template):
    """Found by a walk: "…after a month. The" went to the editors as a key quote."""
    section = project.article.sections[0]
    section.body = RichText([Paragraph([Run("We met every week. "),
                                        Run("It felt strange after a month. The", quote="q1"),
                                        Run(" nurses came too.")])])
    [finding] = only(project, template, "key-quote-runs-on", WARNING)
    assert "“The”" in finding.message and finding.where.section_id == section.id
    section.body = RichText([Paragraph([Run("We met every week. "),
                                        Run("It felt strange after a month.", quote="q1"),
                                        Run(" The nurses came too.")])])
    assert not [f for f in run_checks(project, template) if f.code == "key-quote-runs-on"]
