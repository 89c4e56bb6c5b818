"""What an import makes, the checks must not flag as the user's mistake: columns drawn as outlines that cross
themselves, wall paths that cross or fold back, doors beside their wall or on no wall at all.

Each drawing is built here (ezdxf, reportlab) with the fault real drawings have; after the import the plan's own
checks (``INVALID_GEOMETRY``, ``OPENING_NOT_ON_WALL``) find nothing, and what the import could not mend is named,
with its position, in its warnings.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import ezdxf
import pytest
from reportlab.pdfgen import canvas
from shapely.geometry import LineString, Point, Polygon

from planner.cli import main
from planner.importers import import_plan
from planner.importers.repair import outline_rings, repair_level, simple_pieces
from planner.io import save_project
from planner.model import Level, Opening, Project, Wall, Zone
from planner.rules.checks import check_geometry
from planner.rules.pack import DEFAULT_RULE_PACK, load_rule_pack
from planner.rules.soundness import check_openings

PACK = load_rule_pack(DEFAULT_RULE_PACK)


def _flagged(project: Project) -> list[str]:
    return [f.code for f in check_geometry(project, PACK) + check_openings(project, PACK)]


def _room_dxf(path: Path) -> tuple[ezdxf.document.Drawing, object]:
    """A 10 x 6 m room of single-line walls on layer WALL (metres), with a wall across it at x = 5."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    for name in ("WALL", "COLUMN", "DOOR"):
        doc.layers.add(name)
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 6), (0, 6)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_line((5, 0), (5, 2), dxfattribs={"layer": "WALL"})
    msp.add_line((5, 3), (5, 6), dxfattribs={"layer": "WALL"})
    return doc, msp


def _swing(msp: object, hinge: tuple[float, float], closed: tuple[float, float], opened: tuple[float, float]) -> None:
    """A door swing: the arc from the closed end to the open one, and the leaf from the hinge to the open end."""
    r = math.dist(hinge, closed)
    a0 = math.degrees(math.atan2(closed[1] - hinge[1], closed[0] - hinge[0]))
    a1 = math.degrees(math.atan2(opened[1] - hinge[1], opened[0] - hinge[0]))
    if (a1 - a0) % 360 > 180:
        a0, a1 = a1, a0
    msp.add_arc(hinge, r, a0, a1, dxfattribs={"layer": "DOOR"})  # type: ignore[attr-defined]
    msp.add_line(hinge, opened, dxfattribs={"layer": "DOOR"})  # type: ignore[attr-defined]


def test_a_column_drawn_as_two_outlines_joined_into_one_path_is_a_column(tmp_path: Path) -> None:
    """Dagstuhl's columns: two overlapping squares drawn as one closed path that crosses itself. The import makes
    the solid column they draw (a short wall as thick as the column), which the check accepts."""
    doc, msp = _room_dxf(tmp_path / "c.dxf")
    x, y = 2.0, 3.0
    msp.add_lwpolyline([(x + 0.01, y), (x + 0.01, y + 0.01), (x, y + 0.01), (x, y + 0.2), (x + 0.2, y + 0.2),
                        (x + 0.2, y + 0.01), (x + 0.19, y + 0.01), (x + 0.19, y), (x + 0.2, y), (x + 0.2, y + 0.21),
                        (x, y + 0.21), (x, y)], close=True, dxfattribs={"layer": "COLUMN"})
    doc.saveas(tmp_path / "c.dxf")
    result = import_plan(tmp_path / "c.dxf", render=False)
    level = result.project.levels[0]
    column = next(w for w in level.walls if w.extra["import"]["found"] == "column")
    assert column.thickness_m == pytest.approx(0.2, abs=0.001)
    assert LineString(column.path).length == pytest.approx(0.21, abs=0.001)
    assert Point(x + 0.1, y + 0.1).distance(LineString(column.path)) < 0.01
    assert _flagged(result.project) == []


def test_a_door_beside_its_wall_is_moved_onto_it_and_the_import_says_so(tmp_path: Path) -> None:
    """A door block inserted 0.4 m beside a thin wall (too far for the check's 0.3 m) lies along it: the import
    lays it on the wall's centre-line and names it among the doors it moved."""
    doc, msp = _room_dxf(tmp_path / "d.dxf")
    block = doc.blocks.new(name="DOOR_90")
    block.add_line((0, 0), (0.9, 0))
    block.add_line((0, 0), (0, 0.9))
    msp.add_blockref("DOOR_90", (7.0, 0.4), dxfattribs={"layer": "DOOR"})
    doc.saveas(tmp_path / "d.dxf")
    result = import_plan(tmp_path / "d.dxf", render=False)
    level = result.project.levels[0]
    door = next(o for o in level.openings if o.kind == "door")
    assert sorted(door.segment) == [(7.0, 0.0), (7.9, 0.0)]
    assert door.wall is not None and door.extra["import"]["moved_onto_wall_m"] == pytest.approx(0.4)
    assert any("moved onto it" in w and door.id in w for w in result.warnings)
    assert _flagged(result.project) == []


def test_a_door_on_no_wall_is_left_out_and_named_with_its_place(tmp_path: Path) -> None:
    """Barcelona's double doors stand where the drawing has no wall: the import leaves them out and its warning
    says where each was, so the user can draw the wall; the check then finds no door off its wall."""
    doc, msp = _room_dxf(tmp_path / "n.dxf")
    _swing(msp, (5.0, 2.0), (5.0, 3.0), (6.0, 2.0))  # in the gap of the wall at x = 5: kept
    _swing(msp, (7.0, 3.0), (7.0, 4.0), (8.0, 3.0))  # in the middle of the room, no wall near
    doc.saveas(tmp_path / "n.dxf")
    result = import_plan(tmp_path / "n.dxf", render=False)
    level = result.project.levels[0]
    doors = [o for o in level.openings if o.kind == "door"]
    assert [sorted(d.segment) for d in doors] == [[(5.0, 2.0), (5.0, 3.0)]]
    lost = [w for w in result.warnings if "lie on no wall and were left out" in w]
    assert len(lost) == 1 and "at (7.00, 3.50)" in lost[0]
    assert _flagged(result.project) == []
    assert result.summary()["openings"] == {"door": 1}  # the summary counts what the project holds


def test_a_fresh_import_checks_clean_from_the_command_line(tmp_path: Path) -> None:
    doc, msp = _room_dxf(tmp_path / "cli.dxf")
    _swing(msp, (7.0, 3.0), (7.0, 4.0), (8.0, 3.0))
    doc.saveas(tmp_path / "cli.dxf")
    out = io.StringIO()
    assert main(["import", str(tmp_path / "cli.dxf"), "-o", str(tmp_path / "cli.vplan"), "--format", "json"],
                out=out, err=io.StringIO()) == 0
    assert any("(7.00, 3.50)" in w for w in json.loads(out.getvalue())["warnings"])
    out = io.StringIO()
    main(["check", str(tmp_path / "cli.vplan"), "--format", "json"], out=out, err=io.StringIO())
    codes = {f["code"] for f in json.loads(out.getvalue())["findings"]}
    assert not codes & {"INVALID_GEOMETRY", "OPENING_NOT_ON_WALL"}


def test_a_pdf_column_whose_outline_runs_back_on_itself_is_a_column(tmp_path: Path) -> None:
    """Asheville's poché: a filled column whose outline runs out and back along one line (a spike) is the solid
    column, not a wall the check calls self-crossing."""
    k = 72 / 0.0254 / 100  # 1:100
    c = canvas.Canvas(str(tmp_path / "p.pdf"), pagesize=(842, 595))

    def p(x: float, y: float) -> tuple[float, float]:
        return 100 + x * k, 100 + y * k

    c.setFont("Helvetica", 8)
    c.drawString(*p(0, -1.5), "SCALE 1:100")
    c.setFillGray(0.35)
    body = c.beginPath()
    for ring in ([(-0.1, -0.1), (10.1, -0.1), (10.1, 6.1), (-0.1, 6.1)], [(0.1, 0.1), (0.1, 5.9), (9.9, 5.9),
                                                                           (9.9, 0.1)]):
        body.moveTo(*p(*ring[0]))
        for q in ring[1:]:
            body.lineTo(*p(*q))
        body.close()
    c.drawPath(body, stroke=0, fill=1, fillMode=1)
    col = c.beginPath()
    pts = [(4, 3), (4.6, 3), (4.6, 3.4), (4.6, 3.6), (4.6, 3.4), (4, 3.4)]  # the spike runs up and back down
    col.moveTo(*p(*pts[0]))
    for q in pts[1:]:
        col.lineTo(*p(*q))
    col.close()
    c.drawPath(col, stroke=0, fill=1)
    c.setLineWidth(0.18)  # tables: enough line work for a drawing, not a scan
    for n in range(5):
        c.rect(*p(1.0 + 1.5 * n, 1.0), 0.8 * k, 0.8 * k)
    c.showPage()
    c.save()
    result = import_plan(tmp_path / "p.pdf", render=False)
    level = result.project.levels[0]
    columns = [w for w in level.walls if Point(4.3, 3.2).distance(LineString(w.path)) < 0.35]
    assert columns, [w.path for w in level.walls]
    assert _flagged(result.project) == []


# -- the repair itself, on levels built by hand -----------------------------------------------------------------


def test_an_open_wall_path_that_crosses_itself_is_split_where_it_crosses_and_keeps_its_door() -> None:
    """A wall path that loops over itself: pieces that do not cross, the door on the piece it lies on."""
    loop = ((0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (2.0, 2.0), (2.0, -2.0))
    level = Level(id="L1", walls=[Wall(id="w1", path=loop, thickness_m=0.1)],
                  openings=[Opening(id="d1", segment=((2.0, 1.0), (2.0, 1.8)), wall="w1")])
    project = Project(levels=[level])
    assert _flagged(project) == ["INVALID_GEOMETRY"]
    notes = repair_level(level)
    assert _flagged(project) == []
    assert [w.id for w in level.walls] == ["w1", "w1.1", "w1.2"]
    assert sum(LineString(w.path).length for w in level.walls) == pytest.approx(LineString(loop).length)
    holder = next(w for w in level.walls if w.id == level.openings[0].wall)
    assert LineString(holder.path).distance(Point(2.0, 1.4)) < 1e-9
    assert any("split where they cross" in n for n in notes)


def test_a_wall_that_runs_back_over_itself_is_kept_once() -> None:
    level = Level(id="L1", walls=[Wall(id="w1", path=((0.0, 0.0), (3.0, 0.0), (1.0, 0.0), (1.0, 2.0)))])
    repair_level(level)
    assert _flagged(Project(levels=[level])) == []
    assert sum(LineString(w.path).length for w in level.walls) == pytest.approx(5.0)


def test_repeated_points_and_walls_of_no_length_are_dropped() -> None:
    level = Level(id="L1", walls=[Wall(id="w1", path=((0.0, 0.0), (0.0, 0.0), (2.0, 0.0), (2.0, 0.0))),
                                  Wall(id="w2", path=((1.0, 1.0), (1.0, 1.0)))])
    notes = repair_level(level)
    assert [(w.id, w.path) for w in level.walls] == [("w1", ((0.0, 0.0), (2.0, 0.0)))]
    assert "1 wall(s) of no length were left out" in notes


def test_a_closed_wall_that_crosses_itself_becomes_the_outline_it_encloses() -> None:
    bowtie = ((0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 2.0), (0.0, 0.0))
    level = Level(id="L1", walls=[Wall(id="w1", path=bowtie)])
    repair_level(level)
    assert _flagged(Project(levels=[level])) == []
    assert sorted(round(Polygon(w.path).area, 6) for w in level.walls) == [1.0, 1.0]


def test_a_room_outline_that_crosses_itself_keeps_its_largest_part() -> None:
    zone = Zone(id="z1", polygon=((0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (3.0, 3.0), (3.0, -0.5), (2.9, -0.5),
                                  (2.9, 3.0), (0.0, 3.0)))
    level = Level(id="L1", zones=[zone])
    assert _flagged(Project(levels=[level])) == ["INVALID_GEOMETRY"]
    repair_level(level)
    assert _flagged(Project(levels=[level])) == []
    assert Polygon(zone.polygon).area > 8.0


def test_a_door_across_its_wall_is_not_moved_onto_it() -> None:
    """Only a door running along a wall belongs to it: one standing across the wall's line is left out."""
    level = Level(id="L1", walls=[Wall(id="w1", path=((0.0, 0.0), (6.0, 0.0)))],
                  openings=[Opening(id="d1", segment=((3.0, 0.2), (3.0, 1.2)))])
    notes = repair_level(level)
    assert level.openings == []
    assert notes == ["1 door(s) lie on no wall and were left out: d1 at (3.00, 0.70); draw the wall there and add "
                     "them in the editor"]


def test_outline_and_pieces_helpers() -> None:
    assert outline_rings([(0, 0), (1, 0), (0, 0)]) == []
    assert simple_pieces([(0, 0), (1, 0)]) == [[(0.0, 0.0), (1.0, 0.0)]]


def test_the_repaired_project_saves_and_opens(tmp_path: Path) -> None:
    level = Level(id="L1", walls=[Wall(id="w1", path=((0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (2.0, 2.0), (2.0, -2.0)))])
    repair_level(level)
    save_project(Project(levels=[level]), tmp_path / "r.vplan")
