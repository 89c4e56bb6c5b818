"""Blind spots: required areas that no camera meets at the density the profile asks for, kept current cheaply.

:class:`BlindSpots` keeps the sampled requirements of each level (rebuilt
when the level's geometry, its zones' uses or overrides, or the face height
change) and each camera's met samples (recomputed only when that camera
changes), so that moving one camera costs one camera.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np

from planner.geometry.engine import camera_key
from planner.geometry.visibility import LevelGeometry
from planner.layout.profile import CoverageProfile, load_profile
from planner.layout.requirements import Requirements, camera_meets, level_requirements
from planner.model import Level
from planner.rules.engine import ComplianceEngine

__all__ = ["BlindSpots", "LevelBlindSpots"]


@dataclass
class LevelBlindSpots:
    """The samples of one level and which of them the cameras meet."""

    requirements: Requirements
    met: np.ndarray

    @property
    def unmet(self) -> np.ndarray:
        return ~self.met

    @property
    def unmet_m2(self) -> float:
        return self.requirements.area(~self.met)

    @property
    def required_m2(self) -> float:
        return self.requirements.area()


class BlindSpots:
    """Cached blind spots of the levels of one project (see the module docstring)."""

    def __init__(self, profile: CoverageProfile | None = None) -> None:
        self.profile = profile or load_profile("default")
        self._req: dict[str, tuple[Hashable, LevelGeometry, Requirements]] = {}
        self._cams: dict[tuple[str, str], tuple[Hashable, Requirements, np.ndarray]] = {}
        #: Cameras computed so far (for tests and profiling).
        self.computed = 0

    def level(self, engine: ComplianceEngine, level: Level) -> LevelBlindSpots:
        """Requirements and met samples of ``level`` under the engine's rule pack and geometry."""
        geo = engine.level_geometry(level)
        project = engine.project
        key = (tuple((z.id, z.use, z.coverage) for z in level.zones), project.venue.face_height_m, engine.pack.id)
        cached = self._req.get(level.id)
        if cached is None or cached[0] != key or cached[1] is not geo:
            req = level_requirements(level, geo, engine.topology(level), self.profile,
                                     engine.pack.private_uses("all_devices"),
                                     target_height_m=project.venue.face_height_m)
            cached = (key, geo, req)
            self._req[level.id] = cached
        req = cached[2]
        met = np.zeros(len(req), dtype=bool)
        for cam in level.cameras:
            slot = (level.id, cam.id)
            ckey = camera_key(cam)
            hit = self._cams.get(slot)
            if hit is None or hit[0] != ckey or hit[1] is not req:
                hit = (ckey, req, camera_meets(geo, cam, req))
                self._cams[slot] = hit
                self.computed += 1
            met |= hit[2]
        return LevelBlindSpots(req, met)
