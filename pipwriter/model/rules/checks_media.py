"""Checks on illustrations, clips and the files they use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from .check_context import (
    CheckContext,
    at_author,
    at_clip,
    at_illustration,
    at_panel,
    plural,
)
from .findings import ERROR, WARNING, Finding


# --- illustrations, clips and media files ------------------------------------------------------
def illustration_count(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.limit("illustrations")
    count = ctx.counts.media_items
    if limit.max is not None and count > limit.max:
        yield Finding(WARNING, "illustrations-too-many",
                      f"There are {plural(count, 'illustration or clip', 'illustrations and clips')};"
                      f" the series welcomes up to {limit.max}. Keep the strongest.",
                      at_panel(ctx, "illustrations", "Illustrations"))


def _quoted(text: str, words: int = 8) -> str:
    """The authors' words in curly quotes, cut to their first few words ("“A walk by…”")."""
    found = text.split()
    cut = " ".join(found[:words]).rstrip(" .,;:")
    return f"“{cut}…”" if len(found) > words else f"“{cut}”"


# the advice beside the box (illustrations_tab.py): "Don't start with “Picture of”, and don't
# repeat the caption"; judged here so the marks and the checklist say it too
_PICTURE_OF = re.compile(r"\s*(?:an?\s+|the\s+)?(?:picture|image|photo|photograph|"
                         r"illustration|drawing)\s+(?:of|showing)\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def illustration_details(ctx: CheckContext) -> Iterator[Finding]:
    rules = ctx.template.rules
    for n, item in enumerate(ctx.article.illustrations, start=1):
        where = at_illustration(ctx, item)
        if not item.caption.strip():
            yield Finding(WARNING, "illustration-caption-missing",
                          "An illustration has no caption. Add a sentence saying what it shows.",
                          replace(where, field="caption"))        # "Go to it" lands there
        if not item.alt_text.strip():
            yield Finding(WARNING, "illustration-alt-missing",
                          "An illustration has no description for people who cannot see it. "
                          "Describe what is in the picture in a sentence or two.",
                          replace(where, field="alt_text"))
        elif _words(item.alt_text) == _words(item.caption):
            yield Finding(WARNING, "illustration-alt-repeats-caption",
                          f"The description of figure {n} is the same as its caption. People "
                          "who cannot see the picture hear the caption too: say what is in "
                          "the picture instead.", replace(where, field="alt_text"))
        elif opening := _PICTURE_OF.match(item.alt_text):
            yield Finding(WARNING, "illustration-alt-picture-of",
                          f"The description of figure {n} starts with "
                          f"“{opening.group(0).strip()}”. A screen "
                          "reader already says it is a picture: start with what it shows.",
                          replace(where, field="alt_text"))
        if not item.permission:
            # the words of the tick (illustrations_tab.py), so the author can find it
            picture = _quoted(item.caption) if item.caption.strip() else f"in figure {n}"
            yield Finding(ERROR, "illustration-permission-missing",
                          f"The picture {picture} is not marked as OK to publish. Check that "
                          "you may publish it (or you made it) and that anyone in it agreed. "
                          "Then tick “We have permission to publish this picture”.",
                          replace(where, field="permission"))
        if rules.is_discouraged(item.kind):
            yield Finding(WARNING, "illustration-discouraged-kind",
                          f"{rules.discouraged_illustration_message} Try a photo or a simple drawing.",
                          replace(where, field="kind"))


# matched in the text made lower case once (a case-blind pattern with \b is several times
# slower: this check runs as the navigator's marks are worked out)
_FIGURE_MENTION = re.compile(r"\bfig(?:ure)?s?\.?\s*(\d+(?:\s*(?:,|and|&|\u2013|-|to)\s*\d+)*)")
_CLIP_MENTION = re.compile(r"\b(?:clip|video|audio)s?\s*(\d+(?:\s*(?:,|and|&|\u2013|-|to)\s*\d+)*)")


def _mentioned(pattern: re.Pattern[str], text: str, starts: tuple[str, ...]) -> set[int]:
    """The numbers a (lower-case) text refers to ("fig 1", "figures 1 and 2", "figs 1-3").
    The pattern is tried only where one of its first words ``starts`` (found by plain search,
    far quicker than letting the pattern look everywhere)."""
    numbers: set[int] = set()
    for start in starts:
        at = text.find(start)
        while at >= 0:
            match = pattern.match(text, at)
            if match is not None:
                found = [int(n) for n in re.findall(r"\d+", match.group(1))]
                ranged = re.search(r"\d+\s*(?:\u2013|-|to)\s*\d+", match.group(1))
                if ranged and len(found) == 2 and found[0] <= found[1] <= found[0] + 20:
                    found = list(range(found[0], found[1] + 1))
                numbers.update(found)
            at = text.find(start, at + 1)
    return numbers


def media_mentioned(ctx: CheckContext) -> Iterator[Finding]:
    """Each illustration and clip is referred to in the text ("(fig 1)", "(clip 1)"), so the
    editors know where it belongs."""
    article = ctx.article
    if not article.illustrations and not article.clips:
        return
    text = "\n".join(s.body.plain_text() for s in article.sections).lower()
    figures = _mentioned(_FIGURE_MENTION, text, ("fig",)) if article.illustrations else set()
    clips = _mentioned(_CLIP_MENTION, text, ("clip", "video", "audio")) if article.clips \
        else set()
    for n, item in enumerate(ctx.article.illustrations, start=1):
        if n not in figures:
            yield Finding(WARNING, "figure-not-mentioned",
                          f"Figure {n} is not mentioned in the text. Add “(fig {n})” after the "
                          "sentence it goes with, so the editors know where it belongs.",
                          at_illustration(ctx, item))
    for n, clip in enumerate(ctx.article.clips, start=1):
        if n not in clips:
            yield Finding(WARNING, "clip-not-mentioned",
                          f"Clip {n} is not mentioned in the text. Add “(clip {n})” after the "
                          "sentence it goes with, so the editors know where it belongs.",
                          at_clip(ctx, clip))


def clip_details(ctx: CheckContext) -> Iterator[Finding]:
    for n, clip in enumerate(ctx.article.clips, start=1):
        where = at_clip(ctx, clip)
        if clip.media is None and not clip.url.strip():
            yield Finding(ERROR, "clip-source-missing",
                          "A clip has neither a file nor a link. Attach the file or give the "
                          "address where it is published.", replace(where, field="clip_url"))
        if not clip.caption.strip():
            yield Finding(WARNING, "clip-caption-missing",
                          "A clip has no caption. Add a sentence saying what it is about.",
                          replace(where, field="clip_caption"))
        if not clip.transcript.strip():
            yield Finding(WARNING, "clip-transcript-missing",
                          "A clip has no transcript. Add one so people who cannot hear it can "
                          "read it.", replace(where, field="clip_transcript"))
        if not clip.permission:
            # the words of the tick (clips_tab.py), so the author can find it
            named = clip.title.strip() or clip.caption.strip()
            subject = f"The clip {_quoted(named)}" if named else f"Clip {n}"
            yield Finding(ERROR, "clip-permission-missing",
                          f"{subject} is not marked as OK to publish. Check that everyone "
                          "heard or seen in it agreed. Then tick “Everyone in the clip agreed "
                          "to its publication”.",
                          replace(where, field="permission"))


def missing_media(ctx: CheckContext) -> Iterator[Finding]:
    missing = set(ctx.project.missing_media())
    if not missing:
        return
    article = ctx.article
    for author in article.authors:
        if author.photo and author.photo.media.name in missing:
            yield Finding(ERROR, "media-missing",
                          f"The file of {author.name}'s photo is missing from the project. Add "
                          "the photo again.", at_author(ctx, author))
    for item in article.illustrations:
        if item.media.name in missing:
            yield Finding(ERROR, "media-missing", "The file of an illustration is missing from "
                          "the project. Add the picture again.", at_illustration(ctx, item))
    for clip in article.clips:
        if clip.media and clip.media.name in missing:
            yield Finding(ERROR, "media-missing", "The file of a clip is missing from the "
                          "project. Attach it again.", at_clip(ctx, clip))


def damaged_media(ctx: CheckContext) -> Iterator[Finding]:
    """An attached file that is there but cannot be used: it cannot be read back whole (a bad
    checksum in the project file), or a photo or illustration that is not a picture."""
    media = ctx.project.media

    def problem(name: str, picture: bool) -> str:
        return media.damage(name, picture) if name in media else ""

    def say(what: str, found: str, again: str) -> str:
        if found == "not a picture":
            return f"The file of {what} is not a picture, so it cannot be published. {again}"
        return (f"The file of {what} is damaged: it cannot be read back whole, so it cannot be "
                f"sent. {again}")

    for author in ctx.article.authors:
        found = problem(author.photo.media.name, True) if author.photo else ""
        if found:
            yield Finding(ERROR, "media-damaged", say(f"{author.name}'s photo", found,
                                                      "Remove the photo and add it again."),
                          at_author(ctx, author))
    for item in ctx.article.illustrations:
        found = problem(item.media.name, True)
        if found:
            yield Finding(ERROR, "media-damaged", say("an illustration", found,
                                                      "Remove it and add the picture again."),
                          at_illustration(ctx, item))
    for clip in ctx.article.clips:
        found = problem(clip.media.name, False) if clip.media else ""
        if found:
            yield Finding(ERROR, "media-damaged", say("a clip", found,
                                                      "Remove it and attach the clip again."),
                          at_clip(ctx, clip))
