"""Planning an import: read the draft and decide where each heading goes, before anything is
built, so the app can show the plan and let the authors change it.

    plan = plan_import("draft.docx")        # read it; each heading gets a place
    for choice in plan.unsure():            # the app asks; the command line keeps the guesses
        plan.choose(choice.number, target)
    project = import_docx("draft.docx", plan)

Which paragraphs are headings: those in the top heading level used (Heading 1, or Heading 2
when a single Heading 1 is the title), or, in a draft with no heading styles at all, short lines
entirely in bold (each then unsure).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.errors import PipError
from ..model.rules.template import Template, get_template
from .blocks import Block, DocxContent
from .byline import BylinePerson, affiliation_line, parse_byline
from .docx_read import read_docx
from .mapping import (
    CLIPS,
    GENERATED,
    KEY_MESSAGES,
    KEY_QUOTES,
    HeadingChoice,
    classify,
    normalise,
    target_for_key,
    target_options,
)

DEFAULT_TEMPLATE = "bmj-partnership-in-practice"
TITLE, AUTHORS = "@title", "@authors"


class ImportMapError(PipError):
    """A ``--map`` the draft or the template cannot honour; the message says which."""


@dataclass
class ImportPlan:
    """What importing will do: where each heading goes (``unsure`` ones to confirm)."""

    source: Path
    template_id: str
    title: str
    headings: list[HeadingChoice]
    content: DocxContent
    section_level: int
    title_block: int = -1                    # index of the block used as the title
    notes: list[str] = field(default_factory=list)
    title_target: str = TITLE                # TITLE, or UNPLACED: it is not the title
    byline_blocks: list[int] = field(default_factory=list)    # the byline and affiliations
    byline: list[BylinePerson] = field(default_factory=list)
    byline_target: str = AUTHORS             # AUTHORS, or UNPLACED: it is not a byline
    read_references: bool = True             # read references into parts (else as written)

    def unsure(self) -> list[HeadingChoice]:
        return [h for h in self.headings if h.unsure]

    def options(self, choice: HeadingChoice | None = None) -> list[tuple[str, str]]:
        """Where a heading can go, as (target, label); the current choice first."""
        template = get_template(self.template_id)
        options = target_options(template, choice.heading if choice else "")
        if choice is not None:
            options.sort(key=lambda o: o[0] != choice.target)
        return options

    def choose(self, number: int, target: str) -> None:
        choice = self.headings[number]
        if target not in {t for t, _label in self.options(choice)} | {KEY_QUOTES, CLIPS,
                                                                      GENERATED}:
            raise ValueError(f"unknown target {target!r}")
        choice.target = target
        choice.unsure = False

    def map_heading(self, text: str, key: str) -> HeadingChoice:
        """Send the heading whose words are ``text`` (case and punctuation aside) to the part
        named ``key`` ("design", "viewpoint", "own", "unplaced", "references"...), as the
        command line's ``--map "Heading=key"`` does; ImportMapError when there is no such
        heading or part."""
        template = get_template(self.template_id)
        wanted = normalise(text)
        matches = [h for h in self.headings if normalise(h.heading) == wanted]
        if not matches:
            known = "; ".join(f"“{h.heading}”" for h in self.headings) or "none"
            raise ImportMapError(f"The draft has no heading “{text.strip()}” (its headings: "
                                 f"{known}).")
        target = target_for_key(key, template)
        if not target:
            keys = [s.key for s in template.sections] + [
                "viewpoint", "own", "unplaced", "key_messages", "references", "illustrations"]
            raise ImportMapError(f"“{key.strip()}” is not a part of the article (parts: "
                                 f"{', '.join(keys)}).")
        for choice in matches:
            self.choose(choice.number, target)
        return matches[0]

    def apply_map(self, entries: list[str]) -> None:
        """Each "Heading text=section key" (``--map``), in order."""
        for entry in entries:
            text, equals, key = entry.rpartition("=")
            if not equals or not text.strip() or not key.strip():
                raise ImportMapError(f"--map “{entry}” should be “Heading text=section key”.")
            self.map_heading(text, key)


def own_heading(block: Block, own: bool) -> bool:
    return own and block.style == "Key Messages Heading"


def _section_level(content: DocxContent) -> tuple[int, int]:
    """(heading level that starts sections, index of a heading used as the title or -1)."""
    blocks = content.blocks
    levels = sorted({b.level for b in blocks if b.level and b.text.strip()})
    if not levels:
        return 0, -1
    has_title = any(b.title and b.text.strip() for b in blocks)
    first = next((i for i, b in enumerate(blocks) if not b.is_empty()), -1)
    top = [b for b in blocks if b.level == levels[0] and b.text.strip()]
    if not has_title and first >= 0 and blocks[first].level == levels[0] and len(top) == 1 \
            and len(levels) > 1:
        return levels[1], first
    return levels[0], -1


def is_heading(block: Block, level: int, own: bool, pseudo: bool) -> bool:
    if not block.text.strip() or block.in_table:
        return False
    if own_heading(block, own):
        return True
    if level:
        return block.level == level
    return pseudo and block.bold_only and not block.listed and len(block.text.split()) <= 12 \
        and not block.text.rstrip().endswith((".", ",", ";"))


def plan_import(path: Path | str, template: Template | None = None) -> ImportPlan:
    """Read the draft and decide where each heading goes (raises DocxImportError)."""
    path = Path(path)
    template = template or get_template(DEFAULT_TEMPLATE)
    content = read_docx(path)
    level, title_block = _section_level(content)
    pseudo = level == 0
    plan = ImportPlan(path, template.id, "", [], content, level, title_block)
    _find_title_and_byline(plan, template, level, pseudo)
    used: set[str] = set()
    for index, block in enumerate(content.blocks):
        if index == plan.title_block or not is_heading(block, level, content.own_export,
                                                        pseudo):
            continue
        heading = " ".join(block.text.split())
        if own_heading(block, content.own_export):
            target, unsure, reason = KEY_MESSAGES, False, ""
        else:
            target, unsure, reason = classify(heading, template, content.own_export)
        if pseudo and not unsure:
            unsure, reason = True, "The line is in bold, so it may be a heading."
        if target in used and not target.startswith("@"):
            unsure, reason = True, "A heading before this one goes to the same part."
        used.add(target)
        plan.headings.append(HeadingChoice(len(plan.headings), heading, target, unsure, reason))
    return plan


def _find_title_and_byline(plan: ImportPlan, template: Template, level: int,
                           pseudo: bool) -> None:
    """The title (Word's Title style, else a short first line) and the byline (a line naming
    the authors before the first heading, with its numbered affiliations)."""
    content = plan.content
    blocks, own = content.blocks, content.own_export
    front = []
    for index, block in enumerate(blocks):
        if is_heading(block, level, own, pseudo) and index != plan.title_block:
            break
        if not block.is_empty() and not block.in_table:
            front.append(index)
    if not own:
        for position, index in enumerate(front[:4]):
            people = parse_byline(blocks[index], template)
            if people and index != plan.title_block and not blocks[index].title:
                plan.byline, plan.byline_blocks = people, [index]
                _affiliations(plan, front[position + 1:])
                break
    titles = [i for i, b in enumerate(blocks) if b.title and b.text.strip()]
    if titles:
        plan.title_block = titles[0]
    elif plan.title_block < 0:
        first = next((i for i in front if i not in plan.byline_blocks), -1)
        if first >= 0 and first == next((i for i, b in enumerate(blocks) if not b.is_empty()
                                         and i not in plan.byline_blocks), -1) \
                and len(blocks[first].text.split()) <= 25 and not blocks[first].listed:
            plan.title_block = first
    if plan.title_block < 0 and pseudo:
        # headings typed as bold lines, the first with nothing under it before the next: the
        # title (found by a walk: it became an empty section and the article had no title)
        lines = [i for i, b in enumerate(blocks) if not b.is_empty() and not b.in_table]
        if len(lines) >= 2 and lines[0] not in plan.byline_blocks and \
                all(is_heading(blocks[i], level, own, pseudo) for i in lines[:2]) and \
                classify(" ".join(blocks[lines[0]].text.split()), template, own)[1]:
            plan.title_block = lines[0]
    if plan.title_block >= 0:
        plan.title = " ".join(blocks[plan.title_block].text.split())
    elif content.core_title:
        plan.title = content.core_title


def _affiliations(plan: ImportPlan, after: list[int]) -> None:
    """Numbered affiliation lines just after a byline with numbers ("¹ Brackenlea Trust")."""
    marks = {m for person in plan.byline for m in person.marks}
    for index in after:
        found = affiliation_line(plan.content.blocks[index])
        if not found or found[0] not in marks:
            break
        plan.byline_blocks.append(index)
        for person in plan.byline:
            if found[0] in person.marks:
                person.affiliation = "; ".join(a for a in (person.affiliation, found[1]) if a)


def heading_positions(plan: ImportPlan) -> dict[int, HeadingChoice]:
    """The index of each heading's block, with its choice."""
    positions: dict[int, HeadingChoice] = {}
    choices = iter(plan.headings)
    pseudo = plan.section_level == 0
    for index, block in enumerate(plan.content.blocks):
        if index != plan.title_block and is_heading(block, plan.section_level,
                                                    plan.content.own_export, pseudo):
            positions[index] = next(choices)
    return positions
