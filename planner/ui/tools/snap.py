"""The editor's decisions in plain numbers: snapping, hit-testing, shapes the tools draw.

Nothing here imports Qt: every function takes and returns plan coordinates in
metres (x east, y north) and compass degrees, so tests call them directly.

>>> snap_point((1.04, 2.02), SnapTargets(points=((1.0, 2.0),)), tolerance=0.1).kind
'vertex'
>>> snap_point((1.26, 2.74), SnapTargets(), grid=0.5, tolerance=0.1).point
(1.5, 2.5)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from planner.geometry.compass import bearing, turn

__all__ = [
    "Point",
    "Segment",
    "SnapTargets",
    "Snap",
    "snap_to_grid",
    "nearest_on_segment",
    "snap_point",
    "level_targets",
    "rectangle",
    "closed_path",
    "is_closing_click",
    "WallHit",
    "hit_wall",
    "opening_on_segment",
    "nearest_handle",
    "calibrated_transform",
    "fov_from_handle",
    "along",
    "camera_handles",
    "replace_vertex",
    "nearest_vertex",
    "DEFAULT_OPENING_WIDTH",
]

Point = tuple[float, float]
Segment = tuple[Point, Point]

#: Default width of a new opening of each kind, in metres.
DEFAULT_OPENING_WIDTH = {"door": 0.9, "doorway": 1.2, "window": 1.5}


@dataclass(frozen=True)
class SnapTargets:
    """What a point can snap to: ``points`` (wall ends, zone vertices) and ``segments`` (walls, zone edges)."""

    points: tuple[Point, ...] = ()
    segments: tuple[Segment, ...] = ()

    @cached_property
    def _point_array(self) -> Any:
        return np.asarray(self.points, dtype=float).reshape(-1, 2)

    @cached_property
    def _segment_arrays(self) -> tuple[Any, Any, Any]:
        seg = np.asarray(self.segments, dtype=float).reshape(-1, 2, 2)
        a, d = seg[:, 0, :], seg[:, 1, :] - seg[:, 0, :]
        return a, d, (d * d).sum(axis=1)

    def nearest_point(self, px: float, py: float) -> tuple[int, float]:
        """Index of the target point nearest ``(px, py)`` and its distance (-1, inf: none)."""
        pts = self._point_array
        if not len(pts):
            return -1, math.inf
        d = np.hypot(pts[:, 0] - px, pts[:, 1] - py)
        i = int(np.argmin(d))
        return i, float(d[i])

    def nearest_segment(self, px: float, py: float) -> tuple[int, Point, float]:
        """Index of the segment nearest ``(px, py)``, the nearest point on it and the distance."""
        a, d, length2 = self._segment_arrays
        if not len(a):
            return -1, (px, py), math.inf
        rel = np.array([px, py]) - a
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(length2 > 0, (rel * d).sum(axis=1) / np.where(length2 > 0, length2, 1.0), 0.0)
        t = np.clip(t, 0.0, 1.0)
        q = a + d * t[:, None]
        dist = np.hypot(q[:, 0] - px, q[:, 1] - py)
        i = int(np.argmin(dist))
        return i, (float(q[i, 0]), float(q[i, 1])), float(dist[i])


@dataclass(frozen=True)
class Snap:
    """A snapped point and what it snapped to: ``vertex``, ``edge``, ``grid`` or ``none``."""

    point: Point
    kind: str = "none"


def snap_to_grid(p: Sequence[float], grid: float) -> Point:
    """Round ``p`` to the nearest grid crossing.

    >>> snap_to_grid((0.26, -0.74), 0.5)
    (0.5, -0.5)
    """
    if grid <= 0:
        return (float(p[0]), float(p[1]))
    x, y = (round(math.floor(v / grid + 0.5) * grid, 9) + 0.0 for v in (p[0], p[1]))
    return (x, y)


def nearest_on_segment(p: Sequence[float], a: Sequence[float], b: Sequence[float]) -> tuple[Point, float, float]:
    """Return ``(q, t, d)``: the point of segment ``ab`` nearest ``p``, its parameter in [0, 1], the distance.

    >>> nearest_on_segment((1, 1), (0, 0), (2, 0))
    ((1.0, 0.0), 0.5, 1.0)
    """
    ax, ay = float(a[0]), float(a[1])
    dx, dy = float(b[0]) - ax, float(b[1]) - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    q = (ax + t * dx, ay + t * dy)
    return q, t, math.hypot(p[0] - q[0], p[1] - q[1])


def snap_point(
    p: Sequence[float],
    targets: SnapTargets,
    *,
    grid: float | None = None,
    tolerance: float = 0.2,
) -> Snap:
    """Snap ``p``: to the nearest target point within ``tolerance``, else onto the nearest segment
    within ``tolerance``, else to the grid (when given), else not at all.

    >>> targets = SnapTargets(points=((0, 0),), segments=(((0, 0), (10, 0)),))
    >>> snap_point((4.3, 0.08), targets, grid=1.0, tolerance=0.2)
    Snap(point=(4.3, 0.0), kind='edge')
    >>> snap_point((4.1, 0.08), targets, grid=1.0, tolerance=0.2)  # on the edge and on the grid
    Snap(point=(4.0, 0.0), kind='edge')
    >>> snap_point((4.3, 0.5), targets, grid=1.0, tolerance=0.2)
    Snap(point=(4.0, 1.0), kind='grid')
    """
    px, py = float(p[0]), float(p[1])
    best: Point | None = None
    i, d = targets.nearest_point(px, py)
    if i >= 0 and d <= tolerance:
        q = targets.points[i]
        return Snap((float(q[0]), float(q[1])), "vertex")
    i, q, d = targets.nearest_segment(px, py)
    if i >= 0 and d <= tolerance:
        best, edge = q, targets.segments[i]
    if best is not None:
        if grid:  # slide along the edge to the nearest grid crossing when that is still close
            on_grid, _, off = nearest_on_segment(snap_to_grid(best, grid), *edge)
            if off < 1e-9 and math.hypot(px - on_grid[0], py - on_grid[1]) <= tolerance:
                best = on_grid
        return Snap(best, "edge")
    if grid:
        return Snap(snap_to_grid((px, py), grid), "grid")
    return Snap((px, py), "none")


def level_targets(
    walls: Iterable[Sequence[Sequence[float]]], zones: Iterable[Sequence[Sequence[float]]]
) -> SnapTargets:
    """Snap targets of a level from wall paths and zone rings (plain point lists).

    >>> t = level_targets([((0, 0), (4, 0))], [((0, 0), (4, 0), (4, 3))])
    >>> len(t.points), len(t.segments)  # the wall lies on a zone edge: shared points and segment
    (3, 3)
    """
    points: dict[Point, None] = {}
    segments: list[Segment] = []
    for path in walls:
        pts = [(float(x), float(y)) for x, y in path]
        points.update(dict.fromkeys(pts))
        segments.extend(itertools.pairwise(pts))
    for ring in zones:
        pts = [(float(x), float(y)) for x, y in ring]
        points.update(dict.fromkeys(pts))
        segments.extend(zip(pts, pts[1:] + pts[:1], strict=False))
    return SnapTargets(tuple(points), tuple(dict.fromkeys(segments)))


def rectangle(a: Sequence[float], b: Sequence[float]) -> tuple[Point, ...]:
    """The axis-aligned rectangle with opposite corners ``a`` and ``b``, counter-clockwise from bottom-left.

    >>> rectangle((4, 3), (0, 0))
    ((0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0))
    """
    x0, x1 = sorted((float(a[0]), float(b[0])))
    y0, y1 = sorted((float(a[1]), float(b[1])))
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def closed_path(ring: Sequence[Sequence[float]]) -> tuple[Point, ...]:
    """A wall path around ``ring``: its points with the first repeated at the end.

    >>> closed_path([(0, 0), (1, 0), (1, 1)])
    ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0))
    """
    pts = tuple((float(x), float(y)) for x, y in ring)
    return pts if len(pts) > 2 and pts[0] == pts[-1] else (*pts, pts[0])


def is_closing_click(points: Sequence[Sequence[float]], p: Sequence[float], tolerance: float) -> bool:
    """True when ``p`` is on the first of at least three ``points`` (a click that closes a polygon).

    >>> is_closing_click([(0, 0), (4, 0), (4, 3)], (0.05, 0.02), 0.2)
    True
    """
    return len(points) >= 3 and math.hypot(p[0] - points[0][0], p[1] - points[0][1]) <= tolerance


@dataclass(frozen=True)
class WallHit:
    """A click on a wall: the wall's id, the segment index in its path, the point on the centre line."""

    wall_id: str
    index: int
    point: Point
    distance: float


def hit_wall(
    p: Sequence[float], walls: Iterable[tuple[str, Sequence[Sequence[float]], float]], tolerance: float
) -> WallHit | None:
    """The wall segment nearest ``p`` among ``(id, path, thickness)`` within half its thickness plus ``tolerance``.

    >>> hit_wall((2, 0.1), [("w1", ((0, 0), (4, 0)), 0.2)], 0.05)
    WallHit(wall_id='w1', index=0, point=(2.0, 0.0), distance=0.1)
    >>> hit_wall((2, 1), [("w1", ((0, 0), (4, 0)), 0.2)], 0.05) is None
    True
    """
    best: WallHit | None = None
    for wall_id, path, thickness in walls:
        for i, (a, b) in enumerate(itertools.pairwise(path)):
            q, _, d = nearest_on_segment(p, a, b)
            if d <= thickness / 2 + tolerance and (best is None or d < best.distance):
                best = WallHit(wall_id, i, q, d)
    return best


def opening_on_segment(
    p: Sequence[float], a: Sequence[float], b: Sequence[float], width: float
) -> Segment | None:
    """An opening ``width`` wide on segment ``ab``, centred on the projection of ``p``, kept inside ``ab``.

    None when the segment is shorter than the opening.

    >>> opening_on_segment((0.2, 0.3), (0, 0), (4, 0), 1.0)
    ((0.0, 0.0), (1.0, 0.0))
    >>> opening_on_segment((2, 0), (0, 0), (0.5, 0), 1.0) is None
    True
    """
    ax, ay, bx, by = float(a[0]), float(a[1]), float(b[0]), float(b[1])
    length = math.hypot(bx - ax, by - ay)
    if width <= 0 or length < width:
        return None
    ux, uy = (bx - ax) / length, (by - ay) / length
    s = (p[0] - ax) * ux + (p[1] - ay) * uy
    s = max(width / 2, min(length - width / 2, s))
    s0, s1 = s - width / 2, s + width / 2
    return ((round(ax + ux * s0, 6) + 0.0, round(ay + uy * s0, 6) + 0.0),
            (round(ax + ux * s1, 6) + 0.0, round(ay + uy * s1, 6) + 0.0))


def nearest_handle(p: Sequence[float], handles: Mapping[str, Sequence[float]], tolerance: float) -> str | None:
    """The name of the handle nearest ``p`` within ``tolerance`` (None if none is).

    >>> nearest_handle((1, 0.05), {"heading": (1, 0), "left": (0, 1)}, 0.1)
    'heading'
    """
    best, best_d = None, tolerance
    for name, q in handles.items():
        d = math.hypot(p[0] - q[0], p[1] - q[1])
        if d <= best_d:
            best, best_d = name, d
    return best


def fov_from_handle(position: Sequence[float], heading_deg: float, p: Sequence[float]) -> float:
    """The field of view that puts a lens edge through ``p``: twice its angle off the axis, in [1, 360].

    >>> fov_from_handle((0, 0), 0.0, (1, 1))
    90.0
    """
    off = abs(turn(heading_deg, bearing(position, p)))
    return max(1.0, min(360.0, round(2 * off, 1)))


def calibrated_transform(
    transform: Sequence[float], a: Sequence[float], b: Sequence[float], distance_m: float
) -> tuple[float, float, float, float, float, float]:
    """Rescale a background transform so that plan points ``a`` and ``b`` end up ``distance_m`` apart.

    The background is scaled about ``a`` (which stays where it is).

    >>> calibrated_transform((0.01, 0, 0, -0.01, 0, 10), (0, 10), (2, 10), 5.0)
    (0.025, 0.0, 0.0, -0.025, 0.0, 10.0)
    """
    measured = math.hypot(b[0] - a[0], b[1] - a[1])
    if measured <= 0 or distance_m <= 0:
        raise ValueError("the two points must differ and the distance must be positive")
    k = distance_m / measured
    ta, tb, tc, td, te, tf = (float(v) for v in transform)
    ax, ay = float(a[0]), float(a[1])
    return (ta * k, tb * k, tc * k, td * k, ax + (te - ax) * k + 0.0, ay + (tf - ay) * k + 0.0)


def along(origin: Sequence[float], heading_deg: float, distance: float) -> Point:
    """The point ``distance`` metres from ``origin`` towards compass ``heading_deg``.

    >>> along((1, 1), 90.0, 2.0)
    (3.0, 1.0)
    """
    a = math.radians(heading_deg)
    return (round(origin[0] + distance * math.sin(a), 12) + 0.0, round(origin[1] + distance * math.cos(a), 12) + 0.0)


def camera_handles(position: Sequence[float], heading_deg: float, hfov_deg: float, length: float) -> dict[str, Point]:
    """Where a camera's aiming handles sit: ``heading`` on the axis, ``left``/``right`` on the lens edges.

    Omnidirectional lenses (360°) have only the heading handle.

    >>> sorted(camera_handles((0, 0), 0.0, 90.0, 2.0))
    ['heading', 'left', 'right']
    >>> camera_handles((0, 0), 0.0, 90.0, 2.0)["heading"]
    (0.0, 2.0)
    """
    handles = {"heading": along(position, heading_deg, length)}
    if hfov_deg < 360.0:
        handles["left"] = along(position, heading_deg - hfov_deg / 2, length * 0.75)
        handles["right"] = along(position, heading_deg + hfov_deg / 2, length * 0.75)
    return handles


def nearest_vertex(p: Sequence[float], points: Sequence[Sequence[float]], tolerance: float) -> int | None:
    """Index of the point of ``points`` nearest ``p`` within ``tolerance``.

    >>> nearest_vertex((0.9, 0.1), [(0, 0), (1, 0), (1, 1)], 0.2)
    1
    """
    best, best_d = None, tolerance
    for i, q in enumerate(points):
        d = math.hypot(p[0] - q[0], p[1] - q[1])
        if d <= best_d:
            best, best_d = i, d
    return best


def replace_vertex(points: Sequence[Sequence[float]], index: int, p: Sequence[float], *, closed_path: bool = False
                   ) -> tuple[Point, ...]:
    """``points`` with vertex ``index`` moved to ``p``; in a closed wall path the first and last move together.

    >>> replace_vertex([(0, 0), (1, 0), (0, 0)], 0, (0, 1), closed_path=True)
    ((0.0, 1.0), (1.0, 0.0), (0.0, 1.0))
    """
    out = [(float(x), float(y)) for x, y in points]
    q = (float(p[0]), float(p[1]))
    out[index] = q
    if closed_path and len(out) > 2:
        if index == 0:
            out[-1] = q
        elif index == len(out) - 1:
            out[0] = q
    return tuple(out)
