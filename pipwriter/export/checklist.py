"""The submission checklist as plain text: each of the series' requirements and whether it is met,
the article's figures, and the findings still open (must fix, warnings, tips).

Requirements come from the series template (limits and rules), so a new series needs no code.
The text is returned; the bundle writes it (UTF-8 with a byte-order mark and Windows line
endings, so Notepad on an old hospital laptop shows it properly).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .. import APP_NAME, __version__
from ..model.article.article import Article
from ..model.article.citations import analyse_citations
from ..model.coauthoring.suggestions import pending_count
from ..model.interests.icmje import long_date
from ..model.language.counts import WORDS_TOTAL_LABEL
from ..model.language.spelling import LANGUAGES
from ..model.rules.checks import is_unplaced_section
from ..model.rules.findings import ERROR, TIP, WARNING, Finding
from ..model.rules.spelling_findings import CODE as SPELLING_CODE
from ..model.rules.spelling_findings import NOT_CHECKED as SPELLING_NOT_CHECKED
from ..model.rules.template import Range, Template
from ..model.storage.project import Project
from .docx_base import DRAFT_LABEL, one_line

MET, NOT_MET, OPTIONAL, NOT_APPLICABLE = "Met", "NOT MET", "Optional", "n/a"
_SEVERITY_LABELS = {ERROR: "Must fix", WARNING: "Warning", TIP: "Tip"}


@dataclass(frozen=True)
class Requirement:
    label: str
    status: str      # MET, NOT_MET, OPTIONAL or NOT_APPLICABLE
    detail: str
    because: tuple[Finding, ...] = ()   # the open findings that make it NOT MET


@dataclass(frozen=True)
class _Judged:
    """Which findings say a requirement is not met: their codes, and (for requirements about
    some sections only) the sections they must point to."""

    codes: frozenset[str]                          # fail wherever they point
    section_codes: frozenset[str] = frozenset()    # fail when they point to these sections
    section_ids: frozenset[str] = frozenset()

    def fails(self, finding: Finding) -> bool:
        return finding.code in self.codes or (finding.code in self.section_codes
                                               and finding.where.section_id in self.section_ids)


def _band(limit: Range, noun: str) -> str:
    if limit.min and limit.max is not None:
        return f"{limit.min:,}\u2013{limit.max:,} {noun}"
    if limit.max is not None:
        return f"up to {limit.max:,} {noun}"
    if limit.min is not None:
        return f"at least {limit.min:,} {noun}"
    return noun


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _section_words(counts: Mapping) -> dict[str, int]:
    return {str(s.get("id")): int(s.get("words", 0)) for s in counts.get("sections", [])
            if isinstance(s, Mapping)}


def _codes(*codes: str) -> _Judged:
    return _Judged(frozenset(codes))


def _in_sections(sections: Iterable[str], *codes: str) -> _Judged:
    return _Judged(frozenset(codes), frozenset(SECTION_CODES), frozenset(sections))


SECTION_CODES = ("section-empty", "section-short", "citation-missing-reference",
                 "approval-out-of-date")
MEDIA_COUNT_CODES = ("illustrations-too-many", "illustration-discouraged-kind")
MEDIA_TEXT_CODES = ("illustration-caption-missing", "illustration-alt-missing",
                    "illustration-alt-repeats-caption", "illustration-alt-picture-of",
                    "clip-caption-missing", "clip-transcript-missing")
MEDIA_MENTION_CODES = ("figure-not-mentioned", "clip-not-mentioned")
MEDIA_PERMISSION_CODES = ("illustration-permission-missing", "clip-permission-missing",
                          "clip-source-missing", "media-missing", "media-damaged")


Judged = tuple[str, _Judged, str, str]


def _judged(project: Project, template: Template, counts: Mapping) -> list[Judged]:
    """Each requirement: (label, the findings that fail it, its detail, the status when no
    finding fails it)."""
    article = project.article
    return [*_structure(article, template, counts), *_people(article, template),
            *_media(article, template), *_end_matter(article, template)]


def _structure(article: Article, template: Template, counts: Mapping) -> list[Judged]:
    """Title, length, the guidance sections, imported text, added sections, viewpoints and
    the partners' sides."""
    out: list[Judged] = []
    words = int(counts.get("words_counted", 0))
    out.append(("A title", _codes("title-missing"), article.title.strip() or "none yet", MET))
    out.append((f"Length: about {_band(template.limit('words'), 'words')}",
                _codes("words-under", "words-over"), f"{words:,} words counted", MET))
    per_section = _section_words(counts)
    for spec in template.sections:
        found = [s.id for s in article.sections if s.key == spec.key]
        n = sum(per_section.get(i, 0) for i in found)
        detail = (f"{n:,} words" + (f" (guide: {spec.min_words}+)" if spec.min_words else "")
                  if found else "left out by the authors")
        out.append((f"Covers: {spec.title}", _in_sections(found), detail,
                    MET if found else NOT_APPLICABLE))
    unplaced = [s for s in article.sections if is_unplaced_section(s)]
    out.append(("Text brought in from a Word draft all placed",
                _codes("imported-text-unplaced"),
                f"“{unplaced[0].title}” is still there" if unplaced else "nothing left to place",
                NOT_APPLICABLE))
    own = [s.id for s in article.sections if s.kind not in ("guidance", "viewpoint")]
    if own:
        out.append(("Sections you added, written", _in_sections(own),
                    _plural(len(own), "section"), MET))
    views = article.viewpoints()
    vlimit = template.limit("viewpoints")
    written = sum(1 for s in views if per_section.get(s.id, 0))
    out.append(("Every partner's viewpoint, one after another"
                + (f" (at least {vlimit.min})" if vlimit.min else ""),
                _in_sections([s.id for s in views], "viewpoints-too-few",
                             "side-without-viewpoint", "viewpoint-author-missing"),
                f"{_plural(written, 'viewpoint')} written", MET))
    for side in template.sides:
        if side.min_authors:
            n = sum(1 for a in article.authors if template.side_of(a.partner_type) == side.id)
            out.append((f"Authors: {side.label}", _codes("authors-side-missing",
                                                         "authors-too-few",
                                                         "author-name-placeholder"),
                        _plural(n, "author"), MET))
    return out


def _people(article: Article, template: Template) -> list[Judged]:
    """Key messages and quotes, the authors' photos and handles."""
    out: list[Judged] = []
    klimit = template.limit("key_messages")
    messages = sum(1 for m in article.key_messages if m.strip())
    out.append((f"Key messages: {_band(klimit, 'take-home messages')}",
                _codes("key-messages-too-few", "key-messages-too-many"),
                _plural(messages, "message"), MET))
    quotes = sum(1 for _q, _s, text in article.key_quotes() if text.strip())
    out.append(("Key quotes flagged", _codes("key-quote-missing", "key-quote-runs-on"),
                _plural(quotes, "quote"),
                MET if template.limit("key_quotes").min else OPTIONAL))
    authors = article.authors
    agreed = sum(1 for a in authors if a.photo and a.photo.consent)
    out.append(("A photo of each author (with their agreement)",
                _codes("author-photo-missing", "author-photo-consent", "author-photo-small",
                       "media-missing", "media-damaged"),
                f"{agreed} of {len(authors)}",
                MET if template.rules.author_photo_required else OPTIONAL))
    handles = sum(1 for a in authors if a.handle.strip())
    out.append(("X/Twitter handles, if the authors have one", _codes("handle-invalid"),
                f"{handles} of {len(authors)} given", OPTIONAL))
    return out


def _media(article: Article, template: Template) -> list[Judged]:
    """Illustrations and clips: how many, their texts, mentions and permission."""
    out: list[Judged] = []
    media = len(article.illustrations) + len(article.clips)
    mlimit = template.limit("illustrations")
    out.append((f"Illustrations or clips: {_band(mlimit, 'welcome')}, not detailed graphs or "
                "tables", _codes(*MEDIA_COUNT_CODES),
                f"{_plural(len(article.illustrations), 'illustration')}, "
                f"{_plural(len(article.clips), 'clip')}", MET if media else OPTIONAL))
    if media:
        out.append(("Captions, and descriptions or transcripts", _codes(*MEDIA_TEXT_CODES),
                    _plural(media, "item"), MET))
        out.append(("Each illustration and clip mentioned in the text, as (fig 1) or (clip 1)",
                    _codes(*MEDIA_MENTION_CODES), _plural(media, "item"), MET))
        cleared = sum(1 for m in article.pictures_and_clips() if m.permission)
        out.append(("Permission to publish each illustration and clip",
                    _codes(*MEDIA_PERMISSION_CODES), f"{cleared} of {media}", MET))
    return out


def _end_matter(article: Article, template: Template) -> list[Judged]:
    """References, the declarations, spelling and the authors' approval."""
    out: list[Judged] = []
    authors = article.authors
    rlimit = template.limit("references")
    analysis = analyse_citations(article)
    out.append((f"References: {_band(rlimit, 'references')}, BMJ style, numbered as cited",
                _codes("references-too-many", "citation-missing-reference",
                       "reference-uncited", "reference-incomplete", "reference-as-written"),
                f"{_plural(len(article.references), 'reference')}, {analysis.cited} cited in "
                "the text", MET))
    certified = sum(1 for a in authors if a.disclosure.is_certified())
    out.append(("A competing-interests declaration from every author",
                _codes("author-disclosure-missing", "author-disclosure-recertify"),
                f"{certified} of {len(authors)} certified", MET))
    open_count = sum(1 for c in article.comments if not c.resolved)
    out.append(("The authors' comments all resolved", _codes("comments-open"),
                f"{open_count} still open" if open_count else "none open", MET))
    waiting = pending_count(article)
    out.append(("Suggested changes all accepted or rejected", _codes("suggestions-pending"),
                f"{waiting} waiting" if waiting else "none waiting", MET))
    language = LANGUAGES.get(article.settings.spelling_language, "English")
    out.append((f"Spelling checked ({language})", _codes(SPELLING_CODE, SPELLING_NOT_CHECKED),
                "every field the authors write", MET))
    out.append(_approvals(article))
    return out


def requirements(project: Project, template: Template, counts: Mapping,
                 findings: Iterable[Finding]) -> list[Requirement]:
    """Each of the series' requirements, NOT MET exactly when an open finding says so (the
    checks judge; this only groups their findings under the series' requirements)."""
    open_findings = list(findings)
    out = []
    for label, judged, detail, otherwise in _judged(project, template, counts):
        failing = tuple(f for f in open_findings if judged.fails(f))
        out.append(Requirement(label, NOT_MET if failing else otherwise, detail, failing))
    return out


def requirement_codes() -> frozenset[str]:
    """Every finding code some requirement answers to (the tests check none is left out)."""
    from ..model.rules.template import get_template
    from ..model.storage.demo import demo_project
    project = demo_project()
    template = get_template(project.article.template_id)
    return frozenset(code for _l, judged, _d, _o in _judged(project, template, {})
                     for code in judged.codes | judged.section_codes)


def _approvals(article) -> tuple[str, _Judged, str, str]:
    """Each author's approval of the article as it stands (optional until anyone approves)."""
    from ..model.coauthoring.approval import approvals_started, approvals_summary
    return ("Every author approved the article as it stands",
            _codes("approval-missing", "approval-out-of-date"),
            one_line(approvals_summary(article)),
            MET if approvals_started(article) else OPTIONAL)


def _figures(counts: Mapping) -> list[str]:
    lines = [f"  Words counted toward the limit: {int(counts.get('words_counted', 0)):,}",
             f"  {WORDS_TOTAL_LABEL}: {int(counts.get('words_total', 0)):,}"]
    for name, key in (("References", "references"), ("Citations in the text", "citations"),
                      ("Key messages", "key_messages"), ("Key quotes", "key_quotes"),
                      ("Illustrations", "illustrations"), ("Clips", "clips"),
                      ("Authors", "authors")):
        if key in counts:
            lines.append(f"  {name}: {counts[key]}")
    readability = counts.get("readability")
    if isinstance(readability, Mapping) and readability.get("reading_ease") is not None:
        lines.append(f"  Reading ease: {readability['reading_ease']}   "
                     f"School grade: {readability.get('fk_grade', '?')}")
    sections = [s for s in counts.get("sections", []) if isinstance(s, Mapping)]
    if sections:
        lines.append("  Words per section:")
        lines += [f"    {int(s.get('words', 0)):5,}  {one_line(s.get('title', ''))}"
                  for s in sections]
    return lines


def _because(requirement: Requirement, width: int) -> list[str]:
    """Under a NOT MET line, what makes it so: the line alone did not say, and a warning
    about length looked like a requirement not met for no reason (found by a walk)."""
    shown = list(requirement.because[:3])
    lines = [f"  {'':<{width}}    {_SEVERITY_LABELS.get(f.severity, f.severity)}: "
             f"{one_line(f.message)}" + (f" ({f.where.label})" if f.where.label else "")
             for f in shown]
    more = len(requirement.because) - len(shown)
    if more:
        lines.append(f"  {'':<{width}}    and {_plural(more, 'more thing')} (see STILL TO DO)")
    return lines


def _findings(findings: list[Finding]) -> list[str]:
    if not findings:
        return ["  Nothing left to fix."]
    lines = []
    for finding in findings:
        place = f" ({finding.where.label})" if finding.where.label else ""
        label = _SEVERITY_LABELS.get(finding.severity, finding.severity)
        lines.append(f"  {label}: {one_line(finding.message)}{place}")
    return lines


def checklist_text(project: Project, template: Template, counts: Mapping,
                   findings: list[Finding], *, draft: bool = False,
                   today: _dt.date | None = None) -> str:
    """The whole checklist as text (lines joined with "\\n")."""
    article = project.article
    title = one_line(article.title) or "Untitled article"
    reqs = requirements(project, template, counts, findings)
    met = sum(1 for r in reqs if r.status == MET)
    needed = sum(1 for r in reqs if r.status in (MET, NOT_MET))
    lines = []
    if draft:
        lines += [DRAFT_LABEL, ""]
    lines += [f"Submission checklist: \u201c{title}\u201d",
              f"{template.name}. Made by {APP_NAME} {__version__} on "
              f"{long_date(today or _dt.date.today())}.", "",
              f"THE SERIES' REQUIREMENTS ({met} of {needed} met)"]
    width = max(len(s) for s in (MET, NOT_MET, OPTIONAL, NOT_APPLICABLE))
    for r in reqs:
        lines.append(f"  {r.status:<{width}}  {r.label} \u2014 {r.detail}")
        lines += _because(r, width)
    lines += ["", "FIGURES", *_figures(counts), "",
              "STILL TO DO (what the checklist in PiP Writer says)", *_findings(findings), ""]
    return "\n".join(lines)
