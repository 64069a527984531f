"""Python string indices and Qt's UTF-16 positions (they differ after characters outside the
Basic Multilingual Plane, such as emoji). Pure Python: the UI converts with these."""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int, str]     # start, end, the word


def _needs_mapping(text: str) -> bool:
    """Whether ``text`` has a character outside the Basic Multilingual Plane. ``max`` reads the
    characters in C: a loop in Python over every character of the paragraph, at each key, was
    most of a key's time in a paragraph holding a citation (U+FFFC) or a curly quote (issue 23)."""
    return not text.isascii() and max(text) > "\uffff"


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (what Qt counts)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf16_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Convert Python-index spans in ``text`` to UTF-16 code-unit spans (what Qt uses)."""
    spans = list(spans)
    if not spans or not _needs_mapping(text):
        return spans
    offsets = [0] * (len(text) + 1)
    units = 0
    for index, ch in enumerate(text):
        offsets[index] = units
        units += 2 if ord(ch) > 0xFFFF else 1
    offsets[len(text)] = units
    return [(offsets[start], offsets[end], word) for start, end, word in spans]


def python_index(text: str, utf16_position: int) -> int:
    """The Python index in ``text`` of a UTF-16 position (e.g. a QTextCursor position in a block)."""
    if not _needs_mapping(text):
        return utf16_position
    units = 0
    for index, ch in enumerate(text):
        if units >= utf16_position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


