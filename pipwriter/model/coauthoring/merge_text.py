"""Parts of an article's JSON as readable text, for the merge dialog, and the text helpers it
uses (a word-by-word difference, combining two versions' paragraphs)."""

from __future__ import annotations

import copy
import difflib
import json
import logging
import re
from typing import Any

from ..article.article import Article
from ..article.citations import format_citation
from ..article.reference import Reference, format_bmj
from ..errors import PipError
from ..jsonread import Obj

log = logging.getLogger(__name__)
JsonObject = dict[str, Any]


# --- rendering parts as text ---------------------------------------------------------------------
def _paragraph_text(paragraph: dict, numbers: dict[str, int], style: str) -> str:
    parts = []
    for run in paragraph.get("runs", []):
        if "cite" in run:
            found = [numbers[r] for r in run["cite"] if r in numbers]
            label = format_citation(found, "brackets") if found else "[?]"
            parts.append(label if style != "superscript" else label.strip("[]"))
        else:
            parts.append(run.get("t", ""))
        if run.get("ins"):          # a suggested change: said in words, not mixed in
            parts[-1] = f"[suggested: add “{parts[-1]}”]"
        elif run.get("del"):
            parts[-1] = f"[suggested: delete “{parts[-1]}”]"
    text = "".join(parts)
    return f"• {text}" if paragraph.get("style") == "bullet" else text


def body_text(body: list, article: Article) -> str:
    """A section's paragraphs (JSON) as plain text, citations as numbers in ``article``."""
    numbers = article.reference_numbers()
    style = article.settings.citation_style
    return "\n\n".join(_paragraph_text(p, numbers, style) for p in body)


def reference_label(ref: dict) -> str:
    text = format_bmj_json(ref) or "reference"
    return text if len(text) <= 70 else text[:69] + "…"


_AUTHOR_FIELDS = (("name", "Name"), ("credentials", "Qualifications"), ("partner_type", "Partner"),
                  ("role", "Role"), ("affiliation", "Affiliation"), ("email", "Email"),
                  ("handle", "X/Twitter"))


def author_text(author: dict) -> str:
    lines = [f"{label}: {author.get(key)}" for key, label in _AUTHOR_FIELDS if author.get(key)]
    if author.get("corresponding"):
        lines.append("Corresponding author")
    if author.get("photo"):
        photo = author["photo"]
        lines.append("Photo: " + (photo.get("media", {}).get("original_name") or "attached")
                     + (" (agreed for publication)" if photo.get("consent") else ""))
    return "\n".join(lines)


def disclosure_text(disclosure: dict) -> str:
    lines = []
    for number, item in sorted(disclosure.get("items", {}).items(), key=lambda x: int(x[0])):
        answer = item.get("answer") or "not answered"
        entries = [e for e in item.get("entries", []) if e.get("entity") or e.get("what")]
        detail = "; ".join(f"{e.get('entity', '')} {e.get('what', '')}".strip() for e in entries)
        lines.append(f"Item {number}: {answer}" + (f" ({detail})" if detail else ""))
    if disclosure.get("custom_statement"):
        lines.append(f"Own wording: {disclosure['custom_statement']}")
    if disclosure.get("certified_on"):
        lines.append(f"Certified on {disclosure['certified_on']}")
    return "\n".join(lines)


def media_text(item: dict) -> str:
    lines = []
    for key, label in (("title", "Title"), ("kind", "Kind"), ("caption", "Caption"),
                       ("alt_text", "Description"), ("credit", "Credit"), ("url", "Link"),
                       ("transcript", "Transcript")):
        if item.get(key):
            lines.append(f"{label}: {item[key]}")
    media = item.get("media")
    if media:
        lines.append(f"File: {media.get('original_name') or media.get('name')}")
    lines.append("Marked as OK to publish" if item.get("permission") else
                 "Not yet marked as OK to publish")
    return "\n".join(lines)


def scalar_text(value: object) -> str:
    return "\n".join(f"• {m}" for m in value) if isinstance(value, list) else str(value)


def absent_text(side: str, two_way: bool) -> str:
    if two_way:
        return f"(not in {side} copy)"
    return f"(removed in {side} copy)"


def format_bmj_json(ref: JsonObject) -> str:
    """A reference (JSON) in BMJ style; one the reader refuses is shown by its title or text."""
    try:
        return format_bmj(Reference.from_json(Obj(ref)))
    except PipError as error:
        log.info("a reference in a copy could not be read for showing: %s", error)
        return str(ref.get("title") or ref.get("text") or "")




# --- helpers for showing and combining texts -----------------------------------------------------
# a suggested change, said in words (see _paragraph_text), is one token, never glued to the
# word after it: a walk found "People" marked as only in one copy, as "”]People" in the other
_TOKEN = re.compile(r"\[suggested: (?:add|delete) “[^”]*”\]|\s+|[^\s\[]+|\[")


def word_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """The differences between two texts word by word: (operation, text in a, text in b) with
    operation "equal", "delete" (only in a), "insert" (only in b) or "replace"."""
    left, right = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    return [(op, "".join(left[i1:i2]), "".join(right[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def combine_paragraphs(mine: list, theirs: list) -> list:
    """Paragraphs (JSON) of both texts: yours, with their new or changed paragraphs after the
    ones they replace, so nothing either side wrote is lost."""
    key = [json.dumps(p, sort_keys=True) for p in mine]
    other = [json.dumps(p, sort_keys=True) for p in theirs]
    matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += mine[i1:i2]
        else:
            out += mine[i1:i2] + theirs[j1:j2]
    return copy.deepcopy(out)


def by_id(data: JsonObject | None, key: str) -> dict[str, JsonObject]:
    return {item["id"]: item for item in (data or {}).get(key, [])}
