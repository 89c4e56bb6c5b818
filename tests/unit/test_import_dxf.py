"""DXF import: units, wall layers, rooms from walls and from polylines, labels, doors, bad files."""

from __future__ import annotations

from pathlib import Path

import ezdxf
import pytest
import shapely

from planner.importers import PlanImportError, UnitsRequiredError, import_plan
from planner.importers.dxf import import_dxf, is_wall_layer
from planner.io import load_project, save_project
from tests.unit.import_fixtures import hotel_floor_dxf, rooms_dxf


def zones_by_name(result):
    return {z.name: z for z in result.project.levels[0].zones}


def area(zone) -> float:
    return shapely.Polygon(zone.polygon).area


@pytest.mark.parametrize("units", ["mm", "m"])
def test_hotel_floor_imports_to_the_expected_zones(tmp_path: Path, units: str) -> None:
    result = import_plan(hotel_floor_dxf(tmp_path / f"floor-{units}.dxf", units=units))
    assert result.kind == "dxf" and result.units == units
    zones = zones_by_name(result)
    assert set(zones) == {"走廊", "男卫生间", "客房 8206", "Atrium"}
    assert zones["男卫生间"].use == "restroom"
    assert zones["客房 8206"].use == "hotel_room"
    assert zones["走廊"].use == "corridor"
    assert zones["Atrium"].use == "other"
    assert area(zones["走廊"]) == pytest.approx(20.0)
    assert area(zones["男卫生间"]) == pytest.approx(18.0)
    assert area(zones["客房 8206"]) == pytest.approx(14.0)
    assert area(zones["Atrium"]) == pytest.approx(8.0)
    assert result.unclassified_labels == ["Atrium"]


def test_walls_openings_and_review(tmp_path: Path) -> None:
    result = import_dxf(hotel_floor_dxf(tmp_path / "floor.dxf"))
    level = result.project.levels[0]
    assert len(level.walls) == 5
    assert {w.extra["import"]["layer"] for w in level.walls} == {"墙", "WALL", "A-WALL"}
    doors = sorted((o for o in level.openings if o.kind == "door"), key=lambda o: o.segment[0][0])
    assert [o.segment for o in doors] == [((2.0, 2.0), (2.9, 2.0)), ((6.0, 2.0), (6.8, 2.0))]
    assert doors[0].width_m == pytest.approx(0.9)  # M0921 drawn in the gap of the corridor wall
    assert doors[1].width_m == pytest.approx(0.8)  # the 门 block on a continuous wall
    assert all(o.wall is not None for o in doors)
    windows = [o for o in level.openings if o.kind == "window"]
    assert len(windows) == 1 and windows[0].width_m == pytest.approx(1.5)
    assert {tuple(sorted(p[1] for p in windows[0].segment))} == {(6.0, 6.0)}
    review = {r.name: r for r in result.review}
    assert review["男卫生间"].source_label == "男卫生间" and review["男卫生间"].confidence >= 0.9
    assert review["Atrium"].suggested_use == "other" and review["Atrium"].confidence == 0.0
    assert review["客房 8206"].source_label == "客房 8206"


def test_background_is_the_rendered_drawing(tmp_path: Path) -> None:
    result = import_dxf(hotel_floor_dxf(tmp_path / "floor.dxf"))
    level = result.project.levels[0]
    assert len(level.backgrounds) == 1
    bg = level.backgrounds[0]
    data = result.project.files[bg.source]
    assert data.startswith(b"\x89PNG")
    a, b, c, d, e, f = bg.transform
    assert a > 0 and d < 0 and b == c == 0
    assert e <= 0.0 and f >= 6.0  # the image covers the plan
    path = tmp_path / "out.vplan"
    save_project(result.project, path)
    again = load_project(path)
    assert again.files[bg.source] == data
    assert [z.use for z in again.levels[0].zones] == [z.use for z in level.zones]


def test_no_background_when_asked(tmp_path: Path) -> None:
    result = import_dxf(hotel_floor_dxf(tmp_path / "floor.dxf"), render=False)
    assert result.project.levels[0].backgrounds == []


def test_unitless_drawing_asks_for_units(tmp_path: Path) -> None:
    path = hotel_floor_dxf(tmp_path / "nounits.dxf", units="none")
    with pytest.raises(UnitsRequiredError) as info:
        import_plan(path)
    assert info.value.suggested == "mm"
    assert str(info.value).startswith(str(path))
    result = import_plan(path, units="mm")
    assert area(zones_by_name(result)["走廊"]) == pytest.approx(20.0)
    # the wrong unit gives a plan 1000 times larger, not an error
    outer = import_plan(path, units="m", render=False).project.levels[0].walls[0]
    assert outer.path[2] == (10000.0, 6000.0)


def test_units_option_overrides_the_header(tmp_path: Path) -> None:
    result = import_plan(hotel_floor_dxf(tmp_path / "floor.dxf", units="mm"), units="cm")
    assert result.units == "cm"
    assert result.project.levels[0].walls[0].path[2] == (100.0, 60.0)
    with pytest.raises(PlanImportError, match="unknown unit 'furlong'"):
        import_plan(tmp_path / "floor.dxf", units="furlong")


def test_layer_patterns_choose_the_walls(tmp_path: Path) -> None:
    path = hotel_floor_dxf(tmp_path / "floor.dxf", wall_layer="LINES-2")
    default = import_dxf(path, render=False)
    assert len(default.project.levels[0].walls) == 3  # LINES-2 is not a wall layer by name
    chosen = import_dxf(path, layers=["lines-?", "墙", "a-wall"], render=False)
    assert len(chosen.project.levels[0].walls) == 5
    none = import_dxf(path, layers=["nothing*"], render=False)
    assert none.project.levels[0].walls == []
    assert any("no wall layer" in w for w in none.warnings)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("WALL", True), ("A-WALL-EXTR", True), ("墙线", True), ("QIANG", True), ("柱子", True), ("COLUMN", True),
     ("幕墙", True), ("A-GLAZ-CURT", True), ("Wand (neu)", True), ("MURS", True), ("Crystal", True),
     ("A-320G - Permanent Solid Partitions 12", True), ("Muro", True),
     ("PUB_TEXT", False), ("DOOR", False), ("0", False), ("WINDOW", False)],
)
def test_wall_layer_names(name: str, expected: bool) -> None:
    assert is_wall_layer(name) is expected


def test_closed_polylines_and_hatches_are_rooms(tmp_path: Path) -> None:
    result = import_dxf(rooms_dxf(tmp_path / "rooms.dxf"))
    zones = zones_by_name(result)
    assert set(zones) == {"Fitting Room 2", "哺乳室"}  # the frame around both is an outline, not a room
    assert zones["Fitting Room 2"].use == "fitting_room"
    assert zones["哺乳室"].use == "lactation_room"
    assert area(zones["哺乳室"]) == pytest.approx(9.0)


def test_glass_layers_give_glass_walls(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_line((0, 0), (5, 0), dxfattribs={"layer": "A-GLAZ"})
    msp.add_line((0, 1), (5, 1), dxfattribs={"layer": "A-WALL"})
    msp.add_arc((0, 0), 2, 0, 90, dxfattribs={"layer": "A-WALL"})
    path = tmp_path / "glass.dxf"
    doc.saveas(path)
    walls = import_dxf(path, render=False).project.levels[0].walls
    assert sorted(w.material for w in walls) == ["glass", "opaque", "opaque"]
    arc = next(w for w in walls if len(w.path) > 2)
    assert all(abs(x * x + y * y - 4.0) < 0.05 for x, y in arc.path)


def test_block_references_are_exploded_and_layer_0_inherits(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 4
    room = doc.blocks.new("ROOM-TYPE-A")
    for a, b in [((0, 0), (3000, 0)), ((3000, 0), (3000, 3000)), ((3000, 3000), (0, 3000)), ((0, 3000), (0, 0))]:
        room.add_line(a, b)  # on layer 0: takes the layer of the reference
    room.add_text("更衣室", height=300, dxfattribs={"insert": (1000, 1500)})
    msp = doc.modelspace()
    msp.add_blockref("ROOM-TYPE-A", (10000, 0), dxfattribs={"layer": "WALL"})
    msp.add_blockref("ROOM-TYPE-A", (20000, 0), dxfattribs={"layer": "WALL", "rotation": 90})
    path = tmp_path / "blocks.dxf"
    doc.saveas(path)
    result = import_dxf(path, render=False)
    level = result.project.levels[0]
    assert len(level.walls) == 8
    assert all(w.extra["import"]["layer"] == "WALL" for w in level.walls)
    assert [z.use for z in level.zones] == ["changing_room", "changing_room"]


def test_room_tag_attributes_name_rooms(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    tag = doc.blocks.new("ROOMTAG")
    tag.add_attdef("NAME", (0, 0), dxfattribs={"height": 0.3})
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4, 0), (4, 4), (0, 4)], close=True, dxfattribs={"layer": "WALL"})
    ref = msp.add_blockref("ROOMTAG", (1, 2), dxfattribs={"layer": "TAGS"})
    ref.add_auto_attribs({"NAME": "Staff Rest Room"})
    path = tmp_path / "tags.dxf"
    doc.saveas(path)
    zones = import_dxf(path, render=False).project.levels[0].zones
    assert [(z.name, z.use) for z in zones] == [("Staff Rest Room", "staff_rest")]


def test_far_away_drawings_are_moved_to_the_origin(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(500000, 3000000), (500004, 3000000), (500004, 3000003), (500000, 3000003)], close=True,
                       dxfattribs={"layer": "WALL"})
    path = tmp_path / "far.dxf"
    doc.saveas(path)
    result = import_dxf(path, render=False)
    assert result.details["origin_offset_m"] == [500000, 3000000]
    assert result.project.levels[0].walls[0].path[0] == (0.0, 0.0)
    assert any("far from its origin" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"0\nSECTION\n2\nENTITIES\n0\nLINE\n8\nWALL\n10\nnot-a-number\n", "not a readable DXF"),
        (b"this is not a drawing at all\n" * 20, "not a readable DXF"),
        (b"0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n", "no drawing entities"),
        (b"AC1032\x00\x00\x00\x00garbage", "DWG file"),
        (b"", "empty"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.dxf"
    path.write_bytes(content)
    with pytest.raises(PlanImportError) as info:
        import_plan(path, kind="dxf")
    text = str(info.value)
    assert message in text and text.startswith(str(path)) and "\n" not in text


def test_truncated_dxf_is_an_error_or_a_partial_import(tmp_path: Path) -> None:
    good = hotel_floor_dxf(tmp_path / "floor.dxf").read_bytes()
    path = tmp_path / "cut.dxf"
    path.write_bytes(good[: len(good) // 3])
    try:
        result = import_plan(path)
    except PlanImportError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert result.kind == "dxf"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanImportError, match="file not found"):
        import_dxf(tmp_path / "nope.dxf")
