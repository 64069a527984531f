"""What tells sets of unsaved work apart when they are offered back after a crash.

Two sets can be kept for one article: the same file open twice, or work kept, restored, and
kept again before another crash. Their lines in the recovery dialog used to differ only by
the time each was last kept, often the same minute (found by a walk). Each line now also
gives how many words the set holds, as the window counts them, and, where sets share an
article, which was kept last.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..errors import PipError
from .recovery import RecoveryEntry, recovered_article

log = logging.getLogger(__name__)


def _article_key(entry: RecoveryEntry) -> tuple[str, str]:
    """Sets of work for one article: the same file, or (never saved) the same article."""
    if entry.original is not None:
        return ("file", str(entry.original))
    return ("unsaved", entry.article_id or entry.title)


def counted_words(entry: RecoveryEntry) -> int | None:
    """The words the set holds, counted as the window counts them; None when unreadable."""
    from ..language.counts import count_article
    from ..rules.template import get_template
    try:
        article = recovered_article(entry)
        return count_article(article, get_template(article.template_id)).words_counted
    except (PipError, OSError, KeyError, ValueError) as error:
        log.info("could not count the words of recovery copy %s: %s", entry.session_id, error)
        return None


def recovery_lines(entries: Sequence[RecoveryEntry]) -> list[str]:
    """One line for each entry, in order: what it is, when it was kept, how many words it
    holds, and, where two or more are for one article, whether it is the one kept last."""
    groups: dict[tuple[str, str], list[RecoveryEntry]] = {}
    for entry in entries:
        groups.setdefault(_article_key(entry), []).append(entry)
    lines = []
    for entry in entries:
        line = entry.describe() + "."
        words = counted_words(entry)
        if words is not None:
            line += f" {words:,} word{'' if words == 1 else 's'}."
        same = groups[_article_key(entry)]
        if len(same) > 1:
            last = max(same, key=lambda e: e.saved_at)
            line += (f" Of the {len(same)} kept for this article, this is the newest."
                     if entry is last else
                     f" Of the {len(same)} kept for this article, this is an older one.")
        lines.append(line)
    return lines
