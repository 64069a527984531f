"""What the parts of an import share while the article is built: the article so far, its
media, the notes for the authors, the text not yet placed, and the reference numbers.

Paragraphs are made here, so a citation in the draft ([1], superscript 2) becomes a citation of
the reference with that number, or stays as the text it was when there is no such reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.article.article import Article
from ..model.article.author import Author
from ..model.article.text import Citation, Inline, Paragraph, Run
from ..model.rules.template import Template
from ..model.storage.media_store import MediaStore
from .blocks import Block
from .byline import same_person, strip_title


@dataclass
class BuildState:
    template: Template
    own: bool                                  # a document PiP Writer exported
    article: Article
    media: MediaStore = field(default_factory=MediaStore)
    notes: list[str] = field(default_factory=list)
    unplaced: list[Paragraph] = field(default_factory=list)
    references: dict[int, str] = field(default_factory=dict)    # number -> reference id
    unknown_citations: set[int] = field(default_factory=set)
    _unsure_sides: set[str] = field(default_factory=set)    # authors of no known side
    numbered_items: int = 0         # items of numbered lists, their numbers written in

    def paragraph(self, block: Block, bold: bool = False) -> Paragraph:
        """The block as a paragraph of the article (a list item becomes a bullet); ``bold``
        makes every run bold (a sub-heading kept as a bold line)."""
        items: list[Inline] = []
        if block.list_number:       # a numbered list: the number in the words
            items.append(Run(f"{block.list_number}. ", bold, False))
            self.numbered_items += 1
        for item in block.items:
            if isinstance(item, Run):
                text = item.text.replace("\n", " ").replace("\t", " ")
                items.append(Run(text, item.bold or bold, item.italic))
                continue
            refs = [self.references.get(n) for n in item.numbers]
            known = [r for r in refs if r]
            if len(known) == len(refs):
                items.append(Citation(list(dict.fromkeys(known))))
            else:
                self.unknown_citations.update(n for n in item.numbers
                                              if n not in self.references)
                items.append(Run(item.original))
        return Paragraph(items, "bullet" if block.listed and not block.list_number else "body")

    def keep_unplaced(self, block: Block, bold: bool = False) -> None:
        """Keep the block's text in "Imported text not yet placed"."""
        if block.raw_text.strip():
            self.unplaced.append(self.paragraph(block, bold))

    def author_named(self, name: str, partner_type: str = "") -> Author:
        """The author of that name (or first name, "Sam" for "Sam Jones", or "Dr Khan" for
        "Ahmed Khan"), added if new (a title such as "Dr" is not part of the name); a new
        author whose side is not known is noted for the authors to check."""
        for author in self.article.authors:
            if same_person(author.name, name):
                if partner_type and author.name in self._unsure_sides:
                    author.partner_type = partner_type
                    self._unsure_sides.discard(author.name)
                return author
        plain = strip_title(name)
        author = Author(plain, partner_type or "health_professional")
        self.article.authors.append(author)
        if not partner_type:
            self._unsure_sides.add(plain)
        return author

    def note_unsure_sides(self) -> None:
        """Ask the authors to check the side of each author the draft did not give one."""
        for name in sorted(self._unsure_sides):
            self.notes.append(f"Check whether {name} is a patient or a professional partner "
                              "(Authors and photos): the draft did not say.")
