"""The comments of a reviewed Word copy: new ones put on the same words of the article, Word's
replies put under the comment they answer, and the article's own comments (written into the
copy when it was sent) recognised and not added twice. Used by :mod:`.review_read`."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.article.article import Article
from ..model.article.text import Paragraph
from ..model.coauthoring.comment_data import Comment
from ..model.coauthoring.comments import add_comment, find_field, reply
from ..model.rules.findings import Where
from .review_left_out import LeftOut, ReadBack


@dataclass
class Landed:
    paragraph: ReadBack
    where: Where
    line: int
    body: Paragraph | None = None   # a section's paragraph: its line is found once all are in


@dataclass
class Talk:
    """The copy's comments: id -> (who, what), and each reply's parent (Word's threads)."""

    said: dict[str, tuple[str, str]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)     # when Word says each was written
    done: set[str] = field(default_factory=set)              # marked resolved in Word

    def root(self, comment_id: str) -> str:
        seen = {comment_id}
        while comment_id in self.parents and self.parents[comment_id] not in seen:
            comment_id = self.parents[comment_id]
            seen.add(comment_id)
        return comment_id


def add_comments(article: Article, sent: Article, landed: list[Landed], talk: Talk,
                 threads: dict[str, Comment], left_out: LeftOut) -> tuple[int, int]:
    """The reviewer's comments, on the same words; the article's own are not added again (but
    noted in ``threads``, as the new ones are, for the replies to find them), though lines
    typed into one in Word come in as replies. (comments added, replies added that way)"""
    known = {(c.author, c.text.split("\n", 1)[0]): c.id for c in sent.comments}
    count = typed = 0
    for item in landed:
        for ident, author, text, start, end in item.paragraph.comments:
            if ident in talk.parents:   # a reply: see _add_replies
                continue
            ours = known.get((author, text.split("\n", 1)[0]))
            if ours is not None:
                threads[ident] = found = next(c for c in article.comments if c.id == ours)
                typed += _typed_replies(found, text, left_out.reviewer,
                                        {a.name for a in article.authors})
                if ident in talk.done and not found.resolved:
                    left_out.resolved_in_word(found.text)
                continue
            quote = item.paragraph.text[start:end]
            edited = next((c for c in sent.comments if c.author == author and c.quote == quote
                           and (c.where.key(), c.where.field) ==
                           (item.where.key(), item.where.field)), None)
            if edited is not None:      # ours, its words changed in Word: not a new comment
                threads[ident] = next(c for c in article.comments if c.id == edited.id)
                left_out.comment_edited(author, edited.text, text.split("\n", 1)[0])
                continue
            target = find_field(article, item.where)
            if target is None or item.line >= len(target.blocks):
                left_out.comment_not_placed(author, text, quote)
                continue
            line = target.blocks[item.line]
            at = line.find(quote) if quote.strip() else -1
            if at < 0:
                left_out.comment_not_placed(author, text, quote)
                continue
            threads[ident] = add_comment(article, target.where, item.line, at,
                                         at + len(quote), text, author or "Reviewer")
            # when Word says it was written, not when it was brought in (found by a walk)
            threads[ident].at = talk.dates.get(ident, threads[ident].at)
            count += 1
    return count, typed


def _typed_replies(comment: Comment, text: str, reviewer: str, names: set[str]) -> int:
    """Lines typed into the Word comment below what was sent (the comment and its replies, one
    "Name: words" line each) come in as replies: by the name they start with when it is an
    author's or the reviewer's, else by the reviewer (found by a walk: "Sam Carer: I agree"
    typed inside Bethan's comment was dropped, and the app said there was nothing new)."""
    own = comment.text.split("\n")         # a comment or a reply may hold line breaks
    sent = {line.strip() for line in own} | {
        line.strip() for r in comment.replies for line in f"{r.author}: {r.text}".split("\n")}
    count = 0
    for line in text.split("\n")[len(own):]:
        line = line.strip()
        if not line or line in sent:
            continue
        name, _, words = line.partition(": ")
        who, said = (name, words) if words and name in names | {reviewer} else (reviewer, line)
        reply(comment, said, who)
        sent.add(line)
        count += 1
    return count


def add_replies(talk: Talk, threads: dict[str, Comment]) -> int:
    """Word's replies, as replies to the comment they answer (not twice)."""
    count = 0
    for ident in sorted(talk.parents, key=lambda i: int(i) if i.isdigit() else 0):
        comment = threads.get(talk.root(ident))
        if comment is None or ident not in talk.said:
            continue
        author, text = talk.said[ident]
        author = author or "Reviewer"
        if any((r.author, r.text) == (author, text.strip()) for r in comment.replies):
            continue
        answer = reply(comment, text, author)
        answer.at = talk.dates.get(ident, answer.at)
        count += 1
    return count
