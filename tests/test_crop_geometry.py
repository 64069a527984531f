"""The arithmetic behind the crop dialog: squares stay inside the picture and keep their centre."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipwriter.model.article import crop_geometry as geo
from pipwriter.model.article.crop_geometry import Square


def test_module_has_no_qt():
    tree = ast.parse(Path(geo.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom)}
    assert not any("PySide" in name or "Qt" in name for name in imported), imported


@pytest.mark.parametrize("size, expected", [
    ((1200, 800), Square(200, 0, 800)),
    ((800, 1200), Square(0, 200, 800)),
    ((901, 600), Square(150, 0, 600)),
    ((500, 500), Square(0, 0, 500)),
    ((1, 7), Square(0, 3, 1)),
])
def test_largest_centred(size, expected):
    assert geo.largest_centred(*size) == expected
    assert expected.rect() == (expected.left, expected.top, expected.side, expected.side)


@pytest.mark.parametrize("size, smallest", [((1200, 800), 64), ((50, 300), 50), ((64, 64), 64),
                                            ((3, 2), 2)])
def test_smallest_side_is_64_or_the_whole_short_side(size, smallest):
    assert geo.smallest_side(*size) == smallest


def test_bad_sizes_are_refused():
    for size in ((0, 10), (10, 0), (-5, 5)):
        with pytest.raises(ValueError):
            geo.largest_centred(*size)
    with pytest.raises(ValueError):
        geo.fit_scale(100, 100, 0)


def test_clamp_keeps_the_square_inside_and_big_enough():
    assert geo.clamp((-30, -1, 200), 1200, 800) == Square(0, 0, 200)
    assert geo.clamp((1150, 790, 200), 1200, 800) == Square(1000, 600, 200)
    assert geo.clamp((10, 10, 5), 1200, 800) == Square(10, 10, 64)
    assert geo.clamp((10, 10, 5000), 1200, 800) == Square(10, 0, 800)
    assert geo.clamp((10.4, 20.6, 99.5), 1200, 800) == Square(10, 21, 100)


def test_move_stops_at_the_edges():
    square = Square(100, 100, 200)
    assert geo.move(square, 30, -40, 1200, 800) == Square(130, 60, 200)
    assert geo.move(square, -500, -500, 1200, 800) == Square(0, 0, 200)
    assert geo.move(square, 5000, 5000, 1200, 800) == Square(1000, 600, 200)


def test_resize_keeps_the_centre_where_there_is_room():
    square = Square(500, 300, 200)                      # centre (600, 400)
    assert geo.resize(square, 100, 1200, 800) == Square(550, 350, 100)
    assert geo.resize(square, 400, 1200, 800) == Square(400, 200, 400)
    assert geo.resize(square, 10, 1200, 800) == Square(568, 368, 64)     # not below 64
    assert geo.resize(square, 9999, 1200, 800) == Square(200, 0, 800)    # not beyond the picture


def test_resize_near_an_edge_is_pushed_back_inside():
    assert geo.resize(Square(0, 0, 100), 300, 1200, 800) == Square(0, 0, 300)
    assert geo.resize(Square(1100, 700, 100), 300, 1200, 800) == Square(900, 500, 300)


def test_centred_on_and_contains():
    square = Square(0, 0, 100)
    assert geo.centred_on(square, 600, 400, 1200, 800) == Square(550, 350, 100)
    assert geo.centred_on(square, 1190, 5, 1200, 800) == Square(1100, 0, 100)
    assert geo.contains(square, 0, 0) and geo.contains(square, 99.9, 50)
    assert not geo.contains(square, 100, 50) and not geo.contains(square, 50, -0.1)


def test_steps_are_two_and_ten_percent_of_the_short_side():
    assert geo.steps(1200, 800) == (16, 80)
    assert geo.steps(20, 30) == (1, 2)
    assert geo.steps(3, 3) == (1, 1)


def test_fit_scale_and_conversions():
    assert geo.fit_scale(1200, 800, 480) == pytest.approx(0.4)
    assert geo.fit_scale(800, 1600, 480) == pytest.approx(0.3)
    assert geo.fit_scale(100, 50, 480) == pytest.approx(4.0)            # enlarged, but not wildly
    assert geo.fit_scale(300, 200, 480) == pytest.approx(1.6)
    assert geo.to_view(Square(200, 100, 400), 0.4) == pytest.approx((80, 40, 160))
    assert geo.to_source(80, 40, 0.4) == pytest.approx((200, 100))


sizes = st.integers(min_value=1, max_value=5000)


@given(sizes, sizes, st.integers(-6000, 6000), st.integers(-6000, 6000),
       st.integers(-100, 9000))
def test_any_square_is_clamped_to_an_allowed_one(width, height, left, top, side):
    square = geo.clamp((left, top, side), width, height)
    assert geo.smallest_side(width, height) <= square.side <= min(width, height)
    assert 0 <= square.left <= width - square.side
    assert 0 <= square.top <= height - square.side
    assert geo.clamp(square, width, height) == square                 # already allowed: kept


@given(sizes, sizes, st.integers(-6000, 6000), st.integers(-6000, 6000), st.integers(1, 9000))
def test_moves_and_resizes_always_give_allowed_squares(width, height, dx, dy, side):
    start = geo.largest_centred(width, height)
    for square in (geo.move(start, dx, dy, width, height),
                   geo.resize(start, side, width, height),
                   geo.centred_on(start, dx, dy, width, height)):
        assert geo.clamp(square, width, height) == square
