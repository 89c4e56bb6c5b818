"""Plans as real data draws them: openings off their walls, self-closing doors, views beyond the walls,
and plans that cannot be judged (DESIGN §4, §5). One hand-built venue per imperfection (tests/venues.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import shapely

from planner.cli import main
from planner.geometry import LevelGeometry
from planner.geometry.openings import WallIndex, walls_pierced
from planner.geometry.vertical import vfov_deg
from planner.io import load_project, save_project
from planner.model import ModelError, Opening, Venue, Wall, Zone
from planner.rules import check_project
from planner.rules.remedies import FillVenueField
from tests.venues import FULL_NOTICE, hotel_corridor, street_entrance, toilet_off_corridor, walled_lobby


def codes(project, code=None):
    found = check_project(project).findings
    return [f for f in found if f.code == code] if code else found


def apply(project, finding, remedy) -> None:
    """Apply a remedy through the editor's path (its one model command)."""
    command = remedy.command(project, finding)
    assert command is not None, remedy
    command.apply(project)


# -- 1. openings -------------------------------------------------------------------------------------------


def test_door_drawn_15cm_off_its_wall_still_opens_the_toilet():
    project = toilet_off_corridor(door_offset=0.15)
    level = project.levels[0]
    assert [p.wall.id for p in walls_pierced(level.openings[0], level.walls)] == ["w_corr"]
    views = codes(project, "VIEW_INTO_PRIVATE_SPACE")
    assert [(f.camera, f.zone) for f in views] == [("c1", "room")]
    assert views[0].area_m2 > 2.0
    assert not codes(project, "OPENING_NOT_ON_WALL")


def test_lined_toilet_wall_is_pierced_through_both_layers():
    project = toilet_off_corridor(lined=True)
    level = project.levels[0]
    door = level.openings[0]
    assert {p.wall.id for p in walls_pierced(door, level.walls)} == {"w_corr", "w_lining"}
    assert WallIndex(level.walls).span(door) == pytest.approx(0.2 + 0.05 / 2 + 0.1 / 2)
    geo = LevelGeometry.from_level(level)
    # the door is a hole through both layers: a point in the toilet just behind it is seen from the corridor
    assert geo.visibility((5.45, 1.0)).contains(shapely.Point(5.45, 3.5))
    assert [(f.camera, f.zone) for f in codes(project, "VIEW_INTO_PRIVATE_SPACE")] == [("c1", "room")]


def test_door_on_a_wall_face_of_a_thick_wall_goes_through_it():
    wall = Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.5)
    door = Opening(id="d", segment=((2, 0.25), (3, 0.25)))  # drawn on the north face
    cut = walls_pierced(door, [wall])[0].cut
    assert cut.bounds == pytest.approx((2, -0.27, 3, 0.27))


def test_wall_meeting_the_doors_wall_end_on_is_not_cut():
    walls = [Wall(id="a", path=((0, 0), (10, 0))), Wall(id="b", path=((3.1, 0), (3.1, 5)))]
    door = Opening(id="d", segment=((2, 0), (3, 0)))
    assert [p.wall.id for p in walls_pierced(door, walls)] == ["a"]


def test_stray_door_is_reported_with_its_id_and_position():
    project = toilet_off_corridor(door_offset=0.4)
    found = codes(project, "OPENING_NOT_ON_WALL")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and f.level == "L1"
    assert f.details["opening"] == "d1"
    assert f.details["position"] == pytest.approx([5.45, 2.1])
    assert "d1" in f.message and "d1" in f.message_zh
    # the stray door opens nothing: the toilet stays sealed, and the finding says the check could not use it
    assert not codes(project, "VIEW_INTO_PRIVATE_SPACE")


def test_opening_on_a_zone_edge_without_walls_is_not_stray():
    project = toilet_off_corridor()
    level = project.levels[0]
    level.openings.append(Opening(id="d_edge", kind="doorway", segment=((1, 2.55), (2, 2.55))))
    level.walls = [w for w in level.walls if w.id != "w_corr"]
    project._reindex()
    assert not codes(project, "OPENING_NOT_ON_WALL")


def test_explicit_wall_reference_still_pierces_that_wall():
    wall = Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.2)
    far = Opening(id="d", segment=((2, 0.6), (3, 0.6)))
    assert walls_pierced(far, [wall]) == []
    named = Opening(id="d", segment=((2, 0.6), (3, 0.6)), wall="w")
    hits = walls_pierced(named, [wall])
    assert [p.wall.id for p in hits] == ["w"]
    assert hits[0].cut.bounds == pytest.approx((2, -0.12, 3, 0.12))
    project = toilet_off_corridor(door_offset=0.4)
    project.update("d1", wall="w_corr")
    assert not codes(project, "OPENING_NOT_ON_WALL")
    assert codes(project, "VIEW_INTO_PRIVATE_SPACE")


# -- 2. self-closing doors ------------------------------------------------------------------------------------


def test_hotel_corridor_facing_self_closing_doors_gives_warnings_not_errors():
    project = hotel_corridor()
    found = codes(project)
    assert not [f for f in found if f.code in ("VIEW_INTO_PRIVATE_SPACE", "DEVICE_IN_PRIVATE_SPACE")]
    open_views = {f.zone: f for f in found if f.code == "VIEW_WHEN_DOOR_OPEN"}
    assert set(open_views) == {"r101", "r102"}
    for zone, f in open_views.items():
        assert f.severity == "warning" and f.camera == "cam"
        assert f.area_m2 > 0.05
        assert f.details["doors"] == [{"r101": "door101", "r102": "door102"}[zone]]
        assert f.remedies


def test_the_same_doors_without_the_flag_are_errors():
    project = hotel_corridor()
    for door in ("door101", "door102"):
        project.update(door, self_closing=False)
    errors = {f.zone for f in codes(project, "VIEW_INTO_PRIVATE_SPACE")}
    assert errors == {"r101", "r102"}
    assert not codes(project, "VIEW_WHEN_DOOR_OPEN")


def test_window_beside_a_self_closing_door_stays_an_error():
    project = hotel_corridor(window=True)
    errors = codes(project, "VIEW_INTO_PRIVATE_SPACE")
    assert [(f.camera, f.zone) for f in errors] == [("cam", "r101")]
    assert {f.zone for f in codes(project, "VIEW_WHEN_DOOR_OPEN")} == {"r101", "r102"}


def test_every_door_open_remedy_clears_the_open_door_view():
    base = hotel_corridor()
    finding = next(f for f in codes(base, "VIEW_WHEN_DOOR_OPEN") if f.zone == "r101")
    assert {r.kind for r in finding.remedies} >= {"shorten", "privacy_mask"}
    for remedy in finding.remedies:
        project = hotel_corridor()
        apply(project, finding, remedy)
        left = [f for f in codes(project) if f.zone == "r101" and f.code.startswith("VIEW_")]
        assert not left, remedy


def test_self_closing_is_saved_only_when_set(tmp_path: Path):
    project = hotel_corridor()
    path = tmp_path / "h.json"
    save_project(project, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    doors = {o["id"]: o for o in raw["levels"][0]["openings"]}
    assert doors["door101"]["self_closing"] is True
    assert "self_closing" not in doors["lift_way"]
    assert load_project(path).get("door101").self_closing is True
    with pytest.raises(ModelError, match="self_closing"):
        project.update("door101", self_closing="yes")


# -- 3. coverage beyond the venue -----------------------------------------------------------------------


def test_entrance_camera_sees_the_street_to_its_full_range():
    project = street_entrance(range_m=30.0)
    found = codes(project, "COVERAGE_BEYOND_VENUE")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and f.camera == "entry"
    # a 60° wedge of 30 m is 471 m²; all but the shop's 1 m strip lies in the street
    assert f.area_m2 == pytest.approx(471.2 - 0.6, rel=0.03)
    assert f.details["distance_m"] == pytest.approx(30.0, abs=0.2)
    assert "shorten" in {r.kind for r in f.remedies}  # the whole view is street: a mask would blind it
    assert "remove" not in {r.kind for r in f.remedies}
    assert all(r.coverage_kept is not None for r in f.remedies)


def test_coverage_is_not_cut_at_ten_metres_beyond_the_plan():
    from planner.geometry import CoverageEngine

    project = street_entrance(range_m=30.0)
    level = project.levels[0]
    cov = CoverageEngine().coverage(level, level.cameras[0])
    assert cov.region.bounds[1] == pytest.approx(1.0 - 30.0, abs=0.05)


def test_beyond_venue_remedies_clear_the_finding():
    f = codes(street_entrance(), "COVERAGE_BEYOND_VENUE")[0]
    for remedy in f.remedies:
        project = street_entrance()
        apply(project, f, remedy)
        assert not codes(project, "COVERAGE_BEYOND_VENUE"), remedy


def test_beyond_venue_work_is_kept_between_checks_until_the_camera_or_plan_changes(monkeypatch):
    """The editor checks again after every edit: the outline and a camera's remedies are not made again
    unless what they depend on changed, and then they are (the findings follow the change)."""
    import planner.rules.fixes as fixes
    import planner.rules.soundness as soundness
    from planner.rules.engine import ComplianceEngine

    outlines, searches = [], []
    real_outline, real_remedies = soundness.venue_outline, soundness.camera_remedies
    monkeypatch.setattr(soundness, "venue_outline", lambda level: outlines.append(1) or real_outline(level))
    monkeypatch.setattr(soundness, "camera_remedies",
                        lambda *a, **k: searches.append(1) or real_remedies(*a, **k))
    assert fixes.camera_remedies is real_remedies
    project = street_entrance()
    engine = ComplianceEngine(project)
    first = [f for f in check_project(project, engine=engine).findings if f.code == "COVERAGE_BEYOND_VENUE"]
    again = [f for f in check_project(project, engine=engine).findings if f.code == "COVERAGE_BEYOND_VENUE"]
    assert (len(outlines), len(searches)) == (1, 1) and first == again and first[0].remedies
    project.update("entry", heading_deg=170.0)  # the camera turns: its remedies are found again
    turned = [f for f in check_project(project, engine=engine).findings if f.code == "COVERAGE_BEYOND_VENUE"]
    assert (len(outlines), len(searches)) == (1, 2) and turned[0].area_m2 != first[0].area_m2
    project.update("w", thickness_m=0.3)  # the plan changes: the outline is made again
    check_project(project, engine=engine)
    assert len(outlines) == 2 and len(searches) == 3
    engine.close()


def test_camera_inside_closed_walls_sees_nothing_beyond():
    project = walled_lobby()
    assert not codes(project, "COVERAGE_BEYOND_VENUE")


# -- 4. plans that cannot be judged --------------------------------------------------------------------


def test_camera_at_3_5_m_under_a_3_m_ceiling_is_an_error():
    found = codes(walled_lobby(door=True, mount_height_m=3.5, ceiling_m=3.0), "CAMERA_ABOVE_CEILING")
    assert [(f.severity, f.camera, f.zone) for f in found] == [("error", "cam", None)]
    assert found[0].details == {"mount_height_m": 3.5, "ceiling_height_m": 3.0}
    assert not codes(walled_lobby(door=True, mount_height_m=3.0, ceiling_m=3.0), "CAMERA_ABOVE_CEILING")


def test_zone_ceiling_overrides_the_levels():
    project = walled_lobby(door=True, mount_height_m=3.5, ceiling_m=3.0)
    project.update("lobby", ceiling_height_m=4.5)  # a double-height lobby
    assert not codes(project, "CAMERA_ABOVE_CEILING")
    project.update("lobby", ceiling_height_m=2.4)
    project.update("cam", mount_height_m=2.8)
    found = codes(project, "CAMERA_ABOVE_CEILING")
    assert [(f.camera, f.zone) for f in found] == [("cam", "lobby")]
    assert "Lobby" in found[0].message


def test_walled_lobby_with_no_door_cannot_have_its_signs_checked():
    found = codes(walled_lobby(), "NO_ENTRANCE")
    assert [(f.severity, f.zone) for f in found] == [("warning", "lobby")]
    assert found[0].details["cameras"] == ["cam"]
    assert not codes(walled_lobby(), "SIGN_MISSING")  # the silent pass the warning stands in for
    assert not codes(walled_lobby(door=True), "NO_ENTRANCE")
    assert codes(walled_lobby(door=True), "SIGN_MISSING")


def test_closed_rooms_without_cameras_are_not_reported():
    project = walled_lobby(door=True)
    project.insert("L1", Zone(id="shaft", name="Shaft", use="service", polygon=((20, 0), (22, 0), (22, 2), (20, 2))))
    project.insert("L1", Wall(id="ws", path=((20, 0), (22, 0), (22, 2), (20, 2), (20, 0))))
    assert not codes(project, "NO_ENTRANCE")


@pytest.mark.parametrize(("fr", "severity"), [(True, "error"), (False, "warning")])
def test_necessity_not_stated(fr, severity):
    project = walled_lobby(door=True)
    project.update("cam", face_recognition=fr)
    assert not codes(project, "NECESSITY_NOT_STATED")
    project.update("venue", necessity="")
    found = codes(project, "NECESSITY_NOT_STATED")
    assert [(f.severity, f.remedies) for f in found] == [(severity, [FillVenueField(field="necessity")])]
    project.update("venue", necessity="   ")
    assert codes(project, "NECESSITY_NOT_STATED")


def test_no_cameras_no_necessity_finding():
    project = walled_lobby()
    project.remove("cam")
    project.update("venue", necessity="")
    assert not codes(project, "NECESSITY_NOT_STATED")


@pytest.mark.parametrize(("field", "value"), [
    ("mount_height_m", -0.5), ("mount_height_m", 150.0), ("tilt_deg", 95.0), ("tilt_deg", -91.0),
    ("hfov_deg", 0.0), ("hfov_deg", 400.0), ("range_m", 0.0), ("range_m", -3.0), ("range_m", 20_000.0),
    ("resolution", [0, 1080]),
])
def test_camera_values_outside_physical_sense_are_refused(field, value):
    project = walled_lobby()
    with pytest.raises(ModelError, match=field):
        project.update("cam", **{field: value})
    assert project.get("cam").mount_height_m == 2.8


def test_vertical_fov_of_a_lens_at_180_deg_is_not_capped_below_the_hemisphere():
    assert vfov_deg(180.0, 1920, 1080) == 180.0
    assert vfov_deg(270.0, 1920, 1080) == 180.0
    assert 170.0 < vfov_deg(179.0, 1920, 1080) < 180.0


# -- from the command line ------------------------------------------------------------------------------


def test_new_codes_from_the_cli(tmp_path: Path):
    project = toilet_off_corridor(door_offset=0.4)
    level = project.levels[0]
    level.ceiling_height_m = 3.0
    project.update("c1", mount_height_m=3.5)
    project.update("venue", necessity="")
    path = tmp_path / "p.vplan"
    save_project(project, path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(path), "--format", "json"], out=out, err=err) == 1, err.getvalue()
    data = json.loads(out.getvalue())
    found = {f["code"]: f for f in data["findings"]}
    assert {"OPENING_NOT_ON_WALL", "CAMERA_ABOVE_CEILING", "NECESSITY_NOT_STATED"} <= set(found)
    assert found["OPENING_NOT_ON_WALL"]["opening"] == "d1"
    assert found["OPENING_NOT_ON_WALL"]["position"] == [5.45, 2.1]
    text = io.StringIO()
    main(["check", str(path)], out=text, err=io.StringIO())
    assert "OPENING_NOT_ON_WALL" in text.getvalue() and "CAMERA_ABOVE_CEILING" in text.getvalue()


def test_cli_reports_door_open_and_beyond_venue(tmp_path: Path):
    for project, code in ((hotel_corridor(), "VIEW_WHEN_DOOR_OPEN"), (street_entrance(), "COVERAGE_BEYOND_VENUE")):
        path = tmp_path / f"{code}.json"
        save_project(project, path)
        out = io.StringIO()
        main(["check", str(path), "--format", "json"], out=out, err=io.StringIO())
        found = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == code]
        assert found and all(f["severity"] == "warning" and f["area_m2"] > 0 and f["remedies"] for f in found)


def test_full_notice_venue_states_necessity():
    assert Venue(**FULL_NOTICE).necessity


def test_every_finding_code_of_the_pack_is_documented():
    from planner.rules.pack import load_rule_pack

    doc = (Path(__file__).parents[2] / "docs" / "checks.md").read_text(encoding="utf-8")
    pack = load_rule_pack("cn-2025")
    for code, rule in pack.data["rules"].items():
        assert f"| `{code}` | {rule['severity']}" in doc or f"| `{code}` | {rule.get('severity_face_recognition')}" \
            in doc, code


def test_a_watched_zone_whose_use_is_not_set_is_said_not_passed():
    """An imported toilet labelled in a language the vocabulary does not know (use ``other``)."""
    from tests.venues import corridor_and_restroom

    project = corridor_and_restroom()
    level = project.levels[0]
    wc = next(z for z in level.zones if z.id == "wc")
    wc.use, wc.name = "other", "STRANIŠČE"
    found = {(f.camera, f.zone): f for f in codes(project, "USE_NOT_SET")}
    # c1 looks in through the doorway, c2 hangs inside: both are said; the corridor (use set) is not
    assert set(found) == {("c1", "wc"), ("c2", "wc")}
    assert all(f.severity == "warning" and "STRANIŠČE" in f.message and "未设定用途" in f.message_zh
               for f in found.values())
    assert found[("c1", "wc")].area_m2 > 0.05
    assert not codes(project, "VIEW_INTO_PRIVATE_SPACE") and not codes(project, "DEVICE_IN_PRIVATE_SPACE")
    # once the use is set, the privacy checks judge the zone and the warning goes
    project_again = corridor_and_restroom()
    assert not codes(project_again, "USE_NOT_SET")
    assert codes(project_again, "VIEW_INTO_PRIVATE_SPACE") and codes(project_again, "DEVICE_IN_PRIVATE_SPACE")
    # a zone nobody watches gives nothing
    far = corridor_and_restroom()
    far.levels[0].zones.append(Zone(id="store", name="Keramika", use="other", polygon=((20, 20), (24, 20), (24, 24),
                                                                                      (20, 24))))
    assert not codes(far, "USE_NOT_SET")
