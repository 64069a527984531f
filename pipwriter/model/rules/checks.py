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

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..article.article import Article, Section
from ..article.author import Author
from ..article.citations import CitationAnalysis, analyse_citations
from ..article.handles import handle_problem
from ..article.media import Illustration, MediaClip
from ..article.reference import Reference, format_authors
from ..language.counts import ArticleCounts, PlainLanguage, count_article, plain_language
from ..language.spelling import SpellEngine
from ..storage.project import Project
from .findings import ERROR, SEVERITIES, TIP, WARNING, Finding, Where
from .spelling_findings import spelling_findings
from .template import Range, Template


@dataclass
class CheckContext:
    project: Project
    template: Template
    counts: ArticleCounts
    citations: CitationAnalysis
    given_plain: PlainLanguage | None = None
    speller: SpellEngine | None = None      # spelling is checked when one is given

    @property
    def article(self) -> Article:
        return self.project.article

    @cached_property
    def plain(self) -> PlainLanguage:
        """Readability overall and per panel (worked out only when a rule asks for it)."""
        return self.given_plain or plain_language(self.article, self.template)

    def limit(self, name: str) -> Range:
        return self.template.limit(name)

    def panel_title(self, key: str, fallback: str) -> str:
        panel = self.template.panels.get(key)
        return panel.title if panel else fallback


Rule = Callable[[CheckContext], Iterable[Finding]]
RULES: list[Rule] = []
TIP_RULES: set[Rule] = set()      # rules that only ever give tips (never change a mark)


def rule(function: Rule) -> Rule:
    """Register a rule; rules run in the order they are defined."""
    RULES.append(function)
    return function


def tip_rule(function: Rule) -> Rule:
    """Register a rule whose findings are all tips: the navigator's marks, which tips never
    change, are worked out without running it (see progress.py)."""
    TIP_RULES.add(function)
    return rule(function)


# --- where a finding points ---------------------------------------------------------------------
def _section_name(section: Section) -> str:
    return section.title.strip() or "Untitled section"


def at_article() -> Where:
    return Where(label="The whole article")


def at_title() -> Where:
    return Where(panel="title", label="Article title")


def at_section(section: Section) -> Where:
    return Where(panel="section", section_id=section.id, label=_section_name(section))


def at_panel(ctx: CheckContext, key: str, fallback: str) -> Where:
    return Where(panel=key, label=ctx.panel_title(key, fallback))


def at_author(ctx: CheckContext, author: Author, panel: str = "authors") -> Where:
    fallback = "Authors" if panel == "authors" else "Competing interests"
    return Where(panel=panel, author_id=author.id,
                 label=f"{ctx.panel_title(panel, fallback)} › {author.name or 'Unnamed author'}")


def at_reference(ctx: CheckContext, ref: Reference) -> Where:
    number = ctx.citations.numbers.get(ref.id, 0)
    return Where(panel="references", item_id=ref.id,
                 label=f"{ctx.panel_title('references', 'References')} › {number}. "
                       f"{_reference_short(ref)}")


def at_illustration(ctx: CheckContext, item: Illustration) -> Where:
    number = ctx.article.illustrations.index(item) + 1
    return Where(panel="illustrations", item_id=item.id,
                 label=f"{ctx.panel_title('illustrations', 'Illustrations')} › "
                       f"Illustration {number}")


def at_clip(ctx: CheckContext, clip: MediaClip) -> Where:
    name = clip.title.strip() or f"{'Video' if clip.kind == 'video' else 'Audio'} clip " \
                                  f"{ctx.article.clips.index(clip) + 1}"
    return Where(panel="illustrations", item_id=clip.id,
                 label=f"{ctx.panel_title('illustrations', 'Illustrations')} › {name}")


def _reference_short(ref: Reference) -> str:
    who = format_authors(ref.authors[:1]) if ref.authors else ""
    what = ref.title.strip() or ref.text.strip() or ref.url.strip() or "untitled"
    if len(what) > 50:
        what = what[:47].rstrip() + "…"
    return f"{who}: {what}" if who else what


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


# --- the whole article ----------------------------------------------------------------------
@rule
def title_missing(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.article.title.strip():
        yield Finding(ERROR, "title-missing", "The article has no title yet. Give it a short "
                      "title that says what the partnership did.", at_title())


def _counted_parts_text(ctx: CheckContext) -> str:
    names = {"sections": "guidance sections", "viewpoints": "viewpoints"}
    parts = [names.get(p, p.replace("_", " ")) for p in ctx.counts.counted_parts]
    return " and ".join(parts) if len(parts) <= 2 else ", ".join(parts)


@rule
def word_band(ctx: CheckContext) -> Iterator[Finding]:
    band = ctx.limit("words")
    words = ctx.counts.words_counted
    tolerance = ctx.template.rules.words_tolerance_percent / 100
    aim = (f"{band.min:,}–{band.max:,}" if band.min is not None and band.max is not None
           else f"at least {band.min:,}" if band.min is not None else f"at most {band.max:,}")
    counted = f"{_n(words, 'word')} counted ({_counted_parts_text(ctx)})"
    if band.min is not None and words < band.min:
        severity = ERROR if words < band.min * (1 - tolerance) else WARNING
        yield Finding(severity, "words-under",
                      f"The article has {counted}; the series asks for about {aim}. "
                      f"Add about {_n(band.min - words, 'word')}.", at_article())
    elif band.max is not None and words > band.max:
        severity = ERROR if words > band.max * (1 + tolerance) else WARNING
        yield Finding(severity, "words-over",
                      f"The article has {counted}; the series asks for about {aim}. "
                      f"Cut about {_n(words - band.max, 'word')}.", at_article())


@rule
def empty_or_short_sections(ctx: CheckContext) -> Iterator[Finding]:
    for section in ctx.article.sections:
        figures = ctx.counts.section(section.id)
        words = figures.words if figures else 0
        if words == 0:
            if section.kind == "viewpoint":
                owner = ctx.article.viewpoint_owner_names(section) or "its author"
                message = (f"The viewpoint “{_section_name(section)}” has no text yet. "
                           f"{owner} writes it in their own words; or remove the viewpoint.")
            else:
                message = (f"“{_section_name(section)}” has no text yet. Write it, or remove "
                           "the section if it does not fit your project.")
            yield Finding(ERROR, "section-empty", message, at_section(section))
            continue
        spec = ctx.template.section_spec(section.key)
        if spec and spec.min_words and words < spec.min_words:
            yield Finding(WARNING, "section-short",
                          f"“{_section_name(section)}” has {_n(words, 'word')}; most articles "
                          f"give this part at least {spec.min_words}. The questions beside the "
                          "text may help.", at_section(section))


# The section the Word import puts the text it could not place (pipwriter.importer): marked by
# its key; a project imported before the key existed is recognised by its kind and title.
UNPLACED_KEY = "imported-unplaced"
UNPLACED_TITLE = "Imported text not yet placed"


def is_unplaced_section(section: Section) -> bool:
    """Whether this is the import's section of text not yet placed."""
    return section.key == UNPLACED_KEY or (section.kind == "other" and not section.key and
                                           section.title.strip() == UNPLACED_TITLE)


@rule
def unplaced_imported_text(ctx: CheckContext) -> Iterator[Finding]:
    for section in ctx.article.sections:
        if not is_unplaced_section(section):
            continue
        held = sum(1 for p in section.body.paragraphs if p.text().strip() or p.citations())
        what = (f"still holds {_n(held, 'paragraph')} from the Word draft, which would go to "
                "the editors as it is. Move each where it belongs, or delete it, then remove "
                "the section." if held else "is empty: remove it.")
        yield Finding(ERROR, "imported-text-unplaced", f"“{_section_name(section)}” {what}",
                      at_section(section))


# --- partners, viewpoints and authors ----------------------------------------------------------
def _authors_on_side(ctx: CheckContext, side_id: str) -> list[Author]:
    return [a for a in ctx.article.authors if ctx.template.side_of(a.partner_type) == side_id]


@rule
def authors_and_sides(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("authors")
    count = len(ctx.article.authors)
    where = at_panel(ctx, "authors", "Authors")
    if limit.min is not None and count < limit.min:
        yield Finding(ERROR, "authors-too-few",
                      f"The article has {_n(count, 'author')}; the series needs at least "
                      f"{limit.min}, from both sides of the partnership. Add your co-authors.",
                      where)
    for side in ctx.template.sides:
        found = len(_authors_on_side(ctx, side.id))
        if side.min_authors and found < side.min_authors:
            yield Finding(ERROR, "authors-side-missing",
                          f"No author is from the side “{side.label}”. The series wants "
                          "every side of the partnership to write: add a co-author from "
                          "that side.", Where(panel="authors", item_id=side.id,
                                              label=f"{where.label} › {side.label}"))


@rule
def viewpoints(ctx: CheckContext) -> Iterator[Finding]:
    article = ctx.article
    views = article.viewpoints()
    limit = ctx.limit("viewpoints")
    if limit.min is not None and len(views) < limit.min:
        yield Finding(ERROR, "viewpoints-too-few",
                      f"The article has {_n(len(views), 'viewpoint')}; the series asks for at "
                      f"least {limit.min}, so every partner speaks in their own voice. Add a "
                      "viewpoint.", at_article())
    for section in views:
        if not section.author_ids:
            yield Finding(WARNING, "viewpoint-author-missing",
                          f"The viewpoint “{_section_name(section)}” does not say whose it is. "
                          "Choose its author.", at_section(section))
    for side in ctx.template.sides:
        members = {a.id for a in _authors_on_side(ctx, side.id)}
        if not members:
            continue   # reported by authors-side-missing when the side is required
        if not any(members & set(v.author_ids) for v in views):
            names = " and ".join(a.name for a in _authors_on_side(ctx, side.id))
            yield Finding(ERROR, "side-without-viewpoint",
                          f"No viewpoint is written by “{side.label}” ({names}). The series "
                          "wants to hear from every partner: add their viewpoint.",
                          Where(panel="authors", item_id=side.id,
                                label=f"{ctx.panel_title('authors', 'Authors')} › {side.label}"))


@rule
def author_photos(ctx: CheckContext) -> Iterator[Finding]:
    required = ctx.template.rules.author_photo_required
    for author in ctx.article.authors:
        if author.photo is None:
            if required:
                yield Finding(WARNING, "author-photo-missing",
                              f"There is no photo of {author.name}. The series asks for a photo "
                              "of each author; add one, or tell the editors why not.",
                              at_author(ctx, author))
        elif not author.photo.consent:
            yield Finding(ERROR, "author-photo-consent",
                          f"{author.name}'s photo has not been marked as agreed for publication. "
                          "Ask them, then tick that they agree.", at_author(ctx, author))


@rule
def author_disclosures(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.template.rules.competing_interests_required:
        return
    for author in ctx.article.authors:
        disclosure = author.disclosure
        where = at_author(ctx, author, "competing_interests")
        if disclosure.needs_recertification():
            yield Finding(ERROR, "author-disclosure-recertify",
                          f"{author.name} changed their answers on money and links after "
                          "confirming them. They need to read them and confirm them again.", where)
        elif not disclosure.is_certified():
            state = ("has not finished" if disclosure.is_started() else "has not started")
            yield Finding(ERROR, "author-disclosure-missing",
                          f"{author.name} {state} their form on money and links. The BMJ "
                          "needs one from each author. This is so even with nothing to "
                          "declare.",
                          where)


@rule
def author_handles(ctx: CheckContext) -> Iterator[Finding]:
    for author in ctx.article.authors:
        problem = handle_problem(author.handle) if author.handle else ""
        if problem:
            yield Finding(WARNING, "handle-invalid",
                          f"{author.name}'s Twitter/X name “{author.handle}” will not work. "
                          f"{problem}", at_author(ctx, author))


# --- key messages and quotes -------------------------------------------------------------------
@rule
def key_messages(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("key_messages")
    count = ctx.counts.key_messages
    where = at_panel(ctx, "key_messages", "Key messages")
    aim = (f"{limit.min}–{limit.max}" if limit.min is not None and limit.max is not None
           else str(limit.min if limit.min is not None else limit.max))
    if limit.min is not None and count < limit.min:
        yield Finding(ERROR, "key-messages-too-few",
                      f"There {'is' if count == 1 else 'are'} {_n(count, 'key message')}; "
                      f"the editors ask for {aim} short take-home messages. Add "
                      f"{limit.min - count} more.", where)
    elif limit.max is not None and count > limit.max:
        yield Finding(WARNING, "key-messages-too-many",
                      f"There are {_n(count, 'key message')}; the editors ask for {aim}. Keep "
                      "the strongest and remove the rest.", where)


@rule
def key_quotes(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("key_quotes")
    if limit.min is not None and ctx.counts.key_quotes < limit.min:
        yield Finding(WARNING, "key-quote-missing",
                      "No key quote is flagged. Select a striking sentence anywhere in the "
                      "article and flag it as a key quote.",
                      at_panel(ctx, "key_messages", "Key messages"))


# --- references and citations ------------------------------------------------------------------
@rule
def reference_count(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("references")
    count = ctx.counts.references
    if limit.max is not None and count > limit.max:
        yield Finding(ERROR, "references-too-many",
                      f"There are {_n(count, 'reference')}; the series allows up to "
                      f"{limit.max}. Remove {count - limit.max}, keeping the ones that support "
                      "what matters most.", at_panel(ctx, "references", "References"))


@rule
def broken_citations(ctx: CheckContext) -> Iterator[Finding]:
    per_section: dict[str, int] = {}
    for group, _ref_id in ctx.citations.missing:
        per_section[group.section_id] = per_section.get(group.section_id, 0) + 1
    for section_id, count in per_section.items():
        section = ctx.article.section(section_id)
        if section is None:
            continue
        yield Finding(ERROR, "citation-missing-reference",
                      f"{'A citation' if count == 1 else _n(count, 'citation')} in "
                      f"“{_section_name(section)}” {'points' if count == 1 else 'point'} to a "
                      "reference that is no longer in the list. It shows as [?]. Remove it, "
                      "or cite another reference.", at_section(section))
    for group in ctx.citations.duplicates:
        section = ctx.article.section(group.section_id)
        if section is not None:
            yield Finding(TIP, "citation-duplicate",
                          f"A citation in “{_section_name(section)}” names the same reference "
                          "twice; it is printed once.", at_section(section))


@rule
def uncited_references(ctx: CheckContext) -> Iterator[Finding]:
    uncited = set(ctx.citations.uncited)      # a set: 50,000 references stay quick
    for ref in ctx.article.references:
        if ref.id in uncited:
            yield Finding(WARNING, "reference-uncited",
                          f"Reference “{_reference_short(ref)}” is not cited in the text. Cite "
                          "it where it supports what you say, or remove it.",
                          at_reference(ctx, ref))


@rule
def incomplete_references(ctx: CheckContext) -> Iterator[Finding]:
    for ref in ctx.article.references:
        if not (ref.title.strip() or ref.text.strip() or ref.url.strip() or ref.doi.strip()):
            yield Finding(WARNING, "reference-incomplete",
                          "A reference has no title, text, link or DOI. Complete it so readers "
                          "can find it.", at_reference(ctx, ref))


@tip_rule
def citation_order(ctx: CheckContext) -> Iterator[Finding]:
    moved = ctx.citations.renumbered
    if not moved or not ctx.citations.cited_order:
        return
    names = {r.id: _reference_short(r) for r in ctx.article.references}
    changes = "; ".join(f"“{names[m.ref_id]}” (listed {m.listed_as}) becomes {m.number}"
                        for m in sorted(moved, key=lambda m: m.number)[:5])
    yield Finding(TIP, "citation-order",
                  "Your references are not in the order they are first cited. The BMJ "
                  "numbers them in that order. So they get new numbers when you export: "
                  f"{changes}.", at_panel(ctx, "references", "References"))


# --- illustrations, clips and media files ------------------------------------------------------
@rule
def illustration_count(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("illustrations")
    count = ctx.counts.media_items
    if limit.max is not None and count > limit.max:
        yield Finding(WARNING, "illustrations-too-many",
                      f"There are {_n(count, 'illustration or clip', 'illustrations and clips')};"
                      f" the series welcomes up to {limit.max}. Keep the strongest.",
                      at_panel(ctx, "illustrations", "Illustrations"))


@rule
def illustration_details(ctx: CheckContext) -> Iterator[Finding]:
    rules = ctx.template.rules
    for item in ctx.article.illustrations:
        where = at_illustration(ctx, item)
        if not item.caption.strip():
            yield Finding(WARNING, "illustration-caption-missing",
                          "An illustration has no caption. Add a sentence saying what it shows.",
                          where)
        if not item.alt_text.strip():
            yield Finding(WARNING, "illustration-alt-missing",
                          "An illustration has no description for people who cannot see it. "
                          "Describe what is in the picture in a sentence or two.", where)
        if not item.permission:
            yield Finding(ERROR, "illustration-permission-missing",
                          "An illustration is not marked as cleared for publication. Make sure "
                          "you may publish it (and that anyone shown agreed), then tick it.",
                          where)
        if rules.is_discouraged(item.kind):
            yield Finding(WARNING, "illustration-discouraged-kind",
                          f"{rules.discouraged_illustration_message} Try a photo or a simple drawing.",
                          where)


@rule
def clip_details(ctx: CheckContext) -> Iterator[Finding]:
    for clip in ctx.article.clips:
        where = at_clip(ctx, clip)
        if clip.media is None and not clip.url.strip():
            yield Finding(ERROR, "clip-source-missing",
                          "A clip has neither a file nor a link. Attach the file or give the "
                          "address where it is published.", where)
        if not clip.caption.strip():
            yield Finding(WARNING, "clip-caption-missing",
                          "A clip has no caption. Add a sentence saying what it is about.", where)
        if not clip.transcript.strip():
            yield Finding(WARNING, "clip-transcript-missing",
                          "A clip has no transcript. Add one so people who cannot hear it can "
                          "read it.", where)
        if not clip.permission:
            yield Finding(ERROR, "clip-permission-missing",
                          "A clip is not marked as cleared for publication. Make sure everyone "
                          "heard or seen in it agreed, then tick it.", where)


@rule
def missing_media(ctx: CheckContext) -> Iterator[Finding]:
    missing = set(ctx.project.missing_media())
    if not missing:
        return
    article = ctx.article
    for author in article.authors:
        if author.photo and author.photo.media.name in missing:
            yield Finding(ERROR, "media-missing",
                          f"The file of {author.name}'s photo is missing from the project. Add "
                          "the photo again.", at_author(ctx, author))
    for item in article.illustrations:
        if item.media.name in missing:
            yield Finding(ERROR, "media-missing", "The file of an illustration is missing from "
                          "the project. Add the picture again.", at_illustration(ctx, item))
    for clip in article.clips:
        if clip.media and clip.media.name in missing:
            yield Finding(ERROR, "media-missing", "The file of a clip is missing from the "
                          "project. Attach it again.", at_clip(ctx, clip))


@rule
def damaged_media(ctx: CheckContext) -> Iterator[Finding]:
    """An attached file that is there but cannot be used: it cannot be read back whole (a bad
    checksum in the project file), or a photo or illustration that is not a picture."""
    media = ctx.project.media

    def problem(name: str, picture: bool) -> str:
        return media.damage(name, picture) if name in media else ""

    def say(what: str, found: str, again: str) -> str:
        if found == "not a picture":
            return f"The file of {what} is not a picture, so it cannot be published. {again}"
        return (f"The file of {what} is damaged: it cannot be read back whole, so it cannot be "
                f"sent. {again}")

    for author in ctx.article.authors:
        found = problem(author.photo.media.name, True) if author.photo else ""
        if found:
            yield Finding(ERROR, "media-damaged", say(f"{author.name}'s photo", found,
                                                      "Remove the photo and add it again."),
                          at_author(ctx, author))
    for item in ctx.article.illustrations:
        found = problem(item.media.name, True)
        if found:
            yield Finding(ERROR, "media-damaged", say("an illustration", found,
                                                      "Remove it and add the picture again."),
                          at_illustration(ctx, item))
    for clip in ctx.article.clips:
        found = problem(clip.media.name, False) if clip.media else ""
        if found:
            yield Finding(ERROR, "media-damaged", say("a clip", found,
                                                      "Remove it and attach the clip again."),
                          at_clip(ctx, clip))


# --- plain language ----------------------------------------------------------------------------
@tip_rule
def readability(ctx: CheckContext) -> Iterator[Finding]:
    plain = ctx.plain
    target = plain.reading_ease_target
    overall = plain.overall
    if overall.flesch_reading_ease is not None and overall.words >= plain.min_words and \
            overall.flesch_reading_ease < target:
        yield Finding(TIP, "readability-hard",
                      f"The article's reading ease is {overall.flesch_reading_ease:.0f} (reading "
                      f"age {overall.reading_age or 0:.0f}). Plain English, which patients and "
                      f"carers read with ease, scores {target:.0f} or more. Short sentences and "
                      "everyday words help.", at_article())
    for section in ctx.article.sections:
        figures = plain.sections.get(section.id)
        if figures and figures.flesch_reading_ease is not None and \
                figures.words >= plain.min_words and figures.flesch_reading_ease < target:
            yield Finding(TIP, "readability-hard",
                          f"“{_section_name(section)}” is hard going (reading ease "
                          f"{figures.flesch_reading_ease:.0f}; aim for {target:.0f} or more). "
                          "Try shorter sentences and everyday words.", at_section(section))


@tip_rule
def long_sentences(ctx: CheckContext) -> Iterator[Finding]:
    plain = ctx.plain
    for section in ctx.article.sections:
        long = plain.long_sentences.get(section.id, ())
        if not long:
            continue
        words, sentence = long[0]
        opening = " ".join(sentence.split()[:8])
        more = (f" Other sentences here are over {plain.long_sentence_words} words too."
                if len(long) > 1 else "")
        yield Finding(TIP, "sentence-long",
                      f"In “{_section_name(section)}” a sentence of {words} words begins "
                      f"“{opening}…”. Splitting it makes it easier to read.{more}",
                      at_section(section))


# --- the authors' approval (pipwriter/model/approval.py) --------------------------------------
@rule
def approvals(ctx: CheckContext) -> Iterator[Finding]:
    """Once anyone has approved anything, every author who has not approved the article as it
    stands is listed: a warning, or a tip while their own sections are approved; an approval
    that changes have made out of date is a warning."""
    from ..coauthoring.approval import (
        APPROVED,
        NOT_YET,
        OUT_OF_DATE,
        approval_for,
        approval_state,
        approvals_started,
        approved_sections,
        short_date,
        stale_sections,
    )
    article = ctx.article
    if not approvals_started(article):
        return
    for author in article.authors:
        state = approval_state(article, author)
        name = author.name or "An author"
        if state == APPROVED:
            continue
        if state == OUT_OF_DATE:
            yield Finding(WARNING, "approval-out-of-date",
                          f"{name} approved the article on "
                          f"{short_date(approval_for(article, author.id))}, but it has changed "
                          "since. Ask them to read it again and approve it as it stands "
                          "(Article › Approve…).", at_author(ctx, author))
            continue
        for section in stale_sections(article, author):
            yield Finding(WARNING, "approval-out-of-date",
                          f"{name} approved “{_section_name(section)}”, but it has changed "
                          "since. Ask them to read it again and approve it.",
                          at_section(section))
        if state == NOT_YET:
            done = approved_sections(article, author)
            if done:
                yield Finding(TIP, "approval-missing",
                              f"{name} has approved {_n(len(done), 'section')} but not yet the "
                              "whole article. When it is ready, ask them to approve it as it "
                              "stands (Article › Approve…).", at_author(ctx, author))
            else:
                yield Finding(WARNING, "approval-missing",
                              f"{name} has not yet approved the article. The series expects "
                              "every partner to agree how their contribution is presented: "
                              "ask them to read it and approve it (Article › Approve…).",
                              at_author(ctx, author))


# --- spelling (pipwriter/model/spelling_findings.py) -----------------------------------------
@rule
def spelling(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.speller is not None:
        yield from spelling_findings(ctx.article, ctx.speller, ctx.template.panels)


# --- running them ------------------------------------------------------------------------------
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def is_dismissed(finding: Finding, article: Article) -> bool:
    return finding.severity != ERROR and finding.key in article.settings.dismissed_findings


def all_findings(project: Project, template: Template, counts: ArticleCounts | None = None,
                 plain: PlainLanguage | None = None, speller: SpellEngine | None = None,
                 *, tips: bool = True) -> list[Finding]:
    """Every finding, dismissed ones included, errors first then warnings then tips.
    ``tips=False`` leaves out the rules that only give tips (for the marks)."""
    article = project.article
    counts = counts or count_article(article, template)
    ctx = CheckContext(project, template, counts, analyse_citations(article), plain, speller)
    findings = [finding for check in RULES if tips or check not in TIP_RULES
                for finding in check(ctx)]
    return sorted(findings, key=lambda f: _RANK.get(f.severity, len(_RANK)))


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
