"""Find doors in a CAD drawing by their shape: a quarter-circle swing with its leaf, whatever the layer or block name.

A swing door is drawn as a quarter arc (radius 0.6-1.3 m) centred on the
hinge, from the closed position (across the wall gap) to the open one, where
the leaf is drawn as a line (or a thin rectangle) from the hinge. The
opening spans the gap from the hinge to the arc's other end, laid on the
centre-line of the wall it closes and stretched to that wall's jambs.

>>> arc = Arc((0.0, 0.0), 0.9, 0.0, 90.0, "DOOR")
>>> swing = door_swing(arc, [((0.0, 0.0), (0.0, 0.9))])
>>> swing.hinge, swing.closed_end
((0.0, 0.0), (0.9, 0.0))
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from planner.importers.dxf_walls import Arc

__all__ = [
    "FURNITURE_BLOCK_RE",
    "DoorSwing",
    "door_swing",
    "is_swing_arc",
    "snap_to_wall",
    "swing_leaves",
]

#: Door swing radii (metres) and the sweep of a swing arc (degrees).
MIN_SWING_M = 0.6
MAX_SWING_M = 1.3
_SWEEP = (80.0, 100.0)

#: Blocks that are furniture, fixtures or symbols: never doors or windows, whatever their layer.
FURNITURE_BLOCK_RE = re.compile(
    r"chair|desk|table|sofa|couch|bed\b|bett|lit\b|wc|toilet|urinal|basin|sink|lavabo|bath|shower|douche|"
    r"bidet|closet|wardrobe|locker|shelf|shelv|cabinet|plant|tree|car\b|auto|piano|stool|bench|armchair|"
    r"fauteuil|chaise|stuhl|tisch|silla|mesa|mueble|furn|furniture|mobilier|möbel|kitchen|cuisine|fridge|"
    r"oven|stove|tv|computer|printer|lamp|light|socket|switch|symbol|north|arrow|logo|title|"
    r"椅|桌|床|沙发|柜|洁具|马桶|坐便|蹲便|小便|洗手盆|台盆|洗脸|浴缸|淋浴|厨具|灶|冰箱|电视|植物|花|树|车|"
    r"插座|开关|灯|指北|符号|图框|标题",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DoorSwing:
    """A door found by its swing: hinge, the arc's end across the gap, the open end, the radius (metres)."""

    hinge: tuple[float, float]
    closed_end: tuple[float, float]
    open_end: tuple[float, float]
    radius: float
    layer: str


def is_swing_arc(arc: Arc) -> bool:
    """True for a quarter arc of a door's radius.

    >>> is_swing_arc(Arc((0, 0), 0.9, 0, 90, "0")), is_swing_arc(Arc((0, 0), 0.3, 0, 90, "0"))
    (True, False)
    """
    return MIN_SWING_M <= arc.radius <= MAX_SWING_M and _SWEEP[0] <= arc.sweep_deg <= _SWEEP[1]


def _arc_ends(arc: Arc) -> tuple[tuple[float, float], tuple[float, float]]:
    cx, cy = arc.centre
    r = arc.radius
    a0, a1 = math.radians(arc.start_deg), math.radians(arc.start_deg + arc.sweep_deg)
    return (cx + r * math.cos(a0), cy + r * math.sin(a0)), (cx + r * math.cos(a1), cy + r * math.sin(a1))


def door_swing(arc: Arc, lines: Sequence[tuple[tuple[float, float], tuple[float, float]]]) -> DoorSwing | None:
    """The door an arc draws, when a leaf line runs from its centre to one of its ends; else ``None``."""
    swings = swing_leaves(arc, lines)
    return swings[0] if swings else None


def swing_leaves(arc: Arc, lines: Sequence[tuple[tuple[float, float], tuple[float, float]]]) -> list[DoorSwing]:
    """Every door the arc may draw: one per arc end that a line from its centre reaches (the leaf drawn open).
    Two means a line runs to each end (a leaf and a sill line across the gap): the walls must decide.

    >>> arc = Arc((0.0, 0.0), 0.9, 0.0, 90.0, "DOOR")
    >>> leaves = swing_leaves(arc, [((0.0, 0.0), (0.9, 0.0)), ((0.0, 0.0), (0.0, 0.9))])
    >>> [tuple(round(v, 6) + 0.0 for v in s.closed_end) for s in leaves]
    [(0.0, 0.9), (0.9, 0.0)]
    """
    if not is_swing_arc(arc):
        return []
    e0, e1 = _arc_ends(arc)
    near_hinge = max(0.06, 0.08 * arc.radius)
    near_end = max(0.08, 0.12 * arc.radius)
    found: list[DoorSwing] = []
    for a, b in lines:
        for p, q in ((a, b), (b, a)):
            if math.dist(p, arc.centre) > near_hinge:
                continue
            for open_end, closed_end in ((e0, e1), (e1, e0)):
                if math.dist(q, open_end) <= near_end and not any(s.open_end == open_end for s in found):
                    found.append(DoorSwing(arc.centre, closed_end, open_end, arc.radius, arc.layer))
    return found


def snap_to_wall(
    swing: DoorSwing,
    walls: Sequence[tuple[Sequence[tuple[float, float]], float]],
) -> tuple[tuple[tuple[float, float], tuple[float, float]], int | None]:
    """The opening's segment on the wall it closes, and that wall's index (``None`` when it lies on none).

    ``walls`` are (centre-line path, thickness). The segment hinge -> closed end
    is moved onto the centre-line of the nearest parallel wall within half its
    thickness plus 0.25 m, and each end is stretched to a collinear wall end
    (a jamb) lying within 0.25 m of it, so that the gap is closed exactly.
    """
    h, c = swing.hinge, swing.closed_end
    ux, uy = c[0] - h[0], c[1] - h[1]
    width = math.hypot(ux, uy) or 1.0
    ux, uy = ux / width, uy / width
    best: tuple[float, int, tuple[float, float], tuple[float, float]] | None = None
    for k, (path, thickness) in enumerate(walls):
        for a, b in itertools.pairwise(path):
            vx, vy = b[0] - a[0], b[1] - a[1]
            length = math.hypot(vx, vy)
            if length < 1e-6:
                continue
            vx, vy = vx / length, vy / length
            if abs(ux * vy - uy * vx) > math.sin(math.radians(8)):
                continue
            off_h = (h[0] - a[0]) * -vy + (h[1] - a[1]) * vx
            off_c = (c[0] - a[0]) * -vy + (c[1] - a[1]) * vx
            reach = thickness / 2 + 0.25
            if abs(off_h) > reach or abs(off_c) > reach:
                continue
            th = (h[0] - a[0]) * vx + (h[1] - a[1]) * vy
            tc = (c[0] - a[0]) * vx + (c[1] - a[1]) * vy
            lo, hi = min(th, tc), max(th, tc)
            # the wall's piece must touch the opening (a jamb) or run under it
            gap = max(0.0, lo - length, -hi)
            if gap > 0.25:
                continue
            score = abs(off_h) + abs(off_c) + gap
            if best is None or score < best[0]:
                best = (score, k, a, (vx, vy))
    if best is None:
        return (h, c), None
    _, k, a, (vx, vy) = best
    th = (h[0] - a[0]) * vx + (h[1] - a[1]) * vy
    tc = (c[0] - a[0]) * vx + (c[1] - a[1]) * vy
    # stretch each end to the nearest collinear wall end (jamb) within 0.25 m
    ends = []
    for path, _t in walls:
        for p in (path[0], path[-1]):
            off = (p[0] - a[0]) * -vy + (p[1] - a[1]) * vx
            if abs(off) <= 0.01:
                ends.append((p[0] - a[0]) * vx + (p[1] - a[1]) * vy)
    snapped = []
    for t in (th, tc):
        near = [e for e in ends if abs(e - t) <= 0.25]
        snapped.append(min(near, key=lambda e: abs(e - t)) if near else t)
    if abs(snapped[1] - snapped[0]) < 0.3:
        snapped = [th, tc]
    p0 = (a[0] + vx * snapped[0], a[1] + vy * snapped[0])
    p1 = (a[0] + vx * snapped[1], a[1] + vy * snapped[1])
    return (p0, p1), k
