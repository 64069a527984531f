"""The arithmetic of choosing a square to keep from a picture (no Qt here).

A square is given in SOURCE pixels of the picture: ``Square(left, top, side)``. Every function
returns a square that lies wholly inside a ``width`` x ``height`` picture and is no smaller than
:func:`smallest_side` (64 pixels, or the whole short side of a smaller picture). The view shows the
picture scaled by ``scale`` (view pixels per source pixel); :func:`to_view` and :func:`to_source`
convert between the two.
"""

from __future__ import annotations

from typing import NamedTuple

MIN_SIDE = 64          # the smallest square offered, in source pixels
MAX_ZOOM = 4.0         # a tiny picture is shown at most this many times bigger


class Square(NamedTuple):
    left: int
    top: int
    side: int

    def rect(self) -> tuple[int, int, int, int]:
        """(left, top, side, side), the form :func:`pipwriter.imaging.crop_square` takes."""
        return (self.left, self.top, self.side, self.side)

    def centre(self) -> tuple[float, float]:
        return (self.left + self.side / 2, self.top + self.side / 2)


def _check_size(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise ValueError(f"a picture must be at least 1 x 1 pixel, not {width} x {height}")


def _between(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def smallest_side(width: int, height: int, floor: int = MIN_SIDE) -> int:
    """The smallest square allowed: ``floor`` pixels, or the whole short side if that is less."""
    _check_size(width, height)
    return max(1, min(floor, width, height))


def largest_centred(width: int, height: int) -> Square:
    """The biggest square there is, in the middle of the picture."""
    _check_size(width, height)
    side = min(width, height)
    return Square((width - side) // 2, (height - side) // 2, side)


def clamp(square: Square | tuple[int, int, int], width: int, height: int) -> Square:
    """The nearest allowed square: size kept within limits, then moved back inside."""
    left, top, side = (int(round(v)) for v in square)
    side = _between(side, smallest_side(width, height), min(width, height))
    return Square(_between(left, 0, width - side), _between(top, 0, height - side), side)


def move(square: Square, dx: int, dy: int, width: int, height: int) -> Square:
    """Move by (dx, dy) source pixels, stopping at the edges of the picture."""
    return clamp((square.left + dx, square.top + dy, square.side), width, height)


def resize(square: Square, side: int, width: int, height: int) -> Square:
    """Change the size keeping the centre where it is (as far as the edges allow)."""
    side = _between(int(side), smallest_side(width, height), min(width, height))
    cx, cy = square.centre()
    return clamp((round(cx - side / 2), round(cy - side / 2), side), width, height)


def centred_on(square: Square, x: float, y: float, width: int, height: int) -> Square:
    """The same-sized square moved so its centre is at source point (x, y), kept inside."""
    half = square.side / 2
    return clamp((round(x - half), round(y - half), square.side), width, height)


def contains(square: Square, x: float, y: float) -> bool:
    """Whether source point (x, y) lies inside the square."""
    return (square.left <= x < square.left + square.side
            and square.top <= y < square.top + square.side)


def steps(width: int, height: int) -> tuple[int, int]:
    """Keyboard steps in source pixels: (small, big), 2% and 10% of the short side."""
    short = min(width, height)
    small = max(1, round(short / 50))
    return small, max(small, round(short / 10))


def fit_scale(width: int, height: int, view_side: int, max_zoom: float = MAX_ZOOM) -> float:
    """View pixels per source pixel so the picture fits in ``view_side`` x ``view_side``."""
    _check_size(width, height)
    if view_side < 1:
        raise ValueError("the view must be at least 1 pixel")
    return min(view_side / width, view_side / height, max_zoom)


def to_view(square: Square, scale: float) -> tuple[float, float, float]:
    """(x, y, side) of the square in view pixels."""
    return (square.left * scale, square.top * scale, square.side * scale)


def to_source(x: float, y: float, scale: float) -> tuple[float, float]:
    """The source point under view point (x, y)."""
    return (x / scale, y / scale)
