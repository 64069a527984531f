"""Putting text into one plain field of the article, named by its place on the text surface.

The fields are those :mod:`.text_surface` enumerates (a title, a standfirst, a section's
heading, a key message, a reference's parts, a picture's or a clip's words, an author's details,
a competing-interests answer); a section's paragraphs are not plain fields. Find and replace
writes through :func:`set_plain_field`, and a recovered article gets the words typed in a field
before a crash through :func:`set_field_text`, and an author's answers in a competing-interests
wizard still open then through :func:`set_declaration`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..errors import DataError, PipError
from ..interests.disclosure import Disclosure
from ..jsonread import Obj
from ..rules.findings import Where
from ..rules.template import Template, get_template
from .article import Article
from .author import Author
from .limits import AUTHOR_NAME_MAX
from .structure import fit, keeping_viewpoint_titles
from .text_surface import text_fields

log = logging.getLogger(__name__)

DECLARATION = "declaration"     # the field of a Where naming an author's whole declaration


def _author(article: Article, author_id: str) -> Author | None:
    return article.author(author_id)


def set_plain_field(article: Article, where: Where, blocks: list[str],
                    template: Template | None) -> bool:
    """Put new text (its lines, or a reference's authors one a line) in a plain field; False
    when it was not put there: the item is gone, or an author's name would become empty."""
    text = "\n".join(blocks)
    panel, name = where.panel, where.field
    if panel == "title":
        if name not in ("title", "standfirst"):
            return False
        setattr(article, name, text)
    elif panel == "section":
        section = article.section(where.section_id)
        if section is None:
            return False
        section.title = text
    elif panel == "key_messages":
        index = int(where.item_id) if where.item_id.isdigit() else -1
        if not 0 <= index < len(article.key_messages):
            return False
        article.key_messages[index] = text
    elif panel == "references":
        ref = article.reference(where.item_id)
        if ref is None:
            return False
        setattr(ref, name, list(blocks) if name == "authors" else text)
    elif panel == "illustrations":
        picture = next((i for i in article.pictures_and_clips() if i.id == where.item_id),
                       None)
        if picture is None:
            return False
        setattr(picture, name.removeprefix("clip_"), text)
    elif panel == "authors":
        author = _author(article, where.author_id)
        if author is None:
            return False
        if name == "name":
            new_name = fit(text, AUTHOR_NAME_MAX)
            if not new_name:
                return False
            if template is None:
                author.name = new_name
            else:
                keeping_viewpoint_titles(article, template,
                                         lambda _a: setattr(author, "name", new_name))
        else:
            setattr(author, name, text)
    elif panel == "competing_interests":
        owner = _author(article, where.author_id)
        if owner is None:
            return False
        disclosure = owner.disclosure
        if name == "statement":
            disclosure.custom_statement = text
        else:
            item, entry_number, attribute = name.split(".")
            entry = disclosure.item(int(item.removeprefix("item"))).entries[int(entry_number)]
            setattr(entry, attribute, text)
    else:
        return False
    return True


def set_field_text(article: Article, where: Where, text: str,
                   template: Template | None = None) -> bool:
    """Put ``text`` (as typed in the field's box) in the plain field at ``where``, cut to the
    longest text the project file accepts there. False when there is no such field now (the
    item was removed, or ``where`` names a section's paragraphs or nothing known)."""
    field = next((f for f in text_fields(article, bodies=False) if f.where.same_field(where)),
                 None)
    if field is None:
        return False
    text = text[:field.max_len]
    blocks = [line for line in text.split("\n") if line.strip()] \
        if where.panel == "references" and where.field == "authors" else text.split("\n")
    return set_plain_field(article, field.where, blocks, template)


def field_text(article: Article, where: Where) -> str | None:
    """The text of the plain field at ``where`` as its box shows it (lines joined), or None
    when there is no such field."""
    field = next((f for f in text_fields(article, bodies=False) if f.where.same_field(where)),
                 None)
    return None if field is None else field.text


def declaration_place(author_id: str) -> Where:
    """The place of an author's whole competing-interests declaration (all their answers)."""
    return Where("competing_interests", author_id=author_id, field=DECLARATION)


def set_declaration(article: Article, where: Where, declaration: object) -> bool:
    """Give the author ``where`` names the competing-interests answers ``declaration`` (JSON,
    as a wizard held them). False when that author is gone, ``where`` names no declaration, or
    the answers cannot be read."""
    author = article.author(where.author_id) if where.field == DECLARATION else None
    if author is None:
        return False
    try:
        author.disclosure = Disclosure.from_json(Obj(declaration, "declaration"))
    except DataError:
        return False
    return True


def with_typed_fields(article: Article, fields: Sequence[tuple[dict, str]],
                      declarations: Sequence[tuple[dict, dict]] = ()) -> Article:
    """``article`` with the words that were being typed in form fields put in their fields, and
    the answers of competing-interests wizards still open given to their authors (the recovery
    journal's last ``fields`` line); a field or author no longer there is left out, and logged."""
    if not fields and not declarations:
        return article
    try:
        template: Template | None = get_template(article.template_id)
    except PipError:
        template = None         # an unknown template: names are set without the headings
    for place, text in fields:
        where = Where.from_json(place)
        if not set_field_text(article, where, text, template):
            log.info("typing in %s/%s not recovered: the field is gone", where.key(),
                     where.field)
    for place, declaration in declarations:
        where = Where.from_json(place)
        if not set_declaration(article, where, declaration):
            log.info("competing-interests answers for %s not recovered: the author is gone or "
                     "they cannot be read", where.author_id)
    return article
