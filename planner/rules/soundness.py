"""Checks that say where the plan cannot be judged, instead of passing it silently.

* ``OPENING_NOT_ON_WALL``: an opening that pierces no wall and lies on no zone edge.
* ``CAMERA_ABOVE_CEILING``: a camera mounted above the ceiling of its zone or level.
* ``NECESSITY_NOT_STATED``: cameras, but the venue does not say why they are necessary.
* ``NO_ENTRANCE``: a watched zone with no way in drawn, so its signs cannot be checked.
* ``COVERAGE_BEYOND_VENUE``: what a camera sees outside the venue's outline.

>>> from planner.model import Level, Opening, Project, Wall
>>> from planner.rules.pack import load_rule_pack
>>> level = Level(id="L1", walls=[Wall(id="w", path=((0, 0), (6, 0)))],
...               openings=[Opening(id="d1", segment=((2, 0.1), (3, 0.1))),
...                         Opening(id="d2", segment=((2, 2), (3, 2)))])
>>> [f.details["opening"] for f in check_openings(Project(levels=[level]), load_rule_pack("cn-2025"))]
['d2']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import to_polygon
from planner.geometry.obstacles import wall_body
from planner.geometry.openings import PIERCE_DISTANCE_M, WallIndex
from planner.geometry.visibility import LevelGeometry
from planner.model import Camera, Level, Project
from planner.rules.findings import Finding, make_finding
from planner.rules.fixes import Forbidden, camera_remedies, privacy_clear
from planner.rules.pack import RulePack
from planner.rules.privacy import GRAZE_M
from planner.rules.remedies import FillVenueField, Redraw, Remedy, Remove

if TYPE_CHECKING:
    from planner.rules.engine import ComplianceEngine

__all__ = [
    "check_openings",
    "level_opening_findings",
    "check_ceilings",
    "check_necessity",
    "check_entrances",
    "check_beyond_venue",
    "venue_outline",
]

_KIND_NAMES = {"door": ("门", "Door"), "doorway": ("门洞", "Doorway"), "window": ("窗", "Window")}


def check_openings(project: Project, pack: RulePack) -> list[Finding]:
    """``OPENING_NOT_ON_WALL``: openings that pierce no wall and lie on no zone edge."""
    return [f for level in project.levels for f in level_opening_findings(level, pack)]


def level_opening_findings(level: Level, pack: RulePack,
                           pierced: Mapping[str, tuple[str, ...]] | None = None) -> list[Finding]:
    """:func:`check_openings` for one level; ``pierced`` (opening id -> walls it pierces, as the level's
    :class:`~planner.geometry.obstacles.LevelObstacles` has it) saves finding the walls again."""
    findings: list[Finding] = []
    index: WallIndex | None = None
    edges: list[BaseGeometry] = []
    edge_tree: shapely.STRtree | None = None
    for opening in level.openings:
        if pierced is not None and opening.id in pierced:
            if pierced[opening.id]:
                continue
        else:
            index = index if index is not None else WallIndex(level.walls)
            if index.pierced(opening):
                continue
        if edge_tree is None and level.zones:
            edges = [to_polygon(z.polygon).boundary for z in level.zones]
            edge_tree = shapely.STRtree(edges)
        if edge_tree is not None and _on_zone_edge(opening.segment, edges, edge_tree):
            continue
        (x0, y0), (x1, y1) = opening.segment
        x, y = (x0 + x1) / 2.0, (y0 + y1) / 2.0
        zh, en = _KIND_NAMES.get(opening.kind, (opening.kind, opening.kind))
        f = Finding(
            code="OPENING_NOT_ON_WALL",
            severity=pack.severity("OPENING_NOT_ON_WALL"),
            message=pack.message("OPENING_NOT_ON_WALL", "en", kind=en, opening=opening.id, x=x, y=y),
            message_zh=pack.message("OPENING_NOT_ON_WALL", "zh", kind=zh, opening=opening.id, x=x, y=y),
            level=level.id,
        )
        f.details["opening"] = opening.id
        f.details["kind"] = opening.kind
        f.details["position"] = [round(x, 3), round(y, 3)]
        f.details["segment"] = [[round(v, 3) for v in p] for p in opening.segment]
        findings.append(f)
    return findings


def _on_zone_edge(segment: Sequence[Sequence[float]], edges: list[BaseGeometry], tree: shapely.STRtree) -> bool:
    """True when both ends and the middle of ``segment`` are within 0.3 m of one zone's edge."""
    (x0, y0), (x1, y1) = segment
    probes = shapely.points([(x0, y0), ((x0 + x1) / 2, (y0 + y1) / 2), (x1, y1)])
    line = shapely.linestrings([(x0, y0), (x1, y1)])
    for k in tree.query(line, predicate="dwithin", distance=PIERCE_DISTANCE_M):
        if bool(shapely.dwithin(edges[int(k)], probes, PIERCE_DISTANCE_M).all()):
            return True
    return False


def _ceiling_at(level: Level, camera: Camera) -> tuple[float, str, str | None]:
    """The ceiling over ``camera``: the lowest ceiling of a zone it stands in, else the level's."""
    where = shapely.Point(camera.position)
    best: tuple[float, str, str | None] | None = None
    for zone in level.zones:
        if zone.ceiling_height_m is None or (best is not None and zone.ceiling_height_m >= best[0]):
            continue
        if to_polygon(zone.polygon).covers(where):
            best = (zone.ceiling_height_m, zone.name or zone.id, zone.id)
    return best if best is not None else (level.ceiling_height_m, "", None)


def check_ceilings(project: Project, pack: RulePack) -> list[Finding]:
    """``CAMERA_ABOVE_CEILING``: a camera hung higher than the ceiling of the zone or level it stands in."""
    findings = []
    for level in project.levels:
        for camera in level.cameras:
            ceiling, zone_name, zone_id = _ceiling_at(level, camera)
            if camera.mount_height_m <= ceiling + 1e-9:
                continue
            level_name = level.name or level.id
            where_zh = f"区域“{zone_name}”" if zone_id else f"楼层“{level_name}”"
            where_en = f'zone "{zone_name}"' if zone_id else f'level "{level_name}"'
            values: dict[str, Any] = {"camera": camera.id, "mount_height_m": camera.mount_height_m,
                                      "ceiling_m": ceiling}
            f = Finding(
                code="CAMERA_ABOVE_CEILING",
                severity=pack.severity("CAMERA_ABOVE_CEILING"),
                message=pack.message("CAMERA_ABOVE_CEILING", "en", where=where_en, **values),
                message_zh=pack.message("CAMERA_ABOVE_CEILING", "zh", where=where_zh, **values),
                level=level.id,
                camera=camera.id,
                zone=zone_id,
            )
            f.details["mount_height_m"] = camera.mount_height_m
            f.details["ceiling_height_m"] = ceiling
            findings.append(f)
    return findings


def check_necessity(project: Project, pack: RulePack) -> list[Finding]:
    """``NECESSITY_NOT_STATED``: cameras while the venue's ``necessity`` is empty (error with face recognition)."""
    cameras = [cam for _, cam in project.cameras()]
    if not cameras or project.venue.necessity.strip():
        return []
    fr = any(cam.face_recognition for cam in cameras)
    devices = ("人脸识别设备", "face-recognition cameras") if fr else ("视频图像采集设备", "cameras")
    f = Finding(
        code="NECESSITY_NOT_STATED",
        severity=pack.severity("NECESSITY_NOT_STATED", face_recognition=fr),
        message=pack.message("NECESSITY_NOT_STATED", "en", devices=devices[1]),
        message_zh=pack.message("NECESSITY_NOT_STATED", "zh", devices=devices[0]),
    )
    f.details["face_recognition"] = fr
    f.remedies = [FillVenueField(field="necessity")]
    return [f]


def check_entrances(engine: ComplianceEngine, levels: Sequence[Level] | None = None) -> list[Finding]:
    """``NO_ENTRANCE``: watched zones with no door, doorway or open edge at all.

    A zone a camera stands in or announces (see :mod:`planner.rules.signs`)
    that no door, doorway or open edge joins to another zone or to the
    outside cannot be entered on the plan, so no sign check can find its
    entrances: that is reported instead of a silent pass. Stairs, lift and
    entrance zones are ways in of their own and are not reported.
    """
    findings = []
    for level in engine.project.levels if levels is None else levels:
        if not level.cameras or not level.zones:
            continue
        topology = engine.topology(level)
        regions = {}
        for cam in level.cameras:
            region = engine.coverage(level, cam).region
            if not region.is_empty:
                regions[cam.id] = region
        watched: dict[str, list[str]] = {z: list(c) for z, c in topology.announced(regions).items()}
        for cam, zid in zip(level.cameras, topology._zones_at([c.position for c in level.cameras]), strict=True):
            if zid is not None and cam.id not in watched.setdefault(zid, []):
                watched[zid].append(cam.id)
        linked = {z for link in topology.links for z in link if z is not None}
        names = {z.id: z.name or z.id for z in level.zones}
        for zone_id in sorted(watched.keys() - linked - topology.escapes):
            f = make_finding(engine.pack, "NO_ENTRANCE", level=level.id, zone=zone_id, zone_name=names[zone_id])
            f.details["cameras"] = sorted(watched[zone_id])
            f.remedies = [Redraw(zone=zone_id)]
            findings.append(f)
    return findings


def _venue_regions(level: Level, geo: LevelGeometry) -> tuple[BaseGeometry, BaseGeometry]:
    """The venue's outline widened by the graze margin, and the rest of the sight domain (both prepared)."""
    outline = venue_outline(level)
    inside = outline.buffer(GRAZE_M) if not outline.is_empty else outline
    shapely.prepare(inside)
    outside = shapely.box(*geo.free_space.bounds)
    outside = outside.difference(inside) if not inside.is_empty else outside
    shapely.prepare(outside)
    return inside, outside


def venue_outline(level: Level) -> BaseGeometry:
    """The venue's outline on ``level``: the union of its zones and wall bodies, holes filled."""
    parts = [to_polygon(z.polygon) for z in level.zones] + [wall_body(w) for w in level.walls]
    parts = [p for p in parts if not p.is_empty]
    if not parts:
        return shapely.Polygon()
    union = shapely.union_all(parts)
    filled = [shapely.Polygon(p.exterior) for p in shapely.get_parts(union) if p.geom_type == "Polygon"]
    return shapely.union_all(filled)


def check_beyond_venue(engine: ComplianceEngine, levels: Sequence[Level] | None = None) -> list[Finding]:
    """``COVERAGE_BEYOND_VENUE``: a camera sees more than the pack's tolerance outside the venue's outline.

    Its remedies (turn, narrow, shorten, mask) each keep the camera's view
    inside the outline and give it no view into a private space.
    """
    findings = []
    tol = engine.pack.beyond_venue_tolerance_m2
    for level in engine.project.levels if levels is None else levels:
        if not level.cameras:
            continue
        geo = engine.level_geometry(level)
        inside, outside = engine.level_cached(level, "venue_outline", partial(_venue_regions, level, geo))
        forbidden = [Forbidden(core=outside)]
        private = engine.private_zones(level)
        kw: dict[str, Any] = {"face_height_m": engine.project.venue.face_height_m,
                              "identify_px_per_m": engine.identify_px_per_m}
        for camera in level.cameras:
            cov = engine.coverage(level, camera)
            if cov.region.is_empty or (not inside.is_empty and inside.contains(cov.region)):
                continue
            beyond = cov.region.difference(inside) if not inside.is_empty else cov.region
            if beyond.area <= tol:
                continue
            origin = cov.viewpoint or camera.position
            coords = shapely.get_coordinates(beyond)
            distance = float(math.sqrt(((coords - origin) ** 2).sum(axis=1).max())) if len(coords) else 0.0
            remedies: list[Remedy] = []
            if engine.remedies:
                def private_ok(candidate: Camera, geo: LevelGeometry = geo, private: Any = private,
                               kw: dict[str, Any] = kw) -> bool:
                    return privacy_clear(geo, candidate, private, engine.pack.view_tolerance_m2, **kw)

                def find(camera: Camera = camera, cov: Any = cov, forbidden: Any = forbidden,
                         private_ok: Any = private_ok, geo: LevelGeometry = geo,
                         kw: dict[str, Any] = kw) -> list[Remedy]:
                    return [r for r in camera_remedies(geo, camera, cov, forbidden, tol, also_clean=private_ok, **kw)
                            if not isinstance(r, Remove)]

                remedies = list(engine.camera_cached(level, camera, "beyond_remedies", find))
            f = make_finding(engine.pack, "COVERAGE_BEYOND_VENUE", level=level.id, camera=camera.id,
                             area_m2=float(beyond.area), distance_m=distance, remedies=remedies)
            f.details["distance_m"] = round(distance, 1)
            findings.append(f)
    return findings
