"""The manuscript's blocks as simple HTML, for the app's article preview (no Qt here).

One HTML paragraph per block, in the blocks' order, so the preview can tell which block a
reader is on (Go to). Pictures are ``<img src="pip-media:NAME">``: the preview supplies the
picture from the project. With ``mark_counted`` the paragraphs whose words count toward the
series' limit are shaded.
"""

from __future__ import annotations

from html import escape

from .manuscript import Block, Span

MEDIA_SCHEME = "pip-media"
COUNTED_BACKGROUND = "#fff1b8"    # pale yellow: black text on it has a contrast of 18:1

_TAGS = {"Title": "h1", "Heading 1": "h2", "Heading 2": "h3", "Key Messages Heading": "h3"}
_PARAGRAPH_STYLE = {
    "Standfirst": "font-size:large; font-style:italic;",
    "Byline": "color:#333333;",
    "Correspondence": "color:#333333;",
    "Key Messages": "margin-left:16px;",
    "List Bullet": "margin-left:16px;",
    "Note": "font-style:italic; color:#444444;",
    "Caption": "",
    "Reference List": "margin-left:8px;",
    "Figure": "",
}
_BULLETED = {"Key Messages", "List Bullet"}


def _span(span: Span) -> str:
    text = escape(span.text).replace("\n", "<br>").replace("\t", "&nbsp;&nbsp;")
    if span.bold or span.style == "Strong":
        text = f"<b>{text}</b>"
    if span.italic:
        text = f"<i>{text}</i>"
    if span.style == "Citation Superscript":
        text = f"<sup>{text}</sup>"
    if span.link:
        text = f'<a href="{escape(span.link, quote=True)}">{text}</a>'
    return text


def block_html(block: Block, mark_counted: bool = False) -> str:
    if block.picture is not None:
        picture = block.picture
        inner = (f'<img src="{MEDIA_SCHEME}:{escape(picture.media_name, quote=True)}" '
                 f'alt="{escape(picture.alt_text, quote=True)}">')
    else:
        inner = "".join(_span(s) for s in block.spans)
        if block.style in _BULLETED:
            inner = "\u2022&nbsp;" + inner
    style = _PARAGRAPH_STYLE.get(block.style, "")
    if mark_counted and block.counted:
        style += f" background-color:{COUNTED_BACKGROUND};"
    tag = _TAGS.get(block.style, "p")
    attribute = f' style="{style.strip()}"' if style.strip() else ""
    return f"<{tag}{attribute}>{inner or '&nbsp;'}</{tag}>"


def preview_html(blocks: list[Block], *, mark_counted: bool = False) -> str:
    """The whole manuscript as one HTML document."""
    body = "\n".join(block_html(b, mark_counted) for b in blocks)
    return f"<html><body>\n{body}\n</body></html>"
