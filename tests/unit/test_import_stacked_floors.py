"""Floors printed one above another on one sheet become levels, as floors side by side do; one building whose
wings a long corridor parts stays one level."""

from __future__ import annotations

import math
from pathlib import Path

import ezdxf
from reportlab.pdfgen import canvas
from shapely.geometry import Point, Polygon

from planner.importers import import_plan
from tests.unit.pdf_fixtures import PLAN_ROOMS, vector_plan_pdf, wall_body

_K = 72 / 0.0254 / 100  # page points per metre at 1:100
#: A floor of a house, 10 x 7 m: outer walls 0.2 m, a partition at x = 5; doors (wall, hinge, closed end, leaf
#: direction) in the partition and in the left wall, none in the top or bottom wall.
HOUSE_WALLS = [((0.0, 0.0), (10.0, 0.0), 0.2), ((10.0, 0.0), (10.0, 7.0), 0.2), ((10.0, 7.0), (0.0, 7.0), 0.2),
               ((0.0, 7.0), (0.0, 0.0), 0.2), ((5.0, 0.0), (5.0, 7.0), 0.12)]
HOUSE_DOORS = [(4, (5.0, 2.0), (5.0, 2.9), (-1.0, 0.0)), (3, (0.0, 4.0), (0.0, 4.9), (1.0, 0.0))]
#: A wing of offices, 20 x 4 m, partitions every 5 m; doors into the corridor along its wall at y = 4 (or 0).
WING_WALLS = [((0.0, 0.0), (20.0, 0.0), 0.2), ((20.0, 0.0), (20.0, 4.0), 0.2), ((20.0, 4.0), (0.0, 4.0), 0.2),
              ((0.0, 4.0), (0.0, 0.0), 0.2)] + [((x, 0.0), (x, 4.0), 0.12) for x in (5.0, 10.0, 15.0)]


def _draw_plan(c: canvas.Canvas, origin: tuple[float, float], walls: list, doors: list) -> None:
    """Walls as the outlines of their body (two faces each, 0.5 pt), door swings and leaves in a thin pen."""
    ox, oy = origin

    def p(xy: tuple[float, float]) -> tuple[float, float]:
        return 80 + (ox + xy[0]) * _K, 60 + (oy + xy[1]) * _K

    body = wall_body(walls, doors)
    path = c.beginPath()
    for part in getattr(body, "geoms", [body]):
        for ring in [part.exterior, *part.interiors]:
            pts = [p(q) for q in list(ring.coords)[:-1]]
            path.moveTo(*pts[0])
            for q in pts[1:]:
                path.lineTo(*q)
            path.close()
    c.setLineWidth(0.5)
    c.drawPath(path, stroke=1, fill=0)
    c.setLineWidth(0.18)
    for _k, hinge, closed, leaf in doors:
        r = math.dist(hinge, closed)
        opened = (hinge[0] + leaf[0] * r, hinge[1] + leaf[1] * r)
        a_closed = math.degrees(math.atan2(closed[1] - hinge[1], closed[0] - hinge[0]))
        a_open = math.degrees(math.atan2(opened[1] - hinge[1], opened[0] - hinge[0]))
        hx, hy = p(hinge)
        c.arc(hx - r * _K, hy - r * _K, hx + r * _K, hy + r * _K, a_closed, (a_open - a_closed + 180) % 360 - 180)
        c.line(hx, hy, *p(opened))


def _sheet(path: Path, plans: list[tuple[tuple[float, float], list, list]], texts: dict[str, tuple[float, float]]
           ) -> Path:
    c = canvas.Canvas(str(path), pagesize=(842, 1190))
    c.setLineWidth(2.0)
    c.rect(15, 15, 842 - 30, 1190 - 30)
    c.setFont("Helvetica", 10)
    c.drawString(80, 30, "SCALE 1:100")
    for origin, walls, doors in plans:
        _draw_plan(c, origin, walls, doors)
    for text, (x, y) in texts.items():
        c.drawCentredString(80 + x * _K, 60 + y * _K, text)
    c.showPage()
    c.save()
    return path


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


def test_floors_printed_close_one_above_another_without_titles_become_levels(tmp_path: Path) -> None:
    """Two floors of a house 0.45 m apart (4.5 mm on the sheet, too close for the side-by-side test, their
    facing walls' outer faces close enough to pass for one wall), titles drawn as outlines (no text): one level
    per block, from the top down, laid over one another, and the import says it guessed their names."""
    pdf = _sheet(tmp_path / "house.pdf", [((0.0, 7.65), HOUSE_WALLS, HOUSE_DOORS),
                                          ((0.0, 0.0), HOUSE_WALLS, HOUSE_DOORS)], {})
    result = import_plan(pdf, render=False)
    levels = result.project.levels
    assert [lv.name for lv in levels] == ["1F", "2F"]
    assert _origin(levels[0]) == _origin(levels[1])
    for level in levels:
        assert len(level.zones) == 2
        assert sum(o.kind == "door" for o in level.openings) == 2
        assert all(w.thickness_m < 0.3 for w in level.walls)  # no wall made of the two floors' facing walls
    assert any("2 blocks of walls drawn one above another" in w and "no floor title could be read" in w
               for w in result.warnings)


def test_close_floors_take_their_titles_in_storey_order(tmp_path: Path) -> None:
    """The same sheet with the titles written: "Ground Floor" over the top plan, "Upper Floor" under the lower."""
    pdf = _sheet(tmp_path / "house.pdf", [((0.0, 7.65), HOUSE_WALLS, HOUSE_DOORS),
                                          ((0.0, 0.0), HOUSE_WALLS, HOUSE_DOORS)],
                 {"Ground Floor": (5.0, 15.2), "Upper Floor": (5.0, -0.9)})
    result = import_plan(pdf, render=False)
    assert [lv.name for lv in result.project.levels] == ["Ground Floor", "Upper Floor"]
    assert any("2 floors drawn one above another (Ground Floor, Upper Floor)" in w for w in result.warnings)


def test_close_floors_with_one_title_only_stay_one_level(tmp_path: Path) -> None:
    pdf = _sheet(tmp_path / "house.pdf", [((0.0, 7.65), HOUSE_WALLS, HOUSE_DOORS),
                                          ((0.0, 0.0), HOUSE_WALLS, HOUSE_DOORS)], {"Ground Floor": (5.0, 15.2)})
    assert len(import_plan(pdf, render=False).project.levels) == 1


def test_wings_parted_by_a_corridor_their_doors_open_on_stay_one_level(tmp_path: Path) -> None:
    """No titles at all, two wings alike and a clear band between them: but the band is a corridor, the rooms'
    doors are along it, so the building stays one level."""
    up = [(6, (x + 1.0, 0.0), (x + 1.9, 0.0), (0.0, 1.0)) for x in (0.0, 5.0, 10.0, 15.0)]
    down = [(6, (x + 1.0, 4.0), (x + 1.9, 4.0), (0.0, -1.0)) for x in (0.0, 5.0, 10.0, 15.0)]
    pdf = _sheet(tmp_path / "wings.pdf", [((0.0, 6.4), WING_WALLS, [(0, *d[1:]) for d in up]),
                                          ((0.0, 0.0), WING_WALLS, [(2, *d[1:]) for d in down])], {})
    result = import_plan(pdf, render=False)
    assert len(result.project.levels) == 1
    assert sum(o.kind == "door" for o in result.project.levels[0].openings) == 8
    assert not any("one above another" in w for w in result.warnings)
