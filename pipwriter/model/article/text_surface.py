"""The text surface: every piece of text the authors write, in article order, each with a place.

This is the one enumeration of the article's text. Spelling, find and replace, the checks and
the counting of the title, standfirst, key messages and captions read the article through
:func:`text_fields`; nothing else walks the article's fields for text.

Each :class:`TextField` has

* a :class:`~pipwriter.model.rules.findings.Where` naming its panel, item and field, which the app
  can go to (``where.panel_key()`` is the navigator's key, ``where.field`` the field there);
* its text as *blocks*: the paragraphs of a section, the lines of a plain field, the names of a
  reference's authors. In a section's paragraphs a citation stands as U+FFFC, as in the editor,
  and the words of a suggested change are there, as the editor shows them (what is counted and
  judged is the paragraph as it stands: :func:`standing_block`);
* ``prose``: whether it is checked for spelling (names, organisations, addresses are not);
* ``part``: the countable part of the template it belongs to ("title", "captions"...), or "";
* ``max_len``: the longest text the project file accepts there.

Key quotes are words inside the sections' paragraphs, so they are not separate fields.
References and the competing-interests statement are *counted* as they are printed
(:mod:`.counts`), but searched and spell-checked field by field here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..rules.findings import Where
from .article import Article, Section
from .limits import AUTHOR_NAME_MAX, HEADING_MAX, TEXT_MAX, TITLE_MAX
from .text import Citation, Paragraph

OBJECT = "\ufffc"     # a citation inside a paragraph (what Qt's document shows)


@dataclass(frozen=True)
class TextField:
    """One piece of text the authors write: its place, its text as blocks, whether it is prose,
    the countable part it belongs to, and the longest text allowed there (see above)."""

    where: Where
    blocks: tuple[str, ...]
    prose: bool = True
    part: str = ""
    max_len: int = TEXT_MAX
    rich: bool = False          # a section's paragraphs (runs and citations)

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)


def paragraph_block(paragraph: Paragraph) -> str:
    """A paragraph's text with each citation as U+FFFC (positions match the editor's)."""
    return "".join(OBJECT if isinstance(item, Citation) else item.text
                   for item in paragraph.items)


def standing_block(paragraph: Paragraph) -> str:
    """:func:`paragraph_block` of the paragraph as it stands (a suggested insertion left out,
    a suggested deletion kept): what is counted."""
    if not paragraph.has_suggestions():
        return paragraph_block(paragraph)
    return _block_without(paragraph, added=True)


def accepted_block(paragraph: Paragraph) -> str:
    """:func:`paragraph_block` of the paragraph with every suggestion taken (what it would
    count were they all accepted)."""
    return _block_without(paragraph, added=False)


def _block_without(paragraph: Paragraph, added: bool) -> str:
    """The block of ``Paragraph.standing()`` (``added``: suggested insertions left out) or of
    ``Paragraph.accepted()`` (suggested deletions left out), built straight from the items
    (those methods copy every item, which costs about ten times as much): both also drop a
    citation citing nothing, and joining runs changes no text."""
    return "".join(OBJECT if isinstance(item, Citation) else item.text
                   for item in paragraph.items
                   if not (item.ins if added else item.dele) and
                   (not isinstance(item, Citation) or item.refs))


def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n"))


def _panel(template_panels: dict | None, key: str, fallback: str) -> str:
    panel = (template_panels or {}).get(key)
    return panel.title if panel else fallback


def section_name(section: Section) -> str:
    return section.title.strip() or "Untitled section"


def text_fields(article: Article, *, panels: dict | None = None,
                bodies: bool = True) -> Iterator[TextField]:
    """Every piece of text in the article, in the order a reader meets it.

    ``panels`` (the template's panel texts) names the places as the navigator does;
    ``bodies=False`` leaves out the sections' paragraphs (for the live figures, which count
    those from the editor's documents)."""
    yield from _title_fields(article, panels)
    for section in article.sections:
        name = section_name(section)
        part = "viewpoints" if section.kind == "viewpoint" else "sections"
        yield TextField(Where("section", section.id, label=f"{name} › Heading",
                              field="heading"), (section.title,), max_len=HEADING_MAX)
        if bodies:
            yield TextField(Where("section", section.id, label=name, field="body"),
                            tuple(paragraph_block(p) for p in section.body.paragraphs),
                            part=part, rich=True)
    yield from _message_fields(article, panels)
    yield from _reference_fields(article, _panel(panels, "references", "References"))
    yield from _media_fields(article, _panel(panels, "illustrations", "Illustrations"))
    yield from _author_fields(article, _panel(panels, "authors", "Authors"))
    yield from _disclosure_fields(article, _panel(panels, "competing_interests",
                                                  "Competing interests"))


def _title_fields(article: Article, panels: dict | None) -> Iterator[TextField]:
    title_panel = _panel(panels, "title", "Title and standfirst")
    yield TextField(Where("title", label=f"{title_panel} › Title", field="title"),
                    _lines(article.title), part="title", max_len=TITLE_MAX)
    yield TextField(Where("title", label=f"{title_panel} › Standfirst", field="standfirst"),
                    _lines(article.standfirst), part="standfirst")


def _message_fields(article: Article, panels: dict | None) -> Iterator[TextField]:
    messages = _panel(panels, "key_messages", "Key messages")
    for index, message in enumerate(article.key_messages):
        yield TextField(Where("key_messages", item_id=str(index), field="message",
                              label=f"{messages} › Message {index + 1}"),
                        _lines(message), part="key_messages")


REFERENCE_FIELDS = (("authors", "Authors", False), ("title", "Title", True),
                    ("container", "Journal or publisher", False), ("text", "Text", True))


def _reference_fields(article: Article, panel: str) -> Iterator[TextField]:
    numbers = article.reference_numbers()
    for ref in article.references:
        place = f"{panel} › {numbers.get(ref.id, 0)}."
        for name, label, prose in REFERENCE_FIELDS:
            blocks = tuple(ref.authors) if name == "authors" else _lines(getattr(ref, name))
            yield TextField(Where("references", item_id=ref.id, field=name,
                                  label=f"{place} {label}"), blocks, prose=prose)


def _media_fields(article: Article, panel: str) -> Iterator[TextField]:
    for number, item in enumerate(article.illustrations, start=1):
        place = f"{panel} › Illustration {number}"
        for name, label, part in (("caption", "Caption", "captions"),
                                  ("alt_text", "Description (alt text)", ""),
                                  ("credit", "Credit", "")):
            yield TextField(Where("illustrations", item_id=item.id, field=name,
                                  label=f"{place} › {label}"), _lines(getattr(item, name)),
                            prose=name != "credit", part=part)
    for number, clip in enumerate(article.clips, start=1):
        place = f"{panel} › Clip {number}"
        for name, label, part in (("title", "Title", ""), ("caption", "Caption", "captions"),
                                  ("transcript", "Transcript", "")):
            yield TextField(Where("illustrations", item_id=clip.id, field=f"clip_{name}",
                                  label=f"{place} › {label}"), _lines(getattr(clip, name)),
                            part=part)


AUTHOR_FIELDS = (("name", "Name", False), ("credentials", "Qualifications", False),
                 ("role", "Role in the project", True), ("affiliation", "Organisation", False))


def _author_fields(article: Article, panel: str) -> Iterator[TextField]:
    for author in article.authors:
        who = author.name or "Unnamed author"
        for name, label, prose in AUTHOR_FIELDS:
            yield TextField(Where("authors", author_id=author.id, field=name,
                                  label=f"{panel} › {who} › {label}"),
                            _lines(getattr(author, name)), prose=prose,
                            max_len=AUTHOR_NAME_MAX if name == "name" else TEXT_MAX)


def _disclosure_fields(article: Article, panel: str) -> Iterator[TextField]:
    for author in article.authors:
        who = f"{panel} › {author.name or 'Unnamed author'}"
        disclosure = author.disclosure
        for number in sorted(disclosure.items):
            for index, entry in enumerate(disclosure.items[number].entries):
                for name, label, prose in (("entity", "Who", False), ("what", "What", True),
                                           ("comments", "Comments", True)):
                    yield TextField(Where("competing_interests", author_id=author.id,
                                          field=f"item{number}.{index}.{name}",
                                          label=f"{who} › Item {number} › {label}"),
                                    _lines(getattr(entry, name)), prose=prose)
        yield TextField(Where("competing_interests", author_id=author.id, field="statement",
                              label=f"{who} › Statement"), _lines(disclosure.custom_statement))


def part_fields(article: Article, part: str) -> list[TextField]:
    """The fields of one countable part outside the sections ("title", "captions"...); only the
    panels that hold such parts are walked (this runs as the live figures update)."""
    fields = (_title_fields(article, None) if part in ("title", "standfirst") else
              _message_fields(article, None) if part == "key_messages" else
              _media_fields(article, "Illustrations") if part == "captions" else iter(()))
    return [f for f in fields if f.part == part]
