"""Three-way merge of a section's paragraphs: only paragraphs both copies changed can conflict.

The paragraphs of the base (the text as it was sent), of yours and of theirs are compared as
whole paragraphs. Where neither copy changed a run of base paragraphs, it is kept; where one copy
changed, added or removed paragraphs and the other left that place alone, that copy's version is
taken; where both made the same change, it is taken once. Only where both changed the same place
differently is there a conflict, and the text offered for it holds each version once: yours, then
whatever of theirs is not already in it (the base's own wording is not repeated beside them).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

Paragraphs = list[Any]      # paragraphs as the article's JSON holds them


@dataclass
class ParagraphMerge:
    merged: Paragraphs          # the merged text; at a conflict, yours
    combined: Paragraphs        # the merged text; at a conflict, each version once
    conflicts: int              # places both copies changed differently
    theirs_taken: int           # places where their change was taken


def _key(paragraph: Any) -> str:
    return json.dumps(paragraph, sort_keys=True, ensure_ascii=False)


def _matches(base: list[str], other: list[str]) -> dict[int, int]:
    """Base index -> other index for paragraphs the other copy left as they were."""
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    found: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for offset in range(size):
            found[a + offset] = b + offset
    return found


def merge_paragraphs(base: Paragraphs, mine: Paragraphs, theirs: Paragraphs) -> ParagraphMerge:
    keys = [_key(p) for p in base], [_key(p) for p in mine], [_key(p) for p in theirs]
    in_mine, in_theirs = _matches(keys[0], keys[1]), _matches(keys[0], keys[2])
    merged: Paragraphs = []
    combined: Paragraphs = []
    conflicts = taken = 0
    i = j = k = 0

    def take(b_part: list[str], m_part: list[str], t_part: list[str], mine_chunk: Paragraphs,
             theirs_chunk: Paragraphs) -> None:
        """Three versions of one place: the one that changed, or both (a conflict)."""
        nonlocal conflicts, taken
        if m_part == t_part or t_part == b_part:
            merged.extend(mine_chunk)
            combined.extend(mine_chunk)
        elif m_part == b_part:
            merged.extend(theirs_chunk)
            combined.extend(theirs_chunk)
            taken += 1
        elif len(b_part) == len(m_part) == len(t_part) > 1:
            # paragraphs edited in place on both sides: settle them one by one
            for n in range(len(b_part)):
                take(b_part[n:n + 1], m_part[n:n + 1], t_part[n:n + 1], mine_chunk[n:n + 1],
                     theirs_chunk[n:n + 1])
        else:
            conflicts += 1
            merged.extend(mine_chunk)
            combined.extend(mine_chunk)
            combined.extend(p for p, key in zip(theirs_chunk, t_part, strict=True)
                            if key not in m_part)

    def settle(b_end: int, m_end: int, t_end: int) -> None:
        take(keys[0][i:b_end], keys[1][j:m_end], keys[2][k:t_end], mine[j:m_end],
             theirs[k:t_end])

    for b in range(len(base)):
        if b < i or b not in in_mine or b not in in_theirs:
            continue
        m, t = in_mine[b], in_theirs[b]
        if m < j or t < k:
            continue
        settle(b, m, t)              # the changes before this paragraph both copies kept
        merged.append(mine[m])
        combined.append(mine[m])
        i, j, k = b + 1, m + 1, t + 1
    settle(len(base), len(mine), len(theirs))
    return ParagraphMerge(merged, combined, conflicts, taken)
