"""Verified camera remedies: each one offered leaves the camera clear of every forbidden region.

A *forbidden region* is one the camera must not see beyond the tolerance
(``core``) nor hang in (``polygon``, optional): the private zones of a level,
or any other set a check names (:class:`Forbidden`). :func:`camera_remedies`
offers, for one camera, the remedies that clear *all* of them at once: turns
either way, a narrower lens, a shorter range, one privacy mask over every
offending sector, a move, and last the removal. Each carries ``coverage_kept``,
the share of the camera's present view outside the forbidden regions that it
keeps, and the list is ordered by it.

How they are found and verified: one all-round visibility walk from the
camera's viewpoint gives what it could see of each forbidden region in any
direction. A lens change (heading, field of view, range, masks) keeps the
viewpoint, so its view of each region is that all-round view cut to the new
wedge and reach: a few small polygon operations instead of a new coverage.
Where that estimate comes near the tolerance, where sight starts from a point
snapped off a wall, for moves, and for any ``also_clean`` test of the caller,
the remedy is verified on the camera's full coverage, exactly as the checks
compute it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeAlias

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.clip import ConeArea, Rect, clip, rects_of
from planner.geometry.compass import bearing
from planner.geometry.coverage import Coverage, camera_coverage, camera_reach
from planner.geometry.fan import ARC_STEP_DEG, EMPTY, annulus
from planner.geometry.visibility import LevelGeometry, view_intervals
from planner.model import Camera
from planner.rules.angles import (
    angular_extent,
    angular_extents,
    clip_intervals,
    image_column,
    merge_intervals,
    smallest_turns,
    widest_clear_fov,
)
from planner.rules.remedies import MaskSpan, Move, Narrow, PrivacyMask, Remedy, Remove, Rotate, Shorten

__all__ = ["ForbiddenRegion", "Forbidden", "camera_remedies", "privacy_clear"]

_MARGINS_DEG = (0.5, 1.5, 4.0)
_MIN_RANGE_M = 0.5
_MIN_HFOV_DEG = 2.0
#: An estimated view of at most this share of the tolerance is taken as clear without a full coverage.
_TRUST_SHARE = 0.5
#: Offer a move for a camera that may stay where it is only when no other remedy keeps this share of its view.
MOVE_WHEN_KEPT_BELOW = 0.3
#: How far beyond the nearest allowed point a move may land, in metres.
_MOVE_REACH_M = 4.0


#: Where a moved camera may hang: an area, or a test of point coordinates (arrays in, booleans out).
MoveArea: TypeAlias = "BaseGeometry | Callable[[np.ndarray, np.ndarray], np.ndarray]"


class ForbiddenRegion(Protocol):
    """What :func:`camera_remedies` needs of a region (a :class:`~planner.rules.privacy.PrivateZone` is one)."""

    @property
    def core(self) -> BaseGeometry: ...  # must not be seen beyond the tolerance

    @property
    def polygon(self) -> BaseGeometry | None: ...  # must not hold the camera (None: no such rule)

    @property
    def fr_only(self) -> bool: ...  # forbidden to face-recognition cameras only


@dataclass(frozen=True)
class Forbidden:
    """A forbidden region given by a check: see :class:`ForbiddenRegion`."""

    core: BaseGeometry
    polygon: BaseGeometry | None = None
    fr_only: bool = False


def _applies(region: ForbiddenRegion, camera: Camera) -> bool:
    return camera.face_recognition or not region.fr_only


def privacy_clear(
    geo: LevelGeometry,
    camera: Camera,
    forbidden: Sequence[ForbiddenRegion],
    tolerance_m2: float,
    *,
    coverage: Coverage | None = None,
    **coverage_kw: Any,
) -> bool:
    """True when ``camera`` neither hangs in nor sees (beyond ``tolerance_m2``) any forbidden region.

    The same test the checks make (``DEVICE_IN_PRIVATE_SPACE`` and
    ``VIEW_INTO_PRIVATE_SPACE`` for a level's private zones).
    """
    cov = coverage or camera_coverage(geo, camera, bands=False, **coverage_kw)
    return _clear(camera, cov, [z for z in forbidden if _applies(z, camera)], tolerance_m2)


def _clear(camera: Camera, cov: Coverage, zones: Sequence[ForbiddenRegion], tol: float,
           arrays: tuple[np.ndarray, np.ndarray] | None = None) -> bool:
    """True when the camera hangs in no region's polygon and sees no region's core beyond ``tol``.

    ``arrays``: :func:`_zone_arrays` of ``zones``, when made already.
    """
    polys, cores = arrays if arrays is not None else _zone_arrays(zones)
    points = [shapely.Point(camera.position)]
    if cov.viewpoint is not None:
        points.append(shapely.Point(cov.viewpoint))
    if len(polys) and any(shapely.intersects(polys, p).any() for p in points):
        return False
    region = cov.region
    if region.is_empty or not len(cores):
        return True
    hit = np.flatnonzero(shapely.intersects(cores, region))
    return not any(region.intersection(cores[i]).area > tol for i in hit.tolist())


def _zone_arrays(zones: Sequence[ForbiddenRegion]) -> tuple[np.ndarray, np.ndarray]:
    """The regions' polygons (those that have one) and cores, as arrays for tests of many at once."""
    polys = np.asarray([z.polygon for z in zones if z.polygon is not None], dtype=object)
    return polys, np.asarray([z.core for z in zones], dtype=object)


_STEP = math.radians(ARC_STEP_DEG)


def _arc(origin: tuple[float, float], a0: float, a1: float, radius: float) -> np.ndarray:
    """Points of the arc from plan angle ``a0`` to ``a1`` (radians): its ends and the whole-step directions
    between, as the coverage draws its arcs."""
    ks = np.arange(math.floor(a0 / _STEP + 1e-9) + 1, math.ceil(a1 / _STEP - 1e-9))
    ts = np.concatenate([[a0], ks * _STEP, [a1]])
    return np.column_stack([origin[0] + radius * np.cos(ts), origin[1] + radius * np.sin(ts)])


def _wedge(origin: tuple[float, float], near: float, far: float,
           intervals: list[tuple[float, float]] | None) -> BaseGeometry:
    """What a lens at ``origin`` takes in: its view ``intervals`` (radians, from :func:`view_intervals`; None
    for all round) between ``near`` and ``far``, built directly (no boolean operation)."""
    if intervals is None:
        return annulus(origin, near, far)
    rings = []
    for a0, a1 in intervals:
        outer = _arc(origin, a0, a1, far)
        inner = _arc(origin, a0, a1, near)[::-1] if near > 0.0 else np.array([origin])
        rings.append(np.vstack([outer, inner]))
    if not rings:
        return EMPTY
    if len(rings) == 1:
        return shapely.polygons(rings[0])
    index = np.repeat(np.arange(len(rings)), [len(r) for r in rings])
    polys = shapely.polygons(shapely.linearrings(np.vstack(rings), indices=index))
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(list(polys))


def _shift(bearings: Sequence[tuple[float, float]], axis_deg: float) -> list[tuple[float, float]]:
    """Bearing intervals (offsets from north) as offsets from ``axis_deg``, split at ±180."""
    out = []
    for a, b in bearings:
        if b - a >= 360.0 - 1e-9:
            return [(-180.0, 180.0)]
        lo = (a - axis_deg + 180.0) % 360.0 - 180.0
        hi = lo + (b - a)
        if hi > 180.0:
            out += [(lo, 180.0), (-180.0, hi - 360.0)]
        else:
            out.append((lo, hi))
    return out


def _meets(bearings: Sequence[tuple[float, float]], looks: Sequence[tuple[float, float]]) -> bool:
    """True when any bearing interval meets any view interval (degrees, either may run past ±180)."""
    for a, b in bearings:
        for c, d in looks:
            for k in (-360.0, 0.0, 360.0):
                if a + k <= d and c <= b + k:
                    return True
    return False


@dataclass
class _Search:
    """The remedy search for one camera: its all-round view of each region, its public view, its checks."""

    geo: LevelGeometry
    camera: Camera
    coverage: Coverage
    zones: list[ForbiddenRegion]
    tol: float
    also_clean: Callable[[Camera], bool] | None
    kw: dict[str, Any]
    origin: tuple[float, float] = (0.0, 0.0)
    #: Sight starts at the mounting point itself, so a lens change keeps it (estimates hold).
    fixed_viewpoint: bool = False
    seen: list[tuple[ForbiddenRegion, BaseGeometry]] = field(default_factory=list)
    #: Nearest and farthest distance of each seen part from the viewpoint.
    spans: list[tuple[float, float]] = field(default_factory=list)
    #: Compass bearings under which each seen part lies.
    bearings: list[list[tuple[float, float]]] = field(default_factory=list)
    #: How far the all-round view reaches (what a lens change that sees farther is checked in full for).
    reach: float = 0.0
    public: BaseGeometry = EMPTY
    public_area: float = 0.0
    #: Bounding boxes of the regions' cores (minx, miny, maxx, maxy per row), to skip those out of reach.
    boxes: np.ndarray = field(default_factory=lambda: np.empty((0, 4)))
    #: Each region's core as an axis-aligned rectangle, where it is one (clipped to fast).
    rects: list[Rect | None] = field(default_factory=list)
    #: The regions' polygons and cores as arrays (see :func:`_zone_arrays`).
    arrays: tuple[np.ndarray, np.ndarray] = field(default_factory=lambda: (np.empty(0), np.empty(0)))
    #: Cone areas of the seen parts and of the public view, made when first asked.
    cones: dict[int, ConeArea] = field(default_factory=dict)
    public_cone: ConeArea | None = None

    def __post_init__(self) -> None:
        cam, cov = self.camera, self.coverage
        self.arrays = _zone_arrays(self.zones)
        polys, cores = self.arrays
        self.boxes = shapely.bounds(cores).reshape(-1, 4)
        self.rects = rects_of(cores)
        self.origin = cov.viewpoint or (float(cam.position[0]), float(cam.position[1]))
        self.fixed_viewpoint = cov.viewpoint is not None and cov.viewpoint == (
            float(cam.position[0]), float(cam.position[1]))
        region = cov.region
        near = polys[shapely.intersects(polys, region)] if len(polys) and not region.is_empty else []
        self.public = region.difference(near[0] if len(near) == 1 else shapely.union_all(near)) if len(near) \
            else region
        self.public_area = float(self.public.area)
        shapely.prepare(self.public)  # tested against every candidate's view

    def near(self, geom: BaseGeometry) -> list[ForbiddenRegion]:
        """The regions whose core's bounding box meets ``geom``'s, in order (the others cannot meet it)."""
        return [self.zones[i] for i in self.near_index(geom)]

    def near_index(self, geom: BaseGeometry) -> list[int]:
        """Indexes (into ``zones``) of :meth:`near`."""
        if geom.is_empty or not self.zones:
            return []
        x0, y0, x1, y1 = geom.bounds
        b = self.boxes
        hit = (b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0)
        out: list[int] = np.flatnonzero(hit).tolist()
        return out

    # -- what the camera could see all round ------------------------------------------------
    def all_round(self) -> None:
        """The visible parts of every region from the viewpoint, in any direction, within the camera's reach."""
        self.reach = self.coverage.reach_m
        fan = self.geo.fan(self.origin, heading_deg=None, hfov_deg=360.0, range_m=self.reach, snap=False)
        visible = fan.polygon()
        if visible.is_empty:
            return
        shapely.prepare(visible)
        o = shapely.Point(self.origin)
        for i in self.near_index(visible):
            z = self.zones[i]
            if shapely.intersects(visible, z.core):
                part = clip(visible, z.core, self.rects[i])
                if not part.is_empty and part.area > 0.0:
                    self.seen.append((z, part))
                    xy = shapely.get_coordinates(part)
                    far = float(np.sqrt(((xy - self.origin) ** 2).sum(axis=1).max()))
                    self.spans.append((float(o.distance(part)), far))
        self.bearings = angular_extents([g for _, g in self.seen], self.origin, 0.0)

    def blocked(self, near: float, far: float, axis_deg: float) -> list[tuple[float, float]]:
        """Offsets from ``axis_deg`` under which a region is visible between ``near`` and ``far``."""
        if not self.seen or far <= near:
            return []
        out: list[tuple[float, float]] = []
        ring: BaseGeometry | None = None
        for (_, g), (lo, hi), bearings in zip(self.seen, self.spans, self.bearings, strict=True):
            if hi <= near or lo >= far:
                continue
            if lo < near or hi > far:  # partly beyond the reach: cut to it
                ring = ring if ring is not None else annulus(self.origin, near, far)
                g = g.intersection(ring)
                if not g.is_empty:
                    out += angular_extent(g, self.origin, axis_deg)
            else:
                out += _shift(bearings, axis_deg)
        return merge_intervals(out)

    # -- judging a changed camera ----------------------------------------------------------------
    def judge(self, candidate: Camera) -> float | None:
        """The share of the public view ``candidate`` keeps, or None when it is not clear of every region."""
        if self.fixed_viewpoint and self.also_clean is None:
            reach = camera_reach(candidate, self.geo.ceiling_height_m)
            if reach is None:
                return self._exact(candidate)  # sees nothing: let the full computation say so
            near, far = reach
            if far > self.reach + 1e-9:  # it would see beyond what was looked at all round
                return self._exact(candidate)
            omni = candidate.omnidirectional or candidate.hfov_deg >= 360.0
            heading = candidate.heading_deg if not omni or candidate.privacy_masks else None
            intervals = view_intervals(heading, 360.0 if omni else candidate.hfov_deg, candidate.privacy_masks)
            looks = None if intervals is None else [(90.0 - math.degrees(a1), 90.0 - math.degrees(a0))
                                                    for a0, a1 in intervals]
            if intervals is not None and not intervals:
                return self._exact(candidate)
            if (intervals is not None and abs(near - self.coverage.near_m) <= 1e-9
                    and abs(far - self.coverage.reach_m) <= 1e-9):
                # the same reach as now (a turn, a mask): the cone's share of each part and of the public view
                worst = max((self._cone(k, g).area(intervals) if lo >= near - 1e-9 else
                             g.intersection(_wedge(self.origin, near, far, intervals)).area
                             for k, ((_, g), (lo, hi), bearings) in enumerate(
                                 zip(self.seen, self.spans, self.bearings, strict=True))
                             if lo < far and hi > near and _meets(bearings, looks or [])), default=0.0)
                if worst <= self.tol * _TRUST_SHARE:
                    return self._kept_in(intervals)
                if worst > self.tol * 4.0:
                    return None
                return self._exact(candidate)
            shape = _wedge(self.origin, near, far, intervals)
            if shape.is_empty:
                return self._exact(candidate)
            worst = max((g.intersection(shape).area
                         for (_, g), (lo, hi), bearings in zip(self.seen, self.spans, self.bearings, strict=True)
                         if lo < far and hi > near and (looks is None or _meets(bearings, looks))
                         and shapely.intersects(g, shape)), default=0.0)
            if worst <= self.tol * _TRUST_SHARE:
                return self._kept(shape)
            if worst > self.tol * 4.0:
                return None
        return self._exact(candidate)

    def _cone(self, k: int, part: BaseGeometry) -> ConeArea:
        """The cone areas of the ``k``-th seen part (made once)."""
        got = self.cones.get(k)
        if got is None:
            got = self.cones[k] = ConeArea(part, self.origin)
        return got

    def _kept_in(self, intervals: list[tuple[float, float]]) -> float:
        """:meth:`_kept` of a lens with the present reach looking along ``intervals``: the public view lies
        within that reach, so only the directions count."""
        if self.public_area < _MEANINGFUL_VIEW_M2:
            return 1.0
        if self.public_cone is None:
            self.public_cone = ConeArea(self.public, self.origin)
        return min(1.0, max(0.0, self.public_cone.area(intervals)) / self.public_area)

    def _exact(self, candidate: Camera) -> float | None:
        cov = camera_coverage(self.geo, candidate, bands=False, **self.kw)
        if not _clear(candidate, cov, self.zones, self.tol, self.arrays):
            return None
        if self.also_clean is not None and not self.also_clean(candidate):
            return None
        return self._kept(cov.region)

    def _kept(self, region: BaseGeometry) -> float:
        if self.public_area < _MEANINGFUL_VIEW_M2:
            return 1.0  # no public view to speak of (a camera inside a private room): nothing is lost
        if region.is_empty or not shapely.intersects(region, self.public):
            return 0.0
        return min(1.0, float(region.intersection(self.public).area) / self.public_area)


def camera_remedies(
    geo: LevelGeometry,
    camera: Camera,
    coverage: Coverage,
    forbidden: Sequence[ForbiddenRegion],
    tolerance_m2: float,
    *,
    move_area: MoveArea | None = None,
    also_clean: Callable[[Camera], bool] | None = None,
    overlaps: Sequence[BaseGeometry] | None = None,
    **coverage_kw: Any,
) -> list[Remedy]:
    """Remedies that each leave ``camera`` clear of every region in ``forbidden``, best kept view first.

    ``move_area`` is where a moved camera may hang: an area, or a test of
    point coordinates (arrays in, booleans out); None: no move is offered;
    ``also_clean`` is a further test every remedy must pass (for example the
    view with self-closing doors open). ``overlaps``: what ``coverage`` sees of
    each region (in ``forbidden`` order, those beyond the tolerance), when the
    caller has it already. ``coverage_kw`` are the coverage parameters of the
    checks (face height, identify density). ``remove`` always comes last.
    """
    zones = [z for z in forbidden if _applies(z, camera)]
    search = _Search(geo, camera, coverage, zones, tolerance_m2, also_clean, dict(coverage_kw))
    points = [shapely.Point(camera.position)]
    if coverage.viewpoint is not None:
        points.append(shapely.Point(coverage.viewpoint))
    polys = search.arrays[0]
    inside = bool(len(polys)) and any(bool(shapely.intersects(polys, p).any()) for p in points)
    found: list[Remedy] = []
    if not inside:
        found += _lens_remedies(search, overlaps)
    best = max((r.coverage_kept or 0.0 for r in found), default=0.0)
    if move_area is not None and (inside or best < MOVE_WHEN_KEPT_BELOW):
        move = _move(search, move_area, inside)
        if move is not None:
            found.append(move)
    found.sort(key=lambda r: -(r.coverage_kept or 0.0))
    return [*found, Remove(coverage_kept=0.0)]


def _lens_remedies(search: _Search, overlaps: Sequence[BaseGeometry] | None = None) -> list[Remedy]:
    camera, cov = search.camera, search.coverage
    if cov.region.is_empty:
        return []
    if overlaps is None:
        overlaps = [g for z in search.near(cov.region) if shapely.intersects(z.core, cov.region)
                    for g in [cov.region.intersection(z.core)] if g.area > search.tol]
    search.all_round()
    omni = camera.omnidirectional or camera.hfov_deg >= 360.0
    found: list[Remedy] = []
    if not omni:
        found += _rotations(search, cov.near_m, cov.reach_m)
        narrow = _narrow(search)
        if narrow is not None:
            found.append(narrow)
    if overlaps:
        shorten = _shorten(search, overlaps)
        if shorten is not None:
            found.append(shorten)
        mask = _mask(search, overlaps, omni)
        if mask is not None:
            found.append(mask)
    return found


def _rotations(search: _Search, near: float, far: float) -> list[Remedy]:
    camera = search.camera
    blocked = search.blocked(near, far, camera.heading_deg)
    half = camera.hfov_deg / 2.0
    out: list[Remedy] = []
    for direction in ("clockwise", "anticlockwise"):
        for margin in _MARGINS_DEG:
            cw, ccw = smallest_turns(blocked, half, margin)
            turn = cw if direction == "clockwise" else ccw
            if turn is None or abs(turn) < 1e-9:
                break
            heading = round((camera.heading_deg + turn) % 360.0, 1)
            rotate = Rotate(heading_deg=heading, turn_deg=round(turn, 1), direction=direction)
            kept = search.judge(rotate.applied(camera))
            if kept is not None:
                if all(not isinstance(r, Rotate) or r.heading_deg != heading for r in out):
                    out.append(Rotate(heading_deg=heading, turn_deg=round(turn, 1), direction=direction,
                                      coverage_kept=kept))
                break
    return out


def _narrow(search: _Search) -> Remedy | None:
    camera = search.camera
    fov = camera.hfov_deg
    for margin in _MARGINS_DEG:
        # A narrower lens sees farther (more pixels per metre): widen the reach until the answer settles.
        candidate_fov = fov
        for _ in range(4):
            reach = camera_reach(Narrow(hfov_deg=candidate_fov).applied(camera), search.geo.ceiling_height_m)
            if reach is None:
                break
            blocked = search.blocked(reach[0], reach[1], camera.heading_deg)
            nxt = math.floor(min(widest_clear_fov(blocked, margin), fov - 0.1) * 10) / 10
            if nxt == candidate_fov:
                break
            candidate_fov = nxt
            if candidate_fov < _MIN_HFOV_DEG:
                return None
        if candidate_fov >= fov or candidate_fov < _MIN_HFOV_DEG:
            continue
        narrow = Narrow(hfov_deg=candidate_fov)
        kept = search.judge(narrow.applied(camera))
        if kept is not None:
            return Narrow(hfov_deg=candidate_fov, coverage_kept=kept)
    return None


def _shorten(search: _Search, overlaps: Sequence[BaseGeometry]) -> Remedy | None:
    nearest = float(shapely.distance(shapely.Point(search.origin), np.asarray(overlaps, dtype=object)).min())
    for back in (0.05, 0.2, 0.5):
        reach = math.floor((nearest - back) * 100) / 100
        if reach < _MIN_RANGE_M:
            return None
        shorten = Shorten(range_m=reach)
        kept = search.judge(shorten.applied(search.camera))
        if kept is not None:
            return Shorten(range_m=reach, coverage_kept=kept)
    return None


def _mask(search: _Search, overlaps: Sequence[BaseGeometry], omni: bool) -> Remedy | None:
    camera = search.camera
    half = 180.0 if omni else camera.hfov_deg / 2.0
    # the directions of their union: the union of their directions
    extent = merge_intervals(i for got in angular_extents(overlaps, search.origin, camera.heading_deg) for i in got)
    width = camera.resolution[0]
    for margin in _MARGINS_DEG:
        intervals = clip_intervals(extent, -half, half, margin)
        if not intervals:
            return None
        if not omni and intervals[0][0] <= -half + 0.05 and intervals[-1][1] >= half - 0.05 and len(intervals) == 1:
            return None  # a mask over the whole image only switches the camera off: "remove" says that
        masks = [(round(lo, 1), round(hi, 1)) for lo, hi in intervals]
        masks = [(max(-180.0, lo - 0.05), min(180.0, hi + 0.05)) if lo == hi else (lo, hi) for lo, hi in masks]
        spans = tuple(MaskSpan(lo, hi, _columns(lo, hi, camera, width, omni)) for lo, hi in masks)
        # The top-level interval alone must clear the camera too (DESIGN §5 shows one interval): with
        # several pieces it is the one mask spanning them all; ``masks`` lists the narrower set applied.
        lo, hi = masks[0][0], masks[-1][1]
        mask = PrivacyMask(from_deg=lo, to_deg=hi, columns=_columns(lo, hi, camera, width, omni), masks=spans)
        kept = search.judge(mask.applied(camera))
        if kept is None:
            continue
        if len(masks) > 1 and search.judge(PrivacyMask(from_deg=lo, to_deg=hi).applied(camera)) is None:
            continue  # pragma: no cover - a wider mask hides at least as much
        return PrivacyMask(from_deg=lo, to_deg=hi, columns=mask.columns, masks=spans, coverage_kept=kept)
    return None


def _columns(lo: float, hi: float, camera: Camera, width: int, omni: bool) -> tuple[int, int] | None:
    if omni:
        return None  # a PTZ/fisheye mask is set by angle in the camera, not by fixed image columns
    return (image_column(lo, camera.hfov_deg, width), image_column(hi, camera.hfov_deg, width))


def _move_candidates(where: tuple[float, float], area: MoveArea, count: int) -> list[tuple[float, float]]:
    """Up to ``count`` points where a camera may hang near ``where``: the nearest few, then farther ones.

    Grids over growing discs find the nearest allowed points; those up to
    ``_MOVE_REACH_M`` farther are candidates.
    """
    x, y = where
    def test(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        if callable(area):
            return np.asarray(area(xs, ys)).astype(bool)
        return np.asarray(shapely.contains_xy(area, xs, ys)).astype(bool)

    for radius in (4.0, 8.0, 16.0, 32.0, 64.0):
        step = max(0.25, radius / 12.0)
        ticks = np.arange(-radius, radius + 1e-9, step)
        gx, gy = np.meshgrid(x + ticks, y + ticks)
        xs, ys = np.round(gx.ravel(), 3), np.round(gy.ravel(), 3)
        d2 = (xs - x) ** 2 + (ys - y) ** 2
        disc = d2 <= radius * radius
        xs, ys, d2 = xs[disc], ys[disc], d2[disc]
        ok = test(xs, ys)
        if not ok.any():
            continue
        xs, ys, d2 = xs[ok], ys[ok], d2[ok]
        reach = (math.sqrt(float(d2.min())) + _MOVE_REACH_M) ** 2
        order = np.argsort(d2, kind="stable")
        order = order[d2[order] <= reach]
        pts = list(zip(xs[order].tolist(), ys[order].tolist(), strict=True))
        head = count // 3
        rest = pts[head:]
        spread = rest[:: max(1, math.ceil(len(rest) / max(1, count - head)))]
        return (pts[:head] + spread)[:count]
    return []


def _headings(search: _Search, at: tuple[float, float], every_way: bool) -> Iterable[float]:
    """The present heading, the one toward what the camera saw, and (``every_way``) the other quarters."""
    camera = search.camera
    if camera.omnidirectional or camera.hfov_deg >= 360.0:
        return [camera.heading_deg]
    out = [camera.heading_deg]
    if search.public_area > 1e-9:
        target = search.public.centroid
        if math.hypot(target.x - at[0], target.y - at[1]) > 0.5:
            out.append(round(bearing(at, (target.x, target.y)), 1))
    if every_way:
        out += [round((camera.heading_deg + k) % 360.0, 1) for k in (90.0, 180.0, 270.0)]
    return list(dict.fromkeys(out))


def _blocked_at(search: _Search, at: tuple[float, float], far: float
                ) -> tuple[list[tuple[float, float]], BaseGeometry, tuple[float, float]]:
    """Compass-bearing intervals (offsets from north) under which a region is seen from ``at`` within ``far``;
    with what is visible from there all round and the point sight starts from."""
    fan = search.geo.fan(at, heading_deg=None, hfov_deg=360.0, range_m=far)
    visible = fan.polygon()
    if visible.is_empty:
        return [], visible, fan.origin
    shapely.prepare(visible)
    seen = [clip(visible, search.zones[i].core, search.rects[i]) for i in search.near_index(visible)
            if shapely.intersects(visible, search.zones[i].core)]
    seen = [g for g in seen if not g.is_empty]
    bearings = merge_intervals(i for got in angular_extents(seen, fan.origin, 0.0) for i in got) if seen else []
    return bearings, visible, fan.origin


def _arc_slack(far: float) -> float:
    """Area by which a lens region cut to ``far`` may stand out of the all-round view cut there: the
    circular segments between a wedge's edge and the nearest whole-step arc vertex (two per wedge)."""
    return far * far * (_STEP - math.sin(_STEP)) / 2.0


def _clear_headings(blocked: list[tuple[float, float]], wanted: float, half: float) -> list[float]:
    """``wanted`` itself when clear, else the nearest clear headings either way (0.5° margin)."""
    rel = [(a - wanted, b - wanted) for a, b in blocked]
    cw, ccw = smallest_turns(rel, half, 0.5)
    turns = sorted((t for t in (cw, ccw) if t is not None), key=abs)
    return [round((wanted + t) % 360.0, 1) for t in turns[:1]] if turns else []


#: A public view smaller than this (m²: a sliver through a doorway) is no view to keep; a share of it means nothing.
_MEANINGFUL_VIEW_M2 = 0.5


def _move(search: _Search, move_area: MoveArea, inside: bool) -> Remedy | None:
    """The clear spot near the camera from which it sees most of what it saw (or most public space).

    A camera that hangs in a forbidden region (``inside``) tries more spots and every quarter of headings.
    """
    camera = search.camera
    if not callable(move_area):
        if move_area.is_empty:
            return None
        shapely.prepare(move_area)
    best: tuple[tuple[float, int, float], Move] | None = None
    where = (float(camera.position[0]), float(camera.position[1]))
    omni = camera.omnidirectional or camera.hfov_deg >= 360.0
    reach = camera_reach(camera, search.geo.ceiling_height_m)
    # A heading whose best possible score is below the best found is not computed: the share kept is
    # bounded by the public view within the all-round view from there and the lens wedge. (The public view
    # within mere reach is no bound worth its cost: spots a few metres away have all of it within reach.)
    bounded = reach is not None and search.public_area >= _MEANINGFUL_VIEW_M2
    slack = 0.0
    if bounded and reach is not None:
        slack = 2.0 * (1 + len(camera.privacy_masks)) * _arc_slack(reach[1]) / search.public_area + 1e-6
    for at in _move_candidates(where, move_area, 24 if inside else 8):
        # what it saw before first, then staying near, then the most public space in view
        away = round(math.hypot(at[0] - camera.position[0], at[1] - camera.position[1]))
        if best is not None and not bounded and best[0] > (1.0, -away, math.inf):
            continue  # farther, and no share of a view to win
        wanted = list(_headings(search, at, every_way=inside))
        visible: BaseGeometry | None = None
        origin = at
        if not omni and reach is not None:
            # from there, the smallest turn off each wanted heading that keeps every region out of the wedge
            blocked, visible, origin = _blocked_at(search, at, reach[1])
            wanted = [h for w in wanted for h in _clear_headings(blocked, w, camera.hfov_deg / 2.0)]
        seen_public: ConeArea | None = None  # the public view visible from there, by direction
        for heading in dict.fromkeys(wanted):
            move = Move(position=at, heading_deg=heading)
            moved = move.applied(camera)
            if best is not None and bounded and visible is not None and reach is not None and origin == at:
                if seen_public is None:
                    seen_public = ConeArea(visible.intersection(search.public), at)
                lens = view_intervals(heading, camera.hfov_deg, camera.privacy_masks)
                top = seen_public.area(lens) / search.public_area + slack
                if best[0] > (round(min(1.0, top), 2), -away, math.inf):
                    continue
            cov = camera_coverage(search.geo, moved, bands=False, **search.kw)
            if not _clear(moved, cov, search.zones, search.tol, search.arrays):
                continue
            if search.also_clean is not None and not search.also_clean(moved):
                continue
            kept = search._kept(cov.region)
            public = float(cov.region.area) - sum(
                float(cov.region.intersection(z.polygon).area) for z in search.zones
                if z.polygon is not None and shapely.intersects(z.polygon, cov.region))
            score = (round(kept, 2), -away, public)
            if best is None or score > best[0]:
                best = (score, Move(position=at, heading_deg=heading, coverage_kept=kept))
    return best[1] if best is not None else None

