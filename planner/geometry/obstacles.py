"""Build wall bodies, opening cuts, sight obstacles and the free space of a level.

A wall is its centre-line buffered by half its thickness (mitre joins, flat
ends; a closed path is joined at its first corner like every other corner).
An opening cuts the wall whose centre-line it lies on (within half the wall's
thickness plus 1 cm) over its own length. For sight, ``opaque`` and
``frosted`` walls block, ``glass`` walls do not; doors and doorways count as
open and windows as see-through, so every opening removes its piece of wall
from the sight obstacles. The free space (the visibility domain) is a
bounding box around the level's zones, walls and openings, enlarged by a
margin, minus the sight obstacles.

>>> from planner.model import Opening, Wall
>>> walls = [Wall(id="w1", path=((0, 0), (4, 0)), thickness_m=0.2)]
>>> doors = [Opening(id="d1", kind="door", segment=((1, 0), (2, 0)))]
>>> obstacles = level_obstacles(walls, doors)
>>> round(obstacles.sight.area, 6)
0.6
>>> round(free_space(obstacles.domain, obstacles.sight).area, 3) == round(obstacles.domain.area - 0.6, 3)
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import parts, to_linestring
from planner.model.entities import Opening, Wall, Zone

__all__ = [
    "SIGHT_BLOCKING_MATERIALS",
    "OPENING_TOLERANCE_M",
    "DEFAULT_MARGIN_M",
    "LevelObstacles",
    "wall_body",
    "opening_cut",
    "wall_geometry",
    "level_obstacles",
    "domain_box",
    "free_space",
]

#: Wall materials that block sight (DESIGN §3: frosted glass is opaque).
SIGHT_BLOCKING_MATERIALS: frozenset[str] = frozenset({"opaque", "frosted"})
#: An opening lies on a wall when it is within half the wall's thickness plus this.
OPENING_TOLERANCE_M = 0.01
#: Default margin around the level's drawn extent that belongs to the visibility domain.
DEFAULT_MARGIN_M = 10.0
_MITRE_LIMIT = 10.0
_CUT_OVERSHOOT_M = 0.02


def wall_body(wall: Wall) -> BaseGeometry:
    """Return the solid body of a wall: its centre-line buffered by half its thickness.

    >>> round(wall_body(Wall(id="w", path=((0, 0), (4, 0), (4, 4), (0, 4), (0, 0)), thickness_m=0.2)).area, 6)
    3.2
    """
    line = to_linestring(wall.path)
    return line.buffer(wall.thickness_m / 2.0, cap_style="flat", join_style="mitre", mitre_limit=_MITRE_LIMIT)


def opening_cut(opening: Opening, wall: Wall) -> Polygon | None:
    """Return the rectangle an opening cuts out of ``wall``, or ``None`` if it does not lie on it.

    The opening lies on the wall when both of its ends are within
    ``thickness/2 + 1 cm`` of the line of one centre-line segment and its
    projection overlaps that segment. The cut spans the opening's projected
    length along the segment and the wall's full thickness (plus a little).
    """
    (ox0, oy0), (ox1, oy1) = opening.segment
    tol = wall.thickness_m / 2.0 + OPENING_TOLERANCE_M
    half_width = wall.thickness_m / 2.0 + _CUT_OVERSHOOT_M
    best: tuple[float, Polygon] | None = None
    path = wall.path
    for (ax, ay), (bx, by) in pairwise(path):
        ex, ey = bx - ax, by - ay
        length = math.hypot(ex, ey)
        if length == 0.0:
            continue
        ux, uy = ex / length, ey / length
        # signed offsets across and positions along the segment line
        d0 = (ox0 - ax) * -uy + (oy0 - ay) * ux
        d1 = (ox1 - ax) * -uy + (oy1 - ay) * ux
        if abs(d0) > tol or abs(d1) > tol:
            continue
        t0 = (ox0 - ax) * ux + (oy0 - ay) * uy
        t1 = (ox1 - ax) * ux + (oy1 - ay) * uy
        lo, hi = min(t0, t1), max(t0, t1)
        if hi - lo <= 1e-9 or hi < -tol or lo > length + tol:
            continue
        score = abs(d0) + abs(d1)
        if best is not None and best[0] <= score:
            continue
        nx, ny = -uy * half_width, ux * half_width
        p0 = (ax + ux * lo, ay + uy * lo)
        p1 = (ax + ux * hi, ay + uy * hi)
        rect = Polygon(
            [(p0[0] - nx, p0[1] - ny), (p1[0] - nx, p1[1] - ny), (p1[0] + nx, p1[1] + ny), (p0[0] + nx, p0[1] + ny)]
        )
        best = (score, rect)
    return None if best is None else best[1]


def wall_geometry(wall: Wall, openings: Iterable[Opening] = (), *, kinds: Iterable[str] | None = None) -> BaseGeometry:
    """Return the wall body minus the cuts of the openings (of ``kinds``, default all) lying on it."""
    body = wall_body(wall)
    wanted = None if kinds is None else frozenset(kinds)
    cuts = [
        cut
        for opening in openings
        if wanted is None or opening.kind in wanted
        for cut in [opening_cut(opening, wall)]
        if cut is not None
    ]
    if not cuts:
        return body
    return body.difference(shapely.union_all(cuts))


@dataclass(frozen=True)
class LevelObstacles:
    """The obstacles of one level.

    Attributes
    ----------
    bodies : dict
        Wall id -> the wall body with door and doorway cuts (windows stay solid): what a person bumps into.
    sight : BaseGeometry
        Union of the sight-blocking wall pieces (opaque and frosted walls, every opening cut out).
    domain : Polygon
        The bounding region of the visibility domain.
    """

    bodies: dict[str, BaseGeometry] = field(default_factory=dict)
    sight: BaseGeometry = field(default_factory=Polygon)
    domain: Polygon = field(default_factory=Polygon)


def domain_box(
    walls: Sequence[Wall] = (),
    openings: Sequence[Opening] = (),
    zones: Sequence[Zone] = (),
    *,
    extra_points: Iterable[Sequence[float]] = (),
    margin_m: float = DEFAULT_MARGIN_M,
) -> Polygon:
    """Return the bounding box of everything drawn on the level, enlarged by ``margin_m``.

    An empty level gets a 100 m square around the origin.

    >>> domain_box(extra_points=[(0, 0), (4, 3)], margin_m=1.0).bounds
    (-1.0, -1.0, 5.0, 4.0)
    """
    xs: list[float] = []
    ys: list[float] = []
    for wall in walls:
        half = wall.thickness_m / 2.0
        for x, y in wall.path:
            xs += (x - half, x + half)
            ys += (y - half, y + half)
    for opening in openings:
        for x, y in opening.segment:
            xs.append(x)
            ys.append(y)
    for zone in zones:
        for x, y in zone.polygon:
            xs.append(x)
            ys.append(y)
    for x, y in extra_points:
        xs.append(float(x))
        ys.append(float(y))
    if not xs:
        return box(-50.0, -50.0, 50.0, 50.0)
    return box(min(xs) - margin_m, min(ys) - margin_m, max(xs) + margin_m, max(ys) + margin_m)


def level_obstacles(
    walls: Sequence[Wall],
    openings: Sequence[Opening] = (),
    zones: Sequence[Zone] = (),
    *,
    extra_points: Iterable[Sequence[float]] = (),
    margin_m: float = DEFAULT_MARGIN_M,
) -> LevelObstacles:
    """Return the wall bodies, the sight obstacles and the domain of a level."""
    bodies: dict[str, BaseGeometry] = {}
    sight_parts: list[BaseGeometry] = []
    boxes = [
        (
            min(x for x, _ in o.segment),
            min(y for _, y in o.segment),
            max(x for x, _ in o.segment),
            max(y for _, y in o.segment),
        )
        for o in openings
    ]
    for wall in walls:
        body = wall_body(wall)
        tol = wall.thickness_m / 2.0 + OPENING_TOLERANCE_M
        wx0 = min(x for x, _ in wall.path) - tol
        wy0 = min(y for _, y in wall.path) - tol
        wx1 = max(x for x, _ in wall.path) + tol
        wy1 = max(y for _, y in wall.path) + tol
        door_cuts: list[Polygon] = []
        window_cuts: list[Polygon] = []
        for opening, (ox0, oy0, ox1, oy1) in zip(openings, boxes, strict=True):
            if ox1 < wx0 or ox0 > wx1 or oy1 < wy0 or oy0 > wy1:
                continue
            cut = opening_cut(opening, wall)
            if cut is not None:
                (window_cuts if opening.kind == "window" else door_cuts).append(cut)
        with_doors = body.difference(shapely.union_all(door_cuts)) if door_cuts else body
        bodies[wall.id] = with_doors
        if wall.material in SIGHT_BLOCKING_MATERIALS:
            sight_parts.append(with_doors.difference(shapely.union_all(window_cuts)) if window_cuts else with_doors)
    sight = shapely.union_all(sight_parts) if sight_parts else Polygon()
    domain = domain_box(walls, openings, zones, extra_points=extra_points, margin_m=margin_m)
    return LevelObstacles(bodies=bodies, sight=sight, domain=domain)


def free_space(domain: BaseGeometry, sight: BaseGeometry) -> BaseGeometry:
    """Return ``domain`` minus the sight obstacles, as a valid (Multi)Polygon without slivers."""
    free = domain.difference(sight) if not sight.is_empty else domain
    if not free.is_valid:
        free = shapely.make_valid(free)
    pieces = [g for g in parts(free, "Polygon") if g.area > 1e-10]
    if len(pieces) == 1:
        return pieces[0]
    return shapely.MultiPolygon(pieces) if pieces else Polygon()
