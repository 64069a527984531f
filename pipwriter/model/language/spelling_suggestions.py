"""How spelling suggestions are found beyond one letter's change and put in order: a word typed
without its space ("alot" -> "a lot"), two-letter changes within a time limit, and the ranking
(fewest changes, then the commoner word, then the same first letter)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from .spelling_words import edits1, match_case

SPLIT_MIN_SCORE = 100  # both halves of a split suggestion must be this common ("a lot")

Ranked = dict[str, tuple[int, int]]      # written form -> (changes, how common)


def splits(lower: str, score: Callable[[str], int]) -> Ranked:
    """'alot' -> 'a lot', 'infact' -> 'in fact': two common words, ranked by the rarer."""
    out = {}
    for index in range(1, len(lower)):
        left, right = lower[:index], lower[index:]
        if len(left) == 1 and left not in ("a", "i"):
            continue
        common = min(score(left), score(right))
        if len(right) > 1 and common >= SPLIT_MIN_SCORE:
            out[f"{left} {right}"] = (1, common)
    return out


def distance_two(edits: list[str], ranked: Ranked, deadline: float,
                 known_forms: Callable[[Iterable[str]], dict[str, str]],
                 score: Callable[[str], int], batch: int = 40) -> None:
    """Add the words two changes away to ``ranked`` until ``deadline`` (perf_counter time)."""
    unique = list(dict.fromkeys(edits))
    for index in range(0, len(unique), batch):
        if time.perf_counter() > deadline:
            return
        second = [e2 for e1 in unique[index:index + batch] for e2 in edits1(e1)]
        for cand, form in known_forms(second).items():
            ranked.setdefault(form, (2, score(cand)))


def best_first(ranked: Ranked, word: str, typed: str, suffix: str, limit: int) -> list[str]:
    """Up to ``limit`` suggestions, best first, in the capitals the word was typed with."""
    lower = typed.lower()
    order = sorted(ranked.items(), key=lambda kv: (
        kv[1][0], -kv[1][1], kv[0][:1].lower() != lower[:1], kv[0].lower(), kv[0]))
    out: list[str] = []
    for form, _key in order:
        suggestion = match_case(typed, form) + suffix
        if suggestion not in out and suggestion != word:
            out.append(suggestion)
        if len(out) >= limit:
            break
    return out
