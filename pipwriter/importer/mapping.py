"""Where each heading of a Word draft goes: a section of the series template, a viewpoint, a
section of its own, the key messages, the reference list... or "Imported text not yet placed".

A heading is matched **whole**, never by a part of it: after case, quotes, numbering ("2.",
"Part 3") and punctuation are set aside, it must equal a section's key or title (or the words
of the title before its colon, "Why we did it"), or one of the headings the template lists for
that part (``synonyms`` in the template's JSON: "Background", "Our approach", "Results so
far"...). A heading such as "Background: where we started" is matched by its words before the
colon. So "What happened" can never become "What happens next".

A viewpoint is a heading with "viewpoint" in it, one of the viewpoint's synonyms ("My story"),
or a person's own account: "Sam's story", "The carer's view", "Dr Patel's perspective" (the
viewpoint's ``person_words``). Headings the template sets aside (acknowledgements, funding,
competing interests) are kept for the authors, not counted, with the template's reason.

Anything else becomes a section of its own, flagged *unsure*, so the app can ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.rules.checks import UNPLACED_TITLE
from ..model.rules.template import Template

VIEWPOINT, OWN, UNPLACED = "@viewpoint", "@own", "@unplaced"
KEY_MESSAGES, REFERENCES, ILLUSTRATIONS = "@key_messages", "@references", "@illustrations"
CLIPS, KEY_QUOTES, GENERATED = "@clips", "@key_quotes", "@generated"
SPECIAL_LABELS = {
    VIEWPOINT: "A partner's viewpoint",
    UNPLACED: f"“{UNPLACED_TITLE}” (place it later)",
    KEY_MESSAGES: "The key messages",
    REFERENCES: "The reference list",
    ILLUSTRATIONS: "Illustrations (pictures and captions)",
    CLIPS: "Video and audio clips",
    KEY_QUOTES: "Key quotes flagged for the editors",
    GENERATED: "Left out: PiP Writer writes this part itself",
}
# what PiP Writer's own export writes from the article (left out when it comes back)
_OWN_EXPORT_GENERATED = ("competing interests", "word count")
_TITLED = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame)\.?\s", re.IGNORECASE)
_LEADING = re.compile(r"^(?:the|a|an|our|my|one)\s+")


@dataclass
class HeadingChoice:
    """One heading of the draft and where its text goes."""

    number: int             # which heading (0, 1, 2... in document order)
    heading: str
    target: str             # a template section key, or one of the @ targets above
    unsure: bool = False
    reason: str = ""


def normalise(text: str) -> str:
    """Lower case, straight quotes, numbering and punctuation removed, "&" as "and", spaces
    collapsed: "2. Background & aims:" -> "background and aims"."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("&", " and ").lower()
    text = re.sub(r"^\s*(?:part\s+|section\s+)?(?:\d+(?:\.\d+)*|[ivx]+)[.)]?\s+", "", text)
    text = re.sub(r"[^\w' ]+", " ", text)
    text = re.sub(r"(?<!\w)'|'(?!\w)", lambda m: m.group(0) if m.start() and
                  text[m.start() - 1] == "s" else " ", text)      # keep "patients'" only
    return " ".join(text.split())


def _before_colon(text: str) -> str:
    """The words of a heading before its colon or dash ("Background: where we started")."""
    match = re.search(r"\s*(?::|\u2013|\u2014|\s-\s)\s*", text)
    return text[:match.start()] if match else ""


def _names(text: str) -> set[str]:
    out = {normalise(text)}
    head = _before_colon(text)
    if head:
        out.add(normalise(head))
    return out - {""}


def _section_by_name(names: set[str], template: Template) -> str:
    """The key of the section whose key, title or synonyms equal one of ``names``."""
    for spec in template.sections:
        own = {spec.key.lower()} | _names(spec.title) | {normalise(s) for s in spec.synonyms}
        if names & own:
            return spec.key
    return ""


def _special_by_name(names: set[str], template: Template) -> str:
    headings = template.import_headings
    for target, words in ((KEY_MESSAGES, headings.key_messages),
                          (REFERENCES, headings.references),
                          (ILLUSTRATIONS, headings.illustrations), (CLIPS, headings.clips)):
        if names & {normalise(w) for w in words}:
            return target
    return ""


def _person_match(norm: str, template: Template) -> re.Match[str] | None:
    """"sam's story" -> the match, group 1 the person ("sam")."""
    words = sorted((normalise(w) for w in template.viewpoint.person_words), key=len,
                   reverse=True)
    if not words:
        return None
    pattern = r"^(.+?)(?:'s|s'|')\s+(?:" + "|".join(re.escape(w) for w in words) + r")$"
    return re.match(pattern, norm)


def is_viewpoint_heading(text: str, template: Template) -> bool:
    norm = normalise(text)
    names = _names(text)
    return "viewpoint" in norm.split() or "point of view" in norm or \
        bool(names & {normalise(s) for s in template.viewpoint.synonyms}) or \
        any(_person_match(n, template) for n in names)


def classify(text: str, template: Template, own_export: bool = False) -> tuple[str, bool, str]:
    """(target, unsure, reason) for one heading."""
    norm = normalise(text)
    if not norm:
        return UNPLACED, True, "The heading has no words."
    names = _names(text)
    special = _special_by_name({norm}, template)
    if special:
        return special, False, ""
    if own_export:
        if norm in _OWN_EXPORT_GENERATED:
            return GENERATED, False, "PiP Writer writes this from the article when exporting."
        if norm.startswith("key quotes"):
            return KEY_QUOTES, False, ""
    for set_aside in template.import_headings.set_aside:
        if names & {normalise(h) for h in set_aside.headings}:
            return UNPLACED, False, set_aside.reason
    if is_viewpoint_heading(text, template):
        return VIEWPOINT, False, ""
    key = _section_by_name(names, template)
    if key:
        return key, False, ""
    special = _special_by_name(names, template)
    if special:
        return special, False, ""
    return OWN, True, ("The heading is not one the series' parts are known by. Choose the "
                       "part it belongs to, or keep it as a section of its own.")


def target_label(target: str, template: Template, heading: str = "") -> str:
    if target in SPECIAL_LABELS:
        return SPECIAL_LABELS[target]
    if target == OWN:
        return f"A section of its own, headed “{heading}”" if heading else \
            "A section of its own"
    spec = template.section_spec(target)
    return spec.title if spec else target


def target_options(template: Template, heading: str = "") -> list[tuple[str, str]]:
    """Every place a heading's text can go, as (target, label)."""
    keys = [s.key for s in template.sections]
    targets = keys + [VIEWPOINT, OWN, KEY_MESSAGES, REFERENCES, ILLUSTRATIONS, UNPLACED]
    return [(t, target_label(t, template, heading)) for t in targets]


def target_for_key(key: str, template: Template) -> str:
    """The target a person names on the command line ("design", "viewpoint", "own",
    "unplaced", "key_messages", "references", "illustrations"); "" when there is none."""
    word = key.strip().lower().lstrip("@").replace("-", "_").replace(" ", "_")
    if template.section_spec(word) is not None and word != template.viewpoint.key:
        return word
    if word == template.viewpoint.key:
        return VIEWPOINT
    return next((t for t, _label in target_options(template) if t == "@" + word), "")


def role_of(text: str, template: Template) -> str:
    """The partner type a role or description names ("carer", "consultant cardiologist",
    "Patient"), by the template's ``role_words`` (the longest found wins); "" if none."""
    norm = f" {normalise(text)} "
    best, found = 0, ""
    for partner in template.partner_types:
        for word in partner.role_words:
            phrase = normalise(word)
            if phrase and f" {phrase} " in norm and len(phrase) > best:
                best, found = len(phrase), partner.id
    if not found and re.search(r"\w(?:ologist|iatrist|iatrician)\b", norm):
        found = "health_professional"
    return found


def only_role_words(text: str, template: Template) -> bool:
    """Whether ``text`` names a kind of person ("patient", "consultant cardiologist"), not a
    person."""
    rest = f" {normalise(text)} "
    words = sorted((normalise(w) for p in template.partner_types for w in p.role_words),
                   key=len, reverse=True)
    for phrase in words:
        rest = rest.replace(f" {phrase} ", " ").replace(f" {phrase}s ", " ")
    rest = re.sub(r"\w+(?:ologist|iatrist|iatrician)s?\b", " ", rest)
    return not rest.split()


def viewpoint_people(heading: str, template: Template) -> tuple[str, list[str]]:
    """(partner type or "", names) from headings such as "Patient's viewpoint: Sam Jones",
    "Sam's story", "Viewpoint of Dr Asha Patel and Jo Bloggs", "A clinician's perspective"."""
    text = " ".join(heading.replace("\u2019", "'").split())
    head = _before_colon(text) or text
    names_text = text[len(head):].lstrip(" :\u2013\u2014-") if head != text else ""
    role = ""
    person = _person_match(normalise(head), template)
    if person:
        who = _LEADING.sub("", person.group(1))
        role = role_of(who, template)
        if not only_role_words(who, template):
            # a name, as written in the heading ("Priya's story: living with heart failure":
            # the words after the colon are the story's subtitle)
            cut = re.match(r"^(.+?)(?:'s|s'|')\s", head, re.IGNORECASE)
            names_text = cut.group(1) if cut else who
    else:
        match = re.match(r"^(?:viewpoint|perspective|story)\s+(?:of|from)\s+(.+)$", head,
                         re.IGNORECASE)
        if match and not names_text:
            names_text = match.group(1)
        elif any(w in normalise(head) for w in ("viewpoint", "perspective", "story")):
            # "Patient viewpoint: Jane Doe", "Carer perspective": the side is in the heading
            role = role_of(head, template)
    names = [n.strip(" .,;") for n in re.split(r"\s+(?:and|&)\s+|,\s*", names_text) if
             n.strip(" .,;")]
    return role, names


def is_titled_name(name: str) -> bool:
    """Whether a name starts with a title such as "Dr" or "Prof"."""
    return bool(_TITLED.match(name))
