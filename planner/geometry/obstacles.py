"""Build wall bodies, opening cuts, sight obstacles and the free space of a level.

A wall is its centre-line buffered by half its thickness (mitre joins, flat
ends; a closed path is joined at its first corner like every other corner).
An opening cuts every wall it pierces (:mod:`planner.geometry.openings`:
centre-line within 0.3 m, along its length). For sight, ``opaque`` and
``frosted`` walls block, ``glass`` walls do not; doors and doorways count as
open and windows as see-through, so every opening removes its piece of wall
from the sight obstacles, except a self-closing door, which stands shut
unless the doors are asked open. The free space (the visibility domain) is a
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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import parts, to_linestring
from planner.geometry.openings import WallIndex, walls_pierced
from planner.model.entities import Opening, Wall, Zone

__all__ = [
    "SIGHT_BLOCKING_MATERIALS",
    "DEFAULT_MARGIN_M",
    "LevelObstacles",
    "wall_body",
    "wall_bodies",
    "opening_cut",
    "wall_geometry",
    "level_obstacles",
    "domain_box",
    "free_space",
]

#: Wall materials that block sight (DESIGN §3: frosted glass is opaque).
SIGHT_BLOCKING_MATERIALS: frozenset[str] = frozenset({"opaque", "frosted"})
#: Default margin around the level's drawn extent that belongs to the visibility domain.
DEFAULT_MARGIN_M = 10.0
_MITRE_LIMIT = 10.0


def wall_body(wall: Wall) -> BaseGeometry:
    """Return the solid body of a wall: its centre-line buffered by half its thickness.

    >>> round(wall_body(Wall(id="w", path=((0, 0), (4, 0), (4, 4), (0, 4), (0, 0)), thickness_m=0.2)).area, 6)
    3.2
    """
    line = to_linestring(wall.path)
    return line.buffer(wall.thickness_m / 2.0, cap_style="flat", join_style="mitre", mitre_limit=_MITRE_LIMIT)


def wall_bodies(walls: Sequence[Wall]) -> list[BaseGeometry]:
    """:func:`wall_body` of each of ``walls``, made in one batch."""
    if not walls:
        return []
    lines = [to_linestring(w.path) for w in walls]
    halves = [w.thickness_m / 2.0 for w in walls]
    return list(shapely.buffer(lines, halves, cap_style="flat", join_style="mitre", mitre_limit=_MITRE_LIMIT))


def _union(shapes: list[BaseGeometry]) -> BaseGeometry:
    return shapes[0] if len(shapes) == 1 else shapely.union_all(shapes)


def opening_cut(opening: Opening, wall: Wall) -> BaseGeometry | None:
    """Return what an opening cuts out of ``wall`` (see :mod:`planner.geometry.openings`), or ``None``.

    >>> from planner.model import Opening, Wall
    >>> wall = Wall(id="w", path=((0, 0), (4, 0)), thickness_m=0.1)
    >>> round(opening_cut(Opening(id="d", segment=((1, 0.2), (2, 0.2))), wall).area, 3)
    0.14
    """
    cuts = [p.cut for p in walls_pierced(opening, [wall])]
    if not cuts:
        return None
    return cuts[0] if len(cuts) == 1 else shapely.union_all(cuts)


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
    pierced : dict
        Opening id -> ids of the walls it pierces (empty for an opening on no wall).
    """

    bodies: dict[str, BaseGeometry] = field(default_factory=dict)
    sight: BaseGeometry = field(default_factory=Polygon)
    domain: Polygon = field(default_factory=Polygon)
    pierced: dict[str, tuple[str, ...]] = field(default_factory=dict)


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
    doors_open: bool = False,
) -> LevelObstacles:
    """Return the wall bodies, the sight obstacles and the domain of a level.

    Self-closing doors stand shut for sight unless ``doors_open`` (they are
    passages in the bodies either way).
    """
    index = WallIndex(walls)
    door_cuts: dict[str, list[BaseGeometry]] = {}
    shut_cuts: dict[str, list[BaseGeometry]] = {}
    window_cuts: dict[str, list[BaseGeometry]] = {}
    pierced: dict[str, tuple[str, ...]] = {}
    for opening, hits in zip(openings, index.pierced_many(openings), strict=True):
        pierced[opening.id] = tuple(dict.fromkeys(p.wall.id for p in hits))
        if opening.kind == "window":
            target = window_cuts
        elif opening.kind == "door" and opening.self_closing and not doors_open:
            target = shut_cuts
        else:
            target = door_cuts
        for p in hits:
            target.setdefault(p.wall.id, []).append(p.cut)
    bodies: dict[str, BaseGeometry] = {}
    sight_parts: list[BaseGeometry] = []
    for wall, body in zip(walls, wall_bodies(walls), strict=True):
        passages = door_cuts.get(wall.id, []) + shut_cuts.get(wall.id, [])
        bodies[wall.id] = body.difference(_union(passages)) if passages else body
        if wall.material in SIGHT_BLOCKING_MATERIALS:
            see_through = door_cuts.get(wall.id, []) + window_cuts.get(wall.id, [])
            if wall.id not in shut_cuts and wall.id not in window_cuts:  # the same cut as the body's
                sight_parts.append(bodies[wall.id])
            else:
                sight_parts.append(body.difference(_union(see_through)) if see_through else body)
    sight = shapely.union_all(sight_parts) if sight_parts else Polygon()
    domain = domain_box(walls, openings, zones, extra_points=extra_points, margin_m=margin_m)
    return LevelObstacles(bodies=bodies, sight=sight, domain=domain, pierced=pierced)


def free_space(domain: BaseGeometry, sight: BaseGeometry) -> BaseGeometry:
    """Return ``domain`` minus the sight obstacles, as a valid (Multi)Polygon without slivers."""
    free = domain.difference(sight) if not sight.is_empty else domain
    if not free.is_valid:
        free = shapely.make_valid(free)
    pieces = [g for g in parts(free, "Polygon") if g.area > 1e-10]
    if len(pieces) == 1:
        return pieces[0]
    return shapely.MultiPolygon(pieces) if pieces else Polygon()
