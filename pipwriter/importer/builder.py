"""Building the article from a planned import (:mod:`.plan`): the blocks of the draft are walked
in order and each goes where the heading above it was sent — a section, a viewpoint, the key
messages, the reference list, the illustrations — or, when it fits nowhere, into a section
titled “Imported text not yet placed” at the end, so nothing is dropped.

The reference list is read first, so a citation anywhere in the text becomes a citation of the
reference with that number. Parts of the series the draft does not have are added, empty, in
their place (never beside a part a heading was matched to).
"""

from __future__ import annotations

from ..model.article.article import Article, Section
from ..model.article.ids import new_id
from ..model.article.text import Paragraph, RichText, Run
from ..model.rules.checks import UNPLACED_KEY, UNPLACED_TITLE
from ..model.rules.template import Template
from ..model.storage.project import Project
from .blocks import Block
from .front_matter import front, key_message
from .mapping import (
    CLIPS,
    GENERATED,
    ILLUSTRATIONS,
    KEY_MESSAGES,
    KEY_QUOTES,
    OWN,
    REFERENCES,
    UNPLACED,
    VIEWPOINT,
    HeadingChoice,
    viewpoint_people,
)
from .pictures import MediaParts
from .plan import AUTHORS, TITLE, ImportPlan, heading_positions
from .quotes import flag_quote, key_quote
from .reference_parse import ParsedReference
from .references import reference_from_block, reference_notes
from .state import BuildState

FRONT = "@front"


class Builder:
    """Builds one project from one plan: ``Builder(plan, template).run()``."""

    def __init__(self, plan: ImportPlan, template: Template):
        self.plan = plan
        self.template = template
        self.content = plan.content
        title = plan.title if plan.title_target == TITLE else ""
        self.state = BuildState(template, plan.content.own_export,
                                Article(template_id=template.id, title=title))
        self.media = MediaParts(self.state)
        self.quotes: list[tuple[str, str]] = []       # (quoted text, section heading)
        self.by_key: dict[str, Section] = {}
        self.generated_skipped = False
        self.table_noted = False
        self.references_read: list[ParsedReference] = []

    @property
    def notes(self) -> list[str]:
        return self.state.notes

    # --- the parts ----------------------------------------------------------------------
    def section_for(self, choice: HeadingChoice) -> Section | None:
        """The section a heading's text goes into (new, or the one already matched to the
        same part, where the heading is kept as a bold line); None for other places."""
        state, target = self.state, choice.target
        if target == VIEWPOINT:
            role, names = viewpoint_people(choice.heading, self.template)
            authors = [state.author_named(n, role) for n in names]
            section = Section(choice.heading, kind="viewpoint", key=self.template.viewpoint.key,
                              author_ids=[a.id for a in authors])
            if not authors:
                state.notes.append(f"Choose whose viewpoint “{choice.heading}” is: the heading "
                                   "does not say.")
        elif target == OWN:
            section = Section(choice.heading, kind="other")
        elif self.template.section_spec(target) is not None:
            if target in self.by_key:
                existing = self.by_key[target]
                existing.body.paragraphs.append(Paragraph([Run(choice.heading, bold=True)]))
                return existing
            section = Section(choice.heading, kind="guidance", key=target)
            self.by_key[target] = section
        else:
            return None
        state.article.sections.append(section)
        return section

    def _byline_authors(self) -> None:
        for person in self.plan.byline:
            author = self.state.author_named(person.name, person.partner_type)
            author.credentials, author.role = person.credentials, person.role
            author.affiliation = person.affiliation

    def _read_references(self, heading_at: dict[int, HeadingChoice]) -> None:
        target = FRONT
        for index, block in enumerate(self.content.blocks):
            if index in heading_at:
                target = heading_at[index].target
            elif target == REFERENCES and not block.in_table and index != self.plan.title_block:
                found = reference_from_block(block, self.state.references,
                                             self.plan.read_references)
                if found:
                    number, parsed = found
                    self.state.article.references.append(parsed.reference)
                    self.state.references[number] = parsed.reference.id
                    self.references_read.append(parsed)

    # --- walking the document -----------------------------------------------------------
    def run(self) -> Project:
        state, blocks = self.state, self.content.blocks
        heading_at = heading_positions(self.plan)
        self._read_references(heading_at)
        skip = set(self.plan.byline_blocks) if self.plan.byline_target == AUTHORS else set()
        if skip:
            self._byline_authors()
        if self.plan.title_target == TITLE:
            skip.add(self.plan.title_block)
        target = FRONT
        section: Section | None = None
        index = 0
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if index - 1 in skip:
                continue
            choice = heading_at.get(index - 1)
            if choice is not None:
                target, section = choice.target, None
                self.media.new_part()
                if target in (VIEWPOINT, OWN) or self.template.section_spec(target):
                    section = self.section_for(choice)
                elif target == UNPLACED:
                    state.unplaced.append(Paragraph([Run(choice.heading, bold=True)]))
                elif target == GENERATED:
                    self.generated_skipped = True
                continue
            if block.missing_pictures:
                state.notes.append("A picture linked to a file outside the document could not "
                                   "be brought in; add it in Illustrations.")
            index = self._block(block, target, section, index)
        return self._finish()

    def _block(self, block: Block, target: str, section: Section | None, index: int) -> int:
        """Put one block where ``target`` says; the index of the next block to read."""
        state, blocks = self.state, self.content.blocks
        if block.in_table:
            index = self.media.pictures(block, blocks, index)
            if block.raw_text.strip() and not self.table_noted:
                self.table_noted = True
                state.notes.append("Tables cannot go into a Partnership in Practice article: "
                                   f"their text is in “{UNPLACED_TITLE}”, one line per row.")
            state.keep_unplaced(block)
        elif target == FRONT:
            self.media.pictures(block, blocks, index)
            front(state, block)
        elif section is not None:
            index = self.media.pictures(block, blocks, index)
            self._into_section(section, block)
        elif target == KEY_MESSAGES:
            key_message(state, block)
        elif target == REFERENCES:
            pass                                    # read first, by _read_references
        elif target == ILLUSTRATIONS:
            index = self.media.illustrations(block, blocks, index)
        elif target == CLIPS:
            self.media.clips(block)
        elif target == KEY_QUOTES:
            key_quote(block, self.quotes)
        elif target != GENERATED:
            index = self.media.pictures(block, blocks, index)
            state.keep_unplaced(block, bold=bool(block.level))
        return index

    def _into_section(self, section: Section, block: Block) -> None:
        if self.state.own and block.style == "Note":
            return                  # "(This section is still empty.)" in a draft export
        if block.raw_text.strip():
            section.body.paragraphs.append(self.state.paragraph(block, bold=bool(block.level)))

    # --- finishing ------------------------------------------------------------------------
    def _finish(self) -> Project:
        state = self.state
        article = state.article
        if state.unplaced:
            article.sections.append(Section(UNPLACED_TITLE, kind="other", key=UNPLACED_KEY,
                                            body=RichText(state.unplaced)))
            state.notes.append(f"Some text could not be placed: it is in the section "
                               f"“{UNPLACED_TITLE}” at the end. Move it where it belongs, then "
                               "remove that section (until then it is a must-fix: it would go "
                               "to the editors as it is).")
        self._add_missing_sections()
        if state.unknown_citations:
            numbers = ", ".join(str(n) for n in sorted(state.unknown_citations)[:10])
            state.notes.append(f"Citation numbers with no matching reference were kept as text "
                               f"({numbers}). Cite the references again with Insert citation.")
        self._flag_quotes()
        if not state.own and self.plan.read_references:
            state.notes.extend(reference_notes(self.references_read))
        for section in article.sections:
            section.body = RichText([p.normalised() for p in section.body.paragraphs
                                     if p.text().strip() or p.citations()])
        state.note_unsure_sides()
        self._note_kept()
        if self.generated_skipped:
            state.notes.append("The competing-interests statement and the word count were not "
                               "imported: PiP Writer writes them from the article. Each author "
                               "declares their interests in Competing interests.")
        return Project(article, state.media)

    def _note_kept(self) -> None:
        """Say what was kept in the text although the article has no place of its own for it."""
        blocks = self.content.blocks
        if not any(b.raw_text.strip() or b.pictures for b in blocks):
            self.notes.append("The draft has no words in it, so the new article is empty, with "
                              "the series' parts ready to write in.")
        notes = sum(b.footnotes for b in blocks)
        links = sum(b.links for b in blocks)
        boxes = sum(1 for b in blocks if b.textbox and b.raw_text.strip())
        if notes:
            self.notes.append(f"{_count(notes, 'footnote or endnote', 'footnotes or endnotes')}"
                              " kept in the text where the number was, as “[Footnote: …]”: "
                              "work each into the text or remove it.")
        if links:
            self.notes.append(f"{_count(links, 'link address', 'link addresses')} kept in "
                              "brackets after the linked words, as “(https://…)”.")
        if boxes:
            self.notes.append(f"Text from text boxes ({_count(boxes, 'paragraph')}) kept as "
                              "paragraphs of its own after the paragraph each box was in.")
        if self.state.numbered_items:
            items = _count(self.state.numbered_items, "item")
            self.notes.append(f"Numbered lists came in as paragraphs with their numbers "
                              f"written in (“1. ”, “2. ”…; {items}): PiP Writer's lists have "
                              "bullets only.")
        added, removed = self.content.tracked
        if added or removed:
            said = " and ".join(part for part in (
                f"{_count(added, 'addition')} kept" if added else "",
                f"{_count(removed, 'deletion')} made" if removed else "") if part)
            self.notes.append(f"The draft still had tracked changes waiting to be accepted. "
                              f"They came in as if you had accepted them: {said}. If some "
                              "should not have been, look at the draft in Word.")

    def _add_missing_sections(self) -> None:
        """Each guidance part no heading was matched to, added empty in its place."""
        order = list(self.template.order)
        rank = {key: i for i, key in enumerate(order)}
        viewpoint_rank = rank.get("@viewpoints", len(order))
        sections = self.state.article.sections

        def rank_of(section: Section) -> int | None:
            if section.kind == "viewpoint":
                return viewpoint_rank
            return rank.get(section.key)

        for key in order:
            spec = self.template.section_spec(key)
            if key == "@viewpoints" or key in self.by_key or spec is None:
                continue
            new = Section(spec.title, kind="guidance", key=key)
            position = len(sections)
            for i, section in enumerate(sections):
                r = rank_of(section)
                if section.key == UNPLACED_KEY or (r is not None and r > rank[key]):
                    position = i
                    break
            sections.insert(position, new)
            self.by_key[key] = new

    def _flag_quotes(self) -> None:
        for text, source in self.quotes:
            sections = [s for s in self.state.article.sections
                        if not source or s.title == source]
            if not any(flag_quote(s.body, text, new_id("quote")) for s in sections):
                self.notes.append(f"The key quote “{text[:60]}” was not found in the text; "
                                  "flag it again.")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
