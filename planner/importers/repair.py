"""Repair what an import made before the checks see it: wall paths that cross themselves, openings on no wall.

A drawing gives the importers line work that a hand-drawn plan never has: a
column drawn as two nested outlines joined into one path, a poché shape whose
outline runs back along itself, a door symbol standing a little beside the wall
line, a door in a gap where the drawing has no wall at all. The checks are right
to flag such geometry in a plan drawn by hand (``INVALID_GEOMETRY``,
``OPENING_NOT_ON_WALL``), but after an import the user did not draw it and
cannot tell what to do. :func:`repair_level` therefore mends a freshly built
level with the same tests the checks use:

* repeated points are dropped; a closed path that crosses or folds back on
  itself becomes the outline of the area it encloses (a column drawn as two
  nested outlines is its outer outline); an open path that crosses itself is
  split at its crossings (a part that runs back over another is kept once);
* a zone whose outline crosses itself keeps its largest valid part;
* an opening that pierces no wall and lies on no zone edge is moved onto the
  wall it stands beside (parallel to it, its centre-line within the wall's
  reach plus :data:`SNAP_M`, overlapping it for at least half its width);
  one with no such wall is left out.

Every repair is said in the notes it returns, and every opening left out is
named with its position, so that nothing is dropped silently; what could not be
repaired is named too.

>>> from planner.model import Level, Opening, Wall
>>> level = Level(id="L1", walls=[Wall(id="w1", path=((0, 0), (6, 0)))],
...               openings=[Opening(id="d1", segment=((2, 0.45), (3, 0.45))),
...                         Opening(id="d2", segment=((2, 3), (3, 3)))])
>>> notes = repair_level(level)
>>> [(o.id, o.segment, o.wall) for o in level.openings]
[('d1', ((2.0, 0.0), (3.0, 0.0)), 'w1')]
>>> notes[1]
'1 door(s) lie on no wall and were left out: d2 at (2.50, 3.00); draw the wall there and add them in the editor'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import shapely
from shapely.geometry import LinearRing, LineString, Polygon

from planner.geometry.openings import PIERCE_DISTANCE_M, WallIndex
from planner.model import Level, Opening, Project, Wall
from planner.rules.checks import check_geometry
from planner.rules.pack import DEFAULT_RULE_PACK, RulePack, load_rule_pack
from planner.rules.soundness import level_opening_findings

__all__ = ["SNAP_M", "outline_rings", "repair_level", "simple_pieces"]

Pt = tuple[float, float]

#: How much further than the checks' own reach (0.3 m, or half the wall's thickness) an opening may stand
#: beside a wall and still be moved onto it.
SNAP_M = 0.3
#: Most an opening's direction may differ from its wall's to be moved onto it (degrees).
_SNAP_ANGLE_DEG = 10.0
_KIND_WORDS = {"door": "door", "doorway": "doorway", "window": "window"}


def _r(p: Sequence[float]) -> Pt:
    return (round(float(p[0]), 4) + 0.0, round(float(p[1]), 4) + 0.0)


def _deduped(path: Iterable[Sequence[float]]) -> list[Pt]:
    out: list[Pt] = []
    for p in path:
        q = _r(p)
        if not out or q != out[-1]:
            out.append(q)
    return out


def outline_rings(ring: Sequence[Sequence[float]]) -> list[list[Pt]]:
    """The outlines (closed, counter-clockwise) of the area a closed path encloses, however it crosses itself.

    Two nested squares joined into one path enclose the outer square; a spike that runs out and back
    along one line encloses nothing and is dropped. Empty when the path encloses no area.

    >>> outline_rings([(0, 0), (4, 0), (4, 2), (4, 3), (4, 2), (0, 2), (0, 0)])
    [[(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0), (0.0, 0.0)]]
    """
    line = LineString([(float(x), float(y)) for x, y in ring])
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.node(line))))
    faces = [f for f in faces if f.area > 1e-8]
    if not faces:
        return []
    out = []
    for part in shapely.get_parts(shapely.union_all(faces)):
        if part.geom_type != "Polygon" or part.area <= 1e-8:
            continue
        exterior = shapely.orient_polygons(Polygon(part.exterior)).exterior
        simple = LineString(exterior.coords).simplify(0.0)  # collinear points of the noding removed
        pts = _deduped(simple.coords)
        if pts and pts[0] == pts[-1]:
            pts.pop()
        if len(set(pts)) >= 3:
            k = pts.index(min(pts))  # from its lowest-left corner
            pts = pts[k:] + pts[:k]
            out.append([*pts, pts[0]])
    return out


def simple_pieces(path: Sequence[Sequence[float]]) -> list[list[Pt]]:
    """An open path split where it crosses or touches itself into pieces that do not; overlaps kept once.

    >>> simple_pieces([(0, 0), (2, 0), (2, 2), (1, 2), (1, -1)])
    [[(0.0, 0.0), (1.0, 0.0)], [(1.0, 0.0), (2.0, 0.0), (2.0, 2.0), (1.0, 2.0), (1.0, 0.0)], [(1.0, 0.0), (1.0, -1.0)]]
    """
    pts = _deduped(path)
    if len(pts) < 2:
        return []
    line = LineString(pts)
    if line.is_simple:
        return [pts]
    merged = shapely.line_merge(shapely.union_all(shapely.get_parts(shapely.node(line))))
    pieces = []
    for part in shapely.get_parts(merged):
        piece = _deduped(part.coords)
        if len(piece) >= 2 and LineString(piece).length > 1e-6:
            pieces.append(piece)
    # in the order the path runs: by where each piece starts along it
    pieces.sort(key=lambda pc: (line.project(shapely.Point(pc[0])), line.project(shapely.Point(pc[-1]))))
    return pieces


def _wall_problem(wall: Wall) -> bool:
    path = wall.path
    if wall.closed:
        return len(set(path)) < 3 or not LinearRing(path).is_simple
    return not LineString(path).is_simple


def _repair_walls(level: Level) -> tuple[int, int]:
    """Repair the level's wall paths in place; returns (walls repaired, walls dropped as points)."""
    taken = {w.id for w in level.walls}
    out: list[Wall] = []
    repaired = dropped = 0
    renamed: dict[str, list[str]] = {}

    def new_id(base: str) -> str:
        k = 1
        while f"{base}.{k}" in taken:
            k += 1
        taken.add(f"{base}.{k}")
        return f"{base}.{k}"

    for wall in level.walls:
        path = _deduped(wall.path)
        if len(set(path)) < 2:
            dropped += 1
            renamed[wall.id] = []
            continue
        if len(path) != len(wall.path):
            wall.path = tuple(path)
        if len(wall.path) < 2 or not _wall_problem(wall):
            out.append(wall)
            continue
        repaired += 1
        if wall.closed:
            pieces = outline_rings(path)
            if not pieces:  # encloses nothing: its line work, once
                pieces = simple_pieces(path)
        else:
            pieces = simple_pieces(path)
        ids = []
        for k, piece in enumerate(pieces):
            part = Wall(id=wall.id if k == 0 else new_id(wall.id), path=tuple(piece), thickness_m=wall.thickness_m,
                        material=wall.material, height_m=wall.height_m,
                        extra={**wall.extra, "import": {**wall.extra.get("import", {}), "repaired": True}})
            out.append(part)
            ids.append(part.id)
        renamed[wall.id] = ids
        if not ids:
            dropped += 1
    level.walls[:] = out
    if renamed:
        by_id = {w.id: w for w in out}
        for opening in level.openings:
            if opening.wall in renamed:
                opening.wall = _piece_under(opening, [by_id[i] for i in renamed[opening.wall]])
    return repaired, dropped


def _piece_under(opening: Opening, pieces: Sequence[Wall]) -> str | None:
    if not pieces:
        return None
    found = WallIndex(pieces).wall_under(Opening(id=opening.id, kind=opening.kind, segment=opening.segment))
    return found.id if found is not None else None


def _repair_zones(level: Level) -> int:
    repaired = 0
    for zone in level.zones:
        poly = Polygon(zone.polygon)
        if poly.is_valid:
            continue
        best = max((p for p in shapely.get_parts(shapely.make_valid(poly)) if p.geom_type == "Polygon"),
                   key=lambda p: p.area, default=None)
        if best is None or best.area < 0.01:
            continue
        ring = _deduped(shapely.orient_polygons(best).exterior.coords)[:-1]
        if len(ring) >= 3 and Polygon(ring).is_valid:
            zone.polygon = tuple(ring)
            repaired += 1
    return repaired


def _snap(opening: Opening, walls: Sequence[Wall]) -> tuple[Wall, tuple[Pt, Pt], float] | None:
    """The wall ``opening`` stands beside, its segment laid on that wall's centre-line, and how far it moved."""
    (ox0, oy0), (ox1, oy1) = opening.segment
    width = math.hypot(ox1 - ox0, oy1 - oy0)
    if width <= 1e-6:
        return None
    vx, vy = (ox1 - ox0) / width, (oy1 - oy0) / width
    best: tuple[float, Wall, tuple[Pt, Pt]] | None = None
    sin_max = math.sin(math.radians(_SNAP_ANGLE_DEG))
    for wall in walls:
        reach = max(PIERCE_DISTANCE_M, wall.thickness_m / 2.0 + 0.01) + SNAP_M
        for (ax, ay), (bx, by) in zip(wall.path, wall.path[1:], strict=False):
            length = math.hypot(bx - ax, by - ay)
            if length <= 1e-6:
                continue
            ux, uy = (bx - ax) / length, (by - ay) / length
            if abs(ux * vy - uy * vx) > sin_max:
                continue
            d0 = (ox0 - ax) * -uy + (oy0 - ay) * ux
            d1 = (ox1 - ax) * -uy + (oy1 - ay) * ux
            if max(abs(d0), abs(d1)) > reach:
                continue
            t0 = (ox0 - ax) * ux + (oy0 - ay) * uy
            t1 = (ox1 - ax) * ux + (oy1 - ay) * uy
            lo, hi = min(t0, t1), max(t0, t1)
            if min(hi, length) - max(lo, 0.0) < 0.5 * (hi - lo):
                continue
            moved = max(abs(d0), abs(d1))
            if best is None or moved < best[0]:
                seg = (_r((ax + ux * t0, ay + uy * t0)), _r((ax + ux * t1, ay + uy * t1)))
                best = (moved, wall, seg)
    return None if best is None else (best[1], best[2], best[0])


def _where(opening: Opening) -> str:
    (x0, y0), (x1, y1) = opening.segment
    return f"{opening.id} at ({(x0 + x1) / 2:.2f}, {(y0 + y1) / 2:.2f})"


def _listed(items: Sequence[str], most: int = 8) -> str:
    return ", ".join(items[:most]) + (f" and {len(items) - most} more" if len(items) > most else "")


def _repair_openings(level: Level, pack: RulePack) -> list[str]:
    notes: list[str] = []
    flagged = {f.details["opening"] for f in level_opening_findings(level, pack)}
    if not flagged:
        return notes
    moved: list[tuple[Opening, float]] = []
    lost: list[Opening] = []
    for opening in level.openings:
        if opening.id not in flagged:
            continue
        snap = _snap(opening, level.walls)
        if snap is None:
            lost.append(opening)
            continue
        wall, segment, distance = snap
        opening.segment = segment
        opening.wall = wall.id
        opening.extra.setdefault("import", {})["moved_onto_wall_m"] = round(distance, 3)
        moved.append((opening, distance))
    # what was moved must now pass; what still does not is left out like the rest
    still = {f.details["opening"] for f in level_opening_findings(level, pack)}
    lost += [o for o, _d in moved if o.id in still]
    moved = [(o, d) for o, d in moved if o.id not in still]
    if moved:
        far = max(d for _o, d in moved)
        notes.append(f"{len(moved)} door(s)/window(s) standing beside their wall were moved onto it (at most "
                     f"{far:.2f} m): {_listed([o.id for o, _d in moved])}")
    if lost:
        gone = {o.id for o in lost}
        level.openings[:] = [o for o in level.openings if o.id not in gone]
        for kind in ("door", "doorway", "window"):
            these = [o for o in lost if o.kind == kind]
            if these:
                notes.append(f"{len(these)} {_KIND_WORDS[kind]}(s) lie on no wall and were left out: "
                             f"{_listed([_where(o) for o in these])}; draw the wall there and add them in the editor")
    return notes


def repair_level(level: Level, pack: RulePack | None = None) -> list[str]:
    """Repair a freshly imported level in place (see the module's description); returns what it says about it.

    ``pack`` is the rule pack whose checks the level must pass (default: the one a new project names); only its
    geometry tests are used, which every pack shares.
    """
    pack = pack or load_rule_pack(DEFAULT_RULE_PACK)
    notes: list[str] = []
    repaired, dropped = _repair_walls(level)
    if repaired:
        notes.append(f"{repaired} wall path(s) crossing or folding back on themselves were redrawn (as the outline "
                     "they enclose, or split where they cross)")
    if dropped:
        notes.append(f"{dropped} wall(s) of no length were left out")
    zones = _repair_zones(level)
    if zones:
        notes.append(f"{zones} room outline(s) crossing themselves were reduced to their largest valid part")
    notes += _repair_openings(level, pack)
    left = check_geometry(Project(levels=[level]), pack)
    if left:
        where = []
        for f in left:
            thing = f.details.get("wall") or f.zone
            wall = next((w for w in level.walls if w.id == thing), None)
            zone = next((z for z in level.zones if z.id == thing), None)
            pts: Sequence[Sequence[float]] = wall.path if wall is not None else zone.polygon if zone is not None else ()
            if pts:
                x = sum(p[0] for p in pts) / len(pts)
                y = sum(p[1] for p in pts) / len(pts)
                where.append(f"{thing} at ({x:.2f}, {y:.2f})")
            else:
                where.append(str(thing))
        notes.append(f"{len(left)} wall(s)/room(s) could not be repaired and will be flagged by the check: "
                     f"{_listed(where)}")
    return notes
