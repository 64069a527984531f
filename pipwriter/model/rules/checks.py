"""The submission checklist: every rule, each a small function, limits taken from the template.

Severities (see docs/cli.md, "What blocks submission"):

* ``error`` blocks submission: the editors could not accept the bundle as it is (no title, far
  outside the word band, a partner's viewpoint missing, a competing-interests declaration not
  certified, a picture published without permission or consent, a broken citation, more
  references than the series allows, a file missing from the project).
* ``warning``: should be fixed, but the editors could still take the article (a little outside
  the word band, a missing caption or photo, a reference never cited...).
* ``tip``: plain-language advice (reading ease, long sentences, short sections, reference order).

Words: the series asks for "around" 1,250–1,500 words, so a count outside the band by up to
``rules.words_tolerance_percent`` (default 10 %) of the nearer limit is a warning; further out it
is an error.

A tip or warning the user dismissed (its :attr:`Finding.key` in
``article.settings.dismissed_findings``) is left out; errors can never be dismissed.
"""


from __future__ import annotations

from collections.abc import Callable, Iterable

from ..article.article import Article
from ..article.citations import analyse_citations
from ..article.unplaced import UNPLACED_KEY, UNPLACED_TITLE, is_unplaced_section
from ..language.counts import ArticleCounts, PlainLanguage, count_article
from ..language.spelling import SpellEngine
from ..storage.project import Project
from . import (
    checks_article,
    checks_authors,
    checks_content,
    checks_language,
    checks_media,
    checks_together,
)
from .check_context import CheckContext
from .findings import ERROR, SEVERITIES, Finding
from .spelling_findings import NOT_CHECKED
from .template import Template

__all__ = ["RULES", "TIP_RULES", "UNPLACED_KEY", "UNPLACED_TITLE", "CheckContext",
           "all_findings", "dismissed_findings", "is_dismissed", "is_unplaced_section",
           "run_checks"]

Rule = Callable[[CheckContext], Iterable[Finding]]

# Every rule, in the order its findings are listed (within a severity).
RULES: tuple[Rule, ...] = (
    checks_article.title_missing,
    checks_article.word_band,
    checks_article.empty_or_short_sections,
    checks_article.unplaced_imported_text,
    checks_authors.authors_and_sides,
    checks_authors.author_names,
    checks_authors.viewpoints,
    checks_authors.author_photos,
    checks_authors.author_disclosures,
    checks_authors.statement_voice,
    checks_authors.author_handles,
    checks_content.key_messages,
    checks_content.key_quotes,
    checks_content.reference_count,
    checks_content.broken_citations,
    checks_content.uncited_references,
    checks_content.incomplete_references,
    checks_content.references_as_written,
    checks_media.illustration_count,
    checks_media.illustration_details,
    checks_media.clip_details,
    checks_media.media_mentioned,
    checks_media.missing_media,
    checks_media.damaged_media,
    checks_language.readability,
    checks_language.long_sentences,
    checks_authors.approvals,
    checks_together.open_comments,
    checks_together.pending_suggestions,
    checks_language.spelling,
)
# Rules that only ever give tips: the navigator's marks, which tips never change, are worked out
# without running them (see progress.py).
TIP_RULES: frozenset[Rule] = frozenset({
    checks_language.readability,
    checks_language.long_sentences,
})


# --- running them ------------------------------------------------------------------------------
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def can_dismiss(finding: Finding) -> bool:
    """Errors cannot be dismissed, nor a finding about this installation rather than the
    article (spelling not checked: dismissing it would let the checklist say spelling was)."""
    return finding.severity != ERROR and finding.code != NOT_CHECKED


def is_dismissed(finding: Finding, article: Article) -> bool:
    return can_dismiss(finding) and finding.key in article.settings.dismissed_findings


def all_findings(project: Project, template: Template, counts: ArticleCounts | None = None,
                 plain: PlainLanguage | None = None, speller: SpellEngine | None = None,
                 *, tips: bool = True, between: Callable[[], object] | None = None
                 ) -> list[Finding]:
    """Every finding, dismissed ones included, errors first then warnings then tips.
    ``tips=False`` leaves out the rules that only give tips (for the marks). ``between`` is
    called before each rule (a worker stops there by raising, once its answer is no use)."""
    article = project.article
    counts = counts or count_article(article, template)
    ctx = CheckContext(project, template, counts, analyse_citations(article), plain, speller)
    findings: list[Finding] = []
    for check in RULES:
        if tips or check not in TIP_RULES:
            if between is not None:
                between()
            findings.extend(check(ctx))
    return sorted(findings, key=lambda f: _RANK.get(f.severity, len(_RANK)))


# The rules that judge one illustration or clip on its own: the Illustrations page shows what
# they find beside the item's form (the same findings as the checklist, not worked out again).
ITEM_RULES: tuple[Rule, ...] = (checks_media.illustration_details, checks_media.clip_details)


def item_findings(project: Project, template: Template) -> dict[str, list[Finding]]:
    """What :data:`ITEM_RULES` find about each illustration and clip, by its id, errors first,
    dismissed ones left out (as the checklist shows them). Quick: these rules need no counts."""
    article = project.article
    ctx = CheckContext(project, template)
    found: dict[str, list[Finding]] = {}
    for check in ITEM_RULES:
        for finding in check(ctx):
            if not is_dismissed(finding, article):
                found.setdefault(finding.where.item_id, []).append(finding)
    return {item: sorted(items, key=lambda f: _RANK.get(f.severity, len(_RANK)))
            for item, items in found.items()}


def run_checks(project: Project, template: Template,
               counts: ArticleCounts | None = None) -> list[Finding]:
    """The checklist: every finding the user has not dismissed."""
    return [f for f in all_findings(project, template, counts)
            if not is_dismissed(f, project.article)]


def dismissed_findings(project: Project, template: Template,
                       counts: ArticleCounts | None = None) -> list[Finding]:
    """The tips and warnings the user dismissed that still apply (to offer "show again")."""
    return [f for f in all_findings(project, template, counts)
            if is_dismissed(f, project.article)]
