"""Where each heading of a Word draft goes: a section of the series template, a viewpoint, a
section of its own, the key messages, the reference list... or "Imported text not yet placed".

Headings are matched by their words: the template's own section titles first, then words
authors commonly use for each part ("Background" for why we did it, "Lessons" for what we
learnt...). A match that is not clear is flagged *unsure*, so the app can ask.
"""

from __future__ import annotations

import difflib
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

# Words authors use for each part of a Partnership in Practice article (besides its title).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "rationale": ("why we did it", "aim", "aims", "scope", "background", "introduction",
                  "rationale", "the problem", "context", "purpose", "why"),
    "design": ("how we set it up", "set up", "setting up", "set it up", "setting it up", "design", "designing", "method",
               "methods", "approach", "planning", "who was involved", "getting started"),
    "implementation": ("how it worked", "in practice", "implementation", "delivery",
                       "what we did", "process", "putting it into practice"),
    "evaluation": ("what changed", "evaluation", "impact", "results", "outcomes", "findings",
                   "difference it made", "what difference"),
    "learning": ("what we learnt", "what we learned", "learning", "learnt", "learned",
                 "lessons", "reflections", "what worked"),
    "future": ("what happens next", "next steps", "future", "sustainability", "plans",
               "what next", "next"),
}
_SPECIAL_WORDS = {
    KEY_MESSAGES: ("key messages", "key message", "key points", "take home messages",
                   "take-home messages", "summary points"),
    REFERENCES: ("references", "reference list", "bibliography", "sources", "citations"),
    ILLUSTRATIONS: ("illustrations", "figures", "pictures", "images", "photos"),
    CLIPS: ("video and audio clips", "clips", "videos"),
}
_OWN_EXPORT_GENERATED = ("competing interests", "word count")
_INTERESTS = ("competing interests", "declaration of interests", "conflicts of interest",
              "conflict of interest", "declarations", "funding")
_VIEWPOINT_WORDS = ("viewpoint", "point of view")
_VIEWPOINT_MAYBE = ("perspective", "my story", "our story", "in my own words", "reflection")

# Role words in "Patient's viewpoint", mapped to the template's partner types.
ROLE_WORDS = {
    "patient": "patient", "carer": "carer", "caregiver": "carer", "parent": "carer",
    "advocate": "advocate", "community": "community_organisation",
    "clinician": "health_professional", "doctor": "health_professional",
    "nurse": "health_professional", "gp": "health_professional",
    "consultant": "health_professional", "physician": "health_professional",
    "professional": "health_professional", "therapist": "health_professional",
    "pharmacist": "health_professional", "midwife": "health_professional",
    "manager": "manager",
}


@dataclass
class HeadingChoice:
    """One heading of the draft and where its text goes."""

    number: int             # which heading (0, 1, 2... in document order)
    heading: str
    target: str             # a template section key, or one of the @ targets above
    unsure: bool = False
    reason: str = ""


def normalise(text: str) -> str:
    """Lower case, straight quotes, numbering and punctuation removed, spaces collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"^\s*(?:part\s+|section\s+)?(?:\d+(?:\.\d+)*|[ivx]+)[.)]?\s+", "", text)
    text = re.sub(r"[^\w' ]+", " ", text)
    return " ".join(text.split())


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?:^|\s)" + re.escape(phrase) + r"(?:$|\s)", text) is not None


def _matches(norm: str, template: Template) -> tuple[list[tuple[float, str]], list[str]]:
    """(similarity of the heading to each guidance section's title, best first; the keys whose
    keywords the heading contains, the longest keyword first)."""
    similar, hits = [], []
    for spec in template.sections:
        title = normalise(spec.title)
        score = 1.0 if norm in (title, spec.key) else \
            difflib.SequenceMatcher(None, norm, title).ratio()
        similar.append((score, spec.key))
        found = [len(w) for w in KEYWORDS.get(spec.key, ()) if _contains(norm, w)]
        if found:
            hits.append((max(found), spec.key))
    return sorted(similar, reverse=True), [k for _n, k in sorted(hits, reverse=True)]


def is_viewpoint_heading(text: str) -> bool:
    norm = normalise(text)
    return any(_contains(norm, w) for w in _VIEWPOINT_WORDS)


def classify(text: str, template: Template, own_export: bool = False) -> tuple[str, bool, str]:
    """(target, unsure, reason) for one heading."""
    norm = normalise(text)
    if not norm:
        return UNPLACED, True, "The heading has no words."
    for target, words in _SPECIAL_WORDS.items():
        if norm in words:
            return target, False, ""
    if own_export:
        if norm in _OWN_EXPORT_GENERATED:
            return GENERATED, False, "PiP Writer writes this from the article when exporting."
        if norm.startswith("key quotes"):
            return KEY_QUOTES, False, ""
    if any(norm.startswith(w) for w in _INTERESTS):
        return UNPLACED, False, ("Competing interests are declared by each author in PiP "
                                 "Writer; the text is kept for you to use there.")
    if any(_contains(norm, w) for w in _VIEWPOINT_WORDS):
        return VIEWPOINT, False, ""
    similar, hits = _matches(norm, template)
    best, key = similar[0]
    if best >= 0.9:
        return key, False, ""
    if any(_contains(norm, w) for w in _VIEWPOINT_MAYBE):
        return VIEWPOINT, True, "It sounds like one partner's own account."
    if len(hits) == 1:
        return hits[0], False, ""
    if hits:
        return hits[0], True, "The heading could belong to more than one part."
    if best >= 0.6:
        return key, True, "The heading is only a partial match."
    return OWN, True, "It does not match any part of the series' structure."


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


def viewpoint_people(heading: str) -> tuple[str, list[str]]:
    """(partner type or "", names) from headings such as "Patient's viewpoint: Sam Jones",
    "Sam's viewpoint", "Viewpoint of Dr Asha Patel and Jo Bloggs"."""
    text = " ".join(heading.replace("\u2019", "'").split())
    role = ""
    separator = re.search(r"\s*(?::|\u2013|\u2014|\s-\s)\s*", text)
    head, names_text = (text[:separator.start()], text[separator.end():]) if separator \
        else (text, "")
    match = re.match(r"^(?:the\s+)?(.+?)'s?\s+(?:viewpoint|point of view|perspective|story)\b",
                     head, re.IGNORECASE)
    if match:
        who = match.group(1).strip()
        words = who.lower().split()
        found = next((ROLE_WORDS[w] for w in words if w in ROLE_WORDS), "")
        if found:
            role = found
        elif not names_text:
            names_text = who
    else:
        match = re.match(r"^(?:viewpoint|perspective)\s+(?:of|from)\s+(.+)$", head,
                         re.IGNORECASE)
        if match and not names_text:
            names_text = match.group(1)
    names = [n.strip(" .,;") for n in re.split(r"\s+(?:and|&)\s+|,\s*", names_text) if
             n.strip(" .,;")]
    return role, names
