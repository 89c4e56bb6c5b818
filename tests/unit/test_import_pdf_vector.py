"""Vector PDF plans: walls, doors, rooms and labels from the page's paths and texts, at the page's scale."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from shapely.geometry import LineString, Point, Polygon

from planner.cli import main
from planner.importers import import_plan
from planner.io import load_project, save_project
from planner.model import Camera, Level
from tests.unit.pdf_fixtures import PLAN_DOORS, PLAN_ROOMS, vector_plan_pdf

#: Centre-lines with thickness a user expects (plan metres, relative to the exterior's corner), door gaps.
EXPECTED_WALLS = sorted([
    ((0.0, 0.0), (2.0, 0.0), 0.24), ((2.9, 0.0), (12.0, 0.0), 0.24), ((12.0, 0.0), (12.0, 8.0), 0.24),
    ((0.0, 8.0), (12.0, 8.0), 0.24), ((0.0, 0.0), (0.0, 8.0), 0.24),
    ((7.0, 0.0), (7.0, 1.5), 0.12), ((7.0, 2.4), (7.0, 5.5), 0.12), ((7.0, 6.4), (7.0, 8.0), 0.12),
    ((7.0, 4.0), (12.0, 4.0), 0.12),
])


def _origin(level: Level) -> tuple[float, float]:
    """Where the plan's (0, 0) landed: the exterior walls' lower-left centre-line corner."""
    xs = [p[0] for w in level.walls for p in w.path]
    ys = [p[1] for w in level.walls for p in w.path]
    return min(xs), min(ys)


def _walls(level: Level) -> list[tuple[tuple[float, float], tuple[float, float], float]]:
    ox, oy = _origin(level)
    out = []
    for w in level.walls:
        a, b = sorted((round(p[0] - ox, 2) + 0.0, round(p[1] - oy, 2) + 0.0) for p in w.path)
        out.append((a, b, round(w.thickness_m, 2)))
    return sorted(out)


def _zone_at(level: Level, xy: tuple[float, float]):
    ox, oy = _origin(level)
    pt = Point(xy[0] + ox, xy[1] + oy)
    hits = [z for z in level.zones if Polygon(z.polygon).contains(pt)]
    assert len(hits) == 1, f"{len(hits)} zones at {xy}: {[z.name for z in level.zones]}"
    return hits[0]


@pytest.mark.parametrize("style", ["double", "poche", "thick", "mixed"])
def test_walls_are_centre_lines_with_thickness(tmp_path: Path, style: str) -> None:
    """Double lines, filled (poché) walls, strokes as wide as the wall, or a mix: one centre-line wall per
    wall piece with its thickness, broken at the door gaps, meeting at the corners."""
    result = import_plan(vector_plan_pdf(tmp_path / f"{style}.pdf", style=style))
    level = result.project.levels[0]
    assert result.kind == "pdf" and result.calibrated
    assert _walls(level) == EXPECTED_WALLS
    assert len(level.backgrounds) == 1  # the page stays under the walls


def test_doors_are_openings_in_the_wall_gaps(tmp_path: Path) -> None:
    """Each swing (a Bézier quarter arc with its leaf line) is a door spanning its wall gap, on the wall's line."""
    level = import_plan(vector_plan_pdf(tmp_path / "plan.pdf")).project.levels[0]
    ox, oy = _origin(level)
    doors = sorted(tuple(sorted((round(p[0] - ox, 2) + 0.0, round(p[1] - oy, 2) + 0.0) for p in o.segment))
                   for o in level.openings if o.kind == "door")
    expected = sorted(tuple(sorted((hinge, closed))) for _, hinge, closed, _ in PLAN_DOORS)
    assert doors == expected
    assert all(o.extra["import"]["found"] == "swing" for o in level.openings)


def test_labelled_toilets_are_restroom_zones(tmp_path: Path) -> None:
    """男厕 and WC inside their rooms make restroom zones; the office is an office; the table is not a room."""
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", style="poche"))
    level = result.project.levels[0]
    assert len(level.zones) == 3
    for label, use in (("男厕", "restroom"), ("WC", "restroom"), ("办公室", "office")):
        zone = _zone_at(level, PLAN_ROOMS[label])
        assert (zone.name, zone.use) == (label, use)
        assert math.isclose(Polygon(zone.polygon).area, {"办公室": 56.0}.get(label, 20.0), rel_tol=0.01)


def test_labels_drawn_one_character_at_a_time(tmp_path: Path) -> None:
    """CAD programs often print Chinese text one glyph per text object, across or down a narrow room."""
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", labels={"办公室": PLAN_ROOMS["办公室"]},
                                         split_labels={"男厕": (PLAN_ROOMS["男厕"], "across"),
                                                       "女厕": (PLAN_ROOMS["WC"], "down")}))
    level = result.project.levels[0]
    assert _zone_at(level, PLAN_ROOMS["男厕"]).name == "男厕"
    assert _zone_at(level, PLAN_ROOMS["WC"]).name == "女厕"
    assert {z.use for z in level.zones} == {"restroom", "office"}


def test_check_flags_a_camera_inside_the_imported_toilet(tmp_path: Path) -> None:
    """The failure this product exists to prevent: a camera in the men's toilet of a PDF plan must not pass."""
    pdf = vector_plan_pdf(tmp_path / "plan.pdf")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(pdf), "-o", str(tmp_path / "plan.vplan")], out=out, err=err) == 0, err.getvalue()
    project = load_project(tmp_path / "plan.vplan")
    level = project.levels[0]
    toilet = _zone_at(level, PLAN_ROOMS["男厕"])
    ox, oy = _origin(level)
    level.cameras.append(Camera(id="c1", position=(PLAN_ROOMS["男厕"][0] + ox, PLAN_ROOMS["男厕"][1] + oy),
                                heading_deg=270.0))
    save_project(project, tmp_path / "plan.vplan")
    out = io.StringIO()
    assert main(["check", str(tmp_path / "plan.vplan"), "--format", "json"], out=out, err=err) == 1
    inside = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "DEVICE_IN_PRIVATE_SPACE"]
    assert [(f["severity"], f["camera"], f["zone"]) for f in inside] == [("error", "c1", toilet.id)]


def test_the_scale_written_on_the_page_is_used(tmp_path: Path) -> None:
    """A 1:50 print says 1:50: walls come out in true metres, and the import says where the scale came from."""
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", scale=50, scale_text="GROUND FLOOR  SCALE 1:50"))
    assert _walls(result.project.levels[0]) == EXPECTED_WALLS
    assert result.calibrated and result.details["scale"] == "1:50"
    assert any("scale 1:50 read from the page" in w for w in result.warnings)


def test_a_given_scale_wins_over_the_page(tmp_path: Path) -> None:
    path = vector_plan_pdf(tmp_path / "plan.pdf", scale=50, scale_text="1:100")  # a wrong title
    result = import_plan(path, scale="1:50")
    assert _walls(result.project.levels[0]) == EXPECTED_WALLS
    assert not any("read from the page" in w for w in result.warnings)


def test_without_a_scale_text_the_door_swings_estimate_it_and_the_import_says_so(tmp_path: Path) -> None:
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", scale=50, scale_text=None))
    assert _walls(result.project.levels[0]) == EXPECTED_WALLS
    assert not result.calibrated
    assert any("1:50 ESTIMATED from 3 door swings" in w for w in result.warnings)
    assert "scale NOT calibrated" in result.summary_text()


def test_without_scale_text_or_doors_the_assumed_scale_is_said(tmp_path: Path) -> None:
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", scale_text=None, doors=False))
    assert not result.calibrated
    assert any("ASSUMED 1:100" in w and "--scale" in w for w in result.warnings)
    assert len(result.project.levels[0].walls) == 9  # still imported, at the scale it says


def test_a_scanned_pdf_is_a_background_only_and_says_so(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    png = tmp_path / "scan.png"
    image = Image.new("L", (600, 400), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 350), outline=0, width=6)
    image.save(png)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(600, 400))
    c.drawImage(str(png), 0, 0, 600, 400)
    c.save()
    result = import_plan(path)
    level = result.project.levels[0]
    assert (len(level.walls), len(level.zones), len(level.backgrounds)) == (0, 0, 1)
    assert any("no vector line work (a scanned plan, 1 image(s))" in w for w in result.warnings)
    assert "layers" not in result.details


def test_the_command_line_reports_per_group_and_takes_group_choices(tmp_path: Path) -> None:
    """Groups by line width and colour (or fill) stand for layers: printed per group, and chosen like layers."""
    pdf = vector_plan_pdf(tmp_path / "plan.pdf", style="mixed")
    out, err = io.StringIO(), io.StringIO()
    assert main(["import", str(pdf), "-o", str(tmp_path / "a.vplan")], out=out, err=err) == 0, err.getvalue()
    text = out.getvalue()
    assert "per layer:" in text
    assert "fill #595959: 1 entities -> 5 walls" in text
    assert "line 0.25pt #000000: 1 entities -> 4 walls" in text
    assert "line 0.18pt #000000: 7 entities -> 3 doors" in text
    # ignoring the thin pen drops the doors; choosing only the fill as walls drops the partitions
    out = io.StringIO()
    assert main(["import", str(pdf), "-o", str(tmp_path / "b.vplan"), "--ignore-layers", "line 0.18pt*",
                 "--wall-layers", "fill*", "--format", "json"], out=out, err=err) == 0, err.getvalue()
    summary = json.loads(out.getvalue())
    assert summary["walls"] == 5 and summary["openings"] == {}
    rows = {row["layer"]: row for row in summary["layers"]}
    assert rows["line 0.18pt #000000"]["ignored"] and rows["line 0.25pt #000000"]["walls"] == 0


def test_lines_on_a_chosen_door_group_are_doors_without_a_leaf(tmp_path: Path) -> None:
    pdf = vector_plan_pdf(tmp_path / "plan.pdf", leaves=False)
    assert import_plan(pdf).project.levels[0].openings == []
    level = import_plan(pdf, door_layers=["line 0.18pt*"]).project.levels[0]
    assert sum(o.kind == "door" for o in level.openings) == 3


def test_the_page_frame_is_not_a_wall(tmp_path: Path) -> None:
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf"))
    assert any("1 shape(s) spanning the page" in w for w in result.warnings)
    assert result.details["wall_groups"] == ["line 0.25pt #000000"]
    level = result.project.levels[0]
    assert max(LineString(w.path).length for w in level.walls) <= 12.0 + 1e-6


def test_without_a_scale_text_the_printed_room_areas_estimate_it(tmp_path: Path) -> None:
    """Plans print each room's area; two or more rooms agreeing give the scale, said as an estimate (here the
    plan has no door swings to go by, and the first guess, 1:100, is wrong)."""
    labels = {**PLAN_ROOMS, "A: 18.41 m²": (9.5, 5.3), "18.41 m2": (9.5, 1.3), "S=52.9㎡": (3.0, 3.0)}  # net areas
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", scale=125, scale_text=None, doors=False,
                                         labels=labels))
    assert _walls(result.project.levels[0]) == EXPECTED_WALLS
    assert not result.calibrated
    assert any("1:125 ESTIMATED from the areas printed in" in w for w in result.warnings)
    assert _zone_at(result.project.levels[0], PLAN_ROOMS["男厕"]).use == "restroom"


def test_floors_side_by_side_on_one_sheet_become_levels(tmp_path: Path) -> None:
    """Two floors printed on one sheet, named under each: two levels laid over one another, each a whole plan."""
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", scale=150, scale_text="SCALE 1:150",
                                         floors=("1F", "2F")))
    levels = result.project.levels
    assert [lv.name for lv in levels] == ["1F", "2F"]
    for level in levels:
        assert _walls(level) == EXPECTED_WALLS
        assert _zone_at(level, PLAN_ROOMS["男厕"]).use == "restroom"
        assert sum(o.kind == "door" for o in level.openings) == 3
    assert _origin(levels[0]) == _origin(levels[1])  # over one another
    assert len(levels[1].backgrounds) == 1


def test_no_background_leaves_the_page_out_only_when_its_drawing_was_read(tmp_path: Path) -> None:
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf"), render=False)
    level = result.project.levels[0]
    assert (len(level.walls), len(level.backgrounds)) == (9, 0)


@pytest.mark.parametrize("rotate", [0, 90, 270])
def test_walls_lie_on_the_drawing_of_the_background(tmp_path: Path, rotate: int) -> None:
    """The walls read from the vectors sit on the walls of the rendered page under them, also on a page shown
    turned (/Rotate), where the plan turns with it."""
    import io as _io

    from PIL import Image

    from planner.importers.calibrate import plan_to_pixel

    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", style="poche", rotate=rotate))
    level = result.project.levels[0]
    assert len(level.walls) == 9 and len(level.zones) == 3
    bg = level.backgrounds[0]
    image = Image.open(_io.BytesIO(result.project.files[bg.source])).convert("L")
    for wall in level.walls:
        (x0, y0), (x1, y1) = wall.path[0], wall.path[-1]
        u, v = plan_to_pixel(bg.transform, ((x0 + x1) / 2, (y0 + y1) / 2))
        assert image.getpixel((round(u), round(v))) < 128, (rotate, wall.path)  # the grey poché, not paper
    lengths = sorted(round(LineString(w.path).length, 2) for w in level.walls)
    assert lengths == sorted(round(math.dist(a, b), 2) for a, b, _ in EXPECTED_WALLS)


def test_a_label_written_slightly_askew_is_one_label(tmp_path: Path) -> None:
    """Text on a slant (a scanned-and-vectorised or hand-placed label) still reads as one word."""
    labels = {"办公室": PLAN_ROOMS["办公室"], "Sanitaires": PLAN_ROOMS["WC"], "Vestiaires": PLAN_ROOMS["男厕"]}
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", labels=labels, slant_deg=10.0))
    level = result.project.levels[0]
    assert (_zone_at(level, PLAN_ROOMS["WC"]).name, _zone_at(level, PLAN_ROOMS["WC"]).use) == ("Sanitaires",
                                                                                             "restroom")
    assert _zone_at(level, PLAN_ROOMS["男厕"]).use == "changing_room"
