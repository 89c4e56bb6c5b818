"""Keep level geometry and camera coverage cached so that an edit recomputes only what it touched.

:class:`CoverageEngine` holds one :class:`~planner.geometry.visibility.LevelGeometry`
per level, keyed on the content of the level's walls, openings, zones and
ceiling height, and one :class:`~planner.geometry.coverage.Coverage` per
camera, keyed on the camera's field values and the level geometry it was
computed on. Moving a camera recomputes that camera only; editing a wall
rebuilds its level on the next request (the keys make results correct
without any notification; :meth:`CoverageEngine.invalidate` frees memory early).

>>> from planner.model import Camera, Level, Project, Wall
>>> level = Level(id="L1", walls=[Wall(id="w", path=((0, 0), (10, 0), (10, 10), (0, 10), (0, 0)))],
...               cameras=[Camera(id="c1", position=(5, 5), range_m=3.0, kind="ptz")])
>>> engine = CoverageEngine()
>>> cov = engine.coverage(level, level.cameras[0])
>>> engine.coverage(level, level.cameras[0]) is cov
True
>>> round(cov.area_m2, 2)
28.27
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from planner.geometry.coverage import FACE_HEIGHT_M, Coverage, camera_coverage, camera_reach
from planner.geometry.density import IDENTIFY_PX_PER_M
from planner.geometry.obstacles import DEFAULT_MARGIN_M, domain_box
from planner.geometry.visibility import LevelGeometry, level_key
from planner.model.entities import Camera
from planner.model.project import Level, Project

__all__ = ["CoverageEngine", "camera_key"]

_DOMAIN_GRID_M = 10.0


def camera_key(camera: Camera) -> Hashable:
    """Return a hashable key of every camera field that affects its coverage."""
    return (
        camera.position,
        camera.mount_height_m,
        camera.heading_deg,
        camera.hfov_deg,
        camera.tilt_deg,
        camera.resolution,
        camera.range_m,
        camera.face_recognition,
        camera.kind,
        camera.privacy_masks,
    )


@dataclass
class _LevelEntry:
    key: Hashable
    geometry: LevelGeometry
    extra_points: tuple[tuple[float, float], ...]


class CoverageEngine:
    """Cache of level geometry and per-camera coverage.

    Parameters
    ----------
    face_height_m, identify_px_per_m : float
        Passed to :func:`~planner.geometry.coverage.camera_coverage`.
    bands : bool
        Compute pixel-density bands (default True).
    margin_m : float
        Margin of each level's visibility domain around what is drawn on it.
    """

    def __init__(
        self,
        *,
        face_height_m: float = FACE_HEIGHT_M,
        identify_px_per_m: float = IDENTIFY_PX_PER_M,
        bands: bool = True,
        margin_m: float = DEFAULT_MARGIN_M,
    ) -> None:
        self.face_height_m = face_height_m
        self.identify_px_per_m = identify_px_per_m
        self.bands = bands
        self.margin_m = margin_m
        self._levels: dict[str, _LevelEntry] = {}
        self._cameras: dict[tuple[str, str], tuple[Hashable, LevelGeometry, Coverage]] = {}
        self._open: dict[str, tuple[LevelGeometry, LevelGeometry]] = {}
        #: Number of level builds and camera computations so far (for tests and profiling).
        self.stats = {"levels_built": 0, "coverages_computed": 0}

    # -- levels -------------------------------------------------------------
    @staticmethod
    def _level_key(level: Level) -> Hashable:
        return (level_key(level.walls, level.openings, level.zones), level.ceiling_height_m)

    def reach_points(self, level: Level, cameras: Iterable[Camera]) -> list[tuple[float, float]]:
        """Corners of the box each camera's full reach needs in the visibility domain (DESIGN §4)."""
        out: list[tuple[float, float]] = []
        for camera in cameras:
            reach = self.reach(level, camera) + 1.0
            x, y = camera.position
            out += [(x - reach, y - reach), (x + reach, y + reach)]
        return out

    def reach(self, level: Level, camera: Camera) -> float:
        """How far ``camera`` can see on ``level`` in the plan, at most (its coverage and FR region)."""
        ceiling = level.ceiling_height_m
        far = 0.0
        seen = camera_reach(camera, ceiling)
        if seen is not None:
            far = seen[1]
        if camera.face_recognition:
            fr = camera_reach(camera, ceiling, z_low=self.face_height_m, z_high=self.face_height_m,
                              min_px_per_m=self.identify_px_per_m)
            if fr is not None:
                far = max(far, fr[1])
        return far if math.isfinite(far) else 0.0

    def level_geometry(
        self, level: Level, *, points: Iterable[Sequence[float]] = (), key: Hashable = None, doors_open: bool = False
    ) -> LevelGeometry:
        """Return the cached geometry of ``level``, rebuilt if its content changed.

        ``points`` (camera positions, corners of their reach) must lie inside the
        visibility domain; the domain grows (in whole 10 m steps) to hold them
        if needed. ``doors_open`` asks for the geometry with self-closing doors
        open (built on the same domain as the one with them shut).
        """
        key = self._level_key(level) if key is None else key
        if doors_open:
            shut = self.level_geometry(level, points=points, key=key)
            cached = self._open.get(level.id)
            if cached is not None and cached[0] is shut:
                return cached[1]
            minx, miny, maxx, maxy = shut.obstacles.domain.bounds if shut.obstacles else shut.free_space.bounds
            opened = LevelGeometry.from_level(level, margin_m=0.0, extra_points=[(minx, miny), (maxx, maxy)],
                                              doors_open=True)
            self.stats["levels_built"] += 1
            self._open[level.id] = (shut, opened)
            return opened
        entry = self._levels.get(level.id)
        pts = [(float(p[0]), float(p[1])) for p in points]
        extra = entry.extra_points if entry is not None else ()
        if entry is not None and entry.key == key:
            bounds = entry.geometry.free_space.bounds
        else:
            box = domain_box(level.walls, level.openings, level.zones, extra_points=extra, margin_m=self.margin_m)
            bounds = box.bounds
        minx, miny, maxx, maxy = bounds
        outside = [p for p in pts if not (minx + 1 < p[0] < maxx - 1 and miny + 1 < p[1] < maxy - 1)]
        if entry is not None and entry.key == key and not outside:
            return entry.geometry
        extra = extra + tuple(self._grid_corners(outside))
        geometry = LevelGeometry.from_level(level, margin_m=self.margin_m, extra_points=extra)
        self.stats["levels_built"] += 1
        self._levels[level.id] = _LevelEntry(key, geometry, extra)
        return geometry

    def cached_level_geometry(self, level_id: str, key: Hashable) -> LevelGeometry | None:
        """The geometry :meth:`level_geometry` last gave for ``level_id`` if it was built for ``key``, else None."""
        entry = self._levels.get(level_id)
        return entry.geometry if entry is not None and entry.key is key else None

    @staticmethod
    def _grid_corners(points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
        g = _DOMAIN_GRID_M
        out = []
        for x, y in points:
            out.append(((x // g) * g, (y // g) * g))
            out.append(((x // g + 1) * g, (y // g + 1) * g))
        return out

    # -- cameras ------------------------------------------------------------
    def coverage(self, level: Level, camera: Camera, *, _level_key: Hashable = None) -> Coverage:
        """Return the coverage of ``camera`` on ``level`` (cached while neither changes)."""
        geometry = self.level_geometry(level, points=self.reach_points(level, [camera]), key=_level_key)
        return self._coverage_on(geometry, level, camera)

    def _coverage_on(self, geometry: LevelGeometry, level: Level, camera: Camera) -> Coverage:
        ckey = camera_key(camera)
        slot = (level.id, camera.id)
        cached = self._cameras.get(slot)
        if cached is not None and cached[0] == ckey and cached[1] is geometry:
            return cached[2]
        cov = camera_coverage(
            geometry,
            camera,
            face_height_m=self.face_height_m,
            identify_px_per_m=self.identify_px_per_m,
            bands=self.bands,
        )
        self.stats["coverages_computed"] += 1
        self._cameras[slot] = (ckey, geometry, cov)
        return cov

    def level_coverage(self, level: Level, cameras: Iterable[Camera] | None = None) -> dict[str, Coverage]:
        """Return camera id -> coverage for every camera on ``level`` (or those of ``cameras``).

        The level is built once, on a domain that holds the reach of every camera on it.
        """
        key = self._level_key(level)
        geometry = self.level_geometry(level, points=self.reach_points(level, level.cameras), key=key)
        on_level = {id(cam) for cam in level.cameras}
        return {cam.id: self._coverage_on(geometry, level, cam) if id(cam) in on_level
                else self.coverage(level, cam, _level_key=key)
                for cam in (level.cameras if cameras is None else cameras)}

    def project_coverage(self, project: Project) -> dict[tuple[str, str], Coverage]:
        """Return ``(level id, camera id)`` -> coverage for every camera of ``project``."""
        result = {}
        for level in project.levels:
            for cam_id, cov in self.level_coverage(level).items():
                result[(level.id, cam_id)] = cov
        return result

    # -- invalidation -------------------------------------------------------
    def invalidate(self, entity_id: str | None = None) -> None:
        """Forget a camera's coverage, or a level (by id) with its cameras; everything when ``None``."""
        if entity_id is None:
            self._levels.clear()
            self._cameras.clear()
            self._open.clear()
            return
        if entity_id in self._levels:
            del self._levels[entity_id]
            self._open.pop(entity_id, None)
            for slot in [s for s in self._cameras if s[0] == entity_id]:
                del self._cameras[slot]
            return
        for slot in [s for s in self._cameras if s[1] == entity_id]:
            del self._cameras[slot]
