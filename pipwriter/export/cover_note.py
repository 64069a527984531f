"""A cover note for the series editors, as a draft the authors edit and paste into their email:
what the piece is, who wrote it, how long it is, and what is attached.

The series page names the editors and their addresses; they change, so the note does not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model.article.article import Article
from ..model.rules.template import Template
from .article_docx import partner_label
from .docx_base import DRAFT_LABEL, one_line


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cover_note_text(article: Article, template: Template, counts: Mapping,
                    attachments: Sequence[tuple[str, str]], *, draft: bool = False) -> str:
    """The note as text. ``attachments`` are (bundle path, what it is) pairs."""
    title = one_line(article.title) or "Untitled article"
    series = template.name.split("\u2014")[-1].strip() or "Partnership in Practice"
    journal = template.journal or "The BMJ"
    lines: list[str] = []
    if draft:
        lines += [DRAFT_LABEL, "This note was made from a draft export: do not send it yet.", ""]
    lines += [f"To: the {series} series editors, {journal}",
              f"Subject: {series} submission: \u201c{title}\u201d", "", "Dear editors,", ""]
    lines.append(f"Please find attached our article \u201c{title}\u201d, which we would like you "
                 f"to consider for the {series} series.")
    if article.standfirst.strip():
        lines += ["", one_line(article.standfirst)]
    if article.authors:
        lines += ["", "It was written together by:"]
    for author in article.authors:
        name = one_line(author.name)
        if author.credentials.strip():
            name += f", {one_line(author.credentials)}"
        about = [one_line(x) for x in (author.role, author.affiliation) if x.strip()]
        lines.append(f"  - {name} ({partner_label(template, author).lower()})"
                     + (f": {', '.join(about)}" if about else ""))
    viewpoints = [s for s in article.viewpoints() if not s.body.is_empty()]
    if viewpoints:
        owners = [article.viewpoint_owner_names(s) or one_line(s.title) for s in viewpoints]
        lines += ["", f"The article gives {_plural(len(viewpoints), 'viewpoint')}, one after "
                      f"another: {_join(owners)}." if len(viewpoints) > 1 else
                  f"The article gives one viewpoint, by {owners[0]}."]
    words = int(counts.get("words_counted", 0))
    limit = template.limit("words")
    band = (f" (the series asks for about {limit.min:,}\u2013{limit.max:,})"
            if limit.min is not None and limit.max is not None else "")
    extras = [_plural(len(article.references), "reference")]
    messages = sum(1 for m in article.key_messages if m.strip())
    if messages:
        extras.append(_plural(messages, "key message"))
    quotes = sum(1 for _q, _s, t in article.key_quotes() if t.strip())
    if quotes:
        extras.append(_plural(quotes, "flagged key quote"))
    if article.illustrations:
        extras.append(_plural(len(article.illustrations), "illustration"))
    if article.clips:
        extras.append(_plural(len(article.clips), "clip"))
    lines += ["", f"The article is {words:,} words long, counting the main text{band}. It has "
                  f"{_join(extras)}."]
    if article.authors:
        waiting = [one_line(a.name) for a in article.authors
                   if not a.disclosure.is_certified()]
        if not waiting:
            lines += ["", "Every author has completed the ICMJE disclosure form; the combined "
                      "competing-interests statement is in the article, under \u201cCompeting "
                      "interests\u201d, after its last section."]
        else:
            lines += ["", f"Still to complete the ICMJE disclosure form: {_join(waiting)}."]
        # the series asks for a photo of each author; a missing one is said here, where the
        # authors can say why (found by a walk: only the authors' own checklist mentioned it)
        no_photo = [one_line(a.name) for a in article.authors if a.photo is None]
        if no_photo:
            lines += ["", f"We have not attached a photo of {_join(no_photo)}."]
    lines += ["", "Attached:"]
    lines += [f"  - {path}: {what}" for path, what in attachments]
    corresponding = [a for a in article.authors if a.corresponding]
    if corresponding:
        contact = corresponding[0]
        email = one_line(contact.email)
        lines += ["", f"Please write to {one_line(contact.name)}" +
                  (f" ({email})" if email else "") + " about the article."]
    names = [one_line(a.name) for a in article.authors]
    lines += ["", "With best wishes,", "", _join(names) if names else "(your names)", ""]
    return "\n".join(lines)
