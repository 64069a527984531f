"""Text as the exported documents hold it (no python-docx here): control characters, lone
surrogates and non-characters removed, accents composed, one-line text, which links are kept."""

from __future__ import annotations

import re
import unicodedata

from ..model.article.text import clean_text

# Between items on one line (affiliation and handle, footer and page number): one space either
# side of a middle dot, as in print.
SEPARATOR = " \u00b7 "

# Characters XML 1.0 cannot hold (after clean_text removed the control characters): lone
# surrogates and the non-characters U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LINKABLE = re.compile(r"^(https?://|mailto:)[^\s<>\"]+$", re.IGNORECASE)


def safe_text(text: object) -> str:
    """Text Word can store: no control characters (tab and new line kept), no lone surrogates,
    composed accents (NFC)."""
    value = clean_text(str(text or ""))
    value = _NOT_XML.sub("", value)
    return unicodedata.normalize("NFC", value)


def one_line(text: object) -> str:
    return " ".join(safe_text(text).split())


def linkable(url: str) -> bool:
    return bool(_LINKABLE.match(url.strip()))
