"""Series templates: the sections, prompts, questions, limits and counting rules, loaded from JSON.

A template is data in ``resources/templates/*.json``; adding a series needs no code. Loading
checks every field and reports the first problem with its place, e.g.
``Template 'x.json': 'max' should be a whole number (at limits.words.max)``.

What the Word import needs to recognise a draft's parts is data too: each section's
``synonyms`` (headings authors use for it, matched whole after case and punctuation are set
aside), the viewpoint's ``synonyms`` and ``person_words`` ("Sam's *story*"), each partner
type's ``role_words`` ("carer", "cardiologist"), and ``import_headings`` for the parts that are
not sections (key messages, references, illustrations, clips, and the headings set aside with
the reason the authors are told).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, TemplateError
from ..jsonread import Obj
from .series_rules import SeriesRules, parse_rules

TEMPLATE_SCHEMA = 1
COUNTABLE_PARTS = ("sections", "viewpoints", "title", "standfirst", "key_messages",
                   "key_quotes", "captions", "references", "competing_interests")


@dataclass(frozen=True)
class Question:
    """A guidance question beside a section (for a viewpoint, a topic to cover), to tick off."""
    id: str
    text: str


@dataclass(frozen=True)
class SectionSpec:
    """One section of the template, or its viewpoint: heading, prompt, questions, fewest words, and
    the headings and words the Word import knows it by."""
    key: str
    title: str
    prompt: str
    questions: tuple[Question, ...]
    min_words: int = 0
    tooltip: str = ""
    synonyms: tuple[str, ...] = ()      # other headings for this part, for the Word import
    person_words: tuple[str, ...] = ()  # the viewpoint's "Sam's <word>" ("story", "view")


@dataclass(frozen=True)
class PartnerType:
    """A kind of author ("Health professional", "Manager"...), the side of the partnership it is
    on, and the words that say a person is of this kind."""
    id: str
    label: str
    side: str
    role_words: tuple[str, ...] = ()    # words saying a person is of this type ("carer")


@dataclass(frozen=True)
class SetAside:
    """Headings whose text has no place in the article (acknowledgements, funding...): the
    import keeps it for the authors, not counted, and tells them why."""
    headings: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ImportHeadings:
    """Headings of a draft's parts that are not sections, for the Word import."""
    key_messages: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    illustrations: tuple[str, ...] = ()
    clips: tuple[str, ...] = ()
    set_aside: tuple[SetAside, ...] = ()


@dataclass(frozen=True)
class Side:
    """One side of the partnership (e.g. health professionals, or patients and carers): the fewest
    authors it needs and the label its viewpoints are headed with."""
    id: str
    label: str
    min_authors: int
    viewpoint_label: str


@dataclass(frozen=True)
class Range:
    """A limit on a figure (words, references...): its minimum and maximum, None for none."""
    min: int | None = None
    max: int | None = None

    def contains(self, value: int) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True)
class PanelText:
    """The title, prompt and tooltip of a panel that is not a section (references, authors...)."""
    title: str
    prompt: str
    tooltip: str = ""


@dataclass(frozen=True)
class Template:
    """A series template: its sections and viewpoint and their order, partner types and sides,
    limits, what counts toward the word limit, panel texts, the series' rules and the headings
    the Word import looks for."""
    id: str
    name: str
    version: str
    journal: str
    sections: tuple[SectionSpec, ...]
    viewpoint: SectionSpec
    order: tuple[str, ...]          # section keys, with "@viewpoints" where viewpoints go
    partner_types: tuple[PartnerType, ...]
    sides: tuple[Side, ...]
    limits: dict[str, Range]
    counted: frozenset[str]         # parts counted toward the word limit
    panels: dict[str, PanelText]
    rules: SeriesRules = field(default_factory=SeriesRules)
    source: str = ""
    import_headings: ImportHeadings = field(default_factory=ImportHeadings)

    def section_spec(self, key: str) -> SectionSpec | None:
        if key == self.viewpoint.key:
            return self.viewpoint
        return next((s for s in self.sections if s.key == key), None)

    def partner_type(self, type_id: str) -> PartnerType | None:
        return next((p for p in self.partner_types if p.id == type_id), None)

    def side_of(self, type_id: str) -> str:
        p = self.partner_type(type_id)
        return p.side if p else ""

    def side(self, side_id: str) -> Side | None:
        return next((s for s in self.sides if s.id == side_id), None)

    def limit(self, name: str) -> Range:
        return self.limits.get(name, Range())


def _question_list(o: Obj, key: str) -> tuple[Question, ...]:
    questions = tuple(Question(q.text("id", required=True), q.text("text", required=True))
                      for q in o.objs(key))
    ids = [q.id for q in questions]
    if len(ids) != len(set(ids)):
        raise DataError("two questions share an id", o._where(key))
    return questions


def _words(o: Obj, key: str) -> tuple[str, ...]:
    """A list of headings or words; none may be empty."""
    words = tuple(o.strs(key))
    for i, word in enumerate(words):
        if not word.strip():
            raise DataError("an empty heading or word", f"{o._where(key)}[{i}]")
    return words


def _section_spec(o: Obj) -> SectionSpec:
    return SectionSpec(o.text("key", required=True), o.text("title", required=True),
                       o.text("prompt", required=True), _question_list(o, "questions"),
                       o.integer("min_words", 0, minimum=0), o.text("tooltip"),
                       _words(o, "synonyms"), _words(o, "person_words"))


def _import_headings(o: Obj) -> ImportHeadings:
    set_aside = tuple(SetAside(_words(s, "headings"), s.text("reason", required=True))
                      for s in o.objs("set_aside"))
    return ImportHeadings(_words(o, "key_messages"), _words(o, "references"),
                          _words(o, "illustrations"), _words(o, "clips"), set_aside)


def _range(o: Obj) -> Range:
    lo = o.integer("min", minimum=0) if o.has("min") else None
    hi = o.integer("max", minimum=0) if o.has("max") else None
    if lo is not None and hi is not None and lo > hi:
        raise DataError("'min' is larger than 'max'", o.path)
    return Range(lo, hi)


def parse_template(data: object, source: str = "") -> Template:
    """Build a Template from parsed JSON, or raise DataError naming the first problem."""
    o = Obj(data)
    schema = o.integer("schema", required=True)
    if schema > TEMPLATE_SCHEMA:
        raise DataError(f"this template needs a newer PiP Writer (template schema {schema})",
                        "schema")
    sections = tuple(_section_spec(s) for s in o.objs("sections", required=True))
    keys = [s.key for s in sections]
    if len(keys) != len(set(keys)):
        raise DataError("two sections share a key", "sections")
    viewpoint = _section_spec(o.obj("viewpoint", required=True))
    order = tuple(o.strs("order", required=True))
    for i, key in enumerate(order):
        if key != "@viewpoints" and key not in keys:
            raise DataError(f"unknown section '{key}'", f"order[{i}]")
    sides = tuple(Side(s.text("id", required=True), s.text("label", required=True),
                       s.integer("min_authors", 0, minimum=0), s.text("viewpoint_label"))
                  for s in o.objs("sides", required=True))
    side_ids = {s.id for s in sides}
    partner_types = []
    for p in o.objs("partner_types", required=True):
        side = p.text("side", required=True)
        if side not in side_ids:
            raise DataError(f"unknown side '{side}'", f"{p.path}.side")
        partner_types.append(PartnerType(p.text("id", required=True), p.text("label", required=True),
                                         side, _words(p, "role_words")))
    limits_obj = o.obj("limits", required=True)
    limits = {name: _range(limits_obj.obj(name)) for name in limits_obj.data}
    if "words" not in limits:
        raise DataError("'words' is missing", "limits")
    counted = o.strs("counted", required=True)
    for i, part in enumerate(counted):
        if part not in COUNTABLE_PARTS:
            raise DataError(f"unknown part '{part}' (known: {', '.join(COUNTABLE_PARTS)})",
                            f"counted[{i}]")
    panels = {key: PanelText(p.text("title", required=True), p.text("prompt", required=True),
                             p.text("tooltip"))
              for key, p in ((k, o.obj("panels").obj(k)) for k in o.obj("panels").data)}
    return Template(o.text("id", required=True), o.text("name", required=True),
                    o.text("version", required=True), o.text("journal"), sections, viewpoint,
                    order, tuple(partner_types), sides, limits, frozenset(counted), panels,
                    parse_rules(o.obj("rules")), source, _import_headings(o.obj("import_headings")))


def load_template_file(path: Path) -> Template:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TemplateError(f"Template '{path.name}' could not be read: {error.strerror}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TemplateError(f"Template '{path.name}' is not valid JSON: {error}.") from None
    try:
        return parse_template(data, str(path))
    except DataError as error:
        raise TemplateError(f"Template '{path.name}': {error}") from None


def templates_dir() -> Path:
    from ...resources import resource
    return resource("templates")


def available_templates(folder: Path | None = None) -> dict[str, Template]:
    folder = folder or templates_dir()
    out = {}
    for path in sorted(folder.glob("*.json")):
        template = load_template_file(path)
        out[template.id] = template
    return out


_CACHE: dict[str, Template] = {}


def get_template(template_id: str) -> Template:
    """The template with this id from the bundled templates (cached)."""
    if template_id not in _CACHE:
        _CACHE.update(available_templates())
    try:
        return _CACHE[template_id]
    except KeyError:
        raise TemplateError(f"This article uses the series template '{template_id}', which this "
                            "copy of PiP Writer does not have. Update PiP Writer.") from None
