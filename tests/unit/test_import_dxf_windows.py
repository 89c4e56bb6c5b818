"""Windows drawn as glazing lines, not blocks, on layers named like nothing glassy: a camera sees through them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, Polygon

from planner.cli import main
from planner.importers import import_plan
from planner.io import save_project
from planner.model import Camera
from tests.unit.import_fixtures import GLAZED_DOORS, GLAZED_ROOMS, GLAZED_WINDOWS, glazed_window_dxf


def zone_at(level, xy):
    return next(z for z in level.zones if Polygon(z.polygon).contains(Point(xy)))


@pytest.mark.parametrize("layer", ["0", "A-WALL"])
def test_glazing_lines_in_a_wall_gap_make_a_window_a_camera_sees_through(tmp_path: Path, layer: str) -> None:
    """Three thin lines across the gap of the corridor wall (on layer 0, or on the wall layer itself) are the
    toilet's borrowed-light window: a window opening over the gap, no opaque wall in it, the toilet a room of
    its own; a camera in the corridor looking at it is flagged for its view into the toilet."""
    result = import_plan(glazed_window_dxf(tmp_path / "glazed.dxf", layer), render=False)
    level = result.project.levels[0]
    toilet = zone_at(level, GLAZED_ROOMS["男厕"])
    assert (toilet.name, toilet.use) == ("男厕", "restroom")
    assert Polygon(toilet.polygon).area == pytest.approx(12.0, abs=0.2)  # not merged with the corridor
    assert zone_at(level, GLAZED_ROOMS["走廊"]).name == "走廊"
    windows = sorted(tuple(sorted(o.segment)) for o in level.openings if o.kind == "window")
    assert windows == sorted(tuple(sorted(w)) for w in GLAZED_WINDOWS)
    assert all(o.extra["import"]["found"] == "glazing" for o in level.openings if o.kind == "window")
    doors = sorted(tuple(sorted(o.segment)) for o in level.openings if o.kind == "door")
    assert doors == sorted(tuple(sorted(d)) for d in GLAZED_DOORS)
    (a, b), _ = GLAZED_WINDOWS
    inner = LineString([(a[0] + 0.15, a[1]), (b[0] - 0.15, b[1])])
    blocking = [w for w in level.walls if w.material == "opaque" and LineString(w.path).distance(inner) < 0.12
                and not any(o.kind == "window" and o.wall == w.id for o in level.openings)]
    assert not blocking, [w.path for w in blocking]  # glazing makes no opaque wall in the gap
    assert {w.thickness_m for w in level.walls} == {0.2}  # walls stay 0.2 m centre-lines

    level.cameras.append(Camera(id="c1", position=(1.75, 1.0), heading_deg=0.0))  # in the corridor, facing the glass
    path = tmp_path / "glazed.vplan"
    save_project(result.project, path)
    out = io.StringIO()
    assert main(["check", str(path), "--format", "json"], out=out, err=io.StringIO()) == 1
    findings = json.loads(out.getvalue())["findings"]
    views = [(f["severity"], f["camera"], f["zone"]) for f in findings if f["code"] == "VIEW_INTO_PRIVATE_SPACE"]
    assert views == [("error", "c1", toilet.id)]
    assert not [f for f in findings if f["code"] == "DEVICE_IN_PRIVATE_SPACE"]


def test_a_window_drawn_inside_a_continuous_wall(tmp_path: Path) -> None:
    """The office's window: four lines on the wall layer where the wall's faces run on through it. The two
    inner lines (the glass) make a window on that wall, and the thin wall the pairing made of them is gone."""
    level = import_plan(glazed_window_dxf(tmp_path / "glazed.dxf", "A-WALL"), render=False).project.levels[0]
    (window,) = [o for o in level.openings if o.kind == "window" and o.wall is not None]
    assert sorted(window.segment) == sorted(GLAZED_WINDOWS[1])
    wall = next(w for w in level.walls if w.id == window.wall)
    assert wall.thickness_m == 0.2 and LineString(wall.path).distance(Point(7.0, 6.0)) < 1e-6
    assert not [w for w in level.walls if w.thickness_m < 0.2]


def test_lines_in_a_door_gap_or_too_few_are_no_window(tmp_path: Path) -> None:
    """A single line in a gap (a threshold) is no window; a gap already holding a door stays a door."""
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for y in (-0.1, 0.1):  # a 0.2 m wall along y = 0 with two gaps: x 2-3 and x 5-6
        for x0, x1 in ((0, 2), (3, 5), (6, 9)):
            msp.add_line((x0, y), (x1, y), dxfattribs={"layer": "WALL"})
    for x in (2, 3, 5, 6):
        msp.add_line((x, -0.1), (x, 0.1), dxfattribs={"layer": "WALL"})
    msp.add_line((2, 0), (3, 0), dxfattribs={"layer": "0"})  # one threshold line
    for y in (-0.05, 0.05):  # a door's gap with lines across it (a sill), and the door's swing
        msp.add_line((5, y), (6, y), dxfattribs={"layer": "0"})
    msp.add_arc((5, 0.1), 1.0, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((5, 0.1), (5, 1.1), dxfattribs={"layer": "DOOR"})
    path = tmp_path / "gaps.dxf"
    doc.saveas(path)
    level = import_plan(path, render=False).project.levels[0]
    (door,) = level.openings
    assert door.kind == "door" and sorted(door.segment) == [(5.0, 0.0), (6.0, 0.0)]
