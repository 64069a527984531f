"""Each illustration and clip is referred to in the text, so the editors know where it belongs."""

from __future__ import annotations

import copy

import pytest

from pipwriter.export.checklist import checklist_text
from pipwriter.model.article.text import RichText
from pipwriter.model.rules.checks import all_findings
from pipwriter.model.rules.report import build_report
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project

CODES = {"figure-not-mentioned", "clip-not-mentioned"}


@pytest.fixture
def project():
    return demo_project()


def mention_findings(project) -> list:
    template = get_template(project.article.template_id)
    return [f for f in all_findings(project, template) if f.code in CODES]


def set_mention(project, words: str) -> None:
    """Replace every mention of the figure in the demo with ``words``."""
    for section in project.article.sections:
        text = section.body.plain_text()
        if "(fig 1)" in text:
            section.body = RichText.from_plain(text.replace("(fig 1)", words))


def test_the_demo_mentions_its_figure(project):
    assert mention_findings(project) == []


def test_a_figure_the_text_never_mentions_is_a_warning_that_goes_to_it(project):
    set_mention(project, "")
    [finding] = mention_findings(project)
    assert finding.code == "figure-not-mentioned" and finding.severity == "warning"
    assert "Figure 1 is not mentioned" in finding.message and "(fig 1)" in finding.message
    assert finding.where.panel == "illustrations"
    assert finding.where.item_id == project.article.illustrations[0].id


@pytest.mark.parametrize("words", ["(fig 1)", "(Figure 1)", "see fig. 1", "(figs 1 and 2)",
                                   "(figures 1-3)", "(FIG 1)"])
def test_the_ways_people_write_it(project, words):
    set_mention(project, words)
    assert mention_findings(project) == []


@pytest.mark.parametrize("words", ["(fig 2)", "(figure 12)", "the configuration 1"])
def test_other_numbers_and_words_are_not_a_mention(project, words):
    set_mention(project, words)
    assert [f.code for f in mention_findings(project)] == ["figure-not-mentioned"]


def test_a_second_figure_and_a_clip_each_need_their_own_mention(project):
    second = copy.deepcopy(project.article.illustrations[0])
    second.id = "fig-second"
    project.article.illustrations.append(second)
    found = [f for f in mention_findings(project)]
    assert [f.message.split(" is ")[0] for f in found] == ["Figure 2"]


def test_the_exported_checklist_says_so(project):
    template = get_template(project.article.template_id)
    set_mention(project, "")
    report = build_report(project, template)
    text = checklist_text(project, template, report.counts, report.findings)
    line = next(line for line in text.splitlines() if "mentioned in the text" in line)
    assert "Not met" in line or "not met" in line.lower()


def test_a_clip_needs_its_own_mention(project):
    from pipwriter.model.article.media import MediaClip
    clip = MediaClip(url="https://example.org/clip", title="Malcolm's first review")
    project.article.clips.append(clip)
    [finding] = mention_findings(project)
    assert finding.code == "clip-not-mentioned" and finding.where.item_id == clip.id
    set_mention(project, "(fig 1; video 1)")
    assert mention_findings(project) == []
