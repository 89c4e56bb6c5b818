"""Run a rule pack's checks over a project and collect findings.

>>> from planner.model import Project, Level, Zone, Camera, Venue
>>> level = Level(id="L1", zones=[Zone(id="wc", name="WC", use="restroom",
...                                    polygon=((0, 0), (3, 0), (3, 3), (0, 3)))],
...               cameras=[Camera(id="c1", position=(1, 1))])
>>> venue = Venue(name="Demo", operator="Demo Ltd.", contact="010 5555 0100")
>>> result = check_project(Project(venue=venue, levels=[level]))
>>> [(f.code, f.camera, f.zone) for f in result.findings]  # no walls: the camera also sees beyond the zone
[('DEVICE_IN_PRIVATE_SPACE', 'c1', 'wc'), ('NECESSITY_NOT_STATED', None, None), ('COVERAGE_BEYOND_VENUE', 'c1', None)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shapely

from planner.geometry.convert import to_linestring, to_polygon
from planner.model import Level, Project
from planner.rules.engine import ComplianceEngine
from planner.rules.findings import CheckResult, Finding, make_finding
from planner.rules.pack import RulePack, load_rule_pack
from planner.rules.parallel import run_levels
from planner.rules.remedies import AddSign, FillVenueField, Redraw, SignSpec
from planner.rules.signs import Entrance, SignRequirement, requirements_for_area, satisfying_sign
from planner.rules.soundness import (
    check_beyond_venue,
    check_ceilings,
    check_entrances,
    check_necessity,
    check_openings,
    level_opening_findings,
)
from planner.rules.unzoned import check_no_zones, check_private_labels

__all__ = ["CHECKS", "check_project", "fr_cameras"]

def fr_cameras(project: Project) -> list[tuple[Level, str]]:
    """``(level, camera id)`` of every face-recognition camera."""
    return [(level, cam.id) for level, cam in project.cameras() if cam.face_recognition]


def check_devices_in_private_spaces(engine: ComplianceEngine) -> list[Finding]:
    """``DEVICE_IN_PRIVATE_SPACE``: a camera's position lies in a private zone (or on its edge)."""
    findings: list[Finding] = []
    for level, camera in engine.project.cameras():
        findings.extend(engine.device_findings(level, camera))
    return findings


def _wall_problem(path: tuple[tuple[float, float], ...], closed: bool) -> str | None:
    """Why a wall path is unusable (folds back on itself, crosses itself), or ``None``."""
    if closed and len(set(path)) < 3:
        return "the closed path folds back on itself"
    line = shapely.LinearRing(path) if closed else to_linestring(path)
    return None if line.is_simple else "the path crosses itself"


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
                f = make_finding(pack, "INVALID_GEOMETRY", what="zone", id=zone.id, reason=reason, level=level.id)
                f.zone = zone.id
                repaired = to_polygon(zone.polygon)
                f.details["repaired_area_m2"] = round(repaired.area, 3)
                f.remedies = [Redraw(zone=zone.id)]
                findings.append(f)
        for wall in level.walls:
            reason = _wall_problem(wall.path, wall.closed)
            if reason:
                f = make_finding(pack, "INVALID_GEOMETRY", what="wall", id=wall.id, reason=reason, level=level.id)
                f.details["wall"] = wall.id
                f.remedies = [Redraw(wall=wall.id)]
                findings.append(f)
    return findings


def check_notice(project: Project, pack: RulePack) -> list[Finding]:
    """``NOTICE_INCOMPLETE``: facts the signs must state are missing (the pack's ``cctv_notice_fields`` for
    every camera, its ``fr_notice_fields`` with face recognition); ``NO_ALTERNATIVE`` with face recognition."""
    has_fr = bool(fr_cameras(project))
    if not has_fr and not any(level.cameras for level in project.levels):
        return []
    venue = project.venue
    findings = []
    wanted = list(pack.data.get("cctv_notice_fields", ("operator", "contact")))
    if has_fr:
        wanted += pack.data.get("fr_notice_fields", [])
    missing = [name for name in dict.fromkeys(wanted) if not str(getattr(venue, name, "") or "").strip()]
    if missing:
        f = make_finding(pack, "NOTICE_INCOMPLETE", fields=missing)
        f.details["missing_fields"] = missing
        f.remedies = [FillVenueField(field=name) for name in missing]
        findings.append(f)
    if has_fr and not venue.alternative.strip():
        f = make_finding(pack, "NO_ALTERNATIVE")
        f.remedies = [FillVenueField(field="alternative")]
        findings.append(f)
    return findings


def check_filing(project: Project, pack: RulePack) -> list[Finding]:
    """``FILING_REQUIRED`` (and ``FILING_UNKNOWN``) by the expected number of enrolled people."""
    if not fr_cameras(project) or project.venue.filing_reference.strip():
        return []
    people = project.venue.expected_enrolled_people
    threshold = pack.filing_threshold
    if people is None:
        f = make_finding(pack, "FILING_UNKNOWN", threshold=threshold)
        f.remedies = [FillVenueField(field="expected_enrolled_people")]
        return [f]
    if people >= threshold:
        f = make_finding(pack, "FILING_REQUIRED", people=people, threshold=threshold)
        f.remedies = [FillVenueField(field="filing_reference")]
        return [f]
    return []


def check_impact_assessment(project: Project, pack: RulePack) -> list[Finding]:
    """``IMPACT_ASSESSMENT_REQUIRED`` while face recognition is used and no assessment is recorded."""
    if not fr_cameras(project) or project.venue.impact_assessment_date.strip():
        return []
    f = make_finding(pack, "IMPACT_ASSESSMENT_REQUIRED")
    f.remedies = [FillVenueField(field="impact_assessment_date")]
    return [f]


def check_views(engine: ComplianceEngine) -> list[Finding]:
    """``VIEW_INTO_PRIVATE_SPACE`` for every camera, with remedies."""
    findings: list[Finding] = []
    for level, camera in engine.project.cameras():
        findings.extend(engine.view_findings(level, camera))
    return findings


def check_signs(
    engine: ComplianceEngine, levels: Sequence[Level] | None = None
) -> tuple[list[Finding], list[SignRequirement]]:
    """``SIGN_MISSING`` for every entrance into an FR or CCTV area without a fitting sign (on ``levels``: all)."""
    pack = engine.pack
    findings: list[Finding] = []
    required: list[SignRequirement] = []
    for level in engine.project.levels if levels is None else levels:
        if not level.cameras:
            continue
        topology = engine.topology(level)
        obstacles = topology.obstacles
        coverages = {cam.id: engine.coverage(level, cam) for cam in level.cameras}
        fr = {cid: c.fr_region for cid, c in coverages.items() if c.fr_region is not None and not c.fr_region.is_empty}
        cctv = {cid: c.region for cid, c in coverages.items() if not c.region.is_empty}
        fr_reqs = requirements_for_area(topology, "fr_notice", fr)
        fr_entrances = {_entrance_key(r) for r in fr_reqs}
        cctv_reqs = [r for r in requirements_for_area(topology, "cctv_notice", cctv)
                     if _entrance_key(r) not in fr_entrances]
        for req in [*fr_reqs, *cctv_reqs]:
            req.satisfied_by = satisfying_sign(req, level.signs, obstacles)
            required.append(req)
            if req.satisfied_by is None:
                area = {"zh": "人脸识别区域", "en": "face-recognition area"} if req.kind == "fr_notice" else \
                    {"zh": "视频监控区域", "en": "CCTV area"}
                kind_name = {"fr_notice": ("人脸识别提示", "face-recognition notice"),
                             "cctv_notice": ("视频监控提示", "CCTV notice")}[req.kind]
                words = _entrance_words(level, req.entrance)
                f = Finding(
                    code="SIGN_MISSING",
                    severity=pack.severity("SIGN_MISSING"),
                    message=pack.message("SIGN_MISSING", "en", area=area["en"], entrance=words[1], kind=kind_name[1]),
                    message_zh=pack.message("SIGN_MISSING", "zh", area=area["zh"], entrance=words[0],
                                            kind=kind_name[0]),
                    level=level.id,
                    zone=req.entrance.inside_zone,
                )
                f.details["sign_kind"] = req.kind
                f.details["entrance"] = [list(p) for p in req.entrance.segment]
                f.details["opening"] = req.entrance.opening
                f.details["cameras"] = req.cameras
                f.remedies = [AddSign(sign=SignSpec(
                    kind=req.kind, position=(round(req.position[0], 3), round(req.position[1], 3)),
                    facing_deg=round(req.facing_deg, 1), mount_height_m=req.mount_height_m, size=req.size))]
                findings.append(f)
    return findings, required


def _entrance_words(level: Level, entrance: Entrance) -> tuple[str, str]:
    """``(zh, en)`` naming an entrance by the zones on either side and its opening.

    >>> from planner.model import Level, Zone
    >>> lv = Level(id="L1", zones=[Zone(id="a", name="Lobby 大堂", use="lobby", polygon=((0, 0), (4, 0), (4, 4)))])
    >>> _entrance_words(lv, Entrance(segment=((1, 0), (2, 0)), outward=(0, -1), opening="d1", inside_zone="a"))
    ('从室外进入“Lobby 大堂”（门 d1）', 'from outside into "Lobby 大堂" (door d1)')
    """
    def name(zid: str | None) -> tuple[str, str]:
        if zid is None:
            return "室外", "outside"
        zone = next((z for z in level.zones if z.id == zid), None)
        label = (zone.name or zone.use.replace("_", " ")) if zone is not None else zid
        return f"“{label}”", f'"{label}"'

    out_zh, out_en = name(entrance.outside_zone)
    in_zh, in_en = name(entrance.inside_zone)
    zh, en = f"从{out_zh}进入{in_zh}", f"from {out_en} into {in_en}"
    if entrance.opening is not None:
        opening = next((o for o in level.openings if o.id == entrance.opening), None)
        kind = opening.kind if opening is not None else "door"
        door_zh, door_en = {"window": ("窗", "window"), "doorway": ("门洞", "doorway")}.get(kind, ("门", "door"))
        zh += f"（{door_zh} {entrance.opening}）"
        en += f" ({door_en} {entrance.opening})"
    return zh, en


def _entrance_key(req: SignRequirement) -> tuple[Any, ...]:
    if req.entrance.opening is not None:
        return ("opening", req.entrance.opening)
    (ax, ay), (bx, by) = req.entrance.segment
    return ("open", round(ax, 2), round(ay, 2), round(bx, 2), round(by, 2))


#: The checks that need no geometry engine, in report order.
CHECKS: list[Callable[[Project, RulePack], list[Finding]]] = [
    check_geometry,
    check_openings,
    check_ceilings,
    check_no_zones,
    check_necessity,
    check_notice,
    check_filing,
    check_impact_assessment,
]

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_project(
    project: Project, pack: RulePack | None = None, *, engine: ComplianceEngine | None = None, jobs: int = 1
) -> CheckResult:
    """Run every check of ``pack`` (default: the venue's rule pack) over ``project``.

    Pass a long-lived ``engine`` to reuse cached geometry and per-camera results.
    ``jobs`` > 1 checks the levels in that many processes (same result, same order).
    """
    pack = pack or (engine.pack if engine else load_rule_pack(project.venue.rule_pack))
    own_engine = engine is None or engine.pack.id != pack.id or engine.project is not project
    if own_engine:
        engine = ComplianceEngine(project, pack, bands=False)
    assert engine is not None
    try:
        return _check(project, pack, engine, jobs)
    finally:
        if own_engine:
            engine.close()


def _level_checks(engine: ComplianceEngine, level: Level) -> tuple[list[list[Finding]], list[SignRequirement]]:
    """The geometric checks of one level: its findings by check (in report order) and its sign requirements.

    The first list is its ``OPENING_NOT_ON_WALL`` findings (reported with the checks of :data:`CHECKS`).
    """
    # the level's sight geometry already knows which walls each opening pierces (built only for cameras)
    obstacles = engine.level_geometry(level).obstacles if level.cameras else None
    openings = level_opening_findings(level, engine.pack, obstacles.pierced if obstacles is not None else None)
    cameras = [(level, cam) for cam in level.cameras]
    devices = [f for lv, cam in cameras for f in engine.device_findings(lv, cam)]
    views = [f for lv, cam in cameras for f in engine.view_findings(lv, cam)]
    beyond = check_beyond_venue(engine, [level])
    signs, required = check_signs(engine, [level])
    entrances = check_entrances(engine, [level])
    labels = check_private_labels(engine, level)
    return [openings, devices, views, labels, beyond, signs, entrances], required


def _check(project: Project, pack: RulePack, engine: ComplianceEngine, jobs: int = 1) -> CheckResult:
    findings: list[Finding] = []
    per_level = run_levels(project, _level_checks, engine=engine, jobs=jobs,
                           make_engine=lambda: ComplianceEngine(project, pack, bands=False))
    for check in CHECKS:
        if check is check_openings:  # found level by level with the geometric checks
            findings.extend(f for phases, _ in per_level for f in phases[0])
        else:
            findings.extend(check(project, pack))
    signs_required = [req for _, required in per_level for req in required]
    for k in range(1, len(per_level[0][0]) if per_level else 0):
        findings.extend(f for phases, _ in per_level for f in phases[k])
    findings.sort(key=lambda f: _SEVERITY_ORDER.get(f.severity, 9))
    cameras = [cam for _, cam in project.cameras()]
    return CheckResult(
        project_name=project.venue.name,
        rule_pack=pack.id,
        findings=findings,
        signs_required=signs_required,
        cameras=len(cameras),
        face_recognition_cameras=sum(1 for c in cameras if c.face_recognition),
    )
