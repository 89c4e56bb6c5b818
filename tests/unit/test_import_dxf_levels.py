"""Drawings with several floors become one level per floor: floors on layouts (viewports onto model space, or
drawn in paper space), floors drawn as blocks named 1F / 2F, floors framed with their names."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import Point, Polygon

from planner.cli import main
from planner.importers import import_plan
from planner.io import save_project
from planner.model import Camera
from tests.unit.import_fixtures import (
    OFFICE_DOORS,
    OFFICE_ROOMS,
    SECOND_FLOOR_NAMES,
    _office_doc,
    _office_floor,
    framed_floors_dxf,
    layout_floors_dxf,
)


def zone_at(level, xy):
    return next(z for z in level.zones if Polygon(z.polygon).contains(Point(xy)))


def assert_office_floor(level, names: dict[str, str] | None = None) -> None:
    """What a user needs of each imported floor: its rooms with the right uses, walls as 0.2 m centre-lines,
    the three doors as openings in the corridor wall's gaps."""
    names = names or {}
    for name, xy in OFFICE_ROOMS.items():
        assert zone_at(level, xy).name == names.get(name, name), (level.name, name)
    assert zone_at(level, OFFICE_ROOMS["男厕"]).use == "restroom"
    assert zone_at(level, OFFICE_ROOMS["女厕"]).use == "restroom"
    assert zone_at(level, OFFICE_ROOMS["走廊"]).use == "corridor"
    paired = [w for w in level.walls if w.extra["import"]["found"] == "paired"]
    assert len(paired) == 11 and {w.thickness_m for w in paired} == {0.2}
    walls = {w.id: w for w in level.walls}
    doors = sorted((o for o in level.openings if o.kind == "door"), key=lambda o: min(p[0] for p in o.segment))
    assert [sorted(p[0] for p in d.segment) for d in doors] == [list(g) for g in OFFICE_DOORS]
    assert all(p[1] == 2.0 for d in doors for p in d.segment)
    assert all(d.wall is None or d.wall in walls for d in doors)
    assert sum(o.kind == "window" for o in level.openings) == 1


def camera_in_toilet_is_flagged(project, level_index: int, tmp_path: Path) -> None:
    level = project.levels[level_index]
    level.cameras.append(Camera(id=f"cam-{level.id}", position=(1.5, 6.0), heading_deg=270.0))
    path = tmp_path / f"{level.id}.vplan"
    save_project(project, path)
    out = io.StringIO()
    assert main(["check", str(path), "--format", "json"], out=out, err=io.StringIO()) == 1
    inside = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "DEVICE_IN_PRIVATE_SPACE"]
    toilet = zone_at(level, OFFICE_ROOMS["男厕"])
    assert [(f["severity"], f["camera"], f["zone"]) for f in inside] == [("error", f"cam-{level.id}", toilet.id)]


def test_layouts_with_viewports_onto_model_space_become_levels(tmp_path: Path) -> None:
    """Layouts 'Ground Floor' and 'First Floor' each show one floor of model space: two levels named after
    them, each with its own rooms; the key plan showing both and the empty Layout1 make no level."""
    result = import_plan(layout_floors_dxf(tmp_path / "sheets.dxf"), render=False)
    project = result.project
    assert [(lv.id, lv.name) for lv in project.levels] == [("L1", "Ground Floor"), ("L2", "First Floor")]
    assert_office_floor(project.levels[0])
    assert_office_floor(project.levels[1], SECOND_FLOOR_NAMES)
    assert zone_at(project.levels[1], OFFICE_ROOMS["办公室"]).use == "meeting_room"  # its own region, not L1's
    ids = [e.id for level in project.levels for e in (*level.walls, *level.openings, *level.zones)]
    assert len(ids) == len(set(ids))
    rows = result.summary()["levels"]
    assert [(r["name"], r["zones"], r["doors"], r["windows"]) for r in rows] == [
        ("Ground Floor", 4, 3, 1), ("First Floor", 4, 3, 1)]
    assert rows[1]["source"] == "viewport of layout 'First Floor'"
    text = result.summary_text()
    assert "L2 First Floor [viewport of layout 'First Floor']: 4 zones" in text
    assert any("2 layouts show 2 floors" in w for w in result.warnings)
    camera_in_toilet_is_flagged(project, 1, tmp_path)


def test_layouts_drawn_in_paper_space_become_levels(tmp_path: Path) -> None:
    """Layouts 'Erdgeschoss' and 'Obergeschoss' each hold their floor in paper space (model space only a note):
    two levels in storey order, each with rooms, walls and doors, and its own layout as background."""
    result = import_plan(layout_floors_dxf(tmp_path / "paper.dxf", paper=True))
    project = result.project
    assert [lv.name for lv in project.levels] == ["Erdgeschoss", "Obergeschoss"]
    assert_office_floor(project.levels[0])
    assert_office_floor(project.levels[1], SECOND_FLOOR_NAMES)
    for level in project.levels:
        (background,) = level.backgrounds
        from PIL import Image

        ink = np.asarray(Image.open(io.BytesIO(project.files[background.source])).convert("L")) < 128
        assert ink.mean() > 0.01  # the layout's drawing, not a blank page
    assert [r["source"] for r in result.summary()["levels"]] == [
        "paper space of layout 'Erdgeschoss'", "paper space of layout 'Obergeschoss'"]
    camera_in_toilet_is_flagged(project, 0, tmp_path)


def test_a_layout_drawn_at_its_plot_scale_is_read_at_that_scale(tmp_path: Path) -> None:
    """Floors placed on their sheets at 1:100 (the sheet says so) come out at full size."""
    doc = _office_doc()
    doc.modelspace().add_text("-", height=3)
    for name, names in (("EG", None), ("OG", SECOND_FLOOR_NAMES)):
        block = doc.blocks.new(f"PLAN-{name}")
        _office_floor(doc, 0.0, "", space=block, names=names)
        sheet = doc.layouts.new(name)
        sheet.add_blockref(f"PLAN-{name}", (50, 50), dxfattribs={"xscale": 0.01, "yscale": 0.01})
        sheet.add_text("Grundriss M 1:100", height=5, dxfattribs={"insert": (100, 10)})
    path = tmp_path / "scaled.dxf"
    doc.saveas(path)
    result = import_plan(path, render=False)
    assert [lv.name for lv in result.project.levels] == ["EG", "OG"]
    for level in result.project.levels:
        assert Polygon(zone_at(level, (1.5 + 5.0, 5.0 + 5.0)).polygon).area == pytest.approx(18.0, abs=0.5)
        assert {w.thickness_m for w in level.walls if w.extra["import"]["found"] == "paired"} == {0.2}
    assert any("1:100" in w for w in result.warnings)


@pytest.mark.parametrize("blocks", [False, True], ids=["frames", "floor-blocks"])
def test_framed_floors_and_floor_blocks_become_levels(tmp_path: Path, blocks: bool) -> None:
    """Floors in sheet frames named in their title corner (far from the walls), or drawn as blocks 1F / 2F."""
    result = import_plan(framed_floors_dxf(tmp_path / "framed.dxf", blocks=blocks), render=False)
    names = ["1F", "2F"] if blocks else ["一层平面图", "二层平面图"]  # the plot scale is not part of the name
    assert [lv.name for lv in result.project.levels] == names
    assert_office_floor(result.project.levels[0])
    assert_office_floor(result.project.levels[1], SECOND_FLOOR_NAMES)


def test_one_floor_on_several_sheets_stays_one_level(tmp_path: Path) -> None:
    """Two layouts each showing half of one floor (meeting at a match line), and a detail sheet inside it,
    are one floor: one level, with all of its rooms."""
    doc = _office_doc()
    _office_floor(doc, 0.0, "")
    for name, centre in (("A-101", (3000, 4000)), ("A-102", (9000, 4000)), ("Details", (1500, 5000))):
        sheet = doc.layouts.new(name)
        height = 3000 if name == "Details" else 12000
        sheet.add_viewport(center=(100, 140), size=(150, 250), view_center_point=centre, view_height=height)
    path = tmp_path / "halves.dxf"
    doc.saveas(path)
    result = import_plan(path, render=False)
    (level,) = result.project.levels
    assert_office_floor(level)


def test_layouts_without_walls_are_no_floors(tmp_path: Path) -> None:
    """A drawing whose two layouts hold only title blocks is imported from model space, as one level."""
    doc = _office_doc()
    _office_floor(doc, 0.0, "")
    for name in ("Sheet 1", "Sheet 2"):
        sheet = doc.layouts.new(name)
        for off in (0, 10):
            sheet.add_lwpolyline([(off, off), (841 - off, off), (841 - off, 594 - off), (off, 594 - off)],
                                 close=True)
        sheet.add_text("Ground Floor", height=5, dxfattribs={"insert": (700, 20)})
    path = tmp_path / "titles.dxf"
    doc.saveas(path)
    (level,) = import_plan(path, render=False).project.levels
    assert_office_floor(level)
