"""The comments of a Word draft, brought in as comments on the same words of the new article
(issue 19: nothing dropped). A comment whose words cannot be found in the article (they were
in a table, say, or the words changed on the way) is reported in the import's notes with what
it said, never dropped silently. A reply made in Word's threads comes in as a reply to the
comment it answers."""

from __future__ import annotations

import logging
from pathlib import Path

from docx.oxml.ns import qn

from ..model.article.article import Article
from ..model.article.text_surface import text_fields
from ..model.coauthoring.comment_data import Comment
from ..model.coauthoring.comments import add_comment, reply
from .review_read import read_paragraph
from .word_threads import reply_parents

log = logging.getLogger(__name__)


def bring_in_comments(path: Path, article: Article) -> list[str]:
    """Add the draft's comments to ``article``; returns notes for those that found no place."""
    import docx
    try:
        document = docx.Document(str(path))
        said = {str(c.comment_id): (c.author, c.text) for c in document.comments}
    except Exception:  # noqa: BLE001 - the draft itself was read; its comments are extra
        log.warning("the comments of %s could not be read", path, exc_info=True)
        return []
    if not said:
        return []
    fields = [f for f in text_fields(article) if f.prose]
    notes: list[str] = []
    placed: set[str] = set()
    parents = reply_parents(document)
    made: dict[str, Comment] = {}
    seen: set[str] = set()
    for element in document.element.body.iter(qn("w:p")):
        paragraph = read_paragraph(element, {}, said)
        for ident, author, text, start, end in paragraph.comments:
            if ident in parents:        # a reply: below, with the comment it answers
                continue
            seen.add(ident)
            quote = paragraph.text[start:end].strip()
            spot = next(((f, n, line.find(quote)) for f in fields
                         for n, line in enumerate(f.blocks) if quote and quote in line), None)
            key = f"{author}\0{text}\0{quote}"
            if key in placed:
                continue
            placed.add(key)
            if spot is None:
                notes.append(f"A comment by {author or 'someone'} on “{quote[:60]}” could not "
                             f"be placed on the same words; it said: {text}")
                continue
            field, line, at = spot
            made[ident] = add_comment(article, field.where, line, at, at + len(quote), text,
                                      author or "A co-author")
    if made:
        notes.insert(0, f"{len(made)} comment{'s' if len(made) != 1 else ''} from the draft "
                        "came in on the same words, with any replies (comments never reach "
                        "the editors).")
    for ident, (author, text) in said.items():     # on no words at all (a picture, say)
        if ident not in seen and ident not in parents:
            notes.append(f"A comment by {author or 'someone'} is not on any words, so it could "
                         f"not be placed; it said: {text}")
    for ident, parent in parents.items():
        seen = {ident}
        while parent in parents and parent not in seen:     # the thread's first comment
            seen.add(parent)
            parent = parents[parent]
        if parent in made and ident in said:
            reply(made[parent], said[ident][1], said[ident][0] or "A co-author")
    return notes
