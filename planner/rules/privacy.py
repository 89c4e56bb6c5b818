"""Privacy checks by geometry: cameras that see into private spaces, and remedies that clear them.

A camera *sees into* a private zone when its coverage overlaps the zone,
shrunk by ``GRAZE_M`` so that a view that only grazes a wall face or a zone
edge does not count, by more than the rule pack's tolerance (0.05 m²).

Each remedy is computed from the geometry and then verified by recomputing
the camera's coverage with the remedy applied; a remedy that would not clear
the finding on its own is not offered.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import to_polygon
from planner.geometry.coverage import Coverage, camera_coverage
from planner.geometry.engine import camera_key
from planner.geometry.visibility import LevelGeometry
from planner.model import Camera, Level, Zone
from planner.rules.angles import (
    angular_extent,
    clip_intervals,
    image_column,
    smallest_turns,
    widest_clear_fov,
)
from planner.rules.remedies import MaskSpan, Narrow, PrivacyMask, Remedy, Rotate, Shorten

__all__ = ["GRAZE_M", "PrivateZone", "private_zones", "view_overlaps", "compute_remedies", "all_round_view"]

#: Depth inside a private zone's edge that a view must reach to count.
GRAZE_M = 0.05
_MARGINS_DEG = (0.5, 1.5, 4.0)
_MIN_RANGE_M = 0.5
_MIN_HFOV_DEG = 2.0


@dataclass(frozen=True)
class PrivateZone:
    """A zone that is private for some devices, with its prepared (shrunk) polygon."""

    zone: Zone
    polygon: BaseGeometry
    core: BaseGeometry
    fr_only: bool


def private_zones(level: Level, all_devices: frozenset[str], fr_devices: frozenset[str]) -> list[PrivateZone]:
    """The level's private zones; ``fr_only`` marks zones private only for face recognition."""
    out = []
    for zone in level.zones:
        if zone.use not in all_devices and zone.use not in fr_devices:
            continue
        poly = to_polygon(zone.polygon)
        if poly.is_empty:
            continue
        core = poly.buffer(-GRAZE_M, join_style="mitre")
        shapely.prepare(core)
        shapely.prepare(poly)
        out.append(PrivateZone(zone, poly, core, zone.use not in all_devices))
    return out


def view_overlaps(
    coverage: Coverage, camera: Camera, zones: Sequence[PrivateZone], tolerance_m2: float
) -> list[tuple[PrivateZone, BaseGeometry]]:
    """``(zone, overlap)`` for each private zone the coverage reaches beyond the tolerance."""
    region = coverage.region
    if region.is_empty:
        return []
    out = []
    points = [shapely.Point(camera.position)]
    if coverage.viewpoint is not None:
        points.append(shapely.Point(coverage.viewpoint))
    for pz in zones:
        if pz.fr_only and not camera.face_recognition:
            continue
        if not shapely.intersects(pz.core, region):
            continue
        if any(shapely.intersects(pz.polygon, p) for p in points):
            continue  # the camera is inside: DEVICE_IN_PRIVATE_SPACE says it
        overlap = region.intersection(pz.core)
        if overlap.area > tolerance_m2:
            out.append((pz, overlap))
    return out


Recheck = Callable[[Camera], float]


def all_round_view(geo: LevelGeometry, camera: Camera, coverage: Coverage) -> _AllRound:
    """A shared, lazily computed all-round view of ``camera`` for :func:`compute_remedies`."""
    return _AllRound(geo, camera, coverage)


def _area_after(geo: LevelGeometry, zone: PrivateZone, cache: dict[Any, BaseGeometry], **kw: Any) -> Recheck:
    """How much of ``zone`` a changed camera would see; coverages shared through ``cache`` (one camera's)."""

    def area(camera: Camera) -> float:
        key = camera_key(camera)
        region = cache.get(key)
        if region is None:
            region = cache[key] = camera_coverage(geo, camera, bands=False, **kw).region
        if region.is_empty or not shapely.intersects(zone.core, region):
            return 0.0
        return float(region.intersection(zone.core).area)

    return area


def compute_remedies(
    geo: LevelGeometry,
    camera: Camera,
    coverage: Coverage,
    zone: PrivateZone,
    overlap: BaseGeometry,
    all_zones: Sequence[PrivateZone],
    tolerance_m2: float,
    *,
    all_round: _AllRound | None = None,
    **coverage_kw: Any,
) -> list[Remedy]:
    """Remedies that each clear the view of ``camera`` into ``zone``: rotate, narrow, shorten, mask.

    Pass the same ``all_round`` (from :func:`all_round_view`) for every finding
    of one camera to share the all-round visibility between them.
    """
    all_round = all_round or _AllRound(geo, camera, coverage)
    recheck = _area_after(geo, zone, all_round.candidates, **coverage_kw)
    origin = coverage.viewpoint or camera.position
    remedies: list[Remedy] = []

    def verified(candidate: Camera) -> bool:
        return recheck(candidate) <= tolerance_m2

    omni = camera.omnidirectional or camera.hfov_deg >= 360.0
    if not omni:
        remedies += _rotations(all_round, camera, zone, all_zones, origin, verified)
        narrow = _narrow(all_round, camera, zone, origin, verified)
        if narrow:
            remedies.append(narrow)
    shorten = _shorten(camera, overlap, origin, verified)
    if shorten:
        remedies.append(shorten)
    mask = _mask(camera, overlap, origin, verified, omni)
    if mask:
        remedies.append(mask)
    return remedies


class _AllRound:
    """What a camera would see if it looked all round with the same reach (computed once, shared)."""

    def __init__(self, geo: LevelGeometry, camera: Camera, coverage: Coverage) -> None:
        self.geo, self.camera, self.coverage = geo, camera, coverage
        self._region: BaseGeometry | None = None
        self._extent: dict[tuple[str, ...], list[tuple[float, float]]] = {}
        #: Coverage regions of candidate remedies (the camera changed one way), shared by its findings.
        self.candidates: dict[Any, BaseGeometry] = {}

    @property
    def region(self) -> BaseGeometry:
        if self._region is None:
            cov = self.coverage
            if cov.reach_m <= 0:
                self._region = shapely.Polygon()
            else:
                fan = self.geo.fan(self.camera.position, heading_deg=None, hfov_deg=360.0, range_m=cov.reach_m)
                self._region = fan.band(cov.near_m, cov.reach_m)
        return self._region

    def extent(self, zones: Sequence[PrivateZone], origin: Sequence[float]) -> list[tuple[float, float]]:
        """Offsets from the axis under which the camera would see ``zones`` all round."""
        key = tuple(sorted(z.zone.id for z in zones))
        if key not in self._extent:
            cores = [z.core for z in zones if not (z.fr_only and not self.camera.face_recognition)]
            region = self.region
            seen = region.intersection(shapely.union_all(cores)) if cores and not region.is_empty else shapely.Polygon()
            self._extent[key] = angular_extent(seen, origin, self.camera.heading_deg)
        return self._extent[key]


def _rotations(
    all_round: _AllRound,
    camera: Camera,
    zone: PrivateZone,
    all_zones: Sequence[PrivateZone],
    origin: Sequence[float],
    verified: Callable[[Camera], bool],
) -> list[Remedy]:
    half = camera.hfov_deg / 2.0
    where = shapely.Point(camera.position)
    inside = [z for z in all_zones if not shapely.intersects(z.polygon, where)]
    # Prefer turns that clear every private zone; else turns that clear this one.
    candidates: list[tuple[str, list[tuple[float, float]]]] = []
    for zones in (inside, [zone]):
        candidates.append(("all" if zones is inside else "zone", all_round.extent(zones, origin)))
    out: list[Remedy] = []
    for direction in ("clockwise", "anticlockwise"):
        for scope, blocked in candidates:
            found: Remedy | None = None
            for margin in _MARGINS_DEG:
                cw, ccw = smallest_turns(blocked, half, margin)
                turn = cw if direction == "clockwise" else ccw
                if turn is None or abs(turn) < 1e-9:
                    break
                heading = round((camera.heading_deg + turn) % 360.0, 1)
                rotate = Rotate(heading_deg=heading, turn_deg=round(turn, 1), direction=direction,
                                clears_all_private=scope == "all")
                if verified(rotate.applied(camera)):
                    found = rotate
                    break
            if found:
                out.append(found)
                break
    return out


def _narrow(
    all_round: _AllRound,
    camera: Camera,
    zone: PrivateZone,
    origin: Sequence[float],
    verified: Callable[[Camera], bool],
) -> Remedy | None:
    blocked = all_round.extent([zone], origin)
    for margin in _MARGINS_DEG:
        fov = math.floor(min(widest_clear_fov(blocked, margin), camera.hfov_deg - 0.1) * 10) / 10
        if fov < _MIN_HFOV_DEG:
            return None
        narrow = Narrow(hfov_deg=fov)
        if verified(narrow.applied(camera)):
            return narrow
    return None


def _shorten(
    camera: Camera, overlap: BaseGeometry, origin: Sequence[float], verified: Callable[[Camera], bool]
) -> Remedy | None:
    nearest = shapely.Point(origin).distance(overlap)
    for back in (0.05, 0.2, 0.5):
        reach = math.floor((nearest - back) * 100) / 100
        if reach < _MIN_RANGE_M:
            return None
        shorten = Shorten(range_m=reach)
        if verified(shorten.applied(camera)):
            return shorten
    return None


def _mask(
    camera: Camera, overlap: BaseGeometry, origin: Sequence[float], verified: Callable[[Camera], bool], omni: bool
) -> Remedy | None:
    half = 180.0 if omni else camera.hfov_deg / 2.0
    extent = angular_extent(overlap, origin, camera.heading_deg)
    width = camera.resolution[0]
    for margin in _MARGINS_DEG:
        intervals = clip_intervals(extent, -half, half, margin)
        if not intervals:
            return None
        masks = [(round(lo, 1), round(hi, 1)) for lo, hi in intervals]
        masks = [(max(-180.0, lo - 0.05), min(180.0, hi + 0.05)) if lo == hi else (lo, hi) for lo, hi in masks]
        spans = tuple(MaskSpan(lo, hi, _columns(lo, hi, camera, width, omni)) for lo, hi in masks)
        # The top-level interval alone must clear the finding too (DESIGN §5 shows one interval): with
        # several pieces it is the one mask spanning them all; ``masks`` lists the narrower set.
        lo, hi = masks[0][0], masks[-1][1]
        mask = PrivacyMask(from_deg=lo, to_deg=hi, columns=_columns(lo, hi, camera, width, omni), masks=spans)
        if verified(mask.applied(camera)):
            if len(masks) > 1 and not verified(PrivacyMask(from_deg=lo, to_deg=hi).applied(camera)):
                continue  # pragma: no cover - a wider mask hides at least as much
            return mask
    return None


def _columns(lo: float, hi: float, camera: Camera, width: int, omni: bool) -> tuple[int, int] | None:
    if omni:
        return None  # a PTZ/fisheye mask is set by angle in the camera, not by fixed image columns
    return (image_column(lo, camera.hfov_deg, width), image_column(hi, camera.hfov_deg, width))
