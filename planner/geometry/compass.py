"""Bearings and headings: plan north is +y, angles in degrees clockwise from north.

Every conversion between compass headings, plan vectors, math angles and the
names of compass points lives here.

>>> bearing((0, 0), (1, 0)), bearing((0, 0), (0, -1))
(90.0, 180.0)
>>> turn(350, 10), turn(10, 350)
(20.0, -20.0)
>>> compass_point(135.0), compass_point(359.0)
(('SE', '东南'), ('N', '北'))
>>> describe_heading(135.0, "en"), describe_heading(90.0, "zh")
('135° (SE)', '90°（东）')
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["bearing", "turn", "normalise", "heading_to_math_deg", "unit_vector", "compass_point", "describe_heading"]

_POINTS = (("N", "北"), ("NE", "东北"), ("E", "东"), ("SE", "东南"), ("S", "南"), ("SW", "西南"), ("W", "西"),
           ("NW", "西北"))


def normalise(deg: float) -> float:
    """The same direction in ``[0, 360)``.

    >>> normalise(-90.0), normalise(720.0)
    (270.0, 0.0)
    """
    return deg % 360.0 + 0.0


def bearing(origin: Sequence[float], target: Sequence[float]) -> float:
    """Compass bearing in ``[0, 360)`` from ``origin`` to ``target`` (0 = north, clockwise)."""
    return normalise(math.degrees(math.atan2(target[0] - origin[0], target[1] - origin[1])))


def turn(from_deg: float, to_deg: float) -> float:
    """Clockwise angle from bearing ``from_deg`` to bearing ``to_deg`` in ``(-180, 180]``."""
    d = (to_deg - from_deg) % 360.0
    return d - 360.0 if d > 180.0 else d


def heading_to_math_deg(heading_deg: float) -> float:
    """Convert a compass heading (0 = +y, clockwise) to a math angle (0 = +x, counter-clockwise).

    >>> heading_to_math_deg(0.0), heading_to_math_deg(90.0)
    (90.0, 0.0)
    """
    return 90.0 - heading_deg


def unit_vector(heading_deg: float) -> tuple[float, float]:
    """Return the plan unit vector of a compass heading.

    >>> tuple(round(v, 12) for v in unit_vector(90.0))
    (1.0, 0.0)
    """
    a = math.radians(heading_deg)
    return (math.sin(a), math.cos(a))


def compass_point(deg: float) -> tuple[str, str]:
    """The nearest of the eight compass points: ``(English, Chinese)``."""
    return _POINTS[round(normalise(deg) / 45.0) % 8]


def describe_heading(deg: float, lang: str) -> str:
    """A heading as people read it on a plan: the bearing and its compass point."""
    en, zh = compass_point(deg)
    value = f"{normalise(deg):.0f}°"
    return f"{value}（{zh}）" if lang == "zh" else f"{value} ({en})"
