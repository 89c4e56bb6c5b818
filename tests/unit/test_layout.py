"""Automatic camera layout: profiles, catalogue, solver, optimiser on venues whose optimum is known by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from planner.io import load_project, save_project
from planner.layout import LayoutOptions, layout_command, load_catalogue, load_profile, plan_level, user_model
from planner.layout.catalogue import CatalogueError, catalogue_from_json, hfov_deg
from planner.layout.profile import ProfileError, profile_from_json
from planner.layout.solve import CoverProblem, greedy, solve_cover
from planner.model import Zone
from planner.rules import check_project, load_rule_pack
from tests.unit import layout_venues as venues

PRIVACY_CODES = {"VIEW_INTO_PRIVATE_SPACE", "DEVICE_IN_PRIVATE_SPACE"}


def _apply(project, lay):
    cmd = layout_command(project, [lay])
    if cmd is not None:
        cmd.apply(project)
    return project


def _errors(project):
    return [(f.code, f.camera, f.zone) for f in check_project(project).findings
            if f.code in PRIVACY_CODES or f.code == "SIGN_MISSING"]


# -- catalogue ---------------------------------------------------------------
def test_catalogue_hfov_follows_the_lens_formula():
    from planner.layout.catalogue import SENSOR_FORMATS

    cat = load_catalogue()
    kinds = {m.kind for m in cat}
    assert kinds == {"fixed", "ptz", "fisheye"}
    for m in cat:
        if m.kind == "fixed":
            assert m.hfov_deg == pytest.approx(hfov_deg(m.focal_mm, SENSOR_FORMATS[m.sensor]), abs=0.06), m.id
        assert m.cost > 0 and m.name["zh"] and m.name["en"]
    focals = {(m.focal_mm, m.resolution) for m in cat if m.kind == "fixed"}
    assert {(f, r) for f in (2.8, 4.0, 6.0, 12.0) for r in ((1920, 1080), (2560, 1440))} <= focals


def test_user_model_from_sensor_focal_and_resolution():
    m = user_model("cam", sensor_width_mm=6.4, focal_mm=3.2, resolution=(3840, 2160), cost=2.0)
    assert m.hfov_deg == pytest.approx(2 * math.degrees(math.atan(6.4 / 6.4)))  # 90°
    assert m.camera("c", position=(1, 2)).hfov_deg == pytest.approx(90.0)
    with pytest.raises(CatalogueError, match="sensor"):
        user_model("x", sensor="1/9\"", focal_mm=3, resolution=(10, 10))
    with pytest.raises(CatalogueError, match=r"models\[0\]: missing 'resolution'"):
        catalogue_from_json({"models": [{"id": "a", "hfov_deg": 90}]})
    cat = catalogue_from_json({"models": [{"id": "a", "sensor": '1/3"', "focal_mm": 4, "resolution": [1920, 1080]}]})
    assert cat["a"].hfov_deg == pytest.approx(61.9, abs=0.05)


def test_lens_calculator_uses_the_catalogue_formula():
    from planner.layout import catalogue
    from planner.ui import lens

    assert lens.hfov_deg is catalogue.hfov_deg and lens.SENSOR_FORMATS is catalogue.SENSOR_FORMATS
    assert [m.id for m in lens.catalogue_models()] == [m.id for m in load_catalogue()]


# -- profile -----------------------------------------------------------------
def test_profile_levels_private_never_and_zone_override():
    p = load_profile("default")
    private = load_rule_pack("cn-2025").private_uses("all_devices")
    assert p.level_for_use("entrance") == "identify" and p.px_per_m("identify") == 250.0
    assert p.level_for_use("reception") == "recognise" and p.level_for_use("corridor") == "observe"
    assert p.level_for_use("parking") == "detect" and p.door_level == "identify" and p.door_depth_m == 2.0
    assert p.zone_level(Zone(id="z", use="office", coverage="observe"), private) == "observe"
    assert p.zone_level(Zone(id="z", use="lobby", coverage="none"), private) == "none"
    # private uses come from the rule pack: never watched, whatever the zone says
    assert p.zone_level(Zone(id="z", use="restroom", coverage="identify"), private) == "none"
    assert p.zone_level(Zone(id="z", use="restroom"), frozenset()) == "none"  # profile has no level for it
    assert p.name["zh"] and p.name["en"]
    with pytest.raises(ProfileError, match=r"profile\.uses\.lobby"):
        profile_from_json({"uses": {"lobby": "watch"}})


def test_zone_coverage_field_round_trips(tmp_path):
    project = venues.corridor()
    project.levels[0].zones[0].coverage = "recognise"
    save_project(project, tmp_path / "p.vplan")
    again = load_project(tmp_path / "p.vplan")
    assert again.levels[0].zones[0].coverage == "recognise"
    from planner.model import FieldError

    with pytest.raises(FieldError):
        Zone.convert("coverage", "watch")


# -- solver ------------------------------------------------------------------
def test_milp_beats_greedy_and_proves_it():
    # greedy takes the big set first and then needs both small ones
    cols = [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5], [4], [5]]
    p = CoverProblem.build(cols, [1.0, 1.0, 1.0, 0.6, 0.6], np.ones(6))
    assert p.costs[greedy(p)].sum() == pytest.approx(2.2)
    s = solve_cover(p, time_limit=5)
    assert s.optimal and s.objective == pytest.approx(2.0) and s.bound == pytest.approx(2.0) and s.gap < 1e-6
    assert s.lp_bound is not None and s.lp_bound <= 2.0 + 1e-9


def test_local_search_swaps_two_for_one_cheaper():
    from planner.layout.solve import improve

    p = CoverProblem.build([[0, 1, 2, 3], [0, 1], [2, 3], [3]], [1.5, 1.0, 1.0, 0.2], np.ones(4))
    ids = [int(j) for j in p.column_of]
    two = [ids.index(1), ids.index(2)]
    assert [ids[j] for j in improve(p, two)] == [0]
    # a redundant column is simply dropped
    p = CoverProblem.build([[0, 1], [1, 2], [0, 1, 2]], [1.0, 1.0, 1.5], np.ones(3))
    ids = [int(j) for j in p.column_of]
    assert [ids[j] for j in improve(p, [ids.index(2), ids.index(0)])] == [2]


def test_budget_maximises_covered_weight():
    cols = [[0, 1, 2], [3, 4], [5]]
    p = CoverProblem.build(cols, [1.0, 1.0, 1.0], np.array([1, 1, 1, 5, 5, 1.0]), reduce_rows=False)
    s = solve_cover(p, time_limit=5, max_cameras=1)
    assert [int(p.column_of[j]) for j in s.chosen] == [1] and s.covered_weight == pytest.approx(10.0)
    s = solve_cover(p, time_limit=5, max_cost=2.0)
    assert sorted(int(p.column_of[j]) for j in s.chosen) == [0, 1]


def test_dominated_columns_and_rows_are_dropped():
    p = CoverProblem.build([[0, 1], [0, 1, 2], [2], [3]], [1.0, 1.0, 1.0, 1.0], np.ones(4))
    assert sorted(int(j) for j in p.column_of) == [1, 3]


# -- optimiser on venues with a known optimum ----------------------------------
def test_corridor_needs_one_camera_at_each_end():
    project = venues.corridor(24.0)
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=10))
    assert lay.complete and lay.solution.optimal
    assert len(lay.cameras) == 2
    west, east = sorted(lay.cameras, key=lambda c: c.position[0])
    assert west.position[0] < 3.0 and east.position[0] > 21.0
    # each looks along the corridor, towards the other end
    assert math.sin(math.radians(west.heading_deg)) > 0.5 and math.sin(math.radians(east.heading_deg)) < -0.5
    assert not _errors(_apply(project, lay))


def test_l_shaped_lobby_needs_two():
    # One camera cannot do: a fixed or PTZ camera never meets faces at its own foot (the bottom edge of the
    # image meets face height some way out), and the fisheye's observe reach (6.4 m) cannot hold the far
    # ends of both 10 m arms (14 m apart).
    project = venues.l_lobby(arm=10.0, width=3.0)
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=10, objective="count"))
    assert lay.complete and lay.solution.optimal
    assert len(lay.cameras) == 2
    assert not _errors(_apply(project, lay))


def test_lobby_beside_open_restroom_doorway_is_watched_without_seeing_in():
    project = venues.lobby_beside_restroom()
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=10))
    assert lay.complete
    wc = shapely.Polygon(project.level("L1").zones[1].polygon)
    for cam in lay.cameras:
        assert not wc.buffer(0.3).contains(shapely.Point(cam.position))
    _apply(project, lay)
    assert not _errors(project)
    # the restroom is not announced as watched, and what the layout needs is met
    assert all(z.zone_id != "wc" for z in lay.zones)


def test_poses_that_would_see_in_are_masked_or_dropped():
    """Every candidate pose, as the checks judge it, keeps the restroom out of view."""
    from planner.layout.candidates import candidates, mounts
    from planner.layout.requirements import level_requirements
    from planner.rules.engine import ComplianceEngine

    project = venues.lobby_beside_restroom()
    level = project.level("L1")
    engine = ComplianceEngine(project, bands=False, remedies=False)
    geo = engine.level_geometry(level)
    req = level_requirements(level, geo, engine.topology(level), load_profile(), engine.pack.private_uses())
    allowed = shapely.box(0.1, 0.1, 9.9, 7.9)
    core = shapely.union_all([p.core for p in engine.private_zones(level)])
    blocked = np.zeros(len(req), dtype=bool)
    spots = mounts(geo, allowed)
    cands = candidates(geo, req, spots, list(load_catalogue()), core, blocked_out=blocked)
    assert cands and blocked.any() and any(c.masks for c in cands)
    try:
        for k, c in enumerate(cands[:: max(1, len(cands) // 120)] + [c for c in cands if c.masks][:40]):
            cam = c.camera(f"probe{k}", spots)
            project.insert("L1", cam)
            assert not engine.view_findings(level, cam), (c.model.id, cam.position, cam.heading_deg, cam.privacy_masks)
            project.remove(cam.id)
    finally:
        engine.close()


def test_entrance_door_band_and_signs_follow():
    project = venues.entrance_hall()
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=10))
    (hall,) = lay.zones
    assert hall.level == "identify" and hall.door_level == "identify" and hall.complete
    assert lay.signs, "the hall becomes a CCTV area: its street door needs a sign"
    _apply(project, lay)
    assert not _errors(project)


def test_keep_existing_and_budget():
    project = venues.corridor(24.0)
    first = plan_level(project, "L1", LayoutOptions(time_limit_s=10, max_cameras=1))
    assert len(first.cameras) == 1 and not first.complete
    assert "budget" in first.zones[0].reason
    assert 0 < first.zones[0].met_m2 < first.zones[0].required_m2
    _apply(project, first)
    more = plan_level(project, "L1", LayoutOptions(time_limit_s=10, keep_existing=True))
    assert not more.removed and more.complete and len(more.cameras) == 1
    assert {c.id for c in more.cameras}.isdisjoint({c.id for c in project.level("L1").cameras})


def test_no_wall_to_mount_on_is_reported():
    lay = plan_level(venues.open_plaza(), "L1", LayoutOptions(time_limit_s=5))
    assert not lay.cameras and not lay.complete
    assert "no wall to mount on" in lay.zones[0].reason


@pytest.mark.parametrize("door_x", [1.5, 4.0, 6.5])
def test_property_no_proposal_sees_into_or_stands_in_a_private_zone(door_x):
    project = venues.lobby_beside_restroom(door_x)
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=5))
    wc = shapely.Polygon(project.level("L1").zones[1].polygon)
    assert all(not wc.intersects(shapely.Point(c.position)) for c in lay.cameras)
    _apply(project, lay)
    assert not _errors(project)
    assert lay.met_m2 >= 0.95 * lay.reachable_m2


@pytest.mark.slow
def test_hotel_ground_floor_from_scratch_passes_privacy_and_sign_checks():
    from planner.assets import sample_path

    project = load_project(sample_path("harbour-hotel"))
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=15))
    assert lay.removed and lay.cameras
    assert lay.met_m2 >= 0.95 * lay.reachable_m2
    _apply(project, lay)
    errors = [e for e in _errors(project) if e[1] is None or e[1].startswith("L1")]
    assert not [e for e in errors if e[0] in PRIVACY_CODES]
    assert not [f for f in check_project(project).findings if f.code == "SIGN_MISSING" and f.level == "L1"]
