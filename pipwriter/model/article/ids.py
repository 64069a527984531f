"""Stable identifiers for things the article links to (authors, references, sections...)."""

import secrets


def new_id(prefix: str) -> str:
    """A short random id such as ``ref-3f9a1c2b``; unique enough within one article."""
    return f"{prefix}-{secrets.token_hex(4)}"
