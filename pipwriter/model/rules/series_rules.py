"""The series' rules (the template's ``rules`` object) as one frozen, validated value.

Every rule has exactly one default, here; nothing else in the app reads the template's JSON
``rules`` or supplies a default of its own. A wrong value or an unknown rule is reported when
the template loads, naming the field: ``'reading_ease_target' should be a number (at
rules.reading_ease_target)``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..article.media import ILLUSTRATION_KINDS
from ..errors import DataError
from ..jsonread import Obj
from ..language.readability import LONG_SENTENCE_WORDS


@dataclass(frozen=True)
class SeriesRules:
    """The series' rules from the template's ``rules`` object, each with its one default here
    (read and checked by :func:`parse_rules`)."""

    # words: a count outside the band by up to this share of the nearer limit is a warning,
    # further out an error
    words_tolerance_percent: float = 10.0
    author_photo_required: bool = False
    competing_interests_required: bool = True
    discouraged_illustration_kinds: tuple[str, ...] = ()
    discouraged_illustration_message: str = ("The series does not take this kind of "
                                             "illustration.")
    clip_size_warning_mb: int = 100
    photo_min_short_side_px: int = 600
    image_max_long_side_px: int = 2000
    reading_ease_target: float = 60.0        # Flesch Reading Ease 60-70 is "plain English"
    long_sentence_words: int = LONG_SENTENCE_WORDS   # and never lower than that
    readability_min_words: int = 40          # panels with fewer words get no score advice

    def is_discouraged(self, kind: str) -> bool:
        return kind in self.discouraged_illustration_kinds


_NAMES = {f.name for f in fields(SeriesRules)}


def _number(o: Obj, key: str, default: float, minimum: float, maximum: float) -> float:
    value = o.data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataError(f"'{key}' should be a number", o._where(key))
    if not minimum <= value <= maximum:
        raise DataError(f"'{key}' should be between {minimum:g} and {maximum:g}",
                        o._where(key))
    return float(value)


def parse_rules(o: Obj) -> SeriesRules:
    """The rules from a template's ``rules`` object, or a DataError naming the bad field."""
    for key in o.data:
        if key not in _NAMES:
            raise DataError(f"unknown rule '{key}' (known: {', '.join(sorted(_NAMES))})",
                            o._where(key))
    d = SeriesRules()
    kinds = tuple(o.strs("discouraged_illustration_kinds"))
    for i, kind in enumerate(kinds):
        if kind not in ILLUSTRATION_KINDS:
            raise DataError(f"unknown kind '{kind}' (known: {', '.join(ILLUSTRATION_KINDS)})",
                            f"{o._where('discouraged_illustration_kinds')}[{i}]")
    return SeriesRules(
        words_tolerance_percent=_number(o, "words_tolerance_percent",
                                        d.words_tolerance_percent, 0, 100),
        author_photo_required=o.flag("author_photo_required", d.author_photo_required),
        competing_interests_required=o.flag("competing_interests_required",
                                            d.competing_interests_required),
        discouraged_illustration_kinds=kinds,
        discouraged_illustration_message=o.text("discouraged_illustration_message",
                                               d.discouraged_illustration_message,
                                               max_len=500) or
        d.discouraged_illustration_message,
        clip_size_warning_mb=o.integer("clip_size_warning_mb", d.clip_size_warning_mb, minimum=1,
                                   maximum=100_000),
        photo_min_short_side_px=o.integer("photo_min_short_side_px", d.photo_min_short_side_px,
                                      minimum=1, maximum=20_000),
        image_max_long_side_px=o.integer("image_max_long_side_px", d.image_max_long_side_px,
                                     minimum=100, maximum=20_000),
        reading_ease_target=_number(o, "reading_ease_target", d.reading_ease_target,
                                    -1000, 121),
        long_sentence_words=o.integer("long_sentence_words", d.long_sentence_words,
                                  minimum=LONG_SENTENCE_WORDS, maximum=1000),
        readability_min_words=o.integer("readability_min_words", d.readability_min_words,
                                    minimum=0, maximum=100_000))
