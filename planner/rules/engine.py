"""The compliance engine: cached per-level geometry and per-camera results.

:class:`ComplianceEngine` keeps, for one project, a :class:`LevelGeometry` per
level (rebuilt only when that level's walls, openings, zones or ceiling change)
and each camera's coverage and privacy findings (recomputed only when that
camera's fields change). Moving one camera therefore recomputes one camera.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from planner.geometry.coverage import Coverage, camera_coverage
from planner.geometry.density import IDENTIFY_PX_PER_M
from planner.geometry.visibility import LevelGeometry, level_key
from planner.model import Camera, Level, Project
from planner.rules.findings import Finding, make_finding
from planner.rules.pack import RulePack, load_rule_pack
from planner.rules.privacy import PrivateZone, compute_remedies, private_zones, view_overlaps

__all__ = ["ComplianceEngine", "camera_key"]


def camera_key(camera: Camera) -> Hashable:
    """Everything about a camera that changes its coverage."""
    return tuple(getattr(camera, name) for name in Camera.FIELDS if name not in ("name",))


@dataclass
class _LevelCache:
    key: Hashable
    geometry: LevelGeometry
    private: list[PrivateZone]


class ComplianceEngine:
    """Cached coverage and privacy findings for the cameras of one project."""

    def __init__(self, project: Project, pack: RulePack | None = None, *,
                 identify_px_per_m: float = IDENTIFY_PX_PER_M, remedies: bool = True) -> None:
        self.project = project
        self.pack = pack or load_rule_pack(project.venue.rule_pack)
        self.identify_px_per_m = identify_px_per_m
        self.remedies = remedies
        self._levels: dict[str, _LevelCache] = {}
        self._coverage: dict[tuple[str, str], tuple[Hashable, Coverage]] = {}
        self._findings: dict[tuple[str, str], tuple[Hashable, list[Finding]]] = {}

    # -- caches -------------------------------------------------------------
    def _level(self, level: Level) -> _LevelCache:
        key = (level_key(level.walls, level.openings, level.zones), level.ceiling_height_m)
        cached = self._levels.get(level.id)
        if cached is None or cached.key != key:
            geo = LevelGeometry.from_level(level)
            private = private_zones(level, self.pack.private_uses("all_devices"),
                                    self.pack.private_uses("face_recognition"))
            cached = _LevelCache(key, geo, private)
            self._levels[level.id] = cached
            self._coverage = {k: v for k, v in self._coverage.items() if k[0] != level.id}
            self._findings = {k: v for k, v in self._findings.items() if k[0] != level.id}
        return cached

    def level_geometry(self, level: Level) -> LevelGeometry:
        """The prepared sight geometry of ``level``."""
        return self._level(level).geometry

    def _coverage_kw(self) -> dict[str, Any]:
        return {"face_height_m": self.project.venue.face_height_m, "identify_px_per_m": self.identify_px_per_m}

    def coverage(self, level: Level, camera: Camera) -> Coverage:
        """Coverage of ``camera`` (cached until the camera or its level changes)."""
        lc = self._level(level)
        key = (camera_key(camera), self.project.venue.face_height_m, self.identify_px_per_m)
        cached = self._coverage.get((level.id, camera.id))
        if cached is not None and cached[0] == key:
            return cached[1]
        cov = camera_coverage(lc.geometry, camera, **self._coverage_kw())
        self._coverage[(level.id, camera.id)] = (key, cov)
        return cov

    def forget(self, camera_id: str | None = None) -> None:
        """Drop cached results of one camera (or of all when ``None``)."""
        if camera_id is None:
            self._coverage.clear()
            self._findings.clear()
            return
        for cache in (self._coverage, self._findings):
            for k in [k for k in cache if k[1] == camera_id]:
                del cache[k]

    # -- findings -------------------------------------------------------------
    def view_findings(self, level: Level, camera: Camera) -> list[Finding]:
        """``VIEW_INTO_PRIVATE_SPACE`` findings of one camera, with remedies."""
        lc = self._level(level)
        key = (camera_key(camera), self.project.venue.face_height_m, self.identify_px_per_m, self.remedies)
        cached = self._findings.get((level.id, camera.id))
        if cached is not None and cached[0] == key:
            return cached[1]
        cov = self.coverage(level, camera)
        tol = self.pack.view_tolerance_m2
        findings = []
        for pz, overlap in view_overlaps(cov, camera, lc.private, tol):
            remedies = (
                compute_remedies(lc.geometry, camera, cov, pz, overlap, lc.private, tol, **self._coverage_kw())
                if self.remedies else []
            )
            finding = make_finding(
                self.pack, "VIEW_INTO_PRIVATE_SPACE", level=level.id, camera=camera.id, zone=pz.zone.id,
                zone_name=pz.zone.name or pz.zone.id, use=pz.zone.use, area_m2=float(overlap.area), remedies=remedies,
            )
            finding.details["overlap"] = [[round(x, 3), round(y, 3)] for x, y in _exterior(overlap)]
            findings.append(finding)
        self._findings[(level.id, camera.id)] = (key, findings)
        return findings


def _exterior(geom: Any) -> list[tuple[float, float]]:
    """Outer ring of the largest part of ``geom`` (for plan snippets)."""
    parts = list(getattr(geom, "geoms", [geom]))
    parts = [p for p in parts if p.geom_type == "Polygon"]
    if not parts:
        return []
    return list(max(parts, key=lambda p: p.area).exterior.coords)
