"""Turn the result of a visibility walk (a fan of boundary pieces) into polygons at any radius.

The visible region from a point ``q`` is star-shaped around ``q``: every ray
from ``q`` leaves it exactly once. The walk in :mod:`planner.geometry.visibility`
reports it as *pieces* in counter-clockwise order, each covering an angular
interval: either a piece of an obstacle face (a straight segment) or an *open*
piece where nothing blocks sight before the query range. Because the pieces
are radial, the region cut to any radius ``r`` not beyond the query range is
rebuilt from them without a boolean operation: segments farther than ``r``
become arcs of radius ``r``. Arcs are drawn through the directions that are
whole multiples of :data:`ARC_STEP_DEG` (in plan angles, counter-clockwise
from +x), plus their own end points, so every arc of every camera lies on the
same regular polygon around its centre.

>>> fan = VisibilityFan((0.0, 0.0), [[(1.0, -1.0, 1.0, 1.0, True)]], full_circle=False, max_radius=None)
>>> fan.polygon().area
1.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

__all__ = ["ARC_STEP_DEG", "EMPTY", "Piece", "VisibilityFan", "arc_points", "disk", "annulus", "clean_polygonal"]

#: Angular step of polygonised arcs, degrees.
ARC_STEP_DEG = 1.0
_STEP = math.radians(ARC_STEP_DEG)
_N = round(360.0 / ARC_STEP_DEG)
_COS = [math.cos(k * _STEP) for k in range(_N)]
_SIN = [math.sin(k * _STEP) for k in range(_N)]
_UNIT = np.column_stack([_COS, _SIN])
#: The whole-step directions k = -N .. 2N - 1 at index k + N (arcs start within ±180° and span up to 360°).
_ARC = [(_COS[k % _N], _SIN[k % _N]) for k in range(-_N, 2 * _N)]
_TWO_PI = 2.0 * math.pi
_EPS_ANGLE = 1e-9
_EPS_POINT2 = 1e-18
_EPS_POINT = 1e-9
#: The empty polygon (geometries are immutable, so one instance serves).
EMPTY = Polygon()

#: A piece ``(x1, y1, x2, y2, is_face)`` relative to the fan's origin. For a face, the two
#: points are its visible ends; for an open piece, they are directions (any length).
Piece = tuple[float, float, float, float, bool]


def arc_points(
    x1: float, y1: float, x2: float, y2: float, radius: float, *, long: bool = False
) -> list[tuple[float, float]]:
    """Return points of the counter-clockwise arc of ``radius`` from direction 1 to direction 2.

    The ends are included; the points between lie on the whole-step directions.
    The arc is shorter than 180° unless ``long`` is set (then up to 360°); a
    short arc whose ends are swapped by rounding comes back as its two ends.

    >>> [tuple(round(v, 9) for v in p) for p in arc_points(1, 0, 0, 1, 1.0)][::45]
    [(1.0, 0.0), (0.707106781, 0.707106781), (0.0, 1.0)]
    """
    t0 = math.atan2(y1, x1)
    span = math.atan2(x1 * y2 - y1 * x2, x1 * x2 + y1 * y2)
    if span < 0.0:
        span = span + _TWO_PI if long else 0.0
    t1 = t0 + span
    pts = [(radius * math.cos(t0), radius * math.sin(t0))]
    k0 = math.floor(t0 / _STEP + _EPS_ANGLE) + 1
    k1 = math.ceil(t1 / _STEP - _EPS_ANGLE) - 1
    if k1 >= k0:
        if k0 >= -_N and k1 < 2 * _N:
            pts += [(radius * c, radius * s) for c, s in _ARC[k0 + _N : k1 + _N + 1]]
        else:
            cos, sin, n = _COS, _SIN, _N
            pts += [(radius * cos[k % n], radius * sin[k % n]) for k in range(k0, k1 + 1)]
    pts.append((radius * math.cos(t1), radius * math.sin(t1)))
    return pts


def disk(center: Sequence[float], radius: float) -> Polygon:
    """Return the regular polygon that stands for a circle (vertices on whole-step directions).

    >>> round(disk((0, 0), 1.0).area, 4)
    3.1414
    """
    return shapely.polygons(_UNIT * radius + (float(center[0]), float(center[1])))


def annulus(center: Sequence[float], inner: float, outer: float) -> Polygon:
    """Return the ring between radii ``inner`` and ``outer``, both circles drawn as :func:`disk` draws them.

    >>> round(annulus((0, 0), 1.0, 2.0).area, 4)
    9.4243
    """
    c = (float(center[0]), float(center[1]))
    if inner <= 0.0:
        return disk(c, outer)
    return shapely.polygons(_UNIT * outer + c, holes=[(_UNIT * inner + c)[::-1]])


def clean_polygonal(geometry: BaseGeometry, *, min_area: float = 1e-9) -> BaseGeometry:
    """Return ``geometry`` as a valid Polygon/MultiPolygon without parts smaller than ``min_area``."""
    if geometry.is_empty:
        return EMPTY
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")]
    polys = [p for g in parts for p in shapely.get_parts(g) if p.area > min_area]
    if not polys:
        return EMPTY
    if len(polys) == 1:
        return polys[0]
    return MultiPolygon(polys)


def _face_points(out: list[tuple[float, float]], x1: float, y1: float, x2: float, y2: float, r: float) -> None:
    """Append the boundary of a visible face piece cut to radius ``r`` (segment parts and arcs)."""
    rr = r * r
    d1 = x1 * x1 + y1 * y1
    d2 = x2 * x2 + y2 * y2
    if d1 <= rr and d2 <= rr:
        out.append((x1, y1))
        out.append((x2, y2))
        return
    dx, dy = x2 - x1, y2 - y1
    a = dx * dx + dy * dy
    b = 2.0 * (x1 * dx + y1 * dy)
    c = d1 - rr
    disc = b * b - 4.0 * a * c
    if a == 0.0 or disc <= 0.0:
        out.extend(arc_points(x1, y1, x2, y2, r))
        return
    sq = math.sqrt(disc)
    ta = max((-b - sq) / (2.0 * a), 0.0)
    tb = min((-b + sq) / (2.0 * a), 1.0)
    if tb <= ta:
        out.extend(arc_points(x1, y1, x2, y2, r))
        return
    pax, pay = x1 + ta * dx, y1 + ta * dy
    pbx, pby = x1 + tb * dx, y1 + tb * dy
    if d1 > rr:
        out.extend(arc_points(x1, y1, pax, pay, r))
    else:
        out.append((x1, y1))
    out.append((pax, pay))
    out.append((pbx, pby))
    if d2 > rr:
        out.extend(arc_points(pbx, pby, x2, y2, r))
    else:
        out.append((x2, y2))


def _dedupe(arr: np.ndarray) -> np.ndarray | None:
    """Drop consecutive repeats (cyclically) from an ``(n, 2)`` array; None if fewer than 3 points remain."""
    if len(arr) < 3:
        return None
    d = np.diff(arr, axis=0, append=arr[:1])
    keep = (d * d).sum(axis=1) > _EPS_POINT2
    if not keep.all():
        arr = arr[keep]
        if len(arr) < 3:
            return None
    return arr


def _ring_array(pts: list[tuple[float, float]], origin: tuple[float, float]) -> np.ndarray | None:
    """Return the points as an ``(n, 2)`` array moved to ``origin``, repeats dropped; None if under 3 points."""
    n = len(pts)
    if n < 3:
        return None
    arr = np.fromiter(chain.from_iterable(pts), float, 2 * n).reshape(n, 2)
    arr += origin
    return arr


def _assemble(polys: list[Polygon]) -> BaseGeometry:
    """Return the polygons as one geometry with (near-)repeated consecutive vertices dropped."""
    if not polys:
        return EMPTY
    geom: BaseGeometry = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    try:
        return shapely.remove_repeated_points(geom, _EPS_POINT)
    except shapely.errors.GEOSException:
        # a ring collapsed to fewer than 3 points: rebuild part by part without it
        kept = []
        for poly in polys:
            shell = _dedupe(np.asarray(poly.exterior.coords)[:-1])
            holes = [h for h in (_dedupe(np.asarray(r.coords)[:-1]) for r in poly.interiors) if h is not None]
            if shell is not None:
                kept.append(Polygon(shell, holes))
        return kept[0] if len(kept) == 1 else (MultiPolygon(kept) if kept else EMPTY)


def _assemble_all(parts: list[list[Polygon]]) -> list[BaseGeometry]:
    """:func:`_assemble` of every list of polygons, with one GEOS call for them all where it can."""
    geoms: list[BaseGeometry] = [EMPTY if not p else (p[0] if len(p) == 1 else MultiPolygon(p)) for p in parts]
    full = [i for i, p in enumerate(parts) if p]
    if not full:
        return geoms
    try:
        cleaned = shapely.remove_repeated_points(np.array([geoms[i] for i in full], dtype=object), _EPS_POINT)
    except shapely.errors.GEOSException:
        return [_assemble(p) for p in parts]
    for i, geom in zip(full, cleaned.tolist(), strict=True):
        geoms[i] = geom
    return geoms


@dataclass
class VisibilityFan:
    """The visible region around ``origin`` as angular pieces; see the module docstring.

    Attributes
    ----------
    origin : (float, float)
        The viewpoint (after snapping off obstacles).
    intervals : list of list of Piece
        One list of pieces per angular interval of the view (the lens wedge
        minus privacy masks), each in counter-clockwise order.
    full_circle : bool
        The single interval is the whole circle (the origin is not a vertex).
    max_radius : float or None
        The range the walk was cut to; polygons may be asked for up to it.
    trusted : bool
        The walk met no degenerate case, so the polygons built from it are
        simple by construction (pieces advance counter-clockwise around the
        origin and never double back) and skip GEOS's validity test; when
        False, every polygon is tested and repaired if needed.
    """

    origin: tuple[float, float]
    intervals: list[list[Piece]]
    full_circle: bool
    max_radius: float | None
    trusted: bool = False
    _bounds: list[list[tuple[float, float]]] | None = field(default=None, init=False, repr=False, compare=False)

    def _piece_bounds(self) -> list[list[tuple[float, float]]]:
        """Per interval and piece: squared nearest and farthest distance of a face (inf for open pieces)."""
        if self._bounds is None:
            inf = math.inf
            out = []
            for pieces in self.intervals:
                rows = []
                for x1, y1, x2, y2, face in pieces:
                    if not face:
                        rows.append((inf, inf))
                        continue
                    dx, dy = x2 - x1, y2 - y1
                    a = dx * dx + dy * dy
                    t = 0.0 if a == 0.0 else min(max(-(x1 * dx + y1 * dy) / a, 0.0), 1.0)
                    px, py = x1 + t * dx, y1 + t * dy
                    rows.append((px * px + py * py, max(x1 * x1 + y1 * y1, x2 * x2 + y2 * y2)))
                out.append(rows)
            self._bounds = out
        return self._bounds

    def rings(self, radius: float | None = None) -> list[np.ndarray]:
        """Return one ring per interval as an ``(n, 2)`` array of plan coordinates (not closed), cut to ``radius``."""
        if radius is None:
            radius = self.max_radius
        elif self.max_radius is not None and radius > self.max_radius * (1 + 1e-12):
            raise ValueError(f"radius {radius:g} is beyond the walk's range {self.max_radius:g}")
        rings = []
        r2 = math.inf if radius is None else radius * radius
        for k, pieces in enumerate(self.intervals):
            n = len(pieces)
            if n == 0:
                continue
            arr = np.fromiter(chain.from_iterable(pieces), float, 5 * n).reshape(n, 5)
            d2 = np.maximum(arr[:, 0] ** 2 + arr[:, 1] ** 2, arr[:, 2] ** 2 + arr[:, 3] ** 2)
            if radius is None or (arr[:, 4].all() and d2.max() <= r2):
                # every piece is a face within reach: the ring is just the faces' ends
                pts = arr[:, :4].reshape(2 * n, 2)
                if not self.full_circle:
                    pts = np.vstack([np.zeros((1, 2)), pts])
                if len(pts) >= 3:
                    rings.append(pts + self.origin)
                continue
            plist: list[tuple[float, float]] = [] if self.full_circle else [(0.0, 0.0)]
            pend: tuple[float, float] | None = None  # start direction of an arc not yet drawn
            ex = ey = 0.0
            for (x1, y1, x2, y2, face), (dmin2, _) in zip(pieces, self._piece_bounds()[k], strict=True):
                if not face or dmin2 >= r2:
                    if pend is None:
                        pend = (x1, y1)
                    elif pend[0] * y2 - pend[1] * x2 <= 0.0:  # keep each drawn arc under 180 degrees
                        plist.extend(arc_points(pend[0], pend[1], x1, y1, radius))
                        pend = (x1, y1)
                    ex, ey = x2, y2
                    continue
                if pend is not None:
                    plist.extend(arc_points(pend[0], pend[1], x1, y1, radius))
                    pend = None
                _face_points(plist, x1, y1, x2, y2, radius)
            if pend is not None:
                if self.full_circle and not plist:
                    plist = [(radius * c, radius * s) for c, s in zip(_COS, _SIN, strict=True)]
                else:
                    plist.extend(arc_points(pend[0], pend[1], ex, ey, radius))
            ring = _ring_array(plist, self.origin)
            if ring is not None:
                rings.append(ring)
        return rings

    def polygon(self, radius: float | None = None, *, validate: bool = False) -> BaseGeometry:
        """Return the visible region cut to ``radius`` (default: the walk's range) as valid polygons.

        ``validate`` forces GEOS's validity test even for a trusted fan.
        """
        return self.bands([(0.0, radius)], validate=validate)[0]

    def band(
        self,
        inner: float,
        outer: float | None = None,
        *,
        outer_polygon: BaseGeometry | None = None,
        validate: bool = False,
    ) -> BaseGeometry:
        """Return the visible region between horizontal distances ``inner`` and ``outer``.

        Built directly from the pieces (no boolean operation): each angular run
        where the region reaches beyond ``inner`` becomes one polygon, bounded
        outside by the region cut to ``outer`` and inside by an arc of
        ``inner``. ``outer_polygon`` may pass ``self.polygon(outer)`` for the
        case ``inner == 0``.
        """
        if inner <= 0.0 and outer_polygon is not None:
            return outer_polygon
        return self.bands([(inner, outer)], validate=validate)[0]

    def bands(self, pairs: Sequence[tuple[float, float | None]], *, validate: bool = False) -> list[BaseGeometry]:
        """Return :meth:`band` for every ``(inner, outer)`` pair, with all polygons made in one batch."""
        rings: list[np.ndarray] = []
        owner: list[int] = []
        extra: dict[int, list[Polygon]] = {}
        check = [validate or not self.trusted] * len(pairs)
        for i, (inner, outer) in enumerate(pairs):
            if outer is None:
                outer = self.max_radius
            if inner <= 0.0:
                got = self.rings(outer)
            else:
                if outer is None:
                    raise ValueError("an annulus needs an outer radius when the walk had no range")
                if outer <= inner:
                    continue
                got, annuli, touching = self._band_polygons(inner, outer)
                if annuli:
                    extra[i] = annuli
                check[i] = check[i] or touching
            rings.extend(got)
            owner.extend([i] * len(got))
        parts: list[list[Polygon]] = [[] for _ in pairs]
        if rings:
            idx = np.repeat(np.arange(len(rings)), [len(r) for r in rings])
            polys = shapely.polygons(shapely.linearrings(np.concatenate(rings), indices=idx))
            for k, poly in zip(owner, polys, strict=True):
                parts[k].append(poly)
        for k, annuli in extra.items():
            parts[k].extend(annuli)
        result = []
        for i, geom in enumerate(_assemble_all(parts)):
            if check[i] and not geom.is_empty and not geom.is_valid:
                inner, outer = pairs[i]
                if inner <= 0.0:
                    geom = clean_polygonal(geom)
                else:
                    region = self.polygon(outer, validate=True)
                    geom = clean_polygonal(region.difference(disk(self.origin, inner)))
            result.append(geom)
        return result

    def _band_polygons(self, r_in: float, r_out: float) -> tuple[list[np.ndarray], list[Polygon], bool]:
        """Return the band's rings, its annuli (polygons with a hole) and whether a face touches the inner circle."""
        qx, qy = self.origin
        rin2 = r_in * r_in
        touch_tol = 1e-9 * rin2
        touching = False
        full = self.full_circle
        result: list[np.ndarray] = []
        annuli: list[Polygon] = []

        def inner_point(x: float, y: float) -> tuple[float, float]:
            n = math.hypot(x, y)
            if abs(n - r_in) <= 1e-12 * r_in:
                return (x, y)  # already on the circle: keep it bit for bit (runs may meet there)
            return (x * r_in / n, y * r_in / n)

        def close(run: list[tuple[float, float]]) -> None:
            (sx, sy), (ex, ey) = run[0], run[-1]
            run.extend(arc_points(sx, sy, ex, ey, r_in, long=True)[-2:0:-1])
            ring = _ring_array(run, self.origin)
            if ring is not None:
                result.append(ring)

        rout2 = r_out * r_out
        for pieces, bounds in zip(self.intervals, self._piece_bounds(), strict=True):
            runs: list[list[tuple[float, float]]] = []
            pend: tuple[float, float] | None = None  # start direction of an outer arc not yet drawn
            cur: list[tuple[float, float]] | None = None
            open_start = False
            first = True
            ex = ey = 0.0
            for (x1, y1, x2, y2, face), (dmin2, dmax2) in zip(pieces, bounds, strict=True):
                if not face or dmin2 >= rout2:
                    # wholly beyond the outer circle: one arc over consecutive pieces, drawn when it ends
                    if cur is None:
                        cur = [inner_point(x1, y1)]
                        open_start = open_start or (full and first)
                    if pend is None:
                        pend = (x1, y1)
                    elif pend[0] * y2 - pend[1] * x2 <= 0.0:  # keep each drawn arc under 180 degrees
                        cur.extend(arc_points(pend[0], pend[1], x1, y1, r_out))
                        pend = (x1, y1)
                    first = False
                    ex, ey = x2, y2
                    continue
                if pend is not None:
                    cur.extend(arc_points(pend[0], pend[1], x1, y1, r_out))  # type: ignore[union-attr]  # pend is set before an arc is closed
                    pend = None
                if dmax2 < rin2 - touch_tol:
                    # wholly inside the inner circle: no band here
                    if cur is not None:
                        cur.append(inner_point(x1, y1))
                        runs.append(cur)
                        cur = None
                    first = False
                    ex, ey = x2, y2
                    continue
                dx, dy = x2 - x1, y2 - y1
                a = dx * dx + dy * dy
                b = 2.0 * (x1 * dx + y1 * dy)
                c = x1 * x1 + y1 * y1 - rin2
                disc = b * b - 4.0 * a * c
                tm = -b / (2.0 * a) if a > 0.0 else -1.0
                if abs(c) <= touch_tol or abs(x2 * x2 + y2 * y2 - rin2) <= touch_tol:
                    touching = True
                if 0.0 <= tm <= 1.0 and abs(c - b * b / (4.0 * a)) <= touch_tol:
                    touching = True
                if 0.0 < tm < 1.0 and abs(c - b * b / (4.0 * a)) <= touch_tol:
                    # the face touches the inner circle: split there, two runs meeting at one point
                    subs = [(0.0, tm), (tm, 1.0)]
                elif a == 0.0 or disc <= 0.0:
                    subs = [(0.0, 1.0)] if c > 0.0 else []
                else:
                    sq = math.sqrt(disc)
                    ta = (-b - sq) / (2.0 * a)
                    tb = (-b + sq) / (2.0 * a)
                    subs = []
                    if ta > 0.0:
                        subs.append((0.0, min(ta, 1.0)))
                    if tb < 1.0:
                        subs.append((max(tb, 0.0), 1.0))
                if cur is not None and (not subs or subs[0][0] > 0.0):
                    cur.append(inner_point(x1, y1))
                    runs.append(cur)
                    cur = None
                for s0, s1 in subs:
                    if s1 - s0 <= 1e-12:
                        continue
                    px, py = x1 + s0 * dx, y1 + s0 * dy
                    tx, ty = x1 + s1 * dx, y1 + s1 * dy
                    if cur is None:
                        cur = [inner_point(px, py)]
                        open_start = open_start or (full and first and s0 == 0.0)
                    _face_points(cur, px, py, tx, ty, r_out)
                    if s1 < 1.0:
                        cur.append(inner_point(tx, ty))
                        runs.append(cur)
                        cur = None
                first = False
                ex, ey = x2, y2
            if pend is not None and cur is not None:
                cur.extend(arc_points(pend[0], pend[1], ex, ey, r_out))
            if cur is not None:
                if full and open_start:
                    if runs:
                        runs[0] = cur + runs[0][1:]
                    else:
                        # alive all round: an annulus
                        shell = _ring_array(cur[1:], self.origin)
                        hole = [(qx + r_in * c, qy + r_in * s) for c, s in zip(_COS, _SIN, strict=True)]
                        if shell is not None:
                            annuli.append(Polygon(shell, [hole]))
                else:
                    cur.append(inner_point(ex, ey))
                    runs.append(cur)
            for run in runs:
                close(run)
        return result, annuli, touching
