"""Moving one item of an ordered list (sections, authors, illustrations, key messages)."""

from __future__ import annotations


def move_item(items: list, index: int, delta: int) -> int | None:
    """Move ``items[index]`` by ``delta`` places; the new index, or None if it would leave the
    list (nothing is changed then)."""
    target = index + delta
    if not (0 <= index < len(items) and 0 <= target < len(items)) or delta == 0:
        return None
    items.insert(target, items.pop(index))
    return target
