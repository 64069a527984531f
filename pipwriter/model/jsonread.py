"""Checked reading of parsed JSON: every wrong type gives a DataError naming where it was.

Used by the template loader and the article reader so that a damaged file yields one clear
sentence instead of a traceback.
"""

from __future__ import annotations

from typing import Any

from .errors import DataError

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list",
               dict: "an object", float: "a number"}


class Obj:
    """A JSON object with typed getters. ``path`` is used in error messages."""

    def __init__(self, data: Any, path: str = "", error: type[DataError] = DataError):
        self.error = error
        if not isinstance(data, dict):
            raise error("expected an object", path or "top level")
        self.data = data
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, typ: type | tuple, default: Any, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.error(f"'{key}' is missing", self._where(key))
            return default
        value = self.data[key]
        ok = isinstance(value, typ) and not (typ is int and isinstance(value, bool))
        if typ in (int, float) and isinstance(value, bool):
            ok = False
        if not ok:
            name = _TYPE_NAMES.get(typ if isinstance(typ, type) else typ[0], "another type")
            raise self.error(f"'{key}' should be {name}", self._where(key))
        return value

    def text(self, key: str, default: str = "", required: bool = False,
            choices: tuple[str, ...] | None = None, max_len: int | None = None) -> str:
        """The text at ``key``. ``max_len`` refuses longer text (for ids and other values that
        must be short); without it, any length is read: the size of the whole file is bounded
        where it is read, and text over the app's limits is kept, not refused."""
        value = self._get(key, str, default, required)
        if choices is not None and value not in choices:
            raise self.error(f"'{key}' should be one of {', '.join(choices)}", self._where(key))
        if max_len is not None and len(value) > max_len:
            raise self.error(f"'{key}' is too long", self._where(key))
        return value

    def integer(self, key: str, default: int = 0, required: bool = False,
            minimum: int | None = None, maximum: int | None = None) -> int:
        value = self._get(key, int, default, required)
        if minimum is not None and value < minimum:
            raise self.error(f"'{key}' should be at least {minimum}", self._where(key))
        if maximum is not None and value > maximum:
            raise self.error(f"'{key}' should be at most {maximum}", self._where(key))
        return value

    def flag(self, key: str, default: bool = False, required: bool = False) -> bool:
        return self._get(key, bool, default, required)

    def items(self, key: str, required: bool = False, max_items: int = 100_000) -> list[Any]:
        value = self._get(key, list, [], required)
        if len(value) > max_items:
            raise self.error(f"'{key}' has too many entries", self._where(key))
        return value

    def obj(self, key: str, required: bool = False) -> Obj:
        value = self._get(key, dict, {}, required)
        return Obj(value, self._where(key), self.error)

    def objs(self, key: str, required: bool = False, max_items: int = 100_000) -> list[Obj]:
        return [Obj(item, f"{self._where(key)}[{i}]", self.error)
                for i, item in enumerate(self.items(key, required, max_items))]

    def strs(self, key: str, required: bool = False, max_items: int = 100_000) -> list[str]:
        items = self.items(key, required, max_items)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise self.error("should be text", f"{self._where(key)}[{i}]")
        return list(items)
