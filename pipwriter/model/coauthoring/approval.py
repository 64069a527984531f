"""Approval: an author marks "I approve this article as it stands" (or one section).

An approval records who, when and a *fingerprint* of what they saw. Any later change to what
they approved gives a different fingerprint, so the approval shows as out of date: nobody has
to remember to withdraw it.

What counts as "what they saw" is what is published: for the whole article the title,
standfirst, how each author is presented (name, credentials, role, affiliation, handle, email,
photo), every section and viewpoint (heading, whose it is, text with its citations), the key
messages, the references as printed and in their order, the illustrations and clips with their
captions, and the citation style. Not counted: who is assigned to write a section, the guidance
questions ticked off, spelling settings, dismissed checklist items and the competing-interests
answers (those have their own certification). For one section: its heading, whose viewpoint it
is, its text, and the references it cites as they are printed and numbered.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..article.reference import format_bmj
from ..jsonread import Obj

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only (article imports us)
    from ..article.article import Article, Section

ARTICLE_SCOPE = "article"
APPROVED, OUT_OF_DATE, NOT_YET = "approved", "out of date", "not yet"


@dataclass
class Approval:
    """One author's approval of the whole article or of one section: when they gave it, and the
    fingerprint of what they approved."""

    author_id: str
    scope: str = ARTICLE_SCOPE    # "article", or the id of one section
    at: str = ""                  # UTC time, ISO 8601
    fingerprint: str = ""
    recorded_by: str = ""         # the author who recorded it for them ("": they did)

    def to_json(self) -> dict:
        data = {"author_id": self.author_id, "scope": self.scope, "at": self.at,
                "fingerprint": self.fingerprint}
        if self.recorded_by:
            data["recorded_by"] = self.recorded_by
        return data

    @classmethod
    def from_json(cls, o: Obj) -> Approval:
        return cls(o.text("author_id", required=True, max_len=200),
                   o.text("scope", ARTICLE_SCOPE, max_len=200) or ARTICLE_SCOPE,
                   o.text("at", max_len=64), o.text("fingerprint", max_len=128),
                   o.text("recorded_by", max_len=200))

    def when(self) -> _dt.datetime | None:
        try:
            moment = _dt.datetime.fromisoformat(self.at)
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)


# --- fingerprints ------------------------------------------------------------------------------
def _hash(data: object) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _owners(article: Article, section: Section) -> list[str]:
    return [a.name for a in (article.author(i) for i in section.author_ids) if a]


def _section_content(article: Article, section: Section) -> dict:
    """The section as it would be published: suggestions still waiting are not part of it, so
    turning one down leaves an approval as it was (found by a walk: rejecting a suggestion made
    an approval "out of date, the article has changed since")."""
    from .suggestions import as_it_stands
    return {"title": section.title, "kind": section.kind, "owners": _owners(article, section),
            "body": as_it_stands(section.body).to_json()}


def _presented_author(author) -> dict:
    return {"name": author.name, "partner_type": author.partner_type,
            "credentials": author.credentials, "role": author.role,
            "affiliation": author.affiliation, "email": author.email, "handle": author.handle,
            "corresponding": author.corresponding,
            "photo": author.photo.media.name if author.photo else ""}


def article_fingerprint(article: Article) -> str:
    """A short fingerprint of the whole article as it would be published."""
    data = {
        "title": article.title, "standfirst": article.standfirst,
        "authors": [_presented_author(a) for a in article.authors],
        "sections": [_section_content(article, s) for s in article.sections],
        "key_messages": list(article.key_messages),
        "references": [[r.id, format_bmj(r)] for r in article.references_in_order()],
        "illustrations": [{k: v for k, v in i.to_json().items() if k != "permission"}
                          for i in article.illustrations],
        "clips": [{k: v for k, v in c.to_json().items() if k != "permission"}
                  for c in article.clips],
        "citation_style": article.settings.citation_style,
    }
    return _hash(data)


def section_fingerprint(article: Article, section: Section) -> str:
    """A short fingerprint of one section as it would be published (with what it cites)."""
    numbers = article.reference_numbers()
    cited: dict[str, None] = {}
    for citation in section.body.citations():
        for ref_id in citation.refs:
            cited.setdefault(ref_id, None)
    refs = []
    for ref_id in cited:
        ref = article.reference(ref_id)
        refs.append([numbers.get(ref_id, 0), format_bmj(ref) if ref else ""])
    return _hash({**_section_content(article, section), "cites": refs})


def fingerprint_for(article: Article, scope: str) -> str | None:
    """The fingerprint of ``scope`` now; None when the section no longer exists."""
    if scope == ARTICLE_SCOPE:
        return article_fingerprint(article)
    section = article.section(scope)
    return section_fingerprint(article, section) if section is not None else None


# --- recording and reading approvals --------------------------------------------------------------
def _now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def approve(article: Article, author_id: str, scope: str = ARTICLE_SCOPE,
            at: str | None = None, recorded_by: str = "") -> Approval:
    """Record that ``author_id`` approves ``scope`` as it is now (replacing their earlier
    approval of the same thing); ``recorded_by``: the author who recorded it for them, said
    wherever the approval is (found by a walk: the checklist for the editors could not tell).
    Raises KeyError for an unknown author or section."""
    if article.author(author_id) is None:
        raise KeyError(author_id)
    fingerprint = fingerprint_for(article, scope)
    if fingerprint is None:
        raise KeyError(scope)
    approval = Approval(author_id, scope, at or _now_iso(), fingerprint,
                        recorded_by if recorded_by != author_id else "")
    article.approvals[:] = [a for a in article.approvals
                            if (a.author_id, a.scope) != (author_id, scope)]
    article.approvals.append(approval)
    return approval


def withdraw(article: Article, author_id: str, scope: str = ARTICLE_SCOPE) -> bool:
    """Remove an approval; True if there was one."""
    before = len(article.approvals)
    article.approvals[:] = [a for a in article.approvals
                            if (a.author_id, a.scope) != (author_id, scope)]
    return len(article.approvals) != before


def approval_for(article: Article, author_id: str, scope: str = ARTICLE_SCOPE
                 ) -> Approval | None:
    """The author's latest approval of ``scope``, or None."""
    found = [a for a in article.approvals if a.author_id == author_id and a.scope == scope]
    return found[-1] if found else None


def _author_id(author) -> str:
    return author if isinstance(author, str) else author.id


def approval_state(article: Article, author, scope: str = ARTICLE_SCOPE) -> str:
    """APPROVED (and nothing changed since), OUT_OF_DATE or NOT_YET, for an author or id."""
    approval = approval_for(article, _author_id(author), scope)
    if approval is None:
        return NOT_YET
    return APPROVED if approval.fingerprint == fingerprint_for(article, scope) else OUT_OF_DATE


def approvals_started(article: Article) -> bool:
    """Has anyone approved anything yet (the approval round has begun)?"""
    known = {a.id for a in article.authors}
    return any(a.author_id in known for a in article.approvals)


def approved_sections(article: Article, author) -> list[Section]:
    """The sections this author approved that are unchanged since."""
    author_id = _author_id(author)
    return [s for s in article.sections
            if approval_state(article, author_id, s.id) == APPROVED]


def stale_sections(article: Article, author) -> list[Section]:
    """The sections this author approved that have changed since."""
    author_id = _author_id(author)
    return [s for s in article.sections
            if approval_state(article, author_id, s.id) == OUT_OF_DATE]


def short_date(approval: Approval) -> str:
    moment = approval.when()
    if moment is None:
        return "an unknown date"
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y}"


def describe_state(article: Article, author) -> str:
    """One line for an author, e.g. "Sam Jones: approved the article on 3 May 2026"."""
    author_id = _author_id(author)
    found = article.author(author_id)
    name = (found.name if found else "") or "Unnamed author"
    approval = approval_for(article, author_id)
    state = approval_state(article, author_id)
    if approval is None:
        return f"{name}: not approved yet"
    if state == APPROVED:
        by = article.author(approval.recorded_by) if approval.recorded_by else None
        return (f"{name}: approved the article on {short_date(approval)}"
                + (f" (recorded by {by.name})" if by is not None else ""))
    if state == OUT_OF_DATE:
        return (f"{name}: approval out of date (approved on {short_date(approval)}, the "
                "article has changed since)")
    sections = approved_sections(article, author_id)
    stale = stale_sections(article, author_id)
    extra = []
    if sections:
        extra.append(f"approved {len(sections)} section{'s' if len(sections) != 1 else ''}")
    if stale:
        extra.append(f"{len(stale)} section approval{'s' if len(stale) != 1 else ''} out of "
                     "date")
    return f"{name}: not approved yet" + (f" ({'; '.join(extra)})" if extra else "")


def approval_lines(article: Article) -> list[str]:
    """Each author's approval state, one line each, in author order."""
    return [describe_state(article, a) for a in article.authors]


def approvals_summary(article: Article) -> str:
    """Every author's approval state in one line, and, while nobody has approved, that it is
    optional and how (the checklist panel and the exported checklist both say this; found by
    a walk: "not approved yet" with nothing to say what it meant)."""
    text = "; ".join(approval_lines(article)) or "no authors yet"
    if not approvals_started(article):
        text += (". Optional: each author can record that they approve the article as it "
                 "stands with Article › Approve…")
    return text
