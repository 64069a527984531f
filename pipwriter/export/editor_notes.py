"""Notes for the editors: everything the editors need that is not part of the article.

The manuscript (:mod:`.article_docx`) holds the article only, so that Word's count of it is the
article's and nothing in it speaks to the authors. What the editors need besides — how long the
article is and how that was counted, each illustration's and clip's file, description (alt
text), credit and permission, the authors' photos, and the key quotes the authors flagged — is
here, as plain text (UTF-8 with a byte-order mark, like the checklist). docs/bundle.md says
what is where.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.language.counts import PART_NAMES
from ..model.language.wordcount import count_words
from ..model.rules.template import COUNTABLE_PARTS, Template
from ..model.storage.project import Project
from .article_docx import counted_section_texts, section_heading
from .docx_base import DRAFT_LABEL, one_line

_PROFILE_NAMES = {"word": "Microsoft Word", "libreoffice": "LibreOffice"}


def _yes(value: bool) -> str:
    return "yes" if value else "NOT YET"


def _parts(template: Template) -> tuple[str, str]:
    """(what counts toward the limit, what does not), in words for the editors."""
    names = {**PART_NAMES, "sections": "the sections"}
    counted = [names[p] for p in COUNTABLE_PARTS if p in template.counted and p != "key_quotes"]
    left = [names[p] for p in COUNTABLE_PARTS
            if p not in template.counted and p != "key_quotes"]
    return _join(counted) or "nothing", _join(["the headings", *left])


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] \
        if items else ""


def _word_count(project: Project, template: Template, counts: Mapping,
                manuscript_words: int | None) -> list[str]:
    article = project.article
    profile = str(counts.get("profile") or article.settings.word_count_profile)
    name = _PROFILE_NAMES.get(profile, profile)
    counted = int(counts.get("words_counted", 0))
    limit = template.limit("words")
    band = (f" (the series asks for about {limit.min:,}\u2013{limit.max:,})"
            if limit.min is not None and limit.max is not None else "")
    what, left = _parts(template)
    lines = ["WORD COUNT",
             f"  The article: {counted:,} words{band}, counted as {name} counts words.",
             f"  Counted: {what}. Not counted: {left}. Citation markers such as [1] are not "
             "counted."]
    if {"sections", "viewpoints"} & set(template.counted):
        texts = counted_section_texts(article, template)
        seen = sum(count_words(t, profile) for t in texts if t.strip())
        lines.append(f"  {name}'s own count of those paragraphs in the manuscript: {seen:,} "
                     "words" + (f" (the {seen - counted:,} more are the citation markers)"
                                if seen > counted else "") + ".")
    if manuscript_words is not None:
        lines.append(f"  Word's count of the whole manuscript (Review \u203a Word Count): "
                     f"{manuscript_words:,} words, with the title, byline, key messages, "
                     "competing interests, references and legends.")
    return lines


def _illustrations(project: Project, file_names: Mapping[str, str]) -> list[str]:
    lines: list[str] = []
    for n, item in enumerate(project.article.illustrations, start=1):
        name = file_names.get(item.id, item.media.original_name) or "(no file)"
        lines += [f"  Figure {n}: {name}",
                  f"    Legend: {one_line(item.caption) or '(none yet)'}",
                  f"    Description for people who cannot see it (alt text, also inside the "
                  f"picture in the manuscript): {one_line(item.alt_text) or '(none yet)'}",
                  f"    Credit: {one_line(item.credit) or '(none given)'}",
                  f"    Permission to publish: {_yes(item.permission)}"]
    for n, clip in enumerate(project.article.clips, start=1):
        where = []
        if clip.media is not None:
            where.append(file_names.get(clip.id, clip.media.original_name))
        if clip.url.strip():
            where.append(one_line(clip.url))
        lines += [f"  Clip {n} ({clip.kind}): {' and '.join(where) or '(no file or link)'}",
                  f"    Legend: {one_line(clip.caption) or '(none yet)'}",
                  "    Transcript: " + ("in the manuscript" if clip.transcript.strip()
                                        else "NOT YET"),
                  f"    Permission to publish: {_yes(clip.permission)}"]
    return ["ILLUSTRATIONS AND CLIPS", *lines] if lines else []


def _photos(project: Project, file_names: Mapping[str, str]) -> list[str]:
    lines = []
    for author in project.article.authors:
        if author.photo is None:
            continue
        name = file_names.get(author.id, author.photo.media.original_name)
        lines.append(f"  {name}: {one_line(author.name) or 'an unnamed author'} \u2014 agreed "
                     f"to its publication: {_yes(author.photo.consent)}")
    return ["PHOTOS OF THE AUTHORS", *lines] if lines else []


def _key_quotes(project: Project) -> list[str]:
    article = project.article
    lines = []
    for _qid, section_id, text in article.key_quotes():
        if not text.strip():
            continue
        section = article.section(section_id)
        where = section_heading(article, section) if section else "the article"
        lines += [f"  \u201c{one_line(text)}\u201d", f"    (in \u201c{where}\u201d)"]
    if not lines:
        return []
    return ["KEY QUOTES", "  The authors flagged these words in the article as key quotes:",
            *lines]


def editor_notes_text(project: Project, template: Template, counts: Mapping,
                      file_names: Mapping[str, str], *, manuscript_words: int | None = None,
                      draft: bool = False) -> str:
    """The notes as text (lines joined with "\\n"). ``file_names``: the id of an author,
    illustration or clip -> its file's bundle path; ``manuscript_words``: Word's count of the whole manuscript, when known."""
    title = one_line(project.article.title) or "Untitled article"
    lines = [DRAFT_LABEL, ""] if draft else []
    lines += [f"Notes for the editors: \u201c{title}\u201d",
              "What the editors need besides the article itself, kept out of the manuscript.",
              ""]
    for block in (_word_count(project, template, counts, manuscript_words),
                  _illustrations(project, file_names), _photos(project, file_names),
                  _key_quotes(project)):
        if block:
            lines += [*block, ""]
    return "\n".join(lines)
