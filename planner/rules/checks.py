"""Run a rule pack's checks over a project and collect findings.

>>> from planner.model import Project, Level, Zone, Camera, Venue
>>> level = Level(id="L1", zones=[Zone(id="wc", name="WC", use="restroom",
...                                    polygon=((0, 0), (3, 0), (3, 3), (0, 3)))],
...               cameras=[Camera(id="c1", position=(1, 1))])
>>> result = check_project(Project(venue=Venue(name="Demo"), levels=[level]))
>>> [(f.code, f.camera, f.zone) for f in result.findings]
[('DEVICE_IN_PRIVATE_SPACE', 'c1', 'wc')]
"""

from __future__ import annotations

from collections.abc import Callable

import shapely
from shapely.geometry import Point
from shapely.ops import nearest_points

from planner.geometry.convert import to_linestring, to_point, to_polygon
from planner.model import Level, Project
from planner.rules.findings import CheckResult, Finding
from planner.rules.pack import RulePack, load_rule_pack

__all__ = ["CHECKS", "check_project", "fr_cameras"]

#: Distance a "move" remedy puts the camera inside the nearest public zone, in metres.
MOVE_MARGIN_M = 0.3


def fr_cameras(project: Project) -> list[tuple[Level, str]]:
    """``(level, camera id)`` of every face-recognition camera."""
    return [(level, cam.id) for level, cam in project.cameras() if cam.face_recognition]


def _finding(pack: RulePack, code: str, **values: object) -> Finding:
    fmt = {k: v for k, v in values.items() if k not in ("level", "camera", "zone", "area_m2", "remedies")}
    fmt.update({k: values[k] for k in ("camera", "zone", "area_m2") if k in values})
    zh = pack.message(code, "zh", **_localised(pack, fmt, "zh"))
    en = pack.message(code, "en", **_localised(pack, fmt, "en"))
    return Finding(
        code=code,
        severity=pack.severity(code),
        message=en,
        message_zh=zh,
        level=values.get("level"),  # type: ignore[arg-type]
        camera=values.get("camera"),  # type: ignore[arg-type]
        zone=values.get("zone"),  # type: ignore[arg-type]
        area_m2=values.get("area_m2"),  # type: ignore[arg-type]
        remedies=list(values.get("remedies", [])),  # type: ignore[call-overload]
    )


def _localised(pack: RulePack, values: dict[str, object], lang: str) -> dict[str, object]:
    out = dict(values)
    if "use" in out:
        out["use"] = pack.use_name(str(out["use"]), lang)
    if "fields" in out and isinstance(out["fields"], (list, tuple)):
        sep = "、" if lang == "zh" else ", "
        out["fields"] = sep.join(pack.field_name(str(name), lang) for name in out["fields"])
    return out


def check_devices_in_private_spaces(project: Project, pack: RulePack) -> list[Finding]:
    """``DEVICE_IN_PRIVATE_SPACE``: a camera's position lies in a private zone (or on its edge)."""
    findings = []
    all_private = pack.private_uses("all_devices")
    fr_private = pack.private_uses("face_recognition")
    for level in project.levels:
        zones = [(z, to_polygon(z.polygon)) for z in level.zones]
        public = shapely.union_all([g for z, g in zones if z.use not in all_private])
        for cam in level.cameras:
            private = fr_private | all_private if cam.face_recognition else all_private
            where = to_point(cam.position)
            for zone, geom in zones:
                if zone.use in private and geom.buffer(1e-9).covers(where):
                    findings.append(
                        _finding(
                            pack,
                            "DEVICE_IN_PRIVATE_SPACE",
                            level=level.id,
                            camera=cam.id,
                            zone=zone.id,
                            use=zone.use,
                            remedies=_move_out_remedies(public, where),
                        )
                    )
                    break
    return findings


def _move_out_remedies(public: shapely.Geometry, where: Point) -> list[dict[str, object]]:
    remedies: list[dict[str, object]] = [{"kind": "remove"}]
    if public.is_empty:
        return remedies
    inner = public.buffer(-MOVE_MARGIN_M)
    target_area = inner if not inner.is_empty else public
    target = nearest_points(target_area, where)[0]
    remedies.insert(0, {"kind": "move", "position": [round(target.x, 3), round(target.y, 3)]})
    return remedies


def check_geometry(project: Project, pack: RulePack) -> list[Finding]:
    """``INVALID_GEOMETRY``: self-intersecting or degenerate zones, self-crossing walls."""
    findings = []
    for level in project.levels:
        for zone in level.zones:
            raw = shapely.Polygon(zone.polygon)
            reason = None
            if not raw.is_valid:
                reason = shapely.is_valid_reason(raw)
            elif raw.area < 0.01:
                reason = f"area {raw.area:.4f} m² is degenerate"
            if reason:
                f = _finding(pack, "INVALID_GEOMETRY", what="zone", id=zone.id, reason=reason, level=level.id)
                f.zone = zone.id
                repaired = to_polygon(zone.polygon)
                f.details["repaired_area_m2"] = round(repaired.area, 3)
                f.remedies = [{"kind": "redraw", "zone": zone.id}]
                findings.append(f)
        for wall in level.walls:
            line = to_linestring(wall.path)
            if not line.is_simple and not (wall.closed and shapely.LinearRing(wall.path[:-1]).is_simple):
                f = _finding(pack, "INVALID_GEOMETRY", what="wall", id=wall.id, reason="the path crosses itself",
                             level=level.id)
                f.details["wall"] = wall.id
                f.remedies = [{"kind": "redraw", "wall": wall.id}]
                findings.append(f)
    return findings


def check_notice(project: Project, pack: RulePack) -> list[Finding]:
    """``NOTICE_INCOMPLETE`` and ``NO_ALTERNATIVE`` for projects with face recognition."""
    if not fr_cameras(project):
        return []
    venue = project.venue
    findings = []
    missing = [name for name in pack.data.get("fr_notice_fields", []) if not str(getattr(venue, name, "")).strip()]
    if missing:
        f = _finding(pack, "NOTICE_INCOMPLETE", fields=missing)
        f.details["missing_fields"] = missing
        f.remedies = [{"kind": "fill_venue_field", "field": name} for name in missing]
        findings.append(f)
    if not venue.alternative.strip():
        f = _finding(pack, "NO_ALTERNATIVE")
        f.remedies = [{"kind": "fill_venue_field", "field": "alternative"}]
        findings.append(f)
    return findings


def check_filing(project: Project, pack: RulePack) -> list[Finding]:
    """``FILING_REQUIRED`` (and ``FILING_UNKNOWN``) by the expected number of enrolled people."""
    if not fr_cameras(project) or project.venue.filing_reference.strip():
        return []
    people = project.venue.expected_enrolled_people
    threshold = pack.filing_threshold
    if people is None:
        f = _finding(pack, "FILING_UNKNOWN", threshold=threshold)
        f.remedies = [{"kind": "fill_venue_field", "field": "expected_enrolled_people"}]
        return [f]
    if people >= threshold:
        f = _finding(pack, "FILING_REQUIRED", people=people, threshold=threshold)
        f.remedies = [{"kind": "fill_venue_field", "field": "filing_reference"}]
        return [f]
    return []


def check_impact_assessment(project: Project, pack: RulePack) -> list[Finding]:
    """``IMPACT_ASSESSMENT_REQUIRED`` while face recognition is used and no assessment is recorded."""
    if not fr_cameras(project) or project.venue.impact_assessment_date.strip():
        return []
    f = _finding(pack, "IMPACT_ASSESSMENT_REQUIRED")
    f.remedies = [{"kind": "fill_venue_field", "field": "impact_assessment_date"}]
    return [f]


#: The checks run by :func:`check_project`, in report order.
CHECKS: list[Callable[[Project, RulePack], list[Finding]]] = [
    check_geometry,
    check_devices_in_private_spaces,
    check_notice,
    check_filing,
    check_impact_assessment,
]

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_project(project: Project, pack: RulePack | None = None) -> CheckResult:
    """Run every check of ``pack`` (default: the venue's rule pack) over ``project``."""
    pack = pack or load_rule_pack(project.venue.rule_pack)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(project, pack))
    findings.sort(key=lambda f: _SEVERITY_ORDER.get(f.severity, 9))
    cameras = [cam for _, cam in project.cameras()]
    return CheckResult(
        project_name=project.venue.name,
        rule_pack=pack.id,
        findings=findings,
        signs_required=[],
        cameras=len(cameras),
        face_recognition_cameras=sum(1 for c in cameras if c.face_recognition),
    )
