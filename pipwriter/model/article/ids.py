"""Stable identifiers for things the article links to (authors, references, sections...)."""

import os


def new_id(prefix: str) -> str:
    """A short random id such as ``ref-3f9a1c2b``; unique enough within one article."""
    # os.urandom is what secrets.token_hex reads; importing secrets (and hmac with it) cost
    # a few milliseconds of every start
    return f"{prefix}-{os.urandom(4).hex()}"


def random_uuid_hex() -> str:
    """A random version-4 UUID as 32 hex digits, as ``uuid.uuid4().hex`` gives it (without
    importing uuid, which imports platform, at every start)."""
    value = bytearray(os.urandom(16))
    value[6] = (value[6] & 0x0F) | 0x40     # version 4
    value[8] = (value[8] & 0x3F) | 0x80     # the RFC 4122 variant
    return value.hex()
