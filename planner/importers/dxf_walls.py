"""Turn the lines of a CAD drawing's wall layers into centre-line walls with a thickness.

Architects draw a wall as its two faces: two parallel lines 50-500 mm apart,
broken at doors and windows, closed at the ends by short jamb lines. A
compliance check wants one wall with its thickness. :func:`pair_walls` takes
straight segments and concentric arcs (in metres) and returns

* one centre-line wall per pair of facing lines, as thick as they are apart;
* centre-line ends extended to meet the walls they run into (L and T
  junctions, collinear pieces across a junction joined into one);
* small closed outlines (columns) as short thick walls along their long axis;
* the lines left over (single-line partitions, curtain walls drawn once) as
  thin walls, minus the jamb and end lines that lie on a wall's body.

>>> segs = [((0, 0), (5, 0), "WALL"), ((0, 0.2), (5, 0.2), "WALL"), ((0, 0), (0, 0.2), "WALL")]
>>> [(w.path, round(w.thickness, 3)) for w in pair_walls(segs)]
[(((0.0, 0.1), (5.0, 0.1)), 0.2)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from planner.importers.limits import CURVE_LIMITS

__all__ = [
    "MAX_CANDIDATE_PAIRS",
    "MAX_WALL_GAP_M",
    "MIN_WALL_GAP_M",
    "Arc",
    "PairedWall",
    "PairingTooDenseError",
    "column_wall",
    "pair_walls",
]

#: Two parallel lines this far apart (metres) are the two faces of one wall.
MIN_WALL_GAP_M = 0.05
MAX_WALL_GAP_M = 0.5
_PARALLEL_SIN = math.sin(math.radians(3.0))
#: Pairs of lines within the wall gap of each other that pairing examines at most.
MAX_CANDIDATE_PAIRS = 10_000_000
_CHUNK = 128
#: Real drawings have some tens of lines within a wall's thickness of each line; thousands mean a crowd.
_MAX_PAIRS_PER_LINE = 1000
_MIN_PIECE_M = 0.03
_THIN_M = 0.05

Point = tuple[float, float]
#: A straight line: its ends, its layer and (optionally) the drawn line it belongs to.
Segment = tuple[Point, Point, str] | tuple[Point, Point, str, int]


class PairingTooDenseError(ValueError):
    """Too many lines lie close to one another for pairing them into walls."""

    def __init__(self, segments: int, pairs: int) -> None:
        super().__init__(f"{segments} lines with more than {pairs} pairs within a wall's thickness of each other")
        self.segments = segments
        self.pairs = pairs


@dataclass(frozen=True)
class Arc:
    """A circular arc in metres, counter-clockwise from ``start_deg`` to ``end_deg``."""

    centre: Point
    radius: float
    start_deg: float
    end_deg: float
    layer: str

    @property
    def sweep_deg(self) -> float:
        return (self.end_deg - self.start_deg) % 360.0 or 360.0

    def points(self, chord_m: float = 0.05, start_deg: float | None = None, sweep_deg: float | None = None,
               radius: float | None = None) -> list[Point]:
        """The arc as a polyline (or a part of it: ``start_deg`` and ``sweep_deg``, at ``radius``)."""
        r = self.radius if radius is None else radius
        a0 = self.start_deg if start_deg is None else start_deg
        sweep = self.sweep_deg if sweep_deg is None else sweep_deg
        n = max(2, min(CURVE_LIMITS.segments, math.ceil(math.radians(sweep) * r / max(chord_m, 1e-3)) + 1))
        cx, cy = self.centre
        return [(cx + r * math.cos(math.radians(a0 + sweep * k / (n - 1))),
                 cy + r * math.sin(math.radians(a0 + sweep * k / (n - 1)))) for k in range(n)]


@dataclass
class PairedWall:
    """A wall found in the drawing: centre-line ``path``, ``thickness`` (m), source layer, how it was found."""

    path: tuple[Point, ...]
    thickness: float
    layer: str
    how: str  # paired | column | single | arc
    layers: set[str] = field(default_factory=set)


def column_wall(points: Sequence[Point], layer: str, max_side_m: float = 1.5) -> PairedWall | None:
    """A small closed rectangle (a column) as a short wall along its long axis, or ``None``.

    >>> column_wall([(0, 0), (0.4, 0), (0.4, 0.6), (0, 0.6), (0, 0)], "COLUMN").path
    ((0.2, 0.0), (0.2, 0.6))
    """
    poly = Polygon(points)
    if not poly.is_valid or poly.area <= 0:
        return None
    rect = poly.minimum_rotated_rectangle
    if rect.geom_type != "Polygon" or poly.area < 0.9 * rect.area:
        return None
    c = list(rect.exterior.coords)[:4]
    e1 = math.dist(c[0], c[1])
    e2 = math.dist(c[1], c[2])
    if max(e1, e2) > max_side_m:
        return None
    if e1 >= e2:  # long axis along c0->c1: centre-line joins the middles of the short sides
        a = ((c[0][0] + c[3][0]) / 2, (c[0][1] + c[3][1]) / 2)
        b = ((c[1][0] + c[2][0]) / 2, (c[1][1] + c[2][1]) / 2)
        t = e2
    else:
        a = ((c[0][0] + c[1][0]) / 2, (c[0][1] + c[1][1]) / 2)
        b = ((c[3][0] + c[2][0]) / 2, (c[3][1] + c[2][1]) / 2)
        t = e1
    if t <= 0:
        return None
    return PairedWall((_rp(a), _rp(b)), t, layer, "column", {layer})


def pair_walls(
    segments: Sequence[Segment],
    arcs: Sequence[Arc] = (),
    *,
    min_gap: float = MIN_WALL_GAP_M,
    max_gap: float = MAX_WALL_GAP_M,
    keep_single: bool = True,
    max_candidates: int = MAX_CANDIDATE_PAIRS,
) -> list[PairedWall]:
    """Centre-line walls from wall-face lines (metres). See the module docstring.

    ``keep_single=False`` drops the lines that pair with nothing (used when the
    wall layers are guessed and single lines are more likely furniture).
    Raises :class:`PairingTooDenseError` when more than ``max_candidates`` pairs
    of lines (or a thousand per line) lie within ``max_gap`` of each other:
    lines crowded into a small space, as in a drawing whose unit is wrong,
    would take minutes and gigabytes to pair, and make no walls.
    """
    segs = [(seg[0], seg[1], seg[2], seg[3] if len(seg) > 3 else k)
            for k, seg in enumerate(segments) if math.dist(seg[0], seg[1]) >= 1e-4]
    walls, leftovers = _pair_straight(segs, min_gap, max_gap, max_candidates)
    arc_walls, single_arcs = _pair_arcs(arcs, min_gap, max_gap)
    walls += arc_walls
    _close_junctions(walls, max_gap)
    walls = _merge_collinear(walls)
    if keep_single:
        bodies = shapely.buffer(np.array([LineString(w.path) for w in walls], dtype=object),
                                np.array([w.thickness / 2 + 0.02 for w in walls]), cap_style="square",
                                join_style="mitre")
        union = shapely.union_all(bodies) if len(walls) else None
        if union is not None:
            shapely.prepare(union)
        by_path: dict[tuple[str, int], list[LineString]] = {}
        for a, b, layer, group in leftovers:
            piece = LineString([_rp(a), _rp(b)])
            if union is not None and union.covers(piece):
                continue
            by_path.setdefault((layer, group), []).append(piece)
        for (layer, _group), pieces in by_path.items():  # the pieces of one drawn line back into one path
            merged = shapely.line_merge(shapely.multilinestrings(pieces))
            for line in shapely.get_parts(merged):
                walls.append(PairedWall(tuple(_rp(p) for p in line.coords), _THIN_M, layer, "single", {layer}))
        for arc in single_arcs:
            walls.append(PairedWall(tuple(_rp(p) for p in arc.points()), _THIN_M, arc.layer, "single", {arc.layer}))
    return walls


def _pair_straight(segs: list[tuple[Point, Point, str, int]], min_gap: float, max_gap: float,
                   max_candidates: int | None = None) -> tuple[list[PairedWall], list[tuple[Point, Point, str, int]]]:
    """Centre-lines of facing segments, and the pieces of segments that face nothing."""
    n = len(segs)
    if n == 0:
        return [], []
    a = np.array([s[0] for s in segs], dtype=float)
    b = np.array([s[1] for s in segs], dtype=float)
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    u = d / length[:, None]
    lines = shapely.linestrings(np.stack([a, b], axis=1))
    tree = shapely.STRtree(lines)
    lefts, rights = [], []
    seen = 0
    for start in range(0, n, _CHUNK):  # in chunks: a drawing too dense to pair costs a bounded memory and time
        left, right = tree.query(lines[start:start + _CHUNK], predicate="dwithin", distance=max_gap)
        seen += len(left)
        done = min(n, start + _CHUNK)
        if max_candidates is not None and (seen > max_candidates or (
                done >= 2 * _CHUNK and seen > _MAX_PAIRS_PER_LINE * done)):
            raise PairingTooDenseError(n, seen)
        left = left + start
        keep = left < right
        left, right = left[keep], right[keep]
        cross = np.abs(u[left, 0] * u[right, 1] - u[left, 1] * u[right, 0])
        par = cross <= _PARALLEL_SIN
        lefts.append(left[par])
        rights.append(right[par])
    left, right = np.concatenate(lefts), np.concatenate(rights)
    # offset of j's ends across i's line, and j's ends along i
    ni = np.stack([-u[left, 1], u[left, 0]], axis=1)
    off_a = np.einsum("ij,ij->i", a[right] - a[left], ni)
    off_b = np.einsum("ij,ij->i", b[right] - a[left], ni)
    gap = (off_a + off_b) / 2
    ok = (np.abs(gap) >= min_gap) & (np.abs(gap) <= max_gap) & (np.abs(off_a - off_b) <= 0.01 + 0.02 * np.abs(gap))
    left, right, gap = left[ok], right[ok], gap[ok]
    ta = np.einsum("ij,ij->i", a[right] - a[left], u[left])
    tb = np.einsum("ij,ij->i", b[right] - a[left], u[left])
    lo = np.maximum(np.minimum(ta, tb), 0.0)
    hi = np.minimum(np.maximum(ta, tb), length[left])
    overlap = hi - lo
    ok = overlap >= _MIN_PIECE_M
    left, right, gap, lo, hi = left[ok], right[ok], gap[ok], lo[ok], hi[ok]
    order = np.lexsort((-(hi - lo), np.abs(gap)))
    covered: list[list[tuple[float, float]]] = [[] for _ in range(n)]
    out: list[PairedWall] = []
    for k in order:
        i, j = int(left[k]), int(right[k])
        g = float(gap[k])
        free = [(float(lo[k]), float(hi[k]))]
        free = _subtract(free, covered[i])
        # j's covered intervals in i's parameter
        ui, aj, uj = u[i], a[j], u[j]
        sign = 1.0 if float(np.dot(ui, uj)) > 0 else -1.0
        base = float(np.dot(aj - a[i], ui))
        mapped = [tuple(sorted((base + sign * c0, base + sign * c1))) for c0, c1 in covered[j]]
        free = _subtract(free, mapped)  # type: ignore[arg-type]  # a polygonal geometry
        if not free:
            continue
        normal = np.array([-ui[1], ui[0]])
        for t0, t1 in free:
            if t1 - t0 < _MIN_PIECE_M:
                continue
            p0 = a[i] + ui * t0 + normal * g / 2
            p1 = a[i] + ui * t1 + normal * g / 2
            out.append(PairedWall((_rp(p0), _rp(p1)), abs(g), segs[i][2], "paired", {segs[i][2], segs[j][2]}))
            covered[i].append((t0, t1))
            c0, c1 = sign * (t0 - base), sign * (t1 - base)
            covered[j].append((min(c0, c1), max(c0, c1)))
    leftovers: list[tuple[Point, Point, str, int]] = []
    for i in range(n):
        for t0, t1 in _subtract([(0.0, float(length[i]))], covered[i]):
            if t1 - t0 >= 0.005:
                p0 = a[i] + u[i] * t0
                p1 = a[i] + u[i] * t1
                leftovers.append(((float(p0[0]), float(p0[1])), (float(p1[0]), float(p1[1])), segs[i][2], segs[i][3]))
    return out, leftovers


def _subtract(intervals: list[tuple[float, float]], cut: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    out = intervals
    for c0, c1 in cut:
        nxt = []
        for t0, t1 in out:
            if c1 <= t0 or c0 >= t1:
                nxt.append((t0, t1))
                continue
            if c0 > t0:
                nxt.append((t0, c0))
            if c1 < t1:
                nxt.append((c1, t1))
        out = [iv for iv in nxt if iv[1] - iv[0] > 1e-6]
    return out


def _pair_arcs(arcs: Sequence[Arc], min_gap: float, max_gap: float) -> tuple[list[PairedWall], list[Arc]]:
    used: set[int] = set()
    out: list[PairedWall] = []
    order = sorted(range(len(arcs)), key=lambda k: arcs[k].radius)
    for x in order:
        if x in used:
            continue
        best = None
        for y in order:
            if y == x or y in used:
                continue
            p, q = arcs[x], arcs[y]
            dr = abs(p.radius - q.radius)
            if math.dist(p.centre, q.centre) > 0.01 + 0.02 * dr or not min_gap <= dr <= max_gap:
                continue
            start, sweep = _arc_overlap(p, q)
            if sweep < 5.0:
                continue
            if best is None or dr < best[0]:
                best = (dr, y, start, sweep)
        if best is None:
            continue
        dr, y, start, sweep = best
        used.update((x, y))
        p = arcs[x]
        r = (p.radius + arcs[y].radius) / 2
        path = tuple(_rp(pt) for pt in p.points(start_deg=start, sweep_deg=sweep, radius=r))
        out.append(PairedWall(path, dr, p.layer, "arc", {p.layer, arcs[y].layer}))
    return out, [arc for k, arc in enumerate(arcs) if k not in used]


def _arc_overlap(p: Arc, q: Arc) -> tuple[float, float]:
    """Start and sweep (degrees) of the angular overlap of two arcs (largest piece)."""
    best = (0.0, 0.0)
    for shift in (-360.0, 0.0, 360.0):
        s0, e0 = p.start_deg % 360.0, p.start_deg % 360.0 + p.sweep_deg
        s1 = q.start_deg % 360.0 + shift
        e1 = s1 + q.sweep_deg
        lo, hi = max(s0, s1), min(e0, e1)
        if hi - lo > best[1]:
            best = (lo, hi - lo)
    return best


def _close_junctions(walls: list[PairedWall], max_gap: float) -> None:
    """Extend straight two-point walls' ends to the centre-line they run into (L and T junctions)."""
    straight = [k for k, w in enumerate(walls) if len(w.path) == 2]
    if not straight:
        return
    for _ in range(2):
        lines = [LineString(walls[k].path) for k in straight]
        tree = shapely.STRtree(lines)
        for idx, k in enumerate(straight):
            w = walls[k]
            path = list(w.path)
            for end in (0, 1):
                p = path[end]
                q = path[1 - end]
                ux, uy = _unit(q, p)  # pointing out of the wall at this end
                reach = max_gap + 0.02
                best: tuple[float, Point] | None = None
                for m in tree.query(shapely.points(p), predicate="dwithin", distance=reach):
                    if int(m) == idx:
                        continue
                    v = walls[straight[int(m)]]
                    hit = _ray_hit(p, (ux, uy), v.path[0], v.path[1], reach, ext=max(v.thickness, w.thickness))
                    if hit is None:
                        continue
                    s, pt = hit
                    if s > max(v.thickness, w.thickness) * 0.5 + 0.5 * w.thickness + 0.02:
                        continue
                    if best is None or s < best[0]:
                        best = (s, pt)
                if best is not None and best[0] > 1e-6:
                    path[end] = _rp(best[1])
            w.path = (path[0], path[1])


def _ray_hit(p: Point, u: tuple[float, float], a: Point, b: Point, reach: float, ext: float
             ) -> tuple[float, Point] | None:
    """Distance along the ray p + s·u (0 <= s <= reach) to segment a-b extended by ``ext`` at both ends."""
    vx, vy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(vx, vy)
    if length == 0:
        return None
    wx, wy = vx / length, vy / length
    den = u[0] * wy - u[1] * wx
    if abs(den) < 0.2:  # nearly parallel: not a junction
        return None
    dx, dy = a[0] - p[0], a[1] - p[1]
    s = (dx * wy - dy * wx) / den
    t = (dx * u[1] - dy * u[0]) / den
    if s < -1e-6 or s > reach or t < -ext or t > length + ext:
        return None
    return s, (p[0] + u[0] * s, p[1] + u[1] * s)


def _merge_collinear(walls: list[PairedWall]) -> list[PairedWall]:
    """Join straight walls of equal thickness on one line whose ends meet or overlap (or leave a gap of at most
    their thickness: the stem of a T junction)."""
    others = [w for w in walls if not (len(w.path) == 2 and w.how == "paired")]
    straight = [w for w in walls if len(w.path) == 2 and w.how == "paired"]
    groups: dict[tuple[int, int, int], list[PairedWall]] = {}
    for w in straight:
        (x0, y0), (x1, y1) = w.path
        ang = math.atan2(y1 - y0, x1 - x0) % math.pi
        if ang > math.pi - 1e-3:
            ang = 0.0
        nx, ny = -math.sin(ang), math.cos(ang)
        offset = x0 * nx + y0 * ny
        key = (round(ang * 200), round(offset * 100), round(w.thickness * 200))
        groups.setdefault(key, []).append(w)
    out = list(others)
    for group in groups.values():
        (x0, y0), (x1, y1) = group[0].path
        ux, uy = _unit((x0, y0), (x1, y1))
        ivs = []
        for w in group:
            t0 = w.path[0][0] * ux + w.path[0][1] * uy
            t1 = w.path[1][0] * ux + w.path[1][1] * uy
            ivs.append((min(t0, t1), max(t0, t1), w))
        ivs.sort(key=lambda iv: iv[0])
        cur = [ivs[0]]
        for iv in ivs[1:]:
            if iv[0] <= max(c[1] for c in cur) + 0.005:
                cur.append(iv)
            else:
                out.append(_joined(cur, ux, uy))
                cur = [iv]
        out.append(_joined(cur, ux, uy))
    return out


def _joined(run: list[tuple[float, float, PairedWall]], ux: float, uy: float) -> PairedWall:
    if len(run) == 1:
        return run[0][2]
    lo = min(r[0] for r in run)
    hi = max(r[1] for r in run)
    first = run[0][2]
    (x0, y0) = first.path[0]
    t0 = x0 * ux + y0 * uy
    px, py = x0 - ux * t0, y0 - uy * t0  # foot of the line at t = 0
    layers: set[str] = set()
    for r in run:
        layers |= r[2].layers
    return PairedWall((_rp((px + ux * lo, py + uy * lo)), _rp((px + ux * hi, py + uy * hi))),
                      first.thickness, first.layer, "paired", layers)


def _unit(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    return dx / n, dy / n


def _rp(p: Sequence[float]) -> Point:
    return (round(float(p[0]), 4) + 0.0, round(float(p[1]), 4) + 0.0)
