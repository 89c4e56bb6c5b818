"""Propose a camera layout for a level: cover what the profile requires, keep private spaces dark, post the signs.

:func:`plan_level` samples the required areas (:mod:`planner.layout.requirements`),
generates candidate poses (:mod:`planner.layout.candidates`), solves the
weighted set cover (:mod:`planner.layout.solve`), then checks the proposal
with the compliance engine on a copy of the project: a camera that the checks
find looking into a private space (or standing in one) is banned and the cover
solved again. The signs the checks then ask for are added. The result holds
the model commands that apply it (one undoable step) and a report per zone.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import to_polygon, to_segment
from planner.io.codec import decode_project, encode_project
from planner.layout.candidates import Candidate, Mount, candidates, mounts
from planner.layout.catalogue import CameraModel, Catalogue, load_catalogue
from planner.layout.profile import CoverageProfile, load_profile
from planner.layout.requirements import Requirements, camera_meets, level_requirements
from planner.layout.solve import CoverProblem, Solution, solve_cover
from planner.model import AddItem, Camera, Command, Level, Macro, Project, RemoveItem, Sign
from planner.rules.checks import check_signs
from planner.rules.engine import ComplianceEngine
from planner.rules.pack import RulePack, load_rule_pack
from planner.rules.remedies import AddSign

__all__ = ["LayoutOptions", "ZoneReport", "LevelLayout", "plan_level", "plan_project", "layout_command",
           "met_samples", "signs_for"]

#: Clearance of a mount from private zones and from doors and doorways.
PRIVATE_CLEARANCE_M = 0.3
DOOR_CLEARANCE_M = 0.6
_MAX_ROUNDS = 4


@dataclass
class LayoutOptions:
    """What to optimise and how hard."""

    profile: CoverageProfile | None = None
    catalogue: Catalogue | None = None
    mount_height_m: float = 2.8
    spacing_m: float = 1.0
    heading_step_deg: float = 15.0
    time_limit_s: float = 30.0
    keep_existing: bool = False
    max_cameras: int | None = None
    max_cost: float | None = None
    zone_ids: set[str] | None = None
    objective: str = "cost"  # or "count"
    use_milp: bool = True
    local_search: bool = True
    threads: int | None = None
    signs: bool = True

    def __post_init__(self) -> None:
        if not 2.6 <= self.mount_height_m <= 3.0:
            raise ValueError(f"mount_height_m: expected 2.6-3.0 m, got {self.mount_height_m:g}")
        if not 10.0 <= self.heading_step_deg <= 15.0:
            raise ValueError(f"heading_step_deg: expected 10-15°, got {self.heading_step_deg:g}")


@dataclass
class ZoneReport:
    """One zone: the required area, the area met at the required density, and why the rest is not."""

    zone_id: str
    name: str
    use: str
    level: str
    door_level: str | None
    required_m2: float
    met_m2: float
    reachable_m2: float
    reason: str | None = None

    @property
    def complete(self) -> bool:
        return self.met_m2 >= self.required_m2 - 1e-9


@dataclass
class LevelLayout:
    """A proposal for one level."""

    level_id: str
    cameras: list[Camera]
    models: dict[str, str]
    removed: list[str]
    signs: list[Sign]
    zones: list[ZoneReport]
    cost: float
    solution: Solution | None
    candidates: int
    mounts: int
    seconds: float
    banned: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(z.complete for z in self.zones)

    @property
    def required_m2(self) -> float:
        return sum(z.required_m2 for z in self.zones)

    @property
    def met_m2(self) -> float:
        return sum(z.met_m2 for z in self.zones)

    @property
    def reachable_m2(self) -> float:
        return sum(z.reachable_m2 for z in self.zones)

    def to_json(self) -> dict[str, Any]:
        s = self.solution
        return {
            "level": self.level_id,
            "cameras": [{"id": c.id, "model": self.models.get(c.id), "position": list(c.position),
                         "heading_deg": c.heading_deg, "tilt_deg": c.tilt_deg, "hfov_deg": round(c.hfov_deg, 1),
                         "privacy_masks": [list(m) for m in c.privacy_masks]} for c in self.cameras],
            "removed": self.removed,
            "signs": [s_.id for s_ in self.signs],
            "zones": [{"zone": z.zone_id, "name": z.name, "use": z.use, "level": z.level, "door_level": z.door_level,
                       "required_m2": round(z.required_m2, 2), "met_m2": round(z.met_m2, 2),
                       "reachable_m2": round(z.reachable_m2, 2), "reason": z.reason} for z in self.zones],
            "cost": round(self.cost, 3),
            "bound": None if s is None or not math.isfinite(s.bound) else round(s.bound, 3),
            "lp_bound": None if s is None or s.lp_bound is None else round(s.lp_bound, 3),
            "gap": None if s is None or not math.isfinite(s.gap) else round(s.gap, 4),
            "method": None if s is None else s.method,
            "optimal": bool(s and s.optimal),
            "candidates": self.candidates,
            "seconds": round(self.seconds, 2),
            "complete": self.complete,
        }


def _clone(project: Project) -> Project:
    return decode_project(encode_project(project))


def _allowed(level: Level, engine: ComplianceEngine, private_ids: set[str]) -> BaseGeometry:
    """Where a camera may hang: zones that are not private, clear of private zones, doors and doorways."""
    public = [to_polygon(z.polygon) for z in level.zones if z.id not in private_ids]
    if not public:
        return shapely.Polygon()
    area = shapely.union_all(public).intersection(engine.level_geometry(level).free_space)
    blocked = [to_polygon(z.polygon).buffer(PRIVATE_CLEARANCE_M) for z in level.zones if z.id in private_ids]
    blocked += [to_segment(o.segment).buffer(DOOR_CLEARANCE_M) for o in level.openings if o.kind != "window"]
    return area.difference(shapely.union_all(blocked)) if blocked else area


def met_samples(engine: ComplianceEngine, level: Level, req: Requirements,
                cameras: Sequence[Camera] | None = None) -> np.ndarray:
    """Samples of ``req`` that the ``cameras`` (default: the level's) meet at the density they need."""
    geo = engine.level_geometry(level)
    met = np.zeros(len(req), dtype=bool)
    for cam in level.cameras if cameras is None else cameras:
        met |= camera_meets(geo, cam, req)
    return met


def _fresh_ids(project: Project, prefix: str, n: int) -> list[str]:
    used = project.ids()
    out: list[str] = []
    k = 1
    while len(out) < n:
        cid = f"{prefix}{k}"
        if cid not in used:
            out.append(cid)
        k += 1
    return out


def plan_level(project: Project, level_id: str, options: LayoutOptions | None = None, *,
               pack: RulePack | None = None) -> LevelLayout:
    """Propose cameras and signs for one level of ``project`` (the project itself is not changed)."""
    t0 = time.perf_counter()
    options = options or LayoutOptions()
    profile = options.profile or load_profile("default")
    catalogue = options.catalogue or load_catalogue()
    pack = pack or load_rule_pack(project.venue.rule_pack)
    work = _clone(project)
    level = work.level(level_id)
    removed = [] if options.keep_existing else [c.id for c in level.cameras]
    for cid in removed:
        work.remove(cid)
    engine = ComplianceEngine(work, pack, bands=False, remedies=False)
    try:
        return _plan(project, work, level, engine, profile, catalogue, options, removed, t0)
    finally:
        engine.close()


def _plan(original: Project, work: Project, level: Level, engine: ComplianceEngine, profile: CoverageProfile,
          catalogue: Catalogue, options: LayoutOptions, removed: list[str], t0: float) -> LevelLayout:
    private_all = engine.pack.private_uses("all_devices")
    pzs = [p for p in engine.private_zones(level) if not p.fr_only]
    private_ids = {p.zone.id for p in pzs}
    geo = engine.level_geometry(level)
    topology = engine.topology(level)
    req = level_requirements(level, geo, topology, profile, private_all,
                             target_height_m=work.venue.face_height_m, zone_ids=options.zone_ids)
    existing_met = met_samples(engine, level, req) if options.keep_existing else np.zeros(len(req), dtype=bool)
    allowed = _allowed(level, engine, private_ids)
    mount_list = mounts(geo, allowed, options.spacing_m)
    private_core = shapely.union_all([p.core for p in pzs]) if pzs else shapely.Polygon()
    blocked = np.zeros(len(req), dtype=bool)
    models: list[CameraModel] = list(catalogue)
    cands = candidates(geo, req, mount_list, models, private_core, mount_height_m=options.mount_height_m,
                       heading_step_deg=options.heading_step_deg, blocked_out=blocked)
    reachable = existing_met.copy()
    for c in cands:
        reachable[c.meets] = True
    banned: set[int] = set()
    solution: Solution | None = None
    chosen: list[Candidate] = []
    new_cams: list[Camera] = []
    remaining = options.time_limit_s
    for _round in range(_MAX_ROUNDS):
        pool = [i for i in range(len(cands)) if i not in banned]
        columns = [cands[i].meets[~existing_met[cands[i].meets]] for i in pool]
        costs = [1.0 if options.objective == "count" else cands[i].cost for i in pool]
        problem = CoverProblem.build(columns, costs, np.full(len(req), req.cell_m2),
                                     reduce_rows=options.max_cameras is None and options.max_cost is None)
        ts = time.perf_counter()
        solution = solve_cover(problem, time_limit=max(1.0, remaining), max_cameras=options.max_cameras,
                               max_cost=options.max_cost, threads=options.threads, use_milp=options.use_milp,
                               local_search=options.local_search)
        remaining -= time.perf_counter() - ts
        picked = [pool[int(problem.column_of[j])] for j in solution.chosen]
        chosen = [cands[i] for i in picked]
        ids = _fresh_ids(original, f"{level.id}-auto-", len(chosen))
        new_cams = [c.camera(cid, mount_list, name=f"{c.model.label('en')}") for c, cid in zip(chosen, ids,
                                                                                               strict=True)]
        bad = _privacy_errors(work, level, engine, new_cams)
        if not bad:
            break
        banned |= {picked[k] for k, cam in enumerate(new_cams) if cam.id in bad}
    else:
        keep = [k for k, cam in enumerate(new_cams) if cam.id not in _privacy_errors(work, level, engine, new_cams)]
        chosen = [chosen[k] for k in keep]
        new_cams = [new_cams[k] for k in keep]
    for cam in new_cams:
        work.insert(level.id, cam)
    signs = _place_signs(original, work, level, engine) if options.signs else []
    met = met_samples(engine, level, req)
    zones = _zone_reports(req, met, reachable, blocked, mount_list, level)
    model_of = {cam.id: c.model.id for cam, c in zip(new_cams, chosen, strict=True)}
    return LevelLayout(level.id, new_cams, model_of, removed, signs, zones, float(sum(c.cost for c in chosen)),
                       solution, len(cands), len(mount_list), time.perf_counter() - t0, len(banned))


def _privacy_errors(work: Project, level: Level, engine: ComplianceEngine, cams: Sequence[Camera]) -> set[str]:
    """Ids of ``cams`` that the checks find looking into, or standing in, a private space."""
    bad: set[str] = set()
    private = engine.private_zones(level)
    for cam in cams:
        work.insert(level.id, cam)
    try:
        for cam in cams:
            if engine.view_findings(level, cam):
                bad.add(cam.id)
                continue
            vp = engine.coverage(level, cam).viewpoint
            pts = [shapely.Point(cam.position)] + ([shapely.Point(vp)] if vp is not None else [])
            if any(shapely.intersects(pz.polygon, p) for pz in private if not pz.fr_only or cam.face_recognition
                   for p in pts):
                bad.add(cam.id)
    finally:
        for cam in cams:
            work.remove(cam.id)
    return bad


def _place_signs(original: Project, work: Project, level: Level, engine: ComplianceEngine) -> list[Sign]:
    """Add the signs the checks ask for on ``level`` (in ``work``) and return them."""
    findings, _required = check_signs(engine)
    specs = []
    for f in findings:
        if f.code != "SIGN_MISSING" or f.level != level.id:
            continue
        for remedy in f.remedies:
            if isinstance(remedy, AddSign):
                specs.append(remedy.sign)
                break
    used = original.ids() | work.ids()
    signs = []
    k = 1
    for spec in specs:
        while f"{level.id}-auto-sign-{k}" in used:
            k += 1
        sign = spec.as_sign(f"{level.id}-auto-sign-{k}")
        used.add(sign.id)
        work.insert(level.id, sign)
        signs.append(sign)
    return signs


def _zone_reports(req: Requirements, met: np.ndarray, reachable: np.ndarray, blocked: np.ndarray,
                  mount_list: Sequence[Mount], level: Level) -> list[ZoneReport]:
    out = []
    polys = {z.id: to_polygon(z.polygon) for z in level.zones}
    for z in req.zones:
        idx = z.indices
        unmet = idx[~met[idx]]
        reason = None
        if len(unmet):
            unreachable = unmet[~reachable[unmet]]
            if len(unreachable) and blocked[unreachable].any():
                reason = "a private space is in the way: every pose that could watch part of it also sees into one"
            elif len(unreachable):
                poly = polys.get(z.zone_id)
                has_mount = poly is not None and any(poly.buffer(0.3).contains(shapely.Point(m.x, m.y))
                                                     for m in mount_list)
                reason = ("out of reach at the required density from every wall mount" if has_mount else
                          "no wall to mount on in or near the zone (or none clear of doors and private spaces)")
            else:
                reason = "not met within the budget or time limit"
        out.append(ZoneReport(z.zone_id, z.name, z.use, z.level, z.door_level, len(idx) * req.cell_m2,
                              int(met[idx].sum()) * req.cell_m2,
                              int(reachable[idx].sum()) * req.cell_m2, reason))
    return out


def plan_project(project: Project, options: LayoutOptions | None = None,
                 level_ids: Sequence[str] | None = None) -> list[LevelLayout]:
    """:func:`plan_level` for each level (all by default)."""
    ids = list(level_ids) if level_ids else [lv.id for lv in project.levels]
    return [plan_level(project, lid, options) for lid in ids]


def signs_for(project: Project, level_id: str, add: Sequence[Camera], remove: Sequence[str] = (),
              pack: RulePack | None = None) -> list[Sign]:
    """The signs the checks would ask for on ``level_id`` once ``add`` is placed and ``remove`` taken away."""
    work = _clone(project)
    for cid in remove:
        work.remove(cid)
    for cam in add:
        work.insert(level_id, cam.copy())
    engine = ComplianceEngine(work, pack or load_rule_pack(project.venue.rule_pack), bands=False, remedies=False)
    try:
        return _place_signs(project, work, work.level(level_id), engine)
    finally:
        engine.close()


def layout_command(project: Project, layouts: Sequence[LevelLayout], *,
                   cameras: set[str] | None = None) -> Macro | None:
    """One undoable step that applies the proposals to ``project``.

    With ``cameras`` only those proposed cameras are placed, and the signs are
    worked out again for what is placed.
    """
    commands: list[Command] = []
    for lay in layouts:
        cams = [cam for cam in lay.cameras if cameras is None or cam.id in cameras]
        signs = lay.signs if cameras is None else signs_for(project, lay.level_id, cams, lay.removed)
        commands += [RemoveItem(cid) for cid in lay.removed]
        commands += [AddItem(lay.level_id, cam.copy()) for cam in cams]
        commands += [AddItem(lay.level_id, sign.copy()) for sign in signs]
    if not commands:
        return None
    n = sum(1 for c in commands if isinstance(c, AddItem) and isinstance(c.entity, Camera))
    return Macro(f"Suggest {n} cameras", commands)
