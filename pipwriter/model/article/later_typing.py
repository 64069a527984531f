"""Undoing or redoing a change to the article never takes away what was typed since.

A change (a key message edited, an approval, a reference removed, Replace all) is undone by
going back to the article as it was before it. Typing in the sections is not a change of that
kind: it has its own undo in each section's text. So between the change and its undo the
sections may hold new words, and going back to the old article whole would throw them away.
:func:`keep_later_typing` carries them into the article the undo (or redo) goes to.
"""

from __future__ import annotations

import copy

from .article import Article
from .text import RichText


def keep_later_typing(target: Article, expected: Article, current: Article) -> list[str]:
    """Put into ``target`` (the article an undo goes back to, or a redo forward to) the
    sections' typing done since: ``expected`` is the article as the change left it (for an
    undo; as it was before the change, for a redo) and ``current`` the article now.

    - A section not typed in since takes ``target``'s text, as the undo asks.
    - A section typed in since that the change did not touch keeps its text as it is now.
    - A section that both the change and the typing touched goes paragraph by paragraph when
      it has as many paragraphs in all three: a paragraph typed in keeps its typing, the others
      are undone. Otherwise it keeps its text as it is now.

    Returns the ids of the sections where some of the change stays because of typing since
    (the caller logs them)."""
    kept = []
    for section in target.sections:
        now, then = current.section(section.id), expected.section(section.id)
        if now is None or then is None or now.body == then.body:
            continue
        if section.body == then.body:
            section.body = copy.deepcopy(now.body)
            continue
        old, new, mine = (section.body.paragraphs, then.body.paragraphs, now.body.paragraphs)
        if not len(old) == len(new) == len(mine):
            section.body = copy.deepcopy(now.body)
            kept.append(section.id)
            continue
        merged, clash = [], False
        for o, n, m in zip(old, new, mine, strict=True):
            merged.append(copy.deepcopy(o if m == n else m))
            clash = clash or (m != n and o != n)
        section.body = RichText(merged)
        if clash:
            kept.append(section.id)
    return kept
