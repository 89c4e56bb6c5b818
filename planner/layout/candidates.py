"""Candidate camera poses: wall and corner mounts, headings, catalogue models, and the samples each meets.

Mounts lie along the wall faces of the level (every ``spacing_m``) and in its
corners, 0.1 m off the face, inside a zone that is not private, clear of
private zones and of doors and doorways. Each mount gets every catalogue
model, a tilt per required density (aimed so that the top of the image
reaches where that density ends at face height), and headings every
``heading_step_deg`` that keep the lens wedge off the wall.

Privacy is judged per mount from its exact all-round visibility: the parts
of private zones it could see are reduced to angular intervals and distance
spans; a pose whose wedge and reach (floor to ceiling, out to the detect
density, as the checks judge it) meet one of them either gets a privacy mask
over those directions, kept when the mask leaves at least half of what it
met, or is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.coverage import camera_reach
from planner.geometry.vertical import vfov_deg
from planner.geometry.visibility import LevelGeometry
from planner.layout.catalogue import CameraModel
from planner.layout.requirements import Requirements
from planner.model import Camera

__all__ = ["Mount", "Candidate", "mounts", "candidates", "aim_tilt"]

_OFF_FACE_M = 0.1
_MIN_PIECE_M2 = 0.002
_MASK_MARGIN_DEG = 1.0
_MIN_MEETS = 2


@dataclass(frozen=True)
class Mount:
    """A place to hang a camera: position, the compass direction away from the wall, the free half-angle."""

    x: float
    y: float
    normal_deg: float
    half_span_deg: float
    corner: bool = False


@dataclass
class Candidate:
    """One pose: mount, model, tilt, heading, privacy masks and the sample indices it meets."""

    mount: int
    model: CameraModel
    mount_height_m: float
    tilt_deg: float
    heading_deg: float
    masks: tuple[tuple[float, float], ...]
    meets: np.ndarray

    @property
    def cost(self) -> float:
        return self.model.cost

    def camera(self, camera_id: str, mounts: Sequence[Mount], name: str = "") -> Camera:
        m = mounts[self.mount]
        return self.model.camera(camera_id, name=name, position=(round(m.x, 3), round(m.y, 3)),
                                 mount_height_m=self.mount_height_m, heading_deg=round(self.heading_deg % 360.0, 1),
                                 tilt_deg=round(self.tilt_deg, 1), privacy_masks=self.masks)


def _compass(dx: float, dy: float) -> float:
    return math.degrees(math.atan2(dx, dy)) % 360.0


def mounts(geometry: LevelGeometry, allowed: BaseGeometry, spacing_m: float = 1.0) -> list[Mount]:
    """Wall and corner mounts inside ``allowed`` (see the module docstring)."""
    free = geometry.free_space
    shapely.prepare(free)
    shapely.prepare(allowed)
    near = allowed.buffer(0.5)
    shapely.prepare(near)
    out: list[Mount] = []
    seen: set[tuple[int, int]] = set()

    def add(x: float, y: float, normal: float, half: float, corner: bool) -> None:
        key = (round(x * 10), round(y * 10))
        if key in seen or not allowed.contains(shapely.Point(x, y)):
            return
        seen.add(key)
        out.append(Mount(x, y, normal, half, corner))

    for poly in shapely.get_parts(free):
        for ring in [poly.exterior, *poly.interiors]:
            if not near.intersects(ring):
                continue
            pts = np.asarray(ring.coords)[:-1]
            n = len(pts)
            if n < 3:
                continue
            for i in range(n):
                a, b = pts[i], pts[(i + 1) % n]
                d = b - a
                length = float(np.hypot(*d))
                if length < 0.3:
                    continue
                u = d / length
                perp = np.array([-u[1], u[0]])
                mid = (a + b) / 2
                if not free.contains(shapely.Point(*(mid + perp * 0.05))):
                    perp = -perp
                normal = _compass(*perp)
                count = max(1, int(length // spacing_m))
                for k in range(count):
                    t = (k + 0.5) * length / count
                    p = a + u * t + perp * _OFF_FACE_M
                    add(float(p[0]), float(p[1]), normal, 90.0, False)
                # corner at b: between this edge and the next, when it is convex from the free side
                c = pts[(i + 2) % n]
                e = c - b
                le = float(np.hypot(*e))
                if le < 0.3:
                    continue
                w = e / le
                bis = -u + w
                nb = float(np.hypot(*bis))
                if nb < 1e-6:
                    continue
                bis /= nb
                probe = b + bis * 0.05
                inner = math.degrees(math.acos(max(-1.0, min(1.0, float(np.dot(-u, w))))))
                if not free.contains(shapely.Point(*probe)) or inner > 170:
                    continue
                off = _OFF_FACE_M / max(math.sin(math.radians(inner / 2)), 0.2)
                p = b + bis * off
                add(float(p[0]), float(p[1]), _compass(*bis), inner / 2, True)
    return out


def aim_tilt(model: CameraModel, mount_height_m: float, target_height_m: float, px_per_m: float) -> float | None:
    """Tilt that puts the top of the image where a target at ``target_height_m`` falls to ``px_per_m``.

    ``None`` when the model never reaches that density at that height.
    """
    from planner.geometry.density import density_distance, horizontal_reach

    w, h = model.resolution
    dz = mount_height_m - target_height_m
    far = horizontal_reach(density_distance(w, model.hfov_deg, px_per_m), dz)
    if far <= 0.05:
        return None
    if model.kind == "fisheye" or model.hfov_deg >= 180.0:
        return 90.0
    half_v = vfov_deg(model.hfov_deg, w, h) / 2
    return max(0.0, min(90.0, math.degrees(math.atan2(dz, far)) + half_v - 0.5))


def _pieces(view: BaseGeometry, private: BaseGeometry, x: float, y: float) -> list[tuple[float, float, float, float]]:
    """``(first, last bearing, nearest, farthest distance)`` of each private part of ``view``."""
    if private.is_empty or not view.intersects(private):
        return []
    out = []
    for piece in shapely.get_parts(view.intersection(private)):
        if piece.area < _MIN_PIECE_M2:
            continue
        coords = np.asarray(piece.exterior.coords)
        dx, dy = coords[:, 0] - x, coords[:, 1] - y
        bear = np.degrees(np.arctan2(dx, dy))
        c = piece.centroid
        ref = math.degrees(math.atan2(c.x - x, c.y - y))
        rel = (bear - ref + 180.0) % 360.0 - 180.0
        lo, hi = float(rel.min()) + ref, float(rel.max()) + ref
        if hi - lo > 180.0:
            lo, hi = ref - 180.0, ref + 180.0
        dist = np.hypot(dx, dy)
        out.append((lo, hi, float(piece.distance(shapely.Point(x, y))), float(dist.max())))
    return out


def _wrap(a: np.ndarray | float) -> np.ndarray | float:
    return (np.asarray(a) + 180.0) % 360.0 - 180.0 if isinstance(a, np.ndarray) else (a + 180.0) % 360.0 - 180.0


def candidates(
    geometry: LevelGeometry,
    req: Requirements,
    mount_list: Sequence[Mount],
    models: Sequence[CameraModel],
    private: BaseGeometry,
    *,
    mount_height_m: float = 2.8,
    heading_step_deg: float = 15.0,
    blocked_out: np.ndarray | None = None,
) -> list[Candidate]:
    """Every useful, privacy-safe pose over ``mount_list`` (see the module docstring).

    ``blocked_out`` (one flag per sample), when given, is set for the samples
    that poses met but lost to privacy (dropped, or masked away).
    """
    ceiling = req.ceiling_height_m
    h = min(mount_height_m, ceiling - 0.05)
    th = req.target_height_m
    densities = req.densities
    if not densities or not len(req):
        return []
    # per (model, tilt): reach for each density at face height, and the privacy reach (floor to ceiling)
    variants = []
    for model in models:
        tilts: list[float] = []
        for d in densities:
            t = aim_tilt(model, h, th, d)
            if t is not None and all(abs(t - u) > 3.0 for u in tilts):
                tilts.append(t)
        for t in tilts:
            cam = model.camera("probe", mount_height_m=h, tilt_deg=t)
            limits = {d: camera_reach(cam, ceiling, z_low=th, z_high=th, min_px_per_m=d) for d in densities}
            if all(v is None for v in limits.values()):
                continue
            priv = camera_reach(cam, ceiling)
            far = max(v[1] for v in limits.values() if v is not None)
            variants.append((model, t, limits, priv, far))
    if not variants:
        return []
    cover_far = max(v[4] for v in variants)
    shapely.prepare(private)
    out: list[Candidate] = []
    px = req.px
    for mi, mnt in enumerate(mount_list):
        view = geometry.visibility((mnt.x, mnt.y))
        if view.is_empty:
            continue
        near_idx = np.flatnonzero((np.abs(req.xs - mnt.x) <= cover_far) & (np.abs(req.ys - mnt.y) <= cover_far))
        if not len(near_idx):
            continue
        shapely.prepare(view)
        seen = near_idx[shapely.contains_xy(view, req.xs[near_idx], req.ys[near_idx])]
        if not len(seen):
            continue
        dx, dy = req.xs[seen] - mnt.x, req.ys[seen] - mnt.y
        r = np.hypot(dx, dy)
        bearing = np.degrees(np.arctan2(dx, dy))
        pieces = _pieces(view, private, mnt.x, mnt.y)
        for model, tilt, limits, priv, _far in variants:
            in_range = np.zeros(len(seen), dtype=bool)
            for d, lim in limits.items():
                if lim is not None:
                    in_range |= (px[seen] == d) & (r >= lim[0]) & (r <= lim[1])
            if not in_range.any():
                continue
            idx, rel_all = seen[in_range], bearing[in_range]
            all_round = model.kind == "fisheye"
            omni_privacy = model.kind in ("fisheye", "ptz")
            if all_round:
                headings = [mnt.normal_deg]
            else:
                span = max(0.0, mnt.half_span_deg - model.hfov_deg / 2 + 5.0)
                k = int(span // heading_step_deg)
                headings = [mnt.normal_deg + i * heading_step_deg for i in range(-k, k + 1)]
            half = 180.0 if all_round else model.hfov_deg / 2
            hits = [p for p in pieces if priv is not None and p[2] < priv[1] and p[3] > priv[0]]
            for hd in headings:
                rel = np.asarray(_wrap(rel_all - hd))
                inside = np.abs(rel) <= half
                if np.count_nonzero(inside) < _MIN_MEETS:
                    continue
                masks: list[tuple[float, float]] = []
                p_half = 180.0 if omni_privacy else half
                for lo, hi, _dn, _df in hits:
                    a = float(_wrap(lo - hd))
                    b = a + (hi - lo)
                    for shift in (-360.0, 0.0, 360.0):
                        m0, m1 = a + shift - _MASK_MARGIN_DEG, b + shift + _MASK_MARGIN_DEG
                        if m1 > -p_half and m0 < p_half:
                            masks.append((max(m0, -p_half), min(m1, p_half)))
                meets = idx[inside]
                if masks:
                    masks = _merge(masks)
                    blocked = np.zeros(len(rel), dtype=bool)
                    for m0, m1 in masks:
                        blocked |= (rel >= m0) & (rel <= m1)
                    kept = inside & ~blocked
                    if blocked_out is not None:
                        blocked_out[idx[inside & blocked]] = True
                    if np.count_nonzero(kept) < max(_MIN_MEETS, 0.5 * np.count_nonzero(inside)) or any(
                            m1 - m0 >= 2 * p_half - 1e-6 for m0, m1 in masks):
                        if blocked_out is not None:
                            blocked_out[meets] = True
                        continue
                    meets = idx[kept]
                out.append(Candidate(mi, model, h, tilt, hd % 360.0, tuple(masks), meets))
    return out


def _merge(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
