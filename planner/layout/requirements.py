"""Required areas of a level as sample points, each with the pixel density it needs, and what cameras meet.

The coverage profile says which zones must be watched and at which DORI
level; the area just inside every exterior door is asked for at the door
level. Each required area is sampled on a square grid (cell centres,
``sample_step_m`` apart); every sample stands for one cell of area.

A camera *meets* a sample when the sample lies in its view (exact visibility
from :class:`~planner.geometry.visibility.LevelGeometry`, lens wedge and
privacy masks) and a target at face height there is inside the camera's
vertical field of view at no less than the sample's density
(:func:`~planner.geometry.coverage.camera_reach` at that single height).
A PTZ counts only for the wedge of its preset position.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import to_polygon
from planner.geometry.coverage import camera_reach
from planner.geometry.visibility import LevelGeometry
from planner.layout.profile import LEVEL_PX_PER_M, CoverageProfile
from planner.model import Camera, Level
from planner.rules.signs import LevelTopology

__all__ = ["ZoneRequirement", "Requirements", "level_requirements", "camera_meets", "level_name"]


def level_name(px_per_m: float) -> str:
    """The DORI level name of a required density."""
    for name, value in LEVEL_PX_PER_M.items():
        if abs(value - px_per_m) < 1e-9:
            return name
    return f"{px_per_m:g} px/m"


@dataclass
class ZoneRequirement:
    """What one zone requires (its own level, and a door band at the door level when it has exterior doors)."""

    zone_id: str
    name: str
    use: str
    level: str
    door_level: str | None
    indices: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


@dataclass
class Requirements:
    """Sample points of a level's required areas.

    ``px`` is the density each sample needs (px/m on a target at
    ``target_height_m``), ``zone`` the index into ``zones`` of the zone it
    belongs to, ``cell_m2`` the area each sample stands for.
    """

    level_id: str
    xs: np.ndarray
    ys: np.ndarray
    px: np.ndarray
    zone: np.ndarray
    zones: list[ZoneRequirement]
    cell_m2: float
    target_height_m: float
    ceiling_height_m: float

    def __len__(self) -> int:
        return len(self.xs)

    @property
    def densities(self) -> list[float]:
        """The distinct densities asked for, lowest first."""
        return sorted({float(v) for v in np.unique(self.px)}) if len(self.px) else []

    def area(self, mask: np.ndarray | None = None) -> float:
        """Area (m²) of the samples in ``mask`` (all when None)."""
        return float((len(self.xs) if mask is None else int(np.count_nonzero(mask))) * self.cell_m2)


def _door_bands(level: Level, topology: LevelTopology, depth: float) -> list[tuple[str, BaseGeometry]]:
    """``(inside zone id, band)``: the area ``depth`` metres inside each exterior door or doorway."""
    out: list[tuple[str, BaseGeometry]] = []
    if depth <= 0:
        return out
    for door in topology.doors:
        if (door.plus is None) == (door.minus is None):
            continue
        inside, sign = (door.plus, 1.0) if door.plus is not None else (door.minus, -1.0)
        assert inside is not None  # exactly one side of an exterior door is a zone
        (ax, ay), (bx, by) = door.segment
        nx, ny = door.normal[0] * sign, door.normal[1] * sign
        t = door.thickness / 2
        band = Polygon([
            (ax + nx * t, ay + ny * t), (bx + nx * t, by + ny * t),
            (bx + nx * (t + depth), by + ny * (t + depth)), (ax + nx * (t + depth), ay + ny * (t + depth)),
        ])
        zone = topology.zone_geom.get(inside)
        if zone is not None:
            out.append((inside, band.intersection(zone)))
    return out


def _grid(region: BaseGeometry, step: float) -> tuple[np.ndarray, np.ndarray]:
    minx, miny, maxx, maxy = region.bounds
    x0 = math.floor(minx / step) * step + step / 2
    y0 = math.floor(miny / step) * step + step / 2
    gx = np.arange(x0, maxx, step)
    gy = np.arange(y0, maxy, step)
    if not len(gx) or not len(gy):
        return np.zeros(0), np.zeros(0)
    xx, yy = np.meshgrid(gx, gy)
    xs, ys = xx.ravel(), yy.ravel()
    inside = shapely.contains_xy(region, xs, ys)
    return xs[inside], ys[inside]


def level_requirements(
    level: Level,
    geometry: LevelGeometry,
    topology: LevelTopology,
    profile: CoverageProfile,
    private_uses: frozenset[str],
    *,
    target_height_m: float = 1.6,
    zone_ids: set[str] | None = None,
) -> Requirements:
    """Sample the required areas of ``level`` (only the zones ``zone_ids`` when given)."""
    step = profile.sample_step_m
    free = geometry.free_space
    shapely.prepare(free)
    zones: list[ZoneRequirement] = []
    regions: list[tuple[int, float, BaseGeometry]] = []
    index: dict[str, int] = {}
    bands: dict[str, list[BaseGeometry]] = {}
    for zid, band in _door_bands(level, topology, profile.door_depth_m):
        bands.setdefault(zid, []).append(band)
    for zone in level.zones:
        if zone_ids is not None and zone.id not in zone_ids:
            continue
        if zone.use in private_uses:
            continue
        lvl = profile.zone_level(zone, private_uses)
        door = profile.door_level if zone.id in bands and profile.door_level != "none" else None
        if lvl == "none" and door is None:
            continue
        poly = to_polygon(zone.polygon)
        if poly.is_empty:
            continue
        index[zone.id] = len(zones)
        zones.append(ZoneRequirement(zone.id, zone.name, zone.use, lvl, door))
        if lvl != "none":
            regions.append((index[zone.id], LEVEL_PX_PER_M[lvl], poly.intersection(free)))
        if door is not None:
            regions.append((index[zone.id], LEVEL_PX_PER_M[door],
                            shapely.union_all(bands[zone.id]).intersection(free)))
    points: dict[tuple[float, float], tuple[int, float]] = {}
    for zi, px, region in regions:
        if region.is_empty:
            continue
        xs, ys = _grid(region, step)
        if not len(xs):
            rp = region.representative_point()
            xs, ys = np.array([rp.x]), np.array([rp.y])
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            key = (round(x, 6), round(y, 6))
            old = points.get(key)
            if old is None or px > old[1]:
                points[key] = (zi if old is None else old[0], px)
    keys = sorted(points)
    xs = np.array([k[0] for k in keys], dtype=float)
    ys = np.array([k[1] for k in keys], dtype=float)
    px_needed = np.array([points[k][1] for k in keys], dtype=float)
    zone_of = np.array([points[k][0] for k in keys], dtype=np.int64)
    for i, z in enumerate(zones):
        z.indices = np.flatnonzero(zone_of == i)
    return Requirements(level.id, xs, ys, px_needed, zone_of, zones, step * step, target_height_m,
                        level.ceiling_height_m)


def camera_meets(geometry: LevelGeometry, camera: Camera, req: Requirements) -> np.ndarray:
    """Boolean per sample: ``camera`` sees it at the density it needs (see the module docstring)."""
    met = np.zeros(len(req), dtype=bool)
    if not len(req):
        return met
    h = req.target_height_m
    limits = {d: camera_reach(camera, req.ceiling_height_m, z_low=h, z_high=h, min_px_per_m=d)
              for d in req.densities}
    far = max((lim[1] for lim in limits.values() if lim is not None), default=0.0)
    if far <= 0.0:
        return met
    all_round = camera.kind == "fisheye" or camera.hfov_deg >= 360.0
    fan = geometry.fan(camera.position, heading_deg=None if all_round and not camera.privacy_masks
                       else camera.heading_deg, hfov_deg=360.0 if all_round else camera.hfov_deg,
                       range_m=far + 0.01, masks=camera.privacy_masks)
    view = fan.polygon()
    if view.is_empty:
        return met
    ox, oy = fan.origin
    r = np.hypot(req.xs - ox, req.ys - oy)
    seen = shapely.contains_xy(view, req.xs, req.ys)
    for d, lim in limits.items():
        if lim is None:
            continue
        sel = (req.px == d) & seen & (r >= lim[0]) & (r <= lim[1])
        met |= sel
    return met
