"""DXF drawings as architects draw them: double-line walls, doors by their swing, toilets a check can trust.

Each fixture reproduces a pattern found in real floor plans (tests/unit/import_fixtures.py); the
real drawing in the shared data folder is imported too when it is present.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import ezdxf
import pytest
from shapely.geometry import Point, Polygon

from planner.cli import main
from planner.importers import import_plan
from planner.io import save_project
from planner.model import Camera
from tests.unit.import_fixtures import OFFICE_DOORS, OFFICE_ROOMS, office_floor_dxf

REAL_BARCELONA = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "dxf" / "barcelona_plan.dxf"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory):
    path = office_floor_dxf(tmp_path_factory.mktemp("office") / "office.dxf")
    return path, import_plan(path, render=False)


def zone_at(level, xy):
    return next(z for z in level.zones if Polygon(z.polygon).contains(Point(xy)))


def test_every_labelled_toilet_is_a_restroom_zone(office) -> None:
    """男厕 (TEXT) and 女厕 (MTEXT with formatting codes) become restroom zones covering their rooms."""
    _, result = office
    level = result.project.levels[0]
    for name, xy in OFFICE_ROOMS.items():
        zone = zone_at(level, xy)
        assert zone.name == name
    assert zone_at(level, OFFICE_ROOMS["男厕"]).use == "restroom"
    assert zone_at(level, OFFICE_ROOMS["女厕"]).use == "restroom"
    assert zone_at(level, OFFICE_ROOMS["办公室"]).use == "office"
    assert zone_at(level, OFFICE_ROOMS["走廊"]).use == "corridor"
    # socket numbers on the electrical layer and dimension texts name nothing, and are no guest rooms
    assert not any("12" in z.name or "3000" in z.name for z in level.zones)
    assert "hotel_room" not in {z.use for z in level.zones}
    # the toilet zones are whole rooms, not the strips inside walls
    assert Polygon(zone_at(level, OFFICE_ROOMS["男厕"]).polygon).area == pytest.approx(18.0, abs=0.5)


def test_walls_are_single_centre_lines_with_thickness(office) -> None:
    """Two face lines make one wall 0.2 m thick on their centre-line; junctions meet; columns are short walls."""
    _, result = office
    walls = result.project.levels[0].walls
    faces = [w for w in walls if w.extra["import"]["found"] == "paired"]
    assert {w.thickness_m for w in faces} == {0.2}
    assert not [w for w in walls if w.extra["import"]["found"] == "single"]  # no face line left over
    # every centre-line lies on one of the drawn centre-lines (x or y in 0, 2, 3, 6, 8, 12)
    for w in faces:
        (x0, y0), (x1, y1) = w.path
        assert (x0 == x1 and x0 in (0, 3, 6, 12)) or (y0 == y1 and y0 in (0, 2, 8)), w.path
    # the corridor wall is four pieces between its three door gaps; the outer walls are whole
    corridor = sorted(sorted((w.path[0][0], w.path[1][0])) for w in faces if w.path[0][1] == w.path[1][1] == 2.0)
    assert corridor == [[0.0, 1.0], [1.9, 4.0], [4.9, 8.0], [9.0, 12.0]]
    assert any(sorted(p[0] for p in w.path) == [0.0, 12.0] and w.path[0][1] == 0.0 for w in faces)
    columns = [w for w in walls if w.extra["import"]["found"] == "column"]
    assert len(columns) == 4 and {w.thickness_m for w in columns} == {0.5}


def test_doors_are_openings_in_the_wall_gaps(office) -> None:
    """Loose swing arcs with their leaf, and an unnamed door block on the furniture layer, make doors that span
    the gaps exactly; chairs inserted on a layer named WINDOW make no windows; the real window does."""
    _, result = office
    level = result.project.levels[0]
    doors = sorted((o for o in level.openings if o.kind == "door"), key=lambda o: min(o.segment[0][0], o.segment[1][0]))
    assert [sorted(p[0] for p in d.segment) for d in doors] == [list(g) for g in OFFICE_DOORS]
    assert all(p[1] == 2.0 for d in doors for p in d.segment)
    windows = [o for o in level.openings if o.kind == "window"]
    assert len(windows) == 1 and sorted(p[0] for p in windows[0].segment) == [7.5, 9.0]
    assert any("do not look like doors or windows" in w for w in result.warnings)


def test_check_flags_a_camera_inside_an_imported_toilet(office, tmp_path: Path) -> None:
    """The failure this product exists to prevent: a camera in the men's toilet must not pass the check."""
    _, result = office
    project = result.project
    project.levels[0].cameras.append(Camera(id="c1", position=(1.5, 6.0), heading_deg=270.0))
    path = tmp_path / "office.vplan"
    save_project(project, path)
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(path), "--format", "json"], out=out, err=err)
    assert code == 1, err.getvalue()
    findings = json.loads(out.getvalue())["findings"]
    inside = [f for f in findings if f["code"] == "DEVICE_IN_PRIVATE_SPACE"]
    toilet = zone_at(project.levels[0], OFFICE_ROOMS["男厕"])
    assert [(f["severity"], f["camera"], f["zone"]) for f in inside] == [("error", "c1", toilet.id)]


def test_binary_dxf_imports_like_the_text_one(tmp_path: Path) -> None:
    path = office_floor_dxf(tmp_path / "office-bin.dxf", binary=True)
    assert path.read_bytes().startswith(b"AutoCAD Binary DXF")
    result = import_plan(path, render=False)
    level = result.project.levels[0]
    assert zone_at(level, OFFICE_ROOMS["男厕"]).use == "restroom"
    assert sum(o.kind == "door" for o in level.openings) == 3


def test_room_tag_placeholders_are_not_names(tmp_path: Path) -> None:
    """A room-tag block whose attribute still says ID_PIECE names no room; its filled-in twin does."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    tag = doc.blocks.new("CARTOUCHE")
    tag.add_attdef("ID_PIECE", (0, 0), dxfattribs={"height": 0.2})
    tag.add_attdef("NOM", (0, -0.3), dxfattribs={"height": 0.2})
    msp = doc.modelspace()
    for x, name in ((0.0, "Sanitaires"), (5.0, "Bureau")):
        msp.add_lwpolyline([(x, 0), (x + 4, 0), (x + 4, 3), (x, 3)], close=True, dxfattribs={"layer": "LOCAUX"})
        ref = msp.add_blockref("CARTOUCHE", (x + 1, 1.5))
        ref.add_auto_attribs({"ID_PIECE": "ID_PIECE", "NOM": name})
    path = tmp_path / "tags.dxf"
    doc.saveas(path)
    level = import_plan(path, render=False).project.levels[0]
    assert sorted((z.name, z.use) for z in level.zones) == [("Bureau", "office"), ("Sanitaires", "restroom")]


def test_the_real_barcelona_pavilion(tmp_path: Path) -> None:
    """Double-line walls and columns of a real drawing become thick centre-line walls; glass stays glass."""
    if not REAL_BARCELONA.is_file():
        pytest.skip("the shared real drawing is not present")
    result = import_plan(REAL_BARCELONA, render=False)
    walls = result.project.levels[0].walls
    paired = [w for w in walls if w.extra["import"]["found"] == "paired"]
    assert len(paired) >= 20
    assert all(0.05 <= w.thickness_m <= 0.5 for w in paired)
    assert any(w.material == "glass" for w in walls)
    drawn = sum(math.dist(a, b) for w in paired for a, b in zip(w.path, w.path[1:], strict=False))
    assert drawn > 50.0


def test_furniture_and_stairs_never_replace_a_labelled_room(tmp_path: Path) -> None:
    """A round table inside the kitchen outline is furniture: the labelled kitchen stays; stair treads are no
    rooms; a labelled room whose walls leave a gap at a missing door is grown from its label to its walls."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (5, 0), (5, 4), (0, 4)], close=True, dxfattribs={"layer": "ROOMS"})
    msp.add_circle((2.5, 2.0), 0.9, dxfattribs={"layer": "ROOMS"})  # a round table, 2.5 m²
    msp.add_text("Kitchen", height=0.25, dxfattribs={"layer": "TEXT", "insert": (0.3, 3.3)})
    for i in range(10):  # stair treads: 0.28 m deep, 1.2 m wide
        y = 5.0 + 0.28 * i
        msp.add_lwpolyline([(0, y), (1.2, y), (1.2, y + 0.28), (0, y + 0.28)], close=True,
                           dxfattribs={"layer": "STAIR"})
    # a study drawn with single-line walls and a 0.9 m door gap with no door drawn
    study = [((10, 0), (14, 0)), ((14, 0), (14, 3)), ((14, 3), (10, 3)), ((10, 3), (10, 1.9)), ((10, 1.0), (10, 0))]
    for a, b in study:
        msp.add_line(a, b, dxfattribs={"layer": "WALLS"})
    msp.add_text("STUDY", height=0.25, dxfattribs={"layer": "TEXT", "insert": (11.5, 1.5)})
    path = tmp_path / "house.dxf"
    doc.saveas(path)
    result = import_plan(path, render=False)
    level = result.project.levels[0]
    kitchen = zone_at(level, (0.5, 0.5))
    assert (kitchen.name, kitchen.use) == ("Kitchen", "service")
    assert Polygon(kitchen.polygon).area == pytest.approx(20.0)
    assert not any(Polygon(z.polygon).contains(Point(0.6, 5.5)) for z in level.zones)  # no stair tread
    study = zone_at(level, (12.0, 1.5))
    assert (study.name, study.use) == ("STUDY", "office")
    assert Polygon(study.polygon).area == pytest.approx(12.0, rel=0.05)
    assert len(level.zones) == 2


def _render_text(tmp_path: Path, text: str, name: str, mtext: bool = False):
    import numpy as np
    from PIL import Image

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    doc.styles.add("HZ", font="txt.shx").dxf.bigfont = "hztxt.shx"  # SHX fonts no machine here has
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4, 0), (4, 3), (0, 3)], close=True, dxfattribs={"layer": "WALL"})
    if mtext:  # a font named inline, as Chinese drawings do, that the machine does not have
        msp.add_mtext("{\\fSimHei|b0|i0|c134;" + text + "}",
                      dxfattribs={"layer": "TEXT", "style": "HZ", "char_height": 0.6, "insert": (0.5, 1.8)})
    else:
        msp.add_text(text, height=0.6, dxfattribs={"layer": "TEXT", "style": "HZ", "insert": (0.5, 1.2)})
    path = tmp_path / name
    doc.saveas(path)
    project = import_plan(path).project
    data = project.files[project.levels[0].backgrounds[0].source]
    import io as _io

    return np.asarray(Image.open(_io.BytesIO(data)).convert("L"))


def test_chinese_text_is_drawn_with_the_bundled_font(tmp_path: Path) -> None:
    """Without the drawing's SHX fonts, 男厕 and 女厕 still come out as different glyphs, not the same boxes."""
    for mtext in (False, True):
        men = _render_text(tmp_path, "男厕", "men.dxf", mtext)
        women = _render_text(tmp_path, "女厕", "women.dxf", mtext)
        assert men.shape == women.shape
        ink_men, ink_women = men < 128, women < 128
        assert ink_men.sum() > 0 and ink_women.sum() > 0
        assert (ink_men != ink_women).sum() > 0.05 * ink_men.sum(), f"mtext={mtext}"


def test_the_command_line_takes_layer_choices_and_reports_per_layer(office, tmp_path: Path) -> None:
    """A user rescues an import from the command line: ignoring the door layer loses those doors, naming a
    layer as doors turns its bare arcs into doors, and the summary says what each layer gave."""
    path, _ = office
    out, err = io.StringIO(), io.StringIO()
    code = main(["import", str(path), "-o", str(tmp_path / "a.vplan"), "--no-background",
                 "--ignore-layers", "DOOR_*,E-*", "--format", "json"], out=out, err=err)
    assert code == 0, err.getvalue()
    summary = json.loads(out.getvalue())
    rows = {r["layer"]: r for r in summary["layers"]}
    assert rows["WALL"]["walls"] == 11 and rows["PUB_TEXT"]["labels"] == 4 and rows["家具"]["doors"] == 1
    assert rows["DOOR_FIRE"]["ignored"] and rows["DOOR_FIRE"]["doors"] == 0
    assert summary["openings"] == {"door": 1, "window": 1}
    out = io.StringIO()
    assert main(["import", str(path), "-o", str(tmp_path / "b.vplan"), "--no-background"], out=out) == 0
    text = out.getvalue()
    assert "per layer:" in text and "WALL: 1 entities -> 11 walls" in text
    assert "DOOR_FIRE: 4 entities -> 2 doors" in text


def test_arcs_on_a_chosen_door_layer_are_doors_without_a_leaf(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_line((0, 0), (2, 0), dxfattribs={"layer": "A"})
    msp.add_line((2.9, 0), (6, 0), dxfattribs={"layer": "A"})
    msp.add_arc((2.0, 0.0), 0.9, 0, 90, dxfattribs={"layer": "SWINGS"})  # no leaf line drawn
    path = tmp_path / "leafless.dxf"
    doc.saveas(path)
    plain = import_plan(path, render=False, wall_layers=["A"])
    assert not plain.project.levels[0].openings
    chosen = import_plan(path, render=False, wall_layers=["A"], door_layers=["swing*"])
    (door,) = chosen.project.levels[0].openings
    assert sorted(door.segment) == [(2.0, 0.0), (2.9, 0.0)]


def test_nothing_usable_says_what_was_tried_and_what_to_do(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for i in range(30):  # scattered single strokes on a layer named like nothing
        msp.add_line((i * 0.7, 0), (i * 0.7 + 0.3, 2.0), dxfattribs={"layer": "LAYER-7"})
    path = tmp_path / "strokes.dxf"
    doc.saveas(path)
    result = import_plan(path, render=False)
    (advice,) = [w for w in result.warnings if w.startswith("nothing usable")]
    assert "'LAYER-7' (30)" in advice and "--wall-layers" in advice


def test_two_floors_in_one_file_become_two_levels(tmp_path: Path) -> None:
    """Floors drawn side by side with their names under them (二层 first in the file) become levels in order,
    laid over one another, each with its toilets as restroom zones."""
    path = office_floor_dxf(tmp_path / "two.dxf", floors=("二层平面图", "一层平面图"))
    result = import_plan(path, render=False)
    project = result.project
    assert [(lv.id, lv.name) for lv in project.levels] == [("L1", "一层平面图"), ("L2", "二层平面图")]
    assert project.levels[1].elevation_m > project.levels[0].elevation_m
    for level in project.levels:
        assert zone_at(level, OFFICE_ROOMS["男厕"]).use == "restroom"  # laid over one another: same place
        assert sum(o.kind == "door" for o in level.openings) == 3
        assert len([w for w in level.walls if w.extra["import"]["found"] == "paired"]) == 11
        assert not any("平面图" in z.name for z in level.zones)
    ids = [e.id for level in project.levels for e in (*level.walls, *level.openings, *level.zones)]
    assert len(ids) == len(set(ids))
    assert any("2 floors" in w for w in result.warnings)
    save_project(project, tmp_path / "two.vplan")  # a valid project file


def test_a_toilet_label_in_no_room_is_a_warning_not_silence(tmp_path: Path) -> None:
    """Where no room can be closed around 男厕, the summary says so: a camera there would not be flagged."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_line((0, 0), (10, 0), dxfattribs={"layer": "WALL"})  # one wall, nothing closed
    msp.add_text("男厕", height=0.3, dxfattribs={"layer": "TEXT", "insert": (3.0, 2.0)})
    msp.add_text("走廊", height=0.3, dxfattribs={"layer": "TEXT", "insert": (6.0, 2.0)})
    path = tmp_path / "open.dxf"
    doc.saveas(path)
    result = import_plan(path, render=False)
    assert not result.project.levels[0].zones
    (warning,) = [w for w in result.warnings if "private room label" in w]
    assert "'男厕'" in warning and "走廊" not in warning


def test_lines_too_crowded_to_pair_say_so_and_still_give_a_background(tmp_path: Path) -> None:
    """A drawing whose unit is wrong crowds its lines together (a real 2.8 MB drawing took 24 minutes and 12 GB
    before): pairing gives up at once with a note naming the unit, and the drawing is still the background."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 4  # mm, for a drawing made at 1:100
    msp = doc.modelspace()
    for i in range(2500):
        y = (i % 50) * 6.0
        x = (i // 50) * 5.0
        msp.add_line((x, y), (x + 120.0, y + 3.0), dxfattribs={"layer": "8-F"})
    path = tmp_path / "crowded.dxf"
    doc.saveas(path)
    result = import_plan(path)
    (note,) = [w for w in result.warnings if "too crowded to pair" in w]
    assert "--units" in note and "2500 lines" in note
    assert not result.project.levels[0].walls
    assert result.project.levels[0].backgrounds  # something to trace over
