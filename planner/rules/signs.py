"""Where notice signs are required: entrances into camera areas, and a suggested sign for each.

An *announced area* is the set of zones a camera area reaches (at least
``MIN_ZONE_OVERLAP_M2`` or a fifth of the zone), so that a sign is posted where
people step into the room under observation, not in the middle of a floor.
Its *entrances* are the doors and doorways with one side inside and the other
outside, and the open boundaries (no wall) where a walkable zone outside
meets it. For each entrance a wall-mounted sign is suggested beside the
opening on the approach side, facing the approach, its centre at eye level,
its paper size chosen so that its headline is legible from the approach.

>>> size_for_distance(4.0), size_for_distance(6.5), size_for_distance(30.0)
('A4', 'A3', 'A2')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import to_point, to_polygon, to_segment
from planner.geometry.obstacles import LevelObstacles
from planner.model import Level, Sign
from planner.rules.angles import bearing

__all__ = [
    "PAPER_MM",
    "SIGN_SIZES_BY_DISTANCE",
    "legible_distance",
    "size_for_distance",
    "Entrance",
    "SignRequirement",
    "announced_zones",
    "find_entrances",
    "requirements_for_area",
    "satisfying_sign",
    "EYE_LEVEL_M",
]

#: Portrait paper sizes in millimetres.
PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "Letter": (215.9, 279.4),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
}
#: Sign layout ratios, shared with the PDF output: pictogram and headline letter height per paper width.
PICTOGRAM_RATIO = 0.6
HEADLINE_RATIO = 0.096
#: Sizes tried, smallest first.
SIGN_SIZES_BY_DISTANCE = ("A4", "A3", "A2")
EYE_LEVEL_M = 1.6
DEFAULT_VIEWING_DISTANCE_M = 5.0
MIN_VIEWING_DISTANCE_M = 2.0
MAX_VIEWING_DISTANCE_M = 12.0
MIN_ZONE_OVERLAP_M2 = 1.0
#: A placed sign satisfies a requirement within this distance of the suggested position.
SATISFY_RADIUS_M = 2.0
SATISFY_FACING_DEG = 60.0
_JAMB_OFFSET_M = 0.35
#: Zone uses that connect to other levels or the outside: never dead ends.
CONNECTOR_USES = frozenset({"entrance", "stairs", "elevator", "elevator_lobby", "parking"})
_MIN_OPEN_BOUNDARY_M = 0.5


def legible_distance(size: str) -> float:
    """Farthest reading distance (m) of a sign on ``size`` paper.

    The pictogram must be at least D/40 high and the headline letters D/250
    (DESIGN §3); the layout gives both in proportion to the paper width.
    """
    width_mm = PAPER_MM[size][0]
    return min(width_mm * PICTOGRAM_RATIO * 40.0, width_mm * HEADLINE_RATIO * 250.0) / 1000.0


def size_for_distance(distance_m: float) -> str:
    """Smallest paper (A4, A3, A2) legible from ``distance_m``; A2 beyond its range."""
    for size in SIGN_SIZES_BY_DISTANCE:
        if legible_distance(size) >= distance_m:
            return size
    return SIGN_SIZES_BY_DISTANCE[-1]


@dataclass
class Entrance:
    """A way into an announced area: ``segment`` on its boundary, ``outward`` the unit normal to the approach."""

    segment: tuple[tuple[float, float], tuple[float, float]]
    outward: tuple[float, float]
    opening: str | None = None
    wall_thickness_m: float = 0.0
    outside_zone: str | None = None
    inside_zone: str | None = None


@dataclass
class SignRequirement:
    """A sign the rules require at one entrance."""

    level: str
    kind: str
    entrance: Entrance
    position: tuple[float, float]
    facing_deg: float
    viewing_distance_m: float
    size: str
    mount: str = "wall"
    cameras: list[str] = field(default_factory=list)
    satisfied_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        """As in ``planner check --format json`` (``signs_required``)."""
        return {
            "level": self.level,
            "kind": self.kind,
            "entrance": [list(p) for p in self.entrance.segment],
            "opening": self.entrance.opening,
            "zone": self.entrance.inside_zone,
            "approach_zone": self.entrance.outside_zone,
            "position": [round(self.position[0], 3), round(self.position[1], 3)],
            "facing_deg": round(self.facing_deg, 1),
            "mount_height_m": EYE_LEVEL_M,
            "mount": self.mount,
            "viewing_distance_m": round(self.viewing_distance_m, 1),
            "size": self.size,
            "cameras": self.cameras,
            "satisfied_by": self.satisfied_by,
        }

    def as_sign(self, sign_id: str) -> Sign:
        """The suggested sign as a model object."""
        return Sign(id=sign_id, kind=self.kind, position=self.position, facing_deg=self.facing_deg,
                    mount_height_m=EYE_LEVEL_M, size=self.size)


def announced_zones(level: Level, area: BaseGeometry) -> list[str]:
    """Ids of the zones the camera ``area`` reaches enough to announce them."""
    if area.is_empty:
        return []
    out = []
    for zone in level.zones:
        poly = to_polygon(zone.polygon)
        overlap = poly.intersection(area).area
        if overlap >= min(MIN_ZONE_OVERLAP_M2, 0.2 * poly.area) and overlap > 0.01:
            out.append(zone.id)
    return out


def _unit_normal(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    return (-dy / length, dx / length)


def _zone_at(level_zones: Sequence[tuple[str, BaseGeometry]], p: Point) -> str | None:
    for zone_id, poly in level_zones:
        if poly.contains(p):
            return zone_id
    return None


def find_entrances(level: Level, inside_ids: Iterable[str], obstacles: LevelObstacles) -> list[Entrance]:
    """Doors, doorways and open boundaries leading into the zones ``inside_ids``.

    Entrances from *dead ends* are left out: a zone outside the area whose
    every way out leads into the area (an office or a toilet off a watched
    corridor) holds only people who already passed a sign. Zones open to the
    outside of the plan, with an exterior door, or used as connections to other
    levels (stairs, elevators, entrances, parking) are never dead ends.
    """
    inside_set = set(inside_ids)
    zones = [(z.id, to_polygon(z.polygon)) for z in level.zones]
    inside = shapely.union_all([g for zid, g in zones if zid in inside_set])
    if inside.is_empty:
        return []
    walls_by_id = {w.id: w for w in level.walls}
    entrances: list[Entrance] = []
    cuts: list[BaseGeometry] = []
    links: list[tuple[str | None, str | None]] = []  # zones on the two sides of every door or open edge
    for opening in level.openings:
        if opening.kind == "window":
            continue
        a, b = opening.segment
        n = _unit_normal(a, b)
        thickness = _wall_thickness(opening, walls_by_id.values(), obstacles)
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        probe = thickness / 2 + 0.25
        p_plus = Point(mid[0] + n[0] * probe, mid[1] + n[1] * probe)
        p_minus = Point(mid[0] - n[0] * probe, mid[1] - n[1] * probe)
        links.append((_zone_at(zones, p_plus), _zone_at(zones, p_minus)))
        cuts.append(to_segment(opening.segment).buffer(thickness / 2 + 0.05, cap_style="flat"))
        in_plus, in_minus = inside.contains(p_plus), inside.contains(p_minus)
        if in_plus == in_minus:
            continue
        outward = (-n[0], -n[1]) if in_plus else n
        inner_p, outer_p = (p_plus, p_minus) if in_plus else (p_minus, p_plus)
        entrances.append(Entrance(
            segment=(a, b), outward=outward, opening=opening.id, wall_thickness_m=thickness,
            outside_zone=_zone_at(zones, outer_p), inside_zone=_zone_at(zones, inner_p),
        ))
    solid = shapely.union_all([*obstacles.bodies.values(), *cuts]).buffer(0.01) if obstacles.bodies or cuts else None
    open_edges = _open_edges(zones, solid)
    for (zone_id, other), pieces in open_edges.items():
        links.append((zone_id, other))
        if zone_id in inside_set or other not in inside_set:
            continue
        poly = dict(zones)[zone_id]
        for piece in pieces:
            coords = list(piece.coords)
            a, b = coords[0], coords[-1]
            n = _unit_normal(a, b)
            mid = piece.interpolate(0.5, normalized=True)
            probe = Point(mid.x + n[0] * 0.1, mid.y + n[1] * 0.1)
            outward = n if poly.contains(probe) else (-n[0], -n[1])
            entrances.append(Entrance(
                segment=((a[0], a[1]), (b[0], b[1])), outward=outward, outside_zone=zone_id, inside_zone=other,
            ))
    connectors = {z.id for z in level.zones if z.use in CONNECTOR_USES}
    exterior = {zid for (zid, other) in open_edges if other is None}
    dead_ends = _dead_ends(links, inside_set, connectors | exterior)
    return [e for e in entrances if e.outside_zone is None or e.outside_zone not in dead_ends]


def _open_edges(
    zones: Sequence[tuple[str, BaseGeometry]], solid: BaseGeometry | None
) -> dict[tuple[str, str | None], list[LineString]]:
    """Boundary pieces of each zone with no wall or door: shared with another zone, or with nothing (``None``)."""
    out: dict[tuple[str, str | None], list[LineString]] = {}
    tree = shapely.STRtree([g for _, g in zones])
    for i, (zone_id, poly) in enumerate(zones):
        edge = poly.boundary if solid is None else poly.boundary.difference(solid)
        if edge.length < _MIN_OPEN_BOUNDARY_M:
            continue
        neighbours = [j for j in tree.query(poly.buffer(0.01)) if j != i]
        for j in neighbours:
            other_id, other = zones[j]
            shared = shapely.line_merge(edge.intersection(other.buffer(1e-6)))
            pieces = [p for p in _lines(shared) if p.length >= _MIN_OPEN_BOUNDARY_M]
            if pieces:
                out[(zone_id, other_id)] = pieces
        others = shapely.union_all([zones[j][1] for j in neighbours]) if neighbours else None
        free = edge if others is None else edge.difference(others.buffer(1e-6))
        if free.length >= _MIN_OPEN_BOUNDARY_M:
            out[(zone_id, None)] = [p for p in _lines(shapely.line_merge(free)) if p.length >= _MIN_OPEN_BOUNDARY_M]
    return out


def _dead_ends(links: Sequence[tuple[str | None, str | None]], inside: set[str], escapes: set[str]) -> set[str]:
    """Zones outside the area from which every way out leads through it.

    Zones outside the area are grouped by the doors and open edges between
    them; a group escapes when one of its zones is in ``escapes`` or has an
    exterior door. The zones of the other groups are dead ends: an office
    behind a watched lobby, a guest room with its bathroom off a corridor.
    """
    neighbours: dict[str, set[str | None]] = {}
    for a, b in links:
        if a is not None:
            neighbours.setdefault(a, set()).add(b)
        if b is not None:
            neighbours.setdefault(b, set()).add(a)
    dead: set[str] = set()
    seen: set[str] = set()
    for start in neighbours:
        if start in inside or start in seen:
            continue
        group, stack, escaped = set(), [start], False
        while stack:
            zone = stack.pop()
            if zone in group:
                continue
            group.add(zone)
            escaped = escaped or zone in escapes
            for other in neighbours.get(zone, ()):
                if other is None:
                    escaped = True
                elif other not in inside:
                    stack.append(other)
        seen |= group
        if not escaped:
            dead |= group
    return dead


def _lines(geom: BaseGeometry) -> list[LineString]:
    if geom.is_empty:
        return []
    if geom.geom_type == "LineString":
        return [geom]
    out: list[LineString] = []
    for part in getattr(geom, "geoms", []):
        out.extend(_lines(part))
    return out


def _wall_thickness(opening: Any, walls: Iterable[Any], obstacles: LevelObstacles) -> float:
    if opening.wall is not None:
        for wall in walls:
            if wall.id == opening.wall:
                return float(wall.thickness_m)
    seg = to_segment(opening.segment)
    best = 0.0
    for wall in walls:
        line = shapely.LineString(wall.path)
        if line.distance(seg) <= wall.thickness_m / 2 + 0.011:
            best = max(best, float(wall.thickness_m))
    return best


def _approach_length(
    start: Point, outward: Sequence[float], obstacles: LevelObstacles, walkable: BaseGeometry
) -> float:
    """How far people approaching the entrance can see it: free distance along ``outward``."""
    far = Point(start.x + outward[0] * MAX_VIEWING_DISTANCE_M, start.y + outward[1] * MAX_VIEWING_DISTANCE_M)
    ray = LineString([start, far])
    length = MAX_VIEWING_DISTANCE_M
    blockers = obstacles.sight
    if not blockers.is_empty:
        hit = ray.intersection(blockers)
        if not hit.is_empty:
            length = min(length, start.distance(hit))
    if not walkable.is_empty and walkable.contains(start):
        inside_part = ray.intersection(walkable)
        for piece in _lines(inside_part):
            if piece.distance(start) < 1e-6:
                length = min(length, piece.length)
    return max(MIN_VIEWING_DISTANCE_M, min(length, MAX_VIEWING_DISTANCE_M))


def _sign_position(entrance: Entrance, obstacles: LevelObstacles) -> tuple[tuple[float, float], str]:
    """Wall beside the opening on the approach side when there is wall there, else free-standing."""
    (ax, ay), (bx, by) = entrance.segment
    ox, oy = entrance.outward
    if entrance.opening is not None:
        length = math.hypot(bx - ax, by - ay)
        ux, uy = (bx - ax) / length, (by - ay) / length
        face = entrance.wall_thickness_m / 2 + 0.02
        walls = shapely.union_all(list(obstacles.bodies.values())) if obstacles.bodies else None
        for (px, py), (dx, dy) in (((bx, by), (ux, uy)), ((ax, ay), (-ux, -uy))):
            on_wall = (px + dx * _JAMB_OFFSET_M, py + dy * _JAMB_OFFSET_M)
            if walls is not None and walls.buffer(0.01).contains(Point(on_wall)):
                return (on_wall[0] + ox * face, on_wall[1] + oy * face), "wall"
        mid = ((ax + bx) / 2, (ay + by) / 2)
        return (mid[0] + ox * (face + 0.3), mid[1] + oy * (face + 0.3)), "stand"
    mid = ((ax + bx) / 2, (ay + by) / 2)
    return (mid[0] + ox * 0.5, mid[1] + oy * 0.5), "stand"


def requirements_for_area(
    level: Level,
    kind: str,
    regions: dict[str, BaseGeometry],
    obstacles: LevelObstacles,
) -> list[SignRequirement]:
    """Sign requirements of ``kind`` for every entrance into the zones the camera ``regions`` announce."""
    if not regions:
        return []
    area = shapely.union_all(list(regions.values()))
    inside = announced_zones(level, area)
    if not inside:
        return []
    inside_geom = shapely.union_all([to_polygon(z.polygon) for z in level.zones if z.id in set(inside)])
    cameras = sorted(cid for cid, g in regions.items() if g.intersection(inside_geom).area > 0.01)
    walkable = shapely.union_all([to_polygon(z.polygon) for z in level.zones]) if level.zones else shapely.Polygon()
    out = []
    for entrance in find_entrances(level, inside, obstacles):
        (ax, ay), (bx, by) = entrance.segment
        mid = Point((ax + bx) / 2, (ay + by) / 2)
        start = Point(mid.x + entrance.outward[0] * (entrance.wall_thickness_m / 2 + 0.05),
                      mid.y + entrance.outward[1] * (entrance.wall_thickness_m / 2 + 0.05))
        distance = _approach_length(start, entrance.outward, obstacles, walkable)
        position, mount = _sign_position(entrance, obstacles)
        facing = bearing((0.0, 0.0), entrance.outward)
        out.append(SignRequirement(
            level=level.id, kind=kind, entrance=entrance, position=position, facing_deg=facing,
            viewing_distance_m=distance, size=size_for_distance(distance), mount=mount, cameras=cameras,
        ))
    return out


def _angle_between(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def satisfying_sign(req: SignRequirement, signs: Sequence[Sign], obstacles: LevelObstacles) -> str | None:
    """Id of a placed sign that fulfils ``req``: right kind, near, on the approach side, facing it, in view."""
    kinds = {"fr_notice"} if req.kind == "fr_notice" else {"fr_notice", "cctv_notice"}
    (ax, ay), (bx, by) = req.entrance.segment
    mid = ((ax + bx) / 2, (ay + by) / 2)
    ox, oy = req.entrance.outward
    viewer = Point(mid[0] + ox * 1.5, mid[1] + oy * 1.5)
    sight = obstacles.sight.buffer(-0.03) if not obstacles.sight.is_empty else obstacles.sight
    best: tuple[float, str] | None = None
    for sign in signs:
        if sign.kind not in kinds:
            continue
        pos = to_point(sign.position)
        d = pos.distance(Point(req.position))
        if d > SATISFY_RADIUS_M:
            continue
        if (sign.position[0] - mid[0]) * ox + (sign.position[1] - mid[1]) * oy < -0.05:
            continue
        if _angle_between(sign.facing_deg, req.facing_deg) > SATISFY_FACING_DEG:
            continue
        if not sight.is_empty and LineString([viewer, pos]).intersects(sight):
            continue
        if best is None or d < best[0]:
            best = (d, sign.id)
    return best[1] if best else None
