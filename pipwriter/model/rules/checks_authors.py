"""Checks on the partners: sides, viewpoints, authors' details, photos, competing interests,
and their approval of the article."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace

from ..article.author import Author
from ..article.handles import handle_problem
from ..article.picture_files import too_small
from ..article.structure import NEW_AUTHOR_NAME
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
from .check_context import (
    CheckContext,
    at_article,
    at_author,
    at_panel,
    at_section,
    plural,
    section_name,
)
from .findings import ERROR, TIP, WARNING, Finding, Where


# --- partners, viewpoints and authors ----------------------------------------------------------
def _authors_on_side(ctx: CheckContext, side_id: str) -> list[Author]:
    return [a for a in ctx.article.authors if ctx.template.side_of(a.partner_type) == side_id]


def authors_and_sides(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("authors")
    count = len(ctx.article.authors)
    where = at_panel(ctx, "authors", "Authors")
    if limit.min is not None and count < limit.min:
        yield Finding(ERROR, "authors-too-few",
                      f"The article has {plural(count, 'author')}; the series needs at least "
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


def viewpoints(ctx: CheckContext) -> Iterator[Finding]:
    article = ctx.article
    views = article.viewpoints()
    limit = ctx.limit("viewpoints")
    if limit.min is not None and len(views) < limit.min:
        yield Finding(ERROR, "viewpoints-too-few",
                      f"The article has {plural(len(views), 'viewpoint')}; the series asks for at "
                      f"least {limit.min}, so every partner speaks in their own voice. Add a "
                      "viewpoint.", at_article())
    for section in views:
        if not section.author_ids:
            yield Finding(WARNING, "viewpoint-author-missing",
                          f"The viewpoint “{section_name(section)}” does not say whose it is. "
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


def author_names(ctx: CheckContext) -> Iterator[Finding]:
    """An author still called what the app named them when they were added (found by a walk:
    "New author" on the professional side went as far as the export without a word)."""
    for author in ctx.article.authors:
        if author.name.strip() == NEW_AUTHOR_NAME:
            yield Finding(ERROR, "author-name-placeholder",
                          f"An author is still called “{NEW_AUTHOR_NAME}”. Type their name, and "
                          "check which side of the partnership they are on.",
                          replace(at_author(ctx, author), field="name"))


def author_photos(ctx: CheckContext) -> Iterator[Finding]:
    required = ctx.template.rules.author_photo_required
    for author in ctx.article.authors:
        if author.photo is None:
            if required:
                yield Finding(WARNING, "author-photo-missing",
                              f"There is no photo of {author.name}. The series asks for a photo "
                              "of each author; add one, or tell the editors why not.",
                              replace(at_author(ctx, author), field="photo"))
            continue
        if not author.photo.consent:
            yield Finding(ERROR, "author-photo-consent",
                          f"{author.name}'s photo has not been marked as agreed for publication. "
                          "Ask them, then tick that they agree.", at_author(ctx, author))
        ref, least = author.photo.media, ctx.template.rules.photo_min_short_side_px
        if too_small(ref.width, ref.height, least):
            yield Finding(WARNING, "author-photo-small",
                          f"{author.name}'s photo is only {ref.width:,} × {ref.height:,} pixels, "
                          "so it may look blurred in print. The series asks for at least "
                          f"{least:,} pixels on the shorter side: use a bigger copy if you can.",
                          replace(at_author(ctx, author), field="photo"))


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


# "my", "we"... in a statement printed as a sentence about the author. A capital "My", "Our"
# only where the author's own words start (after a bracket or a full stop), "We", "Me" after a
# comma too (the details are joined by commas); elsewhere they begin a name ("Our Lady's
# Hospice"). Not "US" or "ME", nor the "I" of "phase I" or "type I".
_FIRST_PERSON = re.compile(
    r"\b(?:(?<!phase )(?<!type )(?<!stage )(?<!grade )(?<!class )I|"
    r"me|my|mine|myself|we|our|ours|us)\b|(?:(?<=\()|(?<=\. ))(?:My|Our)\b|"
    r"(?:(?<=\()|(?<=\. )|(?<=, ))(?:We|Me)\b")
log = logging.getLogger(__name__)


def statement_voice(ctx: CheckContext) -> Iterator[Finding]:
    """A competing-interests statement is printed as a sentence about its author ("Jo Smith
    has received ... (paid my travel)"): words of the author's own voice read wrongly there
    (found by a walk: the details typed in the wizard are copied into it as they are)."""
    from ..interests.icmje import IcmjeItemsError, load_items
    from ..interests.statements import author_statement
    try:
        items = load_items()
    except IcmjeItemsError as error:       # a damaged items file: the self-test says so
        log.warning("statement voice not checked: %s", error)
        return
    for author in ctx.article.authors:
        if not author.disclosure.answered() and not author.disclosure.custom_statement.strip():
            continue
        found = _FIRST_PERSON.search(author_statement(author, items))
        if found:
            name = author.name or "An author"
            yield Finding(TIP, "statement-first-person",
                          f"{name}'s competing interests statement says “{found.group()}”. "
                          f"It is printed as a sentence about {name}, so write “their”, "
                          "“they” or the name instead.", at_author(ctx, author,
                                                                   "competing_interests"))


def author_handles(ctx: CheckContext) -> Iterator[Finding]:
    for author in ctx.article.authors:
        problem = handle_problem(author.handle) if author.handle else ""
        if problem:
            yield Finding(WARNING, "handle-invalid",
                          f"{author.name}'s Twitter/X name “{author.handle}” will not work. "
                          f"{problem}", at_author(ctx, author))


# --- the authors' approval (pipwriter/model/approval.py) --------------------------------------
def approvals(ctx: CheckContext) -> Iterator[Finding]:
    """Once anyone has approved anything, every author who has not approved the article as it
    stands is listed: a warning, or a tip while their own sections are approved; an approval
    that changes have made out of date is a warning."""
    article = ctx.article
    if not approvals_started(article):
        return
    for author in article.authors:
        state = approval_state(article, author)
        name = author.name or "An author"
        if state == APPROVED:
            continue
        approval = approval_for(article, author.id)
        if state == OUT_OF_DATE and approval is not None:
            yield Finding(WARNING, "approval-out-of-date",
                          f"{name} approved the article on "
                          f"{short_date(approval)}, but it has changed "
                          "since. Ask them to read it again and approve it as it stands "
                          "(Article › Approve…).", at_author(ctx, author))
            continue
        for section in stale_sections(article, author):
            yield Finding(WARNING, "approval-out-of-date",
                          f"{name} approved “{section_name(section)}”, but it has changed "
                          "since. Ask them to read it again and approve it.",
                          at_section(section))
        if state == NOT_YET:
            done = approved_sections(article, author)
            if done:
                yield Finding(TIP, "approval-missing",
                              f"{name} has approved {plural(len(done), 'section')} but not yet the "
                              "whole article. When it is ready, ask them to approve it as it "
                              "stands (Article › Approve…).", at_author(ctx, author))
            else:
                yield Finding(WARNING, "approval-missing",
                              f"{name} has not yet approved the article. The series expects "
                              "every partner to agree how their contribution is presented: "
                              "ask them to read it and approve it (Article › Approve…).",
                              at_author(ctx, author))
