"""Clipping to axis-aligned rectangles: most rooms are drawn square to the plan, and GEOS clips a
shape to a rectangle several times faster than it intersects two general polygons.

>>> import shapely
>>> room = shapely.box(0, 0, 4, 3)
>>> rect_of(room)
(0.0, 0.0, 4.0, 3.0)
>>> rect_of(shapely.Polygon([(0, 0), (4, 0), (0, 3)])) is None
True
>>> round(clip(shapely.box(-1, -1, 2, 2), room, rect_of(room)).area, 6)
4.0
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["ConeArea", "clip", "rect_of", "rects_of"]

Rect = tuple[float, float, float, float]


def rect_of(geom: BaseGeometry) -> Rect | None:
    """``geom``'s bounds when it is one axis-aligned rectangle (a polygon that fills its bounding box), else None."""
    return rects_of([geom])[0]


def rects_of(geoms: list[BaseGeometry] | np.ndarray) -> list[Rect | None]:
    """:func:`rect_of` for each of ``geoms``, in one pass."""
    arr = np.asarray(geoms, dtype=object).reshape(-1)
    if not len(arr):
        return []
    bounds = shapely.bounds(arr)
    box_area = (bounds[:, 2] - bounds[:, 0]) * (bounds[:, 3] - bounds[:, 1])
    ok = ((shapely.get_type_id(arr) == 3) & (shapely.get_num_interior_rings(arr) == 0)
          & (shapely.get_num_coordinates(arr) <= 5) & (box_area > 0.0)
          & (np.abs(shapely.area(arr) - box_area) <= 1e-12 * np.maximum(box_area, 1.0)))
    return [(b[0], b[1], b[2], b[3]) if k else None for b, k in zip(bounds.tolist(), ok.tolist(), strict=True)]


def clip(geom: BaseGeometry, shape: BaseGeometry, rect: Rect | None, *, checked: bool = True) -> BaseGeometry:
    """``geom ∩ shape``, where ``rect`` is :func:`rect_of` ``(shape)``: by rectangle clipping when it is one.

    GEOS does not promise a valid result from a rectangle clip: with ``checked`` (the default) an invalid one
    is made again by the general intersection. Pass ``checked=False`` where only the area is wanted.
    """
    if rect is None:
        return geom.intersection(shape)
    out = shapely.clip_by_rect(geom, *rect)
    return out if not checked or shapely.is_valid(out) else geom.intersection(shape)


class ConeArea:
    """Areas of a polygonal region inside cones (angular intervals) from one origin, from its edges alone.

    By Green's theorem the area of ``region ∩ cone`` is half the sum, over the
    region's boundary edges cut to the cone, of the cross product of each cut
    edge's ends (relative to the apex): the cone's own sides run through the
    apex and add nothing. Exact for any polygon with holes, wherever the apex
    lies, and no boolean operation is made.

    >>> import math, shapely
    >>> c = ConeArea(shapely.box(0, 0, 2, 2), (0.0, 0.0))
    >>> round(c.area([(0.0, math.pi / 4)]), 9), round(c.area(None), 9)
    (2.0, 4.0)
    >>> ring = shapely.box(-2, -2, 2, 2).difference(shapely.box(-1, -1, 1, 1))
    >>> round(ConeArea(ring, (0.0, 0.0)).area([(-math.pi / 4, math.pi / 4)]), 9)
    3.0
    """

    def __init__(self, region: BaseGeometry, origin: tuple[float, float]) -> None:
        polys = [g for g in shapely.get_parts(np.asarray([region], dtype=object))
                 if shapely.get_type_id(g) == 3 and not g.is_empty]
        self.total = float(sum(g.area for g in polys))
        if not polys:
            self._a = self._d = np.empty((0, 2))
            self._w = self._lo = self._hi = self._sign = np.empty(0)
            return
        rings, poly_of = shapely.get_rings(np.asarray(polys, dtype=object), return_index=True)
        # a ring is an exterior when it is the first ring of its polygon
        exterior = np.ones(len(rings), dtype=bool)
        exterior[1:] = poly_of[1:] != poly_of[:-1]
        xy, ring_of = shapely.get_coordinates(rings, return_index=True)
        xy = xy - np.asarray(origin, dtype=float)
        same = np.flatnonzero(ring_of[:-1] == ring_of[1:])
        a, b = xy[same], xy[same + 1]
        cross = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
        # each ring's orientation: counted so that exteriors add and holes take away
        signed = np.bincount(ring_of[same], weights=cross, minlength=len(rings))
        want = np.where(exterior, 1.0, -1.0)
        flip = np.where(np.sign(signed) == want, 1.0, -1.0)[ring_of[same]]
        keep = np.abs(cross) > 1e-15  # edges in line with the apex add nothing
        a, b, cross, flip = a[keep], b[keep], cross[keep], flip[keep]
        theta = np.arctan2(a[:, 1], a[:, 0])
        sweep = np.arctan2(cross, a[:, 0] * b[:, 0] + a[:, 1] * b[:, 1])
        self._a, self._d = a, b - a
        self._lo = np.minimum(theta, theta + sweep)
        self._hi = np.maximum(theta, theta + sweep)
        self._sign = np.sign(sweep) * flip * 0.5

    def area(self, intervals: list[tuple[float, float]] | None) -> float:
        """Area of the region within ``intervals`` (plan angles in radians, counter-clockwise from +x, as
        :func:`~planner.geometry.visibility.view_intervals` gives them; None: all round)."""
        if intervals is None:
            return self.total
        return float(self.areas(intervals).sum())

    def areas(self, intervals: list[tuple[float, float]]) -> np.ndarray:
        """Area of the region within each of ``intervals`` (each at most a full turn wide)."""
        out = np.zeros(len(intervals))
        if not len(self._a) or not intervals:
            return out
        a0 = np.asarray([i[0] for i in intervals], dtype=float)
        a1 = np.asarray([i[1] for i in intervals], dtype=float)
        shift = np.floor((a0 + math.pi) / _TWO_PI) * _TWO_PI
        starts = (a0 - shift)[:, None] + _SHIFTS[None, :]
        ends = (a1 - shift)[:, None] + _SHIFTS[None, :]
        lo = np.maximum(self._lo[:, None], starts.ravel()[None, :])
        hi = np.minimum(self._hi[:, None], ends.ravel()[None, :])
        keep = hi - lo > 1e-15
        edge, copy = np.nonzero(keep)
        if not len(edge):
            return out
        lo, hi = lo[keep], hi[keep]
        a, d = self._a[edge], self._d[edge]
        p, q = _on_edges(a, d, lo), _on_edges(a, d, hi)
        part = self._sign[edge] * (p[:, 0] * q[:, 1] - p[:, 1] * q[:, 0])
        return np.bincount(copy // len(_SHIFTS), weights=part, minlength=len(intervals))


_TWO_PI = 2.0 * math.pi
_SHIFTS = np.array([-_TWO_PI, 0.0, _TWO_PI])


def _on_edges(a: np.ndarray, d: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """Where the ray from the apex at angle ``phi`` meets each edge ``a + t d``."""
    ux, uy = np.cos(phi), np.sin(phi)
    den = ux * d[:, 1] - uy * d[:, 0]
    t = np.clip(-(ux * a[:, 1] - uy * a[:, 0]) / np.where(den == 0.0, 1.0, den), 0.0, 1.0)
    out: np.ndarray = a + t[:, None] * d
    return out
