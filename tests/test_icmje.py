"""The bundled ICMJE items file, its checks, and the written-out 36-month period."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipwriter.model.interests.icmje import (
    IcmjeItemsError,
    items_path,
    load_items,
    long_date,
    months_before,
    since_date,
)


def test_bundled_items_are_the_thirteen_form_items_in_order():
    items = load_items()
    assert [i.number for i in items] == list(range(1, 14))
    assert items[0].title == "Support for the present manuscript"
    assert items[9].title.startswith("Leadership or fiduciary role")
    assert items[12].title == "Other financial or non-financial interests"


def test_only_item_one_has_no_time_limit():
    items = load_items()
    assert items[0].time_frame == "none" and not items[0].time_limited
    assert all(i.time_frame == "36 months" for i in items[1:])
    assert items[0].period(date(2026, 11, 21)) == "No time limit"
    assert items[4].period(date(2026, 11, 21)) == \
        "In the past 36 months (since 21 November 2023)"


def test_every_item_explains_itself_with_one_or_two_examples():
    for item in load_items():
        assert item.question.endswith("?"), item.number
        assert len(item.explanation.split()) >= 15, item.number
        assert 1 <= len(item.examples) <= 2, item.number
        assert item.statement_verb and item.statement_preposition


@pytest.mark.parametrize("today, expected", [
    (date(2026, 11, 21), "since 21 November 2023"),
    (date(2026, 1, 1), "since 1 January 2023"),
    (date(2028, 2, 29), "since 28 February 2025"),     # 2025 has no 29 February
    (date(2027, 2, 28), "since 28 February 2024"),
    (date(2027, 3, 31), "since 31 March 2024"),
])
def test_since_date(today, expected):
    assert since_date(today) == expected


def test_months_before_clamps_to_the_last_day_of_shorter_months():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_long_date_has_no_leading_zero_and_english_month():
    assert long_date(date(2026, 5, 3)) == "3 May 2026"


def _write_items(tmp_path, mutate):
    data = json.loads(items_path().read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "items.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["items"].pop(), "expected 13 items, found 12"),
    (lambda d: d["items"][3].update(number=7), "expected item 4 here, found 7"),
    (lambda d: d["items"][0].update(time_frame="36 months"), "only item 1 has no time limit"),
    (lambda d: d["items"][5].update(time_frame="none"), "only item 1 has no time limit"),
    (lambda d: d["items"][2].update(examples=[]), "one or two examples"),
    (lambda d: d["items"][2].update(examples=["a", "b", "c"]), "one or two examples"),
    (lambda d: d["items"][8].update(explanation="  "), "'explanation' is empty"),
    (lambda d: d["items"][8].pop("title"), "'title' is missing"),
    (lambda d: d.update(schema=99), "newer PiP Writer"),
])
def test_damaged_items_file_names_the_problem(tmp_path, mutate, message):
    path = _write_items(tmp_path, mutate)
    with pytest.raises(IcmjeItemsError, match="items file 'items.json' is damaged") as error:
        load_items(path)
    assert message in str(error.value)


def test_items_file_that_is_not_json(tmp_path):
    path = tmp_path / "items.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(IcmjeItemsError, match="not valid JSON"):
        load_items(path)
