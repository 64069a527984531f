"""Changes to the article's structure, as model operations the app hands to its undo stack.

Authors (removing one and what that touches, names that viewpoint headings follow), viewpoints
(where a new one goes) and sections (add, rename, move, remove). Each takes the article and
changes it in place; none knows about Qt. Headings and names are cut to the limits the project
file accepts (:mod:`.limits`), so no change here can make a file the app will not open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..errors import PipError
from ..rules.template import Template
from .article import Article, Section
from .author import Author
from .factory import make_guidance_section, make_viewpoint, viewpoint_title
from .limits import AUTHOR_NAME_MAX, AUTHORS_MAX, HEADING_MAX, KEY_MESSAGES_MAX, SECTIONS_MAX
from .ordering import move_item

T = TypeVar("T")

NEW_AUTHOR_NAME = "New author"     # what a new author is called until their name is typed


class LimitReached(PipError):
    """The article already has as many of something as a project file can hold."""


def check_room(article: Article, what: str) -> None:
    """Raise LimitReached, with a message for the user, if no more ``what`` ("sections",
    "authors", "key_messages") can be added."""
    count, limit, name = {"sections": (len(article.sections), SECTIONS_MAX, "sections"),
                          "authors": (len(article.authors), AUTHORS_MAX, "authors"),
                          "key_messages": (len(article.key_messages), KEY_MESSAGES_MAX,
                                           "key messages")}[what]
    if count >= limit:
        raise LimitReached(f"The article already has {count} {name}, the most a PiP Writer "
                           "file can hold. Remove one before adding another.")


def add_author(article: Article, author: Author) -> None:
    check_room(article, "authors")
    author.name = fit(author.name, AUTHOR_NAME_MAX) or NEW_AUTHOR_NAME
    article.authors.append(author)


def fit(text: str, limit: int) -> str:
    """Text on one line, cut to ``limit`` characters (the loader's limit)."""
    return " ".join(text.split())[:limit]


# --- viewpoint headings follow their authors' names ----------------------------------------------
def owners(article: Article, section: Section) -> list[Author]:
    return [a for a in (article.author(i) for i in section.author_ids) if a]


def keeping_viewpoint_titles(article: Article, template: Template,
                             mutate: Callable[[Article], T]) -> T:
    """Apply ``mutate``; a viewpoint heading that was made from its authors' names (not typed
    by hand) is made again from the names as they are afterwards."""
    generated = {s.id: fit(viewpoint_title(template, owners(article, s)), HEADING_MAX)
                 for s in article.viewpoints()}
    result = mutate(article)
    for section in article.viewpoints():
        if section.title == generated.get(section.id):
            section.title = fit(viewpoint_title(template, owners(article, section)), HEADING_MAX)
    return result


# --- authors -------------------------------------------------------------------------------------
def viewpoints_of(article: Article, author_id: str) -> list[Section]:
    """The viewpoints this author is named as writing."""
    return [s for s in article.viewpoints() if author_id in s.author_ids]


def remove_author(article: Article, template: Template, author_id: str) -> None:
    """Remove an author: they are no longer named on any viewpoint (whose text stays) nor as
    the writer of any section, and headings made from their name follow."""
    def remove(a: Article) -> None:
        a.authors[:] = [x for x in a.authors if x.id != author_id]
        for section in a.sections:
            section.author_ids = [i for i in section.author_ids if i != author_id]
            if section.assignee == author_id:
                section.assignee = ""
    keeping_viewpoint_titles(article, template, remove)


def replace_author(article: Article, template: Template, edited: Author) -> None:
    """Put an edited copy of an author in place (name cut to the limit); only one author can be
    the corresponding author; viewpoint headings made from the old name follow the new one."""
    edited.name = fit(edited.name, AUTHOR_NAME_MAX) or "Unnamed author"

    def apply(a: Article) -> None:
        index = next(i for i, x in enumerate(a.authors) if x.id == edited.id)
        a.authors[index] = edited
        if edited.corresponding:
            for other in a.authors:
                if other.id != edited.id:
                    other.corresponding = False
    keeping_viewpoint_titles(article, template, apply)


# --- viewpoints and sections --------------------------------------------------------------------
def _after(article: Article, section_id: str) -> int:
    ids = [s.id for s in article.sections]
    return ids.index(section_id) + 1 if section_id in ids else len(ids)


def viewpoint_position(article: Article, current_section_id: str = "") -> int:
    """Where a new viewpoint goes: straight after the last viewpoint, so the partners' voices
    follow one another; with none yet, after the section being edited (else at the end)."""
    indexes = [i for i, s in enumerate(article.sections) if s.kind == "viewpoint"]
    return indexes[-1] + 1 if indexes else _after(article, current_section_id)


def add_viewpoint(article: Article, template: Template, author_ids: list[str],
                  current_section_id: str = "") -> Section:
    check_room(article, "sections")
    authors = [a for a in (article.author(i) for i in author_ids) if a]
    section = make_viewpoint(template, authors)
    section.title = fit(section.title, HEADING_MAX)
    article.sections.insert(viewpoint_position(article, current_section_id), section)
    return section


def add_section(article: Article, template: Template, key: str = "", title: str = "",
                current_section_id: str = "") -> Section:
    """A guidance section of the template (``key``) or one of the authors' own (``title``),
    after the section being edited."""
    check_room(article, "sections")
    if key:
        section = make_guidance_section(template, key)
    else:
        section = Section(fit(title, HEADING_MAX) or "New section", kind="other", key="")
    article.sections.insert(_after(article, current_section_id), section)
    return section


def missing_guidance_sections(article: Article, template: Template) -> list[str]:
    """Keys of the template's sections the article does not have (offered by "Add a section")."""
    used = {s.key for s in article.sections}
    return [s.key for s in template.sections if s.key not in used]


def rename_section(article: Article, section_id: str, title: str) -> bool:
    section = article.section(section_id)
    title = fit(title, HEADING_MAX)
    if section is None or not title or title == section.title:
        return False
    section.title = title
    return True


def remove_section(article: Article, section_id: str) -> int:
    """Remove a section; returns where it was (-1 if it was not there)."""
    ids = [s.id for s in article.sections]
    if section_id not in ids:
        return -1
    index = ids.index(section_id)
    del article.sections[index]
    return index


def move_section(article: Article, section_id: str, delta: int) -> bool:
    ids = [s.id for s in article.sections]
    if section_id not in ids:
        return False
    return move_item(article.sections, ids.index(section_id), delta) is not None


def reorder_sections(article: Article, order: list[str]) -> None:
    """Put the sections in this order (ids not listed keep their place at the end)."""
    by_id = {s.id: s for s in article.sections}
    listed = [by_id[i] for i in order if i in by_id]
    article.sections[:] = listed + [s for s in article.sections if s not in listed]


# --- key quotes -----------------------------------------------------------------------------------
def remove_key_quote(article: Article, quote_id: str) -> bool:
    """Take the key-quote flag off these words (the words stay); False if no text had it."""
    found = False
    for section in article.sections:
        for paragraph in section.body.paragraphs:
            for item in paragraph.items:
                if item.quote == quote_id:
                    item.quote = ""
                    found = True
            paragraph.items[:] = paragraph.normalised().items
    return found
