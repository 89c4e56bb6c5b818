"""Which walls an opening pierces, and the piece it cuts out of each (DESIGN §4).

An opening pierces, over its length, every wall whose centre-line comes
within :data:`PIERCE_DISTANCE_M` (0.3 m) of its segment, so a door goes
through the whole wall also where the wall is drawn as two layers (a lined
or double wall) or where the door symbol sits on one face of a thick wall.
"Along its length" means both ends of the opening lie within that distance
of the line of one centre-line segment (the opening runs along it) and its
projection meets that segment; a wall the opening only touches end-on (a
wall meeting the door's wall at a corner) is not pierced. Walls thicker than
0.6 m are pierced when the opening lies anywhere within their body. An
opening's explicit ``wall`` reference pierces that wall too, at its nearest
segment, wherever it is drawn.

This is the one test of "does this opening lie on that wall" in the program:
the sight obstacles, the sign topology, the editor and the importers all use
:class:`WallIndex` (an ``STRtree`` over wall centre-line segments).

>>> from planner.model import Opening, Wall
>>> lined = [Wall(id="a", path=((0, 0), (4, 0)), thickness_m=0.05),
...          Wall(id="b", path=((0, 0.2), (4, 0.2)), thickness_m=0.05)]
>>> door = Opening(id="d1", segment=((1, 0.1), (2, 0.1)))
>>> [p.wall.id for p in walls_pierced(door, lined)]
['a', 'b']
>>> off = Opening(id="d2", segment=((1, 0.55), (2, 0.55)))
>>> walls_pierced(off, lined) == []
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import shapely
from shapely.geometry import Polygon

from planner.model.entities import Opening, Wall

__all__ = ["PIERCE_DISTANCE_M", "Pierce", "WallIndex", "walls_pierced", "opening_span"]

#: An opening pierces every wall whose centre-line comes within this distance of its segment.
PIERCE_DISTANCE_M = 0.3
#: The cut reaches this far beyond each face of the wall (no slivers of wall left standing).
_CUT_OVERSHOOT_M = 0.02


@dataclass(frozen=True)
class Pierce:
    """One wall an opening goes through.

    Attributes
    ----------
    wall : Wall
    segment : int
        Index of the centre-line segment of ``wall.path`` the opening runs along.
    offset_m : float
        Signed distance of the opening's middle from that centre-line (left of its direction positive).
    corners : tuple of (x, y)
        The four corners of the cut.
    cut : Polygon
        What the opening removes from the wall: its projected length, the wall's full thickness.
    """

    wall: Wall
    segment: int
    offset_m: float
    corners: tuple[tuple[float, float], ...]

    @cached_property
    def cut(self) -> Polygon:
        """What the opening removes from the wall (made when first asked: the span test does not need it)."""
        return Polygon(self.corners)


def _tolerance(wall: Wall) -> float:
    return max(PIERCE_DISTANCE_M, wall.thickness_m / 2.0 + 0.01)


def _pierce(opening: Opening, wall: Wall, index: int, *, forced: bool = False) -> Pierce | None:
    """The cut of ``opening`` in segment ``index`` of ``wall``, or ``None`` if it does not run along it."""
    (ox0, oy0), (ox1, oy1) = opening.segment
    (ax, ay), (bx, by) = wall.path[index], wall.path[index + 1]
    ex, ey = bx - ax, by - ay
    length = math.hypot(ex, ey)
    if length == 0.0:
        return None
    ux, uy = ex / length, ey / length
    d0 = (ox0 - ax) * -uy + (oy0 - ay) * ux
    d1 = (ox1 - ax) * -uy + (oy1 - ay) * ux
    tol = _tolerance(wall)
    if not forced and (abs(d0) > tol or abs(d1) > tol):
        return None
    t0 = (ox0 - ax) * ux + (oy0 - ay) * uy
    t1 = (ox1 - ax) * ux + (oy1 - ay) * uy
    lo, hi = min(t0, t1), max(t0, t1)
    if hi - lo <= 1e-9 or hi < -tol or lo > length + tol:
        return None
    half = wall.thickness_m / 2.0 + _CUT_OVERSHOOT_M
    nx, ny = -uy * half, ux * half
    p0 = (ax + ux * lo, ay + uy * lo)
    p1 = (ax + ux * hi, ay + uy * hi)
    corners = ((p0[0] - nx, p0[1] - ny), (p1[0] - nx, p1[1] - ny), (p1[0] + nx, p1[1] + ny), (p0[0] + nx, p0[1] + ny))
    return Pierce(wall, index, (d0 + d1) / 2.0, corners)


class WallIndex:
    """The centre-line segments of a level's walls in an ``STRtree``, for "which walls does this opening pierce".

    Build it once per level and ask it about any number of openings.
    """

    def __init__(self, walls: Sequence[Wall]) -> None:
        self.walls = list(walls)
        self.by_id = {w.id: w for w in self.walls}
        segments: list[tuple[int, int]] = []
        lines = []
        for wi, wall in enumerate(self.walls):
            for si, (a, b) in enumerate(pairwise(wall.path)):
                if a != b:
                    segments.append((wi, si))
                    lines.append((a, b))
        self._segments = segments
        self._tree = shapely.STRtree(shapely.linestrings(lines) if lines else [])
        self._reach = max([PIERCE_DISTANCE_M, *(_tolerance(w) for w in self.walls)])

    def pierced(self, opening: Opening) -> list[Pierce]:
        """Every wall ``opening`` pierces, each with the cut of every segment it runs along, in wall order.

        A wall that holds the opening on several of its segments (the two faces of a wall drawn as a
        closed outline) yields one :class:`Pierce` per segment.
        """
        return self.pierced_many([opening])[0]

    def pierced_many(self, openings: Sequence[Opening]) -> list[list[Pierce]]:
        """:meth:`pierced` for every opening, with one query of the index for them all."""
        near: list[list[int]] = [[] for _ in openings]
        if self._segments and openings:
            lines = shapely.linestrings([o.segment for o in openings])
            which, segs = self._tree.query(lines, predicate="dwithin", distance=self._reach)
            for i, k in zip(which.tolist(), segs.tolist(), strict=True):
                near[i].append(k)
        return [self._pierced(opening, ks) for opening, ks in zip(openings, near, strict=True)]

    def _pierced(self, opening: Opening, near: Sequence[int]) -> list[Pierce]:
        out: dict[tuple[int, int], Pierce] = {}
        for k in near:
            wi, si = self._segments[k]
            p = _pierce(opening, self.walls[wi], si)
            if p is not None:
                out[(wi, si)] = p
        named = self.by_id.get(opening.wall) if opening.wall is not None else None
        if named is not None:
            wi = self.walls.index(named)
            if not any(key[0] == wi for key in out):
                best = self._nearest(opening, wi)
                if best is not None:
                    out[(wi, best.segment)] = best
        return [out[key] for key in sorted(out)]

    def _nearest(self, opening: Opening, wi: int) -> Pierce | None:
        """The cut in the segment of wall ``wi`` nearest the opening (an explicit ``wall`` reference)."""
        wall = self.walls[wi]
        line = shapely.linestrings(opening.segment)
        best: tuple[float, Pierce] | None = None
        for si in range(len(wall.path) - 1):
            p = _pierce(opening, wall, si, forced=True)
            if p is None:
                continue
            d = float(shapely.linestrings([wall.path[si], wall.path[si + 1]]).distance(line))
            if best is None or d < best[0]:
                best = (d, p)
        return None if best is None else best[1]

    def wall_under(self, opening: Opening) -> Wall | None:
        """The wall an opening belongs to: its ``wall`` when that is pierced, else the nearest pierced wall."""
        pierced = self.pierced(opening)
        if not pierced:
            return None
        for p in pierced:
            if p.wall.id == opening.wall:
                return p.wall
        return min(pierced, key=lambda p: abs(p.offset_m)).wall

    def span(self, opening: Opening) -> float:
        """How thick the opening is: across every wall it pierces, face to face (0 when it pierces none).

        >>> from planner.model import Opening, Wall
        >>> index = WallIndex([Wall(id="a", path=((0, 0), (4, 0)), thickness_m=0.1),
        ...                    Wall(id="b", path=((0, 0.3), (4, 0.3)), thickness_m=0.1)])
        >>> round(index.span(Opening(id="d", segment=((1, 0.15), (2, 0.15)))), 3)
        0.4
        """
        return self._span(opening, self.pierced(opening))

    def spans(self, openings: Sequence[Opening]) -> list[float]:
        """:meth:`span` for each of ``openings``, with one index query for them all."""
        return [self._span(o, p) for o, p in zip(openings, self.pierced_many(openings), strict=True)]

    @staticmethod
    def _span(opening: Opening, pierced: list[Pierce]) -> float:
        if not pierced:
            return 0.0
        (ox0, oy0), (ox1, oy1) = opening.segment
        mx, my = (ox0 + ox1) / 2.0, (oy0 + oy1) / 2.0
        length = math.hypot(ox1 - ox0, oy1 - oy0)
        nx, ny = -(oy1 - oy0) / length, (ox1 - ox0) / length
        lo, hi = math.inf, -math.inf
        for p in pierced:
            (ax, ay), (bx, by) = p.wall.path[p.segment], p.wall.path[p.segment + 1]
            # the wall's centre-line where the opening's normal through its middle crosses it
            ex, ey = bx - ax, by - ay
            den = nx * ey - ny * ex
            if abs(den) < 1e-12:
                continue
            s = ((ax - mx) * ey - (ay - my) * ex) / den
            half = p.wall.thickness_m / 2.0
            lo, hi = min(lo, s - half), max(hi, s + half)
        return 0.0 if lo > hi else hi - lo


def walls_pierced(opening: Opening, walls: Sequence[Wall] | WallIndex) -> list[Pierce]:
    """Every wall ``opening`` pierces (see :class:`WallIndex`; pass an index to ask about many openings)."""
    index = walls if isinstance(walls, WallIndex) else WallIndex(walls)
    return index.pierced(opening)


def opening_span(opening: Opening, walls: Sequence[Wall] | WallIndex) -> float:
    """Thickness across every wall ``opening`` pierces (see :meth:`WallIndex.span`)."""
    index = walls if isinstance(walls, WallIndex) else WallIndex(walls)
    return index.span(opening)
