"""The 13 items of the ICMJE disclosure form, loaded from ``resources/icmje/items.json``, and dates.

Item 1 (support for the present manuscript) has no time limit; items 2–13 cover the past
36 months. :func:`since_date` writes that period out for the author ("since 21 November 2023").
Dates are written with English month names whatever the computer's locale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import DataError, PipError
from ..jsonread import Obj

ITEMS_SCHEMA = 1
ITEM_COUNT = 13
TIME_FRAMES = ("none", "36 months")
PERIOD_MONTHS = 36
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


class IcmjeItemsError(PipError):
    """The bundled items file is missing or damaged (a broken installation)."""


@dataclass(frozen=True)
class IcmjeItem:
    number: int
    title: str                      # the form's short title
    time_frame: str                 # "none" (item 1) or "36 months"
    question: str                   # the item asked in plain words
    explanation: str
    examples: tuple[str, ...]       # one or two, for patients, carers and clinicians
    statement_verb: str             # "has received consulting fees"
    statement_preposition: str      # "from" (put before the organisations' names)

    @property
    def time_limited(self) -> bool:
        return self.time_frame != "none"

    def period(self, today: date) -> str:
        """The time this item covers, written out: 'In the past 36 months (since 1 May 2023)'."""
        if not self.time_limited:
            return "No time limit"
        return f"In the past {PERIOD_MONTHS} months ({since_date(today)})"


# --- dates ---------------------------------------------------------------------------------
def long_date(day: date) -> str:
    """'21 November 2026' (no leading zero, English month name)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def months_before(today: date, months: int) -> date:
    """The same day ``months`` months earlier; a day the month lacks becomes its last day
    (36 months before 29 February 2028 is 28 February 2025)."""
    index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + month // 12, month % 12 + 1, 1)     # the next month's first day
    return date(year, month, min(today.day, (following - timedelta(days=1)).day))


def since_date(today: date) -> str:
    """'since 21 November 2023' for 36 months before ``today``."""
    return f"since {long_date(months_before(today, PERIOD_MONTHS))}"


# --- loading -------------------------------------------------------------------------------
def _text(o: Obj, key: str) -> str:
    value = o.text(key, required=True).strip()
    if not value:
        raise DataError(f"'{key}' is empty", o._where(key))
    return value


def _item(o: Obj, expected_number: int) -> IcmjeItem:
    number = o.integer("number", required=True)
    if number != expected_number:
        raise DataError(f"expected item {expected_number} here, found {number}", o._where("number"))
    time_frame = o.text("time_frame", required=True, choices=TIME_FRAMES)
    if (time_frame == "none") != (number == 1):
        raise DataError("only item 1 has no time limit; the others cover 36 months",
                        o._where("time_frame"))
    examples = tuple(e.strip() for e in o.strs("examples", required=True))
    if not 1 <= len(examples) <= 2 or not all(examples):
        raise DataError("give one or two examples, none of them empty", o._where("examples"))
    return IcmjeItem(number, _text(o, "title"), time_frame, _text(o, "question"),
                     _text(o, "explanation"), examples, _text(o, "statement_verb"),
                     _text(o, "statement_preposition"))


def parse_items(data: object) -> list[IcmjeItem]:
    """Items from parsed JSON, or DataError naming the first problem."""
    o = Obj(data)
    schema = o.integer("schema", required=True)
    if schema > ITEMS_SCHEMA:
        raise DataError(f"needs a newer PiP Writer (items schema {schema})", "schema")
    objs = o.objs("items", required=True)
    if len(objs) != ITEM_COUNT:
        raise DataError(f"expected {ITEM_COUNT} items, found {len(objs)}", "items")
    return [_item(item, n) for n, item in enumerate(objs, start=1)]


def items_path() -> Path:
    from ...resources import resource
    return resource("icmje", "items.json")


_CACHE: dict[Path, tuple[IcmjeItem, ...]] = {}


def load_items(path: Path | None = None) -> list[IcmjeItem]:
    """The 13 items, checked. Raises IcmjeItemsError with one readable sentence if damaged."""
    path = path or items_path()
    if path not in _CACHE:
        name = f"The competing-interests items file '{path.name}'"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise IcmjeItemsError(f"{name} could not be read: {error.strerror}. "
                                  "Reinstall PiP Writer.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise IcmjeItemsError(f"{name} is not valid JSON: {error}.") from None
        try:
            _CACHE[path] = tuple(parse_items(data))
        except DataError as error:
            raise IcmjeItemsError(f"{name} is damaged: {error}") from None
    return list(_CACHE[path])


def items_by_number(items: list[IcmjeItem]) -> dict[int, IcmjeItem]:
    return {item.number: item for item in items}
