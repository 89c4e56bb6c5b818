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
    "parts",
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
    polys = parts(fixed, "Polygon")
    return shapely.union_all(polys) if polys else Polygon()


def to_coords(geometry: BaseGeometry) -> tuple[Coord, ...]:
    """Return the coordinates of a point or line geometry as model tuples."""
    return tuple((float(x), float(y)) for x, y in shapely.get_coordinates(geometry))


def parts(geometry: BaseGeometry, *types: str) -> list[BaseGeometry]:
    """The non-empty simple parts of ``geometry`` (members of multi-part geometries and collections, recursively).

    With ``types``, only parts of those geometry types (``"Polygon"``, ``"LineString"``...).

    >>> from shapely.geometry import GeometryCollection, MultiPolygon, box
    >>> g = GeometryCollection([MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)]), LineString([(0, 0), (1, 1)])])
    >>> [p.geom_type for p in parts(g)]
    ['Polygon', 'Polygon', 'LineString']
    >>> len(parts(g, "Polygon")), parts(Polygon())
    (2, [])
    """
    out: list[BaseGeometry] = []
    stack = [geometry]
    while stack:
        g = stack.pop()
        if g.is_empty:
            continue
        if hasattr(g, "geoms"):
            stack.extend(reversed(list(shapely.get_parts(g))))
        elif not types or g.geom_type in types:
            out.append(g)
    return out
