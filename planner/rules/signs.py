"""Where notice signs are required: entrances into camera areas, and a suggested sign for each.

An *announced area* is the set of zones a camera area reaches (at least
``MIN_ZONE_OVERLAP_M2`` or a fifth of the zone), so that a sign is posted where
people step into the room under observation, not in the middle of a floor.
Its *entrances* are the doors and doorways with one side inside and the other
outside, and the open boundaries (no wall) where a walkable zone outside
meets it. For each entrance a wall-mounted sign is suggested beside the
opening on the approach side, facing the approach, its centre at eye level,
its paper size chosen so that its headline is legible from the approach.

>>> size_for_distance(4.0), size_for_distance(6.5), size_for_distance(12.0), size_for_distance(30.0)
('A4', 'A3', 'A1', 'A0')
>>> size_for_distance(4.0, "fr_notice")
'A3'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

from planner.geometry.clip import clip, rects_of
from planner.geometry.convert import parts, to_point, to_polygon
from planner.geometry.obstacles import LevelObstacles, wall_body
from planner.geometry.openings import WallIndex
from planner.model import Level, Sign
from planner.rules.angles import bearing

__all__ = [
    "PAPER_MM",
    "SIGN_SIZES_BY_DISTANCE",
    "legible_distance",
    "size_for_distance",
    "Entrance",
    "SignRequirement",
    "LevelTopology",
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
    "A1": (594.0, 841.0),
    "A0": (841.0, 1189.0),
    "Tabloid": (279.4, 431.8),
}
#: Sign layout ratios, shared with the PDF output: pictogram and headline letter height per paper width.
PICTOGRAM_RATIO = 0.6
HEADLINE_RATIO = 0.096
#: Sizes tried, smallest first.
SIGN_SIZES_BY_DISTANCE = ("A4", "A3", "A2", "A1", "A0")
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


def size_for_distance(distance_m: float, kind: str = "cctv_notice") -> str:
    """Smallest paper (A4 … A0) legible from ``distance_m``; A0 beyond its range (see :func:`legible_distance`).

    A face-recognition notice carries the facts of Art. 5 and the alternative of
    Art. 10 in two languages; on A4 they cannot be set at the 5 mm minimum body
    height below a legible pictogram and headline, so it starts at A3.
    """
    sizes = SIGN_SIZES_BY_DISTANCE[1:] if kind == "fr_notice" else SIGN_SIZES_BY_DISTANCE
    for size in sizes:
        if legible_distance(size) >= distance_m:
            return size
    return sizes[-1]


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
    mount_height_m: float = EYE_LEVEL_M
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
            "mount_height_m": self.mount_height_m,
            "mount": self.mount,
            "viewing_distance_m": round(self.viewing_distance_m, 1),
            "size": self.size,
            "cameras": self.cameras,
            "satisfied_by": self.satisfied_by,
        }

    def as_sign(self, sign_id: str) -> Sign:
        """The suggested sign as a model object."""
        return Sign(id=sign_id, kind=self.kind, position=self.position, facing_deg=self.facing_deg,
                    mount_height_m=self.mount_height_m, size=self.size)


def _open_pieces(pieces: Sequence[LineString]) -> list[LineString]:
    """The pieces with a closed ring (a zone drawn inside another, open all round) cut in two halves."""
    out = []
    for piece in pieces:
        coords = list(piece.coords)
        if len(coords) > 2 and coords[0] == coords[-1]:
            out += [substring(piece, 0.0, 0.5, normalized=True), substring(piece, 0.5, 1.0, normalized=True)]
        elif coords[0] != coords[-1]:
            out.append(piece)
    return out


def _unit_normal(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    return (-dy / length, dx / length)


@dataclass
class _Door:
    opening: str
    segment: tuple[tuple[float, float], tuple[float, float]]
    normal: tuple[float, float]
    thickness: float
    plus: str | None
    minus: str | None


class LevelTopology:
    """How the zones of a level connect: doors, open edges, exits. Built once per level geometry.

    Independent of the cameras, so the engine caches it with the level's
    geometry and every sign check reuses it.
    """

    def __init__(self, level: Level, obstacles: LevelObstacles) -> None:
        self.level_id = level.id
        self.obstacles = obstacles
        self.zones: list[tuple[str, BaseGeometry]] = [(z.id, to_polygon(z.polygon)) for z in level.zones]
        self.zone_geom = dict(self.zones)
        self.tree = shapely.STRtree([g for _, g in self.zones])
        self.rects = rects_of([g for _, g in self.zones])
        wall_index = WallIndex(level.walls)
        self.doors: list[_Door] = []
        doors = [o for o in level.openings if o.kind != "window"]
        thickness = wall_index.spans(doors)
        probes: list[tuple[float, float]] = []
        normals: list[tuple[float, float]] = []
        for opening, t in zip(doors, thickness, strict=True):
            (ax, ay), (bx, by) = opening.segment
            n = _unit_normal((ax, ay), (bx, by))
            normals.append(n)
            mx, my, d = (ax + bx) / 2, (ay + by) / 2, t / 2 + 0.25
            probes += [(mx + n[0] * d, my + n[1] * d), (mx - n[0] * d, my - n[1] * d)]
        sides = self._zones_at(probes)
        for k, opening in enumerate(doors):
            self.doors.append(_Door(opening.id, opening.segment, normals[k], thickness[k], sides[2 * k],
                                    sides[2 * k + 1]))
        bodies = list(obstacles.bodies.values())
        self.wall_tree = shapely.STRtree(bodies)
        # A door is a passage, not an open edge: its span closes the zone edges it lies on, whether it cuts a
        # wall, fills a gap between two walls (as CAD drawings have it) or sits on a bare zone edge.
        spans = []
        if self.doors:
            lines = shapely.linestrings([d.segment for d in self.doors])
            spans = list(shapely.buffer(lines, [d.thickness / 2 + 0.05 for d in self.doors], cap_style="flat"))
        self.open_edges = _open_edges(self.zones, self.tree, [*(wall_body(w) for w in level.walls), *spans])
        self.links: list[tuple[str | None, str | None]] = [(d.plus, d.minus) for d in self.doors]
        self.links += list(self.open_edges)
        connectors = {z.id for z in level.zones if z.use in CONNECTOR_USES}
        self.escapes = connectors | {zid for (zid, other) in self.open_edges if other is None}
        self._announced: tuple[Any, list[BaseGeometry], dict[str, list[str]]] | None = None

    @cached_property
    def walkable(self) -> BaseGeometry:
        """Union of the zones (where people walk)."""
        return shapely.union_all([g for _, g in self.zones]) if self.zones else shapely.Polygon()

    def on_wall(self, p: Point, tolerance: float = 0.01) -> bool:
        """True when ``p`` lies on a wall body (doors cut out)."""
        return len(self.wall_tree.query(p, predicate="dwithin", distance=tolerance)) > 0

    def _zones_at(self, points: Sequence[tuple[float, float]]) -> list[str | None]:
        """Zone id (first in file order) at each point, or ``None``; one tree query for all."""
        out: list[str | None] = [None] * len(points)
        if not points:
            return out
        pts, zs = self.tree.query(shapely.points(points), predicate="within")
        for p, z in sorted(zip(pts.tolist(), zs.tolist(), strict=True), reverse=True):
            out[p] = self.zones[z][0]
        return out

    def announced(self, regions: dict[str, BaseGeometry]) -> dict[str, list[str]]:
        """Zones the camera ``regions`` reach enough to announce, each with the cameras reaching it."""
        out: dict[str, list[str]] = {}
        if not regions:
            return out
        ids = list(regions)
        geoms = [regions[c] for c in ids]
        # the sign check and NO_ENTRANCE ask about the same (immutable) regions: answer once
        memo = (tuple(ids), tuple(map(id, geoms)))
        if self._announced is not None and self._announced[0] == memo:
            return {z: list(c) for z, c in self._announced[2].items()}
        areas: dict[tuple[str, str], float] = {}
        for zi, ci in zip(*self.tree.query(geoms, predicate="intersects"), strict=True):
            zone_id, poly = self.zones[ci]
            overlap = clip(geoms[zi], poly, self.rects[ci], checked=False).area
            areas[(zone_id, ids[zi])] = overlap
            if overlap > 0.01:
                out.setdefault(zone_id, []).append(ids[zi])
        announced = {}
        for zone_id, cams in out.items():
            poly = self.zone_geom[zone_id]
            threshold = max(0.01, min(MIN_ZONE_OVERLAP_M2, 0.2 * poly.area))
            if any(areas[(zone_id, c)] >= threshold for c in cams) or (
                len(cams) > 1 and poly.intersection(shapely.union_all([regions[c] for c in cams])).area >= threshold
            ):
                announced[zone_id] = sorted(cams)
        self._announced = (memo, geoms, announced)
        return {z: list(c) for z, c in announced.items()}

    def entrances(self, inside: set[str]) -> list[Entrance]:
        """Doors, doorways and open boundaries leading into the zones ``inside`` (dead ends left out)."""
        found: list[Entrance] = []
        for d in self.doors:
            in_plus, in_minus = d.plus in inside, d.minus in inside
            if in_plus == in_minus:
                continue
            outward = (-d.normal[0], -d.normal[1]) if in_plus else d.normal
            found.append(Entrance(
                segment=d.segment, outward=outward, opening=d.opening, wall_thickness_m=d.thickness,
                outside_zone=d.minus if in_plus else d.plus, inside_zone=d.plus if in_plus else d.minus,
            ))
        for (zone_id, other), pieces in self.open_edges.items():
            if zone_id in inside or other not in inside:
                continue
            poly = self.zone_geom[zone_id]
            for piece in _open_pieces(pieces):
                coords = list(piece.coords)
                a, b = coords[0], coords[-1]
                n = _unit_normal(a, b)
                mid = piece.interpolate(0.5, normalized=True)
                outward = n if poly.contains(Point(mid.x + n[0] * 0.1, mid.y + n[1] * 0.1)) else (-n[0], -n[1])
                found.append(Entrance(segment=((a[0], a[1]), (b[0], b[1])), outward=outward,
                                      outside_zone=zone_id, inside_zone=other))
        dead = _dead_ends(self.links, inside, self.escapes)
        return [e for e in found if e.outside_zone is None or e.outside_zone not in dead]

    def groups(self, inside: set[str]) -> list[set[str]]:
        """Connected groups of the zones ``inside`` (joined by doors or open edges)."""
        neighbours: dict[str, set[str]] = {z: set() for z in inside}
        for a, b in self.links:
            if a in inside and b in inside:
                neighbours[a].add(b)
                neighbours[b].add(a)
        out, seen = [], set()
        for start in sorted(inside):
            if start in seen:
                continue
            group, stack = set(), [start]
            while stack:
                z = stack.pop()
                if z not in group:
                    group.add(z)
                    stack.extend(neighbours[z] - group)
            seen |= group
            out.append(group)
        return out


def _open_edges(
    zones: Sequence[tuple[str, BaseGeometry]], tree: shapely.STRtree, solids: Sequence[BaseGeometry]
) -> dict[tuple[str, str | None], list[LineString]]:
    """Boundary pieces of each zone with no wall or door: shared with another zone, or with nothing (``None``)."""
    out: dict[tuple[str, str | None], list[LineString]] = {}
    grown = list(shapely.buffer(list(solids), 0.01)) if solids else []
    solid_tree = shapely.STRtree(grown)
    edges = shapely.boundary([g for _, g in zones]) if zones else np.empty(0, dtype=object)
    if len(edges):
        # each edge loses the solids it meets one at a time, in tree order, until less than the least open
        # boundary is left; every zone's next solid is taken off in one batch
        edge_of, solid_of = solid_tree.query(edges, predicate="intersects")
        hits: list[list[int]] = [[] for _ in zones]
        for e, k in zip(edge_of.tolist(), solid_of.tolist(), strict=True):
            hits[e].append(k)
        grown_arr = np.asarray(grown, dtype=object)
        step = 0
        while True:
            long_enough = shapely.length(edges) >= _MIN_OPEN_BOUNDARY_M
            live = [i for i, h in enumerate(hits) if len(h) > step and long_enough[i]]
            if not live:
                break
            edges[live] = shapely.difference(edges[live], grown_arr[[hits[i][step] for i in live]])
            step += 1
    for i, (zone_id, poly) in enumerate(zones):
        edge = edges[i]
        if edge.length < _MIN_OPEN_BOUNDARY_M:
            continue
        neighbours = [int(j) for j in tree.query(poly, predicate="dwithin", distance=0.01) if j != i]
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
    return [p for p in parts(geom, "LineString") if isinstance(p, LineString)]


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


def _sign_position(entrance: Entrance, topology: LevelTopology) -> tuple[tuple[float, float], str]:
    """Wall beside the opening on the approach side when there is wall there, else free-standing."""
    (ax, ay), (bx, by) = entrance.segment
    ox, oy = entrance.outward
    if entrance.opening is not None:
        length = math.hypot(bx - ax, by - ay)
        ux, uy = (bx - ax) / length, (by - ay) / length
        face = entrance.wall_thickness_m / 2 + 0.02
        for (px, py), (dx, dy) in (((bx, by), (ux, uy)), ((ax, ay), (-ux, -uy))):
            on_wall = (px + dx * _JAMB_OFFSET_M, py + dy * _JAMB_OFFSET_M)
            if topology.on_wall(Point(on_wall)):
                return (on_wall[0] + ox * face, on_wall[1] + oy * face), "wall"
        mid = ((ax + bx) / 2, (ay + by) / 2)
        return (mid[0] + ox * (face + 0.3), mid[1] + oy * (face + 0.3)), "stand"
    mid = ((ax + bx) / 2, (ay + by) / 2)
    return (mid[0] + ox * 0.5, mid[1] + oy * 0.5), "stand"


def requirements_for_area(
    topology: LevelTopology,
    kind: str,
    regions: dict[str, BaseGeometry],
) -> list[SignRequirement]:
    """Sign requirements of ``kind`` for every entrance into the zones the camera ``regions`` announce.

    Each requirement lists the cameras whose coverage reaches the connected
    group of announced zones behind its entrance.
    """
    announced = topology.announced(regions)
    if not announced:
        return []
    inside = set(announced)
    group_of: dict[str, set[str]] = {}
    for group in topology.groups(inside):
        for zone_id in group:
            group_of[zone_id] = group
    out = []
    for entrance in topology.entrances(inside):
        (ax, ay), (bx, by) = entrance.segment
        mid = Point((ax + bx) / 2, (ay + by) / 2)
        start = Point(mid.x + entrance.outward[0] * (entrance.wall_thickness_m / 2 + 0.05),
                      mid.y + entrance.outward[1] * (entrance.wall_thickness_m / 2 + 0.05))
        distance = _approach_length(start, entrance.outward, topology.obstacles, topology.walkable)
        position, mount = _sign_position(entrance, topology)
        facing = bearing((0.0, 0.0), entrance.outward)
        group = group_of.get(entrance.inside_zone or "", set())
        cameras = sorted({c for z in group for c in announced[z]})
        out.append(SignRequirement(
            level=topology.level_id, kind=kind, entrance=entrance, position=position, facing_deg=facing,
            viewing_distance_m=distance, size=size_for_distance(distance, kind), mount=mount, cameras=cameras,
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
