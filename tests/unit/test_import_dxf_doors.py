"""Door blocks as real drawings insert them: off the wall's centre-line, mirrored, scaled, with their swing drawn
as a spline, in partitions drawn on the door layer. Each must become an opening in the wall it belongs to."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, Polygon

from planner.cli import main
from planner.importers import import_plan
from planner.io import save_project
from planner.model import Camera
from tests.unit.import_fixtures import OFF_WALL_DOORS, OFF_WALL_ROOMS, off_wall_doors_dxf

REAL_UK = Path(__file__).resolve().parents[3] / "realdxf" / "uk_house_ground_lhs.dxf"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory):
    return import_plan(off_wall_doors_dxf(tmp_path_factory.mktemp("doors") / "doors.dxf"), render=False)


def zone_at(level, xy):
    return next(z for z in level.zones if Polygon(z.polygon).contains(Point(xy)))


def test_off_wall_door_blocks_are_openings_in_their_walls(office) -> None:
    """Doors whose block origin sits on the wall's face (hinge) or centre (frame), mirrored or scaled, span their
    wall's gap exactly on its centre-line; a wall behind the swing does not attract them."""
    level = office.project.levels[0]
    doors = [o for o in level.openings if o.kind == "door"]
    assert sorted(tuple(sorted(d.segment)) for d in doors) == sorted(tuple(sorted(g)) for g in OFF_WALL_DOORS)
    walls = [LineString(w.path) for w in level.walls]
    for door in doors:  # each door's ends are jambs: wall ends on the door's own line
        for end in door.segment:
            assert min(w.distance(Point(end)) for w in walls) < 1e-6, door
    assert not [w for w in office.warnings if "lie on no wall" in w]


def test_partitions_drawn_on_the_door_layer_are_walls_and_rooms_close(office) -> None:
    """The user needs each room with its use: the WC a restroom of its own, not merged with the corridor."""
    level = office.project.levels[0]
    for name, xy in OFF_WALL_ROOMS.items():
        assert zone_at(level, xy).name == name
    assert zone_at(level, OFF_WALL_ROOMS["WC"]).use == "restroom"
    assert Polygon(zone_at(level, OFF_WALL_ROOMS["WC"]).polygon).area == pytest.approx(16.0, abs=0.2)
    partitions = [w for w in level.walls if w.extra["import"]["layer"] == "A-DOOR"]
    assert partitions and {w.thickness_m for w in partitions} == {0.1}
    assert {w.thickness_m for w in level.walls} == {0.1, 0.2}  # centre-lines with their thickness


def test_a_camera_in_the_imported_wc_is_flagged_and_no_door_is_off_its_wall(office, tmp_path: Path) -> None:
    project = office.project
    project.levels[0].cameras.append(Camera(id="c1", position=(2.0, 5.5), heading_deg=180.0))
    path = tmp_path / "doors.vplan"
    save_project(project, path)
    out = io.StringIO()
    assert main(["check", str(path), "--format", "json"], out=out, err=io.StringIO()) == 1
    findings = json.loads(out.getvalue())["findings"]
    wc = zone_at(project.levels[0], OFF_WALL_ROOMS["WC"])
    assert [(f["camera"], f["zone"]) for f in findings if f["code"] == "DEVICE_IN_PRIVATE_SPACE"] == [("c1", wc.id)]
    assert not [f for f in findings if f["code"] == "OPENING_NOT_ON_WALL"]


def test_the_real_uk_ground_floor_doors_sit_in_their_walls() -> None:
    """The UK ground floor's nine door blocks (origin on the frame's centre, swing a spline, mirrored) lie on the
    door lines they are drawn on, each on a wall (its partition, drawn on the door layer); the one drawn where the
    drawing has no wall (between two 10 cm jambs) is left out, and the warnings say where it was."""
    if not REAL_UK.is_file():
        pytest.skip("the real UK drawing is not present")
    result = import_plan(REAL_UK, render=False)
    level = result.project.levels[0]
    doors = [o for o in level.openings if o.kind == "door"]
    assert len(doors) == 8
    assert any("1 door(s) lie on no wall and were left out: d5 at (-0.30, -2.83)" in w for w in result.warnings)
    assert all(0.8 <= math.dist(*d.segment) <= 1.9 for d in doors)
    on_wall = [d for d in doors if any(LineString(w.path).distance(LineString(d.segment)) < 0.06 for w in level.walls)]
    assert len(on_wall) >= 7
