"""Spelling findings for the checklist and `pipwriter check`: one per distinct flagged word.

Every prose field of the text surface is checked (see :mod:`.text_surface`: names,
organisations and addresses are not). A finding names the word, a likely correction and every
place it occurs; its ``subject`` is the word, so dismissing it, or ignoring the word in this
article, covers every place at once.
"""

from __future__ import annotations

from pathlib import Path

from ..article.article import Article
from ..article.text_surface import TextField, accepted_block, standing_block, text_fields
from ..language.spelling import SpellEngine
from .findings import WARNING, Finding, Where

CODE = "spelling-unknown-word"
NOT_CHECKED = "spelling-not-checked"    # a word list is missing or damaged (checks_language)
MAX_SUGGESTED = 40      # words given a suggestion (each costs a few milliseconds)
MAX_PLACES_NAMED = 4


def article_spell_engine(article: Article, user_words_path: Path | None = None) -> SpellEngine:
    """An engine set up as the app's is for this article: its language, the words ignored in
    it, its authors' names, and the personal dictionary at ``user_words_path`` (if any)."""
    engine = SpellEngine(article.settings.spelling_language, user_words_path)
    engine.set_ignored(article.settings.spell_ignore)
    engine.set_project_names(a.name for a in article.authors)
    return engine


def flagged_places(article: Article, engine: SpellEngine,
                   panels: dict | None = None) -> dict[str, tuple[str, list[Where]]]:
    """Case-folded word -> (the word as first written, the places it is flagged, in order)."""
    found: dict[str, tuple[str, list[Where]]] = {}
    for field in text_fields(article, panels=panels):
        if not field.prose:
            continue
        for block in _checked_blocks(article, field):
            for _start, _end, word in engine.misspelt_spans(block):
                _first, places = found.setdefault(word.casefold(), (word, []))
                if field.where not in places:
                    places.append(field.where)
    return found


def _checked_blocks(article: Article, field: TextField) -> list[str]:
    """The texts of a field that are checked: its blocks, but a paragraph holding suggested
    changes as it stands and as it would be with them all taken, never the two run together
    (found by a walk: a word struck out beside a word put in made "didnew")."""
    section = article.section(field.where.section_id) if field.rich else None
    if section is None:
        return list(field.blocks)
    checked: list[str] = []
    for paragraph, block in zip(section.body.paragraphs, field.blocks, strict=True):
        if paragraph.has_suggestions():
            checked += [standing_block(paragraph), accepted_block(paragraph)]
        else:
            checked.append(block)
    return checked


def _places_text(places: list[Where]) -> str:
    names = [f"“{w.label}”" if w.panel == "section" and w.field == "body" else w.label
             for w in places[:MAX_PLACES_NAMED]]
    more = len(places) - MAX_PLACES_NAMED
    if more > 0:
        names.append(f"{more} more place{'s' if more > 1 else ''}")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def spelling_findings(article: Article, engine: SpellEngine,
                      panels: dict | None = None) -> list[Finding]:
    out = []
    for n, (_key, (word, places)) in enumerate(flagged_places(article, engine, panels).items()):
        suggestions = engine.suggest(word, limit=1) if n < MAX_SUGGESTED else []
        guess = f" Did you mean “{suggestions[0]}”?" if suggestions else ""
        # one place is the finding's own place (shown with it); several are all named here
        where = f" It is in {len(places)} places: {_places_text(places)}." \
            if len(places) > 1 else ""
        out.append(Finding(
            WARNING, CODE,
            f"“{word}” may be misspelt.{guess}{where} Correct it, or, if it is right, add it "
            "to your dictionary or ignore it in this article.",
            places[0], tuple(places), subject=word.casefold()))
    return out
