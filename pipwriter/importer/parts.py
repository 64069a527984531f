"""An import plan told part by part: where the title, the byline, each heading and the pictures
of the draft go. The command line prints it (:func:`mapping_lines`); the app's review screen
shows it with a choice for each part (:func:`part_options`, :func:`set_part_target`) and a
preview of the text (:attr:`PlanPart.preview`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.rules.template import Template, get_template
from .byline import same_person
from .mapping import OWN, UNPLACED, VIEWPOINT, target_label, viewpoint_people
from .plan import AUTHORS, TITLE, ImportPlan, heading_positions

PREVIEW_CHARS = 1200
TITLE_PART, BYLINE_PART, HEADING_PART, PICTURES_PART = "title", "byline", "heading", "pictures"


@dataclass
class PlanPart:
    """One part of the draft and where it goes."""

    kind: str               # TITLE_PART, BYLINE_PART, HEADING_PART or PICTURES_PART
    text: str               # what it is in the draft: the heading's words, the title...
    target: str
    preview: str            # the text that goes with it
    unsure: bool = False
    reason: str = ""
    number: int = -1        # the heading's number in plan.headings


def _person_text(plan: ImportPlan, template: Template) -> str:
    out = []
    for person in plan.byline:
        partner = template.partner_type(person.partner_type)
        side = partner.label if partner else "side not given"
        if partner is None:     # the side a viewpoint heading gives them ("Patient viewpoint")
            for choice in plan.headings:
                role, names = viewpoint_people(choice.heading, template) \
                    if choice.target == VIEWPOINT else ("", [])
                said = template.partner_type(role) if role else None
                if said is not None and any(same_person(person.name, n) for n in names):
                    side = f"{said.label}, from the heading “{choice.heading}”"
                    break
        details = [d for d in (person.credentials, person.role, side,
                               person.affiliation) if d]
        out.append(f"{person.name} ({'; '.join(details)})")
    return ", ".join(out)


def _heading_texts(plan: ImportPlan) -> dict[int, str]:
    """The text under each heading (by its number), up to the next heading."""
    positions = heading_positions(plan)
    skip = set(plan.byline_blocks) | {plan.title_block}
    texts: dict[int, list[str]] = {}
    current = -1
    for index, block in enumerate(plan.content.blocks):
        if index in positions:
            current = positions[index].number
            texts[current] = []
        elif current >= 0 and index not in skip and block.raw_text.strip():
            texts[current].append(("• " if block.listed else "") +
                                  " ".join(block.raw_text.split()))
    return {n: _cut("\n".join(lines)) for n, lines in texts.items()}


def _cut(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS].rstrip() + " …"


def plan_parts(plan: ImportPlan) -> list[PlanPart]:
    """Every part of the draft in document order (the title and byline first)."""
    template = get_template(plan.template_id)
    parts = []
    if plan.title_block >= 0:
        parts.append(PlanPart(TITLE_PART, plan.title, plan.title_target, plan.title))
    if plan.byline:
        preview = "\n".join(" ".join(plan.content.blocks[i].raw_text.split())
                            for i in plan.byline_blocks)
        parts.append(PlanPart(BYLINE_PART, preview, plan.byline_target,
                              f"{preview}\n\nAuthors: {_person_text(plan, template)}"))
    texts = _heading_texts(plan)
    for choice in plan.headings:
        preview = texts.get(choice.number, "")
        if choice.target == VIEWPOINT:
            role, names = viewpoint_people(choice.heading, template)
            partner = template.partner_type(role)
            names = [next((p.name for p in plan.byline if same_person(p.name, n)), n)
                     for n in names] if plan.byline_target == AUTHORS else names
            whose = ", ".join(names) or (f"not named ({partner.label.lower()})" if partner
                                         else "not said")
            preview = f"Whose viewpoint: {whose}\n\n{preview}"
        parts.append(PlanPart(HEADING_PART, choice.heading, choice.target, preview,
                              choice.unsure, choice.reason, choice.number))
    pictures = sum(len(b.pictures) for b in plan.content.blocks)
    if pictures:
        captions = [b.raw_text for b in plan.content.blocks if b.style == "Caption"]
        parts.append(PlanPart(PICTURES_PART, f"{pictures} picture{'s' * (pictures != 1)}",
                              "@illustrations", _cut("\n".join(captions))))
    return parts


def part_options(plan: ImportPlan, part: PlanPart) -> list[tuple[str, str]]:
    """Where a part can go, as (target, label); the current place first."""
    if part.kind == TITLE_PART:
        options = [(TITLE, "The article's title"), (UNPLACED, target_label(UNPLACED, _t(plan)))]
    elif part.kind == BYLINE_PART:
        options = [(AUTHORS, "The authors (Authors and photos)"),
                   (UNPLACED, target_label(UNPLACED, _t(plan)))]
    elif part.kind == HEADING_PART:
        return plan.options(plan.headings[part.number])
    else:
        options = [(part.target, "Illustrations (pictures and captions)")]
    options.sort(key=lambda o: o[0] != part.target)
    return options


def _t(plan: ImportPlan) -> Template:
    return get_template(plan.template_id)


def set_part_target(plan: ImportPlan, part: PlanPart, target: str) -> None:
    """Send a part somewhere else (one of :func:`part_options`)."""
    if target not in {t for t, _label in part_options(plan, part)}:
        raise ValueError(f"unknown target {target!r}")
    if part.kind == TITLE_PART:
        plan.title_target = target
    elif part.kind == BYLINE_PART:
        plan.byline_target = target
    elif part.kind == HEADING_PART:
        plan.choose(part.number, target)
    part.target, part.unsure = target, False


def where_label(plan: ImportPlan, part: PlanPart) -> str:
    """Where a part goes, in words."""
    return next(label for target, label in part_options(plan, part) if target == part.target)


def mapping_lines(plan: ImportPlan) -> list[str]:
    """The plan as lines for people: each part of the draft -> where it went; unsure ones say
    why and how to change them (``--map``); then the parts of the series added empty."""
    template = get_template(plan.template_id)
    lines = ["Where each part of the draft went:"]
    first_heading = min(heading_positions(plan), default=len(plan.content.blocks))
    standfirst = next((" ".join(b.text.split()) for i, b in enumerate(plan.content.blocks)
                       if i < first_heading and b.style in ("Subtitle", "Standfirst")
                       and b.text.strip() and i not in plan.byline_blocks), "")
    for part in plan_parts(plan):
        if part.kind == TITLE_PART:
            what = f"Title “{part.text}”"
        elif part.kind == BYLINE_PART:
            what = f"Byline “{part.text.splitlines()[0]}”"
        elif part.kind == HEADING_PART:
            what = f"“{part.text}”"
        else:
            what = part.text.capitalize()
        where = where_label(plan, part)
        if part.kind == BYLINE_PART and part.target == AUTHORS:
            where = f"the authors: {_person_text(plan, template)}"
        elif part.kind == HEADING_PART and part.target == VIEWPOINT:
            where += "; whose: " + part.preview.split("\n", 1)[0].removeprefix(
                "Whose viewpoint: ")
        line = f"  {what} → {where}"
        if part.unsure or (part.reason and part.target == UNPLACED):
            line += f" ({'not sure: ' if part.unsure else ''}{part.reason})"
        if part.unsure:
            line += f" — change with --map \"{part.text}=KEY\""
        lines.append(line)
        if part.kind == TITLE_PART and standfirst:
            lines.append(f"  Standfirst “{_cut(standfirst)}” → The standfirst")
            standfirst = ""
    if standfirst:                      # no title: the standfirst is the first part
        lines.insert(1, f"  Standfirst “{_cut(standfirst)}” → The standfirst")
    used = {h.target for h in plan.headings}
    missing = [s.title for s in template.sections if s.key not in used]
    if missing:
        lines.append("Parts of the series the draft has no heading for (added empty): "
                     + "; ".join(missing) + ".")
    if any(h.target == OWN or h.unsure for h in plan.headings):
        keys = ", ".join([s.key for s in template.sections] + ["viewpoint", "own", "unplaced"])
        lines.append(f"KEY is one of: {keys}.")
    return lines
