"""The compliance engine: cached per-level geometry and per-camera results.

:class:`ComplianceEngine` keeps, for one project, a :class:`LevelGeometry` per
level (rebuilt only when that level's walls, openings, zones or ceiling change)
and each camera's coverage and privacy findings (recomputed only when that
camera's fields change). Moving one camera therefore recomputes one camera.
:meth:`ComplianceEngine.camera_findings` is what the full check reports for one
camera; the editor's live list asks it too, so the two cannot differ.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import numpy as np
import shapely

from planner.geometry.convert import parts, to_point
from planner.geometry.coverage import Coverage, camera_coverage
from planner.geometry.density import IDENTIFY_PX_PER_M
from planner.geometry.engine import CoverageEngine, camera_key
from planner.geometry.visibility import LevelGeometry, level_key
from planner.model import Camera, Change, Level, ModelError, Project, Sign
from planner.rules.findings import Finding, make_finding
from planner.rules.fixes import camera_remedies
from planner.rules.pack import RulePack, load_rule_pack
from planner.rules.privacy import PrivateZone, private_zones, view_overlaps
from planner.rules.remedies import Remedy
from planner.rules.signs import LevelTopology
from planner.rules.spatial import near

__all__ = ["ComplianceEngine", "MOVE_MARGIN_M"]

T = TypeVar("T")

#: Distance a "move" remedy puts the camera inside the nearest public zone, in metres.
MOVE_MARGIN_M = 0.3


class ComplianceEngine:
    """Cached coverage and privacy findings for the cameras of one project.

    Coverage comes from a :class:`~planner.geometry.engine.CoverageEngine`;
    this class adds the private zones of each level and each camera's
    ``DEVICE_IN_PRIVATE_SPACE`` and ``VIEW_INTO_PRIVATE_SPACE`` findings, cached
    on the camera's fields and the level geometry they were computed on.
    ``remedies`` is the default for the finding methods' own ``remedies`` argument.
    """

    #: The codes :meth:`camera_findings` reports (a camera's own findings, recomputed when it changes).
    CAMERA_CODES: frozenset[str] = frozenset({"DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE",
                                              "VIEW_WHEN_DOOR_OPEN", "USE_NOT_SET"})

    def __init__(self, project: Project, pack: RulePack | None = None, *,
                 identify_px_per_m: float = IDENTIFY_PX_PER_M, remedies: bool = True, bands: bool = True) -> None:
        self.project = project
        self.pack = pack or load_rule_pack(project.venue.rule_pack)
        self.identify_px_per_m = identify_px_per_m
        self.remedies = remedies
        #: Compute pixel-density bands with the coverage (the checks do not need them; drawings do).
        self.bands = bands
        self._coverage_engine = self._new_coverage_engine()
        #: Level content keys, recomputed only after the level's walls, openings or zones change.
        self._keys: dict[str, Hashable] = {}
        #: Levels whose sight domain was checked to hold every camera (until a camera changes): O(1) lookups after.
        self._domain_checked: dict[str, tuple[Hashable, CoverageEngine]] = {}
        project.changed.connect(self._on_change)
        self._private: dict[str, tuple[LevelGeometry, list[PrivateZone]]] = {}
        self._topology: dict[str, tuple[LevelGeometry, LevelTopology]] = {}
        self._findings: dict[tuple[str, str], tuple[Hashable, LevelGeometry, bool, list[Finding]]] = {}
        self._move_tests: dict[str, tuple[LevelGeometry, Callable[[np.ndarray, np.ndarray], np.ndarray]]] = {}
        self._remedies: dict[tuple[str, str], tuple[Hashable, LevelGeometry, list[Remedy]]] = {}
        self._level_extra: dict[tuple[str, str], tuple[LevelGeometry, Any]] = {}
        self._camera_extra: dict[tuple[str, str, str], tuple[Hashable, LevelGeometry, Any]] = {}

    def _new_coverage_engine(self) -> CoverageEngine:
        return CoverageEngine(face_height_m=self.project.venue.face_height_m, identify_px_per_m=self.identify_px_per_m,
                              bands=self.bands)

    @property
    def coverage_engine(self) -> CoverageEngine:
        """The geometry cache (rebuilt when the venue's face height changes)."""
        if self._coverage_engine.face_height_m != self.project.venue.face_height_m:
            self._coverage_engine = self._new_coverage_engine()
            self._findings.clear()
            self._remedies.clear()
        return self._coverage_engine

    def _on_change(self, change: Change) -> None:
        if change.action == "batch":  # one step of several edits
            for part in change.expand():
                self._on_change(part)
            return
        if change.action == "reset":
            self._keys.clear()
            self._domain_checked.clear()
            return
        if change.level_id is None or change.entity_id is None:
            return
        self._domain_checked.pop(change.level_id, None)
        if change.entity_id == change.level_id:
            self._keys.pop(change.level_id, None)
            return
        try:
            entity = self.project.get(change.entity_id)
        except ModelError:  # removed
            entity = None
        if entity is None or not isinstance(entity, (Camera, Sign)):
            self._keys.pop(change.level_id, None)

    def _level_key(self, level: Level) -> Hashable:
        key = self._keys.get(level.id)
        if key is None:
            key = (level_key(level.walls, level.openings, level.zones), level.ceiling_height_m)
            self._keys[level.id] = key
        return key

    def level_geometry(self, level: Level) -> LevelGeometry:
        """The prepared sight geometry of ``level`` (its domain holds every camera)."""
        key = self._level_key(level)
        engine = self.coverage_engine
        checked = self._domain_checked.get(level.id)
        if checked is not None and checked[0] is key and checked[1] is engine:
            return engine.cached_level_geometry(level.id, key) or engine.level_geometry(level, key=key)
        geometry = engine.level_geometry(level, points=engine.reach_points(level, level.cameras), key=key)
        self._domain_checked[level.id] = (key, engine)
        return geometry

    def coverage(self, level: Level, camera: Camera) -> Coverage:
        """Coverage of ``camera`` (cached until the camera or its level changes)."""
        self.level_geometry(level)  # the domain that holds every camera: built once, not grown camera by camera
        return self.coverage_engine.coverage(level, camera, _level_key=self._level_key(level))

    def private_zones(self, level: Level) -> list[PrivateZone]:
        """The level's private zones under the rule pack (cached with the level geometry)."""
        geo = self.level_geometry(level)
        cached = self._private.get(level.id)
        if cached is None or cached[0] is not geo:
            zones = private_zones(level, self.pack.private_uses("all_devices"),
                                  self.pack.private_uses("face_recognition"))
            cached = (geo, zones)
            self._private[level.id] = cached
        return cached[1]

    def topology(self, level: Level) -> LevelTopology:
        """How the level's zones connect (cached with the level geometry)."""
        geo = self.level_geometry(level)
        cached = self._topology.get(level.id)
        if cached is None or cached[0] is not geo:
            assert geo.obstacles is not None
            cached = (geo, LevelTopology(level, geo.obstacles))
            self._topology[level.id] = cached
        return cached[1]

    def level_cached(self, level: Level, name: str, make: Callable[[], T]) -> T:
        """``make()`` for ``level``, kept until the level's geometry (walls, openings, zones) changes: for
        rules work that does not depend on the cameras, so the editor's full check does not repeat it."""
        geo = self.level_geometry(level)
        got = self._level_extra.get((level.id, name))
        if got is None or got[0] is not geo:
            got = (geo, make())
            self._level_extra[(level.id, name)] = got
        out: T = got[1]  # what ``make`` gave for this name
        return out

    def camera_cached(self, level: Level, camera: Camera, name: str, make: Callable[[], T]) -> T:
        """``make()`` for ``camera``, kept until the camera's fields or its level's geometry change."""
        geo = self.level_geometry(level)
        key = camera_key(camera)
        got = self._camera_extra.get((level.id, camera.id, name))
        if got is None or got[1] is not geo or got[0] != key:
            got = (key, geo, make())
            self._camera_extra[(level.id, camera.id, name)] = got
        out: T = got[2]  # what ``make`` gave for this name
        return out

    def close(self) -> None:
        """Stop following the project's changes (call when the engine is dropped)."""
        self.project.changed.disconnect(self._on_change)

    # -- findings -------------------------------------------------------------
    def camera_findings(self, level: Level, camera: Camera, *, remedies: bool | None = None) -> list[Finding]:
        """Everything the full check reports about one camera: its position, then its views.

        ``remedies=False`` skips computing remedies (the findings are the same,
        their ``remedies`` lists empty unless computed earlier); ``None`` follows
        the engine's ``remedies`` setting.
        """
        return [*self.device_findings(level, camera, remedies=remedies),
                *self.view_findings(level, camera, remedies=remedies)]

    def device_findings(self, level: Level, camera: Camera, *, remedies: bool | None = None) -> list[Finding]:
        """``DEVICE_IN_PRIVATE_SPACE``: the camera hangs in a private zone (or on its edge)."""
        want = self.remedies if remedies is None else remedies
        # The mounting point, and where sight is computed from when that point sits in a wall.
        viewpoint = self.coverage(level, camera).viewpoint
        points = [to_point(camera.position)] + ([to_point(viewpoint)] if viewpoint is not None else [])
        for pz in near(self.private_zones(level), shapely.MultiPoint(points)):
            if pz.fr_only and not camera.face_recognition:
                continue
            if any(shapely.intersects(pz.polygon, p) for p in points):
                fixes = self.camera_remedies(level, camera) if want else []
                return [make_finding(
                    self.pack, "DEVICE_IN_PRIVATE_SPACE", level=level.id, camera=camera.id, zone=pz.zone.id,
                    zone_name=pz.zone.name or pz.zone.id, use=pz.zone.use, remedies=fixes,
                )]
        return []

    def move_test(self, level: Level) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        """Where a "move" remedy may put a camera, as a test of many points at once.

        A point passes when it lies in a zone that is not private, at least
        ``MOVE_MARGIN_M`` from every private zone and wall, and with that much
        room to the edge of the drawn zones.
        """
        geo = self.level_geometry(level)
        cached = self._move_tests.get(level.id)
        if cached is not None and cached[0] is geo:
            return cached[1]
        topology = self.topology(level)
        private = {p.zone.id: p.polygon for p in self.private_zones(level)}
        public = shapely.STRtree([g for zid, g in topology.zones if zid not in private])
        blockers = shapely.STRtree([*private.values(), *topology.obstacles.bodies.values()])
        m = MOVE_MARGIN_M

        def drawn() -> Any:
            walkable = topology.walkable  # made once, when the first move is looked for
            shapely.prepare(walkable)
            return walkable

        ring = [(m * math.cos(k * math.pi / 4), m * math.sin(k * math.pi / 4)) for k in range(8)]

        def test(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
            ok = np.zeros(len(xs), dtype=bool)
            points = shapely.points(xs, ys)
            ok[public.query(points, predicate="within")[0]] = True
            # each further test only for the points still in the running
            idx = np.flatnonzero(ok)
            ok[idx[blockers.query(points[idx], predicate="dwithin", distance=MOVE_MARGIN_M)[0]]] = False
            idx = np.flatnonzero(ok)
            # the room around each point: its eight ring points inside the drawn zones, all in one test
            px, py = xs[idx], ys[idx]
            inside = shapely.contains_xy(drawn(), np.concatenate([px + dx for dx, _ in ring]),
                                         np.concatenate([py + dy for _, dy in ring]))
            ok[idx] = inside.reshape(len(ring), len(idx)).all(axis=0)
            return ok

        self._move_tests[level.id] = (geo, test)
        return test

    def camera_remedies(self, level: Level, camera: Camera,
                        overlaps: list[tuple[PrivateZone, Any]] | None = None) -> list[Remedy]:
        """The remedies offered for every privacy finding of ``camera``, best kept view first, ``remove`` last.

        Each one, applied alone, leaves the camera with no privacy finding at all
        (see :mod:`planner.rules.fixes`); cached until the camera or its level changes.
        ``overlaps``: the camera's views into private zones (:func:`view_overlaps`), when known.
        """
        geo = self.level_geometry(level)
        key = camera_key(camera)
        cached = self._remedies.get((level.id, camera.id))
        if cached is not None and cached[0] == key and cached[1] is geo:
            return list(cached[2])
        fixes = camera_remedies(geo, camera, self.coverage(level, camera), self.private_zones(level),
                                self.pack.view_tolerance_m2, move_area=self.move_test(level),
                                overlaps=None if overlaps is None else [g for _, g in overlaps],
                                **self._coverage_kw())
        self._remedies[(level.id, camera.id)] = (key, geo, fixes)
        return list(fixes)

    def _coverage_kw(self) -> dict[str, Any]:
        return {"face_height_m": self.project.venue.face_height_m, "identify_px_per_m": self.identify_px_per_m}

    def view_findings(self, level: Level, camera: Camera, *, remedies: bool | None = None) -> list[Finding]:
        """``VIEW_INTO_PRIVATE_SPACE`` findings of one camera (with remedies unless ``remedies=False``)."""
        want = self.remedies if remedies is None else remedies
        cov = self.coverage(level, camera)
        geo = self.level_geometry(level)
        key = camera_key(camera)
        cached = self._findings.get((level.id, camera.id))
        if cached is not None and cached[0] == key and cached[1] is geo and (cached[2] or not want):
            return cached[3]
        findings = []
        overlaps = view_overlaps(cov, camera, self.private_zones(level), self.pack.view_tolerance_m2)
        for pz, overlap in overlaps:
            fixes = self.camera_remedies(level, camera, overlaps) if want else []
            finding = make_finding(
                self.pack, "VIEW_INTO_PRIVATE_SPACE", level=level.id, camera=camera.id, zone=pz.zone.id,
                zone_name=pz.zone.name or pz.zone.id, use=pz.zone.use, area_m2=float(overlap.area), remedies=fixes,
            )
            finding.details["overlap"] = [[round(x, 3), round(y, 3)] for x, y in _exterior(overlap)]
            findings.append(finding)
        findings += self._door_open_findings(level, camera, cov, want)
        findings += self._unknown_use_findings(level, camera, cov)
        self._findings[(level.id, camera.id)] = (key, geo, want, findings)
        return findings

    def _unknown_use_findings(self, level: Level, camera: Camera, cov: Coverage) -> list[Finding]:
        """``USE_NOT_SET``: the camera stands in or sees into a zone whose use is not set (``other``).

        Whether such a zone is private cannot be judged (an imported room label the vocabulary does
        not know, a zone drawn and never named), so it is said, not passed. A rule pack without the
        rule does not ask for it.
        """
        if "USE_NOT_SET" not in self.pack.data.get("rules", {}):
            return []
        unknown = [z for z in level.zones if z.use == "other" and len(z.polygon) >= 3]
        if not unknown:
            return []
        shapes = self.topology(level).zone_geom
        kept = [z for z in unknown if z.id in shapes and not shapes[z.id].is_empty]
        geoms = np.array([shapes[z.id] for z in kept], dtype=object)
        region = cov.region
        seen = np.zeros(len(geoms))
        hit = shapely.intersects(region, geoms)
        seen[hit] = shapely.area(shapely.intersection(region, geoms[hit]))
        holds = shapely.intersects(geoms, to_point(camera.position))
        out = []
        for zone, area, hold in zip(kept, seen, holds, strict=True):
            if area <= self.pack.view_tolerance_m2 and not hold:
                continue
            out.append(make_finding(self.pack, "USE_NOT_SET", level=level.id, camera=camera.id, zone=zone.id,
                                    zone_name=zone.name or zone.id, area_m2=float(area)))
        return out

    def _door_open_findings(self, level: Level, camera: Camera, cov: Coverage, want: bool) -> list[Finding]:
        """``VIEW_WHEN_DOOR_OPEN``: what ``camera`` sees of private zones while the self-closing doors stand open.

        Its remedies clear every private zone with the doors open (so also with them shut).
        """
        doors = [o for o in level.openings if o.kind == "door" and o.self_closing]
        private = self.private_zones(level)
        if not doors or not private:
            return []
        tol = self.pack.view_tolerance_m2
        ce = self.coverage_engine
        opened = ce.level_geometry(level, points=ce.reach_points(level, level.cameras), key=self._level_key(level),
                                   doors_open=True)
        kw = self._coverage_kw()
        cov_open = camera_coverage(opened, camera, bands=False, **kw)
        overlaps = view_overlaps(cov_open, camera, private, tol)
        if not overlaps:
            return []
        shut = cov.region
        lines = shapely.linestrings([o.segment for o in doors])
        near = shapely.dwithin(lines, cov_open.region, 0.05)
        fixes: list[Remedy] | None = None
        out = []
        for pz, overlap in overlaps:
            extra = overlap.difference(shut) if not shut.is_empty else overlap
            if extra.area <= tol:
                continue
            through = [o.id for i, o in enumerate(doors) if near[i] and shapely.dwithin(pz.polygon, lines[i], 0.2)]
            if fixes is None:
                fixes = (camera_remedies(opened, camera, cov_open, private, tol, move_area=self.move_test(level), **kw)
                         if want else [])
            finding = make_finding(
                self.pack, "VIEW_WHEN_DOOR_OPEN", level=level.id, camera=camera.id, zone=pz.zone.id,
                zone_name=pz.zone.name or pz.zone.id, use=pz.zone.use, area_m2=float(extra.area),
                doors=", ".join(through) or "?", remedies=list(fixes),
            )
            finding.details["doors"] = through
            finding.details["overlap"] = [[round(x, 3), round(y, 3)] for x, y in _exterior(extra)]
            out.append(finding)
        return out


def _exterior(geom: Any) -> list[tuple[float, float]]:
    """Outer ring of the largest part of ``geom`` (for plan snippets)."""
    polys = parts(geom, "Polygon")
    if not polys:
        return []
    return list(max(polys, key=lambda p: p.area).exterior.coords)
