"""Find and replace over the whole text surface (every field the authors write), without Qt.

A match never crosses a citation or a line break. "Whole words" means the match is not
preceded or followed by a letter, digit or underscore. Replacing keeps the formatting of the
text where each match starts (bold, italic, key-quote flag); a replacement that would make a
field longer than the project file accepts is not made, and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..rules.findings import Where
from ..rules.template import Template
from .article import Article
from .field_text import set_plain_field
from .text import Citation, Inline, Paragraph, Run
from .text_surface import OBJECT, TextField, text_fields


@dataclass(frozen=True)
class Hit:
    field: TextField
    block: int       # paragraph, line or list entry within the field
    start: int       # Python indices in that block
    end: int

    @property
    def where(self) -> Where:
        return self.field.where


@dataclass
class Replaced:
    count: int = 0
    too_long: list[Where] = field(default_factory=list)   # fields left as they were
    empty_names: list[Where] = field(default_factory=list)   # a name cannot become empty


def compile_needle(needle: str, match_case: bool = False,
                   whole_words: bool = False) -> re.Pattern[str] | None:
    needle = needle.replace(OBJECT, "").replace("\n", " ")
    if not needle:
        return None
    body = re.escape(needle)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(article: Article, needle: str, *, match_case: bool = False,
             whole_words: bool = False, panels: dict | None = None) -> list[Hit]:
    """Every match in article order."""
    pattern = compile_needle(needle, match_case, whole_words)
    if pattern is None:
        return []
    return [Hit(f, i, m.start(), m.end()) for f in text_fields(article, panels=panels)
            for i, block in enumerate(f.blocks) for m in pattern.finditer(block)]


# --- replacing --------------------------------------------------------------------------------
Suggest = Callable[[], str]     # makes a new suggested change, returns its id


def _replace_in_paragraph(paragraph: Paragraph, pattern: re.Pattern[str],
                          replacement: str, suggest: Suggest | None = None) -> int:
    block = "".join(OBJECT if isinstance(i, Citation) else i.text for i in paragraph.items)
    matches = [m.span() for m in pattern.finditer(block)]
    if suggest is not None:
        _suggest_spans(paragraph, matches, replacement, suggest)
    else:
        _replace_spans(paragraph, matches, replacement)
    return len(matches)


def _suggest_spans(paragraph: Paragraph, matches: list[tuple[int, int]], replacement: str,
                   suggest: Suggest) -> None:
    """Suggest replacing these spans (Suggest mode): each match is suggested for deletion and
    ``replacement`` suggested after it, the two one suggestion."""
    ids = [suggest() for _match in matches]
    items: list[Inline] = []
    position = 0
    for item in paragraph.items:
        length = 1 if isinstance(item, Citation) else len(item.text)
        start, end = position, position + length
        edges = sorted({start, end, *(x for span in matches for x in span if start < x < end)})
        for a, b in zip(edges, edges[1:], strict=False):
            piece = item if isinstance(item, Citation) else \
                replace(item, text=item.text[a - start:b - start])
            number = next((n for n, (s, e) in enumerate(matches) if s <= a and b <= e), None)
            if number is not None and not piece.dele:
                piece = replace(piece, dele=ids[number])
            items.append(piece)
            if number is not None and b == matches[number][1] and replacement:
                bold, italic = (piece.bold, piece.italic) if isinstance(piece, Run) else \
                    (False, False)
                items.append(Run(replacement, bold, italic, ins=ids[number]))
        position = end
    paragraph.items[:] = Paragraph(items, paragraph.style).normalised().items


def _replace_spans(paragraph: Paragraph, matches: list[tuple[int, int]],
                   replacement: str) -> None:
    """Replace these spans of a paragraph's runs, right to left, each keeping the format of
    the text where it starts."""
    spans: list[tuple[int, int, int]] = []      # (start, end, item index) of each item
    position = 0
    for index, item in enumerate(paragraph.items):
        length = 1 if isinstance(item, Citation) else len(item.text)
        spans.append((position, position + length, index))
        position += length
    for start, end in reversed(matches):
        covered = [(s, e, i) for s, e, i in spans if s < end and e > start] or \
            [(s, e, i) for s, e, i in spans if s <= start <= e][:1]
        first = True
        for s, e, i in covered:
            run = paragraph.items[i]
            assert isinstance(run, Run)     # a match never covers a citation
            head = run.text[:max(start - s, 0)] if first else ""
            tail = run.text[end - s:] if end < e else ""
            run.text = head + (replacement if first else "") + tail
            first = False
    paragraph.items[:] = paragraph.normalised().items


def replace_all(article: Article, needle: str, replacement: str, *, match_case: bool = False,
                whole_words: bool = False, template: Template | None = None,
                suggest: Suggest | None = None) -> Replaced:
    """Replace every match in every field; one change to the article (one undo step in the app).
    With ``suggest`` (Suggest mode), a match in a section's text is suggested instead.

    Author names changed here carry viewpoint headings made from them along (pass the
    template for that)."""
    pattern = compile_needle(needle, match_case, whole_words)
    result = Replaced()
    if pattern is None:
        return result
    replacement = replacement.replace("\n", " ").replace(OBJECT, "")
    for f in list(text_fields(article)):
        found = sum(len(pattern.findall(block)) for block in f.blocks)
        if not found:
            continue
        if f.rich:
            section = article.section(f.where.section_id)
            if section is not None:
                result.count += sum(_replace_in_paragraph(p, pattern, replacement, suggest)
                                    for p in section.body.paragraphs)
            continue
        blocks = [pattern.sub(lambda _m: replacement, block) for block in f.blocks]
        if len("\n".join(blocks)) > f.max_len:
            result.too_long.append(f.where)
            continue
        if set_plain_field(article, f.where, blocks, template):
            result.count += found
        else:
            result.empty_names.append(f.where)
    return result


def replace_hit(article: Article, hit: Hit, needle: str, replacement: str, *,
                match_case: bool = False, whole_words: bool = False,
                template: Template | None = None, suggest: Suggest | None = None) -> bool:
    """Replace one match found earlier, if the text there still matches; False otherwise."""
    pattern = compile_needle(needle, match_case, whole_words)
    current = next((f for f in text_fields(article) if f.where == hit.where), None)
    if pattern is None or current is None or hit.block >= len(current.blocks):
        return False
    block = current.blocks[hit.block]
    match = pattern.match(block, hit.start)
    if match is None or match.end() != hit.end:
        return False
    replacement = replacement.replace("\n", " ").replace(OBJECT, "")
    if current.rich:
        section = article.section(hit.where.section_id)
        assert section is not None
        paragraph = section.body.paragraphs[hit.block]
        if suggest is not None:
            _suggest_spans(paragraph, [(hit.start, hit.end)], replacement, suggest)
        else:
            _replace_spans(paragraph, [(hit.start, hit.end)], replacement)
        return True
    blocks = list(current.blocks)
    blocks[hit.block] = block[:hit.start] + replacement + block[hit.end:]
    if len("\n".join(blocks)) > current.max_len:
        return False
    return set_plain_field(article, hit.where, blocks, template)
