"""Camera coverage: visibility, lens wedge, privacy masks, vertical reach and pixel-density bands.

The *coverage* of a camera is the part of the plan it can see at some height
between floor and ceiling (the question privacy rules ask):

    visibility from the camera ∩ lens wedge ∩ reach annulus − privacy-mask wedges

The reach annulus runs from the near to the far limit of the vertical model
(:mod:`planner.geometry.vertical`) over heights ``[0, ceiling]``, cut to the
camera's ``range_m`` or, without one, to where the pixel density on a target
falls to the detect level (25 px/m; the slant distance is taken at the height
in ``[0, ceiling]`` nearest the camera, which is conservative for privacy).
PTZ and fisheye cameras see all round; a PTZ's tilt can change and a fisheye
sees a whole hemisphere, so neither has vertical limits.

*Bands* split the coverage by pixel density on a floor-level target (target
height 0, slant distance from the height difference), for both ladders of
:mod:`planner.geometry.density`. The *face-recognition region* of an FR
camera is where a face at face height (1.6 m) is in the image (the vertical
model at that single height) and gets at least the identify density.

>>> from shapely.geometry import box
>>> from planner.model import Camera
>>> from planner.geometry.visibility import LevelGeometry
>>> geo = LevelGeometry.from_free_space(box(0, 0, 20, 20))
>>> cam = Camera(id="c", position=(10, 10), mount_height_m=3.0, tilt_deg=45.0, hfov_deg=30.0,
...              resolution=(1000, 1000))
>>> cov = camera_coverage(geo, cam)
>>> round(cov.reach_m, 3), round(3 / math.tan(math.radians(30)), 3)
(5.196, 5.196)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from planner.geometry.density import DETECT_PX_PER_M, IDENTIFY_PX_PER_M, LADDERS, density_distance, horizontal_reach
from planner.geometry.fan import EMPTY
from planner.geometry.vertical import seen_interval, vfov_deg
from planner.geometry.visibility import LevelGeometry
from planner.model.entities import Camera

__all__ = ["FACE_HEIGHT_M", "DensityBand", "Coverage", "camera_coverage", "camera_reach"]

#: Face height for identification (DESIGN §3).
FACE_HEIGHT_M = 1.6


@dataclass(frozen=True)
class DensityBand:
    """The part of a coverage where the pixel density lies in ``[min_px_per_m, max_px_per_m)``.

    ``inner_m`` / ``outer_m`` are the horizontal distances from the camera
    that bound the band (``max_px_per_m`` is ``inf`` for the top level).
    """

    ladder: str
    level: str
    min_px_per_m: float
    max_px_per_m: float
    inner_m: float
    outer_m: float
    region: BaseGeometry

    @property
    def area_m2(self) -> float:
        return float(self.region.area)


@dataclass(frozen=True)
class Coverage:
    """What one camera covers on its level.

    Attributes
    ----------
    camera_id : str
    viewpoint : (float, float) or None
        Where sight was computed from (the camera's position, snapped off a wall if it sat in one).
    region : Polygon or MultiPolygon
        Plan area seen at some height between floor and ceiling.
    area_m2 : float
    near_m, reach_m : float
        The horizontal annulus of the region (``reach_m`` includes range and detect density).
    bands : dict
        Ladder key (``"dori"``, ``"oodpcvs"``) -> tuple of :class:`DensityBand`, lowest density first.
    fr_region : Polygon, MultiPolygon or None
        For face-recognition cameras: where faces at face height are captured at identify density.
    fr_near_m, fr_reach_m : float
        The annulus of ``fr_region`` (0 when not FR).
    """

    camera_id: str
    viewpoint: tuple[float, float] | None
    region: BaseGeometry
    area_m2: float
    near_m: float
    reach_m: float
    bands: dict[str, tuple[DensityBand, ...]] = field(default_factory=dict)
    fr_region: BaseGeometry | None = None
    fr_near_m: float = 0.0
    fr_reach_m: float = 0.0

    @property
    def fr_area_m2(self) -> float:
        return 0.0 if self.fr_region is None else float(self.fr_region.area)


def _lens(camera: Camera) -> tuple[float | None, float]:
    """Return (heading or None for all round, hfov used for the wedge)."""
    if camera.omnidirectional or camera.hfov_deg >= 360.0:
        return camera.heading_deg, 360.0
    return camera.heading_deg, camera.hfov_deg


def camera_reach(
    camera: Camera,
    ceiling_height_m: float = 3.0,
    *,
    z_low: float = 0.0,
    z_high: float | None = None,
    min_px_per_m: float = DETECT_PX_PER_M,
) -> tuple[float, float] | None:
    """Return the horizontal ``(near, far)`` over which ``camera`` sees some height in ``[z_low, z_high]``.

    ``z_high`` defaults to the ceiling. The far end is the least of the
    vertical limit, ``range_m`` (if set) and the distance where the density
    falls to ``min_px_per_m`` (when ``range_m`` is not set, or always when
    ``min_px_per_m`` is above the detect level, as for face identification).
    ``None`` when nothing is seen.

    >>> cam = Camera(id="c", position=(0, 0), mount_height_m=3.0, tilt_deg=45.0, hfov_deg=60.0,
    ...              resolution=(1000, 1000), range_m=4.0)
    >>> camera_reach(cam)
    (0.0, 4.0)
    """
    z_high = ceiling_height_m if z_high is None else z_high
    h = camera.mount_height_m
    if camera.omnidirectional:
        limits: tuple[float, float] | None = (0.0, math.inf)
    else:
        limits = seen_interval(h, camera.tilt_deg, vfov_deg(camera.hfov_deg, *camera.resolution), z_low, z_high)
    if limits is None:
        return None
    near, far = limits
    width = camera.resolution[0]
    if camera.range_m is not None:
        far = min(far, camera.range_m)
    if camera.range_m is None or min_px_per_m > DETECT_PX_PER_M:
        dz = 0.0 if z_low <= h <= z_high else min(abs(h - z_low), abs(h - z_high))
        far = min(far, horizontal_reach(density_distance(width, camera.hfov_deg, min_px_per_m), dz))
    if far <= near or far <= 0.0:
        return None
    return near, far


def _band_specs(
    camera: Camera, near: float, reach: float, target_height_m: float
) -> list[tuple[str, str, float, float, float, float]]:
    """Return ``(ladder, level, min px/m, max px/m, inner, outer)`` for every band of both ladders."""
    width, hfov = camera.resolution[0], camera.hfov_deg
    dz = camera.mount_height_m - target_height_m
    specs = []
    for key, ladder in LADDERS.items():
        for i, (name, lo) in enumerate(ladder):
            hi = ladder[i + 1][1] if i + 1 < len(ladder) else math.inf
            outer = min(horizontal_reach(density_distance(width, hfov, lo), dz), reach)
            inner = 0.0 if hi == math.inf else max(horizontal_reach(density_distance(width, hfov, hi), dz), 0.0)
            inner = max(inner, near)
            specs.append((key, name, lo, hi, inner, max(outer, inner)))
    return specs


def camera_coverage(
    level_geometry: LevelGeometry,
    camera: Camera,
    *,
    face_height_m: float = FACE_HEIGHT_M,
    identify_px_per_m: float = IDENTIFY_PX_PER_M,
    target_height_m: float = 0.0,
    bands: bool = True,
) -> Coverage:
    """Return the :class:`Coverage` of ``camera`` on the level behind ``level_geometry``.

    Parameters
    ----------
    level_geometry : LevelGeometry
        The prepared level (its ``ceiling_height_m`` bounds the heights considered).
    camera : Camera
    face_height_m : float
        Height of faces for the face-recognition region.
    identify_px_per_m : float
        Density needed to identify a face (250, or 500 for the stricter reading).
    target_height_m : float
        Target height for the pixel-density bands (0: the floor).
    bands : bool
        Compute the pixel-density bands (default True).
    """
    ceiling = level_geometry.ceiling_height_m
    heading, hfov = _lens(camera)
    seen = camera_reach(camera, ceiling)
    fr = None
    if camera.face_recognition:
        fr = camera_reach(camera, ceiling, z_low=face_height_m, z_high=face_height_m, min_px_per_m=identify_px_per_m)
    far = max(seen[1] if seen else 0.0, fr[1] if fr else 0.0)
    empty = EMPTY
    if far <= 0.0:
        viewpoint = level_geometry.viewpoint(camera.position, heading if hfov < 360.0 else None)
        return Coverage(camera.id, viewpoint, empty, 0.0, 0.0, 0.0, {}, empty if camera.face_recognition else None)
    fan = level_geometry.fan(
        camera.position,
        heading_deg=heading if hfov < 360.0 or camera.privacy_masks else None,
        hfov_deg=hfov,
        range_m=far,
        masks=camera.privacy_masks,
    )
    # every polygon this camera needs, made from the one walk in one batch
    pairs: list[tuple[float, float]] = []
    slot: dict[tuple[float, float], int] = {}

    def want(inner: float, outer: float) -> int:
        key = (inner, outer)
        if key not in slot:
            slot[key] = len(pairs)
            pairs.append(key)
        return slot[key]

    near = reach = 0.0
    region_i = specs = None
    if seen is not None:
        near, reach = seen
        region_i = want(near, reach)
        if bands:
            specs = [
                (spec, want(spec[4], spec[5]) if spec[5] > spec[4] else -1)
                for spec in _band_specs(camera, near, reach, target_height_m)
            ]
    fr_i = None
    fr_near = fr_reach = 0.0
    if fr is not None:
        fr_near, fr_reach = fr
        fr_i = want(fr_near, fr_reach)
    geoms = fan.bands(pairs)
    region = geoms[region_i] if region_i is not None else empty
    band_map: dict[str, tuple[DensityBand, ...]] = {}
    if specs is not None:
        for (key, name, lo, hi, inner, outer), k in specs:
            band = DensityBand(key, name, lo, hi, inner, outer, geoms[k] if k >= 0 else empty)
            band_map[key] = (*band_map.get(key, ()), band)
    fr_region = None
    if camera.face_recognition:
        fr_region = geoms[fr_i] if fr_i is not None else empty
    return Coverage(
        camera_id=camera.id,
        viewpoint=fan.origin,
        region=region,
        area_m2=float(region.area),
        near_m=near,
        reach_m=reach,
        bands=band_map,
        fr_region=fr_region,
        fr_near_m=fr_near,
        fr_reach_m=fr_reach,
    )
