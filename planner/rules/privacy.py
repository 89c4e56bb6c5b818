"""Privacy checks by geometry: which zones are private, and cameras that see into them.

A camera *sees into* a private zone when its coverage overlaps the zone,
shrunk by ``GRAZE_M`` so that a view that only grazes a wall face or a zone
edge does not count, by more than the rule pack's tolerance (0.05 m²).
The remedies that clear a camera are found and verified in
:mod:`planner.rules.fixes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import to_polygon
from planner.geometry.coverage import Coverage
from planner.model import Camera, Level, Zone
from planner.rules.graze import graze_core
from planner.rules.spatial import IndexedZones, near

__all__ = ["GRAZE_M", "PrivateZone", "private_zones", "view_overlaps"]

#: Depth inside a private zone's edge that a view must reach to count.
GRAZE_M = 0.05


@dataclass(frozen=True)
class PrivateZone:
    """A zone that is private for some devices, with its prepared (shrunk) polygon."""

    zone: Zone
    polygon: BaseGeometry
    core: BaseGeometry
    fr_only: bool


def private_zones(level: Level, all_devices: frozenset[str], fr_devices: frozenset[str]) -> list[PrivateZone]:
    """The level's private zones (spatially indexed); ``fr_only`` marks zones private only for face recognition."""
    out: IndexedZones[PrivateZone] = IndexedZones()
    for zone in level.zones:
        if zone.use not in all_devices and zone.use not in fr_devices:
            continue
        poly = to_polygon(zone.polygon)
        if poly.is_empty:
            continue
        core = graze_core(poly, GRAZE_M)
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
    for pz in near(zones, region):
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
