"""The submission checklist as plain text: each of the series' requirements and whether it is met,
the article's figures, and the findings still open (must fix, warnings, tips).

Requirements come from the series template (limits and rules), so a new series needs no code.
The text is returned; the bundle writes it (UTF-8 with a byte-order mark and Windows line
endings, so Notepad on an old hospital laptop shows it properly).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass

from .. import APP_NAME, __version__
from ..model.citations import analyse_citations
from ..model.findings import ERROR, TIP, WARNING, Finding
from ..model.icmje import long_date
from ..model.project import Project
from ..model.template import Range, Template
from .docx_base import DRAFT_LABEL, one_line

MET, NOT_MET, OPTIONAL, NOT_APPLICABLE = "Met", "NOT MET", "Optional", "n/a"
_SEVERITY_LABELS = {ERROR: "Must fix", WARNING: "Warning", TIP: "Tip"}


@dataclass(frozen=True)
class Requirement:
    label: str
    status: str      # MET, NOT_MET, OPTIONAL or NOT_APPLICABLE
    detail: str


def _band(limit: Range, noun: str) -> str:
    if limit.min and limit.max is not None:
        return f"{limit.min:,}\u2013{limit.max:,} {noun}"
    if limit.max is not None:
        return f"up to {limit.max:,} {noun}"
    if limit.min is not None:
        return f"at least {limit.min:,} {noun}"
    return noun


def _status(ok: bool) -> str:
    return MET if ok else NOT_MET


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _section_words(counts: Mapping) -> dict[str, int]:
    return {str(s.get("id")): int(s.get("words", 0)) for s in counts.get("sections", [])
            if isinstance(s, Mapping)}


def requirements(project: Project, template: Template, counts: Mapping) -> list[Requirement]:
    """Each of the series' requirements and whether the article meets it now."""
    article = project.article
    out: list[Requirement] = []
    words = int(counts.get("words_counted", 0))
    limit = template.limit("words")
    out.append(Requirement(f"Length: about {_band(limit, 'words')}", _status(limit.contains(words)),
                           f"{words:,} words counted"))

    per_section = _section_words(counts)
    written = {s.id: per_section.get(s.id, 0) for s in article.sections}
    for spec in template.sections:
        found = [s for s in article.sections if s.key == spec.key]
        n = sum(written[s.id] for s in found)
        out.append(Requirement(f"Covers: {spec.title}", _status(n > 0),
                               f"{n:,} words" + (f" (guide: {spec.min_words}+)"
                                                 if spec.min_words else "")))

    viewpoints = [s for s in article.viewpoints() if written.get(s.id, 0) > 0]
    vlimit = template.limit("viewpoints")
    out.append(Requirement("Every partner's viewpoint, one after another"
                           + (f" (at least {vlimit.min})" if vlimit.min else ""),
                           _status(vlimit.contains(len(viewpoints)) and bool(viewpoints)),
                           f"{_plural(len(viewpoints), 'viewpoint')} written"))

    for side in template.sides:
        if not side.min_authors:
            continue
        n = sum(1 for a in article.authors if template.side_of(a.partner_type) == side.id)
        out.append(Requirement(f"Authors: {side.label}", _status(n >= side.min_authors),
                               f"{_plural(n, 'author')}"))

    messages = sum(1 for m in article.key_messages if m.strip())
    klimit = template.limit("key_messages")
    out.append(Requirement(f"Key messages: {_band(klimit, 'take-home messages')}",
                           _status(klimit.contains(messages)), _plural(messages, "message")))
    quotes = sum(1 for _q, _s, text in article.key_quotes() if text.strip())
    qlimit = template.limit("key_quotes")
    out.append(Requirement("Key quotes flagged", _status(qlimit.contains(quotes)) if qlimit.min
                           else OPTIONAL, _plural(quotes, "quote")))

    authors = article.authors
    with_photo = sum(1 for a in authors if a.photo and a.photo.consent)
    out.append(Requirement("A photo of each author (with their agreement)",
                           _status(bool(authors) and with_photo == len(authors))
                           if template.rules.author_photo_required else OPTIONAL,
                           f"{with_photo} of {len(authors)}"))
    handles = sum(1 for a in authors if a.handle.strip())
    out.append(Requirement("X/Twitter handles, if the authors have one", OPTIONAL,
                           f"{handles} of {len(authors)} given"))

    media = article.illustrations + article.clips
    mlimit = template.limit("illustrations")
    bad_kind = [i for i in article.illustrations if template.rules.is_discouraged(i.kind)]
    out.append(Requirement(f"Illustrations or clips: {_band(mlimit, 'welcome')}, not detailed "
                           "graphs or tables",
                           _status(mlimit.contains(len(media)) and not bad_kind) if media
                           else OPTIONAL,
                           f"{_plural(len(article.illustrations), 'illustration')}, "
                           f"{_plural(len(article.clips), 'clip')}"))
    if media:
        described = sum(1 for i in article.illustrations if i.caption.strip()
                        and i.alt_text.strip())
        described += sum(1 for c in article.clips if c.caption.strip() and c.transcript.strip())
        out.append(Requirement("Captions, and descriptions or transcripts", _status(
            described == len(media)), f"{described} of {len(media)} complete"))
        cleared = sum(1 for m in media if m.permission)
        out.append(Requirement("Permission to publish each illustration and clip",
                               _status(cleared == len(media)), f"{cleared} of {len(media)}"))

    rlimit = template.limit("references")
    analysis = analyse_citations(article)
    refs = len(article.references)
    ok = rlimit.contains(refs) and not analysis.missing
    detail = f"{_plural(refs, 'reference')}, {analysis.cited} cited in the text"
    if analysis.missing:
        detail += f"; {_plural(len(analysis.missing), 'citation')} to a missing reference"
    out.append(Requirement(f"References: {_band(rlimit, 'references')}, BMJ style, numbered as "
                           "cited", _status(ok), detail))

    certified = sum(1 for a in authors if a.disclosure.is_certified())
    out.append(Requirement("A competing-interests declaration from every author",
                           _status(bool(authors) and certified == len(authors)),
                           f"{certified} of {len(authors)} certified"))
    out.append(_approvals(article))
    return out


def _approvals(article) -> Requirement:
    """Each author's approval of the article as it stands (optional until anyone approves)."""
    from ..model.approval import APPROVED, approval_lines, approval_state, approvals_started
    approved = sum(1 for a in article.authors if approval_state(article, a) == APPROVED)
    status = (_status(approved == len(article.authors)) if approvals_started(article)
              else OPTIONAL)
    detail = "; ".join(one_line(line) for line in approval_lines(article)) or "no authors yet"
    return Requirement("Every author approved the article as it stands", status, detail)


def _figures(counts: Mapping) -> list[str]:
    lines = [f"  Words counted toward the limit: {int(counts.get('words_counted', 0)):,}",
             f"  Words in everything (counted or not): {int(counts.get('words_total', 0)):,}"]
    for name, key in (("References", "references"), ("Citations in the text", "citations"),
                      ("Key messages", "key_messages"), ("Key quotes", "key_quotes"),
                      ("Illustrations", "illustrations"), ("Clips", "clips"),
                      ("Authors", "authors")):
        if key in counts:
            lines.append(f"  {name}: {counts[key]}")
    readability = counts.get("readability")
    if isinstance(readability, Mapping) and readability.get("flesch_reading_ease") is not None:
        lines.append(f"  Reading ease: {readability['flesch_reading_ease']}   "
                     f"School grade: {readability.get('fk_grade', '?')}")
    sections = [s for s in counts.get("sections", []) if isinstance(s, Mapping)]
    if sections:
        lines.append("  Words per section:")
        lines += [f"    {int(s.get('words', 0)):5,}  {one_line(s.get('title', ''))}"
                  for s in sections]
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
    reqs = requirements(project, template, counts)
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
    lines += [f"  {r.status:<{width}}  {r.label} \u2014 {r.detail}" for r in reqs]
    lines += ["", "FIGURES", *_figures(counts), "",
              "STILL TO DO (what the checklist in PiP Writer says)", *_findings(findings), ""]
    return "\n".join(lines)
