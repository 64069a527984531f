"""Key quotes: a document PiP Writer exported lists them under "Key quotes" (for the editors);
on import each is flagged again in the text where it appears."""

from __future__ import annotations

from ..model.article.text import Citation, Inline, Paragraph, RichText, Run
from .blocks import Block


def key_quote(block: Block, quotes: list[tuple[str, str]]) -> None:
    """Add the quote in a "Key Quote" paragraph to ``quotes`` as (text, section heading); a
    "Quote Source" paragraph names the section of the quote before it."""
    text = " ".join(block.raw_text.split())
    if block.style == "Key Quote":
        quotes.append((text.strip("\u201c\u201d\""), ""))
    elif block.style == "Quote Source" and quotes:
        source = text.removeprefix("From").strip().strip("\u201c\u201d\"")
        quotes[-1] = (quotes[-1][0], source)


def flag_quote(rich: RichText, text: str, quote_id: str) -> bool:
    """Mark the first occurrence of ``text`` within one paragraph as a key quote."""
    wanted = " ".join(text.split())
    if not wanted:
        return False
    for paragraph in rich.paragraphs:
        plain = paragraph.text()
        start = plain.find(wanted)
        if start < 0:
            continue
        end = start + len(wanted)
        items: list[Inline] = []
        offset = 0
        for item in paragraph.items:
            if not isinstance(item, Run):
                if start < offset < end:
                    item = Citation(list(item.refs), quote_id)
                items.append(item)
                continue
            low, high = offset, offset + len(item.text)
            offset = high
            cut = [max(low, min(high, p)) - low for p in (start, end)]
            pieces = [(item.text[:cut[0]], item.quote), (item.text[cut[0]:cut[1]], quote_id),
                      (item.text[cut[1]:], item.quote)]
            items += [Run(t, item.bold, item.italic, q) for t, q in pieces if t]
        paragraph.items[:] = Paragraph(items, paragraph.style).normalised().items
        return True
    return False
