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

from ..model.rules.template import Template, get_template
from .blocks import Block, DocxContent
from .docx_read import read_docx
from .mapping import (
    CLIPS,
    GENERATED,
    KEY_MESSAGES,
    KEY_QUOTES,
    HeadingChoice,
    classify,
    target_options,
)

DEFAULT_TEMPLATE = "bmj-partnership-in-practice"


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
    titles = [i for i, b in enumerate(content.blocks) if b.title and b.text.strip()]
    if titles:
        plan.title_block = titles[0]
    elif plan.title_block < 0:
        first = next((i for i, b in enumerate(content.blocks) if not b.is_empty()), -1)
        if first >= 0 and not is_heading(content.blocks[first], level, content.own_export,
                                          pseudo) and len(content.blocks[first].text.split()) <= 25 \
                and not content.blocks[first].listed:
            plan.title_block = first
    if plan.title_block >= 0:
        plan.title = " ".join(content.blocks[plan.title_block].text.split())
    elif content.core_title:
        plan.title = content.core_title
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
            unsure, reason = True, "Another heading already matches this part."
        used.add(target)
        plan.headings.append(HeadingChoice(len(plan.headings), heading, target, unsure, reason))
    return plan




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
