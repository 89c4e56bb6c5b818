"""Floors printed one above another on one sheet become levels, as floors side by side do; one building whose
wings a long corridor parts stays one level."""

from __future__ import annotations

from pathlib import Path

import ezdxf
from reportlab.pdfgen import canvas
from shapely.geometry import Point, Polygon

from planner.importers import import_plan
from tests.unit.pdf_fixtures import PLAN_ROOMS, vector_plan_pdf


def _zone_at(level, xy):
    return next(z for z in level.zones if Polygon(z.polygon).contains(Point(xy)))


def _origin(level) -> tuple[float, float]:
    pts = [p for w in level.walls for p in w.path]
    return (round(min(p[0] for p in pts), 2), round(min(p[1] for p in pts), 2))


def test_floors_one_above_another_on_one_sheet_become_levels(tmp_path: Path) -> None:
    """Ground floor on top, first floor under it, each titled underneath: two whole levels laid over one another,
    named by their titles, in storey order; the import says how it found them."""
    result = import_plan(vector_plan_pdf(tmp_path / "plan.pdf", scale=150, scale_text="SCALE 1:150",
                                         floors=("Ground Floor", "First Floor"), stacked=True), render=False)
    levels = result.project.levels
    assert [lv.name for lv in levels] == ["Ground Floor", "First Floor"]
    for level in levels:
        ox, oy = _origin(level)
        assert _zone_at(level, (ox + PLAN_ROOMS["男厕"][0], oy + PLAN_ROOMS["男厕"][1])).use == "restroom"
        assert sum(o.kind == "door" for o in level.openings) == 3
    assert _origin(levels[0]) == _origin(levels[1])
    assert any("2 floors drawn one above another (Ground Floor, First Floor) became 2 levels" in w
               for w in result.warnings)


def test_a_building_parted_by_a_long_corridor_stays_one_level(tmp_path: Path) -> None:
    """Two wings 2.4 m apart, the corridor between them open at both ends, one title under the building: one
    level, not a floor per wing."""
    k = 72 / 0.0254 / 100
    c = canvas.Canvas(str(tmp_path / "wings.pdf"), pagesize=(842, 595))

    def p(x: float, y: float) -> tuple[float, float]:
        return 80 + x * k, 80 + y * k

    c.setLineWidth(2.0)
    c.rect(15, 15, 842 - 30, 595 - 30)
    c.setFont("Helvetica", 10)
    c.drawString(*p(0, -1.0), "Ground Floor")
    c.drawString(*p(0, -1.6), "SCALE 1:100")
    c.setLineWidth(0.5)
    for y0 in (0.0, 6.4):  # two wings 12 x 4 m, double-line walls 0.2 m thick, rooms 4 m wide
        for inset in (-0.1, 0.1):
            c.rect(*p(-inset, y0 - inset), (20 + 2 * inset) * k, (4 + 2 * inset) * k)
        for x in (5.0, 10.0, 15.0):
            c.line(*p(x - 0.1, y0 + 0.1), *p(x - 0.1, y0 + 3.9))
            c.line(*p(x + 0.1, y0 + 0.1), *p(x + 0.1, y0 + 3.9))
    c.setFont("Helvetica", 9)
    for n, x in enumerate((2.5, 7.5, 12.5, 17.5)):
        c.drawCentredString(*p(x, 2.0), f"Office {n + 1}")
        c.drawCentredString(*p(x, 8.4), f"Office {n + 5}")
    c.showPage()
    c.save()
    result = import_plan(tmp_path / "wings.pdf", render=False)
    assert len(result.project.levels) == 1
    assert len(result.project.levels[0].zones) >= 8
    assert not any("floors drawn" in w for w in result.warnings)


def test_dxf_floors_one_above_another_become_levels_said_so(tmp_path: Path) -> None:
    """The same in a DXF's model space: two 10 x 6 m floors 8 m apart vertically, each titled under it."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    doc.layers.add("WALL")
    msp = doc.modelspace()
    for y0, title in ((14.0, "1F"), (0.0, "2F")):
        msp.add_lwpolyline([(0, y0), (10, y0), (10, y0 + 6), (0, y0 + 6)], close=True, dxfattribs={"layer": "WALL"})
        msp.add_line((5, y0), (5, y0 + 6), dxfattribs={"layer": "WALL"})
        msp.add_text(title, dxfattribs={"height": 0.5, "insert": (4.5, y0 - 1.0)})
    doc.saveas(tmp_path / "stack.dxf")
    result = import_plan(tmp_path / "stack.dxf", render=False)
    assert [lv.name for lv in result.project.levels] == ["1F", "2F"]
    assert [row.get("source") for row in result.summary()["levels"]] == ["one above another"] * 2
    assert any("2 floors drawn one above another (1F, 2F)" in w for w in result.warnings)
