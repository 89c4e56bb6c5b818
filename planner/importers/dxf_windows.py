"""Find windows drawn without a block: thin parallel lines (the glazing) across a gap in a wall.

Architects often draw a window as the wall's two face lines stopping at the jambs, with two to four
thin lines running along the wall through the gap: the outer and inner faces of the frame and the
glass. Those lines sit on any layer — ``0``, the wall layer itself — so a layer name cannot tell
them apart. On a wall layer the wall pairing turns them into short walls in the gap, which would
block a camera's view through the window; elsewhere they leave the gap open, so the room around it
does not close. :func:`glazed_gaps` finds the gaps between two pieces of one wall that hold such
lines; the importer puts a window there (see-through, DESIGN §4) and drops the walls made of glazing.

>>> walls = [(((0.0, 0.0), (2.0, 0.0)), 0.2), (((3.5, 0.0), (6.0, 0.0)), 0.2)]
>>> glazing = [((2.0, -0.1), (3.5, -0.1)), ((2.0, 0.0), (3.5, 0.0)), ((2.0, 0.1), (3.5, 0.1))]
>>> [(g.segment, g.lines) for g in glazed_gaps(walls, glazing)]
[(((2.0, 0.0), (3.5, 0.0)), 3)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry import LineString, Polygon

__all__ = ["MAX_WINDOW_M", "MIN_WINDOW_M", "GlazedGap", "glazed_gaps"]

Point = tuple[float, float]
#: Widths of a window opening (metres).
MIN_WINDOW_M = 0.3
MAX_WINDOW_M = 6.0
_PARALLEL_SIN = math.sin(math.radians(3.0))
_ON_LINE_M = 0.02
_SPAN = 0.7  # a glazing line spans at least this share of the gap
_MIN_THICK_M = 0.08  # walls drawn as single lines (no thickness) hold no glazing


@dataclass(frozen=True)
class GlazedGap:
    """A window found by its glazing: its span on the wall's centre-line, the wall's thickness, the walls made
    of its glazing lines (indices into the walls given), how many distinct glazing lines it holds, and the wall
    it lies in (an index; ``None`` for a gap between two pieces of a wall)."""

    segment: tuple[Point, Point]
    thickness: float
    glazing_walls: tuple[int, ...]
    lines: int
    wall: int | None = None


def _pt(p: Sequence[float]) -> Point:
    return (float(p[0]), float(p[1]))


def _unit(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    return dx / n, dy / n


def glazed_gaps(
    walls: Sequence[tuple[Sequence[Point], float]],
    lines: Sequence[tuple[Point, Point]],
    taken: Sequence[tuple[Point, Point]] = (),
    *,
    min_lines: int = 2,
) -> list[GlazedGap]:
    """Gaps 0.3-6 m long between two collinear pieces of a wall, holding ``min_lines`` or more distinct thin
    lines parallel to the wall within its thickness (raw ``lines``, or walls made of them), and not already
    spanned by an opening in ``taken``.

    ``walls`` are (centre-line path, thickness) in metres; only straight two-point walls bound a gap.
    """
    straight = [(k, (_pt(p[0]), _pt(p[1])), t) for k, (p, t) in enumerate(walls)
                if len(p) == 2 and math.dist(p[0], p[1]) >= 0.05 and t >= _MIN_THICK_M]
    if len(straight) < 2:
        return []
    wall_lines = [LineString(w[1]) for w in straight]
    tree = shapely.STRtree(wall_lines)
    raw = [(a, b) for a, b in lines if MIN_WINDOW_M * _SPAN <= math.dist(a, b) <= MAX_WINDOW_M + 1.0]
    raw_tree = shapely.STRtree([LineString(s) for s in raw]) if raw else None
    all_tree = shapely.STRtree([LineString(p) for p, _t in walls]) if walls else None
    taken_lines = [LineString(s) for s in taken]
    found: list[GlazedGap] = []
    seen: set[tuple[int, int]] = set()
    for idx, (k, (a, b), t) in enumerate(straight):
        for p, q in ((a, b), (b, a)):
            u = _unit(q, p)  # out of the wall at its end p
            best: tuple[float, int, Point] | None = None
            for m in tree.query(shapely.points(p), predicate="dwithin", distance=MAX_WINDOW_M):
                m = int(m)
                if m == idx:
                    continue
                _k2, (c, d), t2 = straight[m]
                v = _unit(c, d)
                if abs(u[0] * v[1] - u[1] * v[0]) > _PARALLEL_SIN or abs(t - t2) > 0.3 * max(t, t2):
                    continue
                for end, other in ((c, d), (d, c)):
                    along = (end[0] - p[0]) * u[0] + (end[1] - p[1]) * u[1]
                    across = (end[0] - p[0]) * -u[1] + (end[1] - p[1]) * u[0]
                    beyond = (other[0] - p[0]) * u[0] + (other[1] - p[1]) * u[1]
                    if (abs(across) <= _ON_LINE_M and beyond > along and -0.01 <= along <= MAX_WINDOW_M
                            and (best is None or along < best[0])):
                        best = (along, m, end)
            if best is None or best[0] < MIN_WINDOW_M:
                continue  # the next piece of the wall lies beyond a window's width, or the wall goes on
            length, m, end = best
            key = (min(k, straight[m][0]), max(k, straight[m][0]))
            if key in seen:
                continue
            seen.add(key)
            thickness = max(t, straight[m][2])
            gap = (p, (p[0] + u[0] * length, p[1] + u[1] * length))
            if any(_spans(s, gap, thickness) for s in taken_lines):
                continue  # a door or a window block is there already
            band = _band(gap, thickness / 2 + 0.03)
            offsets: list[float] = []
            glazing: list[int] = []
            if raw_tree is not None:
                for i in raw_tree.query(band):
                    s = raw[int(i)]
                    off = _offsets_if_glazing(s, gap, u, length, thickness)
                    if off is not None:
                        offsets.append(off)
            if all_tree is not None:
                for i in all_tree.query(band):
                    i = int(i)
                    if i in (k, straight[m][0]):
                        continue
                    path, wt = walls[i]
                    if len(path) != 2:
                        continue
                    off = _offsets_if_glazing((_pt(path[0]), _pt(path[1])), gap, u, length, thickness)
                    if off is not None and wt <= thickness + 0.01:
                        glazing.append(i)
                        offsets += [off - wt / 2, off + wt / 2] if wt > 0.03 else [off]
            distinct = _distinct(offsets)
            if distinct >= min_lines:
                found.append(GlazedGap(gap, thickness, tuple(sorted(set(glazing))), distinct))
    found += _inside_walls(walls, straight, raw, raw_tree, all_tree, taken_lines, min_lines)
    kept: list[GlazedGap] = []  # one window where several overlap (found in a gap and in a wall): the shortest
    for window in sorted(found, key=lambda g: math.dist(*g.segment)):
        line = LineString(window.segment)
        if not any(_spans(line, k.segment, max(k.thickness, window.thickness)) for k in kept):
            kept.append(window)
    return kept


def _inside_walls(walls: Sequence[tuple[Sequence[Point], float]], straight: Sequence[tuple[int, tuple[Point, Point],
                  float]], raw: Sequence[tuple[Point, Point]], raw_tree: shapely.STRtree | None,
                  all_tree: shapely.STRtree | None, taken: Sequence[LineString], min_lines: int) -> list[GlazedGap]:
    """Windows drawn inside a wall whose face lines run on through them: two or more thin lines along the wall,
    strictly between its faces, over the same 0.3-6 m (walls the pairing made of them lie inside the wall)."""
    found: list[GlazedGap] = []
    for k, (a, b), t in straight:
        u = _unit(a, b)
        length = math.dist(a, b)
        body = _band((a, b), t / 2)
        pieces: list[tuple[float, float, float, int | None]] = []  # from, to, offset, thin wall index
        candidates: list[tuple[tuple[Point, Point], float, int | None]] = []
        if raw_tree is not None:
            candidates += [(raw[int(i)], 0.0, None) for i in raw_tree.query(body)]
        if all_tree is not None:
            for i in all_tree.query(body):
                i = int(i)
                path, wt = walls[i]
                if i != k and len(path) == 2 and wt < t - 0.02:
                    candidates.append(((_pt(path[0]), _pt(path[1])), wt, i))
        for (c, d), wt, i in candidates:
            v = _unit(c, d)
            if abs(u[0] * v[1] - u[1] * v[0]) > _PARALLEL_SIN:
                continue
            s0 = (c[0] - a[0]) * u[0] + (c[1] - a[1]) * u[1]
            s1 = (d[0] - a[0]) * u[0] + (d[1] - a[1]) * u[1]
            lo, hi = min(s0, s1), max(s0, s1)
            o0 = (c[0] - a[0]) * -u[1] + (c[1] - a[1]) * u[0]
            o1 = (d[0] - a[0]) * -u[1] + (d[1] - a[1]) * u[0]
            if lo < -0.02 or hi > length + 0.02 or not MIN_WINDOW_M <= hi - lo <= MAX_WINDOW_M:
                continue
            if max(abs(o0), abs(o1)) + wt / 2 > t / 2 - 0.015:
                continue  # a face of the wall, or beyond it
            off = (o0 + o1) / 2
            pieces += [(lo, hi, off - wt / 2, i), (lo, hi, off + wt / 2, i)] if wt > 0.03 else [(lo, hi, off, i)]
        pieces.sort()
        used = [False] * len(pieces)
        for n, (lo, hi, _off, _i) in enumerate(pieces):
            if used[n]:
                continue
            group = [m for m in range(n, len(pieces)) if not used[m]
                     and abs(pieces[m][0] - lo) <= 0.05 and abs(pieces[m][1] - hi) <= 0.05]
            for m in group:
                used[m] = True
            distinct = _distinct([pieces[m][2] for m in group])
            if distinct < min_lines:
                continue
            s0 = min(pieces[m][0] for m in group)
            s1 = max(pieces[m][1] for m in group)
            span = ((a[0] + u[0] * s0, a[1] + u[1] * s0), (a[0] + u[0] * s1, a[1] + u[1] * s1))
            if any(_spans(o, span, t) for o in taken):
                continue
            thin = tuple(sorted({i for m in group for i in [pieces[m][3]] if i is not None}))
            found.append(GlazedGap(span, t, thin, distinct, wall=k))
    return found


def _band(gap: tuple[Point, Point], half: float) -> Polygon:
    (x0, y0), (x1, y1) = gap
    ux, uy = _unit(gap[0], gap[1])
    nx, ny = -uy * half, ux * half
    return Polygon([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])


def _offsets_if_glazing(seg: tuple[Point, Point], gap: tuple[Point, Point], u: tuple[float, float], length: float,
                        thickness: float) -> float | None:
    """The line's offset across the wall when it is a glazing line of the gap (parallel, within the wall's
    thickness, spanning most of the gap and little beyond it), else ``None``."""
    a, b = seg
    v = _unit(a, b)
    if abs(u[0] * v[1] - u[1] * v[0]) > _PARALLEL_SIN:
        return None
    p = gap[0]
    s0 = (a[0] - p[0]) * u[0] + (a[1] - p[1]) * u[1]
    s1 = (b[0] - p[0]) * u[0] + (b[1] - p[1]) * u[1]
    lo, hi = min(s0, s1), max(s0, s1)
    slack = max(0.05, thickness / 2)
    if lo < -slack or hi > length + slack or min(hi, length) - max(lo, 0.0) < _SPAN * length:
        return None
    o0 = (a[0] - p[0]) * -u[1] + (a[1] - p[1]) * u[0]
    o1 = (b[0] - p[0]) * -u[1] + (b[1] - p[1]) * u[0]
    if max(abs(o0), abs(o1)) > thickness / 2 + 0.02:
        return None
    return (o0 + o1) / 2


def _distinct(offsets: Sequence[float], tol: float = 0.008) -> int:
    n = 0
    last: float | None = None
    for off in sorted(offsets):
        if last is None or off - last > tol:
            n += 1
        last = off
    return n


def _spans(opening: LineString, gap: tuple[Point, Point], thickness: float) -> bool:
    """True when an opening already lies over most of the gap."""
    g = LineString(gap)
    if opening.distance(g) > thickness / 2 + 0.1:
        return False
    ux, uy = _unit(gap[0], gap[1])
    ts = [(x - gap[0][0]) * ux + (y - gap[0][1]) * uy for x, y in opening.coords]
    covered = min(max(ts), g.length) - max(min(ts), 0.0)
    return covered >= 0.5 * g.length
