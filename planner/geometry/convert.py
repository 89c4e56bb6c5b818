"""Convert document-model tuples to shapely geometries (the only place that does).

The model stores plan geometry as tuples of floats in metres (x east, y north).
Everything in :mod:`planner.geometry` goes through these helpers, so the
conventions (closed rings, degenerate input) are decided once.

>>> to_polygon(((0, 0), (4, 0), (4, 3))).area
6.0
>>> to_linestring(((0, 0), (4, 0), (4, 4), (0, 0))).is_closed
True
>>> to_coords(to_point((1, 2)))
((1.0, 2.0),)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

__all__ = [
    "Coord",
    "to_point",
    "to_linestring",
    "to_segment",
    "to_polygon",
    "to_coords",
    "heading_to_math_deg",
    "unit_vector",
]

Coord = tuple[float, float]


def to_point(xy: Sequence[float]) -> Point:
    """Return a shapely ``Point`` for a model point ``(x, y)``."""
    return Point(float(xy[0]), float(xy[1]))


def to_linestring(path: Iterable[Sequence[float]]) -> LineString:
    """Return a ``LineString`` for a wall path (a closed ring if its ends coincide)."""
    return LineString([(float(x), float(y)) for x, y in path])


def to_segment(segment: Sequence[Sequence[float]]) -> LineString:
    """Return a two-point ``LineString`` for an opening segment."""
    (x0, y0), (x1, y1) = segment
    return LineString([(float(x0), float(y0)), (float(x1), float(y1))])


def to_polygon(ring: Iterable[Sequence[float]]) -> BaseGeometry:
    """Return a valid polygonal geometry for a zone ring (without closing repeat).

    Self-intersecting rings (a bow-tie) are repaired with ``make_valid`` and
    may come back as a ``MultiPolygon``; lower-dimensional debris is dropped.
    """
    poly = Polygon([(float(x), float(y)) for x, y in ring])
    if poly.is_valid:
        return poly
    fixed = shapely.make_valid(poly)
    parts = [g for g in getattr(fixed, "geoms", [fixed]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else Polygon()


def to_coords(geometry: BaseGeometry) -> tuple[Coord, ...]:
    """Return the coordinates of a point or line geometry as model tuples."""
    return tuple((float(x), float(y)) for x, y in shapely.get_coordinates(geometry))


def heading_to_math_deg(heading_deg: float) -> float:
    """Convert a compass heading (0 = +y, clockwise) to a math angle (0 = +x, counter-clockwise).

    >>> heading_to_math_deg(0.0), heading_to_math_deg(90.0)
    (90.0, 0.0)
    """
    return 90.0 - heading_deg


def unit_vector(heading_deg: float) -> Coord:
    """Return the plan unit vector of a compass heading.

    >>> tuple(round(v, 12) for v in unit_vector(90.0))
    (1.0, 0.0)
    """
    a = math.radians(heading_deg)
    return (math.sin(a), math.cos(a))
