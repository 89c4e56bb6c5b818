"""Angular extent of plan regions as seen from a camera, and the lens maths of remedies.

Offsets are degrees relative to a camera's optical axis, clockwise positive, in
``(-180, 180]``; bearings are compass degrees (0 = north, clockwise).

>>> bearing((0, 0), (1, 0))
90.0
>>> offset(350, 10), offset(10, 350)
(20.0, -20.0)
>>> merge_intervals([(-10, 5), (3, 12), (40, 50)])
[(-10, 12), (40, 50)]
>>> image_column(0.0, 90.0, 1920)
960
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.compass import bearing
from planner.geometry.compass import turn as offset
from planner.geometry.convert import parts

__all__ = [
    "bearing",
    "offset",
    "merge_intervals",
    "angular_extent",
    "angular_extents",
    "smallest_turns",
    "widest_clear_fov",
    "clip_intervals",
    "image_column",
]

Interval = tuple[float, float]


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping or touching intervals."""
    out: list[list[float]] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1] + 1e-9:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _edge_interval(a: float, b: float) -> list[Interval]:
    """Offsets swept by an edge from offset ``a`` to offset ``b`` (short way; split at ±180)."""
    d = (b - a + 180.0) % 360.0 - 180.0
    lo, hi = (a, a + d) if d >= 0 else (a + d, a)
    if lo < -180.0:
        return [(lo + 360.0, 180.0), (-180.0, hi)]
    if hi > 180.0:
        return [(lo, 180.0), (-180.0, hi - 360.0)]
    return [(lo, hi)]


def angular_extent(region: BaseGeometry, origin: Sequence[float], axis_deg: float) -> list[Interval]:
    """Offsets (relative to ``axis_deg``) under which ``region`` is seen from ``origin``.

    Exact for regions that do not contain ``origin``: the union of the angular
    spans of all boundary edges. Returns merged intervals within ``[-180, 180]``.
    """
    if region.is_empty:
        return []
    if shapely.dwithin(region, shapely.Point(origin), 1e-9) and region.buffer(1e-9).contains(shapely.Point(origin)):
        return [(-180.0, 180.0)]
    # every boundary edge of every ring at once: an edge joins consecutive points of one ring
    rings = shapely.get_rings(np.asarray(parts(region, "Polygon"), dtype=object))
    xy, ring_of = shapely.get_coordinates(rings, return_index=True)
    if len(xy) < 2:
        return []
    lo_all, hi_all, _ = _edge_spans(xy, ring_of, origin, axis_deg)
    if not len(lo_all):
        return []
    order = np.argsort(lo_all, kind="stable")
    return _merged(lo_all[order], hi_all[order])


def _edge_spans(xy: np.ndarray, ring_of: np.ndarray, origin: Sequence[float],
                axis_deg: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Offset spans of the edges between consecutive points of one ring, wrapped spans split at ±180;
    with the index (into ``xy``) of each span's first point."""
    offs = (np.degrees(np.arctan2(xy[:, 0] - origin[0], xy[:, 1] - origin[1])) - axis_deg) % 360.0
    offs = np.where(offs > 180.0, offs - 360.0, offs)
    same = np.flatnonzero(ring_of[:-1] == ring_of[1:])
    a, b = offs[same], offs[same + 1]
    d = (b - a + 180.0) % 360.0 - 180.0  # each edge the short way round
    lo, hi = np.minimum(a, a + d), np.maximum(a, a + d)
    # A span running past -180 or +180 is split in two: up to 180 from its start, and from -180 onwards.
    under, over = lo < -180.0, hi > 180.0
    wraps = under | over
    lo_all = np.concatenate([np.where(under, lo + 360.0, lo), np.full(int(wraps.sum()), -180.0)])
    hi_all = np.concatenate([np.where(wraps, 180.0, hi), np.where(under, hi, hi - 360.0)[wraps]])
    return lo_all, hi_all, np.concatenate([same, same[wraps]])


def _merged(lo: np.ndarray, hi: np.ndarray) -> list[Interval]:
    """Spans sorted by start, merged as :func:`merge_intervals` merges them: a new interval where one
    starts beyond all before it."""
    reach = np.maximum.accumulate(hi)
    starts = np.flatnonzero(np.concatenate([[True], lo[1:] > reach[:-1] + 1e-9]))
    ends = np.append(starts[1:], len(lo)) - 1
    return list(zip(lo[starts].tolist(), reach[ends].tolist(), strict=True))


def angular_extents(regions: Sequence[BaseGeometry], origin: Sequence[float], axis_deg: float) -> list[list[Interval]]:
    """:func:`angular_extent` of each of ``regions``, the edges of them all measured in one numpy pass."""
    out: list[list[Interval]] = [[] for _ in regions]
    point = shapely.Point(origin)
    polys: list[BaseGeometry] = []
    owner: list[int] = []
    for k, region in enumerate(regions):
        if region.is_empty:
            continue
        if shapely.dwithin(region, point, 1e-9) and region.buffer(1e-9).contains(point):
            out[k] = [(-180.0, 180.0)]
            continue
        got = parts(region, "Polygon")
        polys += got
        owner += [k] * len(got)
    if not polys:
        return out
    rings, ring_poly = shapely.get_rings(np.asarray(polys, dtype=object), return_index=True)
    xy, ring_of = shapely.get_coordinates(rings, return_index=True)
    if len(xy) < 2:
        return out
    lo_all, hi_all, first = _edge_spans(xy, ring_of, origin, axis_deg)
    of_all = np.asarray(owner)[ring_poly[ring_of[first]]]
    order = np.lexsort((lo_all, of_all))  # by region, then by start (stable)
    lo_all, hi_all, of_all = lo_all[order], hi_all[order], of_all[order]
    cut = np.flatnonzero(np.diff(of_all)) + 1
    for lo_r, hi_r, k in zip(np.split(lo_all, cut), np.split(hi_all, cut), of_all[np.r_[0, cut]].tolist(),
                             strict=True):
        out[k] = _merged(lo_r, hi_r)
    return out


def _rings(geom: BaseGeometry) -> Iterable[shapely.LinearRing]:
    for poly in parts(geom, "Polygon"):
        yield poly.exterior
        yield from poly.interiors


def _overlaps(intervals: Sequence[Interval], lo: float, hi: float) -> bool:
    """True when ``[lo, hi]`` (offsets, may extend past ±180) meets any interval."""
    for a, b in intervals:
        for shift in (-360.0, 0.0, 360.0):
            if a + shift < hi and b + shift > lo:
                return True
    return False


def smallest_turns(
    blocked: Sequence[Interval], half_fov: float, margin: float = 0.5
) -> tuple[float | None, float | None]:
    """Smallest clockwise and anticlockwise turns (degrees) that keep the wedge clear of ``blocked``.

    ``blocked`` are offsets relative to the current axis; the wedge spans
    ``[turn - half_fov, turn + half_fov]``. Returns ``(clockwise, anticlockwise)``
    as positive and negative turns, or ``None`` where no turn clears.
    """
    if not blocked:
        return 0.0, 0.0
    cw_candidates = sorted((b + half_fov + margin) % 360.0 for _, b in blocked)
    ccw_candidates = sorted(((a - half_fov - margin) % 360.0 - 360.0 for a, _ in blocked), reverse=True)
    cw = next((t for t in cw_candidates if not _overlaps(blocked, t - half_fov, t + half_fov)), None)
    ccw = next((t for t in ccw_candidates if not _overlaps(blocked, t - half_fov, t + half_fov)), None)
    return cw, ccw


def widest_clear_fov(blocked: Sequence[Interval], margin: float = 0.5) -> float:
    """Widest symmetric field of view (degrees) around the axis that misses ``blocked``; 0 if none."""
    nearest = 180.0
    for a, b in blocked:
        if a <= 0.0 <= b:
            return 0.0
        nearest = min(nearest, abs(a) if a > 0 else abs(b))
    return max(0.0, 2.0 * (nearest - margin))


def clip_intervals(intervals: Sequence[Interval], lo: float, hi: float, margin: float = 0.0) -> list[Interval]:
    """Intervals widened by ``margin`` and clipped to ``[lo, hi]``, merged."""
    out = []
    for a, b in intervals:
        a, b = max(lo, a - margin), min(hi, b + margin)
        if a < b:
            out.append((a, b))
    return merge_intervals(out)


def image_column(offset_deg: float, hfov_deg: float, width_px: int) -> int:
    """Image column (pixels from the left) that looks along ``offset_deg`` from the axis.

    x = W/2 + f·tan(θ) with focal length f = (W/2)/tan(hfov/2), clamped to the image.
    """
    half = math.radians(min(hfov_deg, 179.0)) / 2.0
    focal = (width_px / 2.0) / math.tan(half)
    theta = max(-half, min(half, math.radians(offset_deg)))
    return max(0, min(width_px, round(width_px / 2.0 + focal * math.tan(theta))))
