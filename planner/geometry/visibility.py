"""Exact visibility polygons by triangular expansion over a constrained Delaunay triangulation.

:class:`LevelGeometry` is built once per level: it derives the sight
obstacles and the free space, triangulates the free space and indexes the
triangles. A query starts in the triangle that holds the viewpoint and walks
across unconstrained edges, narrowing the visible cone at every portal edge
(Bungiu, Hemmer, Hershberger, Huang and Kröller, "Efficient computation of
visibility polygons", EuroCG 2014). The lens wedge, the privacy masks and the
range are folded into the walk: it starts with the view's cones only and
stops at edges beyond the range, so it never looks where the camera cannot.

The result is exact up to floating point, apart from the range circle, which
is a polygon with vertices every :data:`~planner.geometry.fan.ARC_STEP_DEG`.

>>> from shapely.geometry import box
>>> geo = LevelGeometry.from_free_space(box(0, 0, 10, 10).difference(box(4, 4, 6, 6)))
>>> round(geo.visibility((1, 5)).area, 6)
76.0
>>> round(geo.visibility((1, 5), heading_deg=90, hfov_deg=90, range_m=2).area, 4)
3.1414
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from planner.geometry.fan import Piece, VisibilityFan
from planner.geometry.obstacles import DEFAULT_MARGIN_M, LevelObstacles, free_space, level_obstacles
from planner.geometry.triangulation import Triangulation
from planner.model.entities import Opening, Wall, Zone

__all__ = ["SNAP_OFFSET_M", "ON_FACE_TOLERANCE_M", "LevelGeometry", "view_intervals", "level_key"]

#: A viewpoint on or inside an obstacle is moved this far off the nearest face into free space.
SNAP_OFFSET_M = 0.005
#: A viewpoint closer than this to an obstacle face counts as being on it (and is snapped).
ON_FACE_TOLERANCE_M = 1e-6
_TWO_PI = 2.0 * math.pi
#: Lens wedges, masks and gaps narrower than this (degrees) are taken as nothing.
_MIN_ANGLE_DEG = 1e-6
#: Square of the smallest angle (radians) between a vertex and a cone's bounding ray that splits the cone.
_EPS_TURN2 = 1e-24


def level_key(walls: Sequence[Wall], openings: Sequence[Opening] = (), zones: Sequence[Zone] = ()) -> Hashable:
    """Return a hashable key of everything that shapes a level's free space.

    >>> level_key([Wall(id="w", path=((0, 0), (1, 0)))]) == level_key([Wall(id="v", path=((0, 0), (1, 0)))])
    True
    """
    return (
        tuple((w.path, w.thickness_m, w.material) for w in walls),
        tuple((o.kind, o.segment, o.wall, o.self_closing) for o in openings),
        tuple(z.polygon for z in zones),
    )


def view_intervals(
    heading_deg: float | None,
    hfov_deg: float = 360.0,
    masks: Iterable[tuple[float, float]] = (),
) -> list[tuple[float, float]] | None:
    """Return the directions a lens sees as plan-angle intervals (radians, counter-clockwise from +x).

    ``None`` means the full circle. The wedge is ``heading ± hfov/2`` (compass
    degrees, clockwise); privacy ``masks`` are ``(from_deg, to_deg)`` relative
    to the optical axis, clockwise positive, and are cut out of it.

    >>> [tuple(round(math.degrees(a), 6) for a in i) for i in view_intervals(0.0, 90.0, [(-10.0, 10.0)])]
    [(100.0, 135.0), (45.0, 80.0)]
    >>> view_intervals(None) is None
    True
    """
    masks = [(a, b) for a, b in masks if b - a > _MIN_ANGLE_DEG]
    if heading_deg is None:
        if not masks:
            return None
        heading_deg = 0.0
    full = hfov_deg >= 360.0 - _MIN_ANGLE_DEG
    if full and not masks:
        return None
    half = 180.0 if full else hfov_deg / 2.0
    pieces = [(-half, half)]
    for m0, m1 in sorted(masks):
        nxt = []
        for s0, s1 in pieces:
            if m1 <= s0 or m0 >= s1:
                nxt.append((s0, s1))
                continue
            if m0 > s0:
                nxt.append((s0, m0))
            if m1 < s1:
                nxt.append((m1, s1))
        pieces = nxt
    result = []
    for s0, s1 in pieces:
        if s1 - s0 <= _MIN_ANGLE_DEG:
            continue
        a0 = math.radians(90.0 - heading_deg - s1)
        a1 = math.radians(90.0 - heading_deg - s0)
        result.append((a0, a1))
    if full and len(result) > 1 and pieces[0][0] <= -180.0 and pieces[-1][1] >= 180.0:
        # the cut at 180 deg behind the camera is not a mask: join the pieces on either side of it
        result = [(result[0][0], result[-1][1] + _TWO_PI), *result[1:-1]]
    return result


class LevelGeometry:
    """The prepared sight geometry of one level: free space, its triangulation and indexes.

    Build it once per level (:meth:`from_level`, :meth:`from_walls` or
    :meth:`from_free_space`) and ask it for any number of visibility regions.

    Parameters
    ----------
    free : Polygon or MultiPolygon
        The visibility domain minus the sight obstacles.
    obstacles : LevelObstacles, optional
        The obstacles the free space was derived from.
    key : hashable, optional
        What the geometry was built from (see :func:`level_key`), for caches.
    ceiling_height_m : float
        The level's ceiling height (used by the vertical camera model).
    """

    def __init__(
        self,
        free: BaseGeometry,
        *,
        obstacles: LevelObstacles | None = None,
        key: Hashable = None,
        ceiling_height_m: float = 3.0,
    ) -> None:
        self.free_space = free
        self.obstacles = obstacles
        self.key = key
        self.ceiling_height_m = float(ceiling_height_m)
        self.triangulation = Triangulation(free)
        self._prepared = False

    # -- construction ------------------------------------------------------
    @classmethod
    def from_walls(
        cls,
        walls: Sequence[Wall],
        openings: Sequence[Opening] = (),
        zones: Sequence[Zone] = (),
        *,
        ceiling_height_m: float = 3.0,
        margin_m: float = DEFAULT_MARGIN_M,
        extra_points: Iterable[Sequence[float]] = (),
        doors_open: bool = False,
    ) -> LevelGeometry:
        """Build from model walls, openings and zones (zones only widen the domain).

        Self-closing doors stand shut unless ``doors_open``.
        """
        extra = list(extra_points)
        obstacles = level_obstacles(walls, openings, zones, extra_points=extra, margin_m=margin_m,
                                    doors_open=doors_open)
        free = free_space(obstacles.domain, obstacles.sight)
        key = (level_key(walls, openings, zones), float(ceiling_height_m), float(margin_m), tuple(map(tuple, extra)),
               doors_open)
        return cls(free, obstacles=obstacles, key=key, ceiling_height_m=ceiling_height_m)

    @classmethod
    def from_level(
        cls, level: object, *, margin_m: float = DEFAULT_MARGIN_M, extra_points: Iterable[Sequence[float]] = (),
        doors_open: bool = False,
    ) -> LevelGeometry:
        """Build from a :class:`planner.model.Level`."""
        return cls.from_walls(
            level.walls,  # type: ignore[attr-defined]  # any object with a level's attributes
            level.openings,  # type: ignore[attr-defined]  # any object with a level's attributes
            level.zones,  # type: ignore[attr-defined]  # any object with a level's attributes
            ceiling_height_m=level.ceiling_height_m,  # type: ignore[attr-defined]  # any object with a level's attributes
            margin_m=margin_m,
            extra_points=extra_points,
            doors_open=doors_open,
        )

    @classmethod
    def from_free_space(cls, free: BaseGeometry, *, ceiling_height_m: float = 3.0) -> LevelGeometry:
        """Build from a ready free-space polygon (e.g. a polygon with holes from another tool)."""
        return cls(free, ceiling_height_m=ceiling_height_m)

    # -- viewpoints ---------------------------------------------------------
    def contains(self, point: Sequence[float]) -> bool:
        """Return True if ``point`` lies in the free space (boundary included)."""
        return bool(self.triangulation.locate(float(point[0]), float(point[1])))

    def _clear_of_faces(self, x: float, y: float, tris: list[int]) -> bool:
        tri = self.triangulation
        X, Y, org, dst, twin = tri.x, tri.y, tri.org, tri.dst, tri.twin
        tol2 = ON_FACE_TOLERANCE_M * ON_FACE_TOLERANCE_M
        for t in tris:
            for h in (3 * t, 3 * t + 1, 3 * t + 2):
                ax, ay = X[org[h]] - x, Y[org[h]] - y
                if ax * ax + ay * ay <= tol2:
                    return False
                if twin[h] >= 0:
                    continue
                ex, ey = X[dst[h]] - X[org[h]], Y[dst[h]] - Y[org[h]]
                ee = ex * ex + ey * ey
                s = 0.0 if ee == 0.0 else min(max(-(ax * ex + ay * ey) / ee, 0.0), 1.0)
                dx, dy = ax + s * ex, ay + s * ey
                if dx * dx + dy * dy <= tol2:
                    return False
        return True

    def viewpoint(self, point: Sequence[float], heading_deg: float | None = None) -> tuple[float, float] | None:
        """Return the point sight is computed from: ``point`` itself, or snapped into free space.

        A point on an obstacle face (closer than :data:`ON_FACE_TOLERANCE_M`)
        or inside an obstacle is moved :data:`SNAP_OFFSET_M` off the face into
        free space: for a camera inside a wall, to the face it looks through
        (along ``heading_deg``) when that face is near, else to the nearest
        face. ``None`` when the free space is empty.
        """
        x, y = float(point[0]), float(point[1])
        tris = self.triangulation.locate(x, y)
        if tris and self._clear_of_faces(x, y, tris):
            return (x, y)
        return self._snap(x, y, heading_deg if not tris else None)

    def _snap(self, x: float, y: float, heading_deg: float | None) -> tuple[float, float] | None:
        tri = self.triangulation
        if tri.n_triangles == 0:
            return None
        d = tri.boundary_distance(x, y)
        p = Point(x, y)
        for offset in (SNAP_OFFSET_M, 2 * SNAP_OFFSET_M, 0.5 * SNAP_OFFSET_M, 0.0):
            radius = d + 0.5 + 4 * offset
            local = tri.local_region(x, y, radius)
            if local.is_empty:
                local = self.free_space
            inner = local.buffer(-offset, join_style="mitre") if offset > 0 else local
            if inner.is_empty:
                continue
            candidates = []
            if heading_deg is not None:
                a = math.radians(heading_deg)
                reach = 4 * d + 0.05 + 2 * offset
                ray = LineString([(x, y), (x + math.sin(a) * reach, y + math.cos(a) * reach)])
                hit = ray.intersection(inner)
                if not hit.is_empty:
                    coords = shapely.get_coordinates(hit)
                    dist = (coords[:, 0] - x) ** 2 + (coords[:, 1] - y) ** 2
                    candidates.append(tuple(coords[int(dist.argmin())]))
            candidates.append(nearest_points(inner, p)[0].coords[0])
            for cx, cy in candidates:
                tris = tri.locate(cx, cy)
                if tris and (offset == 0.0 or self._clear_of_faces(cx, cy, tris)):
                    return (float(cx), float(cy))
        return None

    # -- visibility ---------------------------------------------------------
    def fan(
        self,
        point: Sequence[float],
        *,
        heading_deg: float | None = None,
        hfov_deg: float = 360.0,
        range_m: float | None = None,
        masks: Iterable[tuple[float, float]] = (),
        snap: bool = True,
    ) -> VisibilityFan:
        """Return the visible region from ``point`` as a :class:`VisibilityFan` (see :meth:`visibility`)."""
        if snap:
            q = self.viewpoint(point, heading_deg if heading_deg is not None and hfov_deg < 360.0 else None)
        else:
            q = (float(point[0]), float(point[1]))
        intervals = view_intervals(heading_deg, hfov_deg, masks)
        full = intervals is None
        n_int = 1 if full else len(intervals)  # type: ignore[arg-type]  # None only when full
        if q is None:
            return VisibilityFan((float(point[0]), float(point[1])), [], full, range_m)
        qx, qy = q
        tri = self.triangulation
        tris = tri.locate(qx, qy)
        X, Y, org, dst = tri.x, tri.y, tri.org, tri.dst
        Cone = tuple[float, float, int, float, float, float, float]
        starts: list[list[Cone]] = [[] for _ in range(n_int)]
        for t in tris:
            for h in (3 * t, 3 * t + 1, 3 * t + 2):
                ax, ay = X[org[h]] - qx, Y[org[h]] - qy
                bx, by = X[dst[h]] - qx, Y[dst[h]] - qy
                cr = ax * by - ay * bx
                if cr <= 0.0:
                    continue
                phi_a = math.atan2(ay, ax)
                span = math.atan2(cr, ax * bx + ay * by)
                if full:
                    starts[0].append((phi_a + math.pi, phi_a + math.pi + span, h, ax, ay, bx, by))
                    continue
                phi_b = phi_a + span
                for i, (a0, a1) in enumerate(intervals):  # type: ignore[arg-type]  # None only when full
                    shift = math.floor((a0 + math.pi) / _TWO_PI) * _TWO_PI
                    a0 -= shift
                    a1 -= shift
                    for k in (-_TWO_PI, 0.0, _TWO_PI):
                        lo = max(phi_a, a0 + k)
                        hi = min(phi_b, a1 + k)
                        if hi - lo <= 1e-12:
                            continue
                        rx, ry = (ax, ay) if lo == phi_a else (math.cos(lo), math.sin(lo))
                        lx, ly = (bx, by) if hi == phi_b else (math.cos(hi), math.sin(hi))
                        starts[i].append((lo - (a0 + k), hi - (a0 + k), h, rx, ry, lx, ly))
        # Cones that do not join up (a viewpoint on an obstacle face or corner sees less than the full
        # circle, or several separate wedges at a pinch point) make separate fans with the viewpoint as apex.
        groups: list[list[Cone]] = []
        for cones in starts:
            cones.sort()
            run: list[Cone] = []
            for cone in cones:
                if run and cone[0] - run[-1][1] > 1e-9:
                    groups.append(run)
                    run = []
                run.append(cone)
            if run:
                groups.append(run)
        closed_circle = len(groups) == 1 and groups[0][-1][1] - groups[0][0][0] >= _TWO_PI - 1e-9
        if full and groups and not closed_circle:
            full = False
            if len(groups) > 1 and groups[-1][-1][1] - _TWO_PI >= groups[0][0][0] - 1e-9:
                groups = [groups[-1] + groups[0], *groups[1:-1]]  # the run across the -180 deg cut
        rr = math.inf if range_m is None else float(range_m) ** 2
        intervals_out: list[list[Piece]] = []
        clean = True
        for group in groups:
            out: list[Piece] = []
            for _, _, h, rx, ry, lx, ly in group:
                clean = self._expand(qx, qy, h, rx, ry, lx, ly, rr, out) and clean
            intervals_out.append(out)
        # an unsnapped viewpoint may sit on a face, where rays graze it: test those polygons
        trusted = clean and (snap or self._clear_of_faces(qx, qy, tris))
        return VisibilityFan(
            (qx, qy), intervals_out, full, None if range_m is None else float(range_m), trusted=trusted
        )

    def _expand(
        self, qx: float, qy: float, h: int, rx: float, ry: float, lx: float, ly: float, rr: float, out: list[Piece]
    ) -> bool:
        """Walk out of the start triangle through half-edge ``h`` within the cone from r (right) to l (left).

        Appends the pieces to ``out`` in counter-clockwise order. Returns False
        if a ray met an obstacle face at a grazing angle and an end point had
        to stand in for the exact intersection (the polygons are then checked).
        """
        tri = self.triangulation
        X, Y, org, dst = tri.x, tri.y, tri.org, tri.dst
        apex, beyond_a, beyond_b = tri.apex, tri.beyond_a, tri.beyond_b
        eps2 = _EPS_TURN2
        clean = True
        ranged = rr != math.inf
        stack = [(h, rx, ry, lx, ly)]
        pop, push, emit = stack.pop, stack.append, out.append
        while stack:
            h, rx, ry, lx, ly = pop()
            c = apex[h]
            if c < 0:
                # an obstacle face: the cone sees the piece of it between its two rays
                a, b = org[h], dst[h]
                ax, ay = X[a] - qx, Y[a] - qy
                ex, ey = X[b] - qx - ax, Y[b] - qy - ay
                num = ax * ey - ay * ex
                den = rx * ey - ry * ex
                if den > 0.0:
                    s = num / den
                    p1x, p1y = rx * s, ry * s
                else:
                    p1x, p1y = ax, ay
                    clean = False
                den = lx * ey - ly * ex
                if den > 0.0:
                    s = num / den
                    p2x, p2y = lx * s, ly * s
                else:
                    p2x, p2y = ax + ex, ay + ey
                    clean = False
                emit((p1x, p1y, p2x, p2y, True))
                continue
            if ranged:
                # a portal wholly beyond the range ends the walk with an open piece
                a, b = org[h], dst[h]
                ax, ay = X[a] - qx, Y[a] - qy
                ex, ey = X[b] - qx - ax, Y[b] - qy - ay
                ee = ex * ex + ey * ey
                s = -(ax * ex + ay * ey) / ee if ee > 0.0 else 0.0
                if s < 0.0:
                    s = 0.0
                elif s > 1.0:
                    s = 1.0
                dx, dy = ax + s * ex, ay + s * ey
                if dx * dx + dy * dy >= rr:
                    emit((rx, ry, lx, ly, False))
                    continue
            cx, cy = X[c] - qx, Y[c] - qy
            # c counts as on a bounding ray when within 1e-12 radians of it: no sliver cones
            cr = rx * cy - ry * cx
            cc = cx * cx + cy * cy
            if cr <= 0.0 or cr * cr <= eps2 * (rx * rx + ry * ry) * cc:
                push((beyond_b[h], rx, ry, lx, ly))
                continue
            cl = cx * ly - cy * lx
            if cl <= 0.0 or cl * cl <= eps2 * (lx * lx + ly * ly) * cc:
                push((beyond_a[h], rx, ry, lx, ly))
            else:
                push((beyond_b[h], cx, cy, lx, ly))
                push((beyond_a[h], rx, ry, cx, cy))
        return clean

    def visibility(
        self,
        point: Sequence[float],
        *,
        heading_deg: float | None = None,
        hfov_deg: float = 360.0,
        range_m: float | None = None,
        masks: Iterable[tuple[float, float]] = (),
        snap: bool = True,
    ) -> BaseGeometry:
        """Return the region visible from ``point`` as a valid Polygon or MultiPolygon.

        Parameters
        ----------
        point : (x, y)
            The viewpoint in plan metres (snapped off obstacles, see :meth:`viewpoint`).
        heading_deg : float, optional
            Compass direction of the optical axis; ``None`` looks all round.
        hfov_deg : float
            Width of the lens wedge, degrees (360 or more: all round).
        range_m : float, optional
            Horizontal reach; the range circle is a polygon with vertices on whole degrees.
        masks : sequence of (from_deg, to_deg)
            Privacy masks relative to the optical axis, clockwise positive.
        snap : bool
            Snap a viewpoint on or inside an obstacle into free space (default).
        """
        return self.fan(
            point, heading_deg=heading_deg, hfov_deg=hfov_deg, range_m=range_m, masks=masks, snap=snap
        ).polygon()
